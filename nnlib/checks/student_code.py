"""Running a student's code for nnlib.checks: time limit, exceptions, and what they mean.

call(fn, args, timeout) never raises: it returns ("returned", value), ("raised", exception) or
("timeout", None), and leaves numpy's error settings, print options and global random state as
they were. explain_exception(exc, where) turns an exception into the lines of a ✗ message.

The time limit, in the main thread (where Jupyter runs cells): a SIGALRM after `timeout` seconds
raises _TimeLimit in the student's code. Code that catches it (a bare `except:` in a loop) is
then traced: from that moment every line the student's code runs raises _TimeLimit again.
Python switches tracing off when a trace function raises, so a profile function (which does not
raise) switches it back on at the next call or return: the `except:` clause that caught the
limit raises it again on its first line, which no `try` of that loop catches, and so on up to
us. Before the alarm nothing is traced: the limit costs a
signal handler and a timer per call (tests/test_checks.py measures it).
"""
import ctypes
import re
import signal
import sys
import sysconfig
import threading
import time
import traceback
from pathlib import Path

import numpy as np

# The student notebooks' template: `raise NotImplementedError("Exercise: complete f()")`.
TEMPLATE = re.compile(r"Exercise: complete (\w+)\(\)")
_HERE = str(Path(__file__).resolve())


class _TimeLimit(BaseException):
    """Raised inside the student's code when its time is up. A BaseException, so that a student's
    `except Exception:` does not swallow it."""


def call(fn, args, timeout):
    """Run fn(*args). Returns ("returned", value), ("raised", exception) or ("timeout", None)."""
    saved = _numpy_state()
    try:
        if timeout is None:
            return _run(fn, args)
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            return _call_with_alarm(fn, args, timeout)
        return _call_in_thread(fn, args, timeout)
    finally:
        _restore_numpy(saved)


def _numpy_state():
    return np.geterr(), np.get_printoptions(), np.random.get_state()


def _restore_numpy(saved):
    """Put numpy's error settings, print options and global random state back (each only if
    the call changed it: setting them costs more than comparing)."""
    errors, printoptions, random_state = saved
    if np.geterr() != errors:
        np.seterr(**errors)
    if np.get_printoptions() != printoptions:
        np.set_printoptions(**printoptions)
    now = np.random.get_state()
    if now[2:] != random_state[2:] or now[0] != random_state[0] or not np.array_equal(
            now[1], random_state[1]):
        np.random.set_state(random_state)


def _run(fn, args):
    try:
        return "returned", fn(*args)
    except _TimeLimit:
        return "timeout", None
    except BaseException as exc:  # also SystemExit and KeyboardInterrupt: the notebook goes on
        return "raised", exc


def _call_with_alarm(fn, args, timeout):
    """The time limit in the main thread: SIGALRM, then line tracing that raises again."""
    previous = sys.gettrace(), sys.getprofile()
    stopping = []

    def raise_again(frame, event, arg):  # the student's frames, once the time is up
        if event == "line":
            raise _TimeLimit  # (Python then switches tracing off: follow_up turns it on again)
        return raise_again

    def trace_new_calls(frame, event, arg):
        return None if frame.f_code.co_filename == _HERE else raise_again

    def follow_up(frame, event, arg):  # a profile function: it stays on when the trace raises
        if sys.gettrace() is not trace_new_calls:
            _trace_stack(frame)

    def _trace_stack(frame):
        sys.settrace(trace_new_calls)
        while frame is not None and frame.f_code.co_filename != _HERE:
            frame.f_trace = raise_again
            frame = frame.f_back

    def on_alarm(signum, frame):
        if not stopping:
            stopping.append(True)
            sys.setprofile(follow_up)
        _trace_stack(frame)
        raise _TimeLimit

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    start = time.monotonic()
    # After `timeout` seconds, then every 0.1 s: for code waiting in C (time.sleep) that the
    # tracing cannot reach.
    previous_timer = signal.setitimer(signal.ITIMER_REAL, timeout, 0.1)
    outcome = ("timeout", None)
    try:
        outcome = _run(fn, args)
    except _TimeLimit:  # the alarm went off just as fn returned
        stopping.append(True)
    finally:
        outcome = _stop(outcome, stopping, previous)
        signal.signal(signal.SIGALRM,
                      signal.SIG_DFL if previous_handler is None else previous_handler)
        delay, interval = previous_timer
        if delay > 0:  # someone else's timer was running: let it go on
            signal.setitimer(signal.ITIMER_REAL,
                             max(delay - (time.monotonic() - start), 1e-3), interval)
    return outcome


def _stop(outcome, stopping, previous):
    """Stop the timer and the tracing; a _TimeLimit that lands while doing so is caught and the
    work done again."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if stopping:
                sys.setprofile(previous[1])
                sys.settrace(previous[0])
                return "timeout", None
            return outcome
        except _TimeLimit:
            stopping = stopping or [True]


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
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                                   ctypes.py_object(_TimeLimit))
    except Exception:
        pass


def template_function(exc):
    """The name f if `exc` is the template's NotImplementedError("Exercise: complete f()"),
    else None."""
    if isinstance(exc, NotImplementedError):
        match = TEMPLATE.search(show_str(exc))
        if match:
            return match.group(1)
    return None


def still_template(function):
    """The ✗ text for an exercise whose cell still holds the template (or was not re-run)."""
    return (f"{function}() still has # YOUR CODE HERE: write your answer in its place, "
            f"run that cell (Shift+Enter), then run this check again.")


def not_defined(name):
    """The ✗ text for an exercise function that the notebook has not defined (yet)."""
    return (f"{name} is not defined yet: run the exercise cell above (def {name}) first, "
            f"then this check.")


_EXPLANATIONS = {
    NotImplementedError: "not written yet: replace `# YOUR CODE HERE` and the "
                         "`raise NotImplementedError(...)` line with your code.",
    RecursionError: "the function keeps calling itself and never stops.",
    NameError: "Python does not know that name: is it spelled right, and did you run the "
               "cells above?",
    SystemExit: "it called exit() or sys.exit(), which would stop the whole program.",
    KeyboardInterrupt: "it was interrupted (the stop button?) before it returned.",
}


# numpy's messages for arrays whose shapes do not fit (broadcasting, @, np.dot).
_SHAPES = re.compile(r"could not be broadcast|matmul: Input operand|shapes .* not aligned")


def explain_exception(exc, where):
    """'raised ValueError: <message>' plus what it usually means, the input and the line."""
    text = f"raised {type(exc).__name__}"
    detail = show_str(exc)
    if detail:
        text += f": {detail}"
    for kind, explanation in _EXPLANATIONS.items():
        if isinstance(exc, kind):
            text += f"\n  → {explanation}"
            if kind is NotImplementedError:
                return text
            break
    else:
        if isinstance(exc, ValueError) and _SHAPES.search(detail):
            text += ("\n  → two arrays whose shapes do not fit together: print the .shape of "
                     "each one on that line.")
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
        nnlib_dir = Path(__file__).resolve().parent
        library.add(nnlib_dir)
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if Path(f.filename).resolve().parent != nnlib_dir]
        mine = [f for f in frames
                if not library.intersection(Path(f.filename).resolve().parents)]
        frame = (mine or frames)[-1]
    except Exception:
        return ""
    source = f": {frame.line}" if frame.line else ""
    return f"in {frame.name}, line {frame.lineno}{source}"


def show_str(exc):
    """str(exc), or "" if even that fails."""
    try:
        return str(exc)
    except Exception:
        return ""
