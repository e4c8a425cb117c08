"""Saying how a student's result differs from the expected one, without giving the answer.

compare(got, want, atol, rtol, labels, also) -> None when they match, else the text of the
problem: which entries differ (the first, got vs expected), and what the difference looks like (the
sign flipped, a constant factor, a transpose, a list instead of an array, NaN...). A sign, factor
or offset is named only when the evidence supports it: several different expected values agree
(or, for one number, the ratio is simple, like 2 or 1/3), on every wrong input — `also` holds the
(got, expected) pairs of the check's other inputs.
changed_in_place(before, after) -> None, or what changed in an argument the function was given.
"""
import inspect
import numbers

import numpy as np


def compare(got, want, atol, rtol, labels=None, also=()):
    """_compare, but an object that misbehaves (raises on ==, on len...) gives a message."""
    try:
        return _compare(got, want, atol, rtol, labels, also)
    except Exception as exc:
        return (f"could not be compared with the expected value: {describe(got)} "
                f"({type(exc).__name__}: {_str(exc)}).")


def _compare(got, want, atol, rtol, labels=None, also=()):
    """None when `got` matches `want`, else one or two sentences saying how it differs.
    also: (got, want) pairs of other inputs, for the diagnosis only."""
    if want is None:
        return None if got is None else f"expected None, got {describe(got)}."
    if _is_pandas(got) and not _is_pandas(want):
        return _compare_pandas(got, want, atol, rtol, labels, also)
    if got is None:
        return f"got None where {_kind(want)} was expected."
    if callable(got) and not callable(want):
        return "a function where a value was expected: did you forget to call it, with (...)?"
    if isinstance(want, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"wrong type: expected True or False, got {describe(got)}."
        return None if bool(got) == bool(want) else f"expected {bool(want)}, got {bool(got)}."
    if _is_number(want) or isinstance(want, np.ndarray):
        return _compare_numbers(got, want, atol, rtol, also)
    if isinstance(want, (list, tuple)):
        return _compare_items(got, want, atol, rtol, labels, also)
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"wrong type: expected a dict, got {describe(got)}."
        if set(got) != set(want):
            return f"expected the keys {sorted(map(str, want))}, got {sorted(map(str, got))}."
        for key in want:
            problem = _compare(got[key], want[key], atol, rtol, also=_part(also, key))
            if problem:
                return f"key {key!r} is off: {problem}"
        return None
    if type(got) is not type(want):  # the type only: the expected value may be the answer
        return f"wrong type: expected {_kind(want)}, got {describe(got)}."
    if bool(got == want):
        return None
    return f"expected {show(want)}, got {show(got)}."


def _compare_items(got, want, atol, rtol, labels, also=()):
    """A list or tuple of results, e.g. [dW1, db1, dW2, db2]: name the one that is off, and for
    a list of arrays show each one's largest error."""
    kind = type(want).__name__
    if isinstance(got, np.ndarray) and got.ndim == 1 and len(got) == len(want):
        got = list(got)  # a tuple, a list or a 1-D array of the right numbers: all the same
    if not isinstance(got, (list, tuple)):
        if _is_number(got) and all(_is_number(w) for w in want):
            return (f"wrong type: one number ({show(got, 80)}) where a {kind} of "
                    f"{_count_words(len(want))} was expected.")
        return f"wrong type: expected a {kind} of {len(want)} items, got {describe(got)}."
    if len(got) != len(want):
        return (f"expected a {kind} of {len(want)} items, got {_a(type(got).__name__)} of "
                f"{len(got)}.")
    names = [labels[i] if labels and i < len(labels) else f"item [{i}]" for i in range(len(want))]
    problems = [(i, _compare(g, w, atol, rtol, also=_part(also, i)))
                for i, (g, w) in enumerate(zip(got, want))]
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


def _part(pairs, key):
    """The (got[key], want[key]) of each (got, want) pair that has that item or key."""
    parts = []
    for got, want in pairs:
        try:
            if isinstance(want, (list, tuple)) and len(got) != len(want):
                continue
            parts.append((got[key], want[key]))
        except Exception:
            continue
    return parts


def _largest_error(got, want):
    """max |got - want| for two arrays of numbers of one shape, else None."""
    try:
        if not all(_is_number(x) or isinstance(x, np.ndarray) for x in (got, want)):
            return None
        g, w = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
        if g.shape != w.shape or g.size == 0:
            return None
        return float(np.max(np.abs(g - w)))
    except Exception:
        return None


def _compare_numbers(got, want, atol, rtol, also=()):
    want = np.asarray(want)
    if isinstance(got, (bool, np.bool_)) or not (_is_number(got) or isinstance(got, np.ndarray)):
        return _wrong_container(got, want, atol, rtol, also)
    got = np.asarray(got)
    if got.dtype.kind not in "biufc":
        what = {"U": "text", "S": "bytes", "O": "Python objects"}.get(got.dtype.kind, "values")
        return f"wrong type: expected numbers, got an array of {what} (dtype {got.dtype})."
    if got.shape != want.shape:
        return _shape_problem(got.shape, want.shape)

    if want.dtype.kind == "b":  # True/False values: compare exactly
        if got.dtype.kind != "b":
            return (f"wrong type: expected True/False values, got an array of numbers "
                    f"(dtype {got.dtype}).")
        differ = got != want
    else:
        common = np.result_type(got.dtype, want.dtype, np.float64)
        g, w = got.astype(common), want.astype(common)
        broken = ~np.isfinite(g) & np.isfinite(w)
        if broken.any():
            at = _first(broken)
            what = "NaN (not a number)" if np.isnan(g[at]) else \
                f"{'-' if np.real(g[at]) < 0 else ''}inf (infinity)"
            return (f"{_where(at, broken)}{what} where {_num(want[at])} was expected: "
                    f"NaN and inf come from 0/0, log(0), or an overflow such as np.exp(1000).")
        differ = ~np.isclose(g, w, rtol=rtol, atol=atol, equal_nan=True)
    if not differ.any():
        return None
    at = _first(differ)
    expected_text, got_text = _pair(want[at], got[at])
    count = int(differ.sum())
    if want.ndim == 0:
        text = f"wrong value: expected {expected_text}, got {got_text}."
    elif count == 1:
        text = (f"wrong values: 1 of {want.size} differs, at index {_index(at)}: "
                f"expected {expected_text}, got {got_text}.")
    else:
        text = (f"wrong values: {count} of {want.size} differ; the first at index "
                f"{_index(at)}: expected {expected_text}, got {got_text}.")
    if want.dtype.kind == "b":
        return text
    pattern = _pattern([(g, w)] + _wrong_pairs(also, common, atol, rtol), atol, rtol)
    if pattern:
        text += f"\n  → {pattern}"
    elif got.dtype.kind in "biu" and want.dtype.kind in "fc":
        text += (f"\n  → your result holds whole numbers (dtype {got.dtype}) where decimals "
                 f"were expected: where were the decimals lost?")
    return text


def _wrong_pairs(pairs, dtype, atol, rtol):
    """The (got, want) pairs, as arrays of `dtype`, whose numbers are finite, of one shape, and
    not all close: the other inputs on which the result is wrong."""
    wrong = []
    for got, want in pairs:
        if not all(_is_number(x) or isinstance(x, np.ndarray) for x in (got, want)):
            continue
        try:
            g, w = np.asarray(got).astype(dtype), np.asarray(want).astype(dtype)
        except Exception:
            continue
        if (g.shape == w.shape and np.isfinite(g).all() and np.isfinite(w).all()
                and not np.isclose(g, w, rtol=rtol, atol=atol).all()):
            wrong.append((g, w))
    return wrong


def _pattern(pairs, atol, rtol):
    """What the wrong results have in common with the expected ones, on every (got, want) pair
    given: the sign flipped, a constant factor (the same one, or one per input), a transpose, a
    constant offset. None if nothing simple, or if the evidence is too thin: a factor or offset
    needs several different expected values (a factor on one number only a simple ratio such as
    2 or 1/3)."""
    g = np.concatenate([got.ravel() for got, _ in pairs])
    w = np.concatenate([want.ravel() for _, want in pairs])
    who = "your number is" if w.size == len(pairs) else "every value is"
    on = "" if len(pairs) == 1 else f" (on each of the {len(pairs)} inputs it gets wrong)"
    if (np.abs(w) > max(atol, 1e-12)).any() and _close(g, -w, atol, rtol):
        return f"the sign is flipped: {who} minus the expected one{on}."
    factor = _factor(g, w, atol, rtol, simple_will_do=True)
    if factor is not None:
        constant = "a constant factor" if w.size > 1 else "a factor"
        return (f"off by {constant} of {_round(factor)}: {who} {_round(factor)} × the "
                f"expected one{on}.")
    factors = [_factor(got, want, atol, rtol) for got, want in pairs]
    if len(pairs) > 1 and None not in factors:  # a factor within each input, not the same one
        first, others = _round(factors[0]), " and ".join(_round(f) for f in factors[1:])
        return (f"off by a constant factor of {first}: every value is {first} × the expected "
                f"one; on the other wrong input{'s' if len(factors) > 2 else ''} it is {others} "
                f"— the factor changes from input to input.")
    square = all(want.ndim == 2 and want.shape[0] == want.shape[1] > 1 for _, want in pairs)
    if square and all(_close(got, want.T, atol, rtol) for got, want in pairs):
        return f"your array is the expected one transposed{on}: a transpose too many or too few?"
    if _varied(w):
        offset = (g - w)[0]
        if _close(g, w + offset, atol, rtol):
            return f"every value is off by the same amount, {_round(offset)}{on}."
    return None


def _factor(g, w, atol, rtol, simple_will_do=False):
    """The factor k with g ≈ k × w if several different values of w support it (or, with
    simple_will_do, if k is a simple ratio such as 2 or 1/3), else None."""
    nonzero = np.abs(w) > max(atol, 1e-12)
    if not nonzero.any():
        return None
    factor = (g[nonzero] / w[nonzero])[0]
    supported = _varied(w[nonzero]) or (simple_will_do and _simple_ratio(factor))
    if supported and np.isfinite(factor) and not np.isclose(factor, 0.0) and _close(
            g, factor * w, atol, rtol):
        return factor
    return None


def _close(a, b, atol, rtol):
    return bool(np.all(np.isclose(a, b, rtol=max(rtol, 1e-6), atol=max(atol, 1e-9))))


def _varied(values):
    """True if the values are not (nearly) all one value: then a factor or an offset that fits
    them all says something."""
    if values.size < 2:
        return False
    return bool(np.max(np.abs(values - values[0])) > 0.01 * np.max(np.abs(values)))


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


def _is_pandas(value):
    return type(value).__module__.split(".")[0] == "pandas" and hasattr(value, "to_numpy")


def _compare_pandas(got, want, atol, rtol, labels, also):
    """A pandas Series or DataFrame, compared by its numbers; a ✗ says how to convert it."""
    kind = type(got).__name__
    try:
        values = got.to_numpy()
    except Exception:
        return f"wrong type: expected {_kind(want)}, got a pandas {kind}."
    if isinstance(want, np.ndarray) and values.shape != want.shape and values.size == want.size:
        values = values.reshape(want.shape)
    if _is_number(want) and values.size == 1:
        values = values.reshape(()).item()
    problem = _compare(values, want, atol, rtol, labels, also)
    if problem is None:
        return None
    return (f"(your result is a pandas {kind}; its numbers, .to_numpy(), compared:) {problem}"
            if "wrong type" not in problem else
            f"wrong type: a pandas {kind} where {_kind(want)} was expected: .to_numpy() gives its "
            f"numbers as an array.")


def _wrong_container(got, want, atol, rtol, also=()):
    """`got` is not a number nor an array (a list, a tuple, a string...): say what it is."""
    wanted = "a number" if want.ndim == 0 else f"a numpy array of shape {want.shape}"
    if isinstance(got, (list, tuple)):
        kind = type(got).__name__
        try:
            shape = np.asarray(got, dtype=float).shape
        except Exception:
            shape = None
        if shape == want.shape and want.ndim > 0:  # the same numbers: compare them
            return _compare_numbers(np.asarray(got, dtype=float), want, atol, rtol, also)
        if want.ndim == 0 and len(got) == 1:
            return (f"wrong type: a {kind} ({show(got, 80)}) where a single number (not a "
                    f"{kind}) was expected.")
        if want.ndim == 0 and shape is not None and len(shape) == 1:
            return (f"wrong type: a {kind} of {_count_words(len(got))} where one number was "
                    f"expected ({show(got, 80)}).")
        return f"wrong type: a {kind} ({show(got, 80)}) where {wanted} was expected."
    return f"wrong type: expected {wanted}, got {describe(got)}."


def _count_words(n):
    words = {0: "no numbers", 1: "one number", 2: "two numbers", 3: "three numbers"}
    return words.get(n, f"{n} numbers")


def _shape_problem(got_shape, want_shape):
    got, want = _shape(got_shape), _shape(want_shape)
    text = f"wrong shape: {got} where {want} was expected"
    count = int(np.prod(got_shape))
    if want_shape == () and count == 1:
        text = (f"wrong shape: an array of shape {got_shape} where a single number (not an "
                f"array) was expected")
    elif want_shape == () and count == 0:
        text = f"wrong shape: an empty array (shape {got_shape}) where one number was expected"
    elif want_shape == ():
        text = (f"wrong shape: an array of {_count_words(count)} (shape {got_shape}) where one "
                f"number was expected")
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
    return text if text.endswith("?") else text + "."


def _shape(shape):
    return "a single number (shape ())" if shape == () else f"shape {shape}"


def _kind(value):
    """'a number', 'a numpy array', 'a list'... for what a message expected."""
    if _is_number(value):
        return "a number"
    if isinstance(value, np.ndarray):
        return "a numpy array"
    return _a(type(value).__name__)


def _a(noun):
    """'a list', 'an int'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _is_number(x):
    return isinstance(x, (numbers.Number, np.number)) and not isinstance(x, (bool, np.bool_))


def _first(mask):
    """Index tuple of the first True in mask (() for a 0-d mask)."""
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _where(at, mask):
    if mask.ndim == 0:
        return "your result is "
    if mask.sum() == 1:
        return f"1 of {mask.size} values is NaN or inf: at index {_index(at)} it is "
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
                change = _changed(b, a)
                return f"item [{i}]: {change}" if change else f"item [{i}] was replaced"
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
                change = _changed(before[key], after[key])
                return f"key {key!r}: {change}" if change else f"key {key!r} was replaced"
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
    return f"{_a(type(value).__name__)} ({show(value, 80)})"


def argument_names(fn, args):
    """The parameter names that `args` bind to in fn's signature; "argument 1", ... if unknown."""
    try:
        names = list(inspect.signature(fn).bind(*args).arguments)
    except Exception:
        names = []
    if len(names) != len(args):  # no signature, or *args
        names = [f"argument {i + 1}" for i in range(len(args))]
    return names


def describe_call(fn, args, i, n, roles=None):
    """'    input 2 of 3: z = array([...])' for the message; with roles (the exercise's parameter
    names -> their role, in order), each argument by its role: 'target y = 0.7, ...'."""
    label = "input" if n == 1 else f"input {i + 1} of {n}"
    if not args:
        return f"    {label}: (no arguments)"
    if roles and len(roles) == len(args):
        return f"    {label}: " + ", ".join(f"{role} = {show(value, 150)}"
                                           for role, value in zip(roles.values(), args))
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
