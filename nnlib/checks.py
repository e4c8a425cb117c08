"""The checks that follow each exercise: they run the student's code and print ✓ or ✗ with why.

After an exercise, call `checks.check_function(my_fn, reference=..., inputs=[...], hint=...)`
(or `check_value`, `check_condition`): it prints ✓ or ✗ with the reason, once, and returns a
CheckResult that is truthy iff the check passed. Whatever the student's code does, a check never
raises, except in strict mode (`checks.strict(True)`, in the solution notebooks) where ✗ raises
AssertionError.
"""
import copy
import inspect
import numbers
import signal
import sysconfig
import threading
import time
import traceback
from pathlib import Path

import numpy as np

from .errors import NNLibTypeError, NNLibValueError

__all__ = ["CheckResult", "check_function", "check_value", "check_condition", "strict"]

_strict = False


def strict(on=True):
    """Turn strict mode on or off; returns the previous setting.

    In strict mode a failed check raises AssertionError (with the message) instead of printing
    it. The solution notebooks turn it on, so that a wrong solution fails CI.
    """
    global _strict
    previous, _strict = _strict, bool(on)
    return previous


class CheckResult:
    """The outcome of one check: `.passed` (also its truth value), `.message`, `.name`.

    The check already printed the message, so as the last value of a notebook cell a
    CheckResult shows nothing more; `print(result)` prints the message again.
    """

    def __init__(self, passed, message, name=""):
        self.passed = bool(passed)
        self.message = message
        self.name = name

    def __bool__(self):
        return self.passed

    def __str__(self):
        return self.message

    def __repr__(self):
        return f"CheckResult(passed={self.passed}, name={self.name!r})"

    def _ipython_display_(self):
        """Jupyter shows nothing for a result: its check already printed the message."""


# --- the three checks --------------------------------------------------------------------------

def check_function(student_fn, reference=None, inputs=(), expected=None, name=None, hint="",
                   atol=1e-6, rtol=1e-6, timeout=5.0):
    """Call `student_fn` on each input and compare with `reference` (a correct function) or with
    `expected` (one value per input). Prints ✓ or ✗ and returns a CheckResult.

    inputs   list of calls: a tuple is the arguments of one call, anything else the single
             argument, e.g. [np.zeros(3), (X, y)]; () calls the function once with no argument
    atol, rtol   tolerances for numbers, as in np.isclose
    timeout  seconds one call may take (None: no limit)
    Each call gets its own copy of the inputs, so a function that changes them in place
    cannot spoil the next call or the comparison.
    """
    if (reference is None) == (expected is None):
        raise NNLibTypeError("check_function needs exactly one of reference= or expected=.")
    if isinstance(inputs, np.ndarray):
        raise NNLibTypeError("inputs= is a list of calls: wrap the array in a list, [array].")
    calls = [args if isinstance(args, tuple) else (args,) for args in inputs] or [()]
    if expected is not None:
        expected = list(expected)
        if len(expected) != len(calls):
            raise NNLibValueError(f"check_function got {len(calls)} inputs but "
                                  f"{len(expected)} expected values.")
    name = name or _name_of(student_fn)
    if not callable(student_fn):
        return _finish(False, f"{name} is not a function: it is {_describe(student_fn)}.",
                       name, hint)

    for i, args in enumerate(calls):
        want = reference(*_copy(args)) if reference is not None else expected[i]
        where = _describe_call(student_fn, args, i, len(calls))
        status, got = _call(student_fn, _copy(args), timeout)
        if status == "timeout":
            problem = (f"did not return within {timeout:g} s: an infinite loop? "
                       f"(a `while` whose condition never becomes False?)\n{where}")
        elif status == "raised":
            problem = _explain_exception(got, where)
        elif got is None and want is not None:
            problem = f"returned None: did you forget `return`?\n{where}"
        else:
            problem = _compare_safely(got, want, atol, rtol)
            if problem:
                problem = f"{problem}\n{where}"
        if problem:
            return _finish(False, f"{name}: {problem}", name, hint)

    done = "correct." if len(calls) == 1 else f"correct on all {len(calls)} inputs."
    return _finish(True, f"{name}: {done}", name, hint)


def check_value(value, expected, name="value", hint="", atol=1e-6, rtol=1e-6):
    """Compare `value` (an array, a number, a list...) with `expected`; prints ✓ or ✗ and returns
    a CheckResult. To check a value computed by the student's code, prefer check_function or
    check_condition: they also catch the exceptions that code raises."""
    if value is None and expected is not None:
        problem = "is None: did you forget to assign it, or a `return` in the function behind it?"
    elif callable(value) and not callable(expected):
        problem = f"is a function, not a value: did you forget to call it, as in {name}(...)?"
    else:
        problem = _compare_safely(value, expected, atol, rtol)
    if problem:
        return _finish(False, f"{name}: {problem}", name, hint)
    return _finish(True, f"{name}: correct.", name, hint)


def check_condition(fn, name="condition", hint="", timeout=5.0):
    """Call `fn()`, which returns True/False or (True/False, message); prints ✓ or ✗ and returns
    a CheckResult. Exceptions and the time limit are handled as in check_function."""
    status, outcome = _call(fn, (), timeout)
    if status == "timeout":
        return _finish(False, f"{name}: did not finish within {timeout:g} s: an infinite loop?",
                       name, hint)
    if status == "raised":
        return _finish(False, f"{name}: {_explain_exception(outcome, '')}", name, hint)
    message = ""
    if isinstance(outcome, tuple) and len(outcome) == 2:
        outcome, message = outcome
        message = _show(message, 500) if not isinstance(message, str) else message
    if outcome is None:
        return _finish(False, f"{name}: the condition gave None instead of True or False.",
                       name, hint)
    try:
        passed = bool(outcome)
    except Exception as exc:
        return _finish(False, f"{name}: the condition gave {_describe(outcome)}, which is not "
                              f"True or False ({type(exc).__name__}: {exc}).", name, hint)
    if passed:
        return _finish(True, f"{name}: {message}" if message else f"{name}: OK.", name, hint)
    return _finish(False, f"{name}: {message or 'not satisfied.'}", name, hint)


def _finish(passed, message, name, hint):
    """Add the mark and the hint; print, or raise in strict mode; return the CheckResult."""
    message = ("✓ " if passed else "✗ ") + message
    if not passed and hint:
        message += f"\n  Hint: {hint}"
    if not passed and _strict:
        raise AssertionError(message)
    print(message, flush=True)
    return CheckResult(passed, message, name)


# --- running the student's code: exceptions and the time limit --------------------------------

class _TimeLimit(BaseException):
    """Raised inside the student's code when its time is up. A BaseException, so that a student's
    `except Exception:` does not swallow it."""


def _call(fn, args, timeout):
    """Run fn(*args). Returns ("returned", value), ("raised", exception) or ("timeout", None)."""
    if timeout is None:
        return _run(fn, args)
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _call_with_alarm(fn, args, timeout)
    return _call_in_thread(fn, args, timeout)


def _run(fn, args):
    try:
        return "returned", fn(*args)
    except _TimeLimit:
        return "timeout", None
    except BaseException as exc:  # also SystemExit and KeyboardInterrupt: the notebook goes on
        return "raised", exc


def _call_with_alarm(fn, args, timeout):
    """The time limit in the main thread (where Jupyter runs cells): SIGALRM interrupts fn."""
    def on_alarm(signum, frame):
        raise _TimeLimit

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    # After `timeout` seconds, then every 0.1 s in case the student's code catches it once
    # (a bare `except:` in a loop may catch it many times; it escapes once an alarm lands
    # outside the `try`).
    previous_timer = signal.setitimer(signal.ITIMER_REAL, timeout, 0.1)
    try:
        try:
            return _run(fn, args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimeLimit:  # the alarm went off just as fn returned
        return "timeout", None
    finally:
        signal.signal(signal.SIGALRM,
                      signal.SIG_DFL if previous_handler is None else previous_handler)
        delay, interval = previous_timer
        if delay > 0:  # someone else's timer was running: let it go on
            signal.setitimer(signal.ITIMER_REAL,
                             max(delay - (time.monotonic() - start), 1e-3), interval)


def _call_in_thread(fn, args, timeout):
    """The time limit elsewhere: run fn in a daemon thread and stop waiting after `timeout`."""
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_run(fn, args)), daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive() or not outcome:
        _stop_thread(worker)
        return "timeout", None
    return outcome[0]


def _stop_thread(thread):
    """Best effort: raise _TimeLimit in a runaway thread at its next Python instruction."""
    try:
        import ctypes
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(_TimeLimit))
    except Exception:
        pass


_EXPLANATIONS = {
    NotImplementedError: "not written yet: replace `# YOUR CODE HERE` and the "
                         "`raise NotImplementedError(...)` line with your code.",
    RecursionError: "the function keeps calling itself and never stops.",
    NameError: "a name is used before it is defined: did you run the cells above?",
    SystemExit: "it called exit() or sys.exit(), which would stop the whole program.",
    KeyboardInterrupt: "it was interrupted (the stop button?) before it returned.",
}


def _explain_exception(exc, where):
    """'raised ValueError: <message>' plus what it usually means, the input and the line."""
    text = f"raised {type(exc).__name__}"
    detail = _show_str(exc)
    if detail:
        text += f": {detail}"
    for kind, explanation in _EXPLANATIONS.items():
        if isinstance(exc, kind):
            text += f"\n  → {explanation}"
            if kind is NotImplementedError:
                return text
            break
    if where:
        text += f"\n{where}"
    line = _student_line(exc)
    if line:
        text += f"\n    {line}"
    return text


def _student_line(exc):
    """'in f, line 3: y = x @ W' for the deepest frame of the traceback that is the student's
    code (not nnlib, numpy or the standard library)."""
    try:
        library = {Path(sysconfig.get_paths()[key]).resolve()
                   for key in ("stdlib", "platstdlib", "purelib", "platlib")}
        library.add(Path(__file__).resolve().parent)  # nnlib itself
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if Path(f.filename).resolve() != Path(__file__).resolve()]
        mine = [f for f in frames
                if not library.intersection(Path(f.filename).resolve().parents)]
        frame = (mine or frames)[-1]
    except Exception:
        return ""
    source = f": {frame.line}" if frame.line else ""
    return f"in {frame.name}, line {frame.lineno}{source}"


# --- comparing what came back with what was expected ------------------------------------------

def _compare_safely(got, want, atol, rtol):
    """_compare, but an object that misbehaves (raises on ==, on len...) gives a message too."""
    try:
        return _compare(got, want, atol, rtol)
    except Exception as exc:
        return (f"could not be compared with the expected value: {_describe(got)} "
                f"({type(exc).__name__}: {_show_str(exc)}).")


def _compare(got, want, atol, rtol):
    """None when `got` matches `want`, else one sentence saying how it differs."""
    if want is None:
        return None if got is None else f"expected None, got {_describe(got)}."
    if got is None:
        return "got None."
    if isinstance(want, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"wrong type: expected True or False, got {_describe(got)}."
        return None if bool(got) == bool(want) else f"expected {bool(want)}, got {bool(got)}."
    if _is_number(want) or isinstance(want, np.ndarray):
        return _compare_numbers(got, want, atol, rtol)
    if isinstance(want, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            return f"wrong type: expected a {type(want).__name__}, got {_describe(got)}."
        if len(got) != len(want):
            return f"expected {len(want)} items, got {len(got)}."
        for i, (g, w) in enumerate(zip(got, want)):
            problem = _compare(g, w, atol, rtol)
            if problem:
                return f"item [{i}]: {problem}"
        return None
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"wrong type: expected a dict, got {_describe(got)}."
        if set(got) != set(want):
            return f"expected the keys {sorted(map(str, want))}, got {sorted(map(str, got))}."
        for key in want:
            problem = _compare(got[key], want[key], atol, rtol)
            if problem:
                return f"[{key!r}]: {problem}"
        return None
    if type(got) is not type(want):
        return f"wrong type: expected {_describe(want)}, got {_describe(got)}."
    if bool(got == want):
        return None
    return f"expected {_show(want)}, got {_show(got)}."


def _compare_numbers(got, want, atol, rtol):
    want = np.asarray(want)
    if isinstance(got, (bool, np.bool_)) or not (_is_number(got) or isinstance(got, np.ndarray)):
        wanted = "a number" if want.ndim == 0 else f"a numpy array of shape {want.shape}"
        tip = " (np.array(...) turns it into one)" if isinstance(got, (list, tuple)) else ""
        return f"wrong type: expected {wanted}, got {_describe(got)}{tip}."
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
    if want.ndim == 0:
        return f"wrong value: expected {_num(want[at])}, got {_num(got[at])}."
    return (f"wrong values: {int(differ.sum())} of {want.size} differ; the first at index "
            f"{_index(at)}: expected {_num(want[at])}, got {_num(got[at])}.")


def _shape_problem(got_shape, want_shape):
    text = f"wrong shape: expected {_shape(want_shape)}, got {_shape(got_shape)}"
    if int(np.prod(got_shape)) == int(np.prod(want_shape)):
        text += " (the right number of values, arranged differently: reshape, .T or keepdims?)"
    elif len(got_shape) == 2 and len(want_shape) == 2 and got_shape[0] == got_shape[1] and (
            1 in want_shape):
        text += " (did an (n,) array and an (n, 1) array broadcast into a square one?)"
    return text + "."


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


def _shape(shape):
    return "a single number (shape ())" if shape == () else f"shape {shape}"


def _num(x):
    return _show(x.item() if isinstance(x, np.generic) else x)


# --- describing values in messages -------------------------------------------------------------

def _show(value, limit=300):
    """A short repr that never fails."""
    try:
        if isinstance(value, np.ndarray):
            with np.printoptions(threshold=20, edgeitems=3, precision=6):
                text = repr(value)
        else:
            text = repr(value)
    except Exception:
        return f"<a {type(value).__name__} that cannot be printed>"
    text = " ".join(text.split()) if len(text) > limit else text
    return text if len(text) <= limit else text[:limit] + " …"


def _show_str(exc):
    try:
        return str(exc)
    except Exception:
        return ""


def _describe(value):
    """'a list ([1, 2])', 'a numpy array of shape (3,), dtype float64', 'None'."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}, dtype {value.dtype}"
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    return f"{article} {kind} ({_show(value, 80)})"


def _describe_call(fn, args, i, n):
    """'    input 2 of 3: z = array([...])' for the message."""
    label = "input" if n == 1 else f"input {i + 1} of {n}"
    if not args:
        return f"    {label}: (no arguments)"
    try:
        bound = inspect.signature(fn).bind(*args).arguments
        parts = [f"{key} = {_show(value, 150)}" for key, value in bound.items()]
    except Exception:  # no signature, or it does not take these arguments
        parts = [_show(value, 150) for value in args]
    return f"    {label}: " + ", ".join(parts)


def _name_of(fn):
    try:
        return str(fn.__name__)
    except Exception:
        return "your function"


def _copy(args):
    try:
        return copy.deepcopy(args)
    except Exception:
        return args

