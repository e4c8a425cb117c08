"""How the "fast" settings of each task were chosen: a small grid, nnlib only.

    python -m benchmarks.search [TASK ...]

For every (optimizer, learning rate, batch size) of the grid: the epochs nnlib needs to reach the
task's target from the task's start weights (checked every epoch), then the time of that many
epochs in one `fit` call (minimum of 3). Prints the grid sorted by time. The winner of each task
is what tasks.py calls "fast"; Keras is given the same settings (its per-step costs are higher,
so fewer, larger steps suit it at least as well).
"""
import sys
import timeit

from nnlib.optimizers import SGD, Adam

from . import tasks as T
from .common import quiet_environment

GRID = {
    "housing": {"batch": [32, 128, 256, 1024, None], "sgd": [0.5, 1.0, 2.0],
                "adam": [0.01, 0.03, 0.05, 0.1, 0.2], "cap": 300},
    "gender": {"batch": [1, 2, None], "sgd": [0.1, 0.3, 1.0, 3.0],
               "adam": [0.05, 0.1, 0.2, 0.5, 1.0], "cap": 3000},
    "xor": {"batch": [1, 2, None], "sgd": [0.1, 1.0, 3.0, 10.0],
            "adam": [0.03, 0.1, 0.3, 1.0], "cap": 20_000},
    "three_levels": {"batch": [1, 2, 5, None], "sgd": [0.5, 2.0, 5.0, 10.0, 20.0],
                     "adam": [0.05, 0.1, 0.3, 1.0], "cap": 2000},
    "moons": {"batch": [20, 50, None], "sgd": [2.0, 4.0, 8.0],
              "adam": [0.01, 0.03, 0.05, 0.1, 0.3], "cap": 20_000},
    "digits": {"batch": [32, 64, 128, 256], "sgd": [0.1, 0.3, 1.0],
               "adam": [0.001, 0.003, 0.01, 0.03], "cap": 60},
}


def search(key, log=print):
    task = T.TASKS[key]
    data = task.load(False)
    grid = GRID[key]
    found = []
    for kind, rates in (("SGD", grid["sgd"]), ("Adam", grid["adam"])):
        for lr in rates:
            for bs in grid["batch"]:
                make = (lambda lr=lr: SGD(lr)) if kind == "SGD" else (lambda lr=lr: Adam(lr))
                s = T.Settings("trial", f"{kind} lr {lr}, batch {bs or 'full'}", make, bs,
                               every=1, cap=grid["cap"], quick_cap=grid["cap"])
                out = T.find_epochs(task, data, T.NnlibTrainer(task, data, s), s, s.cap, 60.0)
                if not out.reached:
                    continue
                trainer = T.NnlibTrainer(task, data, s)

                def run(trainer=trainer, e=out.epochs):
                    trainer.start(e)
                    trainer.train(e)

                seconds = min(timeit.repeat(run, number=1, repeat=3))
                found.append((seconds, out.epochs, s.text))
    found.sort()
    log(f"== {key}: {len(found)} settings reach '{task.target}'; fastest first")
    for seconds, epochs, text in found[:10]:
        log(f"  {seconds * 1e3:9.2f} ms  {epochs:6d} epochs  {text}")
    return found


if __name__ == "__main__":
    quiet_environment()
    for key in sys.argv[1:] or list(GRID):
        search(key)
