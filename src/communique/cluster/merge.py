"""One :class:`~communique.model.Event` from the documents of a group.

Sources disagree (an announcement gives the planned day, a readout the day it
happened; a preview says "call", the readout "video call"), so each field is a
vote in which a document's weight depends on its role and on whether the text
states the value: what a readout or news report says after the event outweighs
what an announcement said before it. The vote on the date is kept in
``record["date_votes"]`` so a reader sees which sources agree.

Content (statements, topics, stances, relationship labels, references) is the
union over documents, one entry per name or label, keeping the Spans of every
document that supports it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

from communique.model import Event, Frame, Participant, Source, Span

from .blocking import CALLS, DocInfo, iso
from .people import merge_people, same_person

#: how much a document of each role is believed about the event (before date certainty)
ROLE_WEIGHT: dict[str | None, float] = {
    "readout": 3.0,
    "news": 2.5,
    "press conference": 2.0,
    "remarks": 2.0,
    "briefing": 2.0,
    "comment": 1.0,
    "announcement": 1.0,
    "preview": 1.0,
    None: 1.5,
}


def weight(x: DocInfo) -> float:
    """The vote weight of a document: its role's weight, halved when written before the event."""
    w = ROLE_WEIGHT.get(x.role, 1.5)
    return w * (0.5 if x.planned else 1.0)


def _vote(values: Iterable[tuple[str | None, float]]) -> str | None:
    tally: dict[str, float] = {}
    for v, w in values:
        if v:
            tally[v] = tally.get(v, 0.0) + w
    if not tally:
        return None
    return min(tally, key=lambda v: (-tally[v], v))


def best_frame(framed: Sequence[DocInfo]) -> DocInfo:
    """The most informative document: a held report by role weight, with a stated date, naming most people."""
    return min(
        framed,
        key=lambda x: (x.planned, -weight(x), not x.certain, -len(x.people), x.id),
    )


def event_type(framed: Sequence[DocInfo]) -> str | None:
    """The weighted majority type; "remarks" only when nothing else is said; video over phone when any held source says video."""
    votes = [(x.type, weight(x)) for x in framed]
    types = {x.type for x in framed if x.type}
    if types - {"remarks"}:
        votes = [(t, w) for t, w in votes if t != "remarks"]
    t = _vote(votes)
    if t in CALLS and any(x.type == "video call" and not x.planned for x in framed):
        return "video call"
    if t == "video call" and not any(x.type == "video call" and not x.planned for x in framed):
        held_calls = [x for x in framed if x.type == "phone call" and not x.planned]
        if held_calls:
            return "phone call"
    return t


def date_votes(framed: Sequence[DocInfo]) -> tuple[str | None, list[dict[str, Any]]]:
    """The event day and every source's vote on it.

    A stated date weighs four times an inferred one; a held report without a
    date votes for its publication day with a small weight (readouts without a
    date word are published on the day).
    """
    ballots: list[tuple[DocInfo, str, float, str]] = []
    for x in framed:
        if x.date is not None:
            ballots.append((x, iso(x.date) or "", weight(x) * (1.0 if x.certain else 0.25), "frame"))
        elif x.pub is not None and not x.planned:
            ballots.append((x, iso(x.pub) or "", weight(x) * 0.1, "published"))
    winner = _vote((d, w) for _, d, w, _ in ballots)
    out = [
        {
            "doc_id": x.id,
            "date": d,
            "weight": round(w, 3),
            "from": src,
            "role": x.role,
            "certain": x.certain,
            "agrees": d == winner,
        }
        for x, d, w, src in sorted(ballots, key=lambda b: (b[1] != winner, -b[2], b[0].id))
    ]
    return winner, out


def _spans(groups: Iterable[Iterable[Span]]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in sorted({s for g in groups for s in g})]


def _union(
    items: Iterable[Any], key: Callable[[Any], Hashable], fields: Callable[[Any], dict[str, Any]]
) -> list[dict[str, Any]]:
    """One dict per key: the fields of its first item (in document order) and the Spans of all of them."""
    seen: dict[Hashable, tuple[dict[str, Any], list[tuple[Span, ...]]]] = {}
    for it in items:
        k = key(it)
        if k not in seen:
            seen[k] = (fields(it), [])
        seen[k][1].append(it.spans)
    return [dict(f, spans=_spans(sp)) for f, sp in seen.values()]


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def merged_record(frames: Sequence[Frame]) -> dict[str, Any]:
    """Statements, topics, stances, relationship labels and references, deduplicated, with all Spans."""
    return {
        "statements": _union(
            (s for f in frames for s in f.statements),
            lambda s: (_norm(s.speaker), _norm(s.text)),
            lambda s: {"speaker": s.speaker, "text": s.text, "kind": s.kind},
        ),
        "topics": _union(
            (t for f in frames for t in f.topics),
            lambda t: _norm(t.name),
            lambda t: {"name": t.name, "kind": t.kind},
        ),
        "stances": _union(
            (s for f in frames for s in f.stances),
            lambda s: (_norm(s.holder), s.polarity, _norm(s.target)),
            lambda s: {"holder": s.holder, "polarity": s.polarity, "target": s.target},
        ),
        "relationship_labels": _union(
            (r for f in frames for r in f.relationship_labels),
            lambda r: _norm(r.label),
            lambda r: {"label": r.label, "holder": r.holder},
        ),
        "references": _union(
            (r for f in frames for r in f.references),
            lambda r: (r.type, r.date) if r.date else (r.type, _norm(r.text)),
            lambda r: {"type": r.type, "date": r.date, "text": r.text},
        ),
    }


def _confirmed(people: tuple[Participant, ...], framed: Sequence[DocInfo]) -> tuple[Participant, ...]:
    """The merged participants without unconfirmed strays.

    A named participant without a country that at most half of the framed
    sources list is most likely a word an annotator took for a name (a
    verb, a historical figure, a programme); it is dropped when at least two
    participants with a country remain.
    """
    if len(framed) < 2:
        return people

    def support(p: Participant) -> int:
        return sum(1 for x in framed if any(q.name and same_person(p, q) for q in x.people))

    kept = tuple(p for p in people if p.country or not p.name or 2 * support(p) > len(framed))
    return kept if sum(1 for p in kept if p.country) >= 2 else people


def build_event(
    event_id: str,
    group: Sequence[DocInfo],
    why: Sequence[str],
    copy_of: Mapping[str, str],
) -> Event:
    """The Event of one group of documents (members in any order; output does not depend on it)."""
    group = sorted(group, key=lambda x: x.id)
    framed = [x for x in group if x.framed]
    frames = [x.frame for x in framed if x.frame is not None]
    sources = tuple(
        Source(
            doc_id=x.id,
            path=x.doc.paths[0] if x.doc.paths else None,
            url=x.doc.url,
            outlet=x.doc.outlet,
            published=x.doc.published,
            role=x.frame.role if x.frame is not None else None,
            copy_of=copy_of.get(x.id),
        )
        for x in sorted(group, key=lambda x: (x.doc.published or "~", x.id))
    )
    record: dict[str, Any] = merged_record(frames)
    if not framed:
        record["date_votes"] = []
        return Event(event_id, None, None, None, (), None, None, (), None, None, sources, tuple(why), record)
    best = best_frame(framed)
    bf = best.frame
    assert bf is not None
    date, votes = date_votes(framed)
    record["date_votes"] = votes
    held = any(not x.planned for x in framed)
    participants = _confirmed(
        merge_people(x.people for x in sorted(framed, key=lambda x: (x is not best, x.id))), framed
    )
    attendees = tuple(
        a
        for a in merge_people(f.attendees for f in frames)
        if not any(a.name and p.name and same_person(a, p) for p in participants)
    )
    ranked = sorted(framed, key=lambda x: (x is not best, x.id))
    host = _vote((x.frame.host, weight(x)) for x in ranked if x.frame is not None)
    location = _vote((x.frame.location, weight(x)) for x in ranked if x.frame is not None)
    cameo = bf.cameo or next((x.frame.cameo for x in ranked if x.frame is not None and x.frame.cameo), None)
    plover = bf.plover or next(
        (x.frame.plover for x in ranked if x.frame is not None and x.frame.plover), None
    )
    return Event(
        id=event_id,
        type=event_type(framed),
        status="held" if held else "planned",
        date=date,
        participants=participants,
        host=host,
        location=location,
        attendees=attendees,
        cameo=cameo,
        plover=plover,
        sources=sources,
        why=tuple(why),
        record=record,
    )
