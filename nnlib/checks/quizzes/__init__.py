"""Self-check questions: the answer keys, one module per lesson, and how an answer is graded.

The questions themselves are in the lesson's markdown; their answers and explanations live here,
never on the notebook's screen: nnlib/checks/quizzes/lesson01.py ... lesson07.py each define

    QUESTIONS = {
        "01.1": {"kind": "choice", "options": ["a", "b", "c"], "correct": "b",
                 "explain": {"a": "why a is wrong", "b": "why b is right", "c": "..."}},
        "01.2": {"kind": "number", "value": 0.25, "tol": 1e-3,
                 "right": "shown when right", "wrong": "what to re-read when wrong"},
    }

A lesson's module is imported only when one of its questions is asked (nnlib.checks.quiz).
A number question without "tol" accepts answers within 0.1 % of the value (at least 1e-6).
"""
import numbers
import re

from ...errors import NNLibValueError
from .. import lesson_modules

QUESTION_ID = re.compile(r"^(\d\d)\.\w+$")


def lessons():
    """The lesson numbers ("01", ...) that have a question module, sorted."""
    return lesson_modules.lessons(__path__)


def lesson_questions(lesson):
    """The QUESTIONS dict of lesson `lesson` ("01"); NNLibValueError if it has none."""
    return lesson_modules.lesson_module(__name__, lesson, "self-check questions").QUESTIONS


def question(question_id):
    """The question dict for an id like "01.2"; NNLibValueError naming what is wrong."""
    match = QUESTION_ID.match(str(question_id))
    if not isinstance(question_id, str) or not match:
        raise NNLibValueError(f"A question id is a string like \"01.2\" (lesson, dot, "
                              f"question), not {question_id!r}.")
    questions = lesson_questions(match.group(1))
    if question_id not in questions:
        raise NNLibValueError(f"Lesson {match.group(1)} has no question {question_id!r}; "
                              f"it has {', '.join(questions)}.")
    return questions[question_id]


def grade(question, answer):
    """(True, explanation) if `answer` is right, else (False, what is wrong with it)."""
    if question["kind"] == "choice":
        return _grade_choice(question, answer)
    return _grade_number(question, answer)


def _grade_choice(question, answer):
    options = [option.lower() for option in question["options"]]
    listed = ", ".join(options)
    if not isinstance(answer, str):
        return False, f"answer with one letter in quotes, one of {listed} (you gave {answer!r})."
    letter = answer.strip().strip("()").lower()
    if letter not in options:
        return False, f"{answer!r} is not one of the options {listed}: answer with one letter."
    return letter == question["correct"].lower(), question["explain"][letter]


def _grade_number(question, answer):
    if isinstance(answer, str):
        return False, f"a number was expected, and {answer!r} is text: remove the quotes."
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False, f"a single number was expected, not {type(answer).__name__} {answer!r}."
    if isinstance(answer, bool):
        return False, f"a number was expected, not {answer}."
    target = float(question["value"])
    tolerance = question.get("tol", max(1e-3 * abs(target), 1e-6))
    if abs(value - target) <= tolerance:
        return True, question["right"]
    return False, question["wrong"]


def validate(questions, lesson):
    """The problems (a list of str, empty if none) of a lesson module's QUESTIONS dict: ids of
    this lesson, a known kind, a correct option with an explanation for every option, a value
    with right/wrong texts. For the tests."""
    problems = []
    if not isinstance(questions, dict) or not 3 <= len(questions) <= 5:
        return [f"lesson {lesson}: QUESTIONS must be a dict of 3 to 5 questions."]
    kinds = set()
    for key, item in questions.items():
        where = f"question {key!r}"
        if not (isinstance(key, str) and key.startswith(f"{lesson}.") and QUESTION_ID.match(key)):
            problems.append(f"{where}: ids of lesson {lesson} look like \"{lesson}.1\".")
        kind = item.get("kind") if isinstance(item, dict) else None
        kinds.add(kind)
        if kind == "choice":
            options = item.get("options", [])
            explain = item.get("explain", {})
            if len(options) < 2 or not all(isinstance(o, str) and len(o) == 1 for o in options):
                problems.append(f"{where}: options must be two or more single letters.")
            if item.get("correct") not in options:
                problems.append(f"{where}: correct must be one of the options {options}.")
            missing = [o for o in options if not str(explain.get(o, "")).strip()]
            if missing:
                problems.append(f"{where}: no explanation for option(s) {missing}.")
        elif kind == "number":
            if not isinstance(item.get("value"), numbers.Real):
                problems.append(f"{where}: value must be a number.")
            if not isinstance(item.get("tol", 0.0), numbers.Real) or item.get("tol", 0.0) < 0:
                problems.append(f"{where}: tol must be a number >= 0.")
            for text in ("right", "wrong"):
                if not str(item.get(text, "")).strip():
                    problems.append(f"{where}: needs a {text!r} text.")
        else:
            problems.append(f"{where}: kind must be 'choice' or 'number', not {kind!r}.")
    if not {"choice", "number"} <= kinds:
        problems.append(f"lesson {lesson}: needs at least one 'choice' and one 'number' question.")
    return problems
