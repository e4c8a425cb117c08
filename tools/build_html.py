#!/usr/bin/env python3
"""The course as students meet it: execute every solution notebook, render it as HTML.

    python tools/build_html.py                  # every lesson -> build/html/
    python tools/build_html.py --only 02_gender # one lesson (the index still lists all)
    python tools/build_html.py --if-stale       # rebuild only if a source changed

Writes `index.html` (the lessons in order, one line each: the title is the notebook's first
markdown heading, the line under it its first paragraph) and one page per lesson,
`NN_topic.html`, with its outputs. Figures are embedded as data: URIs, so the pages need no
network and no other file.

How it runs the notebooks: each solution notebook is read into memory and executed with
nbclient (kernel python3, a timeout per cell) with its working directory in a temporary copy
of the notebooks folder, so relative paths resolve as in the repo but whatever a notebook
writes (saved models, checkpoints) lands in the copy: nothing is ever written into notebooks/.
A cell error fails the build (exit 1) naming the notebook and the cell; the other lessons are
still built and reported. Cells tagged `raises-exception` may raise, as under nbval.

Offline choices:
- Widgets (the tqdm progress bars of `fit(verbose=1)`, the explorers' sliders) become a static
  snapshot of their last state, drawn in plain HTML: a progress bar, a disabled slider, the
  pictures an Output widget held. The embedded widget state and the widget manager that the
  stock template would load from a CDN are dropped.
- require.js is not loaded (nothing on the pages needs it once the widgets are static).
- Math: the pages load MathJax from its CDN, as nbconvert does (`--mathjax-url` points it
  elsewhere, for example at a local copy). Offline the formulas stay readable as their TeX
  source, `$\\sigma(z)$`; everything else, figures included, renders without network.
"""
import argparse
import concurrent.futures
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO / "notebooks" / "solutions"
DEFAULT_OUT = REPO / "build" / "html"
MANIFEST = "build-info.json"
LESSON_RE = re.compile(r"^(\d+)_[\w\-]+\.ipynb$")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
KERNEL_ENV = {"TF_CPP_MIN_LOG_LEVEL": "2", "TF_ENABLE_ONEDNN_OPTS": "0"}
DESCRIPTION_MAX = 240  # characters of markdown on the index line


class BuildError(Exception):
    """A lesson that could not be built; the message names the notebook and the cell."""


# --- Lessons and their titles -------------------------------------------------------------------

def find_lessons(src):
    """The lesson notebooks in `src` (NN_topic.ipynb), in course order."""
    found = [p for p in Path(src).glob("*.ipynb") if LESSON_RE.match(p.name)]
    return sorted(found, key=lambda p: (int(LESSON_RE.match(p.name).group(1)), p.name))


def _blocks(markdown):
    """Markdown split into blocks at blank lines, fenced code kept whole."""
    blocks, current, fenced = [], [], False
    for line in markdown.splitlines():
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _is_heading(block):
    return re.match(r"^\s{0,3}#{1,6}\s", block) is not None


def _is_paragraph(block):
    """Prose: not a heading, a list, a table, code, html, an image or a rule."""
    first = block.lstrip()
    if _is_heading(block) or re.match(r"^([-*+]|\d+[.)])\s", first):
        return False
    if first.startswith(("|", "```", "~~~", "<", "![", "    ", "\t", "$$")):
        return False
    return re.fullmatch(r"[-*_=\s]+", first) is None


def _one_line(text):
    """A paragraph as one line, cut at a sentence end (or a word) when it is long."""
    text = " ".join(line.strip().lstrip(">").strip() for line in text.splitlines())
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= DESCRIPTION_MAX:
        return text
    sentence = re.match(r"^(.{10,%d}?[.!?])(\s|$)" % DESCRIPTION_MAX, text)
    if sentence:
        return sentence.group(1)
    return text[:DESCRIPTION_MAX].rsplit(" ", 1)[0] + " …"


# Index lines for lessons whose notebook opens without a sentence saying what the lesson is
# (heading, then straight into "What you will learn"). A sentence under the notebook's heading
# wins over this table.
DESCRIPTIONS = {
    "01_neuron_and_network_by_hand": "What one neuron computes, then a 2-2-2 network's forward "
                                     "pass and one step of backpropagation, worked by hand.",
    "02_gender": "A 2-2-1 network tells female from male by weight and height, trained one "
                 "person at a time, then redone with nnlib and Keras.",
    "03_xor": "Why one neuron cannot compute XOR, and a 2-4-1 network that learns it.",
    "04_three_levels": "One small network written three times, in plain Python, numpy and "
                       "nnlib, that ends with the same weights.",
}


def _is_label(block):
    """A bold line standing as a heading: **What you will learn**."""
    return re.fullmatch(r"\s*(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*", block) is not None


def lesson_info(nb, filename):
    """(title, description) of a lesson, read from its notebook.

    title: the first markdown heading. description (markdown, one line): the first paragraph of
    prose between that heading and the next heading or bold label ("**What you will learn**"),
    leaving out one that ends with a colon (it introduces a list); long ones are cut at the
    end of their first sentence. When the introduction has no such paragraph, the line comes
    from DESCRIPTIONS, else from the first thing the lesson says you will learn.
    A notebook without a heading is titled after its file name. Notebook metadata "title" and
    "description" (File > Notebook metadata... in JupyterLab's property inspector) win.
    """
    title = description = first_item = None
    intro_open = False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in _blocks(cell.source):
            if title is None:
                if _is_heading(block):
                    lines = block.strip().splitlines()
                    title = re.sub(r"^#+\s*|\s*#+\s*$", "", lines[0]).strip()
                    intro_open = True
                    block = "\n".join(lines[1:])  # text may follow on the next lines
                    if not block.strip():
                        continue
                else:
                    continue
            if first_item is None and re.match(r"^\s*([-*+]|\d+[.)])\s", block):
                first_item = re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", block).split("\n- ")[0]
            if _is_heading(block) or _is_label(block):
                intro_open = False
            elif (intro_open and description is None and _is_paragraph(block)
                  and not block.rstrip().endswith(":")):
                description = _one_line(block)
        if title is not None:
            intro_open = False  # the introduction is the heading's own cell
        if description is not None and first_item is not None:
            break
    stem = Path(filename).stem
    title = nb.metadata.get("title") or title
    description = nb.metadata.get("description") or description
    if title is None:
        words = re.sub(r"^\d+_", "", stem).replace("_", " ")
        title = words[:1].upper() + words[1:] if words else stem
    if description is None:
        description = DESCRIPTIONS.get(stem)
    if description is None and first_item:
        item = _one_line(re.split(r"[;:]\s", first_item.strip().rstrip(";."))[0])
        description = f"You will learn {item}."
    return title, description or ""


def inline_markdown(text):
    """Markdown of one line -> inline HTML (emphasis, code, links)."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.S)


# --- Freshness ----------------------------------------------------------------------------------

def _digest(paths):
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def source_digest(notebook):
    """What a lesson page depends on: its notebook, nnlib and this script."""
    nnlib_files = sorted((REPO / "nnlib").glob("*.py"))
    return _digest([Path(notebook), Path(__file__).resolve(), *nnlib_files])


def read_manifest(out):
    try:
        return json.loads((Path(out) / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def stale_lessons(lessons, out):
    """The lessons whose page is missing or older than its sources."""
    built = read_manifest(out).get("lessons", {})
    return [nb for nb in lessons
            if not (Path(out) / page_name(nb)).is_file()
            or built.get(nb.name) != source_digest(nb)]


def page_name(notebook):
    return Path(notebook).stem + ".html"


# --- Execution ----------------------------------------------------------------------------------

def kernel_env():
    env = dict(os.environ, **KERNEL_ENV)
    # `make test` exports MPLBACKEND=Agg: a kernel that inherited it would draw no figures.
    env.pop("MPLBACKEND", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def copy_notebooks_folder(src, into):
    """Copy the folder the notebooks run in; returns the copy of `src` inside `into`.

    For notebooks/solutions the whole notebooks/ folder is copied, so `../` from a solution
    reaches what it reaches in the repo.
    """
    src = Path(src).resolve()
    root = src.parent if src.name == "solutions" else src
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "build")
    copy = Path(into) / root.name
    shutil.copytree(root, copy, ignore=ignore, symlinks=True)
    return copy / src.relative_to(root)


def _cell_summary(cell, index, n_cells):
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    if len(first) > 70:
        first = first[:67] + "..."
    count = cell.get("execution_count")
    prompt = f", In [{count}]" if count else ""
    return f"cell {index + 1} of {n_cells}{prompt}: `{first}`"


def execute(nb, cwd, name, timeout, kernel_name="python3"):
    """Run `nb` in place. Raises BuildError naming the notebook and the failing cell."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    if not any(cell.cell_type == "code" and cell.source.strip() for cell in nb.cells):
        return  # nothing to run: no kernel
    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index

    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name,
                            resources={"metadata": {"path": str(cwd)}},
                            on_cell_start=on_cell_start)
    try:
        client.execute(cwd=str(cwd), env=kernel_env())
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        index = current["index"]
        where = (_cell_summary(nb.cells[index], index, len(nb.cells))
                 if index is not None else "starting the kernel")
        if isinstance(error, CellExecutionError):
            what = f"{error.ename}: {error.evalue}"
            details = ANSI_RE.sub("", str(error))
        elif isinstance(error, CellTimeoutError):
            what = f"timed out after {timeout} s"
            details = str(error)
        else:
            what = "the kernel died"
            details = str(error)
        raise BuildError(f"{name}, {where}\n  {what}", details) from None


# --- Widgets as static HTML ---------------------------------------------------------------------

def _data_uri(mime, data):
    if isinstance(data, list):
        data = "".join(data)
    return f"data:{mime};base64,{data.strip()}"


def _render_output(output):
    """One output of an Output widget, as HTML."""
    kind = output.get("output_type")
    if kind == "stream":
        return f'<pre class="course-widget-stream">{html.escape(_text(output.get("text")))}</pre>'
    if kind == "error":
        text = ANSI_RE.sub("", "\n".join(output.get("traceback", [])))
        return f'<pre class="course-widget-error">{html.escape(text)}</pre>'
    data = output.get("data", {})
    for mime in ("image/png", "image/jpeg", "image/gif"):
        if mime in data:
            return f'<img src="{_data_uri(mime, data[mime])}" alt="figure">'
    if "image/svg+xml" in data:
        return _text(data["image/svg+xml"])
    if "text/html" in data:
        return _text(data["text/html"])
    if "text/markdown" in data:
        from nbconvert.filters.markdown_mistune import markdown2html_mistune

        return markdown2html_mistune(_text(data["text/markdown"]))
    if "text/plain" in data:
        return f"<pre>{html.escape(_text(data['text/plain']))}</pre>"
    return ""


def _text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


class WidgetSnapshot:
    """Draw widgets from the state nbclient recorded, in plain HTML with no script."""

    def __init__(self, state):
        self.state = state

    def model(self, ref):
        model_id = ref[len("IPY_MODEL_"):] if isinstance(ref, str) and ref.startswith(
            "IPY_MODEL_") else ref
        entry = self.state.get(model_id)
        return entry if isinstance(entry, dict) else None

    def render(self, model_id, depth=0):
        entry = self.model(model_id)
        if entry is None or depth > 20:
            return ""
        name = entry.get("model_name", "")
        s = entry.get("state", {})
        desc = s.get("description") or ""
        label = (f'<span class="course-widget-label">{html.escape(desc)}</span>'
                 if desc else "")
        if name in ("HBoxModel", "VBoxModel", "BoxModel", "GridBoxModel", "TabModel",
                    "AccordionModel", "StackModel"):
            direction = "row" if name == "HBoxModel" else "column"
            inner = "".join(self.render(child, depth + 1) for child in s.get("children", []))
            return (f'<div class="course-widget-box" style="flex-direction:{direction}">'
                    f"{inner}</div>")
        if name in ("HTMLModel", "HTMLMathModel"):
            return f'<span class="course-widget-html">{label}{s.get("value", "")}</span>'
        if name == "LabelModel":
            return f'<span class="course-widget-html">{html.escape(str(s.get("value", "")))}</span>'
        if name in ("FloatProgressModel", "IntProgressModel"):
            low, high, value = (float(s.get(k, d)) for k, d in
                                (("min", 0), ("max", 100), ("value", 0)))
            style = s.get("bar_style") or ""
            return (f'{label}<progress class="course-widget-progress {html.escape(style)}" '
                    f'max="{high - low:g}" value="{value - low:g}"></progress>')
        if name.endswith("SliderModel") and "Range" not in name:
            value = s.get("value", 0)
            return (f'<span class="course-widget-control">{label}'
                    f'<input type="range" disabled min="{s.get("min", 0)}" '
                    f'max="{s.get("max", 100)}" step="{s.get("step", 1)}" value="{value}">'
                    f'<span class="course-widget-readout">{html.escape(str(value))}</span>'
                    f"</span>")
        if "_options_labels" in s:
            index = s.get("index")
            options = "".join(
                f'<option{" selected" if i == index else ""}>{html.escape(str(o))}</option>'
                for i, o in enumerate(s["_options_labels"]))
            return (f'<span class="course-widget-control">{label}'
                    f"<select disabled>{options}</select></span>")
        if name in ("CheckboxModel", "ToggleButtonModel"):
            checked = " checked" if s.get("value") else ""
            return (f'<span class="course-widget-control"><input type="checkbox" disabled'
                    f"{checked}>{label}</span>")
        if name == "ButtonModel":
            return f"<button disabled>{html.escape(desc)}</button>"
        if name.endswith("TextModel") or name.endswith("TextareaModel"):
            return (f'<span class="course-widget-control">{label}<input disabled '
                    f'value="{html.escape(str(s.get("value", "")))}"></span>')
        if name == "OutputModel":
            inner = "".join(_render_output(o) for o in s.get("outputs", []))
            return f'<div class="course-widget-output">{inner}</div>'
        return ""


def freeze_widgets(nb):
    """Replace widget outputs by static HTML snapshots and drop the widget state.

    The stock template would otherwise load the widget manager from a CDN to draw them.
    Widgets that were closed (for example a progress bar with leave=False) are dropped, as
    JupyterLab drops them.
    """
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    snapshot = WidgetSnapshot(state)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                outputs.append(output)
                continue
            drawn = snapshot.render(view.get("model_id"))
            if not drawn:
                continue
            output.data = {
                "text/html": (
                    '<div class="course-widget" title="A snapshot of an interactive widget: '
                    'run the notebook in JupyterLab to use it">' + drawn + "</div>"),
                "text/plain": output.data.get("text/plain", ""),
            }
            outputs.append(output)
        cell.outputs = outputs


# --- HTML ---------------------------------------------------------------------------------------

COURSE_CSS = """
.course-nav { display: flex; gap: 1.5em; align-items: baseline; padding: 0.6em 1em;
  border-bottom: 1px solid #ddd; font: 14px system-ui, sans-serif; background: #fafafa; }
.course-nav a { text-decoration: none; }
.course-nav .course-nav-spacer { flex: 1; }
.course-widget { border-left: 3px solid #ccc; padding: 0.3em 0.6em; margin: 0.2em 0; }
.course-widget-box { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; }
.course-widget-box[style*="column"] { align-items: flex-start; }
.course-widget-label { margin-right: 0.5em; }
.course-widget-progress { width: 20em; }
.course-widget-control { display: inline-flex; gap: 0.4em; align-items: center; }
.course-widget-output img { max-width: 100%; }
"""

PAGE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}<style type="text/css">{{ resources.course_css }}</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.course_nav }}
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.course_nav }}
{{ super() }}
{%- endblock body_footer -%}
"""


def nav_html(lessons, index):
    """Links to the index and to the previous and next lessons."""
    parts = ['<nav class="course-nav"><a href="index.html">↑ Course index</a>',
             '<span class="course-nav-spacer"></span>']
    if index > 0:
        prev = lessons[index - 1]
        parts.append(f'<a rel="prev" href="{page_name(prev.path)}">← '
                     f"{html.escape(prev.title)}</a>")
    if index + 1 < len(lessons):
        nxt = lessons[index + 1]
        parts.append(f'<a rel="next" href="{page_name(nxt.path)}">'
                     f"{html.escape(nxt.title)} →</a>")
    parts.append("</nav>")
    return "".join(parts)


def to_html(nb, name, src, nav, mathjax_url=None):
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", template_file="course.html.j2",
                            extra_loaders=[jinja2.DictLoader({"course.html.j2": PAGE_TEMPLATE})],
                            embed_images=True)
    if mathjax_url:
        exporter.mathjax_url = mathjax_url
    resources = {"metadata": {"name": name, "path": str(src)},
                 "course_css": COURSE_CSS, "course_nav": nav}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<style>
body {{ font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 50em;
  margin: 2em auto; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.8em; margin-bottom: 0.2em; }}
ol.lessons {{ padding-left: 0; list-style: none; }}
ol.lessons li {{ padding: 0.45em 0; border-bottom: 1px solid #eee; }}
.number {{ display: inline-block; min-width: 2.2em; color: #888;
  font-variant-numeric: tabular-nums; }}
.lesson-title {{ font-weight: 600; }}
.description {{ color: #555; }}
.missing {{ color: #999; font-style: italic; }}
footer {{ margin-top: 2em; color: #888; font-size: 0.85em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{subtitle}</p>
<ol class="lessons">
{items}
</ol>
<footer>Built from notebooks/solutions/ by tools/build_html.py on {date}.
Run the notebooks in JupyterLab (<code>make lab</code>) to change and rerun them.</footer>
</body>
</html>
"""


def index_html(lessons, out):
    items = []
    for lesson in lessons:
        number = LESSON_RE.match(lesson.path.name).group(1)
        # The number stands in its own column: "02 · Gender ..." -> "Gender ...".
        title = html.escape(re.sub(r"^\d+\s*[·.:\-–—]\s*", "", lesson.title) or lesson.title)
        description = inline_markdown(lesson.description) if lesson.description else ""
        sep = " — " if description else ""
        if (Path(out) / page_name(lesson.path)).is_file():
            head = f'<a class="lesson-title" href="{page_name(lesson.path)}">{title}</a>'
        else:
            head = (f'<span class="lesson-title">{title}</span> '
                    '<span class="missing">(not built)</span>')
        items.append(f'<li><span class="number">{number}</span>{head}{sep}'
                     f'<span class="description">{description}</span></li>')
    return INDEX_TEMPLATE.format(
        title="Neural networks from scratch",
        subtitle="The lessons, executed, with their figures. Each builds on the one before.",
        items="\n".join(items), date=time.strftime("%Y-%m-%d"))


# --- Building -----------------------------------------------------------------------------------

@dataclass
class Lesson:
    path: Path
    title: str
    description: str


def read_lessons(src):
    import nbformat

    lessons = []
    for path in find_lessons(src):
        nb = nbformat.read(path, as_version=4)
        title, description = lesson_info(nb, path.name)
        lessons.append(Lesson(path, title, description))
    return lessons


def build_lesson(lesson_path, src, nav, timeout, mathjax_url):
    """Execute one lesson in a scratch copy of its folder; returns (page html, seconds)."""
    import nbformat

    started = time.monotonic()
    lesson_path = Path(lesson_path)
    nb = nbformat.read(lesson_path, as_version=4)
    title, _ = lesson_info(nb, lesson_path.name)
    shown = _shown(lesson_path)
    with tempfile.TemporaryDirectory(prefix="build-html-") as scratch:
        cwd = copy_notebooks_folder(src, scratch)
        execute(nb, cwd, shown, timeout)
    freeze_widgets(nb)
    nb.metadata["title"] = title
    page = to_html(nb, lesson_path.stem, src, nav, mathjax_url)
    return page, time.monotonic() - started


def _shown(path):
    path = Path(path).resolve()
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def _build_one(args):
    """For the process pool: (name, digest, page or None, seconds, error, details)."""
    lesson_path, src, nav, timeout, mathjax_url = args
    digest = source_digest(lesson_path)  # of what is executed, should it change meanwhile
    try:
        page, seconds = build_lesson(lesson_path, src, nav, timeout, mathjax_url)
        return Path(lesson_path).name, digest, page, seconds, None, None
    except BuildError as error:
        message, details = error.args[0], (error.args[1] if len(error.args) > 1 else "")
        return Path(lesson_path).name, digest, None, 0.0, message, details


def select(lessons, only):
    """The lessons named by --only (NN_topic, NN_topic.ipynb or NN)."""
    if not only:
        return list(lessons)
    chosen = []
    for name in only:
        key = Path(name).name.removesuffix(".ipynb").removesuffix(".html")
        match = [lesson for lesson in lessons
                 if lesson.path.stem == key or lesson.path.stem.split("_")[0] == key]
        if len(match) != 1:
            names = ", ".join(lesson.path.stem for lesson in lessons) or "none"
            raise SystemExit(f"build_html: --only {name}: no such lesson (lessons: {names})")
        chosen += [m for m in match if m not in chosen]
    return chosen


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", metavar="NN_topic",
                        help="build only this lesson (repeatable); the index lists all")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default: build/html)")
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC,
                        help="the solution notebooks (default: notebooks/solutions)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell (300)")
    parser.add_argument("--jobs", "-j", type=int, default=1,
                        help="notebooks executed at once (default 1)")
    parser.add_argument("--if-stale", action="store_true",
                        help="only build the lessons whose notebook, nnlib or this script "
                             "changed since the last build")
    parser.add_argument("--mathjax-url", default=None,
                        help="where the pages load MathJax from (default: nbconvert's CDN)")
    args = parser.parse_args(argv)

    src, out = args.src.resolve(), args.out.resolve()
    if not src.is_dir():
        parser.exit(2, f"build_html: no folder {src}\n")
    if out == src or src in out.parents:
        parser.exit(2, "build_html: --out must not be inside the notebooks folder\n")
    lessons = read_lessons(src)
    if not lessons:
        parser.exit(2, f"build_html: no lessons (NN_topic.ipynb) in {_shown(src)}\n")
    todo = select(lessons, args.only)
    if args.if_stale:
        stale = set(stale_lessons([lesson.path for lesson in todo], out))
        todo = [lesson for lesson in todo if lesson.path in stale]
        if not todo:
            print(f"build_html: {_shown(out)} is up to date")
            (out / "index.html").write_text(index_html(lessons, out), encoding="utf-8")
            return 0

    out.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(out)
    built = manifest.setdefault("lessons", {})
    jobs = [(lesson.path, src, nav_html(lessons, lessons.index(lesson)), args.timeout,
             args.mathjax_url) for lesson in todo]
    failures = []
    started = time.monotonic()
    print(f"build_html: executing {len(jobs)} lesson(s) from {_shown(src)}", flush=True)
    if args.jobs > 1 and len(jobs) > 1:
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = pool.map(_build_one, jobs)
            for result in results:
                _record(result, out, built, failures)
    else:
        for job in jobs:
            _record(_build_one(job), out, built, failures)
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    (out / "index.html").write_text(index_html(lessons, out), encoding="utf-8")
    seconds = time.monotonic() - started
    if failures:
        print(f"\nbuild_html: FAILED, {len(failures)} of {len(jobs)} lesson(s) raised:",
              file=sys.stderr)
        for message in failures:
            print(f"  {message}", file=sys.stderr)
        return 1
    print(f"build_html: {len(jobs)} lesson(s) in {seconds:.0f} s -> "
          f"{_shown(out / 'index.html')}")
    return 0


def _record(result, out, built, failures):
    name, digest, page, seconds, message, details = result
    if page is None:
        built.pop(name, None)
        print(f"  {name}: FAILED\n{details}\n", file=sys.stderr, flush=True)
        failures.append(message)
        return
    target = Path(out) / page_name(name)
    target.write_text(page, encoding="utf-8")
    built[name] = digest
    print(f"  {name}: {seconds:.1f} s -> {_shown(target)} ({len(page) // 1024} KiB)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
