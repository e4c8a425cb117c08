"""Saying how a student's result differs from the expected one, without giving the answer.

compare(got, want, atol, rtol, labels) -> None when they match, else the text of the problem:
which entries differ (the first, got vs expected), and what the difference looks like (the sign
flipped, a constant factor, a transpose, a list instead of an array, NaN...).
changed_in_place(before, after) -> None, or what changed in an argument the function was given.
"""
import inspect
import numbers

import numpy as np


def compare(got, want, atol, rtol, labels=None):
    """compare_values, but an object that misbehaves (raises on ==, on len...) gives a message."""
    try:
        return _compare(got, want, atol, rtol, labels)
    except Exception as exc:
        return (f"could not be compared with the expected value: {describe(got)} "
                f"({type(exc).__name__}: {_str(exc)}).")


def _compare(got, want, atol, rtol, labels=None):
    """None when `got` matches `want`, else one or two sentences saying how it differs."""
    if want is None:
        return None if got is None else f"expected None, got {describe(got)}."
    if got is None:
        return "got None."
    if callable(got) and not callable(want):
        return "a function where a value was expected: did you forget to call it, with (...)?"
    if isinstance(want, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"wrong type: expected True or False, got {describe(got)}."
        return None if bool(got) == bool(want) else f"expected {bool(want)}, got {bool(got)}."
    if _is_number(want) or isinstance(want, np.ndarray):
        return _compare_numbers(got, want, atol, rtol)
    if isinstance(want, (list, tuple)):
        return _compare_items(got, want, atol, rtol, labels)
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"wrong type: expected a dict, got {describe(got)}."
        if set(got) != set(want):
            return f"expected the keys {sorted(map(str, want))}, got {sorted(map(str, got))}."
        for key in want:
            problem = _compare(got[key], want[key], atol, rtol)
            if problem:
                return f"[{key!r}]: {problem}"
        return None
    if type(got) is not type(want):
        return f"wrong type: expected {describe(want)}, got {describe(got)}."
    if bool(got == want):
        return None
    return f"expected {show(want)}, got {show(got)}."


def _compare_items(got, want, atol, rtol, labels):
    """A list or tuple of results, e.g. [dW1, db1, dW2, db2]: name the one that is off, and for
    a list of arrays show each one's largest error."""
    kind = type(want).__name__
    if not isinstance(got, (list, tuple)):
        if _is_number(got) and all(_is_number(w) for w in want):
            return (f"wrong type: one number ({show(got, 80)}) where a {kind} of "
                    f"{_count_words(len(want))} was expected.")
        return f"wrong type: expected a {kind} of {len(want)} items, got {describe(got)}."
    if len(got) != len(want):
        return f"expected a {kind} of {len(want)} items, got {len(got)}."
    names = [labels[i] if labels and i < len(labels) else f"item [{i}]" for i in range(len(want))]
    problems = [(i, _compare(g, w, atol, rtol)) for i, (g, w) in enumerate(zip(got, want))]
    wrong = [(i, problem) for i, problem in problems if problem]
    if not wrong:
        return None
    i, problem = wrong[0]
    text = f"{names[i]} is off" + (f" ({len(wrong)} of {len(want)} are)" if len(wrong) > 1
                                   else "") + f": {problem}"
    errors = [_largest_error(g, w) for g, w in zip(got, want)]
    if len(want) > 1 and any(e is not None for e in errors):
        shown = ", ".join(f"{name} {'—' if e is None else f'{e:.3g}'}"
                          for name, e in zip(names, errors))
        text += f"\n  largest error in each: {shown}"
    return text


def _largest_error(got, want):
    """max |got - want| for two arrays of numbers of one shape, else None."""
    try:
        if not (_is_number(want) or isinstance(want, np.ndarray)):
            return None
        g, w = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
        if g.shape != w.shape or g.size == 0:
            return None
        return float(np.max(np.abs(g - w)))
    except Exception:
        return None


def _compare_numbers(got, want, atol, rtol):
    want = np.asarray(want)
    if isinstance(got, (bool, np.bool_)) or not (_is_number(got) or isinstance(got, np.ndarray)):
        return _wrong_container(got, want)
    got = np.asarray(got)
    if got.dtype.kind not in "biufc":
        return f"wrong type: expected numbers, got an array of {got.dtype} values."
    if got.shape != want.shape:
        return _shape_problem(got.shape, want.shape)

    if want.dtype.kind == "b":  # True/False values: compare exactly
        if got.dtype.kind != "b":
            return f"wrong type: expected True/False values, got an array of {got.dtype}."
        differ = got != want
    else:
        common = np.result_type(got.dtype, want.dtype, np.float64)
        g, w = got.astype(common), want.astype(common)
        broken = ~np.isfinite(g) & np.isfinite(w)
        if broken.any():
            at = _first(broken)
            what = "NaN (not a number)" if np.isnan(g[at]) else "inf (infinity)"
            return (f"{_where(at, broken)}{what} where {_num(want[at])} was expected: "
                    f"NaN and inf come from 0/0, log(0), or an overflow such as np.exp(1000).")
        differ = ~np.isclose(g, w, rtol=rtol, atol=atol, equal_nan=True)
    if not differ.any():
        return None
    at = _first(differ)
    expected_text, got_text = _pair(want[at], got[at])
    if want.ndim == 0:
        text = f"wrong value: expected {expected_text}, got {got_text}."
    else:
        text = (f"wrong values: {int(differ.sum())} of {want.size} differ; the first at index "
                f"{_index(at)}: expected {expected_text}, got {got_text}.")
    if want.dtype.kind == "b":
        return text
    pattern = _pattern(g, w, atol, rtol)
    if pattern:
        text += f"\n  → {pattern}"
    elif got.dtype.kind in "biu" and want.dtype.kind in "fc":
        text += (f"\n  → your result holds whole numbers (dtype {got.dtype}) where decimals "
                 f"were expected: where were the decimals lost?")
    return text


def _pattern(g, w, atol, rtol):
    """What a wrong array has in common with the expected one: the sign flipped, a constant
    factor, a constant offset. None if nothing simple."""
    def close(a, b):
        return bool(np.all(np.isclose(a, b, rtol=max(rtol, 1e-6), atol=max(atol, 1e-9))))

    nonzero = np.abs(w) > max(atol, 1e-12)
    if nonzero.any() and close(g, -w):
        return "the sign is flipped: every value is minus the expected one."
    if nonzero.any():
        factor = (g[nonzero] / w[nonzero]).flat[0]
        # One number is always a multiple of another: then only a simple factor (2, 1/3...) says
        # something.
        telling = nonzero.sum() > 1 or _simple_ratio(factor)
        if telling and np.isfinite(factor) and not np.isclose(factor, 0.0) and close(
                g, factor * w):
            return (f"off by a constant factor of {_round(factor)}: every value is "
                    f"{_round(factor)} × the expected one.")
    if w.ndim == 2 and w.shape[0] == w.shape[1] > 1 and close(g, w.T):
        return "your array is the expected one transposed: a transpose too many or too few?"
    if w.size > 1:
        offset = (g - w).flat[0]
        if close(g, w + offset):
            return f"every value is off by the same amount, {_round(offset)}."
    return None


def _simple_ratio(x):
    """True for ±2, ±3, … ±10 and ±1/2, ±1/3, … ±1/10."""
    x = abs(complex(x).real)
    return any(np.isclose(x, k, rtol=1e-6) or np.isclose(x, 1 / k, rtol=1e-6)
               for k in range(2, 11))


def _round(x):
    x = x.item() if isinstance(x, np.generic) else x
    if isinstance(x, complex):
        return show(x)
    return f"{x:.4g}"


def _wrong_container(got, want):
    """`got` is not a number nor an array (a list, a tuple, a string...): say what it is."""
    wanted = "a number" if want.ndim == 0 else f"a numpy array of shape {want.shape}"
    if isinstance(got, (list, tuple)):
        kind = type(got).__name__
        try:
            shape = np.asarray(got, dtype=float).shape
        except Exception:
            shape = None
        if shape == want.shape and want.ndim > 0:
            return (f"wrong type: a {kind} where a numpy array was expected "
                    f"(np.array(...) turns it into one).")
        if want.ndim == 0:
            count = _count_words(len(got))
            return (f"wrong type: a {kind} of {count} where one number was expected "
                    f"({show(got, 80)}).")
        return f"wrong type: a {kind} ({show(got, 80)}) where {wanted} was expected."
    return f"wrong type: expected {wanted}, got {describe(got)}."


def _count_words(n):
    words = {0: "no numbers", 1: "one number", 2: "two numbers", 3: "three numbers"}
    return words.get(n, f"{n} numbers")


def _shape_problem(got_shape, want_shape):
    got, want = _shape(got_shape), _shape(want_shape)
    text = f"wrong shape: {got} where {want} was expected"
    if want_shape == () and len(got_shape) >= 1:
        count = int(np.prod(got_shape))
        text = f"wrong shape: {_count_words(count)} (shape {got_shape}) where one was expected"
    elif len(got_shape) == 2 and got_shape == want_shape[::-1]:
        text += " — a transpose?"
    elif len(got_shape) == 1 and want_shape in ((got_shape[0], 1), (1, got_shape[0])):
        text += f" — a 1-D array where a 2-D {'column' if want_shape[1] == 1 else 'row'} " \
                f"was expected"
    elif len(want_shape) == 1 and got_shape in ((want_shape[0], 1), (1, want_shape[0])):
        text += " — a 2-D array where a 1-D one was expected"
    elif len(got_shape) == 2 and len(want_shape) == 2 and got_shape[0] == got_shape[1] and (
            1 in want_shape):
        text += " (did an (n,) array and an (n, 1) array broadcast into a square one?)"
    elif int(np.prod(got_shape)) == int(np.prod(want_shape)):
        text += " (the right number of values, arranged differently)"
    return text + "."


def _shape(shape):
    return "a single number (shape ())" if shape == () else f"shape {shape}"


def _is_number(x):
    return isinstance(x, (numbers.Number, np.number)) and not isinstance(x, (bool, np.bool_))


def _first(mask):
    """Index tuple of the first True in mask (() for a 0-d mask)."""
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _where(at, mask):
    if mask.ndim == 0:
        return "it is "
    return f"{int(mask.sum())} of {mask.size} values are NaN or inf; the first, at index " \
           f"{_index(at)}, is "


def _index(at):
    return str(at[0]) if len(at) == 1 else str(at)


def _num(x):
    return show(x.item() if isinstance(x, np.generic) else x)


def _pair(want, got):
    """The expected and the got number for a message, with 6 significant digits unless that
    shows them equal."""
    want, got = (x.item() if isinstance(x, np.generic) else x for x in (want, got))
    full = _num(want), _num(got)
    if isinstance(want, float) and isinstance(got, (int, float)) and max(map(len, full)) > 10:
        short = _short(want), _short(got)
        if short[0] != short[1]:
            return short
    return full


def _short(x):
    text = f"{x:.6g}"
    return text if any(c in text for c in ".einf") else text + ".0"


# --- arguments changed in place ----------------------------------------------------------------

def changed_in_place(before, after):
    """None if `after` equals `before` (an argument before and after the call), else what changed:
    '3 of 10 entries differ, first at [0, 1]', 'item [1]: ...', "key 'W': ...". Objects other
    than arrays, lists, tuples and dicts are not compared."""
    try:
        return _changed(before, after)
    except Exception:
        return None


def _changed(before, after):
    if isinstance(before, np.ndarray):
        if not isinstance(after, np.ndarray) or after.shape != before.shape:
            return f"its shape changed from {before.shape} to {np.shape(after)}"
        if before.dtype.kind in "fc":
            differ = ~((before == after) | (np.isnan(before) & np.isnan(after)))
        else:
            differ = before != after
        if not differ.any():
            return None
        at = list(_first(differ)) if differ.ndim else []
        return f"{int(differ.sum())} of {differ.size} entries differ, first at {at}"
    if isinstance(before, list):
        if len(after) != len(before):
            return f"it had {len(before)} items, now {len(after)}"
        for i, (b, a) in enumerate(zip(before, after)):
            if a is not b and not _simple_equal(b, a):
                change = _changed(b, a) or "replaced"
                return f"item [{i}]: {change}"
        return None
    if isinstance(before, tuple):  # the tuple cannot change, but what it holds can
        for i, (b, a) in enumerate(zip(before, after)):
            change = _changed(b, a)
            if change:
                return f"item [{i}]: {change}"
        return None
    if isinstance(before, dict):
        if set(before) != set(after):
            return f"its keys changed from {sorted(map(str, before))} to {sorted(map(str, after))}"
        for key in before:
            if not _simple_equal(before[key], after[key]):
                change = _changed(before[key], after[key]) or "replaced"
                return f"key {key!r}: {change}"
    return None


def _simple_equal(b, a):
    """True if b and a hold the same (for arrays, lists, dicts: the same entries)."""
    if isinstance(b, (np.ndarray, list, tuple, dict)):
        return _changed(b, a) is None
    try:
        return bool(b == a)
    except Exception:
        return True


# --- describing values in messages -------------------------------------------------------------

def show(value, limit=300):
    """A short repr that never fails."""
    try:
        if isinstance(value, np.generic):  # np.float64(0.5) -> 0.5
            value = value.item()
        if isinstance(value, np.ndarray):
            with np.printoptions(threshold=20, edgeitems=3, precision=6):
                text = repr(value)
        else:
            text = repr(value)
    except Exception:
        return f"<a {type(value).__name__} that cannot be printed>"
    text = " ".join(text.split()) if len(text) > limit else text
    return text if len(text) <= limit else text[:limit] + " …"


def describe(value):
    """'a list ([1, 2])', 'a numpy array of shape (3,), dtype float64', 'None'."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}, dtype {value.dtype}"
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    return f"{article} {kind} ({show(value, 80)})"


def argument_names(fn, args):
    """The parameter names that `args` bind to in fn's signature; "argument 1", ... if unknown."""
    try:
        names = list(inspect.signature(fn).bind(*args).arguments)
    except Exception:
        names = []
    if len(names) != len(args):  # no signature, or *args
        names = [f"argument {i + 1}" for i in range(len(args))]
    return names


def describe_call(fn, args, i, n):
    """'    input 2 of 3: z = array([...])' for the message."""
    label = "input" if n == 1 else f"input {i + 1} of {n}"
    if not args:
        return f"    {label}: (no arguments)"
    try:
        bound = inspect.signature(fn).bind(*args).arguments
        parts = [f"{key} = {show(value, 150)}" for key, value in bound.items()]
    except Exception:  # no signature, or it does not take these arguments
        parts = [show(value, 150) for value in args]
    return f"    {label}: " + ", ".join(parts)


def _str(exc):
    try:
        return str(exc)
    except Exception:
        return ""
