"""`import nnlib` time, the notebooks' execution times, a profile of nnlib's batch_size=1 step."""
import cProfile
import io
import os
import pstats
import subprocess
import sys
import timeit
from pathlib import Path

import numpy as np

from .common import ROOT, clock

HEAVY = ("tensorflow", "keras", "matplotlib", "sklearn", "scipy", "pandas", "tqdm", "IPython")


# --- import time ----------------------------------------------------------------------------------

def _env():
    env = os.environ.copy()
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH")
                                     else "")
    return env


def _parse_importtime(stderr):
    """`python -X importtime` output -> list of root nodes {name, self, cum, children}."""
    pending = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2   # " " + two spaces per level
        node = {"name": name.strip(), "self": int(self_us), "cum": int(cum_us), "depth": depth,
                "children": []}
        while pending and pending[-1]["depth"] > depth:
            node["children"].insert(0, pending.pop())
        pending.append(node)
    return pending


def _walk(node, skip):
    if skip(node["name"]):
        return
    yield node
    for child in node["children"]:
        yield from _walk(child, skip)


def import_times(repeats=7):
    """Fresh interpreters, interleaved, minimum of `repeats`:
    wall time of `python -c "pass" / "import numpy" / "import nnlib"`, and -X importtime's
    cumulative time of the `import nnlib` statement, split into numpy and the rest."""
    py, env = sys.executable, _env()
    codes = {"python": "pass", "numpy": "import numpy", "nnlib": "import nnlib"}
    wall = {k: [] for k in codes}
    cumulative, numpy_part, trees = [], [], []
    for _ in range(repeats):
        for key, code in codes.items():
            t = clock()
            subprocess.run([py, "-c", code], check=True, cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[key].append(clock() - t)
        res = subprocess.run([py, "-X", "importtime", "-c", "import nnlib"], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
        roots = _parse_importtime(res.stderr)
        nnlib_node = next(r for r in roots if r["name"] == "nnlib")
        np_cum = sum(n["cum"] for n in _walk(nnlib_node, lambda name: False)
                     if n["name"] == "numpy")
        # numpy may already be imported by site (it is not, normally): then it is not in the tree
        cumulative.append(nnlib_node["cum"] / 1e6)
        numpy_part.append(np_cum / 1e6)
        trees.append(nnlib_node)
    best = int(np.argmin(cumulative))
    own = [n for n in _walk(trees[best], lambda name: name == "numpy" or
                            name.startswith("numpy."))]
    top = sorted(own, key=lambda n: -n["self"])[:8]
    loaded = subprocess.run(
        [py, "-c", "import sys, nnlib; print(' '.join(m for m in %r if m in sys.modules))"
         % (HEAVY,)], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout.split()
    return {
        "wall": {k: min(v) for k, v in wall.items()},
        "wall_runs": wall,
        "statement": min(cumulative),
        "statement_numpy": numpy_part[best],
        "statement_net": cumulative[best] - numpy_part[best],
        "top": [(n["name"], n["self"] / 1e6) for n in top],
        "heavy_loaded": loaded,
        "repeats": repeats,
    }


# --- notebooks ------------------------------------------------------------------------------------

def run_notebooks(log, timeout=900):
    """Execute every notebooks/solutions/*.ipynb with nbclient (a fresh kernel each), timed."""
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
    except ImportError as exc:
        return {"skipped": f"nbclient is not installed ({exc})", "notebooks": []}
    folder = ROOT / "notebooks" / "solutions"
    paths = sorted(folder.glob("*.ipynb"))
    if not paths:
        return {"skipped": f"no notebooks in {folder}", "notebooks": []}
    rows = []
    for path in paths:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as exc:  # being written by someone right now
            rows.append({"name": path.name, "seconds": None, "cells": 0,
                         "status": f"unreadable: {type(exc).__name__}"})
            continue
        cells = sum(c.cell_type == "code" for c in nb.cells)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        t = clock()
        try:
            client.execute()
            status = "ok"
        except CellExecutionError as exc:
            status = f"failed: {getattr(exc, 'ename', 'error')}"
        except Exception as exc:  # kernel died, timeout, ...
            status = f"failed: {type(exc).__name__}"
        seconds = clock() - t
        rows.append({"name": path.name, "seconds": seconds, "cells": cells, "status": status,
                     "cell_seconds": _cell_seconds(nb)})
        log(f"  [notebooks] {path.name}: {seconds:.1f} s, cells {rows[-1]['cell_seconds']:.1f} s "
            f"({status})")
    return {"skipped": None, "notebooks": rows}


def _cell_seconds(nb):
    """Sum over code cells of the kernel's execution time (nbclient's timing metadata)."""
    import datetime
    total = 0.0
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if start and end:
            parse = datetime.datetime.fromisoformat
            total += (parse(end.replace("Z", "+00:00"))
                      - parse(start.replace("Z", "+00:00"))).total_seconds()
    return total


# --- where a batch_size=1 step goes ---------------------------------------------------------------

def bare_numpy_step(x, y, W1, b1, W2, b2, lr):
    """nnlib's batch_size=1 step for the housing 2-3-1 network (sigmoid, sigmoid, mse, SGD) as
    the same numpy calls in a row, without nnlib's classes: the floor for nnlib's arithmetic.
    Returns the loss before the step, as fit records it."""
    z1 = x @ W1 + b1
    a1 = 0.5 * (1.0 + np.tanh(0.5 * z1))
    z2 = a1 @ W2 + b2
    a2 = 0.5 * (1.0 + np.tanh(0.5 * z2))
    d = a2 - y
    value = (d * d).sum() / d.size
    grad_z2 = (a2 - y) * (2.0 / a2.size) * a2 * (1.0 - a2)
    grad_a1 = grad_z2 @ W2.T
    grad_z1 = grad_a1 * a1 * (1.0 - a1)
    for p, g in ((W1, x.T @ grad_z1), (b1, grad_z1.sum(axis=0)), (W2, a1.T @ grad_z2),
                 (b2, grad_z2.sum(axis=0))):
        p -= lr * g
    return value


def profile_batch1(data, log, n=2000):
    """cProfile of nnlib's fit(batch_size=1) on n housing rows, and a per-step anatomy."""
    from nnlib import Dense, Sequential
    from nnlib.optimizers import SGD

    from . import article_loops as al

    X, y = data.X[:n], data.y[:n]
    start = al.HousingScalarNet(seed=0).nnlib_weights()

    def model():
        m = Sequential([Dense(3, activation="sigmoid", input_dim=2),
                        Dense(1, activation="sigmoid")], seed=0)
        m.compile(loss="mse", optimizer=SGD(0.05))
        m.set_weights(start)
        return m

    m = model()
    m.fit(X, y, epochs=1, batch_size=1, shuffle=False)   # warm
    prof = cProfile.Profile()
    t = clock()
    prof.enable()
    m.fit(X, y, epochs=1, batch_size=1, shuffle=False)
    prof.disable()
    profiled = clock() - t
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = sum(v[2] for v in stats.stats.values())
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
        where = f"{Path(filename).parent.name}/{Path(filename).name}:{line}" if line else ""
        name = f"{where} {func}".strip() if where else func
        rows.append({"function": name, "calls": nc, "tottime": tt, "cumtime": ct,
                     "per_step_us": tt / n * 1e6, "share": tt / total if total else 0})
    rows.sort(key=lambda r: -r["tottime"])

    # anatomy of one step, each piece timed alone (best of 5 x 2,000 calls)
    m = model()
    xb, yb = X[:1], y[:1]
    params = m.params
    m.forward(xb)
    m.backward(yb)
    grads = [g for layer in m.layers for g in layer.grads]
    net = al.HousingScalarNet(seed=0)
    net.lr = 0.05
    x0, y0 = X[0], y[0][0]
    W = start[0]
    scratch = W.copy()
    lr = 0.05

    opt = SGD(1e-12)   # a step that leaves the weights (practically) unchanged
    floor_weights = [w.copy() for w in start]
    fit_model = model()

    def fit_epoch():
        fit_model.fit(X, y, epochs=1, batch_size=1, shuffle=False)

    pieces = [   # (label, function, calls per timing, steps per call)
        ("one step inside `fit` (fit time / samples)", fit_epoch, 1, n),
        ("`train_step(x, y)`", lambda: m.train_step(xb, yb), 1000, 1),
        ("  `forward` (2 Dense layers)", lambda: m.forward(xb), 1000, 1),
        ("  `backward` (loss value + gradients)", lambda: m.backward(yb), 1000, 1),
        ("  `optimizer.apply` (SGD, 4 arrays)", lambda: opt.apply(params, grads), 1000, 1),
        ("    of which `Dense.forward`, one layer", lambda: m.layers[0].forward(xb), 1000, 1),
        ("    of which `sigmoid` on (1, 3)",
         lambda: m.layers[0].activation.forward(m.layers[0].z), 1000, 1),
        ("    of which `mse` value", lambda: m.loss.value(yb, m.layers[-1].a), 1000, 1),
        ("    of which `grad_z.sum(axis=0)` on (1, 3)", lambda: m.layers[0].z.sum(axis=0),
         1000, 1),
        ("    of which `p -= lr * g` on one (2, 3) array",
         lambda: np.subtract(scratch, lr * grads[0], out=scratch), 1000, 1),
        ("numpy floor: nnlib's whole step as bare numpy calls (no classes)",
         lambda: bare_numpy_step(xb, yb, *floor_weights, 1e-12), 1000, 1),
        ("article: one `backpropagation(x, y)` (scalars)",
         lambda: net.backpropagation(x0, y0), 1000, 1),
        ("numpy floor: one (1, 2) @ (2, 3) product", lambda: xb @ W, 5000, 1),
        ("numpy floor: one `np.tanh` on (1, 3)", lambda: np.tanh(m.layers[0].z), 5000, 1),
    ]
    best_us = [float("inf")] * len(pieces)
    for _ in range(7):   # rounds, each piece in turn: a busy moment hits them all
        for i, (_, fn, number, steps) in enumerate(pieces):
            t = timeit.timeit(fn, number=number)
            best_us[i] = min(best_us[i], t / (number * steps) * 1e6)
    anatomy = [(label, us) for (label, *_), us in zip(pieces, best_us)]
    fit_us = best_us[0]
    log(f"  [profile] nnlib batch_size=1: {fit_us:.1f} µs per step")
    return {"n": n, "profiled_seconds": profiled, "rows": rows[:14], "anatomy": anatomy}

