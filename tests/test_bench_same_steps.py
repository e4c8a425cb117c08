"""`python -m benchmarks --same-steps`: the step-for-step table alone, put into the results file
in place of its section (the rest of the file untouched), with an earlier run beside it.

Not a timed test: nothing here asserts a speed.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import same_steps

ROOT = Path(__file__).resolve().parent.parent

ROW = {"title": "XOR 2-4-1", "style": "full-batch numpy", "settings": "SGD lr 0.1", "epochs": 10,
       "steps": 10, "article": 0.002, "nnlib": 0.003, "article_cpu": 0.001, "nnlib_cpu": 0.002,
       "article_runs": [0.002],
       "nnlib_runs": [0.003]}
INFO = {"date": "2026-01-01 00:00 UTC", "nnlib commit": "abc1234",
        "load average at start (1, 5, 15 min)": "0.00, 0.00, 0.00"}


def test_the_section_replaces_only_its_own_part_of_the_file():
    old = ("# Benchmarks\n\n## Targets\n\ntext\n\n" + same_steps.HEADING + "\n\nold table\n\n"
           "## 1. Time to target\n\nmore\n")
    new = same_steps.replace_section(old, same_steps.section({"xor": ROW}, INFO, 5))
    assert "old table" not in new
    assert new.startswith("# Benchmarks\n\n## Targets\n\ntext\n\n" + same_steps.HEADING)
    assert new.endswith("## 1. Time to target\n\nmore\n")
    assert "| XOR 2-4-1 |" in new and "1.50×" in new and "300.0" in new   # ratio, µs per step
    assert "2.00×" in new   # the same by CPU time


def test_an_earlier_run_is_shown_beside_the_new_one():
    before = dict(ROW, nnlib=0.004)
    text = "\n".join(same_steps.section({"xor": ROW}, INFO, 5, {"xor": before},
                                        dict(INFO, **{"nnlib commit": "0ld0ld0"})))
    assert "before (0ld0ld0)" in text and "2.00×" in text and "1.50×" in text
    assert "| — |" not in text                      # every figure there, CPU ratios included


def test_quick_same_steps_run_writes_the_section_and_its_json(tmp_path):
    out = tmp_path / "results.md"
    out.write_text("# kept\n", encoding="utf-8")
    env = dict(os.environ, MPLBACKEND="Agg")
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--same-steps", "--quick",
                           "--repeats", "1", "--out", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# kept\n") and same_steps.HEADING in text
    saved = json.loads(out.with_suffix(".same_steps.json").read_text(encoding="utf-8"))
    assert {"gender", "xor", "three_levels", "moons"} <= set(saved["rows"])
    for row in saved["rows"].values():
        assert row["article"] > 0 and row["nnlib"] > 0 and row["epochs"] > 0
