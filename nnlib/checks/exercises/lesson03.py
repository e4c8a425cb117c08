"""Lesson 03's exercises: the MSE's output delta, and a learning rate that makes the MSE
gradient converge from 20 starts. (The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

from ._shared import LEARNING_RATE_MISCONCEPTIONS, sigmoid


def _measured_delta(y, y_hat, h=1e-6):
    """dL/dz2 for L = mean((σ(z2) - y)²), measured entry by entry at the z2 with σ(z2) = y_hat."""
    z2 = np.log(y_hat / (1 - y_hat))
    delta = np.zeros_like(z2)
    for index in np.ndindex(z2.shape):
        up, down = z2.copy(), z2.copy()
        up[index] += h
        down[index] -= h
        loss_up, loss_down = np.mean((sigmoid(up) - y) ** 2), np.mean((sigmoid(down) - y) ** 2)
        delta[index] = (loss_up - loss_down) / (2 * h)
    return delta


def _all_starts_converge(student_fn, *, nb):
    lr = student_fn()
    params = nb.train_xor(nb.starts, nb.delta_mse, learning_rate=lr)[0]
    errors = np.max(np.abs(nb.forward(params, nb.X)[1] - nb.y), axis=(1, 2))
    n = int(np.sum(errors < 0.1))
    return n == 20, f"learning rate {lr}: {n} of 20 starts converged"


EXERCISES = {
    "output_delta_mse": {
        "args": {"y": "targets y", "y_hat": "predictions ŷ"},
        "reference": _measured_delta,
        "inputs": [(np.array([[1.0], [0.0], [1.0], [1.0]]), np.array([[0.2], [0.7], [0.9], [0.4]])),
                   (np.array([[1.0]]), np.array([[0.6]])),
                   (np.array([[1.0], [0.0], [1.0]]), np.array([[0.35], [0.55], [0.15]]))],
        "hints": [
            "Chain rule: ∂L/∂z2 = ∂L/∂ŷ · ∂ŷ/∂z2. Work out each factor for one entry ŷ_i.",
            "∂ŷ/∂z2 is the sigmoid's slope, which you can write with ŷ alone. In ∂L/∂ŷ_i, keep "
            "the 1/n of the mean (n = len(y)) and the 2 from the square.",
        ],
        "misconceptions": [
            (lambda y, y_hat: (y_hat - y) / len(y),
             "that is the cross-entropy's delta: for the MSE the chain has one more link, the "
             "sigmoid's slope, which the cross-entropy's log cancels."),
            (lambda y, y_hat: 2 * (y_hat - y) * y_hat * (1 - y_hat),
             "L is a mean over the n cases: each case's share carries a 1/n."),
            (lambda y, y_hat: (y_hat - y) / len(y) * y_hat * (1 - y_hat),
             "the 2 that comes down from the square is missing."),
            (lambda y, y_hat: 2 * (y_hat - y) / len(y),
             "a link is missing: how ŷ changes with z2, the sigmoid's slope."),
            (lambda y, y_hat: 2 * (y_hat - y) / len(y) * sigmoid(y_hat) * (1 - sigmoid(y_hat)),
             "the sigmoid's slope was taken at ŷ as if ŷ were z2: ŷ is already σ(z2), and the "
             "slope is written with that output."),
            (lambda y, y_hat: 2 * (y - y_hat) / len(y) * y_hat * (1 - y_hat),
             "the first link has its sign flipped: L grows when ŷ moves above y."),
            (lambda y, y_hat: np.mean((y_hat - y) ** 2) * y_hat * (1 - y_hat),
             "the first link is the MSE's slope in ŷ, not the MSE itself."),
            (lambda y, y_hat: np.full_like(y_hat, np.mean(2 * (y_hat - y) * y_hat * (1 - y_hat))),
             "the delta has one entry per case: the mean's 1/n scales each entry, it does not "
             "average them into one."),
            (lambda y, y_hat: 2 * (y_hat - y) / len(y) * (1 - y_hat),
             "only one factor of the sigmoid's slope is there: written with the output, it has "
             "two."),
        ],
    },
    "mse_learning_rate": {
        "condition": _all_starts_converge,
        "needs": {"train_xor": "the training cell of section 5", "starts": "section 6's cell "
                  "that stacks the 20 starts", "delta_mse": "section 4's cell with delta_ce "
                  "and delta_mse", "forward": "section 3's cell that defines forward"},
        "timeout": 120,
        "hints": [
            "On the plateau the MSE delta is a fixed fraction of the cross-entropy delta, which "
            "converges with 0.1 (section 6 says which fraction).",
            "Make up for that fraction, and then some: the MSE steps shrink further as ŷ "
            "approaches 0 or 1. Run the check with a few values.",
        ],
        "misconceptions": LEARNING_RATE_MISCONCEPTIONS,
    },
}
