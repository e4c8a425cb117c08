"""The benchmark runs (quick mode, in a subprocess) and its comparison is fair: each article loop
learns its task on a small budget, and takes exactly nnlib's steps given the same settings.

Not a timed test: nothing here asserts a speed.
"""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import nnlib
from benchmarks import article_loops as al
from benchmarks import tasks as T

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "benchmarks" / "results.md"


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def test_quick_mode_writes_every_section_and_task(tmp_path):
    out = tmp_path / "bench" / "results.md"
    before = _digest(COMMITTED)
    env = dict(os.environ, MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL="2",
               TF_ENABLE_ONEDNN_OPTS="0")
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert out.exists() and out.with_suffix(".png").exists()
    assert out.with_suffix(".png").stat().st_size > 10_000
    text = out.read_text(encoding="utf-8")
    for heading in ["## Machine", "## Targets", "## 1. Time to target",
                    "## 2. Housing 2-3-1: 100 epochs of per-sample SGD",
                    "## 3. Scale: seconds per epoch", "## 4. `import nnlib`", "## Plot",
                    "Quick mode", "results.png"]:
        assert heading in text, heading
    for task in T.TASKS.values():
        assert f"### {task.title}" in text, task.title
    housing_skipped = "Skipped: the California housing file" in text
    if not housing_skipped:
        assert "## 6. Where nnlib's `batch_size=1` step goes" in text
        assert "batch_size=1` ≤ 2× the article's scalar loop" in text
    for row in ["nnlib ≥ 10× faster than plain Keras `fit`", "within 1.5× of Keras per epoch",
                "`import nnlib` under 0.3 s"]:
        assert row in text, row
    assert ("✓" in text) or ("✗" in text)
    # quick mode never touches the committed results
    assert _digest(COMMITTED) == before


def test_quick_mode_defaults_to_a_temporary_folder():
    from benchmarks.__main__ import DEFAULT_OUT, parse_args
    args = parse_args(["--quick"])
    assert args.out is None and DEFAULT_OUT == COMMITTED   # main() then picks a temp folder


# --- each article loop learns its task on a small budget -----------------------------------------

def test_xor_article_loop_gets_all_four_right():
    X, y = nnlib.datasets.xor()
    net = al.XorNet(seed=0)
    net.train(X, y, 4000)
    assert np.array_equal(net.forward(X) > 0.5, y > 0.5)
    assert net.losses[-1] < net.losses[0]


def test_gender_article_loop_separates_emily_and_frank():
    data = T.TASKS["gender"].load(False)
    net = al.GenderScalarNet(seed=0)
    net.train(data.X, data.y[:, 0], epochs=400)
    emily, frank = (net.feedforward(q) for q in data.extra["queries"])
    assert emily > 0.9 and frank < 0.1
    assert net.losses[-1] < 0.1 * net.losses[0]


def test_three_levels_article_loop_gets_all_ten_rows():
    data = T.TASKS["three_levels"].load(False)
    net = al.ThreeLevelsNetwork.create(seed=0)
    net.train(30, 2, data.extra["rows"], data.extra["label_list"])
    assert [net.predict(r) for r in data.extra["rows"]] == data.extra["label_list"]
    assert net.epoch_errors[-1] < net.epoch_errors[0]


def test_moons_article_loop_reaches_97_percent():
    X, y = nnlib.datasets.moons()
    model = al.moons_train(al.moons_init(3, seed=0), X, y, num_passes=600)
    assert np.mean(al.moons_predict(model, X) == y) >= 0.97


@pytest.fixture(scope="module")
def housing():
    try:
        return T.housing_data(quick=False)
    except T.Skip as exc:
        pytest.skip(str(exc))


def test_housing_article_loop_learns(housing):
    net = al.HousingScalarNet(seed=0)
    X, y = housing.X[:2000], housing.y[:2000]
    X_test, y_test = housing.extra["X_test"], housing.extra["y_test"]

    def mse():
        return np.mean((np.array(net.predict(X_test)).reshape(-1, 1) - y_test) ** 2)

    before = mse()
    net.fit(X, y, epoch=5, lr=0.05)
    assert mse() < 0.7 * before
    assert len(net.mse_list) == 5 and net.mse_list[-1] < net.mse_list[0]


# --- ... and takes exactly nnlib's steps with the article's settings ------------------------------

def _nnlib_after(key, epochs, X=None, y=None):
    task = T.TASKS[key]
    data = task.load(False)
    model = T.build_nnlib(task, task.candidates[0])
    X = data.X if X is None else X
    y = data.y if y is None else y
    model.fit(X, y, epochs=epochs, batch_size=T.batch_size_of(task.candidates[0], data),
              shuffle=False)
    return model.get_weights()


def _max_gap(a, b):
    return max(np.max(np.abs(p - q)) for p, q in zip(a, b))


@pytest.mark.parametrize("key,epochs", [("gender", 50), ("xor", 200), ("three_levels", 10),
                                        ("moons", 100)])
def test_article_loop_and_nnlib_take_the_same_steps(key, epochs):
    task = T.TASKS[key]
    data = task.load(False)
    net = task.article.new()
    net = task.article.train(net, data, epochs)
    weights = al.moons_nnlib_weights(net) if key == "moons" else net.nnlib_weights()
    assert _max_gap(weights, _nnlib_after(key, epochs)) < 1e-10


def test_housing_loops_and_nnlib_take_the_same_steps(housing):
    X, y = housing.X[:300], housing.y[:300]
    scalar, matrix = al.HousingScalarNet(seed=0), al.HousingNumpyPerSample(seed=0)
    scalar.fit(X, y, epoch=2, lr=0.05)
    matrix.fit(X, y, epoch=2, lr=0.05)
    nn = _nnlib_after("housing", 2, X, y)
    assert _max_gap(scalar.nnlib_weights(), nn) < 1e-12
    assert _max_gap(matrix.nnlib_weights(), nn) < 1e-12


def test_every_task_has_a_reachable_fast_setting():
    """The 'fast' settings reach their target with nnlib (digits: within its cap)."""
    for key in ["gender", "xor", "three_levels", "moons", "digits"]:
        task = T.TASKS[key]
        data = task.load(False)
        s = T.task_settings(task, "fast")
        out = T.find_epochs(task, data, T.NnlibTrainer(task, data, s), s, s.cap, 60.0)
        assert out.reached, (key, out.metric, out.note)
