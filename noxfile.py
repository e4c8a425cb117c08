"""The course on every Python that pyproject.toml's requires-python admits: `make test-pythons`.

Each session installs the course with its test extra into a fresh virtualenv under .nox/, then
runs the unit tests and executes the solution notebooks with nbval, on two workers
(pytest-xdist; one notebook's cells stay on one worker). `make test` keeps testing the one
Python of .venv; CI (.ci/run) runs this for the oldest and the newest.

    nox -s tests                 # every supported Python this machine has
    nox -s tests -p 3.10 3.13    # only these
"""
import glob
import os

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
JOBS = os.environ.get("JOBS", "2")   # pytest-xdist workers, as `make test`

# Interpreters installed with pyenv are reached through its shims only when selected: put their
# own bin folders first, so that nox finds python3.10 ... python3.13 wherever pyenv has them.
_PYENV = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
os.environ["PATH"] = os.pathsep.join(
    sorted(glob.glob(os.path.join(_PYENV, "versions", "3.*", "bin"))) + [os.environ["PATH"]])

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session):
    session.install("-e", ".[test]")
    session.run("python", "-c", "import keras, numpy, sys; print(f'Python {sys.version.split()[0]},"
                " Keras {keras.__version__}, numpy {numpy.__version__}')")
    env = {"MPLBACKEND": "Agg"}
    # The unit tests (not the browser tests, which need the book's tools and Chromium, nor the
    # re-run tests, which `make test` runs), then every solution notebook once.
    session.run("python", "-m", "pytest", "-q", "-n", JOBS, "-m",
                "not browser and not notebook_runs", "tests", env=env)
    session.run("python", "-m", "pytest", "-q", "-n", JOBS, "--dist", "loadfile", "--nbval-lax",
                "--nbval-current-env", "--nbval-cell-timeout=300", "-p", "no:cacheprovider",
                "notebooks/solutions", env=env)
