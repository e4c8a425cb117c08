// The course's book on every page (added by book/_ext/course_book.py). Nothing here loads
// anything from elsewhere.
//  1. Code and outputs wrap at the column's edge: each line is its own block with a hanging
//     indent, and a wrapped line's continuation is indented (CSS).
//  2. A display formula wider than the column is scaled down to fit it (MathJax 3 cannot
//     break lines), down to 60 % of the text's size; at a phone's width one too long even
//     then scrolls inside its own box.
//  3. A figure opens full width on a tap (click again or Escape to close).
//  4. The playground's slider (book/scrubber.py) shows the frames recorded at build time.
//  5. A page opened from the search (?highlight=term) marks the term: Sphinx's own
//     sphinx_highlight.js skips it whenever searchtools.js is loaded, which the theme does on
//     every page.
(() => {
  "use strict";

  const ready = (fn) => (document.readyState === "loading"
    ? document.addEventListener("DOMContentLoaded", fn) : fn());

  // --- 1. code lines ------------------------------------------------------------------------
  // Splits a <pre>'s HTML at its newlines into <span class="course-line"> blocks, closing and
  // reopening the highlighter's <span>s that a line break falls inside.
  function wrapLines(pre) {
    if (pre.dataset.courseLines) return;
    pre.dataset.courseLines = "1";
    const parts = pre.innerHTML.split(/(<[^>]+>)/);
    const open = [];
    let out = '<span class="course-line">';
    for (const part of parts) {
      if (part.startsWith("</")) {
        open.pop();
        out += part;
      } else if (part.startsWith("<")) {
        if (!part.endsWith("/>")) open.push(part);
        out += part;
      } else {
        const lines = part.split("\n");
        out += lines.map((line, i) => (i === 0 ? line
          : "</span>".repeat(open.length) + '</span><span class="course-line">' + open.join("")
            + line)).join("");
      }
    }
    out += "</span>";
    // A last empty line (the newline that ends most outputs) is not a line of its own.
    pre.innerHTML = out.replace(/<span class="course-line">((?:<[^>]+>)*)<\/span>$/, "$1");
    pre.classList.add("course-wrapped");
  }

  // --- 2. formulas --------------------------------------------------------------------------
  function fitFormulas() {
    document.querySelectorAll('mjx-container[display="true"]').forEach((box) => {
      // MathJax sets its own scale on the box: scale from that.
      if (box.dataset.courseSize === undefined) box.dataset.courseSize = box.style.fontSize || "100%";
      box.style.fontSize = box.dataset.courseSize;
      const room = box.clientWidth;   // a display formula's box is the column's width
      const wide = box.scrollWidth;
      if (room > 0 && wide > room) {
        // no smaller than 60 % of the text's size: a longer one scrolls in its own box
        const size = Math.max(60, (parseFloat(box.dataset.courseSize) * 0.98 * room) / wide);
        box.style.fontSize = `${size.toFixed(1)}%`;
        box.classList.add("course-fitted");
      }
    });
  }

  function whenTypeset(fn) {
    let tries = 0;
    const check = () => {
      const maths = document.querySelectorAll(".math");
      const done = Array.from(maths).every((m) => m.querySelector("mjx-container"));
      if (done || tries++ > 100) {
        fn();
        if (document.fonts) document.fonts.ready.then(fn);   // MathJax's fonts change widths
        setTimeout(fn, 1000);
      } else setTimeout(check, 100);
    };
    check();
  }

  // --- 3. figures full width ----------------------------------------------------------------
  function openFigure(img) {
    const overlay = document.createElement("div");
    overlay.className = "course-figure-overlay";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-label", "The figure at full size: tap to close");
    const big = img.cloneNode();
    big.removeAttribute("width");
    big.removeAttribute("height");
    big.removeAttribute("style");
    overlay.appendChild(big);
    const close = () => {
      overlay.remove();
      document.removeEventListener("keydown", onKey);
      img.focus();
    };
    const onKey = (event) => { if (event.key === "Escape") close(); };
    overlay.addEventListener("click", close);
    document.addEventListener("keydown", onKey);
    document.body.appendChild(overlay);
    overlay.tabIndex = -1;
    overlay.focus();
  }

  function zoomableFigures() {
    document.querySelectorAll(".cell_output img, .course-widget img").forEach((img) => {
      if (img.closest(".course-scrubber")) return;
      img.classList.add("course-zoomable");
      img.tabIndex = 0;
      img.title = "Open the figure full width";
      img.addEventListener("click", () => openFigure(img));
      img.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openFigure(img); }
      });
    });
  }

  // --- 4. the playground's slider -----------------------------------------------------------
  function scrubbers() {
    document.querySelectorAll(".course-scrubber").forEach((box) => {
      const frames = JSON.parse(box.dataset.frames);
      const slider = box.querySelector('input[type="range"]');
      const caption = box.querySelector(".course-scrubber-caption");
      const show = () => {
        const frame = frames[Number(slider.value)];
        caption.textContent = frame.caption;
        box.querySelectorAll("img[data-picture]").forEach((img) => {
          img.src = frame.src[img.dataset.picture];
          img.alt = img.alt.replace(/, at .*$/, `, at ${frame.caption}`);
        });
      };
      slider.addEventListener("input", show);
      slider.addEventListener("change", show);
    });
  }

  // --- 5. the searched term, marked --------------------------------------------------------
  function highlightSearched() {
    const searched = new URLSearchParams(window.location.search).get("highlight");
    // SphinxHighlight is a top-level const of sphinx_highlight.js, not a property of window.
    if (searched && typeof SphinxHighlight !== "undefined"
        && !document.getElementById("search-results")) {
      SphinxHighlight.highlightSearchWords();   // eslint-disable-line no-undef
    }
  }

  ready(() => {
    highlightSearched();
    document.querySelectorAll("div.highlight pre, .cell_output pre, .output pre")
      .forEach(wrapLines);
    zoomableFigures();
    scrubbers();
    whenTypeset(fitFormulas);
    let resized = null;
    window.addEventListener("resize", () => {
      clearTimeout(resized);
      resized = setTimeout(fitFormulas, 150);
    });
  });
})();
