"""The checks that follow each exercise: they run the student's code and print ✓ or ✗ with why.

After an exercise, a check cell calls

    checks.check_function("sigmoid_derivative", reference=..., inputs=[...], hint="...")

(or `check_value`, `check_condition`): it prints ✓ or ✗ with what is wrong and where, once, and
returns a CheckResult that is truthy iff the check passed. The exercise is named by a string, so
a check run before its exercise cell says "not defined yet: run the exercise cell above". A ✗
never gives the answer; it ends with `More help: checks.hint("sigmoid_derivative")`, which prints
the hint (one more level per call when `hint=` is a list). `checks.quiz("01.2", answer)` grades a
self-check question (answer key in nnlib/checks/quizzes/), and `checks.summary([...])` prints which
exercises are done. Whatever the student's code does, a check never raises, except in strict mode
(`checks.strict(True)`, in the solution notebooks) where ✗ raises AssertionError with the ✗ text.
"""
import copy
import functools
import inspect
from pathlib import Path

import numpy as np

from ..errors import NNLibTypeError, NNLibValueError
from . import causes, exercises
from .diagnose import argument_names, changed_in_place, compare, describe, describe_call, show
from .student_code import call, explain_exception, not_defined, still_template, template_function

__all__ = ["CheckResult", "check_function", "check_value", "check_condition", "hint", "quiz",
           "strict", "summary"]

_strict = False
_results = {}      # name -> True / False (the latest result in this kernel); "quiz 01.2" -> ...
_hints = {}        # name -> [hint, fuller hint, ...]
_hints_shown = {}  # name -> how many levels checks.hint(name) has printed


def strict(on=True):
    """Turn strict mode on or off; returns the previous setting.

    In strict mode a failed check raises AssertionError (with the ✗ message) instead of printing
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
                   atol=1e-6, rtol=1e-6, timeout=5.0, may_change_inputs=False, labels=None,
                   lesson=None):
    """Call the student's function on each input and compare with `reference` (a correct
    function) or with `expected` (one value per input). Prints ✓ or ✗ and returns a CheckResult.

    student_fn  the exercise's name as a string, e.g. "sigmoid_derivative" (looked up in the
             notebook, so that a missing function gets "run the exercise cell first"), or the
             function itself
    lesson   "01": take everything else (reference, inputs, hints, the arguments' roles, the
             misconceptions...) from the exercise's declaration in
             nnlib/checks/exercises/lesson01.py; the way every lesson's check cell calls it
    inputs   list of calls: a tuple is the arguments of one call, anything else the single
             argument, e.g. [np.zeros(3), (X, y)]; () calls the function once with no argument
    hint     a str, or a list of str (one more level per checks.hint(name) call); never
             printed in the ✗ message
    atol, rtol   tolerances for numbers, as in np.isclose
    timeout  seconds one call may take (None: no limit)
    may_change_inputs   False (default): a function that changes an argument (array, list,
             dict) in place gets ✗ naming the argument and the entries; True where the
             exercise is an in-place update
    labels   names for the items of a result that is a list or tuple, e.g. ["dW1", "db1"]
    Each call gets its own copy of the inputs, so a function that changes them in place
    cannot spoil the next call or the comparison; numpy's settings and a notebook variable the
    function changed are put back after each call. The ✗ shows the first input with a wrong
    result; the inputs after it are still run, so that a diagnosis (the sign flipped, a
    misconception of the exercise, two arguments exchanged...) is given only if it holds on
    every input.
    """
    namespace = _notebook_namespace()
    nb = exercises.Notebook(namespace)
    entry = {}
    if lesson is not None:
        entry = _declaration(student_fn, lesson)
        reference, expected = entry.get("reference"), entry.get("expected")
        inputs, hint, labels = entry.get("inputs", ()), entry["hints"], entry.get("labels")
        atol, rtol = entry.get("atol", atol), entry.get("rtol", rtol)
        timeout = entry.get("timeout", timeout)
        may_change_inputs = entry.get("may_change_inputs", may_change_inputs)
    if (reference is None) == (expected is None):
        raise NNLibTypeError("check_function needs exactly one of reference= or expected=.")
    name = name or (student_fn if isinstance(student_fn, str) else None)
    early = _run_first(student_fn, entry, namespace)
    if early:
        return _finish(False, early, name, hint, more_help=False)
    prepared = _prepare(inputs, expected, nb)
    if isinstance(prepared, str):
        return _finish(False, f"{name}: {prepared}", name, hint, more_help=False)
    calls, expected = prepared
    if isinstance(student_fn, str):
        student_fn = namespace[student_fn]
    name = name or _name_of(student_fn)
    if not callable(student_fn):
        return _finish(False, f"{name} is not a function: it is {describe(student_fn)}.",
                       name, hint)
    roles = entry.get("args")
    read = causes.globals_read(student_fn, namespace, allowed=entry.get("needs", {}))
    watched = read + [n for n in entry.get("needs", {}) if n not in read]

    results, wants = [], []
    wrong = None  # (got, want, where, changed) of the first input with a wrong result
    later = []    # (got, want) of the inputs after it: a diagnosis must hold on them too
    for i, args in enumerate(calls):
        where = describe_call(student_fn, args, i, len(calls), roles)
        want = _reference_value(reference, expected, i, args, nb)
        if want is _UNAVAILABLE:
            return _finish(False, f"{name}: the check could not compute the right answer for "
                                  f"{where.strip()}: run the cells above again, from the top.",
                           name, hint, more_help=False)
        given = _copy(args)
        saved = causes.snapshot(namespace, watched)
        status, got = call(student_fn, given, timeout)
        changed_notebook = causes.changed_globals(namespace, saved)
        results.append((status, got))
        wants.append(want)
        if wrong:
            if status == "returned":
                later.append((got, want))
            continue
        if status == "raised" and template_function(got):
            return _finish(False, still_template(template_function(got)), name, hint)
        changed = None if may_change_inputs else _changed_arguments(student_fn, args, given)
        problem = None
        if status == "timeout":
            problem = (f"did not return within {timeout:g} s: an infinite loop? "
                       f"(a `while` whose condition never becomes False?)\n{where}")
        elif changed_notebook:
            shown = ", ".join(f"`{n}`" for n in changed_notebook)
            problem = (f"it changed the notebook's variable {shown} (put back as it was): an "
                       f"exercise function works on its arguments and returns its result, "
                       f"leaving the notebook's variables alone.\n{where}")
        elif status == "raised":
            order = causes.parameter_order(student_fn, roles)
            problem = (explain_exception(got, where) if not order else
                       f"raised {type(got).__name__}: {got}\n  → {order}\n{where}")
        elif got is None and want is not None:
            problem = f"returned None: did you forget `return`?\n{where}"
        elif compare(got, want, atol, rtol, labels):
            wrong = got, want, where, changed  # the message waits for the later inputs
            continue
        if problem:
            return _wrong(name, problem, changed, hint)
        if changed:
            argument, what, kind = changed
            return _finish(False, f"{name} changed its argument {argument} in place ({what}): "
                                  f"the exercise needs {argument} unchanged — work on a new "
                                  f"{kind}.\n{where}", name, hint)
    if wrong:
        got, want, where, changed = wrong
        problem = compare(got, want, atol, rtol, labels, also=later)
        cause = causes.first_cause(entry, student_fn, calls, results,
                                   reference if expected is None else
                                   _expected_by_call(calls, wants), nb, roles,
                                   {"atol": atol, "rtol": rtol}, read)
        if cause:  # the idea behind the mistake replaces the pattern of the numbers
            problem = "\n".join(line for line in problem.splitlines()
                                 if not line.startswith("  → "))
            problem += f"\n  → {cause}"
        return _wrong(name, f"{problem}\n{where}", changed, hint)

    done = "correct." if len(calls) == 1 else f"correct on all {len(calls)} inputs."
    return _finish(True, f"{name}: {done}", name, hint)


_UNAVAILABLE = object()


def _declaration(name, lesson):
    """The declaration of exercise `name` (a string) of lesson `lesson`."""
    if not isinstance(name, str):
        raise NNLibTypeError(f"With lesson=, name the exercise by a string, as in "
                             f"checks.check_function(\"sigmoid_derivative\", lesson=\"01\"), "
                             f"not {describe(name)}.")
    return exercises.exercise(lesson, name)


def _run_first(student_fn, entry, namespace):
    """The ✗ text for a check run before the cells it needs (the notebook variables its
    declaration needs, then the exercise's function), or None."""
    missing = [n for n in entry.get("needs", {}) if n not in namespace]
    function_missing = isinstance(student_fn, str) and student_fn not in namespace
    if not missing:
        return not_defined(student_fn) if function_missing else None
    cells = "; ".join(f"`{n}`: {entry['needs'][n]}" for n in missing)
    exercise = f", then the exercise cell (def {student_fn})" if function_missing else ""
    return (f"{student_fn if isinstance(student_fn, str) else 'this check'} cannot be checked "
            f"yet: it needs what earlier cells define ({cells}). Run the cells above this one "
            f"first (Run → Run All Above Selected Cell){exercise}, then this check.")


def _prepare(inputs, expected, nb):
    """(calls, expected values or None), or the text of a ✗ when a declaration's inputs or
    expected values cannot be computed from the notebook."""
    try:
        if callable(inputs):
            inputs = inputs(nb=nb)
        if callable(expected):
            expected = expected(nb=nb)
    except Exception as exc:
        return (f"the check could not prepare its inputs from the notebook ({type(exc).__name__}: "
                f"{exc}): run the cells above again, from the top, then this check.")
    if isinstance(inputs, str) or not hasattr(inputs, "__iter__") or hasattr(inputs, "shape"):
        raise NNLibTypeError("inputs= is a list of calls: wrap the array or value in a list, "
                             "[value].")
    calls = [args if isinstance(args, tuple) else (args,) for args in inputs] or [()]
    if expected is not None:
        expected = list(expected)
        if len(expected) != len(calls):
            raise NNLibValueError(f"check_function got {len(calls)} inputs but "
                                  f"{len(expected)} expected values.")
    return calls, expected


def _reference_value(reference, expected, i, args, nb):
    if expected is not None:
        return expected[i]
    try:
        if exercises.takes_notebook(reference):
            return reference(*_copy(args), nb=nb)
        return reference(*_copy(args))
    except Exception:
        return _UNAVAILABLE


def _expected_by_call(calls, wants):
    """A reference-like function that gives the expected value of each call (for the causes)."""
    def expected_value(*args):
        for call_args, want in zip(calls, wants):
            if all(a is b or _equal(a, b) for a, b in zip(call_args, args)):
                return want
        raise LookupError("not one of the check's inputs")
    return expected_value


def _equal(a, b):
    try:
        return bool(np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object)))
    except Exception:
        return False


def _wrong(name, problem, changed, hint):
    """The ✗ of check_function for a wrong result, adding an argument it changed in place."""
    if changed:
        problem += f"\n  It also changed its argument {changed[0]} in place."
    return _finish(False, f"{name}: {problem}", name, hint)


def check_value(value, expected, name="value", hint="", atol=1e-6, rtol=1e-6, labels=None):
    """Compare `value` (an array, a number, a list...) with `expected`; prints ✓ or ✗ and returns
    a CheckResult. To check a value computed by the student's code, prefer check_function or
    check_condition: they also catch the exceptions that code raises."""
    if value is None and expected is not None:
        problem = (f"{name} is None: did you forget to assign it, or a `return` in the function "
                   f"behind it?")
    elif callable(value) and not callable(expected):
        problem = (f"{name} is a function, not a value: did you forget to call it, as in "
                   f"{name}(...)?")
    else:
        problem = compare(value, expected, atol, rtol, labels)
        problem = problem and f"{name}: {problem}"
    if problem:
        return _finish(False, problem, name, hint)
    return _finish(True, f"{name}: correct.", name, hint)


def check_condition(fn, name="condition", hint="", timeout=5.0, uses=(), lesson=None):
    """Call `fn()`, which returns True/False or (True/False, message); prints ✓ or ✗ and returns
    a CheckResult. Exceptions and the time limit are handled as in check_function.

    fn     the condition; or, with lesson=, the exercise's name ("mse_learning_rate"), whose
           declaration in nnlib/checks/exercises/lessonNN.py gives the condition, the
           misconceptions tried first, the hints, the time limit and the cells it needs
    uses   the name (str) or names (list of str) of the student's functions that fn calls, e.g.
           "mse_learning_rate": a missing one gets "not defined yet: run the exercise cell";
           one that still holds the template gets "still has # YOUR CODE HERE"; one that
           returned None when the condition failed gets "returned None: did you forget
           `return`?" (the student's function is blamed, not the notebook's helpers).
    """
    namespace = _notebook_namespace()
    entry = {}
    if lesson is not None:
        entry = _declaration(fn, lesson)
        name, uses, hint = fn, [fn], entry["hints"]
        timeout = entry.get("timeout", timeout)
        fn = _declared_condition(fn, entry, namespace)
        early = _run_first(name, entry, namespace)
        if early:
            return _finish(False, early, name, hint, more_help=False)
    uses = [uses] if isinstance(uses, str) else list(uses)
    for used in uses:
        if used not in namespace:
            return _finish(False, not_defined(used), name, hint, more_help=False)
    returned_none = []
    originals = {used: namespace[used] for used in uses if callable(namespace[used])}
    for used, original in originals.items():
        namespace[used] = _watch_returns(original, used, returned_none)
    try:
        status, outcome = call(fn, (), timeout)
    finally:
        for used, original in originals.items():
            namespace[used] = original

    if status == "raised" and template_function(outcome):
        return _finish(False, still_template(template_function(outcome)), name, hint)
    if status == "timeout":
        return _finish(False, f"{name}: did not finish within {timeout:g} s: an infinite loop?",
                       name, hint)
    message = ""
    if status == "returned" and isinstance(outcome, tuple) and len(outcome) == 2:
        outcome, message = outcome
        message = show(message, 500) if not isinstance(message, str) else message
    passed, problem = False, None
    if status == "raised":
        problem = explain_exception(outcome, "")
    elif outcome is None:
        problem = "the condition gave None instead of True or False."
    else:
        try:
            passed = bool(outcome)
        except Exception as exc:
            problem = (f"the condition gave {describe(outcome)}, which is not True or False "
                       f"({type(exc).__name__}: {exc}).")
    if passed:
        return _finish(True, f"{name}: {message}" if message else f"{name}: OK.", name, hint)
    if returned_none:
        return _finish(False, f"`{returned_none[0]}()` returned None: did you forget `return`?",
                       name, hint)
    return _finish(False, f"{name}: {problem or message or 'not satisfied.'}", name, hint)


def _declared_condition(name, entry, namespace):
    """The condition of a declared exercise: its misconceptions (each a predicate on the
    student's function), then its condition; each gets the notebook as nb=."""
    nb = exercises.Notebook(namespace)

    def condition():
        student = namespace[name]
        for predicate, sentence in entry.get("misconceptions", []):
            if predicate(student, nb=nb):
                return False, f"not yet.\n  → {sentence}"
        return entry["condition"](student, nb=nb)
    return condition


# --- help, progress and quizzes ----------------------------------------------------------------

def hint(name=None):
    """Print the help for exercise `name` that its check was given (`hint=`): the first call
    prints the first level, each further call the next one. Without a name: the exercise whose
    check failed last. Returns None; never raises."""
    if name is None:
        failed = [key for key, passed in _results.items() if passed is False and key in _hints]
        if not failed:
            print("No check with a hint has failed yet: name the exercise, as in "
                  'checks.hint("sigmoid_derivative").', flush=True)
            return
        name = failed[-1]
    levels = _hints.get(name)
    if not levels:
        known = ", ".join(repr(key) for key in _hints)
        print(f"No hint for {name!r} yet: run its check cell first."
              + (f" (Hints so far: {known}.)" if known else ""), flush=True)
        return
    shown = _hints_shown.get(name, 0)
    level = min(shown, len(levels) - 1)
    _hints_shown[name] = shown + 1
    count = f"{level + 1} of {len(levels)}"
    if shown >= len(levels):
        text = (f"No more hints for {name}: the last one ({count}) again: {levels[level]}")
    elif level < len(levels) - 1:
        text = (f"Hint for {name} ({count}): {levels[level]}"
                f'\nMore: run checks.hint("{name}") again.')
    else:
        last = "the only one" if len(levels) == 1 else f"{count}, the last one"
        text = f"Hint for {name} ({last}): {levels[level]}"
    print(text, flush=True)


def summary(names=None):
    """Print which exercises of the lesson are done: one line per name in `names` (a list of
    exercise names as their checks are called), ✓ done / ✗ not yet / · not tried. The name
    "quiz" stands for the lesson's self-check questions ("quiz 01": those of lesson 01).
    Without names: every check run in this kernel. Returns None; never raises."""
    if names is None:
        names = [key for key in _results if not key.startswith("quiz ")]
        names += ["quiz"] if len(names) < len(_results) else []
    rows = []
    for item in names:
        item = str(item)
        if item.split()[0].lower().rstrip(":") == "quiz":
            rows.append(_quiz_row(item))
            continue
        passed = _results.get(item)
        rows.append((item, "·" if passed is None else "✓" if passed else "✗",
                     "not tried" if passed is None else "done" if passed else "not yet"))
    width = max([len(row[0]) for row in rows] + [8])
    lines = ["Your progress in this lesson:"]
    lines += [f"  {mark} {item.ljust(width)}  {status}" for item, mark, status in rows]
    done = sum(mark == "✓" for _, mark, _ in rows)
    lines.append(f"{done} of {len(rows)} done.")
    print("\n".join(lines), flush=True)


def _quiz_row(item):
    """('quiz', mark, '3 of 4 questions right') for summary()."""
    answered = {key.split()[1]: passed for key, passed in _results.items()
                if key.startswith("quiz ")}
    words = item.replace(":", " ").split()
    lesson = words[1] if len(words) > 1 else (sorted(answered)[-1].split(".")[0]
                                               if answered else None)
    try:
        from . import quizzes
        ids = list(quizzes.lesson_questions(lesson)) if lesson else []
    except Exception:
        ids = [key for key in answered if lesson and key.startswith(f"{lesson}.")]
    right = sum(bool(answered.get(key)) for key in ids)
    tried = sum(answered.get(key) is not None for key in ids)
    if not ids or not tried:
        return "quiz", "·", "not tried"
    return "quiz", "✓" if right == len(ids) else "✗", f"{right} of {len(ids)} questions right"


def quiz(question_id, answer):
    """Grade the student's answer to self-check question `question_id` (e.g. "01.2"; the
    answer key is in nnlib/checks/quizzes/lesson01.py) and print · not answered / ✗ with why and
    "try again" / ✓ with the explanation. Returns a CheckResult. `answer` is None (not answered
    yet), a number, or a letter ("b") for multiple choice. An unknown id raises NNLibValueError.
    """
    from . import quizzes

    question = quizzes.question(question_id)
    variable = f"answer_{question_id.split('.', 1)[1]}"
    key = f"quiz {question_id}"
    if answer is None:
        message = f"{question_id} not answered yet: set {variable} and run this cell."
        if _strict:
            raise AssertionError(f"✗ {message}")
        _results.setdefault(key, None)
        print(f"· {message}", flush=True)
        return CheckResult(False, f"· {message}", key)
    right, explanation = quizzes.grade(question, answer)
    if right:
        return _finish(True, f"{question_id}: {_lead('right', explanation)}", key)
    return _finish(False, f"{question_id}: {_lead('not quite', explanation)}\nTry again: change "
                          f"{variable} and run this cell.", key)


def _lead(verdict, explanation):
    """'right. <explanation>', unless the explanation already starts with the verdict ('Right:
    ...'), which is then said once."""
    explanation = explanation.strip()
    if explanation.lower().startswith(verdict):
        return explanation
    return f"{verdict}. {explanation}".rstrip()


# --- shared by the checks ----------------------------------------------------------------------

def _finish(passed, message, name, hint="", more_help=True):
    """Record the result and the hint, add the mark and "More help"; print, or raise in strict
    mode; return the CheckResult."""
    if hint:
        _hints[name] = [str(level) for level in hint] if isinstance(hint, (list, tuple)) \
            else [str(hint)]
    _results.pop(name, None)  # re-inserted last: the order of the latest results
    _results[name] = bool(passed)
    message = ("✓ " if passed else "✗ ") + message
    if not passed and more_help and name in _hints:
        message += f'\nMore help: checks.hint("{name}")'
    if not passed and _strict:
        raise AssertionError(message)
    print(message, flush=True)
    return CheckResult(passed, message, name)


def _notebook_namespace():
    """The globals of the code that called the check (the notebook's namespace): the first
    frame outside nnlib."""
    here = Path(__file__).resolve().parent
    frame = inspect.currentframe()
    while frame is not None:
        try:
            outside = Path(frame.f_code.co_filename).resolve().parent != here
        except Exception:
            outside = True
        if outside:
            return frame.f_globals
        frame = frame.f_back
    import __main__
    return vars(__main__)


def _watch_returns(fn, name, returned_none):
    """fn, wrapped so that a call returning None appends `name` to the list returned_none."""
    @functools.wraps(fn)
    def watched(*args, **kwargs):
        value = fn(*args, **kwargs)
        if value is None and name not in returned_none:
            returned_none.append(name)
        return value
    return watched


def _changed_arguments(fn, before, after):
    """(argument name, what changed, "array"/"list"/...) for the first argument that the call
    changed in place, or None."""
    for argument, old, new in zip(argument_names(fn, before), before, after):
        what = changed_in_place(old, new)
        if what:
            kind = "array" if type(old).__name__ == "ndarray" else type(old).__name__
            return argument, what, kind
    return None


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

