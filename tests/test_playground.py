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
    with pytest.raises(NNLibValueError, match="Unknown input .x3. in features"):
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
    X_again, y_again = pg.settings["data"]   # the numbers themselves: Playground(**settings)
    assert np.array_equal(X_again, X) and np.array_equal(y_again.ravel(), y)
    assert "data=(X, y)" in pg.settings_code()
    with pytest.raises(NNLibValueError, match=r"shape \(n, 2\)"):
        from_arrays(np.zeros((5, 3)), np.zeros(5))


def test_divergence_stops_says_so_and_is_undone():
    pg = Playground(data="moons", problem="regression", hidden=[8], learning_rate=3.0,
                    batch_size=1)
    pg.train(50)
    assert pg.status.startswith("diverged") and pg.epoch < 50
    # what the playground shows is the network before the epoch that diverged
    again = Playground(**pg.settings).train(pg.epoch)
    assert all(np.array_equal(a, b) for a, b in zip(pg.model.get_weights(),
                                                     again.model.get_weights()))
    epoch = pg.epoch
    pg.train(5)
    assert pg.epoch == epoch, "training waits after a divergence"
    pg.set(learning_rate=0.01)   # a training setting changed: it trains on
    assert pg.status == "" and pg.train(3).epoch == epoch + 3


@pytest.mark.parametrize("settings", [dict(hidden=[9]), dict(hidden=[1] * 5), dict(data="iris"),
                                      dict(activation="softsign"), dict(batch_size=0),
                                      dict(learning_rate=0), dict(colour="red"),
                                      dict(hidden=4.0), dict(hidden=True), dict(hidden="4"),
                                      dict(features=[]), dict(features=["x1", "x1"]),
                                      dict(learning_rate="0.1"), dict(seed=-1), dict(n=3),
                                      dict(noise=float("nan")), dict(test_fraction=1.0),
                                      dict(data=None), dict(data=np.zeros((10, 3)))])
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


# --- after a divergence: it draws, Play stops, the numbers read ---------------------------------

def diverging():
    return Playground(data="moons", problem="regression", hidden=[8], learning_rate=10.0,
                      batch_size=1)


def test_a_diverged_network_draws_veiled_and_says_so():
    pg = diverging()
    before = np.asarray(pg.pictures()["boundary"]).astype(int)
    pg.train(5)
    assert pg.status.startswith("diverged in epoch 1") and "Lower the learning rate" in pg.status
    after = np.asarray(pg.pictures()["boundary"]).astype(int)   # the same weights, veiled
    assert np.abs(after - before).mean() > 20
    assert pg._snapshot().size[0] > 0 and pg.figure() is not None


def test_nan_weights_draw_grey_and_caption_says_nan():
    pg = Playground(data="moons", n=60, hidden=[3, 2])
    for weights in pg.model.params:   # as a diverged fit may leave them (set_weights refuses)
        weights[...] = np.nan
    boundary = np.asarray(pg.pictures()["boundary"])   # no "cannot convert float NaN to integer"
    assert (boundary == [190, 190, 190]).all(axis=2).mean() > 0.5   # grey where ŷ is NaN
    pg.train(2)
    assert pg.epoch == 0 and pg.status.startswith("cannot train")
    assert "train loss nan" in pg.caption() and "Reset" in pg.caption()
    pg.pictures()
    for weights in pg.model.params:
        weights[...] = 1e300
    pg.pictures()
    assert pg.reset().train(1).epoch == 1


def test_caption_numbers_are_for_people():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (40, 2))
    pg = Playground(data=(X, 1e15 * X[:, 0]), problem="regression", hidden=[2])
    caption = pg.caption()
    assert "e+" in caption and len(caption) < 120, caption
    losses = caption.split("train loss ")[1].split(" ")[0]
    assert len(losses) <= len("1.23e+30"), caption
    xor = Playground(data="xor", n=4, noise=0.0, hidden=[4], activation="sigmoid",
                     learning_rate=1.0, batch_size=4).train(3)
    assert "the 4 points are both train and test" in xor.caption()
    assert xor.history.history["loss"] == xor.history.history["val_loss"]   # the same points


def test_play_stops_on_divergence_with_the_button_back_on_play():
    pytest.importorskip("ipywidgets")
    import asyncio

    pg = diverging()
    pg.widget()
    ui = pg._ui

    async def press_play():
        ui.play.value = True
        assert ui.play.description == "Pause"
        await asyncio.wait_for(ui._task, 30)

    asyncio.run(press_play())
    assert pg.status.startswith("diverged")
    assert ui.play.value is False and ui.play.description == "Play" and not ui.playing
    assert "diverged" in ui.epoch.value


def test_play_stops_cleanly_on_an_error_and_says_it():
    pytest.importorskip("ipywidgets")
    import asyncio

    pg = Playground(data="moons", n=60, hidden=[3])
    pg.widget()
    ui = pg._ui

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    pg.frame = broken

    async def press_play():
        ui.play.value = True
        await asyncio.wait_for(ui._task, 30)

    asyncio.run(press_play())
    assert ui.play.description == "Play" and "a bug" in ui.message.value


# --- settings as a student writes them ------------------------------------------------------------

def own(seed, n=40):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def test_set_own_data_after_other_own_data():
    pg = Playground(data=own(0), hidden=[3]).train(2)
    X, y = own(1, n=50)
    pg.set(data=(X, y))
    assert pg.epoch == 0 and len(pg.data.X_all) == 50
    pg.set(data=(X.copy(), y.copy()))   # the same numbers: nothing to start again
    pg.set(data="circles")
    pg.set(data=own(2))


@pytest.mark.parametrize("bad", [
    dict(data=(np.zeros((5, 3)), np.zeros(5))), dict(data=(np.zeros((5, 2)), np.zeros(4))),
    dict(data=(np.full((6, 2), np.nan), np.zeros(6))), dict(data=(np.zeros((6, 2)), [0, 1, 2] * 2)),
    dict(data=(np.zeros((6, 2)), ["a"] * 6)), dict(hidden=[9]), dict(learning_rate=-1),
    dict(features=["x3"]), dict(data="spiral", n=2), dict(problem="clustering")])
def test_a_refused_setting_changes_nothing(bad):
    pg = Playground(data=own(0), hidden=[3], learning_rate=0.1).train(3)
    settings, code, weights = pg.settings, pg.code(), pg.model.get_weights()
    X_train = pg.data.X_train.copy()
    with pytest.raises(NNLibValueError):
        pg.set(**bad)
    assert str(pg.code()) == str(code) and np.array_equal(pg.data.X_train, X_train)
    assert all(np.array_equal(a, b) for a, b in zip(weights, pg.model.get_weights()))
    assert pg.settings.keys() == settings.keys() and pg.settings["hidden"] == [3]
    pg.train(1)   # and it goes on as before
    assert pg.epoch == 4


def test_data_forms_a_student_tries():
    pd = pytest.importorskip("pandas")
    X, y = own(0)
    df = pd.DataFrame({"a": X[:, 0], "b": X[:, 1], "label": y})
    with pytest.raises(NNLibValueError, match=r"data=\(df\[\['a', 'b'\]\], df\['label'\]\)"):
        Playground(data=df)
    pg = Playground(data=(df[["a", "b"]], df["label"]))   # what the message says works
    assert np.array_equal(pg.data.X_all[np.argsort(pg.data.X_all[:, 0])],
                          X[np.argsort(X[:, 0])])
    with pytest.raises(NNLibValueError, match="a tuple of 3 items"):
        Playground(data=(X, y, y))
    with pytest.raises(NNLibValueError, match="must hold the classes 0 and 1"):
        Playground(data=(X, y + 1))
    assert Playground(data=(X.tolist(), y.tolist())).data.X_all.shape == (40, 2)


def test_hidden_and_features_as_a_student_writes_them():
    assert Playground(hidden=4).settings["hidden"] == [4]
    assert Playground(hidden=np.array([3, 2])).settings["hidden"] == [3, 2]
    with pytest.raises(NNLibValueError, match="epochs must be a whole number"):
        Playground().train("10")
    assert [layer.units for layer in Playground(hidden=0).model.layers] == [1]
    assert Playground(features="x1").settings["features"] == ["x1"]
    pg = Playground(data="circles", features=["x1²", "x2²", "x1·x2"], hidden=[])
    assert pg.settings["features"] == ["x1^2", "x2^2", "x1*x2"]
    X = np.array([[2.0, 3.0]])
    assert np.array_equal(features(X, ["x1**2", "X2^2", "x1 × x2", "sin x1"]),
                          features(X, ["x1^2", "x2^2", "x1*x2", "sin(x1)"]))


def test_each_data_set_keeps_its_own_n_and_noise():
    pg = Playground(data="xor", n=4, noise=0.0, hidden=[4], activation="sigmoid")   # lesson 03
    pg.set(data="spiral")
    assert len(pg.data.X_all) == 200 and pg.settings["noise"] == 0.1   # the spiral's own
    pg.set(noise=0.3)
    pg.set(data="xor")
    assert len(pg.data.X_train) == 4 and pg.settings["noise"] == 0.0
    pg.set(data="spiral")
    assert pg.settings["noise"] == 0.3   # as it was left
    pg.set(data="moons", n=50)
    assert len(pg.data.X_all) == 50 and pg.settings["noise"] == 0.2
    assert Playground(data="circles").settings["noise"] == 0.1
    for noise in (0.1, 0.2):   # the pasted line starts the same playground
        namespace = {"Playground": Playground}
        exec(Playground(data="circles", noise=noise).settings_code(), namespace)
        assert namespace["pg"].settings["noise"] == noise


# --- the code behind it -----------------------------------------------------------------------

def rebuilt(pg, **names):
    namespace = dict(names)
    exec(pg.code(), namespace)
    return namespace["model"]


def same_weights(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights()))


@pytest.mark.parametrize("moves", [
    [("train", 3), ("set", dict(learning_rate=0.3)), ("train", 2)],
    [("train", 2), ("set", dict(optimizer="adam")), ("train", 2),
     ("set", dict(optimizer="sgd", learning_rate=0.1)), ("train", 1)],
    [("train", 2), ("set", dict(l2=0.01)), ("train", 2), ("set", dict(l2=0.0)), ("train", 1)],
    [("train", 1), ("set", dict(batch_size=25)), ("train", 2)],
    [("batch", 3), ("train", 1), ("batch", 1), ("set", dict(batch_size=7)), ("batch", 2)],
    [("set", dict(learning_rate=0.5, optimizer="adam")), ("train", 2)],
    [("train", 2), ("set", dict(learning_rate=30.0)), ("train", 3),
     ("set", dict(learning_rate=0.1)), ("train", 2)],   # diverged, undone, trained on
])
def test_code_rebuilds_the_model_after_changes_mid_training(moves):
    pg = Playground(data="moons", n=100, hidden=[5, 3], learning_rate=0.03, batch_size=10,
                    seed=2)
    for move, arg in moves:
        if move == "train":
            pg.train(arg)
        elif move == "batch":
            for _ in range(arg):
                pg.step("batch")
        else:
            pg.set(**arg)
    code = pg.code()
    assert "NOTE" not in code
    assert same_weights(pg.model, rebuilt(pg))


def test_code_with_own_data_and_when_it_cannot():
    X, y = own(3)
    pg = Playground(data=(X, y), hidden=[3]).train(2)
    assert same_weights(pg.model, rebuilt(pg, X=X, y=y))
    pg.model.set_weights([w * 2 for w in pg.model.get_weights()])
    assert "NOTE: pg.model's weights were changed outside the playground" in pg.code()


def test_code_shows_once_as_the_last_line_of_a_cell(capsys):
    pytest.importorskip("IPython")
    from IPython.core.formatters import PlainTextFormatter

    pg = Playground(hidden=[2]).train(1)
    code = pg.code()
    assert capsys.readouterr().out == ""   # not printed as well
    assert repr(code) == str(code) and PlainTextFormatter()(code) == str(code)
    assert str(code).startswith("import nnlib") and "epochs=1, batch_size=10" in code


# --- frames for a book, colours ----------------------------------------------------------------

def test_frames_records_pictures_at_chosen_epochs():
    pg = Playground(data="moons", n=60, hidden=[3])
    frames = pg.frames(20, 5)
    assert [f.epoch for f in frames] == [0, 5, 10, 15, 20] and pg.epoch == 20
    assert frames[0].png().startswith(b"\x89PNG") and "epoch 20" in frames[-1].caption
    assert frames[0].image.size == frames[-1].image.size
    boundary = pg.frames(at=[20, 22, 30], picture="boundary")
    assert [f.epoch for f in boundary] == [20, 22, 30] and boundary[0].image.size == (260, 260)
    four = pg.frames(at=[31], picture="all")[0]
    assert set(four.png()) == {"boundary", "loss", "units", "network"} and four.epoch == 31
    with pytest.raises(NNLibValueError, match="before the current epoch"):
        pg.frames(at=[3])
    stopped = diverging().frames(10, 3)
    assert [f.epoch for f in stopped] == [0, 0] and "diverged" in stopped[-1].caption


def test_colours_are_okabe_ito_with_a_second_sign():
    from nnlib.playground import pictures

    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    layer = np.asarray(pictures.points((-1, 2, -1, 2), (X, np.array([[0.0], [1.0]])),
                                       (X[:0], np.zeros((0, 1)))))
    colours = {tuple(c) for c in layer[layer[..., 3] > 0][:, :3].tolist()}
    assert (0, 114, 178) in colours and (230, 159, 0) in colours
    # a class-0 triangle has its widest row at the bottom, a class-1 circle in the middle
    blue = (layer[..., :3] == (0, 114, 178)).all(axis=2)
    orange = (layer[..., :3] == (230, 159, 0)).all(axis=2)
    assert blue.sum(axis=1).argmax() < np.nonzero(blue.any(axis=1))[0].max() - 1
    rows = np.nonzero(orange.any(axis=1))[0]
    assert orange.sum(axis=1).argmax() >= rows.max() - 2
    # a negative weight is dashed: gaps along its line; a positive one is solid
    for sign, solid in ((1.0, True), (-1.0, False)):
        image = np.asarray(pictures.network([np.array([[sign]])], [np.zeros(1)], ["x1"]))
        row = image[111, 40:320]   # the line from the input to the output node, y = 111
        coloured = ~(row == 255).all(axis=1)
        assert coloured.all() == solid, sign


def test_the_controls_show_the_settings_in_use():
    pytest.importorskip("ipywidgets")
    pg = Playground(data="moons", n=200, test_fraction=0.5, hidden=[3], batch_size=100)
    pg.widget()
    c = pg._ui.controls
    assert c["batch_size"].value == 100 and c["batch_size"].max == 100   # lesson 06
    pg.set(batch_size=500)
    assert pg._batch_size() == 100 and c["batch_size"].value == 100
    pg.set(data="spiral", learning_rate=0.05, features="x1²")
    assert c["data"].value == "spiral" and c["learning_rate"].value == 0.05
    assert c["features"].value == ("x1^2",)
    c["seed"].value = -3   # refused: said, and the control shows the seed in use
    assert pg.settings["seed"] == 0 and c["seed"].value == 0
    assert "seed must be" in pg._ui.message.value


def test_an_interrupt_leaves_the_last_whole_epoch():
    pg = Playground(data="moons", n=100, hidden=[4]).train(3)
    weights = pg.model.get_weights()
    fit = pg.model.fit

    def interrupted(X, y, **kwargs):   # a Ctrl+C halfway through an epoch's steps
        kwargs["epochs"] = 1
        fit(X[:50], y[:50], **{**kwargs, "shuffle": False})
        raise KeyboardInterrupt

    pg.model.fit = interrupted
    with pytest.raises(KeyboardInterrupt):
        pg.train(5)
    del pg.model.fit
    assert pg.epoch == 3 and same_weights_as(pg.model, weights)
    assert "NOTE" not in pg.code() and same_weights(pg.model, rebuilt(pg))


def same_weights_as(model, weights):
    return all(np.array_equal(a, b) for a, b in zip(model.get_weights(), weights))
