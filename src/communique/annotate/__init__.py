"""The annotate stage: one :class:`~communique.model.Document` in, one
:class:`~communique.model.AnnotatedDocument` out.

``annotate`` is pure (no database, no global mutable state: the lexicon is a
read-only table built once) and deterministic. It reads ``doc.clean`` only and
converts every offset to a Span on the original text with ``doc.span``.

Steps: sentences (:mod:`.sentences`), anchor date and temporal expressions
(:mod:`.dates`), actors and coreference (:mod:`.actors`), the document role
(:mod:`.roles`), the main event frame (:mod:`.frame`), its CAMEO/PLOVER codes
(:mod:`.codes`), and what the document says - statements, topics, stances,
relationship labels, references - from :mod:`.content`.
"""

from __future__ import annotations

import datetime as dt

from communique.annotate.actors import Actors, aliases, find_actors
from communique.annotate.codes import codes
from communique.annotate.dates import anchor_date, find_times, parse_iso_date
from communique.annotate.frame import FrameParts, build_frame
from communique.annotate.lexicon import lexicon
from communique.annotate.roles import final_role, headline_role
from communique.annotate.sentences import split_sentences
from communique.annotate.types import Content, PersonRef
from communique.model import AnnotatedDocument, Document, Frame, Participant, Span, TimeExpression

try:  # the content extractor is written separately; annotate works without it
    from communique.annotate.content import extract_content
except ImportError:  # pragma: no cover - only until content.py lands
    extract_content = None  # type: ignore[assignment]

__all__ = ["annotate", "split_sentences", "PersonRef", "Content"]


def _separate_title(doc: Document) -> str | None:
    """The title when it is not already the start of the cleaned text (then it is annotated apart)."""
    if not doc.title:
        return None
    title = " ".join(doc.title.replace("\\", "").split())
    head = " ".join(doc.clean[: len(doc.title) + 200].split())
    return None if title and title in head else title or None


def _demonyms() -> dict[str, str]:
    lex = lexicon()
    out: dict[str, str] = {}
    for key, entry in lex.entities.items():
        if entry.kind == "demonym" and len(key) == 1 and entry.value not in out and key[0][-1] not in "s":
            out[entry.value] = key[0]
    return out


def _person_refs(actors: Actors) -> list[PersonRef]:
    lex = lexicon()
    dem = _demonyms()
    refs = []
    for p in actors.people:
        if p.name and p.mentions:
            refs.append(PersonRef(p.name, p.country, p.role, aliases(p, lex, dem)))
    return refs


def annotate(doc: Document) -> AnnotatedDocument:
    """Annotate one document (see module docstring)."""
    if doc.language and doc.language.lower() not in ("en", "eng", "english"):
        frame = Frame(doc.id, skipped=f"language {doc.language}")
        return AnnotatedDocument(doc.id, frame)
    lex = lexicon()
    clean = doc.clean
    sentences = split_sentences(doc)
    bounds = [(s.start, s.end) for s in sentences]
    title = _separate_title(doc)
    anchor, _anchor_source = anchor_date(clean, doc.dateline_date, doc.published, bounds)
    times = find_times(clean, bounds, anchor)
    title_times = find_times(title, [(0, len(title))], anchor) if title else []
    actors = find_actors(clean, title, lex)
    publisher = lex.publisher(doc.outlet)
    headline = title if title else (clean[bounds[0][0] : bounds[0][1]] if bounds else "")
    lead = " ".join(clean[s:e] for s, e in bounds[:2])
    role, reason = headline_role(headline, lead, publisher.kind if publisher else None, clean)
    published = parse_iso_date(doc.published)
    fp = build_frame(
        clean, title, bounds, actors, times, title_times, anchor, published, publisher, role, lex, doc.dateline
    )
    if fp.type is not None:
        role = final_role(role, reason, fp.status, fp.date, anchor)
    content = Content()
    if extract_content is not None:
        content = extract_content(doc, sentences, _person_refs(actors), anchor)
    frame = _frame(doc, fp, actors, role, bounds, content)
    return AnnotatedDocument(
        doc.id,
        frame,
        tuple(sentences),
        tuple(_time_expr(doc, t.text, t.day, t.first, t.last, t.start, t.end) for t in times),
        _mentions(doc, actors),
    )


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _time_expr(doc: Document, text: str, day: dt.date | None, first: dt.date | None, last: dt.date | None, s: int, e: int) -> TimeExpression:
    return TimeExpression(text, _iso(day), _iso(first) if day is None else None, _iso(last) if day is None else None, doc.span(s, e))


def _mentions(doc: Document, actors: Actors) -> tuple[tuple[str, str, Span], ...]:
    out: list[tuple[str, str, Span]] = []
    for s, e, entry, in_title in actors.entities:
        if not in_title:
            out.append((entry.kind if entry.kind != "demonym" else "country", entry.value, doc.span(s, e)))
    for (s, e, in_title), i in actors.mention_of.items():
        if not in_title:
            out.append(("person", actors.people[i].key(), doc.span(s, e)))
    out.sort(key=lambda m: (m[2].start, m[2].end, m[0], m[1]))
    return tuple(out)


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return None


def _frame(
    doc: Document, fp: FrameParts, actors: Actors, role: str, bounds: list[tuple[int, int]], content: Content
) -> Frame:
    evidence: dict[str, list[Span]] = {}
    role_sent = bounds[0] if bounds else None
    if role_sent:
        evidence["role"] = [doc.span(*role_sent)]
    if fp.type is None:
        return Frame(doc.id, role=role, evidence=tuple((k, tuple(v)) for k, v in sorted(evidence.items())),
                     statements=content.statements, topics=content.topics, stances=content.stances,
                     relationship_labels=content.relationship_labels, references=content.references)
    unit = fp.unit
    if unit is not None and not unit.in_title:
        evidence["type"] = [doc.span(unit.start, unit.end)]
    elif bounds:
        evidence["type"] = [doc.span(*bounds[0])]
    if fp.date_span:
        evidence["date"] = [doc.span(*fp.date_span)]
    participants = []
    for i in fp.participants:
        p = actors.people[i]
        spans = tuple(doc.span(s, e) for s, e in p.mentions[:8] if s >= 0)
        participants.append(Participant(p.name, p.country, p.role, spans))
        if p.country_evidence:
            evidence.setdefault("participants", []).extend(doc.span(s, e) for s, e in p.country_evidence[:2])
    if fp.location_span:
        sent = _sentence_of(bounds, fp.location_span[0])
        evidence["location"] = [doc.span(*fp.location_span)] + ([doc.span(*sent)] if sent else [])
    attendees = tuple(Participant(n, c, None, (doc.span(*sp),)) for n, c, sp in fp.attendees)
    cameo, plover = codes(fp.type, fp.status, fp.host, [p.country for p in participants])
    return Frame(
        doc_id=doc.id,
        role=role,
        type=fp.type,
        status=fp.status,
        date=_iso(fp.date),
        date_text=fp.date_text,
        date_certain=fp.date_certain,
        participants=tuple(participants),
        host=fp.host,
        location=fp.location,
        attendees=attendees,
        statements=content.statements,
        topics=content.topics,
        stances=content.stances,
        relationship_labels=content.relationship_labels,
        references=content.references,
        cameo=cameo,
        plover=plover,
        evidence=tuple((k, tuple(v)) for k, v in sorted(evidence.items())),
    )


