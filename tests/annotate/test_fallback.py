"""Regression tests for the fallback frame (:mod:`communique.annotate.fallback`): lead phrasings the
main builder leaves frameless, and documents about no diplomatic event that must stay frameless.
All names are invented."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.model import Frame


def _frame(text: str, **kw: object) -> Frame:
    return annotate(make_doc(text, **kw)).frame  # type: ignore[arg-type]


def test_nameless_receiver_takes_the_host_place_country() -> None:
    f = _frame(
        "The President received Chilean President Mr Aldo Ferrand in Lima on 3 May 2021.\n\n"
        "Mr Ferrand said Chile supports the reform process.",
        published="2021-05-03",
    )
    assert f.type == "meeting"
    assert {p.country for p in f.participants} == {"PER", "CHL"}
    assert f.date == "2021-05-03"
    assert f.location == "Lima"
    ev = dict(f.evidence)
    assert "type" in ev and "date" in ev and "location" in ev
    assert all(p.spans for p in f.participants)


def test_possessive_countries_of_untitled_names() -> None:
    f = _frame(
        "Peru's Aldo Ferrand and Chile's Mateo Quispen held talks on Friday in Quito.\n\n"
        "The two presidents agreed to reopen the border crossing.",
        published="2021-05-07",
    )
    assert f.type == "meeting"
    assert sorted((p.name, p.country) for p in f.participants) == [
        ("Aldo Ferrand", "PER"),
        ("Mateo Quispen", "CHL"),
    ]
    assert f.date == "2021-05-07"


def test_domestic_meeting_stays_frameless() -> None:
    f = _frame(
        "President Aldo Ferrand met farmers' leaders in Lima on Monday to discuss water prices.\n\n"
        "The government will publish a new irrigation plan next month.",
        published="2021-05-03",
    )
    assert f.type is None
    assert f.participants == ()


def test_sports_final_stays_frameless() -> None:
    f = _frame(
        "Ana Ruiz beat Maria Lenz 6-3, 6-4 in the final in Madrid on Sunday.\n\n"
        "Ruiz received the trophy from the tournament director and thanked the crowd.",
        published="2021-05-09",
    )
    assert f.type is None


def test_market_report_stays_frameless() -> None:
    f = _frame(
        "Shares of Andes Copper rose 4 percent after the company signed a supply agreement with a smelter.\n\n"
        "Chief executive Tomas Velik said the deal would lift output next year.",
        published="2021-05-09",
    )
    assert f.type is None
