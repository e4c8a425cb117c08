"""nnlib's three rooms and what may import what.

- the network (nnlib/*.py): imports only the network;
- the checks (nnlib/checks/): the network and the checks;
- the playground (nnlib/playground/): the network and the playground;
and no module imports itself back through another (no import circle), counting imports made
inside functions too. `import nnlib` still loads numpy only.
"""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nnlib"
ROOMS = ("checks", "playground")


def module_name(path):
    """nnlib/checks/diagnose.py -> 'nnlib.checks.diagnose'; an __init__.py names its package."""
    parts = ["nnlib", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(name):
    """'network', 'checks' or 'playground': the room of module `name` (nnlib itself: None)."""
    parts = name.split(".")
    if len(parts) == 1:
        return None
    return parts[1] if parts[1] in ROOMS else "network"


def modules():
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def nnlib_imports(name, path, known):
    """The nnlib modules that module `name` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "nnlib"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base.split(".")[0] != "nnlib":
                continue
            for alias in node.names:   # `from . import checks` imports the module nnlib.checks
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
    return {m for m in found if m != name}


def import_graph():
    known = modules()
    return {name: nnlib_imports(name, path, known) for name, path in known.items()}


def test_the_three_rooms_exist():
    names = set(modules())
    assert {"nnlib.checks", "nnlib.checks.diagnose", "nnlib.checks.student_code",
            "nnlib.checks.quizzes"} <= names
    assert {"nnlib.playground", "nnlib.playground.core", "nnlib.playground.data",
            "nnlib.playground.pictures", "nnlib.playground.widgets"} <= names
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert not [n for n in flat if n.startswith(("playground", "_diagnose", "_student", "checks"))]


@pytest.mark.parametrize("name", sorted(import_graph()))
def test_a_module_imports_only_its_own_room_and_the_network(name):
    here = room(name)
    if here is None:   # nnlib/__init__.py gathers the three rooms
        return
    allowed = {"network", here}
    wrong = sorted(m for m in import_graph()[name] if room(m) not in allowed | {None})
    assert not wrong, (f"{name} (the {here} room) imports {wrong}: the network never imports "
                       f"the checks or the playground, and those two never import each other")


def test_no_import_circle():
    graph = import_graph()
    # nnlib/__init__.py imports every room, and every submodule's import runs it first: leave
    # the package itself out, as Python does once it is being imported.
    graph = {k: {m for m in v if m != "nnlib"} for k, v in graph.items() if k != "nnlib"}
    state, path = {}, []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == "open":
                loop = path[path.index(nxt):] + [nxt]
                pytest.fail("import circle: " + " -> ".join(loop))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_import_nnlib_loads_the_three_rooms_and_numpy_only():
    code = ("import sys, nnlib; "
            "print(sorted(m for m in sys.modules if m.startswith('nnlib'))); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'PIL', "
            "'sklearn', 'ipywidgets', 'pandas', 'tensorflow', 'keras', 'scipy', 'IPython'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    loaded = eval(out[0])  # a printed list of str
    assert "nnlib.checks" in loaded and "nnlib.playground" in loaded and "nnlib.layers" in loaded
    assert not [m for m in loaded if m.startswith("nnlib.playground.")], loaded
    assert out[1] == "[]", f"import nnlib loaded {out[1]}"
