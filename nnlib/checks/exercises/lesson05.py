"""Lesson 05's exercises: the output delta of the squared error, neuron n1's three gradients,
and a learning rate for a batch size. (The format: nnlib/checks/exercises/__init__.py.)"""
import math
import numbers

import numpy as np

from ._shared import measured_slope, sigmoid

NAMES = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "b_n1", "b_n2", "b_n3", "b_out"]


def _measured_delta(y, y_hat):
    """dL/dz_out for L = (y - σ(z_out))², at the z_out with σ(z_out) = y_hat."""
    z = math.log(y_hat / (1 - y_hat))
    return float(measured_slope(lambda z: (y - sigmoid(z)) ** 2, z))


def _forward(p, x1, x2):
    n1 = sigmoid(p["w1"] * x1 + p["w2"] * x2 + p["b_n1"])
    n2 = sigmoid(p["w3"] * x1 + p["w4"] * x2 + p["b_n2"])
    n3 = sigmoid(p["w5"] * x1 + p["w6"] * x2 + p["b_n3"])
    return n1, n2, n3, sigmoid(p["w7"] * n1 + p["w8"] * n2 + p["w9"] * n3 + p["b_out"])


def _measured_grads(p, x1, x2, y):
    grads = []
    for name in ["w1", "w2", "b_n1"]:
        grads.append(float(measured_slope(
            lambda v: (y - _forward(dict(p, **{name: v}), x1, x2)[3]) ** 2, p[name])))
    return tuple(grads)


def _grads_with(p, x1, x2, y, weight="w7", neuron=0, factor=2.0, out_slope=True,
                hidden_slope=True, bias_input=1.0, inputs=None):
    """(dL/dw1, dL/dw2, dL/db_n1) along the path, with one link changed: the misconceptions."""
    values = _forward(p, x1, x2)
    n, y_hat = values[neuron], values[3]
    delta = factor * (y_hat - y) * (y_hat * (1 - y_hat) if out_slope else 1.0)
    delta *= (p[weight] if weight else 1.0) * (n * (1 - n) if hidden_slope else 1.0)
    first, second = inputs or (x1, x2)
    return float(delta * first), float(delta * second), float(delta * bias_input)


def _grads_inputs(*, nb=None):
    rng = np.random.default_rng(5)
    calls = []
    for x1, x2, y in [(0.8, 0.05, 0.9), (0.1, 0.9, 0.0), (0.35, 0.6, 0.45), (0.95, 0.2, 0.1)]:
        p = dict(zip(NAMES, rng.uniform(-2.0, 2.0, size=13).tolist()))
        calls.append((p, x1, x2, y))
    return calls


def _rates(student_fn, sizes=(1, 16, 64, 256)):
    return [student_fn(size) for size in sizes]


def _not_numbers(student_fn, *, nb):
    return any(r is not None and (isinstance(r, bool) or not isinstance(r, numbers.Real))
               for r in _rates(student_fn))


def _constant(student_fn, *, nb):
    rates = _rates(student_fn)
    return None not in rates and len(set(rates)) == 1


def _falling(student_fn, *, nb):
    rates = _rates(student_fn)
    return None not in rates and all(a > b for a, b in zip(rates, rates[1:]))


def _not_per_sample_at_one(student_fn, *, nb):
    rate = student_fn(1)
    return isinstance(rate, numbers.Real) and not math.isclose(rate, 0.05, rel_tol=0.2)


def _reaches_target(student_fn, *, nb):
    lines = []
    for batch_size in (16, 64):
        learning_rate = student_fn(batch_size)
        trial = nb.make_model(learning_rate)
        trial.fit(nb.X_train, nb.y_train, epochs=nb.EPOCHS, batch_size=batch_size, shuffle=False)
        mse = float(np.mean((nb.y_test - trial.predict(nb.X_test)) ** 2))
        lines.append((mse < 0.0285, f"batch_size={batch_size}, learning_rate={learning_rate}: "
                                    f"test MSE after 100 epochs = {mse:.5f} (target < 0.0285)"))
    return all(ok for ok, _ in lines), "; ".join(text for _, text in lines)


EXERCISES = {
    "output_delta_squared_error": {
        "args": {"y": "target y", "y_hat": "prediction ŷ"},
        "reference": _measured_delta,
        "inputs": [(0.7, 0.3), (0.2, 0.9), (0.5, 0.5), (0.0, 0.99), (1.0, 0.01)],
        "atol": 1e-8,
        "hints": [
            "Two slopes multiplied: how (y - ŷ)² changes with ŷ, and how the sigmoid changes "
            "at z_out.",
            "Differentiate (y - ŷ)² with respect to ŷ and mind the sign; then write σ'(z_out) "
            "with ŷ = σ(z_out) alone (lesson 01).",
        ],
        "misconceptions": [
            (lambda y, y_hat: (y_hat - y) * y_hat * (1 - y_hat),
             "that is the delta of ½(y − ŷ)², lesson 01's E: here L = (y − ŷ)² has no ½, so "
             "the 2 from the square stays."),
            (lambda y, y_hat: 2 * (y_hat - y),
             "that is how L changes with ŷ: the chain needs one more link, how ŷ changes with "
             "z_out."),
            (lambda y, y_hat: 2 * (y_hat - y) * sigmoid(y_hat) * (1 - sigmoid(y_hat)),
             "the sigmoid's slope was taken at ŷ as if ŷ were z_out: ŷ is already σ(z_out), and "
             "the slope is written with that output."),
            (lambda y, y_hat: 2 * (y - y_hat) * y_hat * (1 - y_hat),
             "the first link has its sign flipped: L grows when ŷ moves above y."),
            (lambda y, y_hat: (y - y_hat) ** 2 * y_hat * (1 - y_hat),
             "the first link is the loss's slope in ŷ, not the loss itself."),
            (lambda y, y_hat: 2 * (y_hat - y) * y * (1 - y),
             "the sigmoid's slope is written with its output ŷ, not with the target."),
            (lambda y, y_hat: 2 * (y_hat - y) * (1 - y_hat),
             "only one factor of the sigmoid's slope is there: written with the output, it "
             "has two."),
            (lambda y, y_hat: 2 * abs(y_hat - y) * y_hat * (1 - y_hat),
             "the sign matters: L falls as ŷ moves up towards a y above it, so its slope there "
             "is negative."),
            (lambda y, y_hat: 2 * (y_hat - y) + y_hat * (1 - y_hat),
             "the links of a chain multiply: the slope was added instead."),
        ],
    },
    "grads_n1": {
        "args": {"p": "parameters p", "x1": "input x1", "x2": "input x2", "y": "target y"},
        "reference": _measured_grads,
        "inputs": _grads_inputs,
        "needs": {"forward": "the cell that defines forward(p, x1, x2)"},
        "labels": ["dL/dw1", "dL/dw2", "dL/db_n1"],
        "atol": 1e-9,
        "hints": [
            "First δ1 = ∂L/∂z1: the slopes along z1 → n1 → z_out → L multiplied. δ_out "
            "(exercise 1) already covers z_out → L.",
            "Which number multiplies n1 on its way into z_out, and what is the sigmoid's slope "
            "at z1 in terms of n1? Then: by how much does z1 grow when w1, w2 or b_n1 grows "
            "by 1?",
        ],
        "misconceptions": [
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, weight="w8"),
             "n1 reaches z_out through its own weight: the one that multiplies n1 in z_out."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, weight=None),
             "a link is missing: how z_out changes with n1, the weight that carries n1 into "
             "z_out."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, weight="w1"),
             "the weight on the path from n1 to z_out is the one that multiplies n1 there, "
             "not the one that feeds n1."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, neuron=1),
             "the hidden sigmoid's slope belongs to n1, the neuron w1, w2 and b_n1 feed."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, neuron=2),
             "the hidden sigmoid's slope belongs to n1, the neuron w1, w2 and b_n1 feed."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, hidden_slope=False),
             "a link is missing: how n1 changes with z1, the hidden sigmoid's slope."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, out_slope=False),
             "a link is missing: how ŷ changes with z_out, the output sigmoid's slope."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, factor=1.0),
             "δ_out lost its 2: L = (y − ŷ)² has no ½ (exercise 1)."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, factor=-2.0),
             "δ_out has its sign flipped: L grows when ŷ moves above y (exercise 1)."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, bias_input=x1),
             "z1 grows by exactly as much as b_n1 does: the bias's gradient has no input "
             "factor."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, inputs=(x2, x1)),
             "w1 multiplies x1 and w2 multiplies x2: each weight's gradient takes the input it "
             "multiplies."),
            (lambda p, x1, x2, y: _grads_with(p, x1, x2, y, inputs=(1.0, 1.0)),
             "the last link is missing: how z1 changes with w1 or w2, the input each one "
             "multiplies."),
        ],
    },
    "learning_rate_for": {
        "condition": _reaches_target,
        "needs": {"make_model": "the cell that defines make_model(learning_rate)",
                  "X_train": "the cell that splits and scales the data",
                  "EPOCHS": "the cell that sets EPOCHS"},
        "timeout": 120,
        "hints": [
            "Compare one epoch: per-sample SGD takes 8,000 steps, batches of 64 take 125. How "
            "much further must each batch step go?",
            "A batch step's gradient is the mean of 64 per-sample gradients, about the size of "
            "one. Scale the per-sample rate 0.05 accordingly.",
        ],
        "misconceptions": [
            (_not_numbers,
             "a learning rate is one number (a float), for each batch size."),
            (_constant,
             "your rule gives the same rate for every batch size: a batch step stands for as "
             "many per-sample steps as the batch has rows, so the rate must depend on the "
             "batch size."),
            (_falling,
             "your rule gives smaller rates for larger batches: a batch step replaces several "
             "per-sample steps, so it must go further, not less far."),
            (_not_per_sample_at_one,
             "a batch of one row is per-sample SGD: at batch_size=1 the rule should give back "
             "the per-sample rate, 0.05."),
        ],
    },
}
