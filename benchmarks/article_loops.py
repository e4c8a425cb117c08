"""The source articles' training loops, rewritten in each article's own computational style.

These are what the benchmark times as "article": fresh code (the articles' listings came to us
garbled), but computing the way each article computes, because that is what is being measured:

| article (shared/seeds/)     | style                                       | here               |
| --------------------------- | ------------------------------------------- | ------------------ |
| 000 housing 2-3-1 regressor | one named numpy scalar per weight, per step | `HousingScalarNet` |
| 001 moons 2-3-2 classifier  | full-batch numpy, tanh + softmax, L2        | `moons_*`          |
| 002 three levels, level 1   | pure Python Neuron/Layer/Network classes    | `ThreeLevelsNetwork` |
| 003 XOR 2-4-1               | full-batch numpy, sigmoid                   | `XorNet`           |
| 004 gender 2-2-1            | one named scalar per weight, per sample     | `GenderScalarNet`  |

Plus `HousingNumpyPerSample`, a reference that is in no article: the housing network in matrix
form, still one sample per step (the "naive numpy per-sample loop").

Each class trains *incrementally* (`train(X, y, epochs)` continues where the last call
stopped), so the benchmark can train in chunks and check its target between chunks. Nothing
prints. Every random start comes from a `seed`, drawn with the distribution the article uses.

Each network's update rule is the gradient of one of nnlib's losses, so nnlib given the same
starting weights (`nnlib_weights()`, in nnlib's [W1, b1, W2, b2] order) and the article's
settings takes exactly the same steps; `tests/test_benchmarks.py` checks that.
"""
import math
import random
from dataclasses import dataclass, field
from typing import List

import numpy as np

# --- 000: the 2-3-1 housing regressor, nine weights and four biases by name --------------------


class HousingScalarNet:
    """Article 000 (hard-coded 2-3-1 housing regressor). Style: per-sample SGD on thirteen
    named numpy float64 scalars (w1..w9, b_n1..b_n3, b_y_hat), sigmoid written as
    1 / (1 + e**-x), its derivative recomputing the sigmoid, the pre-activations recomputed in
    the backward pass, exactly as the article writes them. Loss: squared error of one sample
    (dL/dy_hat = -2 (y - y_hat)), i.e. nnlib's "mse" with batch_size=1.

    `fit` does what the article's `fit` does each epoch: the training-set MSE first (from a
    per-sample `predict`, through scikit-learn's mean_squared_error, kept in `mse_list`), then one
    pass of per-sample steps in the data's order. `record_mse=False` skips that per-epoch MSE
    (steps only). Starting weights: uniform on [0, 1), as the article's np.random.rand.
    """

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)
        (self.w1, self.w2, self.w3, self.w4, self.w5, self.w6,
         self.w7, self.w8, self.w9) = rng.random(9)
        self.b_n1, self.b_n2, self.b_n3, self.b_y_hat = rng.random(4)
        self.lr = 0.05
        self.mse_list = []

    def sigmoid(self, x):
        return 1 / (1 + np.e ** -x)

    def sigmoid_der(self, x):
        return self.sigmoid(x) * (1 - self.sigmoid(x))

    def feedforward(self, x):
        self.n1 = self.sigmoid(x[0] * self.w1 + x[1] * self.w2 + self.b_n1)
        self.n2 = self.sigmoid(x[0] * self.w3 + x[1] * self.w4 + self.b_n2)
        self.n3 = self.sigmoid(x[0] * self.w5 + x[1] * self.w6 + self.b_n3)
        self.y_hat = self.sigmoid(self.n1 * self.w7 + self.n2 * self.w8 + self.n3 * self.w9
                                  + self.b_y_hat)

    def backpropagation(self, x, y):
        self.feedforward(x)
        y_hat_der = -2 * (y - self.y_hat) * self.sigmoid_der(
            self.n1 * self.w7 + self.n2 * self.w8 + self.n3 * self.w9 + self.b_y_hat)
        n1_der = self.w7 * self.sigmoid_der(x[0] * self.w1 + x[1] * self.w2 + self.b_n1)
        n2_der = self.w8 * self.sigmoid_der(x[0] * self.w3 + x[1] * self.w4 + self.b_n2)
        n3_der = self.w9 * self.sigmoid_der(x[0] * self.w5 + x[1] * self.w6 + self.b_n3)
        # biases
        self.b_n1 -= self.lr * y_hat_der * n1_der
        self.b_n2 -= self.lr * y_hat_der * n2_der
        self.b_n3 -= self.lr * y_hat_der * n3_der
        self.b_y_hat -= self.lr * y_hat_der
        # weights
        self.w7 -= self.lr * y_hat_der * self.n1
        self.w8 -= self.lr * y_hat_der * self.n2
        self.w9 -= self.lr * y_hat_der * self.n3
        self.w1 -= self.lr * y_hat_der * n1_der * x[0]
        self.w2 -= self.lr * y_hat_der * n1_der * x[1]
        self.w3 -= self.lr * y_hat_der * n2_der * x[0]
        self.w4 -= self.lr * y_hat_der * n2_der * x[1]
        self.w5 -= self.lr * y_hat_der * n3_der * x[0]
        self.w6 -= self.lr * y_hat_der * n3_der * x[1]

    def fit(self, X, y, epoch=10, lr=0.05, record_mse=True):
        from sklearn.metrics import mean_squared_error
        self.lr = lr
        for _ in range(epoch):
            if record_mse:
                self.mse_list.append(mean_squared_error(y, self.predict(X)))
            for j in range(len(X)):
                self.backpropagation(X[j], y[j][0])
        return self.mse_list

    def predict(self, X):
        result = []
        for x in X:
            self.feedforward(x)
            result.append(self.y_hat)
        return result

    def nnlib_weights(self):
        W1 = np.array([[self.w1, self.w3, self.w5], [self.w2, self.w4, self.w6]])
        b1 = np.array([self.b_n1, self.b_n2, self.b_n3])
        W2 = np.array([[self.w7], [self.w8], [self.w9]])
        return [W1, b1, W2, np.array([self.b_y_hat])]


class HousingNumpyPerSample:
    """Reference, from no article: the 2-3-1 housing network in matrix form (W1 (2, 3),
    b1 (3,), W2 (3, 1), b2 (1,)), still one sample per step, as a first numpy rewrite of
    article 000 looks. Same loss, steps and starting weights as `HousingScalarNet(seed)`;
    no per-epoch MSE (steps only)."""

    def __init__(self, seed=0):
        self.W1, self.b1, self.W2, self.b2 = HousingScalarNet(seed).nnlib_weights()
        self.lr = 0.05

    @staticmethod
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def fit(self, X, y, epoch=10, lr=0.05):
        self.lr = lr
        for _ in range(epoch):
            for j in range(len(X)):
                x, t = X[j], y[j]
                a1 = self.sigmoid(x @ self.W1 + self.b1)
                a2 = self.sigmoid(a1 @ self.W2 + self.b2)
                d2 = -2 * (t - a2) * a2 * (1 - a2)
                d1 = (self.W2 @ d2) * a1 * (1 - a1)
                self.W2 -= self.lr * np.outer(a1, d2)
                self.b2 -= self.lr * d2
                self.W1 -= self.lr * np.outer(x, d1)
                self.b1 -= self.lr * d1

    def predict(self, X):
        return self.sigmoid(self.sigmoid(X @ self.W1 + self.b1) @ self.W2 + self.b2)

    def nnlib_weights(self):
        return [self.W1.copy(), self.b1.copy(), self.W2.copy(), self.b2.copy()]


# --- 001: moons, 2-3-2 tanh / softmax, full-batch gradient descent with L2 ----------------------


def moons_init(nn_hdim=3, seed=0, nn_input_dim=2, nn_output_dim=2):
    """Article 001 (moons classifier): the starting parameters as the article draws them,
    W ~ randn / sqrt(fan_in), biases zero, in the article's dict {'W1', 'b1', 'W2', 'b2'}
    with (1, k) bias rows."""
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((nn_input_dim, nn_hdim)) / np.sqrt(nn_input_dim),
            "b1": np.zeros((1, nn_hdim)),
            "W2": rng.standard_normal((nn_hdim, nn_output_dim)) / np.sqrt(nn_hdim),
            "b2": np.zeros((1, nn_output_dim))}


def moons_train(model, X, y, num_passes=20000, epsilon=0.01, reg_lambda=0.01):
    """Article 001 (moons classifier). Style: full-batch numpy gradient descent, the article's
    loop body line for line: forward (tanh, exp-normalised softmax), delta3 = probs with 1
    subtracted at the true class, *summed* (not averaged) gradients, L2 term reg_lambda * W on
    the kernels, step -epsilon * gradient. Continues from `model` (updated in place and
    returned). In nnlib terms: sparse categorical cross-entropy (a mean), so SGD with
    learning_rate = epsilon * n and L2(l2 = reg_lambda / (2 n)) take the same steps.
    """
    num_examples = len(X)
    W1, b1, W2, b2 = model["W1"], model["b1"], model["W2"], model["b2"]
    for i in range(num_passes):
        # forward propagation
        z1 = X.dot(W1) + b1
        a1 = np.tanh(z1)
        z2 = a1.dot(W2) + b2
        exp_scores = np.exp(z2)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        # backpropagation
        delta3 = probs
        delta3[range(num_examples), y] -= 1
        dW2 = (a1.T).dot(delta3)
        db2 = np.sum(delta3, axis=0, keepdims=True)
        delta2 = delta3.dot(W2.T) * (1 - np.power(a1, 2))
        dW1 = np.dot(X.T, delta2)
        db1 = np.sum(delta2, axis=0)
        # regularization (kernels only)
        dW2 += reg_lambda * W2
        dW1 += reg_lambda * W1
        # gradient descent update
        W1 += -epsilon * dW1
        b1 += -epsilon * db1
        W2 += -epsilon * dW2
        b2 += -epsilon * db2
        model = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return model


def moons_predict(model, x):
    """Article 001's predict: forward pass, argmax of the softmax probabilities."""
    z1 = x.dot(model["W1"]) + model["b1"]
    a1 = np.tanh(z1)
    z2 = a1.dot(model["W2"]) + model["b2"]
    exp_scores = np.exp(z2)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return np.argmax(probs, axis=1)


def moons_nnlib_weights(model):
    return [model["W1"].copy(), model["b1"][0].copy(), model["W2"].copy(),
            model["b2"][0].copy()]


# --- 002: three levels, level 1: pure Python Neuron / Layer / Network classes -------------------


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _sigmoid_derivative(output: float) -> float:
    return output * (1.0 - output)


@dataclass
class Neuron:
    weights: List[float]
    bias: float
    delta: float = 0.0
    output: float = 0.0

    def set_delta(self, error: float) -> None:
        self.delta = error * _sigmoid_derivative(self.output)

    def weighted_sum(self, inputs: List[float]) -> float:
        ws = self.bias
        for i in range(len(self.weights)):
            ws += self.weights[i] * inputs[i]
        return ws

    def activate(self, inputs: List[float]) -> float:
        self.output = _sigmoid(self.weighted_sum(inputs))
        return self.output


@dataclass
class Layer:
    neurons: List[Neuron]

    @property
    def all_outputs(self) -> List[float]:
        return [neuron.output for neuron in self.neurons]

    def activate_neurons(self, inputs: List[float]) -> List[float]:
        return [neuron.activate(inputs) for neuron in self.neurons]

    def total_delta(self, previous_layer_neuron_idx: int) -> float:
        return sum(neuron.weights[previous_layer_neuron_idx] * neuron.delta
                   for neuron in self.neurons)


@dataclass
class ThreeLevelsNetwork:
    """Article 002 (worked example, three levels), level 1. Style: pure Python, no numpy in
    the loop: Neuron / Layer / Network dataclasses, lists of floats, math.exp, one neuron and
    one weight at a time; per-sample SGD (the article: lr 0.5, 40 epochs, 2-2-2 sigmoid).
    Output delta (a - t) a (1 - a): the gradient of the mean of the squared errors of the two
    outputs, i.e. nnlib's "mse" with batch_size=1. Starting weights and biases: random() on
    [0, 1), as the article. Build one with `ThreeLevelsNetwork.create(seed=...)`.

    Two deliberate departures from the printed listing: a neuron's bias is updated once per
    step (the listing's indentation updates it once per input, i.e. twice), and the per-epoch
    error is the squared error against the one-hot target (the listing compares with the label
    list). Neither changes the computational style being timed.
    """

    hidden_layers: List[Layer]
    output_layer: Layer
    learning_rate: float = 0.5
    epoch_errors: List[float] = field(default_factory=list)

    @staticmethod
    def create(n_inputs=2, n_hidden=2, n_outputs=2, learning_rate=0.5, seed=0):
        rnd = random.Random(seed)
        hidden = Layer([Neuron([rnd.random() for _ in range(n_inputs)], rnd.random())
                        for _ in range(n_hidden)])
        output = Layer([Neuron([rnd.random() for _ in range(n_hidden)], rnd.random())
                        for _ in range(n_outputs)])
        return ThreeLevelsNetwork([hidden], output, learning_rate)

    @property
    def layers(self) -> List[Layer]:
        return self.hidden_layers + [self.output_layer]

    def feed_forward(self, inputs: List[float]) -> List[float]:
        for layer in self.hidden_layers:
            inputs = layer.activate_neurons(inputs)
        return self.output_layer.activate_neurons(inputs)

    def derivative_error_to_output(self, actual, expected):
        return [actual[i] - expected[i] for i in range(len(actual))]

    def back_propagate(self, inputs: List[float], errors: List[float]) -> None:
        for index, neuron in enumerate(self.output_layer.neurons):
            neuron.set_delta(errors[index])
        for layer_idx in reversed(range(len(self.hidden_layers))):
            layer = self.hidden_layers[layer_idx]
            next_layer = (self.output_layer if layer_idx == len(self.hidden_layers) - 1
                          else self.hidden_layers[layer_idx + 1])
            for neuron_idx, neuron in enumerate(layer.neurons):
                neuron.set_delta(next_layer.total_delta(neuron_idx))
        self.update_weights_for_all_layers(inputs)

    def update_weights_for_all_layers(self, inputs: List[float]) -> None:
        for layer_idx in range(len(self.hidden_layers)):
            layer = self.hidden_layers[layer_idx]
            previous = inputs if layer_idx == 0 else self.hidden_layers[layer_idx - 1].all_outputs
            for neuron in layer.neurons:
                self.update_weights_in_a_layer(previous, neuron)
        for neuron in self.output_layer.neurons:
            self.update_weights_in_a_layer(self.hidden_layers[-1].all_outputs, neuron)

    def update_weights_in_a_layer(self, previous_layer_outputs, neuron: Neuron) -> None:
        for idx in range(len(previous_layer_outputs)):
            neuron.weights[idx] -= self.learning_rate * neuron.delta * previous_layer_outputs[idx]
        neuron.bias -= self.learning_rate * neuron.delta

    def train(self, num_epoch: int, num_outputs: int, training_set, training_output) -> None:
        for _ in range(num_epoch):
            sum_error = 0.0
            for idx, row in enumerate(training_set):
                expected = [0 for _ in range(num_outputs)]
                expected[training_output[idx]] = 1  # one-hot encoding
                actual = self.feed_forward(row)
                errors = self.derivative_error_to_output(actual, expected)
                self.back_propagate(row, errors)
                sum_error += self.mse(actual, expected)
            self.epoch_errors.append(sum_error)

    def predict(self, inputs: List[float]) -> int:
        outputs = self.feed_forward(inputs)
        return outputs.index(max(outputs))

    def mse(self, actual, expected) -> float:
        return sum((actual[i] - expected[i]) ** 2 for i in range(len(actual))) / len(actual)

    def nnlib_weights(self):
        out = []
        for layer in self.layers:
            out.append(np.array([n.weights for n in layer.neurons], dtype=np.float64).T)
            out.append(np.array([n.bias for n in layer.neurons], dtype=np.float64))
        return out


# --- 003: XOR, 2-4-1 sigmoid, full-batch numpy --------------------------------------------------


class XorNet:
    """Article 003 (XOR from scratch). Style: full-batch numpy, a NeuralNetwork class with
    W1 (2, 4), b1 (1, 4), W2 (4, 1), b2 (1, 1); sigmoid 1 / (1 + exp(-z)), its derivative
    recomputing it; dZ2 = a2 - y, gradients divided by m, fixed step 0.1; the loss printed every
    100 epochs is computed (not printed). dZ2 = a2 - y is the gradient of binary cross-entropy
    through the sigmoid, so nnlib's equivalent is loss="binary_crossentropy", SGD(0.1),
    batch_size=4. Starting weights: standard normal, biases zero, as the article.
    """

    def __init__(self, input_size=2, hidden_size=4, output_size=1, seed=0, lr=0.1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((input_size, hidden_size))
        self.b1 = np.zeros((1, hidden_size))
        self.W2 = rng.standard_normal((hidden_size, output_size))
        self.b2 = np.zeros((1, output_size))
        self.lr = lr
        self.epochs_done = 0
        self.losses = []

    def sigmoid(self, z):
        return 1 / (1 + np.exp(-z))

    def sigmoid_derivative(self, z):
        return self.sigmoid(z) * (1 - self.sigmoid(z))

    def forward(self, X):
        self.z1 = np.dot(X, self.W1) + self.b1
        self.a1 = self.sigmoid(self.z1)
        self.z2 = np.dot(self.a1, self.W2) + self.b2
        self.a2 = self.sigmoid(self.z2)
        return self.a2

    def backward(self, X, y):
        m = X.shape[0]
        dZ2 = self.a2 - y
        dW2 = np.dot(self.a1.T, dZ2) / m
        db2 = np.sum(dZ2, axis=0, keepdims=True) / m
        dZ1 = np.dot(dZ2, self.W2.T) * self.sigmoid_derivative(self.z1)
        dW1 = np.dot(X.T, dZ1) / m
        db1 = np.sum(dZ1, axis=0, keepdims=True) / m
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2

    def train(self, X, y, epochs):
        for _ in range(epochs):
            output = self.forward(X)
            self.backward(X, y)
            if self.epochs_done % 100 == 0:
                self.losses.append(np.mean((output - y) ** 2))
            self.epochs_done += 1

    def nnlib_weights(self):
        return [self.W1.copy(), self.b1[0].copy(), self.W2.copy(), self.b2[0].copy()]


# --- 004: gender, 2-2-1 with named weights, per-sample SGD --------------------------------------


def _np_sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _deriv_sigmoid(x):
    fx = _np_sigmoid(x)
    return fx * (1 - fx)


def _mse_loss(y_true, y_pred):
    return ((y_true - y_pred) ** 2).mean()


class GenderScalarNet:
    """Article 004 (gender, after Victor Zhou). Style: per-sample SGD on nine named scalars
    w1..w6, b1..b3 (np.random.normal() floats), sigmoid through np.exp on numpy scalars, every
    partial derivative spelled out (d_L_d_ypred, d_ypred_d_w5, ...), lr 0.1; every 10 epochs
    the loss over the data via np.apply_along_axis, as the article. Loss: squared error of one
    sample, i.e. nnlib's "mse" with batch_size=1.
    """

    def __init__(self, seed=0, learn_rate=0.1):
        rng = np.random.default_rng(seed)
        self.w1, self.w2, self.w3, self.w4, self.w5, self.w6 = (rng.normal() for _ in range(6))
        self.b1, self.b2, self.b3 = (rng.normal() for _ in range(3))
        self.learn_rate = learn_rate
        self.epochs_done = 0
        self.losses = []

    def feedforward(self, x):
        h1 = _np_sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = _np_sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        return _np_sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)

    def train(self, data, all_y_trues, epochs=1000):
        learn_rate = self.learn_rate
        for _ in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
                h1 = _np_sigmoid(sum_h1)
                sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
                h2 = _np_sigmoid(sum_h2)
                sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
                o1 = _np_sigmoid(sum_o1)
                y_pred = o1

                d_L_d_ypred = -2 * (y_true - y_pred)
                # neuron o1
                d_ypred_d_w5 = h1 * _deriv_sigmoid(sum_o1)
                d_ypred_d_w6 = h2 * _deriv_sigmoid(sum_o1)
                d_ypred_d_b3 = _deriv_sigmoid(sum_o1)
                d_ypred_d_h1 = self.w5 * _deriv_sigmoid(sum_o1)
                d_ypred_d_h2 = self.w6 * _deriv_sigmoid(sum_o1)
                # neuron h1
                d_h1_d_w1 = x[0] * _deriv_sigmoid(sum_h1)
                d_h1_d_w2 = x[1] * _deriv_sigmoid(sum_h1)
                d_h1_d_b1 = _deriv_sigmoid(sum_h1)
                # neuron h2
                d_h2_d_w3 = x[0] * _deriv_sigmoid(sum_h2)
                d_h2_d_w4 = x[1] * _deriv_sigmoid(sum_h2)
                d_h2_d_b2 = _deriv_sigmoid(sum_h2)

                # update weights and biases
                self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
                self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
                self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1
                self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
                self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
                self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2
                self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
                self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
                self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3

            if self.epochs_done % 10 == 0:
                y_preds = np.apply_along_axis(self.feedforward, 1, data)
                self.losses.append(_mse_loss(all_y_trues, y_preds))
            self.epochs_done += 1

    def nnlib_weights(self):
        W1 = np.array([[self.w1, self.w3], [self.w2, self.w4]], dtype=np.float64)
        W2 = np.array([[self.w5], [self.w6]], dtype=np.float64)
        return [W1, np.array([self.b1, self.b2], dtype=np.float64), W2,
                np.array([self.b3], dtype=np.float64)]
