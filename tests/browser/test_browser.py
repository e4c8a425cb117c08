"""The course as students meet it, in a real browser (headless Chromium through Playwright).

1. JupyterLab: the gender lesson runs top to bottom through the UI (Run → Run All Cells),
   with no error, its loss curve drawn (and its tqdm progress bar, where it trains with
   verbose=1).
2. JupyterLab: lesson 06's playground (nnlib.playground) — Play for three seconds trains at
   least 20 epochs and changes the boundary picture; Pause holds the epoch count; Step adds
   exactly one; choosing the spiral data redraws the points; Reset returns the count to 0.

JupyterLab serves a temporary copy of notebooks/ (running cells saves and checkpoints, and
the test saves the notebooks to read their outputs), on 127.0.0.1 with a random token, with
its settings, workspaces and runtime files in temporary folders too. Screenshots go to
build/screenshots/. Skips when Chromium (apt-get install chromium) or Playwright is missing
(the `chromium` and `browser` fixtures are in conftest.py; test_book.py opens the HTML edition).

COURSE_NOTEBOOKS_DIR=/some/notebooks points the test at other lessons (a folder laid out like
notebooks/, with solutions/02_gender.ipynb and solutions/06_moons.ipynb).
"""
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = Path(os.environ.get("COURSE_NOTEBOOKS_DIR") or REPO / "notebooks")
SCREENSHOTS = REPO / "build" / "screenshots"
GENDER = "solutions/02_gender.ipynb"
MOONS = "solutions/06_moons.ipynb"

# Time limits, in seconds, one per step.
SERVER_START = 90
OPEN_NOTEBOOK = 90
RUN_ALL = 300          # a lesson runs in under 60 s; TensorFlow's import and a cold disk add up
SAVE = 30
WIDGET_WAIT = 60       # for the kernel to answer a click on a playground button
PLAY_SECONDS = 3
MIN_EPOCHS_IN_PLAY = 20

STDERR_MIME = "application/vnd.jupyter.stderr"
# The notebook on show (other tabs' panels stay in the DOM, hidden).
NOTEBOOK_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# What an error output looks like in JupyterLab, as opposed to tqdm's or a warning's stderr.
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*(\w+\.)*\w*(Error|Exception)"
                        r"(:|$)", re.M)


# --- Fixtures: JupyterLab (Chromium: conftest.py) ----------------------------------------------

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    def __init__(self, root, port, token, process, log):
        self.root, self.port, self.token, self.process, self.log = root, port, token, process, log
        self.base = f"http://127.0.0.1:{port}"

    def api(self, path, method="GET", timeout=10):
        request = urllib.request.Request(
            f"{self.base}{path}", method=method,
            headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def url(self, path):
        # reset: a fresh workspace, not the tabs the previous test left open
        return f"{self.base}/lab/tree/{path}?reset&token={self.token}"

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def kernel_state(self, notebook):
        """execution_state of the kernel of `notebook` (its path under root), or None."""
        for session in self.api("/api/sessions"):
            if session.get("path") == notebook and session.get("kernel"):
                return session["kernel"].get("execution_state")
        return None

    def shut_down_kernel(self, notebook):
        """Close the notebook's session: its kernel stops, and stops taking CPU."""
        for session in self.api("/api/sessions"):
            if session.get("path") == notebook:
                self.api(f"/api/sessions/{session['id']}", method="DELETE")


LAB_SETTINGS = {
    # Every cell in the DOM (the default windowing leaves off-screen cells out or unpainted).
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # Nothing that reaches out to the internet, no toasts over the notebook.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`jupyter lab` on 127.0.0.1, serving a temporary copy of the notebooks folder."""
    if not (NOTEBOOKS / "solutions").is_dir():
        pytest.fail(f"no lessons: {NOTEBOOKS / 'solutions'} is missing")
    work = tmp_path_factory.mktemp("lab")
    root = work / "notebooks"
    shutil.copytree(NOTEBOOKS, root,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    settings = work / "settings"
    for name, values in LAB_SETTINGS.items():
        target = settings / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    for folder in ("workspaces", "runtime", "config"):
        (work / folder).mkdir()

    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", TF_ENABLE_ONEDNN_OPTS="0",
               JUPYTER_RUNTIME_DIR=str(work / "runtime"),
               JUPYTER_CONFIG_DIR=str(work / "config"))
    env.pop("MPLBACKEND", None)  # `make test` sets Agg: the kernel would draw no figures
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))

    log = work / "jupyter-lab.log"
    token = secrets.token_hex(24)
    server = None
    for _attempt in range(3):  # the port may be taken between free_port() and the bind
        port = free_port()
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
                   "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
                   f"--ServerApp.root_dir={root}",
                   f"--LabApp.user_settings_dir={settings}",
                   f"--LabApp.workspaces_dir={work / 'workspaces'}",
                   "--LabApp.extension_manager=readonly"]  # no look-ups on PyPI
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # CI runs as root
        with open(log, "ab") as out:
            process = subprocess.Popen(command, cwd=work, env=env, stdout=out,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
        server = LabServer(root, port, token, process, log)
        if _wait_for_server(server, SERVER_START):
            break
        _stop_server(server)
        server = None
    if server is None:
        pytest.fail(f"jupyter lab exited or did not answer within {SERVER_START} s:\n"
                    f"{log.read_text(errors='replace')[-3000:]}")
    try:
        yield server
    finally:
        _stop_server(server)


def _wait_for_server(server, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            server.api("/api/status", timeout=2)
            return True
        except (urllib.error.URLError, OSError, ValueError):
            time.sleep(0.5)
    return False


def _stop_server(server):
    """Shut the server down (it stops its kernels), then make sure the process is gone."""
    if server.process.poll() is None:
        try:
            server.api("/api/shutdown", method="POST", timeout=5)
        except (urllib.error.URLError, OSError, ValueError):
            pass
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    # The server was started in its own session: its process group holds its kernels too.
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if server.process.poll() is not None:
            break
        try:
            os.killpg(server.process.pid, sig)
        except ProcessLookupError:
            break
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue


# --- JupyterLab, driven through its UI ----------------------------------------------------------

def open_notebook(page, lab, notebook):
    """Open `notebook` in JupyterLab and wait until its kernel is idle."""
    assert (lab.root / notebook).is_file(), f"lesson missing: notebooks/{notebook}"
    page.goto(lab.url(notebook), timeout=OPEN_NOTEBOOK * 1000)
    page.locator(f"{NOTEBOOK_PANEL} .jp-Cell").first.wait_for(timeout=OPEN_NOTEBOOK * 1000)
    deadline = time.monotonic() + OPEN_NOTEBOOK
    while time.monotonic() < deadline:
        _dismiss_kernel_dialog(page)
        if lab.kernel_state(notebook) == "idle":
            return
        time.sleep(0.5)
    pytest.fail(f"{notebook}: the kernel was not idle within {OPEN_NOTEBOOK} s\n"
                f"{lab.log_tail()}")


def _dismiss_kernel_dialog(page):
    """A notebook without kernelspec metadata asks for a kernel: take the default one."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        page.locator(".jp-Dialog .jp-mod-accept").first.click()


def run_all_cells(page):
    """Run → Run All Cells, from JupyterLab's menu bar."""
    page.locator(f"{NOTEBOOK_PANEL} .jp-Notebook").click(position={"x": 5, "y": 5})
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item", has=page.locator(
        ".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))).click()


CELL_STATE_JS = """() => {
  const cells = Array.from(document.querySelectorAll('%s .jp-CodeCell'));
  const states = cells.map(cell => {
    const source = (cell.querySelector('.cm-content') || {}).innerText || '';
    const prompt = (cell.querySelector('.jp-InputPrompt') || {}).innerText || '';
    return {empty: source.trim() === '', prompt: prompt.trim()};
  });
  return states;
}""" % NOTEBOOK_PANEL

STDERR_JS = """(mime) => Array.from(document.querySelectorAll(
    '%s .jp-OutputArea-output[data-mime-type="' + mime + '"]'))
    .map(e => e.innerText)""" % NOTEBOOK_PANEL


def wait_until_run(page, lab, notebook, limit=RUN_ALL):
    """Wait until every non-empty code cell has its execution count and the kernel is idle.

    Returns early (still idle) if an error output appeared: Run All stops at an error.
    """
    deadline = time.monotonic() + limit
    settled = 0
    states = []
    while time.monotonic() < deadline:
        states = page.evaluate(CELL_STATE_JS)
        running = any("*" in s["prompt"] for s in states)
        numbered = all(re.fullmatch(r"\[\d+\]:", s["prompt"]) for s in states if not s["empty"])
        errors = [t for t in page.evaluate(STDERR_JS, STDERR_MIME) if ERROR_TEXT.search(t)]
        idle = lab.kernel_state(notebook) == "idle"
        if idle and not running and (numbered or errors):
            settled += 1
            if settled >= 3:  # idle across 1.5 s: not the gap between two cells
                return
        else:
            settled = 0
        time.sleep(0.5)
    prompts = [s["prompt"] for s in states]
    pytest.fail(f"{notebook}: Run All did not finish within {limit} s (prompts {prompts})\n"
                f"{lab.log_tail()}")


def save_and_read(page, lab, notebook):
    """Save through the UI (Ctrl+S) and read the saved notebook, outputs included."""
    path = lab.root / notebook
    before = path.stat().st_mtime_ns
    page.locator(f"{NOTEBOOK_PANEL} .jp-Notebook").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + SAVE
    while time.monotonic() < deadline:
        if path.stat().st_mtime_ns != before:
            try:
                return json.loads(path.read_text())
            except ValueError:
                pass  # caught mid-write
        time.sleep(0.3)
    pytest.fail(f"{notebook}: saving (Ctrl+S) did not write the file within {SAVE} s")


def assert_no_errors(page, saved, notebook):
    """No error output: not in the saved notebook, not on the page.

    stderr alone is no error (tqdm and warnings write there): in the saved file an error is an
    output of type "error"; on the page, a stderr output holding a traceback or an exception.
    Cells tagged raises-exception may raise, as under nbval.
    """
    problems = []
    for index, cell in enumerate(saved["cells"]):
        if cell["cell_type"] != "code" or "raises-exception" in cell.get("metadata", {}).get(
                "tags", []):
            continue
        for output in cell.get("outputs", []):
            if output["output_type"] == "error":
                first = next((line for line in "".join(cell["source"]).splitlines()
                              if line.strip()), "")
                problems.append(f"cell {index + 1} `{first[:60]}`: "
                                f"{output['ename']}: {output['evalue']}")
    allowed = sum(1 for cell in saved["cells"] if "raises-exception" in
                  cell.get("metadata", {}).get("tags", []))
    shown = [t for t in page.evaluate(STDERR_JS, STDERR_MIME) if ERROR_TEXT.search(t)]
    assert not problems, f"{notebook}: cells raised:\n" + "\n".join(problems)
    assert len(shown) <= allowed, f"{notebook}: error outputs on the page:\n" + \
        "\n---\n".join(t[-1500:] for t in shown)
    unrun = [i + 1 for i, c in enumerate(saved["cells"])
             if c["cell_type"] == "code" and "".join(c["source"]).strip()
             and c.get("execution_count") is None]
    assert not unrun, f"{notebook}: cells {unrun} have no execution count after Run All"


def assert_quiet(saved, notebook):
    """No stderr output in any cell: no TensorFlow, absl or CUDA lines, no warnings."""
    noisy = [f"cell {index + 1}: {''.join(output.get('text', ''))[:300]!r}"
             for index, cell in enumerate(saved["cells"]) if cell["cell_type"] == "code"
             for output in cell.get("outputs", [])
             if output["output_type"] == "stream" and output.get("name") == "stderr"]
    assert not noisy, f"{notebook}: stderr output in JupyterLab:\n" + "\n".join(noisy)


def output_images(page, cell_filter_js="() => true"):
    """[{cell, width, src}] of the <img> in the output areas of the code cells."""
    return page.evaluate("""(filterSource) => {
      const keep = eval(filterSource);
      const found = [];
      document.querySelectorAll('%s .jp-CodeCell').forEach((cell, index) => {
        const source = (cell.querySelector('.cm-content') || {}).innerText || '';
        if (!keep(source)) return;
        cell.querySelectorAll('.jp-OutputArea img').forEach(img => found.push(
          {cell: index + 1, width: img.naturalWidth, src: img.src.slice(0, 64)}));
      });
      return found;
    }""" % NOTEBOOK_PANEL, cell_filter_js)


def screenshot(page_or_locator, name):
    path = SCREENSHOTS / name
    page_or_locator.screenshot(path=str(path))
    return path


# --- 1. The gender lesson, Run All --------------------------------------------------------------

def test_gender_lesson_runs_in_jupyterlab(browser, lab):
    page = browser.new_page()
    try:
        open_notebook(page, lab, GENDER)
        run_all_cells(page)
        wait_until_run(page, lab, GENDER)
        saved = save_and_read(page, lab, GENDER)
        screenshot(page, "02_gender_lab_top.png")
        assert_no_errors(page, saved, GENDER)
        assert_quiet(saved, GENDER)

        # The loss curve: an image under the cell that plots the training history.
        plots_history = ("(s) => /history/.test(s) && "
                         "/\\.plot\\(|plot_history|plot_loss|loss/.test(s)")
        curves = [i for i in output_images(page, plots_history) if i["width"] > 0]
        images = [i for i in output_images(page) if i["width"] > 0]
        assert curves or images, f"{GENDER}: no figure rendered (images: {images})"
        assert curves, f"{GENDER}: no loss curve under a cell plotting `history` " \
                       f"(figures in cells {[i['cell'] for i in images]})"
        curve_cell = page.locator(f"{NOTEBOOK_PANEL} .jp-CodeCell").nth(curves[0]["cell"] - 1)
        curve_cell.locator(".jp-OutputArea img").first.scroll_into_view_if_needed()
        screenshot(curve_cell, "02_gender_lab_loss_curve.png")

        # The progress bar of fit(verbose=1): tqdm.auto draws an ipywidgets bar in JupyterLab.
        # Only where the lesson trains with verbose=1 in a code cell (lesson 02 now trains
        # quietly: a saved bar read "0%" in the file).
        if not any(c["cell_type"] == "code" and "verbose=1" in "".join(c["source"])
                   for c in json.loads((REPO / "notebooks" / GENDER).read_text())["cells"]):
            return
        bars = page.locator(f"{NOTEBOOK_PANEL} .jp-OutputArea :is(.widget-hprogress, "
                            ".widget-vprogress, .widget-progress)")
        text_bars = [t for t in page.evaluate(STDERR_JS, STDERR_MIME)
                     if re.search(r"\d+%\|", t)]
        assert bars.count() or text_bars, f"{GENDER}: no tqdm progress bar in any output"
        if bars.count():
            bar = bars.first
            bar.scroll_into_view_if_needed()
            row = bar.locator("xpath=..")
            assert "100%" in row.inner_text(), f"the progress bar did not finish: " \
                                               f"{row.inner_text()!r}"
            screenshot(row, "02_gender_lab_progress_bar.png")
    finally:
        page.close()
        lab.shut_down_kernel(GENDER)


# --- 2. The playground in lesson 06 ------------------------------------------------------------

def playground(page):
    """The playground's output area: the one holding its epoch counter."""
    counter = page.locator(f"{NOTEBOOK_PANEL} .nnlib-playground-epoch")
    assert counter.count(), f"{MOONS}: no playground (no epoch counter) after Run All"
    return counter.first.locator("xpath=ancestor::*[contains(concat(' ', "
                                 "normalize-space(@class), ' '), ' jp-OutputArea ')][1]")


def epoch(area):
    text = area.locator(".nnlib-playground-epoch").first.inner_text()
    found = re.search(r"epoch (\d+)", text)
    assert found, f"the counter reads {text!r}"
    return int(found.group(1))


def boundary_src(area):
    """The boundary picture's data URL (the first picture of the playground)."""
    return area.locator("img").first.evaluate("img => img.src")


def button(area, name):
    return area.locator("button", has_text=re.compile(rf"^\s*{name}\s*$")).first


def wait_for(condition, what, limit=WIDGET_WAIT):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"{MOONS}: {what} within {limit} s")


def test_moons_playground_play_pause_step_data_reset(browser, lab):
    page = browser.new_page()
    try:
        open_notebook(page, lab, MOONS)
        run_all_cells(page)
        wait_until_run(page, lab, MOONS)
        saved = save_and_read(page, lab, MOONS)
        assert_no_errors(page, saved, MOONS)
        assert_quiet(saved, MOONS)

        area = playground(page)
        area.scroll_into_view_if_needed()
        screenshot(area, "playground_before.png")
        start, picture = epoch(area), boundary_src(area)

        button(area, "Play").click()
        wait_for(lambda: epoch(area) > start, "Play did not start training")
        time.sleep(PLAY_SECONDS)
        played, picture_played = epoch(area), boundary_src(area)
        screenshot(area, "playground_playing.png")
        assert played - start >= MIN_EPOCHS_IN_PLAY, (
            f"Play trained only {played - start} epochs in about {PLAY_SECONDS} s "
            f"(at least {MIN_EPOCHS_IN_PLAY} wanted)")
        assert picture_played != picture, "the boundary picture did not change while playing"

        button(area, "Pause").click()
        wait_for(lambda: button(area, "Play").count(), "the Pause button did not turn into Play")
        time.sleep(1.0)   # a frame in flight when Pause was pressed may still land
        paused = epoch(area)
        time.sleep(1.5)
        assert epoch(area) == paused, "the epoch count moved after Pause"

        button(area, "Step").click()
        wait_for(lambda: epoch(area) == paused + 1, f"Step did not take epoch {paused} to "
                                                   f"{paused + 1}")
        time.sleep(1.0)
        assert epoch(area) == paused + 1, "Step added more than one epoch"

        before = boundary_src(area)
        data = area.locator(".widget-dropdown", has_text=re.compile(r"^\s*Data")).locator("select")
        data.scroll_into_view_if_needed()
        data.select_option("spiral")
        wait_for(lambda: boundary_src(area) != before, "choosing spiral did not redraw the data")
        assert epoch(area) == 0, "a new data set starts from epoch 0"
        screenshot(area, "playground_spiral.png")

        button(area, "Step").click()
        wait_for(lambda: epoch(area) == 1, "Step on the spiral did not reach epoch 1")
        button(area, "Reset").click()
        wait_for(lambda: epoch(area) == 0, "Reset did not return the count to 0")
        screenshot(area, "playground_reset.png")
    finally:
        page.close()
        lab.shut_down_kernel(MOONS)
