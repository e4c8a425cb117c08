"""The glossary both ways, at build time.

docs/glossary.md writes each entry as a paragraph `**Term.** what it is. — [Lesson 0N](../
notebooks/0N_topic.ipynb), "section title"`. In the book:
- each entry gets a label, `glossary-<term>`, and its lesson links go to the section they name
  (`lessons/0N_topic.html#<the section's id>`, the id docutils gives the heading; written as
  an HTML link, which book/_ext/course_book.py checks against the built page);
- in each lesson page, the first use of each term in the text links to the entry.
- `search_terms` gives the search page each term's words and the section that introduces it,
  so that a search for a term lists that lesson first.
"""
import re

from docutils.nodes import make_id
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

ENTRY = re.compile(r"^\*\*(?P<name>[^*]+?)\.?\*\*", re.M)
LESSON_LINK = re.compile(
    r"\[(?P<text>[Ll]esson (?P<number>\d\d))\]\(\.\./notebooks/(?P<stem>\d\d_\w+)\.ipynb\)"
    r"(?P<section>,\s+\"(?P<title>[^\"]+)\")?")
OTHER_NOTEBOOK_LINK = re.compile(r"\]\(\.\./notebooks/(\d\d_\w+)\.ipynb\)")
_md = MarkdownIt("commonmark").use(dollarmath_plugin)


def label(term):
    return "glossary-" + (re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "term")


def heading_text(line):
    """A heading line's text as MyST slugs it: text and inline code, not math or markup."""
    tokens = _md.parseInline(line.lstrip("#").strip())
    children = tokens[0].children if tokens else []
    return "".join(t.content for t in children if t.type in ("text", "code_inline"))


def lesson_headings(nb):
    """[(heading text, section id)] of a notebook's markdown headings, in order: the id
    docutils makes from the heading's text (a repeated title's later sections get other ids:
    a link goes to the first)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            if fenced or not re.match(r"#{1,6} ", line):
                continue
            text = heading_text(line)
            found.append((text, make_id(text)))
    return found


def _norm(text):
    return re.sub(r"\s+", " ", re.sub(r"[`*_$]", "", text)).strip().lower()


def find_section(title, headings):
    """The slug of the heading `title` names (exactly, or as the end of a numbered heading)."""
    want = _norm(title)
    for text, slug in headings:
        if _norm(text) == want:
            return slug
    for text, slug in headings:
        if _norm(text).endswith(want) or want in _norm(text):
            return slug
    return None


def book_glossary(text, headings):
    """The glossary as the book shows it, and the references whose section was not found.

    `headings`: {lesson stem: lesson_headings(...)}."""
    unresolved = []

    def lesson_link(match):
        stem, title = match["stem"], match["title"]
        if not title:
            return f"[{match['text']}](lessons/{stem}.ipynb)"
        title = re.sub(r"\s+", " ", title)
        slug = find_section(title, headings.get(stem, []))
        if slug is None:
            unresolved.append(f'"{title}" in {stem}')
            return f'[{match["text"]}](lessons/{stem}.ipynb), "{title}"'
        return (f'<a class="reference internal course-section-link" '
                f'href="lessons/{stem}.html#{slug}">{match["text"]}, "{title}"</a>')

    text = LESSON_LINK.sub(lesson_link, text)
    text = OTHER_NOTEBOOK_LINK.sub(r"](lessons/\1.ipynb)", text)
    text = ENTRY.sub(lambda m: f"({label(m['name'])})=\n{m.group(0)}", text)
    return text, unresolved


def variants(name):
    """The words a term goes by: 'Mean squared error (MSE)' -> ['Mean squared error', 'MSE']."""
    inside = re.findall(r"\(([^()]*)\)", name)
    outside = re.sub(r"\([^()]*\)", "", name)
    words = [w.strip() for w in outside.split(",")]
    words += [w.strip() for w in inside if "$" not in w and not w.startswith("of ")]
    return [w for w in words if len(w) > 1]


def search_terms(book_text):
    """[{"label", "words", "page", "anchor"}] for each entry of the staged glossary: the page
    and anchor of the first lesson section the entry names (None when it names none)."""
    terms = []
    for match in re.finditer(r"^\((glossary-[\w-]+)\)=\n\*\*([^*]+?)\.?\*\*(.*?)(?=\n\n|\Z)",
                             book_text, re.M | re.S):
        first = re.search(r"(?:\]\(|href=\")lessons/(\d\d_\w+)\.(?:ipynb|html)(?:#([\w-]+))?",
                          match[3])
        terms.append({"label": match[1], "words": variants(match[2]),
                      "page": f"lessons/{first[1]}" if first else None,
                      "anchor": first[2] if first else None})
    return terms


# --- the lessons: a term's first use links to its entry ------------------------------------------

# Spans that are not prose: code, math, links, roles, html tags, urls, labels.
PROTECTED = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|!?\[[^\]]*\]\([^)]*\)|\{[\w:-]+\}`[^`]*`"
                       r"|<[^>]+>|https?://\S+|\(\S+\)=", re.S)


def term_pattern(word):
    flags = 0 if re.search(r"[A-Z]", word[1:]) else re.I   # MSE, ReLU: as written
    return re.compile(r"(?<![\w`$-])" + re.escape(word) + r"(?:s|es)?(?![\w`$-])", flags)


def link_first_uses(nb, terms):
    """In each markdown cell (not headings, fences or directive lines), the first use of each
    term in the page becomes {ref}`use <glossary-term>`. Returns how many were linked."""
    patterns = [(t["label"], [term_pattern(w) for w in t["words"]]) for t in terms]
    done, linked = set(), 0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or cell.get("id") == "book-download":
            continue
        lines, fenced = cell.source.split("\n"), False
        for n, line in enumerate(lines):
            stripped = line.lstrip()
            if stripped.startswith(("```", "~~~", ":::")):
                fenced = not fenced if stripped.startswith(("```", "~~~")) else fenced
                continue
            if fenced or stripped.startswith(("#", ":", "|", "(")) or not stripped:
                continue
            for name, pats in patterns:
                if name in done:
                    continue
                line, hit = _link_once(line, pats, name)
                if hit:
                    done.add(name)
                    linked += 1
            lines[n] = line
        cell.source = "\n".join(lines)
    return linked


def _link_once(line, patterns, name):
    """`line` with the first unprotected match of any pattern linked; (line, linked?)."""
    free = [True] * len(line)
    for span in PROTECTED.finditer(line):
        free[span.start():span.end()] = [False] * (span.end() - span.start())
    best = None
    for pattern in patterns:
        for m in pattern.finditer(line):
            if all(free[m.start():m.end()]):
                if best is None or m.start() < best.start():
                    best = m
                break
    if best is None:
        return line, False
    word = best.group(0)
    return line[:best.start()] + f"{{ref}}`{word} <{name}>`" + line[best.end():], True
