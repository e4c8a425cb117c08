"""The playground's data: two features, two classes (or a number to regress), train and test.

`make_data("moons", n=200, noise=0.2, seed=0)` returns a `PlaygroundData`. The sets are the
lessons' (XOR, gender, moons) and the TensorFlow Playground's (circles, Gaussian blobs, spiral);
`from_arrays(X, y)` takes any two-feature data a student has. `features(X, names)` adds derived
inputs (x1², x2², x1·x2, sin x1, sin x2), as the TensorFlow Playground does; each may be written
as the lessons do ('x1²', 'x1·x2') or in ASCII ('x1^2', 'x1*x2').
Imports scikit-learn when called (not at import time).
"""
from dataclasses import dataclass

import numpy as np

from .. import datasets
from ..errors import NNLibValueError

DATASETS = ("xor", "gender", "moons", "circles", "blobs", "spiral")

# name -> function of the raw inputs X (n, 2) giving one derived input (n,)
FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin(x1)": lambda X: np.sin(X[:, 0]),
    "sin(x2)": lambda X: np.sin(X[:, 1]),
}
# how the lessons write them (the controls and the pictures show these)
FEATURE_LABELS = {"x1": "x1", "x2": "x2", "x1^2": "x1²", "x2^2": "x2²", "x1*x2": "x1·x2",
                  "sin(x1)": "sin(x1)", "sin(x2)": "sin(x2)"}


def feature_name(name):
    """Any usual spelling of an input -> its name in FEATURES: 'x1²', 'x1**2', 'X1^2' -> 'x1^2';
    'x1·x2', 'x1 × x2', 'x1x2' -> 'x1*x2'; 'sin x1' -> 'sin(x1)'."""
    if not isinstance(name, str):
        raise NNLibValueError(f"features are names such as 'x1' or 'x1²'; got {name!r}.")
    key = name.strip().lower().replace(" ", "").replace("²", "^2").replace("**2", "^2")
    for times in "·×⋅":
        key = key.replace(times, "*")
    key = {"x1x2": "x1*x2", "x2*x1": "x1*x2", "x2x1": "x1*x2", "sinx1": "sin(x1)",
           "sinx2": "sin(x2)"}.get(key, key)
    if key not in FEATURES:
        raise NNLibValueError(f"Unknown input {name!r} in features: choose from "
                              f"{', '.join(FEATURE_LABELS.values())} (x1² may also be written "
                              f"'x1^2', x1·x2 'x1*x2').")
    return key


def feature_names(names):
    """features as given (one name, or a list of names) -> a list of FEATURES names."""
    if isinstance(names, str):   # features="x1": one input, not the letters 'x' and '1'
        names = [names]
    try:
        names = [feature_name(name) for name in names]
    except TypeError:
        raise NNLibValueError(f"features must be a list of input names such as ['x1', 'x2']; "
                              f"got {names!r}.") from None
    if not names:
        raise NNLibValueError("features must name at least one input, e.g. ['x1', 'x2'].")
    if len(set(names)) < len(names):
        raise NNLibValueError(f"features lists an input twice: {names}.")
    return names


@dataclass
class PlaygroundData:
    """Train and test points: X_* (n, 2) raw inputs, y_* (n, 1) targets (0/1 for classes)."""
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    name: str = "custom"

    @property
    def X_all(self):
        return np.vstack([self.X_train, self.X_test])


def features(X, names):
    """The network's inputs: X (n, 2) raw -> (n, len(names)), one column per feature name."""
    return np.column_stack([FEATURES[name](X) for name in feature_names(names)])


def make_data(name, n=200, noise=0.1, test_fraction=0.5, seed=0):
    """One of DATASETS with `n` points (XOR and gender: see below), split into train and test.

    noise: the standard deviation of the Gaussian noise added to each point, in the data's own
    units (the moons are about 3 wide, the others about 2 to 4). XOR: the four corners of
    lesson 03, n points drawn among them, jittered by `noise` (n=4, noise=0: exactly the
    lesson's table). Gender: the four people of lesson 02, jittered the same way.
    Sets of fewer than 10 points are not split: train and test are the same points.
    """
    if name not in DATASETS:
        raise NNLibValueError(f"Unknown data set {name!r}: choose one of {DATASETS}, "
                              f"or pass your own (X, y) to Playground(data=(X, y)).")
    if not (isinstance(n, (int, np.integer)) and n >= 4):
        raise NNLibValueError(f"n must be an integer >= 4, got {n!r}.")
    if not noise >= 0:
        raise NNLibValueError(f"noise must be >= 0, got {noise!r}.")
    rng = np.random.default_rng(seed)
    X, y = _RAW[name](n, noise, rng, seed)
    return split(X, y, test_fraction, seed, name)


def from_arrays(X, y, test_fraction=0.5, seed=0):
    """A student's own data: X (n, 2) numbers, y (n,) or (n, 1) targets -> PlaygroundData.

    X and y may be numpy arrays, lists, or pandas DataFrames / Series (X with two columns).
    """
    X, y = own_arrays(X, y)
    return split(X, y, test_fraction, seed, "custom")


def own_arrays(X, y):
    """(X, y) as float64 copies, X (n, 2) and y (n, 1), or a clear error."""
    arrays = []
    for name, a in (("X", X), ("y", y)):
        try:
            arrays.append(np.array(a, dtype=np.float64))
        except (TypeError, ValueError):
            raise NNLibValueError(f"data=(X, y): {name} must hold numbers only; got "
                                  f"{type(a).__name__} that does not convert to numbers.") from None
    X, y = arrays
    if X.ndim != 2 or X.shape[1] != 2:
        raise NNLibValueError(f"The playground draws two features: in data=(X, y), X must have "
                              f"shape (n, 2), got {X.shape}.")
    if y.size != len(X) or (y.ndim == 2 and y.shape[1] != 1) or y.ndim > 2:
        raise NNLibValueError(f"In data=(X, y), X has {len(X)} rows but y has shape {y.shape}: "
                              f"give one target per row of X.")
    if len(X) < 4:
        raise NNLibValueError(f"data=(X, y) needs at least 4 points, got {len(X)}.")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise NNLibValueError("In data=(X, y), X and y must be finite numbers (no NaN or inf).")
    return X, y.reshape(-1, 1)


def split(X, y, test_fraction, seed, name):
    """Train/test split with scikit-learn (stratified for classes); tiny sets are not split."""
    if len(X) < 10 or test_fraction == 0:
        return PlaygroundData(X, y, X.copy(), y.copy(), name)
    if not 0 < test_fraction < 1:
        raise NNLibValueError(f"test_fraction must be between 0 and 1, got {test_fraction!r}.")
    from sklearn.model_selection import train_test_split

    classes = np.unique(y)
    stratify = y.ravel() if len(classes) <= 2 and np.all(np.isin(classes, [0, 1])) else None
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_fraction, random_state=seed, stratify=stratify)
    return PlaygroundData(X_train, y_train, X_test, y_test, name)


# --- the raw sets: (n, noise, rng, seed) -> X (n, 2), y (n, 1) ----------------------------------

def _corners(table_X, table_y, n, noise, rng):
    """n points drawn among a small table's rows (all rows once first), jittered by noise."""
    rows = np.concatenate([np.arange(len(table_X)), rng.integers(0, len(table_X), n)])[:n]
    return table_X[rows] + noise * rng.standard_normal((n, 2)), table_y[rows]


def _xor(n, noise, rng, seed):
    return _corners(*datasets.xor(), n, noise, rng)


def _gender(n, noise, rng, seed):
    X, y, _ = datasets.gender()
    return _corners(X, y, n, noise, rng)


def _moons(n, noise, rng, seed):
    from sklearn.datasets import make_moons

    X, y = make_moons(n, noise=noise, random_state=seed)
    return X, y.reshape(-1, 1).astype(np.float64)


def _circles(n, noise, rng, seed):
    from sklearn.datasets import make_circles

    X, y = make_circles(n, noise=noise, factor=0.5, random_state=seed)
    return X, y.reshape(-1, 1).astype(np.float64)


def _blobs(n, noise, rng, seed):
    from sklearn.datasets import make_blobs

    X, y = make_blobs(n, centers=[[-1.0, -1.0], [1.0, 1.0]], cluster_std=0.5 + noise,
                      random_state=seed)
    return X, y.reshape(-1, 1).astype(np.float64)


def _spiral(n, noise, rng, seed):
    """Two spiral arms half a turn apart, 1.75 turns long (as in the TensorFlow Playground)."""
    half = n // 2
    X, y = [], []
    for label, (count, shift) in enumerate([(half, 0.0), (n - half, np.pi)]):
        t = np.linspace(0.0, 1.0, count)
        angle = 1.75 * 2 * np.pi * t + shift
        radius = 2.0 * t
        X.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))
        y.append(np.full((count, 1), float(label)))
    X = np.vstack(X) + noise * rng.standard_normal((n, 2))
    return X, np.vstack(y)


_RAW = {"xor": _xor, "gender": _gender, "moons": _moons, "circles": _circles, "blobs": _blobs,
        "spiral": _spiral}
