"""Typical wrong answers to lesson 01's exercises; each must get a ✗ that locates the mistake."""

WRONG_ANSWERS = [
    # Exercise 1: sigmoid_derivative(z)
    {"exercise": "sigmoid_derivative", "why": "wrong sign",
     "code": "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return -s * (1 - s)\n",
     "expect": ["sign"]},
    {"exercise": "sigmoid_derivative", "why": "treats z as the output a (the a(1 - a) form)",
     "code": "def sigmoid_derivative(z):\n    return z * (1 - z)\n",
     "expect": ["wrong value", "input 1 of 3"]},
    {"exercise": "sigmoid_derivative", "why": "forgot the factor (1 - s)",
     "code": "def sigmoid_derivative(z):\n    return sigmoid(z)\n",
     "expect": ["wrong value", "expected"]},
    {"exercise": "sigmoid_derivative", "why": "no return",
     "code": "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    s * (1 - s)\n",
     "expect": ["return"]},
    {"exercise": "sigmoid_derivative", "why": "math.exp: works for a number, fails on an array",
     "code": "import math\n\ndef sigmoid_derivative(z):\n    s = 1 / (1 + math.exp(-z))\n"
             "    return s * (1 - s)\n",
     "expect": ["raised", "input 3 of 3"]},
    # Exercise 2: output_delta(a_o, target)
    {"exercise": "output_delta", "why": "target minus output: the sign is flipped",
     "code": "def output_delta(a_o, target):\n    return (target - a_o) * a_o * (1 - a_o)\n",
     "expect": ["sign"]},
    {"exercise": "output_delta", "why": "kept the 2 of the square (forgot the 1/2 in E)",
     "code": "def output_delta(a_o, target):\n    return 2 * (a_o - target) * a_o * (1 - a_o)\n",
     "expect": ["factor of 2"]},
    {"exercise": "output_delta", "why": "forgot the sigmoid's slope",
     "code": "def output_delta(a_o, target):\n    return a_o - target\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "output_delta", "why": "the sigmoid's slope of the output, as if a_o were z",
     "code": "def output_delta(a_o, target):\n    s = 1 / (1 + np.exp(-a_o))\n"
             "    return (a_o - target) * s * (1 - s)\n",
     "expect": ["wrong value", "input 1 of 4"]},
    # Exercise 3: hidden_delta(a_h, deltas_out, weights_out)
    {"exercise": "hidden_delta", "why": "no sum over the outputs: two numbers instead of one",
     "code": "def hidden_delta(a_h, deltas_out, weights_out):\n"
             "    return deltas_out * weights_out * a_h * (1 - a_h)\n",
     "expect": ["two numbers", "one"]},
    {"exercise": "hidden_delta", "why": "forgot the hidden neuron's sigmoid slope",
     "code": "def hidden_delta(a_h, deltas_out, weights_out):\n"
             "    return np.dot(deltas_out, weights_out)\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "hidden_delta", "why": "passes the output a_h to a slope that takes z",
     "code": "def hidden_delta(a_h, deltas_out, weights_out):\n"
             "    slope = nnlib.activations.sigmoid_derivative(a_h)\n"
             "    return np.dot(deltas_out, weights_out) * slope\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "hidden_delta", "why": "only the first output's path",
     "code": "def hidden_delta(a_h, deltas_out, weights_out):\n"
             "    return deltas_out[0] * weights_out[0] * a_h * (1 - a_h)\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "hidden_delta", "why": "returns a list of the two paths",
     "code": "def hidden_delta(a_h, deltas_out, weights_out):\n"
             "    return [d * w * a_h * (1 - a_h) for d, w in zip(deltas_out, weights_out)]\n",
     "expect": ["list", "one number"]},
]
