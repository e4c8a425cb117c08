"""A playground in the notebook: watch the network you built learn, epoch by epoch.

Like the TensorFlow Playground, but the network is an nnlib `Sequential`, the same the lessons
build by hand, and it stays in your hands: `pg.model` is the live model, `pg.code()` prints the
nnlib lines that build and train it, `pg.settings` can be pasted into a cell to start again.

    from nnlib.playground import Playground
    pg = Playground(data="moons", hidden=[4, 4], activation="tanh", learning_rate=0.03)
    pg            # the controls and pictures (Play, Pause, Step, Reset) in JupyterLab
    pg.train(100); pg.figure()    # the same without a front end (scripts, tests, nbval)

Pictures: the decision boundary (the output over the plane, train points filled, test points as
rings), the train and test loss per epoch, every hidden unit's output over the plane, and the
network with its weights as lines (blue positive, orange negative, wider is larger).
Imports matplotlib, Pillow, scikit-learn and ipywidgets only when it needs them.
"""
import time

import numpy as np

from .. import optimizers, regularizers
from ..errors import NNLibValueError
from ..layers import Dense
from ..model import History, Sequential
from . import pictures
from .data import DATASETS, FEATURES, features, from_arrays, make_data
from .settings import (
    ACTIVATIONS,
    DEFAULTS,
    FRAME_SECONDS,
    L2_RATES,
    LEARNING_RATES,
    MAX_LAYERS,
    MAX_UNITS,
    OPTIMIZERS,
    PROBLEMS,
)


class Playground:
    """A network, its data and its pictures, trained an epoch (or a batch) at a time.

    data: a name from DATASETS ("xor", "gender", "moons", "circles", "blobs", "spiral") or your
          own (X, y) with X (n, 2); n, noise, test_fraction: how the named sets are made.
    features: the network's inputs, a list from FEATURES (x1, x2, x1^2, x2^2, x1*x2, sin(x1),
          sin(x2)). hidden: units per hidden layer, 0 to 4 layers of 1 to 8 units.
    activation: of the hidden layers. problem: "classification" (sigmoid output, binary
          cross-entropy) or "regression" (linear output, MSE).
    learning_rate, l2 (penalty on every kernel), batch_size, optimizer ("sgd" or "adam"), seed.
    A change of data, features, layers, activation, problem or seed starts again from new
    weights; a change of learning rate, L2, batch size or optimizer applies from the next step.
    """

    def __init__(self, **settings):
        unknown = set(settings) - set(DEFAULTS)
        if unknown:
            raise NNLibValueError(f"Unknown playground settings {sorted(unknown)}; "
                                  f"the settings are {list(DEFAULTS)}.")
        self._settings = dict(DEFAULTS)
        self._settings.update(settings)
        self._ui = None
        self._display = None
        self.status = ""
        self._check_settings(self._settings)
        self._make_data()
        self.reset()

    # --- settings ------------------------------------------------------------------------------

    @property
    def settings(self):
        """The settings as a dict: `Playground(**pg.settings)` starts the same playground again."""
        settings = dict(self._settings)
        if not isinstance(settings["data"], str):
            settings["data"] = "(X, y): your own arrays"
        settings["features"] = list(settings["features"])
        settings["hidden"] = list(settings["hidden"])
        return settings

    def settings_code(self):
        """A line to paste into a cell to start this playground again (your own data aside)."""
        args = ", ".join(f"{k}={v!r}" for k, v in self.settings.items() if v != DEFAULTS.get(k)
                         and not (isinstance(v, list) and tuple(v) == DEFAULTS.get(k)))
        return f"pg = Playground({args})"

    def set(self, **changes):
        """Change settings, as the controls do; returns self."""
        unknown = set(changes) - set(DEFAULTS)
        if unknown:
            raise NNLibValueError(f"Unknown playground settings {sorted(unknown)}; "
                                  f"the settings are {list(DEFAULTS)}.")
        new = dict(self._settings)
        new.update(changes)
        self._check_settings(new)
        old, self._settings = self._settings, new
        changed = {k for k in changes if not _same(old[k], new[k])}
        if changed & {"data", "n", "noise", "test_fraction", "seed"}:
            self._make_data()
        if changed & {"data", "n", "noise", "test_fraction", "seed", "features", "hidden",
                      "activation", "problem"}:
            self.reset()
        else:
            self._apply_training_settings()
        self._refresh()
        return self

    @staticmethod
    def _check_settings(s):
        if isinstance(s["data"], str) and s["data"] not in DATASETS:
            raise NNLibValueError(f"data must be one of {DATASETS} or your own (X, y); "
                                  f"got {s['data']!r}.")
        hidden = list(s["hidden"])
        if len(hidden) > MAX_LAYERS or not all(
                isinstance(u, (int, np.integer)) and 1 <= u <= MAX_UNITS for u in hidden):
            raise NNLibValueError(f"hidden must list 0 to {MAX_LAYERS} layer sizes of 1 to "
                                  f"{MAX_UNITS} units, e.g. [4, 4]; got {s['hidden']!r}.")
        for key, allowed in (("activation", ACTIVATIONS), ("problem", PROBLEMS),
                             ("optimizer", OPTIMIZERS)):
            if s[key] not in allowed:
                raise NNLibValueError(f"{key} must be one of {allowed}; got {s[key]!r}.")
        if not (isinstance(s["batch_size"], (int, np.integer)) and s["batch_size"] >= 1):
            raise NNLibValueError(f"batch_size must be an integer >= 1; got {s['batch_size']!r}.")
        if not s["learning_rate"] > 0 or not s["l2"] >= 0:
            raise NNLibValueError("learning_rate must be > 0 and l2 >= 0; got "
                                  f"{s['learning_rate']!r} and {s['l2']!r}.")
        features(np.zeros((1, 2)), list(s["features"]))   # raises for unknown names

    # --- data and model ------------------------------------------------------------------------

    def _make_data(self):
        s = self._settings
        if isinstance(s["data"], str):
            self.data = make_data(s["data"], s["n"], s["noise"], s["test_fraction"], s["seed"])
        else:
            self.data = from_arrays(*s["data"], test_fraction=s["test_fraction"], seed=s["seed"])
        X = self.data.X_all
        pad = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.2
        low, high = X.min(axis=0) - pad, X.max(axis=0) + pad
        self.bounds = (low[0], high[0], low[1], high[1])
        g = 60
        xs, ys = np.linspace(low[0], high[0], g), np.linspace(high[1], low[1], g)
        self._grid = np.column_stack([a.ravel() for a in np.meshgrid(xs, ys)])   # (g*g, 2)
        self._grid_shape = (g, g)
        self._points = None   # the points' picture layer, drawn when first needed

    def inputs(self, X):
        """Raw points X (n, 2) -> the network's inputs (n, len(features))."""
        return features(X, list(self._settings["features"]))

    def reset(self):
        """New weights from the seed, an empty history, epoch 0."""
        s = self._settings
        regularizer = regularizers.L2(s["l2"]) if s["l2"] > 0 else None
        n_in = len(s["features"])
        layers = []
        for units in s["hidden"]:
            layers.append(Dense(units, activation=s["activation"], kernel_regularizer=regularizer,
                                input_dim=None if layers else n_in))
        output = "sigmoid" if s["problem"] == "classification" else "linear"
        layers.append(Dense(1, activation=output, kernel_regularizer=regularizer,
                            input_dim=None if layers else n_in))
        self.model = Sequential(layers, seed=s["seed"])
        self.model.compile(loss=self._loss_name(), optimizer=self._optimizer())
        self.history = History()
        self.epoch = 0
        self.batches = 0
        self.status = ""
        self._batch_rng = np.random.default_rng(s["seed"])
        self._refresh()
        return self

    def _loss_name(self):
        return "binary_crossentropy" if self._settings["problem"] == "classification" else "mse"

    def _optimizer(self):
        s = self._settings
        if s["optimizer"] == "adam":
            return optimizers.Adam(learning_rate=s["learning_rate"])
        return optimizers.SGD(learning_rate=s["learning_rate"])

    def _apply_training_settings(self):
        """Learning rate, L2 and optimizer changed: keep the weights, use the new settings."""
        s = self._settings
        regularizer = regularizers.L2(s["l2"]) if s["l2"] > 0 else None
        for layer in self.model.layers:
            layer.kernel_regularizer = regularizer
        kind = optimizers.Adam if s["optimizer"] == "adam" else optimizers.SGD
        if isinstance(self.model.optimizer, kind):
            self.model.optimizer.learning_rate = float(s["learning_rate"])
        else:   # another optimizer: a fresh one, as if compiled again (the weights stay)
            self.model.compile(loss=self._loss_name(), optimizer=self._optimizer())

    # --- training ------------------------------------------------------------------------------

    def _train_set(self):
        return self.inputs(self.data.X_train), self.data.y_train

    def _batch_size(self):
        return min(self._settings["batch_size"], len(self.data.X_train))

    def step(self, unit="epoch"):
        """Train one epoch (unit="epoch") or one batch (unit="batch"); returns self.

        An epoch is `model.fit(X_train, y_train, epochs=1, batch_size=...)`: one pass over the
        training points in shuffled batches. A batch is one step of the optimizer on
        `batch_size` training points drawn at random. A loss that is no longer finite stops
        training and says so in `pg.status`.
        """
        if unit not in ("epoch", "batch"):
            raise NNLibValueError(f'unit must be "epoch" or "batch", got {unit!r}.')
        self._train(unit)
        self._refresh()
        return self

    def train(self, epochs=1):
        """Train `epochs` epochs (stopping early if the loss stops being finite); returns self."""
        for _ in range(int(epochs)):
            if not self._train("epoch"):
                break
        self._refresh()
        return self

    def _train(self, unit):
        """One epoch or one batch; False when the loss was not finite (nothing more is done)."""
        if self.status.startswith("diverged"):
            return False
        X, y = self._train_set()
        X_test, y_test = self.inputs(self.data.X_test), self.data.y_test
        try:
            if unit == "batch":
                rows = self._batch_rng.choice(len(X), self._batch_size(), replace=False)
                with np.errstate(over="ignore", invalid="ignore"):
                    loss = self.model.train_step(X[rows], y[rows])
                self.batches += 1
                if not np.isfinite(loss):
                    raise FloatingPointError(f"loss {loss}")
                return True
            logs = self.model.fit(X, y, epochs=1, batch_size=self._batch_size(), shuffle=True,
                                  validation_data=(X_test, y_test)).history
        except FloatingPointError:
            self.status = ("diverged: the loss is no longer a finite number. Lower the learning "
                           "rate, then Reset.")
            return False
        self.history.append({k: v[0] for k, v in logs.items()})
        self.epoch += 1
        self.batches += -(-len(X) // self._batch_size())
        return True

    # --- pictures ------------------------------------------------------------------------------

    def _hidden_outputs(self, X):
        """Each hidden layer's output on X: a list of (n, units), and the network's output."""
        outputs, a = [], X
        for layer in self.model.layers:
            a = layer.forward(a)
            outputs.append(a)
        return outputs[:-1], outputs[-1]

    def pictures(self):
        """The four pictures as PIL images: "boundary", "loss", "units", "network"."""
        hidden, out = self._hidden_outputs(self.inputs(self._grid))
        g = self._grid_shape
        data = self.data
        if self._settings["problem"] == "classification":
            low, high = 0.0, 1.0
        else:
            targets = np.vstack([data.y_train, data.y_test])
            low, high = float(targets.min()), float(targets.max())
        if self._points is None or self._points[0] != (low, high):   # drawn once per data
            self._points = ((low, high), pictures.points(
                self.bounds, (data.X_train, data.y_train), (data.X_test, data.y_test),
                low=low, high=high))
        boundary = pictures.boundary(out[:, 0].reshape(g), self._points[1], low=low, high=high)
        loss = pictures.loss_curves(self.history.history.get("loss", []),
                                    self.history.history.get("val_loss", []))
        layers = []
        for layer, a in zip(self.model.layers, hidden):
            scale = float(np.max(np.abs(a))) or 1.0
            low_u, high_u = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(
                layer.activation.name, (-scale, scale))
            layers.append((a.T.reshape(-1, *g)[:, ::2, ::2], low_u, high_u))   # 30×30 each
        units = pictures.unit_grid(layers)
        weights = self.model.get_weights()
        network = pictures.network(weights[0::2], weights[1::2], list(self._settings["features"]))
        return {"boundary": boundary, "loss": loss, "units": units, "network": network}

    def figure(self):
        """A matplotlib figure of the four pictures, titled with the epoch and the losses."""
        import matplotlib.pyplot as plt

        images = self.pictures()
        fig, axes = plt.subplots(1, 4, figsize=(15, 3.6),
                                 gridspec_kw={"width_ratios": [1, 1.2, 0.8, 1.4]})
        titles = {"boundary": "output over the plane", "loss": "loss (train dark, test grey)",
                  "units": "hidden units", "network": "weights"}
        for ax, (name, image) in zip(axes, images.items()):
            ax.imshow(np.asarray(image))
            ax.set_title(titles[name], fontsize=10)
            ax.axis("off")
        fig.suptitle(self.caption(), fontsize=11)
        fig.tight_layout()
        return fig

    def caption(self):
        """'epoch 120 · train loss 0.081 · test loss 0.095' (and the status, if any)."""
        h = self.history.history
        parts = [f"epoch {self.epoch}"]
        if h.get("loss"):
            parts += [f"train loss {h['loss'][-1]:.3f}", f"test loss {h['val_loss'][-1]:.3f}"]
        if self.status:
            parts.append(self.status)
        return " · ".join(parts)

    def accuracy(self, which="test"):
        """The share of `which` ("train" or "test") points on the right side of the boundary."""
        X, y = ((self.data.X_test, self.data.y_test) if which == "test"
                else (self.data.X_train, self.data.y_train))
        return float(np.mean((self.model.predict(self.inputs(X)) > 0.5) == (y > 0.5)))

    # --- the code behind it --------------------------------------------------------------------

    def code(self):
        """The nnlib lines that build and train this network, as set (printed and returned)."""
        s = self._settings
        data = (f'make_data({s["data"]!r}, n={s["n"]}, noise={s["noise"]}, '
                f'test_fraction={s["test_fraction"]}, seed={s["seed"]})'
                if isinstance(s["data"], str)
                else f'from_arrays(X, y, test_fraction={s["test_fraction"]}, seed={s["seed"]})')
        reg = f", kernel_regularizer=nnlib.regularizers.L2({s['l2']})" if s["l2"] > 0 else ""
        lines = ["import nnlib",
                 "from nnlib import Dense, Sequential",
                 "from nnlib.playground.data import features, from_arrays, make_data",
                 "",
                 f"data = {data}",
                 f"X_train = features(data.X_train, {list(s['features'])})",
                 f"X_test = features(data.X_test, {list(s['features'])})",
                 "",
                 "model = Sequential(["]
        n_in = len(s["features"])
        for i, units in enumerate(s["hidden"]):
            dim = f", input_dim={n_in}" if i == 0 else ""
            lines.append(f'    Dense({units}, activation="{s["activation"]}"{dim}{reg}),')
        output = "sigmoid" if s["problem"] == "classification" else "linear"
        dim = f", input_dim={n_in}" if not s["hidden"] else ""
        lines.append(f'    Dense(1, activation="{output}"{dim}{reg}),')
        lines.append(f"], seed={s['seed']})")
        opt = "Adam" if s["optimizer"] == "adam" else "SGD"
        lines.append(f'model.compile(loss="{self._loss_name()}", '
                     f'optimizer=nnlib.optimizers.{opt}(learning_rate={s["learning_rate"]}))')
        lines.append(f"history = model.fit(X_train, data.y_train, epochs={max(self.epoch, 1)}, "
                     f"batch_size={self._batch_size()}, shuffle=True,")
        lines.append("                    validation_data=(X_test, data.y_test))")
        text = "\n".join(lines)
        print(text)
        return text

    # --- in the notebook -----------------------------------------------------------------------

    def _repr_mimebundle_(self, include=None, exclude=None):
        """The controls where a front end can show widgets; a picture of the state elsewhere."""
        bundle = {"text/plain": f"Playground: {self.caption()}",
                  "image/png": pictures.png(self._snapshot())}
        try:
            bundle.update(self.widget()._repr_mimebundle_())
        except ImportError:   # no ipywidgets: the picture alone
            pass
        return bundle

    def _ipython_display_(self):
        from IPython.display import display

        self._display = display(self._repr_mimebundle_(), raw=True, display_id=True)

    def _snapshot(self):
        """The four pictures side by side, with the caption above: one still image."""
        from PIL import Image, ImageDraw

        images = list(self.pictures().values())
        width = sum(im.width for im in images) + 10 * (len(images) - 1)
        height = max(im.height for im in images) + 22
        canvas = Image.new("RGB", (width, height), "white")
        ImageDraw.Draw(canvas).text((4, 4), self.caption() + "  (a still picture: run the "
                                    "notebook in JupyterLab to train it live)", fill=(40, 40, 40))
        x = 0
        for im in images:
            canvas.paste(im, (x, 22))
            x += im.width + 10
        return canvas

    def widget(self):
        """The ipywidgets user interface (built once)."""
        if self._ui is None:
            from .widgets import PlaygroundUI

            self._ui = PlaygroundUI(self)
        return self._ui.box

    def _refresh(self):
        """Redraw what shows this playground: the live controls and, after a call from code
        (`train`, `step`, `reset`, `set` in a cell), the output's still picture too. A click on
        the controls redraws only the controls: replacing the output would rebuild them."""
        if self._ui is not None:
            self._ui.redraw()
        if self._display is not None and (self._ui is None or not self._ui.acting):
            self._display.update(self._repr_mimebundle_(), raw=True)

    def frame(self, seconds=FRAME_SECONDS):
        """Train for about `seconds` (at least one epoch), then redraw: one frame of Play."""
        start = time.perf_counter()
        while self._train("epoch") and time.perf_counter() - start < seconds:
            pass
        if self._ui is not None:
            self._ui.redraw()
        return self


def _same(a, b):
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return a is b if not isinstance(a, (str, int, float)) else a == b


__all__ = ["Playground", "DATASETS", "FEATURES", "ACTIVATIONS", "LEARNING_RATES", "L2_RATES"]
