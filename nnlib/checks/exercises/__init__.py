"""What each exercise's check needs, one module per lesson, out of the student's sight.

nnlib/checks/exercises/lesson01.py ... lesson07.py each define EXERCISES, a dict from the
exercise's function name to its declaration. A check cell then names the exercise only:

    checks.check_function("sigmoid_derivative", lesson="01")
    checks.check_condition("mse_learning_rate", lesson="03")

A function exercise (checked by calling the student's function and comparing):

    "sigmoid_derivative": {
        "args": {"z": "weighted input z"},   # the parameters in the exercise's order -> their
                                            # role, shown in a ✗: "weighted input z = 0.7"
        "reference": sigmoid_derivative,    # a correct function of those arguments
        "inputs": [0.7, -3.0, np.linspace(-8, 8, 17)],   # one item per call (a tuple for
                                            # several arguments), or a function nb -> list
        "hints": ["first level", "second level"],
        "misconceptions": [                 # wrong ideas as code, each with the tutor's words:
            (lambda z: z * (1 - z), "the slope is written with the output σ(z), and z is not "
                                    "that output"),
        ],
        # optional: "expected" (a function nb -> one value per input) instead of "reference",
        # "slope_of": the function whose slope the exercise asks for (a ✗ names a result equal
        # to the function itself), "slope": the slope of the function the exercise asks for,
        # "needs": {"forward": "the cell that defines forward (section 2)"}: notebook names
        # the student's code or the check uses; "labels", "atol", "rtol", "timeout",
        # "may_change_inputs" as in check_function.
    }

A reference, an expected-values function, an input function or a misconception that needs the
notebook (a trained model, the lesson's data) takes a keyword-only argument `nb`: the notebook's
variables as attributes (nb.model). Declare those names in "needs", so that a check run before
them says which cells to run first.

A condition exercise (the student's function returns a setting, e.g. a learning rate, and the
check trains with it):

    "mse_learning_rate": {
        "condition": all_starts_converge,    # (student_fn, *, nb) -> (passed, message)
        "misconceptions": [(predicate, "sentence")],  # predicate(student_fn, *, nb) -> True
                                             # when the student's function shows the idea;
                                             # tried before the condition (they are cheap)
        "hints": [...], "needs": {...}, "timeout": 120,
    }

A lesson's module is imported only when one of its checks runs (never by `import nnlib`).
"""
import inspect
import re

import numpy as np

from ...errors import NNLibValueError
from .. import lesson_modules

FUNCTION_KEYS = {"args", "reference", "expected", "inputs", "hints", "misconceptions",
                 "slope_of", "slope", "needs", "labels", "atol", "rtol", "timeout",
                 "may_change_inputs"}
CONDITION_KEYS = {"condition", "hints", "misconceptions", "needs", "timeout"}


def lessons():
    """The lesson numbers ("01", ...) that have an exercise module, sorted."""
    return lesson_modules.lessons(__path__)


def lesson_exercises(lesson):
    """The EXERCISES dict of lesson `lesson` ("01" or 1); NNLibValueError if there is none."""
    return lesson_modules.lesson_module(__name__, _lesson(lesson), "exercises declared").EXERCISES


def exercise(lesson, name):
    """The declaration of exercise `name` of lesson `lesson`; NNLibValueError naming what is
    wrong."""
    declared = lesson_exercises(lesson)
    if name not in declared:
        raise NNLibValueError(f"Lesson {_lesson(lesson)} declares no exercise {name!r}; it "
                              f"declares {', '.join(declared)}.")
    return declared[name]


def _lesson(lesson):
    text = f"{lesson:02d}" if isinstance(lesson, int) else str(lesson)
    if not re.fullmatch(r"\d\d", text):
        raise NNLibValueError(f"lesson= is a lesson number such as \"01\" (or 1), not {lesson!r}.")
    return text


class Notebook:
    """The notebook's variables as attributes, for the functions of a declaration: nb.model."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name):
        try:
            return self._namespace[name]
        except KeyError:
            raise AttributeError(f"the notebook has no variable {name!r} (yet)") from None


def takes_notebook(fn):
    """True if `fn` has a keyword-only parameter `nb` (it wants the notebook's variables)."""
    try:
        parameter = inspect.signature(fn).parameters.get("nb")
    except (TypeError, ValueError):
        return False
    return parameter is not None and parameter.kind == parameter.KEYWORD_ONLY


def validate(declared, lesson):
    """The problems (a list of str, empty if none) of a lesson module's EXERCISES: known keys,
    hints, misconceptions with a sentence, and for a function exercise its arguments' roles,
    a reference or expected values, and (when the inputs are a list) at least two calls that
    differ in every argument. For the tests."""
    problems = []
    for name, entry in declared.items():
        where = f"lesson {lesson}, exercise {name!r}"
        kind = "condition" if "condition" in entry else "function"
        keys = CONDITION_KEYS if kind == "condition" else FUNCTION_KEYS
        unknown = set(entry) - keys
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)} (a {kind} exercise knows "
                            f"{sorted(keys)}).")
        hints = entry.get("hints")
        if not (isinstance(hints, list) and hints and all(isinstance(h, str) and h.strip()
                                                          for h in hints)):
            problems.append(f"{where}: hints must be a list of one or more sentences.")
        for item in entry.get("misconceptions", []):
            if not (isinstance(item, tuple) and len(item) == 2 and callable(item[0])
                    and isinstance(item[1], str) and item[1].strip()):
                problems.append(f"{where}: each misconception is (a function, a sentence).")
        if kind == "function":
            problems += _validate_function(entry, where)
    return problems


def _validate_function(entry, where):
    problems = []
    args = entry.get("args")
    if not (isinstance(args, dict) and args):
        return [f"{where}: args must map each parameter name to its role."]
    if ("reference" in entry) == ("expected" in entry):
        problems.append(f"{where}: needs exactly one of reference and expected.")
    inputs = entry.get("inputs")
    if isinstance(inputs, list):
        calls = [c if isinstance(c, tuple) else (c,) for c in inputs]
        if any(len(c) != len(args) for c in calls):
            problems.append(f"{where}: every input must give the {len(args)} arguments "
                            f"{list(args)}.")
        elif not any(all(not _same(a, b) for a, b in zip(first, second))
                     for i, first in enumerate(calls) for second in calls[i + 1:]):
            problems.append(f"{where}: no two inputs differ in every argument, so a function "
                            f"that ignores one of them could pass.")
    elif not callable(inputs):
        problems.append(f"{where}: inputs must be a list of calls or a function nb -> list.")
    return problems


def _same(a, b):
    try:
        return bool(np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object)))
    except Exception:
        return a is b
