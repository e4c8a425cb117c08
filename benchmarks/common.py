"""Small shared helpers: the clock, the machine description, Keras loading, number formatting."""
import datetime
import gc
import os
import platform
import subprocess
import sys
import time
import warnings
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
clock = time.perf_counter


def quiet_environment():
    """TensorFlow as `make bench` runs it (the Makefile exports the same two variables)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("MPLBACKEND", "Agg")
    warnings.filterwarnings("ignore", message=".*shuffle.*")
    warnings.filterwarnings("ignore", category=UserWarning, module="keras.*")


_KERAS = None


def keras():
    """Keras (float64, TensorFlow quiet), imported once; the import time is recorded."""
    global _KERAS
    if _KERAS is None:
        import nnlib
        t = clock()
        _KERAS = nnlib.keras_bridge.import_keras()
        import tensorflow as tf  # noqa: F401  (already loaded by keras)
        IMPORT_SECONDS["keras"] = clock() - t
        _KERAS.utils.set_random_seed(0)
    return _KERAS


IMPORT_SECONDS = {}


def release_keras():
    """Drop Keras' global state between runs (not timed)."""
    if _KERAS is not None:
        _KERAS.backend.clear_session()
    gc.collect()


def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


def machine_info():
    """What the numbers depend on: CPU, cores, library versions, BLAS, load, commit."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        blas = f"{blas.get('name')} {blas.get('version', '')}".strip()
    except Exception:  # the layout of show_config changes between numpy versions
        blas = "unknown"
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = "unknown"
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "cores": f"{os.cpu_count()} logical, {usable} usable by this process",
        "python": platform.python_version(),
        "numpy": f"{np.__version__} ({blas})",
        "tensorflow": version("tensorflow"),
        "keras": version("keras"),
        "scikit-learn": version("scikit-learn"),
        "nnlib commit": commit or "unknown",
        "TF_ENABLE_ONEDNN_OPTS": os.environ.get("TF_ENABLE_ONEDNN_OPTS", "(unset)"),
        "load average at start (1, 5, 15 min)": ", ".join(f"{x:.2f}" for x in load_average()),
        "platform": platform.platform(),
        "executable": sys.executable,
    }


# --- formatting ---------------------------------------------------------------------------------

def fmt_s(seconds, extrapolated=False):
    """Seconds with 3 significant digits; '≈' in front of an extrapolated figure."""
    if seconds is None or (isinstance(seconds, float) and np.isnan(seconds)):
        return "—"
    if seconds >= 100:
        text = f"{seconds:,.0f}"
    elif seconds >= 1:
        text = f"{seconds:.3g}" if seconds < 10 else f"{seconds:.1f}"
    elif seconds >= 0.001:
        text = f"{seconds:.3g}"
    else:
        text = f"{seconds:.2g}"
    return ("≈ " + text) if extrapolated else text


def fmt_ratio(ratio):
    if ratio is None or not np.isfinite(ratio):
        return "—"
    if ratio >= 100:
        return f"{ratio:,.0f}×"
    if ratio >= 10:
        return f"{ratio:.0f}×"
    return f"{ratio:.2g}×" if ratio < 1 else f"{ratio:.1f}×"


def md_table(headers, rows):
    """A Markdown table (a list of lines)."""
    out = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out
