"""Typical wrong answers to lesson 06's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

TD = "def tanh_derivative_from_output(a):\n"
OD = "def output_delta_cross_entropy(y, probs):\n"
ML = "def mean_loss_settings(epsilon, reg_lambda, n):\n"
COPY = OD + "    delta = probs.copy()\n"

WRONG_ANSWERS = [
    # Exercise 1: tanh_derivative_from_output(a), a = tanh(z)
    wrong("tanh_derivative_from_output", "applies tanh again: treats a as z",
          TD + "    return 1.0 - np.tanh(a) ** 2\n", "tanh of it again"),
    wrong("tanh_derivative_from_output", "the sigmoid's form a(1 - a)",
          TD + "    return a * (1.0 - a)\n", "sigmoid's slope"),
    wrong("tanh_derivative_from_output", "wrong sign", TD + "    return a ** 2 - 1.0\n",
          "never negative"),
    wrong("tanh_derivative_from_output", "2a instead of a squared", TD + "    return 1.0 - 2 * a\n",
          "not 2 tanh(z)"),
    wrong("tanh_derivative_from_output", "no return", TD + "    d = 1.0 - a ** 2\n", "return"),
    wrong("tanh_derivative_from_output", "the square forgotten", TD + "    return 1 - a\n",
          "squared"),
    wrong("tanh_derivative_from_output", "the whole difference squared",
          TD + "    return (1 - a) ** 2\n", "only tanh(z) is squared"),
    wrong("tanh_derivative_from_output", "back to z first",
          TD + "    z = np.arctanh(a)\n    return 1 - z ** 2\n", "going back to z"),
    wrong("tanh_derivative_from_output", "tanh itself", TD + "    return np.tanh(a)\n",
          "tanh again"),
    wrong("tanh_derivative_from_output", "sech² at a", TD + "    return 1 / np.cosh(a) ** 2\n",
          "tanh of it again"),
    wrong("tanh_derivative_from_output", "a @ a for the square", TD + "    return 1 - a @ a\n",
          "shape"),
    wrong("tanh_derivative_from_output", "squares a in place",
          TD + "    a **= 2\n    return 1 - a\n", "in place"),
    wrong("tanh_derivative_from_output", "the notebook's hidden outputs a1",
          TD + "    return 1 - a1 ** 2\n", "a1"),
    wrong("tanh_derivative_from_output", "math.tanh, one number at a time",
          "import math\n\n" + TD + "    return 1 - math.tanh(a) ** 2\n", "raised"),
    wrong("tanh_derivative_from_output", "cosh at a", TD + "    return np.cosh(a) ** -2\n",
          "tanh of it again"),
    # Exercise 2: output_delta_cross_entropy(y, probs) without changing probs
    wrong("output_delta_cross_entropy", "changes probs in place",
          OD + "    probs[np.arange(len(y)), y] -= 1.0\n    return probs\n", "in place", "probs"),
    wrong("output_delta_cross_entropy", "one-hot minus probs: the sign is flipped",
          OD + "    return np.eye(probs.shape[1])[y] - probs\n", "sign"),
    wrong("output_delta_cross_entropy", "delta[:, y] changes whole columns, not one entry per row",
          COPY + "    delta[:, y] -= 1.0\n    return delta\n", "whole columns"),
    wrong("output_delta_cross_entropy", "subtracts 1 in the wrong column (the other class)",
          COPY + "    delta[np.arange(len(y)), 1 - y] -= 1.0\n    return delta\n",
          "wrong column"),
    wrong("output_delta_cross_entropy", "divides by n (the mean loss's gradient)",
          COPY + "    delta[np.arange(len(y)), y] -= 1.0\n    return delta / len(y)\n",
          "divided by n"),
    wrong("output_delta_cross_entropy", "returns only the true-class column",
          OD + "    return probs[np.arange(len(y)), y] - 1.0\n", "shape"),
    wrong("output_delta_cross_entropy", "1 subtracted everywhere", OD + "    return probs - 1\n",
          "every column"),
    wrong("output_delta_cross_entropy", "the probabilities as they are",
          OD + "    return probs.copy()\n", "one-hot row of the true class is missing"),
    wrong("output_delta_cross_entropy", "the slope of −log p",
          OD + "    one_hot = np.eye(probs.shape[1])[y]\n    return -one_hot / probs\n",
          "with respect to the probabilities"),
    wrong("output_delta_cross_entropy", "the order of the old exercise (probs, y)",
          "def output_delta_cross_entropy(probs, y):\n    delta = probs.copy()\n"
          "    delta[np.arange(len(y)), y] -= 1.0\n    return delta\n", "in another order"),
    wrong("output_delta_cross_entropy", "the 1 always in column 0",
          COPY + "    delta[:, 0] -= 1.0\n    return delta\n", "column 0"),
    wrong("output_delta_cross_entropy", "the one-hot rows for two classes only",
          OD + "    return probs - np.eye(2)[y]\n", "raised"),
    wrong("output_delta_cross_entropy", "the notebook's probs",
          "def output_delta_cross_entropy(y, p):\n    delta = probs.copy()\n"
          "    delta[np.arange(len(y)), y] -= 1.0\n    return delta\n", "probs"),
    wrong("output_delta_cross_entropy", "a loop that edits probs",
          OD + "    for i in range(len(y)):\n        probs[i][y[i]] -= 1\n    return probs\n",
          "in place"),
    wrong("output_delta_cross_entropy", "np.eye of the number of rows",
          OD + "    return probs - np.eye(probs.shape[0])[y]\n", "raised"),
    wrong("output_delta_cross_entropy", "a second name, not a copy",
          OD + "    delta = probs\n    delta[np.arange(len(y)), y] -= 1\n    return delta\n",
          "in place"),
    # Exercise 3: mean_loss_settings(epsilon, reg_lambda, n) -> (learning_rate, l2)
    wrong("mean_loss_settings", "l2 = lambda / n: forgot the 2 of the gradient",
          ML + "    return epsilon * n, reg_lambda / n\n", "l2", "the 2 has to go somewhere"),
    wrong("mean_loss_settings", "divides epsilon by n instead of multiplying",
          ML + "    return epsilon / n, reg_lambda / (2 * n)\n", "learning_rate", "make up"),
    wrong("mean_loss_settings", "l2 = lambda / 2 without the n",
          ML + "    return epsilon * n, reg_lambda / 2\n", "l2", "η is already ε·n"),
    wrong("mean_loss_settings", "returns only the learning rate", ML + "    return epsilon * n\n",
          "one number", "two"),
    wrong("mean_loss_settings", "no return",
          ML + "    learning_rate, l2 = epsilon * n, reg_lambda / (2 * n)\n", "return"),
    wrong("mean_loss_settings", "epsilon kept as it is",
          ML + "    return epsilon, reg_lambda / (2 * n)\n", "factor n"),
    wrong("mean_loss_settings", "n on the wrong side", ML +
          "    return epsilon * n, reg_lambda * n / 2\n", "below the line"),
    wrong("mean_loss_settings", "lambda kept", ML + "    return epsilon * n, reg_lambda\n",
          "not λ"),
    wrong("mean_loss_settings", "the 2 multiplies",
          ML + "    return epsilon * n, 2 * reg_lambda / n\n", "divides"),
    wrong("mean_loss_settings", "the tuple the other way round",
          ML + "    return reg_lambda / (2 * n), epsilon * n\n", "in that order"),
    wrong("mean_loss_settings", "a dict", ML +
          "    return {'learning_rate': epsilon * n, 'l2': reg_lambda / (2 * n)}\n", "wrong type"),
    wrong("mean_loss_settings", "the notebook's epsilon",
          "def mean_loss_settings(eps, lam, n):\n    return epsilon * n, lam / (2 * n)\n",
          "epsilon"),
    wrong("mean_loss_settings", "len(X) for n", ML +
          "    return epsilon * len(X), reg_lambda / (2 * len(X))\n", "X"),
    wrong("mean_loss_settings", "l2 rounded", ML +
          "    return epsilon * n, round(reg_lambda / (2 * n), 4)\n", "rounded"),
    wrong("mean_loss_settings", "the learning rate doubled", ML +
          "    return 2 * epsilon * n, reg_lambda / (2 * n)\n", "factor of 2"),
]

CORRECT_ANSWERS = [
    right("tanh_derivative_from_output", "np.square", TD + "    return 1 - np.square(a)\n"),
    right("tanh_derivative_from_output", "(1 − a)(1 + a)", TD + "    return (1 - a) * (1 + a)\n"),
    right("tanh_derivative_from_output", "a * a", TD + "    return 1.0 - a * a\n"),
    right("output_delta_cross_entropy", "one-hot rows from np.eye",
          OD + "    return probs - np.eye(probs.shape[1])[y]\n"),
    right("output_delta_cross_entropy", "a loop over the rows of a copy",
          COPY + "    for i, label in enumerate(y):\n        delta[i, label] -= 1\n"
                 "    return delta\n"),
    right("output_delta_cross_entropy", "one-hot built by hand",
          OD + "    one_hot = np.zeros_like(probs)\n    one_hot[np.arange(len(y)), y] = 1\n"
               "    return probs - one_hot\n"),
    right("mean_loss_settings", "two named lines", ML +
          "    learning_rate = epsilon * n\n    l2 = reg_lambda / 2 / n\n"
          "    return learning_rate, l2\n"),
    right("mean_loss_settings", "a list", ML + "    return [epsilon * n, 0.5 * reg_lambda / n]\n"),
    right("mean_loss_settings", "an array", ML +
          "    return np.array([epsilon * n, reg_lambda / (2 * n)])\n"),
]
