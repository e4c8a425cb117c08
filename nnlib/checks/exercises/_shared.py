"""Pieces that several lessons' exercise declarations share: the sigmoid, a measured slope, and
the misconceptions of a hidden neuron's delta (lessons 01 and 04)."""
import numbers

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def measured_slope(f, x, h=1e-6):
    """(f(x + h) - f(x - h)) / 2h: the slope of f at the number x, measured by nudging."""
    return (f(x + h) - f(x - h)) / (2 * h)


def _paths(weights_out, deltas_out):
    return np.asarray(weights_out, dtype=float), np.asarray(deltas_out, dtype=float)


def _hidden_no_slope(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.dot(w, d))


def _hidden_slope_at_output(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    s = sigmoid(a_h)
    return float(np.dot(w, d) * s * (1 - s))


def _hidden_first_path(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(w[0] * d[0] * a_h * (1 - a_h))


def _hidden_sums_apart(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(w.sum() * d.sum() * a_h * (1 - a_h))


def _hidden_mean(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.mean(w * d) * a_h * (1 - a_h))


def _hidden_slope_twice(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.dot(w, d) * (a_h * (1 - a_h)) ** 2)


def _hidden_paths_apart(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return w * d * a_h * (1 - a_h)


def _hidden_slope_one_factor(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.dot(w, d) * (1 - a_h))


def _hidden_slope_other_factor(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.dot(w, d) * a_h)


def _hidden_last_path(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(w[-1] * d[-1] * a_h * (1 - a_h))


def _hidden_added_pairs(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float((w.sum() + d.sum()) * a_h * (1 - a_h))


def _hidden_plus_slope(a_h, weights_out, deltas_out):
    w, d = _paths(weights_out, deltas_out)
    return float(np.dot(w, d) + a_h * (1 - a_h))


HIDDEN_DELTA_MISCONCEPTIONS = [
    (_hidden_no_slope, "that is how E changes with a_h; the chain goes one link further, to the "
                       "hidden neuron's weighted sum: its own sigmoid slope is missing."),
    (_hidden_slope_at_output, "the sigmoid's slope was taken at a_h as if a_h were the weighted "
                              "sum: a_h is already the neuron's output σ(s_h), and the slope is "
                              "written with that output."),
    (_hidden_first_path, "only the first output's path is counted: a_h reaches E through every "
                         "output neuron, and the paths add up."),
    (_hidden_last_path, "only one output's path is counted (the last one): a_h reaches E through "
                        "every output neuron, and the paths add up."),
    (_hidden_added_pairs, "each output's delta is multiplied by the weight on its path, not "
                          "added to it."),
    (_hidden_sums_apart, "the deltas and the weights were summed separately: each output's delta "
                         "goes with the weight on its own path, then the paths add up."),
    (_hidden_mean, "the paths were averaged: E is a sum over the outputs, so the paths add up."),
    (_hidden_slope_twice, "the sigmoid's slope appears twice: this neuron's slope is one link of "
                          "the chain, and the output deltas already hold the outputs' slopes."),
    (_hidden_paths_apart, "each output's path is there, but the hidden delta adds them up: one "
                          "number for the hidden neuron, not one per output."),
    (_hidden_slope_one_factor, "only one factor of the sigmoid's slope is there: written with the "
                               "output, the slope has two."),
    (_hidden_slope_other_factor, "only one factor of the sigmoid's slope is there: written with "
                                 "the output, the slope has two."),
    (_hidden_plus_slope, "the links of a chain multiply: the slope was added instead."),
]


def _rate_not_one_number(student_fn, *, nb):
    lr = student_fn()
    return lr is not None and (isinstance(lr, bool) or not isinstance(lr, numbers.Real))


def _rate_not_positive(student_fn, *, nb):
    lr = student_fn()
    return isinstance(lr, numbers.Real) and lr <= 0


LEARNING_RATE_MISCONCEPTIONS = [
    (_rate_not_one_number, "a learning rate is one number (a float such as 0.3), not a list, an "
                           "array or a text."),
    (_rate_not_positive, "a learning rate is a positive number: the step goes against the "
                         "gradient by itself (w − lr · gradient)."),
]
