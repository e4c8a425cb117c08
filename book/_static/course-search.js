// The search page of the course's book (book/_templates/search.html). It reads the pages' text
// from window.COURSE_SEARCH (_static/course-search-index.js, written at build time), so it
// needs no fetch and works from file://. Results: one per page, the lesson that introduces a
// glossary term first (docs/glossary.md names it), then by how often and where the words
// occur; each shows the section and an excerpt with the words marked, and links to that
// section with ?highlight= so that the page marks them too.
// Jupyter Book includes every script of _static/ on every page: this one acts only on the
// search page, once its index is loaded (the page's last script, see search.html).
document.addEventListener("DOMContentLoaded", () => {
  "use strict";
  if (window.courseSearchDone) return;
  window.courseSearchDone = true;
  const index = window.COURSE_SEARCH;
  const out = document.getElementById("search-results");
  const query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  const field = document.querySelector(".bd-search-container form.bd-search input[name='q']");
  if (field) field.value = query;
  if (!out || !index || !query) return;

  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const html = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  const patterns = words.map((w) => new RegExp(escape(w), "gi"));
  const count = (text, re) => (text.match(re) || []).length;

  // The glossary term the query names, if any: its lesson section ranks first.
  const q = query.toLowerCase();
  const term = (index.terms || []).find((t) => t.words.some((w) => {
    const v = w.toLowerCase();
    return v === q || `${v}s` === q || v === `${q}s`;
  }));

  const results = [];
  for (const page of index.pages) {
    let score = 0;
    let best = null;
    for (const section of page.sections) {
      const inTitle = patterns.map((re) => count(section.title, re));
      const inText = patterns.map((re) => count(section.text, re));
      if (!patterns.every((re, i) => inTitle[i] + inText[i] > 0)) continue;
      const s = inTitle.reduce((a, b) => a + b, 0) * 10 + inText.reduce((a, b) => a + b, 0);
      score += s;
      const defining = term && term.page === page.page && term.anchor === section.id;
      if (!best || defining || (!best.defining && s > best.score)) {
        best = { section, score: s, defining };
      }
    }
    if (!best) continue;
    if (term && term.page === page.page) score += 1e6;
    if (page.page === "glossary" && term) score += 5e5;   // then the entry itself
    results.push({ page, score, best });
  }
  results.sort((a, b) => b.score - a.score);

  // The section's text, or (when only its title holds the words) its title then its text.
  function excerptSource(section) {
    const text = section.text.toLowerCase();
    return words.some((w) => text.includes(w)) ? section.text
      : `${section.title}: ${section.text}`;
  }

  function excerpt(text) {
    const lower = text.toLowerCase();
    const at = Math.max(0, Math.min(...words.map((w) => {
      const i = lower.indexOf(w);
      return i < 0 ? Infinity : i;
    })));
    const start = Math.max(0, at - 80);
    let piece = (start > 0 ? "…" : "") + text.slice(start, at + 160) + (at + 160 < text.length ? "…" : "");
    piece = html(piece);
    for (const w of words) piece = piece.replace(new RegExp(escape(html(w)), "gi"), (m) => `<mark>${m}</mark>`);
    return piece;
  }

  const title = document.createElement("h2");
  title.textContent = results.length
    ? `${results.length} page${results.length > 1 ? "s" : ""} mention “${query}”`
    : `No page mentions “${query}”.`;
  out.appendChild(title);
  const list = document.createElement("ul");
  list.className = "search";
  for (const { page, best } of results) {
    const item = document.createElement("li");
    const anchor = best.section.id ? `#${best.section.id}` : "";
    const url = `${page.url}?highlight=${encodeURIComponent(query)}${anchor}`;
    const where = best.section.title && best.section.title !== page.title
      ? ` — ${html(best.section.title)}` : "";
    item.innerHTML = `<a href="${url}">${html(page.title)}${where}</a>`
      + `<p class="context">${excerpt(excerptSource(best.section))}</p>`;
    list.appendChild(item);
  }
  out.appendChild(list);
});
