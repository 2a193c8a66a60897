"""The corpus's knowledge of people: ``annotate(doc, known)`` places a full name that this text leaves
without a title or a country, and the text's own evidence wins over it."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon

WIRE = (
    "Tomas Varga and Lin Haoyu held their first in-person meeting on Monday, ahead of a regional forum. "
    "Varga told Lin that the two countries must manage their differences. Lin said he was ready to work together."
)
KNOWN = {"Tomas Varga": ("HUN", "Prime Minister"), "Lin Haoyu": ("CHN", "President")}


def _people(frame_participants: tuple) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.country, p.role) for p in frame_participants]


def test_known_names_make_a_frame_of_an_untitled_wire_story() -> None:
    doc = make_doc(WIRE, outlet="Example Wire", published="2024-05-06")
    assert annotate(doc).frame.type is None
    frame = annotate(doc, KNOWN).frame
    assert frame.type == "meeting"
    assert frame.date == "2024-05-06"
    assert sorted(_people(frame.participants)) == [
        ("Lin Haoyu", "CHN", "President"),
        ("Tomas Varga", "HUN", "Prime Minister"),
    ]


def test_known_none_and_empty_give_todays_output() -> None:
    doc = make_doc(WIRE, outlet="Example Wire", published="2024-05-06")
    assert annotate(doc, None) == annotate(doc) == annotate(doc, {})


def test_known_match_is_case_and_accent_blind_and_reaches_surname_mentions() -> None:
    text = "TOMÁS VARGA met Lin Haoyu in the capital. Varga said the talks were useful."
    a = find_actors(text, None, lexicon(), {"Tomas Varga": ("HUN", None), "Lin Haoyu": ("CHN", None)})
    varga = next(p for p in a.people if "varga" in p.words)
    assert varga.country == "HUN" and varga.country_source == "corpus"
    assert len(varga.mentions) == 2  # the surname-only mention joins the full name


def test_text_evidence_wins_over_the_corpus() -> None:
    text = "Slovak Prime Minister Tomas Varga spoke with Lin Haoyu by telephone on Tuesday."
    a = find_actors(text, None, lexicon(), {"Tomas Varga": ("HUN", "President"), "Lin Haoyu": ("CHN", None)})
    varga = next(p for p in a.people if "varga" in p.words)
    assert (varga.country, varga.role) == ("SVK", "Prime Minister")
    lin = next(p for p in a.people if "haoyu" in p.words)
    assert lin.country == "CHN"


def test_a_known_name_inside_a_longer_name_is_not_it() -> None:
    for text in ("Anna Tomas Varga met officials.", "Tomas Varga-Kiss met officials."):
        a = find_actors(text, None, lexicon(), {"Tomas Varga": ("HUN", None)})
        assert all(p.country != "HUN" for p in a.people)
