"""Loss functions: a value, and its gradient with respect to the network's output.

Conventions follow Keras, so that numbers match line for line:
- `y_true`, `y_pred`: (n_samples, k). Each loss is averaged over the last axis (or summed, for
  the cross-entropies, which compare whole probability rows), then over the batch.
- `gradient` returns dL/dy_pred, (n_samples, k), already divided by the batch size.
- The cross-entropies also have a *fused* form that starts from the last layer's
  pre-activation `z` (the logits). With a sigmoid or softmax output the chain rule collapses to
  dL/dz = (y_pred - y_true) / n, which never divides by a probability that rounds to 0.
  `Sequential` takes that path automatically when the output activation matches the loss.
- Pairings: mse fits any output. The cross-entropies take the fused path with their own output
  (binary with sigmoid, categorical with softmax); with any other output they follow Keras:
  binary clips each output to [1e-7, 1 - 1e-7], categorical first divides each row by its sum
  (a tanh or linear row may sum below zero), and `gradient` is the derivative of exactly that.
  `Sequential.compile` refuses what cannot learn: a softmax over one unit, a categorical
  cross-entropy over one unit, or over relu outputs (a row of zeros is 0 / 0).
- Means are written as sum / count: the same numbers as np.mean, which costs ~3 µs more per
  call (its Python wrapper), a tenth of a training step on a small batch.
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .activations import sigmoid, softmax
from .errors import lookup

EPSILON = 1e-7  # Keras clips probabilities to [EPSILON, 1 - EPSILON] before taking logs.


# --- mean squared error -------------------------------------------------------------------

def mse(y_true, y_pred):
    """mean over samples of mean_j (y_pred_j - y_true_j)^2 (= the mean of all the squares)."""
    d = y_pred - y_true
    return (d * d).sum() / d.size


def mse_gradient(y_true, y_pred):
    """dL/dy_pred = 2 (y_pred - y_true) / (n k)."""
    return (y_pred - y_true) * (2.0 / y_pred.size)


# --- binary cross-entropy (sigmoid outputs, targets in [0, 1]) ----------------------------

def binary_crossentropy(y_true, y_pred):
    """-mean[y log p + (1 - y) log(1 - p)], with p clipped away from 0 and 1."""
    p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
    return np.mean(-np.mean(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p), axis=-1))


def binary_crossentropy_gradient(y_true, y_pred):
    """dL/dp = (p - y) / (p (1 - p)) / (n k); zero where the clip is active."""
    n, k = y_pred.shape
    p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
    inside = (y_pred > EPSILON) & (y_pred < 1.0 - EPSILON)
    return inside * (p - y_true) / (p * (1.0 - p)) / (n * k)


def binary_crossentropy_from_logits(y_true, z):
    """The same loss from logits z: max(z, 0) - z y + log(1 + e^(-abs(z))), never overflowing."""
    n, k = z.shape
    per_output = np.maximum(z, 0.0) - z * y_true + np.logaddexp(0.0, -np.abs(z))
    return (per_output.sum(axis=-1) / k).sum() / n


def binary_crossentropy_gradient_from_logits(y_true, z, y_pred=None):
    """dL/dz = (σ(z) - y) / (n k). y_pred: σ(z) if the caller has it already (the output
    layer's a), so that it is not computed twice."""
    n, k = z.shape
    p = sigmoid(z) if y_pred is None else y_pred
    return (p - y_true) / (n * k)


# --- categorical cross-entropy (softmax outputs, one-hot targets) -------------------------

def categorical_crossentropy(y_true, y_pred):
    """-mean over samples of sum_j y_j log p_j, with p clipped away from 0 and 1."""
    p = np.clip(y_pred / y_pred.sum(axis=-1, keepdims=True), EPSILON, 1.0 - EPSILON)
    return np.mean(-np.sum(y_true * np.log(p), axis=-1))


def categorical_crossentropy_gradient(y_true, y_pred):
    """dL/dp_j = (-y_j / p_j + sum_i y_i / S) / n, where S = sum_i p_i (1 for softmax rows).

    The derivative of the value above, clip included: an entry whose q = p / S is clipped adds
    nothing. The second term comes from dividing by S; it is the same for every j, so it
    vanishes when the gradient goes back through a softmax. Rows whose sum S is negative (a
    tanh or linear output) follow the same formula, as in Keras.
    """
    n = y_pred.shape[0]
    total = y_pred.sum(axis=-1, keepdims=True)
    q = y_pred / total
    inside = (q > EPSILON) & (q < 1.0 - EPSILON)
    counted = inside * y_true          # clipped entries contribute nothing
    return (-counted / np.where(inside, y_pred, 1.0)
            + counted.sum(axis=-1, keepdims=True) / total) / n


def categorical_crossentropy_from_logits(y_true, z):
    """-sum_j y_j log softmax(z)_j, with log softmax = z - logsumexp(z)."""
    shifted = z - z.max(axis=-1, keepdims=True)        # logsumexp without overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return (-(y_true * log_p).sum(axis=-1)).sum() / z.shape[0]


def categorical_crossentropy_gradient_from_logits(y_true, z, y_pred=None):
    """dL/dz = (softmax(z) - y) / n. y_pred: softmax(z) if the caller has it already."""
    p = softmax(z) if y_pred is None else y_pred
    return (p - y_true) / z.shape[0]


@dataclass(frozen=True)
class Loss:
    """A loss by name. `logits_of` names the output activation whose fused form it has."""

    name: str
    value: Callable
    gradient: Callable
    logits_of: str = None
    value_from_logits: Callable = None
    gradient_from_logits: Callable = None
    sparse: bool = False   # True: y_true holds integer class labels, turned one-hot first

    def __call__(self, y_true, y_pred):
        return self.value(y_true, y_pred)


LOSSES = {
    "mse": Loss("mse", mse, mse_gradient),
    "binary_crossentropy": Loss(
        "binary_crossentropy", binary_crossentropy, binary_crossentropy_gradient,
        "sigmoid", binary_crossentropy_from_logits, binary_crossentropy_gradient_from_logits),
    "categorical_crossentropy": Loss(
        "categorical_crossentropy", categorical_crossentropy, categorical_crossentropy_gradient,
        "softmax", categorical_crossentropy_from_logits,
        categorical_crossentropy_gradient_from_logits),
    "sparse_categorical_crossentropy": Loss(
        "sparse_categorical_crossentropy", categorical_crossentropy,
        categorical_crossentropy_gradient, "softmax", categorical_crossentropy_from_logits,
        categorical_crossentropy_gradient_from_logits, sparse=True),
}
LOSSES["mean_squared_error"] = LOSSES["mse"]


def one_hot(labels, k):
    """Integer labels (n,) -> one-hot rows (n, k)."""
    out = np.zeros((len(labels), k))
    out[np.arange(len(labels)), labels.astype(int)] = 1.0
    return out


def get(name):
    """The Loss called `name`: "mse", "binary_crossentropy", "categorical_crossentropy" or
    "sparse_categorical_crossentropy"."""
    if isinstance(name, Loss):
        return name
    return lookup("loss", name, LOSSES)
