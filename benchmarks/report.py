"""results.md and results.png from the measurements."""
from pathlib import Path

from . import scale as scale_module
from .common import fmt_ratio, fmt_s, md_table
from .tasks import SHORT, TASK_ORDER, TASKS, best

METHOD_ORDER = ["article", "nnlib", "keras_plain", "keras_tuned"]
COLORS = {"article": "#8c6d31", "nnlib": "#1f77b4", "keras_plain": "#d62728",
          "keras_tuned": "#ff7f0e", "article_steps": "#bd9e39", "numpy_per_sample": "#7f7f7f"}
TARGET_SCALE_POINT = (100_000, 1024)


def _ok(flag):
    return "✓" if flag else "✗"


# --- targets --------------------------------------------------------------------------------------

def compute_targets(results):
    """A list of dicts: target, required, measured, ok (True/False/None), why (for misses)."""
    rows = []
    tasks = results.get("tasks", {})
    for key in TASK_ORDER:
        entry = tasks.get(key)
        if not entry or entry.get("skipped"):
            continue
        outs = entry["outcomes"]
        nn = best(outs, "nnlib")
        kp = best(outs, "keras_plain")
        art = best(outs, "article")
        task = TASKS[key]
        if nn and kp:
            ratio = kp.seconds / nn.seconds
            rows.append({"id": f"keras-{key}", "target": f"{task.title}: nnlib ≥ 10× faster "
                         "than plain Keras `fit`", "required": "≥ 10×",
                         "measured": f"{fmt_ratio(ratio)} ({fmt_s(kp.seconds, kp.extrapolated)} s "
                         f"vs {fmt_s(nn.seconds)} s)", "ok": ratio >= 10, "ratio": ratio,
                         "task": key})
        if task.style and nn and art:
            ratio = art.seconds / nn.seconds
            need = 5.0 if task.style == "per-sample" else 1.0
            rows.append({"id": f"article-{key}", "target": f"{task.title}: nnlib "
                         + ("≥ 5× faster than the article's per-sample loop"
                            if need == 5 else "no slower than the article's full-batch numpy"),
                         "required": "≥ 5×" if need == 5 else "≥ 1×",
                         "measured": f"{fmt_ratio(ratio)} ({fmt_s(art.seconds)} s vs "
                         f"{fmt_s(nn.seconds)} s)", "ok": ratio >= need, "ratio": ratio,
                         "need": need, "task": key})
    h = results.get("housing100")
    if h and not h.get("skipped"):
        runs = h["runs"]
        ratio = runs["nnlib"].estimate / runs["article"].estimate
        rows.append({"id": "batch1", "target": "Housing, 100 epochs: nnlib `batch_size=1` ≤ 2× "
                     "the article's scalar loop", "required": "≤ 2×",
                     "measured": f"{ratio:.2f}× ({fmt_s(runs['nnlib'].estimate)} s vs "
                     f"{fmt_s(runs['article'].estimate)} s)", "ok": ratio <= 2.0,
                     "ratio": ratio})
    points = results.get("scale")
    if points:
        target = [p for p in points if (p.rows, p.width) == TARGET_SCALE_POINT]
        p = target[0] if target else max(points, key=lambda q: (q.rows * q.width))
        ratio = p.seconds["nnlib"] / p.seconds["keras_tuned"]
        rows.append({"id": "scale", "target": f"{p.rows:,} rows × width {p.width:,}: nnlib within "
                     "1.5× of Keras per epoch", "required": "≤ 1.5×",
                     "measured": f"{ratio:.2f}× ({fmt_s(p.seconds['nnlib'])} s vs "
                     f"{fmt_s(p.seconds['keras_tuned'])} s per epoch, Keras tuned)",
                     "ok": ratio <= 1.5, "ratio": ratio, "point": p})
    imp = results.get("imports")
    if imp:
        t = imp["statement"]
        rows.append({"id": "import", "target": "`import nnlib` under 0.3 s", "required": "< 0.3 s",
                     "measured": f"{t:.3f} s (of which numpy {imp['statement_numpy']:.3f} s)",
                     "ok": t < 0.3})
    return rows


def explain_miss(row, results):
    """A sentence or two: by how much the target is missed and why (from the measurements)."""
    rid = row["id"]
    if rid == "batch1":
        runs = results["housing100"]["runs"]
        prof = results.get("profile") or {}
        anatomy = dict(prof.get("anatomy", []))
        need = runs["article"].estimate * 2
        us_nn = runs["nnlib"].estimate / runs["nnlib"].steps * 1e6
        us_art = runs["article"].estimate / runs["article"].steps * 1e6
        floor = anatomy.get("numpy floor: one (1, 2) @ (2, 3) product")
        floor_ufunc = anatomy.get("numpy floor: one `np.tanh` on (1, 3)")
        text = (f"Missed by {row['ratio'] / 2:.1f}× (nnlib would have to take ≤ {need:.1f} s, "
                f"i.e. {us_art * 2:.1f} µs per step; it takes {us_nn:.1f} µs). Why: with one "
                "sample a step is all fixed cost. nnlib's step is ~40 numpy calls on 1×3 arrays "
                "(two Dense forwards, activation, loss value and gradient, two Dense backwards, "
                "4 in-place updates)")
        if floor and floor_ufunc:
            text += (f", and one numpy call costs {floor_ufunc:.1f}–{floor:.1f} µs however "
                     "small the array (a ufunc, a matrix product)")
        bare = anatomy.get("numpy floor: nnlib's whole step as bare numpy calls (no classes)")
        if bare:
            text += (f"; the same calls written in a row, without nnlib's classes, take "
                     f"{bare:.1f} µs a step, {bare / us_art:.1f}× the article's step: the "
                     "target cannot be met by trimming the code around the arithmetic")
        text += (", while the article's step is ~100 arithmetic operations on numpy scalars at "
                 "~0.1 µs each. Where exactly the time goes is in section 6 (profile). The same "
                 "steps in batches are what nnlib is for: see the housing time-to-target rows.")
        return text
    if rid == "scale":
        p = row["point"]
        return (f"Missed by {row['ratio'] / 1.5:.2f}× the allowance: nnlib "
                f"{p.seconds['nnlib'] / p.steps * 1e6:.0f} µs per batch-of-32 step against Keras' "
                f"{p.seconds['keras_tuned'] / p.steps * 1e6:.0f} µs. With 3,125 small steps per "
                "epoch, nnlib pays Python's per-step overhead (layers, loss, Adam's per-array "
                "updates) on top of the same float64 matrix products, which TensorFlow runs "
                "inside one compiled graph.")
    if rid == "import":
        imp = results["imports"]
        top = ", ".join(f"{n} {s * 1e3:.0f} ms" for n, s in imp["top"][:4])
        return (f"Missed by {imp['statement'] - 0.3:.3f} s. Slowest modules under nnlib "
                f"(own time, numpy excluded): {top}.")
    if rid.startswith("keras-"):
        return (f"Missed: {fmt_ratio(row['ratio'])} instead of 10×. Keras' time here is "
                "dominated by building its graph on the first call.")
    if rid.startswith("article-"):
        key = row["task"]
        outs = results["tasks"][key]["outcomes"]
        nn, art = best(outs, "nnlib"), best(outs, "article")
        same = [o for o in outs if o.method == "nnlib" and o.settings == art.settings
                and o.seconds]
        text = (f"Missed by {row['need'] / row['ratio']:.2f}× (needed {row['need']:g}×, measured "
                f"{fmt_ratio(row['ratio'])}). The article's run needs {art.epochs} epochs in "
                f"{fmt_s(art.seconds)} s; nnlib's best ({nn.settings_text}) "
                f"{nn.epochs} epochs in {fmt_s(nn.seconds)} s, "
                f"{nn.seconds / nn.epochs * 1e6:.0f} µs per epoch")
        if same:
            s = same[0]
            text += (f"; with the article's own settings nnlib takes {fmt_s(s.seconds)} s "
                     f"({s.seconds / s.epochs * 1e6:.0f} µs per epoch against the article's "
                     f"{art.seconds / art.epochs * 1e6:.0f} µs)")
        text += (". On a table of a few rows an epoch is a handful of numpy calls, so nnlib's "
                 "fixed cost per epoch and per step (input checks, the loss value and metrics "
                 "for History, the layer and optimizer method calls) is the whole cost.")
        return text
    return ""


# --- markdown -------------------------------------------------------------------------------------

def _like_for_like(results):
    rows = []
    for key in TASK_ORDER:
        entry = results.get("tasks", {}).get(key)
        if not entry or entry.get("skipped") or TASKS[key].article is None:
            continue
        outs = entry["outcomes"]
        art = [o for o in outs if o.method == "article" and o.seconds]
        nn = [o for o in outs if o.method == "nnlib" and o.settings == "article" and o.seconds]
        if art and nn:
            a, n = art[0], nn[0]
            rows.append([TASKS[key].title, TASKS[key].article.style, a.settings_text,
                         f"{a.epochs:,} epochs", fmt_s(a.seconds), fmt_s(n.seconds),
                         f"{n.seconds / a.seconds:.2f}×"])
    h = results.get("housing100")
    if h and not h.get("skipped"):
        r = h["runs"]
        for key, label in [("article", "as written"), ("article_steps", "steps only")]:
            rows.append([f"Housing 2-3-1, {h['epochs']} epochs (section 2)",
                         f"scalars, per sample ({label})", "SGD lr 0.05, batch 1 (article)",
                         f"{h['epochs']:,} epochs", fmt_s(r[key].estimate),
                         fmt_s(r["nnlib"].estimate),
                         f"{r['nnlib'].estimate / r[key].estimate:.2f}×"])
    if not rows:
        return []
    return md_table(["task", "article's style", "settings", "run", "article (s)", "nnlib (s)",
                     "nnlib ÷ article"], rows)


def _ttt_summary(results):
    rows = []
    for key in TASK_ORDER:
        entry = results["tasks"].get(key)
        if entry is None:
            continue
        task = TASKS[key]
        if entry.get("skipped"):
            rows.append([task.title, task.target] + ["skipped"] * 6)
            continue
        outs = entry["outcomes"]
        b = {m: best(outs, m) for m in METHOD_ORDER}
        cells = []
        for m in METHOD_ORDER:
            o = b[m]
            if m == "article" and task.article is None:
                cells.append("no article")
            elif o is None:
                cells.append("not reached" if any(x.method == m for x in outs) else "—")
            else:
                cells.append(f"{fmt_s(o.seconds, o.extrapolated)} s ({o.epochs} ep)")
        nn = b["nnlib"]
        ratio_art = (b["article"].seconds / nn.seconds) if (nn and b["article"]) else None
        ratio_kp = (b["keras_plain"].seconds / nn.seconds) if (nn and b["keras_plain"]) else None
        ratio_kt = (b["keras_tuned"].seconds / nn.seconds) if (nn and b["keras_tuned"]) else None
        rows.append([task.title, task.target, *cells, fmt_ratio(ratio_art), fmt_ratio(ratio_kp),
                     fmt_ratio(ratio_kt)])
    return md_table(["task", "target", "article", "nnlib", "Keras fit", "Keras tuned",
                     "article ÷ nnlib", "Keras fit ÷ nnlib", "Keras tuned ÷ nnlib"], rows)


def _ttt_task_table(key, entry):
    task = TASKS[key]
    lines = [f"### {task.title}", "",
             f"Target: **{task.target}**. Article: {task.source}"
             + (f", {task.article.style}." if task.article else ".")]
    if entry.get("skipped"):
        return lines + ["", f"Skipped: {entry['skipped']}.", ""]
    outs = entry["outcomes"]
    nn = best(outs, "nnlib")
    bests = {id(best(outs, m)) for m in METHOD_ORDER}
    rows = []
    for m in METHOD_ORDER:
        for o in [o for o in outs if o.method == m]:
            ratio = (o.seconds / nn.seconds) if (nn and o.seconds) else None
            star = " ★" if id(o) in bests and o.seconds else ""
            epochs = o.epochs if o.epochs else (f"> {o.epochs_done}" if o.epochs_done else "—")
            notes = []
            if o.runs:
                notes.append(f"runs: {', '.join(fmt_s(x) for x in o.runs)}")
            if o.first_call is not None and not o.extrapolated:
                notes.append(f"first epoch (incl. graph build) {fmt_s(o.first_call)} s")
            if o.note:
                notes.append(o.note)
            if m == "article" and o.seconds:
                twin = [x for x in outs if x.method == "nnlib" and x.settings == o.settings
                        and x.seconds]
                if twin:
                    r = twin[0].seconds / o.seconds
                    notes.append(f"nnlib with the article's settings (same steps): "
                                 f"{fmt_s(twin[0].seconds)} s, "
                                 + (f"{r:.2g}× the article's time" if r >= 1 else
                                    f"{1 / r:.2g}× faster than the article"))
            rows.append([SHORT[m] + star, o.settings_text, epochs,
                         fmt_s(o.seconds, o.extrapolated), o.metric, fmt_ratio(ratio),
                         "; ".join(notes)])
    lines += [""] + md_table(["method", "settings", "epochs to target", "wall time (s)",
                              "final metric", "× nnlib", "notes"], rows) + [""]
    return lines


def _housing100_table(h):
    runs = h["runs"]
    nn = runs["nnlib"].estimate
    order = ["article", "article_steps", "numpy_per_sample", "nnlib", "keras_tuned",
             "keras_plain"]
    rows = []
    for key in order:
        r = runs[key]
        rows.append([r.label, fmt_s(r.estimate, r.extrapolated),
                     fmt_s(r.total) if r.total is not None else "—",
                     f"{r.estimate / r.steps * 1e6:.1f}", r.metric,
                     fmt_ratio(r.estimate / nn), r.note])
    return md_table(["method", f"wall time, {h['epochs']} epochs (s)", "measured total (s)",
                     "µs per step", "test MSE", "× nnlib", "notes"], rows)


def _scale_tables(points):
    rows = []
    for p in points:
        s = p.seconds
        rows.append([f"{p.rows:,}", f"{p.width:,}", f"{p.steps:,}", fmt_s(s["nnlib"]),
                     fmt_s(s["keras_tuned"]), fmt_s(s["keras_plain"]),
                     f"{s['nnlib'] / s['keras_tuned']:.2f}×",
                     f"{s['keras_plain'] / s['nnlib']:.1f}×",
                     f"{s['nnlib'] / p.steps * 1e6:.0f}",
                     f"{s['keras_tuned'] / p.steps * 1e6:.0f}",
                     f"{p.macs / 1e6:,.1f}"])
    lines = md_table(["rows", "width", "steps", "nnlib (s/epoch)", "Keras tuned (s/epoch)",
                      "Keras fit (s/epoch)", "nnlib ÷ Keras tuned", "Keras fit ÷ nnlib",
                      "nnlib µs/step", "Keras tuned µs/step", "forward M mult-adds"], rows)
    growth = []
    rows_pts, width_pts = split_scale(points)
    for label, pts in [("rows", rows_pts), ("width", width_pts)]:
        if len(pts) >= 2:
            a, b = pts[0], pts[-1]
            work = b.macs / a.macs
            fac = {m: b.seconds[m] / a.seconds[m] for m in scale_module.METHODS}
            what = (f"rows {a.rows:,} → {b.rows:,} (width {a.width})" if label == "rows"
                    else f"width {a.width} → {b.width:,} ({a.rows:,} rows)")
            growth.append(f"- {what}: work × {work:,.0f}; time per epoch × "
                          f"{fac['nnlib']:.1f} (nnlib), × {fac['keras_tuned']:.1f} (Keras tuned), "
                          f"× {fac['keras_plain']:.1f} (Keras fit).")
    return lines, growth


def split_scale(points):
    widths = [p.width for p in points]
    w0 = scale_module.ROWS_SWEEP_WIDTH if scale_module.ROWS_SWEEP_WIDTH in widths else min(widths)
    rows_pts = sorted([p for p in points if p.width == w0], key=lambda p: p.rows)
    r0 = max(p.rows for p in points)
    width_pts = sorted([p for p in points if p.rows == r0], key=lambda p: p.width)
    return rows_pts, width_pts


def write_markdown(results, path, plot_name):
    quick = results["mode"] == "quick"
    m = results["machine"]
    L = ["# Benchmarks: nnlib against the articles' loops and Keras", ""]
    L.append(f"Generated by `python -m benchmarks{' --quick' if quick else ''}` on {m['date']} "
             f"in {results['duration'] / 60:.1f} min. Do not edit: rerun `make bench`.")
    if quick:
        L += ["", "> **Quick mode**: small sizes, few epochs, one repeat. It proves the benchmark "
              "runs; its numbers and verdicts mean nothing. The real figures come from "
              "`make bench`."]
    if results.get("only"):
        L += ["", f"> Partial run: `--only {' '.join(results['only'])}`."]
    L += ["", "## Machine", ""]
    info = dict(m)
    info["load average at end (1, 5, 15 min)"] = results["load_end"]
    if results.get("keras_import") is not None:
        info["`import keras` (TensorFlow) in this process"] = f"{results['keras_import']:.1f} s"
    L += md_table(["", ""], [[k, v] for k, v in info.items()])
    L += ["", "How to read the numbers: wall-clock seconds on a machine shared with other "
          "people's jobs (see the load average), so every figure is the **minimum of "
          f"{results['repeats']} interleaved repeat(s)** (the methods take turns, so a busy "
          "moment hits them alike) unless it says otherwise. **× nnlib** is a method's time "
          "divided by nnlib's: above 1 it is slower than nnlib. **≈** marks an extrapolated "
          "figure, never a measured one. ★ marks each method's best settings, which the "
          "summary uses.", ""]

    # targets
    targets = compute_targets(results)
    L += ["## Targets", ""]
    L += md_table(["target", "required", "measured", "verdict"],
                  [[t["target"], t["required"], t["measured"], _ok(t["ok"])] for t in targets])
    misses = [t for t in targets if not t["ok"]]
    L += [""]
    if misses:
        L += ["### Missed targets: by how much, and why", ""]
        for t in misses:
            L.append(f"- **{t['target']}**: {explain_miss(t, results)}")
        L += [""]
    elif targets:
        L += ["Every target measured here is met.", ""]

    like = _like_for_like(results)
    if like:
        L += ["### Step for step: nnlib with the article's own settings", "",
              "The targets compare each method at its best settings. Given the *article's* "
              "settings, nnlib takes exactly the article's steps (same start, same updates: "
              "checked in tests/test_benchmarks.py), so this is the cost of the code alone. "
              "Above 1, nnlib is slower than the article's loop.", ""]
        L += like + [""]

    if results.get("tasks"):
        L += ["## 1. Time to target", "",
              "Each method trains from the same start weights (the article's own random draw, "
              "seed 0; for digits nnlib's Glorot draw, seed 0), without shuffling, so nnlib and "
              "both Keras forms with the same settings take the same steps, and nnlib with the "
              "article's settings takes the article's steps. Every method tries the same "
              "settings (the article's, and a faster choice found by a small search with nnlib, "
              "given in each table); the summary uses each method's best. The article's loop "
              "runs with the article's settings only.", "",
              "How a time is measured: first the article's loop and nnlib train in chunks, "
              "their target checked between chunks (every *k* epochs, see the settings), which "
              "gives the epochs needed. Keras with the same settings takes nnlib's steps, so it "
              "is given nnlib's epoch count. Then every method trains that many epochs from the "
              "start weights in one call, timed, and the target is checked after (not timed; for "
              "Keras this confirms the count). Keras' times include building its graph in the "
              "first call of a fresh model, not the import of TensorFlow. A plain Keras `fit` "
              "that runs past the wall-clock cap (per-sample housing would take hours) is "
              "stopped by a callback and extrapolated from its measured epochs, marked ≈.",
              ""]
        L += _ttt_summary(results) + [""]
        for key in TASK_ORDER:
            if key in results["tasks"]:
                L += _ttt_task_table(key, results["tasks"][key])

    h = results.get("housing100")
    if h:
        L += ["## 2. Housing 2-3-1: 100 epochs of per-sample SGD", ""]
        if h.get("skipped"):
            L += [f"Skipped: {h['skipped']}.", ""]
        else:
            L += [f"{h['epochs']} epochs × {h['n']:,} samples = {h['epochs'] * h['n']:,} steps of "
                  "SGD (lr 0.05, batch 1, no shuffling) from the article's start weights; all "
                  "methods take the same steps. Each method trains in "
                  f"{h['segments']} segments of {h['epochs'] // h['segments']} epochs, taking "
                  "turns; **wall time = segments × fastest segment** (the measured total is "
                  "beside it). Plain Keras `fit` is not run for all "
                  f"{h['epochs'] * h['n']:,} steps: its time is **extrapolated** (≈) from "
                  "the per-step time of a few thousand steps. The brief's earlier measurement "
                  "on this machine: the scalar loop 10.9 s, a naive numpy per-sample loop 28 s.",
                  ""]
            L += _housing100_table(h) + [""]

    points = results.get("scale")
    if points:
        table, growth = _scale_tables(points)
        L += ["## 3. Scale: seconds per epoch as the work grows", "",
              f"64 inputs → Dense(width, relu) → Dense(10, softmax), sparse cross-entropy, Adam "
              f"(lr 0.001), batch {scale_module.BATCH}, float64, synthetic data (a random linear "
              "teacher), no shuffling. Per point: one warm-up epoch (Keras builds its graph), "
              "then timed epochs, Keras' timed by a callback inside one `fit` call; the grid is "
              "swept twice, minutes apart (once in quick mode), and the fastest epoch of each "
              "method is kept, so that one busy spell on the shared machine does not decide a "
              "point. Keras tuned = `steps_per_execution` = all "
              "steps of an epoch + `fast_fit`'s tf.data input.", ""]
        L += table + [""] + growth + [""]

    imp = results.get("imports")
    if imp:
        w = imp["wall"]
        L += ["## 4. `import nnlib`", "",
              f"Fresh interpreters, {imp['repeats']} interleaved repeats, minimum. "
              "`-X importtime` gives the time of the `import nnlib` statement itself; the "
              "process wall times include starting Python.", ""]
        L += md_table(["measure", "seconds"], [
            ["`import nnlib` statement (`-X importtime`, cumulative, numpy included)",
             f"{imp['statement']:.3f}"],
            ["  of which numpy", f"{imp['statement_numpy']:.3f}"],
            ["  net: nnlib without numpy", f"{imp['statement_net']:.3f}"],
            ["process `python -c \"import nnlib\"` (raw)", f"{w['nnlib']:.3f}"],
            ["process `python -c \"import numpy\"`", f"{w['numpy']:.3f}"],
            ["process `python -c \"pass\"`", f"{w['python']:.3f}"],
            ["net, process: nnlib − numpy", f"{w['nnlib'] - w['numpy']:.3f}"],
        ])
        heavy = imp["heavy_loaded"]
        L += ["", "Heavy libraries loaded by `import nnlib`: "
              + (", ".join(f"`{h}`" for h in heavy) if heavy else "none (numpy only)") + ".",
              "Slowest modules inside it (own time, numpy excluded): "
              + ", ".join(f"`{n}` {s * 1e3:.1f} ms" for n, s in imp["top"][:6]) + ".", ""]

    nbs = results.get("notebooks")
    if nbs is not None:
        L += ["## 5. Notebooks", ""]
        if nbs.get("skipped"):
            L += [f"Not run: {nbs['skipped']}.", ""]
        else:
            L += ["Each `notebooks/solutions/*.ipynb` executed top to bottom with nbclient in a "
                  "fresh kernel, one after the other: *wall* from starting the kernel to shutting "
                  "it down, *cells* the sum of the cells' execution times as the kernel reports "
                  "them. docs/design.md asks for under 60 s each.", ""]
            L += md_table(["notebook", "code cells", "wall (s)", "cells (s)", "status", "< 60 s"],
                          [[r["name"], r["cells"], fmt_s(r["seconds"]),
                            fmt_s(r.get("cell_seconds")), r["status"],
                            _ok(r["seconds"] is not None and r["seconds"] < 60)]
                           for r in nbs["notebooks"]])
            L += [""]

    prof = results.get("profile")
    if prof:
        L += ["## 6. Where nnlib's `batch_size=1` step goes", "",
              f"The housing 2-3-1 network, SGD, one sample per step, {prof['n']:,} steps. "
              "Each piece timed alone, in µs per call: 7 rounds in which the pieces take turns "
              "(1,000 calls each, 5,000 for the numpy floors; `fit` over all the steps), "
              "minimum kept.", ""]
        L += md_table(["piece", "µs"], [[name, f"{us:.2f}"] for name, us in prof["anatomy"]])
        L += ["", f"cProfile of `fit(batch_size=1)` over {prof['n']:,} steps (own time; numpy "
              "ufunc calls are not functions to cProfile, so they count in their caller's "
              "time):", ""]
        L += md_table(["function", "calls", "own time (s)", "µs per step", "share"],
                      [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['tottime']:.3f}",
                        f"{r['per_step_us']:.2f}", f"{r['share']:.0%}"] for r in prof["rows"]])
        L += [""]

    L += ["## Plot", "", f"![time to target, housing per-sample run, scale]({plot_name})", ""]
    Path(path).write_text("\n".join(L), encoding="utf-8")
    return "\n".join(L)


# --- plot -----------------------------------------------------------------------------------------

def write_plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(13, 9))
    ax = axes[0, 0]
    tasks = [k for k in TASK_ORDER if k in results.get("tasks", {})
             and not results["tasks"][k].get("skipped")]
    height = 0.2
    if not any(best(results["tasks"][k]["outcomes"], m) for k in tasks for m in METHOD_ORDER):
        tasks = []
        ax.set_axis_off()
    for i, m in enumerate(METHOD_ORDER if tasks else []):
        vals, ys, hatches = [], [], []
        for j, key in enumerate(tasks):
            o = best(results["tasks"][key]["outcomes"], m)
            if o is not None:
                vals.append(o.seconds)
                ys.append(j + (i - 1.5) * height)
                hatches.append("//" if o.extrapolated else "")
        bars = ax.barh(ys, vals, height=height, color=COLORS[m], label=SHORT[m])
        for bar, hatch in zip(bars, hatches):
            bar.set_hatch(hatch)
    if tasks:
        ax.set_yticks(range(len(tasks)), [TASKS[k].title.split(" (")[0] for k in tasks])
        ax.invert_yaxis()
        ax.set_xscale("log")
        ax.set_xlabel("seconds to reach the target (log; hatched = extrapolated)")
        ax.set_title("Time to target, each method's best settings")
        ax.legend(loc="lower right", fontsize=8)

    ax = axes[0, 1]
    h = results.get("housing100")
    if h and not h.get("skipped"):
        order = ["article", "article_steps", "numpy_per_sample", "nnlib", "keras_tuned",
                 "keras_plain"]
        runs = h["runs"]
        labels = ["article (as written)", "article (steps only)", "numpy per-sample",
                  "nnlib batch 1", "Keras tuned", "Keras fit (≈)"]
        vals = [runs[k].estimate for k in order]
        bars = ax.barh(range(len(order)), vals, color=[COLORS.get(k, "#999") for k in order])
        bars[-1].set_hatch("//")
        for y, v in enumerate(vals):
            ax.text(v, y, f" {v:.3g} s", va="center", fontsize=8)
        ax.set_yticks(range(len(order)), labels)
        ax.invert_yaxis()
        ax.set_xscale("log")
        ax.set_xlabel("seconds (log)")
        ax.set_title(f"Housing 2-3-1, {h['epochs']} epochs of per-sample SGD")
    else:
        ax.set_axis_off()

    points = results.get("scale")
    if points:
        rows_pts, width_pts = split_scale(points)
        for ax, pts, attr, xlabel in [
                (axes[1, 0], rows_pts, "rows", "training rows"),
                (axes[1, 1], width_pts, "width", "hidden width")]:
            for m in scale_module.METHODS:
                ax.loglog([getattr(p, attr) for p in pts], [p.seconds[m] for p in pts], "o-",
                          color=COLORS[m], label=SHORT[m])
            ax.set_xlabel(xlabel)
            ax.set_ylabel("seconds per epoch")
            fixed = (f"width {pts[0].width}" if attr == "rows" else f"{pts[0].rows:,} rows")
            ax.set_title(f"Scale: seconds per epoch ({fixed}, batch {scale_module.BATCH})")
            ax.legend(fontsize=8)
            ax.grid(True, which="both", alpha=0.3)
    else:
        axes[1, 0].set_axis_off()
        axes[1, 1].set_axis_off()
    mode = " (QUICK MODE: numbers meaningless)" if results["mode"] == "quick" else ""
    fig.suptitle(f"nnlib benchmarks, {results['machine']['date']}{mode}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)

