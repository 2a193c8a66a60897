"""The data model shared by every stage of the pipeline.

Data flows one way: ``read`` yields :class:`Document`, ``annotate`` turns a
Document into an :class:`AnnotatedDocument` (a :class:`Frame` plus the
sentences and mentions it was built from), ``cluster`` merges frames into
:class:`Event` records. Every extracted field carries the :class:`Span` s of
the sentence(s) that support it; a Span always points into the ORIGINAL text
of its document (``Document.text``), never into the cleaned text.

All classes are frozen dataclasses of plain values, so they pickle, hash and
travel to worker processes unchanged. ``to_dict`` gives the JSON shape that the
CLI, the HTTP API and the store use.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES = ("phone call", "video call", "meeting", "visit", "summit", "message", "agreement", "remarks")
ROLES = (
    "readout",
    "announcement",
    "preview",
    "briefing",
    "remarks",
    "press conference",
    "news",
    "comment",
)


def content_id(text: str) -> str:
    """The id of a document: the first 16 hex digits of the SHA-256 of its original text.

    The same text read from two paths (or twice from one) gets one id, so the
    store keeps one document with both paths.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start:end`` of the ORIGINAL text of document ``doc_id``."""

    doc_id: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(str(d["doc_id"]), int(d["start"]), int(d["end"]))


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets of a cleaned text back to the original text it was cut from.

    The cleaned text is a concatenation of pieces of the original. ``segments``
    holds one ``(clean_start, orig_start, length)`` triple per piece, sorted by
    ``clean_start``; characters inserted by cleaning (none at present) would
    simply map to the nearest preceding original character.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(((0, 0, length),)) if length else cls(())

    def to_original(self, i: int) -> int:
        """The original offset of cleaned offset ``i`` (``i`` may equal the cleaned length)."""
        if not self.segments:
            return i
        starts = [s[0] for s in self.segments]
        k = max(0, bisect.bisect_right(starts, i) - 1)
        c0, o0, n = self.segments[k]
        return o0 + min(max(i - c0, 0), n)

    def span(self, doc_id: str, start: int, end: int) -> Span:
        """A Span on the original text for cleaned characters ``start:end``."""
        if end <= start:
            o = self.to_original(start)
            return Span(doc_id, o, o)
        return Span(doc_id, self.to_original(start), self.to_original(end - 1) + 1)


@dataclass(frozen=True)
class Document:
    """One article, as read from a file or a record of a file.

    ``text`` is the original text (for a CSV/JSONL record: title, summary and
    body joined by blank lines; for HTML: the text trafilatura extracted);
    ``clean`` is the text the annotator reads, with boilerplate removed, and
    ``offsets`` maps it back to ``text``. ``published`` is an ISO 8601 date or
    datetime string as the source gives it (no time-zone guessing);
    ``dateline`` is the place of a dateline (``"Beijing"``) and
    ``dateline_date`` the ISO date a dateline gives (``BEIJING, Jan. 10`` with
    the year taken from the publication date).
    """

    id: str
    text: str
    clean: str
    offsets: OffsetMap
    paths: tuple[str, ...] = ()
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # metadata | dateline | url | style
    published: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    language: str | None = None
    format: str | None = None

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Document:
        """A document whose cleaned text is its whole text, e.g. a string built in Python.

        ``meta`` sets any other field (``paths``, ``url``, ``published``, ...).

        Example::

            doc = Document.from_text("The two ministers met in Oslo.", published="2024-01-02")
        """
        return cls(content_id(text), text, text, OffsetMap.identity(len(text)), **meta)

    def span(self, start: int, end: int) -> Span:
        """A Span on the original text for characters ``start:end`` of ``clean``."""
        return self.offsets.span(self.id, start, end)

    def original(self, span: Span) -> str:
        """The original characters a Span points to."""
        return self.text[span.start : span.end]

    def meta(self) -> dict[str, Any]:
        """Everything but the texts, as plain JSON values."""
        return {
            "id": self.id,
            "paths": list(self.paths),
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "outlet_source": self.outlet_source,
            "published": self.published,
            "dateline": self.dateline,
            "dateline_date": self.dateline_date,
            "language": self.language,
            "format": self.format,
        }


# --------------------------------------------------------------------------- annotate


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text (``start:end`` in ``clean``) and its Span on the original."""

    start: int
    end: int
    span: Span


@dataclass(frozen=True)
class Participant:
    """A person (or, when no person is named, a state) taking part in an event."""

    name: str | None
    country: str | None  # ISO 3166 alpha-3, or an organisation code such as "EU"
    role: str | None  # "President", "Prime Minister", "Foreign Minister", ...
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class Statement:
    speaker: str | None
    text: str
    spans: tuple[Span, ...] = ()
    kind: str = "said"  # said | proposed | agreed | discussed | ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "kind": self.kind,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class Topic:
    name: str
    kind: str = "topic"  # topic | project | initiative | anniversary | organisation
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "spans": [s.to_dict() for s in self.spans]}


@dataclass(frozen=True)
class Stance:
    holder: str | None
    polarity: str  # support | oppose
    target: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "polarity": self.polarity,
            "target": self.target,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class RelationshipLabel:
    label: str
    holder: str | None = None
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "holder": self.holder, "spans": [s.to_dict() for s in self.spans]}


@dataclass(frozen=True)
class Reference:
    """Another event the document refers to ("his state visit earlier this year")."""

    type: str
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY when only that much is known
    text: str
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "date": self.date,
            "text": self.text,
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression and its resolution: ``date`` for a day, ``start``/``end`` for an interval."""

    text: str
    date: str | None
    start: str | None
    end: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "span": self.span.to_dict(),
        }


@dataclass(frozen=True)
class Frame:
    """The main event a document is about, as that document tells it.

    ``type`` is None when the document reports no diplomatic event (a domestic
    meeting, an editorial): no frame is invented then. ``evidence`` maps a
    field name ("type", "date", "role", "location", ...) to the Spans that
    support it.
    """

    doc_id: str
    role: str | None = None
    type: str | None = None
    status: str | None = None  # held | planned
    date: str | None = None
    date_text: str | None = None
    date_certain: bool = False
    participants: tuple[Participant, ...] = ()
    host: str | None = None
    location: str | None = None
    attendees: tuple[Participant, ...] = ()
    statements: tuple[Statement, ...] = ()
    topics: tuple[Topic, ...] = ()
    stances: tuple[Stance, ...] = ()
    relationship_labels: tuple[RelationshipLabel, ...] = ()
    references: tuple[Reference, ...] = ()
    cameo: str | None = None
    plover: str | None = None
    evidence: tuple[tuple[str, tuple[Span, ...]], ...] = ()
    skipped: str | None = None  # why the document was not annotated (e.g. "language fr")

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "role": self.role,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "date_text": self.date_text,
            "date_certain": self.date_certain,
            "participants": [p.to_dict() for p in self.participants],
            "host": self.host,
            "location": self.location,
            "attendees": [p.to_dict() for p in self.attendees],
            "statements": [s.to_dict() for s in self.statements],
            "topics": [t.to_dict() for t in self.topics],
            "stances": [s.to_dict() for s in self.stances],
            "relationship_labels": [r.to_dict() for r in self.relationship_labels],
            "references": [r.to_dict() for r in self.references],
            "codes": {"cameo": self.cameo, "plover": self.plover},
            "evidence": {k: [s.to_dict() for s in v] for k, v in self.evidence},
            "skipped": self.skipped,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Frame:
        def spans(xs: Any) -> tuple[Span, ...]:
            return tuple(Span.from_dict(s) for s in xs or ())

        def people(xs: Any) -> tuple[Participant, ...]:
            return tuple(
                Participant(p.get("name"), p.get("country"), p.get("role"), spans(p.get("spans")))
                for p in xs or ()
            )

        codes = d.get("codes") or {}
        return cls(
            doc_id=d["doc_id"],
            role=d.get("role"),
            type=d.get("type"),
            status=d.get("status"),
            date=d.get("date"),
            date_text=d.get("date_text"),
            date_certain=bool(d.get("date_certain")),
            participants=people(d.get("participants")),
            host=d.get("host"),
            location=d.get("location"),
            attendees=people(d.get("attendees")),
            statements=tuple(
                Statement(s.get("speaker"), s["text"], spans(s.get("spans")), s.get("kind", "said"))
                for s in d.get("statements") or ()
            ),
            topics=tuple(
                Topic(t["name"], t.get("kind", "topic"), spans(t.get("spans"))) for t in d.get("topics") or ()
            ),
            stances=tuple(
                Stance(s.get("holder"), s["polarity"], s["target"], spans(s.get("spans")))
                for s in d.get("stances") or ()
            ),
            relationship_labels=tuple(
                RelationshipLabel(r["label"], r.get("holder"), spans(r.get("spans")))
                for r in d.get("relationship_labels") or ()
            ),
            references=tuple(
                Reference(r["type"], r.get("date"), r["text"], spans(r.get("spans")))
                for r in d.get("references") or ()
            ),
            cameo=codes.get("cameo"),
            plover=codes.get("plover"),
            evidence=tuple((k, spans(v)) for k, v in sorted((d.get("evidence") or {}).items())),
            skipped=d.get("skipped"),
        )


@dataclass(frozen=True)
class AnnotatedDocument:
    """The annotate stage's output for one document: its frame and the material it was built from."""

    doc_id: str
    frame: Frame
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    mentions: tuple[tuple[str, str, Span], ...] = field(default=())  # (kind, canonical, span)


# --------------------------------------------------------------------------- cluster


@dataclass(frozen=True)
class Source:
    """One document of an event, as the event's source list shows it."""

    doc_id: str
    path: str | None
    url: str | None
    outlet: str | None
    published: str | None
    role: str | None
    copy_of: str | None = None  # doc_id of the original when this is a near-verbatim copy

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """One real-world event, merged from the frames of every document about it.

    ``id`` is derived from content (the sorted ids of its founding documents),
    so re-clustering the same store gives the same ids. ``record`` holds the
    merged fields with their Spans (statements, topics, stances, labels,
    references, date votes) as plain JSON values.
    """

    id: str
    type: str | None
    status: str | None
    date: str | None
    participants: tuple[Participant, ...]
    host: str | None
    location: str | None
    attendees: tuple[Participant, ...]
    cameo: str | None
    plover: str | None
    sources: tuple[Source, ...]
    why: tuple[str, ...] = ()
    record: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "participants": [p.to_dict() for p in self.participants],
            "host": self.host,
            "location": self.location,
            "attendees": [p.to_dict() for p in self.attendees],
            "codes": {"cameo": self.cameo, "plover": self.plover},
            "sources": [s.to_dict() for s in self.sources],
            "why": list(self.why),
        }
        d.update(self.record)
        return d
