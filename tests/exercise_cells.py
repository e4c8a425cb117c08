"""The exercises of a lesson, read from its solution notebook (no kernel needed).

An exercise is a function whose body holds a `### BEGIN SOLUTION` … `### END SOLUTION` block
(tools/make_student_notebooks.py turns that block into the student's `# YOUR CODE HERE`). Its
check cell is the first later code cell that calls `checks.` and names the function. Used by
tests/test_wrong_answers.py and tests/test_exercises.py.
"""
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"

_spec = importlib.util.spec_from_file_location("make_student_notebooks",
                                               ROOT / "tools" / "make_student_notebooks.py")
make_students = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_students)

ARITHMETIC = re.compile(r"[-+*/@]|\.T\b|\*\*")


@dataclass
class Exercise:
    name: str                 # the function the student writes
    cell: int                 # index of the exercise cell in the notebook
    check: int | None         # index of its check cell (None: no check found)
    answer: list = field(default_factory=list)   # the solution block's lines, as written


def lesson_number(path):
    """'03' for notebooks/solutions/03_xor.ipynb."""
    return Path(path).name[:2]


def solution_notebook(lesson):
    """The solution notebook of lesson '03' (a Path), or None."""
    found = sorted(SOLUTIONS.glob(f"{lesson}_*.ipynb"))
    return found[0] if found else None


def exercises(notebook):
    """The Exercises of a solution notebook (an nbformat NotebookNode), in notebook order."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or make_students.BEGIN not in cell.source:
            continue
        lines = cell.source.splitlines()
        block, name = None, None
        for number, line in enumerate(lines):
            if line.strip() == make_students.BEGIN:
                indent = len(line) - len(line.lstrip())
                name = make_students._enclosing_function(
                    [text + "\n" for text in lines[:number]], indent)
                block = []
            elif line.strip() == make_students.END:
                found.append(Exercise(name, index, _check_cell(notebook, index, name), block))
                block = None
            elif block is not None:
                block.append(line)
    return found


def _check_cell(notebook, after, name):
    mentions = re.compile(rf"\b{re.escape(name)}\b")
    for index in range(after + 1, len(notebook.cells)):
        cell = notebook.cells[index]
        if cell.cell_type == "code" and "checks." in cell.source and mentions.search(cell.source):
            return index
    return None


def telling_pieces(answer_lines):
    """The pieces of an answer that would give it away if shown: for each line of the solution
    block, its expression (the right side of `x = …`, what follows `return`), without spaces.
    Trivial pieces (a name, fewer than 5 characters, a call without arithmetic unless the
    answer has nothing else) are left out."""
    expressions = []
    for line in answer_lines:
        code = line.split("#", 1)[0].strip()
        code = re.sub(r"^return\b", "", code).strip()
        assignment = re.match(r"^[\w\[\], .]+?\s*(?:[-+*/@]?=)(?!=)\s*(.+)$", code)
        indexed = re.match(r"^\w+\s*(\[.+\]\s*[-+*/@]=.+)$", code)  # a[i, j] -= 1.0
        if indexed:
            code = indexed.group(1)
        elif assignment:
            code = assignment.group(1)
        expressions += _top_level_items(re.sub(r"\s+", "", code))
    pieces = [e for e in expressions if len(e) >= 5 and ARITHMETIC.search(e)]
    # An answer of calls only (np.maximum(z, 0.0)): its longer expressions tell it too.
    return pieces or [e for e in expressions if len(e) >= 10 and "(" in e]


def _top_level_items(code):
    """'a*n,b/(2*n)' -> ['a*n', 'b/(2*n)']: a tuple's items, split at the commas outside
    brackets."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(code):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            items.append(code[start:i])
            start = i + 1
    return [item for item in items + [code[start:]] if item]


def shows_piece(text, pieces):
    """The first of `pieces` that `text` contains (spaces ignored), or None."""
    compact = re.sub(r"\s+", "", text)
    return next((piece for piece in pieces if piece in compact), None)


def read(path):
    return nbformat.read(path, as_version=4)
