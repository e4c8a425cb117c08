"""The playground on a page of the book: frames recorded at build time and a slider to scrub them.

A lesson that opens a playground (`pg = Playground(**settings)` with `settings = dict(...)` in
the same cell) and later trains the same settings for N epochs (`Playground(**settings)
.train(N)`) gets, in place of the playground's still picture, FRAMES pictures recorded here with
the playground's public API: from epoch 0 to epoch N, each as its four pictures (decision
boundary, loss curves, hidden units, weights). The page's slider (book/_static/course.js) swaps
them with no kernel and no network; the caption under the pictures says the epoch and losses.
The frames are files of the book (_static/playground/<lesson>/), written again only when the
settings, N or nnlib changed.
"""
import ast
import html
import json
import re

import nbformat
import numpy as np

FRAMES = 30
PICTURES = {"boundary": "the output over the plane: class 1 blue circles, class 0 orange "
                        "triangles, test points as rings",
            "loss": "train loss (dark) and test loss (grey) per epoch",
            "units": "each hidden unit's output over the plane",
            "network": "the weights: solid blue positive, dashed orange negative, wider is larger"}
TITLES = {"boundary": "output over the plane", "loss": "loss (train dark, test grey)",
          "units": "hidden units", "network": "weights"}
OPENS = re.compile(r"^(\w+)\s*=\s*Playground\(\*\*(\w+)\)\s*$", re.M)


def find_playground(nb):
    """(cell index, settings dict, epochs) of the lesson's playground, or None.

    The settings are the literal `dict(...)` assigned in the cell that opens the playground; the
    epochs, those of a later `Playground(**settings).train(N)` (the lesson's own run)."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        opened = OPENS.search(cell.source)
        if not opened:
            continue
        name = opened.group(2)
        settings = literal_dict(cell.source, name)
        if settings is None:
            continue
        run = re.compile(rf"Playground\(\*\*{name}\)\.train\((\d+)\)")
        later = [run.search(c.source) for c in nb.cells[index + 1:] if c.cell_type == "code"]
        epochs = next((int(m.group(1)) for m in later if m), None)
        if epochs:
            return index, settings, epochs
    return None


def literal_dict(source, name):
    """The keyword arguments of `name = dict(k=literal, ...)` in `source`, or None."""
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == name
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", "") == "dict"
                and not node.value.args):
            try:
                return {k.arg: ast.literal_eval(k.value) for k in node.value.keywords}
            except ValueError:
                return None
    return None


def epochs_to_record(epochs, frames=FRAMES):
    """`frames` epochs from 0 to `epochs`, evenly spaced, each once."""
    return sorted({int(round(e)) for e in np.linspace(0, epochs, frames)})


def record(settings, epochs, folder, key):
    """Write the frames' pictures into `folder` (unless its key.txt already holds `key`).

    Returns [{"epoch", "caption", "files": {picture: file name}}] for each frame."""
    from nnlib.playground import Playground
    from nnlib.playground.pictures import png

    index_file = folder / "frames.json"
    if (folder / "key.txt").is_file() and (folder / "key.txt").read_text() == key \
            and index_file.is_file():
        return json.loads(index_file.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    pg = Playground(**settings)
    frames = []
    for epoch in epochs_to_record(epochs):
        pg.train(epoch - pg.epoch)
        files = {}
        for picture, image in pg.pictures().items():
            files[picture] = f"{pg.epoch:05d}-{picture}.png"
            (folder / files[picture]).write_bytes(png(image))
        frames.append({"epoch": pg.epoch, "caption": pg.caption(), "files": files})
    index_file.write_text(json.dumps(frames))
    (folder / "key.txt").write_text(key)
    return frames


def scrubber_html(frames, url, epochs):
    """The slider and the pictures of the last frame, as the page first shows them."""
    last = frames[-1]
    data = [{"caption": f["caption"],
             "src": {p: f"{url}/{name}" for p, name in f["files"].items()}} for f in frames]
    figures = "".join(
        f'<figure class="course-scrubber-picture"><img data-picture="{p}" src="{url}/{name}" '
        f'alt="{html.escape(PICTURES[p])}, at {html.escape(last["caption"])}">'
        f"<figcaption>{html.escape(TITLES[p])}</figcaption></figure>"
        for p, name in last["files"].items())
    return (
        f'<div class="course-scrubber" data-frames="{html.escape(json.dumps(data))}">'
        f'<p class="course-widget-note">Training recorded when this page was built, '
        f"{len(frames)} pictures from epoch 0 to epoch {epochs}: drag the slider to replay it. "
        "To train it live and change the settings, open the lesson in JupyterLab "
        "(<code>make lab</code>) and run its cells.</p>"
        f'<label class="course-scrubber-control">epoch <input type="range" min="0" '
        f'max="{len(frames) - 1}" step="1" value="{len(frames) - 1}" '
        f'aria-label="epoch of the recorded training"></label>'
        f'<p class="course-scrubber-caption" aria-live="polite">{html.escape(last["caption"])}</p>'
        f'<div class="course-scrubber-pictures">{figures}</div></div>')


def add_scrubber(nb, lesson, static, key):
    """Replace the outputs of `nb`'s playground cell by the scrubber; True if it had one.

    `static` is the staged book's _static/ folder; `key` says what the frames depend on
    (nnlib's digest): the same settings, epochs and key reuse the recorded frames."""
    found = find_playground(nb)
    if found is None:
        return False
    index, settings, epochs = found
    folder = static / "playground" / lesson
    full_key = json.dumps([settings, epochs, FRAMES, key], sort_keys=True)
    frames = record(settings, epochs, folder, full_key)
    markup = scrubber_html(frames, f"../_static/playground/{lesson}", epochs)
    cell = nb.cells[index]
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/html": markup,
                              "text/plain": f"Playground: {frames[-1]['caption']}"})]
    return True
