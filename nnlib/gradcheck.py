"""Gradient checking: compare backpropagation with a numerical derivative.

The centred difference (f(x + h) - f(x - h)) / 2h is off by O(h^2), so with h = 1e-5 in
float64 a correct backward pass agrees with it to about 1e-9 or better. A wrong one does not.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """df/dx for a scalar function f() of the array x, one entry at a time.

    f: takes no arguments and reads x (which is changed in place and restored).
    x: float64 ndarray of any shape. Returns an array of x's shape.
    """
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        f_plus = f()
        x[i] = old - h
        f_minus = f()
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_error(a, b):
    """max |a - b| / max(|a| + |b|): relative error of the whole array, in [0, 1].

    Scaling by the largest entry (rather than entry by entry) keeps tiny gradient entries,
    which round-off dominates, from looking wrong.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = np.max(np.abs(a) + np.abs(b))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def check_model(model, X, y, h=1e-5):
    """Largest rel_error between backprop and numerical gradients over all parameters.

    The model must be compiled (the loss decides the gradient). X: (n, n_features), y: targets.
    """
    analytic = model.compute_gradients(X, y)
    X_checked = model._check_X(X)
    y_checked = model._check_y(y, len(X_checked))

    def loss():
        model.forward(X_checked)
        return model.backward(y_checked)

    worst = 0.0
    for param, grad in zip(model.params, analytic):
        worst = max(worst, rel_error(grad, numerical_gradient(loss, param, h)))
    return worst
