"""The instructor's edition with a class: a fake class of five goes through nbgrader's pipeline
on lesson 01 (generate_assignment → autograde → generate_feedback → export), then
`python tools/teach report`; each student's points per exercise and the report's counts are
checked. The commands are docs/teaching.md's, run as a teacher runs them (the nbgrader CLI, from
the course folder). Skipped when nbgrader is not installed (`pip install -e ".[teach]"`).
"""
import csv
import html
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_student_notebooks  # noqa: E402
import setup_course  # noqa: E402

LESSON = "01_neuron_and_network_by_hand"
BIN = Path(sys.executable).parent          # nbgrader's console script sits beside python

# The exercise cells by id, and what each student writes there (None: the cell is deleted).
SIGMOID, OUTPUT, HIDDEN = "01-09", "01-24", "01-30"
RIGHT = {
    SIGMOID: "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return s * (1 - s)\n",
    OUTPUT: "def output_delta_half_squared_error(target, a_o):\n"
            "    return (a_o - target) * a_o * (1 - a_o)\n",
    HIDDEN: "def hidden_delta(a_h, weights_out, deltas_out):\n"
            "    return np.dot(deltas_out, weights_out) * a_h * (1 - a_h)\n",
}
QUIZ_RIGHT = {"answer_1": 0.6225, "answer_2": 0.09, "answer_3": "b", "answer_4": 0.4,
              "answer_5": "c"}
CLASS = {
    "ada": {"answers": RIGHT, "quiz": QUIZ_RIGHT},
    # Misconceptions the checks know: the slope of the slope; the sign (target − output).
    "ben": {"answers": {**RIGHT,
                        SIGMOID: "def sigmoid_derivative(z):\n    s = sigmoid(z)\n"
                                 "    return s * (1 - s) * (1 - 2 * s)\n",
                        OUTPUT: "def output_delta_half_squared_error(target, a_o):\n"
                                "    return (target - a_o) * a_o * (1 - a_o)\n"},
            "quiz": {**QUIZ_RIGHT, "answer_3": "a", "answer_4": 0.2}},
    # Right on the check's numbers, wrong on the hidden arrays (float() of an array); the
    # hidden-layer slope forgotten; the same wrong quiz answer as ben.
    "cai": {"answers": {**RIGHT,
                        OUTPUT: "def output_delta_half_squared_error(target, a_o):\n"
                                "    return float((a_o - target) * a_o * (1 - a_o))\n",
                        HIDDEN: "def hidden_delta(a_h, weights_out, deltas_out):\n"
                                "    return np.dot(deltas_out, weights_out)\n"},
            "quiz": {**QUIZ_RIGHT, "answer_3": "a"}},
    "dee": {"answers": {}, "quiz": {}},                          # handed in blank
    # Deleted an exercise cell, and added a cell of her own (which costs nothing).
    "eve": {"answers": {**RIGHT, HIDDEN: None}, "quiz": QUIZ_RIGHT, "extra": True},
}
# Points per graded cell: 2 per exercise, 1 per self-check question (partial credit).
EXPECTED = {
    "ada": {"sigmoid_derivative": 2, "output_delta_half_squared_error": 2, "hidden_delta": 2,
            "quiz": 5},
    "ben": {"sigmoid_derivative": 0, "output_delta_half_squared_error": 0, "hidden_delta": 2,
            "quiz": 3},
    "cai": {"sigmoid_derivative": 2, "output_delta_half_squared_error": 0, "hidden_delta": 0,
            "quiz": 4},
    "dee": {"sigmoid_derivative": 0, "output_delta_half_squared_error": 0, "hidden_delta": 0,
            "quiz": 0},
    "eve": {"sigmoid_derivative": 2, "output_delta_half_squared_error": 2, "hidden_delta": 0,
            "quiz": 5},
}


def class_run(test):
    """Marks a test of the class's run: slow (kernels), on one xdist worker with the fixture."""
    return pytest.mark.xdist_group("teaching")(pytest.mark.notebook_runs(test))


def run(*args, cwd):
    """Run a command as a teacher would, with the environment's scripts first on PATH."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
               MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    result = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    assert "ERROR" not in result.stderr, f"{args} logged an error:\n{result.stderr}"
    return result.stdout


def submission(released, student):
    """The released notebook as `student` hands it in."""
    notebook = nbformat.read(released, as_version=4)
    work = CLASS[student]
    cells = []
    for cell in notebook.cells:
        if cell.get("id") in work["answers"]:
            if work["answers"][cell.id] is None:
                continue
            cell.source = work["answers"][cell.id]
        for name, value in work["quiz"].items():
            if cell.source.startswith(f"{name} = None"):
                cell.source = cell.source.replace(f"{name} = None", f"{name} = {value!r}", 1)
        cells.append(cell)
        if work.get("extra") and cell.get("id") == SIGMOID:
            extra = nbformat.v4.new_code_cell("print(sigmoid_derivative(np.array([-1.0, 1.0])))")
            cells.append(extra)
    notebook.cells = cells
    return notebook


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    pytest.importorskip("nbgrader", reason="nbgrader is not installed: the instructor's edition "
                                           "needs the teach extra, pip install -e \".[teach]\"")
    return _course(tmp_path_factory)


def _course(tmp_path_factory):
    """The course folder after the whole pipeline, and the seconds each step took: wall-clock,
    and CPU (user + system of the commands and their kernels: the wall-clock of a quiet machine,
    where each step uses one core)."""
    directory = tmp_path_factory.mktemp("course")
    # The solution as it is now (other work may change notebooks/solutions/ meanwhile).
    solutions = tmp_path_factory.mktemp("solutions")
    shutil.copy(ROOT / "notebooks" / "solutions" / f"{LESSON}.ipynb", solutions)
    timings = {}

    def step(name, *args):
        tic, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        output = run(*args, cwd=directory)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timings[name] = (time.perf_counter() - tic,
                         after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime)
        return output

    step("layout", sys.executable, str(ROOT / "tools" / "teach"), "layout", str(directory), "01",
         "--solutions", str(solutions))
    step("generate_assignment", "nbgrader", "generate_assignment", LESSON, "--force")
    released = directory / "release" / LESSON / f"{LESSON}.ipynb"
    for student in CLASS:
        target = directory / "submitted" / student / LESSON / f"{LESSON}.ipynb"
        target.parent.mkdir(parents=True)
        nbformat.write(submission(released, student), target)
    step("autograde", "nbgrader", "autograde", LESSON, "--force")
    step("generate_feedback", "nbgrader", "generate_feedback", LESSON, "--force")
    step("export", "nbgrader", "export", "--to", str(directory / "grades.csv"))
    report = step("report", sys.executable, str(ROOT / "tools" / "teach"), "report",
                  str(directory), "01")
    print("teaching pipeline, seconds per step (wall, CPU):",
          json.dumps({k: [round(v, 1) for v in pair] for k, pair in timings.items()}),
          "total CPU:", round(sum(cpu for _, cpu in timings.values()), 1))
    return {"dir": directory, "released": released, "report": report, "timings": timings,
            "solution": solutions / f"{LESSON}.ipynb"}


@class_run
def test_released_notebook_is_the_make_students_one(course):
    """nbgrader's student version has the same cells, ids and sources as
    tools/make_student_notebooks.py's (the source of truth: nbgrader calls its transformation)."""
    solution = json.loads(course["solution"].read_text(encoding="utf-8"))
    ours = make_student_notebooks.student_notebook(solution, f"{LESSON}.ipynb")["cells"]
    released = nbformat.read(course["released"], as_version=4).cells
    assert [(c["id"], c["cell_type"], "".join(c["source"])) for c in ours] == \
        [(c.id, c.cell_type, c.source) for c in released]
    graded = [c.metadata["nbgrader"]["grade_id"] for c in released
              if c.metadata.get("nbgrader", {}).get("grade")]
    assert graded == ["check-sigmoid_derivative", "check-output_delta_half_squared_error",
                      "check-hidden_delta", "quiz-01"]
    assert all(c.metadata["nbgrader"]["locked"] for c in released if c.cell_type == "markdown")


@class_run
def test_release_holds_no_solutions_and_no_quiz_keys(course):
    """Nothing of the answers reaches the students' folder: no solution lines, no hidden tests,
    no quiz keys, no strict mode."""
    text = "".join(p.read_text(encoding="utf-8")
                   for p in (course["dir"] / "release").rglob("*") if p.is_file())
    for secret in ["BEGIN SOLUTION", "HIDDEN TESTS", "solution-only", "_quiz_keys",
                   "checks.strict", "return s * (1 - s)", "(a_o - target) * a_o",
                   "np.dot(deltas_out, weights_out)", "0.6225", "answer_3 = \\\"b\\\""]:
        assert secret not in text, f"the released folder shows {secret!r}"


@class_run
def test_points_per_student(course):
    """Each student's points per exercise in nbgrader's gradebook are the ones the answers
    deserve, and the exported CSV has each one's total."""
    from nbgrader.api import Gradebook

    got = {}
    with Gradebook(f"sqlite:///{course['dir'] / 'gradebook.db'}") as gradebook:
        for student in CLASS:
            got[student] = {}
            for name in ["sigmoid_derivative", "output_delta_half_squared_error",
                         "hidden_delta", "quiz"]:
                grade_id = "quiz-01" if name == "quiz" else f"check-{name}"
                got[student][name] = gradebook.find_grade(grade_id, LESSON, LESSON,
                                                          student).score
    assert got == EXPECTED
    with open(course["dir"] / "grades.csv", encoding="utf-8") as file:
        totals = {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(file)}
    assert totals == {s: sum(points.values()) for s, points in EXPECTED.items()}


@class_run
def test_feedback_shows_the_check_texts(course):
    """A student's feedback page carries the ✗ text of each failed check: the tutor's words."""
    def feedback(student):
        page = course["dir"] / "feedback" / student / LESSON / f"{LESSON}.html"
        return html.unescape(page.read_text(encoding="utf-8"))

    ben = feedback("ben")
    assert "that is the slope of the slope: one derivative too many." in ben
    assert "sign" in ben and "✗ output_delta_half_squared_error" in ben
    dee = feedback("dee")
    assert "sigmoid_derivative() still has # YOUR CODE HERE" in dee
    assert "hidden_delta is not defined yet" in feedback("eve")


@class_run
def test_report_counts_where_the_class_is_stuck(course):
    """The report's CSV: per exercise, how many passed, and the ideas named, most frequent
    first, with their counts."""
    with open(course["dir"] / "stuck.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    by_exercise = {}
    for row in rows:
        by_exercise.setdefault(row["exercise"], []).append(row)
    passed = {name: int(group[0]["passed"]) for name, group in by_exercise.items()}
    assert passed == {"sigmoid_derivative": 3, "output_delta_half_squared_error": 2,
                      "hidden_delta": 2, "quiz 01.1": 4, "quiz 01.2": 4, "quiz 01.3": 2,
                      "quiz 01.4": 3, "quiz 01.5": 4}
    ideas = {name: [(r["misconception"], int(r["count"])) for r in group if r["count"] != "0"]
             for name, group in by_exercise.items()}
    assert ideas["quiz 01.3"] == [("answered 'a'", 2), ("not answered", 1)]
    assert ideas["quiz 01.1"] == [("not answered", 1)]
    counts = [count for _, count in ideas["output_delta_half_squared_error"]]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 3
    texts = " | ".join(text for text, _ in ideas["output_delta_half_squared_error"])
    assert "sign" in texts and "YOUR CODE HERE" in texts and "array" in texts.lower()
    texts = dict(ideas["sigmoid_derivative"])
    assert texts == {"that is the slope of the slope: one derivative too many.": 1,
                     "sigmoid_derivative() still has # YOUR CODE HERE: write your answer in "
                     "its place, run that cell (Shift+Enter), then run this check again.": 1}
    assert ("hidden_delta is not defined yet: run the exercise cell above (def hidden_delta) "
            "first, then this check.", 1) in ideas["hidden_delta"]
    assert "sigmoid_derivative (2 points): 3 of 5 passed" in course["report"]


# --- the route without make (Windows) ----------------------------------------------------------

def test_the_documented_windows_commands_are_the_scripts():
    """docs/teaching.md's commands for a laptop without make are, line for line, the ones
    tools/setup_course.py runs (as Windows writes them)."""
    page = (ROOT / "docs" / "teaching.md").read_text(encoding="utf-8")
    block = page.split("Without `make`", 1)[1].split("```", 2)[1]
    documented = [line for line in block.splitlines() if line.strip()]
    assert documented == [setup_course.shown(c) for c in setup_course.plan(windows=True)]


@pytest.mark.notebook_runs
def test_setup_course_runs_with_python_alone(tmp_path):
    """tools/setup_course.py really makes a virtual environment, installs the course into it
    with pip and checks the data, with no make and no shell. To spare downloading numpy & co.
    each time, nnlib's dependencies are lent by this environment (PYTHONPATH) and pip is told
    --no-deps; nnlib-course itself is built and installed for real."""
    venv = tmp_path / "venv"
    lent = subprocess.run([sys.executable, "-c", "import sysconfig; "
                           "print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    env = dict(os.environ, PYTHONPATH=lent)
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "setup_course.py"),
                             "--venv", str(venv), "--extras", "", "--pip-args=--no-deps"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    shown = [line[2:] for line in result.stdout.splitlines() if line.startswith("> ")]
    expected = [setup_course.shown(c) for c in setup_course.plan(venv, extras="",
                                                                 pip_args=["--no-deps"])[:-1]]
    assert shown[1:] == expected[1:] and shown[0].endswith(" -m venv " + str(venv))
    assert "Data: " in result.stdout
    own = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}   # the venv's own pip
    shown = subprocess.run([str(setup_course.venv_program(venv, "python")), "-m", "pip", "show",
                            "nnlib-course"], capture_output=True, text=True, env=own).stdout
    assert "Name: nnlib-course" in shown and f"Location: {venv}" in shown, shown


GENERATE_EVERY_LESSON = """
import sys
from pathlib import Path
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader
root = Path(sys.argv[1])
config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
api = NbGraderAPI(CourseDirectory(config=config), config=config)
for source in sorted((root / "source").iterdir()):
    result = api.generate_assignment(source.name, force=True)
    assert result["success"], result["error"]
"""


@class_run
def test_every_lesson_releases_the_make_students_notebook(tmp_path):
    """For every lesson, nbgrader's released notebook has the cells, ids and code that
    tools/make_student_notebooks.py gives, and holds no answer (nbgrader's API, one process)."""
    pytest.importorskip("nbgrader", reason="nbgrader is not installed (the teach extra)")
    solutions = tmp_path / "solutions"
    shutil.copytree(ROOT / "notebooks" / "solutions", solutions)   # as they are now
    directory = tmp_path / "course"
    run(sys.executable, str(ROOT / "tools" / "teach"), "layout", str(directory),
        "--solutions", str(solutions), cwd=tmp_path)
    run(sys.executable, "-c", GENERATE_EVERY_LESSON, str(directory), cwd=directory)
    lessons = sorted(solutions.glob("[0-9][0-9]_*.ipynb"))
    assert len(lessons) >= 7
    for path in lessons:
        ours = make_student_notebooks.student_notebook(
            json.loads(path.read_text(encoding="utf-8")), path.name)["cells"]
        released = directory / "release" / path.stem / path.name
        cells = nbformat.read(released, as_version=4).cells
        assert [(c["id"], c["cell_type"], "".join(c["source"])) for c in ours] == \
            [(c.id, c.cell_type, c.source) for c in cells], path.name
        text = released.read_text(encoding="utf-8")
        for secret in ["BEGIN SOLUTION", "HIDDEN TESTS", "solution-only", "_quiz_keys"]:
            assert secret not in text, f"{path.name} shows {secret!r}"
