"""Gradient checking: compare backpropagation with a numerical derivative.

The centred difference (f(x + h) - f(x - h)) / 2h is off by O(h^2) from the true derivative,
and rounding adds about 1e-16 abs(f) / h. With h = 1e-5 in float64 a correct backward pass agrees
to about 1e-9 or better; a wrong one does not. `check_model` uses the five-point centred
difference, off by only O(h^4), so that it can take a larger h (1e-4) and round less: it then
agrees to about 1e-11 even where a gradient entry is tiny. Near a kink (relu at z = 0) no
difference formula works: a pre-activation within 2h of 0 gives a large error; use a smaller h.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-5, points=3):
    """df/dx for a scalar function f() of the array x, one entry at a time.

    f: takes no arguments and reads x (which is changed in place and restored).
    x: float64 ndarray of any shape. Returns an array of x's shape.
    points=3: (f(x+h) - f(x-h)) / 2h.
    points=5: (8 [f(x+h) - f(x-h)] - [f(x+2h) - f(x-2h)]) / 12h.
    """
    def f_at(i, value):
        x[i] = value
        return f()

    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        if points == 3:
            grad[i] = (f_at(i, old + h) - f_at(i, old - h)) / (2 * h)
        else:
            near = f_at(i, old + h) - f_at(i, old - h)          # differences first: a flat f
            far = f_at(i, old + 2 * h) - f_at(i, old - 2 * h)   # then gives exactly 0
            grad[i] = (8 * near - far) / (12 * h)
        x[i] = old
    return grad


def rel_error(a, b):
    """max(abs(a - b)) / max(abs(a) + abs(b)): relative error of the whole array, in [0, 1].

    Scaling by the largest entry (rather than entry by entry) keeps tiny gradient entries,
    which round-off dominates, from looking wrong.
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = np.max(np.abs(a) + np.abs(b))
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


def check_model(model, X, y, h=1e-4):
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
        worst = max(worst, rel_error(grad, numerical_gradient(loss, param, h, points=5)))
    return worst
