"""The playground as a student uses it, in JupyterLab in headless Chromium.

Open lesson 06, Run All, then on its playground: press Play, wait three seconds, and see the
epoch count rise by at least 20 and the boundary picture change; Pause, and the count stands
still; Step adds exactly one; choosing the spiral data set changes the points; Reset returns the
count to 0. Screenshots go to build/screenshots/.

The JupyterLab server and the helpers that drive it are test_browser.py's.
"""
import os
import re
import time

import pytest
from test_browser import (
    NOTEBOOK_PANEL,
    assert_no_errors,
    lab,  # noqa: F401  (a fixture: pytest finds it by name in this module)
    open_notebook,
    run_all_cells,
    save_and_read,
    screenshot,
    wait_until_run,
)

pytestmark = pytest.mark.browser

LESSON = os.environ.get("PLAYGROUND_LESSON", "solutions/06_moons.ipynb")
PLAY_SECONDS = 3
MIN_EPOCHS_IN_PLAY = 20
WIDGET_WAIT = 60   # seconds for the kernel to answer a click, under load


def playground(page):
    """The playground's output area: the one holding its epoch counter."""
    counter = page.locator(f"{NOTEBOOK_PANEL} .nnlib-playground-epoch")
    assert counter.count(), f"{LESSON}: no playground (no epoch counter) after Run All"
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
    pytest.fail(f"{LESSON}: {what} within {limit} s")


def test_play_pause_step_data_reset(browser, lab):  # noqa: F811
    page = browser.new_page()
    try:
        open_notebook(page, lab, LESSON)
        run_all_cells(page)
        wait_until_run(page, lab, LESSON)
        assert_no_errors(page, save_and_read(page, lab, LESSON), LESSON)

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
        lab.shut_down_kernel(LESSON)
