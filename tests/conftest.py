"""Shared test settings: in CI, hypothesis draws the same examples on every run."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "notebook_runs: executes lesson notebooks in a kernel (slow); "
        "deselect with -m 'not notebook_runs'")
