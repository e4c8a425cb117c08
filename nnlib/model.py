"""Sequential: a stack of layers trained by backpropagation, with Keras' method names.

One training step (`train_step`) is the whole algorithm:
    forward:   a_0 = X,  a_l = layer_l.forward(a_(l-1))        for l = 1..L
    loss:      L = loss(y, a_L)
    backward:  g = dL/da_L,  g = layer_l.backward(g)            for l = L..1
    update:    optimizer.apply(params, grads)
Everything else here checks the input, loops over epochs and batches, and keeps records.
"""
import difflib
import json
import math
import os
import signal
import tempfile
import threading
import warnings
import zipfile

import numpy as np

from . import layers as layers_module
from . import losses, optimizers
from . import metrics as metrics_module
from .errors import (
    NNLibTypeError,
    NNLibValueError,
    as_float_array,
    flag,
    number_in,
    positive_int,
    seed_value,
)
from .layers import Dense, Dropout, check_layer


class History:
    """What `fit` returns: `history` maps "loss", each metric and ``"val_..."`` to per-epoch
    lists."""

    def __init__(self):
        self.history = {}
        self.epoch = []

    def append(self, logs):
        self.epoch.append(len(self.epoch))
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)

    def pop(self):
        """Forget the last epoch (fit does, when it rolls that epoch back)."""
        self.epoch.pop()
        for values in self.history.values():
            values.pop()

    def plot(self, ax=None, **kwargs):
        """Loss (and metric) curves against epoch; see nnlib.plotting.plot_history."""
        from .plotting import plot_history
        return plot_history(self, ax=ax, **kwargs)

    def __repr__(self):
        last = {k: round(v[-1], 6) for k, v in self.history.items() if v}
        return f"History({len(self.epoch)} epochs, last: {last})"


class Sequential:
    """Layers applied one after the other. `seed` fixes the initial weights and the shuffling."""

    def __init__(self, layers=None, seed=None, name="sequential"):
        self.name = name
        self.seed = seed_value(seed)
        self.rng = np.random.default_rng(self.seed)
        self.layers = []
        self.loss = self.optimizer = None
        self.metrics = {}
        self.history = None
        self.feature_names_in_ = None   # a DataFrame's column names at fit, checked at predict
        self._lock = threading.RLock()  # one epoch, or one predict, at a time (see fit)
        self._fit_thread = None
        if isinstance(layers, Dense):
            layers = [layers]
        if layers is not None and not isinstance(layers, (list, tuple)):
            raise NNLibTypeError(f"Sequential takes a list of layers, e.g. Sequential([Dense(3, "
                                 f"activation='sigmoid', input_dim=2)]), got "
                                 f"{type(layers).__name__}.")
        for layer in layers or []:
            self.add(layer)

    def __getstate__(self):   # copy.deepcopy and pickle: a lock is not copied, a new one is made
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state, _lock=threading.RLock(), _fit_thread=None)

    # --- building ----------------------------------------------------------------------------

    def add(self, layer):
        """Append a layer; build it at once when the width of its input is known."""
        check_layer(layer)
        if any(layer is other for other in self.layers):
            raise NNLibValueError(
                f"The same layer object {layer!r} is in the model twice (as with "
                "[Dense(3)] * 3, which repeats one object): make a new Dense for each layer, "
                "e.g. [Dense(3) for _ in range(3)].")
        if layer.name is None:
            layer.name = f"{type(layer).__name__.lower()}_{len(self.layers)}"
        if self.layers:
            n_in = self.layers[-1].units
            if layer.input_dim is not None and n_in is not None and layer.input_dim != n_in:
                raise NNLibValueError(f"Layer {layer.name!r} has input_dim={layer.input_dim}, but "
                                      f"the layer before it has {n_in} units.")
            self.layers.append(layer)
            if self.layers[-2].built and not layer.built:
                layer.build(n_in, self.rng)
        else:
            self.layers.append(layer)
            if layer.input_dim is not None and not layer.built:
                layer.build(layer.input_dim, self.rng)

    def build(self, input_dim):
        """Create every layer's weights for inputs of width `input_dim`."""
        if not self.layers:
            raise NNLibValueError("The model has no layers: add some, e.g. "
                                  "Sequential([Dense(3, activation='sigmoid', input_dim=2)]).")
        n_in = positive_int(input_dim, "input_dim")
        for layer in self.layers:
            if not layer.built:
                layer.build(n_in, self.rng)
            n_in = layer.units

    @property
    def built(self):
        return bool(self.layers) and all(layer.built for layer in self.layers)

    @property
    def params(self):
        """All trainable arrays in Keras order: [W1, b1, W2, b2, ...] (the arrays themselves)."""
        return [p for layer in self.layers for p in layer.params]

    def _require_built(self, action):
        if not self.layers:
            raise NNLibValueError(f"Cannot {action}: the model has no layers. Add some, e.g. "
                                  "Sequential([Dense(3, activation='sigmoid', input_dim=2)]).")
        if not self.built:
            raise NNLibValueError(
                f"Cannot {action}: the model has no weights yet. Give the first layer "
                "input_dim=..., call model.build(n_features), or fit the model first.")

    # --- compile -------------------------------------------------------------------------------

    def compile(self, loss="mse", optimizer="sgd", metrics=None):
        """Choose the loss, the optimizer and the metrics to report during training.

        An optimizer object belongs to one model, because its state (SGD's velocities, Adam's
        moments and step count) is about that model's weights. The first model compiled with an
        object uses it; any other model compiled with the same object gets its own copy (same
        class and settings, fresh state), as if it had been given a new one. So
        `opt = Adam(); for h in sizes: build(h).compile(optimizer=opt)` trains every model from
        a fresh Adam, and `model.optimizer` is the object that model really uses. Compiling the
        same model again with its own optimizer keeps the state.
        """
        self.loss = losses.get(loss)
        optimizer = optimizers.get(optimizer)
        if getattr(optimizer, "_owner", self) is not self:
            optimizer = optimizers.fresh_copy(optimizer)
        optimizer._owner = self
        self.optimizer = optimizer
        if isinstance(metrics, str):
            metrics = [metrics]
        self.metrics = {}
        for name in metrics or []:
            if not isinstance(name, str):
                raise NNLibTypeError(f"metrics must be names such as 'accuracy' or 'mae', "
                                     f"got {name!r}.")
            self.metrics[name] = metrics_module.get(name, self.layers[-1].units
                                                    if self.layers else 1)
        self._check_can_learn()

    def _check_can_learn(self):
        """Refuse the layer and loss pairings whose output cannot change (so nothing learns).

        Other pairings follow Keras: e.g. binary cross-entropy on a softmax, or categorical
        cross-entropy on sigmoid, tanh or linear outputs (each row divided by its sum, then
        clipped), train with the gradient of exactly the loss reported.
        """
        if self.layers and isinstance(self.layers[-1], Dropout):
            raise NNLibValueError("Dropout cannot be the output layer: the loss needs a Dense "
                                  "output. Put Dropout between Dense layers.")
        for layer in self.layers:
            if getattr(layer, "activation", None) is not None and \
                    layer.activation.name == "softmax" and layer.units == 1:
                raise NNLibValueError(
                    f"Layer {layer.name!r} is Dense(1, activation='softmax'): a softmax over one "
                    "unit is always 1, so nothing can be learned. For two classes use "
                    "Dense(1, activation='sigmoid') with loss='binary_crossentropy', or "
                    "Dense(2, activation='softmax').")
        rows = self.loss is not None and self.loss.name in (
            "categorical_crossentropy", "sparse_categorical_crossentropy")
        if rows and self.layers and self.layers[-1].activation.name == "relu":
            raise NNLibValueError(
                f"loss={self.loss.name!r} on a relu output: it divides each row by its sum, and "
                "a row of relu outputs can be all zeros (0 / 0). Use activation='softmax' on "
                "the output layer (relu in the hidden layers).")
        if rows and self.layers and self.layers[-1].units == 1:
            raise NNLibValueError(
                f"loss={self.loss.name!r} on an output layer of 1 unit: it compares whole rows "
                "of probabilities, and a row of one unit divided by its sum is always 1, so the "
                "loss never changes. For two classes use loss='binary_crossentropy' with "
                "Dense(1, activation='sigmoid'), or Dense(2, activation='softmax') with this loss.")

    def _require_compiled(self, action):
        if self.loss is None:
            raise NNLibValueError(f"Cannot {action} before compile: call model.compile(loss=..., "
                                  "optimizer=...) first.")

    @property
    def _fused(self):
        """True when the output activation and the loss share the simple dL/dz = (y_hat - y)/n."""
        return self.loss.logits_of is not None and \
            self.loss.logits_of == self.layers[-1].activation.name

    # --- input checks --------------------------------------------------------------------------

    def _check_X(self, X, name="x"):
        """X as float64 (n, n_features) fitting the first layer; a DataFrame's columns are put
        in the order they had at fit (``feature_names_in_``)."""
        if X is None:
            raise NNLibTypeError(f"{name} is None; expected the inputs, an array of shape "
                                 "(n_samples, n_features).")
        X = as_float_array(self._in_fit_order(X, name), name, ndim=2)
        if self.built and X.shape[1] != self.layers[0].input_dim:
            first = self.layers[0]
            raise NNLibValueError(
                f"Layer {first.name!r} expects inputs of shape (n, {first.input_dim}), but "
                f"{name} has shape {X.shape}: {X.shape[1]} feature(s) instead of "
                f"{first.input_dim}.")
        return X

    def _in_fit_order(self, X, name):
        """A DataFrame with the columns seen at fit, in that order; anything else unchanged."""
        names = _column_names(X)
        if names is None or self.feature_names_in_ is None or names == self.feature_names_in_:
            return X
        wanted = self.feature_names_in_
        if sorted(names) != sorted(wanted):
            missing = [c for c in wanted if c not in names]
            extra = [c for c in names if c not in wanted]
            raise NNLibValueError(
                f"{name} has columns {names}, but the model was fitted on {wanted}"
                + (f"; missing: {missing}" if missing else "")
                + (f"; not seen at fit: {extra}" if extra else "") + ".")
        return X[wanted]   # the same columns in another order: reordered by name

    def _check_y(self, y, n_samples, name="y"):
        """y as float64 (n, k) matching the output layer; integer labels turned one-hot."""
        if y is None:
            raise NNLibTypeError(f"{name} is None; fit and evaluate need the targets, an array "
                                 f"of {n_samples} values or rows.")
        if np.asarray(y).dtype.kind in "USO" and any(isinstance(v, str)
                                                     for v in np.ravel(np.asarray(y))[:1]):
            raise NNLibTypeError(
                f"{name} holds text labels (first: {np.ravel(np.asarray(y))[0]!r}); encode them "
                "as integers first, e.g. classes, y_int = np.unique(y, return_inverse=True).")
        y = as_float_array(y, name)
        k = self.layers[-1].units
        if len(y) != n_samples:
            raise NNLibValueError(f"x and {name} have different lengths: {n_samples} samples in "
                                  f"x, {len(y)} in {name}.")
        if self.loss.sparse:
            if y.ndim == 2 and y.shape[1] == 1:
                y = y[:, 0]
            if y.ndim != 1 or np.any(y != np.round(y)):
                raise NNLibValueError(f"{self.loss.name} expects integer class labels of shape "
                                      f"(n,), got shape {y.shape}"
                                      + ("" if y.ndim != 1 else " with non-integer values") + ".")
            if y.min() < 0 or y.max() >= k:
                raise NNLibValueError(f"Labels must be in 0..{k - 1} for an output layer of {k} "
                                      f"units; {name} has labels from {int(y.min())} to "
                                      f"{int(y.max())}.")
            return losses.one_hot(y, k)
        if y.ndim == 1:
            if k != 1:
                raise NNLibValueError(
                    f"{name} has shape {y.shape}, but the output layer has {k} units. One-hot "
                    "encode it (nnlib.losses.one_hot(y, k)) or use "
                    "loss='sparse_categorical_crossentropy'.")
            y = y[:, None]
        if y.ndim != 2 or y.shape[1] != k:
            raise NNLibValueError(f"{name} must have shape ({n_samples}, {k}) to match the output "
                                  f"layer of {k} units, got {y.shape}.")
        if self.loss.logits_of and (y.min() < 0 or y.max() > 1):
            raise NNLibValueError(f"{self.loss.name} needs targets between 0 and 1, {name} "
                                  f"ranges from {y.min()} to {y.max()}.")
        return y

    # --- the algorithm -------------------------------------------------------------------------

    def forward(self, X, training=False):
        """X (n, n_features) -> the output layer's a (n, units). training=True: as in a
        training step (Dropout drops); False: as predict and evaluate (Dropout passes all)."""
        a = X
        for layer in self.layers:
            a = layer.forward(a, training)
        return a

    def loss_value(self, y):
        """The loss of the last `forward` against targets y, plus the regularizers' penalties."""
        last = self.layers[-1]
        value = (self.loss.value_from_logits(y, last.z) if self._fused
                 else self.loss.value(y, last.a))
        for layer in self.layers:
            if layer.kernel_regularizer is not None:
                value += layer.penalty()
        return value

    def backward(self, y):
        """After `forward`: dL/dparams for every layer, from targets y (n, units). Returns L."""
        last, first = self.layers[-1], self.layers[0]
        if self._fused:
            grad = last.backward_from_z(self.loss.gradient_from_logits(y, last.z, last.a),
                                        input_grad=last is not first)
        else:
            grad = last.backward(self.loss.gradient(y, last.a), input_grad=last is not first)
        for layer in reversed(self.layers[:-1]):
            grad = layer.backward(grad, input_grad=layer is not first)
        return self.loss_value(y)

    def train_step(self, X, y):
        """One step of gradient descent on the batch (X, y); returns the batch loss (before it)."""
        self.forward(X, training=True)
        value = self.backward(y)
        self.optimizer.apply(self.params, [g for layer in self.layers for g in layer.grads])
        return value

    def compute_gradients(self, X, y):
        """dL/dparam for every array of get_weights(), without changing the weights."""
        self._require_compiled("compute gradients")
        X = self._check_X(X)
        if not self.built:
            self.build(X.shape[1])
        y = self._check_y(y, len(X))
        with self._lock:
            self.forward(X)
            self.backward(y)
            return [g.copy() for layer in self.layers for g in layer.grads]

    def _nonfinite_cause(self, X, y):
        """Why the loss on (X, y) is not finite at the current weights, or None if it is:
        the weights themselves, inputs too large for the layers, or targets too large."""
        for i, w in enumerate(self.params):
            if not np.all(np.isfinite(w)):
                return (f"weights[{i}] holds NaN or inf (from the initializer, set_weights or an "
                        "assignment), so the network's output cannot be finite.")
        a = X
        for layer in self.layers:
            a = layer.forward(a)
            if not np.all(np.isfinite(getattr(layer, "z", a))):
                return (f"layer {layer.name!r}'s x W + b overflows (the largest |x| is "
                        f"{np.abs(X).max():.3g}, the largest weight "
                        f"{max(np.abs(w).max() for w in self.params):.3g}): the inputs are too "
                        "large, or the weights. Scale the inputs (e.g. standardise each "
                        "feature), and start from new weights.")
        if math.isfinite(self.loss_value(y)):
            return None
        largest = {"targets y": np.abs(y).max(), "outputs": np.abs(a).max()}
        if max(largest.values()) > 1e100:   # the loss squares or sums them: it overflows
            name = max(largest, key=largest.get)
            return (f"the {name} are too large for {self.loss.name}: the largest |y| is "
                    f"{largest['targets y']:.3g}, the largest output {largest['outputs']:.3g} "
                    f"(largest |x| {np.abs(X).max():.3g}), and the loss overflows. Scale them "
                    "(e.g. standardise x; divide y by its standard deviation).")
        return (f"{self.loss.name} of the network's outputs is not a number, though the outputs "
                "are finite.")

    # --- training loop -------------------------------------------------------------------------

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose=0, callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, **unsupported):
        """Train for `epochs` passes over (x, y) in batches; returns a History.

        The arguments are Keras', in Keras' order:
        x: (n, n_features). y: (n, units), or (n,) for one output or for integer labels.
        batch_size: samples per step (None: 32, or n if smaller); 1 is per-sample SGD.
        epochs: passes over the training samples.
        verbose: 0 silent, 1 a progress bar, 2 one line per epoch.
        callbacks: objects with Keras' hooks (e.g. nnlib.callbacks.EarlyStopping).
        validation_split: the fraction of samples, taken from the end of x and y before any
        shuffling (as Keras does), kept out of training and evaluated after each epoch.
        validation_data: (x_val, y_val), evaluated after each epoch ("val_loss", ...).
        shuffle: True or False: a new order of the samples in every epoch.
        What Keras has and nnlib does not (sample_weight, class_weight, ...) is refused by name.

        If the loss stops being a finite number, fit raises FloatingPointError and rolls back:
        the weights, the optimizer's state and the shuffling are as they were at the end of an
        epoch whose losses were finite, the last one in `.history` (also model.history), which
        the message names. fit copies them at the start of an epoch once 16 steps were taken
        since the last copy (every epoch, or every few short ones: benchmarks/results.md has the
        cost). A loss that is not finite before any step is blamed on its cause (the weights,
        the inputs or the targets).
        Ctrl+C (KeyboardInterrupt) lets the step under way finish, then stops: the model is as
        it was after that whole step, and model.history holds the complete epochs. A second
        Ctrl+C stops at once, and fit rolls back as for a divergence.
        predict, evaluate and get_weights from another thread wait for the epoch under way.
        """
        _refuse_unsupported("fit", unsupported, _FIT_ARGS)
        self._require_compiled("fit")
        self._check_can_learn()
        names = _column_names(x)   # a DataFrame's, remembered below once all is checked
        x = self._check_X(x)
        if not self.built:
            self.build(x.shape[1])
        y = self._check_y(y, len(x))
        epochs = positive_int(epochs, "epochs")
        verbose = _verbose(verbose)
        shuffle = flag(shuffle, "shuffle")
        x, y, validation = self._validation_set(x, y, validation_split, validation_data)
        n = len(x)
        if batch_size is None:
            batch_size = min(32, n)
        batch_size = positive_int(batch_size, "batch_size")
        if batch_size > n:
            raise NNLibValueError(f"batch_size={batch_size} is larger than the {n} training "
                                  f"samples; use batch_size={n} (full batch) or less.")
        logged = ["loss", *self.metrics]
        callbacks = _callback_list(callbacks, logged + ([f"val_{k}" for k in logged]
                                                        if validation is not None else []))
        if self._fit_thread not in (None, threading.get_ident()):
            raise NNLibValueError("fit is already running on this model in another thread; "
                                  "wait for it to finish, or train a copy of the model.")
        if names is not None and self.feature_names_in_ is None:
            self.feature_names_in_ = names

        self.history = history = History()
        self.stop_training = False
        params, apply = self.params, self.optimizer.apply   # looked up once, not every step
        batches = None if shuffle else _batches(x, y, batch_size)
        bar = _progress_bar(epochs) if verbose == 1 else None
        self._fit_thread = threading.get_ident()
        # Overflow on the way to a diverged loss is reported by the FloatingPointError below,
        # not by numpy warnings before it.
        try:
            with _DeferredInterrupt() as interrupt, np.errstate(over="ignore", invalid="ignore"):
                for callback in callbacks:
                    callback.set_model(self)
                    callback.on_train_begin()
                saved = _Checkpoints(self, params, self._draws_in_epoch(shuffle))
                for epoch in range(epochs):
                    logs = self._fit_epoch(x, y, batches, batch_size, shuffle, params, apply,
                                           epoch, epochs, validation, interrupt, saved)
                    if logs is None:
                        raise KeyboardInterrupt(
                            f"fit stopped in epoch {epoch + 1} after the step under way: the "
                            f"weights and the optimizer's state are those after that step; "
                            f"model.history holds the {epoch} complete epoch(s).")
                    history.append(logs)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(loss=f"{logs['loss']:.4g}", refresh=False)  # throttled
                    elif verbose == 2:
                        print(f"Epoch {epoch + 1}/{epochs} - "
                              + " - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
                    for callback in callbacks:
                        callback.on_epoch_end(epoch, logs)
                    if self.stop_training:
                        break
                for callback in callbacks:
                    callback.on_train_end()
                if interrupt.pending:   # Ctrl+C during the very last step
                    raise KeyboardInterrupt("fit stopped after its last step.")
        finally:
            self._fit_thread = None
            if bar is not None:
                bar.close()
        return history

    def _fit_epoch(self, x, y, batches, batch_size, shuffle, params, apply, epoch, epochs,
                   validation, interrupt, saved):
        """One epoch: a step on each batch (train_step, with the parameters and the update
        looked up once), under the model's lock; returns the epoch's logs, means over the
        samples, or None if an interrupt is pending (checked between steps).

        Each batch's loss is taken before its step, as Keras does. The losses are checked once,
        at the end of the epoch; after the last epoch, so is the loss after the last step, so
        that fit never returns a model that diverged. An epoch that diverges, or is stopped at
        once, is rolled back to the copy in `saved` (a _Checkpoints).
        """
        output = self.layers[-1]
        with self._lock:
            saved.epoch_start(epoch)
            try:
                if shuffle:
                    order = self.rng.permutation(len(x))
                    batches = _batches(x[order], y[order], batch_size)
                values, metric_totals = [], dict.fromkeys(self.metrics, 0.0)
                for Xb, yb in batches:
                    if interrupt.pending:
                        return None
                    self.forward(Xb, True)
                    values.append(self.backward(yb))
                    apply(params, [g for layer in self.layers for g in layer.grads])
                    for name, fn in self.metrics.items():   # on the batch's forward, as Keras
                        metric_totals[name] += fn(yb, output.a) * len(Xb)
                saved.steps += len(batches)
                total = 0.0   # summed in step order, as the batch losses came
                for (Xb, _), value in zip(batches, values):
                    total += value * len(Xb)
                if not math.isfinite(total):
                    batch = next(i for i, v in enumerate(values) if not math.isfinite(v))
                    raise _NonFinite(values[batch], batch, after_step=False)
                if epoch == epochs - 1:   # the loss after the very last step too
                    Xb, yb = batches[-1]
                    self.forward(Xb)
                    after = self.loss_value(yb)
                    if not math.isfinite(after):
                        raise _NonFinite(after, len(values) - 1, after_step=True)
                logs = {"loss": float(total / len(x))}
                logs.update({name: float(t / len(x)) for name, t in metric_totals.items()})
                if validation is not None:
                    logs.update({f"val_{k}": v for k, v in
                                 self._evaluate_checked(*validation).items()})
                return logs
            except _NonFinite as bad:
                saved.roll_back(epoch, bad.batch == 0 and not bad.after_step)
                raise _diverged(self, bad, epoch, x, y) from None
            except BaseException:
                saved.roll_back(epoch, False)
                raise

    def _training_state(self, with_rng, params=None):
        """Copies of what an epoch changes: the weights, the optimizer's state, the shuffling."""
        state = self.optimizer.get_state()
        return ([p.copy() for p in (self.params if params is None else params)],
                {k: [a.copy() for a in v] if isinstance(v, list) else v for k, v in state.items()},
                self.rng.bit_generator.state if with_rng else None)

    def _draws_in_epoch(self, shuffle):
        """Whether an epoch draws from the model's generator (shuffling, or Dropout's masks)."""
        return shuffle or any(isinstance(layer, Dropout) and layer.seed is None
                              for layer in self.layers)

    def _set_training_state(self, saved):
        weights, state, rng_state = saved
        for p, w in zip(self.params, weights):
            p[...] = w   # in place: the layers and fit's `params` keep the same arrays
        self.optimizer.set_state(state)
        if rng_state is not None:
            self.rng.bit_generator.state = rng_state

    def _validation_set(self, x, y, validation_split, validation_data):
        """(x_train, y_train, (x_val, y_val) or None) from fit's two validation arguments."""
        split = number_in(validation_split, "validation_split", 0.0, 1.0,
                          "a fraction in [0, 1)")
        if validation_data is None:
            if split == 0.0:
                return x, y, None
            start = int(math.floor(len(x) * (1.0 - split)))   # Keras' own rounding
            if start == 0 or start == len(x):
                raise NNLibValueError(
                    f"validation_split={validation_split} of {len(x)} samples leaves "
                    f"{start} for training and {len(x) - start} for validation; both need one.")
            return x[:start], y[:start], (x[start:], y[start:])
        if split:
            raise NNLibValueError("Give validation_data or validation_split, not both "
                                  f"(got validation_split={validation_split}).")
        if not isinstance(validation_data, (tuple, list)):
            raise NNLibTypeError(
                "validation_data must be a tuple (x_val, y_val), got "
                f"{type(validation_data).__name__}"
                + (f" of shape {validation_data.shape}" if hasattr(validation_data, "shape")
                   else "") + ": write validation_data=(x_val, y_val).")
        if len(validation_data) == 3:
            raise NNLibValueError("validation_data has 3 elements, (x_val, y_val, sample_weight): "
                                  "nnlib has no sample weights; pass (x_val, y_val).")
        if len(validation_data) != 2:
            raise NNLibValueError(f"validation_data must be (x_val, y_val), got a "
                                  f"{type(validation_data).__name__} of {len(validation_data)} "
                                  "element(s).")
        X_val = self._check_X(validation_data[0], "validation_data[0] (x_val)")
        y_val = self._check_y(validation_data[1], len(X_val), "validation_data[1] (y_val)")
        return x, y, (X_val, y_val)

    # --- using the model -----------------------------------------------------------------------

    def predict(self, x, batch_size=None, verbose=0, **unsupported):
        """The network's output for x (n, n_features): (n, units).

        batch_size: rows computed at a time (None: all at once; a smaller one uses less
        memory). verbose: accepted for Keras' calls; predict prints nothing.
        """
        _refuse_unsupported("predict", unsupported, ["x", "batch_size", "verbose"])
        self._require_built("predict")
        _verbose(verbose)
        x = self._check_X(x)
        size = len(x) if batch_size is None else positive_int(batch_size, "batch_size")
        with self._lock:
            return np.concatenate([self.forward(x[i:i + size]) for i in range(0, len(x), size)])

    def _evaluate_checked(self, X, y):
        y_pred = self.forward(X)
        logs = {"loss": float(self.loss_value(y))}
        logs.update({name: fn(y, y_pred) for name, fn in self.metrics.items()})
        return logs

    def evaluate(self, x=None, y=None, batch_size=None, verbose=0, *, return_dict=False,
                 **unsupported):
        """Loss (and metrics) on (x, y): a float, or ``[loss, *metrics]`` with metrics.

        batch_size and verbose are accepted for Keras' calls: nnlib evaluates all of x at once,
        which gives the numbers any batch size gives (up to rounding), and prints nothing.
        """
        _refuse_unsupported("evaluate", unsupported,
                            ["x", "y", "batch_size", "verbose", "return_dict"])
        self._require_compiled("evaluate")
        self._require_built("evaluate")
        if batch_size is not None:
            positive_int(batch_size, "batch_size")
        _verbose(verbose)
        x = self._check_X(x)
        y = self._check_y(y, len(x))
        with self._lock:
            logs = self._evaluate_checked(x, y)
        if return_dict:
            return logs
        return logs["loss"] if len(logs) == 1 else list(logs.values())

    def count_params(self):
        return sum(layer.count_params() for layer in self.layers)

    def summary(self):
        """Print each layer's output shape and number of parameters, as Keras does."""
        lines = [f'Model: "{self.name}"', f"{'Layer (type)':<24}{'Output Shape':<16}{'Param #':>9}",
                 "-" * 49]
        for layer in self.layers:
            lines.append(f"{f'{layer.name} ({type(layer).__name__})':<24}"
                         f"{str((None, layer.units)):<16}{layer.count_params():>9}")
            if isinstance(layer, Dense):
                lines.append(f"{'':<24}activation: {layer.activation.name}")
        lines += ["-" * 49, f"Total params: {self.count_params()}"]
        print("\n".join(lines))

    # --- weights -------------------------------------------------------------------------------

    def get_weights(self):
        """Copies of [W1, b1, W2, b2, ...]: kernels (n_in, units), biases (units,)."""
        self._require_built("get weights")
        with self._lock:
            return [p.copy() for p in self.params]

    def set_weights(self, weights):
        """Replace every weight array; `weights` is a list in get_weights() order and shapes."""
        self._require_built("set weights")
        expected = [p.shape for p in self.params]
        if not isinstance(weights, (list, tuple)):
            raise NNLibTypeError(f"set_weights takes a list of {len(expected)} arrays, "
                                 f"got {type(weights).__name__}.")
        if len(weights) != len(expected):
            raise NNLibValueError(f"set_weights got {len(weights)} arrays, but the model has "
                                  f"{len(expected)} (shapes {expected}).")
        arrays = [as_float_array(w, f"weights[{i}]", allow_empty=True)
                  for i, w in enumerate(weights)]
        for i, (w, shape) in enumerate(zip(arrays, expected)):
            if w.shape != shape:
                raise NNLibValueError(f"weights[{i}] has shape {w.shape}, expected {shape} "
                                      f"(the full list of shapes is {expected}).")
        with self._lock:
            i = 0
            for layer in self.layers:
                layer.set_params(arrays[i:i + len(layer.params)])
                i += len(layer.params)

    # --- saving --------------------------------------------------------------------------------

    def get_config(self):
        config = {"format": "nnlib-sequential-1", "name": self.name, "seed": self.seed,
                  "layers": [layer.get_config() for layer in self.layers]}
        if self.feature_names_in_ is not None:
            config["feature_names_in"] = list(self.feature_names_in_)
        if self.loss is not None:
            config["compile"] = {"loss": self.loss.name, "optimizer": self.optimizer.get_config(),
                                 "metrics": list(self.metrics)}
        return config

    def save(self, path):
        """Write the model to one .npz file, so that `load_model` gives it back bit for bit.

        Saved: the layers, the compile settings (loss, optimizer settings, metrics), the
        weights, the optimizer's state (SGD's velocities; Adam's moments m, v and step count t),
        the state of the random generator that shuffles the batches and the DataFrame column
        names seen at fit. So training resumed from the file takes exactly the steps the model
        would have taken without the pause. Not saved: the History of past `fit` calls.

        The file is written whole to a temporary file in the same folder, flushed to disk, then
        renamed over `path`: a save that is interrupted (Ctrl+C, a killed process, a full disk)
        leaves the previous file as it was (a killed process may leave its unfinished
        temporary file, ".saving-....npz", beside it).
        """
        self._require_built("save")
        path = _model_path(path)
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise FileNotFoundError(f"Cannot save to {path!r}: the folder {folder!r} does not "
                                    "exist. Create it first (os.makedirs).")
        with self._lock:
            config = self.get_config()
            config["rng_state"] = self.rng.bit_generator.state
            arrays = {f"w{i}": p.copy() for i, p in enumerate(self.params)}
            if self.optimizer is not None:   # numbers go into the config, arrays beside weights
                state = self.optimizer.get_state()
                config["optimizer_state"] = {k: v for k, v in state.items()
                                             if v is not None and not isinstance(v, list)}
                config["optimizer_arrays"] = {k: len(v) for k, v in state.items()
                                              if isinstance(v, list)}
                for key, value in state.items():
                    if isinstance(value, list):
                        arrays.update({f"optimizer_{key}_{i}": a.copy()
                                       for i, a in enumerate(value)})
        mode = os.stat(path).st_mode & 0o777 if os.path.exists(path) else 0o644
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".npz")
        try:
            with os.fdopen(handle, "wb") as file:
                np.savez(file, config=np.array(json.dumps(config)), **arrays)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)   # atomic: the old file, or the new one, whole
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise

    def load_weights(self, path):
        """Load the weights of a saved model into this one; its layers must match.

        Only the weights: on a compiled model the optimizer's state (momentum velocities, Adam's
        moments and step count) starts fresh, and a warning says so. To resume training exactly
        where it was saved, use nnlib.load_model(path).
        """
        self._require_built("load weights")
        path = _model_path(path)
        config, weights, _ = _read_model_file(path)
        mine = [_layer_kind(c) for c in self.get_config()["layers"]]
        theirs = [_layer_kind(c) for c in config["layers"]]
        shapes = [w.shape for w in weights]
        if mine != theirs or shapes != [p.shape for p in self.params]:
            raise NNLibValueError(f"{path} holds a different model: its layers (units, activation, "
                                  f"bias) are {theirs}, this model's are {mine}.")
        self.set_weights(weights)
        if self.optimizer is not None:
            self.optimizer.reset()
            warnings.warn("load_weights loaded the weights only: the optimizer's state "
                          "(velocities, moments, step count) starts fresh. To resume training "
                          "exactly where it was saved, use nnlib.load_model(path).", stacklevel=2)


def load_model(path):
    """Rebuild a model saved with `model.save(path)`: same layers, weights, compile settings."""
    path = _model_path(path)
    config, weights, arrays = _read_model_file(path)
    model = Sequential([layers_module.from_config(c) for c in config["layers"]],
                       seed=config["seed"],
                       name=config["name"])
    if "compile" in config:
        c = config["compile"]
        model.compile(loss=c["loss"], optimizer=optimizers.from_config(c["optimizer"]),
                      metrics=c["metrics"])
    model.set_weights(weights)
    if "rng_state" in config:   # files from before nnlib saved these two start afresh
        model.rng.bit_generator.state = config["rng_state"]
    if "optimizer_state" in config and model.optimizer is not None:
        state = dict(config["optimizer_state"])
        for key, count in config["optimizer_arrays"].items():
            state[key] = [arrays[f"optimizer_{key}_{i}"] for i in range(count)]
        _check_optimizer_state(state, [p.shape for p in model.params], path)
        model.optimizer.set_state(state)
    if config.get("feature_names_in") is not None:
        model.feature_names_in_ = list(config["feature_names_in"])
    return model


def _check_optimizer_state(state, shapes, path):
    """Refuse a file whose optimizer state does not fit the model's weights."""
    for key, value in state.items():
        if isinstance(value, list):
            got = [np.shape(a) for a in value]
            if got != shapes or not all(np.all(np.isfinite(a)) for a in value):
                raise NNLibValueError(
                    f"{path!r}: the optimizer's {key!r} has shapes {got} (or holds NaN/inf), "
                    f"but the weights have shapes {shapes}: the file is damaged.")
        elif key == "t" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise NNLibValueError(f"{path!r}: Adam's step count t is {value!r}, expected a "
                                  "whole number >= 0: the file is damaged.")


def _model_path(path):
    """A model file's path as a str ending in .npz."""
    if not isinstance(path, (str, os.PathLike)):
        raise NNLibTypeError(f"path must be a file name such as 'model.npz', got "
                             f"{type(path).__name__}.")
    path = os.fspath(path)
    if not path.endswith(".npz"):
        raise NNLibValueError(f"Model files end in .npz, got {path!r}.")
    return path


def _read_model_file(path):
    """(config dict, list of weight arrays, {name: every other array}) from a .npz written by
    save, or a clear error."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"No model file at {path!r}. Save one with model.save({path!r}).")
    try:
        with np.load(path, allow_pickle=False) as data:
            config = json.loads(str(data["config"]))
            arrays = {name: data[name] for name in data.files if name != "config"}
            n_weights = sum(name.startswith("w") for name in arrays)
            weights = [arrays.pop(f"w{i}") for i in range(n_weights)]
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        raise NNLibValueError(f"{path!r} is not a complete nnlib model file (truncated, corrupted "
                              f"or written by something else): {exc}") from None
    if not isinstance(config, dict) or config.get("format") != "nnlib-sequential-1":
        raise NNLibValueError(f"{path!r} was not written by nnlib's model.save.")
    return config, weights, arrays


def _layer_kind(config):
    """What load_weights compares: (class, units, activation, use_bias) of a layer's config."""
    return (config.get("class", "Dense"), config.get("units"), config.get("activation"),
            config.get("use_bias"))


def _column_names(X):
    """A DataFrame's column names as a list of strings, or None for anything else."""
    columns = getattr(X, "columns", None)
    if columns is None or not hasattr(X, "iloc") or not all(isinstance(c, str) for c in columns):
        return None
    return list(columns)


def _batches(X, y, batch_size):
    """[(X[0:b], y[0:b]), (X[b:2b], y[b:2b]), ...]: views, the last batch possibly shorter."""
    return [(X[start:start + batch_size], y[start:start + batch_size])
            for start in range(0, len(X), batch_size)]


def _progress_bar(epochs):
    from tqdm.auto import tqdm
    return tqdm(total=epochs, desc="epochs", unit="epoch")


class _NonFinite(Exception):
    """Raised inside an epoch whose loss was not finite; fit turns it into the error below."""

    def __init__(self, value, batch, after_step):
        super().__init__(value)
        self.value, self.batch, self.after_step = value, batch, after_step


def _diverged(model, bad, epoch, x, y):
    """The FloatingPointError for a loss that became NaN or inf, after the epoch's rollback:
    it names the cause when the loss is not finite at the weights fit started the epoch from
    (weights, inputs or targets), and the learning rate otherwise."""
    where = (f"after the last step (epoch {epoch + 1}, batch {bad.batch + 1})" if bad.after_step
             else f"at epoch {epoch + 1} (batch {bad.batch + 1})")
    done = len(model.history.epoch)
    back = (f"The weights and the optimizer's state are back to the end of epoch {done}, the "
            f"last in model.history." if done else
            "The weights and the optimizer's state are back to where fit started.")
    cause = model._nonfinite_cause(x, y)
    if cause is None:
        message = (f"The loss became {bad.value} {where}: training diverged. {back} Try a "
                   f"smaller learning rate than {model.optimizer.learning_rate} (e.g. a tenth "
                   "of it), or scale the inputs.")
    else:
        message = (f"The loss became {bad.value} {where}, and not because of the steps: "
                   f"{cause} {back}")
    err = FloatingPointError(message)
    err.history = model.history
    return err


def _refuse_unsupported(method, given, accepted):
    """The error for keyword arguments nnlib's method does not take: Keras' by name."""
    if not given:
        return
    name = next(iter(given))
    if name in _KERAS_ONLY:
        raise NNLibTypeError(f"nnlib's {method} does not support {name}= (Keras has it): "
                             f"{_KERAS_ONLY[name]}")
    close = difflib.get_close_matches(name.lower(), accepted, n=1)
    raise NNLibTypeError(f"{method}() got an unexpected keyword argument {name!r}."
                         + (f" Did you mean {close[0]!r}?" if close else "")
                         + f" Its arguments are {', '.join(accepted)}.")


_FIT_ARGS = ["x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
             "validation_data", "shuffle"]
_KERAS_ONLY = {
    "sample_weight": "nnlib weighs every sample alike. Repeat a sample to give it more weight.",
    "class_weight": "nnlib weighs every class alike. Repeat the samples of a rare class instead.",
    "initial_epoch": "fit always counts epochs from 0; model.history is per fit call.",
    "steps_per_epoch": "an epoch is always one pass over x.",
    "validation_steps": "validation always uses all of the validation data.",
    "validation_batch_size": "validation data is evaluated all at once.",
    "validation_freq": "validation runs after every epoch.",
    "steps": "nnlib always uses all of x.",
    "sample_weights": "nnlib weighs every sample alike.",
    "workers": "nnlib trains in one thread, on arrays in memory.",
    "use_multiprocessing": "nnlib trains in one process, on arrays in memory.",
    "max_queue_size": "nnlib trains on arrays in memory.",
}


def _verbose(verbose):
    """0, 1 or 2 (Keras' "auto" is 1; True and False are 1 and 0)."""
    if verbose == "auto":
        return 1
    if isinstance(verbose, (bool, np.bool_)):
        return int(verbose)
    if not isinstance(verbose, (int, np.integer)) or verbose not in (0, 1, 2):
        raise NNLibValueError(f"verbose must be 0 (silent), 1 (progress bar), 2 (a line per "
                              f"epoch) or 'auto', got {verbose!r}.")
    return int(verbose)


def _callback_list(callbacks, logged):
    """fit's callbacks as a list, each with Keras' hooks; one that monitors a quantity fit
    will not log (`logged`) is refused before training."""
    if callbacks is None:
        return []
    if not isinstance(callbacks, (list, tuple)):
        callbacks = [callbacks]
    for c in callbacks:
        if not all(callable(getattr(c, hook, None)) for hook in
                   ("set_model", "on_train_begin", "on_epoch_end", "on_train_end")):
            raise NNLibTypeError(f"callbacks must be nnlib callbacks such as "
                                 f"nnlib.callbacks.EarlyStopping(patience=5), got {c!r}.")
        monitor = getattr(c, "monitor", None)
        if isinstance(monitor, str) and monitor not in logged:
            hint = (" Give fit validation_data=(x_val, y_val) or validation_split=0.2."
                    if monitor.startswith("val_") else "")
            raise NNLibValueError(f"{type(c).__name__} monitors {monitor!r}, but fit logs only "
                                  f"{', '.join(map(repr, logged))}.{hint}")
    return list(callbacks)


class _Checkpoints:
    """The training state (weights, optimizer state, generator) at the start of the last two
    checkpointed epochs, that fit rolls back to.

    A copy is taken at the start of an epoch once EVERY steps were taken since the last one: every
    epoch when an epoch has that many steps, every few epochs when an epoch is one full batch,
    whose step is too short to pay a copy each time (benchmarks/results.md has the cost).
    """

    EVERY = 16

    def __init__(self, model, params, with_rng):
        self.model, self.params, self.with_rng = model, params, with_rng
        self.kept = []   # [(epoch, state)], the last two
        self.steps = self.EVERY

    def epoch_start(self, epoch):
        if self.steps >= self.EVERY:
            self.kept = self.kept[-1:] + [
                (epoch, self.model._training_state(self.with_rng, self.params))]
            self.steps = 0

    def roll_back(self, epoch, first_batch_bad):
        """Back to the latest copy whose loss was finite, and the History cut to match.

        The loss is taken before each step, so a bad loss on an epoch's first batch comes from
        the step before that epoch: a copy taken at that epoch's start holds it, and the one
        before is used.
        """
        start, state = self.kept[-1]
        if first_batch_bad and start == epoch and len(self.kept) > 1:
            start, state = self.kept[0]
        self.model._set_training_state(state)
        while len(self.model.history.epoch) > start:
            self.model.history.pop()


class _DeferredInterrupt:
    """Ctrl+C during fit waits for the step under way: `pending` turns True, fit checks it
    between steps and stops there, so no step is ever half applied. A second Ctrl+C stops at
    once (fit then rolls the epoch back). Only the main thread receives Ctrl+C; elsewhere, or
    where someone else handles it, this does nothing."""

    def __enter__(self):
        self.pending = False
        self.active = (threading.current_thread() is threading.main_thread()
                       and signal.getsignal(signal.SIGINT) is signal.default_int_handler)
        if self.active:
            signal.signal(signal.SIGINT, self._defer)
        return self

    def _defer(self, signum, frame):
        self.pending = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __exit__(self, *exc):
        if self.active:
            signal.signal(signal.SIGINT, signal.default_int_handler)
