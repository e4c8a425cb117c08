"""The rules every lesson keeps, read from the notebooks' source (no kernel needed).

- At least 90 % of the `assert`s in each lesson carry a message that says what failed and what
  to do, so a student never meets a bare `AssertionError:`.
- The last code cell is the Keras comparison (tagged `keras-comparison`).
- No cell sets TensorFlow's environment variables: `import nnlib` does what must happen before
  TensorFlow loads.
- Every "Going deeper (optional)" heading opens collapsed in JupyterLab.
"""
import ast
import re

import nbformat
import pytest
from notebook_kernel import OPTIONAL_HEADING, lesson_notebooks, notebook_id

NOTEBOOKS = lesson_notebooks()
IDS = [notebook_id(p) for p in NOTEBOOKS]
MIN_SHARE_WITH_MESSAGE = 0.9


def code_of(cell):
    """A code cell's source as Python: IPython's `%magic` and `!shell` lines blanked."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in cell.source.splitlines())


def asserts_in(notebook):
    """[(cell id, line, has a message)] for every assert statement in the code cells."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(code_of(cell))):
            if isinstance(node, ast.Assert):
                found.append((cell.get("id", "?"), node.lineno, node.msg is not None))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_asserts_explain_themselves(path):
    found = asserts_in(nbformat.read(path, as_version=4))
    if not found:
        pytest.skip(f"{path.name} has no assert")
    bare = [f"cell {cell} line {line}" for cell, line, message in found if not message]
    share = 1 - len(bare) / len(found)
    assert share >= MIN_SHARE_WITH_MESSAGE, (
        f"{path.name}: {len(found) - len(bare)} of {len(found)} asserts have a message "
        f"({share:.0%}, at least {MIN_SHARE_WITH_MESSAGE:.0%} wanted). Give these one, "
        f"`assert cond, \"what it checks; what to do\"`: " + ", ".join(bare))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_the_keras_comparison_is_the_last_code_cell(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    tagged = [cell.get("id") for cell in code
              if "keras-comparison" in cell.metadata.get("tags", [])]
    assert tagged, f"{path.name}: no code cell is tagged keras-comparison"
    assert tagged == [code[-1].get("id")], (
        f"{path.name}: the Keras comparison ({', '.join(tagged)}) must be the one and last code "
        f"cell tagged keras-comparison; the last code cell is {code[-1].get('id')}")
    assert re.search(r"\bkeras\b", code[-1].source), (
        f"{path.name}: the last code cell, tagged keras-comparison, does not use Keras")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_cell_sets_tensorflow_variables(path):
    notebook = nbformat.read(path, as_version=4)
    setting = [cell.get("id") for cell in notebook.cells if cell.cell_type == "code"
               and re.search(r"TF_CPP_MIN_LOG_LEVEL|TF_ENABLE_ONEDNN_OPTS", cell.source)]
    assert not setting, (f"{path.name}: cells {setting} set TensorFlow variables; "
                         f"`import nnlib` sets them before TensorFlow loads")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_optional_sections_open_collapsed(path):
    notebook = nbformat.read(path, as_version=4)
    open_headings = [cell.get("id") for cell in notebook.cells
                     if cell.cell_type == "markdown" and OPTIONAL_HEADING.match(cell.source)
                     and not cell.metadata.get("jp-MarkdownHeadingCollapsed")]
    assert not open_headings, (
        f"{path.name}: the 'Going deeper (optional)' headings {open_headings} lack "
        f"\"jp-MarkdownHeadingCollapsed\": true in their metadata (JupyterLab opens them "
        f"expanded)")
