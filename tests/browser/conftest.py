"""Browser tests: JupyterLab and the HTML course, driven by Playwright in Debian's Chromium.

They are marked `browser`: `pytest -m "not browser"` leaves them out, `pytest -m browser` runs
only them. Without Chromium or Playwright they skip, saying what to install. In a run with
other tests they go last (after the unit tests and the notebooks), being the slowest and the
least specific: a failure further up says more. Under pytest-xdist (`make test`) they go first
instead, each file on one worker (they share a JupyterLab server, or the book's build): the
book's build is the longest piece of the run, and the other worker meanwhile runs notebooks.
"""
import shutil
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "chromium", "chromium-browser"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives headless Chromium through Playwright (JupyterLab, the HTML pages); "
        "deselect with -m 'not browser'")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Move the browser tests to the end (to the start under xdist, where each file runs on
    one worker: tests/conftest.py), keeping every other test where it was."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        others = [item for item in items if not item.get_closest_marker("browser")]
        if hasattr(config, "workerinput"):     # an xdist worker
            items[:] = browser + others
        else:
            items[:] = others + browser


# --- Chromium, for every browser test -----------------------------------------------------------

def find_chromium():
    for candidate in CHROMIUM_CANDIDATES:
        path = shutil.which(candidate)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def chromium():
    path = find_chromium()
    if path is None:
        pytest.skip("no Chromium: apt-get install chromium")
    return path


@pytest.fixture(scope="module")
def browser(chromium, tmp_path_factory):
    """A Chromium context with a fresh profile; the network is what the page asks for."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="no Playwright (python): pip install playwright")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        try:
            yield context
        finally:
            context.close()
