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
| x_none | fit(None, y) | TypeError | "x is None" |
| y_none | fit(X) with no y | TypeError | "y is None" |
| x_dict | fit({"a": [...], "b": [...]}, y) | TypeError | "dict", "column_stack" |
| x_generator | fit(a generator of rows, y) | TypeError | "generator", "np.array(list(" |
| x_set | fit(a set of rows, y) | TypeError | "set", "no order" |
| x_scalar | predict(3.0) | TypeError | "single value", "3.0" |
| x_complex | fit(complex X) | TypeError | "real numbers", "complex128" |
| x_masked | fit(a masked array with a masked entry) | ValueError | "masked", "filled" |
| x_datetime | fit(dates) | TypeError | "numbers", "datetime64" |
| y_text_labels | fit(X, ["cat", "dog", ...]) | TypeError | "text labels", "np.unique" |
| y_none_evaluate | evaluate(X, None) | TypeError | "y is None" |
| shuffle_string | fit(shuffle="False") | TypeError | "shuffle", "'False'" |
| shuffle_int | fit(shuffle=0) | TypeError | "shuffle", "True or False" |
| fit_sample_weight | fit(sample_weight=w) | TypeError | "sample_weight", "does not support" |
| fit_class_weight | fit(class_weight={0: 1}) | TypeError | "class_weight", "does not support" |
| fit_initial_epoch | fit(initial_epoch=3) | TypeError | "initial_epoch" |
| fit_steps_per_epoch | fit(steps_per_epoch=2) | TypeError | "steps_per_epoch" |
| fit_typo | fit(epoch=5) | TypeError | "'epoch'", "Did you mean 'epochs'" |
| fit_capital_x | fit(X=X, y=y) | TypeError | "'X'", "Did you mean 'x'" |
| fit_learning_rate | fit(learning_rate=0.1) | TypeError | "'learning_rate'", "batch_size" |
| verbose_three | fit(verbose=3) | ValueError | "verbose", "'auto'" |
| verbose_string | predict(X, verbose="yes") | ValueError | "verbose", "'yes'" |
| batch_string | fit(batch_size="32") | TypeError | "batch_size", "'32'" |
| batch_float | fit(batch_size=2.0) | TypeError | "batch_size", "whole number" |
| epochs_negative | fit(epochs=-1) | ValueError | "epochs", "-1" |
| epochs_none | fit(epochs=None) | TypeError | "epochs", "None" |
| validation_array | fit(validation_data=X_val) | TypeError | "tuple (x_val, y_val)", "(4, 2)" |
| validation_one | fit(validation_data=(X_val,)) | ValueError | "(x_val, y_val)", "1 element" |
| validation_weights | validation_data=(X_val, y_val, w) | ValueError | "sample_weight" |
| validation_dict | validation_data={"x": X, "y": y} | TypeError | "tuple (x_val, y_val)", "dict" |
| validation_y_width | validation_data=(X_val, y of width 2) | ValueError | "validation_data[1]" |
| validation_y_lengths | validation_data=(4 rows, 3 labels) | ValueError | "different lengths" |
| validation_both | fit(validation_split=0.25, validation_data=...) | ValueError | "not both" |
| validation_split_one | fit(validation_split=1.0) | ValueError | "validation_split", "[0, 1)" |
| validation_split_string | fit(validation_split="0.2") | TypeError | "validation_split", "'0.2'" |
| validation_split_tiny | validation_split=0.9, 4 samples | ValueError | "leaves", "both need one" |
| predict_batch_zero | predict(X, batch_size=0) | ValueError | "batch_size", ">= 1" |
| predict_steps | predict(X, steps=2) | TypeError | "steps", "does not support" |
| predict_callbacks_typo | predict(X, batchsize=2) | TypeError | "Did you mean 'batch_size'" |
| evaluate_sample_weight | evaluate(X, y, sample_weight=w) | TypeError | "sample_weight" |
| evaluate_batch_string | evaluate(X, y, batch_size="all") | TypeError | "batch_size" |
| momentum_string | SGD(0.1, momentum="0.9") | TypeError | "momentum", "'0.9'" |
| momentum_negative | SGD(0.1, momentum=-0.5) | ValueError | "momentum", "[0, 1)" |
| beta_string | Adam(beta_1="0.9") | TypeError | "beta_1", "'0.9'" |
| beta_one | Adam(beta_2=1.0) | ValueError | "beta_2", "[0, 1)" |
| epsilon_zero | Adam(epsilon=0) | ValueError | "epsilon", "> 0" |
| lr_list | SGD(learning_rate=[0.1]) | TypeError | "learning_rate", "list" |
| seed_negative | Sequential(seed=-1) | ValueError | "seed", "-1" |
| seed_string | Sequential(seed="42") | TypeError | "seed", "'42'" |
| seed_float | Sequential(seed=4.2) | TypeError | "seed", "4.2" |
| l2_string | L2("0.01") | TypeError | "l2", "'0.01'" |
| l1_negative | L1(-1) | ValueError | "l1", ">= 0" |
| use_bias_string | Dense(3, use_bias="False") | TypeError | "use_bias", "'False'" |
| units_string | Dense("relu") | TypeError | "units", "'relu'" |
| layers_string | Sequential("dense") | TypeError | "list of layers", "str" |
| same_layer_twice | Sequential([Dense(3, input_dim=3)] * 3) | ValueError | "twice", "range(3)" |
| empty_predict | Sequential([]).predict(X) | ValueError | "no layers" |
| empty_save | Sequential([]).save(path) | ValueError | "no layers" |
| optimizer_class | compile(optimizer=Adam) | TypeError | "Adam()", "class" |
| loss_function | compile(loss=len) | TypeError | "loss must be a name" |
| softmax_one_unit | Dense(1, "softmax") output, compile | ValueError | "always 1", "sigmoid" |
| softmax_one_hidden | a hidden Dense(1, "softmax"), compile | ValueError | "always 1" |
| cce_one_unit | categorical_crossentropy on 1 unit | ValueError | "always 1", "binary_cross..." |
| sparse_one_unit | sparse_categorical_crossentropy on 1 unit | ValueError | "binary_crossentropy" |
| cce_relu_output | categorical_crossentropy on a relu output | ValueError | "relu", "softmax" |
| initializer_nan | Dense(3, kernel_initializer=NaNs) | ValueError | "NaN", "initializer" |
| initializer_shape | an initializer of the wrong shape | ValueError | "(3, 2)", "expected (2, 3)" |
| set_weights_nan | set_weights with a NaN | ValueError | "weights[0]", "NaN" |
| predict_other_columns | columns a, b at fit; a, c at predict | ValueError | "missing: ['b']" |
| fit_other_columns | fit again on other column names | ValueError | "fitted on" |
| targets_overflow | fit(y of 1e300), mse | FloatingPointError | "targets y are too large" |
| inputs_overflow | fit(X of 1e300), linear unit | FloatingPointError | "outputs are too large" |
| inputs_overflow_layer | fit(X of 1.7e308) | FloatingPointError | "overflows", "1.7e+308" |
| weights_nan | a kernel entry set to NaN, fit | FloatingPointError | "weights[0] holds NaN" |
| load_bad_moment | load_model: an Adam moment of the wrong shape | ValueError | "'m'", "damaged" |
| load_negative_t | load_model: Adam's t = -1 | ValueError | "t is -1", "damaged" |
| save_no_folder | save("missing/m.npz") | FileNotFoundError | "does not exist", "makedirs" |
| save_path_type | save(42) | TypeError | "file name", "int" |
| load_path_type | load_model(None) | TypeError | "file name", "NoneType" |
| load_weights_suffix | load_weights("m.h5") | ValueError | ".npz" |
| dropout_rate_one | Dropout(1.0) | ValueError | "Dropout rate", "[0, 1)" |
| dropout_rate_string | Dropout("0.5") | TypeError | "Dropout rate", "'0.5'" |
| dropout_last | Dropout as the output layer, compile | ValueError | "output layer", "Dense" |
| initializer_typo | Dense(3, kernel_initializer="he_norml") | ValueError | "he_normal" |
| early_no_validation | EarlyStopping(), no validation data | ValueError | "validation_split" |
| early_mode | EarlyStopping(mode="maximum") | ValueError | "mode", "'max'" |
| early_unknown_direction | EarlyStopping(monitor="val_r2") | ValueError | "mode='max'" |
| early_patience | EarlyStopping(patience=-1) | ValueError | "patience", ">= 0" |
| callbacks_function | fit(callbacks=[print]) | TypeError | "callbacks", "EarlyStopping" |

| works | odd input | the same as |
| --- | --- | --- |
| x_float32 | fit(X as float32) | fit(X) (X holds values exact in float32) |
| x_int | fit(X as int) | fit(X as float) |
| x_bool | fit(X as bool) | fit(X as 0.0 / 1.0) |
| x_lists | fit(X as lists of lists, y as a list) | fit(X, y) |
| x_tuples | fit(X as a tuple of tuples) | fit(X) |
| x_sparse | fit(scipy.sparse.csr_matrix(X)) | fit(X): made dense |
| x_masked_nothing | fit(a masked array with nothing masked) | fit(X) |
| x_readonly | fit(X with writeable=False) | fit(X) |
| x_dataframe | fit(DataFrame), predict(DataFrame) | fit(X), predict(X) |
| predict_reordered | predict(the DataFrame's columns in another order) | predict(X) |
| predict_plain_after_frame | predict(X) after fit(DataFrame) | predict(X) |
| y_series | fit(X, pandas Series) | fit(X, y) |
| labels_float | sparse labels 0.0, 1.0, 2.0 | labels 0, 1, 2 |
| labels_column | sparse labels of shape (n, 1) | labels of shape (n,) |
| shuffle_numpy_bool | fit(shuffle=np.False_) | fit(shuffle=False) |
| numpy_ints | fit(epochs=np.int64(3), batch_size=np.int32(2)) | fit(epochs=3, batch_size=2) |
| lr_numpy | SGD(np.float64(0.1), momentum=np.float64(0.5)) | SGD(0.1, momentum=0.5) |
| keras_positional | fit(X, y, 2, 3) (Keras' order) | fit(X, y, batch_size=2, epochs=3) |
| verbose_bool | fit(verbose=False) | fit(verbose=0) |
| predict_batches | predict(X, batch_size=3) | predict(X) |
| evaluate_batches | evaluate(X, y, batch_size=2, verbose=0) | evaluate(X, y) |
| validation_split | fit(validation_split=0.25) | fit(X[:3], validation_data=(X[3:], ...)) |
| validation_list | fit(validation_data=[X, y]) | fit(validation_data=(X, y)) |
| deepcopy | copy.deepcopy(model), then fit | fit on the model |
| save_pathlib | save and load with a pathlib.Path | with a str |
| seed_numpy | Sequential(seed=np.int64(3)) | Sequential(seed=3) |

Every case also checks that nothing given was lost: X, y and the labels are unchanged, and
every model the case made still has the weights it had before the failing call.
The second table (WORKS, below the first) holds odd inputs that must work exactly as the plain
float64 call does.
"""
import copy
import json
import pathlib
import re

import numpy as np
import pytest

import nnlib
from nnlib import Dense, Sequential
from nnlib.callbacks import EarlyStopping
from nnlib.layers import Dropout
from nnlib.optimizers import SGD, Adam
from nnlib.regularizers import L1, L2

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])
LABELS = np.array([0, 1, 2, 1])


MADE = []   # (model, its weights when made): a failing call must leave them as they were


def made(m):
    MADE.append((m, m.get_weights() if m.built else None))
    return m


def model():
    m = Sequential([Dense(3, "sigmoid", input_dim=2), Dense(1, "sigmoid")], seed=0)
    m.compile("mse", SGD(0.1))
    return made(m)


def clf(loss="categorical_crossentropy"):
    m = Sequential([Dense(3, "tanh", input_dim=2), Dense(3, "softmax")], seed=0)
    m.compile(loss, "sgd")
    return made(m)


def compiled(layers, loss="mse"):
    m = Sequential(layers, seed=0)
    m.compile(loss=loss)
    return m


def frame(columns, values=None):
    pd = pytest.importorskip("pandas")
    return pd.DataFrame(X if values is None else values, columns=columns)


def fitted_on_frame():
    m = model()
    m.fit(frame(["a", "b"]), Y, epochs=1)
    MADE[-1] = (m, m.get_weights())
    return m


def nan_kernel():
    m = model()
    m.layers[0].kernel[0, 0] = np.nan
    MADE.pop()   # its weights are meant to change: the case checks the message only
    return m


def damaged_file(tmp_path, change):
    """A model saved after two Adam steps, with its optimizer state changed by `change`."""
    m = Sequential([Dense(3, "tanh", input_dim=2), Dense(1)], seed=0)
    m.compile("mse", Adam(0.01))
    m.fit(X, Y, epochs=2, batch_size=4)
    path = str(tmp_path / "m.npz")
    m.save(path)
    with np.load(path) as data:
        arrays = {name: data[name] for name in data.files}
    config = json.loads(str(arrays.pop("config")))
    change(config, arrays)
    np.savez(path, config=np.array(json.dumps(config)), **arrays)
    return path


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
    return made(m)


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
    "x_none": (lambda t: model().fit(None, Y), TypeError, ["x is None"]),
    "y_none": (lambda t: model().fit(X), TypeError, ["y is None"]),
    "x_dict": (lambda t: model().fit({"a": X[:, 0], "b": X[:, 1]}, Y), TypeError,
               ["dict", "column_stack"]),
    "x_generator": (lambda t: model().fit((row for row in X), Y), TypeError,
                    ["generator", "np.array(list("]),
    "x_set": (lambda t: model().fit({tuple(row) for row in X}, Y), TypeError, ["set", "no order"]),
    "x_scalar": (lambda t: model().predict(3.0), TypeError, ["single value", "3.0"]),
    "x_complex": (lambda t: model().fit(X + 1j, Y), TypeError, ["real numbers", "complex128"]),
    "x_masked": (lambda t: model().fit(np.ma.masked_array(X, mask=X > 0.5 + X * 0), Y),
                 ValueError, ["masked", "filled"]),
    "x_datetime": (lambda t: model().fit(np.array([["2024-01-01"] * 2] * 4, "datetime64[D]"), Y),
                   TypeError, ["numbers", "datetime64"]),
    "y_text_labels": (lambda t: clf("sparse_categorical_crossentropy").fit(
        X, ["cat", "dog", "cat", "bird"]), TypeError, ["text labels", "np.unique"]),
    "y_none_evaluate": (lambda t: model().evaluate(X, None), TypeError, ["y is None"]),
    "shuffle_string": (lambda t: model().fit(X, Y, shuffle="False"), TypeError,
                       ["shuffle", "'False'"]),
    "shuffle_int": (lambda t: model().fit(X, Y, shuffle=0), TypeError,
                    ["shuffle", "True or False"]),
    "fit_sample_weight": (lambda t: model().fit(X, Y, sample_weight=np.ones(4)), TypeError,
                          ["sample_weight", "does not support"]),
    "fit_class_weight": (lambda t: model().fit(X, Y, class_weight={0: 1, 1: 5}), TypeError,
                         ["class_weight", "does not support"]),
    "fit_initial_epoch": (lambda t: model().fit(X, Y, initial_epoch=3), TypeError,
                          ["initial_epoch"]),
    "fit_steps_per_epoch": (lambda t: model().fit(X, Y, steps_per_epoch=2), TypeError,
                            ["steps_per_epoch"]),
    "fit_typo": (lambda t: model().fit(X, Y, epoch=5), TypeError,
                 ["'epoch'", "Did you mean 'epochs'"]),
    "fit_capital_x": (lambda t: model().fit(X=X, y=Y), TypeError, ["'X'", "Did you mean 'x'"]),
    "fit_learning_rate": (lambda t: model().fit(X, Y, learning_rate=0.1), TypeError,
                          ["'learning_rate'", "batch_size"]),
    "verbose_three": (lambda t: model().fit(X, Y, verbose=3), ValueError, ["verbose", "'auto'"]),
    "verbose_string": (lambda t: model().predict(X, verbose="yes"), ValueError,
                       ["verbose", "'yes'"]),
    "batch_string": (lambda t: model().fit(X, Y, batch_size="32"), TypeError,
                     ["batch_size", "'32'"]),
    "batch_float": (lambda t: model().fit(X, Y, batch_size=2.0), TypeError,
                    ["batch_size", "whole number"]),
    "epochs_negative": (lambda t: model().fit(X, Y, epochs=-1), ValueError, ["epochs", "-1"]),
    "epochs_none": (lambda t: model().fit(X, Y, epochs=None), TypeError, ["epochs", "None"]),
    "validation_array": (lambda t: model().fit(X, Y, validation_data=X), TypeError,
                         ["tuple (x_val, y_val)", "shape (4, 2)"]),
    "validation_one": (lambda t: model().fit(X, Y, validation_data=(X,)), ValueError,
                       ["(x_val, y_val)", "1 element"]),
    "validation_weights": (lambda t: model().fit(X, Y, validation_data=(X, Y, np.ones(4))),
                           ValueError, ["sample_weight", "(x_val, y_val)"]),
    "validation_dict": (lambda t: model().fit(X, Y, validation_data={"x": X, "y": Y}), TypeError,
                        ["tuple (x_val, y_val)", "dict"]),
    "validation_y_width": (lambda t: model().fit(X, Y, validation_data=(X, np.ones((4, 2)))),
                           ValueError, ["validation_data[1]", "(4, 2)"]),
    "validation_y_lengths": (lambda t: model().fit(X, Y, validation_data=(X, Y[:3])), ValueError,
                             ["different lengths"]),
    "validation_both": (lambda t: model().fit(X, Y, validation_split=0.25,
                                              validation_data=(X, Y)), ValueError, ["not both"]),
    "validation_split_one": (lambda t: model().fit(X, Y, validation_split=1.0), ValueError,
                             ["validation_split", "[0, 1)"]),
    "validation_split_string": (lambda t: model().fit(X, Y, validation_split="0.2"), TypeError,
                                ["validation_split", "'0.2'"]),
    "validation_split_tiny": (lambda t: model().fit(X, Y, validation_split=0.9), ValueError,
                              ["leaves", "both need one"]),
    "predict_batch_zero": (lambda t: model().predict(X, batch_size=0), ValueError,
                           ["batch_size", ">= 1"]),
    "predict_steps": (lambda t: model().predict(X, steps=2), TypeError,
                      ["steps", "does not support"]),
    "predict_callbacks_typo": (lambda t: model().predict(X, batchsize=2), TypeError,
                               ["Did you mean 'batch_size'"]),
    "evaluate_sample_weight": (lambda t: model().evaluate(X, Y, sample_weight=np.ones(4)),
                               TypeError, ["sample_weight"]),
    "evaluate_batch_string": (lambda t: model().evaluate(X, Y, batch_size="all"), TypeError,
                              ["batch_size"]),
    "momentum_string": (lambda t: SGD(0.1, momentum="0.9"), TypeError, ["momentum", "'0.9'"]),
    "momentum_negative": (lambda t: SGD(0.1, momentum=-0.5), ValueError, ["momentum", "[0, 1)"]),
    "beta_string": (lambda t: Adam(beta_1="0.9"), TypeError, ["beta_1", "'0.9'"]),
    "beta_one": (lambda t: Adam(beta_2=1.0), ValueError, ["beta_2", "[0, 1)"]),
    "epsilon_zero": (lambda t: Adam(epsilon=0), ValueError, ["epsilon", "> 0"]),
    "lr_list": (lambda t: SGD(learning_rate=[0.1]), TypeError, ["learning_rate", "list"]),
    "seed_negative": (lambda t: Sequential(seed=-1), ValueError, ["seed", "-1"]),
    "seed_string": (lambda t: Sequential(seed="42"), TypeError, ["seed", "'42'"]),
    "seed_float": (lambda t: Sequential(seed=4.2), TypeError, ["seed", "4.2"]),
    "l2_string": (lambda t: L2("0.01"), TypeError, ["l2", "'0.01'"]),
    "l1_negative": (lambda t: L1(-1), ValueError, ["l1", ">= 0"]),
    "use_bias_string": (lambda t: Dense(3, use_bias="False"), TypeError, ["use_bias", "'False'"]),
    "units_string": (lambda t: Dense("relu"), TypeError, ["units", "'relu'"]),
    "layers_string": (lambda t: Sequential("dense"), TypeError, ["list of layers", "str"]),
    "same_layer_twice": (lambda t: Sequential([Dense(3, input_dim=3)] * 3), ValueError,
                         ["twice", "for _ in range(3)"]),
    "empty_predict": (lambda t: Sequential([]).predict(X), ValueError, ["no layers"]),
    "empty_save": (lambda t: Sequential([]).save(str(t / "m.npz")), ValueError, ["no layers"]),
    "optimizer_class": (lambda t: model().compile(optimizer=Adam), TypeError, ["Adam()", "class"]),
    "loss_function": (lambda t: model().compile(loss=len), TypeError, ["loss must be a name"]),
    "softmax_one_unit": (lambda t: compiled([Dense(1, "softmax", input_dim=2)]), ValueError,
                         ["always 1", "sigmoid"]),
    "softmax_one_hidden": (lambda t: compiled([Dense(1, "softmax", input_dim=2), Dense(2)]),
                           ValueError, ["always 1"]),
    "cce_one_unit": (lambda t: compiled([Dense(1, "sigmoid", input_dim=2)],
                                        "categorical_crossentropy"), ValueError,
                     ["always 1", "binary_crossentropy"]),
    "sparse_one_unit": (lambda t: compiled([Dense(1, "sigmoid", input_dim=2)],
                                           "sparse_categorical_crossentropy"), ValueError,
                        ["binary_crossentropy"]),
    "cce_relu_output": (lambda t: compiled([Dense(3, "relu", input_dim=2)],
                                           "categorical_crossentropy"), ValueError,
                        ["relu", "softmax"]),
    "initializer_nan": (lambda t: Dense(3, kernel_initializer=lambda s, r: np.full(s, np.nan),
                                        input_dim=2).build(2, np.random.default_rng(0)),
                        ValueError, ["NaN", "initializer"]),
    "initializer_shape": (lambda t: Dense(3, kernel_initializer=lambda s, r: np.zeros(s[::-1]),
                                          input_dim=2).build(2, np.random.default_rng(0)),
                          ValueError, ["(3, 2)", "expected (2, 3)"]),
    "set_weights_nan": (lambda t: model().set_weights(
        [np.full_like(w, np.nan) for w in model().get_weights()]), ValueError,
        ["weights[0]", "NaN"]),
    "predict_other_columns": (lambda t: fitted_on_frame().predict(frame(["a", "c"])), ValueError,
                              ["missing: ['b']", "['c']"]),
    "fit_other_columns": (lambda t: fitted_on_frame().fit(frame(["u", "v"]), Y), ValueError,
                          ["fitted on"]),
    "targets_overflow": (lambda t: model().fit(X, Y * 0 + 1e300),
                         FloatingPointError, ["targets y are too large", "1e+300"]),
    "inputs_overflow": (lambda t: made(compiled([Dense(1, input_dim=2)])).fit(X * 0 + 1e300, Y),
                        FloatingPointError, ["outputs are too large", "|x| 1e+300"]),
    "inputs_overflow_layer": (lambda t: made(compiled([Dense(1, input_dim=2)])).fit(
        X * 0 + 1.7e308, Y), FloatingPointError, ["overflows", "1.7e+308"]),
    "weights_nan": (lambda t: nan_kernel().fit(X, Y), FloatingPointError,
                    ["weights[0] holds NaN"]),
    "load_bad_moment": (lambda t: nnlib.load_model(damaged_file(
        t, lambda c, a: a.update(optimizer_m_0=np.zeros((3, 3))))), ValueError, ["'m'", "damaged"]),
    "load_negative_t": (lambda t: nnlib.load_model(damaged_file(
        t, lambda c, a: c["optimizer_state"].update(t=-1))), ValueError, ["t is -1", "damaged"]),
    "save_no_folder": (lambda t: model().save(str(t / "missing" / "m.npz")), FileNotFoundError,
                       ["does not exist", "makedirs"]),
    "save_path_type": (lambda t: model().save(42), TypeError, ["file name", "int"]),
    "load_path_type": (lambda t: nnlib.load_model(None), TypeError, ["file name", "NoneType"]),
    "load_weights_suffix": (lambda t: model().load_weights(str(t / "m.h5")), ValueError, [".npz"]),
    "dropout_rate_one": (lambda t: Dropout(1.0), ValueError, ["Dropout rate", "[0, 1)"]),
    "dropout_rate_string": (lambda t: Dropout("0.5"), TypeError, ["Dropout rate", "'0.5'"]),
    "dropout_last": (lambda t: compiled([Dense(3, input_dim=2), Dropout(0.5)]), ValueError,
                     ["output layer", "Dense"]),
    "initializer_typo": (lambda t: Dense(3, kernel_initializer="he_norml"), ValueError,
                         ["he_normal"]),
    "early_no_validation": (lambda t: model().fit(X, Y, callbacks=[EarlyStopping()]), ValueError,
                            ["val_loss", "validation_split"]),
    "early_mode": (lambda t: EarlyStopping(mode="maximum"), ValueError, ["mode", "'max'"]),
    "early_unknown_direction": (lambda t: EarlyStopping(monitor="val_r2"), ValueError,
                                ["mode='max'"]),
    "early_patience": (lambda t: EarlyStopping(patience=-1), ValueError, ["patience", ">= 0"]),
    "callbacks_function": (lambda t: model().fit(X, Y, callbacks=[print]), TypeError,
                           ["callbacks", "EarlyStopping"]),
}


def test_the_table_documents_every_case():
    rows = re.findall(r"^\| (\w+) \|", __doc__.split("| works |")[0], flags=re.M)
    assert rows[1:] == list(CASES), "the docstring table and CASES must list the same ids"
    assert len(CASES) + len(WORKS) >= 120


PRISTINE = [a.copy() for a in (X, Y, LABELS)]


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_a_clear_error(case, tmp_path):
    action, error, words = CASES[case]
    MADE.clear()
    with pytest.raises(Exception) as info, np.errstate(all="ignore"):
        action(tmp_path)
    for array, before in zip((X, Y, LABELS), PRISTINE):
        assert np.array_equal(array, before), f"{case}: an input was changed"
    for m, weights in MADE:   # nothing lost: the model is as it was before the failing call
        if weights is not None:
            assert all(np.array_equal(a, b) for a, b in zip(m.get_weights(), weights)), case
    assert isinstance(info.value, error), f"{case}: got {type(info.value).__name__}: {info.value}"
    # a documented nnlib error, or the standard type the table names
    if error in (ValueError, TypeError):
        assert isinstance(info.value, (nnlib.errors.NNLibValueError, nnlib.errors.NNLibTypeError))
    message = str(info.value)
    for word in words:
        assert word in message, f"{case}: {word!r} not in message {message!r}"


# --- odd inputs that must work exactly as the plain float64 call -------------------------------

XI = np.array([[0, 1], [2, 3], [1, 1], [3, 0]])   # small whole numbers: exact in any dtype


def trained(x=XI, y=Y, m=None, **fit):
    m = m or model()
    fit = {"epochs": 3, "batch_size": 2, "shuffle": False} | fit
    m.fit(x, y, **fit)
    return m.get_weights() + [m.predict(XI)]


def trained_clf(labels):
    m = clf("sparse_categorical_crossentropy")
    m.fit(XI, labels, epochs=3, batch_size=2, shuffle=False)
    return m.get_weights()


def frame_model():
    m = model()
    m.fit(frame(["a", "b"], XI), Y, epochs=3, batch_size=2, shuffle=False)
    return m


def split_run(**fit):
    m = model()
    history = m.fit(XI, Y, epochs=3, batch_size=1, shuffle=False, **fit)
    return m.get_weights() + [np.array(history.history["val_loss"])]


def deepcopied():
    m = copy.deepcopy(model())
    return trained(m=m)


def saved_and_loaded(path):
    m = model()
    m.fit(XI, Y, epochs=2, batch_size=2)
    m.save(path)
    return nnlib.load_model(path).get_weights()


def readonly(x):
    x = x.copy()
    x.setflags(write=False)
    return x


def sparse(x):
    return pytest.importorskip("scipy.sparse").csr_matrix(x)


def series(y):
    return pytest.importorskip("pandas").Series(y)


WORKS = {
    "x_float32": (lambda t: trained(XI.astype(np.float32)), lambda t: trained(XI.astype(float))),
    "x_int": (lambda t: trained(XI), lambda t: trained(XI.astype(float))),
    "x_bool": (lambda t: trained(XI > 1), lambda t: trained((XI > 1).astype(float))),
    "x_lists": (lambda t: trained(XI.tolist(), Y.tolist()), lambda t: trained(XI, Y)),
    "x_tuples": (lambda t: trained(tuple(map(tuple, XI))), lambda t: trained(XI)),
    "x_sparse": (lambda t: trained(sparse(XI)), lambda t: trained(XI)),
    "x_masked_nothing": (lambda t: trained(np.ma.masked_array(XI, mask=False)),
                         lambda t: trained(XI)),
    "x_readonly": (lambda t: trained(readonly(XI)), lambda t: trained(XI)),
    "x_dataframe": (lambda t: frame_model().get_weights() + [frame_model().predict(frame(
        ["a", "b"], XI))], lambda t: trained(XI)),
    "predict_reordered": (lambda t: frame_model().predict(frame(["a", "b"], XI)[["b", "a"]]),
                          lambda t: frame_model().predict(frame(["a", "b"], XI))),
    "predict_plain_after_frame": (lambda t: frame_model().predict(XI),
                                  lambda t: frame_model().predict(frame(["a", "b"], XI))),
    "y_series": (lambda t: trained(XI, series(Y[:, 0])), lambda t: trained(XI, Y)),
    "labels_float": (lambda t: trained_clf(LABELS.astype(float)), lambda t: trained_clf(LABELS)),
    "labels_column": (lambda t: trained_clf(LABELS[:, None]), lambda t: trained_clf(LABELS)),
    "shuffle_numpy_bool": (lambda t: trained(shuffle=np.False_), lambda t: trained()),
    "numpy_ints": (lambda t: trained(epochs=np.int64(3), batch_size=np.int32(2)),
                   lambda t: trained()),
    "lr_numpy": (lambda t: trained(m=compiled_with(SGD(np.float64(0.1), np.float64(0.5)))),
                 lambda t: trained(m=compiled_with(SGD(0.1, momentum=0.5)))),
    "keras_positional": (lambda t: positional(2, 3), lambda t: trained(batch_size=2, epochs=3)),
    "verbose_bool": (lambda t: trained(verbose=False), lambda t: trained(verbose=0)),
    "predict_batches": (lambda t: model().predict(XI, batch_size=3), lambda t: model().predict(XI)),
    "evaluate_batches": (lambda t: np.array(model().evaluate(XI, Y, batch_size=2, verbose=0)),
                         lambda t: np.array(model().evaluate(XI, Y))),
    "validation_split": (lambda t: split_run(validation_split=0.25),
                         lambda t: split_run_by_hand()),
    "validation_list": (lambda t: split_run(validation_data=[XI, Y]),
                        lambda t: split_run(validation_data=(XI, Y))),
    "deepcopy": (lambda t: deepcopied(), lambda t: trained()),
    "save_pathlib": (lambda t: saved_and_loaded(pathlib.Path(t) / "m.npz"),
                     lambda t: saved_and_loaded(str(t / "m2.npz"))),
    "seed_numpy": (lambda t: Sequential([Dense(2, input_dim=2)], seed=np.int64(3)).get_weights(),
                   lambda t: Sequential([Dense(2, input_dim=2)], seed=3).get_weights()),
}


def compiled_with(optimizer):
    m = Sequential([Dense(3, "sigmoid", input_dim=2), Dense(1, "sigmoid")], seed=0)
    m.compile("mse", optimizer)
    return m


def positional(batch_size, epochs):
    m = model()
    m.fit(XI, Y, batch_size, epochs, 0, None, 0.0, None, False)
    return m.get_weights() + [m.predict(XI)]


def split_run_by_hand():
    m = model()
    history = m.fit(XI[:3], Y[:3], epochs=3, batch_size=1, shuffle=False,
                    validation_data=(XI[3:], Y[3:]))
    return m.get_weights() + [np.array(history.history["val_loss"])]


def test_the_table_documents_every_working_case():
    rows = re.findall(r"^\| (\w+) \| [^|]+ \| [^|]+ \|$", __doc__.split("| works |")[1],
                      flags=re.M)
    assert rows == list(WORKS), "the docstring's second table and WORKS must list the same ids"


@pytest.mark.parametrize("case", list(WORKS))
def test_odd_input_works_as_the_float64_call(case, tmp_path):
    odd, plain = WORKS[case]
    XI_before = XI.copy()
    got, expected = odd(tmp_path), plain(tmp_path)
    assert np.array_equal(XI, XI_before) and np.array_equal(Y, PRISTINE[1])
    got = got if isinstance(got, list) else [got]
    expected = expected if isinstance(expected, list) else [expected]
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert np.array_equal(a, b), f"{case}: {a} != {b}"
