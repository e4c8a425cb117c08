"""Bad input meets a clear error: the table below, every row a test.

Each row: what a student does wrong -> the exception type -> words the message must contain
(what was wrong and what was expected). Never an IndexError or a numpy broadcasting message.
`model` is Sequential([Dense(3, "sigmoid", input_dim=2), Dense(1, "sigmoid")]) compiled with
mse and SGD; `clf` is the same with a 3-unit softmax output and categorical cross-entropy.

| id | bad input | error | message names |
| --- | --- | --- | --- |
| x_1d | fit(X of shape (4,)) | ValueError | "2-D", "(4,)", "reshape" |
| x_3d | fit(X of shape (4, 2, 1)) | ValueError | "2-D", "(4, 2, 1)" |
| x_width | fit(X with 3 features) | ValueError | layer name "dense_0", "(4, 3)", "(n, 2)" |
| x_empty | fit(X of shape (0, 2)) | ValueError | "empty", "(0, 2)" |
| x_strings | fit(X of strings) | TypeError | "numbers", dtype |
| x_object | fit(X as an object array) | TypeError | "numbers", "object" |
| x_string_scalar | fit(X = "data.csv") | TypeError | "string" |
| x_ragged | fit(X as ragged lists) | ValueError | "same length" |
| x_nan | fit(X with a NaN) | ValueError | "NaN", index |
| x_inf | fit(X with inf) | ValueError | "inf" |
| y_nan | fit(y with a NaN) | ValueError | "y", "NaN" |
| xy_lengths | fit(4 rows of X, 3 of y) | ValueError | "4", "3", "different lengths" |
| y_width | fit(y of shape (4, 3)) with 1 output | ValueError | "(4, 1)", "(4, 3)" |
| y_1d_multi | clf.fit(y of shape (4,)) | ValueError | "one_hot", "sparse_categ..." |
| onehot_width | clf.fit(one-hot y of width 4) | ValueError | "(4, 3)", "(4, 4)" |
| labels_high | sparse labels up to 3 with 3 outputs | ValueError | "0..2", "3" |
| labels_negative | sparse labels with -1 | ValueError | "0..2", "-1" |
| labels_fractional | sparse labels 0.5 | ValueError | "integer" |
| labels_2d | sparse labels of shape (4, 3) | ValueError | "integer class labels", "(4, 3)" |
| bce_targets | binary cross-entropy with y = 2 | ValueError | "between 0 and 1" |
| unknown_activation | Dense(3, "sigmod") | ValueError | "Did you mean 'sigmoid'", valid list |
| activation_type | Dense(3, activation=5) | TypeError | "activation", "int" |
| unknown_loss | compile(loss="mean_squared_eror") | ValueError | "mean_squared_error" suggested |
| unknown_optimizer | compile(optimizer="adm") | ValueError | "Did you mean 'adam'" |
| unknown_metric | compile(metrics=["acuracy"]) | ValueError | "accuracy" |
| metric_type | compile(metrics=[len]) | TypeError | "metrics must be names" |
| unknown_initializer | Dense(3, kernel_initializer="glorot") | ValueError | "glorot_uniform" |
| unknown_regularizer | Dense(3, kernel_regularizer="l3") | ValueError | "l1", "l2" |
| lr_zero | SGD(learning_rate=0) | ValueError | "learning_rate", "> 0" |
| lr_negative | Adam(learning_rate=-0.1) | ValueError | "learning_rate", "-0.1" |
| lr_string | SGD(learning_rate="0.1") | TypeError | "learning_rate", "number" |
| lr_nan | SGD(learning_rate=nan) | ValueError | "learning_rate" |
| momentum_range | SGD(momentum=1.5) | ValueError | "momentum", "[0, 1)" |
| units_zero | Dense(0) | ValueError | "units", ">= 1" |
| units_float | Dense(2.5) | TypeError | "whole number" |
| input_dim_zero | Dense(3, input_dim=0) | ValueError | "input_dim" |
| input_dim_mismatch | input_dim != units before it | ValueError | "input_dim=5", "3 units" |
| not_a_layer | Sequential(["dense"]) | TypeError | "Dense(3", "str" |
| fit_uncompiled | fit before compile | ValueError | "compile" |
| evaluate_uncompiled | evaluate before compile | ValueError | "compile" |
| predict_unbuilt | predict; no input_dim, never fit | ValueError | "no weights yet", "input_dim" |
| get_weights_unbuilt | get_weights on that model | ValueError | "no weights yet" |
| predict_width | predict(X with 5 features) | ValueError | "dense_0", "(2, 5)" |
| set_weights_count | set_weights with 3 arrays for 4 | ValueError | "3 arrays", "4" |
| set_weights_shape | set_weights with a transposed kernel | ValueError | "(3, 2)", "(2, 3)" |
| set_weights_type | set_weights(an array) | TypeError | "list of 4 arrays" |
| batch_too_big | fit(batch_size=10) on 4 samples | ValueError | "batch_size=10", "4" |
| batch_zero | fit(batch_size=0) | ValueError | "batch_size", ">= 1" |
| epochs_zero | fit(epochs=0) | ValueError | "epochs" |
| epochs_float | fit(epochs=2.5) | TypeError | "epochs", "whole number" |
| validation_width | fit(validation_data with 3 features) | ValueError | "dense_0", "(2, 3)" |
| load_missing | load_model of a missing file | FileNotFoundError | path, "model.save" |
| load_truncated | load_model of a truncated file | ValueError | "truncated" |
| load_foreign | load_model of a foreign .npz | ValueError | "not a complete nnlib model" |
| load_mismatched | load_weights: 2-4-1 file, 2-3-1 model | ValueError | "different model" |
| save_suffix | save("model.pkl") | ValueError | ".npz" |
"""
import re

import numpy as np
import pytest

import nnlib
from nnlib import Dense, Sequential
from nnlib.optimizers import SGD, Adam

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
LABELS = np.array([0, 1, 2, 1])


def model():
    m = Sequential([Dense(3, "sigmoid", input_dim=2), Dense(1, "sigmoid")], seed=0)
    m.compile("mse", SGD(0.1))
    return m


def clf(loss="categorical_crossentropy"):
    m = Sequential([Dense(3, "tanh", input_dim=2), Dense(3, "softmax")], seed=0)
    m.compile(loss, "sgd")
    return m


def with_x(i, value):
    bad = X.copy()
    bad.flat[i] = value
    return bad


def saved(tmp_path, layers):
    m = Sequential(layers, seed=0)
    path = str(tmp_path / "m.npz")
    m.save(path)
    return path


def truncated(tmp_path):
    path = saved(tmp_path, [Dense(3, input_dim=2)])
    data = open(path, "rb").read()
    open(path, "wb").write(data[: len(data) // 2])
    return path


def foreign(tmp_path):
    path = str(tmp_path / "other.npz")
    np.savez(path, a=np.zeros(3))
    return path


def unbuilt():
    m = Sequential([Dense(3, "sigmoid"), Dense(1)])
    m.compile("mse", "sgd")
    return m


CASES = {
    "x_1d": (lambda t: model().fit(X[:, 0], Y), ValueError, ["2-D", "(4,)", "reshape"]),
    "x_3d": (lambda t: model().fit(X[:, :, None], Y), ValueError, ["2-D", "(4, 2, 1)"]),
    "x_width": (lambda t: model().fit(np.ones((4, 3)), Y), ValueError,
                ["dense_0", "(4, 3)", "(n, 2)"]),
    "x_empty": (lambda t: model().fit(np.ones((0, 2)), Y[:0]), ValueError, ["empty", "(0, 2)"]),
    "x_strings": (lambda t: model().fit([["a", "b"]] * 4, Y), TypeError, ["numbers", "<U1"]),
    "x_object": (lambda t: model().fit(np.array([[1, None]] * 4), Y), TypeError,
                 ["numbers", "object"]),
    "x_string_scalar": (lambda t: model().fit("data.csv", Y), TypeError, ["string"]),
    "x_ragged": (lambda t: model().fit([[1, 2], [3]], Y[:2]), ValueError, ["same length"]),
    "x_nan": (lambda t: model().fit(with_x(3, np.nan), Y), ValueError, ["NaN", "(1, 1)"]),
    "x_inf": (lambda t: model().fit(with_x(0, np.inf), Y), ValueError, ["inf"]),
    "y_nan": (lambda t: model().fit(X, np.array([[0], [np.nan], [1], [0]])), ValueError,
              ["y contains NaN"]),
    "xy_lengths": (lambda t: model().fit(X, Y[:3]), ValueError,
                   ["different lengths", "4 samples", "3 in y"]),
    "y_width": (lambda t: model().fit(X, np.ones((4, 3))), ValueError, ["(4, 1)", "(4, 3)"]),
    "y_1d_multi": (lambda t: clf().fit(X, LABELS), ValueError,
                   ["one_hot", "sparse_categorical_crossentropy"]),
    "onehot_width": (lambda t: clf().fit(X, np.eye(4)[LABELS]), ValueError, ["(4, 3)", "(4, 4)"]),
    "labels_high": (lambda t: clf("sparse_categorical_crossentropy").fit(X, [0, 1, 2, 3]),
                    ValueError, ["0..2", "to 3"]),
    "labels_negative": (lambda t: clf("sparse_categorical_crossentropy").fit(X, [0, -1, 2, 1]),
                        ValueError, ["0..2", "from -1"]),
    "labels_fractional": (lambda t: clf("sparse_categorical_crossentropy").fit(
        X, [0, 0.5, 2, 1]), ValueError, ["integer"]),
    "labels_2d": (lambda t: clf("sparse_categorical_crossentropy").fit(X, np.eye(3)[LABELS]),
                  ValueError, ["integer class labels", "(4, 3)"]),
    "bce_targets": (lambda t: (lambda m: (m.compile("binary_crossentropy", "sgd"),
                                          m.fit(X, 2 * Y)))(model()),
                    ValueError, ["between 0 and 1"]),
    "unknown_activation": (lambda t: Dense(3, "sigmod"), ValueError,
                           ["Did you mean 'sigmoid'", "relu, sigmoid, softmax"]),
    "activation_type": (lambda t: Dense(3, activation=5), TypeError, ["activation", "int"]),
    "unknown_loss": (lambda t: model().compile(loss="mean_squared_eror"), ValueError,
                     ["Did you mean 'mean_squared_error'"]),
    "unknown_optimizer": (lambda t: model().compile(optimizer="adm"), ValueError,
                          ["Did you mean 'adam'", "sgd"]),
    "unknown_metric": (lambda t: model().compile(metrics=["acuracy"]), ValueError,
                       ["Did you mean 'accuracy'"]),
    "metric_type": (lambda t: model().compile(metrics=[len]), TypeError,
                    ["metrics must be names"]),
    "unknown_initializer": (lambda t: Dense(3, kernel_initializer="glorot"), ValueError,
                            ["glorot_uniform"]),
    "unknown_regularizer": (lambda t: Dense(3, kernel_regularizer="l3"), ValueError,
                            ["l1", "l2"]),
    "lr_zero": (lambda t: SGD(learning_rate=0), ValueError, ["learning_rate", "> 0"]),
    "lr_negative": (lambda t: Adam(learning_rate=-0.1), ValueError, ["learning_rate", "-0.1"]),
    "lr_string": (lambda t: SGD(learning_rate="0.1"), TypeError, ["learning_rate", "number"]),
    "lr_nan": (lambda t: SGD(learning_rate=float("nan")), ValueError, ["learning_rate"]),
    "momentum_range": (lambda t: SGD(0.1, momentum=1.5), ValueError, ["momentum", "[0, 1)"]),
    "units_zero": (lambda t: Dense(0), ValueError, ["units", ">= 1"]),
    "units_float": (lambda t: Dense(2.5), TypeError, ["whole number"]),
    "input_dim_zero": (lambda t: Dense(3, input_dim=0), ValueError, ["input_dim"]),
    "input_dim_mismatch": (lambda t: Sequential([Dense(3, input_dim=2), Dense(1, input_dim=5)]),
                           ValueError, ["input_dim=5", "3 units"]),
    "not_a_layer": (lambda t: Sequential(["dense"]), TypeError, ["Dense(3", "str"]),
    "fit_uncompiled": (lambda t: Sequential([Dense(1, input_dim=2)]).fit(X, Y), ValueError,
                       ["compile"]),
    "evaluate_uncompiled": (lambda t: Sequential([Dense(1, input_dim=2)]).evaluate(X, Y),
                            ValueError, ["compile"]),
    "predict_unbuilt": (lambda t: unbuilt().predict(X), ValueError,
                        ["no weights yet", "input_dim"]),
    "get_weights_unbuilt": (lambda t: unbuilt().get_weights(), ValueError, ["no weights yet"]),
    "predict_width": (lambda t: model().predict(np.ones((2, 5))), ValueError,
                      ["dense_0", "(2, 5)"]),
    "set_weights_count": (lambda t: model().set_weights(model().get_weights()[:3]), ValueError,
                          ["3 arrays", "has 4"]),
    "set_weights_shape": (lambda t: model().set_weights(
        [w.T for w in model().get_weights()]), ValueError, ["(3, 2)", "(2, 3)"]),
    "set_weights_type": (lambda t: model().set_weights(np.zeros(4)), TypeError,
                         ["list of 4 arrays"]),
    "batch_too_big": (lambda t: model().fit(X, Y, batch_size=10), ValueError,
                      ["batch_size=10", "4 training samples"]),
    "batch_zero": (lambda t: model().fit(X, Y, batch_size=0), ValueError, ["batch_size", ">= 1"]),
    "epochs_zero": (lambda t: model().fit(X, Y, epochs=0), ValueError, ["epochs"]),
    "epochs_float": (lambda t: model().fit(X, Y, epochs=2.5), TypeError,
                     ["epochs", "whole number"]),
    "validation_width": (lambda t: model().fit(X, Y, validation_data=(np.ones((2, 3)), Y[:2])),
                         ValueError, ["dense_0", "(2, 3)"]),
    "load_missing": (lambda t: nnlib.load_model(str(t / "nope.npz")), FileNotFoundError,
                     ["nope.npz", "model.save"]),
    "load_truncated": (lambda t: nnlib.load_model(truncated(t)), ValueError, ["truncated"]),
    "load_foreign": (lambda t: nnlib.load_model(foreign(t)), ValueError,
                     ["not a complete nnlib model"]),
    "load_mismatched": (lambda t: model().load_weights(
        saved(t, [Dense(4, "sigmoid", input_dim=2), Dense(1, "sigmoid")])), ValueError,
        ["different model"]),
    "save_suffix": (lambda t: model().save(str(t / "model.pkl")), ValueError, [".npz"]),
}


def test_the_table_documents_every_case():
    rows = re.findall(r"^\| (\w+) \|", __doc__, flags=re.M)
    assert rows[1:] == list(CASES), "the docstring table and CASES must list the same ids"
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_a_clear_error(case, tmp_path):
    action, error, words = CASES[case]
    with pytest.raises(Exception) as info:
        action(tmp_path)
    assert isinstance(info.value, error), f"{case}: got {type(info.value).__name__}: {info.value}"
    # a documented nnlib error, or the standard type the table names
    if error in (ValueError, TypeError):
        assert isinstance(info.value, (nnlib.errors.NNLibValueError, nnlib.errors.NNLibTypeError))
    message = str(info.value)
    for word in words:
        assert word in message, f"{case}: {word!r} not in message {message!r}"
