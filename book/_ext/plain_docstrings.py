"""nnlib's docstrings are plain text written for help(): keep their indented blocks as written.

An indented block in a docstring (the shape tables, `x (n, n_in)  the layer's input`, and the
code examples) would otherwise be read as reStructuredText and flowed into one paragraph.
Here each one becomes a literal block, shown in a fixed-width font with its line breaks.
"""


def literal_blocks(lines):
    """Docstring lines with `::` before each indented block (and blank lines around it)."""
    out, inside = [], False
    for line in lines:
        indented = line.startswith((" ", "\t")) and line.strip() != ""
        if indented and not inside:
            if out and out[-1].strip():
                out.append("")
            out += ["::", ""]
            inside = True
        elif inside and line.strip() and not indented:
            if out[-1].strip():
                out.append("")
            inside = False
        out.append(line)
    return out


def on_docstring(app, what, name, obj, options, lines):
    lines[:] = literal_blocks(lines)


def setup(app):
    app.connect("autodoc-process-docstring", on_docstring)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
