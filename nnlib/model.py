"""Sequential: a stack of layers trained by backpropagation, with Keras' method names.

One training step (`train_step`) is the whole algorithm:
    forward:   a_0 = X,  a_l = layer_l.forward(a_(l-1))        for l = 1..L
    loss:      L = loss(y, a_L)
    backward:  g = dL/da_L,  g = layer_l.backward(g)            for l = L..1
    update:    optimizer.apply(params, grads)
Everything else here checks the input, loops over epochs and batches, and keeps records.
"""
import json
import math
import zipfile

import numpy as np

from . import losses, optimizers
from . import metrics as metrics_module
from .errors import NNLibTypeError, NNLibValueError, as_float_array, positive_int
from .layers import Dense, check_layer


class History:
    """What `fit` returns: `history` maps "loss", each metric and "val_..." to per-epoch lists."""

    def __init__(self):
        self.history = {}
        self.epoch = []

    def append(self, logs):
        self.epoch.append(len(self.epoch))
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)

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
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.layers = []
        self.loss = self.optimizer = None
        self.metrics = {}
        self.history = None
        if isinstance(layers, Dense):
            layers = [layers]
        for layer in layers or []:
            self.add(layer)

    # --- building ----------------------------------------------------------------------------

    def add(self, layer):
        """Append a layer; build it at once when the width of its input is known."""
        check_layer(layer)
        if layer.name is None:
            layer.name = f"dense_{len(self.layers)}"
        if self.layers:
            n_in = self.layers[-1].units
            if layer.input_dim is not None and layer.input_dim != n_in:
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

    def _check_X(self, X):
        X = as_float_array(X, "X", ndim=2)
        if self.built and X.shape[1] != self.layers[0].kernel.shape[0]:
            first = self.layers[0]
            raise NNLibValueError(
                f"Layer {first.name!r} expects inputs of shape (n, {first.kernel.shape[0]}), but X "
                f"has shape {X.shape}: {X.shape[1]} feature(s) instead of "
                f"{first.kernel.shape[0]}.")
        return X

    def _check_y(self, y, n_samples):
        """y as float64 (n, k) matching the output layer; integer labels turned one-hot."""
        y = as_float_array(y, "y")
        k = self.layers[-1].units
        if len(y) != n_samples:
            raise NNLibValueError(f"X and y have different lengths: {n_samples} samples in X, "
                                  f"{len(y)} in y.")
        if self.loss.sparse:
            if y.ndim == 2 and y.shape[1] == 1:
                y = y[:, 0]
            if y.ndim != 1 or np.any(y != np.round(y)):
                raise NNLibValueError(f"{self.loss.name} expects integer class labels of shape "
                                      f"(n,), got shape {y.shape}"
                                      + ("" if y.ndim != 1 else " with non-integer values") + ".")
            if y.min() < 0 or y.max() >= k:
                raise NNLibValueError(f"Labels must be in 0..{k - 1} for an output layer of {k} "
                                      f"units; y has labels from {int(y.min())} to {int(y.max())}.")
            return losses.one_hot(y, k)
        if y.ndim == 1:
            if k != 1:
                raise NNLibValueError(
                    f"y has shape {y.shape}, but the output layer has {k} units. One-hot "
                    "encode it (nnlib.losses.one_hot(y, k)) or use "
                    "loss='sparse_categorical_crossentropy'.")
            y = y[:, None]
        if y.ndim != 2 or y.shape[1] != k:
            raise NNLibValueError(f"y must have shape ({n_samples}, {k}) to match the output layer "
                                  f"of {k} units, got {y.shape}.")
        if self.loss.logits_of and (y.min() < 0 or y.max() > 1):
            raise NNLibValueError(f"{self.loss.name} needs targets between 0 and 1, y ranges from "
                                  f"{y.min()} to {y.max()}.")
        return y

    # --- the algorithm -------------------------------------------------------------------------

    def forward(self, X):
        """X (n, n_features) -> the output layer's a (n, units)."""
        a = X
        for layer in self.layers:
            a = layer.forward(a)
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
        self.forward(X)
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
        self.forward(X)
        self.backward(y)
        return [g.copy() for layer in self.layers for g in layer.grads]

    # --- training loop -------------------------------------------------------------------------

    def fit(self, X, y, epochs=1, batch_size=None, shuffle=True, verbose=0,
            validation_data=None):
        """Train for `epochs` passes over (X, y) in batches; returns a History.

        X: (n, n_features). y: (n, units), or (n,) for one output or for integer labels.
        batch_size: samples per step (None: 32, or n if smaller); 1 is per-sample SGD.
        verbose: 0 silent, 1 a progress bar, 2 one line per epoch.
        If the loss stops being a finite number (before any step, or after the very last one),
        fit raises FloatingPointError; its `.history` (also model.history) holds the epochs
        completed before.
        """
        self._require_compiled("fit")
        X = self._check_X(X)
        if not self.built:
            self.build(X.shape[1])
        y = self._check_y(y, len(X))
        n = len(X)
        epochs = positive_int(epochs, "epochs")
        if batch_size is None:
            batch_size = min(32, n)
        batch_size = positive_int(batch_size, "batch_size")
        if batch_size > n:
            raise NNLibValueError(f"batch_size={batch_size} is larger than the {n} training "
                                  f"samples; use batch_size={n} (full batch) or less.")
        if validation_data is not None:
            X_val = self._check_X(validation_data[0])
            y_val = self._check_y(validation_data[1], len(X_val))

        self.history = history = History()
        params, apply = self.params, self.optimizer.apply   # looked up once, not every step
        batches = None if shuffle else _batches(X, y, batch_size)
        bar = _progress_bar(epochs) if verbose == 1 else None
        try:
            # Overflow on the way to a diverged loss is reported by the FloatingPointError of
            # _fit_epoch, not by numpy warnings before it.
            with np.errstate(over="ignore", invalid="ignore"):
                for epoch in range(epochs):
                    if shuffle:
                        order = self.rng.permutation(n)
                        batches = _batches(X[order], y[order], batch_size)
                    logs = self._fit_epoch(batches, n, params, apply, epoch, epoch == epochs - 1)
                    if validation_data is not None:
                        logs.update({f"val_{k}": v for k, v in
                                     self._evaluate_checked(X_val, y_val).items()})
                    history.append(logs)
                    if bar is not None:
                        bar.update(1)
                        bar.set_postfix(loss=f"{logs['loss']:.4g}", refresh=False)  # throttled
                    elif verbose == 2:
                        print(f"Epoch {epoch + 1}/{epochs} - "
                              + " - ".join(f"{k}: {v:.4f}" for k, v in logs.items()))
        finally:
            if bar is not None:
                bar.close()
        return history

    def _fit_epoch(self, batches, n, params, apply, epoch, last_epoch):
        """A step on each batch of [(Xb, yb), ...] (train_step, with the parameters and the
        update looked up once); returns the epoch's logs, means over the n samples.

        Each batch's loss is taken before its step, as Keras does. The losses are checked once,
        at the end of the epoch; after the last epoch, so is the loss after the last step, so
        that fit never returns a model that diverged.
        """
        output = self.layers[-1]
        values, metric_totals = [], dict.fromkeys(self.metrics, 0.0)
        for Xb, yb in batches:
            self.forward(Xb)
            values.append(self.backward(yb))
            apply(params, [g for layer in self.layers for g in layer.grads])
            for name, fn in self.metrics.items():   # on the batch's forward pass, as Keras
                metric_totals[name] += fn(yb, output.a) * len(Xb)
        total = 0.0   # summed in step order, as the batch losses came
        for (Xb, _), value in zip(batches, values):
            total += value * len(Xb)
        if not math.isfinite(total):
            batch = next(i for i, v in enumerate(values) if not math.isfinite(v))
            raise _diverged(values[batch], epoch, batch, self.optimizer, self.history)
        if last_epoch:
            Xb, yb = batches[-1]
            self.forward(Xb)
            after = self.loss_value(yb)
            if not math.isfinite(after):
                raise _diverged(after, epoch, len(values) - 1, self.optimizer, self.history,
                                after_step=True)
        logs = {"loss": float(total / n)}
        logs.update({name: float(t / n) for name, t in metric_totals.items()})
        return logs

    # --- using the model -----------------------------------------------------------------------

    def predict(self, X, verbose=0):
        """The network's output for X (n, n_features): (n, units)."""
        self._require_built("predict")
        return self.forward(self._check_X(X)).copy()

    def _evaluate_checked(self, X, y):
        y_pred = self.forward(X)
        logs = {"loss": float(self.loss_value(y))}
        logs.update({name: fn(y, y_pred) for name, fn in self.metrics.items()})
        return logs

    def evaluate(self, X, y, verbose=0, return_dict=False):
        """Loss (and metrics) on (X, y): a float, or [loss, *metrics] when there are metrics."""
        self._require_compiled("evaluate")
        self._require_built("evaluate")
        X = self._check_X(X)
        logs = self._evaluate_checked(X, self._check_y(y, len(X)))
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
            lines.append(f"{layer.name + ' (Dense)':<24}{str((None, layer.units)):<16}"
                         f"{layer.count_params():>9}")
            lines.append(f"{'':<24}activation: {layer.activation.name}")
        lines += ["-" * 49, f"Total params: {self.count_params()}"]
        print("\n".join(lines))

    # --- weights -------------------------------------------------------------------------------

    def get_weights(self):
        """Copies of [W1, b1, W2, b2, ...]: kernels (n_in, units), biases (units,)."""
        self._require_built("get weights")
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
        i = 0
        for layer in self.layers:
            layer.kernel = arrays[i].copy()
            i += 1
            if layer.use_bias:
                layer.bias = arrays[i].copy()
                i += 1

    # --- saving --------------------------------------------------------------------------------

    def get_config(self):
        config = {"format": "nnlib-sequential-1", "name": self.name, "seed": self.seed,
                  "layers": [layer.get_config() for layer in self.layers]}
        if self.loss is not None:
            config["compile"] = {"loss": self.loss.name, "optimizer": self.optimizer.get_config(),
                                 "metrics": list(self.metrics)}
        return config

    def save(self, path):
        """Write the model to one .npz file, so that `load_model` gives it back bit for bit.

        Saved: the layers, the compile settings (loss, optimizer settings, metrics), the
        weights, the optimizer's state (SGD's velocities; Adam's moments m, v and step count t)
        and the state of the random generator that shuffles the batches. So training resumed
        from the file takes exactly the steps the model would have taken without the pause.
        Not saved: the History of past `fit` calls.
        """
        self._require_built("save")
        path = str(path)
        if not path.endswith(".npz"):
            raise NNLibValueError(f"Model files end in .npz, got {path!r}.")
        config = self.get_config()
        config["rng_state"] = self.rng.bit_generator.state
        arrays = {f"w{i}": p for i, p in enumerate(self.params)}
        if self.optimizer is not None:   # numbers go into the config, arrays beside the weights
            state = self.optimizer.get_state()
            config["optimizer_state"] = {k: v for k, v in state.items()
                                         if v is not None and not isinstance(v, list)}
            config["optimizer_arrays"] = {k: len(v) for k, v in state.items()
                                          if isinstance(v, list)}
            for key, value in state.items():
                if isinstance(value, list):
                    arrays.update({f"optimizer_{key}_{i}": a for i, a in enumerate(value)})
        np.savez(path, config=np.array(json.dumps(config)), **arrays)

    def load_weights(self, path):
        """Load the weights of a saved model into this one; its layers must match."""
        self._require_built("load weights")
        config, weights, _ = _read_model_file(path)
        mine = [(c["units"], c["activation"], c["use_bias"]) for c in self.get_config()["layers"]]
        theirs = [(c["units"], c["activation"], c["use_bias"]) for c in config["layers"]]
        shapes = [w.shape for w in weights]
        if mine != theirs or shapes != [p.shape for p in self.params]:
            raise NNLibValueError(f"{path} holds a different model: its layers (units, activation, "
                                  f"bias) are {theirs}, this model's are {mine}.")
        self.set_weights(weights)


def load_model(path):
    """Rebuild a model saved with `model.save(path)`: same layers, weights, compile settings."""
    config, weights, arrays = _read_model_file(path)
    model = Sequential([Dense.from_config(c) for c in config["layers"]], seed=config["seed"],
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
        model.optimizer.set_state(state)
    return model


def _read_model_file(path):
    """(config dict, list of weight arrays, {name: every other array}) from a .npz written by
    save, or a clear error."""
    import os
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


def _batches(X, y, batch_size):
    """[(X[0:b], y[0:b]), (X[b:2b], y[b:2b]), ...]: views, the last batch possibly shorter."""
    return [(X[start:start + batch_size], y[start:start + batch_size])
            for start in range(0, len(X), batch_size)]


def _progress_bar(epochs):
    from tqdm.auto import tqdm
    return tqdm(total=epochs, desc="epochs", unit="epoch")


def _diverged(value, epoch, batch, optimizer, history, after_step=False):
    """The FloatingPointError for a loss that became NaN or inf; keeps the history so far."""
    where = (f"after the last step (epoch {epoch + 1}, batch {batch + 1})" if after_step else
             f"at epoch {epoch + 1} (batch {batch + 1})")
    err = FloatingPointError(
        f"The loss became {value} {where}: training diverged. "
        f"Try a smaller learning rate than {optimizer.learning_rate} (e.g. a tenth of it), or "
        f"scale the inputs. The history up to epoch {epoch} is in model.history.")
    err.history = history
    return err
