"""Content extraction never fails and always points into the original text, whatever the input."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.annotate.content import extract_content
from communique.annotate.types import PersonRef
from communique.model import Document, OffsetMap

WORDS = [
    "Virtanen",
    "said",
    "he",
    "added",
    ",",
    ".",
    "For",
    "his",
    "part",
    "the",
    "two",
    "sides",
    "agreed",
    "Finland",
    "Chile",
    "supports",
    "opposes",
    "not",
    "comprehensive",
    "strategic",
    "partnership",
    "partners",
    "Innovation",
    "Park",
    "park",
    "Initiative",
    "Belt",
    "and",
    "Road",
    "trade",
    "visit",
    "meeting",
    "call",
    "last",
    "year",
    "in",
    "May",
    "on",
    "December",
    "7",
    "2019",
    "earlier",
    "this",
    "PRESIDENT",
    "VIRTANEN:",
    "Q:",
    "\n\n",
    "\n",
    "“",
    "”",
    "’s",
    "-",
    "anniversary",
    "30th",
    "of",
    "diplomatic",
    "ties",
    "Mr.",
    "U.S.",
]
PEOPLE = (PersonRef("Aino Virtanen", "FIN", "President", ("Virtanen", "virtanen", "the Finnish President")),)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80), st.integers(min_value=0, max_value=20))
def test_any_text(words: list[str], prefix: int) -> None:
    clean = " ".join(words)
    text = "x" * prefix + clean
    doc = Document("d", text, clean, OffsetMap(((0, prefix, len(clean)),)) if clean else OffsetMap(()))
    c = extract_content(doc, (), PEOPLE, dt.date(2023, 6, 10))
    spans = [
        sp
        for group in (c.statements, c.topics, c.stances, c.relationship_labels, c.references)
        for x in group
        for sp in x.spans
    ]
    for sp in spans:
        assert sp.doc_id == "d" and prefix <= sp.start <= sp.end <= len(text)
    assert extract_content(doc, (), PEOPLE, dt.date(2023, 6, 10)) == c


def test_empty_document() -> None:
    doc = Document("e", "", "", OffsetMap(()))
    c = extract_content(doc, (), (), None)
    assert c.statements == () and c.topics == () and c.references == ()
