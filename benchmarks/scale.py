"""Seconds per epoch as the work grows: rows 1k -> 100k, hidden width 8 -> 1,024.

The network is a digits-shaped classifier on synthetic data: 64 inputs -> Dense(width, relu) ->
Dense(10, softmax), sparse categorical cross-entropy, Adam(0.001), batch 32 (both libraries'
default batch), no shuffling, float64 in both. Labels come from a fixed random linear teacher,
so the problem is learnable but the timing does not depend on it.

Per grid point: one warm-up epoch (for Keras it builds the graph), then timed epochs; the grid is
swept twice and the minimum of all timed epochs is kept. Keras epochs are timed with a callback
inside one `fit` call, so the per-call set-up of `fit` is not counted against it.
"""
from dataclasses import dataclass, field

import numpy as np

import nnlib
from nnlib import Dense, Sequential
from nnlib.optimizers import Adam

from .common import clock, keras, release_keras

N_FEATURES, N_CLASSES, BATCH = 64, 10, 32
ROWS_SWEEP = [1_000, 3_000, 10_000, 30_000, 100_000]       # at width ROWS_SWEEP_WIDTH
ROWS_SWEEP_WIDTH = 64
WIDTH_SWEEP = [8, 32, 128, 512, 1024]                      # at WIDTH_SWEEP_ROWS rows
WIDTH_SWEEP_ROWS = 100_000
QUICK_POINTS = [(500, 8), (2_000, 32)]
METHODS = ["nnlib", "keras_tuned", "keras_plain"]


@dataclass
class ScalePoint:
    rows: int
    width: int
    seconds: dict = field(default_factory=dict)   # method -> min seconds per epoch
    first: dict = field(default_factory=dict)     # method -> first (warm-up) epoch
    runs: dict = field(default_factory=dict)

    @property
    def steps(self):
        return -(-self.rows // BATCH)

    @property
    def macs(self):
        """Multiply-adds of one forward pass over the epoch (backward is about twice that)."""
        return self.rows * (N_FEATURES * self.width + self.width * N_CLASSES)


def grid(quick):
    if quick:
        return QUICK_POINTS
    points = [(n, ROWS_SWEEP_WIDTH) for n in ROWS_SWEEP]
    points += [(WIDTH_SWEEP_ROWS, w) for w in WIDTH_SWEEP if (WIDTH_SWEEP_ROWS, w) not in points]
    return points


def make_data(rows, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((rows, N_FEATURES))
    teacher = np.random.default_rng(1).standard_normal((N_FEATURES, N_CLASSES))
    return X, np.argmax(X @ teacher, axis=1).astype(np.int64)


def make_model(width):
    model = Sequential([Dense(width, activation="relu", input_dim=N_FEATURES),
                        Dense(N_CLASSES, activation="softmax")], seed=0)
    model.compile(loss="sparse_categorical_crossentropy", optimizer=Adam(0.001))
    return model


def _epoch_timer():
    k = keras()

    class EpochTimer(k.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self._t = clock()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(clock() - self._t)

    return EpochTimer()


def time_point(rows, width, repeats, log, plain_repeats=None):
    point = ScalePoint(rows, width)
    X, y = make_data(rows)
    plain_repeats = plain_repeats or min(repeats, 2)

    model = make_model(width)
    times = []
    for _ in range(1 + repeats):
        t = clock()
        model.fit(X, y, epochs=1, batch_size=BATCH, shuffle=False)
        times.append(clock() - t)
    point.first["nnlib"], point.runs["nnlib"] = times[0], times[1:]

    # fast_fit's own body (tf.data, repeated, steps_per_epoch), plus a callback timing epochs
    import tensorflow as tf
    steps = point.steps
    km = nnlib.to_keras(make_model(width), steps_per_execution=steps)
    timer = _epoch_timer()
    data = tf.data.Dataset.from_tensor_slices((X, y)).batch(BATCH).repeat()
    km.fit(data, epochs=1 + repeats, steps_per_epoch=steps, verbose=0, shuffle=False,
           callbacks=[timer])
    point.first["keras_tuned"], point.runs["keras_tuned"] = timer.times[0], timer.times[1:]
    km = None
    release_keras()

    km = nnlib.to_keras(make_model(width))
    timer = _epoch_timer()
    km.fit(X, y, epochs=1 + plain_repeats, batch_size=BATCH, shuffle=False, verbose=0,
           callbacks=[timer])
    point.first["keras_plain"], point.runs["keras_plain"] = timer.times[0], timer.times[1:]
    km = None
    release_keras()

    point.seconds = {m: min(point.runs[m]) for m in METHODS}
    log(f"  [scale] {rows:>7,} rows x width {width:>5}: "
        + ", ".join(f"{m} {point.seconds[m]:.3g} s/epoch" for m in METHODS))
    return point


def run_scale(quick, repeats, log):
    """The grid, swept twice (once in quick mode), minutes apart, so that one busy spell on the
    shared machine does not decide a point: per point and method the fastest epoch of both
    sweeps is kept."""
    keras()
    sweeps = 1 if quick else 2
    per_sweep = repeats if sweeps == 1 else max(1, repeats - 1)
    points = {}
    for sweep in range(sweeps):
        log(f"  [scale] sweep {sweep + 1}/{sweeps}")
        for rows, width in grid(quick):
            p = time_point(rows, width, per_sweep, log)
            if (rows, width) not in points:
                points[(rows, width)] = p
                continue
            q = points[(rows, width)]
            for m in METHODS:
                q.runs[m] = q.runs[m] + p.runs[m]
                q.first[m] = min(q.first[m], p.first[m])
                q.seconds[m] = min(q.runs[m])
    return list(points.values())
