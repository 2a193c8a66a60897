"""Participants as people: matching names across documents and merging them into one list.

An event is defined by who took part, and "who" means people, not countries:
the President and the Vice President of one country meeting the same guest on
the same day are two events. Documents name one person in different ways
("Xi" / "Xi Jinping", "Joe Biden" / "Joseph R. Biden, Jr.", "Sheikh Tamim" /
"Tamim bin Hamad Al Thani", "Shri Narendra Modi", "Mr KISHIDA Fumio",
"Erdoğan" / "Erdogan", "Zelenskyy" / "Zelensky"), so names are compared on
their identifying words: lower-cased, accents folded, titles and honorifics
dropped, one-letter slips allowed in long words (:func:`words_match`). Two
participants are one person when their countries do not disagree and either
the words of one name are a subset of the other's or both end in the same
surname (or when their full names are identical, whatever countries an
annotator attached).

Comparing two frames (:func:`compare_people`) is more forgiving than merging,
because annotators err: a full name matching across two different countries is
taken to be one person whose country one annotator got wrong, and a
participant only one side lists does not contradict the other side when that
side's text names him too, or when the annotator could not even tie him to a
country (a stray word taken for a name). What stays decisive is a country whose
named people on the two sides are plainly different people.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from communique.model import Participant, Span

#: words of a name that say nothing about who it is (titles, honorifics, particles)
NAME_NOISE = frozenset(
    """mr mrs ms dr jr sr sir his her excellency he sheikh shaikh sheikha president prime minister chancellor
    amir emir king queen prince princess crown premier vice secretary state general al bin ibn bint de da di
    el la le van von der du des dos do shri sri smt shrimati hrh hh hon honourable honorable rt right mister
    madam madame mme herr frau senor senora dona sayyid sayed tun dato datuk haji hajj majesty highness royal
    serene lord lady dame prof professor comrade marshal""".split()
)
_SPLIT = re.compile(r"[\s.\-'’,()]+")
#: letters NFKD does not decompose, folded by hand
_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})
#: shortest word in which one edited letter is taken as a spelling variant (Zelensky/Zelenskyy)
FUZZY_MIN_LEN = 6


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: 'Erdoğan' -> 'erdogan', 'Lula da Silva' -> 'lula da silva'."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 16)
def name_words(name: str | None) -> tuple[str, ...]:
    """The identifying words of a name, folded, in order: 'Joseph R. Biden, Jr.' -> ('joseph', 'biden')."""
    if not name:
        return ()
    return tuple(w for w in _SPLIT.split(fold(name)) if len(w) > 1 and w not in NAME_NOISE)


def words_match(x: str, y: str) -> bool:
    """Two name words are the same word, or, from :data:`FUZZY_MIN_LEN` letters, one edit apart with the same first letter.

    Transliterations of one name differ by a letter ("zelensky"/"zelenskyy",
    "zelenskiy"/"zelenskyy"); two different surnames of six letters or more
    that share their first letter and differ by one letter are rare.
    """
    if x == y:
        return True
    if min(len(x), len(y)) < FUZZY_MIN_LEN or x[0] != y[0] or abs(len(x) - len(y)) > 1:
        return False
    return _one_edit(x, y)


def _one_edit(x: str, y: str) -> bool:
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1 :] == y[i + 1 :]
    return x[i:] == y[i + 1 :]


def _subset(a: Sequence[str], b: Sequence[str]) -> bool:
    return all(any(words_match(x, y) for y in b) for x in a)


def same_name(p: Participant, q: Participant) -> bool:
    """Whether two names can be one person's, countries aside: one's words within the other's, or the same surname."""
    a, b = name_words(p.name), name_words(q.name)
    if not a or not b:
        return False
    return words_match(a[-1], b[-1]) or _subset(a, b) or _subset(b, a)


def same_person(p: Participant, q: Participant) -> bool:
    """Whether two named participants are one person (see the module docstring).

    Identical names of two or more words are one person even when the
    countries disagree: a full name is stronger evidence than a country an
    annotator attached to it.
    """
    if p.country and q.country and p.country != q.country:
        a = name_words(p.name)
        return len(a) >= 2 and a == name_words(q.name)
    return same_name(p, q)


def same_person_across_countries(p: Participant, q: Participant) -> bool:
    """One person whose country an annotator got wrong: the names match and at least one is a full name.

    Two surnames alone ("Kim" and "Kim") under two countries are not enough.
    """
    if not same_name(p, q):
        return False
    return max(len(name_words(p.name)), len(name_words(q.name))) >= 2


def _key(p: Participant) -> tuple[int, int, str]:
    """Sort key preferring the fullest name: more words, then longer, then alphabetical."""
    words = name_words(p.name)
    return (-len(words), -len(p.name or ""), p.name or "")


def merge_people(groups: Iterable[Sequence[Participant]]) -> tuple[Participant, ...]:
    """One participant per person across several lists, keeping the fullest name and every Span.

    Mentions are grouped by :func:`same_person`; groups whose names then match
    across countries (:func:`same_person_across_countries`) are one person with
    a misattributed country. A state-only participant (no name) is dropped when
    a named person of its country is present, else kept once per country. Role
    and country are the most frequent non-empty values among the merged
    mentions. The result is sorted by (country, name) so it does not depend on
    input order.
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
    if len(people) > 1:
        people = _join_across_countries(people)
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


def _join_across_countries(people: list[list[Participant]]) -> list[list[Participant]]:
    """Join person groups whose fullest names match although their countries differ (one is misattributed)."""
    out: list[list[Participant]] = []
    for cluster in people:
        best = min(cluster, key=_key)
        for other in out:
            if same_person_across_countries(best, min(other, key=_key)):
                other.extend(cluster)
                break
        else:
            out.append(list(cluster))
    return out


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
    people on both sides that are plainly different people, or a participant
    one side lists is neither on the other side nor named in its text (nor a
    stray name without a country). ``score`` is 1 for the same people, less for
    a subset, a partial overlap, a country mismatch or participants only named
    in the other text; 0.3 when one side names nobody (no evidence either way).
    ``note`` is a callable so the explanation is only formatted for merges
    that are kept.
    """

    ok: bool
    score: float
    kind: str  # same | subset | partial | named | unknown | conflict | different
    detail: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        d = ", ".join(self.detail)
        return {
            "same": f"same participants {{{d}}}",
            "subset": f"participants {{{d}}} in common (subset)",
            "partial": f"participants {{{d}}} in common (partial)",
            "unknown": "participants unknown on one side",
            "conflict": f"different people of {d}",
            "different": f"different participants {d}",
        }.get(self.kind, f"participants in common {d}")


#: people score by how the lists relate (see :func:`compare_people`)
PEOPLE_SCORE = {
    "same": 1.0,
    "subset2": 0.85,
    "subset1": 0.5,
    "partial": 0.6,
    "named": 0.5,
    "halves": 0.3,
    "unknown": 0.3,
}
#: people score lost per participant matched only by name across two countries
COUNTRY_MISMATCH_PENALTY = 0.15

Named = Callable[[Participant], bool]


def compare_people(
    a: Sequence[Participant],
    b: Sequence[Participant],
    named_in_a: Named | None = None,
    named_in_b: Named | None = None,
) -> PeopleMatch:
    """Compare the participants of two frames (see :class:`PeopleMatch`).

    Args:
        a, b: the participants of the two frames.
        named_in_a, named_in_b: whether a participant is named in the text of
            document a (b); a participant only the other frame lists counts as
            missed by this document's annotator when this text names him.

    Steps: people match by name (:func:`same_person`, or
    :func:`same_person_across_countries` at a small cost), a state-only
    participant by country. A country with named people on both sides none of
    whom matches anybody on the other side is a conflict (two leaders of one
    country). Then the lists are the same, one contains the other, share two
    people or more, or share at least one while every participant only one
    side lists is named in the other text or has no country: all compatible.
    Otherwise they are different participants.
    """
    a = merge_people([a])
    b = merge_people([b])
    if not a or not b:
        return PeopleMatch(True, PEOPLE_SCORE["unknown"], "unknown")

    cross: set[tuple[int, int]] = set()  # name matches across two countries

    def match(i: int, j: int) -> bool:
        p, q = a[i], b[j]
        if p.name and q.name:
            if same_person(p, q):
                return True
            if same_person_across_countries(p, q):
                cross.add((i, j))
                return True
            return False
        return bool(p.country) and p.country == q.country

    pairs = {(i, j) for i in range(len(a)) for j in range(len(b)) if match(i, j)}
    ma = sorted({i for i, _ in pairs})
    mb = sorted({j for _, j in pairs})
    # a country whose named people on the two sides match nobody: different people
    for country in sorted(
        {p.country for p in a if p.name and p.country} & {q.country for q in b if q.name and q.country}
    ):
        pa = [i for i, p in enumerate(a) if p.country == country and p.name]
        pb = [j for j, q in enumerate(b) if q.country == country and q.name]
        if not any(i in ma for i in pa) and not any(j in mb for j in pb):
            return PeopleMatch(False, 0.0, "conflict", (f"{country}: {a[pa[0]].name} vs {b[pb[0]].name}",))
    shared = tuple(sorted({a[i].country or a[i].name or "" for i in ma}))
    penalty = COUNTRY_MISMATCH_PENALTY * len({i for i, _ in cross})
    if cross:
        shared += tuple(f"{a[i].name}: {a[i].country} or {b[j].country}" for i, j in sorted(cross))
    ua = [i for i in range(len(a)) if i not in ma]
    ub = [j for j in range(len(b)) if j not in mb]
    if not ua and not ub:
        return PeopleMatch(True, round(PEOPLE_SCORE["same"] - penalty, 6), "same", shared)
    if not ua or not ub:
        small = min(len(a), len(b))
        if small == 1 and named_in_a is not None and named_in_b is not None:
            # one lone participant matches: the frame that lists only him says nothing about the
            # others, so its text must name at least one of them (the counterpart a report of the same
            # event names; a report of his next meeting names someone else)
            others, named = ([b[j] for j in ub], named_in_a) if ub else ([a[i] for i in ua], named_in_b)
            if not any(p.name and named(p) for p in others):
                left = sorted(p.name or p.country or "?" for p in others)
                return PeopleMatch(
                    False, 0.0, "different", (f"{left} not named in the text listing one participant",)
                )
        base = PEOPLE_SCORE["subset2" if small >= 2 else "subset1"]
        return PeopleMatch(True, round(base - penalty, 6), "subset", shared)
    if len(ma) >= 2 and len(mb) >= 2:
        return PeopleMatch(True, round(PEOPLE_SCORE["partial"] - penalty, 6), "partial", shared)

    def excused(p: Participant, named: Named | None) -> bool:
        return not p.country or (named is not None and bool(p.name) and named(p))

    if len(a) == len(b) == 1 and named_in_a is not None and named_in_b is not None:
        # each frame kept one participant, a different one: two halves of one bilateral event when
        # each text names the other's participant (and their countries differ: checked above)
        p, q = a[0], b[0]
        if p.name and q.name and named_in_b(p) and named_in_a(q):
            halves = (f"{p.name} and {q.name}, each named in the other text",)
            return PeopleMatch(True, PEOPLE_SCORE["halves"], "named", halves)
    if ma and all(excused(a[i], named_in_b) for i in ua) and all(excused(b[j], named_in_a) for j in ub):
        extra = sorted(p.name or p.country or "?" for p in [a[i] for i in ua] + [b[j] for j in ub])
        detail = (*shared, "others named in the other text or without a country: " + ", ".join(extra))
        return PeopleMatch(True, round(PEOPLE_SCORE["named"] - penalty, 6), "named", detail)
    left = sorted(a[i].country or a[i].name or "?" for i in ua)
    right = sorted(b[j].country or b[j].name or "?" for j in ub)
    return PeopleMatch(False, 0.0, "different", (f"{left} vs {right}",))
