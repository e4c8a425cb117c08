"""book/build.py (the HTML edition) on small notebooks, without Sphinx or a browser.

tests/browser/test_book.py builds the real book and opens it in Chromium.
"""
import base64
import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_cache import get_cache
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load("book_build", BOOK / "build.py")
widgets = load("book_widgets", BOOK / "widgets.py")
docstrings = load("plain_docstrings", BOOK / "_ext" / "plain_docstrings.py")

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
EXERCISE = ("def double(x):\n"
            "    # Twice x.\n"
            "    ### BEGIN SOLUTION\n"
            "    return 2 * x\n"
            "    ### END SOLUTION")


def notebook(*cells):
    return new_notebook(cells=list(cells), metadata={"kernelspec": KERNELSPEC})


def write_course(folder, lessons):
    """A folder laid out like notebooks/: solutions/NAME and the student NAME."""
    for name, nb in lessons.items():
        for where in (folder / "solutions", folder):
            where.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, where / name)
    return folder


def snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- staging: solutions hidden, the student notebook linked ----------------------------------

def test_an_exercise_shows_the_students_version_and_hides_the_solution():
    solution = notebook(new_markdown_cell("# 01 · Title\n\nIntro."),
                        new_code_cell("import numpy as np\nstrict = True  # solution-only"),
                        new_code_cell(EXERCISE),
                        new_code_cell("double(2)"))
    original = nbformat.writes(solution)
    staged, origin = build.prepare(solution, "01_title.ipynb")

    assert nbformat.writes(solution) == original  # the solution notebook is not changed
    kinds = [c.cell_type for c in staged.cells]
    assert kinds == ["markdown", "markdown", "code", "markdown", "code", "code"]
    assert origin == [0, None, 1, None, 2, 3]

    box = staged.cells[1].source
    assert "{download}`01_title.ipynb <../students/01_title.ipynb>`" in box
    assert "make lab" in box
    assert staged.cells[2].source == "import numpy as np"  # the solution-only line is gone

    exercise, answer = staged.cells[3], staged.cells[4]
    assert exercise.source.startswith("```python\ndef double(x):\n    # Twice x.\n")
    assert "# YOUR CODE HERE" in exercise.source and "NotImplementedError" in exercise.source
    assert "return 2 * x" not in exercise.source
    assert answer.source == "def double(x):\n    # Twice x.\n    return 2 * x"
    assert "hide-input" in answer.metadata["tags"]
    assert answer.metadata["mystnb"] == {"code_prompt_show": "Show solution",
                                         "code_prompt_hide": "Hide solution"}
    # The same staged notebook every time, so Sphinx and the cache see no change.
    assert nbformat.writes(build.prepare(solution, "01_title.ipynb")[0]) == \
        nbformat.writes(staged)


def test_the_toc_lists_the_lessons_in_order_then_the_reference(tmp_path):
    for name in ["02_b.ipynb", "01_a.ipynb", "10_c.ipynb", "notes.ipynb"]:
        (tmp_path / "solutions").mkdir(exist_ok=True)
        (tmp_path / "solutions" / name).write_text("{}")
    names = [p.name for p in build.lessons(tmp_path)]
    assert names == ["01_a.ipynb", "02_b.ipynb", "10_c.ipynb"]
    toc = build.toc(names)
    files = re.findall(r"- file: (\S+)", toc)
    assert files == ["lessons/01_a", "lessons/02_b", "lessons/10_c", "glossary", "api"]
    assert "root: intro" in toc


def test_the_api_page_documents_every_nnlib_module_core_first(tmp_path):
    (tmp_path / "zeta.py").write_text("")
    for name in ["layers", "model", "_private", "alpha"]:
        (tmp_path / f"{name}.py").write_text("")
    page = build.api_page("# nnlib reference\n\nIntro.", package=tmp_path)
    assert page.startswith("# nnlib reference\n\nIntro.\n")
    documented = re.findall(r"^\.\. automodule:: (\S+)$", page, re.M)
    assert documented == ["nnlib.model", "nnlib.layers", "nnlib.alpha", "nnlib.zeta"]
    assert "## `nnlib.layers`" in page

    real = re.findall(r"^\.\. automodule:: (\S+)$",
                      build.api_page((BOOK / "api.md").read_text()), re.M)
    assert set(real) == {f"nnlib.{p.stem}" for p in (REPO / "nnlib").glob("*.py")
                         if not p.stem.startswith("_")} | {f"nnlib.{n}" for n in build.ROOMS}
    assert "nnlib.checks" in real and "nnlib.playground.core" in real


def test_indented_docstring_blocks_become_literal_blocks():
    lines = ["Dense layer.", "", "Shapes:", "    x  (n, n_in)", "    a  (n, units)",
             "After the table.", "    >>> code", "", "End."]
    assert docstrings.literal_blocks(lines) == [
        "Dense layer.", "", "Shapes:", "", "::", "", "    x  (n, n_in)", "    a  (n, units)",
        "", "After the table.", "", "::", "", "    >>> code", "", "End."]
    # Lines lined up in columns are a table even without an indent; prose is left alone.
    aligned = ["The same.", "", "dL/dW = x^T dL/dz   (n_in, units)",
               "dL/dx = dL/dz W^T   (n, n_in)", "", "Two  spaces once.", "Then prose."]
    assert docstrings.literal_blocks(aligned) == [
        "The same.", "", "::", "", "    dL/dW = x^T dL/dz   (n_in, units)",
        "    dL/dx = dL/dz W^T   (n, n_in)", "", "Two  spaces once.", "Then prose."]


# --- widgets: the last state they drew -------------------------------------------------------

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n fake").decode()


def model(name, **state):
    return {"model_name": name, "model_module": "@jupyter-widgets/controls", "state": state}


def widget_output(model_id, **extra):
    data = {widgets.WIDGET_VIEW: {"model_id": model_id, "version_major": 2}, "text/plain": "VBox"}
    data.update(extra)
    return new_output("display_data", data=data)


def executed_with_widgets(state, *outputs):
    cell = new_code_cell("explorer()")
    cell.outputs = list(outputs)
    nb = notebook(cell)
    nb.metadata["widgets"] = {widgets.WIDGET_STATE: {"state": state, "version_major": 2}}
    return nb


def test_an_explorer_becomes_its_last_picture_with_a_line_on_running_it_live():
    state = {
        "box": model("VBoxModel", children=["IPY_MODEL_size", "IPY_MODEL_out"]),
        "size": model("IntSliderModel", description="Hidden size", value=3, min=1, max=50),
        "out": model("OutputModel", outputs=[
            {"output_type": "display_data", "data": {"image/png": PNG, "text/plain": "fig"},
             "metadata": {}}]),
    }
    nb = executed_with_widgets(state, widget_output("box"))
    assert widgets.freeze_widgets(nb) == 1
    assert "widgets" not in nb.metadata  # no state, so no widget manager on the page
    (output,) = nb.cells[0].outputs
    assert set(output.data) == {"text/html", "text/plain"}
    page = output.data["text/html"]
    assert f'<img src="data:image/png;base64,{PNG}"' in page
    assert "Hidden size" in page and 'value="3"' in page and "disabled" in page
    assert "snapshot" in page and "<code>make lab</code>" in page


def test_a_progress_bar_is_drawn_without_the_line_and_a_closed_widget_is_dropped():
    state = {"bar": model("HBoxModel", children=["IPY_MODEL_text", "IPY_MODEL_progress"]),
             "text": model("HTMLModel", value="epochs: 100%"),
             "progress": model("FloatProgressModel", value=50, max=50)}
    nb = executed_with_widgets(state, widget_output("bar"), widget_output("closed"))
    assert widgets.freeze_widgets(nb) == 1
    (output,) = nb.cells[0].outputs
    page = output.data["text/html"]
    assert '<progress class="course-widget-progress" max="50" value="50">' in page
    assert "epochs: 100%" in page and "make lab" not in page


def test_a_widget_image_or_a_picture_beside_the_widget_is_shown():
    image = dict(model("ImageModel", format="png"),
                 buffers=[{"path": ["value"], "data": PNG, "encoding": "base64"}])
    state = {"image": image, "slider": model("FloatSliderModel", value=0.5)}
    nb = executed_with_widgets(state, widget_output("image"),
                               widget_output("slider", **{"image/png": "Zm9v"}))
    assert widgets.freeze_widgets(nb) == 2
    first, second = (o.data["text/html"] for o in nb.cells[0].outputs)
    assert f"data:image/png;base64,{PNG}" in first and "make lab" not in first
    # The bundle's own picture (a widget's static fallback) wins over the state.
    assert "data:image/png;base64,Zm9v" in second and "make lab" in second


# --- execution: a cache, and a failing cell named --------------------------------------------

def test_an_unchanged_lesson_is_not_run_again(tmp_path):
    write_course(tmp_path / "notebooks", {"01_a.ipynb": notebook(
        new_markdown_cell("# 01 · A"), new_code_cell("print(6 * 7)"))})
    paths = build.lessons(tmp_path / "notebooks")
    staged, cache = tmp_path / "src", get_cache(tmp_path / "cache")
    said = []

    assert build.build_lessons(paths, staged, cache, report=said.append, library="v1") == []
    written = (staged / "lessons" / "01_a.ipynb").stat().st_mtime_ns
    assert build.build_lessons(paths, staged, cache, report=said.append, library="v1") == []
    assert said[0].startswith("01_a.ipynb: ran in") and said[1] == "01_a.ipynb: cached"
    # The same page either way: not rewritten, so Sphinx does not read it again.
    assert (staged / "lessons" / "01_a.ipynb").stat().st_mtime_ns == written
    page = nbformat.read(staged / "lessons" / "01_a.ipynb", as_version=4)
    assert page.cells[-1].outputs[0]["text"] == "42\n"

    # Run again when nnlib changed, or the lesson's code.
    assert build.build_lessons(paths, staged, cache, report=said.append, library="v2") == []
    assert said[2].startswith("01_a.ipynb: ran in")
    changed = notebook(new_markdown_cell("# 01 · A"), new_code_cell("print(6 * 9)"))
    nbformat.write(changed, paths[0])
    assert build.build_lessons(paths, staged, cache, report=said.append, library="v2") == []
    assert said[3].startswith("01_a.ipynb: ran in")


def test_the_library_digest_follows_nnlibs_source(tmp_path):
    (tmp_path / "layers.py").write_text("x = 1\n")
    before = build.library_digest(tmp_path)
    assert build.library_digest(tmp_path) == before
    (tmp_path / "layers.py").write_text("x = 2\n")
    assert build.library_digest(tmp_path) != before


def test_a_failing_cell_fails_the_build_naming_the_lesson_and_the_cell(tmp_path):
    course = write_course(tmp_path / "notebooks", {
        # A cell tagged raises-exception may raise, as under nbval.
        "01_fine.ipynb": notebook(new_markdown_cell("# 01"), new_code_cell(
            "raise ValueError('allowed')", metadata={"tags": ["raises-exception"]})),
        "02_broken.ipynb": notebook(
            new_markdown_cell("# 02 · Broken"), new_code_cell("x = 1"),
            new_code_cell("# the cell that divides by zero\ny = x / 0"),
            new_code_cell("z = 3"))})
    before = snapshot(course)
    out = tmp_path / "book"
    result = subprocess.run([sys.executable, str(BOOK / "build.py"), "--src", str(course),
                             "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stderr.split("FAILED", 1)[-1]
    assert "02_broken.ipynb: cell 3 of 4 failed" in summary
    assert "the cell that divides by zero" in summary and "ZeroDivisionError" in summary
    assert "01_fine" not in summary
    assert (out / "src" / "lessons" / "01_fine.ipynb").is_file()  # the others still ran
    assert not (out / "_build").exists()  # no book with a lesson missing
    assert snapshot(course) == before  # notebooks/ is only read


def test_out_inside_the_notebooks_folder_is_refused(tmp_path):
    course = write_course(tmp_path / "notebooks", {"01_a.ipynb": notebook()})
    with pytest.raises(SystemExit) as stop:
        build.main(["--src", str(course), "--out", str(course / "book")])
    assert stop.value.code == 2


# --- issue 23: the glossary both ways, alt text, the playground's frames ---------------------

glossary_links = load("glossary_links", BOOK / "glossary_links.py")
alt_text = load("alt_text", BOOK / "alt_text.py")
scrubber = load("scrubber", BOOK / "scrubber.py")

GLOSSARY = """# Glossary

**Mean squared error (MSE).** The mean of the squared differences.
— [Lesson 01](../notebooks/01_a.ipynb), "The loss"; more in
[lesson 02](../notebooks/02_b.ipynb), "2. Not a heading"

**Sigmoid.** Squashes a number into 0 to 1. — [Lesson 01](../notebooks/01_a.ipynb), "1. One
neuron"
"""


def test_the_glossary_links_the_section_that_explains_each_term():
    lesson = notebook(new_markdown_cell("# 01 · A\n\n## 1. One neuron\n\n### The loss"),
                      new_markdown_cell("## The loss\n\ntext"))
    headings = glossary_links.lesson_headings(lesson)
    assert headings == [("01 · A", "a"), ("1. One neuron", "one-neuron"),
                        ("The loss", "the-loss"), ("The loss", "the-loss")]
    text, unresolved = glossary_links.book_glossary(GLOSSARY, {"01_a": headings, "02_b": []})
    link = '<a class="reference internal course-section-link" href="lessons/01_a.html#{}">{}</a>'
    assert link.format("the-loss", 'Lesson 01, "The loss"') in text
    assert link.format("one-neuron", 'Lesson 01, "1. One neuron"') in text
    # A section the lesson does not have: the link goes to the lesson's top, and is reported.
    assert '[lesson 02](lessons/02_b.ipynb), "2. Not a heading"' in text
    assert unresolved == ['"2. Not a heading" in 02_b']
    assert "(glossary-mean-squared-error-mse)=\n**Mean squared error (MSE).**" in text
    terms = glossary_links.search_terms(text)
    assert terms[0] == {"label": "glossary-mean-squared-error-mse",
                        "words": ["Mean squared error", "MSE"],
                        "page": "lessons/01_a", "anchor": "the-loss"}


def test_a_terms_first_use_in_the_text_links_to_its_entry():
    terms = [{"label": "glossary-mse", "words": ["Mean squared error", "MSE"]},
             {"label": "glossary-sigmoid", "words": ["Sigmoid"]}]
    nb = notebook(new_markdown_cell("## The sigmoid\n\n`sigmoid(z)` is $sigmoid$ and [sigmoid]"
                                    "(x.md); the sigmoids here.\n\nAgain the sigmoid; the MSE."),
                  new_markdown_cell("```python\nMSE = 1\n```\nThe mse and the MSE."))
    assert glossary_links.link_first_uses(nb, terms) == 2
    first, second = nb.cells[0].source, nb.cells[1].source
    assert first.startswith("## The sigmoid\n")      # not in a heading
    assert "`sigmoid(z)` is $sigmoid$ and [sigmoid](x.md); the {ref}`sigmoids " \
           "<glossary-sigmoid>` here." in first     # not in code, math or a link
    assert "Again the sigmoid; the {ref}`MSE <glossary-mse>`." in first   # the first use only
    assert second == "```python\nMSE = 1\n```\nThe mse and the MSE."   # acronyms as written


def test_each_figure_gets_alt_text_from_an_alt_line_the_figure_or_the_text_before():
    def picture(data, alt=None):
        return new_output("display_data", data={"image/png": base64.b64encode(data).decode()},
                          metadata={"image/png": {"alt": alt}} if alt else {})

    drawn = new_code_cell("plt.plot(x)\n# alt: The loss falls from 0.7 to 0.1.\nplt.plot(y)")
    drawn.outputs = [picture(b"one", "loss against epoch"), picture(b"two")]
    read = new_code_cell("plt.plot(x)")
    read.outputs = [picture(b"three", "Panel 1 of 2: loss against epoch.")]
    bare = new_code_cell("plt.plot(x)")
    bare.outputs = [picture(b"four")]
    nb = notebook(new_markdown_cell("# Title\n\nFirst. The curve **falls** fast."),
                  drawn, read, bare)
    found = alt_text.alt_texts(nb)
    digest = {name: hashlib.sha256(name).hexdigest() for name in (b"one", b"two", b"three",
                                                                  b"four")}
    assert found[digest[b"one"]] == "The loss falls from 0.7 to 0.1."
    assert found[digest[b"two"]] == "A figure for: The curve falls fast."
    assert found[digest[b"three"]] == "A figure: Panel 1 of 2: loss against epoch."
    assert found[digest[b"four"]] == "A figure for: The curve falls fast."
    compile(alt_text.ALT_SETUP, "ALT_SETUP", "exec")


def test_the_playground_and_its_run_are_found_and_frames_span_the_run():
    nb = notebook(
        new_code_cell('from nnlib.playground import Playground\n\nsettings = dict(data="xor", '
                      'hidden=[4], learning_rate=1.0, seed=0)\npg = Playground(**settings)\npg'),
        new_code_cell("watched = Playground(**settings).train(500)"))
    index, settings, epochs = scrubber.find_playground(nb)
    assert (index, epochs) == (0, 500)
    assert settings == {"data": "xor", "hidden": [4], "learning_rate": 1.0, "seed": 0}
    frames = scrubber.epochs_to_record(500)
    assert frames[0] == 0 and frames[-1] == 500 and len(frames) == scrubber.FRAMES
    assert scrubber.find_playground(notebook(new_code_cell("pg = Playground()"))) is None
