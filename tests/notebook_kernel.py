"""Run a lesson's code cells one by one in a live kernel, the way a student clicks through it.

nbval executes each notebook once, top to bottom: a student's Run All. `Rerun` (added to each
notebook's nbval cells by tests/conftest.py) goes on in nbval's kernel: each code cell twice in a
row, then Run All again. `Lesson` runs a notebook in a kernel of its own, in any order (the
optional sections skipped, wrong answers tried). Both report any error or stderr line with the
notebook, the cell id and the message.
"""
import re
from pathlib import Path

import nbformat
import pytest
from exercise_cells import make_students
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbval.plugin import IPyNbCell, NbCellError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"

CELL_TIMEOUT = 600            # seconds; a lesson's slowest cell takes a few on a quiet machine
STDERR_EXPECTED = "stderr-expected"   # the tag of a cell that means to show stderr output
# The marker the student-notebook generator keeps collapsed: one definition of it.
OPTIONAL_HEADING = make_students.OPTIONAL_HEADING
HEADING = re.compile(r"^(#{1,6})\s")
LESSON = re.compile(r"^\d\d_\w+\.ipynb$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def lesson_notebooks():
    """Every lesson notebook: the solutions first, then the student versions."""
    solutions = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
    students = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return solutions + students


def is_lesson(path):
    """A lesson notebook, NN_topic.ipynb (in notebooks/, notebooks/solutions/ or the like)."""
    return bool(LESSON.match(Path(path).name))


def solution_of(path):
    """The solution notebook beside a student notebook, solutions/NN_topic.ipynb (None for a
    solution, or a notebook without one)."""
    path = Path(path)
    solution = path.parent / "solutions" / path.name
    return solution if path.parent.name != "solutions" and solution.is_file() else None


def shown(path):
    """A path for messages: relative to the repository when it is inside."""
    path = Path(path)
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def notebook_id(path):
    """'solution-03_xor' or 'student-03_xor': the test id of a notebook."""
    kind = "solution" if path.parent == SOLUTIONS else "student"
    return f"{kind}-{path.stem}"


def optional_cells(notebook):
    """Indices of the cells inside "Going deeper (optional)" sections.

    A section starts at a markdown heading `## Going deeper (optional)…` (any level) and runs to
    the next heading of the same or a higher level (fewer or equal #)."""
    inside, level, found = False, 0, set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            first = HEADING.match(cell.source)
            optional = OPTIONAL_HEADING.match(cell.source)
            if optional:
                inside, level = True, len(first.group(1))
            elif first and inside and len(first.group(1)) <= level:
                inside = False
        if inside:
            found.add(index)
    return found


class Lesson:
    """One notebook in one kernel: `run(index)` executes a code cell and returns its problems."""

    def __init__(self, path):
        self.path = Path(path)
        self.notebook = nbformat.read(self.path, as_version=4)
        self.client = NotebookClient(self.notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(self.path.parent)}})

    def __enter__(self):
        self._context = self.client.setup_kernel()
        self._context.__enter__()
        return self

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)

    @property
    def code_cells(self):
        return [i for i, cell in enumerate(self.notebook.cells) if cell.cell_type == "code"]

    def where(self, index):
        cell = self.notebook.cells[index]
        return f"{shown(self.path)}, cell {cell.get('id', '?')} (#{index})"

    def run(self, index):
        """Execute cell `index`; return a list of problems (empty when all went well)."""
        cell = self.notebook.cells[index]
        try:
            self.client.execute_cell(cell, index)
        except CellExecutionError as error:
            return [f"{self.where(index)}: {error.ename}: {error.evalue}"]
        return stderr_problems(cell, cell.outputs, self.where(index))

    def run_all(self, skip=()):
        """Run every code cell in order (but those in `skip`); stop at the first error."""
        for index in self.code_cells:
            if index in skip:
                continue
            problems = self.run(index)
            if problems:
                return problems
        return []


def stderr_problems(cell, outputs, where):
    """The stderr output of `cell` it did not mean to show (no tag `stderr-expected`)."""
    if STDERR_EXPECTED in cell.metadata.get("tags", []):
        return []
    return [f"{where} wrote to stderr: {text[:500]}" for text in
            (output.get("text", "").strip() for output in outputs
             if output.get("output_type") == "stream" and output.get("name") == "stderr")
            if text]


def cells_to_rerun(path, notebook):
    """Indices of the code cells the re-run runs again.

    A solution notebook: all of them. A student notebook: only the cells that act differently
    from its solution's, whose every cell the solution's re-run already ran in these orders:
    the cells whose source differs (set-up without strict mode, exercise templates, unanswered
    quizzes) and the cells calling `checks.` (they report on the student's answers)."""
    code = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    solution = solution_of(path)
    if solution is None:
        return code
    theirs = {cell.get("id"): cell.source
              for cell in nbformat.read(solution, as_version=4).cells if cell.cell_type == "code"}
    return [i for i in code if theirs.get(notebook.cells[i].get("id")) != notebook.cells[i].source
            or "checks." in notebook.cells[i].source]


class Rerun(pytest.Item):
    """After nbval's cells of a notebook (the first Run All), in nbval's kernel: each code cell
    twice in a row, then Run All again (for a student notebook, of `cells_to_rerun` only).

    Fails with the first error, or any stderr line a cell did not mean to show (nbval's run
    included); skips when nbval's run did not get through (nbval's failure says why)."""

    NAME = "rerun"

    def __init__(self, *, cells, **kwargs):
        super().__init__(**kwargs)
        self.cells = cells                     # nbval's items, one per code cell, in order
        notebook = self.parent.nb
        index = {id(cell): i for i, cell in enumerate(notebook.cells)}
        self.index = {item.cell_num: index[id(item.cell)] for item in cells}
        again = set(cells_to_rerun(self.path, notebook))
        self.again = [item for item in cells if self.index[item.cell_num] in again]

    def where(self, item):
        return (f"{shown(self.path)}, cell {item.cell.get('id', '?')} "
                f"(#{self.index[item.cell_num]})")

    def first_run_problems(self):
        """nbval's run: skip if it did not get through; its unexpected stderr lines."""
        problems = []
        for item in self.cells:
            outputs = item.test_outputs
            if outputs is None or self.parent.timed_out or any(
                    out.get("output_type") == "error" for out in outputs
                    if not item.options["check_exception"]):
                pytest.skip(f"nbval's Run All stopped at {self.where(item)}: see its failure")
            problems += stderr_problems(item.cell, outputs, self.where(item))
        return problems

    def run(self, item):
        """Run nbval's cell `item` again in its kernel; its problems (empty if it went well)."""
        if item.options["skip"]:
            return []
        again = IPyNbCell.from_parent(self.parent, name=f"{item.name} again",
                                      cell_num=item.cell_num, cell=item.cell,
                                      options=item.options)
        try:
            again.runtest()
        except NbCellError as error:
            lines = ANSI.sub("", error.inner_traceback or "").strip().splitlines()
            return [f"{self.where(item)}: {lines[-1] if lines else error}"]
        return stderr_problems(item.cell, again.test_outputs or [], self.where(item))

    def runtest(self):
        problems = self.first_run_problems()
        assert not problems, "First Run All (nbval's):\n" + "\n".join(problems)
        for item in self.again:
            for attempt in ("first", "second"):
                problems = self.run(item)
                assert not problems, (f"Running each cell twice in a row, {attempt} run of "
                                      f"this cell:\n" + "\n".join(problems))
        for item in self.again:
            problems = self.run(item)
            assert not problems, "Second Run All, in the same kernel:\n" + "\n".join(problems)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, AssertionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, (f"{shown(self.path)}: Run All (nbval's), then each cell "
                                 f"twice, then Run All again")
