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

import bisect
import datetime as dt
import functools

from communique.annotate.actors import Actors, aliases, find_actors
from communique.annotate.codes import codes
from communique.annotate.content import extract_content
from communique.annotate.dates import anchor_date, find_times, parse_iso_date
from communique.annotate.fallback import fallback_frame
from communique.annotate.frame import FrameParts, build_frame
from communique.annotate.lexicon import lexicon
from communique.annotate.roles import comment_source, final_role, frame_dateline, headline_role
from communique.annotate.sentences import split_sentences, split_spans
from communique.annotate.types import Content, KnownPeople, PersonRef
from communique.model import AnnotatedDocument, Document, Frame, Participant, Sentence, Span, TimeExpression

__all__ = ["annotate", "split_sentences", "PersonRef", "Content"]


def _separate_title(doc: Document) -> str | None:
    """The title when it is not already the start of the cleaned text (then it is annotated apart)."""
    if not doc.title:
        return None
    title = " ".join(doc.title.replace("\\", "").split())
    head = " ".join(doc.clean[: len(doc.title) + 200].split())
    return None if title and title in head else title or None


class _Spanner:
    """``doc.span`` with the offset map's segment starts computed once (same arithmetic as
    :meth:`OffsetMap.to_original`), since a document yields thousands of Spans."""

    def __init__(self, doc: Document) -> None:
        self.doc_id = doc.id
        self.segments = doc.offsets.segments
        self.starts = [seg[0] for seg in self.segments]

    def _orig(self, i: int) -> int:
        if not self.segments:
            return i
        k = max(0, bisect.bisect_right(self.starts, i) - 1)
        c0, o0, n = self.segments[k]
        return o0 + min(max(i - c0, 0), n)

    def __call__(self, start: int, end: int) -> Span:
        if end <= start:
            o = self._orig(start)
            return Span(self.doc_id, o, o)
        return Span(self.doc_id, self._orig(start), self._orig(end - 1) + 1)


@functools.cache
def _demonyms() -> dict[str, str]:
    """Country code -> its adjective (read-only once built; callers must not mutate it)."""
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


def annotate(doc: Document, known: KnownPeople | None = None) -> AnnotatedDocument:
    """Annotate one document (see module docstring).

    ``known`` maps full names to the (country, role) that other documents of
    the same corpus give them (see :func:`communique.pipeline.known_people`):
    the corpus's own evidence for a name that this document uses without a
    title or a country. Without it, only this document's text counts.
    """
    if doc.language and doc.language.lower() not in ("en", "eng", "english"):
        frame = Frame(doc.id, skipped=f"language {doc.language}")
        return AnnotatedDocument(doc.id, frame)
    lex = lexicon()
    clean = doc.clean
    span = _Spanner(doc)
    bounds = split_spans(clean)
    sentences = [Sentence(s, e, span(s, e)) for s, e in bounds]
    title = _separate_title(doc)
    anchor, _anchor_source = anchor_date(clean, doc.dateline_date, doc.published, bounds)
    times = find_times(clean, bounds, anchor)
    title_times = find_times(title, [(0, len(title))], anchor) if title else []
    actors = find_actors(clean, title, lex, known)
    publisher = lex.publisher_for(doc.outlet, doc.url)
    headline = title if title else (clean[bounds[0][0] : bounds[0][1]] if bounds else "")
    lead = " ".join(clean[s:e] for s, e in bounds[:2])
    role, reason = headline_role(headline, lead, publisher.kind if publisher else None, clean)
    if role not in ("comment", "readout") and comment_source(doc.url, doc.text):
        role, reason = "comment", "section"
    published = parse_iso_date(doc.published)
    dateline = doc.dateline or frame_dateline(clean)
    fp = build_frame(
        clean,
        title,
        bounds,
        actors,
        times,
        title_times,
        anchor,
        published,
        publisher,
        role,
        lex,
        dateline,
    )
    if fp.type is None or len(fp.participants) < 2:
        fp = (
            fallback_frame(
                clean,
                title,
                bounds,
                actors,
                times,
                title_times,
                anchor,
                published,
                publisher,
                lex,
                dateline,
                known,
            )
            or fp
        )
    if fp.type is not None:
        role = final_role(
            role, reason, fp.status, fp.date, anchor, clean[bounds[0][0] : bounds[0][1]] if bounds else ""
        )
    content = extract_content(doc, sentences, _person_refs(actors), anchor)
    frame = _frame(doc, fp, actors, role, bounds, content, span)
    return AnnotatedDocument(
        doc.id,
        frame,
        tuple(sentences),
        tuple(_time_expr(span, t.text, t.day, t.first, t.last, t.start, t.end) for t in times),
        _mentions(span, actors),
    )


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _time_expr(
    span: _Spanner,
    text: str,
    day: dt.date | None,
    first: dt.date | None,
    last: dt.date | None,
    s: int,
    e: int,
) -> TimeExpression:
    return TimeExpression(
        text, _iso(day), _iso(first) if day is None else None, _iso(last) if day is None else None, span(s, e)
    )


def _mentions(span: _Spanner, actors: Actors) -> tuple[tuple[str, str, Span], ...]:
    out: list[tuple[str, str, Span]] = []
    for s, e, entry, in_title in actors.entities:
        if not in_title:
            out.append((entry.kind if entry.kind != "demonym" else "country", entry.value, span(s, e)))
    for (s, e, in_title), i in actors.mention_of.items():
        if not in_title:
            out.append(("person", actors.people[i].key(), span(s, e)))
    out.sort(key=lambda m: (m[2].start, m[2].end, m[0], m[1]))
    return tuple(out)


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s, e in bounds:
        if s <= pos < e:
            return s, e
    return None


def _frame(
    doc: Document,
    fp: FrameParts,
    actors: Actors,
    role: str,
    bounds: list[tuple[int, int]],
    content: Content,
    span: _Spanner,
) -> Frame:
    evidence: dict[str, list[Span]] = {}
    role_sent = bounds[0] if bounds else None
    if role_sent:
        evidence["role"] = [span(*role_sent)]
    if fp.type is None:
        return Frame(
            doc.id,
            role=role,
            evidence=tuple((k, tuple(v)) for k, v in sorted(evidence.items())),
            statements=content.statements,
            topics=content.topics,
            stances=content.stances,
            relationship_labels=content.relationship_labels,
            references=content.references,
        )
    unit = fp.unit
    if unit is not None and not unit.in_title:
        evidence["type"] = [span(unit.start, unit.end)]
    elif bounds:
        evidence["type"] = [span(*bounds[0])]
    if fp.date_span:
        evidence["date"] = [span(*fp.date_span)]
    participants = []
    for i in fp.participants:
        p = actors.people[i]
        spans = tuple(span(s, e) for s, e in p.mentions[:8] if s >= 0)
        participants.append(Participant(p.name, p.country, p.role, spans))
        if p.country_evidence:
            evidence.setdefault("participants", []).extend(span(s, e) for s, e in p.country_evidence[:2])
    if fp.location_span:
        sent = _sentence_of(bounds, fp.location_span[0])
        evidence["location"] = [span(*fp.location_span)] + ([span(*sent)] if sent else [])
    attendees = tuple(Participant(n, c, None, (span(*sp),)) for n, c, sp in fp.attendees)
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
