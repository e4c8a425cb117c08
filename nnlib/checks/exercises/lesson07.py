"""Lesson 07's exercises: ReLU and its slope, the gradient of softmax + cross-entropy, and a
learning rate for plain SGD. (The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

from ... import activations
from ...losses import categorical_crossentropy_gradient_from_logits
from ._shared import LEARNING_RATE_MISCONCEPTIONS


def _softmax_along(Z, axis):
    e = np.exp(Z - Z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


RELU_INPUTS = [np.linspace(-3, 3, 13), np.array([[-1e9, 0.0, 1e-12], [2.5, -0.0, 7.0]]),
               np.array([-0.5, 4.0, 0.25, -7.5])]


def _gradient_inputs(*, nb=None):
    rng = np.random.default_rng(70)
    calls = []
    for n, k, scale in [(5, 10, 1.0), (7, 10, 3.0), (3, 4, 0.5)]:
        calls.append((np.eye(k)[rng.integers(0, k, size=n)], rng.normal(scale=scale, size=(n, k))))
    return calls


def _sgd_reaches_95_percent(student_fn, *, nb):
    # From three starts (seeds 0, 1, 2: weights and shuffling), 20 epochs each: a rate that
    # reaches 95 % from one start only is luck, not a setting.
    learning_rate = student_fn()
    accuracies = []
    for seed in (0, 1, 2):
        trial = nb.build_model(nb.SGD(learning_rate=learning_rate), seed=seed)
        try:
            trial.fit(nb.X_train, nb.y_train, epochs=20, batch_size=32)
        except FloatingPointError:
            return False, (f"learning_rate={learning_rate}: the loss became inf or NaN "
                           f"(start {seed}). Try smaller.")
        accuracies.append(trial.evaluate(nb.X_test, nb.y_test)[1])
    return (min(accuracies) >= 0.95,
            f"learning_rate={learning_rate}: test accuracy "
            f"{', '.join(f'{a:.3f}' for a in accuracies)} after 20 epochs from three starts "
            f"(goal: at least 0.95 from each).")


EXERCISES = {
    "relu": {
        "args": {"z": "weighted input z"},
        "reference": activations.relu,
        "inputs": RELU_INPUTS,
        "slope": activations.relu_derivative,
        "hints": [
            "Each entry is compared with 0 and the larger of the two is kept. A Python `if` or "
            "the built-in max() cannot do that for a whole array at once.",
            "numpy has element-wise functions that take two arrays (or an array and a number) "
            "and keep the larger entry of each pair.",
        ],
        "misconceptions": [
            (lambda z: np.abs(z),
             "negative entries become 0, not their size: ReLU keeps only the positive part."),
            (lambda z: np.clip(z, 0, 1),
             "ReLU has no upper limit: positive entries pass through unchanged."),
            (lambda z: np.where(z > 0, z, 0.01 * z),
             "negative entries become exactly 0: a small slope on the left is another "
             "activation (leaky ReLU)."),
            (lambda z: np.minimum(z, 0.0),
             "that keeps the negative part: ReLU keeps the larger of each entry and 0."),
            (lambda z: np.maximum(z, 1.0),
             "each entry is compared with 0, not with 1."),
            (lambda z: z,
             "that is z unchanged: negative entries must become 0."),
            (lambda z: np.where(z < 0, z, 0.0),
             "the comparison is the wrong way round: the positive entries are the ones kept."),
        ],
    },
    "relu_derivative": {
        "args": {"z": "weighted input z"},
        "reference": activations.relu_derivative,
        "inputs": RELU_INPUTS,
        "slope_of": activations.relu,
        "hints": [
            "The slope is 1.0 where z is positive and 0.0 everywhere else, z = 0 included.",
            "A comparison with 0 gives an array of True/False of z's shape: turn it into floats.",
        ],
        "misconceptions": [
            (lambda z: (z >= 0).astype(float),
             "at the kink z = 0 the lesson takes the slope to be 0: only positive entries get "
             "slope 1."),
            (lambda z: np.sign(z),
             "on the left ReLU is flat, so its slope there is 0, not −1."),
            (lambda z: np.where(z > 0, 1.0, 0.01),
             "on the left ReLU is exactly flat: slope 0."),
            (lambda z: (z < 0).astype(float),
             "the comparison is the wrong way round: the slope is 1 where z is positive."),
            (lambda z: np.ones_like(z, dtype=float),
             "on the left ReLU is flat: its slope is 0 wherever z ≤ 0."),
            (lambda z: (z != 0).astype(float),
             "on the left ReLU is flat, so its slope there is 0: only positive entries get 1."),
            (lambda z: (z <= 0).astype(float),
             "the comparison is the wrong way round: the slope is 1 where z is positive."),
            (lambda z: np.heaviside(z, 0.5),
             "at the kink z = 0 the lesson takes the slope to be 0, not ½."),
        ],
    },
    "softmax_cross_entropy_gradient": {
        "args": {"Y": "one-hot targets Y", "Z": "logits Z"},
        "reference": lambda Y, Z: categorical_crossentropy_gradient_from_logits(Y, Z),
        "inputs": _gradient_inputs,
        "hints": [
            "Start from one row: its gradient is its probabilities minus its one-hot row, and "
            "numpy can do that for all rows at once.",
            "L is a mean over the n rows, not a sum: each row's share of L, and so of the "
            "gradient, shrinks as n grows.",
        ],
        "misconceptions": [
            (lambda Y, Z: (Z - Y) / len(Z),
             "the softmax is left out: the gradient is the probabilities minus the one-hot "
             "rows, and Z holds logits, not probabilities."),
            (lambda Y, Z: activations.softmax(Z) - Y,
             "L is the mean over the n rows: each row's gradient carries a 1/n."),
            (lambda Y, Z: (Y - activations.softmax(Z)) / len(Z),
             "the sign is flipped: probabilities minus the one-hot rows, not the other way."),
            (lambda Y, Z: (_softmax_along(Z, 0) - Y) / len(Z),
             "the softmax was taken down each column: each row (one image) is its own "
             "softmax, over its 10 logits."),
            (lambda Y, Z: (np.exp(Z) / np.exp(Z).sum() - Y) / len(Z),
             "the softmax normalises each row (one image) on its own: the sum runs over that "
             "row's logits, not over the whole batch."),
            (lambda Y, Z: (_sigmoid(Z) - Y) / len(Z),
             "that is a sigmoid of each logit: softmax makes each row's probabilities add up "
             "to 1."),
            (lambda Y, Z: (activations.softmax(Z) - Y) / Z.shape[1],
             "divided by the number of classes: L is the mean over the n rows."),
            (lambda Y, Z: np.mean(activations.softmax(Z) - Y, axis=0),
             "the rows were averaged into one: the gradient has one row per image, each "
             "scaled by 1/n."),
            (lambda Y, Z: -Y / activations.softmax(Z) / len(Z),
             "that is the slope with respect to the probabilities: through the softmax, the "
             "gradient with respect to Z collapses into one subtraction."),
        ],
    },
    "sgd_learning_rate": {
        "condition": _sgd_reaches_95_percent,
        "needs": {"build_model": "the cell that defines build_model(optimizer)",
                  "X_train": "the cell that loads and splits the digits",
                  "SGD": "the first code cell (the imports)"},
        "timeout": 180,
        "hints": [
            "Try a few values between 0.01 and 1.0, spread out by factors of about 3, and keep "
            "the best.",
            "If the loss becomes NaN or the accuracy stays near 10 %, the step is too large; if "
            "the accuracy climbs but stays below 95 %, it is too small.",
        ],
        "misconceptions": LEARNING_RATE_MISCONCEPTIONS,
    },
}
