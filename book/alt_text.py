"""Alt text for every figure of the book, at build time.

Where it comes from, first found first:
1. `# alt: ...` lines in the cell's code, one per figure the cell shows, in order;
2. the figure itself: a set-up cell the build runs first in each lesson's kernel (ALT_SETUP)
   makes every matplotlib figure the inline backend shows carry, in its output's metadata,
   a description read from the figure: its title, each panel's title, axes and legend;
3. the sentence of the text just before the cell.
`alt_texts(nb)` gives {sha256 of the picture's bytes: alt text}: myst-nb names each picture
file by that hash, and book/_ext/course_book.py sets the alt text of the image it writes.
"""
import base64
import hashlib
import re

ALT_SETUP = '''\
# Run first by book/build.py (not part of the lesson): each figure shown says what it shows.
def _book_alt_text():
    import re
    def plain(text):
        return re.sub(r"\\s+", " ", re.sub(r"[$\\\\{}]", "", text or "")).strip()

    def describe(fig):
        parts = []
        title = fig._suptitle.get_text() if fig._suptitle is not None else ""
        if plain(title):
            parts.append(plain(title) + ".")
        axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
        for number, ax in enumerate(axes, 1):
            bits = [plain(ax.get_title(loc)) for loc in ("left", "center", "right")]
            bits = [b for b in bits if b]
            x, y = plain(ax.get_xlabel()), plain(ax.get_ylabel())
            if x or y:
                bits.append(f"{y or 'a value'} against {x or 'x'}")
            legend = ax.get_legend()
            if legend is not None:
                names = [plain(t.get_text()) for t in legend.get_texts()]
                if any(names):
                    bits.append("lines or points: " + ", ".join(n for n in names if n))
            if bits:
                where = f"Panel {number} of {len(axes)}: " if len(axes) > 1 else ""
                parts.append(where + "; ".join(bits) + ".")
        return " ".join(parts)

    # The inline backend shows each figure with display(fig, metadata=this function's answer).
    import matplotlib_inline.backend_inline as inline

    fetch = inline._fetch_figure_metadata

    def with_alt(fig):
        metadata = dict(fetch(fig) or {})
        alt = describe(fig)
        if alt:
            metadata["image/png"] = {"alt": alt}
        return metadata or None

    inline._fetch_figure_metadata = with_alt


_book_alt_text()
del _book_alt_text
'''
ALT_LINE = re.compile(r"^\s*#\s*alt:\s*(.+?)\s*$", re.M | re.I)
IMAGES = ("image/png", "image/jpeg", "image/gif")


def last_sentence(markdown):
    """The last sentence of a markdown cell, without markup (at most 300 characters)."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"^#+ ", "", text, flags=re.M)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`$\\{}]|^\s*[-:].*$|<[^>]+>", "", text, flags=re.M)
    text = re.sub(r"\s+", " ", text).strip()
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+", text) if len(s) > 3]
    return sentences[-1][:300] if sentences else ""


def alt_texts(nb):
    """{sha256 hex of each picture output's bytes: its alt text} for an executed notebook."""
    found, before = {}, ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            before = last_sentence(cell.source) or before
            continue
        if cell.cell_type != "code":
            continue
        written = ALT_LINE.findall(cell.source)
        shown = 0
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            mime = next((m for m in IMAGES if m in data), None)
            if mime is None:
                continue
            raw = data[mime]
            raw = "".join(raw) if isinstance(raw, list) else raw
            digest = hashlib.sha256(base64.b64decode(raw)).hexdigest()
            own = output.get("metadata", {}).get(mime, {}).get("alt")
            if shown < len(written):
                alt = written[shown]
            elif own:   # matplotlib's TeX wrappers, left by the kernel's plain(), go here
                alt = "A figure: " + re.sub(r"math(default|rm|it|bf)(?=\S)", "", own)
            else:
                alt = f"A figure for: {before}" if before else "A figure of the lesson."
            found[digest] = alt
            shown += 1
    return found
