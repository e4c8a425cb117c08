"""tools/make_student_notebooks.py: markers, safety for students' edits, --check, and the repo."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "make_student_notebooks.py"

spec = importlib.util.spec_from_file_location("make_student_notebooks", SCRIPT)
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

EXERCISE = '''\
import numpy as np
from nnlib import checks
checks.strict(True)  # solution-only

def sigmoid_derivative(z):
    s = 1 / (1 + np.exp(-z))
    ### BEGIN SOLUTION
    return s * (1 - s)
    ### END SOLUTION

print(sigmoid_derivative(0.0))'''


def notebook(*sources, outputs=True):
    cells = []
    for i, source in enumerate(sources):
        cell = {"cell_type": "code", "id": f"c{i}", "metadata": {"tags": ["t"], "scrolled": True},
                "source": source.splitlines(keepends=True), "execution_count": 3,
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["0.25\n"]}]
                if outputs else []}
        cells.append(cell)
    cells.insert(0, {"cell_type": "markdown", "id": "m", "metadata": {}, "source": ["# Lesson"]})
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}, "widgets": {}},
            "nbformat": 4, "nbformat_minor": 5}


@pytest.fixture
def course(tmp_path):
    """A temporary notebooks/ with one solution notebook, and a way to run the script on it."""
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "01_sigmoid.ipynb").write_text(json.dumps(notebook(EXERCISE)))

    def run(*args):
        return subprocess.run([sys.executable, str(SCRIPT), "--solutions", str(solutions),
                               "--out", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=60)

    return tmp_path, run


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code(nb):
    return "".join(nb["cells"][1]["source"])


def test_markers_replaced_and_solution_only_lines_dropped(course):
    folder, run = course
    assert run().returncode == 0
    student = load(folder / "01_sigmoid.ipynb")
    source = code(student)
    assert "return s * (1 - s)" not in source and "SOLUTION" not in source
    assert "checks.strict" not in source
    assert ('    s = 1 / (1 + np.exp(-z))\n'
            '    # YOUR CODE HERE\n'
            '    raise NotImplementedError("Exercise: complete sigmoid_derivative()")\n'
            '\nprint(sigmoid_derivative(0.0))') in source
    compile(source, "student", "exec")  # still valid Python


def test_outputs_cleared_and_metadata_minimal(course):
    folder, run = course
    run()
    student = load(folder / "01_sigmoid.ipynb")
    cell = student["cells"][1]
    assert cell["outputs"] == [] and cell["execution_count"] is None
    assert cell["metadata"] == {"tags": ["t"]} and cell["id"] == "c0"
    assert student["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in student["metadata"]
    assert student["metadata"]["nnlib"]["generated_sha256"] == gen.cells_hash(student["cells"])


def test_optional_sections_and_hidden_code_stay_collapsed_in_the_student_version():
    solution = notebook("x = 1", "y = 2")
    solution["cells"][0]["source"] = ["# Lesson\n"]
    solution["cells"][0]["metadata"] = {"jp-MarkdownHeadingCollapsed": True}  # an editor's view
    solution["cells"].insert(2, {"cell_type": "markdown", "id": "deep",
                                 "metadata": {"jp-MarkdownHeadingCollapsed": True},
                                 "source": ["## Going deeper (optional): the Hessian\n"]})
    solution["cells"][3]["metadata"] = {"jupyter": {"source_hidden": True}, "collapsed": True}
    cells = gen.student_notebook(solution, "01_sigmoid.ipynb")["cells"]
    assert cells[0]["metadata"] == {}
    assert cells[2]["metadata"] == {"jp-MarkdownHeadingCollapsed": True}
    assert cells[3]["metadata"] == {"jupyter": {"source_hidden": True}}


def test_output_is_deterministic_nbformat_json(course):
    folder, run = course
    run()
    first = (folder / "01_sigmoid.ipynb").read_bytes()
    result = run()
    assert "already up to date" in result.stdout
    assert (folder / "01_sigmoid.ipynb").read_bytes() == first
    assert first.endswith(b"}\n") and first.startswith(b'{\n "cells": [\n  {\n')


def test_top_level_block_is_rejected_naming_notebook_cell_and_line(course):
    folder, run = course
    bad = "x = 1\n### BEGIN SOLUTION\ny = 2\n### END SOLUTION\n"
    (folder / "solutions" / "02_bad.ipynb").write_text(json.dumps(notebook(bad)))
    result = run("02_bad")
    assert result.returncode == 2
    assert "02_bad.ipynb: cell 2, line 2" in result.stderr
    assert "not inside a function" in result.stderr
    assert not (folder / "02_bad.ipynb").exists()


@pytest.mark.parametrize("source, problem", [
    ("if True:\n    ### BEGIN SOLUTION\n    y = 2\n    ### END SOLUTION\n", "not inside a"),
    ("def f():\n    ### BEGIN SOLUTION\n    return 1\n", "without ### END SOLUTION"),
    ("def f():\n    return 1\n    ### END SOLUTION\n", "without ### BEGIN SOLUTION"),
])
def test_other_marker_mistakes(source, problem):
    with pytest.raises(gen.SolutionMarkerError, match=problem):
        gen.student_source(source)


def test_nested_function_and_multiline_signature():
    source = ("class Layer:\n"
              "    def forward(self, X,\n"
              "                W):\n"
              "        for i in range(3):\n"
              "            ### BEGIN SOLUTION\n"
              "            X = X @ W\n"
              "            ### END SOLUTION\n"
              "        return X\n")
    result = gen.student_source(source)
    assert '            raise NotImplementedError("Exercise: complete forward()")\n' in result
    compile(result, "student", "exec")


def test_edited_student_notebook_is_refused_then_overwritten_with_force(course):
    folder, run = course
    run()
    target = folder / "01_sigmoid.ipynb"
    edited = load(target)
    edited["cells"][1]["source"] = ["def sigmoid_derivative(z):\n", "    return 42\n"]
    target.write_text(json.dumps(edited))
    before = target.read_text()

    # The solution changes; the student's work must survive a plain run.
    (folder / "solutions" / "01_sigmoid.ipynb").write_text(
        json.dumps(notebook(EXERCISE + "\nprint('new')")))
    result = run()
    assert result.returncode == 1
    assert "01_sigmoid.ipynb" in result.stderr and "--force" in result.stderr
    assert target.read_text() == before

    result = run("--force")
    assert result.returncode == 0
    assert "print('new')" in "".join(load(target)["cells"][1]["source"])


def test_unedited_student_notebook_with_outputs_is_updated(course):
    """Running a notebook adds outputs, not edits: regenerating it is safe."""
    folder, run = course
    run()
    target = folder / "01_sigmoid.ipynb"
    ran = load(target)
    ran["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["0.25"]}]
    target.write_text(json.dumps(ran))
    assert run().returncode == 0
    assert load(target)["cells"][1]["outputs"] == []


def test_check_lists_stale_notebooks_and_writes_nothing(course):
    folder, run = course
    result = run("--check")
    assert result.returncode == 1 and "01_sigmoid.ipynb" in result.stderr
    assert not (folder / "01_sigmoid.ipynb").exists()
    run()
    assert run("--check").returncode == 0
    (folder / "solutions" / "01_sigmoid.ipynb").write_text(json.dumps(notebook(EXERCISE + "\n")))
    before = (folder / "01_sigmoid.ipynb").read_bytes()
    assert run("--check").returncode == 1
    assert (folder / "01_sigmoid.ipynb").read_bytes() == before


def test_unknown_name_is_an_error(course):
    _, run = course
    result = run("99_nothing")
    assert result.returncode == 2 and "99_nothing" in result.stderr


def test_committed_student_notebooks_are_up_to_date():
    if not list((ROOT / "notebooks" / "solutions").glob("*.ipynb")):
        pytest.skip("no solution notebooks yet")
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
