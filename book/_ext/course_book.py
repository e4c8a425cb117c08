"""The course's changes to how Sphinx and the book theme write the pages.

- No thebe: its set-up script was included twice on every page (`Identifier 'THEBE_JS_URL' has
  already been declared`) and the book runs no kernel; its scripts are left out.
- The figures' alt text (book/alt_text.py, in _static/course-alt-text.json, keyed by the hash
  myst-nb names each picture file by) is set on each image.
- The search works from file://: Sphinx's search page fetches each result's page to show an
  excerpt, which Chromium refuses for files. Here every page's sections (title, anchor, text)
  are written into _static/course-search-index.js, which the search page (_templates/
  search.html) loads as a script with course-search.js: results with excerpts, the lesson that
  introduces a glossary term first, links that highlight the term on the page opened.
- The glossary's links to lesson sections (book/glossary_links.py writes them as HTML) are
  checked against the built lessons: a link to a section that is not there fails the build.
- course.js on every page (Jupyter Book includes each script of _static/ in every page):
  code lines wrapped with a hanging indent, wide formulas fitted,
  figures opened full width on a tap, the playground's slider.
"""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

SKIP_TAGS = {"script", "style", "mjx-container", "nav", "footer", "header", "button", "noscript",
             "template", "svg", "dialog"}
HEADINGS = {"h1", "h2", "h3", "h4"}


def drop_thebe(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if scripts is None:
        return
    kept = [s for s in scripts
            if "thebe" not in str(getattr(s, "filename", s) or "").lower()
            and "THEBE_JS_URL" not in str(getattr(s, "attributes", {}).get("body", ""))]
    scripts[:] = kept


def set_alt_text(app, doctree, docname):
    path = Path(app.srcdir) / "_static" / "course-alt-text.json"
    if not path.is_file():
        return
    alts = json.loads(path.read_text(encoding="utf-8"))
    for image in doctree.findall(nodes.image):
        stem = Path(image.get("uri", "")).stem
        if stem in alts and not image.get("alt"):
            image["alt"] = alts[stem]


class Sections(HTMLParser):
    """The text of a page's article, cut at its headings: [(anchor, title, text)]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = [["", "", []]]
        self.inside = False       # within <article>
        self.skip = 0             # depth inside a tag whose text is not content
        self.skip_tag = None      # ... and that tag's name
        self.heading = None       # collecting a heading's text
        self.last_id = ""         # the nearest section id above
        self.math = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside = True
        if not self.inside:
            return
        classes = attrs.get("class") or ""
        if self.skip:
            self.skip += tag == self.skip_tag
            return
        if tag in SKIP_TAGS or "headerlink" in classes or "copybtn" in classes:
            self.skip, self.skip_tag = 1, tag
            return
        if re.search(r"\bmath\b", classes):
            self.math = 1
        if tag == "section" and attrs.get("id"):
            self.last_id = attrs["id"]
        if (attrs.get("id") or "").startswith("glossary-"):   # an entry of the glossary
            term = attrs["id"][len("glossary-"):].replace("-", " ")
            self.sections.append([attrs["id"], term[:1].upper() + term[1:], []])
        if tag in HEADINGS and not self.skip:
            self.heading = []

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside = False
        if not self.inside:
            return
        if self.skip:
            self.skip -= tag == self.skip_tag
            return
        if self.math and tag in ("span", "div"):   # a formula's tag holds only its TeX
            self.math = 0
        if tag in HEADINGS and self.heading is not None:
            title = re.sub(r"\s+", " ", "".join(self.heading)).strip().rstrip("#").strip()
            self.sections.append([self.last_id, title, []])
            self.heading = None

    def handle_data(self, data):
        if not self.inside or self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        elif self.math:
            self.sections[-1][2].append(" ")
        else:
            self.sections[-1][2].append(data)

    def result(self):
        out = []
        for anchor, title, parts in self.sections:
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if title or text:
                out.append({"id": anchor, "title": title, "text": text})
        return out


def page_sections(path):
    parser = Sections()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.result()


def check_section_links(out):
    """Each `lessons/X.html#id` the glossary links exists; raises naming those that do not."""
    glossary = out / "glossary.html"
    if not glossary.is_file():
        return
    missing = []
    for page, anchor in set(re.findall(r'href="(lessons/[\w-]+\.html)#([\w-]+)"',
                                       glossary.read_text(encoding="utf-8"))):
        target = out / page
        if not target.is_file() or f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
            missing.append(f"{page}#{anchor}")
    if missing:
        raise ExtensionError("the glossary links sections the lessons do not have: "
                             + ", ".join(sorted(missing)))


def write_search_index(app, exception):
    if exception is not None or app.builder.name != "html":
        return
    out = Path(app.outdir)
    check_section_links(out)
    pages = []
    for docname in app.env.found_docs:
        if docname in ("search", "genindex"):
            continue
        path = out / f"{docname}.html"
        if not path.is_file():
            continue
        sections = page_sections(path)
        title = next((s["title"] for s in sections if s["title"]), docname)
        pages.append({"page": docname, "url": f"{docname}.html", "title": title,
                      "sections": sections})
    pages.sort(key=lambda p: (0 if p["page"] == app.config.root_doc else
                              1 if p["page"].startswith("lessons/") else 2, p["page"]))
    glossary = Path(app.srcdir) / "_static" / "course-glossary.json"
    terms = json.loads(glossary.read_text(encoding="utf-8")) if glossary.is_file() else []
    index = {"pages": pages, "terms": terms}
    script = ("// Written by book/_ext/course_book.py: every page's text, for the search page.\n"
              "window.COURSE_SEARCH = " + json.dumps(index, ensure_ascii=False) + ";\n")
    (out / "_static" / "course-search-index.js").write_text(script, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("doctree-resolved", set_alt_text)
    app.connect("build-finished", write_search_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

