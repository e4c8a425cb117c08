"""Every lesson survives the way students really run it, and prints nothing on stderr.

For each notebook, in one kernel: Run All; then each code cell twice in a row, top to bottom;
then Run All again. That test is the `rerun` item tests/conftest.py adds after each notebook's
nbval cells: nbval's run is the first Run All, and the rest goes on in nbval's kernel
(tests/notebook_kernel.py, `Rerun`). In a student notebook only the cells that act differently
from the solution's run again (source changed, or a `checks.` call). Any cell error, and any
stderr line the lesson did not mean to show (a cell tagged `stderr-expected` may), fails it
with the notebook, the cell id and the message.

Here, in a kernel of its own: each solution notebook with its "Going deeper (optional)"
sections skipped; later cells must not need them.

One lesson, all three runs: `pytest --nbval-lax --nbval-current-env tests/test_rerun.py
notebooks/solutions/03_xor.ipynb notebooks/03_xor.ipynb -k 03` (or `make test-lesson
LESSON=03`).
"""
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from notebook_kernel import ROOT, Lesson, lesson_notebooks, notebook_id, optional_cells

pytestmark = pytest.mark.notebook_runs

SOLUTIONS = [p for p in lesson_notebooks() if notebook_id(p).startswith("solution")]


@pytest.mark.parametrize("path", SOLUTIONS, ids=[notebook_id(p) for p in SOLUTIONS])
def test_optional_sections_can_be_skipped(path):
    with Lesson(path) as lesson:
        skipped = optional_cells(lesson.notebook)
        if not skipped:
            pytest.skip(f"{path.name} has no 'Going deeper (optional)' section")
        problems = lesson.run_all(skip=skipped)
        assert not problems, ("Run All with the 'Going deeper (optional)' sections skipped "
                              "(a later cell needs something they define):\n"
                              + "\n".join(problems))


def write_lesson(path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    for number, cell in enumerate(notebook.cells):
        cell.id = f"c{number}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)


def test_the_rerun_after_nbval_finds_what_a_second_run_breaks(tmp_path):
    """tests/conftest.py's `rerun` items, on a small course: a cell that fails when run twice,
    one that writes to stderr the second time, one that does on nbval's run; a student
    notebook whose changed cell fails the second time, beside a solution that does not."""
    twice = "assert 'done' not in globals(), 'ran twice'\ndone = True"
    again = "import sys\nn = globals().get('n', 0) + 1\nif n > 1: print('again', file=sys.stderr)"
    write_lesson(tmp_path / "solutions" / "01_twice.ipynb", "x = 1", twice)
    write_lesson(tmp_path / "solutions" / "02_again.ipynb", again)
    write_lesson(tmp_path / "solutions" / "03_first.ipynb", "import sys; print(1, file=sys.stderr)")
    write_lesson(tmp_path / "solutions" / "04_student.ipynb", "x = 1")
    write_lesson(tmp_path / "04_student.ipynb", twice)
    write_lesson(tmp_path / "05_fine.ipynb", "x = 1", "x += 1")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", "-m", "notebook_runs", str(Path(__file__).parent / "conftest.py"),
         str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    summary = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    assert sorted(line.split(" - ")[0] for line in summary) == [
        "FAILED 04_student.ipynb::rerun", "FAILED solutions/01_twice.ipynb::rerun",
        "FAILED solutions/02_again.ipynb::rerun", "FAILED solutions/03_first.ipynb::rerun"], \
        result.stdout[-3000:]
    assert "cell c1 (#1): AssertionError: ran twice" in result.stdout
    assert "(#0) wrote to stderr: again" in result.stdout
    assert "First Run All (nbval's):" in result.stdout and "wrote to stderr: 1" in result.stdout
    # the 8 cells under nbval, and the reruns of 05_fine and of solutions/04_student
    assert "4 failed, 10 passed" in result.stdout, result.stdout[-3000:]
