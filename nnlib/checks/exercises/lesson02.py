"""Lesson 02's exercises: the loss's slope in the prediction, ∂L/∂w1 along one path, and a
prediction from raw pounds and inches. (The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

from ._shared import measured_slope, sigmoid


def _d_loss_d_y_pred(y_true, y_pred):
    return -2.0 * (y_true - y_pred)


def _forward(p, x):
    """The lesson's 2-2-1 network on one person x, by name (its `forward`, rewritten here so
    that the check does not depend on the notebook's copy)."""
    h1 = sigmoid(p["w1"] * x[0] + p["w2"] * x[1] + p["b1"])
    h2 = sigmoid(p["w3"] * x[0] + p["w4"] * x[1] + p["b2"])
    return h1, h2, sigmoid(p["w5"] * h1 + p["w6"] * h2 + p["b3"])


def _w1_by_nudging(p, x, y_true):
    def loss(w1):
        return (y_true - _forward(dict(p, w1=w1), x)[2]) ** 2
    return float(measured_slope(loss, p["w1"]))


def _w1_path(p, x, y_true, first=None, weight="w5", hidden=0, x_index=0, y_slope=True,
             h_slope=True, factor=2.0, slope_at_sum=False):
    """∂L/∂w1 written along the path, with one link changed: the misconceptions below."""
    h = _forward(p, x)
    y_pred = h[2]
    first = factor * (y_pred - y_true) if first is None else first
    link_y = y_pred * (1 - y_pred) if y_slope else 1.0
    link_h = h[hidden] * (1 - h[hidden]) if h_slope else 1.0
    if slope_at_sum:
        s_h1 = p["w1"] * x[0] + p["w2"] * x[1] + p["b1"]
        link_h = s_h1 * (1 - s_h1)
    return float(first * link_y * p[weight] * link_h * x[x_index])


def _params(seed):
    names = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"]
    return {n: float(v) for n, v in zip(names, np.random.default_rng(seed).normal(size=9))}


def _w1_inputs(*, nb=None):
    people = [np.array([-2.0, -1.0]), np.array([25.0, 6.0]), np.array([17.0, 4.0]),
              np.array([-15.0, -6.0]), np.array([0.5, -0.3])]
    labels = [1.0, 0.0, 0.0, 1.0, 0.0]
    return [(_params(seed), x, y) for seed, x, y in zip([11, 12, 13, 14, 15], people, labels)]


def _predict(weight_lb, height_in, *, nb):
    x = np.array([[weight_lb, height_in]], dtype=float) - nb.shift
    return float(nb.model.predict(x)[0, 0])


def _predict_unshifted(weight_lb, height_in, *, nb):
    return float(nb.model.predict(np.array([[weight_lb, height_in]], dtype=float))[0, 0])


def _predict_shift_added(weight_lb, height_in, *, nb):
    return float(nb.model.predict(np.array([[weight_lb, height_in]]) + nb.shift)[0, 0])


def _predict_shift_swapped(weight_lb, height_in, *, nb):
    return float(nb.model.predict(np.array([[weight_lb, height_in]]) - nb.shift[::-1])[0, 0])


def _predict_rounded(weight_lb, height_in, *, nb):
    return float(round(_predict(weight_lb, height_in, nb=nb)))


EXERCISES = {
    "d_loss_d_y_pred": {
        "args": {"y_true": "target y", "y_pred": "prediction ŷ"},
        "reference": _d_loss_d_y_pred,
        "inputs": [(1.0, 0.3), (0.0, 0.8), (1.0, 1.0), (0.0, 0.99), (1.0, 0.05)],
        "hints": [
            "Use the chain rule: L is a square of the inside u = y − ŷ, so dL/dŷ = "
            "(dL/du) × (du/dŷ).",
            "What is the slope of u = y − ŷ with respect to ŷ, when y is a fixed number? Its "
            "sign matters.",
        ],
        "misconceptions": [
            (lambda y_true, y_pred: 2 * (y_true - y_pred),
             "the inside u = y − ŷ falls as ŷ grows: the chain rule's second factor, du/dŷ, "
             "is −1."),
            (lambda y_true, y_pred: (y_true - y_pred) ** 2,
             "that is the loss itself, not its slope."),
            (lambda y_true, y_pred: -(y_true - y_pred),
             "the 2 that comes down from the square is missing."),
            (lambda y_true, y_pred: -2 * (y_true - y_pred) * y_pred * (1 - y_pred),
             "that goes one link further, through the sigmoid: the exercise stops at ŷ."),
            (lambda y_true, y_pred: -np.sign(y_true - y_pred),
             "that is the slope of |y − ŷ|: the loss here is the square, whose slope grows "
             "with the distance between y and ŷ."),
            (lambda y_true, y_pred: -2 * y_true,
             "only the target is left: the slope depends on how far ŷ is from y."),
            (lambda y_true, y_pred: 2 * y_pred,
             "only the prediction is left: the slope depends on how far ŷ is from y."),
        ],
    },
    "d_loss_d_w1": {
        "args": {"p": "parameters p", "x": "person x", "y_true": "target y"},
        "reference": _w1_by_nudging,
        "inputs": _w1_inputs,
        "needs": {"forward": "the cell of section 2 that defines forward(p, x)"},
        "atol": 1e-8,
        "hints": [
            "One factor per arrow of the path. The first is exercise 1's slope; the two "
            "sigmoid links are σ'(s) written with the sigmoid's output (ŷ, then h1).",
            "∂s_o1/∂h1 is the weight that carries h1 into the output, and ∂s_h1/∂w1 is the "
            "input that w1 multiplies.",
        ],
        "misconceptions": [
            (lambda p, x, y_true: _w1_path(p, x, y_true, weight="w6"),
             "the path from w1 goes through h1: the weight on its way into the output is the "
             "one that multiplies h1."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, x_index=1),
             "the last link, ∂s_h1/∂w1, is the input that w1 multiplies: the weight, not the "
             "height."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, hidden=1),
             "the hidden sigmoid's slope belongs to h1, the neuron w1 feeds."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, y_slope=False),
             "a link is missing: how ŷ changes with s_o1, the output sigmoid's slope."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, h_slope=False),
             "a link is missing: how h1 changes with s_h1, the hidden sigmoid's slope."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, x_index=0) / x[0],
             "the last link is missing: how s_h1 changes with w1, the input w1 multiplies."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, factor=-2.0),
             "the first link has its sign flipped: exercise 1's slope is −2(y − ŷ)."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, factor=1.0),
             "the first link lost its 2: it is exercise 1's slope of the square."),
            (lambda p, x, y_true: _w1_path(p, x, y_true, slope_at_sum=True),
             "the hidden sigmoid's slope h(1 − h) is written with its output h1 = σ(s_h1), not "
             "with the weighted sum s_h1."),
            (lambda p, x, y_true: _w1_path(p, x, y_true) / p["w5"],
             "a link is missing: how s_o1 changes with h1, the weight that carries h1 into the "
             "output."),
        ],
    },
    "predict_gender": {
        "args": {"weight_lb": "weight in pounds", "height_in": "height in inches"},
        "reference": _predict,
        "inputs": [(128, 63), (155, 68), (142, 71), (119, 60)],
        "needs": {"shift": "the data cell of section 1 (X, y, shift)",
                  "model": "the training cell of section 5 (model = ...)"},
        "atol": 1e-12,
        "hints": [
            "Three steps: subtract `shift` from the two raw numbers, give model.predict a batch "
            "of one person, and take the one number out of what it returns.",
            "model.predict wants shape (1, 2) for one person, and gives back shape (1, 1): "
            "index it to get a single number.",
        ],
        "misconceptions": [
            (_predict_unshifted,
             "the network was trained on shifted numbers (weight − 135, height − 66): raw "
             "pounds and inches must be shifted the same way first."),
            (_predict_shift_added,
             "the shift goes the other way: the training data had it subtracted."),
            (_predict_shift_swapped,
             "each shift belongs to its own column: the weight's to the weight."),
            (lambda weight_lb, height_in, *, nb: 1 - _predict(weight_lb, height_in, nb=nb),
             "the network's output is the probability of class 1 (female, as the labels have "
             "it): 1 − output is the other class's."),
            (_predict_rounded,
             "the exercise asks for the network's output, a number between 0 and 1, not a "
             "rounded class."),
        ],
    },
}
