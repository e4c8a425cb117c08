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
    A scipy.sparse matrix is made dense; a masked array is refused if anything is masked
    (nnlib would not know what the hidden values mean). None, a dict, a set or a generator
    get an error that says what to pass instead.
    """
    _refuse_containers(a, name)
    if hasattr(a, "toarray") and type(a).__module__.startswith("scipy.sparse"):
        a = a.toarray()
    if isinstance(a, np.ma.MaskedArray):
        masked = int(np.ma.count_masked(a))
        if masked:
            raise NNLibValueError(
                f"{name} is a masked array with {masked} masked entries; nnlib does not read "
                f"masks. Fill them ({name}.filled(value)) or drop those rows first.")
        a = a.data
    try:
        arr = np.asarray(a)
    except ValueError as exc:  # ragged nested lists
        raise NNLibValueError(f"{name} could not be turned into an array: {exc}. "
                              "Are all its rows the same length?") from None
    if arr.ndim == 0 and ndim != 0:
        raise NNLibTypeError(f"{name} must be an array of numbers, got the single value {a!r} "
                             f"({type(a).__name__}).")
    if arr.dtype == object:   # e.g. a DataFrame with bool and number columns: fine if all are
        arr = _object_numbers(arr, name)
    if arr.dtype.kind not in "biuf":
        kind = "real numbers" if arr.dtype.kind == "c" else "numbers"
        raise NNLibTypeError(f"{name} must hold {kind}, but its dtype is {arr.dtype} "
                             f"(first element: {arr.flat[0]!r})." if arr.size else
                             f"{name} must hold {kind}, but its dtype is {arr.dtype}.")
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


def _refuse_containers(a, name):
    """The clear error for what np.asarray would turn into a meaningless object array."""
    if isinstance(a, str):
        raise NNLibTypeError(f"{name} must be an array of numbers, got the string {a!r}.")
    if a is None:
        raise NNLibTypeError(f"{name} is None; expected an array of numbers.")
    if isinstance(a, dict):
        raise NNLibTypeError(f"{name} is a dict (keys {list(a)[:3]}...); pass an array, e.g. "
                             "np.column_stack(list(d.values())), or a pandas DataFrame.")
    if isinstance(a, (set, frozenset)):
        raise NNLibTypeError(f"{name} is a set, which has no order; pass a list or an array.")
    if hasattr(a, "__next__"):   # a generator, map, zip, open file...
        raise NNLibTypeError(f"{name} is a {type(a).__name__} (an iterator); nnlib needs all the "
                             f"data at once: pass np.array(list({name})).")


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
    return number_in(value, name, 0.0, np.inf, "a number > 0", low_open=True)


def number_in(value, name, low, high, expected, low_open=False, high_open=True):
    """`value` as a float, refusing anything that is not a number from low to high.

    low_open / high_open: whether low / high themselves are excluded. `expected` is how the
    message says it, e.g. "a number in [0, 1)".
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise NNLibTypeError(f"{name} must be {expected}, got {value!r} "
                             f"({type(value).__name__}).")
    above = value > low if low_open else value >= low
    below = value < high if high_open else value <= high
    if not (np.isfinite(value) and above and below):
        raise NNLibValueError(f"{name} must be {expected}, got {value!r}.")
    return float(value)


def flag(value, name):
    """`value` as a bool, refusing strings such as "False" (which Python reads as true)."""
    if not isinstance(value, (bool, np.bool_)):
        raise NNLibTypeError(f"{name} must be True or False, got {value!r} "
                             f"({type(value).__name__}).")
    return bool(value)


def seed_value(seed, name="seed"):
    """None or a whole number >= 0, as numpy's default_rng takes it."""
    return None if seed is None else whole_number(seed, name, 0, "a whole number >= 0 or None")


def positive_int(value, name):
    """`value` as an int, refusing anything that is not a whole number >= 1."""
    return whole_number(value, name, 1)


def whole_number(value, name, minimum, expected=None):
    """`value` as an int, refusing anything that is not a whole number >= minimum."""
    expected = expected or f"a whole number >= {minimum}"
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise NNLibTypeError(f"{name} must be {expected}, got {value!r} "
                             f"({type(value).__name__}).")
    if value < minimum:
        raise NNLibValueError(f"{name} must be {expected}, got {value}.")
    return int(value)
