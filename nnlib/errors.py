"""Errors nnlib raises for bad input, and the small checks that raise them.

Every message says what was wrong and what was expected, so that a student never has to read
a numpy traceback to find out that `X` had the wrong shape.
"""
import difflib
import numbers

import numpy as np


class NNLibValueError(ValueError):
    """A value nnlib cannot work with: wrong shape, NaN, unknown name, non-positive rate..."""


class NNLibTypeError(TypeError):
    """An argument of the wrong type: a string where numbers were expected, and so on."""


def unknown_name(kind, name, valid):
    """The error for an unknown activation / loss / optimizer name, with the closest valid one."""
    valid = sorted(valid)
    close = difflib.get_close_matches(str(name).lower(), valid, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return NNLibValueError(f"Unknown {kind} {name!r}.{hint} Valid {kind}s: {', '.join(valid)}.")


def lookup(kind, name, registry):
    """`registry[name]` for a string name (case-insensitive), or a clear error."""
    if not isinstance(name, str):
        raise NNLibTypeError(f"The {kind} must be a name (one of {', '.join(sorted(registry))}) "
                             f"or an nnlib {kind} object, got {type(name).__name__}.")
    key = name.lower()
    if key not in registry:
        raise unknown_name(kind, name, registry)
    return registry[key]


def as_float_array(a, name, ndim=None, allow_empty=False):
    """`a` as a float64 ndarray, refusing strings, objects, NaN and inf.

    ndim: the number of dimensions required, or None for any.
    """
    if isinstance(a, str):
        raise NNLibTypeError(f"{name} must be an array of numbers, got the string {a!r}.")
    try:
        arr = np.asarray(a)
    except ValueError as exc:  # ragged nested lists
        raise NNLibValueError(f"{name} could not be turned into an array: {exc}. "
                              "Are all its rows the same length?") from None
    if arr.dtype == object:   # e.g. a DataFrame with bool and number columns: fine if all are
        arr = _object_numbers(arr, name)
    if arr.dtype.kind not in "biuf":
        raise NNLibTypeError(f"{name} must hold numbers, but its dtype is {arr.dtype} "
                             f"(first element: {arr.flat[0]!r})." if arr.size else
                             f"{name} must hold numbers, but its dtype is {arr.dtype}.")
    arr = arr.astype(np.float64, copy=False)
    if ndim is not None and arr.ndim != ndim:
        extra = ""
        if ndim == 2 and arr.ndim == 1:
            extra = (" A single feature per sample? Use X.reshape(-1, 1). "
                     "A single sample? Use X.reshape(1, -1).")
        raise NNLibValueError(f"{name} must be {ndim}-D, got shape {arr.shape}.{extra}")
    if not allow_empty and arr.size == 0:
        raise NNLibValueError(f"{name} is empty (shape {arr.shape}); it needs at least one sample.")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise NNLibValueError(f"{name} contains NaN or inf (first at index {tuple(bad.tolist())}: "
                              f"{arr[tuple(bad)]}). Clean or impute the data first.")
    return arr


def _object_numbers(arr, name):
    """An object array (what numpy makes of mixed columns) as float64 when every element is a
    real number or a bool; otherwise the error names the first element that is not."""
    is_number = np.frompyfunc(
        lambda x: isinstance(x, (numbers.Real, np.bool_)) and not isinstance(x, str), 1, 1)
    ok = is_number(arr).astype(bool) if arr.size else np.ones(arr.shape, bool)
    if ok.all():
        return arr.astype(np.float64)
    bad = tuple(np.argwhere(~ok)[0].tolist())
    raise NNLibTypeError(f"{name} must hold numbers, but its dtype is object and the element at "
                         f"index {bad} is {arr[bad]!r} ({type(arr[bad]).__name__}). Convert or "
                         "drop that column first (pandas: df.select_dtypes('number')).")


def positive_number(value, name):
    """`value` as a float, refusing anything that is not a number > 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise NNLibTypeError(f"{name} must be a number > 0, got {value!r}.")
    if not np.isfinite(value) or value <= 0:
        raise NNLibValueError(f"{name} must be a number > 0, got {value!r}.")
    return float(value)


def positive_int(value, name):
    """`value` as an int, refusing anything that is not a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise NNLibTypeError(f"{name} must be a whole number >= 1, got {value!r}.")
    if value < 1:
        raise NNLibValueError(f"{name} must be >= 1, got {value}.")
    return int(value)
