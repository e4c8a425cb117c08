"""nnlib: neural networks from scratch in numpy, with Keras' names.

Three rooms in one package:
- the network, at the top: layers, activations, initializers, losses, optimizers,
  regularizers, metrics, callbacks, model, gradcheck, keras_bridge, errors, datasets,
  plotting — what a student reads;
- `nnlib.checks`: the exercise checks, the diagnosis of a wrong answer, running the student's
  code, the self-check quizzes (lessons use `from nnlib import checks`);
- `nnlib.playground`: the live playground of lessons 03 and 06 (`from nnlib.playground import
  Playground`).
The network never imports the checks or the playground (tests/test_project.py keeps it so).

    from nnlib import Sequential, Dense
    model = Sequential([Dense(3, activation="sigmoid", input_dim=2), Dense(1)], seed=0)
    model.compile(loss="mse", optimizer="sgd")
    history = model.fit(X, y, epochs=100)

Importing nnlib imports numpy only; matplotlib and TensorFlow load when a function needs them.
It also sets two TensorFlow variables (unless already set), so that a lesson's Keras cell, run
after `import nnlib`, prints no TensorFlow start-up lines and gives the same numbers on every
CPU: `TF_CPP_MIN_LOG_LEVEL=2` (no info or warning lines from TensorFlow's C++ side) and
`TF_ENABLE_ONEDNN_OPTS=0` (no oneDNN kernels, whose sums may round differently).
"""
import os as _os

# Read by TensorFlow when it loads, so they must be set before: nnlib never imports it itself.
_os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
_os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

# The network's modules, and the other two rooms (light at import: numpy only; the playground
# loads its parts on first use).
from . import (
    activations,
    callbacks,
    checks,
    datasets,
    errors,
    gradcheck,
    initializers,
    keras_bridge,
    layers,
    losses,
    metrics,
    optimizers,
    playground,
    plotting,
    regularizers,
)
from .keras_bridge import to_keras
from .layers import Dense
from .model import History, Sequential, load_model

__all__ = ["Sequential", "Dense", "History", "load_model", "to_keras", "activations", "callbacks",
           "checks", "datasets", "errors", "gradcheck", "initializers", "keras_bridge", "layers",
           "losses", "metrics", "optimizers", "plotting", "playground", "regularizers"]
__version__ = "0.1.0"
