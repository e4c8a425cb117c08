"""Browser tests: JupyterLab and the HTML course, driven by Playwright in Debian's Chromium.

They are marked `browser`: `pytest -m "not browser"` leaves them out, `pytest -m browser` runs
only them. Without Chromium or Playwright they skip, saying what to install. In a run with
other tests they go last (after the unit tests and the notebooks), being the slowest and the
least specific: a failure further up says more.
"""
import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives headless Chromium through Playwright (JupyterLab, the HTML pages); "
        "deselect with -m 'not browser'")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Move the browser tests to the end, keeping every other test where it was."""
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        others = [item for item in items if not item.get_closest_marker("browser")]
        items[:] = others + browser
