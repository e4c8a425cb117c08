"""The HTML edition (book/, `make html`) as a reader on a train meets it: opened from disk in
headless Chromium, with every request for anything but the book's own files blocked.

The book is built once per session by book/build.py into build/book/ (or reused: its
jupyter-cache skips lessons whose code did not change, and Sphinx rewrites only changed pages).
Each test records the requests that left the book (another file: address, http, https, ...):
there must be none. Screenshots go to build/screenshots/book_*.png.

COURSE_NOTEBOOKS_DIR=/some/notebooks builds the book from other lessons (a folder laid out like
notebooks/), into the same build/book/.
"""
import filecmp
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = Path(os.environ.get("COURSE_NOTEBOOKS_DIR") or REPO / "notebooks")
SCREENSHOTS = REPO / "build" / "screenshots"
BUILD = 3600     # seconds: a fresh clone runs every lesson (each 10-60 s on a loaded machine)
PAGE = 30_000    # milliseconds, per page load or wait
LESSONS = sorted(p.stem for p in (NOTEBOOKS / "solutions").glob("*.ipynb")
                 if re.match(r"\d\d_\w+$", p.stem))


@pytest.fixture(scope="session")
def book():
    """build/book/_build/html, built (or brought up to date) by book/build.py."""
    out = REPO / "build" / "book"  # its jupyter-cache is keyed by the lessons' code
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, str(REPO / "book" / "build.py"), "--src", str(NOTEBOOKS),
             "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=BUILD)
    except subprocess.TimeoutExpired:
        pytest.fail(f"book/build.py took over {BUILD} s")
    assert result.returncode == 0, \
        f"book/build.py failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    print(f"book/build.py: {time.monotonic() - started:.0f} s\n" + "\n".join(
        line for line in result.stdout.splitlines() if ".ipynb: " in line))
    return out / "_build" / "html"


class Reader:
    """A page of Chromium that may load the book's own files and nothing else."""

    def __init__(self, context, root):
        self.root = root.resolve()
        self.outside = []
        self.page = context.new_page()
        self.page.route("**/*", self.route)

    def route(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or self.inside(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def inside(self, url):
        if not url.startswith("file:"):
            return False
        return Path(unquote(urlparse(url).path)).resolve().is_relative_to(self.root)

    def open(self, relative):
        self.page.goto((self.root / relative).as_uri(), timeout=PAGE)
        self.page.wait_for_load_state("load", timeout=PAGE)

    def screenshot(self, name, full_page=False):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"book_{name}.png"), full_page=full_page)

    def close(self):
        self.page.close()
        assert self.outside == [], f"requests outside the book's files: {self.outside}"


@pytest.fixture
def reader(browser, book):
    reader = Reader(browser, book)
    yield reader
    reader.close()  # fails the test if anything outside the book was asked for


def visible_text(page):
    return page.evaluate("() => document.querySelector('main, article, body').innerText")


# The page's text outside code (code may hold TeX on purpose: matplotlib titles).
PROSE_JS = """() => {
  const walker = document.createTreeWalker(document.querySelector('main, article, body'),
                                           NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement.closest('pre, code, script, style, mjx-container')) {
      parts.push(node.textContent);
    }
  }
  return parts.join(' ');
}"""


def wait_for_math(page):
    """Until MathJax has typeset every formula of the page (each .math holds its output)."""
    page.wait_for_function("() => Array.from(document.querySelectorAll('.math')).every("
                           "  m => m.querySelector('mjx-container'))", timeout=PAGE)


# --- the pages ---------------------------------------------------------------------------------

def test_home_page_then_every_lesson_in_order_with_its_figures(reader, book):
    reader.open("index.html")  # Jupyter Book's redirect to the home page
    page = reader.page
    page.wait_for_url(re.compile(r"intro\.html$"), timeout=PAGE)
    text = visible_text(page)
    assert "make lab" in text and "second-year undergraduate" in text
    reader.screenshot("home")

    sidebar = page.locator("nav.bd-links a.reference.internal")
    hrefs = [href.split("#")[0] for href in sidebar.evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]
    linked = [Path(h).stem for h in hrefs if h.startswith("lessons/")]
    assert linked == LESSONS, f"the sidebar lists {linked}, the lessons are {LESSONS}"
    assert any("glossary" in h for h in hrefs) and any(h.startswith("api") for h in hrefs)

    problems = []
    # From the home page, "next" leads through the lessons in order.
    for lesson in LESSONS:
        page.locator(".prev-next-area a.right-next").click()
        page.wait_for_load_state("load", timeout=PAGE)
        if not page.url.endswith(f"lessons/{lesson}.html"):
            problems.append(f"after the page before {lesson}, 'next' went to {page.url}")
            reader.open(f"lessons/{lesson}.html")
        page.wait_for_function("() => Array.from(document.images).every(i => i.complete)",
                               timeout=PAGE)
        images = page.evaluate("""() => Array.from(document.images).map(i => ({
            width: i.naturalWidth, output: !!i.closest('.cell_output'),
            src: i.getAttribute('src').slice(0, 60)}))""")
        figures = [i for i in images if i["output"] and i["width"] > 0]
        broken = [i for i in images if i["width"] == 0]
        if not figures:
            problems.append(f"{lesson}: no figure in its outputs (images: {images})")
        if broken:
            problems.append(f"{lesson}: images that do not load: {broken}")
        # The student notebook, for download: the very file in notebooks/.
        download = page.locator(f"a.download[href$='/{lesson}.ipynb']")
        if not download.count():
            problems.append(f"{lesson}: no link to the student notebook {lesson}.ipynb")
        else:
            target = (book / f"lessons/{download.first.get_attribute('href')}").resolve()
            if not filecmp.cmp(target, NOTEBOOKS / f"{lesson}.ipynb", shallow=False):
                problems.append(f"{lesson}: the download is not notebooks/{lesson}.ipynb")
        wait_for_math(page)
        prose = page.evaluate(PROSE_JS)
        raw = [tex for tex in ("$$", "\\(", "\\[", "\\frac") if tex in prose]
        if raw:
            problems.append(f"{lesson}: TeX left in the text: {raw}")
        if figures:
            page.locator(".cell_output img").first.scroll_into_view_if_needed()
        reader.screenshot(lesson)
    # After the last lesson, the reference pages.
    for after in ("glossary", "api"):
        page.locator(".prev-next-area a.right-next").click()
        page.wait_for_load_state("load", timeout=PAGE)
        if not page.url.endswith(f"{after}.html"):
            problems.append(f"'next' went to {page.url}, not {after}.html")
    assert not problems, "\n".join(problems)


def test_lesson_01_math_is_rendered_by_mathjax(reader):
    reader.open(f"lessons/{LESSONS[0]}.html")
    page = reader.page
    assert page.locator(".math").count() > 0, "no formula on the page"
    wait_for_math(page)
    rendered = page.locator("mjx-container").count()
    assert rendered >= 10, f"only {rendered} formulas rendered"
    prose = page.evaluate(PROSE_JS)
    raw = [tex for tex in ("$$", "\\(", "\\[", "\\frac", "\\sigma") if tex in prose]
    assert not raw, f"TeX left as text outside code: {raw}"
    page.locator("mjx-container[display='true']").first.scroll_into_view_if_needed()
    reader.screenshot("01_math")


def test_search_for_backpropagation_lists_lesson_01(reader):
    reader.open("intro.html")
    page = reader.page
    page.locator("button.search-button__button:visible").first.click()
    field = page.locator("#pst-search-dialog input[name='q']")
    field.fill("backpropagation")
    field.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=backpropagation"), timeout=PAGE)
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=PAGE)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(f"lessons/{LESSONS[0]}.html" in h for h in hrefs), hrefs
    reader.screenshot("search")


def test_show_solution_opens_and_closes(reader):
    reader.open(f"lessons/{LESSONS[0]}.html")
    page = reader.page
    assert "BEGIN SOLUTION" not in page.content()
    assert page.get_by_text("# YOUR CODE HERE").count(), "the exercises are not shown"
    toggle = page.locator(".cell.tag_hide-input details").first
    solution = toggle.locator(".cell_input")
    summary = toggle.locator("summary")
    summary.scroll_into_view_if_needed()
    assert not solution.is_visible(), "the solution shows before it is asked for"
    assert summary.inner_text().strip() == "Show solution"

    summary.click()
    solution.wait_for(state="visible", timeout=PAGE)
    assert summary.inner_text().strip() == "Hide solution"
    assert "YOUR CODE HERE" not in solution.inner_text()
    reader.screenshot("solution_open")

    summary.click()
    solution.wait_for(state="hidden", timeout=PAGE)
    assert summary.inner_text().strip() == "Show solution"


def test_explorers_show_their_last_picture_and_say_how_to_run_them(reader):
    # Lessons that draw widgets: ipywidgets by hand, or nnlib's playground.
    with_widgets = [lesson for lesson in LESSONS if re.search(
        r"ipywidgets|Playground\(",
        (NOTEBOOKS / "solutions" / f"{lesson}.ipynb").read_text(encoding="utf-8"))]
    if not with_widgets:
        pytest.skip("no lesson uses ipywidgets")
    page = reader.page
    for lesson in with_widgets:
        reader.open(f"lessons/{lesson}.html")
        # A widget's last state, or the playground's recorded frames (test below).
        snapshots = page.locator(".course-widget:has(.course-widget-note), .course-scrubber")
        assert snapshots.count(), f"{lesson}: no widget snapshot with its note"
        first = snapshots.first
        first.scroll_into_view_if_needed()
        assert "make lab" in first.locator(".course-widget-note").inner_text()
        pictures = first.locator("img").evaluate_all(
            "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
        assert pictures and all(pictures), f"{lesson}: the snapshot shows no picture"
        assert page.locator("script[type*='jupyter.widget']").count() == 0
        reader.screenshot(f"{lesson}_explorer")


def test_the_nnlib_reference_shows_the_shapes(reader):
    reader.open("api.html")
    page = reader.page
    dense = page.locator("dl.py.class:has(dt#nnlib\\.layers\\.Dense)")
    assert dense.count(), "no nnlib.layers.Dense in the reference"
    shapes = page.locator("section[id='module-nnlib.layers'] pre").all_inner_texts()
    assert any(re.search(r"x\s+\(n, n_in\)", block) for block in shapes), shapes
    dense.first.scroll_into_view_if_needed()
    reader.screenshot("api")


# --- issue 23: phones, fitting boxes, search, the playground, a clean page -------------------

PHONE = {"width": 390, "height": 844}
PAGES = ["intro.html"] + [f"lessons/{lesson}.html" for lesson in LESSONS] + \
    ["glossary.html", "api.html"]
# Boxes that would need sideways scrolling: code, outputs, formulas, tables.
OVERFLOWING_JS = """() => Array.from(document.querySelectorAll(
    'article pre, article .cell_output .output, article div.math, ' +
    'article mjx-container[display="true"], article table'))
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.tagName + '.' + e.className).slice(0, 60) + ': ' + e.scrollWidth + ' > '
       + e.clientWidth + ' ' + (e.innerText || '').trim().slice(0, 50))"""


def listen_for_errors(page):
    """Console errors and uncaught exceptions of `page`, collected into the returned list."""
    errors = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"exception: {e}"))
    return errors


def test_on_a_phone_the_menu_and_the_contents_open_and_navigate(reader):
    page = reader.page
    page.set_viewport_size(PHONE)
    reader.open(f"lessons/{LESSONS[0]}.html")
    menu = page.locator(".primary-toggle:visible")
    assert menu.count() == 1, "no single visible menu button on a phone"
    menu.click()
    dialog = page.locator("#pst-primary-sidebar-modal")
    dialog.wait_for(state="visible", timeout=PAGE)
    reader.screenshot("phone_menu")
    dialog.locator(f"a[href$='{LESSONS[1]}.html']").first.click()
    page.wait_for_url(re.compile(rf"{LESSONS[1]}\.html"), timeout=PAGE)

    contents = page.locator(".secondary-toggle:visible")
    assert contents.count() == 1, "no single visible Contents button on a phone"
    contents.click()
    toc = page.locator("#pst-secondary-sidebar-modal")
    toc.wait_for(state="visible", timeout=PAGE)
    link = toc.locator("a.nav-link[href^='#']").nth(1)
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function(f"() => window.location.hash === {target!r}", timeout=PAGE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_figure_opens_at_its_own_size_on_a_tap(reader):
    page = reader.page
    page.set_viewport_size(PHONE)
    reader.open(f"lessons/{LESSONS[0]}.html")
    figure = page.locator(".cell_output img.course-zoomable").first
    figure.scroll_into_view_if_needed()
    natural, shown = figure.evaluate("i => [i.naturalWidth, i.getBoundingClientRect().width]")
    assert shown <= PHONE["width"]
    figure.click()
    overlay = page.locator(".course-figure-overlay")
    overlay.wait_for(state="visible", timeout=PAGE)
    opened = overlay.locator("img").evaluate("i => i.getBoundingClientRect().width")
    assert opened >= max(natural - 1, PHONE["width"] - 1) and opened > shown, (natural, opened)
    reader.screenshot("phone_figure")
    overlay.click()
    overlay.wait_for(state="detached", timeout=PAGE)


@pytest.mark.parametrize("width", [1280])
def test_no_code_output_or_formula_box_needs_sideways_scrolling(reader, width):
    page = reader.page
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for relative in PAGES:
        reader.open(relative)
        wait_for_math(page)
        page.wait_for_timeout(300)   # course.js fits the formulas once they are typeset
        wide = page.evaluate(OVERFLOWING_JS)
        problems += [f"{relative}: {box}" for box in wide]
        if page.evaluate("() => document.documentElement.scrollWidth") > width:
            problems.append(f"{relative}: the page itself scrolls sideways")
    assert not problems, f"{len(problems)} boxes need sideways scrolling:\n" + "\n".join(problems)


def test_search_shows_excerpts_ranks_the_introducing_lesson_first_and_highlights(reader):
    page = reader.page
    errors = listen_for_errors(page)
    page.goto((reader.root / "search.html").as_uri() + "?q=backpropagation", timeout=PAGE)
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=PAGE)
    first = results.first.locator("a").get_attribute("href")
    assert first.startswith(f"lessons/{LESSONS[0]}.html"), f"first result: {first}"
    excerpts = results.locator(".context").all_inner_texts()
    assert excerpts and all("backpropagation" in e.lower() for e in excerpts), excerpts
    assert results.locator(".context mark").count() >= len(excerpts)
    reader.screenshot("search_excerpts")
    results.first.locator("a").click()
    page.wait_for_url(re.compile(rf"{LESSONS[0]}\.html"), timeout=PAGE)
    page.locator("span.highlighted").first.wait_for(timeout=PAGE)
    assert "backpropagation" in page.locator("span.highlighted").first.inner_text().lower()
    assert not errors, errors


def test_the_playground_can_be_scrubbed_with_no_kernel(reader):
    with_playground = [lesson for lesson in LESSONS if "Playground(" in
                       (NOTEBOOKS / "solutions" / f"{lesson}.ipynb").read_text(encoding="utf-8")]
    if not with_playground:
        pytest.skip("no lesson opens the playground")
    page = reader.page
    for lesson in with_playground:
        reader.open(f"lessons/{lesson}.html")
        scrubber = page.locator(".course-scrubber").first
        scrubber.scroll_into_view_if_needed()
        slider = scrubber.locator("input[type='range']")
        caption = scrubber.locator(".course-scrubber-caption")
        boundary = scrubber.locator("img[data-picture='boundary']")
        last_src, last_caption = boundary.get_attribute("src"), caption.inner_text()
        assert "train loss" in last_caption, last_caption
        slider.fill("0")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=boundary.element_handle(), timeout=PAGE)
        assert caption.inner_text().startswith("epoch 0"), caption.inner_text()
        assert boundary.get_attribute("src") != last_src, "the picture did not change"
        assert float(caption.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
        reader.screenshot(f"{lesson}_scrubber")


def test_no_page_logs_an_error_and_every_image_has_alt_text(reader):
    page = reader.page
    errors = listen_for_errors(page)
    missing = []
    for relative in PAGES + ["search.html"]:
        reader.open(relative)
        page.wait_for_timeout(200)
        missing += [f"{relative}: {src}" for src in page.evaluate(
            """() => Array.from(document.images).filter(i => {
                 const alt = (i.getAttribute('alt') || '').trim();
                 return !alt || /\\.(png|jpe?g|gif|svg)$/i.test(alt);
               }).map(i => (i.getAttribute('src') || '').slice(0, 80))""")]
    assert not errors, "\n".join(errors)
    assert not missing, f"{len(missing)} images without alt text:\n" + "\n".join(missing)


def test_one_search_field_a_footer_with_the_licences_and_the_glossary_both_ways(reader):
    page = reader.page
    reader.open(f"lessons/{LESSONS[0]}.html")
    assert page.locator("form.bd-search:visible, .search-button-field:visible").count() <= 1
    footer = page.locator("footer").all_inner_texts()
    footer = " ".join(footer)
    assert "Neural networks from scratch" in footer and "MIT" in footer and "CC BY 4.0" in footer
    assert "By " not in footer, footer
    assert page.locator("a[href*='glossary.html#glossary-']").count() >= 5, \
        "the lesson links no term to the glossary"
    reader.open("glossary.html")
    links = page.locator("a[href*='lessons/'][href*='.html#']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert len(links) >= 20, links
    href = links[0]
    reader.open(href.split("#")[0])
    assert page.locator(f"[id='{href.split('#')[1]}']").count() == 1, href
