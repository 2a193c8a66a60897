"""Participants as people: matching names across documents and merging them into one list.

An event is defined by who took part, and "who" means people, not countries:
the President and the Vice President of one country meeting the same guest on
the same day are two events. Documents name one person in different ways
("Xi" / "Xi Jinping", "Joe Biden" / "Joseph R. Biden, Jr.", "Sheikh Tamim" /
"Tamim bin Hamad Al Thani"), so two participants are taken to be one person
when their countries do not disagree and either the words of one name are a
subset of the other's or both end in the same surname (or when their full
names are identical, whatever countries an annotator attached).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from communique.model import Participant, Span

#: words of a name that say nothing about who it is (titles, honorifics, particles)
NAME_NOISE = frozenset(
    """mr mrs ms dr jr sr sir his her excellency he sheikh shaikh president prime minister chancellor
    amir emir king queen prince crown premier vice secretary state general al bin ibn de da di el la le
    van von der""".split()
)
_SPLIT = re.compile(r"[\s.\-'’,]+")


def name_words(name: str | None) -> tuple[str, ...]:
    """The identifying words of a name, lower-cased, in order: 'Joseph R. Biden, Jr.' -> ('joseph', 'biden')."""
    if not name:
        return ()
    return tuple(w for w in _SPLIT.split(name.lower()) if len(w) > 1 and w not in NAME_NOISE)


def same_person(p: Participant, q: Participant) -> bool:
    """Whether two named participants are one person (see the module docstring).

    Identical names of two or more words are one person even when the
    countries disagree: a full name is stronger evidence than a country an
    annotator attached to it.
    """
    a, b = name_words(p.name), name_words(q.name)
    if not a or not b:
        return False
    if p.country and q.country and p.country != q.country:
        return len(a) >= 2 and a == b
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa or a[-1] == b[-1]


def _key(p: Participant) -> tuple[int, int, str]:
    """Sort key preferring the fullest name: more words, then longer, then alphabetical."""
    words = name_words(p.name)
    return (-len(words), -len(p.name or ""), p.name or "")


def merge_people(groups: Iterable[Sequence[Participant]]) -> tuple[Participant, ...]:
    """One participant per person across several lists, keeping the fullest name and every Span.

    A state-only participant (no name) is dropped when a named person of its
    country is present, else kept once per country. Role and country are the
    most frequent non-empty values among the merged mentions. The result is
    sorted by (country, name) so it does not depend on input order.
    """
    people: list[list[Participant]] = []
    states: dict[str, list[Participant]] = {}
    for group in groups:
        for p in group:
            if not p.name:
                if p.country:
                    states.setdefault(p.country, []).append(p)
                continue
            for cluster in people:
                if any(same_person(p, q) for q in cluster):
                    cluster.append(p)
                    break
            else:
                people.append([p])
    out: list[Participant] = []
    for cluster in people:
        best = min(cluster, key=_key)
        country = _most_common(p.country for p in cluster)
        role = _most_common(p.role for p in cluster)
        spans = _union_spans(p.spans for p in cluster)
        out.append(Participant(best.name, country, role, spans))
    named_countries = {p.country for p in out if p.country}
    for country, ps in states.items():
        if country not in named_countries:
            out.append(
                Participant(
                    None, country, _most_common(p.role for p in ps), _union_spans(p.spans for p in ps)
                )
            )
    return tuple(sorted(out, key=lambda p: (p.country or "~", p.name or "")))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    if not counts:
        return None
    order = {v: k for k, v in enumerate(counts)}
    return min(
        counts, key=lambda v: (-counts[v], order[v])
    )  # ties: the first seen (callers put the best source first)


def _union_spans(groups: Iterable[Iterable[Span]]) -> tuple[Span, ...]:
    return tuple(sorted({s for g in groups for s in g}))


@dataclass(frozen=True)
class PeopleMatch:
    """How two participant lists relate.

    ``ok`` is False when they describe different events: a country has named
    people on both sides and none of them match, or the lists share fewer than
    two people while each has someone the other lacks. ``score`` is 1 for the
    same people, less for a subset or partial overlap, 0.3 when one side names
    nobody (no evidence either way).
    """

    ok: bool
    score: float
    note: str
    shared: tuple[str, ...]  # the shared countries (or names), for explanations


def compare_people(a: Sequence[Participant], b: Sequence[Participant]) -> PeopleMatch:
    """Compare the participants of two frames (see :class:`PeopleMatch`)."""
    a = merge_people([a])
    b = merge_people([b])
    if not a or not b:
        return PeopleMatch(True, 0.3, "participants unknown on one side", ())

    def match(p: Participant, q: Participant) -> bool:
        if p.name and q.name:
            return same_person(p, q)
        return bool(p.country) and p.country == q.country

    # a country whose named people on the two sides never match: different people
    for country in sorted(
        {p.country for p in a if p.name and p.country} & {q.country for q in b if q.name and q.country}
    ):
        pa = [p for p in a if p.country == country and p.name]
        pb = [q for q in b if q.country == country and q.name]
        if not any(same_person(p, q) for p in pa for q in pb):
            return PeopleMatch(
                False,
                0.0,
                f"different people of {country}: {pa[0].name} vs {pb[0].name}",
                (),
            )
    ma = [p for p in a if any(match(p, q) for q in b)]
    mb = [q for q in b if any(match(p, q) for p in a)]
    shared = tuple(sorted({p.country or p.name or "" for p in ma}))
    label = "{" + ",".join(shared) + "}"
    if len(ma) == len(a) and len(mb) == len(b):
        return PeopleMatch(True, 1.0, f"same participants {label}", shared)
    if len(ma) == len(a) or len(mb) == len(b):
        small = min(len(a), len(b))
        return PeopleMatch(
            True, 0.85 if small >= 2 else 0.5, f"participants {label} in common (subset)", shared
        )
    if len(ma) >= 2 and len(mb) >= 2:
        return PeopleMatch(True, 0.6, f"participants {label} in common (partial)", shared)
    ua = sorted(p.country or p.name or "?" for p in a if p not in ma)
    ub = sorted(q.country or q.name or "?" for q in b if q not in mb)
    return PeopleMatch(False, 0.0, f"different participants {ua} vs {ub}", shared)
