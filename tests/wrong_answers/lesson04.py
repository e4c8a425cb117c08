"""Typical wrong answers to lesson 04's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

HD = "def hidden_delta(a_h, weights_out, deltas_out):\n"
SUM = "    error = sum(w * d for w, d in zip(weights_out, deltas_out))\n"


def backward_with(deltas1, returns=True):
    """Exercise 2's function as a student would write it, with this right side for deltas1."""
    return ("def backward_fixed(x, t, W1, b1, W2, b2):\n"
            "    a1 = sigmoid(W1 @ x + b1)\n"
            "    a2 = sigmoid(W2 @ a1 + b2)\n"
            "    deltas2 = (a2 - t) * sigmoid_derivative(a2)\n"
            f"    deltas1 = {deltas1}\n"
            f"    {'return ' if returns else ''}"
            "[np.outer(deltas1, x), deltas1, np.outer(deltas2, a1), deltas2]\n")


WRONG_ANSWERS = [
    # Exercise 1: hidden_delta(a_h, weights_out, deltas_out), plain Python
    wrong("hidden_delta", "forgot the hidden neuron's sigmoid slope",
          HD + "    return sum(w * d for w, d in zip(weights_out, deltas_out))\n",
          "own sigmoid slope is missing"),
    wrong("hidden_delta", "slope of a_h taken as if a_h were z",
          "import math\n\n" + HD + "    s = 1 / (1 + math.exp(-a_h))\n" + SUM
          + "    return error * s * (1 - s)\n", "as if a_h were"),
    wrong("hidden_delta", "only the first output neuron's path",
          HD + "    return weights_out[0] * deltas_out[0] * a_h * (1 - a_h)\n",
          "only the first output"),
    wrong("hidden_delta", "slope written a_h (a_h - 1): the sign is flipped",
          HD + SUM + "    return error * a_h * (a_h - 1)\n", "sign"),
    wrong("hidden_delta", "returns one term per output (a list)",
          HD + "    return [w * d * a_h * (1 - a_h) for w, d in zip(weights_out, deltas_out)]\n",
          "adds them up"),
    wrong("hidden_delta", "no return", HD + SUM + "    error * a_h * (1 - a_h)\n", "return"),
    wrong("hidden_delta", "the sums taken apart",
          HD + "    return sum(weights_out) * sum(deltas_out) * a_h * (1 - a_h)\n",
          "summed separately"),
    wrong("hidden_delta", "divided by the number of outputs",
          HD + SUM + "    return error / len(deltas_out) * a_h * (1 - a_h)\n", "averaged"),
    wrong("hidden_delta", "the slope squared",
          HD + SUM + "    return error * (a_h * (1 - a_h)) ** 2\n", "appears twice"),
    wrong("hidden_delta", "only 1 − a_h", HD + SUM + "    return error * (1 - a_h)\n",
          "only one factor"),
    wrong("hidden_delta", "the slope added", HD + SUM + "    return error + a_h * (1 - a_h)\n",
          "multiply"),
    wrong("hidden_delta", "returns inside the loop",
          HD + "    for w, d in zip(weights_out, deltas_out):\n"
               "        return w * d * a_h * (1 - a_h)\n", "only the first output"),
    wrong("hidden_delta", "overwrites instead of adding up",
          HD + "    error = 0.0\n    for w, d in zip(weights_out, deltas_out):\n"
               "        error = w * d\n    return error * a_h * (1 - a_h)\n", "the last one"),
    wrong("hidden_delta", "adds the weight to the delta",
          HD + "    error = 0.0\n    for w, d in zip(weights_out, deltas_out):\n"
               "        error += w + d\n    return error * a_h * (1 - a_h)\n", "not added"),
    wrong("hidden_delta", "the notebook's W2 row instead of weights_out",
          HD + "    error = sum(w * d for w, d in zip(W2[0], deltas_out))\n"
               "    return error * a_h * (1 - a_h)\n", "W2"),
    wrong("hidden_delta", "rounded", HD + SUM + "    return round(error * a_h * (1 - a_h), 3)\n",
          "rounded"),
    # Exercise 2: backward_fixed(x, t, W1, b1, W2, b2), the deltas1 line
    wrong("backward_fixed", "left the published bug (slope twice)",
          backward_with("(W2.T @ deltas2 * sigmoid_derivative(a1)) * sigmoid_derivative(a1)"),
          "dW1 is off", "applied twice"),
    wrong("backward_fixed", "missing .T (W2 is square here: no shape error)",
          backward_with("(W2 @ deltas2) * sigmoid_derivative(a1)"), "dW1 is off",
          "turned around"),
    wrong("backward_fixed", "passes z to a helper that takes the output a",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(W1 @ x + b1)"),
          "weighted sum z"),
    wrong("backward_fixed", "removed both slopes", backward_with("W2.T @ deltas2"),
          "a link is missing"),
    wrong("backward_fixed", "entry-by-entry * instead of @: a matrix, not a vector",
          backward_with("(W2.T * deltas2) * sigmoid_derivative(a1)"), "shape"),
    wrong("backward_fixed", "no return",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(a1)", returns=False), "return"),
    wrong("backward_fixed", "the helper given σ(a1)",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(sigmoid(a1))"), "σ(a1)"),
    wrong("backward_fixed", "no weights", backward_with("np.sum(deltas2) * sigmoid_derivative(a1)"),
          "weights are missing"),
    wrong("backward_fixed", "the slope added",
          backward_with("(W2.T @ deltas2) + sigmoid_derivative(a1)"), "multiply"),
    wrong("backward_fixed", "one factor of the slope", backward_with("(W2.T @ deltas2) * (1 - a1)"),
          "only one factor"),
    wrong("backward_fixed", "output deltas counted twice",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(a1) * np.sum(deltas2)"),
          "counted twice"),
    wrong("backward_fixed", "the outputs' slope instead of the hidden one",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(a2)"), "hidden neurons' own"),
    wrong("backward_fixed", "halved",
          backward_with("(W2.T @ deltas2) * sigmoid_derivative(a1) / 2"), "dW1 is off", "factor"),
    wrong("backward_fixed", "doubled",
          backward_with("2 * (W2.T @ deltas2) * sigmoid_derivative(a1)"), "dW1 is off", "factor"),
    wrong("backward_fixed", "a minus too many",
          backward_with("-(W2.T @ deltas2) * sigmoid_derivative(a1)"), "sign"),
    wrong("backward_fixed", "the slope inside the product",
          backward_with("W2.T @ (deltas2 * sigmoid_derivative(a1))"), "after W2"),
]

CORRECT_ANSWERS = [
    right("hidden_delta", "an index loop",
          HD + "    error = 0.0\n    for o in range(len(deltas_out)):\n"
               "        error += weights_out[o] * deltas_out[o]\n"
               "    return error * a_h * (1.0 - a_h)\n"),
    right("hidden_delta", "sum of a generator, slope as a - a²",
          HD + SUM + "    return error * (a_h - a_h ** 2)\n"),
    right("hidden_delta", "numpy after all", HD +
          "    return float(np.dot(weights_out, deltas_out) * a_h * (1 - a_h))\n"),
    right("backward_fixed", "deltas2 @ W2", backward_with("deltas2 @ W2 * sigmoid_derivative(a1)")),
    right("backward_fixed", "np.dot and a1(1 − a1)",
          backward_with("np.dot(W2.T, deltas2) * a1 * (1 - a1)")),
    right("backward_fixed", "the slope from z, with σ",
          backward_with("(W2.T @ deltas2) * sigmoid(W1 @ x + b1) * (1 - sigmoid(W1 @ x + b1))")),
]
