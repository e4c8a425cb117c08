"""Lay out an nbgrader course folder (the instructor's edition) from notebooks/solutions/.

    DIR/nbgrader_config.py                 nbgrader's settings (course id, the course's stub,
                                           Keras cells not run when grading)
    DIR/nnlib_nbgrader.py                  the plugin (tools/teach/nnlib_nbgrader.py)
    DIR/make_student_notebooks.py          the student transformation it calls
    DIR/source/<lesson>/<lesson>.ipynb     the solution notebook with nbgrader's cell metadata

What each solution cell becomes (nbgrader's metadata, schema 3):
- a code cell with `### BEGIN SOLUTION` blocks: a solution cell (the student writes in it);
- the check cell under it, `checks.check_function("name", lesson="01")`: an autograded test cell
  worth POINTS_PER_EXERCISE. Below the visible check, hidden tests run it again in strict mode
  (a ✗ raises AssertionError: the ✗ text is the feedback and the cell scores 0), then on inputs
  the student never sees (HIDDEN_INPUTS) against the solution's own function;
- the `checks.summary([...])` cell: the graded self-check, POINTS_PER_QUESTION per question,
  partial credit; the answer keys are the solution's `answer_N = ...  # solution-only` lines,
  written into the hidden tests, so they reach the gradebook but never the released notebook;
- every markdown cell: read-only.
Everything else is left as it is. nbgrader's generate_assignment then makes the student version
with the course's own transformation (nnlib_nbgrader.py), so the released notebooks have the
same code as `make students` gives.
"""
import ast
import re
import shutil
from pathlib import Path

import nbformat
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "notebooks" / "solutions"
COURSE_ID = "nnlib-course"
POINTS_PER_EXERCISE = 2
POINTS_PER_QUESTION = 1
SCHEMA_VERSION = 3
BEGIN = "### BEGIN SOLUTION"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
CHECK = re.compile(r'^checks\.(check_function|check_condition)\("(\w+)", lesson="(\d+)"\)\s*$',
                   re.MULTILINE)
SUMMARY = re.compile(r"^checks\.summary\(", re.MULTILINE)
QUIZ_KEY = re.compile(r"^(answer_\d+)\s*=\s*(.+?)\s*#\s*solution-only\s*$", re.MULTILINE)

# Inputs no check cell shows, per lesson and exercise (Python source, a list of calls as
# check_function takes them). Each differs from the declared inputs in every argument. An
# exercise without an entry is graded by its own check in strict mode only.
HIDDEN_INPUTS = {
    "01": {
        "sigmoid_derivative":
            "[-1.7, np.array([-6.0, -0.3, 0.0, 2.5]), np.array([[0.2, -4.0], [8.0, 1.0]])]",
        "output_delta_half_squared_error":
            "[(0.25, 0.6), (np.array([1.0, 0.0, 0.5]), np.array([0.35, 0.85, 0.5]))]",
        "hidden_delta":
            "[(0.3, np.array([0.4, -1.2, 0.7]), np.array([0.05, -0.02, 0.1])),\n"
            "         (0.85, np.array([-0.6]), np.array([0.3]))]",
    },
    "02": {
        "d_loss_d_y_pred":
            "[(1.0, 0.27), (0.0, 0.93), (np.array([1.0, 0.0]), np.array([0.6, 0.1]))]",
        "d_loss_d_w1":
            "[({'w1': 0.3, 'w2': -0.8, 'w3': 1.1, 'w4': 0.2, 'w5': -1.4, 'w6': 0.9,\n"
            "           'b1': 0.1, 'b2': -0.5, 'b3': 0.4}, np.array([3.0, -2.0]), 1.0),\n"
            "         ({'w1': -0.6, 'w2': 0.5, 'w3': 0.7, 'w4': -1.3, 'w5': 2.0, 'w6': -0.4,\n"
            "           'b1': -0.2, 'b2': 0.3, 'b3': -0.1}, np.array([-7.0, 1.5]), 0.0)]",
        "predict_gender": "[(160.0, 70.0), (118.0, 61.5), (201.0, 74.0)]",
    },
}


# --- one lesson --------------------------------------------------------------------------------

def source_notebook(solution, lesson):
    """The nbgrader source notebook (a NotebookNode) for a solution notebook; `lesson` is "01"."""
    nb = nbformat.from_dict(solution)
    solutions = _solution_functions(nb)
    quiz_keys = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            quiz_keys.update({name: _quiz_key(value)
                              for name, value in QUIZ_KEY.findall(cell.source)})
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            _mark(cell, f"text-{cell.id}", locked=True)
        elif BEGIN in cell.source:
            _mark(cell, f"answer-{cell.id}", solution=True)
        elif CHECK.search(cell.source):
            checks = CHECK.findall(cell.source)
            cell.source = _with_hidden(cell.source, _hidden_checks(checks, solutions))
            _mark(cell, "check-" + "-".join(name for _, name, _ in checks), grade=True,
                  points=POINTS_PER_EXERCISE * len(checks))
        elif SUMMARY.search(cell.source) and quiz_keys:
            cell.source = _with_hidden(cell.source, _hidden_quiz(lesson, quiz_keys))
            _mark(cell, f"quiz-{lesson}", grade=True,
                  points=POINTS_PER_QUESTION * len(quiz_keys))
    nb.metadata["nnlib"] = {"instructor_edition_of": f"solutions/{lesson}"}
    return nb


def _with_hidden(source, hidden):
    """`source` with the hidden tests after it, written so that nbgrader's ClearHiddenTests
    gives back `source` exactly (a final newline included)."""
    if source.endswith("\n"):
        return source + hidden + "\n"
    return source + "\n" + hidden


def _quiz_key(value):
    """A self-check answer from its solution line: a literal ("b", 0.09) or an expression of
    numpy (np.log(2)), given as a number."""
    try:
        return ast.literal_eval(value)
    except ValueError:
        return float(eval(value, {"__builtins__": {}, "np": np}))   # the course's own notebook


def _mark(cell, grade_id, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked,
            "schema_version": SCHEMA_VERSION, "solution": solution}
    if points is not None:
        meta["points"] = points
    cell.metadata["nbgrader"] = meta


def _solution_functions(nb):
    """{function name: its `def` with the solution in it} for each exercise function."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or BEGIN not in cell.source:
            continue
        code = "\n".join(line for line in cell.source.splitlines() if "### " not in line)
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.FunctionDef):
                found[node.name] = ast.get_source_segment(code, node)
    return found


def _hidden_checks(checks, solutions):
    """The hidden tests of a check cell: its checks again, strict, then the hidden inputs."""
    lines = [HIDDEN_BEGIN,
             "# Graded (the student's notebook has none of this): the check above again, now",
             "# strict (a ✗ raises AssertionError: its text is the feedback), then inputs the",
             "# student never saw, against the solution's own function.",
             "_strict_before = checks.strict(True)", "try:"]
    for kind, name, lesson in checks:
        lines.append(f'    checks.{kind}("{name}", lesson="{lesson}")')
        inputs = HIDDEN_INPUTS.get(lesson, {}).get(name)
        if kind != "check_function" or inputs is None or name not in solutions:
            continue
        reference = solutions[name].replace(f"def {name}(", "def _hidden_reference(", 1)
        lines += ["    " + line if line else "" for line in reference.splitlines()]
        lines += [f'    checks.check_function("{name}", reference=_hidden_reference,',
                  f"                          inputs={inputs})"]
    lines += ["finally:", "    checks.strict(_strict_before)", HIDDEN_END]
    return "\n".join(lines)


def _hidden_quiz(lesson, keys):
    """The hidden tests of the summary cell: each self-check answer against its key; the cell's
    value is the number right (nbgrader's partial credit)."""
    return "\n".join([
        HIDDEN_BEGIN,
        "# Graded self-check. The keys live here, on the instructor's side only.",
        f"_quiz_keys = {keys!r}",
        "",
        "",
        "def _quiz_right(name, key):",
        "    answer = globals().get(name)",
        "    if isinstance(key, str):",
        "        ok = isinstance(answer, str) and answer.strip().strip('()').lower() == key",
        "    else:",
        "        ok = isinstance(answer, (int, float)) and abs(answer - key) <= 1e-3 * abs(key)",
        "    if ok:",
        "        return True, 'right.'",
        "    return False, 'not answered' if answer is None else f'answered {answer!r}'",
        "",
        "",
        "_strict_before = checks.strict(False)",
        "_quiz_score = sum(bool(checks.check_condition(lambda n=n, k=k: _quiz_right(n, k),",
        f"                                              name=f'quiz {lesson}.{{n[7:]}}'))",
        "                  for n, k in _quiz_keys.items())",
        "checks.strict(_strict_before)",
        "_quiz_score",
        HIDDEN_END,
    ])


# --- the course folder -------------------------------------------------------------------------

CONFIG = '''"""nbgrader's settings for the instructor's edition of the course (written by
`python tools/teach layout`; see docs/teaching.md). Run nbgrader from this folder."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from nbgrader.preprocessors import ClearSolutions  # noqa: E402

from nnlib_nbgrader import CourseClearSolutions  # noqa: E402  (the course's student stub)

c = get_config()  # noqa: F821
c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = "{course_id}"

# The student version is made by the course's own transformation (make_student_notebooks.py).
from nbgrader.converters import GenerateAssignment  # noqa: E402

c.GenerateAssignment.preprocessors = [
    CourseClearSolutions if p is ClearSolutions else p
    for p in GenerateAssignment.class_traits()["preprocessors"].default()]

# Grading never needs TensorFlow: the closing Keras cell is not run (not graded), which saves
# its time and about 0.5 GB per kernel. A lesson cell may take a while: 2 minutes each.
c.Execute.skip_cells_with_tag = "keras-comparison"
c.Execute.timeout = 120

# On a JupyterHub, the exchange folder that release_assignment / collect use (shared by all):
# c.Exchange.root = "/srv/nbgrader/exchange"
'''


def lesson_id(path):
    """'01' for notebooks/solutions/01_neuron_and_network_by_hand.ipynb."""
    return Path(path).stem.split("_", 1)[0]


def layout(directory, lessons=None, solutions=SOLUTIONS):
    """Write the course folder `directory` for the lessons named (["01", "02"]; None: all) from
    the solution notebooks in `solutions`. Returns the list of assignment names written."""
    directory = Path(directory)
    paths = sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))
    if lessons:
        wanted = {str(lesson).zfill(2) for lesson in lessons}
        unknown = wanted - {lesson_id(p) for p in paths}
        if unknown:
            raise SystemExit(f"No solution notebook for lesson {', '.join(sorted(unknown))} "
                             f"in {solutions}.")
        paths = [p for p in paths if lesson_id(p) in wanted]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "nbgrader_config.py").write_text(CONFIG.format(course_id=COURSE_ID),
                                                  encoding="utf-8")
    shutil.copyfile(Path(__file__).with_name("nnlib_nbgrader.py"),
                    directory / "nnlib_nbgrader.py")
    shutil.copyfile(ROOT / "tools" / "make_student_notebooks.py",
                    directory / "make_student_notebooks.py")
    written = []
    for path in paths:
        solution = nbformat.read(path, as_version=4)
        notebook = source_notebook(solution, lesson_id(path))
        target = directory / "source" / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
        written.append(path.stem)
    return written


# --- time per lab (an estimate: docs/teaching.md says how it is made) --------------------------

WORDS_PER_MINUTE, CODE_LINES_PER_MINUTE = 100, 10
MINUTES_PER_EXERCISE, MINUTES_PER_QUESTION = 10, 1.5


def lab_minutes(path):
    """The estimated minutes a student needs for the student notebook at `path`: its text at
    WORDS_PER_MINUTE, its code at CODE_LINES_PER_MINUTE (comments and blank lines left out),
    MINUTES_PER_EXERCISE per exercise and MINUTES_PER_QUESTION per self-check question, rounded
    to 5 minutes. Not a measurement: replace it by timing a class."""
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    words = sum(len(re.findall(r"\w+", c.source)) for c in nb.cells if c.cell_type == "markdown")
    lines = sum(1 for source in code for line in source.splitlines()
                if line.strip() and not line.strip().startswith("#"))
    exercises = sum("# YOUR CODE HERE" in source for source in code)
    questions = sum("checks.quiz(" in source for source in code)
    minutes = (words / WORDS_PER_MINUTE + lines / CODE_LINES_PER_MINUTE
               + MINUTES_PER_EXERCISE * exercises + MINUTES_PER_QUESTION * questions)
    return int(5 * round(minutes / 5))
