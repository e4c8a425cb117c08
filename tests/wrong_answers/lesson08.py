"""Typical wrong answers to lesson 08's exercises, and right answers written other ways."""
from wrong_answers import right, wrong

SP = "def stratified_split(y, fraction, seed):\n"
ES = "def early_stopping(val_losses, patience):\n"
GU = "def glorot_uniform(fan_in, fan_out, seed):\n"
HN = "def he_normal(fan_in, fan_out, seed):\n"
DF = "def dropout_forward(x, keep, rate):\n"
DB = "def dropout_backward(grad_a, keep, rate):\n"

# The right split's body, with one line to change for several wrong answers.
SPLIT = ("    rng = np.random.default_rng(seed)\n"
         "    held_out = []\n"
         "    for c in np.unique(y):\n"
         "        members = rng.permutation(np.flatnonzero(y == c))\n"
         "        held_out.extend(members[:round(fraction * len(members))])\n"
         "    held_out = np.sort(np.array(held_out, dtype=int))\n"
         "    kept = np.setdiff1d(np.arange(len(y)), held_out)\n"
         "    return kept, held_out\n")
# The right early-stopping loop, likewise.
STOP = ("    best = 0\n"
        "    for epoch in range(1, len(val_losses)):\n"
        "        if val_losses[epoch] < val_losses[best]:\n"
        "            best = epoch\n"
        "        elif epoch - best >= patience:\n"
        "            return best, epoch + 1\n"
        "    return best, len(val_losses)\n")

WRONG_ANSWERS = [
    # Exercise 1: stratified_split(y, fraction, seed)
    wrong("stratified_split", "not stratified: one permutation of all samples",
          SP + "    rng = np.random.default_rng(seed)\n    order = rng.permutation(len(y))\n"
               "    n_held = round(fraction * len(y))\n"
               "    return np.sort(order[n_held:]), np.sort(order[:n_held])\n",
          "class by class"),
    wrong("stratified_split", "not seeded: a generator without the seed",
          SP + SPLIT.replace("default_rng(seed)", "default_rng()"), "same seed"),
    wrong("stratified_split", "numpy's global generator, never seeded",
          SP + SPLIT.replace("rng.permutation", "np.random.permutation"), "same seed"),
    wrong("stratified_split", "not shuffled: the first samples of each class",
          SP + SPLIT.replace("rng.permutation(np.flatnonzero(y == c))",
                             "np.flatnonzero(y == c)"), "nothing is shuffled"),
    wrong("stratified_split", "a fixed seed 0 instead of the argument",
          SP + SPLIT.replace("default_rng(seed)", "default_rng(0)"), "another seed"),
    wrong("stratified_split", "the two parts swapped",
          SP + SPLIT.replace("return kept, held_out", "return held_out, kept"), "swapped"),
    wrong("stratified_split", "the held-out samples also left in the kept part",
          SP + SPLIT.replace("np.setdiff1d(np.arange(len(y)), held_out)", "np.arange(len(y))"),
          "in both parts"),
    wrong("stratified_split", "the last rows held out, as fit's validation_split",
          SP + "    n_held = round(fraction * len(y))\n"
               "    return np.arange(len(y) - n_held), np.arange(len(y) - n_held, len(y))\n",
          "class by class"),
    wrong("stratified_split", "boolean masks instead of indices",
          SP + "    rng = np.random.default_rng(seed)\n    held = np.zeros(len(y), dtype=bool)\n"
               "    for c in np.unique(y):\n"
               "        members = rng.permutation(np.flatnonzero(y == c))\n"
               "        held[members[:round(fraction * len(members))]] = True\n"
               "    return ~held, held\n", "masks"),
    wrong("stratified_split", "no return", SP + SPLIT.replace("    return kept, held_out\n", ""),
          "return"),
    wrong("stratified_split", "one array only", SP + SPLIT.replace("return kept, held_out",
                                                                   "return held_out"),
          "two 1-d arrays", "ndarray"),
    wrong("stratified_split", "the held-out count rounded down, too few for a class",
          SP + SPLIT.replace("round(fraction * len(members))",
                             "int(fraction * len(members)) // 2"), "more or fewer"),
    wrong("stratified_split", "the notebook's y (all 1,797 labels) instead of the argument",
          "def stratified_split(labels, fraction, seed):\n" + SPLIT, "exactly one"),
    # Exercise 2: early_stopping(val_losses, patience)
    wrong("early_stopping", "returns the last epoch, not the best",
          ES + STOP.replace("return best, epoch + 1", "return epoch, epoch + 1")
          .replace("return best, len(val_losses)", "return len(val_losses) - 1, len(val_losses)"),
          "best epoch's"),
    wrong("early_stopping", "stops one epoch early (patience - 1)",
          ES + STOP.replace(">= patience", ">= patience - 1"), "one epoch early"),
    wrong("early_stopping", "stops one epoch late (> patience)",
          ES + STOP.replace(">= patience", "> patience"), "one epoch late"),
    wrong("early_stopping", "compares with the epoch before, not the best",
          ES + "    best, wait = 0, 0\n    for epoch in range(1, len(val_losses)):\n"
               "        if val_losses[epoch] < val_losses[best]:\n            best = epoch\n"
               "        if val_losses[epoch] < val_losses[epoch - 1]:\n            wait = 0\n"
               "        else:\n            wait += 1\n"
               "        if wait >= patience:\n            return best, epoch + 1\n"
               "    return best, len(val_losses)\n", "best loss so far"),
    wrong("early_stopping", "the count never reset at a new best",
          ES + "    best, misses = 0, 0\n    for epoch in range(1, len(val_losses)):\n"
               "        if val_losses[epoch] < val_losses[best]:\n            best = epoch\n"
               "        else:\n            misses += 1\n"
               "            if misses >= patience:\n                return best, epoch + 1\n"
               "    return best, len(val_losses)\n", "starts again from 0"),
    wrong("early_stopping", "an equal loss counts as an improvement",
          ES + STOP.replace("< val_losses[best]", "<= val_losses[best]"), "strictly lower"),
    wrong("early_stopping", "the highest loss taken as the best",
          ES + STOP.replace("< val_losses[best]", "> val_losses[best]"), "lower is better"),
    wrong("early_stopping", "never stops: argmin over all epochs",
          ES + "    return int(np.argmin(val_losses)), len(val_losses)\n", "never stops early"),
    wrong("early_stopping", "epochs run given as the last index",
          ES + STOP.replace("return best, epoch + 1", "return best, epoch")
          .replace("return best, len(val_losses)", "return best, len(val_losses) - 1"),
          "epochs run"),
    wrong("early_stopping", "the best epoch counted from 1",
          ES + STOP.replace("return best, epoch + 1", "return best + 1, epoch + 1")
          .replace("return best, len(val_losses)", "return best + 1, len(val_losses)"),
          "counted from 0"),
    wrong("early_stopping", "no return", ES + "    best = int(np.argmin(val_losses))\n", "return"),
    wrong("early_stopping", "the best loss instead of its epoch",
          ES + STOP.replace("return best, epoch + 1", "return val_losses[best], epoch + 1")
          .replace("return best, len(val_losses)", "return val_losses[best], len(val_losses)"),
          "best_epoch"),
    wrong("early_stopping", "a list instead of a tuple, and the last epoch",
          ES + STOP.replace("return best, epoch + 1", "return [epoch, epoch + 1]")
          .replace("return best, len(val_losses)", "return [len(val_losses) - 1, len(val_losses)]"),
          "best epoch's"),
    # Exercise 3a: glorot_uniform(fan_in, fan_out, seed)
    wrong("glorot_uniform", "only fan_in in the limit",
          GU + "    limit = np.sqrt(6 / fan_in)\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "both fans"),
    wrong("glorot_uniform", "the standard deviation used as the limit",
          GU + "    limit = np.sqrt(2 / (fan_in + fan_out))\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "√3"),
    wrong("glorot_uniform", "no square root",
          GU + "    limit = 6 / (fan_in + fan_out)\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "square root"),
    wrong("glorot_uniform", "fans multiplied",
          GU + "    limit = np.sqrt(6 / (fan_in * fan_out))\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "added, not multiplied"),
    wrong("glorot_uniform", "from 0 to the limit",
          GU + "    limit = np.sqrt(6 / (fan_in + fan_out))\n"
               "    return np.random.default_rng(seed).uniform(0, limit, (fan_in, fan_out))\n",
          "centred on 0"),
    wrong("glorot_uniform", "the normal version",
          GU + "    std = np.sqrt(2 / (fan_in + fan_out))\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n",
          "normal version"),
    wrong("glorot_uniform", "only fan_out in the limit",
          GU + "    limit = np.sqrt(6 / fan_out)\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "both fans"),
    wrong("glorot_uniform", "shape (fan_out, fan_in)",
          GU + "    limit = np.sqrt(6 / (fan_in + fan_out))\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_out, fan_in))\n",
          "shape"),
    wrong("glorot_uniform", "no return",
          GU + "    limit = np.sqrt(6 / (fan_in + fan_out))\n"
               "    np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "return"),
    wrong("glorot_uniform", "the limit, not the kernel",
          GU + "    return np.sqrt(6 / (fan_in + fan_out))\n", "shape"),
    # Exercise 3b: he_normal(fan_in, fan_out, seed)
    wrong("he_normal", "the variance given as the standard deviation",
          HN + "    return np.random.default_rng(seed).normal(0, 2 / fan_in, (fan_in, fan_out))\n",
          "variance"),
    wrong("he_normal", "fan_out instead of fan_in",
          HN + "    std = np.sqrt(2 / fan_out)\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n",
          "fan_in"),
    wrong("he_normal", "Glorot's standard deviation",
          HN + "    std = np.sqrt(2 / (fan_in + fan_out))\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n",
          "glorot"),
    wrong("he_normal", "the factor 2 missing (LeCun)",
          HN + "    std = np.sqrt(1 / fan_in)\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n",
          "factor 2"),
    wrong("he_normal", "2 outside the square root",
          HN + "    std = 2 / np.sqrt(fan_in)\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n",
          "inside the square root"),
    wrong("he_normal", "the uniform version",
          HN + "    limit = np.sqrt(6 / fan_in)\n"
               "    return np.random.default_rng(seed).uniform(-limit, limit, (fan_in, fan_out))\n",
          "uniform version"),
    wrong("he_normal", "standard normal, not scaled",
          HN + "    return np.random.default_rng(seed).standard_normal((fan_in, fan_out))\n", "→"),
    wrong("he_normal", "shape (fan_out, fan_in)",
          HN + "    std = np.sqrt(2 / fan_in)\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_out, fan_in))\n",
          "shape"),
    wrong("he_normal", "no return",
          HN + "    w = np.random.default_rng(seed).normal(0, np.sqrt(2 / fan_in), "
               "(fan_in, fan_out))\n", "return"),
    wrong("he_normal", "the standard deviation, not the kernel",
          HN + "    return np.sqrt(2 / fan_in)\n", "shape"),
    # Exercise 4a: dropout_forward(x, keep, rate)
    wrong("dropout_forward", "scaling forgotten", DF + "    return x * keep\n", "not scaled"),
    wrong("dropout_forward", "scaled down instead of up", DF + "    return x * keep * (1 - rate)\n",
          "made smaller"),
    wrong("dropout_forward", "divided by the rate", DF + "    return x * keep / rate\n",
          "share of units *kept*"),
    wrong("dropout_forward", "the mask the wrong way round",
          DF + "    return x * ~keep / (1 - rate)\n", "wrong way round"),
    wrong("dropout_forward", "no mask", DF + "    return x / (1 - rate)\n", "mask is missing"),
    wrong("dropout_forward", "the inference-time rule", DF + "    return x * (1 - rate)\n",
          "inference"),
    wrong("dropout_forward", "x unchanged (inference)", DF + "    return x\n", "unchanged"),
    wrong("dropout_forward", "np.where without scaling",
          DF + "    return np.where(keep, x, 0.0)\n", "not scaled"),
    wrong("dropout_forward", "in place", DF + "    x[~keep] = 0\n    x /= 1 - rate\n    return x\n",
          "in place"),
    wrong("dropout_forward", "no return", DF + "    a = x * keep / (1 - rate)\n", "return"),
    # Exercise 4b: dropout_backward(grad_a, keep, rate)
    wrong("dropout_backward", "scaling forgotten", DB + "    return grad_a * keep\n", "not scaled"),
    wrong("dropout_backward", "scaled down", DB + "    return grad_a * keep * (1 - rate)\n",
          "made smaller"),
    wrong("dropout_backward", "divided by the rate", DB + "    return grad_a * keep / rate\n",
          "share of units *kept*"),
    wrong("dropout_backward", "the mask the wrong way round",
          DB + "    return grad_a * ~keep / (1 - rate)\n", "wrong way round"),
    wrong("dropout_backward", "the mask not used", DB + "    return grad_a / (1 - rate)\n",
          "mask is missing"),
    wrong("dropout_backward", "the gradient passed through", DB + "    return grad_a\n",
          "unchanged"),
    wrong("dropout_backward", "inference-time scaling", DB + "    return grad_a * (1 - rate)\n",
          "inference"),
    wrong("dropout_backward", "in place",
          DB + "    grad_a *= keep / (1 - rate)\n    return grad_a\n", "in place"),
    wrong("dropout_backward", "no return", DB + "    g = grad_a * keep / (1 - rate)\n", "return"),
    wrong("dropout_backward", "squared scale",
          DB + "    return grad_a * keep / (1 - rate) ** 2\n", "→"),
]

CORRECT_ANSWERS = [
    right("stratified_split", "held-out mask then np.flatnonzero",
          SP + "    rng = np.random.default_rng(seed)\n    held = np.zeros(len(y), dtype=bool)\n"
               "    for c in np.unique(y):\n"
               "        members = rng.permutation(np.flatnonzero(y == c))\n"
               "        held[members[:round(fraction * len(members))]] = True\n"
               "    return np.flatnonzero(~held), np.flatnonzero(held)\n"),
    right("stratified_split", "shuffle with rng.shuffle, lists",
          SP + "    rng = np.random.default_rng(seed)\n    kept, held = [], []\n"
               "    for c in sorted(set(y.tolist())):\n"
               "        members = np.flatnonzero(y == c)\n        rng.shuffle(members)\n"
               "        n = round(fraction * len(members))\n"
               "        held += list(members[:n])\n        kept += list(members[n:])\n"
               "    return np.array(kept), np.array(held)\n"),
    right("stratified_split", "scikit-learn's train_test_split",
          SP + "    from sklearn.model_selection import train_test_split\n"
               "    return tuple(train_test_split(np.arange(len(y)), test_size=fraction,\n"
               "                                  stratify=y, random_state=seed))\n"),
    right("early_stopping", "a counter of epochs without improvement",
          ES + "    best, wait = 0, 0\n    for epoch in range(1, len(val_losses)):\n"
               "        if val_losses[epoch] < val_losses[best]:\n"
               "            best, wait = epoch, 0\n"
               "        else:\n            wait += 1\n"
               "            if wait == patience:\n                return best, epoch + 1\n"
               "    return best, len(val_losses)\n"),
    right("early_stopping", "the best loss kept as a number",
          ES + "    best_loss, best = float('inf'), 0\n"
               "    for epoch, loss in enumerate(val_losses):\n"
               "        if loss < best_loss:\n            best_loss, best = loss, epoch\n"
               "        if epoch - best == patience:\n            return best, epoch + 1\n"
               "    return best, len(val_losses)\n"),
    right("early_stopping", "a for loop with break, the count from the loop",
          ES + "    best, run = 0, 1\n"
               "    for epoch in range(1, len(val_losses)):\n        run += 1\n"
               "        if val_losses[epoch] < val_losses[best]:\n            best = epoch\n"
               "        if epoch - best >= patience:\n            break\n"
               "    return best, run\n"),
    right("glorot_uniform", "limit from the variance",
          GU + "    variance = 2 / (fan_in + fan_out)\n    limit = np.sqrt(3 * variance)\n"
               "    rng = np.random.default_rng(seed)\n"
               "    return rng.uniform(low=-limit, high=limit, size=(fan_in, fan_out))\n"),
    right("glorot_uniform", "keyword arguments in another order",
          GU + "    limit = (6.0 / (fan_out + fan_in)) ** 0.5\n"
               "    return np.random.default_rng(seed).uniform(size=(fan_in, fan_out), "
               "low=-limit, high=limit)\n"),
    right("glorot_uniform", "a generator named g",
          GU + "    g = np.random.default_rng(seed)\n"
               "    return g.uniform(-np.sqrt(6 / (fan_in + fan_out)), "
               "np.sqrt(6 / (fan_in + fan_out)), (fan_in, fan_out))\n"),
    right("he_normal", "std written with ** 0.5",
          HN + "    return np.random.default_rng(seed).normal(0.0, (2 / fan_in) ** 0.5, "
               "size=(fan_in, fan_out))\n"),
    right("he_normal", "loc and scale keywords",
          HN + "    rng = np.random.default_rng(seed)\n"
               "    return rng.normal(loc=0, scale=np.sqrt(2.0 / fan_in),\n"
               "                      size=(fan_in, fan_out))\n"),
    right("he_normal", "std from math.sqrt",
          HN + "    import math\n    std = math.sqrt(2 / fan_in)\n"
               "    return np.random.default_rng(seed).normal(0, std, (fan_in, fan_out))\n"),
    right("dropout_forward", "np.where then scale",
          DF + "    return np.where(keep, x, 0.0) / (1 - rate)\n"),
    right("dropout_forward", "a float mask", DF + "    mask = keep.astype(float) / (1.0 - rate)\n"
          "    return x * mask\n"),
    right("dropout_forward", "scale first", DF + "    return (x / (1 - rate)) * keep\n"),
    right("dropout_backward", "np.where then scale",
          DB + "    return np.where(keep, grad_a, 0.0) / (1 - rate)\n"),
    right("dropout_backward", "the forward's mask rebuilt",
          DB + "    mask = keep / (1.0 - rate)\n    return grad_a * mask\n"),
    right("dropout_backward", "a copy changed", DB + "    g = grad_a.copy()\n    g[~keep] = 0.0\n"
          "    return g / (1 - rate)\n"),
]
