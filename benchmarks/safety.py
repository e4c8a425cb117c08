"""python -m benchmarks.safety: what nnlib's safety nets cost (issue 19).

- The rollback: fit copies the weights and the optimizer's state at the start of an epoch once
  16 steps were taken since the last copy, so that training whose loss stops being finite can
  be undone. Timed here: that copy alone (`Sequential._training_state`, fastest of many), and
  its share of the time between two copies, for networks and batch sizes of the lessons.
- The atomic save: `model.save` writes a temporary file, flushes it to disk (fsync) and renames
  it over the old file. Timed against `np.savez` straight over the file (what save did before),
  same arrays, fastest of a few.
The section "### The cost of the safety nets" of benchmarks/results.md is replaced.
"""
import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

from nnlib import Dense, Sequential
from nnlib.model import _Checkpoints

from .common import fmt_s, md_table
from .same_steps import replace_section

HEADING = "### The cost of the safety nets: rollback and atomic save"
OUT = Path(__file__).resolve().parent / "results.md"


def best(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def network(sizes, activations, loss, optimizer, seed=0):
    layers = [Dense(sizes[1], activations[0], input_dim=sizes[0])]
    layers += [Dense(units, act) for units, act in zip(sizes[2:], activations[1:])]
    m = Sequential(layers, seed=seed)
    m.compile(loss, optimizer)
    return m


def rollback_rows():
    rng = np.random.default_rng(0)
    cases = [  # (what, sizes, activations, loss, optimizer, samples, batch size)
        ("Gender 2-2-1, per sample", (2, 2, 1), ("sigmoid", "sigmoid"), "mse", "sgd", 4, 1),
        ("XOR 2-4-1, full batch", (2, 4, 1), ("sigmoid", "sigmoid"), "mse", "sgd", 4, 4),
        ("Moons 2-3-2, full batch of 200", (2, 3, 2), ("tanh", "softmax"),
         "sparse_categorical_crossentropy", "sgd", 200, 200),
        ("Housing 2-3-1, per sample, 16,512 rows", (2, 3, 1), ("sigmoid", "linear"), "mse",
         "sgd", 16512, 1),
        ("Digits 64-64-32-10, Adam, batches of 32", (64, 64, 32, 10),
         ("relu", "relu", "softmax"), "sparse_categorical_crossentropy", "adam", 1437, 32),
    ]
    rows = []
    for what, sizes, acts, loss, opt, n, batch in cases:
        X = rng.normal(size=(n, sizes[0]))
        y = (rng.integers(0, sizes[-1], n) if loss.startswith("sparse")
             else rng.uniform(size=(n, 1)))
        m = network(sizes, acts, loss, opt)
        epochs = max(1, 2000 // -(-n // batch))
        m.fit(X, y, epochs=1, batch_size=batch, shuffle=False)   # warm, and optimizer state
        epoch = best(lambda: m.fit(X, y, epochs=epochs, batch_size=batch, shuffle=False),
                     5) / epochs
        params = m.params
        copy = best(lambda: [m._training_state(False, params) for _ in range(1000)], 5) / 1000
        steps = -(-n // batch)
        every = -(-_Checkpoints.EVERY // steps)   # epochs between two copies
        rows.append([what, f"{steps:,}", f"{epoch * 1e6:,.1f}", f"{copy * 1e6:.2f}",
                     f"{every}", f"{100 * copy / (every * epoch):.2g} %"])
    return rows


def save_rows(folder):
    rows = []
    for what, sizes in (("2-3-1 (13 weights)", (2, 3, 1)),
                        ("1000-1000-1000 (2 M weights, 48 MB with Adam)", (1000, 1000, 1000))):
        m = network(sizes, ("tanh", "linear"), "mse", "adam")
        X = np.ones((2, sizes[0]))
        m.fit(X, np.ones((2, sizes[-1])), epochs=1)
        path = str(Path(folder) / "m.npz")
        m.save(path)
        new = best(lambda: m.save(path), 5)
        config = m.get_config()
        state = m.optimizer.get_state()
        arrays = {f"w{i}": p for i, p in enumerate(m.params)}
        for key, value in state.items():
            if isinstance(value, list):
                arrays.update({f"optimizer_{key}_{i}": a for i, a in enumerate(value)})
        old = best(lambda: np.savez(path, config=np.array(json.dumps(config)), **arrays), 5)
        size = os.path.getsize(path)
        rows.append([what, f"{size / 1e6:,.3g} MB", fmt_s(old), fmt_s(new),
                     f"{new / old:.2f}×", fmt_s(new - old)])
    return rows


def section():
    with tempfile.TemporaryDirectory() as folder:
        saves = save_rows(folder)
    rollback = rollback_rows()
    return [HEADING, "",
            f"Measured by `python -m benchmarks.safety` on "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average at start "
            f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}; fastest of 5.",
            "",
            "**Rollback.** `fit` copies the weights and the optimizer's state at the start of an "
            "epoch once 16 steps were taken since the last copy, so that training whose loss "
            "stops being finite is undone (`Sequential._training_state`). The copy, and its "
            "share of the training time between two copies:",
            ""] + md_table(["network", "steps per epoch", "one epoch of fit (µs)",
                            "the copy (µs)", "a copy every ... epochs", "share of the time"],
                           rollback) + [
            "",
            "**Atomic save.** `model.save` writes a temporary file in the same folder, flushes "
            "it to disk (`os.fsync`) and renames it over the old file, so an interrupted save "
            "never destroys the last good file. Against `np.savez` straight over the file (the "
            "save before), same arrays:",
            ""] + md_table(["model", "file", "np.savez over the file (s)",
                            "model.save, atomic (s)", "ratio", "extra (s)"], saves) + [
            "",
            "**Same steps.** The step-for-step table above compares nnlib before these safety "
            "nets (commit 22afc4a, its *before* columns) with after. On this shared machine "
            "(load average 3 to 15 during the runs) the CPU-time ratios moved by -1 % to +16 %, "
            "in both directions between repeated runs; see the report of issue 19 for a direct "
            "A/B of `fit` per epoch.", ""]


def main():
    os.environ.setdefault("MPLBACKEND", "Agg")
    new = section()
    print("\n".join(new))
    old = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    OUT.write_text(replace_section(old, new, HEADING), encoding="utf-8")


if __name__ == "__main__":
    main()
