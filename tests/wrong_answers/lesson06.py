"""Typical wrong answers to lesson 06's exercises; each must get a ✗ that locates the mistake."""

OD = "def output_delta_cross_entropy(y, probs):\n"

WRONG_ANSWERS = [
    # Exercise 1: tanh_derivative_from_output(a), a = tanh(z)
    {"exercise": "tanh_derivative_from_output", "why": "applies tanh again: treats a as z",
     "code": "def tanh_derivative_from_output(a):\n    return 1.0 - np.tanh(a) ** 2\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "tanh_derivative_from_output", "why": "the sigmoid's form a(1 - a)",
     "code": "def tanh_derivative_from_output(a):\n    return a * (1.0 - a)\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "tanh_derivative_from_output", "why": "wrong sign",
     "code": "def tanh_derivative_from_output(a):\n    return a ** 2 - 1.0\n",
     "expect": ["sign"]},
    {"exercise": "tanh_derivative_from_output", "why": "2a instead of a squared",
     "code": "def tanh_derivative_from_output(a):\n    return 1.0 - 2 * a\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "tanh_derivative_from_output", "why": "no return",
     "code": "def tanh_derivative_from_output(a):\n    d = 1.0 - a ** 2\n",
     "expect": ["return"]},
    # Exercise 2: output_delta(probs, y) without changing probs
    {"exercise": "output_delta_cross_entropy", "why": "changes probs in place",
     "code": OD + "    probs[np.arange(len(y)), y] -= 1.0\n"
             "    return probs\n",
     "expect": ["in place", "probs"]},
    {"exercise": "output_delta_cross_entropy", "why": "one-hot minus probs: the sign is flipped",
     "code": OD + "    return np.eye(probs.shape[1])[y] - probs\n",
     "expect": ["sign"]},
    {"exercise": "output_delta_cross_entropy",
     "why": "delta[:, y] changes whole columns, not one entry per row",
     "code": OD + "    delta = probs.copy()\n    delta[:, y] -= 1.0\n"
             "    return delta\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "output_delta_cross_entropy",
     "why": "subtracts 1 in the wrong column (the other class)",
     "code": OD + "    delta = probs.copy()\n"
             "    delta[np.arange(len(y)), 1 - y] -= 1.0\n    return delta\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "output_delta_cross_entropy", "why": "divides by n (the mean loss's gradient)",
     "code": OD + "    delta = probs.copy()\n"
             "    delta[np.arange(len(y)), y] -= 1.0\n    return delta / len(y)\n",
     "expect": ["factor"]},
    {"exercise": "output_delta_cross_entropy", "why": "returns only the true-class column",
     "code": OD + "    return probs[np.arange(len(y)), y] - 1.0\n",
     "expect": ["shape"]},
    # Exercise 3: mean_loss_settings(epsilon, reg_lambda, n) -> (learning_rate, l2)
    {"exercise": "mean_loss_settings", "why": "l2 = lambda / n: forgot the 2 of the gradient",
     "code": "def mean_loss_settings(epsilon, reg_lambda, n):\n"
             "    return epsilon * n, reg_lambda / n\n",
     "expect": ["l2", "factor of 2"]},
    {"exercise": "mean_loss_settings", "why": "divides epsilon by n instead of multiplying",
     "code": "def mean_loss_settings(epsilon, reg_lambda, n):\n"
             "    return epsilon / n, reg_lambda / (2 * n)\n",
     "expect": ["learning_rate", "wrong value"]},
    {"exercise": "mean_loss_settings", "why": "l2 = lambda / 2 without the n",
     "code": "def mean_loss_settings(epsilon, reg_lambda, n):\n"
             "    return epsilon * n, reg_lambda / 2\n",
     "expect": ["l2", "wrong value"]},
    {"exercise": "mean_loss_settings", "why": "returns only the learning rate",
     "code": "def mean_loss_settings(epsilon, reg_lambda, n):\n    return epsilon * n\n",
     "expect": ["one number", "two"]},
    {"exercise": "mean_loss_settings", "why": "no return",
     "code": "def mean_loss_settings(epsilon, reg_lambda, n):\n"
             "    learning_rate, l2 = epsilon * n, reg_lambda / (2 * n)\n",
     "expect": ["return"]},
]
