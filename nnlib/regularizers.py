"""Weight penalties added to the loss: L2 (weight decay) and L1, as in Keras.

A regularizer is called on a kernel W (n_in, units) and returns a number added to the loss;
`gradient(W)` is its derivative, added to the kernel's gradient.
"""
import numpy as np

from .errors import lookup, number_in


class L2:
    """penalty = l2 * sum(W^2); gradient = 2 * l2 * W."""

    def __init__(self, l2=0.01):
        self.l2 = number_in(l2, "l2", 0.0, np.inf, "a number >= 0")

    def __call__(self, W):
        return self.l2 * (W ** 2).sum()

    def gradient(self, W):
        return 2.0 * self.l2 * W

    def __repr__(self):
        return f"L2(l2={self.l2})"


class L1:
    """penalty = l1 * sum(abs(W)); gradient = l1 * sign(W)."""

    def __init__(self, l1=0.01):
        self.l1 = number_in(l1, "l1", 0.0, np.inf, "a number >= 0")

    def __call__(self, W):
        return self.l1 * np.abs(W).sum()

    def gradient(self, W):
        return self.l1 * np.sign(W)

    def __repr__(self):
        return f"L1(l1={self.l1})"


def get(spec):
    """None, an L1 / L2 object, or the names "l1" / "l2" (Keras' default strength, 0.01)."""
    if spec is None or isinstance(spec, (L1, L2)):
        return spec
    return lookup("regularizer", spec, {"l1": L1(), "l2": L2()})
