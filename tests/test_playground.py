"""The playground, headless: the same object trains and draws without a front end."""
import subprocess
import sys

import numpy as np
import pytest

from nnlib.errors import NNLibValueError
from nnlib.playground import Playground
from nnlib.playground.data import DATASETS, features, from_arrays, make_data


def test_import_nnlib_does_not_load_the_playground_or_its_libraries():
    code = ("import sys, nnlib; bad = [m for m in sys.modules if m.split('.')[0] in "
            "('matplotlib', 'PIL', 'sklearn', 'ipywidgets') or m.startswith('nnlib.playground.')]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize("name", DATASETS)
def test_every_data_set_has_two_features_two_classes_and_a_split(name):
    data = make_data(name, n=60, noise=0.1, seed=1)
    for X, y in ((data.X_train, data.y_train), (data.X_test, data.y_test)):
        assert X.ndim == 2 and X.shape[1] == 2 and y.shape == (len(X), 1)
        assert set(np.unique(y)) <= {0.0, 1.0}
    assert len(data.X_train) + len(data.X_test) == 60
    assert len(np.unique(np.vstack([data.y_train, data.y_test]))) == 2


def test_xor_without_noise_is_the_lessons_table():
    data = make_data("xor", n=4, noise=0.0)
    assert np.array_equal(data.X_train, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert np.array_equal(data.y_train.ravel(), [0, 1, 1, 0])


def test_derived_features():
    X = np.array([[2.0, 3.0]])
    got = features(X, ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"])
    assert np.allclose(got, [[2, 3, 4, 9, 6, np.sin(2), np.sin(3)]])
    with pytest.raises(NNLibValueError, match="features must be"):
        features(X, ["x3"])


def test_step_adds_exactly_one_epoch_and_reset_returns_to_zero():
    pg = Playground(data="moons", n=80, hidden=[3])
    first = [w.copy() for w in pg.model.get_weights()]
    pg.step()
    assert pg.epoch == 1 and len(pg.history.history["loss"]) == 1
    pg.step("batch")
    assert pg.epoch == 1 and pg.batches == 1 + 4   # 4 batches of 10 in the epoch, then one
    pg.train(5)
    assert pg.epoch == 6
    pg.reset()
    assert pg.epoch == 0 and pg.history.history == {}
    assert all(np.array_equal(a, b) for a, b in zip(first, pg.model.get_weights()))


def test_training_learns_xor():
    pg = Playground(data="xor", n=4, noise=0.0, hidden=[4], activation="sigmoid",
                    learning_rate=3.0, batch_size=4)
    pg.train(2000)
    assert pg.accuracy("train") == 1.0, pg.caption()


def test_code_builds_and_trains_the_same_network():
    pg = Playground(data="circles", n=100, hidden=[5, 3], activation="relu", l2=0.001,
                    optimizer="adam", learning_rate=0.01, batch_size=7, seed=3)
    pg.train(4)
    namespace = {}
    exec(pg.code(), namespace)
    for ours, theirs in zip(pg.model.get_weights(), namespace["model"].get_weights()):
        assert np.array_equal(ours, theirs)


def test_settings_round_trip():
    pg = Playground(data="spiral", hidden=[8, 8], features=["x1", "x2", "x1*x2"], l2=0.01)
    again = Playground(**pg.settings)
    assert again.settings == pg.settings
    namespace = {"Playground": Playground}
    exec(pg.settings_code(), namespace)
    assert namespace["pg"].settings == pg.settings


def test_a_training_setting_keeps_the_weights_a_network_setting_starts_again():
    pg = Playground(data="moons", n=80, hidden=[4]).train(3)
    pg.set(learning_rate=0.1, batch_size=20, l2=0.01)
    assert pg.epoch == 3 and pg.model.optimizer.learning_rate == 0.1
    pg.set(optimizer="adam")
    assert pg.epoch == 3 and type(pg.model.optimizer).__name__ == "Adam"
    pg.set(hidden=[2, 2])
    assert pg.epoch == 0 and [layer.units for layer in pg.model.layers] == [2, 2, 1]
    before = pg.data.X_train.copy()
    pg.set(data="spiral")
    assert pg.data.name == "spiral" and not np.array_equal(before, pg.data.X_train[:len(before)])


def test_own_data_and_regression():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (60, 2))
    y = X[:, 0] ** 2 + X[:, 1]
    pg = Playground(data=(X, y), problem="regression", hidden=[6], learning_rate=0.03)
    loss_before = pg.model.evaluate(pg.inputs(pg.data.X_train), pg.data.y_train)
    pg.train(100)
    assert pg.history.history["loss"][-1] < loss_before / 2
    assert "your own" in pg.settings["data"]
    with pytest.raises(NNLibValueError, match=r"shape \(n, 2\)"):
        from_arrays(np.zeros((5, 3)), np.zeros(5))


def test_divergence_stops_and_says_so():
    pg = Playground(data="moons", problem="regression", hidden=[8], learning_rate=10.0,
                    batch_size=1)
    pg.train(50)
    assert pg.status.startswith("diverged") and pg.epoch < 50


@pytest.mark.parametrize("settings", [dict(hidden=[9]), dict(hidden=[1] * 5), dict(data="iris"),
                                      dict(activation="softsign"), dict(batch_size=0),
                                      dict(learning_rate=0), dict(colour="red")])
def test_bad_settings_are_refused_clearly(settings):
    with pytest.raises(NNLibValueError):
        Playground(**settings)


def test_pictures_and_figure():
    pg = Playground(data="moons", n=80, hidden=[4, 2]).train(2)
    pictures = pg.pictures()
    assert set(pictures) == {"boundary", "loss", "units", "network"}
    units = np.asarray(pictures["units"])
    assert units.shape[0] >= 4 * 30 and units.shape[1] == 2 * 30 + 6   # 4 rows, 2 layers
    fig = pg.figure()
    assert "epoch 2" in fig._suptitle.get_text()
    bundle = pg._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_boundary_picture_changes_as_it_learns():
    pg = Playground(data="moons", n=100, hidden=[4])
    before = np.asarray(pg.pictures()["boundary"]).astype(int)
    pg.train(20)
    after = np.asarray(pg.pictures()["boundary"]).astype(int)
    assert np.abs(after - before).mean() > 1


def test_the_live_model_converts_to_keras():
    pytest.importorskip("keras")
    import nnlib

    pg = Playground(data="circles", n=60, hidden=[4, 4], l2=0.001, optimizer="adam",
                    learning_rate=0.01).train(3)
    keras_model = nnlib.to_keras(pg.model)
    X = pg.inputs(pg.data.X_test)
    assert nnlib.keras_bridge.compare(pg.model, keras_model, X) < 1e-12


def test_a_click_redraws_the_controls_and_code_also_the_still_picture():
    pytest.importorskip("ipywidgets")

    class Handle:   # stands for IPython's DisplayHandle of the output
        updates = 0

        def update(self, bundle, raw=False):
            Handle.updates += 1
            assert "image/png" in bundle

    pg = Playground(data="moons", n=60, hidden=[3])
    pg.widget()
    pg._display = Handle()
    ui = pg._ui
    ui.step.click()                        # a click: the controls move on, the output stays
    ui.controls["learning_rate"].value = 0.1
    assert pg.epoch == 1 and pg.model.optimizer.learning_rate == 0.1
    assert Handle.updates == 0
    pg.train(2)                            # from code: the still picture follows
    assert pg.epoch == 3 and Handle.updates == 1
    assert "epoch 3" in ui.epoch.value
