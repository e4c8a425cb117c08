"""Typical wrong answers to lesson 02's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

DL = "def d_loss_d_y_pred(y_true, y_pred):\n"
W1 = "def d_loss_d_w1(p, x, y_true):\n    f = forward(p, x)\n    yp, h1 = f['y_pred'], f['h1']\n"
PG = "def predict_gender(weight_lb, height_in):\n"


def w1_returning(expression):
    """Exercise 2 as a student writes it, returning `expression` (yp = ŷ, h1 from forward)."""
    return W1 + f"    return {expression}\n"


RIGHT_W1 = "-2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[0]"

WRONG_ANSWERS = [
    # Exercise 1: d_loss_d_y_pred(y_true, y_pred)
    wrong("d_loss_d_y_pred", "forgot the −1 of the inside: the sign is flipped",
          DL + "    return 2 * (y_true - y_pred)\n", "second factor", "−1"),
    wrong("d_loss_d_y_pred", "forgot the 2 of the square", DL + "    return -(y_true - y_pred)\n",
          "2 that comes down"),
    wrong("d_loss_d_y_pred", "returns the loss instead of its slope",
          DL + "    return (y_true - y_pred) ** 2\n", "the loss itself"),
    wrong("d_loss_d_y_pred", "no return", DL + "    slope = -2 * (y_true - y_pred)\n", "return"),
    wrong("d_loss_d_y_pred", "went on through the sigmoid",
          DL + "    return -2 * (y_true - y_pred) * y_pred * (1 - y_pred)\n", "one link further"),
    wrong("d_loss_d_y_pred", "the target only", DL + "    return -2 * y_true\n",
          "only the target"),
    wrong("d_loss_d_y_pred", "the prediction only", DL + "    return 2 * y_pred\n",
          "only the prediction"),
    wrong("d_loss_d_y_pred", "parameters named in the other order",
          "def d_loss_d_y_pred(y_pred, y_true):\n    return 2 * (y_pred - y_true)\n",
          "in another order"),
    wrong("d_loss_d_y_pred", "first argument taken as the prediction",
          "def d_loss_d_y_pred(a, b):\n    return 2 * (a - b)\n", "second factor"),
    wrong("d_loss_d_y_pred", "reads the notebook's y", DL + "    return -2 * (y[0, 0] - y_pred)\n",
          "`y`"),
    wrong("d_loss_d_y_pred", "the slope as an array", DL +
          "    return np.array([-2 * (y_true - y_pred)])\n", "shape"),
    wrong("d_loss_d_y_pred", "the slope of the distance, not of the square",
          DL + "    return -np.sign(y_true - y_pred)\n", "slope of |y − ŷ|"),
    wrong("d_loss_d_y_pred", "a half too many", DL + "    return -0.5 * (y_true - y_pred)\n",
          "factor"),
    wrong("d_loss_d_y_pred", "rounded for a tidy print", DL +
          "    return round(-2 * (y_true - y_pred), 1)\n", "rounded"),
    # Exercise 2: d_loss_d_w1(p, x, y_true)
    wrong("d_loss_d_w1", "forgot the output's sigmoid slope",
          w1_returning("-2 * (y_true - yp) * p['w5'] * h1 * (1 - h1) * x[0]"),
          "output sigmoid's slope"),
    wrong("d_loss_d_w1", "the weight w6 instead of w5",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * p['w6'] * h1 * (1 - h1) * x[0]"),
          "multiplies h1"),
    wrong("d_loss_d_w1", "the input x[1] instead of x[0]",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[1]"),
          "not the height"),
    wrong("d_loss_d_w1", "forgot the last link, the input x[0] that w1 multiplies",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1)"),
          "the input w1 multiplies"),
    wrong("d_loss_d_w1", "sign of the loss slope flipped",
          w1_returning("2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[0]"),
          "sign"),
    wrong("d_loss_d_w1", "changes the parameters dict in place",
          W1 + f"    g = {RIGHT_W1}\n    p['w1'] -= 0.1 * g\n    return g\n", "in place", "p"),
    wrong("d_loss_d_w1", "the slope of h2 instead of h1",
          W1 + "    h2 = f['h2']\n"
               "    return -2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h2 * (1 - h2) * x[0]\n",
          "belongs to h1"),
    wrong("d_loss_d_w1", "no hidden slope",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * x[0]"),
          "hidden sigmoid's slope"),
    wrong("d_loss_d_w1", "no weight on the way",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * h1 * (1 - h1) * x[0]"),
          "carries h1 into the output"),
    wrong("d_loss_d_w1", "lost the 2",
          w1_returning("-(y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x[0]"),
          "lost its 2"),
    wrong("d_loss_d_w1", "the notebook's starting parameters instead of p",
          "def d_loss_d_w1(p, x, y_true):\n    f = forward(params_start, x)\n"
          "    yp, h1 = f['y_pred'], f['h1']\n"
          "    return -2 * (y_true - yp) * yp * (1 - yp) * params_start['w5'] * h1 * (1 - h1)"
          " * x[0]\n", "params_start"),
    wrong("d_loss_d_w1", "the slope taken at s instead of the output",
          W1 + "    s = f['s_h1']\n"
               "    return -2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * s * (1 - s) * x[0]\n",
          "not with the weighted sum"),
    wrong("d_loss_d_w1", "returns the whole dict of forward",
          W1 + "    return f\n", "wrong type"),
    wrong("d_loss_d_w1", "nudges w1 but forgets to divide by the step",
          "def d_loss_d_w1(p, x, y_true):\n    h = 1e-6\n"
          "    up = (y_true - forward(dict(p, w1=p['w1'] + h), x)['y_pred']) ** 2\n"
          "    down = (y_true - forward(dict(p, w1=p['w1'] - h), x)['y_pred']) ** 2\n"
          "    return up - down\n", "→"),
    wrong("d_loss_d_w1", "the whole person x in the last link",
          w1_returning("-2 * (y_true - yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1) * x"),
          "shape"),
    wrong("d_loss_d_w1", "a list of one number", W1 + f"    return [{RIGHT_W1}]\n", "list"),
    # Exercise 3: predict_gender(weight_lb, height_in)
    wrong("predict_gender", "forgot to shift the raw measurements",
          PG + "    return float(model.predict(np.array([[weight_lb, height_in]]))[0, 0])\n",
          "shifted the same way"),
    wrong("predict_gender", "adds the shift instead of subtracting it",
          PG + "    x = np.array([[weight_lb, height_in]]) + shift\n"
               "    return float(model.predict(x)[0, 0])\n", "shifted"),
    wrong("predict_gender", "returns the (1, 1) array instead of one number",
          PG + "    return model.predict(np.array([[weight_lb, height_in]]) - shift)\n",
          "shape (1, 1)"),
    wrong("predict_gender", "gives predict one person as a (2,) array",
          PG + "    return float(model.predict(np.array([weight_lb, height_in]) - shift)[0])\n",
          "raised", "input 1 of 4"),
    wrong("predict_gender", "weight and height swapped in the batch",
          PG + "    x = np.array([[height_in, weight_lb]]) - shift\n"
               "    return float(model.predict(x)[0, 0])\n", "exchanged"),
    wrong("predict_gender", "the shifts in the wrong order",
          PG + "    x = np.array([[weight_lb - shift[1], height_in - shift[0]]])\n"
               "    return float(model.predict(x)[0, 0])\n", "shifted"),
    wrong("predict_gender", "rounds to a class",
          PG + "    x = np.array([[weight_lb, height_in]]) - shift\n"
               "    return float(np.round(model.predict(x)[0, 0]))\n", "rounded"),
    wrong("predict_gender", "always Emily", PG + "    x = np.array([[128, 63]]) - shift\n"
          "    return float(model.predict(x)[0, 0])\n", "same result for every input"),
    wrong("predict_gender", "the untrained network's forward pass",
          PG + "    x = np.array([weight_lb, height_in]) - shift\n"
               "    return float(forward(params_start, x)['y_pred'])\n", "params_start"),
    wrong("predict_gender", "shifted by the column means of the four people",
          PG + "    x = np.array([[weight_lb, height_in]]) - raw.mean(axis=0)\n"
               "    return float(model.predict(x)[0, 0])\n", "raw"),
    wrong("predict_gender", "a list of one prediction",
          PG + "    x = np.array([[weight_lb, height_in]]) - shift\n"
               "    return model.predict(x)[0].tolist()\n", "list"),
    wrong("predict_gender", "rounded to 3 decimals",
          PG + "    x = np.array([[weight_lb, height_in]]) - shift\n"
               "    return float(model.predict(x).round(3)[0, 0])\n", "rounded"),
    wrong("predict_gender", "1 − prediction: the probability of male",
          PG + "    x = np.array([[weight_lb, height_in]]) - shift\n"
               "    return 1 - float(model.predict(x)[0, 0])\n", "probability of class 1"),
    wrong("predict_gender", "kilograms and centimetres converted first",
          PG + "    x = np.array([[weight_lb * 0.4536, height_in * 2.54]]) - shift\n"
               "    return float(model.predict(x)[0, 0])\n", "→"),
]

CORRECT_ANSWERS = [
    right("d_loss_d_y_pred", "2(ŷ − y)", DL + "    return 2 * (y_pred - y_true)\n"),
    right("d_loss_d_y_pred", "the two chain factors named",
          DL + "    u = y_true - y_pred\n    dL_du = 2 * u\n    du_dy_pred = -1\n"
               "    return dL_du * du_dy_pred\n"),
    right("d_loss_d_y_pred", "nnlib's gradient", DL + "    return float(nnlib.losses.mse_gradient("
          "np.array([[y_true]]), np.array([[y_pred]]))[0, 0])\n"),
    right("d_loss_d_w1", "one factor per line",
          W1 + "    dL_dyp = 2 * (yp - y_true)\n    dyp_ds = yp * (1 - yp)\n    ds_dh1 = p['w5']\n"
               "    dh1_ds1 = h1 * (1 - h1)\n    ds1_dw1 = x[0]\n"
               "    return dL_dyp * dyp_ds * ds_dh1 * dh1_ds1 * ds1_dw1\n"),
    right("d_loss_d_w1", "exercise 1's function reused",
          W1 + "    return d_loss_d_y_pred(y_true, yp) * yp * (1 - yp) * p['w5'] * h1 * (1 - h1)"
               " * x[0]\n"),
    right("d_loss_d_w1", "a float of it", W1 + f"    return float({RIGHT_W1})\n"),
    right("predict_gender", "shifted by hand",
          PG + "    w = weight_lb - shift[0]\n    h = height_in - shift[1]\n"
               "    return float(model.predict(np.array([[w, h]]))[0, 0])\n"),
    right("predict_gender", "reshape and .item()",
          PG + "    x = (np.array([weight_lb, height_in]) - shift).reshape(1, 2)\n"
               "    return model.predict(x).item()\n"),
    right("predict_gender", "the shifts from nnlib.datasets",
          PG + "    x = np.array([[weight_lb - nnlib.datasets.GENDER_WEIGHT_SHIFT_LB,\n"
               "                   height_in - nnlib.datasets.GENDER_HEIGHT_SHIFT_IN]])\n"
               "    return float(model.predict(x)[0][0])\n"),
]
