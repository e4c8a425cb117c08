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
