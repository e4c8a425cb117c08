"""Typical wrong answers get a ✗ that names the cause and does not give the answer; right answers
written other ways get a ✓.

Each lesson's table tests/wrong_answers/lessonNN.py (written with the lesson) lists, per exercise,
at least ten wrong answers: {"exercise": name, "why": the mistake, "code": a wrong definition,
"expect": [substrings the ✗ message must contain, case-insensitive]}, and at least three right
answers written differently (CORRECT_ANSWERS: {"exercise", "why", "code"}), each of which must get
a ✓. Every ✗ must name a cause (CAUSES below: a misconception or generic cause on a "→" line, a
wrong type or shape, an exception, ...): "expected X, got Y" alone fails.

For every lesson with a table, one kernel: the solution notebook runs (strict mode, so the
solutions pass) up to its last check; strict mode is switched off; then for each wrong answer its
`code` runs, then the exercise's check cell, and the check's message about that exercise must have
a ✗, no ✓, a cause, every `expect` substring, and none of the answer's telling expressions
(tests/exercise_cells.py). Two wrong answers are added for every exercise: the function deleted
("not defined yet", "run") and the student's template ("YOUR CODE HERE", "run that cell"). After
each case the right answer is put back. Last, with the template and every wrong answer defined in
each exercise cell's place, all code cells from the first exercise on must run without error: later
cells never use the student's functions.

One lesson: `pytest tests/test_wrong_answers.py -k lesson03`. To try a table before it is in
tests/wrong_answers/: `NNLIB_WRONG_ANSWERS=/some/folder pytest tests/test_wrong_answers.py`.
"""
import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from exercise_cells import (
    ROOT,
    exercises,
    make_students,
    read,
    shows_piece,
    solution_notebook,
    telling_pieces,
)
from nbclient.exceptions import CellExecutionError
from notebook_kernel import Lesson

# The tables' folder; NNLIB_WRONG_ANSWERS names another one (to try a table out).
TABLES = Path(os.environ.get("NNLIB_WRONG_ANSWERS", ROOT / "tests" / "wrong_answers"))
MARK = re.compile(r"^[✓✗·] ", re.MULTILINE)


def shown(path):
    """A path for messages: relative to the repository when it is inside."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def load_module(path):
    spec = importlib.util.spec_from_file_location(f"wrong_answers_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_table(path):
    """The WRONG_ANSWERS list of a table file."""
    return load_module(path).WRONG_ANSWERS


def load_right_answers(path):
    """The CORRECT_ANSWERS list of a table file: right answers written in other ways."""
    return getattr(load_module(path), "CORRECT_ANSWERS", [])


@dataclass
class Case:
    lesson: str          # "03"
    exercise: str        # the function's name ("" for the later-cells case)
    why: str             # the mistake
    code: str            # what the student ran instead of the answer
    expect: tuple        # substrings the ✗ message must contain
    source: str          # where the case comes from, for messages
    right: bool = False  # a right answer written another way: it must get a ✓

    @property
    def id(self):
        kind = "right: " if self.right else ""
        return f"lesson{self.lesson}-{self.exercise or 'later cells'}-{kind}{self.why}"


def collect_cases():
    """Every case of every table, lesson by lesson: the two generic cases of each exercise, its
    table entries, then the later-cells case."""
    cases = []
    for path in sorted(TABLES.glob("lesson[0-9][0-9].py")):
        lesson = path.stem[len("lesson"):]
        table = load_table(path)
        where = shown(path)
        notebook_path = solution_notebook(lesson)
        names = [e.name for e in exercises(read(notebook_path))] if notebook_path else []
        for name in names:
            cases.append(Case(lesson, name, "function not defined", f"del {name}\n",
                              ("not defined yet", "run"), "generic"))
            cases.append(Case(lesson, name, "template not replaced", "", ("YOUR CODE HERE",
                              "run that cell"), "generic"))
        for number, entry in enumerate(table, start=1):
            cases.append(Case(lesson, entry.get("exercise", ""), entry.get("why", f"#{number}"),
                              entry.get("code", ""), tuple(entry.get("expect", ())),
                              f"{where}, entry {number}"))
        for number, entry in enumerate(load_right_answers(path), start=1):
            cases.append(Case(lesson, entry["exercise"], entry["why"], entry["code"], (),
                              f"{where}, right answer {number}", right=True))
        cases.append(Case(lesson, "", "run with wrong answers defined", "", (), str(where)))
    return cases


CASES = collect_cases()
TABLE_FILES = sorted(TABLES.glob("lesson[0-9][0-9].py"))
MIN_PER_EXERCISE = 10
MIN_RIGHT_PER_EXERCISE = 3
KEYS = {"exercise", "why", "code", "expect"}
# What a ✗ says when it names a cause: a misconception or a generic cause ("→ ..."), or one of
# these. A ✗ with none of them ("wrong value: expected X, got Y" alone) fails the test.
CAUSES = ("→", "wrong type", "wrong shape", "raised", "returned None", "in place",
          "changed the notebook's", "did not return within", "YOUR CODE HERE", "not defined yet",
          "cannot be checked yet", "converged", "test MSE", "test accuracy", "the loss became",
          "is not a function", "items, got", "NaN")


@pytest.mark.parametrize("path", TABLE_FILES, ids=[p.stem for p in TABLE_FILES])
def test_table_has_ten_wrong_and_three_right_answers_per_exercise(path):
    """No kernel: every entry is complete, names an exercise of the lesson, and every exercise
    has at least ten typical wrong answers and three right ones written differently."""
    lesson = path.stem[len("lesson"):]
    notebook_path = solution_notebook(lesson)
    assert notebook_path, f"{path.name}: no solution notebook for lesson {lesson}"
    names = [e.name for e in exercises(read(notebook_path))]
    problems = []
    for number, entry in enumerate(load_table(path), start=1):
        if set(entry) != KEYS or not isinstance(entry.get("expect"), (list, tuple)):
            problems.append(f"entry {number}: keys {sorted(entry)}, expected {sorted(KEYS)} "
                            f"with expect a list of strings")
        elif entry["exercise"] not in names:
            problems.append(f"entry {number} ({entry['why']}): {entry['exercise']!r} is not an "
                            f"exercise of {notebook_path.name} ({', '.join(names)})")
    table, rights = load_table(path), load_right_answers(path)
    for name in names:
        count = sum(entry.get("exercise") == name for entry in table)
        if count < MIN_PER_EXERCISE:
            problems.append(f"exercise {name}: {count} wrong answers, at least "
                            f"{MIN_PER_EXERCISE} wanted")
        count = sum(entry.get("exercise") == name for entry in rights)
        if count < MIN_RIGHT_PER_EXERCISE:
            problems.append(f"exercise {name}: {count} right answers written another way, at "
                            f"least {MIN_RIGHT_PER_EXERCISE} wanted")
    assert not problems, f"lesson {lesson}, {shown(path)}:\n  " + "\n  ".join(problems)


class Session:
    """A lesson's solution notebook in a kernel, run up to its last check, strict mode off."""

    def __init__(self, lesson):
        self.lesson_number = lesson
        self.path = solution_notebook(lesson)
        self.problem = None
        if self.path is None:
            self.problem = (f"lesson {lesson} has a table but no solution notebook "
                            f"notebooks/solutions/{lesson}_*.ipynb")
            return
        self.kernel = Lesson(self.path).__enter__()
        # nbclient stores each executed cell at its index in the client's notebook: everything
        # runs as a scratch cell appended there, and self.notebook is an untouched copy.
        self.kernel.notebook.cells.append(nbformat.v4.new_markdown_cell())
        self.notebook = read(self.path)
        self.code_cells = [i for i, c in enumerate(self.notebook.cells) if c.cell_type == "code"]
        self.exercises = {e.name: e for e in exercises(self.notebook)}
        last = max([e.check or e.cell for e in self.exercises.values()], default=-1)
        for index in self.code_cells:
            if index > last:
                break
            _, error = self.execute(self.notebook.cells[index].source)
            if error:
                self.problem = (f"lesson {lesson}: the solution notebook fails before the wrong "
                                f"answers are tried: cell {self.notebook.cells[index].get('id')} "
                                f"(#{index}): {error}")
                return
        names = sorted(self.exercises)
        self.execute("from nnlib import checks as _wrong_answers_checks\n"
                     "_wrong_answers_checks.strict(False)\n"
                     f"_wrong_answers_saved = {{name: globals()[name] for name in {names!r}}}\n")

    def close(self):
        if self.path is not None:
            self.kernel.__exit__(None, None, None)

    def execute(self, source):
        """Run `source` in the kernel; returns (its output text, the error or None)."""
        cell = nbformat.v4.new_code_cell(source)
        error = None
        try:
            self.kernel.client.execute_cell(cell, len(self.kernel.notebook.cells) - 1)
        except CellExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}"
        return _text(cell.outputs), error

    def restore(self):
        """Put the right answers back (and strict mode stays off)."""
        self.execute("globals().update(_wrong_answers_saved)\n")


def _text(outputs):
    parts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}\n")
        elif "data" in output:
            parts.append(output["data"].get("text/plain", "") + "\n")
    return "".join(parts)


_session = {}


@pytest.fixture(scope="module")
def sessions():
    """One open kernel at a time: a new lesson closes the previous lesson's kernel."""
    def get(lesson):
        if lesson not in _session:
            for old in list(_session.values()):
                old.close()
            _session.clear()
            _session[lesson] = Session(lesson)
        return _session[lesson]

    yield get
    for old in _session.values():
        old.close()
    _session.clear()


def messages_about(output, name):
    """The ✓/✗/· messages of `output` that name `name` (all of them if none does)."""
    starts = [m.start() for m in MARK.finditer(output)] + [len(output)]
    messages = [output[a:b] for a, b in zip(starts, starts[1:])]
    mentions = re.compile(rf"\b{re.escape(name)}\b")
    about = [m for m in messages if mentions.search(m)]
    return "".join(about or messages)


@pytest.mark.notebook_runs
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_wrong_answer_gets_a_cross_that_locates_it(case, sessions):
    session = sessions(case.lesson)
    if session.problem:
        pytest.fail(session.problem)
    if not case.exercise:
        return check_later_cells(session)
    label = (f"lesson {case.lesson}, exercise {case.exercise}, wrong answer '{case.why}' "
             f"({case.source})")
    exercise = session.exercises.get(case.exercise)
    assert exercise, (f"{label}: {case.exercise} is not an exercise of "
                      f"{session.path.relative_to(ROOT)} (its exercises: "
                      f"{', '.join(session.exercises) or 'none'})")
    assert exercise.check is not None, (f"{label}: no check cell after the exercise cell (a code "
                                        f"cell that calls checks. and names {case.exercise})")
    code = case.code or student_cell(session, exercise.cell)
    try:
        output, error = session.execute(code)
        assert error is None, f"{label}: running the wrong answer's code failed: {error}"
        check = session.notebook.cells[exercise.check]
        output, error = session.execute(check.source)
    finally:
        session.restore()
    message = messages_about(output, case.exercise)
    problems = []
    if error:
        problems.append(f"the check cell raised {error} (a check must never raise)")
    if case.right:
        if "✓" not in message or "✗" in message:
            problems.append("no ✓ for a right answer")
        assert not problems, (f"{label}: the check's message has " + "; ".join(problems)
                              + f".\nThe check cell {check.get('id')} printed:\n{output}")
        return
    if not any(cause.lower() in message.lower() for cause in CAUSES):
        problems.append("no cause (only the numbers)")
    if "✗" not in message:
        problems.append("no ✗")
    if "✓" in message:
        problems.append("a ✓")
    problems += [f"no {text!r}" for text in case.expect if text.lower() not in message.lower()]
    piece = shows_piece(message, telling_pieces(exercise.answer))
    if piece:
        problems.append(f"the answer's `{piece}` is in the message")
    assert not problems, (f"{label}: the check's message has " + "; ".join(problems)
                          + f".\nThe check cell {check.get('id')} printed:\n{output}")


def student_cell(session, index):
    """The student version of code cell `index` (its answers replaced by the template)."""
    return make_students.student_source(session.notebook.cells[index].source)


def check_later_cells(session):
    """From the first exercise on, run every code cell, with each exercise cell replaced by its
    student template followed by every wrong answer of the table for that cell's exercises."""
    table = load_table(TABLES / f"lesson{session.lesson_number}.py")
    in_cell = {}
    for exercise in session.exercises.values():
        in_cell.setdefault(exercise.cell, []).append(exercise.name)
    first = min(in_cell, default=None)
    failures = []
    for index in session.code_cells:
        if first is None or index < first:
            continue
        cell = session.notebook.cells[index]
        if index in in_cell:
            sources = [student_cell(session, index)] + [
                entry["code"] for entry in table if entry.get("exercise") in in_cell[index]]
            what = f"the template and wrong answers of {', '.join(in_cell[index])}"
        else:
            sources, what = [cell.source], "the cell"
        for source in sources:
            _, error = session.execute(source)
            if error:
                failures.append(f"cell {cell.get('id')} (#{index}), running {what}: {error}")
                break
    session.restore()
    assert not failures, (
        f"lesson {session.lesson_number}: with the wrong answers defined in place of the "
        f"exercises, later cells fail (they must not use the student's functions: use nnlib's "
        f"or a differently named helper):\n  " + "\n  ".join(failures))


def test_the_message_about_an_exercise_is_picked_out_of_a_check_cell_with_several_checks():
    output = ("✓ relu: correct on all 3 inputs.\n"
              "✗ relu_derivative: wrong values: 1 of 3 differ.\n    input 1 of 3: z = 0.0\n"
              "More help: checks.hint(\"relu_derivative\")\n")
    about = messages_about(output, "relu_derivative")
    assert about.startswith("✗ relu_derivative") and "✓" not in about and "More help" in about
    assert "✓ relu:" in messages_about(output, "relu")
    assert messages_about("✗ `rate()` returned None", "rate").startswith("✗")
