"""The playground's pictures, drawn from numpy arrays with Pillow: fast enough for every frame.

A matplotlib figure costs 100 ms or more to redraw; these cost a few ms each, so that training
and drawing together run at well over 10 frames per second. Colours that colour-blind readers
tell apart (Okabe and Ito's blue #0072B2 and orange #E69F00), each with a second sign that needs
no colour: class 1 is blue and drawn as a circle, class 0 orange and drawn as a triangle; a
positive weight is a solid blue line, a negative one a dashed orange line. The plane goes from
orange (0, negative) through white to blue (1, positive); a NaN shows grey.
Each function returns a PIL image; `png(image)` gives the bytes an ipywidgets.Image shows.
"""
import functools
import io

import numpy as np

BLUE = np.array([0, 114, 178], dtype=np.float64)      # Okabe-Ito blue #0072B2: class 1, w > 0
ORANGE = np.array([230, 159, 0], dtype=np.float64)    # Okabe-Ito orange #E69F00: class 0, w < 0
WHITE = np.array([255, 255, 255], dtype=np.float64)
_BLUE, _ORANGE = tuple(BLUE.astype(int).tolist()), tuple(ORANGE.astype(int).tolist())
_POINT_PALETTE = (_ORANGE, _BLUE)   # class 0, class 1 (or low, high)
GREY = (150, 150, 150)
NAN_GREY = np.array([190, 190, 190], dtype=np.uint8)   # where a value is NaN
DARK = (40, 40, 40)
_BACKGROUND = 0.6   # the plane's colours go this far from white towards blue or orange


def _palette(levels=256):
    """(levels, 3) uint8: light orange at 0, white in the middle, light blue at the end (lighter
    than the points, so that a point shows on either side)."""
    t = np.linspace(-1, 1, levels)[:, None] * _BACKGROUND
    rgb = np.where(t < 0, WHITE + (ORANGE - WHITE) * -t, WHITE + (BLUE - WHITE) * t)
    return np.round(rgb).astype(np.uint8)


PALETTE = _palette()


def colour(values, low, high):
    """values (h, w) -> RGB uint8 (h, w, 3): `low` orange, the middle white, `high` blue; NaN
    grey (a network whose weights are no longer numbers draws, all grey)."""
    values = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        t = (values - low) / ((high - low) or 1.0)
        rgb = PALETTE[np.clip(np.nan_to_num(t, nan=0.5) * 255 + 0.5, 0, 255).astype(np.intp)]
    nan = np.isnan(values)
    if nan.any():
        rgb[nan] = NAN_GREY
    return rgb


def finite_max(arrays, floor=1e-12):
    """The largest ``abs(value)`` that is a finite number among the arrays (at least `floor`)."""
    tops = [float(np.max(np.abs(a[np.isfinite(a)]))) for a in arrays if np.isfinite(a).any()]
    return max(tops + [floor])


def text(draw, xy, words, fill=DARK):
    """Draw `words` with Pillow's built-in font, which has no ², · or −: written x1^2, ``|``, -."""
    draw.bitmap(xy, _lettering(words), fill=fill)


@functools.lru_cache(maxsize=512)
def _lettering(words):
    """`words` rendered once as a mask (rendering text costs more than a frame's lines)."""
    from PIL import Image, ImageDraw

    for fancy, plain in (("²", "^2"), ("·", "|"), ("−", "-"), ("×", "x"), ("≥", ">=")):
        words = words.replace(fancy, plain)
    draw = ImageDraw.Draw(Image.new("L", (1, 1)))
    left, top, right, bottom = draw.textbbox((0, 0), words)
    mask = Image.new("L", (max(1, right), max(1, bottom)), 0)
    ImageDraw.Draw(mask).text((0, 0), words, fill=255)
    return mask


def wrap(parts, width):
    """Pieces of a caption packed into lines of at most `width` pixels (joined by ' · ')."""
    from PIL import Image, ImageDraw

    measure = ImageDraw.Draw(Image.new("RGB", (1, 1))).textlength
    lines = []
    for part in parts:
        if lines and measure(lines[-1] + " | " + part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def banner(image, words):
    """`image` veiled in white with `words` across its middle: the picture of a diverged network."""
    from PIL import Image, ImageDraw

    veiled = Image.blend(image.convert("RGB"), Image.new("RGB", image.size, "white"), 0.55)
    draw = ImageDraw.Draw(veiled)
    lines = words.split("\n")
    y = image.height // 2 - 7 * len(lines)
    for line in lines:
        width = draw.textlength(line)
        draw.rectangle((image.width / 2 - width / 2 - 4, y - 2, image.width / 2 + width / 2 + 4,
                        y + 12), fill="white", outline=DARK)
        text(draw, (image.width / 2 - width / 2, y), line)
        y += 16
    return veiled


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

    bounds = (x_min, x_max, y_min, y_max); train, test: (X (n, 2), y (n, 1)). Class 1 (or a
    target above the middle of low..high) is a blue circle, class 0 an orange triangle; train
    points are ringed in white, test points in black.
    """
    from PIL import Image, ImageDraw

    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    x_min, x_max, y_min, y_max = bounds
    for (X, y), outline in ((test, DARK), (train, "white")):
        px = (X[:, 0] - x_min) / (x_max - x_min) * (size - 1)
        py = (y_max - X[:, 1]) / (y_max - y_min) * (size - 1)
        classes = (y[:, 0] > (low + high) / 2).astype(int).tolist()
        for x, yy, c in zip(px.tolist(), py.tolist(), classes):
            if c:
                draw.ellipse((x - 3.5, yy - 3.5, x + 3.5, yy + 3.5), fill=_BLUE, outline=outline)
            else:
                draw.polygon([(x, yy - 4.5), (x + 4.5, yy + 3.5), (x - 4.5, yy + 3.5)],
                             fill=_ORANGE, outline=outline)
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
    label = f"top {top:.3g}"   # the top of the axis (its bottom is 0), where curves end low
    text(draw, (width - 4 - _lettering(label).width, 3), label, fill=GREY)
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
    """The network drawn with its weights: a line per weight, solid blue positive, dashed orange
    negative, wider when ``abs(w)`` is larger (grey and thin where a weight is not a number); a
    node's fill is its bias on the same scale."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    negative = Image.new("L", (width, height), 0)   # the negative weights, dashed below
    dashes = ImageDraw.Draw(negative)
    sizes = [len(input_names)] + [k.shape[1] for k in kernels]
    xs = np.linspace(30, width - 30, len(sizes))
    ys = [np.linspace(20, height - 28, s + 2)[1:-1] for s in sizes]
    scale = finite_max(kernels)
    for layer, kernel in enumerate(kernels):
        for i in range(kernel.shape[0]):
            for j in range(kernel.shape[1]):
                w = float(kernel[i, j])
                line = (xs[layer], ys[layer][i], xs[layer + 1], ys[layer + 1][j])
                if not np.isfinite(w):
                    draw.line(line, fill=GREY, width=1)
                    continue
                thickness = max(1, int(round(6 * min(abs(w) / scale, 1.0))))
                if w > 0:
                    draw.line(line, fill=_BLUE, width=thickness)
                else:
                    dashes.line(line, fill=255, width=thickness)
    # the key, for readers who do not tell the colours apart
    draw.line((8, height - 10, 30, height - 10), fill=_BLUE, width=3)
    text(draw, (34, height - 16), "w > 0")
    dashes.line((80, height - 10, 104, height - 10), fill=255, width=3)
    text(draw, (108, height - 16), "w < 0    wider: larger |w|")
    # Dashes: every line crosses the columns from left to right, so blanking 4 columns in 10
    # cuts each into dashes (one numpy product instead of a draw call per dash).
    mask = np.asarray(negative) * _DASHES[:width]
    image.paste(_ORANGE, (0, 0), Image.fromarray(mask.astype(np.uint8)))
    node_fills = [np.full((len(input_names), 3), 230, dtype=np.uint8)] + [
        colour(b, -scale, scale) for b in biases]
    for layer, column in enumerate(ys):
        for j, y in enumerate(column):
            fill = tuple(node_fills[layer][j].tolist())
            draw.ellipse((xs[layer] - 8, y - 8, xs[layer] + 8, y + 8), fill=fill, outline=DARK)
            if layer == 0:
                text(draw, (2, y - 18), input_names[j])
    return image


_DASHES = (np.arange(2000) % 10 < 6).astype(np.uint8)   # 6 pixels on, 4 off, along x
