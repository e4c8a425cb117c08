"""Frames per second of the playground in the kernel: training plus drawing, as Play runs it.

A frame is one epoch of training (`model.fit(..., epochs=1)` on 200 points in batches of 10,
then the train and test loss of the new weights and a copy of the state, kept to undo a step
that diverges) and every picture redrawn into the widgets (boundary, loss curves, hidden units,
network with dashed negative weights), JPEG-encoded as the front end receives them.
Target: at least 10 frames per second for a 2-8-8-1 network (issue "Watch it learn"). Also the
largest network the controls allow, 4 × 8.

    python -m benchmarks.playground            # writes benchmarks/playground.md
    python -m benchmarks.playground --quick    # fewer frames, prints only
"""
import argparse
import os
import platform
import time
from pathlib import Path

import numpy as np

from nnlib.playground import Playground

HERE = Path(__file__).resolve().parent
TARGET_FPS = 10
NETWORKS = {"2-8-8-1": [8, 8], "2-8-8-8-8-1 (the largest, 4 × 8)": [8, 8, 8, 8]}


def frames_per_second(hidden, frames, repeats=3):
    """Best of `repeats` runs of `frames` frames (one epoch each), and the time split."""
    pg = Playground(data="moons", n=400, test_fraction=0.5, hidden=hidden, batch_size=10)
    pg.widget()            # the ipywidgets, as in JupyterLab (no front end needed to update them)
    pg.train(2)            # imports and first-call costs out of the way
    best = None
    for _ in range(repeats):
        train = draw = 0.0
        cpu = time.process_time()
        for _ in range(frames):
            start = time.perf_counter()
            pg._train("epoch")
            middle = time.perf_counter()
            pg._ui.redraw()
            end = time.perf_counter()
            train, draw = train + middle - start, draw + end - middle
        total, cpu = train + draw, time.process_time() - cpu
        if best is None or total < best[0]:
            best = (total, train, draw, cpu)
    total, train, draw, cpu = best
    return {"fps": frames / total, "train_ms": 1000 * train / frames,
            "draw_ms": 1000 * draw / frames, "cpu_fps": frames / cpu}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames; print, don't write")
    args = parser.parse_args(argv)
    frames = 10 if args.quick else 60
    rows = []
    for label, hidden in NETWORKS.items():
        result = frames_per_second(hidden, frames)
        rows.append((label, result))
        print(f"{label}: {result['fps']:.1f} frames/s (train {result['train_ms']:.1f} ms + "
              f"draw {result['draw_ms']:.1f} ms per frame)")
    if args.quick:
        return rows
    machine = platform.processor() or platform.machine()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = ["# Playground frames per second", "",
             f"Measured {time.strftime('%Y-%m-%d')} on {machine} ({os.cpu_count()} CPUs, load "
             f"average {load:.1f} while measuring: frames/s fall as other processes share the "
             f"CPUs), Python {platform.python_version()}, numpy {np.__version__}; best of 3 runs "
             f"of {frames} frames. A frame = one epoch on 200 training points (batches of 10), "
             f"the train and test loss after it, and every picture redrawn. Target: "
             f"≥ {TARGET_FPS} frames/s for 2-8-8-1.", "",
             "| network | frames/s | train ms/frame | draw ms/frame | target met | frames per "
             "CPU second |",
             "| --- | --- | --- | --- | --- | --- |"]
    for label, r in rows:
        met = "yes" if r["fps"] >= TARGET_FPS else "no"
        lines.append(f"| {label} | {r['fps']:.1f} | {r['train_ms']:.1f} | {r['draw_ms']:.1f} | "
                     f"{met} | {r['cpu_fps']:.0f} |")
    lines += ["", "Frames per CPU second (the process' own CPU time, not the wall clock) is what "
              "the frame costs when nothing else runs; frames/s is what a student saw here."]
    (HERE / "playground.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {HERE / 'playground.md'}")
    return rows


if __name__ == "__main__":
    main()
