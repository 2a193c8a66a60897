"""Pairwise evidence that two documents report one event, and the linkage that groups them.

Each candidate pair from :mod:`communique.cluster.blocking` is assessed:

* **Framed documents** must agree on who (the same people, not only the same
  countries), on the kind of event (:func:`~communique.cluster.blocking.type_score`)
  and on when (:func:`~communique.cluster.blocking.date_score`); any hard
  disagreement rules the pair out. The score mixes frame agreement with
  TF-IDF cosine of the texts, so a pair whose frames are vague (no date, one
  participant) needs its wording to agree as well.
  Two held in-person reports each datelined in the city its frame places the
  event in, two different cities, are two events
  (:func:`~communique.cluster.blocking.reported_place`).
* **Frameless documents** (general news) are scored by cosine and by the
  share of names and decimal figures they have in common, minus a penalty when
  their figures disagree, and only when published within two days of each
  other: two earthquakes in one country a week apart read alike but are two events.
* **Near-verbatim copies** (MinHash, :mod:`communique.cluster.minhash`) merge
  unless their frames disagree outright.

Grouping is greedy average linkage: pairs above the threshold are taken from
the strongest down, and their two groups merge only when *every* cross pair is
compatible and the *average* cross-pair score clears a slightly lower bar
(long transcripts share fewer words with a three-line announcement than a
readout does, so the average is allowed to sag a little). Single-link union of weak
links would chain a preview to one call and that call to the next; here a
document joins a group only when it fits all of it (Manning, Raghavan and
Schütze, *Introduction to Information Retrieval*, ch. 17.3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from communique.model import Participant

from .blocking import IN_PERSON, DocInfo, date_score, pre_event, reported_place, type_score
from .people import compare_people, name_words
from .text import TfIdf, conflict, overlap

#: score a pair of framed documents needs to propose merging their groups
FRAMED_THRESHOLD = 0.6
#: score a pair of frameless documents needs to propose merging their groups
FRAMELESS_THRESHOLD = 0.5
#: score a frameless document needs with a framed one to propose joining its group
MIXED_THRESHOLD = 0.6
#: the average cross-pair score, relative to the pair threshold, two groups of framed documents then need
AVERAGE_FACTOR = 0.85
#: cosine at which wording alone counts as full agreement for framed documents
TEXT_SATURATION = 0.35
#: cosine at which wording counts fully for frameless documents (names and figures make the rest)
FRAMELESS_TEXT_SATURATION = 0.4
#: publication-day gap beyond which frameless documents never merge (unless the earlier one was
#: written before its event, see :func:`~communique.cluster.blocking.pre_event`)
FRAMELESS_MAX_GAP = 2
#: the longest a pre-event document (announcement, preview) precedes the event it announces
AHEAD_MAX_GAP = 15


def summit_and_bilateral(a: DocInfo, b: DocInfo) -> bool:
    """One reports a held summit, the other a held in-person meeting, each on a day its text says, different days."""
    return (
        (a.type == "summit") != (b.type == "summit")
        and a.certain
        and b.certain
        and not a.planned
        and not b.planned
        and a.date is not None
        and b.date is not None
        and a.date != b.date
        and a.type in IN_PERSON
        and b.type in IN_PERSON
    )


def short(doc_id: str) -> str:
    """The short form of a document id used in explanations (the first 8 of a 16-digit content id)."""
    return doc_id[:8] if len(doc_id) > 12 else doc_id


@dataclass(frozen=True)
class Assessment:
    """The verdict on one pair: ``ok`` False rules it out, ``score`` in [0, 1] (None: no say), ``why`` explains."""

    ok: bool
    score: float | None
    why: str


#: cached verdict of a pair that is ruled out
_RULED_OUT = -1.0


class Linker:
    """Assesses pairs of documents and groups them by constrained average linkage.

    Only the verdict of a pair (its score, or "ruled out") is cached; its
    explanation is formatted when a merge it supports is kept, so memory stays
    a few dozen bytes per assessed pair.

    Args:
        infos: every document, ``infos[k].idx == k``, sorted by document id.
        tfidf: TF-IDF vectors of the same documents.
        copies: ``(i, j) -> estimated Jaccard`` of near-verbatim pairs, ``i < j``.
    """

    def __init__(
        self, infos: Sequence[DocInfo], tfidf: TfIdf, copies: Mapping[tuple[int, int], float]
    ) -> None:
        self.infos = infos
        self.tfidf = tfidf
        self.copies = copies
        self._n = len(infos)
        self._cache: dict[int, float] = {}
        self._weights: dict[str, float] = {}

    def _weight(self, word: str) -> float:
        w = self._weights.get(word)
        if w is None:
            w = self._weights[word] = self.tfidf.weight(word)
        return w

    def named_in(self, k: int) -> Callable[[Participant], bool]:
        """Whether the text of document ``k`` names a participant (the first or last word of the name)."""

        def named(p: Participant) -> bool:
            words = name_words(p.name)
            if not words:
                return False
            for w in {words[0], words[-1]}:
                t = self.tfidf.term(w)
                if t is not None and self.tfidf.has_term(k, t):
                    return True
            return False

        return named

    # ------------------------------------------------------------------ pairs

    def score(self, i: int, j: int) -> float | None:
        """The (cached) score of documents ``i`` and ``j``; None when the pair is ruled out."""
        key = i * self._n + j if i < j else j * self._n + i
        got = self._cache.get(key)
        if got is None:
            a = self._assess(min(i, j), max(i, j), explain=False)
            got = self._cache[key] = a.score if a.ok and a.score is not None else _RULED_OUT
        return None if got == _RULED_OUT else got

    def assess(self, i: int, j: int) -> Assessment:
        """The full :class:`Assessment` of documents ``i`` and ``j``, with its explanation (not cached)."""
        return self._assess(min(i, j), max(i, j), explain=True)

    def _assess(self, i: int, j: int, explain: bool) -> Assessment:
        a, b = self.infos[i], self.infos[j]
        head = f"doc {short(a.id)} ~ doc {short(b.id)}: " if explain else ""
        jac = self.copies.get((i, j))
        cos = self.tfidf.cosine(i, j)
        if a.framed and b.framed:
            people = compare_people(a.people, b.people, self.named_in(i), self.named_in(j))
            if not people.ok:
                return Assessment(False, 0.0, head + people.note if explain else "")
            ts = type_score(a, b)
            if ts is None:
                return Assessment(False, 0.0, head + f"types {a.type} vs {b.type}" if explain else "")
            ds, dnote = date_score(a, b)
            if ds is None:
                return Assessment(False, 0.0, head + dnote + " (too far apart)" if explain else "")
            if summit_and_bilateral(a, b):
                # everyone at an in-person event shares its local day: a summit report and a
                # bilateral meeting report that each say their day, a day apart, are two events
                # (a host's bilateral on the eve of its summit); the one-day tolerance of
                # date_score is for calls, whose sides live in different time zones
                note = f"{dnote}, a summit and a bilateral meeting on different days" if explain else ""
                return Assessment(False, 0.0, head + note)
            pa, pb = reported_place(a), reported_place(b)
            if pa is not None and pb is not None and pa != pb:
                # an in-person event happens in one city: two reports each filed from the city its frame
                # places the event in, two different cities, are two events (a visit and the return visit
                # days later, whatever day the annotator gave them)
                note = f"held in {pa} and in {pb} (each datelined there)" if explain else ""
                return Assessment(False, 0.0, head + note)
            frame = 0.4 * people.score + 0.25 * ts + 0.35 * ds
            score = 0.5 * frame + 0.5 * min(1.0, cos / TEXT_SATURATION)
            if jac is not None:
                score = 1.0
            why = ""
            if explain:
                tnote = f"same type {a.type}" if a.type == b.type else f"types {a.type} / {b.type}"
                parts = [people.note, tnote, dnote, f"text similarity {cos:.2f}"]
                if jac is not None:
                    parts.append(f"near-verbatim copy (MinHash Jaccard {jac:.2f})")
                why = head + ", ".join(parts)
            return Assessment(True, round(score, 6), why)
        if jac is not None:
            return Assessment(
                True, 1.0, head + f"near-verbatim copy (MinHash Jaccard {jac:.2f})" if explain else ""
            )
        # a frameless document and another one (framed or not): wording, days, names and figures
        mixed = a.framed != b.framed
        kind = "only one has a diplomatic frame" if mixed else "no diplomatic frame"
        gap, ahead = self._pub_gap(a, b)
        if gap is not None and gap > FRAMELESS_MAX_GAP and not ahead:
            # two frameless documents days apart are two happenings; a frameless document has no
            # frame to contradict a framed one, so far from it, it only lowers the group's average
            return Assessment(mixed, 0.0, head + f"{kind}, published {gap} days apart" if explain else "")
        need = 0.0 if gap is not None else 0.2
        shared = overlap(a.profile.anchors, b.profile.anchors, self._weight)
        clash = conflict(a.profile.decimals, b.profile.decimals)
        text = min(1.0, cos / FRAMELESS_TEXT_SATURATION)
        named = None
        if mixed:
            f, other = (i, j) if a.framed else (j, i)
            named = self._named_share(f, other)
            if named == 0.0 and any(p.name for p in self.infos[f].people):
                # a report of an event names someone who took part in it: a text naming none of the
                # framed document's people is about something else, however alike the house style
                return Assessment(
                    False, 0.0, head + f"{kind}, none of the participants named" if explain else ""
                )
            score = 0.5 * text + 0.25 * shared + 0.25 * named - 0.3 * clash - need
        else:
            score = 0.5 * text + 0.5 * shared - 0.3 * clash - need
        why = ""
        if explain:
            if gap is None:
                when = "publication day unknown"
            else:
                when = f"published {gap} day{'s' if gap != 1 else ''} apart"
                if ahead:
                    when += " (the earlier written before the event)"
            why = f"{when}, text similarity {cos:.2f}, names and figures shared {shared:.2f}"
            if named is not None:
                why += f", participants named in the frameless text {named:.2f}"
            if clash:
                why += f", figures differ {sorted(a.profile.decimals)} vs {sorted(b.profile.decimals)}"
            why = head + f"{kind}, " + why
        return Assessment(True, round(max(score, 0.0), 6), why)

    def _named_share(self, framed: int, other: int) -> float:
        """The share of the framed document's named participants that the other document's text names."""
        people = [p for p in self.infos[framed].people if p.name]
        if not people:
            return 0.0
        named = self.named_in(other)
        return sum(1 for p in people if named(p)) / len(people)

    @staticmethod
    def _pub_gap(a: DocInfo, b: DocInfo) -> tuple[int | None, bool]:
        """Days between two documents, and whether the earlier was written ahead of the event it is about.

        The days are the publication days (for a framed document also its event
        day), the smallest gap counting. A pre-event document
        (:func:`~communique.cluster.blocking.pre_event`) may precede the other by
        up to :data:`AHEAD_MAX_GAP` days (or follow it by one).
        """
        gaps = [
            (abs(x - y), x - y)
            for x in {a.pub, a.date if a.framed else None} - {None}
            for y in {b.pub, b.date if b.framed else None} - {None}
            if x is not None and y is not None
        ]
        if not gaps:
            return None, False
        gap = min(g for g, _ in gaps)
        ahead = False
        if gap > FRAMELESS_MAX_GAP:
            for early, late in ((a, b), (b, a)):
                if pre_event(early) and early.pub is not None:
                    days = {late.pub, late.date if late.framed else None} - {None}
                    ahead = ahead or any(
                        early.pub - 1 <= d <= early.pub + AHEAD_MAX_GAP for d in days if d is not None
                    )
        return gap, ahead

    def threshold(self, i: int, j: int) -> float:
        """The score a pair needs to propose a merge: by the kinds of its two documents."""
        a, b = self.infos[i].framed, self.infos[j].framed
        if a and b:
            return FRAMED_THRESHOLD
        return MIXED_THRESHOLD if a or b else FRAMELESS_THRESHOLD

    # ------------------------------------------------------------------ groups

    def group(self, candidates: Iterable[tuple[int, int]]) -> tuple[list[list[int]], dict[int, list[str]]]:
        """Group the documents; returns the groups (sorted member lists) and the merge lines per group root.

        Near-verbatim copies are joined first; then candidate pairs above the
        threshold, strongest first (ties by index), merge their groups when the
        groups are compatible on every cross pair and their average cross-pair
        score clears the threshold.
        """
        n = len(self.infos)
        parent = list(range(n))
        members: dict[int, list[int]] = {k: [k] for k in range(n)}
        why: dict[int, list[str]] = {}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def try_merge(i: int, j: int, force: bool) -> None:
            ri, rj = find(i), find(j)
            if ri == rj:
                return
            scores: list[float] = []
            for x in members[ri]:
                for y in members[rj]:
                    s = self.score(x, y)
                    if s is None:
                        return
                    scores.append(s)
            if not scores:
                return
            avg = sum(scores) / len(scores)
            bar = self.threshold(i, j)
            if self.infos[i].framed or self.infos[j].framed:
                bar *= AVERAGE_FACTOR
            if not force and avg < bar:
                return
            root, other = (ri, rj) if ri < rj else (rj, ri)
            parent[other] = root
            members[root] = sorted(members[root] + members.pop(other))
            lines = why.setdefault(root, []) + why.pop(other, [])
            line = self.assess(i, j).why
            if len(scores) > 1:
                line += f" (average over {len(scores)} pairs {avg:.2f})"
            lines.append(line)
            why[root] = lines

        for i, j in sorted(self.copies):
            if self.score(i, j) is not None:
                try_merge(i, j, force=True)
        edges: list[tuple[float, int, int]] = []
        for i, j in sorted(set(candidates)):
            s = self.score(i, j)
            if s is not None and s >= self.threshold(i, j):
                edges.append((-s, i, j))
        edges.sort()
        for _, i, j in edges:
            try_merge(i, j, force=False)
        groups = sorted(members.values())
        return groups, {members[r][0]: why.get(r, []) for r in members}
