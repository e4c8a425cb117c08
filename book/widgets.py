"""Widgets on a static page: the last state they drew, as plain HTML with no script.

A page of the book has no kernel behind it, so a slider cannot retrain anything. After a
lesson ran, nbclient has recorded every widget's state in the notebook's metadata; here each
widget output becomes a snapshot of that state: its pictures (an Output widget's figures, an
Image widget's bytes), its texts and progress bars, its controls drawn disabled at their last
value. A widget with controls gets a line saying it is a snapshot and how to run it live.
The widget state itself is dropped, so the page loads no widget manager (myst-nb would fetch
one from a CDN).
"""
import base64
import html
import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
IMAGE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
BOXES = {"HBoxModel", "VBoxModel", "BoxModel", "GridBoxModel", "TabModel", "AccordionModel",
         "StackModel"}
# Widgets that only show something: a snapshot of these needs no "run it live" line.
DISPLAY_ONLY = BOXES | {"HTMLModel", "HTMLMathModel", "LabelModel", "FloatProgressModel",
                        "IntProgressModel", "OutputModel", "ImageModel"}

LIVE_NOTE = ("A snapshot of an interactive widget, as it last drew: on this page the controls "
             "do nothing. To move them, open the lesson in JupyterLab (<code>make lab</code>) "
             "and run its cells.")


def _text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def _img(mime, data, alt=None):
    if mime == "image/svg+xml":
        return _text(data)
    alt = html.escape(alt or "a picture the widget drew (its last state)", quote=True)
    return f'<img src="data:{mime};base64,{_text(data).strip()}" alt="{alt}">'


def render_output(output):
    """One output of an Output widget (or of a bundle), as HTML."""
    kind = output.get("output_type")
    if kind == "stream":
        return f'<pre class="course-widget-stream">{html.escape(_text(output.get("text")))}</pre>'
    if kind == "error":
        text = ANSI.sub("", "\n".join(output.get("traceback", [])))
        return f'<pre class="course-widget-error">{html.escape(text)}</pre>'
    data = output.get("data", {})
    for mime in IMAGE_MIMES:
        if mime in data:
            return _img(mime, data[mime], output.get("metadata", {}).get(mime, {}).get("alt"))
    if "text/html" in data:
        return _text(data["text/html"])
    if "text/plain" in data:
        return f"<pre>{html.escape(_text(data['text/plain']))}</pre>"
    return ""


class Snapshot:
    """Draws widgets from the state nbclient recorded (`metadata.widgets`)."""

    def __init__(self, state):
        self.state = state
        self.controls = 0  # widgets drawn that a reader would expect to move

    def entry(self, ref):
        model_id = ref[len("IPY_MODEL_"):] if str(ref).startswith("IPY_MODEL_") else ref
        found = self.state.get(model_id)
        return found if isinstance(found, dict) else None

    def render(self, ref, depth=0):
        """The widget `ref` (a model id, or "IPY_MODEL_<id>") and its children, as HTML."""
        entry = self.entry(ref)
        if entry is None or depth > 20:
            return ""
        name = entry.get("model_name", "")
        s = entry.get("state", {})
        if name not in DISPLAY_ONLY:
            self.controls += 1
        desc = s.get("description") or ""
        label = f'<span class="course-widget-label">{html.escape(desc)}</span>' if desc else ""
        if name in BOXES:
            direction = "row" if name == "HBoxModel" else "column"
            inner = "".join(self.render(child, depth + 1) for child in s.get("children", []))
            return f'<div class="course-widget-box course-widget-{direction}">{inner}</div>'
        if name in ("HTMLModel", "HTMLMathModel"):
            return f'<span class="course-widget-html">{label}{s.get("value", "")}</span>'
        if name == "LabelModel":
            return f'<span class="course-widget-html">{html.escape(str(s.get("value", "")))}</span>'
        if name == "ImageModel":
            return self.image(entry)
        if name in ("FloatProgressModel", "IntProgressModel"):
            low, high, value = (float(s.get(k, d)) for k, d in
                                (("min", 0), ("max", 100), ("value", 0)))
            return (f'{label}<progress class="course-widget-progress" max="{high - low:g}" '
                    f'value="{value - low:g}"></progress>')
        if name.endswith("SliderModel") and "Range" not in name:
            value = s.get("value", 0)
            return (f'<span class="course-widget-control">{label}<input type="range" disabled '
                    f'min="{s.get("min", 0)}" max="{s.get("max", 100)}" '
                    f'step="{s.get("step", 1)}" value="{value}">'
                    f'<span class="course-widget-readout">{html.escape(str(value))}</span></span>')
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
        if name == "OutputModel":
            inner = "".join(render_output(o) for o in s.get("outputs", []))
            return f'<div class="course-widget-output">{inner}</div>'
        if "value" in s:  # text boxes and the rest: the label and the value
            return (f'<span class="course-widget-control">{label}<input disabled '
                    f'value="{html.escape(str(s["value"]))}"></span>')
        return ""

    @staticmethod
    def image(entry):
        """An Image widget: its bytes are one of the state's base64 buffers."""
        s = entry.get("state", {})
        fmt = s.get("format") or "png"
        mime = "image/svg+xml" if fmt == "svg+xml" else f"image/{fmt}"
        for buffer in entry.get("buffers", []):
            if buffer.get("path") == ["value"]:
                data = buffer.get("data", "")
                if buffer.get("encoding") != "base64":
                    data = base64.b64encode(str(data).encode()).decode()
                if mime == "image/svg+xml":
                    return base64.b64decode(data).decode("utf-8", "replace")
                return _img(mime, data)
        return ""


def freeze(output, snapshot):
    """The HTML that replaces one widget output, or None when the widget drew nothing.

    A bundle that carries a picture of its own beside the widget (a widget's static fallback)
    shows that picture; otherwise the widget is drawn from the recorded state.
    """
    data = output.get("data", {})
    own = [mime for mime in IMAGE_MIMES if mime in data]
    before = snapshot.controls
    if own:
        drawn, interactive = _img(own[0], data[own[0]]), True
    else:
        drawn = snapshot.render(data[WIDGET_VIEW].get("model_id"))
        interactive = snapshot.controls > before
    if not drawn:
        return None
    note = f'<p class="course-widget-note">{LIVE_NOTE}</p>' if interactive else ""
    return f'<div class="course-widget">{note}{drawn}</div>'


def freeze_widgets(nb):
    """Replace the widget outputs of an executed notebook by snapshots; drop the widget state.

    Returns the number of widget outputs replaced. A widget that drew nothing (a progress bar
    closed by `leave=False`, whose model is gone) is dropped, as JupyterLab drops it.
    """
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    snapshot = Snapshot(state)
    frozen = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            if WIDGET_VIEW not in output.get("data", {}):
                outputs.append(output)
                continue
            drawn = freeze(output, snapshot)
            if drawn is not None:
                output["data"] = {"text/html": drawn,
                                  "text/plain": _text(output["data"].get("text/plain"))}
                outputs.append(output)
                frozen += 1
        cell.outputs = outputs
    return frozen
