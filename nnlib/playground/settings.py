"""The playground's choices: what each control offers, where a new playground starts, and which
values each setting takes (`normalise`).

Read by the Playground (core.py), which checks settings with `normalise`, and by the widgets
(widgets.py), which offer the choices; neither imports the other for these.
"""
import numbers

import numpy as np

from ..errors import NNLibValueError
from .data import DATASETS, FEATURE_LABELS, FEATURES, feature_names, own_arrays

ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
PROBLEMS = ("classification", "regression")
OPTIMIZERS = ("sgd", "adam")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
MAX_LAYERS, MAX_UNITS = 4, 8
FRAME_SECONDS = 0.03   # Play trains this long (at least one epoch) between two pictures

DEFAULTS = dict(data="moons", n=200, noise=0.2, test_fraction=0.5, features=("x1", "x2"),
                hidden=(4,), activation="tanh", problem="classification", learning_rate=0.03,
                l2=0.0, batch_size=10, optimizer="sgd", seed=0)

# Each data set's own n and noise, used where they are not given: the rings of "circles" and
# the arms of "spiral" are 0.5 and about 0.6 apart, and noise 0.2 blurs them into each other.
DATA_DEFAULTS = {name: {"n": 200, "noise": 0.1 if name in ("circles", "spiral") else 0.2}
                 for name in DATASETS}


def defaults_for(data):
    """DEFAULTS, with the n and noise of data set `data` (a name; own data: DEFAULTS')."""
    return {**DEFAULTS, **DATA_DEFAULTS.get(data if isinstance(data, str) else None, {})}


# A change of these starts again from new weights (and new data for the first five); a change of
# the others (learning rate, L2, batch size, optimizer) applies from the next step.
DATA_SETTINGS = ("data", "n", "noise", "test_fraction", "seed")
NETWORK_SETTINGS = DATA_SETTINGS + ("features", "hidden", "activation", "problem")


def normalise(settings):
    """A complete dict of settings -> the same in canonical form, or an NNLibValueError naming
    the setting and what it takes. `hidden=4` is one layer of 4 units ([4]; 0 is no hidden
    layer), `features="x1"` one input, 'x1²' is 'x1^2'; own data (X, y) becomes float64 copies
    X (n, 2), y (n, 1)."""
    unknown = sorted(set(settings) - set(DEFAULTS))
    if unknown:
        raise NNLibValueError(f"Unknown playground settings {unknown}; "
                              f"the settings are {list(DEFAULTS)}.")
    s = dict(settings)
    s["data"] = _data(s["data"])
    s["features"] = feature_names(s["features"])
    s["hidden"] = _hidden(s["hidden"])
    for key, allowed in (("activation", ACTIVATIONS), ("problem", PROBLEMS),
                         ("optimizer", OPTIMIZERS)):
        value = s[key].lower() if isinstance(s[key], str) else s[key]
        if value not in allowed:
            raise NNLibValueError(f"{key} must be one of {allowed}; got {s[key]!r}.")
        s[key] = value
    s["n"] = _integer(s["n"], "n", 4)
    s["batch_size"] = _integer(s["batch_size"], "batch_size", 1)
    s["seed"] = _integer(s["seed"], "seed", 0)
    s["learning_rate"] = _number(s["learning_rate"], "learning_rate", "> 0", lambda v: v > 0)
    s["l2"] = _number(s["l2"], "l2", ">= 0", lambda v: v >= 0)
    s["noise"] = _number(s["noise"], "noise", ">= 0", lambda v: v >= 0)
    s["test_fraction"] = _number(s["test_fraction"], "test_fraction", "in [0, 1)",
                                 lambda v: 0 <= v < 1)
    if s["problem"] == "classification" and not isinstance(s["data"], str):
        classes = np.unique(s["data"][1])
        if not np.all(np.isin(classes, [0.0, 1.0])):
            raise NNLibValueError(
                f"For problem='classification', y in data=(X, y) must hold the classes 0 and 1; "
                f"it holds {classes[:5].tolist()}{' ...' if len(classes) > 5 else ''}. Use "
                "problem='regression' for numbers, or turn your two classes into 0 and 1.")
    return s


def _data(data):
    """A data set's name (lower case), or own data (X, y) as two float64 arrays."""
    if isinstance(data, str):
        if data.strip().lower() not in DATASETS:
            raise NNLibValueError(f"data must be one of {DATASETS} or your own (X, y); "
                                  f"got {data!r}.")
        return data.strip().lower()
    if hasattr(data, "columns"):   # a pandas DataFrame
        raise NNLibValueError(
            "data=DataFrame: give the inputs and the targets apart, as data=(X, y), e.g. "
            "data=(df[['a', 'b']], df['label']) (two input columns, one target per row).")
    if isinstance(data, (tuple, list)) and len(data) == 2:
        return own_arrays(*data)
    what = (f"a {type(data).__name__} of {len(data)} items" if isinstance(data, (tuple, list))
            else f"an array of shape {np.shape(data)}" if isinstance(data, np.ndarray)
            else repr(data) if data is None or isinstance(data, numbers.Number)
            else f"a {type(data).__name__}")
    raise NNLibValueError(f"data must be one of {DATASETS} or a pair (X, y): X (n, 2), y one "
                          f"target per row; got {what}.")


def _hidden(hidden):
    """hidden=4 -> [4]; hidden=0 -> []; a list of 0 to MAX_LAYERS sizes of 1 to MAX_UNITS."""
    expected = (f"hidden must list 0 to {MAX_LAYERS} layer sizes of 1 to {MAX_UNITS} units, "
                f"e.g. [4, 4] (or one number: hidden=4 is one layer of 4 units)")
    if _is_integer(hidden):
        hidden = [int(hidden)] if hidden else []
    elif isinstance(hidden, np.ndarray) and hidden.ndim == 1:
        hidden = hidden.tolist()
    if not isinstance(hidden, (list, tuple)):
        raise NNLibValueError(f"{expected}; got {hidden!r}.")
    if len(hidden) > MAX_LAYERS or not all(_is_integer(u) and 1 <= u <= MAX_UNITS
                                           for u in hidden):
        raise NNLibValueError(f"{expected}; got {list(hidden)!r}.")
    return [int(u) for u in hidden]


def _is_integer(value):
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, bool)


def _integer(value, name, least):
    if not (_is_integer(value) and value >= least):
        raise NNLibValueError(f"{name} must be a whole number >= {least}; got {value!r}.")
    return int(value)


def _number(value, name, expected, ok):
    if (isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating))
            or not np.isfinite(value) or not ok(value)):
        raise NNLibValueError(f"{name} must be a number {expected}; got {value!r}.")
    return float(value)


__all__ = ["ACTIVATIONS", "PROBLEMS", "OPTIMIZERS", "LEARNING_RATES", "L2_RATES", "MAX_LAYERS",
           "MAX_UNITS", "FRAME_SECONDS", "DEFAULTS", "DATASETS", "FEATURES", "FEATURE_LABELS",
           "DATA_SETTINGS", "NETWORK_SETTINGS", "DATA_DEFAULTS", "defaults_for", "normalise"]
