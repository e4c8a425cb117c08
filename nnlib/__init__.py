"""nnlib: neural networks from scratch in numpy, with Keras' names.

    from nnlib import Sequential, Dense
    model = Sequential([Dense(3, activation="sigmoid", input_dim=2), Dense(1)], seed=0)
    model.compile(loss="mse", optimizer="sgd")
    history = model.fit(X, y, epochs=100)

Importing nnlib imports numpy only; matplotlib and TensorFlow load when a function needs them.
"""
from . import (
    activations,
    checks,
    datasets,
    errors,
    gradcheck,
    keras_bridge,
    layers,
    losses,
    metrics,
    optimizers,
    plotting,
    regularizers,
)
from .keras_bridge import to_keras
from .layers import Dense
from .model import History, Sequential, load_model

__all__ = ["Sequential", "Dense", "History", "load_model", "to_keras", "activations", "checks",
           "datasets", "errors", "gradcheck", "keras_bridge", "layers", "losses", "metrics",
           "optimizers", "plotting", "regularizers"]
__version__ = "0.1.0"
