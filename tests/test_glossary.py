"""docs/glossary.md: the terms a student needs, each linked to a lesson that really uses it.

An entry is a paragraph `**Term.** definition — [Lesson NN](../notebooks/NN_topic.ipynb),
"section"`. The first lesson an entry links is the one that introduces the term: its solution
notebook must contain the term (or, for "A, B" and "A (B)" entries, one of its names).
"""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
# The terms issue 10 names; each must have an entry of its own.
REQUIRED = ["epoch", "batch", "batch size", "learning rate", "loss", "gradient", "SGD",
            "one-hot", "softmax", "cross-entropy", "initialisation", "Adam", "overfitting",
            "R^2", "backpropagation", "gradient descent", "sigmoid", "test set"]
ENTRY = re.compile(r"^\*\*(?P<term>.+?)\.?\*\*(?P<body>.*)", re.S)
LINK = re.compile(r"\]\(\.\./notebooks/(\d\d_\w+)\.ipynb\)")


def entries():
    text = GLOSSARY.read_text(encoding="utf-8")
    found = []
    for paragraph in re.split(r"\n\s*\n", text):
        match = ENTRY.match(paragraph.strip())
        if match:
            found.append((match.group("term").rstrip("."), match.group("body")))
    return found


def lesson_text(stem):
    notebook = json.loads((ROOT / "notebooks" / "solutions" / f"{stem}.ipynb").read_text(
        encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"]).lower()


def names(term):
    """'Test set, test accuracy' -> ['test set', 'test accuracy']; 'Delta ($\\delta$)' -> ..."""
    plain = re.sub(r"\$[^$]*\$", "", term.lower())
    parts = re.split(r",|\(|\)", plain)
    return [p.strip(" .") for p in parts if p.strip(" .") and "optional" not in p]


def test_the_glossary_has_the_terms_students_meet():
    terms = " | ".join(term.lower() for term, _ in entries())
    missing = [t for t in REQUIRED if t.lower() not in terms]
    assert not missing, f"docs/glossary.md has no entry for {missing}"


def test_entries_are_in_alphabetical_order_within_their_letter():
    terms = [re.sub(r"[^a-z0-9 ]", "", t.lower()) for t, _ in entries()]
    for a, b in zip(terms, terms[1:]):
        assert a[0] != b[0] or a <= b, f"glossary: '{a}' comes before '{b}'"


@pytest.mark.parametrize("term,body", entries(), ids=[t for t, _ in entries()])
def test_each_entry_links_a_lesson_that_uses_the_term(term, body):
    lessons = LINK.findall(body)
    assert lessons, f"glossary entry {term!r} links no lesson (../notebooks/NN_topic.ipynb)"
    for stem in lessons:
        assert (ROOT / "notebooks" / f"{stem}.ipynb").is_file(), f"{term!r}: no lesson {stem}"
    text = lesson_text(lessons[0])
    variants = [v for name in names(term) for v in (name, name.replace("-", " "),
                                                     name.replace(" ", "-"))]
    # the last letter may differ: "calibrated probability" / "calibrated probabilities"
    assert any(v[:-1] in text for v in variants), (
        f"glossary entry {term!r} says lesson {lessons[0]} introduces it, but that lesson "
        f"never mentions {names(term)}")
