"""tools/build_html.py on tiny notebooks: the index, a page with its figure, a failing cell.

No browser: tests/browser/ opens the real course in Chromium.
"""
import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPO = Path(__file__).resolve().parents[1]
BUILD_HTML = REPO / "tools" / "build_html.py"

spec = importlib.util.spec_from_file_location("build_html", BUILD_HTML)
build_html = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_html)

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write_notebook(folder, name, cells):
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)
    return folder / name


def snapshot(folder):
    """Every file under `folder` with its size, modification time and contents' hash."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns,
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


PLOT_LESSON = [
    new_markdown_cell("# 01 · A plot\n\nOne figure, drawn by *matplotlib*.\n\n## 1. More"),
    new_code_cell("import matplotlib.pyplot as plt\n"
                  "from pathlib import Path\n"
                  "points = [float(v) for v in Path('points.txt').read_text().split()]\n"
                  "Path('written_by_the_lesson.txt').write_text('scratch')"),
    new_code_cell("plt.plot(points)\nplt.title('points')\nplt.show()"),
    new_code_cell("from tqdm.auto import tqdm\nfor _ in tqdm(range(3), desc='epochs'):\n    pass"),
    new_code_cell("raise ValueError('shown on purpose')", metadata={"tags": ["raises-exception"]}),
]


@pytest.fixture
def course(tmp_path):
    """A notebooks folder with one lesson that plots, reads a data file and writes one."""
    src = tmp_path / "notebooks"
    write_notebook(src, "01_plot.ipynb", PLOT_LESSON)
    (src / "points.txt").write_text("1 3 2 4")
    return src


def test_index_lists_the_lesson_and_its_page_embeds_the_figure(course, tmp_path):
    out = tmp_path / "html"
    before = snapshot(course)

    assert build_html.main(["--src", str(course), "--out", str(out)]) == 0

    index = (out / "index.html").read_text()
    assert '<a class="lesson-title" href="01_plot.html">A plot</a>' in index
    assert "One figure, drawn by <em>matplotlib</em>." in index

    page = (out / "01_plot.html").read_text()
    assert re.search(r'<img[^>]+src="data:image/png;base64,[A-Za-z0-9+/=\n]{100,}', page)
    # Offline: no picture, script or widget manager fetched from the network.
    assert not re.search(r'<img[^>]+src="(https?:)?//', page)
    assert "require.js" not in page and "embed-amd.js" not in page
    assert "application/vnd.jupyter.widget-state+json" not in page
    assert '<progress class="course-widget-progress' in page  # tqdm's bar, frozen
    assert '<a href="index.html">' in page
    assert "shown on purpose" in page  # a cell tagged raises-exception may raise, as in nbval

    # The notebook ran in a copy: its folder is as it was, nothing written beside it.
    assert snapshot(course) == before
    assert not (course / "written_by_the_lesson.txt").exists()
    assert not list(course.rglob(".ipynb_checkpoints"))


def test_failing_cell_fails_the_build_naming_notebook_and_cell(tmp_path):
    src = tmp_path / "notebooks"
    write_notebook(src, "02_broken.ipynb", [
        new_markdown_cell("# 02 · Broken"),
        new_code_cell("x = 1"),
        new_code_cell("# the cell that divides by zero\ny = x / 0"),
        new_code_cell("z = 3"),
    ])
    before = snapshot(src)
    result = subprocess.run(
        [sys.executable, str(BUILD_HTML), "--src", str(src), "--out", str(tmp_path / "html")],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stderr.split("FAILED", 1)[-1]
    assert "02_broken.ipynb" in summary
    assert "cell 3 of 4" in summary and "the cell that divides by zero" in summary
    assert "ZeroDivisionError" in summary
    assert not (tmp_path / "html" / "02_broken.html").exists()
    assert snapshot(src) == before


def test_only_builds_one_lesson_and_if_stale_the_rest(course, tmp_path, capsys):
    write_notebook(course, "02_text.ipynb", [new_markdown_cell("# 02 · Text\n\nNo code.")])
    out = tmp_path / "html"
    assert build_html.main(["--src", str(course), "--out", str(out), "--only", "02_text"]) == 0
    assert (out / "02_text.html").exists() and not (out / "01_plot.html").exists()
    index = (out / "index.html").read_text()
    assert "(not built)" in index and 'href="02_text.html"' in index

    assert build_html.main(["--src", str(course), "--out", str(out), "--if-stale"]) == 0
    assert "1 lesson(s)" in capsys.readouterr().out  # 01 only: 02 was up to date
    assert 'href="01_plot.html"' in (out / "index.html").read_text()
    assert build_html.main(["--src", str(course), "--out", str(out), "--if-stale"]) == 0
    assert "up to date" in capsys.readouterr().out

    with pytest.raises(SystemExit, match="no such lesson"):
        build_html.main(["--src", str(course), "--out", str(out), "--only", "09_nothing"])


def test_out_inside_the_notebooks_folder_is_refused(course):
    with pytest.raises(SystemExit) as stop:
        build_html.main(["--src", str(course), "--out", str(course / "html")])
    assert stop.value.code == 2


# --- titles and index lines (no kernel) ---------------------------------------------------------

def info(*markdown, metadata=None):
    nb = new_notebook(cells=[new_markdown_cell(m) for m in markdown], metadata=metadata or {})
    return build_html.lesson_info(nb, "09_topic_name.ipynb")


def test_title_is_the_first_heading_and_the_line_the_first_paragraph_under_it():
    assert info("# 05 · Houses\n\nA small network.\n\nMore.") == ("05 · Houses", "A small network.")
    assert info("intro", "## Heading two\nIts text\non two lines.") == \
        ("Heading two", "Its text on two lines.")


def test_the_line_skips_labels_lists_and_list_intros():
    assert info("# T\n\nThe steps:\n\n1. one\n2. two\n\nThis lesson does all.\n\n"
                "**What you will learn**\n\n- a thing") == ("T", "This lesson does all.")
    # No sentence before "What you will learn": the first thing learnt.
    assert info("# T\n\n**What you will learn**\n\n- how a neuron adds: w·x + b;\n- more\n\n"
                "Source: an article.") == ("T", "You will learn how a neuron adds.")


def test_long_paragraphs_are_cut_after_their_first_sentence():
    long = "First sentence here. " + "word " * 80
    assert info(f"# T\n\n{long}")[1] == "First sentence here."


def test_fallbacks_and_metadata():
    assert info("no heading at all") == ("Topic name", "")
    assert info("# T\n\nText.", metadata={"description": "Said in metadata."}) == \
        ("T", "Said in metadata.")
