"""Typical wrong answers to lesson 05's exercises; each must get a ✗ that locates the mistake."""

OD = "def output_delta_squared_error(y, y_hat):\n"

WRONG_ANSWERS = [
    # Exercise 1: output_delta(y, y_hat) = dL/dz_out for L = (y - y_hat)^2, one sample
    {"exercise": "output_delta_squared_error", "why": "wrong sign (y - y_hat)",
     "code": OD + "    return 2 * (y - y_hat) * y_hat * (1 - y_hat)\n",
     "expect": ["sign"]},
    {"exercise": "output_delta_squared_error", "why": "forgot the 2 of the square",
     "code": OD + "    return (y_hat - y) * y_hat * (1 - y_hat)\n",
     "expect": ["factor"]},
    {"exercise": "output_delta_squared_error", "why": "no sigmoid slope: dL/dy_hat only",
     "code": OD + "    return 2 * (y_hat - y)\n",
     "expect": ["wrong value"]},
    {"exercise": "output_delta_squared_error", "why": "sigmoid slope of y_hat instead of at z_out",
     "code": OD + ""
             "    s = sigmoid(y_hat)\n"
             "    return 2 * (y_hat - y) * s * (1 - s)\n",
     "expect": ["wrong value"]},
    {"exercise": "output_delta_squared_error", "why": "no return",
     "code": OD + "    delta = 2 * (y_hat - y) * y_hat * (1 - y_hat)\n",
     "expect": ["return"]},
    # Exercise 2: grads_n1(p, x1, x2, y) = (dL/dw1, dL/dw2, dL/db_n1)
    {"exercise": "grads_n1", "why": "forgot the weight w7 on the way back",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * n1 * (1 - n1)\n"
             "    return d * x1, d * x2, d\n",
     "expect": ["dL/dw1"]},
    {"exercise": "grads_n1", "why": "forgot n1's sigmoid slope",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * p['w7']\n"
             "    return d * x1, d * x2, d\n",
     "expect": ["dL/dw1"]},
    {"exercise": "grads_n1", "why": "the bias gradient times x1",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * p['w7'] * n1 * (1 - n1)\n"
             "    return d * x1, d * x2, d * x1\n",
     "expect": ["dL/db_n1"]},
    {"exercise": "grads_n1", "why": "x1 and x2 swapped",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * p['w7'] * n1 * (1 - n1)\n"
             "    return d * x2, d * x1, d\n",
     "expect": ["dL/dw1"]},
    {"exercise": "grads_n1", "why": "takes an SGD step on p (changes the input)",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * p['w7'] * n1 * (1 - n1)\n"
             "    p['w1'] -= 0.05 * d * x1\n"
             "    return d * x1, d * x2, d\n",
     "expect": ["in place"]},
    {"exercise": "grads_n1", "why": "a list of two gradients only",
     "code": "def grads_n1(p, x1, x2, y):\n"
             "    n1, n2, n3, y_hat = forward(p, x1, x2)\n"
             "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat) * p['w7'] * n1 * (1 - n1)\n"
             "    return d * x1, d * x2\n",
     "expect": ["3 items"]},
    # Exercise 3: learning_rate_for(batch_size), checked with batch_size=64
    {"exercise": "learning_rate_for", "why": "kept the per-sample rate 0.05",
     "code": "def learning_rate_for(batch_size):\n    return 0.05\n",
     "expect": ["learning_rate=0.05", "target"]},
    {"exercise": "learning_rate_for", "why": "divided by the batch size",
     "code": "def learning_rate_for(batch_size):\n    return 0.05 / batch_size\n",
     "expect": ["target"]},
    {"exercise": "learning_rate_for", "why": "far too large (50)",
     "code": "def learning_rate_for(batch_size):\n    return 50.0\n",
     "expect": ["learning_rate=50.0", "target"]},
    {"exercise": "learning_rate_for", "why": "no return",
     "code": "def learning_rate_for(batch_size):\n    lr = 0.05 * batch_size\n",
     "expect": ["learning_rate_for()", "return"]},
]
