"""Typical wrong answers to lesson 05's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

OD = "def output_delta_squared_error(y, y_hat):\n"
G = ("def grads_n1(p, x1, x2, y):\n    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
     "    d_out = 2 * (y_hat - y) * y_hat * (1 - y_hat)\n")
LR = "def learning_rate_for(batch_size):\n"


def grads(delta_1, result="delta_1 * x1, delta_1 * x2, delta_1"):
    """Exercise 2 as a student writes it: δ1 = `delta_1`, then `result`."""
    return G + f"    delta_1 = {delta_1}\n    return {result}\n"


RIGHT_DELTA_1 = "d_out * p['w7'] * n1 * (1 - n1)"

WRONG_ANSWERS = [
    # Exercise 1: output_delta_squared_error(y, y_hat), L = (y - y_hat)^2, one sample
    wrong("output_delta_squared_error", "wrong sign (y - y_hat)",
          OD + "    return 2 * (y - y_hat) * y_hat * (1 - y_hat)\n", "sign"),
    wrong("output_delta_squared_error", "lesson 01's delta: no 2",
          OD + "    return (y_hat - y) * y_hat * (1 - y_hat)\n", "no ½"),
    wrong("output_delta_squared_error", "no sigmoid slope: dL/dy_hat only",
          OD + "    return 2 * (y_hat - y)\n", "one more link"),
    wrong("output_delta_squared_error", "sigmoid slope of y_hat instead of at z_out",
          OD + "    s = sigmoid(y_hat)\n    return 2 * (y_hat - y) * s * (1 - s)\n",
          "as if ŷ were z_out"),
    wrong("output_delta_squared_error", "no return",
          OD + "    delta = 2 * (y_hat - y) * y_hat * (1 - y_hat)\n", "return"),
    wrong("output_delta_squared_error", "the loss itself as the first link",
          OD + "    return (y - y_hat) ** 2 * y_hat * (1 - y_hat)\n", "not the loss itself"),
    wrong("output_delta_squared_error", "the slope written with y",
          OD + "    return 2 * (y_hat - y) * y * (1 - y)\n", "not with the target"),
    wrong("output_delta_squared_error", "one factor of the slope",
          OD + "    return 2 * (y_hat - y) * (1 - y_hat)\n", "only one factor"),
    wrong("output_delta_squared_error", "the links added",
          OD + "    return 2 * (y_hat - y) + y_hat * (1 - y_hat)\n", "multiply"),
    wrong("output_delta_squared_error", "lesson 01's order of the parameters",
          "def output_delta_squared_error(y_hat, y):\n"
          "    return 2 * (y_hat - y) * y_hat * (1 - y_hat)\n", "in another order"),
    wrong("output_delta_squared_error", "abs to keep it positive",
          OD + "    return 2 * abs(y_hat - y) * y_hat * (1 - y_hat)\n", "sign matters"),
    wrong("output_delta_squared_error", "rounded", OD +
          "    return round(2 * (y_hat - y) * y_hat * (1 - y_hat), 2)\n", "rounded"),
    wrong("output_delta_squared_error", "an array of one", OD +
          "    return np.array([2 * (y_hat - y) * y_hat * (1 - y_hat)])\n", "shape"),
    wrong("output_delta_squared_error", "the slope of the sigmoid from math, at y_hat",
          OD + "    s = 1 / (1 + math.exp(-y_hat))\n    return 2 * (y_hat - y) * s * (1 - s)\n",
          "as if ŷ were z_out"),
    wrong("output_delta_squared_error", "ŷ − 1 in the slope",
          OD + "    return 2 * (y_hat - y) * y_hat * (y_hat - 1)\n", "sign"),
    # Exercise 2: grads_n1(p, x1, x2, y) = (dL/dw1, dL/dw2, dL/db_n1)
    wrong("grads_n1", "forgot the weight w7 on the way back",
          grads("d_out * n1 * (1 - n1)"), "dL/dw1", "carries n1 into z_out"),
    wrong("grads_n1", "forgot n1's sigmoid slope", grads("d_out * p['w7']"),
          "how n1 changes with z1"),
    wrong("grads_n1", "the bias gradient times x1",
          grads(RIGHT_DELTA_1, "delta_1 * x1, delta_1 * x2, delta_1 * x1"), "no input factor"),
    wrong("grads_n1", "x1 and x2 swapped",
          grads(RIGHT_DELTA_1, "delta_1 * x2, delta_1 * x1, delta_1"), "the input it multiplies"),
    wrong("grads_n1", "takes an SGD step on p (changes the input)",
          G + f"    d = {RIGHT_DELTA_1}\n    p['w1'] -= 0.05 * d * x1\n"
              "    return d * x1, d * x2, d\n", "in place"),
    wrong("grads_n1", "a list of two gradients only",
          grads(RIGHT_DELTA_1, "[delta_1 * x1, delta_1 * x2]"), "3 items"),
    wrong("grads_n1", "w8 for w7", grads("d_out * p['w8'] * n1 * (1 - n1)"), "its own weight"),
    wrong("grads_n1", "w1 for w7", grads("d_out * p['w1'] * n1 * (1 - n1)"),
          "not the one that feeds n1"),
    wrong("grads_n1", "n2's slope", grads("d_out * p['w7'] * n2 * (1 - n2)"), "belongs to n1"),
    wrong("grads_n1", "no output slope",
          G + "    d_out = 2 * (y_hat - y)\n    delta_1 = d_out * p['w7'] * n1 * (1 - n1)\n"
              "    return delta_1 * x1, delta_1 * x2, delta_1\n", "output sigmoid's slope"),
    wrong("grads_n1", "lost the 2", grads("(y_hat - y) * y_hat * (1 - y_hat) * p['w7'] * n1 * "
                                          "(1 - n1)"), "lost its 2"),
    wrong("grads_n1", "sign of δ_out flipped",
          grads("2 * (y - y_hat) * y_hat * (1 - y_hat) * p['w7'] * n1 * (1 - n1)"),
          "sign flipped"),
    wrong("grads_n1", "no input factors", grads(RIGHT_DELTA_1, "delta_1, delta_1, delta_1"),
          "the last link is missing"),
    wrong("grads_n1", "a dict of the gradients",
          grads(RIGHT_DELTA_1, "{'w1': delta_1 * x1, 'w2': delta_1 * x2, 'b_n1': delta_1}"),
          "wrong type"),
    wrong("grads_n1", "the notebook's start values instead of p",
          "def grads_n1(p, x1, x2, y):\n    n1, n2, n3, y_hat = forward(start, x1, x2)\n"
          "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * start['w7'] * n1 * (1 - n1)\n"
          "    return d * x1, d * x2, d\n", "start"),
    wrong("grads_n1", "n3's slope", grads("d_out * p['w7'] * n3 * (1 - n3)"), "belongs to n1"),
    # Exercise 3: learning_rate_for(batch_size)
    wrong("learning_rate_for", "kept the per-sample rate 0.05", LR + "    return 0.05\n",
          "same rate for every batch size"),
    wrong("learning_rate_for", "divided by the batch size", LR + "    return 0.05 / batch_size\n",
          "smaller rates for larger batches"),
    wrong("learning_rate_for", "far too large (50)", LR + "    return 50.0\n",
          "same rate for every batch size"),
    wrong("learning_rate_for", "no return", LR + "    lr = 0.05 * batch_size\n",
          "learning_rate_for()", "return"),
    wrong("learning_rate_for", "a square-root rule", LR + "    return 0.05 * batch_size ** 0.5\n",
          "test MSE"),
    wrong("learning_rate_for", "half the linear rule", LR + "    return 0.05 * batch_size / 2\n",
          "0.05"),
    wrong("learning_rate_for", "added instead of multiplied", LR + "    return 0.05 + batch_size\n",
          "0.05"),
    wrong("learning_rate_for", "a text", LR + "    return str(0.05 * batch_size)\n", "one number"),
    wrong("learning_rate_for", "a list", LR + "    return [0.05 * batch_size]\n", "one number"),
    wrong("learning_rate_for", "negative", LR + "    return -0.05 * batch_size\n",
          "smaller rates"),
    wrong("learning_rate_for", "the rate that worked for 32, for every size",
          LR + "    return 1.6\n", "same rate for every batch size"),
    wrong("learning_rate_for", "zero for batches of one",
          LR + "    return 0.05 * (batch_size > 1) * batch_size\n", "0.05"),
    wrong("learning_rate_for", "ten times the linear rule", LR + "    return batch_size * 0.5\n",
          "0.05"),
    wrong("learning_rate_for", "doubled per sample", LR + "    return 0.1 * batch_size\n", "0.05"),
]

CORRECT_ANSWERS = [
    right("output_delta_squared_error", "−2(y − ŷ) ŷ(1 − ŷ)",
          OD + "    return -2 * (y - y_hat) * y_hat * (1 - y_hat)\n"),
    right("output_delta_squared_error", "the two links named",
          OD + "    dL_dyhat = 2 * (y_hat - y)\n    dyhat_dz = y_hat - y_hat ** 2\n"
               "    return dL_dyhat * dyhat_dz\n"),
    right("output_delta_squared_error", "a float", OD +
          "    return float(2.0 * (y_hat - y) * y_hat * (1.0 - y_hat))\n"),
    right("grads_n1", "exercise 1's function reused",
          "def grads_n1(p, x1, x2, y):\n    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
          "    d = output_delta_squared_error(y, y_hat) * p['w7'] * n1 * (1 - n1)\n"
          "    return d * x1, d * x2, d\n"),
    right("grads_n1", "a list", grads(RIGHT_DELTA_1, "[delta_1 * x1, delta_1 * x2, delta_1]")),
    right("grads_n1", "a numpy array", grads(RIGHT_DELTA_1,
                                             "np.array([delta_1 * x1, delta_1 * x2, delta_1])")),
    right("learning_rate_for", "batch_size / 20", LR + "    return batch_size / 20\n"),
    right("learning_rate_for", "the notebook's LR", LR + "    return LR * batch_size\n"),
    right("learning_rate_for", "a float of it", LR + "    return float(0.05 * batch_size)\n"),
]
