"""python -m benchmarks [--quick] [--only TASK ...] [--same-steps [--before JSON]] [--out PATH]

Full run (`make bench`): every task, the housing 100-epoch run, the scale grid, import time, the
notebooks; writes benchmarks/results.md and benchmarks/results.png.
Quick run (`--quick`, what CI runs through tests/test_benchmarks.py): small sizes, few epochs, one
repeat, under a minute; writes to a temporary folder unless --out says where. Notebooks only with
--notebooks.
Same steps (`--same-steps`): only the step-for-step table (each article's loop against nnlib on
the article's settings, no Keras, a minute or two); it replaces that section of the results file
and writes the figures beside it as <name>.same_steps.json, which a later run can show as
`--before`.
"""
import argparse
import sys
import tempfile
import traceback
from pathlib import Path

from .common import IMPORT_SECONDS, clock, load_average, machine_info, quiet_environment

SECTIONS = ["housing", "gender", "xor", "three_levels", "moons", "digits", "scale", "import",
            "notebooks"]
DEFAULT_OUT = Path(__file__).resolve().parent / "results.md"


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="small sizes, few epochs, one repeat (< 60 s); writes to a temp folder "
                        "unless --out is given")
    p.add_argument("--only", nargs="+", choices=SECTIONS, metavar="TASK",
                   help="run only these: " + ", ".join(SECTIONS) + " (housing includes the "
                        "100-epoch run and the batch_size=1 profile)")
    p.add_argument("--out", type=Path, help=f"where to write the Markdown (default: {DEFAULT_OUT}; "
                   "quick mode: a temp folder); the plot goes beside it as <name>.png")
    p.add_argument("--notebooks", action="store_true",
                   help="also execute the notebooks in quick mode (always done in a full run)")
    p.add_argument("--same-steps", action="store_true",
                   help="only the step-for-step table (article's loop vs nnlib, article's "
                        "settings); replaces that section of --out (default: results.md)")
    p.add_argument("--before", type=Path,
                   help="with --same-steps: a <name>.same_steps.json from an earlier run, shown "
                        "beside the new figures")
    p.add_argument("--repeats", type=int, help="timed repeats (default 3, quick 1)")
    p.add_argument("--wall-cap", type=float,
                   help="seconds after which a Keras run stops and is extrapolated "
                        "(default 60, quick 5)")
    return p.parse_args(argv)


def main(argv=None):
    quiet_environment()
    args = parse_args(argv)
    quick = args.quick
    repeats = args.repeats or (1 if quick else 3)
    if args.same_steps:
        repeats = args.repeats or (1 if quick else 5)
    wall_cap = args.wall_cap or (5.0 if quick else 60.0)
    if args.out is not None:
        out = args.out
    elif quick:
        out = Path(tempfile.mkdtemp(prefix="nnlib-bench-")) / "results.md"
    else:
        out = DEFAULT_OUT
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    plot = out.with_suffix(".png")
    wanted = set(args.only or SECTIONS)
    if quick and not args.notebooks and not args.only:
        wanted.discard("notebooks")

    def log(msg):
        print(msg, flush=True)

    if args.same_steps:
        from . import same_steps
        log(f"benchmarks (same steps), repeats={repeats}, writing {out}")
        print(same_steps.run(out, quick, repeats, log, machine_info(), args.before))
        return 0

    t0 = clock()
    results = {"mode": "quick" if quick else "full", "machine": machine_info(),
               "repeats": repeats, "only": args.only, "tasks": {}}
    log(f"benchmarks ({results['mode']}), repeats={repeats}, writing {out}")
    errors = []

    from . import extras, tasks
    if "import" in wanted:   # first, before this process has TensorFlow in memory
        log("== import nnlib")
        results["imports"] = extras.import_times(repeats=3 if quick else 9)
        log(f"  import nnlib: {results['imports']['statement']:.3f} s (statement, numpy "
            f"{results['imports']['statement_numpy']:.3f} s)")

    if "housing" in wanted:
        log("== housing: 100 epochs of per-sample SGD")
        try:
            data = tasks.housing_data(quick)
            results["housing100"] = tasks.run_housing100(quick, log)
            results["profile"] = extras.profile_batch1(data, log, n=500 if quick else 2000)
        except tasks.Skip as exc:
            log(f"  skipped: {exc}")
            results["housing100"] = {"skipped": str(exc)}

    for key in tasks.TASK_ORDER:
        if key not in wanted:
            continue
        log(f"== time to target: {key}")
        try:
            outcomes = tasks.run_task(tasks.TASKS[key], quick, repeats, log, wall_cap)
            results["tasks"][key] = {"outcomes": outcomes}
        except tasks.Skip as exc:
            log(f"  skipped: {exc}")
            results["tasks"][key] = {"skipped": str(exc)}
        except Exception as exc:
            traceback.print_exc()
            errors.append(f"{key}: {exc!r}")
            results["tasks"][key] = {"skipped": f"error: {exc!r}"}

    if "scale" in wanted:
        log("== scale")
        from .scale import run_scale
        results["scale"] = run_scale(quick, repeats, log)

    if "notebooks" in wanted:
        log("== notebooks")
        results["notebooks"] = extras.run_notebooks(log)

    results["keras_import"] = IMPORT_SECONDS.get("keras")
    results["load_end"] = ", ".join(f"{x:.2f}" for x in load_average())
    results["duration"] = clock() - t0

    from .report import write_markdown, write_plot
    write_plot(results, plot)
    text = write_markdown(results, out, plot.name)
    print()
    print(text)
    log(f"\nwrote {out} and {plot} in {results['duration']:.0f} s")
    if errors:
        log("errors: " + "; ".join(errors))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
