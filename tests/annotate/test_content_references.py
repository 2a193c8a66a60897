"""References to other contacts and the resolution of their dates against the anchor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communique.annotate.content import extract_content
from communique.annotate.references import _TEX, resolve
from communique.model import Document, Reference

DATA = Path(__file__).resolve().parents[1] / "data" / "content"


def refs(text: str, anchor: dt.date | None) -> list[tuple[str, str | None]]:
    return [(r.type, r.date) for r in refs_full(text, anchor)]


def refs_full(text: str, anchor: dt.date | None) -> list[Reference]:
    doc = Document.from_text(text)
    return list(extract_content(doc, (), (), anchor).references)


JUNE_10 = dt.date(2023, 6, 10)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "They agreed on it during Haugen's state visit to Kenya earlier this year.",
            JUNE_10,
            ("visit", "2023"),
        ),
        ("Both recalled their meeting in Lima last year.", JUNE_10, ("meeting", "2022")),
        ("She followed up on the call on December 1.", dt.date(2024, 1, 15), ("phone call", "2023-12-01")),
        ("They had agreed on this in a meeting in May.", JUNE_10, ("meeting", "2023-05")),
        ("They had agreed on this in a meeting in May.", dt.date(2023, 3, 10), ("meeting", "2022-05")),
        ("It builds on their phone call last month.", JUNE_10, ("phone call", "2023-05")),
        ("He recalled his official visit to Nairobi in 2019.", JUNE_10, ("visit", "2019")),
        ("It is the first talk since their last conversation.", JUNE_10, ("phone call", None)),
        ("Both referred to the Geneva summit in June.", dt.date(2021, 12, 30), ("summit", "2021-06")),
        (
            "It was agreed during the December 7 videoconference.",
            dt.date(2021, 12, 30),
            ("video call", "2021-12-07"),
        ),
        (
            "I hope that next February we will finally be able to meet in person.",
            dt.date(2021, 12, 15),
            ("meeting", "2022-02"),
        ),
        ("They will continue the talks at a meeting in Oslo on July 2.", JUNE_10, ("meeting", "2023-07-02")),
        ("She read his congratulatory message of 3 March 2023.", JUNE_10, ("message", "2023-03-03")),
        ("They last met three months ago.", JUNE_10, ("meeting", "2023-03")),
    ],
)
def test_references(text: str, anchor: dt.date, expected: tuple[str, str | None]) -> None:
    assert refs(text, anchor) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Haugen met Otieno in Oslo on Monday.",  # the document's own event
        "The two leaders held a phone call on June 9.",  # within two days of the anchor
        "It is our first meeting this year.",
        "Exports rose in 2019 and in May.",  # dates, but no contact
        "In a phone conversation with Otieno, Haugen called for calm.",  # no time: the main event
        "She will make an upcoming visit.",  # announced, but undated
    ],
)
def test_not_references(text: str) -> None:
    assert refs(text, JUNE_10) == []


def test_reference_text_and_span() -> None:
    text = "Talks went well. Both recalled Haugen's state visit to Kenya earlier this year."
    (r,) = refs_full(text, JUNE_10)
    assert r.text == "Haugen's state visit to Kenya earlier this year"
    assert (
        text[r.spans[0].start : r.spans[0].end]
        == "Both recalled Haugen's state visit to Kenya earlier this year."
    )


def test_same_reference_twice_is_one_record() -> None:
    got = refs_full("They recalled the visit in 2019. The visit in 2019 was a success.", JUNE_10)
    assert len(got) == 1 and len(got[0].spans) == 2


def test_no_anchor_keeps_explicit_dates_only() -> None:
    assert refs("They recalled the visit in 2019 and their call last month.", None) == [("visit", "2019")]


def _res(expr: str, anchor: dt.date | None, direction: str | None = None) -> str | None:
    m = _TEX.search(expr)
    assert m is not None, expr
    return resolve(m, anchor, direction)[0]


def test_resolution_table() -> None:
    a = dt.date(2022, 1, 10)
    assert _res("earlier this year", a) == "2022"
    assert _res("last year", a) == "2021"
    assert _res("next year", a) == "2023"
    assert _res("last month", a) == "2021-12"
    assert _res("in May", a) == "2021-05"  # latest May on or before the anchor
    assert _res("in May", a, "future") == "2022-05"
    assert _res("in January", a) == "2022-01"
    assert _res("on December 1", a) == "2021-12-01"
    assert _res("on January 12", a) == "2022-01-12"  # nearest such day when the tense is unknown
    assert _res("on December 1, 2019", a) == "2019-12-01"
    assert _res("in December 2019", a) == "2019-12"
    assert _res("in 2019", a) == "2019"
    assert _res("next March", a) == "2022-03"
    assert _res("last March", a) == "2021-03"
    assert _res("five days ago", a) == "2022-01-05"
    assert _res("two weeks ago", a) == "2021-12"
    assert _res("last month", None) is None


def test_readout_fixture_references() -> None:
    got = refs((DATA / "readout.txt").read_text(encoding="utf-8"), dt.date(2024, 3, 14))
    assert ("meeting", "2023") in got
    assert ("phone call", "2024-06") in got  # "agreed to speak again in June"
    assert all(t != "visit" for t, _ in got)  # "the first visit ... in a decade" is the event itself
