"""Linking rules on synthetic documents: chaining, dates, votes, types.

Texts are generated from a few words per event so that the frames, not the
wording, decide; where reports are near-verbatim templates (as a ministry's
call readouts are), the copy relation must not override what the frames say.
"""

from __future__ import annotations

import datetime as dt

from communique.cluster import cluster
from communique.model import Document, Frame, OffsetMap, Participant, content_id

A = Participant("Anna Example", "AAA", "President")
B = Participant("Bruno Sample", "BBB", "Prime Minister")
C = Participant("Carla Other", "BBB", "President")


def _doc(text: str, published: str) -> Document:
    return Document(
        content_id(text + published), text, text, OffsetMap.identity(len(text)), published=published
    )


def _day(base: str, k: int) -> str:
    return (dt.date.fromisoformat(base) + dt.timedelta(days=k)).isoformat()


def _template(k: int) -> str:
    return (
        "President Anna Example had a telephone conversation with Prime Minister Bruno Sample. "
        "The leaders discussed bilateral cooperation and the situation in the region. "
        f"They agreed to stay in contact. Item {k}."
    )


def _frame(doc: Document, date: str | None, certain: bool, **kw: object) -> Frame:
    spec: dict = {"role": "readout", "type": "phone call", "status": "held", "participants": (A, B)}
    spec.update(kw)
    return Frame(doc.id, date=date, date_certain=certain, **spec)


def test_series_of_templated_calls_two_days_apart_stay_apart() -> None:
    """Near-verbatim readouts without a date in the text, one call every two days: no chain."""
    docs, frames = [], {}
    for k in range(6):
        d = _doc(_template(k), _day("2022-03-01", 2 * k))
        docs.append(d)
        frames[d.id] = _frame(d, d.published, False)
    events = cluster(docs, frames)
    assert len(events) == 6
    assert [e.date for e in events] == [_day("2022-03-01", 2 * k) for k in range(6)]


def test_two_readouts_per_call_join_but_calls_stay_apart() -> None:
    docs, frames = [], {}
    for k in range(4):
        day = _day("2022-03-01", 3 * k)
        d1 = _doc(_template(k) + " First side.", day)
        d2 = _doc(
            f"Prime Minister Bruno Sample spoke with President Anna Example today, call {k}.", _day(day, 1)
        )
        docs += [d1, d2]
        frames[d1.id] = _frame(d1, day, True)
        frames[d2.id] = _frame(d2, None, False)  # no date in the text: publication day, a day late
    events = cluster(docs, frames)
    assert sorted(len(e.sources) for e in events) == [2, 2, 2, 2]
    for e in events:
        assert e.date == min(s.published or "" for s in e.sources)


def test_same_day_different_leader_of_one_country_is_another_event() -> None:
    day = "2022-05-10"
    d1 = _doc("President Anna Example met Prime Minister Bruno Sample in the capital.", day)
    d2 = _doc("President Anna Example met President Carla Other in the capital.", day)
    frames = {
        d1.id: _frame(d1, day, True, type="meeting", participants=(A, B)),
        d2.id: _frame(d2, day, True, type="meeting", participants=(A, C)),
    }
    assert len(cluster([d1, d2], frames)) == 2


def test_readout_date_beats_announcement_and_votes_are_kept() -> None:
    ann = _doc("Anna Example will speak with Bruno Sample by video on Friday, her office said.", "2022-06-01")
    rd = _doc(
        "Anna Example and Bruno Sample held a video call on Friday about trade and energy.", "2022-06-04"
    )
    frames = {
        # the announcement resolved "Friday" wrongly; the readout states the day
        ann.id: _frame(ann, "2022-06-02", True, role="announcement", status="planned", type="phone call"),
        rd.id: _frame(rd, "2022-06-03", True, type="video call"),
    }
    (ev,) = cluster([ann, rd], frames)
    # a planned date one day off still fits one event; the readout's date wins
    assert ev.date == "2022-06-03"
    assert ev.type == "video call" and ev.status == "held"
    votes = {v["doc_id"]: v for v in ev.record["date_votes"]}
    assert votes[rd.id]["agrees"] and not votes[ann.id]["agrees"]
    assert {s.role for s in ev.sources} == {"announcement", "readout"}


def test_announcement_without_date_joins_the_next_matching_call_only() -> None:
    ann = _doc("Anna Example and Bruno Sample will hold talks by phone next week on energy.", "2022-07-01")
    first = _doc("Anna Example and Bruno Sample discussed energy by phone on Tuesday.", "2022-07-05")
    later = _doc(
        "Anna Example and Bruno Sample spoke again by phone about a new crisis in the region.", "2022-07-30"
    )
    frames = {
        ann.id: _frame(ann, None, False, role="announcement", status="planned"),
        first.id: _frame(first, "2022-07-05", True),
        later.id: _frame(later, "2022-07-30", True),
    }
    events = cluster([ann, first, later], frames)
    by_doc = {s.doc_id: e.id for e in events for s in e.sources}
    assert by_doc[ann.id] == by_doc[first.id] != by_doc[later.id]
    (ev,) = [e for e in events if e.id == by_doc[ann.id]]
    assert ev.status == "held" and ev.date == "2022-07-05"


def test_frameless_and_skipped_documents_are_placed() -> None:
    a = _doc(
        "A storm flooded the coastal town of Examplehaven on Monday, cutting power to 5,000 homes.",
        "2022-08-01",
    )
    b = _doc(
        "Floods in Examplehaven left 5,000 homes without power after Monday's storm, officials said.",
        "2022-08-02",
    )
    c = _doc("Ein Text in einer anderen Sprache über das Wetter.", "2022-08-02")
    frames = {a.id: Frame(a.id, role="news"), c.id: Frame(c.id, skipped="language de")}
    events = cluster([a, b, c], frames)
    assert sorted(len(e.sources) for e in events) == [1, 2]
    assert all(e.type is None and e.status is None for e in events)
