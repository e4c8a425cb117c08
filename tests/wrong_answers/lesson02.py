"""Typical wrong answers to lesson 02's exercises; each must get a ✗ that locates the mistake."""

WRONG_ANSWERS = [
    # Exercise 1: d_loss_d_y_pred(y_true, y_pred)
    {"exercise": "d_loss_d_y_pred", "why": "forgot the −1 of the inside: the sign is flipped",
     "code": "def d_loss_d_y_pred(y_true, y_pred):\n    return 2 * (y_true - y_pred)\n",
     "expect": ["sign"]},
    {"exercise": "d_loss_d_y_pred", "why": "forgot the 2 of the square",
     "code": "def d_loss_d_y_pred(y_true, y_pred):\n    return -(y_true - y_pred)\n",
     "expect": ["factor of 0.5"]},
    {"exercise": "d_loss_d_y_pred", "why": "returns the loss instead of its slope",
     "code": "def d_loss_d_y_pred(y_true, y_pred):\n    return (y_true - y_pred) ** 2\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "d_loss_d_y_pred", "why": "no return",
     "code": "def d_loss_d_y_pred(y_true, y_pred):\n    slope = -2 * (y_true - y_pred)\n",
     "expect": ["return"]},
    # Exercise 2: d_loss_d_w1(p, x, y_true)
    {"exercise": "d_loss_d_w1", "why": "forgot the output's sigmoid slope",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    return -2 * (y_true - f['y_pred']) * p['w5'] * f['h1'] * (1 - f['h1']) * x[0]\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "d_loss_d_w1", "why": "the weight w6 instead of w5",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    yp, h1 = f['y_pred'], f['h1']\n"
             "    return -2 * (y_true - yp) * yp * (1 - yp) * p['w6'] * h1 * (1 - h1) * x[0]\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "d_loss_d_w1", "why": "the input x[1] instead of x[0]",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    yp, h1 = f['y_pred'], f['h1']\n"
             "    return -2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[1]\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "d_loss_d_w1", "why": "forgot the last link, the input x[0] that w1 multiplies",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    yp, h1 = f['y_pred'], f['h1']\n"
             "    return -2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1)\n",
     "expect": ["wrong value", "input 1 of 4"]},
    {"exercise": "d_loss_d_w1", "why": "sign of the loss slope flipped",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    yp, h1 = f['y_pred'], f['h1']\n"
             "    return 2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[0]\n",
     "expect": ["sign"]},
    {"exercise": "d_loss_d_w1", "why": "changes the parameters dict in place",
     "code": "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n"
             "    yp, h1 = f['y_pred'], f['h1']\n"
             "    g = -2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[0]\n"
             "    p['w1'] -= 0.1 * g\n    return g\n",
     "expect": ["in place", "p"]},
    # Exercise 3: predict_gender(weight_lb, height_in)
    {"exercise": "predict_gender", "why": "forgot to shift the raw measurements",
     "code": "def predict_gender(weight_lb, height_in):\n"
             "    return float(model.predict(np.array([[weight_lb, height_in]]))[0, 0])\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "predict_gender", "why": "adds the shift instead of subtracting it",
     "code": "def predict_gender(weight_lb, height_in):\n"
             "    return float(model.predict(np.array([[weight_lb, height_in]]) + shift)[0, 0])\n",
     "expect": ["wrong value", "input 1 of 2"]},
    {"exercise": "predict_gender", "why": "returns the (1, 1) array instead of one number",
     "code": "def predict_gender(weight_lb, height_in):\n"
             "    return model.predict(np.array([[weight_lb, height_in]]) - shift)\n",
     "expect": ["shape (1, 1)"]},
    {"exercise": "predict_gender", "why": "gives predict one person as a (2,) array",
     "code": "def predict_gender(weight_lb, height_in):\n"
             "    return float(model.predict(np.array([weight_lb, height_in]) - shift)[0])\n",
     "expect": ["raised", "input 1 of 2"]},
]
