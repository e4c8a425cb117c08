"""nnlib.plotting: every picture draws on fake models, returns its Axes/Figure, and refuses bad
input with a clear message."""
import os

os.environ.setdefault("MPLBACKEND", "Agg")  # before matplotlib is imported: no windows

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from nnlib import plotting  # noqa: E402
from nnlib.errors import NNLibTypeError, NNLibValueError  # noqa: E402


class TinyNet:
    """A 2-3-1 network with tanh hidden units and a sigmoid output, weights fixed by hand."""

    def __init__(self):
        self.W1 = np.array([[1.0, -2.0, 0.5], [0.5, 1.0, -1.0]])
        self.b1 = np.array([0.1, -0.2, 0.0])
        self.W2 = np.array([[2.0], [-1.0], [0.25]])
        self.b2 = np.array([-0.3])

    def get_weights(self):
        return [self.W1, self.b1, self.W2, self.b2]

    def predict(self, X):
        hidden = np.tanh(X @ self.W1 + self.b1)
        return 1 / (1 + np.exp(-(hidden @ self.W2 + self.b2)))  # (n, 1)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def points():
    X = np.array([[-1.0, -1.0], [-0.5, 0.2], [0.3, 0.8], [1.0, 1.0], [0.8, -0.4], [-0.2, -0.9]])
    y = np.array([0, 0, 1, 1, 1, 0])
    return X, y


# --- decision boundaries -----------------------------------------------------------------------

def test_decision_boundary_of_a_model(points):
    X, y = points
    ax = plotting.plot_decision_boundary(TinyNet(), X, y, resolution=20, title="2-3-1")
    assert isinstance(ax, Axes)
    assert ax.get_title() == "2-3-1"
    assert len(ax.collections) >= 2  # the filled regions and the points


def test_decision_boundary_draws_on_the_given_axes(points):
    X, y = points
    _, ax = plt.subplots()
    assert plotting.plot_decision_boundary(lambda Z: Z[:, 0], X, y, ax=ax, resolution=10) is ax


@pytest.mark.parametrize("y", [[0, 0, 1, 1, 1, 0], [[0], [0], [1], [1], [1], [0]],
                               np.eye(2)[[0, 0, 1, 1, 1, 0]], [0.0, 0, 1, 1, 1, 0]])
def test_decision_boundary_accepts_the_usual_label_shapes(points, y):
    X, _ = points
    plotting.plot_decision_boundary(TinyNet(), X, y, resolution=10)


def test_predicted_classes_from_each_output_shape():
    X = np.array([[-1.0, 0.0], [0.2, 0.0], [0.9, 0.0]])
    classes = plotting._predicted_classes
    np.testing.assert_array_equal(classes(lambda Z: Z[:, 0], X, 0.5), [0, 0, 1])  # (n,)
    np.testing.assert_array_equal(classes(lambda Z: Z[:, :1], X, 0.5), [0, 0, 1])  # (n, 1)
    np.testing.assert_array_equal(classes(lambda Z: Z[:, 0], X, 0.0), [0, 1, 1])  # threshold
    scores = lambda Z: np.column_stack([-Z[:, 0], np.zeros(len(Z)), Z[:, 0] - 0.5])  # noqa: E731
    np.testing.assert_array_equal(classes(scores, X, 0.5), [0, 1, 2])  # (n, k): argmax
    labels = lambda Z: np.array([2, 0, 1])  # noqa: E731 (integer output: already labels)
    np.testing.assert_array_equal(classes(labels, X, 0.5), [2, 0, 1])


def test_keras_style_predict_is_called_quietly(points):
    class Quiet:
        def predict(self, X, verbose="auto"):
            assert verbose == 0
            return np.zeros(len(X))

    plotting.plot_decision_boundary(Quiet(), *points, resolution=5)


@pytest.mark.parametrize("X", [np.zeros((6, 3)), np.zeros(6), np.zeros((6, 1))])
def test_decision_boundary_refuses_X_that_is_not_n_by_2(X, points):
    with pytest.raises(NNLibValueError, match=r"X must|\(n_samples, 2\)"):
        plotting.plot_decision_boundary(TinyNet(), X, points[1])


def test_decision_boundary_refuses_bad_y_and_bad_models(points):
    X, y = points
    with pytest.raises(NNLibValueError, match=r"y must have shape \(6,\)"):
        plotting.plot_decision_boundary(TinyNet(), X, y[:4])
    with pytest.raises(NNLibValueError, match="class labels"):
        plotting.plot_decision_boundary(TinyNet(), X, y + 0.5)
    with pytest.raises(NNLibTypeError, match=r"\.predict\(X\) or a function"):
        plotting.plot_decision_boundary("model", X, y)
    with pytest.raises(NNLibValueError, match="output for 25 points has shape"):
        plotting.plot_decision_boundary(lambda Z: np.zeros(3), X, y, resolution=5)
    with pytest.raises(NNLibValueError, match="resolution"):
        plotting.plot_decision_boundary(TinyNet(), X, y, resolution=0)


def test_boundary_grid_has_one_panel_per_model(points):
    X, y = points
    models = [TinyNet(), lambda Z: Z[:, 1], lambda Z: Z[:, 0]]
    fig = plotting.plot_boundary_grid(models, X, y, titles=["a", "b", "c"], ncols=2,
                                      resolution=10)
    assert isinstance(fig, Figure)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["a", "b", "c"]
    assert len(fig.axes) == 4  # 2 x 2, the last one hidden


def test_boundary_grid_refuses_a_wrong_number_of_titles(points):
    with pytest.raises(NNLibValueError, match="one title per model"):
        plotting.plot_boundary_grid([TinyNet(), TinyNet()], *points, titles=["only one"])
    with pytest.raises(NNLibValueError, match="at least one model"):
        plotting.plot_boundary_grid([], *points)


# --- training curves ---------------------------------------------------------------------------

def test_history_from_a_list_a_dict_and_a_history_object():
    ax = plotting.plot_history([3.0, 2.0, 1.5])
    assert isinstance(ax, Axes)
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])

    class FakeHistory:
        history = {"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "mae": [0.9, 0.6]}

    ax = plotting.plot_history(FakeHistory(), logy=True)
    assert [line.get_label() for line in ax.lines] == ["loss", "val_loss", "mae"]
    assert ax.get_yscale() == "log"
    loss, val_loss, _ = ax.lines
    assert val_loss.get_color() == loss.get_color() and val_loss.get_linestyle() == "--"

    ax = plotting.plot_history(FakeHistory.history, keys="mae")
    assert [line.get_label() for line in ax.lines] == ["mae"] and ax.get_ylabel() == "mae"


def test_history_allows_a_diverged_loss():
    plotting.plot_history({"loss": [1.0, 1e10, float("nan")]})


def test_history_errors():
    with pytest.raises(NNLibValueError, match=r"no \['val_loss'\].*\['loss'\]"):
        plotting.plot_history({"loss": [1.0]}, keys=["val_loss"])
    with pytest.raises(NNLibValueError, match="empty"):
        plotting.plot_history({})
    with pytest.raises(NNLibTypeError, match="History"):
        plotting.plot_history(42)


# --- the network -------------------------------------------------------------------------------

def weight_lines(ax):
    """The LineCollection draw_network puts the weights in."""
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    return lines


def test_draw_network_one_line_per_weight():
    net = TinyNet()
    ax = plotting.draw_network(net)
    assert isinstance(ax, Axes)
    lines = weight_lines(ax)
    assert len(lines.get_segments()) == 9  # 2*3 + 3*1 weights
    assert max(lines.get_linewidths()) == pytest.approx(4.5)  # the largest |w| (2.0 and -2.0)
    weights = np.concatenate([net.W1.ravel(), net.W2.ravel()])  # drawn in this order
    expected = [plotting.POSITIVE_COLOR if w >= 0 else plotting.NEGATIVE_COLOR for w in weights]
    np.testing.assert_allclose(lines.get_colors(), [to_rgba(c, alpha=0.7) for c in expected])
    texts = [text.get_text() for text in ax.texts]
    assert "-2" in texts and "-0.3" in texts  # a weight label and the output bias


def test_draw_network_takes_a_list_of_weights_and_large_nets():
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(64, 16)), rng.normal(size=16),
               rng.normal(size=(16, 10)), rng.normal(size=10)]
    ax = plotting.draw_network(weights)
    assert len(weight_lines(ax).get_segments()) == 64 * 16 + 16 * 10
    assert not any(text.get_text() == f"{weights[0][0, 0]:.2g}" for text in ax.texts)


def test_draw_network_with_an_nnlib_model():
    from nnlib.layers import Dense
    from nnlib.model import Sequential

    model = Sequential([Dense(3, activation="sigmoid", input_dim=2), Dense(1)], seed=0)
    assert len(weight_lines(plotting.draw_network(model)).get_segments()) == 9


def test_works_with_a_keras_model(points, capsys):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(3, activation="tanh"),
                              keras.layers.Dense(2, activation="softmax")])
    assert len(weight_lines(plotting.draw_network(model)).get_segments()) == 2 * 3 + 3 * 2
    capsys.readouterr()
    plotting.plot_decision_boundary(model, *points, resolution=10)
    assert capsys.readouterr().out == ""  # predict(..., verbose=0): no progress bar


@pytest.mark.parametrize("weights, message", [
    ([np.zeros((2, 3))], "kernel, bias pairs"),
    ([np.zeros((2, 3)), np.zeros(2)], r"Layer 1: .* got shapes \(2, 3\) and \(2,\)"),
    ([np.zeros((2, 3)), np.zeros(3), np.zeros((4, 1)), np.zeros(1)],
     r"Layer 2's kernel \(4, 1\) takes 4 inputs, but layer 1 has 3 units"),
])
def test_draw_network_refuses_weights_that_do_not_fit(weights, message):
    with pytest.raises(NNLibValueError, match=message):
        plotting.draw_network(weights)


def test_draw_network_refuses_something_else():
    with pytest.raises(NNLibTypeError, match="get_weights"):
        plotting.draw_network("model")


# --- regression --------------------------------------------------------------------------------

def test_predictions_against_truth():
    y_true = np.array([1.0, 2.0, 3.0])
    ax = plotting.plot_predictions(y_true, y_true.reshape(-1, 1) + 0.1)
    assert isinstance(ax, Axes)
    line = ax.lines[0]  # y = x over the whole range
    np.testing.assert_allclose(line.get_xdata(), [1.0, 3.1])
    np.testing.assert_allclose(line.get_ydata(), [1.0, 3.1])


def test_predictions_must_match_in_length():
    with pytest.raises(NNLibValueError, match=r"y_pred must have shape \(3,\) or \(3, 1\)"):
        plotting.plot_predictions([1.0, 2.0, 3.0], [1.0, 2.0])
