"""The project's rules: one dependency list, clean notebooks, student/solution pairs, Makefile."""
import json
import re
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = NOTEBOOKS / "solutions"


def normalised(requirement):
    """'scikit_learn>=1.3' -> 'scikit-learn' (PEP 503 names, no versions, extras or markers)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1)
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pyproject_dependencies():
    project = pyproject()["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    names = {normalised(r) for r in requirements}
    names.discard(normalised(project["name"]))  # `nnlib[course]` inside the test extra
    return names


def environment_yml():
    """(conda names, pip names, the `-e .[extras]` line) from environment.yml's lists.

    A small reader for this file's simple shape, so the test needs no YAML library."""
    conda, pip, editable = set(), set(), None
    section, in_pip = None, False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        key = re.match(r"^(\w+):", line)
        if key:  # name:, channels:, dependencies:
            section = key.group(1)
        item = re.match(r"^(\s*)-\s+(.+?)\s*$", line.split(" #")[0])
        if not item or section != "dependencies":
            continue
        indent, value = len(item.group(1)), item.group(2)
        if value == "pip:":
            in_pip, pip_indent = True, indent
            continue
        if in_pip and indent <= pip_indent:
            in_pip = False
        if value.startswith("-e "):
            editable = value
        elif in_pip:
            pip.add(normalised(value))
        else:
            conda.add(normalised(re.split(r"[=<>!\s]", value)[0]))
    return conda, pip, editable


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    conda, pip, _ = environment_yml()
    assert "python" in conda and "pip" in conda
    assert (conda | pip) - {"python", "pip"} == pyproject_dependencies()


def test_environment_yml_installs_nnlib_with_every_extra():
    _, _, editable = environment_yml()
    assert editable is not None and editable.startswith("-e .[")
    extras = set(editable[len("-e .["):].rstrip("]").split(","))
    assert extras == set(pyproject()["project"]["optional-dependencies"])


def test_dependencies_have_lower_bounds_only():
    project = pyproject()["project"]
    for requirement in project["dependencies"]:
        assert ">=" in requirement and not re.search(r"==|<|~=", requirement), requirement


def all_notebooks():
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_committed_notebooks_have_no_outputs():
    dirty = []
    for path in all_notebooks():
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for index, cell in enumerate(notebook["cells"], start=1):
            if cell.get("outputs") or cell.get("execution_count") is not None:
                dirty.append(f"{path.relative_to(ROOT)} (cell {index})")
                break
    assert not dirty, "Clear the outputs of: " + ", ".join(dirty)


def test_every_solution_has_a_student_version_and_vice_versa():
    solutions = {p.name for p in SOLUTIONS.glob("*.ipynb")}
    students = {p.name for p in NOTEBOOKS.glob("*.ipynb")}
    assert solutions - students == set(), "run `make students`"
    assert students - solutions == set(), "student notebooks without a solution notebook"


def test_notebook_names_are_numbered():
    """Lessons are NN_topic.ipynb; the appendix holds sources_NN.ipynb, one per lesson."""
    lessons = {p.name[:2] for p in SOLUTIONS.glob("*.ipynb")}
    for path in all_notebooks():
        if path.parent == NOTEBOOKS / "appendix":
            match = re.fullmatch(r"sources_(\d\d)\.ipynb", path.name)
            assert match and match.group(1) in lessons, \
                f"{path}: the appendix holds sources_NN.ipynb for an existing lesson NN"
        else:
            assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path


def makefile_recipe(target):
    """The recipe lines (tab-indented) of `target:` in the Makefile."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if re.match(rf"^{target}\s*:(?!=)", line):
            recipe = []
            for following in lines[i + 1:]:
                if not following.startswith("\t"):
                    break
                recipe.append(following)
            return recipe
    raise AssertionError(f"no `{target}:` rule in the Makefile")


def test_make_students_never_forces():
    recipe = makefile_recipe("students")
    assert any("tools/make_student_notebooks.py" in line for line in recipe)
    assert not any("--force" in line for line in recipe)



def test_readme_lists_every_lesson_in_order():
    readme = (ROOT / "README.md").read_text()
    lessons = sorted(p.name for p in (ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    linked = re.findall(r"\]\(notebooks/(\d\d_\w+\.ipynb)\)", readme)
    assert linked == lessons, "README's lesson table must link every lesson, in file order"
    assert readme.index("make lab") < readme.index("make test") < readme.index("## The lessons")
