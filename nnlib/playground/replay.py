"""The nnlib lines behind a playground: how its network was built, and every step that trained it.

core.py keeps a log of what trained the model since the last reset; `write(...)` turns it into
the nnlib calls that take the same steps, so that running them gives the same weights, bit for
bit (tests/test_playground.py checks it after changes of learning rate, L2, batch size and
optimizer, single-batch steps and a divergence). The log's entries:

- ["epochs", count, batch_size]: `model.fit(X_train, y_train, epochs=count, batch_size=...)`
  (fit shuffles with the model's own generator, so two fits of 10 epochs are one of 20);
- ["batches", count, batch_size]: "Step a batch" `count` times: one step on `batch_size` rows
  drawn by the playground's generator, `np.random.default_rng(seed)`;
- ["set", name, value, epoch]: learning_rate, l2 or optimizer changed after `epoch` epochs;
- ["note", text]: a comment, e.g. an epoch that diverged and was undone.
"""


class Code(str):
    """Source code as a str whose repr is the code itself, so that a cell ending in `pg.code()`
    shows it once, as code (not a quoted string); `print`, `exec` and `+` work as on any str."""

    def __repr__(self):
        return str(self)

    def _repr_pretty_(self, printer, cycle):   # IPython's text/plain
        printer.text(str(self))


def write(settings, start, log, warnings=()):
    """The code: `settings` as now (network and data), `start` the training settings of the
    first step (learning_rate, l2, optimizer; None: not trained yet), `log` as above, and
    `warnings`: sentences saying why the lines may not rebuild the model (as comments on top)."""
    s = settings
    start = start or s
    own = not isinstance(s["data"], str)
    lines = [f"# NOTE: {warning}" for warning in warnings]
    lines += ["import nnlib", "from nnlib import Dense, Sequential"]
    if any(entry[0] == "batches" for entry in log):
        lines.insert(len(warnings), "import numpy as np")
    lines.append("from nnlib.playground.data import features, "
                 + ("from_arrays" if own else "make_data"))
    lines.append("")
    if own:
        lines.append(f"data = from_arrays(X, y, test_fraction={s['test_fraction']}, "
                     f"seed={s['seed']})   # X, y: the arrays you gave as data=(X, y)")
    else:
        lines.append(f"data = make_data({s['data']!r}, n={s['n']}, noise={s['noise']}, "
                     f"test_fraction={s['test_fraction']}, seed={s['seed']})")
    lines += [f"X_train = features(data.X_train, {s['features']})",
              f"X_test = features(data.X_test, {s['features']})", "", "model = Sequential(["]
    reg = _regularizer(start["l2"])
    reg = f", kernel_regularizer={reg}" if reg != "None" else ""
    sizes = s["hidden"] + [1]
    activations = [s["activation"]] * len(s["hidden"]) + [_output(s)]
    for i, (units, activation) in enumerate(zip(sizes, activations)):
        dim = f", input_dim={len(s['features'])}" if i == 0 else ""
        lines.append(f'    Dense({units}, activation="{activation}"{dim}{reg}),')
    lines.append(f"], seed={s['seed']})")
    lines.append(_compile(s, start["optimizer"], start["learning_rate"]))
    if any(entry[0] == "batches" for entry in log):
        lines.append(f"rng = np.random.default_rng({s['seed']})   # draws the rows of "
                     "\"Step a batch\"")
    for entry in log:
        lines += _lines(entry, s)
    if not any(entry[0] in ("epochs", "batches") for entry in log):
        lines.append(f"# not trained yet: model.fit(X_train, data.y_train, epochs=100, "
                     f"batch_size={s['batch_size']}) would train it")
    lines.append("test_loss = model.evaluate(X_test, data.y_test)")
    return Code("\n".join(lines))


def _output(s):
    return "sigmoid" if s["problem"] == "classification" else "linear"


def loss_name(problem):
    return "binary_crossentropy" if problem == "classification" else "mse"


def _regularizer(l2):
    return f"nnlib.regularizers.L2({l2})" if l2 > 0 else "None"


def _compile(s, optimizer, learning_rate):
    name = "Adam" if optimizer == "adam" else "SGD"
    return (f'model.compile(loss="{loss_name(s["problem"])}", '
            f"optimizer=nnlib.optimizers.{name}(learning_rate={learning_rate}))")


def _lines(entry, s):
    kind = entry[0]
    if kind == "epochs":
        _, count, batch_size = entry
        return [f"model.fit(X_train, data.y_train, epochs={count}, batch_size={batch_size})"]
    if kind == "batches":
        _, count, batch_size = entry
        step = [f"rows = rng.choice(len(X_train), {batch_size}, replace=False)",
                f"model.fit(X_train[rows], data.y_train[rows], epochs=1, "
                f"batch_size={batch_size}, shuffle=False)"]
        if count == 1:
            return ['# "Step a batch": one step on rows drawn at random'] + step
        return [f'for _ in range({count}):   # "Step a batch" {count} times: one step each on '
                f"rows drawn at random"] + ["    " + line for line in step]
    if kind == "note":
        return [f"# {entry[1]}"]
    _, name, value, epoch = entry
    when = f"   # changed after epoch {epoch}"
    if name == "learning_rate":
        return [f"model.optimizer.learning_rate = {value}{when}"]
    if name == "l2":
        return [f"for layer in model.layers:{when}",
                f"    layer.kernel_regularizer = {_regularizer(value)}"]
    name_, learning_rate = value
    return [_compile(s, name_, learning_rate) + f"{when}: a fresh optimizer, the same weights"]
