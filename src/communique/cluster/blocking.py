"""What clustering knows about each document, and which pairs are worth comparing.

Comparing every pair of documents is quadratic; most pairs cannot be about one
event because they share no participant or lie weeks apart. Blocking (the
record-linkage term, see Christen, *Data Matching*, 2012, ch. 4) keeps only
pairs that share a participant country (or a country-less name) and whose
anchor days lie within :data:`BLOCK_DAYS`; documents without a diplomatic frame
are blocked on their highest-weighted TF-IDF terms and publication days. The
finer tests (type compatibility, the date window by role and certainty) are
applied to each candidate pair in :mod:`communique.cluster.link`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from communique.model import Document, Frame, Participant

from .people import fold, name_words
from .text import TextProfile, TfIdf

#: the widest gap (days) between anchor days of two framed documents that may share an event,
#: when one of them was written before the event
BLOCK_DAYS = 15
#: the widest gap (days) between anchor days of two reports written after the event
HELD_DAYS = 3
#: the widest gap (days) between publication days of two frameless documents that may share an event
FRAMELESS_DAYS = 2
#: roles written before the event
PRE_EVENT_ROLES = frozenset({"announcement", "preview"})

CALLS = frozenset({"phone call", "video call"})
IN_PERSON = frozenset({"meeting", "visit", "summit"})


def day(value: str | None) -> int | None:
    """The proleptic ordinal of the ISO date at the start of ``value`` (None when there is none)."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def iso(ordinal: int | None) -> str | None:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else None


@dataclass(frozen=True)
class DocInfo:
    """One document as clustering sees it.

    ``framed`` is True when the document has a diplomatic frame (type set, not
    skipped). ``date`` is the frame's day (None when the frame has none or
    only a month); ``certain`` whether the text states it; ``planned`` whether
    the document was written before the event (status planned, or an
    announcement/preview role without a status). ``pub`` is the publication day.
    """

    idx: int
    doc: Document
    frame: Frame | None
    framed: bool
    type: str | None
    role: str | None
    planned: bool
    date: int | None
    certain: bool
    pub: int | None
    people: tuple[Participant, ...]
    profile: TextProfile

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def anchor(self) -> int | None:
        """The day the document is placed at for blocking: its event day, else its publication day."""
        return self.date if self.date is not None else self.pub


def doc_info(idx: int, doc: Document, frame: Frame | None, prof: TextProfile) -> DocInfo:
    """Build the :class:`DocInfo` of ``doc`` from its frame (None when it has no frame)."""
    framed = frame is not None and frame.type is not None and not frame.skipped
    f = frame if framed else None
    date = day(f.date) if f else None
    role = frame.role if frame is not None else None
    planned = bool(f) and (f.status == "planned" or (f.status is None and role in PRE_EVENT_ROLES))  # type: ignore[union-attr]
    pub = day(doc.published) or day(doc.dateline_date)
    certain = bool(f and f.date_certain and date is not None)
    if planned and date is not None and date == pub:
        # an announcement dated on the day it was published: most likely the annotator fell back on the
        # publication day for want of the announced one; as an uncertain date it still matches an
        # event held that very day (see date_score)
        certain = False
    return DocInfo(
        idx=idx,
        doc=doc,
        frame=frame,
        framed=framed,
        type=f.type if f else None,
        role=role,
        planned=planned,
        date=date,
        certain=certain,
        pub=pub,
        people=f.participants if f else (),
        profile=prof,
    )


#: how compatible two kinds of event are when two reports of one event disagree on it
#: (same kind 1; kin kinds less; absent: never one event). Calls are kin, in-person kinds are kin;
#: remarks (a press conference, a statement to the press) are made at an in-person meeting or
#: at a video call; an agreement is signed at a meeting, and remarks follow the signing.
#: A message (a letter, a congratulation) is kin to nothing: the same pair exchanges messages
#: and calls days apart.
KIN_TYPES: dict[frozenset[str], float] = {
    frozenset({"phone call", "video call"}): 0.8,
    frozenset({"meeting", "visit"}): 0.8,
    frozenset({"meeting", "summit"}): 0.8,
    frozenset({"visit", "summit"}): 0.8,
    frozenset({"remarks", "meeting"}): 0.6,
    frozenset({"remarks", "visit"}): 0.6,
    frozenset({"remarks", "summit"}): 0.6,
    frozenset({"remarks", "video call"}): 0.6,
    frozenset({"agreement", "meeting"}): 0.5,
    frozenset({"agreement", "visit"}): 0.5,
    frozenset({"agreement", "summit"}): 0.5,
    frozenset({"agreement", "remarks"}): 0.5,
}
#: other names annotators give a kind of event, mapped onto :data:`~communique.model.EVENT_TYPES`
TYPE_ALIASES = {
    "press conference": "remarks",
    "statement": "remarks",
    "talks": "meeting",
    "call": "phone call",
}


def type_score(a: DocInfo, b: DocInfo) -> float | None:
    """How compatible two event types are (1 same, lower for kin types, :data:`KIN_TYPES`), or None if incompatible.

    A document written before the event may call a video call a "virtual
    meeting", so an in-person type and a video call are weakly compatible
    (0.4) when one side is planned.
    """
    s, t = TYPE_ALIASES.get(a.type or "", a.type), TYPE_ALIASES.get(b.type or "", b.type)
    if s == t:
        return 1.0
    pair = frozenset({s or "", t or ""})
    got = KIN_TYPES.get(pair)
    if got is not None:
        return got
    if (a.planned or b.planned) and "video call" in pair and pair - {"video call"} <= IN_PERSON:
        return 0.4
    return None


def date_score(a: DocInfo, b: DocInfo) -> tuple[float | None, str]:
    """How well the days of two framed documents fit one event, with a readable note.

    Returns ``(score, note)``; score None means the days rule the pair out.

    * Both dates certain: at most one day apart (a call spanning time zones).
    * A document without a certain date that reports a held event is dated by
      its publication day, which is the event day or up to two days after it.
    * A pre-event document without a certain date announces something on or
      after its publication day, up to two weeks ahead.
    """

    def day_of(x: DocInfo) -> int | None:
        return x.date if x.date is not None else x.pub

    da, db = day_of(a), day_of(b)
    if da is None or db is None:
        return 0.3, "no date on one side"
    note = f"dates {iso(da)} {'=' if da == db else '~'} {iso(db)}"
    if a.certain and b.certain:
        gap = abs(da - db)
        return ({0: 1.0, 1: 0.7}.get(gap), note)
    if a.certain or b.certain:
        c, u = (a, b) if a.certain else (b, a)
        dc, du = day_of(c), day_of(u)
        assert dc is not None and du is not None
        if u.planned:
            lo = (u.pub if u.pub is not None else du) - 1
            if not lo <= dc <= lo + 15:
                return None, note
            return (1.0 if dc == du else 0.5), note
        gap = du - dc  # an uncertain report is dated on or after the event
        return ({0: 0.9, 1: 0.7, 2: 0.4, -1: 0.5}.get(gap), note)
    if a.planned != b.planned:
        p, h = (a, b) if a.planned else (b, a)
        dp = p.pub if p.pub is not None else day_of(p)
        dh = day_of(h)
        assert dp is not None and dh is not None
        if not dp - 1 <= dh <= dp + 15:
            return None, note
        return (0.8 if dh == day_of(p) else 0.5), note
    gap = abs(da - db)
    if a.planned:
        return (1.0 if gap == 0 else 0.5 if gap <= 7 else None), note
    return ({0: 0.9, 1: 0.6}.get(gap), note)


def place_key(value: str | None) -> str | None:
    """The folded first part of a place ("Addis Ababa, Ethiopia" -> "addis ababa"), None when empty."""
    if not value:
        return None
    head = fold(value.split(",")[0]).strip().lower()
    return " ".join(head.split()) or None


def reported_place(x: DocInfo) -> str | None:
    """Where a held in-person event took place, when its report was filed from there; else None.

    The frame's location counts only when the document's dateline names the
    same city: a reporter datelined in the city the frame places the event in
    was there. A location without that confirmation (a comment written far
    away, a place the text only mentions) says too little to keep two reports
    apart.
    """
    f = x.frame
    if not x.framed or x.planned or x.type not in IN_PERSON or f is None:
        return None
    where = place_key(f.location)
    if where is None or where != place_key(x.doc.dateline):
        return None
    return where


def person_keys(p: Participant) -> frozenset[str]:
    """The blocking keys of one participant: its country, and the first and last words of its name.

    Either key alone brings two mentions of one person together, so a person
    whose country an annotator got wrong still meets the other reports; the
    first word as well as the last catches names written surname first
    ("KISHIDA Fumio" / "Fumio Kishida").
    """
    keys = set()
    if p.country:
        keys.add("c:" + p.country)
    words = name_words(p.name)
    if words:
        keys.add("n:" + words[-1])
        keys.add("n:" + words[0])
    return frozenset(keys)


def participant_keys(x: DocInfo) -> list[frozenset[str]]:
    """The blocking keys of each participant (:func:`person_keys`), participants without any left out."""
    return [k for k in (person_keys(p) for p in x.people) if k]


def loose_keys(x: DocInfo) -> set[str]:
    """Keys on which a framed document is also blocked one participant at a time (empty: pairs suffice).

    Participant pairs are the precise key, but they fail when the annotator
    got one participant wrong: a stray name without a country, a person
    without a name, or a multilateral list (three or more) of which another
    report names other members. Such a document is compared with every
    document sharing one of its people's names (or, for an unnamed state, its
    country) within the date window; names rather than countries, so that a
    busy country does not pair it with a whole week's news. A document
    naming one participant is blocked on all of its keys.
    """
    people = [p for p in x.people if person_keys(p)]
    if len(people) == 1:
        return set(person_keys(people[0]))
    if len(people) >= 3 or any(not p.country or not p.name for p in people):
        out: set[str] = set()
        for p in people:
            words = name_words(p.name)
            if words:
                out.update(("n:" + words[-1], "n:" + words[0]))
            elif p.country:
                out.add("c:" + p.country)
        return out
    return set()


def framed_candidates(infos: Sequence[DocInfo]) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of framed documents that may report one event.

    Documents naming two or more participants are bucketed by each pair of
    participants (one bucket per combination of their keys,
    :func:`participant_keys`), so a busy country does not make one huge
    bucket; a document naming one participant, or whose participants look
    wrong (:func:`loose_keys`), is also compared with every document sharing
    one of its single keys. Within a bucket, documents pair when their anchor
    days are at most :data:`HELD_DAYS` apart, or :data:`BLOCK_DAYS` when one of
    them was written before the event. Documents whose frame names nobody are
    blocked by wording (:func:`frameless_candidates`).
    """
    pair_buckets: dict[str, list[tuple[int, int]]] = {}
    single_buckets: dict[str, list[tuple[int, int]]] = {}
    nominated: dict[str, set[int]] = {}
    wide: set[int] = set()
    keyed: list[tuple[DocInfo, int, set[str]]] = []
    for x in infos:
        if not x.framed:
            continue
        people = participant_keys(x)
        anchor = x.anchor if x.anchor is not None else 0
        if x.planned:
            wide.add(x.idx)
        keys: set[str] = set()
        for ka, kb in itertools.combinations(people, 2):
            keys.update(min(a, b) + "|" + max(a, b) for a in ka for b in kb if a != b)
        for k in sorted(keys):
            pair_buckets.setdefault(k, []).append((anchor, x.idx))
        flat = set().union(*people) if people else set()
        keyed.append((x, anchor, flat))
        for k in loose_keys(x):
            nominated.setdefault(k, set()).add(x.idx)
    for x, anchor, flat in keyed:
        for k in sorted(flat):
            if k in nominated:
                single_buckets.setdefault(k, []).append((anchor, x.idx))
    out = _near_pairs(pair_buckets, wide)
    if nominated:
        out |= _near_pairs(single_buckets, wide, needs=nominated)
    return out


def _near_pairs(
    buckets: Mapping[str, list[tuple[int, int]]],
    wide: set[int],
    needs: Mapping[str, set[int]] | None = None,
) -> set[tuple[int, int]]:
    """Pairs of members of one bucket whose days are close (see :func:`framed_candidates`).

    With ``needs``, only pairs with at least one member in ``needs[key]`` (the
    documents that asked to be blocked on that key). Members with an unknown
    day (day 0) pair with every member of their bucket.
    """
    out: set[tuple[int, int]] = set()
    for key in sorted(buckets):
        members = sorted(buckets[key])
        if len(members) < 2:
            continue
        want = needs.get(key, set()) if needs is not None else None
        days = [d for d, _ in members]
        unknown = [i for d, i in members if d <= 0]
        for d, i in members:
            if want is not None and i not in want:
                continue
            if d <= 0:
                partners = [j for _, j in members]
            else:
                w = BLOCK_DAYS if i in wide else HELD_DAYS
                lo = bisect.bisect_left(days, d - w)
                hi = bisect.bisect_right(days, d + w)
                partners = [j for _, j in members[lo:hi]] + unknown
            out.update((min(i, j), max(i, j)) for j in partners if j != i)
    return out


def pre_event(x: DocInfo) -> bool:
    """Whether a document was written before its event: a planned frame, or a pre-event role without a frame."""
    return x.planned or (not x.framed and x.role in PRE_EVENT_ROLES)


def frameless_candidates(infos: Sequence[DocInfo], tfidf: TfIdf, terms: int = 16) -> set[tuple[int, int]]:
    """Pairs with a frameless document (or a frame naming nobody), sharing two of their top ``terms`` TF-IDF terms.

    Only pairs published within :data:`FRAMELESS_DAYS` of each other (or with
    an unknown publication day) are kept, or, when the earlier of the two was
    written before its event (:func:`pre_event`: an announcement or a preview,
    framed or not), up to :data:`BLOCK_DAYS` after it. Framed documents take
    part so that a document the annotator found no frame in can still join
    the event its text is plainly about.
    """
    buckets: dict[str, list[tuple[int, int]]] = {}
    needs: set[int] = set()
    for x in infos:
        if x.framed and participant_keys(x):
            continue
        needs.add(x.idx)
        for t in tfidf.top_terms(x.idx, terms):
            buckets.setdefault(str(t), []).append((x.pub if x.pub is not None else -1, x.idx))
    if not needs:
        return set()
    early = {x.idx for x in infos if pre_event(x)}
    for x in infos:
        if x.idx not in needs:
            for t in tfidf.top_terms(x.idx, terms):
                if str(t) in buckets:
                    buckets[str(t)].append((x.pub if x.pub is not None else -1, x.idx))
    counts: dict[tuple[int, int], int] = {}
    for key in sorted(buckets):
        members = sorted(buckets[key])
        days = [d for d, _ in members]
        ahead = [(d, i) for d, i in members if i in early and d > 0]
        ahead_days = [d for d, _ in ahead]
        unknown = [i for d, i in members if d <= 0]
        pairs: set[tuple[int, int]] = set()
        for d, i in members:
            if d <= 0:
                if i in needs:
                    pairs.update((min(i, j), max(i, j)) for _, j in members if j != i)
                continue
            partners: list[int] = []
            if i in needs:
                lo = bisect.bisect_left(days, d - FRAMELESS_DAYS)
                hi = bisect.bisect_right(days, d + FRAMELESS_DAYS)
                partners = [j for _, j in members[lo:hi]] + unknown
                if i in early:  # what it announces, up to two weeks later
                    hi2 = bisect.bisect_right(days, d + BLOCK_DAYS)
                    partners += [j for _, j in members[hi:hi2]]
            # documents written before an event, up to two weeks earlier
            lo = bisect.bisect_left(ahead_days, d - BLOCK_DAYS)
            hi = bisect.bisect_left(ahead_days, d - FRAMELESS_DAYS)
            partners += [j for _, j in ahead[lo:hi] if i in needs or j in needs]
            pairs.update((min(i, j), max(i, j)) for j in partners if j != i)
        for p in pairs:
            counts[p] = counts.get(p, 0) + 1
    return {p for p, c in counts.items() if c >= 2}
