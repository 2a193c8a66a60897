"""Behaviours users depend on, on the small texts in tests/data/cluster (written for the project).

Frames are made by hand here (what a correct annotator reports), so these
tests pin the clustering logic, not annotation quality.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from communique.cluster import cluster
from communique.model import Document, Event, Frame, Participant
from communique.read import Skip, read_paths

DATA = Path(__file__).resolve().parents[1] / "data" / "cluster"

BIDEN = Participant("Joe Biden", "USA", "President")
XI = Participant("Xi Jinping", "CHN", "President")
PUTIN = Participant("Vladimir Putin", "RUS", "President")
ERDOGAN = Participant("Recep Tayyip Erdogan", "TUR", "President")
MACRON = Participant("Emmanuel Macron", "FRA", "President")
KISHIDA = Participant("Fumio Kishida", "JPN", "Prime Minister")
YOON = Participant("Yoon Suk Yeol", "KOR", "President")
SUNAK = Participant("Rishi Sunak", "GBR", "Prime Minister")


def _frame(doc_id: str, spec: dict) -> Frame:
    return Frame(
        doc_id,
        role=spec.get("role", "news"),
        type=spec.get("type"),
        status=spec.get("status", "held"),
        date=spec.get("date"),
        date_certain=spec.get("date") is not None and spec.get("certain", True),
        participants=spec.get("people", ()),
    )


# what a correct annotator says about each fixture
SPECS: dict[str, dict] = {
    "reprint/a.txt": {"type": "meeting", "date": "2023-09-04", "people": (PUTIN, ERDOGAN)},
    "reprint/b.txt": {
        "type": "meeting",
        "date": "2023-09-04",
        "people": (Participant("Putin", "RUS", None), ERDOGAN),
    },
    "rewrite/a.txt": {"type": "visit", "date": "2023-03-16", "people": (KISHIDA, YOON)},
    "rewrite/b.txt": {"type": "meeting", "date": None, "people": (Participant("Yoon", "KOR", None), KISHIDA)},
    "announcement/a.txt": {
        "type": "phone call",
        "date": "2022-03-18",
        "people": (BIDEN, XI),
        "role": "announcement",
        "status": "planned",
    },
    "announcement/b.txt": {"type": "video call", "date": "2022-03-18", "people": (BIDEN, XI)},
    "two_calls/a.txt": {"type": "phone call", "date": "2022-02-12", "people": (MACRON, PUTIN)},
    "two_calls/b.txt": {"type": "phone call", "date": "2022-02-20", "people": (MACRON, PUTIN)},
    "no_date/a.txt": {"type": "meeting", "date": None, "people": (BIDEN, SUNAK)},
    "no_date/b.txt": {"type": "meeting", "date": "2023-04-12", "people": (SUNAK, BIDEN)},
    "earthquakes/a.txt": {},
    "earthquakes/b.txt": {},
    "earthquakes/c.txt": {},
}


def _name(doc: Document) -> str:
    return doc.paths[0].replace("\\", "/").split("/cluster/", 1)[1]


@pytest.fixture(scope="module")
def fixture_docs() -> list[Document]:
    return [d for d in read_paths([str(DATA)]) if not isinstance(d, Skip)]


def _frames(docs: Sequence[Document], names: Sequence[str] | None = None) -> dict[str, Frame]:
    return {d.id: _frame(d.id, SPECS[_name(d)]) for d in docs if names is None or _name(d) in names}


def _groups(events: Sequence[Event], docs: Sequence[Document]) -> dict[str, str]:
    name = {d.id: _name(d) for d in docs}
    return {name[s.doc_id]: e.id for e in events for s in e.sources}


def test_fixture_groups_match_expected(fixture_docs: list[Document]) -> None:
    expected = json.loads((DATA / "expected.json").read_text())
    events = cluster(fixture_docs, _frames(fixture_docs))
    got = _groups(events, fixture_docs)
    assert set(got) == set(expected)
    for a in expected:
        for b in expected:
            assert (got[a] == got[b]) == (expected[a] == expected[b]), (a, b)


def test_reprint_is_marked_as_copy(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    ids = {_name(d): d.id for d in fixture_docs}
    (ev,) = [e for e in events if any(s.doc_id == ids["reprint/a.txt"] for s in e.sources)]
    copies = {s.doc_id: s.copy_of for s in ev.sources}
    assert copies[ids["reprint/b.txt"]] == ids["reprint/a.txt"]
    assert copies[ids["reprint/a.txt"]] is None
    assert any("near-verbatim copy" in w for w in ev.why)
    # participants merged by person, keeping the fullest name
    assert [p.name for p in ev.participants] == ["Vladimir Putin", "Recep Tayyip Erdogan"]


def test_announcement_and_readout_one_event(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    ids = {_name(d): d.id for d in fixture_docs}
    (ev,) = [e for e in events if any(s.doc_id == ids["announcement/a.txt"] for s in e.sources)]
    assert {s.doc_id for s in ev.sources} == {ids["announcement/a.txt"], ids["announcement/b.txt"]}
    assert ev.type == "video call"  # a held source says video
    assert ev.status == "held"
    assert ev.date == "2022-03-18"
    roles = {s.doc_id: s.role for s in ev.sources}
    assert roles[ids["announcement/a.txt"]] == "announcement"


def test_two_calls_a_week_apart_stay_two(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    got = _groups(events, fixture_docs)
    assert got["two_calls/a.txt"] != got["two_calls/b.txt"]


def test_no_date_joins_its_event(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    ids = {_name(d): d.id for d in fixture_docs}
    (ev,) = [e for e in events if any(s.doc_id == ids["no_date/a.txt"] for s in e.sources)]
    assert len(ev.sources) == 2
    assert ev.date == "2023-04-12"
    votes = ev.record["date_votes"]
    assert votes[0]["date"] == "2023-04-12" and votes[0]["agrees"]


def test_earthquakes_a_week_apart_stay_two(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    got = _groups(events, fixture_docs)
    assert got["earthquakes/a.txt"] == got["earthquakes/b.txt"] != got["earthquakes/c.txt"]
    quake = [e for e in events if len(e.sources) == 2 and e.type is None]
    assert quake and quake[0].why


def test_every_document_in_exactly_one_event(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, _frames(fixture_docs))
    seen = [s.doc_id for e in events for s in e.sources]
    assert sorted(seen) == sorted(d.id for d in fixture_docs)
    keys = [(e.date or "", e.id) for e in events]
    assert keys == sorted(keys)


def test_without_any_frames_every_document_still_placed(fixture_docs: list[Document]) -> None:
    events = cluster(fixture_docs, {})
    assert sorted(s.doc_id for e in events for s in e.sources) == sorted(d.id for d in fixture_docs)
    got = _groups(events, fixture_docs)
    assert got["reprint/a.txt"] == got["reprint/b.txt"]  # copies merge even without frames


def test_same_output_regardless_of_input_order(fixture_docs: list[Document]) -> None:
    frames = _frames(fixture_docs)
    a = [e.to_dict() for e in cluster(fixture_docs, frames)]
    b = [e.to_dict() for e in cluster(list(reversed(fixture_docs)), frames)]
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_incremental_ids(fixture_docs: list[Document]) -> None:
    frames = _frames(fixture_docs)
    late = {"announcement/b.txt", "no_date/a.txt", "earthquakes/b.txt"}
    first = [d for d in fixture_docs if _name(d) not in late]
    ev1 = cluster(first, frames)
    previous = {s.doc_id: e.id for e in ev1 for s in e.sources}
    # re-clustering the same documents gives the same ids, with or without `previous`
    assert [e.id for e in cluster(first, frames)] == [e.id for e in ev1]
    assert [e.id for e in cluster(first, frames, previous)] == [e.id for e in ev1]
    ev2 = cluster(fixture_docs, frames, previous)
    after = {s.doc_id: e.id for e in ev2 for s in e.sources}
    # every earlier document keeps its event id, touched events included
    assert all(after[d] == eid for d, eid in previous.items())
    ids = {_name(d): d.id for d in fixture_docs}
    assert after[ids["announcement/b.txt"]] == previous[ids["announcement/a.txt"]]
    assert len({e.id for e in ev2}) == len(ev2)


@pytest.mark.parametrize("unframed", ["rewrite/b.txt", "announcement/a.txt", "no_date/a.txt"])
def test_document_without_frame_joins_the_event_its_text_is_about(
    fixture_docs: list[Document], unframed: str
) -> None:
    """An annotator that finds no frame in a report does not split it from its event."""
    frames = {d.id: _frame(d.id, {} if _name(d) == unframed else SPECS[_name(d)]) for d in fixture_docs}
    got = _groups(cluster(fixture_docs, frames), fixture_docs)
    group = unframed.split("/")[0]
    assert got[f"{group}/a.txt"] == got[f"{group}/b.txt"]


def test_frameless_document_far_from_the_event_stays_apart(fixture_docs: list[Document]) -> None:
    frames = {
        d.id: _frame(d.id, {} if _name(d) == "two_calls/a.txt" else SPECS[_name(d)]) for d in fixture_docs
    }
    got = _groups(cluster(fixture_docs, frames), fixture_docs)
    assert got["two_calls/a.txt"] != got["two_calls/b.txt"]


def test_wrong_country_on_a_full_name_does_not_split(fixture_docs: list[Document]) -> None:
    frames = _frames(fixture_docs)
    ids = {_name(d): d.id for d in fixture_docs}
    b = ids["rewrite/b.txt"]
    frames[b] = Frame(
        b,
        role="news",
        type="meeting",
        status="held",
        date="2023-03-16",
        date_certain=True,
        participants=(Participant("Yoon Suk Yeol", "JPN", None), KISHIDA),
    )
    events = cluster(fixture_docs, frames)
    (ev,) = [e for e in events if any(s.doc_id == b for s in e.sources)]
    assert len(ev.sources) == 2
    assert {p.country for p in ev.participants} == {"JPN", "KOR"}
