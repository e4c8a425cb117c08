"""nnlib's docstrings are plain text written for help(): keep their indented blocks as written.

An indented block in a docstring (the shape tables, `x (n, n_in)  the layer's input`, and the
code examples) would otherwise be read as reStructuredText and flowed into one paragraph.
Here each one becomes a literal block, shown in a fixed-width font with its line breaks; so
does a paragraph whose lines are lined up in columns.
"""
import re

ALIGNED = re.compile(r"\S {2,}\S")  # columns lined up with spaces, inside a line


def aligned_as_indented(lines):
    """A paragraph with two or more lines lined up in columns (dL/dW = ...   (n_in, units))
    is a table too: indent it, so that it becomes a literal block like the indented ones."""
    out, start = [], 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].strip() and not lines[end][0].isspace():
            end += 1
        if end == start:  # a blank or an indented line
            out.append(lines[start])
            start += 1
            continue
        paragraph = lines[start:end]
        if sum(bool(ALIGNED.search(line)) for line in paragraph) >= 2:
            paragraph = ["    " + line for line in paragraph]
        out += paragraph
        start = end
    return out


def literal_blocks(lines):
    """Docstring lines with `::` before each indented block (and blank lines around it)."""
    out, inside = [], False
    for line in aligned_as_indented(lines):
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
