"""nnlib and Keras compute the same thing: from identical float64 weights, the same outputs
and, after 100 steps of SGD with batch_size=1 and no shuffling, the same weights."""
import numpy as np
import pytest

import nnlib
from nnlib import Dense, Sequential, keras_bridge
from nnlib.optimizers import SGD

keras = pytest.importorskip("keras")

RNG = np.random.default_rng(0)
X = RNG.uniform(size=(100, 2))
Y_REG = RNG.uniform(size=(100, 1))
LABELS = (X[:, 0] + X[:, 1] > 1).astype(int)


def nn(hidden, output, k, loss, optimizer, seed=0):
    m = Sequential([Dense(4, hidden, input_dim=2), Dense(k, output)], seed=seed)
    m.compile(loss, optimizer)
    return m


def max_weight_difference(model, keras_model):
    return max(np.max(np.abs(a - b)) for a, b in zip(model.get_weights(),
                                                   keras_model.get_weights()))


@pytest.mark.parametrize("hidden,output,k,loss,y", [
    ("sigmoid", "sigmoid", 1, "mse", Y_REG),
    ("tanh", "sigmoid", 1, "binary_crossentropy", LABELS[:, None].astype(float)),
    ("relu", "softmax", 2, "categorical_crossentropy", np.eye(2)[LABELS]),
    ("tanh", "softmax", 2, "sparse_categorical_crossentropy", LABELS),
    ("linear", "linear", 1, "mse", Y_REG),
])
def test_sgd_batch_size_1_matches_keras_after_100_steps(hidden, output, k, loss, y):
    model = nn(hidden, output, k, loss, SGD(learning_rate=0.05))
    keras_model = nnlib.to_keras(model, steps_per_execution=100)
    assert max_weight_difference(model, keras_model) == 0.0
    history = model.fit(X, y, epochs=1, batch_size=1, shuffle=False)
    keras_history = keras_bridge.fast_fit(keras_model, X, y, epochs=1, batch_size=1)
    assert max_weight_difference(model, keras_model) < 1e-8
    assert history.history["loss"][0] == pytest.approx(keras_history.history["loss"][0],
                                                       rel=1e-8)


def test_plain_keras_fit_takes_the_same_steps_as_fast_fit():
    model = nn("sigmoid", "sigmoid", 1, "mse", SGD(learning_rate=0.05))
    plain, fast = nnlib.to_keras(model), nnlib.to_keras(model, steps_per_execution=20)
    plain.fit(X[:20], Y_REG[:20], epochs=2, batch_size=1, shuffle=False, verbose=0)
    keras_bridge.fast_fit(fast, X[:20], Y_REG[:20], epochs=2, batch_size=1)
    model.fit(X[:20], Y_REG[:20], epochs=2, batch_size=1, shuffle=False)
    assert max_weight_difference(model, plain) < 1e-12
    assert max_weight_difference(model, fast) < 1e-12


def test_momentum_and_adam_agree_to_keras_float32_hyperparameters():
    """Keras rounds momentum, and Adam's betas in beta^t, to float32 (0.9 -> 0.899999976), so
    the two libraries drift apart slowly with them instead of agreeing to ~1e-16."""
    for optimizer in [SGD(0.05, momentum=0.9), nnlib.optimizers.Adam(0.01)]:
        model = nn("tanh", "sigmoid", 1, "mse", optimizer)
        keras_model = nnlib.to_keras(model, steps_per_execution=100)
        model.fit(X, Y_REG, epochs=1, batch_size=1, shuffle=False)
        keras_bridge.fast_fit(keras_model, X, Y_REG, epochs=1, batch_size=1)
        assert max_weight_difference(model, keras_model) < 1e-5


@pytest.mark.parametrize("hidden,output", [("sigmoid", "sigmoid"), ("relu", "softmax"),
                                           ("tanh", "linear")])
def test_to_keras_computes_the_same_outputs(hidden, output):
    model = nn(hidden, output, 3, "mse", "sgd", seed=7)
    keras_model = nnlib.to_keras(model)
    assert keras_bridge.compare(model, keras_model, X) < 1e-12
    assert keras_model.layers[0].dtype == "float64"


def test_to_keras_carries_the_regularizer():
    """Keras holds the L2 factor as float32 too (0.01 -> 0.0099999998): ~1e-11 after a step."""
    model = Sequential([Dense(3, "tanh", input_dim=2, kernel_regularizer="l2"),
                        Dense(2, "softmax")], seed=0)
    model.compile("sparse_categorical_crossentropy", SGD(0.1))
    keras_model = nnlib.to_keras(model, steps_per_execution=1)
    model.fit(X, LABELS, epochs=1, batch_size=100)
    keras_bridge.fast_fit(keras_model, X, LABELS, epochs=1, batch_size=100)
    assert max_weight_difference(model, keras_model) < 1e-9


def test_import_nnlib_does_not_import_tensorflow():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", "import sys, nnlib; print('tensorflow' in "
                          "sys.modules)"], capture_output=True, text=True).stdout
    assert out.strip() == "False"


# --- issue 22: initializers, early stopping, validation_split, dropout, against Keras --------

@pytest.mark.parametrize("name", ["glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                                  "lecun_uniform", "lecun_normal", "random_normal",
                                  "random_uniform", "truncated_normal", "zeros", "ones"])
def test_initializers_have_keras_mean_and_variance(name):
    """120,000 draws from each: variances within 3 % of Keras' draws, means within 5 standard
    errors, the same largest value where Keras truncates."""
    shape = (400, 300)
    ours = nnlib.initializers.get(name)(shape, np.random.default_rng(0))
    config = {} if name in ("zeros", "ones") else {"seed": 1}
    theirs = np.asarray(keras.initializers.get({"class_name": name, "config": config})(
        shape, dtype="float64"))
    if theirs.var() == 0:
        assert np.array_equal(ours, theirs)
        return
    assert abs(ours.var() / theirs.var() - 1) < 0.03
    assert abs(ours.mean() - theirs.mean()) < 5 * np.sqrt(2 * theirs.var() / ours.size)
    assert abs(np.abs(ours).max() / np.abs(theirs).max() - 1) < 0.03


class WeightsHolder:
    """What Keras' EarlyStopping needs of a model: get/set_weights and stop_training."""

    def __init__(self):
        self.weights, self.stop_training = [np.zeros(1)], False

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        self.weights = weights


@pytest.mark.parametrize("settings", [
    {}, {"patience": 3}, {"patience": 2, "min_delta": 0.05}, {"patience": 4, "baseline": 0.3},
    {"patience": 1, "mode": "max", "monitor": "val_accuracy"}, {"start_from_epoch": 5},
    {"patience": 3, "restore_best_weights": True}])
def test_early_stopping_follows_keras_rules_epoch_for_epoch(settings):
    from nnlib.callbacks import EarlyStopping
    monitor = settings.get("monitor", "val_loss")
    rng = np.random.default_rng(len(str(settings)))
    for trial in range(30):   # noisy, slowly improving curves
        values = 1.0 / np.arange(1, 41) + rng.normal(0, 0.05, 40)
        outcomes = []
        for callback in (EarlyStopping(**settings),
                         keras.callbacks.EarlyStopping(**settings)):
            holder = WeightsHolder()
            callback.set_model(holder)
            callback.on_train_begin()
            for epoch, value in enumerate(values):
                holder.weights = [np.full(1, epoch)]
                callback.on_epoch_end(epoch, {monitor: float(value), "loss": 1.0})
                if holder.stop_training:
                    break
            callback.on_train_end()
            outcomes.append((epoch, callback.stopped_epoch, callback.best_epoch,
                             float(callback.best) if callback.best is not None else None,
                             holder.weights[0][0]))
        assert outcomes[0] == outcomes[1], (trial, outcomes)


def test_validation_split_holds_out_the_same_samples_as_keras():
    model = nn("tanh", "sigmoid", 1, "mse", SGD(0.1))
    keras_model = nnlib.to_keras(model)
    ours = model.fit(X, Y_REG, epochs=3, batch_size=25, shuffle=False, validation_split=0.2)
    theirs = keras_model.fit(X, Y_REG, epochs=3, batch_size=25, shuffle=False,
                             validation_split=0.2, verbose=0)
    assert np.allclose(ours.history["val_loss"], theirs.history["val_loss"], rtol=1e-12)
    assert max_weight_difference(model, keras_model) < 1e-12


def test_a_model_with_dropout_converts_and_predicts_as_keras():
    from nnlib.layers import Dropout
    model = Sequential([Dense(6, "relu", input_dim=2), Dropout(0.5), Dense(2, "softmax")],
                       seed=0)
    model.compile("sparse_categorical_crossentropy", "sgd")
    keras_model = nnlib.to_keras(model)
    assert isinstance(keras_model.layers[1], keras.layers.Dropout)
    assert keras_bridge.compare(model, keras_model, X) < 1e-12   # inference: no mask


@pytest.mark.parametrize("loss", ["binary_crossentropy", "categorical_crossentropy", "mse"])
@pytest.mark.parametrize("output", ["tanh", "linear", "sigmoid", "softmax"])
def test_cross_pairings_report_keras_loss(loss, output):
    """Every output with every loss nnlib accepts: the value Keras' loss function gives on the
    same outputs (tanh and linear rows that sum below zero included)."""
    rng = np.random.default_rng(0)
    z = rng.normal(size=(50, 3)) * 2
    y_pred = nnlib.activations.get(output)(z)
    y_true = np.eye(3)[rng.integers(0, 3, 50)]
    ours = nnlib.losses.get(loss)(y_true, y_pred)
    theirs = float(np.mean(keras.losses.get(loss)(y_true, y_pred)))
    assert ours == pytest.approx(theirs, rel=1e-12)
