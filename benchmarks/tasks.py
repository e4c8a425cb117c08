"""The course tasks, and how each method is trained on them until it reaches the task's target.

Methods (the same four on every task):
- "article": the source article's own loop (benchmarks/article_loops.py), the article's settings.
- "nnlib": `model.fit(X, y, epochs, batch_size, shuffle=False)`.
- "keras_plain": Keras' `fit` as a newcomer writes it: `km.fit(X, y, epochs, batch_size,
  shuffle=False, verbose=0)` on `nnlib.to_keras(model)` (float64, steps_per_execution=1).
- "keras_tuned": what the notebooks do: `nnlib.to_keras(model, steps_per_execution=...)` (every
  step of a call in one TensorFlow execution) + `nnlib.keras_bridge.fast_fit`; where an epoch
  is a whole number of batches the data are tiled so that one call runs many epochs (as
  notebooks 03 and 06 do).

Every method of a task starts from the same weights (drawn as the task's article draws them,
seed 0; Glorot, seed 0, for digits) and none shuffles, so nnlib and both Keras forms given the
same settings take the same steps, and so does the article's loop given the article's settings.

Time to target, in two phases:
1. find (article's loop, nnlib): train in chunks of `every` epochs, checking the target between
   chunks, up to `cap` epochs. This gives E, the epochs needed (a multiple of `every`). Keras
   with the same settings takes nnlib's steps, so it is given nnlib's E.
2. time (every method): from the start weights again, train E epochs in one call, timed;
   repeated, interleaved with the other methods, and the minimum kept. The target is checked
   after, not timed; for Keras that check confirms that E epochs were enough. A plain Keras
   `fit` that runs past the wall-clock cap is stopped by a callback and extrapolated (marked).
Keras' times include building its TensorFlow graph in the first call (a fresh model per run),
not `import tensorflow` (reported once, under import times).
"""
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

import numpy as np

import nnlib
from nnlib import Dense, Sequential
from nnlib.optimizers import SGD, Adam

from . import article_loops as al
from .common import clock, keras, release_keras

METHODS = {
    "article": "article's loop",
    "nnlib": "nnlib `fit`",
    "keras_plain": "Keras `fit` (plain)",
    "keras_tuned": "Keras tuned (`to_keras(steps_per_execution)` + `fast_fit`)",
}
SHORT = {"article": "article", "nnlib": "nnlib", "keras_plain": "Keras fit",
         "keras_tuned": "Keras tuned"}

LONG_RUN_S = 20.0   # a timed run longer than this is not repeated


def repeats_for(seconds, repeats):
    """How many timed runs, given the first: more for short runs, one for very long ones."""
    if seconds > LONG_RUN_S:
        return 1
    if seconds < 0.05:
        return max(repeats, 15)
    if seconds < 0.5:
        return max(repeats, 7)
    return repeats


class Skip(Exception):
    """A task cannot run here (e.g. the housing data file is missing)."""


@dataclass
class Settings:
    name: str                      # "article", "fast", "course"
    text: str                      # shown in the tables
    optimizer: Callable[[], object]
    batch_size: Optional[int]      # None: the whole training set
    every: int                     # epochs between target checks
    cap: int                       # most epochs tried
    quick_cap: int


@dataclass
class Data:
    X: np.ndarray
    y: np.ndarray
    extra: dict = field(default_factory=dict)


@dataclass
class ArticleLoop:
    new: Callable[[], object]
    train: Callable[[object, Data, int], object]
    predict: Callable[[object, np.ndarray], np.ndarray]
    style: str


@dataclass
class Task:
    key: str
    title: str
    source: str                     # which article
    style: Optional[str]            # "per-sample", "full-batch" or None (no article)
    target: str
    load: Callable[[bool], Data]
    layers: Callable[[], list]
    loss: str
    start_weights: Callable[[], Optional[list]]
    metric: Callable[[Callable, Data], tuple]   # (predict) -> (text, reached)
    candidates: List[Settings]
    article: Optional[ArticleLoop] = None


@dataclass
class Outcome:
    task: str
    method: str
    settings: str
    settings_text: str
    epochs: Optional[int] = None
    seconds: Optional[float] = None
    runs: list = field(default_factory=list)
    extrapolated: bool = False
    reached: bool = False
    metric: str = ""
    note: str = ""
    first_call: Optional[float] = None   # plain Keras: its first epoch (includes the graph build)
    chunks: list = field(default_factory=list)   # find phase: seconds per chunk
    epochs_done: int = 0


# --- the tasks ------------------------------------------------------------------------------------

def _housing_path():
    return Path(nnlib.datasets.DATA_DIR) / nnlib.datasets.CALIFORNIA_HOUSING_FILE


def housing_data(quick=False):
    """Article 000's data: MedInc, AveRooms -> MedHouseVal, MinMax-scaled on all 20,640 rows,
    first 10,000 rows, 80/20 split (random_state=42), as notebook 05. Quick: 1,000 training rows."""
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import MinMaxScaler
    if not _housing_path().exists():
        raise Skip(f"the California housing file is not at {_housing_path()} (no internet here); "
                   "copy cal_housing_py3.pkz there to run the housing task (see data/README.md)")
    bunch = nnlib.datasets.load_california_housing()
    names = list(bunch.feature_names)
    table = np.column_stack([bunch.data[:, [names.index("MedInc"), names.index("AveRooms")]],
                             bunch.target])
    scaled = MinMaxScaler().fit_transform(table)[:10_000]
    X_train, X_test, y_train, y_test = train_test_split(scaled[:, :2], scaled[:, 2:],
                                                        test_size=0.2, random_state=42)
    if quick:
        X_train, y_train = X_train[:1000], y_train[:1000]
    return Data(X_train, y_train, {"X_test": X_test, "y_test": y_test})


HOUSING_TARGET = 0.0285


def _housing_metric(predict, data):
    mse = float(np.mean((np.asarray(predict(data.extra["X_test"])).reshape(-1, 1)
                         - data.extra["y_test"]) ** 2))
    return f"test MSE {mse:.5f}", mse <= HOUSING_TARGET


def _housing_article_train(net, data, epochs):
    net.fit(data.X, data.y, epoch=epochs, lr=0.05)
    return net


def _gender_data(quick=False):
    X, y, names = nnlib.datasets.gender()
    queries = np.array([nnlib.datasets.GENDER_QUERIES[k] for k in ("Emily", "Frank")], float)
    queries -= [nnlib.datasets.GENDER_WEIGHT_SHIFT_LB, nnlib.datasets.GENDER_HEIGHT_SHIFT_IN]
    return Data(X, y, {"queries": queries})


def _gender_metric(predict, data):
    out = np.asarray(predict(data.extra["queries"])).reshape(-1)
    return f"Emily {out[0]:.3f}, Frank {out[1]:.3f}", bool(out[0] > 0.9 and out[1] < 0.1)


def _xor_data(quick=False):
    X, y = nnlib.datasets.xor()
    return Data(X, y)


def _xor_metric(predict, data):
    out = np.asarray(predict(data.X)).reshape(-1)
    right = int(np.sum((out > 0.5) == (data.y[:, 0] > 0.5)))
    return f"{right}/4 right (ŷ = {' '.join(f'{v:.2f}' for v in out)})", right == 4


def _three_levels_data(quick=False):
    X, labels = nnlib.datasets.three_levels_table()
    return Data(X, np.eye(2)[labels], {"labels": labels, "rows": X.tolist(),
                                       "label_list": labels.tolist()})


def _three_levels_metric(predict, data):
    right = int(np.sum(np.argmax(predict(data.X), axis=1) == data.extra["labels"]))
    return f"{right}/10 rows right", right == 10


def _moons_data(quick=False):
    X, y = nnlib.datasets.moons()   # make_moons(200, noise=0.2, random_state=0), as notebook 06
    return Data(X, y)


def _moons_metric(predict, data):
    acc = float(np.mean(np.argmax(predict(data.X), axis=1) == data.y))
    return f"training accuracy {acc:.3f}", acc >= 0.97


def _digits_data(quick=False):
    from sklearn.model_selection import train_test_split
    X, y = nnlib.datasets.digits()
    X_train, X_test, y_train, y_test = train_test_split(X / 16.0, y, test_size=0.25, stratify=y,
                                                        random_state=0)   # as notebook 07
    return Data(X_train, y_train, {"X_test": X_test, "y_test": y_test})


def _digits_metric(predict, data):
    acc = float(np.mean(np.argmax(predict(data.extra["X_test"]), axis=1) == data.extra["y_test"]))
    return f"test accuracy {acc:.3f}", acc >= 0.95


MOONS_L2 = 0.01 / (2 * 200)   # the article's reg_lambda on summed gradients, as a mean-loss L2


def _moons_layers():
    reg = nnlib.regularizers.L2(MOONS_L2)
    return [Dense(3, activation="tanh", input_dim=2, kernel_regularizer=reg),
            Dense(2, activation="softmax", kernel_regularizer=reg)]


def _eye2(labels):
    return np.eye(2)[labels]


TASKS = {
    "housing": Task(
        key="housing", title="Housing 2-3-1 regressor",
        source="000 (hard-coded 2-3-1 housing regressor)", style="per-sample",
        target=f"test MSE ≤ {HOUSING_TARGET}", load=housing_data,
        layers=lambda: [Dense(3, activation="sigmoid", input_dim=2),
                        Dense(1, activation="sigmoid")],
        loss="mse", start_weights=lambda: al.HousingScalarNet(seed=0).nnlib_weights(),
        metric=_housing_metric,
        candidates=[
            Settings("article", "SGD lr 0.05, batch 1 (article)", lambda: SGD(0.05), 1,
                     every=1, cap=200, quick_cap=2),
            Settings("fast", "Adam lr 0.2, batch 256", lambda: Adam(0.2), 256,
                     every=1, cap=200, quick_cap=10),
        ],
        article=ArticleLoop(new=lambda: al.HousingScalarNet(seed=0),
                            train=_housing_article_train,
                            predict=lambda net, X: np.array(net.predict(X), float),
                            style="per-sample SGD on 13 named numpy scalars"),
    ),
    "gender": Task(
        key="gender", title="Gender 2-2-1", source="004 (gender, after Victor Zhou)",
        style="per-sample", target="Emily > 0.9 and Frank < 0.1", load=_gender_data,
        layers=lambda: [Dense(2, activation="sigmoid", input_dim=2),
                        Dense(1, activation="sigmoid")],
        loss="mse", start_weights=lambda: al.GenderScalarNet(seed=0).nnlib_weights(),
        metric=_gender_metric,
        candidates=[
            Settings("article", "SGD lr 0.1, batch 1 (article)", lambda: SGD(0.1), 1,
                     every=1, cap=5000, quick_cap=400),
            Settings("fast", "Adam lr 1.0, batch 4 (full)", lambda: Adam(1.0), None,
                     every=1, cap=2000, quick_cap=50),
        ],
        article=ArticleLoop(
            new=lambda: al.GenderScalarNet(seed=0),
            train=lambda net, d, e: (net.train(d.X, d.y[:, 0], epochs=e), net)[1],
            predict=lambda net, X: np.array([net.feedforward(x) for x in X], float),
            style="per-sample SGD on 9 named scalars"),
    ),
    "xor": Task(
        key="xor", title="XOR 2-4-1", source="003 (XOR from scratch)", style="full-batch",
        target="all four cases right", load=_xor_data,
        layers=lambda: [Dense(4, activation="sigmoid", input_dim=2),
                        Dense(1, activation="sigmoid")],
        loss="binary_crossentropy", start_weights=lambda: al.XorNet(seed=0).nnlib_weights(),
        metric=_xor_metric,
        candidates=[
            Settings("article", "SGD lr 0.1, batch 4 (article)", lambda: SGD(0.1), None,
                     every=10, cap=20_000, quick_cap=4000),
            Settings("fast", "Adam lr 0.1, batch 4", lambda: Adam(0.1), None,
                     every=1, cap=5000, quick_cap=100),
        ],
        article=ArticleLoop(new=lambda: al.XorNet(seed=0),
                            train=lambda net, d, e: (net.train(d.X, d.y, e), net)[1],
                            predict=lambda net, X: net.forward(X),
                            style="full-batch numpy"),
    ),
    "three_levels": Task(
        key="three_levels", title="Three levels, 10-row table (2-2-2)",
        source="002 (worked example, three levels: level 1)", style="per-sample",
        target="all ten rows right", load=_three_levels_data,
        layers=lambda: [Dense(2, activation="sigmoid", input_dim=2),
                        Dense(2, activation="sigmoid")],
        loss="mse",
        start_weights=lambda: al.ThreeLevelsNetwork.create(seed=0).nnlib_weights(),
        metric=_three_levels_metric,
        candidates=[
            Settings("article", "SGD lr 0.5, batch 1 (article)", lambda: SGD(0.5), 1,
                     every=1, cap=2000, quick_cap=30),
            Settings("fast", "SGD lr 10, batch 10 (full)", lambda: SGD(10.0), None,
                     every=1, cap=2000, quick_cap=30),
        ],
        article=ArticleLoop(
            new=lambda: al.ThreeLevelsNetwork.create(seed=0),
            train=lambda net, d, e: (net.train(e, 2, d.extra["rows"], d.extra["label_list"]),
                                     net)[1],
            predict=lambda net, X: np.array([net.feed_forward(list(r)) for r in X]),
            style="pure Python classes, per sample"),
    ),
    "moons": Task(
        key="moons", title="Moons 2-3-2 tanh/softmax", source="001 (moons classifier)",
        style="full-batch", target="training accuracy ≥ 0.97", load=_moons_data,
        layers=_moons_layers, loss="sparse_categorical_crossentropy",
        start_weights=lambda: al.moons_nnlib_weights(al.moons_init(3, seed=0)),
        metric=_moons_metric,
        candidates=[
            Settings("article", "SGD lr 2.0 (= 0.01 on summed gradients), batch 200 (article)",
                     lambda: SGD(2.0), None, every=10, cap=20_000, quick_cap=600),
            Settings("fast", "SGD lr 8.0, batch 200 (full)", lambda: SGD(8.0), None,
                     every=1, cap=20_000, quick_cap=100),
        ],
        article=ArticleLoop(
            new=lambda: al.moons_init(3, seed=0),
            train=lambda model, d, e: al.moons_train(model, d.X, d.y, num_passes=e),
            predict=lambda model, X: _eye2(al.moons_predict(model, X)),
            style="full-batch numpy"),
    ),
    "digits": Task(
        key="digits", title="Digits 64-64-32-10 (ReLU, softmax)",
        source="none (notebook 07 goes beyond the articles)", style=None,
        target="test accuracy ≥ 0.95", load=_digits_data,
        layers=lambda: [Dense(64, activation="relu", input_dim=64),
                        Dense(32, activation="relu"), Dense(10, activation="softmax")],
        loss="sparse_categorical_crossentropy", start_weights=lambda: None,
        metric=_digits_metric,
        candidates=[
            Settings("course", "Adam lr 0.001, batch 32 (notebook 07)", lambda: Adam(0.001), 32,
                     every=1, cap=100, quick_cap=2),
            Settings("fast", "Adam lr 0.03, batch 128", lambda: Adam(0.03), 128,
                     every=1, cap=100, quick_cap=5),
        ],
    ),
}
TASK_ORDER = list(TASKS)


# --- trainers: one interface for the four methods -------------------------------------------------

def build_nnlib(task, settings):
    model = Sequential(task.layers(), seed=0)
    model.compile(loss=task.loss, optimizer=settings.optimizer())
    weights = task.start_weights()
    if weights is not None:
        model.set_weights(weights)
    return model


def batch_size_of(settings, data):
    return settings.batch_size or len(data.X)


class ArticleTrainer:
    method = "article"

    def __init__(self, task, data, settings):
        self.task, self.data = task, data

    def start(self, call_epochs):
        self.net = self.task.article.new()

    def train(self, epochs):
        self.net = self.task.article.train(self.net, self.data, epochs)

    def predict(self, X):
        return self.task.article.predict(self.net, X)

    def close(self):
        pass


class NnlibTrainer:
    method = "nnlib"

    def __init__(self, task, data, settings):
        self.task, self.data, self.settings = task, data, settings
        self.batch_size = batch_size_of(settings, data)

    def start(self, call_epochs):
        self.model = build_nnlib(self.task, self.settings)

    def train(self, epochs):
        self.model.fit(self.data.X, self.data.y, epochs=epochs, batch_size=self.batch_size,
                       shuffle=False)

    def predict(self, X):
        return self.model.predict(X)

    def close(self):
        pass


class KerasPlainTrainer(NnlibTrainer):
    method = "keras_plain"
    wall_cap = None

    def start(self, call_epochs):
        keras()
        self.km = nnlib.to_keras(build_nnlib(self.task, self.settings))
        self.stopped_at = self.first_epoch = None

    def train(self, epochs):
        clock_cb = _epoch_clock(self.wall_cap)
        self.km.fit(self.data.X, self.data.y, epochs=epochs, batch_size=self.batch_size,
                    shuffle=False, verbose=0, callbacks=[clock_cb])
        ends = clock_cb.ends
        if ends:
            self.first_epoch = ends[0]
        if len(ends) < epochs:   # stopped by the wall cap
            later = (ends[-1] - ends[0]) / (len(ends) - 1) if len(ends) > 1 else ends[0]
            self.stopped_at = (len(ends), ends[0], later)

    def predict(self, X):
        return nnlib.keras_bridge.keras_predict(self.km, X)

    def close(self):
        self.km = None
        release_keras()


def _epoch_clock(wall_cap):
    """A Keras callback: the time since `fit` started at each epoch's end; stops `fit` once
    `wall_cap` seconds have passed and at least two epochs are done (None: never stops)."""
    k = keras()

    class EpochClock(k.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.ends = []
            self.t0 = clock()

        def on_epoch_end(self, epoch, logs=None):
            self.ends.append(clock() - self.t0)
            if wall_cap is not None and self.ends[-1] > wall_cap and len(self.ends) >= 2:
                self.model.stop_training = True

    return EpochClock()


def tile(a, reps):
    return np.tile(a, reps) if a.ndim == 1 else np.tile(a, (reps, 1))


class KerasTunedTrainer(KerasPlainTrainer):
    """to_keras(steps_per_execution = all steps of a call) + fast_fit. When the epoch is a whole
    number of batches, `call_epochs` copies of the data make one Keras epoch (notebooks 03, 06)."""
    method = "keras_tuned"

    def start(self, call_epochs):
        keras()
        self.stopped_at = self.first_epoch = None
        n, bs = len(self.data.X), self.batch_size
        self.reps = call_epochs if (n % bs == 0 and call_epochs > 1) else 1
        if self.reps > 1:
            self.X, self.y = tile(self.data.X, self.reps), tile(self.data.y, self.reps)
        else:
            self.X, self.y = self.data.X, self.data.y
        steps = math.ceil(len(self.X) / bs)
        self.km = nnlib.to_keras(build_nnlib(self.task, self.settings), steps_per_execution=steps)

    def train(self, epochs):
        if self.reps > 1:
            assert epochs == self.reps, (epochs, self.reps)
            nnlib.keras_bridge.fast_fit(self.km, self.X, self.y, epochs=1,
                                        batch_size=self.batch_size)
        else:
            nnlib.keras_bridge.fast_fit(self.km, self.X, self.y, epochs=epochs,
                                        batch_size=self.batch_size)


TRAINERS = {"article": ArticleTrainer, "nnlib": NnlibTrainer, "keras_plain": KerasPlainTrainer,
            "keras_tuned": KerasTunedTrainer}


# --- time to target -------------------------------------------------------------------------------

def find_epochs(task, data, trainer, settings, cap, wall_cap):
    """Phase 1: chunks of `every` epochs until the target; returns an Outcome (not timed well)."""
    out = Outcome(task.key, trainer.method, settings.name, settings.text)
    k = settings.every
    trainer.start(call_epochs=k)
    epochs, spent, chunks = 0, 0.0, []
    try:
        while epochs < cap:
            t = clock()
            trainer.train(k)
            chunks.append(clock() - t)
            spent += chunks[-1]
            epochs += k
            out.metric, reached = task.metric(trainer.predict, data)
            if reached:
                out.epochs, out.reached = epochs, True
                break
            if spent > wall_cap:
                out.note = f"stopped after {epochs} epochs ({spent:.0f} s)"
                break
        else:
            out.note = f"not reached in {epochs} epochs"
    except FloatingPointError as exc:
        out.note = f"diverged: {str(exc).splitlines()[0][:80]}"
    finally:
        trainer.close()
    out.chunks = chunks
    out.epochs_done = epochs
    return out


def time_epochs(task, data, trainer, epochs):
    """Phase 2: a fresh start, `epochs` epochs in one call, timed; then the (untimed) check."""
    trainer.start(call_epochs=epochs)
    try:
        t = clock()
        trainer.train(epochs)
        seconds = clock() - t
        metric, reached = task.metric(trainer.predict, data)
    finally:
        trainer.close()
    return seconds, metric, reached


QUICK_KERAS_TASKS = ("xor", "digits")   # quick mode: Keras on these only (graph builds are slow)


def run_task(task, quick, repeats, log, wall_cap):
    """All methods x settings on one task: a list of Outcomes.

    The article's loop and nnlib find their epochs to target themselves (phase 1). Keras, given
    the same settings, takes nnlib's steps, so it is given nnlib's epoch count and only timed
    (phase 2); its check after the timed run confirms the target. A plain Keras run that passes
    `wall_cap` seconds is stopped by a callback and extrapolated (marked).
    """
    data = task.load(quick)
    outcomes = []
    plan = [("article", task.candidates[0])] if task.article is not None else []
    plan += [("nnlib", s) for s in task.candidates]
    for method, s in plan:
        trainer = TRAINERS[method](task, data, s)
        out = find_epochs(task, data, trainer, s, s.quick_cap if quick else s.cap, 20 * wall_cap)
        outcomes.append(out)
        log(f"  [{task.key}] {SHORT[method]:12s} {s.text:55s} find: "
            f"{out.epochs or '-'} epochs ({out.metric}) {out.note}")
    nnlib_by_settings = {o.settings: o for o in outcomes if o.method == "nnlib"}
    for method in ("keras_plain", "keras_tuned"):
        for s in task.candidates:
            if quick and (task.key not in QUICK_KERAS_TASKS or s.name != "fast"):
                continue
            ref = nnlib_by_settings[s.name]
            out = Outcome(task.key, method, s.name, s.text, epochs=ref.epochs,
                          reached=ref.reached)
            if not ref.reached:
                out.note = "not run: nnlib does not reach the target with these settings"
                out.epochs_done = 0
            outcomes.append(out)

    # phase 2, interleaved: every outcome with an epoch count, timed again and again (short runs
    # more often, as timeit does: a millisecond run is at the mercy of the scheduler)
    timed = [o for o in outcomes if o.reached]
    quota = {id(o): repeats for o in timed}
    while any(len(o.runs) < quota[id(o)] and not o.extrapolated for o in timed):
        for o in timed:
            if o.extrapolated or len(o.runs) >= quota[id(o)]:
                continue
            s = task_settings(task, o.settings)
            trainer = TRAINERS[o.method](task, data, s)
            trainer.wall_cap = wall_cap
            seconds, metric, reached = time_epochs(task, data, trainer, o.epochs)
            if getattr(trainer, "stopped_at", None):   # plain Keras stopped by the wall cap
                done, first, later = trainer.stopped_at
                o.seconds = first + (o.epochs - 1) * later
                o.extrapolated = True
                o.metric = "(not run to the end)"
                o.note = (f"extrapolated: stopped after {done} of {o.epochs} epochs "
                          f"({seconds:.0f} s); first epoch {first:.2f} s (graph build), then "
                          f"{later:.3g} s per epoch")
                continue
            o.runs.append(seconds)
            if len(o.runs) == 1 and repeats > 1:
                quota[id(o)] = repeats_for(seconds, repeats)
            if getattr(trainer, "first_epoch", None) is not None and o.first_call is None:
                o.first_call = trainer.first_epoch
            o.metric = metric
            if not reached and "missed" not in o.note:
                o.note = (o.note + "; " if o.note else "") + "target missed in the timed run"
                o.reached = False
    for o in timed:
        if o.runs:
            o.seconds = min(o.runs)
        if o.seconds is not None and not (o.reached or o.extrapolated):
            o.seconds = None
        log(f"  [{task.key}] {SHORT[o.method]:12s} {o.settings_text:55s} time: "
            f"{o.epochs} epochs in {o.seconds if o.seconds is None else round(o.seconds, 5)} s "
            f"(runs: {', '.join(f'{x:.3g}' for x in o.runs)}) {o.note}")
    return outcomes


def task_settings(task, name):
    return next(s for s in task.candidates if s.name == name)


def best(outcomes, method):
    """The fastest outcome of a method that reached the target (or None)."""
    done = [o for o in outcomes if o.method == method and o.seconds is not None and
            (o.reached or o.extrapolated)]
    return min(done, key=lambda o: o.seconds) if done else None


# --- housing: 100 epochs of per-sample SGD --------------------------------------------------------

@dataclass
class SegmentRun:
    key: str
    label: str
    segments: list = field(default_factory=list)
    metric: str = ""
    extrapolated: bool = False
    estimate: Optional[float] = None   # full-run seconds from the best segment
    total: Optional[float] = None      # measured sum of segments
    note: str = ""
    steps: int = 0


def run_housing100(quick, log, epochs=None, n_segments=None):
    """100 epochs of per-sample SGD (lr 0.05, no shuffling) from the article's start weights:
    each method trains in segments, round-robin, so that the machine's load hits all alike.
    Reported: the measured total, and (number of segments) x (fastest segment)."""
    data = housing_data(quick)
    X, y = data.X, data.y
    epochs = epochs or (2 if quick else 100)
    n_segments = n_segments or (2 if quick else 20)
    seg = epochs // n_segments
    n = len(X)
    log(f"  [housing100] {epochs} epochs x {n} samples, {n_segments} segments of {seg} epochs")

    article = al.HousingScalarNet(seed=0)
    article_steps = al.HousingScalarNet(seed=0)
    numpy_ref = al.HousingNumpyPerSample(seed=0)
    model = build_nnlib(TASKS["housing"], TASKS["housing"].candidates[0])
    keras()
    X_tiled, y_tiled = tile(X, seg), tile(y, seg)
    km = nnlib.to_keras(build_nnlib(TASKS["housing"], TASKS["housing"].candidates[0]),
                        steps_per_execution=n * seg)

    runs = {
        "article": (SegmentRun("article", "article's loop as written (scalars; training-set MSE "
                               "each epoch)"),
                    lambda: article.fit(X, y, epoch=seg, lr=0.05)),
        "article_steps": (SegmentRun("article_steps", "article's loop, steps only (no per-epoch "
                                     "MSE)"),
                          lambda: article_steps.fit(X, y, epoch=seg, lr=0.05, record_mse=False)),
        "numpy_per_sample": (SegmentRun("numpy_per_sample", "numpy per-sample loop (matrix form, "
                                        "reference, no article)"),
                             lambda: numpy_ref.fit(X, y, epoch=seg, lr=0.05)),
        "nnlib": (SegmentRun("nnlib", "nnlib `fit(batch_size=1, shuffle=False)`"),
                  lambda: model.fit(X, y, epochs=seg, batch_size=1, shuffle=False)),
        "keras_tuned": (SegmentRun("keras_tuned", "Keras tuned (`steps_per_execution` + "
                                   "`fast_fit`), batch 1"),
                        lambda: nnlib.keras_bridge.fast_fit(km, X_tiled, y_tiled, epochs=1,
                                                            batch_size=1)),
    }
    for i in range(n_segments):
        for key, (run, fn) in runs.items():
            t = clock()
            fn()
            run.segments.append(clock() - t)
        log(f"  [housing100] segment {i + 1}/{n_segments}: "
            + ", ".join(f"{k} {r.segments[-1]:.2f}s" for k, (r, _) in runs.items()))

    X_test, y_test = data.extra["X_test"], data.extra["y_test"]
    predictions = {
        "article": np.array(article.predict(X_test), float),
        "article_steps": np.array(article_steps.predict(X_test), float),
        "numpy_per_sample": numpy_ref.predict(X_test),
        "nnlib": model.predict(X_test),
        "keras_tuned": nnlib.keras_bridge.keras_predict(km, X_test),
    }
    out = {}
    for key, (run, _) in runs.items():
        run.total = sum(run.segments)
        run.estimate = n_segments * min(run.segments)
        run.steps = epochs * n
        mse = float(np.mean((predictions[key].reshape(-1, 1) - y_test) ** 2))
        run.metric = f"{mse:.5f}"
        out[key] = run
    out["keras_tuned"].note = (f"first segment {out['keras_tuned'].segments[0]:.2f} s "
                               "(includes building the graph)")
    same = max(np.max(np.abs(a - b)) for a, b in zip(model.get_weights(),
                                                     article.nnlib_weights()))
    out["nnlib"].note = f"max |weight − article's weight| after {epochs} epochs: {same:.1e}"
    km = None
    release_keras()

    # plain Keras fit: a few thousand steps, extrapolated to epochs x n steps
    plain = SegmentRun("keras_plain", "Keras `fit` (plain), batch 1", extrapolated=True)
    km = nnlib.to_keras(build_nnlib(TASKS["housing"], TASKS["housing"].candidates[0]))
    warm = min(n, 100)
    t = clock()
    km.fit(X[:warm], y[:warm], epochs=1, batch_size=1, shuffle=False, verbose=0)
    first = clock() - t
    m = min(n, 200 if quick else 1000)
    per_step = []
    for _ in range(2):
        t = clock()
        km.fit(X[:m], y[:m], epochs=1, batch_size=1, shuffle=False, verbose=0)
        per_step.append((clock() - t) / m)
    plain.steps = epochs * n
    plain.estimate = min(per_step) * epochs * n
    plain.total = None
    plain.metric = "—"
    plain.note = (f"extrapolated from 2 × {m:,} steps ({min(per_step) * 1e3:.2f} ms per step) "
                  f"to {epochs * n:,} steps; first call ({warm} steps, graph build) "
                  f"{first:.2f} s not included")
    km = None
    release_keras()
    out["keras_plain"] = plain
    log(f"  [housing100] plain Keras: {min(per_step) * 1e3:.2f} ms/step -> "
        f"≈ {plain.estimate:.0f} s for {epochs} epochs")
    return {"runs": out, "epochs": epochs, "segments": n_segments, "n": n}
