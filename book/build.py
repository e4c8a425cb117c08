"""Build the course's HTML edition, a Jupyter Book: `make html` runs this.

    python book/build.py              # -> build/book/_build/html/index.html
    python book/build.py --src DIR    # lessons from another folder laid out like notebooks/

1. Stage into build/book/src/: this folder's config and pages, docs/glossary.md, a table of
   contents listing the lessons in file order, the student notebooks (each lesson page links
   its own for download), and each solution notebook prepared for reading:
   - under the lesson's title, a box links the student notebook;
   - a cell holding an exercise (`### BEGIN SOLUTION`) is shown as the student gets it, and
     its solution sits behind a "Show solution" toggle (myst-nb's `hide-input` tag), without
     the marker lines; `# solution-only` lines are left out.
   notebooks/ itself is only read. A staged file is rewritten only when its content changed,
   so Sphinx re-reads only the pages that changed.
2. Execute each prepared lesson with nbclient (one at a time: the lessons time things, two
   kernels on two cores would skew that), in a temporary working directory. jupyter-cache
   (build/book/cache/) keeps the executed notebook: a lesson whose code cells did not change,
   run on an unchanged nnlib, is not run again. A cell error fails the build, naming the
   lesson and the cell; the other lessons still run (and are cached). Cells tagged
   `raises-exception` may raise, as in nbval. A first cell, added for the run and removed
   after it, makes each matplotlib figure carry alt text read from the figure
   (book/alt_text.py). Widgets are then frozen into snapshots of their last state
   (book/widgets.py); the playground becomes frames recorded here, to scrub with a slider
   (book/scrubber.py); the first use of each glossary term links to its entry
   (book/glossary_links.py, which also points the glossary's lesson links at their sections).
   An executed notebook from elsewhere (e.g. nbval's run) can be staged the same way: what
   follows run_lesson only needs the executed notebook (without the alt-text cell, its
   figures' alt text comes from `# alt:` lines or the text before the cell).
3. `jupyter-book build -W` renders build/book/src/ into build/book/_build/html/ (Sphinx: the
   nnlib reference from its docstrings, MathJax from the book's own _static/; book/_ext/
   course_book.py: the search index for file://, alt text, no thebe). Any Sphinx warning
   fails the build.
"""
import argparse
import copy
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

BOOK = Path(__file__).resolve().parent
REPO = BOOK.parent
sys.path.insert(0, str(BOOK))
import glossary_links  # noqa: E402
from alt_text import ALT_SETUP, alt_texts  # noqa: E402
from scrubber import add_scrubber  # noqa: E402
from widgets import freeze_widgets  # noqa: E402

# The marker rules are the student notebooks' (tools/make_student_notebooks.py): one source.
_spec = importlib.util.spec_from_file_location(
    "make_student_notebooks", REPO / "tools" / "make_student_notebooks.py")
students = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(students)

DEFAULT_SRC = REPO / "notebooks"
DEFAULT_OUT = REPO / "build" / "book"
GLOSSARY = REPO / "docs" / "glossary.md"
# Pages after the reference: docs/NAME.md staged as NAME.md.
DOC_PAGES = ["further_reading", "teaching"]
APPENDIX = re.compile(r"^sources_\d\d\.ipynb$")
APPENDIX_LINK = re.compile(r"\]\(\.\./(\d\d_\w+\.ipynb)\)")   # an appendix's link to its lesson
BOOK_FILES = ["_config.yml", "intro.md", "_static", "_ext", "_templates"]
# The reference's modules, core first, in the order the lessons meet them; any other module
# of nnlib/ follows in alphabetical order.
API_ORDER = ["model", "layers", "activations", "losses", "regularizers", "optimizers",
             "metrics", "gradcheck", "datasets", "plotting", "keras_bridge", "errors"]
# The other two rooms (subpackages): the checks' API, then the playground module by module.
ROOMS = ["checks", "playground.core", "playground.settings", "playground.data",
         "playground.pictures", "playground.replay", "playground.widgets"]
LESSON = re.compile(r"^\d\d_\w+\.ipynb$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CELL_TIMEOUT = 300  # seconds, as nbval's in `make test`
KERNEL = "python3"
SHOW, HIDE = "Show solution", "Hide solution"


class LessonError(Exception):
    """A lesson that failed to run; the message names the lesson and the cell."""


def lessons(src):
    """The solution notebooks NN_topic.ipynb of `src`/solutions, in course order."""
    return sorted(p for p in (Path(src) / "solutions").glob("*.ipynb") if LESSON.match(p.name))


def appendix(src):
    """The appendix's notes on the sources, `src`/appendix/sources_NN.ipynb, in lesson order."""
    return sorted(p for p in (Path(src) / "appendix").glob("*.ipynb") if APPENDIX.match(p.name))


# --- 1. Staging ------------------------------------------------------------------------------

def write_if_changed(path, content):
    """Write `content` (str or bytes) unless the file already holds it. True if written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def without_markers(source):
    """A solution cell's source as shown: no BEGIN/END lines, no `# solution-only` lines."""
    kept = [line for line in source.splitlines(keepends=True)
            if line.strip() not in (students.BEGIN, students.END)
            and not students.SOLUTION_ONLY.search(line)]
    return "".join(kept).rstrip("\n") if not source.endswith("\n") else "".join(kept)


def download_box(name):
    return nbformat.v4.new_markdown_cell(id="book-download", source=
        ":::{admonition} Work through it yourself\n:class: tip\n"
        "This page shows the lesson run, with each exercise's solution behind a "
        "*Show solution* button. To do the exercises, download the student notebook "
        f"{{download}}`{name} <../students/{name}>` and open it in JupyterLab: in the course's "
        "folder, `make lab`.\n:::")


def exercise_cell(student_code, cell_id):
    """The exercise as the student notebook has it: shown, not run."""
    fence = "````" if "```" in student_code else "```"
    return nbformat.v4.new_markdown_cell(
        id=cell_id, source=f"{fence}python\n{student_code.rstrip()}\n{fence}")


def prepare(nb, name):
    """The solution notebook `nb` laid out for reading (a new notebook; `nb` is not changed).

    Each staged cell records where it came from in `origin` (its index in the solution
    notebook, None for a cell added here), so errors can name the notebook's own cell numbers.
    """
    nb = copy.deepcopy(nb)
    cells, origin = [], []
    for index, cell in enumerate(nb.cells):
        source = cell.source
        if cell.cell_type == "code" and students.BEGIN in source:
            where = f"{name}, cell {index + 1}"
            # Fixed ids: the staged file stays the same from build to build.
            cell_id = f"{cell.get('id') or index}-exercise"
            cells.append(exercise_cell(students.student_source(source, where), cell_id))
            origin.append(None)
            cell.source = without_markers(source)
            tags = cell.metadata.setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")
            cell.metadata["mystnb"] = {"code_prompt_show": SHOW, "code_prompt_hide": HIDE}
        elif cell.cell_type == "code":
            cell.source = without_markers(source)
        cells.append(cell)
        origin.append(index)
        if index == 0:
            cells.append(download_box(name))
            origin.append(None)
    nb.cells = cells
    return nb, origin


def api_page(intro, package=REPO / "nnlib"):
    """book/api.md followed by an autodoc section for every public module of nnlib: the
    network's modules, then the two other rooms (the checks' API, the playground's modules)."""
    names = sorted(p.stem for p in package.glob("*.py") if not p.stem.startswith("_"))
    names = [n for n in API_ORDER if n in names] + [n for n in names if n not in API_ORDER]
    names += [n for n in ROOMS if (package / n.replace(".", "/")).with_suffix(".py").exists()
              or (package / n / "__init__.py").exists()]
    sections = [f"## `nnlib.{n}`\n\n```{{eval-rst}}\n.. automodule:: nnlib.{n}\n```\n"
                for n in names]
    return "\n".join([intro.rstrip() + "\n"] + sections)


def toc(lesson_names, appendix_names=(), doc_pages=()):
    """_toc.yml: the home page, the lessons in order, the glossary and the reference, then the
    appendix (further reading, the teacher's page, the notes on the sources)."""
    lines = ["# Written by book/build.py from the lessons in notebooks/solutions/.",
             "format: jb-book", "root: intro", "parts:",
             "  - caption: Lessons", "    chapters:"]
    lines += [f"      - file: lessons/{Path(n).stem}" for n in lesson_names]
    lines += ["  - caption: Reference", "    chapters:",
              "      - file: glossary", "      - file: api"]
    if doc_pages or appendix_names:
        lines += ["  - caption: Appendix", "    chapters:"]
        lines += [f"      - file: {name}" for name in doc_pages]
        lines += [f"      - file: appendix/{Path(n).stem}" for n in appendix_names]
    return "\n".join(lines + [""])


def stage_pages(src, staged, lesson_names, appendix_names=()):
    """Everything but the executed lessons: config, pages, glossary, toc, student notebooks."""
    for name in BOOK_FILES:
        path = BOOK / name
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file():
                    write_if_changed(staged / file.relative_to(BOOK), file.read_bytes())
        else:
            write_if_changed(staged / name, path.read_bytes())
    glossary = GLOSSARY.read_text(encoding="utf-8") if GLOSSARY.is_file() else \
        "# Glossary\n\nNot written yet: docs/glossary.md is missing.\n"
    # In the repository the glossary links the lessons' notebooks; in the book, the section of
    # the lesson page it names; each entry gets a label the lessons' first uses link to.
    headings = {Path(n).stem: glossary_links.lesson_headings(
        nbformat.read(Path(src) / "solutions" / n, as_version=4)) for n in lesson_names}
    glossary, unresolved = glossary_links.book_glossary(glossary, headings)
    for where in unresolved:
        print(f"glossary: no heading {where} (linked to the top of the lesson)")
    write_if_changed(staged / "glossary.md", glossary.encode("utf-8"))
    write_if_changed(staged / "_static" / "course-glossary.json",
                     json.dumps(glossary_links.search_terms(glossary), indent=0))
    write_if_changed(staged / "api.md", api_page((BOOK / "api.md").read_text(encoding="utf-8")))
    doc_pages = [n for n in DOC_PAGES if (REPO / "docs" / f"{n}.md").is_file()]
    for name in doc_pages:
        write_if_changed(staged / f"{name}.md", (REPO / "docs" / f"{name}.md").read_bytes())
    write_if_changed(staged / "_toc.yml", toc(lesson_names, appendix_names, doc_pages))
    for name in lesson_names:
        student = Path(src) / name
        if not student.is_file():
            raise LessonError(f"{name}: no student notebook {student} (run `make students`)")
        write_if_changed(staged / "students" / name, student.read_bytes())


# --- 2. Execution, with jupyter-cache --------------------------------------------------------

def first_line(source):
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0].strip() if lines else ""


def execute(nb, name, origin, n_cells):
    """Run `nb` in place in a temporary folder; LessonError names the failing cell."""
    running = {}

    def on_cell_start(cell, cell_index, **_):
        running["index"] = cell_index

    # A first cell, removed afterwards, gives each matplotlib figure alt text (book/alt_text.py).
    nb.cells.insert(0, nbformat.v4.new_code_cell(ALT_SETUP, id="book-alt-setup"))
    origin = [None] + list(origin)
    # record_timing=False: timestamps in the cells' metadata would change the cache's hash
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=KERNEL, allow_errors=False,
                            record_timing=False, on_cell_start=on_cell_start)
    with tempfile.TemporaryDirectory(prefix="course-book-") as cwd:
        client.resources = {"metadata": {"path": cwd}}
        try:
            client.execute()
            nb.cells.pop(0)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
            index = running.get("index")
            cell = nb.cells[index] if index is not None else None
            number = origin[index] + 1 if index is not None and origin[index] is not None else "?"
            summary = ANSI.sub("", str(error)).strip().splitlines()
            raise LessonError(
                f"{name}: cell {number} of {n_cells} failed"
                + (f" (id {cell.get('id')}): {first_line(cell.source)!r}" if cell else "")
                + "\n" + "\n".join(summary[-25:])) from None


def library_digest(package=REPO / "nnlib"):
    """A hash of nnlib's source files (and of the build's set-up cell): the lessons run again
    when the library changed."""
    digest = hashlib.sha256(ALT_SETUP.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def run_lesson(nb, name, origin, n_cells, cache):
    """The executed lesson: from the cache when its code is unchanged, else run and cached.

    Returns (notebook, seconds spent running it, or None when it came from the cache).
    """
    try:
        _, merged = cache.merge_match_into_notebook(nb)
        return merged, None
    except KeyError:
        pass
    started = time.monotonic()
    executed = copy.deepcopy(nb)
    execute(executed, name, origin, n_cells)
    seconds = time.monotonic() - started
    cache.cache_notebook_bundle(
        CacheBundleIn(executed, name, data={"execution_seconds": seconds}),
        check_validity=False, overwrite=True)
    # Read back as a later build will: the staged page is then the same file either way.
    return cache.merge_match_into_notebook(nb)[1], seconds


def build_lessons(paths, staged, cache, report=print, library="", terms=(), appendix_paths=()):
    """Prepare, execute (or fetch) and freeze each lesson into `staged`/lessons/: a playground
    becomes frames to scrub (book/scrubber.py), each figure gets alt text (book/alt_text.py,
    collected into `staged`/_static/course-alt-text.json), the first use of each glossary term
    (`terms`, from glossary_links.search_terms) links to its entry.

    `library` (nnlib's digest) is written into the first code cell's metadata, which
    jupyter-cache hashes with the code: a lesson is unchanged only if nnlib is too.
    Returns the failures' messages (empty when every lesson ran)."""
    failures, alts = [], {}
    for path in paths:
        solution = nbformat.read(path, as_version=4)
        nb, origin = prepare(solution, path.name)
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        if library and code:
            code[0].metadata["book"] = {"nnlib": library}
        try:
            nb, seconds = run_lesson(nb, path.name, origin, len(solution.cells), cache)
        except LessonError as error:
            failures.append(str(error))
            report(f"FAILED {path.name}")
            continue
        freeze_widgets(nb)
        add_scrubber(nb, path.stem, staged / "_static", library)
        alts.update(alt_texts(nb))
        glossary_links.link_first_uses(nb, terms)
        write_if_changed(staged / "lessons" / path.name, nbformat.writes(nb))
        report(f"{path.name}: " + ("cached" if seconds is None else f"ran in {seconds:.0f} s"))
    for path in appendix_paths:   # the notes on the sources: run as they are, no exercises
        nb = nbformat.read(path, as_version=4)
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        if library and code:
            code[0].metadata["book"] = {"nnlib": library}
        try:
            nb, seconds = run_lesson(nb, path.name, range(len(nb.cells)), len(nb.cells), cache)
        except LessonError as error:
            failures.append(str(error))
            report(f"FAILED {path.name}")
            continue
        alts.update(alt_texts(nb))
        glossary_links.link_first_uses(nb, terms)
        for cell in nb.cells:   # ](../04_x.ipynb) in notebooks/appendix/: a lesson page here
            if cell.cell_type == "markdown":
                cell.source = APPENDIX_LINK.sub(r"](../lessons/\1)", cell.source)
        write_if_changed(staged / "appendix" / path.name, nbformat.writes(nb))
        report(f"{path.name}: " + ("cached" if seconds is None else f"ran in {seconds:.0f} s"))
    write_if_changed(staged / "_static" / "course-alt-text.json",
                     json.dumps(alts, indent=0, sort_keys=True))
    return failures


# --- 3. Sphinx -------------------------------------------------------------------------------

def jupyter_book(staged, out):
    """`jupyter-book build`; returns its exit code."""
    # -W: any Sphinx warning fails the build (--keep-going lists them all first).
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(staged),
               "--path-output", str(out), "--builder", "html", "-W", "--keep-going"]
    return subprocess.run(command, cwd=out).returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC,
                        help="a folder laid out like notebooks/ (default: notebooks/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="where to build (default: build/book/)")
    args = parser.parse_args(argv)
    src, out = args.src.resolve(), args.out.resolve()
    if out.is_relative_to(src):
        parser.error(f"--out {out} is inside the notebooks folder {src}")
    paths = lessons(src)
    if not paths:
        parser.error(f"no lessons NN_topic.ipynb in {src / 'solutions'}")

    started = time.monotonic()
    staged = out / "src"
    notes = appendix(src)
    stage_pages(src, staged, [p.name for p in paths], [p.name for p in notes])
    for old in (staged / "lessons").glob("*.ipynb"):  # a lesson renamed or removed
        if old.name not in {p.name for p in paths}:
            old.unlink()
    os.environ.pop("MPLBACKEND", None)  # `make test` sets Agg: the kernels would draw nothing
    terms = json.loads((staged / "_static" / "course-glossary.json").read_text(encoding="utf-8"))
    failures = build_lessons(paths, staged, get_cache(out / "cache"), library=library_digest(),
                             terms=terms, appendix_paths=notes)
    if failures:
        print("\nFAILED: the book was not built.\n\n" + "\n\n".join(failures), file=sys.stderr)
        return 1
    if jupyter_book(staged, out) != 0:
        print("FAILED: jupyter-book build", file=sys.stderr)
        return 1
    html = out / "_build" / "html"
    print(f"built in {time.monotonic() - started:.0f} s: {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
