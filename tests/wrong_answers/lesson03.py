"""Typical wrong answers to lesson 03's exercises; each must get a ✗ that locates the mistake."""

WRONG_ANSWERS = [
    # Exercise 1: output_delta_mse(y_hat, y) = dL/dz2 of the mean squared error
    {"exercise": "output_delta_mse", "why": "wrong sign (y - y_hat)",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    return 2.0 * (y - y_hat) / len(y) * y_hat * (1.0 - y_hat)\n",
     "expect": ["sign"]},
    {"exercise": "output_delta_mse", "why": "forgot the 2 of the square",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    return (y_hat - y) / len(y) * y_hat * (1.0 - y_hat)\n",
     "expect": ["factor"]},
    {"exercise": "output_delta_mse", "why": "forgot the 1/n of the mean",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    return 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)\n",
     "expect": ["factor"]},
    {"exercise": "output_delta_mse", "why": "no sigmoid slope: the cross-entropy's delta",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    return 2.0 * (y_hat - y) / len(y)\n",
     "expect": ["differ"]},
    {"exercise": "output_delta_mse", "why": "sigmoid slope taken at y_hat instead of z2",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    s = 1 / (1 + np.exp(-y_hat))\n"
             "    return 2.0 * (y_hat - y) / len(y) * s * (1 - s)\n",
     "expect": ["differ"]},
    {"exercise": "output_delta_mse", "why": "averaged into one number",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    return np.mean(2.0 * (y_hat - y) * y_hat * (1.0 - y_hat))\n",
     "expect": ["shape"]},
    {"exercise": "output_delta_mse", "why": "changes y_hat in place",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    slope = y_hat * (1.0 - y_hat)\n"
             "    y_hat -= y\n"
             "    return 2.0 * y_hat / len(y) * slope\n",
     "expect": ["in place", "y_hat"]},
    {"exercise": "output_delta_mse", "why": "no return",
     "code": "def output_delta_mse(y, y_hat):\n"
             "    delta = 2.0 * (y_hat - y) / len(y) * y_hat * (1.0 - y_hat)\n",
     "expect": ["return"]},
    # Exercise 2: mse_learning_rate() makes all 20 MSE runs converge
    {"exercise": "mse_learning_rate", "why": "kept the cross-entropy's rate 0.1",
     "code": "def mse_learning_rate():\n    return 0.1\n",
     "expect": ["13 of 20"]},
    {"exercise": "mse_learning_rate", "why": "not enough: 0.15",
     "code": "def mse_learning_rate():\n    return 0.15\n",
     "expect": ["19 of 20"]},
    {"exercise": "mse_learning_rate", "why": "negative rate (steps uphill)",
     "code": "def mse_learning_rate():\n    return -0.2\n",
     "expect": ["0 of 20"]},
    {"exercise": "mse_learning_rate", "why": "no return",
     "code": "def mse_learning_rate():\n    lr = 0.2\n",
     "expect": ["mse_learning_rate()", "return"]},
]
