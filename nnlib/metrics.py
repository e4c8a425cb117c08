"""Metrics: numbers reported during training that the optimizer does not minimise.

Each takes y_true and y_pred of the same shape (n_samples, k) and returns a float. (Integer
labels for the sparse loss are turned one-hot before they get here.)
"""
import numpy as np

from .errors import lookup


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """Share of outputs on the right side of the threshold."""
    return float(np.mean((y_pred > threshold) == (y_true > threshold)))


def categorical_accuracy(y_true, y_pred):
    """Share of rows whose largest output is the true class."""
    return float(np.mean(np.argmax(y_pred, axis=-1) == np.argmax(y_true, axis=-1)))


def mae(y_true, y_pred):
    """Mean absolute error."""
    return float(np.mean(np.abs(y_pred - y_true)))


def mse(y_true, y_pred):
    """Mean squared error."""
    return float(np.mean((y_pred - y_true) ** 2))


METRICS = {"binary_accuracy": binary_accuracy, "categorical_accuracy": categorical_accuracy,
           "mae": mae, "mse": mse, "accuracy": None, "acc": None}


def get(name, n_outputs):
    """The metric function for `name`. "accuracy" picks binary or categorical accuracy by the
    number of outputs, as Keras does."""
    fn = lookup("metric", name, METRICS)
    if fn is None:
        fn = binary_accuracy if n_outputs == 1 else categorical_accuracy
    return fn
