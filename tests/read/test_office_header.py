"""An issuing office's header line is the outlet of a plain-text release (outlet_source "header")."""

from __future__ import annotations

from communique.model import Document
from communique.read import read_text


def _doc(text: str) -> Document:
    docs = [d for d in read_text(text, "x.txt") if isinstance(d, Document)]
    return docs[0]


def test_office_header_is_the_outlet() -> None:
    for header in ("President's Office", "Press Office of the President", "Ministry of External Affairs",
                   "Prime Minister's Office", "Office of the Prime Minister", "Presidential Press Service"):
        d = _doc(f"{header}\n\nThe President received the visiting Foreign Minister of Peru, Omar Dastan, in Accra.\n")
        assert (d.outlet, d.outlet_source) == (header, "header")
        assert d.clean.startswith("The President received")


def test_headline_about_an_office_is_no_header() -> None:
    d = _doc("Prime Minister's Office announces new cabinet\n\nThe Prime Minister named ten ministers.\n")
    assert d.outlet is None
