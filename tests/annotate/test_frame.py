"""Event frames on small texts written for these tests (tests/data/annotate/frames.json)."""

from __future__ import annotations

import json

import pytest
from annotatehelp import DATA, make_doc

from communique.annotate import annotate
from communique.annotate.codes import codes
from communique.model import Frame

CASES = json.loads((DATA / "frames.json").read_text(encoding="utf-8"))


def frame_of(case: dict) -> Frame:
    doc = make_doc(
        case["text"],
        title=case.get("title"),
        outlet=case.get("outlet"),
        url=case.get("url"),
        published=case.get("published"),
        dateline=case.get("dateline"),
        dateline_date=case.get("dateline_date"),
    )
    return annotate(doc).frame


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_frame_cases(case):
    fr = frame_of(case)
    exp = case["expect"]
    assert fr.type == exp["type"]
    assert fr.role == exp["role"]
    if exp["type"] is None:
        assert fr.participants == () and fr.date is None
        return
    assert fr.status == exp["status"]
    assert fr.date == exp["date"]
    if "date_certain" in exp:
        assert fr.date_certain == exp["date_certain"]
    got = sorted((p.name or "", p.country, p.role) for p in fr.participants)
    assert got == sorted((p[0] or "", p[1], p[2]) for p in exp["participants"])
    assert fr.location == exp["location"]
    if "host" in exp:
        assert fr.host == exp["host"]
    assert fr.cameo == exp["cameo"]
    if "attendees" in exp:
        assert sorted((a.name, a.country) for a in fr.attendees) == sorted(tuple(a) for a in exp["attendees"])


def test_every_field_has_evidence_in_the_original_text():
    case = next(c for c in CASES if c["id"] == "hosted-meeting-attendees")
    doc = make_doc(
        case["text"],
        outlet=case["outlet"],
        published=case["published"],
        dateline_date=case["dateline_date"],
        prefix="xx\n",
    )
    fr = annotate(doc).frame
    ev = dict(fr.evidence)
    assert doc.original(ev["date"][0]) == "on Tuesday"
    assert doc.original(ev["location"][0]) == "Beijing"
    assert "met with" in doc.original(ev["type"][0])
    for p in fr.participants:
        assert p.spans and all(
            p.name.split()[-1] in doc.original(s) or p.name.split()[0] in doc.original(s) for s in p.spans
        )


def test_non_english_documents_are_skipped():
    doc = make_doc("Le président a parlé avec son homologue.", language="fr")
    ad = annotate(doc)
    assert ad.frame.skipped == "language fr"
    assert ad.frame.type is None and ad.sentences == ()


def test_deterministic():
    case = CASES[0]
    assert frame_of(case).to_dict() == frame_of(case).to_dict()


def test_no_date_word_takes_the_publication_day_uncertain():
    doc = make_doc(
        "Ivan Sorokin had a telephone conversation with President of Chile Marta Olivares. They discussed copper.",
        outlet="Kremlin",
        published="2022-03-04T23:10:00",
    )
    fr = annotate(doc).frame
    assert fr.date == "2022-03-04" and fr.date_certain is False and fr.date_text is None


def test_recalled_earlier_call_is_not_the_date():
    doc = make_doc(
        "President Ana Lima of Brazil spoke today with Prime Minister Lena Roth of Denmark. "
        "The leaders last spoke on March 2 about climate finance.",
        outlet="Example Wire",
        published="2022-04-20",
    )
    fr = annotate(doc).frame
    assert fr.date == "2022-04-20" and fr.date_text == "today"


@pytest.mark.parametrize(
    ("type_", "status", "host", "countries", "expected"),
    [
        ("phone call", "held", None, ["USA", "CHN"], ("041", "CONSULT (phone)")),
        ("video call", "held", None, ["USA", "CHN"], ("040", "CONSULT (phone)")),
        ("meeting", "held", "CHN", ["CHN", "BLR"], ("043", "CONSULT (visit)")),
        ("meeting", "held", None, ["UKR", "AZE"], ("044", "CONSULT (third-party)")),
        ("summit", "held", "ITA", ["USA", "CHN", "FRA"], ("044", "CONSULT (multilateral)")),
        ("meeting", "planned", "USA", ["USA", "DEU"], ("036", "CONSULT (planned)")),
        ("agreement", "held", None, ["USA", "MEX"], ("057", "AGREE")),
        (None, None, None, [], (None, None)),
    ],
)
def test_codes(type_, status, host, countries, expected):
    assert codes(type_, status, host, countries) == expected
