"""Step for step: each article's loop and nnlib `fit` on the article's own settings, timed alone.

`python -m benchmarks --same-steps` runs only this (a minute or two, no Keras). For each task
with an article: the article's loop finds its epochs to target (phase 1 of tasks.py); then the
article's loop and nnlib, given the article's settings, train that many epochs from the same
start weights without shuffling (so they take the same steps: tests/test_benchmarks.py checks
it), taking turns, `repeats` times (more for short runs: 15 under 0.05 s, 7 under 0.5 s, as in
tasks.py); the fastest run of each is kept. The ratio nnlib ÷ article
is the cost of the code alone (above 1, nnlib is slower).

Two clocks: wall time (what the rest of the benchmarks report) and the CPU time of this thread
(time.thread_time), which other people's jobs on a shared machine disturb much less: while the
benchmark waits for a core, its CPU clock stops.

The table replaces the "### Step for step" section of the results file. With `--before FILE`
(the JSON a previous `--same-steps` run wrote beside its Markdown), the table also shows that
run's figures, e.g. those of an earlier commit.
"""
import json
import re
import time

from .common import clock, fmt_s, md_table
from .tasks import TASK_ORDER, TASKS, TRAINERS, Skip, find_epochs, repeats_for

HEADING = "### Step for step: nnlib with the article's own settings"
LOAD = "load average at start (1, 5, 15 min)"


def measure(quick, repeats, log):
    """{task key: {title, style, settings, epochs, article, nnlib, article_runs, nnlib_runs}}."""
    out = {}
    for key in TASK_ORDER:
        task = TASKS[key]
        if task.article is None:
            continue
        settings = task.candidates[0]
        try:
            data = task.load(quick)
        except Skip as exc:
            log(f"  [{key}] skipped: {exc}")
            continue
        found = find_epochs(task, data, TRAINERS["article"](task, data, settings), settings,
                            settings.quick_cap if quick else settings.cap, float("inf"))
        epochs = found.epochs or found.epochs_done
        runs = {"article": [], "nnlib": []}
        cpu = {"article": [], "nnlib": []}
        quota = repeats
        while len(runs["nnlib"]) < quota:
            if len(runs["nnlib"]) == 1:   # short runs more often, as in tasks.run_task
                quota = max(repeats, repeats_for(runs["nnlib"][0], repeats))
            for method in runs:
                trainer = TRAINERS[method](task, data, settings)
                trainer.start(call_epochs=epochs)
                t, c = clock(), time.thread_time()
                trainer.train(epochs)
                cpu[method].append(time.thread_time() - c)
                runs[method].append(clock() - t)
        row = {"title": task.title, "style": task.article.style, "settings": settings.text,
               "epochs": epochs, "steps": epochs * -(-len(data.X) // (settings.batch_size
                                                                       or len(data.X))),
               "article": min(runs["article"]), "nnlib": min(runs["nnlib"]),
               "article_cpu": min(cpu["article"]), "nnlib_cpu": min(cpu["nnlib"]),
               "article_runs": runs["article"], "nnlib_runs": runs["nnlib"]}
        out[key] = row
        log(f"  [{key}] {epochs} epochs: article {row['article']:.4g} s, nnlib "
            f"{row['nnlib']:.4g} s, nnlib ÷ article {row['nnlib'] / row['article']:.2f}× "
            f"(CPU time: {row['nnlib_cpu'] / row['article_cpu']:.2f}×)")
    return out


def table(rows, before=None, before_label="before"):
    """Markdown lines; with `before` (a previous measure()), its figures beside these."""
    headers = ["task", "article's style", "settings", "run", "article (s)", "nnlib (s)",
               "µs per nnlib step", "nnlib ÷ article", "nnlib ÷ article, CPU time"]
    if before:
        headers += [f"article (s), {before_label}", f"nnlib (s), {before_label}",
                    f"nnlib ÷ article, {before_label}", f"CPU time, {before_label}"]
    lines = []
    for key, r in rows.items():
        line = [r["title"], r["style"], r["settings"], f"{r['epochs']:,} epochs",
                fmt_s(r["article"]), fmt_s(r["nnlib"]), f"{r['nnlib'] / r['steps'] * 1e6:.1f}",
                f"{r['nnlib'] / r['article']:.2f}×", _cpu_ratio(r)]
        if before:
            b = before.get(key)
            line += ([fmt_s(b["article"]), fmt_s(b["nnlib"]), f"{b['nnlib'] / b['article']:.2f}×",
                      _cpu_ratio(b)] if b else ["—"] * 4)
        lines.append(line)
    return md_table(headers, lines)


def _cpu_ratio(row):
    return f"{row['nnlib_cpu'] / row['article_cpu']:.2f}×" if "nnlib_cpu" in row else "—"


def section(rows, info, repeats, before=None, before_info=None):
    """The "### Step for step" section: heading, how it was measured, the table."""
    label = f"before ({before_info['nnlib commit']})" if before_info else "before"
    text = [HEADING, "",
            f"Measured by `python -m benchmarks --same-steps` on {info['date']}, nnlib commit "
            f"{info['nnlib commit']} (load average at start {info[LOAD]}): "
            "each article's loop and nnlib `fit`, given the article's settings, train the "
            "article's epochs to target from the same start weights without shuffling, so they "
            "take exactly the same steps (checked in tests/test_benchmarks.py); they take turns, "
            f"{repeats} runs each (up to 15 for short runs), fastest kept, by the wall clock "
            "and by the CPU time of the process (which other jobs on a shared machine disturb "
            "less). This is the cost of the code alone. Above 1, nnlib is slower than the "
            "article's loop. Targets: full batch ≤ 1.2×, per sample ≤ 2×."]
    if before_info:
        text[-1] += (f" The *{label}* columns are the same measurement on {before_info['date']} "
                     f"at nnlib commit {before_info['nnlib commit']}.")
    return text + [""] + table(rows, before, label) + [""]


def replace_section(markdown, new_section, heading=HEADING):
    """`markdown` with its section `heading` (up to the next heading) replaced."""
    pattern = re.compile(re.escape(heading) + r".*?(?=^#{1,3} |\Z)", re.S | re.M)
    block = "\n".join(new_section) + "\n"
    if pattern.search(markdown):
        return pattern.sub(lambda m: block, markdown, count=1)
    return markdown.rstrip("\n") + "\n\n" + block


def run(out, quick, repeats, log, machine, before_path=None):
    """Measure, write `<out>.json`, and put the section into `out` (created if missing)."""
    rows = measure(quick, repeats, log)
    out.with_suffix(".same_steps.json").write_text(
        json.dumps({"machine": machine, "repeats": repeats, "rows": rows}, indent=1),
        encoding="utf-8")
    before = before_info = None
    if before_path is not None:
        saved = json.loads(before_path.read_text(encoding="utf-8"))
        before, before_info = saved["rows"], saved["machine"]
    new = section(rows, machine, repeats, before, before_info)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    out.write_text(replace_section(old, new), encoding="utf-8")
    return "\n".join(new)
