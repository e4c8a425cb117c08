"""Activation functions, each with its derivative written right under it.

An activation maps a layer's pre-activation `z` (n_samples, units) to its output `a` of the
same shape. In the backward pass a layer needs dL/dz from dL/da; for the element-wise
activations that is dL/da * f'(z). Softmax mixes the units of a row, so it has its own rule.
All functions are safe at extreme inputs: no overflow warnings, finite results.
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import lookup


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(-z)).

    Computed as (1 + tanh(z / 2)) / 2, the same function, because e^(-z) overflows for
    z < -709 while tanh never does.
    """
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def sigmoid_derivative(z):
    """σ'(z) = σ(z) (1 - σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))."""
    return np.tanh(z)


def tanh_derivative(z):
    """tanh'(z) = 1 - tanh(z)^2."""
    return 1.0 - np.tanh(z) ** 2


def relu(z):
    """relu(z) = max(0, z)."""
    return np.maximum(z, 0.0)


def relu_derivative(z):
    """relu'(z) = 1 where z > 0, else 0 (we take 0 at the kink, as Keras does)."""
    return (np.asarray(z) > 0).astype(np.float64)


def linear(z):
    """linear(z) = z: no activation at all."""
    return np.asarray(z, dtype=np.float64)


def linear_derivative(z):
    """linear'(z) = 1."""
    return np.ones_like(np.asarray(z, dtype=np.float64))


def softmax(z):
    """softmax(z)_j = e^(z_j) / sum_k e^(z_k), along the last axis.

    Subtracting each row's maximum first changes nothing mathematically and keeps e^z <= 1.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_backward(a, grad_a):
    """dL/dz for a = softmax(z), given a and dL/da, both (n_samples, units).

    The Jacobian is da_i/dz_j = a_i (δ_ij - a_j), so dL/dz_j = a_j (dL/da_j - sum_i dL/da_i a_i).
    """
    return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))


@dataclass(frozen=True)
class Activation:
    """An activation by name: `forward(z)` -> a, and `backward(z, a, grad_a)` -> dL/dz.

    z, a, grad_a and the result are all (n_samples, units). `derivative` is f'(z), for the
    element-wise activations (None for softmax).
    """

    name: str
    forward: Callable
    derivative: Callable
    backward: Callable

    def __call__(self, z):
        return self.forward(z)


# backward(z, a, grad_a) = grad_a * f'(z). Sigmoid and tanh reuse the output a that the forward
# pass already computed: σ' = a (1 - a) and tanh' = 1 - a^2, saving a second exp or tanh.
ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_derivative,
                          lambda z, a, grad_a: grad_a * a * (1.0 - a)),
    "tanh": Activation("tanh", tanh, tanh_derivative,
                       lambda z, a, grad_a: grad_a * (1.0 - a * a)),
    "relu": Activation("relu", relu, relu_derivative,
                       lambda z, a, grad_a: grad_a * (z > 0)),
    "linear": Activation("linear", linear, linear_derivative,
                         lambda z, a, grad_a: grad_a),
    "softmax": Activation("softmax", softmax, None,
                          lambda z, a, grad_a: softmax_backward(a, grad_a)),
}


def get(name):
    """The Activation called `name` ("sigmoid", "tanh", "relu", "linear", "softmax").

    None means "linear", as in Keras.
    """
    if name is None:
        return ACTIVATIONS["linear"]
    if isinstance(name, Activation):
        return name
    return lookup("activation", name, ACTIVATIONS)
