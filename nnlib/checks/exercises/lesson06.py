"""Lesson 06's exercises: tanh's slope from its output, the summed cross-entropy's output delta,
and Keras' settings for the mean loss. (The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _measured_delta(y, probs, h=1e-6):
    """d(Σ_i −log softmax(z)[i, y_i]) / dz at z = log(probs), measured entry by entry."""
    z = np.log(probs)
    rows = np.arange(len(y))
    delta = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[index] += h
        down[index] -= h
        delta[index] = (-np.log(_softmax(up)[rows, y]).sum()
                        + np.log(_softmax(down)[rows, y]).sum()) / (2 * h)
    return delta


def _one_hot(y, k):
    return np.eye(k)[y]


def _delta(y, probs, shift=0):
    return probs - _one_hot((np.asarray(y) + shift) % probs.shape[1], probs.shape[1])


def _settings(epsilon, reg_lambda, n):
    return epsilon * n, reg_lambda / (2 * n)


def _probs(rows):
    return np.array(rows, dtype=float)


EXERCISES = {
    "tanh_derivative_from_output": {
        "args": {"a": "output a = tanh(z)"},
        "reference": lambda a: 1.0 - np.tanh(np.arctanh(a)) ** 2,
        "inputs": [np.tanh(np.linspace(-3, 3, 7)), np.tanh(np.array([[0.5, -2.0], [1.0, 0.0]])),
                   np.array([0.9, -0.25, 0.6])],
        "hints": [
            "You are given a = tanh(z), not z: the identity above is written with tanh(z).",
            "Replace tanh(z) in the identity by a. No call to np.tanh is needed.",
        ],
        "misconceptions": [
            (lambda a: 1 - np.tanh(a) ** 2,
             "a is already tanh(z): taking tanh of it again puts the slope at the wrong place. "
             "Write the identity with a itself."),
            (lambda a: 1 - a,
             "the identity has tanh(z) squared: write it with a, squared."),
            (lambda a: a * (1 - a),
             "that is the sigmoid's slope written with its output: tanh's identity is a "
             "different one."),
            (lambda a: 1 - 2 * a,
             "tanh(z) squared is not 2 tanh(z): square a."),
            (lambda a: (1 - a) ** 2,
             "only tanh(z) is squared in the identity, not 1 − tanh(z)."),
            (lambda a: a ** 2 - 1,
             "the slope of tanh is never negative: check the order of the two terms."),
            (lambda a: 1 - np.arctanh(a) ** 2,
             "the identity needs tanh(z), which is a itself; going back to z is not needed."),
            (lambda a: np.tanh(a),
             "that is tanh again: the exercise asks for its slope."),
        ],
    },
    "output_delta_cross_entropy": {
        "args": {"y": "labels y", "probs": "probabilities probs"},
        "reference": _measured_delta,
        "inputs": [(np.array([1, 1, 0]), _probs([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]])),
                   (np.array([0, 1, 1, 0, 1]), _probs([[0.7, 0.3], [0.45, 0.55], [0.1, 0.9],
                                                       [0.35, 0.65], [0.6, 0.4]])),
                   (np.array([2, 0]), _probs([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]))],
        "may_change_inputs": False,
        "hints": [
            "Only one entry per row differs from probs: the one in the column of the true class.",
            "Work on probs.copy(). np.arange(len(y)) lists the rows; together with y it picks "
            "one entry in each row.",
        ],
        "misconceptions": [
            (lambda y, probs: probs - 1,
             "1 is subtracted in every column: only the true class's column gets the one-hot "
             "row's 1."),
            (lambda y, probs: probs,
             "that is the probabilities themselves: the one-hot row of the true class is "
             "missing."),
            (lambda y, probs: _delta(y, probs) / len(y),
             "divided by n: that is the mean loss's delta, and the loss here is a sum over the "
             "points."),
            (lambda y, probs: -_delta(y, probs),
             "the sign is flipped: the loss falls as the true class's probability grows, so its "
             "delta there is negative."),
            (lambda y, probs: probs - _one_hot(np.zeros(len(y), dtype=int), probs.shape[1]),
             "the 1 goes into column 0 of every row: each row's own true class has the 1."),
            (lambda y, probs: _delta(y, probs, shift=1),
             "the 1 goes into the wrong column: the column of row i's true class is y[i]."),
            (lambda y, probs: probs - _one_hot((1 - np.asarray(y)) % probs.shape[1],
                                               probs.shape[1]),
             "the 1 goes into the wrong column: the column of row i's true class is y[i]."),
            (lambda y, probs: probs - np.isin(np.arange(probs.shape[1]), y)[None, :],
             "probs[:, y] picks whole columns for every row: each row needs only its own "
             "true class, probs[np.arange(n), y]."),
            (lambda y, probs: -1 / probs * _one_hot(y, probs.shape[1]),
             "that is the slope with respect to the probabilities: the delta is with respect to "
             "z, through the softmax, and the two collapse into one subtraction."),
            (lambda y, probs: _one_hot(y, probs.shape[1]) - probs,
             "the sign is flipped: probabilities minus the one-hot row, not the other way."),
        ],
    },
    "mean_loss_settings": {
        "args": {"epsilon": "step size ε", "reg_lambda": "penalty λ", "n": "points n"},
        "reference": _settings,
        "inputs": [(0.01, 0.01, 200), (0.05, 0.1, 1000), (0.001, 0.0, 32), (0.2, 0.4, 8)],
        "labels": ["learning_rate", "l2"],
        "atol": 1e-12, "rtol": 1e-9,
        "hints": [
            "Match the two sides term by term: the terms with the data gradients fix the "
            "learning rate, then the terms with W fix l2.",
            "Data terms: epsilon times a sum must equal learning_rate times a mean (sum / n). "
            "W terms: epsilon * lambda * W must equal learning_rate * 2 * l2 * W.",
        ],
        "misconceptions": [
            (lambda epsilon, reg_lambda, n: (epsilon / n, reg_lambda / (2 * n)),
             "the mean divides the sum by n, so its steps are n times shorter: the learning "
             "rate must make up for that, not shrink further."),
            (lambda epsilon, reg_lambda, n: (epsilon, reg_lambda / (2 * n)),
             "the learning rate multiplies a mean, ε a sum: they differ by the factor n."),
            (lambda epsilon, reg_lambda, n: (epsilon * n, reg_lambda / n),
             "the penalty's gradient is 2 l2 W, while λW comes from (λ/2)ΣW²: the 2 has to go "
             "somewhere."),
            (lambda epsilon, reg_lambda, n: (epsilon * n, reg_lambda / 2),
             "l2 follows from matching ελW with η·2·l2·W, and η is already ε·n."),
            (lambda epsilon, reg_lambda, n: (epsilon * n, reg_lambda * n / 2),
             "solve ελ = η·2·l2 for l2 with η = ε·n: n ends up below the line."),
            (lambda epsilon, reg_lambda, n: (epsilon * n, reg_lambda),
             "l2 follows from matching ελW with η·2·l2·W: with η = ε·n, l2 is not λ."),
            (lambda epsilon, reg_lambda, n: (epsilon * n, 2 * reg_lambda / n),
             "the 2 of the penalty's gradient 2 l2 W divides, it does not multiply."),
            (lambda epsilon, reg_lambda, n: (reg_lambda / (2 * n), epsilon * n),
             "the tuple is (learning_rate, l2), in that order."),
        ],
    },
}
