"""Typical wrong answers to lesson 03's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

MD = "def output_delta_mse(y, y_hat):\n"
LR = "def mse_learning_rate():\n"

WRONG_ANSWERS = [
    # Exercise 1: output_delta_mse(y, y_hat) = dL/dz2 of the mean squared error
    wrong("output_delta_mse", "wrong sign (y - y_hat)",
          MD + "    return 2.0 * (y - y_hat) / len(y) * y_hat * (1.0 - y_hat)\n", "sign"),
    wrong("output_delta_mse", "forgot the 2 of the square",
          MD + "    return (y_hat - y) / len(y) * y_hat * (1.0 - y_hat)\n", "2 that comes down"),
    wrong("output_delta_mse", "forgot the 1/n of the mean",
          MD + "    return 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)\n", "1/n"),
    wrong("output_delta_mse", "no sigmoid slope", MD + "    return 2.0 * (y_hat - y) / len(y)\n",
          "a link is missing"),
    wrong("output_delta_mse", "sigmoid slope taken at y_hat instead of z2",
          MD + "    s = 1 / (1 + np.exp(-y_hat))\n"
               "    return 2.0 * (y_hat - y) / len(y) * s * (1 - s)\n",
          "as if ŷ were z2"),
    wrong("output_delta_mse", "averaged into one number",
          MD + "    return np.mean(2.0 * (y_hat - y) * y_hat * (1.0 - y_hat))\n", "shape"),
    wrong("output_delta_mse", "changes y_hat in place",
          MD + "    slope = y_hat * (1.0 - y_hat)\n    y_hat -= y\n"
               "    return 2.0 * y_hat / len(y) * slope\n", "in place", "y_hat"),
    wrong("output_delta_mse", "no return",
          MD + "    delta = 2.0 * (y_hat - y) / len(y) * y_hat * (1.0 - y_hat)\n", "return"),
    wrong("output_delta_mse", "the cross-entropy's delta kept",
          MD + "    n = len(y)\n    return (y_hat - y) / n\n", "cross-entropy's delta"),
    wrong("output_delta_mse", "the MSE itself as the first factor",
          MD + "    mse = np.mean((y_hat - y) ** 2)\n    return mse * y_hat * (1 - y_hat)\n",
          "not the MSE itself"),
    wrong("output_delta_mse", "one factor of the slope",
          MD + "    return 2 * (y_hat - y) / len(y) * (1 - y_hat)\n", "only one factor"),
    wrong("output_delta_mse", "divided by the number of columns",
          MD + "    return 2 * (y_hat - y) / y_hat.shape[1] * y_hat * (1 - y_hat)\n", "1/n"),
    wrong("output_delta_mse", "the order of the lesson's own helpers (y_hat, y)",
          "def output_delta_mse(y_hat, y):\n"
          "    return 2 * (y_hat - y) / len(y) * y_hat * (1 - y_hat)\n", "in another order"),
    wrong("output_delta_mse", "reads the notebook's y",
          "def output_delta_mse(targets, y_hat):\n"
          "    return 2 * (y_hat - y) / len(y) * y_hat * (1 - y_hat)\n", "`y`"),
    wrong("output_delta_mse", "a list of numbers per case",
          MD + "    return [2 * (p - t) / len(y) * p * (1 - p) for t, p in zip(y.ravel(), "
               "y_hat.ravel())]\n", "shape"),
    wrong("output_delta_mse", "the cross-entropy's delta from the notebook, reused",
          MD + "    return delta_ce(y, y_hat)\n", "cross-entropy's delta"),
    wrong("output_delta_mse", "summed into one number",
          MD + "    return np.sum(2 * (y_hat - y) / len(y) * y_hat * (1 - y_hat))\n", "shape"),
    wrong("output_delta_mse", "divided and multiplied by n",
          MD + "    n = len(y)\n    return 2 * (y_hat - y) / n * y_hat * (1 - y_hat) * n\n", "1/n"),
    # Exercise 2: mse_learning_rate() makes all 20 MSE runs converge
    wrong("mse_learning_rate", "kept the cross-entropy's rate 0.1", LR + "    return 0.1\n",
          "13 of 20"),
    wrong("mse_learning_rate", "not enough: 0.15", LR + "    return 0.15\n", "19 of 20"),
    wrong("mse_learning_rate", "negative rate (steps uphill)", LR + "    return -0.2\n",
          "positive number"),
    wrong("mse_learning_rate", "no return", LR + "    lr = 0.2\n", "mse_learning_rate()",
          "return"),
    wrong("mse_learning_rate", "a text", LR + "    return '0.2'\n", "one number"),
    wrong("mse_learning_rate", "a list of one rate", LR + "    return [0.2]\n", "one number"),
    wrong("mse_learning_rate", "zero", LR + "    return 0\n", "positive number"),
    wrong("mse_learning_rate", "two rates to try", LR + "    return 0.2, 0.3\n", "one number"),
    wrong("mse_learning_rate", "half the cross-entropy's rate", LR + "    return 0.05\n",
          "of 20 starts converged"),
    wrong("mse_learning_rate", "the function itself", LR + "    return mse_learning_rate\n",
          "one number"),
    wrong("mse_learning_rate", "a tuple", LR + "    return (0.3,)\n", "one number"),
    wrong("mse_learning_rate", "a dict", LR + "    return {'lr': 0.3}\n", "one number"),
    wrong("mse_learning_rate", "minus one", LR + "    return -1\n", "positive number"),
    wrong("mse_learning_rate", "an array of one rate", LR + "    return np.array([0.25])\n",
          "one number"),
]

CORRECT_ANSWERS = [
    right("output_delta_mse", "y.size",
          MD + "    return 2 * (y_hat - y) * y_hat * (1 - y_hat) / y.size\n"),
    right("output_delta_mse", "one link per line",
          MD + "    n = y.shape[0]\n    dL_dyhat = 2 * (y_hat - y) / n\n"
               "    return dL_dyhat * (y_hat - y_hat ** 2)\n"),
    right("output_delta_mse", "the cross-entropy's delta times 2ŷ(1 − ŷ)",
          MD + "    delta_ce = (y_hat - y) / len(y)\n"
               "    return delta_ce * 2 * y_hat * (1 - y_hat)\n"),
    right("mse_learning_rate", "0.3", LR + "    return 0.3\n"),
    right("mse_learning_rate", "four times 0.1", LR + "    return 4 * 0.1\n"),
    right("mse_learning_rate", "a numpy float", LR + "    return np.float64(0.5)\n"),
]
