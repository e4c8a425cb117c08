"""Callbacks: code that `fit` runs at fixed points of training, in Keras' shape.

    model.fit(X, y, epochs=500, validation_split=0.2,
              callbacks=[EarlyStopping(monitor="val_loss", patience=10,
                                       restore_best_weights=True)])

fit calls, on each callback: `set_model(model)`, `on_train_begin()`, then after every epoch
`on_epoch_end(epoch, logs)` (logs: the epoch's numbers, as in History: "loss", "val_loss", ...),
and `on_train_end()`. A callback stops training by setting `model.stop_training = True`.
"""
import numpy as np

from .errors import NNLibTypeError, NNLibValueError, flag, number_in, whole_number

# Which way is better for each quantity fit logs (without its "val_" prefix).
LOWER_IS_BETTER = {"loss", "mae", "mse"}
HIGHER_IS_BETTER = {"accuracy", "acc", "binary_accuracy", "categorical_accuracy"}


class Callback:
    """The hooks fit calls; each does nothing here. Subclass it and override what you need."""

    model = None

    def set_model(self, model):
        self.model = model

    def on_train_begin(self):
        pass

    def on_epoch_end(self, epoch, logs):
        pass

    def on_train_end(self):
        pass


class EarlyStopping(Callback):
    """Stop training when the monitored quantity has stopped improving (Keras' rules).

    monitor: a key of the epoch's logs, e.g. "val_loss" (needs validation data) or "loss".
    min_delta: a change smaller than this (in absolute value) is no improvement.
    patience: epochs without improvement before stopping.
    mode: "min", "max", or "auto" (from the name: losses and errors go down, accuracies up).
    baseline: a value the monitored quantity must beat for patience to restart (None: none).
    restore_best_weights: at the end of fit, put back the weights of the best epoch.
    start_from_epoch: epochs to wait before watching at all.

    After fit: `stopped_epoch` (0-based, 0 if it never stopped), `best`, `best_epoch`.
    As in Keras, the first epoch is always the best so far, training stops only after at least
    two epochs, and restore_best_weights restores at the end of fit whether it stopped early or
    ran all its epochs.
    """

    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        if not isinstance(monitor, str):
            raise NNLibTypeError(f"monitor must be the name of a logged quantity such as "
                                 f"'val_loss', got {monitor!r}.")
        if mode not in ("auto", "min", "max"):
            raise NNLibValueError(f"mode must be 'auto', 'min' or 'max', got {mode!r}.")
        self.monitor, self.mode = monitor, mode
        self.min_delta = abs(number_in(min_delta, "min_delta", -np.inf, np.inf, "a number"))
        self.patience = whole_number(patience, "patience", 0)
        self.verbose = whole_number(verbose, "verbose", 0)
        self.baseline = None if baseline is None else number_in(
            baseline, "baseline", -np.inf, np.inf, "a number or None")
        self.restore_best_weights = flag(restore_best_weights, "restore_best_weights")
        self.start_from_epoch = whole_number(start_from_epoch, "start_from_epoch", 0)
        self.lower_is_better = self._direction()

    def _direction(self):
        name = self.monitor.removeprefix("val_")
        if self.mode != "auto":
            return self.mode == "min"
        if name in LOWER_IS_BETTER or name in HIGHER_IS_BETTER:
            return name in LOWER_IS_BETTER
        raise NNLibValueError(f"EarlyStopping cannot tell whether {self.monitor!r} should go up "
                              "or down: pass mode='min' or mode='max'.")

    def on_train_begin(self):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None   # as Keras: the baseline only decides when patience restarts
        self.best_weights = None
        self.best_epoch = 0

    def _improves(self, value, reference):
        if reference is None:
            return True
        if self.lower_is_better:
            return value + self.min_delta < reference
        return value - self.min_delta > reference

    def on_epoch_end(self, epoch, logs):
        if self.monitor not in logs:   # fit refuses this before training; others may call
            raise NNLibValueError(f"EarlyStopping monitors {self.monitor!r}, but the logs hold "
                                  f"only {', '.join(map(repr, logs))}.")
        value = logs[self.monitor]
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = self.model.get_weights(), epoch
        self.wait += 1
        if self._improves(value, self.best):
            self.best, self.best_epoch = value, epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._improves(value, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(f"Restoring model weights from the end of the best epoch: "
                      f"{self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)
