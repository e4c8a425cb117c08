"""A playground in the notebook: watch the network you built learn, epoch by epoch.

Like the TensorFlow Playground, but the network is an nnlib `Sequential`, the same the lessons
build by hand, and it stays in your hands: `pg.model` is the live model, `pg.code()` the nnlib
lines that build and train it, `pg.settings_code()` a line to paste into a cell to start again.

    from nnlib.playground import Playground
    pg = Playground(data="moons", hidden=[4, 4], activation="tanh", learning_rate=0.03)
    pg            # the controls and pictures (Play, Pause, Step, Reset) in JupyterLab
    pg.set(learning_rate=0.1, data="spiral")   # what the controls do, from code
    pg.train(100); pg.figure()    # the same without a front end (scripts, tests, nbval)
    pg.code()     # the nnlib lines that rebuild pg.model, bit for bit

Recording frames without a front end (for a book page with a slider over training, a GIF...):

    frames = Playground(data="moons", hidden=[3]).frames(2000, 30)
    # 30 frames at evenly spaced epochs from 0 to 2,000, both included; each a Frame with
    # .epoch (int), .caption (str), .image (a PIL image: the four pictures under the caption)
    # and .png() (its PNG bytes). Other epochs: pg.frames(at=[0, 10, 100, 1000]); one picture
    # only: pg.frames(2000, 30, picture="boundary") ("boundary", "loss", "units", "network");
    # the four apart: picture="all" (.image and .png() are then dicts keyed by those names).

Pictures: the decision boundary (the output over the plane; class 1 blue circles, class 0
orange triangles, train points ringed in white, test points in black), the train and test loss
after each epoch, every hidden unit's output over the plane, and the network with its weights as
lines (solid blue positive, dashed orange negative, wider is larger). The colours are Okabe and
Ito's, told apart by colour-blind readers too.

When the loss stops being a finite number (the learning rate is too large), the playground
undoes the step that diverged: the model, its optimizer and its generators are back where they
were before it, the pictures are veiled and say "diverged", and training waits until a training
setting changes (learning rate, L2, batch size, optimizer) or Reset.
Imports matplotlib, Pillow, scikit-learn and ipywidgets only when it needs them.
"""
import time
from dataclasses import dataclass

import numpy as np

from .. import optimizers, regularizers
from ..errors import NNLibValueError
from ..layers import Dense
from ..model import History, Sequential
from . import pictures, replay
from .data import DATASETS, FEATURE_LABELS, FEATURES, features, from_arrays, make_data
from .settings import (
    ACTIVATIONS,
    DATA_DEFAULTS,
    DATA_SETTINGS,
    DEFAULTS,
    FRAME_SECONDS,
    L2_RATES,
    LEARNING_RATES,
    NETWORK_SETTINGS,
    defaults_for,
    normalise,
)

PICTURES = ("boundary", "loss", "units", "network")


@dataclass
class Frame:
    """One recorded moment of training: the epoch, the caption and the picture (a PIL image;
    for picture="all", a dict of the four)."""
    epoch: int
    caption: str
    image: object

    def png(self):
        """The picture as PNG bytes (for picture="all", a dict of them)."""
        if isinstance(self.image, dict):
            return {name: pictures.png(image) for name, image in self.image.items()}
        return pictures.png(self.image)

    def _repr_png_(self):
        return None if isinstance(self.image, dict) else self.png()


class Playground:
    """A network, its data and its pictures, trained an epoch (or a batch) at a time.

    data: a name from DATASETS ("xor", "gender", "moons", "circles", "blobs", "spiral") or your
          own (X, y): X (n, 2) (an array, a list or a two-column DataFrame), y one target per
          row (0 or 1 for classification). A DataFrame alone, or a tuple of other than two
          items, is refused with a sentence saying what to pass.
    n, noise, test_fraction: how the named sets are made. n and noise belong to the data set
          they were given with: a set given without them has its own (the last it had here,
          else DATA_DEFAULTS: 200 points, noise 0.2; 0.1 for circles and spiral), so lesson
          03's 4 XOR points do not make a spiral of 4 points.
    features: the network's inputs, one name or a list from FEATURES (x1, x2, x1², x2², x1·x2,
          sin(x1), sin(x2); 'x1^2' and 'x1*x2' work too). hidden: units per hidden layer, 0 to
          4 layers of 1 to 8 units; one number is one layer (hidden=4 is [4]; 0 is none).
    activation: of the hidden layers. problem: "classification" (sigmoid output, binary
          cross-entropy) or "regression" (linear output, MSE).
    learning_rate, l2 (penalty on every kernel), batch_size (at most the training points: more
          trains full batch), optimizer ("sgd" or "adam"), seed.
    A change of data, features, layers, activation, problem or seed starts again from new
    weights; a change of learning rate, L2, batch size or optimizer applies from the next step.
    A setting that is refused changes nothing.
    """

    def __init__(self, **settings):
        self._ui = None
        self._display = None
        self._per_data = {}   # data set name -> {"n": ..., "noise": ...} it was last used with
        self._own = None      # your (X, y), once given
        data = settings.get("data", DEFAULTS["data"])
        s = normalise({**defaults_for(data.strip().lower() if isinstance(data, str) else data),
                       **settings})
        self._settings = s
        self._use_data(s)
        self.reset()

    # --- settings ------------------------------------------------------------------------------

    @property
    def settings(self):
        """The settings as a dict: `Playground(**pg.settings)` starts the same playground again."""
        settings = dict(self._settings)
        settings["features"] = list(settings["features"])
        settings["hidden"] = list(settings["hidden"])
        if not isinstance(settings["data"], str):
            settings["data"] = tuple(a.copy() for a in settings["data"])
        return settings

    def settings_code(self):
        """A line to paste into a cell to start this playground again."""
        parts = []
        defaults = defaults_for(self._settings["data"])
        for key, value in self.settings.items():
            if key == "data" and not isinstance(value, str):
                parts.append("data=(X, y)")
            elif not _same(value, defaults[key]):
                parts.append(f"{key}={value!r}")
        note = "   # X, y: the arrays you gave" if "data=(X, y)" in parts else ""
        return replay.Code(f"pg = Playground({', '.join(parts)}){note}")

    def set(self, **changes):
        """Change settings, as the controls do; returns self. A refused setting (an
        NNLibValueError saying why) leaves the playground as it was."""
        old = self._settings
        new = {**old, **changes}
        name = changes.get("data")
        name = name.strip().lower() if isinstance(name, str) else None
        if name in DATASETS and name != old["data"]:   # another set: its own n and noise
            remembered = self._per_data.get(name, DATA_DEFAULTS[name])
            new.update({key: remembered[key] for key in ("n", "noise") if key not in changes})
        new = normalise(new)
        changed = {k for k in new if not _same(old[k], new[k])}
        before = {**self.__dict__, "_per_data": dict(self._per_data)}
        try:
            self._settings = new
            if changed & set(DATA_SETTINGS):
                self._use_data(new)
            if changed & set(NETWORK_SETTINGS):
                self.reset()
            else:
                self._apply_training_settings(old, changed)
                self._refresh()
        except BaseException:
            self.__dict__.clear()
            self.__dict__.update(before)
            raise
        return self

    # --- data and model ------------------------------------------------------------------------

    def _use_data(self, s):
        """Make the data of settings `s`, and the grid of points the pictures are drawn on."""
        if isinstance(s["data"], str):
            data = make_data(s["data"], s["n"], s["noise"], s["test_fraction"], s["seed"])
            self._per_data[s["data"]] = {"n": s["n"], "noise": s["noise"]}
        else:
            data = from_arrays(*s["data"], test_fraction=s["test_fraction"], seed=s["seed"])
            self._own = s["data"]
        X = data.X_all
        pad = 0.1 * (X.max(axis=0) - X.min(axis=0)) + 0.2
        low, high = X.min(axis=0) - pad, X.max(axis=0) + pad
        self.data = data
        self.bounds = (low[0], high[0], low[1], high[1])
        g = 60
        xs, ys = np.linspace(low[0], high[0], g), np.linspace(high[1], low[1], g)
        self._grid = np.column_stack([a.ravel() for a in np.meshgrid(xs, ys)])   # (g*g, 2)
        self._grid_shape = (g, g)
        self._points = None   # the points' picture layer, drawn when first needed
        self._same_points = (len(data.X_test) == len(data.X_train)
                             and np.array_equal(data.X_test, data.X_train))

    def inputs(self, X):
        """Raw points X (n, 2) -> the network's inputs (n, len(features))."""
        return features(X, self._settings["features"])

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
        self.model.compile(loss=replay.loss_name(s["problem"]), optimizer=self._optimizer())
        self._sets = (self.inputs(self.data.X_train), self.data.y_train,
                      self.inputs(self.data.X_test), self.data.y_test)
        self.history = History()
        self.epoch = 0
        self.batches = 0
        self._batch_steps = 0   # steps of "Step a batch"
        self.status = ""
        self._batch_rng = np.random.default_rng(s["seed"])
        self._start = None      # the training settings of the first step (for code())
        self._log = []          # what trained the model since (see replay.py)
        self._warnings = []     # why code() may not rebuild the model
        self._losses = self._evaluate()
        if not np.all(np.isfinite(self._losses)):
            self.status = ("cannot train: the loss is not a finite number before any step (the "
                           "inputs or targets are too large): scale your data")
        self._good = self._state()
        self._refresh()
        return self

    def _optimizer(self):
        s = self._settings
        if s["optimizer"] == "adam":
            return optimizers.Adam(learning_rate=s["learning_rate"])
        return optimizers.SGD(learning_rate=s["learning_rate"])

    def _apply_training_settings(self, old, changed):
        """Learning rate, L2, batch size or optimizer changed: keep the weights, use the new
        settings from the next step (and train again after a divergence)."""
        s = self._settings
        if changed & {"learning_rate", "l2", "batch_size", "optimizer"} and \
                self.status.startswith("diverged"):
            self.status = ""
        if "l2" in changed:
            regularizer = regularizers.L2(s["l2"]) if s["l2"] > 0 else None
            for layer in self.model.layers:
                layer.kernel_regularizer = regularizer
            self._logged("l2", s["l2"])
        if "optimizer" in changed:   # a fresh one, as if compiled again (the weights stay)
            self.model.compile(loss=replay.loss_name(s["problem"]), optimizer=self._optimizer())
            self._logged("optimizer", (s["optimizer"], s["learning_rate"]))
        elif "learning_rate" in changed:
            self.model.optimizer.learning_rate = s["learning_rate"]
            self._logged("learning_rate", s["learning_rate"])
        self._good = self._state()

    def _logged(self, name, value):
        if self._start is not None:   # before the first step, the code builds it this way
            self._log.append(["set", name, value, self.epoch])

    # --- training ------------------------------------------------------------------------------

    def _batch_size(self):
        """The batch size used: the setting, or all the training points if it is larger."""
        return min(self._settings["batch_size"], len(self.data.X_train))

    def step(self, unit="epoch"):
        """Train one epoch (unit="epoch") or one batch (unit="batch"); returns self.

        An epoch is `model.fit(X_train, y_train, epochs=1, batch_size=...)`: one pass over the
        training points in shuffled batches. A batch is one step of the optimizer on
        `batch_size` training points drawn at random. A step whose loss is no longer finite is
        undone, and `pg.status` says so.
        """
        if unit not in ("epoch", "batch"):
            raise NNLibValueError(f'unit must be "epoch" or "batch", got {unit!r}.')
        self._train(unit)
        self._refresh()
        return self

    def train(self, epochs=1):
        """Train `epochs` epochs (stopping early if the loss stops being finite); returns self."""
        if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
            raise NNLibValueError(f"epochs must be a whole number >= 0; got {epochs!r}.")
        for _ in range(epochs):
            if not self._train("epoch"):
                break
        self._refresh()
        return self

    def _train(self, unit):
        """One epoch or one batch; False when it diverged and was undone (or cannot train)."""
        if self.status:
            return False
        self._check_untouched()
        X, y, _, _ = self._sets
        size = self._batch_size()
        try:
            with np.errstate(all="ignore"):
                if unit == "batch":
                    rows = self._batch_rng.choice(len(X), size, replace=False)
                    self.model.fit(X[rows], y[rows], epochs=1, batch_size=size, shuffle=False)
                else:
                    self.model.fit(X, y, epochs=1, batch_size=size, shuffle=True)
                losses = self._evaluate()
            if not np.all(np.isfinite(losses)):
                raise FloatingPointError("the loss after the step is not finite")
        except FloatingPointError:
            self._undo(unit)
            return False
        except KeyboardInterrupt:   # stopped in a cell: back to the last whole step
            self._restore()
            raise
        if self._start is None:
            self._start = {k: self._settings[k] for k in ("learning_rate", "l2", "optimizer")}
        kind, steps = ("batches", 1) if unit == "batch" else ("epochs", -(-len(X) // size))
        last = self._log[-1] if self._log else None
        if last and last[0] == kind and last[2] == size:
            last[1] += 1
        else:
            self._log.append([kind, 1, size])
        self.batches += steps
        self._losses = losses
        if unit == "epoch":
            self.epoch += 1
            self.history.append({"loss": losses[0], "val_loss": losses[1]})
        else:
            self._batch_steps += 1
        self._good = self._state()
        return True

    def _evaluate(self):
        """(train loss, test loss) of the weights as they are now."""
        X, y, X_test, y_test = self._sets
        with np.errstate(all="ignore"):
            return (self.model.evaluate(X, y), self.model.evaluate(X_test, y_test))

    def _state(self):
        """What a diverged step changes: weights, optimizer state, the two generators."""
        optimizer = self.model.optimizer.get_state()
        return {"weights": self.model.get_weights(),
                "optimizer": {k: [a.copy() for a in v] if isinstance(v, list) else v
                              for k, v in optimizer.items()},
                "rng": self.model.rng.bit_generator.state,
                "batch_rng": self._batch_rng.bit_generator.state,
                "learning_rate": self.model.optimizer.learning_rate,
                "optimizer_type": type(self.model.optimizer)}

    def _restore(self):
        """Put back the state after the last whole step (False if its weights were not
        numbers: set_weights refuses them)."""
        good = self._good
        try:
            self.model.set_weights(good["weights"])
        except NNLibValueError:
            return False
        self.model.optimizer.set_state(good["optimizer"])
        self.model.rng.bit_generator.state = good["rng"]
        self._batch_rng.bit_generator.state = good["batch_rng"]
        return True

    def _undo(self, unit):
        """Put back the state before the step that diverged, and say so."""
        restored = self._restore()
        self._losses = self._evaluate()
        if not restored:   # the weights were not numbers before the step either
            self.status = ("cannot train: pg.model's weights are not all numbers (NaN or inf); "
                           "Reset")
            return
        what = f"epoch {self.epoch + 1}" if unit == "epoch" else "a batch step"
        self.status = (f"diverged in {what}: the loss is no longer a finite number; the pictures "
                       f"show the network before it. Lower the learning rate and train on, "
                       f"or Reset")
        self._log.append(["note", f"{what} diverged here at learning rate "
                                  f"{self._settings['learning_rate']} (its fit raised "
                                  f"FloatingPointError) and was undone"])

    def _check_untouched(self):
        """Note (for code()) when pg.model was changed outside the playground."""
        good, model = self._good, self.model
        if (type(model.optimizer) is not good["optimizer_type"]
                or model.optimizer.learning_rate != good["learning_rate"]):
            self._warn("pg.model's optimizer or learning rate was changed outside the "
                       "playground (use pg.set(...)); these lines use the playground's settings")
        elif any(not np.array_equal(a, b, equal_nan=True)
                 for a, b in zip(model.get_weights(), good["weights"])):
            self._warn("pg.model's weights were changed outside the playground (set_weights, "
                       "fit...); these lines rebuild what the playground did, not those changes")
        else:
            return
        self._good = self._state()

    def _warn(self, sentence):
        if sentence not in self._warnings:
            self._warnings.append(sentence)

    # --- pictures ------------------------------------------------------------------------------

    def _hidden_outputs(self, X):
        """Each hidden layer's output on X: a list of (n, units), and the network's output."""
        outputs, a = [], X
        with np.errstate(all="ignore"):
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
        if self.status:
            boundary = pictures.banner(boundary, "diverged: lower the learning rate\nthen train "
                                       "on, or Reset" if self.status.startswith("diverged")
                                       else "cannot train\n(the caption says why)")
        loss = pictures.loss_curves(self.history.history.get("loss", []),
                                    self.history.history.get("val_loss", []))
        layers = []
        for layer, a in zip(self.model.layers, hidden):
            scale = pictures.finite_max([a], floor=1.0)
            low_u, high_u = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(
                layer.activation.name, (-scale, scale))
            layers.append((a.T.reshape(-1, *g)[:, ::2, ::2], low_u, high_u))   # 30×30 each
        units = pictures.unit_grid(layers)
        weights = self.model.get_weights()
        network = pictures.network(weights[0::2], weights[1::2],
                                   [FEATURE_LABELS[f] for f in self._settings["features"]])
        return {"boundary": boundary, "loss": loss, "units": units, "network": network}

    def figure(self):
        """A matplotlib figure of the four pictures, titled with the epoch and the losses."""
        import matplotlib.pyplot as plt

        images = self.pictures()
        fig, axes = plt.subplots(1, 4, figsize=(15, 3.6),
                                 gridspec_kw={"width_ratios": [1, 1.2, 0.8, 1.4]})
        titles = {"boundary": "output over the plane\n(class 1 blue ●, class 0 orange ▲)",
                  "loss": "loss after each epoch\n(train dark, test grey)",
                  "units": "hidden units", "network": "weights\n(solid blue +, dashed orange −)"}
        for ax, (name, image) in zip(axes, images.items()):
            ax.imshow(np.asarray(image))
            ax.set_title(titles[name], fontsize=10)
            ax.axis("off")
        fig.suptitle(self.caption(), fontsize=11)
        fig.tight_layout()
        return fig

    def caption(self):
        """'epoch 120 · train loss 0.0812 · test loss 0.0951' (and the status, if any): the
        losses of the weights as they are now, numbers to 3 significant figures."""
        steps = self._batch_steps
        parts = [f"epoch {self.epoch}" + (f" + {steps} batch step{'s' * (steps != 1)}"
                                          if steps else "")]
        train, test = self._losses
        if self._same_points:
            parts.append(f"train loss {_number(train)} (= test loss: the "
                         f"{len(self.data.X_train)} points are both train and test)")
        else:
            parts += [f"train loss {_number(train)}", f"test loss {_number(test)}"]
        if self.status:
            parts.append(self.status)
        return " · ".join(parts)

    def accuracy(self, which="test"):
        """The share of `which` ("train" or "test") points on the right side of the boundary."""
        X, y = ((self.data.X_test, self.data.y_test) if which == "test"
                else (self.data.X_train, self.data.y_train))
        return float(np.mean((self.model.predict(self.inputs(X)) > 0.5) == (y > 0.5)))

    def frames(self, epochs=None, count=30, *, at=None, picture="snapshot"):
        """Train on and record pictures: a list of Frame(epoch, caption, image).

        pg.frames(2000, 30): `count` frames at evenly spaced epochs from now to `epochs` epochs
        on, both ends included (fewer if there are fewer epochs than frames).
        pg.frames(at=[0, 10, 100, 1000]): at these epochs (as pg.epoch counts them; not before
        the current one). picture: "snapshot" (the four pictures under the caption), one of
        "boundary", "loss", "units", "network", or "all" (a dict of those four). If training
        diverges, the frames stop there: the last one shows the diverged network and its epoch
        says where.
        """
        if picture not in ("snapshot", "all") + PICTURES:
            raise NNLibValueError(f"picture must be 'snapshot', 'all' or one of {PICTURES}; "
                                  f"got {picture!r}.")
        if at is None:
            if epochs is None or int(epochs) < 0 or int(count) < 1:
                raise NNLibValueError("frames(epochs, count): how many epochs to train (>= 0) and "
                                      "how many frames to record (>= 1); or frames(at=[...]).")
            at = self.epoch + np.round(np.linspace(0, int(epochs), int(count))).astype(int)
        at = sorted({int(e) for e in at})
        if at and at[0] < self.epoch:
            raise NNLibValueError(f"frames(at=...): epoch {at[0]} is before the current epoch "
                                  f"{self.epoch}; Reset first to record from the start.")
        recorded = []
        for epoch in at:
            while self.epoch < epoch and self._train("epoch"):
                pass
            image = (self._snapshot(note="") if picture == "snapshot" else self.pictures()
                     if picture == "all" else self.pictures()[picture])
            recorded.append(Frame(self.epoch, self.caption(), image))
            if self.epoch < epoch:   # diverged (or cannot train): no later frame
                break
        self._refresh()
        return recorded

    # --- the code behind it --------------------------------------------------------------------

    def code(self):
        """The nnlib lines that build this network and train it as the playground did: every
        change of learning rate, L2, batch size or optimizer and every single-batch step, so
        that running them gives pg.model's weights bit for bit. Where they cannot (pg.model was
        changed outside the playground), a NOTE on top says why. A cell ending in pg.code()
        shows the code; print(pg.code()) prints it; exec(pg.code()) runs it (with your X, y
        if the data are your own)."""
        self._check_untouched()
        return replay.write(self.settings, self._start, self._log, self._warnings)

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

    def _snapshot(self, note="  (a still picture: run the notebook in JupyterLab to train it "
                             "live)"):
        """The four pictures side by side, with the caption above: one still image."""
        from PIL import Image, ImageDraw

        images = list(self.pictures().values())
        width = sum(im.width for im in images) + 10 * (len(images) - 1)
        lines = pictures.wrap((self.caption() + note).split(" · "), width - 8)
        top = 8 + 14 * len(lines)
        canvas = Image.new("RGB", (width, max(im.height for im in images) + top), "white")
        draw = ImageDraw.Draw(canvas)
        for i, line in enumerate(lines):
            pictures.text(draw, (4, 4 + 14 * i), line)
        x = 0
        for im in images:
            canvas.paste(im, (x, top))
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


def _number(x):
    """A loss for people: 3 significant figures ('0.0812', '1.2e+30', 'nan', 'inf')."""
    return f"{float(x):.3g}"


def _same(a, b):
    """Whether two values of a setting are the same (own data: the same numbers)."""
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return False
        return all(np.array_equal(x, y) if isinstance(x, np.ndarray) or isinstance(y, np.ndarray)
                   else _same(x, y) for x, y in zip(a, b))
    return a == b


__all__ = ["Playground", "Frame", "DATASETS", "FEATURES", "ACTIVATIONS", "LEARNING_RATES",
           "L2_RATES"]
