"""Browser tests: JupyterLab and the HTML course, driven by Playwright in Debian's Chromium.

They are marked `browser`: `pytest -m "not browser"` leaves them out, `pytest -m browser` runs
only them. Without Chromium or Playwright they skip, saying what to install.
"""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives headless Chromium through Playwright (JupyterLab, the HTML pages); "
        "deselect with -m 'not browser'")
