"""Typical wrong answers to lesson 07's exercises; each must get a ✗ that locates the mistake."""

WRONG_ANSWERS = [
    # Exercise 1a: relu(z)
    {"exercise": "relu", "why": "in place: sets the negative entries of z to 0 and returns z",
     "code": "def relu(z):\n    z[z < 0] = 0.0\n    return z\n",
     "expect": ["in place", "z"]},
    {"exercise": "relu", "why": "np.minimum instead of np.maximum",
     "code": "def relu(z):\n    return np.minimum(z, 0.0)\n",
     "expect": ["wrong values", "input 1 of 2"]},
    {"exercise": "relu", "why": "the built-in max(): one number for the whole array",
     "code": "def relu(z):\n    return max(0.0, z.max())\n",
     "expect": ["shape"]},
    {"exercise": "relu", "why": "no return",
     "code": "def relu(z):\n    np.maximum(z, 0.0)\n",
     "expect": ["return"]},
    {"exercise": "relu", "why": "absolute value instead of keeping the positive part",
     "code": "def relu(z):\n    return np.abs(z)\n",
     "expect": ["wrong values"]},
    # Exercise 1b: relu_derivative(z)
    {"exercise": "relu_derivative", "why": "slope 1 at z = 0 (>= instead of >)",
     "code": "def relu_derivative(z):\n    return (z >= 0).astype(float)\n",
     "expect": ["wrong values", "expected 0"]},
    {"exercise": "relu_derivative", "why": "returns relu itself, not its slope",
     "code": "def relu_derivative(z):\n    return np.maximum(z, 0.0)\n",
     "expect": ["wrong values"]},
    {"exercise": "relu_derivative", "why": "the sign of z: -1 for negative z",
     "code": "def relu_derivative(z):\n    return np.sign(z)\n",
     "expect": ["wrong values", "expected 0"]},
    {"exercise": "relu_derivative", "why": "in place: overwrites z with the slope",
     "code": "def relu_derivative(z):\n    z[:] = z > 0\n    return z\n",
     "expect": ["in place"]},
    # Exercise 2: softmax_cross_entropy_gradient(Z, Y)
    {"exercise": "softmax_cross_entropy_gradient", "why": "the sum's gradient: no 1/n",
     "code": "def softmax_cross_entropy_gradient(Y, Z):\n"
             "    return activations.softmax(Z) - Y\n",
     "expect": ["factor of 5"]},
    {"exercise": "softmax_cross_entropy_gradient", "why": "Y - P: the sign is flipped",
     "code": "def softmax_cross_entropy_gradient(Y, Z):\n"
             "    return (Y - activations.softmax(Z)) / len(Z)\n",
     "expect": ["sign"]},
    {"exercise": "softmax_cross_entropy_gradient", "why": "divides by the 10 classes, not n",
     "code": "def softmax_cross_entropy_gradient(Y, Z):\n"
             "    return (activations.softmax(Z) - Y) / Z.shape[1]\n",
     "expect": ["factor of 0.5"]},
    {"exercise": "softmax_cross_entropy_gradient", "why": "forgot softmax: Z - Y",
     "code": "def softmax_cross_entropy_gradient(Y, Z):\n    return (Z - Y) / len(Z)\n",
     "expect": ["wrong values", "input 1 of 2"]},
    {"exercise": "softmax_cross_entropy_gradient",
     "why": "in place: subtracts Y from Z itself",
     "code": "def softmax_cross_entropy_gradient(Y, Z):\n"
             "    Z -= Z.max(axis=1, keepdims=True)\n"
             "    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)\n"
             "    return (P - Y) / len(Z)\n",
     "expect": ["in place", "Z"]},
    {"exercise": "softmax_cross_entropy_gradient",
     "why": "defines its own softmax with the sum over the wrong axis (and shadows the name)",
     "code": "def softmax(Z):\n    E = np.exp(Z)\n    return E / E.sum(axis=0)\n\n\n"
             "def softmax_cross_entropy_gradient(Y, Z):\n    return (softmax(Z) - Y) / len(Z)\n",
     "expect": ["wrong values"]},
    # Exercise 3: sgd_learning_rate()
    {"exercise": "sgd_learning_rate", "why": "too small: 0.01 from the curves above",
     "code": "def sgd_learning_rate():\n    return 0.01\n",
     "expect": ["learning_rate=0.01", "goal"]},
    {"exercise": "sgd_learning_rate", "why": "far too large: the loss blows up",
     "code": "def sgd_learning_rate():\n    return 50.0\n",
     "expect": ["learning_rate=50.0"]},
    {"exercise": "sgd_learning_rate", "why": "no return",
     "code": "def sgd_learning_rate():\n    learning_rate = 0.2\n",
     "expect": ["returned None", "return"]},
    {"exercise": "sgd_learning_rate", "why": "a string instead of a number",
     "code": "def sgd_learning_rate():\n    return \"0.2\"\n",
     "expect": ["learning_rate"]},
]
