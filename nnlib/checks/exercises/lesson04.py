"""Lesson 04's exercises: a hidden neuron's delta from plain lists, and the published backward
pass with its hidden deltas fixed. (The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

from ._shared import HIDDEN_DELTA_MISCONCEPTIONS, sigmoid


def _hidden_delta(a_h, weights_out, deltas_out):
    return float(np.dot(weights_out, deltas_out) * a_h * (1.0 - a_h))


def _slope(a):
    """The published helper: the sigmoid's slope from a neuron's output."""
    return a * (1.0 - a)


def _backward(x, t, W1, b1, W2, b2, hidden_deltas):
    """The published backward pass (layout: W1 (hidden, inputs), W2 (outputs, hidden)), with
    the hidden deltas computed by hidden_deltas(W2, deltas2, a1, z1, a2)."""
    z1 = W1 @ x + b1
    a1 = sigmoid(z1)
    a2 = sigmoid(W2 @ a1 + b2)
    deltas2 = (a2 - t) * _slope(a2)
    deltas1 = hidden_deltas(W2, deltas2, a1, z1, a2)
    return [np.outer(deltas1, x), deltas1, np.outer(deltas2, a1), deltas2]


def _measured_backward(x, t, W1, b1, W2, b2, h=1e-6):
    """The four gradients of E = ½ Σ (a2 - t)², measured by nudging every entry."""
    params = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]

    def loss():
        W1_, b1_, W2_, b2_ = params
        return 0.5 * np.sum((sigmoid(W2_ @ sigmoid(W1_ @ x + b1_) + b2_) - t) ** 2)

    grads = []
    for p in params:
        g = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            keep = p[index]
            p[index] = keep + h
            up = loss()
            p[index] = keep - h
            down = loss()
            p[index] = keep
            g[index] = (up - down) / (2 * h)
        grads.append(g)
    return grads


def _backward_inputs(*, nb=None):
    rows = [(np.array([0.1, 0.9]), np.array([1.0, 0.0])),
            (np.array([0.8, 0.3]), np.array([0.0, 1.0])),
            (np.array([0.45, 0.6]), np.array([1.0, 0.0]))]
    calls = []
    for seed, (hidden, (x, t)) in enumerate(zip([2, 2, 3], rows)):
        rng = np.random.default_rng(seed + 40)
        calls.append((x, t, rng.uniform(size=(hidden, 2)), rng.uniform(size=hidden),
                      rng.uniform(-1, 1, size=(2, hidden)), rng.uniform(size=2)))
    return calls


def _wrong_backward(hidden_deltas):
    return lambda x, t, W1, b1, W2, b2: _backward(x, t, W1, b1, W2, b2, hidden_deltas)


EXERCISES = {
    "hidden_delta": {
        "args": {"a_h": "hidden output a_h", "weights_out": "weights to the outputs",
                 "deltas_out": "output deltas"},
        "reference": _hidden_delta,
        "inputs": [(0.6, [0.35, 0.8], [0.12, -0.04]),
                   (0.25, [-1.2, 0.5], [0.03, 0.2]),
                   (0.9, [0.7, -0.3, 1.1], [0.01, -0.02, 0.05]),
                   (0.45, [2.0, 1.5], [-0.1, -0.06])],
        "atol": 1e-9,
        "hints": [
            "Two steps: first how E changes with a_h (add up, over the output neurons, each "
            "output's delta times the weight on the way), then the chain rule's last link.",
            "The last link is this hidden neuron's own sigmoid slope, written with its output "
            "a_h (lesson 01). A loop with zip walks through the two lists side by side.",
        ],
        "misconceptions": HIDDEN_DELTA_MISCONCEPTIONS,
    },
    "backward_fixed": {
        "args": {"x": "row x", "t": "one-hot target t", "W1": "W1 (hidden, inputs)",
                 "b1": "b1", "W2": "W2 (outputs, hidden)", "b2": "b2"},
        "reference": _measured_backward,
        "inputs": _backward_inputs,
        "needs": {"sigmoid": "the cell that defines sigmoid(z)",
                  "sigmoid_derivative": "the cell that defines the published "
                                        "sigmoid_derivative(a)"},
        "labels": ["dW1", "db1", "dW2", "db2"],
        "atol": 1e-8,
        "hints": [
            "The ✗ names the arrays that are off. dW2 and db2 come from deltas2 only; dW1 and "
            "db1 come from deltas1, the line you wrote. Take its factors one at a time against "
            "the formula above.",
            "Two things to get right. The sum over the outputs: W2 is (outputs, hidden) here, "
            "so which way must it be turned for @ to give one number per hidden neuron? And "
            "the slope: it appears once, and sigmoid_derivative wants a neuron's output, not "
            "its z.",
        ],
        "misconceptions": [
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2 * _slope(a1)) * _slope(a1)),
             "the hidden sigmoid's slope is applied twice (the published bug): it is one link "
             "of the chain, so it appears once."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2 @ d2) * _slope(a1)),
             "W2 is (outputs, hidden) in this layout: to send the output deltas back to the "
             "hidden neurons it must be turned around first."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: W2.T @ d2),
             "a link is missing: the hidden neurons' own sigmoid slope."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) * _slope(z1)),
             "sigmoid_derivative here takes a neuron's output, and it was given the weighted "
             "sum z: give it a1."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) * _slope(sigmoid(a1))),
             "the slope was taken at σ(a1), as if a1 were the weighted sum: a1 is already the "
             "output, which sigmoid_derivative takes as it is."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: np.sum(d2) * _slope(a1)),
             "the weights are missing: each output's delta reaches a hidden neuron through "
             "the weight between them."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) * _slope(a1) * np.sum(d2)),
             "the output deltas are counted twice: they enter once, through W2."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) * _slope(a2)),
             "the slope in the hidden deltas is the hidden neurons' own, taken at a1; the "
             "outputs' slope is already inside deltas2."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: W2.T @ (d2 * _slope(a1))),
             "the hidden slope multiplies each hidden neuron's sum, after W2 has carried the "
             "output deltas back: inside, it mixes with the outputs."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) + _slope(a1)),
             "the links of a chain multiply: the slope was added instead."),
            (_wrong_backward(lambda W2, d2, a1, z1, a2: (W2.T @ d2) * (1 - a1)),
             "only one factor of the sigmoid's slope is there: written with the output, it has "
             "two."),
        ],
    },
}
