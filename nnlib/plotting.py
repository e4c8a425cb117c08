"""Pictures the lessons draw: decision boundaries, loss curves, a network's weights, predictions.

Every function draws on a matplotlib Axes (a new one if `ax` is None) and returns it, so a
notebook can add a title or combine pictures. The models are duck-typed: anything with
`.predict(X)` (an nnlib or Keras model) or a plain function X -> scores. matplotlib is imported
inside the functions, so `import nnlib` works without it.
"""
import inspect

import numpy as np

from .errors import NNLibTypeError, NNLibValueError, as_float_array, positive_int, positive_number

# Colours that colour-blind readers tell apart too (Okabe and Ito's palette), each paired with
# a second difference: negative weights are dashed, each class has its own marker.
POSITIVE_COLOR = "#0072B2"  # blue: weights and biases > 0 in draw_network, drawn solid
NEGATIVE_COLOR = "#E69F00"  # orange: weights and biases < 0, drawn dashed
CLASS_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                "#000000", "#999999", "#882255"]
CLASS_MARKERS = ["o", "^", "s", "D", "v", "P", "X", "*", "<", ">"]


# --- Decision boundaries -----------------------------------------------------------------------

def plot_decision_boundary(model_or_fn, X, y, ax=None, resolution=200, padding=0.5, title=None,
                           threshold=0.5):
    """Colour the plane by the class the model predicts, and draw the points on top.

    model_or_fn: an object with `.predict(X)`, or a function X -> scores.
        Its output for X (m, 2) may be (m,) or (m, 1): probabilities, thresholded at
        `threshold` (integer outputs are taken as class labels), or (m, k): one score per
        class, the largest wins.
    X: (n, 2) points.  y: (n,) or (n, 1) class labels 0, 1, ..., or one-hot (n, k).
    resolution: grid points along each axis.  padding: margin around the points.
    Returns the Axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap

    X = _points_2d(X)
    labels = _class_labels(y, len(X))
    resolution = positive_int(resolution, "resolution")
    padding = positive_number(padding, "padding")

    x0 = np.linspace(X[:, 0].min() - padding, X[:, 0].max() + padding, resolution)
    x1 = np.linspace(X[:, 1].min() - padding, X[:, 1].max() + padding, resolution)
    xx0, xx1 = np.meshgrid(x0, x1)
    grid = np.column_stack([xx0.ravel(), xx1.ravel()])  # (resolution**2, 2)
    predicted = _predicted_classes(model_or_fn, grid, threshold).reshape(xx0.shape)

    n_classes = int(max(labels.max(), predicted.max())) + 1
    colors = ListedColormap([CLASS_COLORS[k % 10] for k in range(n_classes)])
    # Class k gets colour k: the colour scale runs from -0.5 to n_classes - 0.5.
    scale = dict(cmap=colors, vmin=-0.5, vmax=n_classes - 0.5)
    if ax is None:
        _, ax = plt.subplots()
    ax.contourf(xx0, xx1, predicted, levels=np.arange(n_classes + 1) - 0.5, alpha=0.3, **scale)
    for k in np.unique(labels):   # each class its own colour and marker
        ax.scatter(X[labels == k, 0], X[labels == k, 1], color=CLASS_COLORS[int(k) % 10],
                   marker=CLASS_MARKERS[int(k) % 10], edgecolors="k", s=25, label=str(int(k)))
    ax.legend(title="class", loc="best", fontsize="small")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title is not None:
        ax.set_title(title)
    return ax


def plot_boundary_grid(models_or_fns, X, y, titles=None, ncols=3, resolution=100, padding=0.5):
    """Decision boundaries of several models side by side, e.g. a sweep of hidden-layer sizes.

    models_or_fns: a list of models or functions, as for `plot_decision_boundary`.
    titles: one title per model (or None).  X: (n, 2).  y: (n,) class labels.
    Returns the Figure.
    """
    import matplotlib.pyplot as plt

    models_or_fns = list(models_or_fns)
    if not models_or_fns:
        raise NNLibValueError("plot_boundary_grid needs at least one model.")
    if titles is None:
        titles = [None] * len(models_or_fns)
    elif isinstance(titles, str) or len(titles) != len(models_or_fns):
        raise NNLibValueError(f"Give one title per model: {len(models_or_fns)} models, "
                              f"but titles is {titles!r}.")
    X = _points_2d(X)
    ncols = min(positive_int(ncols, "ncols"), len(models_or_fns))
    nrows = -(-len(models_or_fns) // ncols)  # ceiling division
    fig, axes = plt.subplots(nrows, ncols, figsize=(4 * ncols, 3.6 * nrows), squeeze=False,
                             sharex=True, sharey=True)
    for ax, model, title in zip(axes.flat, models_or_fns, titles):
        plot_decision_boundary(model, X, y, ax=ax, resolution=resolution, padding=padding,
                               title=title)
    for ax in axes.flat[len(models_or_fns):]:
        ax.set_visible(False)  # the empty cells of the last row
    fig.tight_layout()
    return fig


def _points_2d(X):
    """X as a float (n, 2) array, or a clear error."""
    X = as_float_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise NNLibValueError(f"A decision boundary can only be drawn in 2-D: X must have shape "
                              f"(n_samples, 2), got {X.shape}.")
    return X


def _vector(a, name, n=None):
    """a, of shape (n,) or (n, 1), as a float (n,) array, or a clear error."""
    a = as_float_array(a, name)
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.ndim != 1 or (n is not None and len(a) != n):
        expected = "(n,) or (n, 1)" if n is None else f"({n},) or ({n}, 1)"
        raise NNLibValueError(f"{name} must have shape {expected}, got {a.shape}.")
    return a


def _class_labels(y, n):
    """y of shape (n,), (n, 1) or one-hot (n, k) as int labels (n,), or a clear error."""
    y = as_float_array(y, "y")
    if y.ndim == 2 and y.shape[1] > 1:
        y = y.argmax(axis=1)  # one-hot rows
    return _as_labels(_vector(y, "y", n), "y")


def _as_labels(values, name):
    """Check that values are whole numbers >= 0 and return them as ints."""
    if np.any(values < 0) or np.any(values != np.round(values)):
        raise NNLibValueError(f"{name} must hold class labels 0, 1, 2, ...; "
                              f"got values such as {np.unique(values)[:5]}.")
    return values.astype(np.int64)


def _predicted_classes(model_or_fn, X, threshold):
    """The class each row of X gets: argmax of (m, k) scores, or (m,) scores > threshold."""
    scores = np.asarray(_predict(model_or_fn, X))
    if scores.ndim == 2 and scores.shape[1] > 1:
        return scores.argmax(axis=1)
    if scores.shape not in [(len(X),), (len(X), 1)]:
        raise NNLibValueError(f"The model's output for {len(X)} points has shape {scores.shape}; "
                              f"expected ({len(X)},), ({len(X)}, 1) or ({len(X)}, n_classes).")
    scores = scores.reshape(-1)
    if scores.dtype.kind in "biu":  # already class labels (e.g. scikit-learn's predict)
        return _as_labels(scores, "The model's predicted labels")
    return (scores > threshold).astype(np.int64)


def _predict(model_or_fn, X):
    """model_or_fn.predict(X), quietly for Keras, or model_or_fn(X) for a plain function."""
    predict = getattr(model_or_fn, "predict", None)
    if predict is None:
        if not callable(model_or_fn):
            raise NNLibTypeError(f"Expected a model with .predict(X) or a function X -> scores, "
                                 f"got {type(model_or_fn).__name__}.")
        return model_or_fn(X)
    try:
        quiet = "verbose" in inspect.signature(predict).parameters
    except (TypeError, ValueError):  # no signature to inspect
        quiet = False
    return predict(X, verbose=0) if quiet else predict(X)


# --- Training curves ---------------------------------------------------------------------------

def plot_history(history, ax=None, keys=None, logy=False):
    """Loss (and metrics) against epoch.

    history: what `fit` returned (an nnlib or Keras History: its `.history` dict is used),
        a dict {name: list of values per epoch}, or a plain list of losses.
    keys: the names to plot (default: all). "val_loss" is drawn dashed, in the colour of "loss".
    logy: use a log scale for the values (handy when the loss falls by orders of magnitude).
    Returns the Axes.
    """
    import matplotlib.pyplot as plt

    curves = _history_dict(history)
    if keys is None:
        keys = list(curves)
    elif isinstance(keys, str):
        keys = [keys]
    if not keys:
        raise NNLibValueError("Nothing to plot: the history is empty (or keys=[]).")
    missing = [key for key in keys if key not in curves]
    if missing:
        raise NNLibValueError(f"The history has no {missing}; it holds {sorted(curves)}.")
    if ax is None:
        _, ax = plt.subplots()
    colors = {}  # "loss" and "val_loss" share a colour
    for key in keys:
        values = np.asarray(curves[key], dtype=np.float64)  # NaN allowed: training can diverge
        if values.ndim != 1:
            raise NNLibValueError(f"history[{key!r}] must be one value per epoch, "
                                  f"got shape {values.shape}.")
        base = key.removeprefix("val_")
        (line,) = ax.plot(np.arange(1, len(values) + 1), values, label=key,
                          color=colors.get(base), linestyle="--" if key != base else "-")
        colors.setdefault(base, line.get_color())
    ax.set_xlabel("epoch")
    ax.set_ylabel(keys[0] if len(keys) == 1 else "value")
    if logy:
        ax.set_yscale("log")
    ax.legend()
    return ax


def _history_dict(history):
    """The {name: values per epoch} dict inside a History, dict or list of losses."""
    history = getattr(history, "history", history)
    if isinstance(history, dict):
        return history
    if isinstance(history, (list, tuple, np.ndarray)):
        return {"loss": history}
    raise NNLibTypeError(f"Expected a History (from fit), a dict of lists or a list of losses, "
                         f"got {type(history).__name__}.")


# --- The network itself ------------------------------------------------------------------------

def draw_network(model, ax=None):
    """Draw a dense network: neurons in columns, one line per weight.

    model: an object with `get_weights()` returning [W1, b1, W2, b2, ...] (nnlib or Keras),
        or that list itself; kernels W (n_in, units), biases b (units,).
    A line's width grows with abs(w); blue is positive, red negative. A neuron's fill shows its
    bias the same way. The numbers are written when the network is small (<= 30 of them).
    Returns the Axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgb
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    kernels, biases = _kernels_and_biases(model)
    sizes = [kernels[0].shape[0]] + [W.shape[1] for W in kernels]
    tallest = max(sizes)
    gap = 2.0  # between columns; neurons in a column are dy apart, so tall nets still fit
    dy = min(1.0, 12 / tallest)
    radius = 0.3 * dy
    # Neuron j of column i sits at (gap * i, top-to-bottom position), centred on y = 0.
    centres = [[(gap * i, dy * ((n - 1) / 2 - j)) for j in range(n)]
               for i, n in enumerate(sizes)]
    w_max = max(np.abs(W).max() for W in kernels) or 1.0
    b_max = max(np.abs(b).max() for b in biases) or 1.0
    write_weights = sum(W.size for W in kernels) <= 30
    write_names = tallest <= 12  # x_1, y_hat: only when the neurons are full size
    write_biases = sum(b.size for b in biases) <= 30 and write_names

    def color(value):
        return POSITIVE_COLOR if value >= 0 else NEGATIVE_COLOR

    top, bottom = dy * (tallest - 1) / 2 + 1.0, -dy * (tallest - 1) / 2 - 1.4  # legend, names
    left, right = -0.6, gap * (len(sizes) - 1) + 0.9
    if ax is None:
        scale = min(0.8, 12 / (top - bottom))  # inches per unit, at most 12 inches tall
        _, ax = plt.subplots(figsize=(scale * (right - left), scale * (top - bottom)))
    lines, colors, widths, styles = [], [], [], []  # one entry per weight, drawn at once below
    for i, W in enumerate(kernels):
        for a, (x0, y0) in enumerate(centres[i]):
            for b, (x1, y1) in enumerate(centres[i + 1]):
                w = W[a, b]
                lines.append([(x0, y0), (x1, y1)])
                colors.append(color(w))
                widths.append(0.5 + 4 * abs(w) / w_max)
                styles.append("solid" if w >= 0 else (0, (3, 2)))
                if write_weights:  # nearer the start for the top targets, so labels don't meet
                    t = 0.3 + 0.4 * b / max(len(centres[i + 1]) - 1, 1)
                    ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"{w:.2g}", fontsize=8,
                            ha="center", va="center", zorder=3,
                            bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8))
    ax.add_collection(LineCollection(lines, colors=colors, linewidths=widths, linestyles=styles,
                                     alpha=0.7, zorder=1))

    for j, (x, y) in enumerate(centres[0]):
        ax.add_patch(Circle((x, y), radius, fc="white", ec="k", zorder=2))
        if write_names:
            ax.text(x, y, f"$x_{{{j + 1}}}$", ha="center", va="center", fontsize=9, zorder=4)
    for i, b in enumerate(biases, start=1):
        for j, (x, y) in enumerate(centres[i]):
            tint = 0.1 + 0.5 * abs(b[j]) / b_max  # opaque mix of white and the sign's colour
            fill = [1 - tint + tint * c for c in to_rgb(color(b[j]))]
            ax.add_patch(Circle((x, y), radius, fc=fill, ec="k", zorder=2))
            if write_biases:
                ax.text(x, y, f"{b[j]:.2g}", ha="center", va="center", fontsize=8, zorder=4)
    for j, (x, y) in enumerate(centres[-1] if write_names else []):
        name = r"$\hat{y}$" if sizes[-1] == 1 else rf"$\hat{{y}}_{{{j + 1}}}$"
        ax.text(x + radius + 0.08, y, name, ha="left", va="center", fontsize=10)

    names = ["input"] + [f"hidden {i}" for i in range(1, len(sizes) - 1)] + ["output"]
    for i, name in enumerate(names):
        ax.text(gap * i, bottom + 1.0, f"{name}\n({sizes[i]})", ha="center", va="top",
                fontsize=9)
    ax.legend(handles=[Line2D([], [], color=POSITIVE_COLOR, label="positive"),
                       Line2D([], [], color=NEGATIVE_COLOR, linestyle="--", label="negative")],
              loc="upper center", ncol=2, fontsize=8, frameon=False)
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _kernels_and_biases(model):
    """The lists [W1, W2, ...] and [b1, b2, ...] of a model, checked to fit together."""
    weights = model.get_weights() if hasattr(model, "get_weights") else model
    if not isinstance(weights, (list, tuple)):
        raise NNLibTypeError(f"draw_network needs a model with get_weights() or a list "
                             f"[W1, b1, W2, b2, ...], got {type(model).__name__}.")
    weights = [np.asarray(w, dtype=np.float64) for w in weights]
    if not weights or len(weights) % 2:
        raise NNLibValueError(f"Expected kernel, bias pairs [W1, b1, W2, b2, ...], got "
                              f"{len(weights)} arrays of shapes {[w.shape for w in weights]}. "
                              "(Has the model been built? Do all its layers have a bias?)")
    kernels, biases = weights[0::2], weights[1::2]
    for i, (W, b) in enumerate(zip(kernels, biases)):
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise NNLibValueError(f"Layer {i + 1}: expected a kernel (n_in, units) and a bias "
                                  f"(units,), got shapes {W.shape} and {b.shape}.")
        if i > 0 and W.shape[0] != kernels[i - 1].shape[1]:
            raise NNLibValueError(f"Layer {i + 1}'s kernel {W.shape} takes {W.shape[0]} inputs, "
                                  f"but layer {i} has {kernels[i - 1].shape[1]} units.")
    return kernels, biases


# --- Regression ----------------------------------------------------------------------------------

def plot_predictions(y_true, y_pred, ax=None):
    """Predicted against true values, with the line y = x where perfect predictions would sit.

    y_true, y_pred: (n,) or (n, 1).  Returns the Axes.
    """
    import matplotlib.pyplot as plt

    y_true = _vector(y_true, "y_true")
    y_pred = _vector(y_pred, "y_pred", len(y_true))
    if ax is None:
        _, ax = plt.subplots()
    ax.scatter(y_true, y_pred, s=8, alpha=0.4)
    low = min(y_true.min(), y_pred.min())
    high = max(y_true.max(), y_pred.max())
    ax.plot([low, high], [low, high], "k--", label="y = x (perfect)")
    ax.set_xlabel("true value")
    ax.set_ylabel("predicted value")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend()
    return ax
