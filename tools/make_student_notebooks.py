"""Generate the student notebooks notebooks/NN_topic.ipynb from notebooks/solutions/NN_topic.ipynb.

In each code cell, a block between `### BEGIN SOLUTION` and `### END SOLUTION` (inside a
function) becomes `# YOUR CODE HERE` + `raise NotImplementedError(...)` at the same indentation,
and a line ending in `# solution-only` is dropped; outputs are cleared (docs/design.md).

A student notebook that was edited since it was generated is never overwritten (unless --force):
each generated notebook records a hash of its cells in `metadata.nnlib.generated_sha256`.

    python tools/make_student_notebooks.py              # all notebooks
    python tools/make_student_notebooks.py 03_backprop  # only some
    python tools/make_student_notebooks.py --check      # exit 1 if a student notebook is stale

Standard library only, so it runs with any Python >= 3.10.
"""
import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
SOLUTION_ONLY = re.compile(r"#\s*solution-only\s*$")
DEF = re.compile(r"(async\s+)?def\s+(\w+)")
# Cell metadata that only records a past run or the editor's view: not carried over.
# (`jupyter.source_hidden`, a cell whose code opens collapsed, is carried over.)
VOLATILE_CELL_METADATA = {"execution", "ExecuteTime", "collapsed", "scrolled",
                          "jp-MarkdownHeadingCollapsed"}
# ... except that a "Going deeper (optional)" heading keeps `jp-MarkdownHeadingCollapsed`, so
# that JupyterLab opens the optional section collapsed in the student version too.
OPTIONAL_HEADING = re.compile(r"^#{1,6}\s+Going deeper \(optional\)")


class SolutionMarkerError(ValueError):
    """A solution notebook whose markers cannot be turned into an exercise."""


# --- one cell's source -------------------------------------------------------------------------

def student_source(source, where="cell"):
    """The student version of one code cell's source (a str). `where` names the cell in errors."""
    out = []
    lines = source.splitlines(keepends=True)
    block_start = None  # line number of the open BEGIN marker
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == BEGIN:
            if block_start is not None:
                raise SolutionMarkerError(f"{where}, line {number}: {BEGIN} inside the block "
                                          f"opened at line {block_start}.")
            indent = line[:len(line) - len(line.lstrip())]
            function = _enclosing_function(lines[:number - 1], len(indent))
            if not indent or function is None:
                raise SolutionMarkerError(
                    f"{where}, line {number}: {BEGIN} is not inside a function. The student "
                    f"version replaces the block by `raise NotImplementedError`, which must not "
                    f"run at the top level of a cell: put the exercise in a function "
                    f"(docs/design.md).")
            out.append(f"{indent}# YOUR CODE HERE\n")
            out.append(f'{indent}raise NotImplementedError("Exercise: complete {function}()")\n')
            block_start = number
        elif stripped == END:
            if block_start is None:
                raise SolutionMarkerError(f"{where}, line {number}: {END} without {BEGIN}.")
            block_start = None
        elif block_start is None and not SOLUTION_ONLY.search(line):
            out.append(line)
    if block_start is not None:
        raise SolutionMarkerError(f"{where}, line {block_start}: {BEGIN} without {END} "
                                  f"in the same cell.")
    text = "".join(out)
    # A dropped last line leaves a trailing newline that the solution did not have.
    return text.rstrip("\n") if not source.endswith("\n") else text


def _enclosing_function(previous_lines, indent):
    """Name of the innermost `def` that the line at `indent` is inside, or None."""
    for line in reversed(previous_lines):
        code = line.strip()
        if not code or code.startswith("#"):
            continue
        line_indent = len(line) - len(line.lstrip())
        if line_indent < indent:
            match = DEF.match(code)
            if match:
                return match.group(2)
            indent = line_indent  # an `if`, `for`, `class`...: look further out
            if indent == 0:
                return None
    return None


# --- whole notebooks ---------------------------------------------------------------------------

def student_notebook(solution, name="notebook"):
    """The student notebook (a dict) for a solution notebook (a dict loaded from JSON)."""
    cells = []
    for index, cell in enumerate(solution.get("cells", []), start=1):
        source = _joined(cell.get("source", ""))
        new = {"cell_type": cell["cell_type"]}
        if "id" in cell:
            new["id"] = cell["id"]
        elif solution.get("nbformat_minor", 5) >= 5:  # nbformat 4.5 requires cell ids
            new["id"] = hashlib.sha256(f"{name}:{index}".encode()).hexdigest()[:8]
        new["metadata"] = {key: value for key, value in cell.get("metadata", {}).items()
                           if key not in VOLATILE_CELL_METADATA}
        if cell["cell_type"] == "markdown" and OPTIONAL_HEADING.match(source):
            collapsed = cell.get("metadata", {}).get("jp-MarkdownHeadingCollapsed")
            if collapsed is not None:
                new["metadata"]["jp-MarkdownHeadingCollapsed"] = collapsed
        if cell["cell_type"] == "code":
            source = student_source(source, where=f"{name}: cell {index}")
            new["execution_count"] = None
            new["outputs"] = []
        elif "attachments" in cell:
            new["attachments"] = cell["attachments"]
        new["source"] = _split(source)
        cells.append(new)
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "nnlib": {
                "generated_from": f"solutions/{name}",
                "generated_sha256": cells_hash(cells),
            },
        },
        "nbformat": 4,
        "nbformat_minor": solution.get("nbformat_minor", 5),
    }
    return notebook


def cells_hash(cells):
    """sha256 of the cells' types and sources: what a student's edit would change."""
    content = [[cell.get("cell_type"), _joined(cell.get("source", ""))] for cell in cells]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def to_json(notebook):
    """The notebook as Jupyter writes it (nbformat: sorted keys, indent 1), ending in a newline."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def was_edited(path):
    """True if the notebook at `path` is not exactly what this script generated last time."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        recorded = notebook["metadata"]["nnlib"]["generated_sha256"]
        return recorded != cells_hash(notebook["cells"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return True  # unreadable, or not made by this script: treat as someone's work


def _joined(source):
    return "".join(source) if isinstance(source, list) else source


def _split(source):
    """Source as a list of lines, the form nbformat writes."""
    return source.splitlines(keepends=True)


# --- command line ------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*",
                        help="notebooks to generate, e.g. 03_backprop (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 listing student notebooks that are stale")
    parser.add_argument("--force", action="store_true",
                        help="overwrite student notebooks even if they were edited")
    parser.add_argument("--solutions", type=Path, default=ROOT / "notebooks" / "solutions",
                        help="folder of solution notebooks (default: notebooks/solutions)")
    parser.add_argument("--out", type=Path, default=ROOT / "notebooks",
                        help="folder of student notebooks (default: notebooks)")
    args = parser.parse_args(argv)

    solutions = sorted(args.solutions.glob("*.ipynb"))
    if args.names:
        wanted = {Path(name).stem for name in args.names}
        unknown = wanted - {path.stem for path in solutions}
        if unknown:
            print(f"No solution notebook for: {', '.join(sorted(unknown))} "
                  f"(looked in {args.solutions}).", file=sys.stderr)
            return 2
        solutions = [path for path in solutions if path.stem in wanted]
    if not solutions:
        print(f"No solution notebooks in {args.solutions}: nothing to do.")
        return 0

    stale, refused, written = [], [], []
    for solution_path in solutions:
        target = args.out / solution_path.name
        try:
            solution = json.loads(solution_path.read_text(encoding="utf-8"))
            text = to_json(student_notebook(solution, solution_path.name))
        except (ValueError, KeyError) as error:  # SolutionMarkerError is a ValueError
            print(f"{solution_path}: {error}", file=sys.stderr)
            return 2
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(target)
        elif current is not None and was_edited(target) and not args.force:
            refused.append(target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
            written.append(target)

    for path in written:
        print(f"wrote {path}")
    if args.check:
        if stale:
            print("Stale student notebooks (run `make students`):", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            return 1
        print(f"All {len(solutions)} student notebooks are up to date.")
        return 0
    if refused:
        print("Not overwritten, because they were edited since they were generated:",
              file=sys.stderr)
        for path in refused:
            print(f"  {path}", file=sys.stderr)
        print("To keep that work, rename or move those files first, then run this again. "
              "To throw it away, run again with --force.", file=sys.stderr)
        return 1
    if not written:
        print(f"All {len(solutions)} student notebooks were already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
