"""Typical wrong answers to lesson 04's exercises; each must get a ✗ that locates the mistake."""

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
    {"exercise": "hidden_delta", "why": "forgot the hidden neuron's sigmoid slope",
     "code": "def hidden_delta(a_h, weights_out, deltas_out):\n"
             "    return sum(w * d for w, d in zip(weights_out, deltas_out))\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "hidden_delta", "why": "slope of a_h taken as if a_h were z",
     "code": "import math\n\ndef hidden_delta(a_h, weights_out, deltas_out):\n"
             "    s = 1 / (1 + math.exp(-a_h))\n"
             "    return sum(w * d for w, d in zip(weights_out, deltas_out)) * s * (1 - s)\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "hidden_delta", "why": "only the first output neuron's path",
     "code": "def hidden_delta(a_h, weights_out, deltas_out):\n"
             "    return weights_out[0] * deltas_out[0] * a_h * (1 - a_h)\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "hidden_delta", "why": "slope written a_h (a_h - 1): the sign is flipped",
     "code": "def hidden_delta(a_h, weights_out, deltas_out):\n"
             "    return sum(w * d for w, d in zip(weights_out, deltas_out)) * a_h * (a_h - 1)\n",
     "expect": ["sign"]},
    {"exercise": "hidden_delta", "why": "returns one term per output (a list)",
     "code": "def hidden_delta(a_h, weights_out, deltas_out):\n"
             "    return [w * d * a_h * (1 - a_h) for w, d in zip(weights_out, deltas_out)]\n",
     "expect": ["list", "one number"]},
    {"exercise": "hidden_delta", "why": "no return",
     "code": "def hidden_delta(a_h, weights_out, deltas_out):\n"
             "    error = sum(w * d for w, d in zip(weights_out, deltas_out))\n"
             "    error * a_h * (1 - a_h)\n",
     "expect": ["return"]},
    # Exercise 2: backward_fixed(x, t, W1, b1, W2, b2), the deltas1 line
    {"exercise": "backward_fixed", "why": "left the published bug (slope twice)",
     "code": backward_with("(W2.T @ deltas2 * sigmoid_derivative(a1)) * sigmoid_derivative(a1)"),
     "expect": ["dW1 is off", "largest error"]},
    {"exercise": "backward_fixed", "why": "missing .T (W2 is square here: no shape error)",
     "code": backward_with("(W2 @ deltas2) * sigmoid_derivative(a1)"),
     "expect": ["dW1 is off", "2 of 4", "largest error"]},
    {"exercise": "backward_fixed", "why": "passes z to a helper that takes the output a",
     "code": backward_with("(W2.T @ deltas2) * sigmoid_derivative(W1 @ x + b1)"),
     "expect": ["dW1 is off", "largest error"]},
    {"exercise": "backward_fixed", "why": "removed both slopes",
     "code": backward_with("W2.T @ deltas2"),
     "expect": ["dW1 is off", "largest error"]},
    {"exercise": "backward_fixed", "why": "entry-by-entry * instead of @: a matrix, not a vector",
     "code": backward_with("(W2.T * deltas2) * sigmoid_derivative(a1)"),
     "expect": ["shape"]},
    {"exercise": "backward_fixed", "why": "no return",
     "code": backward_with("(W2.T @ deltas2) * sigmoid_derivative(a1)", returns=False),
     "expect": ["return"]},
]
