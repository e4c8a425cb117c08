"""The five faults of issue 11, each pinned by a test that failed before its fix:
one optimizer compiled into two models, a DataFrame of bool and number columns, divergence on
the very last step, saves that lost the optimizer's state, and a RuntimeWarning ahead of the
divergence error."""
import json
import warnings

import numpy as np
import pytest

import nnlib
from nnlib import Dense, Sequential
from nnlib.optimizers import SGD, Adam

RNG = np.random.default_rng(0)
X = RNG.normal(size=(40, 3))
Y = (X @ [0.5, -1.0, 0.25] + 0.1 * RNG.normal(size=40))[:, None]


def regressor(hidden=5, seed=0, optimizer=None):
    m = Sequential([Dense(hidden, "tanh", input_dim=3), Dense(1)], seed=seed)
    m.compile("mse", optimizer if optimizer is not None else Adam(0.01))
    return m


def same_weights(a, b):
    return all(np.array_equal(wa, wb) for wa, wb in zip(a.get_weights(), b.get_weights()))


# --- 1. one optimizer object, two models --------------------------------------------------------

@pytest.mark.parametrize("make", [lambda: Adam(0.01), lambda: SGD(0.05, momentum=0.9)],
                         ids=["adam", "sgd_momentum"])
@pytest.mark.parametrize("second_hidden", [5, 4], ids=["same_shape", "other_shape"])
def test_a_shared_optimizer_gives_each_model_its_own_state(make, second_hidden):
    opt = make()
    first = regressor(5, seed=0, optimizer=opt)
    first.fit(X, Y, epochs=3, batch_size=8)
    second = regressor(second_hidden, seed=1, optimizer=opt)
    second.fit(X, Y, epochs=3, batch_size=8)        # other shape: a numpy broadcasting error
    fresh = regressor(second_hidden, seed=1, optimizer=make())
    fresh.fit(X, Y, epochs=3, batch_size=8)
    assert same_weights(second, fresh)               # same shape: not the first model's moments
    assert first.optimizer is opt and second.optimizer is not opt
    assert type(second.optimizer) is type(opt)
    assert second.optimizer.get_config() == opt.get_config()
    # the first model's state is untouched: it continues as if the second never existed
    alone = regressor(5, seed=0, optimizer=make())
    alone.fit(X, Y, epochs=3, batch_size=8)
    first.fit(X, Y, epochs=2, batch_size=8)
    alone.fit(X, Y, epochs=2, batch_size=8)
    assert same_weights(first, alone)


def test_recompiling_a_model_with_its_own_optimizer_keeps_the_state():
    opt = Adam(0.01)
    m = regressor(optimizer=opt)
    m.fit(X, Y, epochs=2, batch_size=8)
    m.compile("mse", opt, metrics=["mae"])
    assert m.optimizer is opt and opt.t == 10


def test_a_subclassed_optimizer_is_copied_as_its_own_class():
    class Halving(SGD):
        def apply(self, params, grads):
            super().apply(params, [g / 2 for g in grads])

    opt = Halving(0.1)
    regressor(optimizer=opt)
    second = regressor(optimizer=opt)
    assert type(second.optimizer) is Halving and second.optimizer is not opt


# --- 2. a DataFrame of bool and number columns -------------------------------------------------

def test_a_dataframe_of_bool_and_number_columns_trains_like_its_float_array():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"x": X[:, 0], "big": X[:, 1] > 0, "n": np.arange(40) % 3})
    assert np.asarray(frame).dtype == object          # what numpy makes of it
    as_floats = np.column_stack([X[:, 0], X[:, 1] > 0, np.arange(40) % 3]).astype(float)
    a, b = regressor(), regressor()
    a.fit(frame, pd.Series(Y[:, 0]), epochs=2, batch_size=8, shuffle=False)
    b.fit(as_floats, Y, epochs=2, batch_size=8, shuffle=False)
    assert same_weights(a, b)
    assert np.array_equal(a.predict(frame), b.predict(as_floats))


def test_an_object_array_names_the_element_that_is_not_a_number():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"x": X[:, 0], "city": ["Paris"] * 40, "n": np.arange(40)})
    with pytest.raises(TypeError) as info:
        regressor().fit(frame, Y)
    message = str(info.value)
    assert "'Paris'" in message and "(0, 1)" in message and "object" in message
    assert repr(X[0, 0]) not in message              # not the number in front of it


# --- 3. divergence on the last step ---------------------------------------------------------------

def diverging(lr=1e200):
    m = Sequential([Dense(4, "relu", input_dim=3), Dense(1)], seed=0)
    m.compile("mse", SGD(lr))
    return m


def test_divergence_on_the_last_step_of_full_batch_training_raises():
    m = diverging()
    with warnings.catch_warnings(), pytest.raises(FloatingPointError) as info:
        warnings.simplefilter("ignore", RuntimeWarning)
        m.fit(X, Y, epochs=1, batch_size=40)           # one step, and it blows up
    message = str(info.value)
    assert "diverged" in message and "smaller learning rate" in message and "1e+200" in message
    assert "after the last step (epoch 1, batch 1)" in message
    assert info.value.history is m.history and m.history.history == {}


def test_divergence_on_the_last_of_five_batches_raises():
    m = diverging(lr=1e-3)
    opt, apply, calls = m.optimizer, m.optimizer.apply, []

    def apply_then_blow_up(params, grads):   # sane for 4 steps, 1e200 for the 5th (last)
        calls.append(1)
        if len(calls) == 5:
            opt.learning_rate = 1e200
        apply(params, grads)

    opt.apply = apply_then_blow_up
    with warnings.catch_warnings(), pytest.raises(FloatingPointError) as info:
        warnings.simplefilter("ignore", RuntimeWarning)
        m.fit(X, Y, epochs=1, batch_size=8, shuffle=False)
    assert len(calls) == 5 and "after the last step (epoch 1, batch 5)" in str(info.value)


def test_a_model_that_fit_returns_has_a_finite_loss():
    m = diverging(lr=1e-3)
    m.fit(X, Y, epochs=3, batch_size=8)
    assert np.isfinite(m.evaluate(X, Y))


# --- 4. save and load keep the optimizer's state ------------------------------------------------

@pytest.mark.parametrize("make", [lambda: Adam(0.01), lambda: SGD(0.05, momentum=0.9),
                                  lambda: SGD(0.05)], ids=["adam", "sgd_momentum", "sgd"])
@pytest.mark.parametrize("shuffle", [True, False], ids=["shuffled", "in_order"])
def test_training_resumed_from_a_file_is_bit_for_bit_uninterrupted(tmp_path, make, shuffle):
    m = regressor(optimizer=make())
    m.fit(X, Y, epochs=3, batch_size=8, shuffle=shuffle)
    m.save(str(tmp_path / "m.npz"))
    loaded = nnlib.load_model(str(tmp_path / "m.npz"))
    m.fit(X, Y, epochs=3, batch_size=8, shuffle=shuffle)
    loaded.fit(X, Y, epochs=3, batch_size=8, shuffle=shuffle)
    assert same_weights(m, loaded)
    if isinstance(m.optimizer, Adam):
        assert loaded.optimizer.t == m.optimizer.t == 30


def test_a_file_without_optimizer_state_still_loads(tmp_path):
    """A file as nnlib wrote it before optimizer state was saved: config and w0, w1, ..."""
    m = regressor()
    m.fit(X, Y, epochs=2, batch_size=8)
    path = tmp_path / "old.npz"
    config = m.get_config()
    config.pop("optimizer_state", None)
    config.pop("rng_state", None)
    np.savez(path, config=np.array(json.dumps(config)),
             **{f"w{i}": w for i, w in enumerate(m.get_weights())})
    loaded = nnlib.load_model(str(path))
    assert same_weights(loaded, m)
    assert loaded.optimizer.t == 0 and loaded.optimizer.m is None
    loaded.fit(X, Y, epochs=1, batch_size=8)            # and trains from a fresh Adam


def test_a_model_saved_before_training_loads_and_trains(tmp_path):
    m = regressor()
    m.save(str(tmp_path / "m.npz"))
    loaded = nnlib.load_model(str(tmp_path / "m.npz"))
    m.fit(X, Y, epochs=2, batch_size=8)
    loaded.fit(X, Y, epochs=2, batch_size=8)
    assert same_weights(m, loaded)


# --- 5. the divergence error alone, no RuntimeWarning before it -------------------------------

@pytest.mark.parametrize("batch_size", [64, 8])
def test_divergence_raises_without_a_runtime_warning(batch_size):
    m = Sequential([Dense(8, "relu", input_dim=2), Dense(1)], seed=0)
    m.compile("mse", SGD(10.0))
    Xd = np.random.default_rng(0).normal(size=(64, 2)) * 100
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # any warning fails the test
        with pytest.raises(FloatingPointError):
            m.fit(Xd, Xd.sum(axis=1), epochs=50, batch_size=batch_size)
    assert np.geterr()["over"] == "warn"        # numpy's settings are back as they were


# --- issue 19: nothing given is lost ------------------------------------------------------------

SAVER = r"""
import sys
import numpy as np
from nnlib import Dense, Sequential
path = sys.argv[1]
m = Sequential([Dense(400, input_dim=300), Dense(300)], seed=0)
m.compile("mse", "adam")
print("ready", flush=True)
version = 1
while True:   # save over the same file until killed; version k has every weight equal to k
    m.set_weights([np.full_like(w, version) for w in m.get_weights()])
    m.save(path)
    version += 1
"""


def test_a_save_killed_at_random_points_never_destroys_the_last_good_file(tmp_path):
    import subprocess
    import sys
    import time
    path = tmp_path / "m.npz"
    good = Sequential([Dense(400, input_dim=300), Dense(300)], seed=0)
    good.compile("mse", "adam")
    good.set_weights([np.zeros_like(w) for w in good.get_weights()])
    good.save(str(path))
    rng = np.random.default_rng(0)
    versions, mid_save = [], 0
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.4))   # one save takes ~10-50 ms: kills land anywhere
        child.kill()
        child.wait()
        child.stdout.close()
        weights = nnlib.load_model(str(path)).get_weights()   # loads, whole
        version = weights[0].flat[0]
        assert all(np.all(w == version) for w in weights), "a mix of two saves"
        versions.append(version)
        for left in tmp_path.glob(".saving-*"):   # the kill landed while a save was writing
            mid_save += 1
            left.unlink()
    assert mid_save >= 3 and len(set(versions)) >= 2, (mid_save, versions)


def test_ctrl_c_inside_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    m = regressor()
    m.save(str(path))
    before = path.read_bytes()
    real_savez = np.savez

    def savez_then_interrupt(file, **arrays):
        real_savez(file, **arrays)
        file.write(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", savez_then_interrupt)
    m.fit(X, Y, epochs=1)
    with pytest.raises(KeyboardInterrupt):
        m.save(str(path))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def replay_states(make, X, Y, steps, batch_size):
    """[(weights, optimizer state)] after 0, 1, ..., steps steps without shuffling."""
    m = make()
    batches = [(X[i:i + batch_size], Y[i:i + batch_size]) for i in range(0, len(X), batch_size)]
    states = []
    for step in range(steps + 1):
        states.append((m.get_weights(), m._training_state(False)[1]))
        m.train_step(*batches[step % len(batches)])
    return states


def same_state(a, b):
    (wa, sa), (wb, sb) = a, b
    if not all(np.array_equal(x, y) for x, y in zip(wa, wb)):
        return False
    for key in sa:
        if isinstance(sa[key], list) or isinstance(sb[key], list):
            if sa[key] is None or sb[key] is None or not all(
                    np.array_equal(x, y) for x, y in zip(sa[key], sb[key])):
                return False
        elif sa[key] != sb[key]:
            return False
    return True


@pytest.mark.parametrize("make", [lambda: regressor(8, optimizer=Adam(0.001)),
                                  lambda: regressor(8, optimizer=SGD(0.001, momentum=0.9))],
                         ids=["adam", "sgd_momentum"])
def test_a_real_ctrl_c_during_fit_stops_after_a_whole_step(make):
    import os
    import signal
    import threading
    rng = np.random.default_rng(1)
    for _ in range(8):
        m = make()
        steps = []
        apply = m.optimizer.apply

        def counted(params, grads, apply=apply, steps=steps):
            apply(params, grads)
            steps.append(1)

        m.optimizer.apply = counted
        timer = threading.Timer(rng.uniform(0.02, 0.15), os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            m.fit(X, Y, epochs=100_000, batch_size=8, shuffle=False)
        timer.join()
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        done = len(steps)
        assert len(m.history.epoch) == done // 5        # the complete epochs
        m.optimizer.apply = apply
        expected = replay_states(make, X, Y, done, 8)[done]
        assert same_state((m.get_weights(), m._training_state(False)[1]), expected), done


def test_divergence_mid_epoch_rolls_back_weights_optimizer_and_shuffling():
    make = lambda: regressor(optimizer=Adam(0.01))  # noqa: E731
    m = make()
    opt, apply, calls = m.optimizer, m.optimizer.apply, []

    def blow_up_at_step_33(params, grads):   # epoch 7 of 5 steps, its third step
        calls.append(1)
        if len(calls) == 33:
            opt.learning_rate = 1e200
        apply(params, grads)

    opt.apply = blow_up_at_step_33
    with warnings.catch_warnings(), pytest.raises(FloatingPointError) as info:
        warnings.simplefilter("ignore", RuntimeWarning)
        m.fit(X, Y, epochs=10, batch_size=8)
    done = len(m.history.epoch)   # a copy every 16 steps: at epoch 0, 4, 8...
    assert "epoch 7 (batch 4)" in str(info.value) and done == 4
    assert "back to the end of epoch 4," in str(info.value)
    replay = make()
    replay.fit(X, Y, epochs=done, batch_size=8)
    assert same_weights(m, replay)
    assert m.optimizer.t == replay.optimizer.t == 20
    assert all(np.array_equal(a, b) for a, b in zip(m.optimizer.m, replay.optimizer.m))
    assert m.rng.bit_generator.state == replay.rng.bit_generator.state


@pytest.mark.parametrize("case,cause", [
    ("targets", "targets y are too large"), ("weights", "weights[2] holds NaN"),
    ("inputs", "outputs are too large")])
def test_a_loss_not_finite_before_any_step_names_its_cause_not_the_rate(case, cause):
    m = regressor()
    if case == "inputs":
        m = Sequential([Dense(1, input_dim=3)], seed=0)
        m.compile("mse", "sgd")
    Xc, Yc = X, Y
    if case == "targets":
        Yc = Y * 1e300
    elif case == "weights":
        m.layers[1].kernel[0, 0] = np.nan
    else:
        Xc = X * 1e300
    before = m.get_weights()
    with pytest.raises(FloatingPointError) as info, np.errstate(all="ignore"):
        m.fit(Xc, Yc, epochs=3, batch_size=8)
    message = str(info.value)
    assert cause in message and "learning rate" not in message
    assert "back to where fit started" in message
    after = m.get_weights()   # no step was kept
    assert all(np.array_equal(a, b, equal_nan=True) for a, b in zip(after, before))


def test_predict_from_another_thread_during_fit_is_safe():
    import threading
    m, alone = regressor(), regressor()
    seen, errors, running = [], [], True

    def watch():
        while running:
            try:
                seen.append(m.predict(X))
            except Exception as exc:   # noqa: BLE001 - any exception is the failure
                errors.append(exc)

    watcher = threading.Thread(target=watch)
    watcher.start()
    m.fit(X, Y, epochs=300, batch_size=8)
    running = False
    watcher.join()
    alone.fit(X, Y, epochs=300, batch_size=8)
    assert not errors and len(seen) > 1
    assert same_weights(m, alone)          # the watcher changed nothing
    assert all(p.shape == (40, 1) and np.all(np.isfinite(p)) for p in seen)


def test_a_second_fit_from_another_thread_is_refused():
    import threading
    import time
    m = regressor()
    worker = threading.Thread(target=m.fit, args=(X, Y), kwargs={"epochs": 3000})
    worker.start()
    while m._fit_thread is None and worker.is_alive():
        time.sleep(0.001)
    with pytest.raises(ValueError, match="already running"):
        m.fit(X, Y, epochs=1)
    worker.join()


def test_keras_order_of_fit_predict_and_evaluate():
    a, b = regressor(), regressor()
    history = a.fit(X, Y, 10, 3, 0)                  # batch_size, epochs, verbose
    b.fit(X, Y, batch_size=10, epochs=3)
    assert len(history.epoch) == 3 and same_weights(a, b)
    assert np.array_equal(a.predict(X, 7), a.predict(X))
    assert a.evaluate(X, Y, 7, 0) == a.evaluate(X, Y)
    with pytest.raises(TypeError):
        a.evaluate(X, Y, None, 0, True)               # Keras' 5th is sample_weight: no guessing


def test_validation_split_takes_the_last_samples_as_keras():
    a, b = regressor(), regressor()
    ha = a.fit(X, Y, epochs=3, batch_size=8, validation_split=0.2)
    hb = b.fit(X[:32], Y[:32], epochs=3, batch_size=8, validation_data=(X[32:], Y[32:]))
    assert same_weights(a, b) and ha.history == hb.history
