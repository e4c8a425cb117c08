"""Every lesson survives the way students really run it, and prints nothing on stderr.

For each notebook (solutions and student versions), in one kernel: Run All; then each code
cell twice in a row, top to bottom; then Run All again. Any cell error, and any stderr line
the lesson did not mean to show (a cell tagged `stderr-expected` may), fails the test with the
notebook, the cell id and the message. A second test runs each solution notebook with its
"Going deeper (optional)" sections skipped: later cells must not need them.

One lesson: `pytest tests/test_rerun.py -k 03`.
"""
import pytest
from notebook_kernel import Lesson, lesson_notebooks, notebook_id, optional_cells

pytestmark = pytest.mark.notebook_runs

NOTEBOOKS = lesson_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[notebook_id(p) for p in NOTEBOOKS])
def test_run_all_then_each_cell_twice_then_run_all_again(path):
    with Lesson(path) as lesson:
        problems = lesson.run_all()
        assert not problems, "First Run All:\n" + "\n".join(problems)

        for index in lesson.code_cells:
            for attempt in ("first", "second"):
                problems = lesson.run(index)
                assert not problems, (f"Running each cell twice in a row, {attempt} run of "
                                      f"this cell:\n" + "\n".join(problems))

        problems = lesson.run_all()
        assert not problems, "Second Run All, in the same kernel:\n" + "\n".join(problems)


SOLUTIONS = [p for p in NOTEBOOKS if notebook_id(p).startswith("solution")]


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
