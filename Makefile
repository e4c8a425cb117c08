# Course tasks. `make lab` to study, `make check` while editing, `make test` to run what CI runs.
# Each target first makes sure .venv exists and holds what it needs; that step is skipped
# (a stamp file in .venv) until pyproject.toml changes.

PYTHON ?= python3
VENV = .venv
PY = $(VENV)/bin/python
PIP = $(PY) -m pip

COURSE_STAMP = $(VENV)/.installed-course
TEST_STAMP = $(VENV)/.installed-test

# nbval executes every notebook under notebooks/ (students' and solutions), in this environment;
# tests/conftest.py adds each lesson's re-run test, which goes on in nbval's kernel.
NBVAL_OPTS = --nbval-lax --nbval-current-env --nbval-cell-timeout=300
NOTEBOOK_DIR = $(wildcard notebooks)

# pytest-xdist: JOBS workers (CI has 2 cores). The tests that share a kernel, a JupyterLab or
# the book's build run on one worker, handed out longest first (tests/conftest.py).
JOBS ?= 2
PARALLEL = -n $(JOBS) --no-loadscope-reorder

# Quieter TensorFlow, and the same numbers on every CPU.
export TF_CPP_MIN_LOG_LEVEL = 2
export TF_ENABLE_ONEDNN_OPTS = 0

.PHONY: help lab check test test-unit test-notebooks test-lesson test-pythons students bench html \
	lint clean distclean

help:
	@echo "make lab        open the notebooks in JupyterLab"
	@echo "make check      the quick loop (under 2 minutes): unit tests, notebooks' structure, lint"
	@echo "make test       unit tests + every notebook executed by nbval and re-run + the browser (what CI runs)"
	@echo "make test-lesson LESSON=03  one lesson's notebooks: nbval, the re-run, optional sections skipped"
	@echo "make test-pythons  unit tests + solution notebooks on every installed Python 3.10-3.13 (nox)"
	@echo "make students   regenerate notebooks/NN_topic.ipynb from notebooks/solutions/"
	@echo "make bench      timings, written to benchmarks/results.md"
	@echo "make html       the course as a book (Jupyter Book, works offline), in build/book/"
	@echo "make lint       ruff"
	@echo "make clean      remove caches and build/ (distclean also removes .venv)"

# --- environment -----------------------------------------------------------------------------

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(COURSE_STAMP): pyproject.toml | $(PY)
	$(PIP) install -e ".[course]"
	@touch $@

# The test extra includes the course extra, so it satisfies both stamps.
$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install -e ".[test,lint]"
	@touch $@ $(COURSE_STAMP)

# --- tasks -----------------------------------------------------------------------------------

# JupyterLab refuses to start as root unless told (containers, cloud notebooks run as root), and
# on a machine without a desktop there is no browser to open: it then prints the address to open.
LAB_PORT ?= 8888
LAB_FLAGS = --port=$(LAB_PORT) \
	$(if $(filter 0,$(shell id -u)),--allow-root) \
	$(if $(and $(filter Linux,$(shell uname -s)),$(if $(DISPLAY)$(WAYLAND_DISPLAY),,no-desktop)),--no-browser)

lab: $(COURSE_STAMP)
	@echo "Starting JupyterLab on notebooks/. If no browser opens, open the http://127.0.0.1:... address printed below. Stop it with Ctrl+C."
	$(VENV)/bin/jupyter lab $(LAB_FLAGS) $(LAB_OPTS) notebooks/

# The quick loop while editing: no kernel, no browser (the notebooks are read, not run).
check: export MPLBACKEND = Agg
check: $(TEST_STAMP)
	$(PY) -m pytest -q $(PARALLEL) -m "not browser and not notebook_runs" tests
	$(PY) -m ruff check .

# One pytest run for all, so one summary line and a non-zero exit if anything fails.
test: export MPLBACKEND = Agg
test: $(TEST_STAMP)
	$(PY) -m pytest $(PARALLEL) $(NBVAL_OPTS) tests $(NOTEBOOK_DIR)

test-unit: export MPLBACKEND = Agg
test-unit: $(TEST_STAMP)
	$(PY) -m pytest $(PARALLEL) -m "not browser and not notebook_runs" tests

# Every run of a notebook but the browser's: nbval and the re-run, the optional sections
# skipped (tests/test_rerun.py), the wrong answers (tests/test_wrong_answers.py).
test-notebooks: export MPLBACKEND = Agg
test-notebooks: $(TEST_STAMP)
	$(PY) -m pytest $(PARALLEL) $(NBVAL_OPTS) -m notebook_runs tests notebooks/

LESSON ?= 01
test-lesson: export MPLBACKEND = Agg
test-lesson: $(TEST_STAMP)
	$(PY) -m pytest $(PARALLEL) $(NBVAL_OPTS) -k "$(LESSON)" tests/test_rerun.py \
		$(wildcard notebooks/solutions/$(LESSON)_*.ipynb notebooks/$(LESSON)_*.ipynb)

# Every Python that requires-python admits and this machine has (noxfile.py; PYTHONS=3.10 3.13 to
# choose). Each gets its own virtualenv under .nox/.
PYTHONS ?=
test-pythons: $(TEST_STAMP)
	$(VENV)/bin/nox -s tests $(if $(PYTHONS),--error-on-missing-interpreters -p $(PYTHONS),--no-error-on-missing-interpreters)

# Never with --force: the script refuses to overwrite a student notebook that was edited.
students: | $(PY)
	$(PY) tools/make_student_notebooks.py

bench: $(COURSE_STAMP)
	$(PY) -m benchmarks
	$(PY) -m benchmarks.playground

# Lessons whose code did not change come from build/book/cache/ and are not run again.
html: $(TEST_STAMP)
	$(PY) book/build.py

lint: $(TEST_STAMP)
	$(PY) -m ruff check .

clean:
	rm -rf build .pytest_cache .hypothesis .ruff_cache *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# The instructor's edition: an nbgrader course folder in DIR from notebooks/solutions/
# (`make teach DIR=~/course`, LESSONS="01 02" for some); docs/teaching.md has what follows.
TEACH_STAMP = $(VENV)/.installed-teach
$(TEACH_STAMP): pyproject.toml | $(PY)
	$(PIP) install -e ".[course,teach]"
	@touch $@ $(COURSE_STAMP)

.PHONY: teach teach-needs-dir
teach: $(if $(DIR),$(TEACH_STAMP),teach-needs-dir)
	$(PY) tools/teach layout "$(DIR)" $(LESSONS)

teach-needs-dir:
	@echo "Say where: make teach DIR=path/to/course" && exit 2
