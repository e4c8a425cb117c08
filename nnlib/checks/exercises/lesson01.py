"""Lesson 01's exercises: the sigmoid's slope, an output neuron's delta, a hidden neuron's delta.
(The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

from ...activations import sigmoid_derivative as _sigmoid_derivative
from ._shared import HIDDEN_DELTA_MISCONCEPTIONS, measured_slope, sigmoid


def _delta_by_nudging(target, a_o):
    """dE/ds_o for E = ½ (a_o - target)², measured at the s_o with σ(s_o) = a_o."""
    s = np.log(a_o / (1 - a_o))
    return measured_slope(lambda s: 0.5 * (sigmoid(s) - target) ** 2, s)


def _hidden_delta(a_h, weights_out, deltas_out):
    return float(np.dot(weights_out, deltas_out) * a_h * (1 - a_h))


EXERCISES = {
    "sigmoid_derivative": {
        "args": {"z": "weighted input z"},
        "reference": _sigmoid_derivative,
        "inputs": [0.7, -3.0, np.linspace(-8, 8, 17)],
        "atol": 1e-12,
        "slope_of": sigmoid,
        "hints": [
            "Compute s = sigmoid(z) first: the slope is written with s alone (the right-hand "
            "form above).",
            "Use numpy arithmetic only (no math.exp, no loop over the entries): then the same "
            "line works for a number and for an array.",
        ],
        "misconceptions": [
            (lambda z: z * (1 - z),
             "the a(1 − a) form needs the sigmoid's output a = σ(z), and z is its input: "
             "compute σ(z) first."),
            (lambda z: sigmoid(sigmoid(z)) * (1 - sigmoid(sigmoid(z))),
             "the sigmoid is applied twice: the slope's formula takes σ(z) once."),
            (lambda z: 1 - sigmoid(z),
             "only one of the two factors of the slope is there."),
            (lambda z: sigmoid(z) ** 2,
             "the two factors of the slope are not the same: one is σ(z), the other is "
             "what is left of 1."),
            (lambda z: sigmoid(z) * (1 + sigmoid(z)),
             "the second factor is what σ(z) is short of 1: check its sign."),
            (lambda z: sigmoid(z) * (1 - z),
             "the slope is written with the output σ(z) in both factors; z itself does not "
             "appear."),
            (lambda z: np.full(np.shape(z), 0.25),
             "0.25 is the slope at z = 0 only: the slope changes with z."),
            (lambda z: sigmoid(z) * (1 - sigmoid(z)) * (1 - 2 * sigmoid(z)),
             "that is the slope of the slope: one derivative too many."),
            (lambda z: np.exp(-z) / (1 + np.exp(-z)),
             "that is 1 − σ(z) only: the quotient rule gives a square in the denominator."),
        ],
    },
    "output_delta_half_squared_error": {
        "args": {"target": "target t", "a_o": "prediction a_o"},
        "reference": _delta_by_nudging,
        "inputs": [(0.01, 0.75136507), (0.99, 0.77292847), (1.0, 0.5), (0.0, 0.99),
                   (0.3, 0.45)],
        "atol": 1e-9,
        "hints": [
            "Multiply the first two links of the chain above: how E changes with a_o, then how "
            "a_o changes with s_o.",
            "Check the sign of the first link: E grows when a_o moves above the target. The "
            "second link is the sigmoid's slope, written with the output a_o.",
        ],
        "misconceptions": [
            (lambda target, a_o: a_o - target,
             "that is how E changes with a_o: the chain needs one more link, how a_o changes "
             "with s_o."),
            (lambda target, a_o: (a_o - target) * sigmoid(a_o) * (1 - sigmoid(a_o)),
             "the sigmoid's slope was taken at a_o as if a_o were the weighted sum: a_o is "
             "already σ(s_o), and the slope is written with that output."),
            (lambda target, a_o: 2 * (a_o - target) * a_o * (1 - a_o),
             "E = ½(target − a_o)²: the ½ cancels the 2 that comes down from the square."),
            (lambda target, a_o: (target - a_o) * a_o * (1 - a_o),
             "the first link has its sign flipped: E grows when a_o moves above the target, so "
             "its slope in a_o is positive there."),
            (lambda target, a_o: (a_o - target) * target * (1 - target),
             "the sigmoid's slope is written with the neuron's output a_o, not with the "
             "target."),
            (lambda target, a_o: 0.5 * (a_o - target) ** 2 * a_o * (1 - a_o),
             "the first link is E's slope in a_o, not E itself."),
            (lambda target, a_o: (a_o - target) * (1 - a_o),
             "only one factor of the sigmoid's slope is there: written with the output, it "
             "has two."),
            (lambda target, a_o: abs(a_o - target) * a_o * (1 - a_o),
             "the sign matters: E falls as a_o moves up towards a target above it, so its "
             "slope there is negative."),
            (lambda target, a_o: (a_o - target) + a_o * (1 - a_o),
             "the links of a chain multiply: the slope was added instead."),
        ],
    },
    "hidden_delta": {
        "args": {"a_h": "hidden output a_h", "weights_out": "weights to the outputs",
                 "deltas_out": "output deltas"},
        "reference": _hidden_delta,
        "inputs": [(0.59326999, np.array([0.40, 0.50]), np.array([0.13849856, -0.03809824])),
                   (0.59688438, np.array([0.45, 0.55]), np.array([0.12, -0.05])),
                   (0.2, np.array([-1.5, 2.0]), np.array([0.05, 0.25])),
                   (0.9, np.array([0.7, -0.3, 1.2]), np.array([0.01, -0.02, 0.03]))],
        "atol": 1e-9,
        "hints": [
            "Two paths lead from a_h to E, one through each output: add up, over the outputs, "
            "each output's delta times the weight on the way (np.dot multiplies and adds).",
            "Then multiply by this hidden neuron's own sigmoid slope, written with its output "
            "a_h. The result is one number, not one per output.",
        ],
        "misconceptions": HIDDEN_DELTA_MISCONCEPTIONS,
    },
}
