"""The same network in Keras: build it from an nnlib model, train it quickly, compare outputs.

TensorFlow is imported only inside these functions (it takes seconds), with its start-up log
noise turned down first. `import nnlib` never imports it.
"""
import math
import os

import numpy as np

from .layers import Dropout


def import_keras():
    """keras, with TensorFlow quiet and float64 as the default dtype (as in nnlib)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    # fit and predict cast their data to floatx: float64 keeps them exact. (Layers get
    # dtype="float64" explicitly too: floatx no longer reaches layers once a model was built.)
    keras.config.set_floatx("float64")
    return keras


def to_keras(model, compile=True, steps_per_execution=1):
    """An equivalent keras.Sequential with identical (float64) weights.

    compile: also compile it with the same loss, optimizer and metrics as `model`.
    steps_per_execution: batches run per call into TensorFlow; large values make `fit` fast.
    """
    keras = import_keras()
    model._require_built("convert to Keras")
    layers = [keras.Input(shape=(model.layers[0].input_dim,), dtype="float64")]
    for layer in model.layers:
        if isinstance(layer, Dropout):
            layers.append(keras.layers.Dropout(layer.rate, seed=layer.seed, dtype="float64"))
            continue
        reg = layer.kernel_regularizer
        layers.append(keras.layers.Dense(
            layer.units, activation=layer.activation.name, use_bias=layer.use_bias,
            dtype="float64", kernel_regularizer=_keras_regularizer(keras, reg)))
    km = keras.Sequential(layers, name=model.name)
    km.set_weights(model.get_weights())
    if compile and model.loss is not None:
        km.compile(loss=model.loss.name, optimizer=keras_optimizer(model.optimizer),
                   metrics=list(model.metrics), steps_per_execution=steps_per_execution)
    return km


def _keras_regularizer(keras, reg):
    if reg is None:
        return None
    return keras.regularizers.get({"class_name": type(reg).__name__, "config": vars(reg)})


def keras_optimizer(optimizer):
    """The Keras optimizer with the same settings as an nnlib one.

    Keras rounds some hyperparameters to float32: SGD's momentum (0.9 -> 0.8999999762), the
    regularizer factors, and Adam's betas where it raises them to the power t (its 1 - beta
    terms stay float64). A step then differs by a few parts in 1e8 (Adam: in 1e6); training
    amplifies that, so compare such runs by their metrics, not weight by weight.
    """
    keras = import_keras()
    config = optimizer.get_config()
    name = config.pop("name")
    return {"sgd": keras.optimizers.SGD, "adam": keras.optimizers.Adam}[name](**config)


def fast_fit(keras_model, X, y, epochs, batch_size, verbose=0):
    """Keras `fit` without its per-epoch overhead: same steps as fit(shuffle=False).

    Plain `fit` pays tens of milliseconds per epoch on tiny models. Feeding a repeated
    tf.data pipeline and running all of an epoch's batches in one TensorFlow call (compile
    with steps_per_execution = batches per epoch, see to_keras) makes it ~50x faster.
    """
    import tensorflow as tf
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    steps = math.ceil(len(X) / batch_size)
    data = tf.data.Dataset.from_tensor_slices((X, y)).batch(batch_size).repeat()
    return keras_model.fit(data, epochs=epochs, steps_per_epoch=steps, verbose=verbose,
                           shuffle=False)


def keras_predict(keras_model, X):
    """The Keras model's output for X in float64 (calling the model, not `predict`, which would
    cast X to floatx)."""
    import tensorflow as tf
    return np.asarray(keras_model(tf.constant(np.asarray(X, dtype=np.float64))))


def compare(model, keras_model, X):
    """Largest absolute difference between nnlib's and Keras' outputs on X (a float)."""
    return float(np.max(np.abs(model.predict(X) - keras_predict(keras_model, X))))
