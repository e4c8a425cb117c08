"""The course's own student transformation, plugged into nbgrader.

nbgrader's ClearSolutions puts one fixed stub in place of every `### BEGIN SOLUTION` block and
keeps the lines marked `# solution-only` (strict mode, the quiz answers). The course's student
notebooks are made by tools/make_student_notebooks.py, whose stub names the function
(`raise NotImplementedError("Exercise: complete sigmoid_derivative()")`, which the checks read
to say "still has # YOUR CODE HERE") and which drops the `# solution-only` lines. So the
instructor's edition replaces ClearSolutions by CourseClearSolutions, which calls that script's
`student_source` on every code cell: one transformation, whichever tool runs it
(tests/test_teaching.py compares the two outputs).

`tools/teach layout DIR` copies this file and make_student_notebooks.py next to the course's
nbgrader_config.py, which imports them from there (the course folder needs nothing else).
"""
import make_student_notebooks as students
from nbgrader.preprocessors import ClearSolutions


class CourseClearSolutions(ClearSolutions):
    """ClearSolutions with the course's stub (the function's name) and `# solution-only` lines
    dropped in every code cell."""

    def _replace_solution_region(self, cell, language):
        """True if the cell held a solution block (nbgrader then wants it a solution cell)."""
        if cell.cell_type != "code":
            return super()._replace_solution_region(cell, language)
        had_block = any(line.strip() == students.BEGIN for line in cell.source.splitlines())
        cell.source = students.student_source(cell.source, where=f"cell {cell.get('id', '?')}")
        return had_block
