"""Run a lesson's code cells one by one in a live kernel, the way a student clicks through it.

nbval executes each notebook once, top to bottom. The tests that use this module execute cells
in other orders (a cell twice in a row, Run All twice, optional sections skipped) in one kernel
and report any error or stderr line with the notebook, the cell id and the message.
"""
import re
from pathlib import Path

import nbformat
from exercise_cells import make_students
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"

CELL_TIMEOUT = 600            # seconds; a lesson's slowest cell takes a few on a quiet machine
STDERR_EXPECTED = "stderr-expected"   # the tag of a cell that means to show stderr output
# The marker the student-notebook generator keeps collapsed: one definition of it.
OPTIONAL_HEADING = make_students.OPTIONAL_HEADING
HEADING = re.compile(r"^(#{1,6})\s")


def lesson_notebooks():
    """Every lesson notebook: the solutions first, then the student versions."""
    solutions = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
    students = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    return solutions + students


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
        return f"{self.path.relative_to(ROOT)}, cell {cell.get('id', '?')} (#{index})"

    def run(self, index):
        """Execute cell `index`; return a list of problems (empty when all went well)."""
        cell = self.notebook.cells[index]
        try:
            self.client.execute_cell(cell, index)
        except CellExecutionError as error:
            return [f"{self.where(index)}: {error.ename}: {error.evalue}"]
        problems = []
        if STDERR_EXPECTED not in cell.metadata.get("tags", []):
            for output in cell.outputs:
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    text = output.get("text", "").strip()
                    if text:
                        problems.append(f"{self.where(index)} wrote to stderr: {text[:500]}")
        return problems

    def run_all(self, skip=()):
        """Run every code cell in order (but those in `skip`); stop at the first error."""
        for index in self.code_cells:
            if index in skip:
                continue
            problems = self.run(index)
            if problems:
                return problems
        return []
