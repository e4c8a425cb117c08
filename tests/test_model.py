"""Sequential end to end: training works, is reproducible, saves bit for bit, and fails loudly
when it diverges. Plus the numerics of activations and losses at extreme inputs."""
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import nnlib
from nnlib import Dense, Sequential, activations, losses
from nnlib.optimizers import SGD

X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])


def xor_model(seed=0, **layer_kwargs):
    m = Sequential([Dense(4, "tanh", input_dim=2), Dense(1, "sigmoid")], seed=seed)
    m.compile("binary_crossentropy", SGD(0.5), metrics=["accuracy"])
    return m


def test_learns_xor():
    m = xor_model()
    history = m.fit(X_XOR, Y_XOR, epochs=2000, batch_size=4, shuffle=False)
    assert np.array_equal(m.predict(X_XOR) > 0.5, Y_XOR > 0.5)
    assert history.history["loss"][-1] < 0.1 * history.history["loss"][0]
    assert history.history["accuracy"][-1] == 1.0


def test_same_seed_gives_bit_identical_weights():
    runs = []
    for _ in range(2):
        m = xor_model(seed=42)
        m.fit(X_XOR, Y_XOR, epochs=50, batch_size=2, shuffle=True)
        runs.append(m.get_weights())
    for a, b in zip(*runs):
        assert np.array_equal(a, b)
    other = xor_model(seed=43)
    assert not np.array_equal(other.get_weights()[0], runs[0][0])


def test_history_loss_is_the_mean_of_the_batch_losses_before_each_step():
    m = xor_model()
    w0 = m.get_weights()
    history = m.fit(X_XOR, Y_XOR, epochs=1, batch_size=2, shuffle=False)
    replay = xor_model()
    replay.set_weights(w0)
    first = replay.evaluate(X_XOR[:2], Y_XOR[:2])[0]
    replay.train_step(X_XOR[:2], Y_XOR[:2])
    second = replay.evaluate(X_XOR[2:], Y_XOR[2:])[0]
    assert history.history["loss"][0] == pytest.approx((first + second) / 2, rel=1e-12)


def test_validation_data_is_recorded():
    m = xor_model()
    history = m.fit(X_XOR, Y_XOR, epochs=3, batch_size=4, validation_data=(X_XOR, Y_XOR))
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 3 for v in history.history.values())
    assert history.history["val_loss"][-1] == pytest.approx(m.evaluate(X_XOR, Y_XOR)[0])


def test_y_as_vector_or_column_trains_the_same():
    a, b = xor_model(), xor_model()
    a.fit(X_XOR, Y_XOR, epochs=5, batch_size=1, shuffle=False)
    b.fit(X_XOR, Y_XOR[:, 0], epochs=5, batch_size=1, shuffle=False)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        assert np.array_equal(wa, wb)


def test_sparse_and_one_hot_labels_train_the_same():
    labels = np.array([0, 1, 2, 1])
    models = []
    for loss, y in [("sparse_categorical_crossentropy", labels),
                    ("categorical_crossentropy", np.eye(3)[labels])]:
        m = Sequential([Dense(5, "relu", input_dim=2), Dense(3, "softmax")], seed=1)
        m.compile(loss, "adam")
        m.fit(X_XOR, y, epochs=20, batch_size=2, shuffle=True)
        models.append(m)
    for a, b in zip(models[0].get_weights(), models[1].get_weights()):
        assert np.array_equal(a, b)


def test_save_and_load_round_trip_bit_for_bit(tmp_path):
    m = Sequential([Dense(4, "tanh", input_dim=2, kernel_regularizer="l2"),
                    Dense(1, "sigmoid", use_bias=False)], seed=3, name="xor_net")
    m.compile("binary_crossentropy", SGD(0.3, momentum=0.5), metrics=["accuracy"])
    m.fit(X_XOR, Y_XOR, epochs=10, batch_size=4)
    path = tmp_path / "model.npz"
    m.save(str(path))
    loaded = nnlib.load_model(str(path))
    for a, b in zip(m.get_weights(), loaded.get_weights()):
        assert a.dtype == b.dtype == np.float64 and np.array_equal(a, b)
    assert [l.get_config() for l in loaded.layers] == [l.get_config() for l in m.layers]
    assert loaded.name == "xor_net" and loaded.loss.name == "binary_crossentropy"
    assert loaded.optimizer.get_config() == m.optimizer.get_config()
    assert np.array_equal(loaded.predict(X_XOR), m.predict(X_XOR))


def test_load_weights_into_a_matching_model(tmp_path):
    m = xor_model(seed=5)
    m.save(str(tmp_path / "m.npz"))
    other = xor_model(seed=6)
    with pytest.warns(UserWarning, match="optimizer's state .* starts fresh"):
        other.load_weights(str(tmp_path / "m.npz"))
    assert np.array_equal(other.predict(X_XOR), m.predict(X_XOR))


def test_divergence_raises_and_keeps_the_history():
    m = Sequential([Dense(8, "relu", input_dim=2), Dense(1)], seed=0)
    m.compile("mse", SGD(10.0))
    X = np.random.default_rng(0).normal(size=(64, 2)) * 100
    with pytest.raises(FloatingPointError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # the overflow itself, in numpy
        m.fit(X, X.sum(axis=1), epochs=50, batch_size=64)
    message = str(info.value)
    assert "epoch" in message and "smaller learning rate" in message
    assert info.value.history is m.history
    assert_rolled_back_to_its_history(m, message, lambda: (Sequential(
        [Dense(8, "relu", input_dim=2), Dense(1)], seed=0), SGD(10.0)), X, X.sum(axis=1), 64)


def assert_rolled_back_to_its_history(m, message, make, X, y, batch_size):
    """The message names the epoch fit rolled back to; the History ends there, and the weights
    are bit for bit those of an uninterrupted fit of that many epochs."""
    done = len(m.history.epoch)
    assert (f"back to the end of epoch {done}," if done else "back to where fit started") \
        in message
    replay, optimizer = make()
    replay.compile("mse", optimizer)
    if done:
        replay.fit(X, y, epochs=done, batch_size=batch_size)
    assert all(np.array_equal(a, b) for a, b in zip(m.get_weights(), replay.get_weights()))
    return replay


def test_a_long_full_batch_run_rolls_back_to_a_recent_epoch():
    """Full-batch epochs are copied every 16 steps: a divergence at epoch 60 loses < 32."""
    def make():
        m = Sequential([Dense(4, "tanh", input_dim=2), Dense(1)], seed=0)
        m.compile("mse", SGD(0.5))
        return m

    m = make()
    apply, calls = m.optimizer.apply, []

    def blow_up_at_step_60(params, grads):
        calls.append(1)
        if len(calls) == 60:
            m.optimizer.learning_rate = 1e200
        apply(params, grads)

    m.optimizer.apply = blow_up_at_step_60
    with pytest.raises(FloatingPointError) as info, np.errstate(all="ignore"):
        m.fit(X_XOR, Y_XOR, epochs=100, batch_size=4, shuffle=False)
    assert 60 - 32 <= len(m.history.epoch) < 60
    replay = make()
    replay.fit(X_XOR, Y_XOR, epochs=len(m.history.epoch), batch_size=4, shuffle=False)
    assert all(np.array_equal(a, b) for a, b in zip(m.get_weights(), replay.get_weights()))
    assert f"back to the end of epoch {len(m.history.epoch)}," in str(info.value)


def test_summary_lists_layers_and_params(capsys):
    xor_model().summary()
    out = capsys.readouterr().out
    assert "dense_0" in out and "dense_1" in out and "Total params: 17" in out


def test_momentum_and_adam_reduce_the_loss():
    for optimizer in [SGD(0.1, momentum=0.9), nnlib.optimizers.Adam(0.05)]:
        m = Sequential([Dense(4, "tanh", input_dim=2), Dense(1, "sigmoid")], seed=0)
        m.compile("binary_crossentropy", optimizer)
        h = m.fit(X_XOR, Y_XOR, epochs=300, batch_size=4, shuffle=False)
        assert h.history["loss"][-1] < 0.2


# --- numerics: no warnings, finite results, for inputs up to ±1e4 --------------------------

big = arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 4)),
             elements=st.floats(-1e4, 1e4))


@settings(max_examples=60, deadline=None)
@given(z=big)
def test_activations_are_finite_and_silent_at_extreme_inputs(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            for act in activations.ACTIVATIONS.values():
                a = act.forward(z)
                g = act.backward(z, a, np.ones_like(z))
                assert np.all(np.isfinite(a)) and np.all(np.isfinite(g))


@settings(max_examples=60, deadline=None)
@given(z=big, data=st.data())
def test_losses_are_finite_and_silent_at_extreme_inputs(z, data):
    k = z.shape[1]
    y01 = data.draw(arrays(np.float64, z.shape, elements=st.sampled_from([0.0, 1.0])))
    onehot = np.eye(k)[data.draw(st.lists(st.integers(0, k - 1), min_size=len(z),
                                          max_size=len(z)))]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            values = [
                losses.mse(y01, z), losses.mse_gradient(y01, z),
                losses.binary_crossentropy_from_logits(y01, z),
                losses.binary_crossentropy_gradient_from_logits(y01, z),
                losses.categorical_crossentropy_from_logits(onehot, z),
                losses.categorical_crossentropy_gradient_from_logits(onehot, z),
                losses.binary_crossentropy(y01, activations.sigmoid(z)),
                losses.binary_crossentropy_gradient(y01, activations.sigmoid(z)),
                losses.categorical_crossentropy(onehot, activations.softmax(z)),
                losses.categorical_crossentropy_gradient(onehot, activations.softmax(z)),
            ]
    assert all(np.all(np.isfinite(v)) for v in values)


def test_cross_entropy_of_exact_zero_or_one_is_finite():
    y = np.array([[1.0], [0.0]])
    for p in (np.array([[0.0], [1.0]]), np.array([[1.0], [0.0]])):
        assert np.isfinite(losses.binary_crossentropy(y, p))
        assert np.all(np.isfinite(losses.binary_crossentropy_gradient(y, p)))
    onehot, p = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])
    assert np.isfinite(losses.categorical_crossentropy(onehot, p))
    assert np.all(np.isfinite(losses.categorical_crossentropy_gradient(onehot, p)))


def test_import_nnlib_does_not_import_tensorflow_or_matplotlib():
    import subprocess
    import sys
    code = ("import sys, nnlib; bad = [m for m in ('tensorflow', 'keras', 'matplotlib', 'sklearn')"
            " if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- issue 22: initializers, validation, early stopping, dropout ------------------------------

@pytest.mark.parametrize("name,variance", [
    ("glorot_uniform", 2 / 700), ("glorot_normal", 2 / 700), ("he_uniform", 2 / 400),
    ("he_normal", 2 / 400), ("lecun_uniform", 1 / 400), ("lecun_normal", 1 / 400),
    ("random_normal", 0.05 ** 2), ("random_uniform", 0.1 ** 2 / 12),
    ("truncated_normal", (0.05 * 0.87962566103423978) ** 2)])
def test_every_initializer_has_keras_mean_and_variance(name, variance):
    """120,000 weights: the sample variance is within 2 % of the formula (its own standard
    error is about 0.5 %), the mean within 4 standard errors of 0."""
    w = nnlib.initializers.get(name)((400, 300), np.random.default_rng(0))
    assert abs(w.var() / variance - 1) < 0.02
    assert abs(w.mean()) < 4 * np.sqrt(variance / w.size)
    if name.endswith("_normal") and name != "random_normal":
        assert np.abs(w).max() <= 2 * np.sqrt(variance) / 0.87962566103423978   # truncated


def test_he_normal_is_no_longer_narrower_than_keras():
    """The fix of issue 22: truncating without widening gave 0.77 x the variance."""
    w = nnlib.initializers.get("he_normal")((400, 300), np.random.default_rng(0))
    assert w.var() / (2 / 400) > 0.98


def test_initializers_by_name_in_dense():
    m = Sequential([Dense(300, "relu", input_dim=400, kernel_initializer="he_normal",
                          bias_initializer="ones")], seed=0)
    kernel, bias = m.get_weights()
    assert abs(kernel.var() / (2 / 400) - 1) < 0.02 and np.all(bias == 1)


def test_early_stopping_stops_after_patience_and_restores_the_best_weights():
    from nnlib.callbacks import EarlyStopping
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = (X @ [1.0, -2.0, 0.5])[:, None] + rng.normal(size=(60, 1))

    def make():
        m = Sequential([Dense(30, "tanh", input_dim=3), Dense(1)], seed=0)
        m.compile("mse", nnlib.optimizers.SGD(0.3))
        return m

    m = make()
    stop = EarlyStopping(patience=5, restore_best_weights=True)
    history = m.fit(X[:20], y[:20], epochs=2000, batch_size=20, shuffle=False,
                    validation_data=(X[20:], y[20:]), callbacks=[stop])
    val = history.history["val_loss"]
    best = int(np.argmin(val))
    assert stop.best_epoch == best and stop.best == val[best]
    assert len(val) == best + 6 < 2000 and stop.stopped_epoch == best + 5
    replay = make()
    replay.fit(X[:20], y[:20], epochs=best + 1, batch_size=20, shuffle=False)
    assert all(np.array_equal(a, b) for a, b in zip(m.get_weights(), replay.get_weights()))


def test_early_stopping_on_a_quantity_fit_does_not_log_says_what_to_do():
    from nnlib.callbacks import EarlyStopping
    with pytest.raises(ValueError, match="validation_split"):
        xor_model().fit(X_XOR, Y_XOR, epochs=3, callbacks=[EarlyStopping()])


def test_dropout_trains_predicts_without_dropping_and_saves(tmp_path):
    from nnlib.layers import Dropout
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 4))
    y = (X.sum(axis=1) > 0).astype(float)
    m = Sequential([Dense(16, "relu", input_dim=4), Dropout(0.5), Dense(1, "sigmoid")], seed=0)
    m.compile("binary_crossentropy", "adam", metrics=["accuracy"])
    m.fit(X, y, epochs=30, batch_size=16)
    assert np.array_equal(m.predict(X), m.predict(X))            # no mask at inference
    assert m.evaluate(X, y)[1] > 0.8
    m.save(str(tmp_path / "d.npz"))
    loaded = nnlib.load_model(str(tmp_path / "d.npz"))
    assert isinstance(loaded.layers[1], Dropout) and loaded.layers[1].rate == 0.5
    m.fit(X, y, epochs=2, batch_size=16)
    loaded.fit(X, y, epochs=2, batch_size=16)                    # the same masks: bit for bit
    assert all(np.array_equal(a, b) for a, b in zip(m.get_weights(), loaded.get_weights()))
