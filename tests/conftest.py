"""Shared test settings.

- In CI, hypothesis draws the same examples on every run.
- Each lesson notebook that nbval executes (`make test`: `pytest --nbval-lax tests notebooks`)
  gets one more test after its cells, `rerun`: in nbval's kernel, each code cell twice in a row,
  then Run All again (tests/notebook_kernel.py). nbval's run is the first Run All: one kernel
  and one execution serve both checks.
- With pytest-xdist (`make test` runs `-n 2 --no-loadscope-reorder`), the tests that share a
  kernel or a server stay together on one worker (`Together`: a notebook's cells and its
  re-run, a lesson's wrong answers, a browser test file), and the longest are handed out first
  so that neither worker waits long for the other at the end.
"""
import os
import re

import pytest
from hypothesis import settings
from nbval.plugin import IPyNbCell
from notebook_kernel import Rerun, is_lesson

try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:      # no pytest-xdist: the tests run one after the other
    LoadScopeScheduling = object

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "notebook_runs: executes lesson notebooks in a kernel (slow); "
        "deselect with -m 'not notebook_runs'")


def add_reruns(items):
    """After the nbval cells of each lesson notebook, its Rerun; all of them marked
    `notebook_runs`."""
    by_notebook = {}
    for item in items:
        if isinstance(item, IPyNbCell) and is_lesson(item.path):
            by_notebook.setdefault(item.parent, []).append(item)
        elif isinstance(item, IPyNbCell):   # the appendix: executed by nbval, no re-run
            item.add_marker("notebook_runs")
    for notebook, cells in by_notebook.items():
        rerun = Rerun.from_parent(notebook, name=Rerun.NAME, cells=cells)
        items.insert(items.index(cells[-1]) + 1, rerun)
        for item in cells + [rerun]:   # `-m notebook_runs` keeps the re-run with its cells
            item.add_marker("notebook_runs")


class Together(LoadScopeScheduling):
    """xdist's scheduling by work units, a unit being what must run on one worker, in order:
    a notebook's nbval cells and its rerun (they share nbval's kernel); one lesson's cases of
    tests/test_wrong_answers.py (they share a kernel); a browser test file (its JupyterLab
    server, the book's build). Any other test is a unit of its own. Read from the test ids
    only: the controller that schedules has not collected the tests. (xdist's own
    `--dist loadgroup` marks do not reach the scheduler with pytest 9.)"""

    UNITS = [re.compile(r"^(.*\.ipynb)::"),
             re.compile(r"^(tests/test_wrong_answers\.py)::test_\w+\[lesson(\d\d)-"),
             re.compile(r"^(tests/browser/\w+\.py)::")]

    def _split_scope(self, nodeid):
        for pattern in self.UNITS:
            found = pattern.match(nodeid)
            if found:
                return "-".join(found.groups())
        return nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") == "load":      # what `-n 2` does unless told otherwise
        return Together(config, log)
    return None


def heavy_first(item):
    """Sort key under xdist: solution notebooks (nbval + the full re-run), student notebooks,
    the other kernel tests, then the quick tests that fill the gaps at the end."""
    if isinstance(item, (IPyNbCell, Rerun)):
        return 0 if item.path.parent.name == "solutions" else 1
    return 2 if item.get_closest_marker("notebook_runs") else 3


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    add_reruns(items)
    if hasattr(config, "workerinput"):       # an xdist worker: every worker sorts alike
        items.sort(key=heavy_first)
