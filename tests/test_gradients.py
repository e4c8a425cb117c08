"""Every activation x loss x layer option, gradient-checked in float64 on hypothesis' shapes.

Backpropagation (model.compute_gradients) must agree with centred differences to a relative
error below 1e-7. Cross-entropies need probabilities, so their output activation is sigmoid
(binary) or softmax (categorical); every activation is used as the hidden one.
"""
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nnlib import Dense, Sequential, activations, gradcheck, losses

ACTIVATIONS = sorted(activations.ACTIVATIONS)
COMBOS = [("mse", out) for out in ACTIVATIONS] + [
    ("binary_crossentropy", "sigmoid"),
    ("categorical_crossentropy", "softmax"),
    ("sparse_categorical_crossentropy", "softmax"),
    ("categorical_crossentropy", "sigmoid"),   # not fused: goes through the probability gradient
    ("binary_crossentropy", "softmax"),
]

shapes = st.fixed_dictionaries({
    "n": st.integers(1, 6), "n_in": st.integers(1, 4), "hidden": st.integers(1, 5),
    "k": st.integers(1, 4), "seed": st.integers(0, 2**16), "use_bias": st.booleans(),
    "l2": st.sampled_from([None, "l2"]),
})


def make_targets(loss, n, k, rng):
    if loss == "sparse_categorical_crossentropy":
        return rng.integers(0, k, size=n)
    if loss == "categorical_crossentropy":
        return np.eye(k)[rng.integers(0, k, size=n)]
    if loss == "binary_crossentropy":
        return rng.integers(0, 2, size=(n, k)).astype(float)
    return rng.normal(size=(n, k))


@pytest.mark.parametrize("hidden_activation", ACTIVATIONS)
@pytest.mark.parametrize("loss,output_activation", COMBOS)
# Draws with a relu near its kink are filtered out (below): with two relu layers that is many.
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(shape=shapes)
def test_backprop_matches_numerical_gradient(hidden_activation, loss, output_activation, shape):
    rng = np.random.default_rng(shape["seed"])
    k = shape["k"]
    if k == 1 and (output_activation == "softmax" or "categorical" in loss):
        k = 2   # refused at compile: a softmax, or a row of probabilities, over one unit is 1
    hidden = max(shape["hidden"], 2 if hidden_activation == "softmax" else 1)
    model = Sequential([
        Dense(hidden, activation=hidden_activation, input_dim=shape["n_in"],
              use_bias=shape["use_bias"], kernel_regularizer=shape["l2"]),
        Dense(k, activation=output_activation, bias_initializer="random_normal"),
    ], seed=shape["seed"])
    model.compile(loss=loss, optimizer="sgd")
    X = rng.normal(size=(shape["n"], shape["n_in"]))
    y = make_targets(loss, shape["n"], k, rng)
    model.forward(X)
    # relu has no derivative at 0: skip draws with a pre-activation within the stencil's reach
    # (check_model's step h = 1e-4 moves a pre-activation by about h * |x| < 1e-3; 0.01 leaves
    # a margin of ten and filters far fewer draws than 0.05 did).
    assume(all(np.min(np.abs(layer.z)) > 0.01 for layer in model.layers
               if layer.activation.name == "relu"))
    assert gradcheck.check_model(model, X, y) < 1e-7


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_derivative_matches_numerical(name):
    act = activations.get(name)
    rng = np.random.default_rng(0)
    z = rng.normal(size=(5, 4)) * 3
    grad_a = rng.normal(size=(5, 4))
    a = act.forward(z)
    analytic = act.backward(z, a, grad_a)
    numeric = gradcheck.numerical_gradient(lambda: np.sum(act.forward(z) * grad_a), z)
    assert gradcheck.rel_error(analytic, numeric) < 1e-8
    if act.derivative is not None:   # the element-wise f'(z) agrees with backward
        np.testing.assert_allclose(act.derivative(z) * grad_a, analytic, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", ["mse", "binary_crossentropy", "categorical_crossentropy"])
def test_loss_gradient_matches_numerical(name):
    loss = losses.get(name)
    rng = np.random.default_rng(1)
    y_pred = rng.uniform(0.05, 0.95, size=(4, 3))
    if name == "categorical_crossentropy":
        y_true = np.eye(3)[[0, 2, 1, 1]]
    else:
        y_true = rng.uniform(0, 1, size=(4, 3)).round()
    numeric = gradcheck.numerical_gradient(lambda: loss.value(y_true, y_pred), y_pred)
    assert gradcheck.rel_error(loss.gradient(y_true, y_pred), numeric) < 1e-8


@pytest.mark.parametrize("name", ["binary_crossentropy", "categorical_crossentropy"])
def test_fused_path_equals_the_long_way(name):
    """From logits z: value and dL/dz equal loss(activation(z)) and its chain rule."""
    loss = losses.get(name)
    act = activations.get(loss.logits_of)
    rng = np.random.default_rng(2)
    z = rng.normal(size=(6, 3))
    y = np.eye(3)[rng.integers(0, 3, 6)] if name.startswith("cat") else rng.integers(0, 2, (6, 3))
    a = act.forward(z)
    assert np.isclose(loss.value_from_logits(y, z), loss.value(y, a), rtol=1e-10)
    long_way = act.backward(z, a, loss.gradient(y, a))
    np.testing.assert_allclose(loss.gradient_from_logits(y, z), long_way, rtol=1e-9, atol=1e-15)


def test_gradcheck_catches_a_wrong_gradient():
    """The check is not vacuous: a backward pass missing σ' is caught."""
    model = Sequential([Dense(3, "sigmoid", input_dim=2), Dense(1, "sigmoid")], seed=0)
    model.compile("mse", "sgd")
    X, y = np.array([[0.5, -1.0], [1.5, 2.0]]), np.array([[0.0], [1.0]])
    right = model.compute_gradients(X, y)
    loss = lambda: (model.forward(X), model.backward(y))[1]  # noqa: E731
    wrong = right[2] / 0.2   # as if σ'(z) ≈ 0.2 had been left out
    numeric = gradcheck.numerical_gradient(loss, model.params[2])
    assert gradcheck.rel_error(right[2], numeric) < 1e-7
    assert gradcheck.rel_error(wrong, numeric) > 1e-2


# --- every output activation x every loss, against a finite difference of the reported loss --

LOSS_NAMES = sorted(losses.LOSSES)


def grid_case(activation, loss, k, seed):
    """A 3-5-k network with weights large enough to reach every region of the output activation
    (tanh and linear rows whose sum is negative, sigmoid near 0 and 1), and fitting targets."""
    rng = np.random.default_rng(seed)
    model = Sequential([Dense(5, "tanh", input_dim=3),
                        Dense(k, activation, bias_initializer="random_normal")], seed=seed)
    model.compile(loss=loss, optimizer="sgd")
    model.set_weights([w * 3 for w in model.get_weights()])
    X = rng.normal(size=(8, 3))
    return model, X, make_targets(loss, 8, k, rng)


def reported_loss_gradient(model, X, y, h=1e-6):
    """Centred differences of model.evaluate (the loss nnlib reports), written out here so that
    the check does not share code with nnlib's gradcheck."""
    weights = model.get_weights()
    grads = []
    for i, w in enumerate(weights):
        g = np.zeros_like(w)
        for j in np.ndindex(w.shape):
            values = []
            for step in (h, -h):
                changed = [v.copy() for v in weights]
                changed[i][j] += step
                model.set_weights(changed)
                values.append(model.evaluate(X, y))
            g[j] = (values[0] - values[1]) / (2 * h)
        grads.append(g)
    model.set_weights(weights)
    return grads


@pytest.mark.parametrize("loss", LOSS_NAMES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_output_activation_and_loss_has_the_gradient_of_its_reported_loss(activation, loss):
    if activation == "relu" and "categorical" in loss:   # a row of zeros: refused at compile
        with pytest.raises(ValueError, match="softmax"):
            grid_case(activation, loss, 3, 0)
        return
    for seed in range(4):
        model, X, y = grid_case(activation, loss, 3, seed)
        model.forward(model._check_X(X))
        out = model.layers[-1]
        if activation == "relu" and np.min(np.abs(out.z)) < 1e-4:
            continue   # the kink: no difference formula works there
        numeric = reported_loss_gradient(model, X, y)
        analytic = model.compute_gradients(X, y)
        for a, b in zip(analytic, numeric):
            assert gradcheck.rel_error(a, b) < 1e-6, (activation, loss, seed)


def test_the_grid_reaches_rows_that_sum_below_zero():
    """The case that was wrong: categorical cross-entropy on tanh / linear rows with sum < 0."""
    for activation in ("tanh", "linear"):
        model, X, _ = grid_case(activation, "categorical_crossentropy", 3, 0)
        assert (model.predict(X).sum(axis=1) < 0).any()


@pytest.mark.parametrize("loss", ["categorical_crossentropy", "sparse_categorical_crossentropy"])
def test_a_probability_row_of_one_unit_is_refused_at_compile(loss):
    model = Sequential([Dense(1, "sigmoid", input_dim=2)])
    with pytest.raises(ValueError, match="binary_crossentropy"):
        model.compile(loss=loss)


def test_a_softmax_of_one_unit_is_refused_at_compile():
    model = Sequential([Dense(1, "softmax", input_dim=2)])
    with pytest.raises(ValueError, match="sigmoid"):
        model.compile(loss="mse")


# --- Dropout: its backward pass with the mask of its forward pass -------------------------------

class FixedDraws:
    """Stands in for a Dropout layer's generator: the same uniform draws every time, so that
    the network with dropout is one fixed function that differences can check."""

    def __init__(self, shape, seed):
        self.draws = np.random.default_rng(seed).random(shape)

    def random(self, shape):
        return self.draws


@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_dropout_backward_matches_numerical_gradient_with_its_mask(rate):
    from nnlib.layers import Dropout
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(6, 3)), rng.integers(0, 3, 6)
    model = Sequential([Dense(5, "tanh", input_dim=3), Dropout(rate), Dense(3, "softmax")],
                       seed=0)
    model.compile("sparse_categorical_crossentropy")
    model.layers[1].rng = FixedDraws((6, 5), seed=1)
    y_checked = model._check_y(y, 6)

    def loss():
        model.forward(X, training=True)
        return model.backward(y_checked)

    loss()
    analytic = [g.copy() for layer in model.layers for g in layer.grads]
    mask = model.layers[1].mask
    assert (mask == 0).any() and np.allclose(mask[mask > 0], 1 / (1 - rate))
    assert np.all(analytic[2][mask.sum(axis=0) == 0] == 0)   # a unit dropped in every row
    for param, grad in zip(model.params, analytic):
        numeric = gradcheck.numerical_gradient(loss, param, h=1e-4, points=5)
        assert gradcheck.rel_error(grad, numeric) < 1e-8


def test_dropout_is_the_identity_at_inference_and_keeps_the_mean_at_training():
    from nnlib.layers import Dropout
    layer = Dropout(0.3)
    layer.build(4, np.random.default_rng(0))
    x = np.random.default_rng(1).normal(size=(50_000, 4))
    assert layer.forward(x) is x and layer.backward(x) is x
    out = layer.forward(x, training=True)
    assert abs((out == 0).mean() - 0.3) < 0.01
    assert np.allclose(out[out != 0], x[out != 0] / 0.7)
    assert abs(out.mean(axis=0) - x.mean(axis=0)).max() < 0.03
