"""Why a student's result is wrong: the idea behind it, said as a tutor would, never the answer.

diagnose.py says how a result differs (the sign, a factor, a shape); this module says why, from
what the student's function gave on all of a check's inputs:

- the exercise's own misconceptions (nnlib/checks/exercises/lessonNN.py): wrong ideas written as
  code, each with its sentence; one that gives the student's results on every input is named;
- and, for every exercise, the causes found once here: parameters in another order than the
  exercise's, two arguments exchanged, the function itself returned for its slope (or its slope
  for the function), a result that depends on no argument, a notebook variable read instead of an
  argument.

Each function returns a sentence or None. `results` is one (status, value) per call, as
student_code.call returns them; `calls` the argument tuples.
"""
import copy
import dis
import inspect
import types

import numpy as np

from .diagnose import changed_in_place, compare
from .exercises import takes_notebook

_TOL = {"atol": 1e-6, "rtol": 1e-6}


def first_cause(entry, student_fn, calls, results, reference, nb, roles, tolerance, read=()):
    """The first sentence of: parameter order, the exercise's misconceptions, the generic causes
    (`read`: the notebook variables the student's function reads). None if nothing explains the
    results."""
    returned = [(args, value) for args, (status, value) in zip(calls, results)
                if status == "returned"]
    if not returned:
        return parameter_order(student_fn, roles)
    order = parameter_order(student_fn, roles)
    for wrong_idea, sentence in entry.get("misconceptions", []):
        if _explains(wrong_idea, returned, nb, tolerance):
            return sentence + (f" {order}" if order else "")
    if order:
        return order
    checks = [lambda: swapped_arguments(reference, returned, nb, roles, tolerance)]
    if entry.get("slope_of"):
        checks.append(lambda: _same_as(entry["slope_of"], returned, nb, tolerance,
                                       "that is the function itself, not its slope: the "
                                       "exercise asks how fast it changes."))
    if entry.get("slope"):
        checks.append(lambda: _same_as(entry["slope"], returned, nb, tolerance,
                                       "that is the function's slope, not the function itself."))
    checks.append(lambda: rounded(returned, reference, nb, tolerance))
    if read:
        checks.append(lambda: global_read_sentence(read, roles))
    checks.append(lambda: same_result_for_all(returned, reference, nb, tolerance))
    for check in checks:
        sentence = check()
        if sentence:
            return sentence
    return None


def parameter_order(student_fn, roles):
    """A sentence if the student's parameters are the exercise's names in another order."""
    if not roles:
        return None
    try:
        names = [p.name for p in inspect.signature(student_fn).parameters.values()]
    except (TypeError, ValueError):
        return None
    expected = list(roles)
    if names != expected and sorted(names) == sorted(expected):
        ordered = ", ".join(f"{roles[name]}" for name in expected)
        return (f"your function's parameters are ({', '.join(names)}), in another order than "
                f"the exercise's ({', '.join(expected)}): the check passes {ordered}, in that "
                f"order.")
    return None


def swapped_arguments(reference, returned, nb, roles, tolerance):
    """A sentence if the results are the reference's with two arguments exchanged."""
    if reference is None or not returned:
        return None
    count = len(returned[0][0])
    names = list(roles.values()) if roles and len(roles) == count else \
        [f"argument {i + 1}" for i in range(count)]
    for i in range(count):
        for j in range(i + 1, count):
            def exchanged(*args, i=i, j=j, nb=None):
                args = list(args)
                args[i], args[j] = args[j], args[i]
                return _call(reference, args, nb)
            if _explains(exchanged, returned, nb, tolerance, must_differ=reference):
                return (f"your results are what the right answer gives with {names[i]} and "
                        f"{names[j]} exchanged: is each argument used where it belongs?")
    return None


def same_result_for_all(returned, reference, nb, tolerance):
    """A sentence if the student's function gave one result for inputs that need different
    ones."""
    if len(returned) < 2:
        return None
    values = [value for _, value in returned]
    if any(compare(value, values[0], **tolerance) for value in values[1:]):
        return None
    if reference is not None:
        wanted = [_call(reference, args, nb) for args, _ in returned]
        if all(not compare(w, wanted[0], **tolerance) for w in wanted[1:] if w is not _FAILED):
            return None
    return ("your function gave the same result for every input, though the inputs differ: "
            "does it use its arguments?")


def rounded(returned, reference, nb, tolerance):
    """A sentence if the results are the right ones rounded to a few decimals (0 to 4): each
    is a whole number of 10^-d and within half of that of the right value."""
    if reference is None:
        return None
    pairs = [(_numbers(value), _numbers(_call(reference, args, nb))) for args, value in returned]
    if not pairs or any(g is None or w is None or g.shape != w.shape for g, w in pairs):
        return None
    got, want = np.concatenate([g for g, _ in pairs]), np.concatenate([w for _, w in pairs])
    for decimals in range(5):
        unit = 10.0 ** -decimals
        if (np.all(np.abs(got - want) <= unit / 2 + 1e-12)
                and np.allclose(got / unit, np.round(got / unit), atol=1e-6)
                and not np.allclose(got, want, **tolerance)):
            return (f"your results are rounded to {decimals} decimal{'s' * (decimals != 1)}: "
                    f"return the full value (round only when you print).")
    return None


def _numbers(value):
    """The numbers of a number, an array or a list/tuple of them, as one flat float array."""
    try:
        if isinstance(value, (list, tuple)):
            return np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in value])
        return np.ravel(np.asarray(value, dtype=float))
    except Exception:
        return None


def globals_read(student_fn, namespace, allowed=()):
    """The notebook variables (not functions, modules or classes) that the student's function
    reads or assigns as globals, except `allowed`: names, sorted."""
    code = getattr(student_fn, "__code__", None)
    if code is None or getattr(student_fn, "__globals__", None) is not namespace:
        return []
    names = set()
    stack = [code]
    while stack:
        current = stack.pop()
        for instruction in dis.get_instructions(current):
            if instruction.opname in ("LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_NAME"):
                names.add(instruction.argval)
        stack += [c for c in current.co_consts if isinstance(c, types.CodeType)]
    return sorted(name for name in names if name in namespace and name not in allowed
                  and _is_data(namespace[name]))


def global_read_sentence(names, roles):
    """The sentence for a wrong result from a function that reads notebook variables."""
    shown = ", ".join(f"`{name}`" for name in names)
    clash = [name for name in names if roles and name in roles]
    if clash:
        return (f"your function reads the notebook's variable {shown} where it should use its "
                f"argument of the same name: the check calls it with other values.")
    return (f"your function reads the notebook's variable{'s' if len(names) > 1 else ''} "
            f"{shown}, not only its arguments: the check calls it with other values than the "
            f"notebook's, so everything it needs must come in through the arguments.")


def snapshot(namespace, names):
    """The notebook variables `names`, with a copy of those that hold data (arrays, lists,
    dicts, tuples), to see later whether a call re-assigned or changed them."""
    saved = {}
    for name in names:
        if name in namespace:
            value = namespace[name]
            kept = None
            if isinstance(value, (np.ndarray, list, dict, tuple)):
                try:
                    kept = copy.deepcopy(value)
                except Exception:
                    kept = None
            saved[name] = (value, kept)
    return saved


def changed_globals(namespace, saved):
    """The names in `saved` whose variable the call changed (in place or re-assigned); each is
    put back as it was."""
    changed = []
    for name, (original, before) in saved.items():
        now = namespace.get(name, _FAILED)
        if now is not original or (before is not None and changed_in_place(before, now)):
            changed.append(name)
            namespace[name] = original
            _put_back(original, before)
    return changed


def _put_back(original, before):
    try:
        if isinstance(original, np.ndarray):
            original[...] = before
        elif isinstance(original, (list, dict)):
            original.clear()
            original.update(before) if isinstance(original, dict) else original.extend(before)
    except Exception:
        pass


def _is_data(value):
    return not (callable(value) or isinstance(value, types.ModuleType))


_FAILED = object()


def _call(fn, args, nb):
    try:
        if takes_notebook(fn):
            return fn(*copy.deepcopy(list(args)), nb=nb)
        return fn(*copy.deepcopy(list(args)))
    except Exception:
        return _FAILED


def _explains(wrong_idea, returned, nb, tolerance, must_differ=None):
    """True if wrong_idea(*args) matches the student's value on every call where it can be
    computed (at least two, or the only one), and, with must_differ, differs from must_differ on
    at least one. A call where the wrong idea raises or gives NaN (an input outside its domain)
    says nothing either way."""
    differs = must_differ is None
    matched = 0
    for args, value in returned:
        guess = _call(wrong_idea, args, nb)
        if guess is _FAILED or guess is None or not _finite(guess):
            continue
        if compare(value, guess, **tolerance):
            return False
        matched += 1
        if not differs:
            right = _call(must_differ, args, nb)
            differs = right is _FAILED or bool(compare(guess, right, **tolerance))
    return differs and matched >= min(2, len(returned))


def _finite(value):
    try:
        return bool(np.all(np.isfinite(np.asarray(value, dtype=float))))
    except Exception:
        return True  # not numbers: compare decides


def _same_as(fn, returned, namespace, tolerance, sentence):
    return sentence if _explains(fn, returned, namespace, tolerance) else None
