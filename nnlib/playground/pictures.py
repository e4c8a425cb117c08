"""The playground's pictures, drawn from numpy arrays with Pillow: fast enough for every frame.

A matplotlib figure costs 100 ms or more to redraw; these cost a few ms each, so that training
and drawing together run at well over 10 frames per second. Colours as in the TensorFlow
Playground: orange for negative / class 0, blue for positive / class 1, white in between.
Each function returns a PIL image; `png(image)` gives the bytes an ipywidgets.Image shows.
"""
import io

import numpy as np

ORANGE = np.array([245, 147, 34], dtype=np.float64)
BLUE = np.array([8, 119, 189], dtype=np.float64)
WHITE = np.array([255, 255, 255], dtype=np.float64)
_BLUE, _ORANGE = tuple(BLUE.astype(int).tolist()), tuple(ORANGE.astype(int).tolist())
_POINT_PALETTE = np.array([[200, 100, 0], [0, 80, 150]])   # class 0, class 1 (or low, high)
GREY = (150, 150, 150)
DARK = (40, 40, 40)


def _palette(levels=256):
    """(levels, 3) uint8: orange at 0, white in the middle, blue at the end."""
    t = np.linspace(-1, 1, levels)[:, None]
    rgb = np.where(t < 0, WHITE + (ORANGE - WHITE) * -t, WHITE + (BLUE - WHITE) * t)
    return np.round(rgb).astype(np.uint8)


PALETTE = _palette()


def colour(values, low, high):
    """values (h, w) -> RGB uint8 (h, w, 3): `low` orange, the middle white, `high` blue."""
    t = (np.asarray(values, dtype=np.float64) - low) / ((high - low) or 1.0)
    return PALETTE[np.clip(np.nan_to_num(t, nan=0.5) * 255 + 0.5, 0, 255).astype(np.intp)]


def png(image):
    """A PIL image as PNG bytes (what Jupyter shows as a still picture)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def jpeg(image):
    """A PIL image as JPEG bytes: several times faster to make than PNG, for live frames."""
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def points(bounds, train, test, size=260, low=0.0, high=1.0):
    """The data points on a transparent layer, drawn once and laid over every frame's boundary.

    bounds = (x_min, x_max, y_min, y_max); train, test: (X (n, 2), y (n, 1)). Each point is
    filled with its class's colour (a darker orange or blue than the background's, so that it
    shows on either side), train points ringed in white, test points in black.
    """
    from PIL import Image, ImageDraw

    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x_min, x_max, y_min, y_max = bounds
    for (X, y), outline in ((test, DARK), (train, "white")):
        px = (X[:, 0] - x_min) / (x_max - x_min) * (size - 1)
        py = (y_max - X[:, 1]) / (y_max - y_min) * (size - 1)
        fills = [tuple(rgb) for rgb in _POINT_PALETTE[(y[:, 0] > (low + high) / 2).astype(int)]]
        for x, yy, fill in zip(px.tolist(), py.tolist(), fills):
            draw.ellipse((x - 3, yy - 3, x + 3, yy + 3), fill=fill, outline=outline)
    return layer


def boundary(values, overlay, low=0.0, high=1.0):
    """The network's output over the plane, with the points layer on top.

    values (g, g): the output on a g×g grid, row 0 at the top; overlay: the `points` layer,
    whose size the picture takes.
    """
    from PIL import Image

    image = Image.fromarray(colour(values, low, high)).resize(overlay.size, Image.BILINEAR)
    image.paste(overlay, (0, 0), overlay)
    return image


def loss_curves(train_losses, test_losses, width=260, height=110):
    """Train (dark) and test (grey) loss per epoch, the y axis from 0 to the largest loss."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height - 1), outline=GREY)
    curves = [np.asarray(c, dtype=np.float64) for c in (test_losses, train_losses)]
    finite = np.concatenate([c[np.isfinite(c)] for c in curves]) if any(len(c) for c in curves) \
        else np.array([])
    if finite.size == 0:
        return image
    top = max(float(finite.max()), 1e-12)
    for values, fill in zip(curves, (GREY, DARK)):
        if len(values) < 1:
            continue
        x = np.linspace(2, width - 3, len(values)) if len(values) > 1 else np.array([2.0])
        y = height - 3 - np.clip(values / top, 0, 1) * (height - 6)
        points = list(zip(x.tolist(), np.nan_to_num(y, nan=height - 3).tolist()))
        if len(points) > 1:
            draw.line(points, fill=fill, width=2)
        else:
            draw.point(points, fill=fill)
    return image


def unit_grid(layers, gap=6):
    """Every hidden unit's output over the plane: one column per layer, one small square per unit.

    layers: a list (one per hidden layer) of (values (units, g, g), low, high); each unit is drawn
    g×g pixels, straight from its values (no resizing: this picture has up to 32 of them).
    """
    from PIL import Image

    if not layers:
        return Image.new("RGB", (30, 30), "white")
    size = layers[0][0].shape[1]
    rows = max(values.shape[0] for values, _, _ in layers)
    canvas = np.full((rows * (size + gap) - gap, len(layers) * (size + gap) - gap, 3), 255,
                     dtype=np.uint8)
    for column, (values, low, high) in enumerate(layers):
        tiles = colour(values, low, high)          # (units, g, g, 3), in one go
        x = column * (size + gap)
        for row, tile in enumerate(tiles):
            y = row * (size + gap)
            canvas[y:y + size, x:x + size] = tile
    return Image.fromarray(canvas)


def network(kernels, biases, input_names, width=360, height=230):
    """The network drawn with its weights: a line per weight, blue positive, orange negative,
    width growing with |w|; a node's fill is its bias on the same scale."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    sizes = [len(input_names)] + [k.shape[1] for k in kernels]
    xs = np.linspace(30, width - 30, len(sizes))
    ys = [np.linspace(20, height - 20, s + 2)[1:-1] for s in sizes]
    scale = max([float(np.max(np.abs(k))) for k in kernels] + [1e-12])
    for layer, kernel in enumerate(kernels):
        for i in range(kernel.shape[0]):
            for j in range(kernel.shape[1]):
                w = kernel[i, j]
                fill = _BLUE if w > 0 else _ORANGE
                draw.line((xs[layer], ys[layer][i], xs[layer + 1], ys[layer + 1][j]), fill=fill,
                          width=max(1, int(round(6 * abs(w) / scale))))
    node_fills = [np.full((len(input_names), 3), 230, dtype=np.uint8)] + [
        colour(b, -scale, scale) for b in biases]
    for layer, column in enumerate(ys):
        for j, y in enumerate(column):
            fill = tuple(node_fills[layer][j].tolist())
            draw.ellipse((xs[layer] - 8, y - 8, xs[layer] + 8, y + 8), fill=fill, outline=DARK)
            if layer == 0:
                draw.text((2, y - 18), input_names[j], fill=DARK)
    return image
