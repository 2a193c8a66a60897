"""A fallback event frame for documents the main builder (:mod:`.frame`) leaves without one.

Used only when :func:`~communique.annotate.frame.build_frame` finds no event or fewer than two
participants. It looks at the headline and the first sentences only, for a diplomatic trigger
(met, received, hosted, held talks, a telephone conversation, signed ... agreement, congratulated, a
virtual summit), takes the people that trigger links, and completes what the main builder's stricter
rules leave open:

* a nameless office as subject ("The President received ...", "The Prime Minister today held ...") is
  the publisher's own principal;
* a headline with no subject ("Telephone conversation with President of X Y") has the text's principal
  of another country as its other side;
* untitled names are confirmed as leaders by a plural rank phrase ("the two presidents");
* countries from the text next to a name ("Serbia's A", "Ukrainian Minister B", "signed for Israel"),
  a "A-B" pair in the headline, the publisher and dateline rules of :mod:`.frame`, and the place of the
  event for the receiving side ("received X in <city>").

A signing in the lead ("signed the agreement", "initialled ... a deal", "put their signatures to the
text") is read first: its participants are the officials of the lead's signing sentences (signatories and
the leaders in whose presence they sign), with offices from plural lists ("Foreign Ministers A and B",
paired in order with a parallel list whose countries are known), from "the presidents of A, B and C" (one
holder per country) and from an office before an honorific and initials ("Minister Dr. S. A"); a leader
in whose presence the parties sign, of no country the text gives, is of the dateline's country. A signing
"at the summit" of three or more states is the summit.

It stays precise: the frame needs two principals of two different countries (or one placed and one
leader of unknown country), linked by one trigger in the lead. Date, location and host come from the
main builder's own routines, so every field carries the same evidence spans.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence

from communique.annotate.actors import Actors, Person, fold
from communique.annotate.dates import FUTURE, Time
from communique.annotate.frame import (
    PERSON_JOIN,
    TRIGGERS,
    FrameParts,
    Unit,
    _choose_date,
    _host_leader,
    _linked,
    _locate,
    _recalled_clauses,
    _TextTriggers,
)
from communique.annotate.lexicon import Lexicon, Publisher, tokenize
from communique.annotate.types import KnownPeople

_I = re.IGNORECASE
_LEAD = 4  # body sentences read (a dateline line counts as one)
_VIDEO = TRIGGERS[0][1]
_PHONE = re.compile(r"\b(?:tele)?phone\b", _I)
_SIGN = re.compile(r"\b(?:sign(?:ed|s|ing)?|initial(?:l)?(?:ed|s|ing)?)\b", _I)
_INSTRUMENT = re.compile(
    r"\b(?:agreements?|treat(?:y|ies)|accords?|declarations?|deal|pact|memorand(?:um|a)|document|text)\b", _I
)
_RANK_GROUP = re.compile(
    r"\b(?:the|both) (?:two )?(presidents|leaders|prime ministers|chancellors|heads of state|heads of government)\b",
    _I,
)
_GROUP_ROLE = {"presidents": "President", "prime ministers": "Prime Minister", "chancellors": "Chancellor"}
_THE_TITLE = re.compile(r"\bThe ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,2})\b")
_RECEIVE = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes)\b", _I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,4}$")
_DEMONYM_GAP = re.compile(r"^\s+(?:[A-Z][\w-]*\s+){0,4}$")
_FOR_GAP = re.compile(r"^\s*(?:signed\s+)?for\s+(?:the\s+)?$", _I)
_PAIR = re.compile(r"^\s*[-–—/]\s*$")


def _principal(p: Person) -> bool:
    return p.rank <= 2 or p.rank == 9


def _copy_actors(actors: Actors) -> Actors:
    people = []
    for p in actors.people:
        q = copy.copy(p)
        q.mentions = list(p.mentions)
        q.country_evidence = list(p.country_evidence)
        q.surfaces = list(p.surfaces)
        q.words = set(p.words)
        people.append(q)
    return Actors(actors.entities, people, dict(actors.mention_of), actors.groups)


def _nameless_subjects(work: Actors, units: Sequence[Unit], lex: Lexicon) -> None:
    """ "The President received ...": a definite capitalised office with no name, not "of <Country>", is a
    person (the publisher's own principal) when the actors have none at that place."""
    for u in units:
        for m in _THE_TITLE.finditer(u.text, u.start, u.end):
            s, e = m.start(1), m.end(1)
            if re.match(r"\s+of\b", u.text[e : e + 5]):
                continue
            toks = tokenize(u.text, s, e)
            hit = lex.match_title(toks, 0) if toks else None
            if hit is None:
                continue
            entry, n = hit
            if n != len(toks) or not entry.extra.isdigit() or int(entry.extra) != 1:
                continue
            key = (m.start(), e, u.in_title)
            over = [(a, b, t) for (a, b, t) in work.mention_of if t == u.in_title and a < e and s < b]
            if over:
                # "The President received President X": the nameless subject was merged into the named
                # object of its own sentence; it is someone else
                a, b, t = over[0]
                owner = work.people[work.mention_of[(a, b, t)]]
                later = [x for x, _y in owner.mentions if b < x < u.end] if not u.in_title else []
                if len(over) > 1 or owner.name is None or not later or (a, b) not in owner.mentions:
                    continue
                del work.mention_of[(a, b, t)]
                owner.mentions.remove((a, b))
                owner.first = min((x for x, _y in owner.mentions if x >= 0), default=owner.first)
            same = [
                i
                for i, p in enumerate(work.people)
                if p.name is None and p.role == entry.value and p.rank == 1
            ]
            if same:
                idx = same[0]
            else:
                work.people.append(Person(None, set(), None, entry.value, 1))
                idx = len(work.people) - 1
            p = work.people[idx]
            work.mention_of[key] = idx
            p.mentions.append((m.start(), e) if not u.in_title else (-1, -1))
            p.surfaces.append(u.text[m.start() : e])
            if not u.in_title:
                p.first = min(p.first, m.start())


def _text_countries(work: Actors, idx: int, clean: str) -> None:
    """A country written next to a person's mention: "Serbia's A", "Ukrainian Minister B", "B signed for
    Israel"."""
    p = work.people[idx]
    if p.country:
        return
    ents = sorted(
        (s, e, entry.value)
        for s, e, entry, t in work.entities
        if not t and entry.kind in ("country", "demonym", "org")
    )
    for ms, me in p.mentions:
        if ms < 0:
            continue
        for s, e, c in ents:
            if e <= ms and ms - e <= 40:
                gap = clean[e:ms]
                if _POSSESSIVE_GAP.match(gap) or (
                    clean[s:e][:1].isupper() and _DEMONYM_GAP.match(gap) and "\n" not in gap
                ):
                    p.country, p.country_source = c, "text (fallback)"
                    p.country_evidence.append((s, me))
                    return
            if s >= me and s - me <= 20 and _FOR_GAP.match(clean[me:s]):
                p.country, p.country_source = c, "text (fallback)"
                p.country_evidence.append((ms, e))
                return


def _title_pair(work: Actors, title: str | None, known: str, units: Sequence[Unit] = ()) -> str | None:
    """The other country of an "A-B" pair in a separate headline ("Australia-India Leaders' Summit") or in
    a lead sentence ("the India-China border areas")."""
    scopes: list[tuple[str, bool, int, int]] = [(title, True, 0, len(title))] if title else []
    scopes += [(u.text, False, u.start, u.end) for u in units if not u.in_title]
    for text, in_title, a, b in scopes:
        ents = sorted(
            (s, e, entry.value)
            for s, e, entry, t in work.entities
            if t == in_title and a <= s and e <= b and entry.kind in ("country", "demonym")
        )
        for (_s1, e1, c1), (s2, _e2, c2) in zip(ents, ents[1:], strict=False):
            if c1 != c2 and known in (c1, c2) and _PAIR.match(text[e1:s2]):
                return c2 if c1 == known else c1
    return None


_PLURAL_BEFORE = re.compile(
    r"\b((?:[A-Z][a-z]+\s+){0,3}(?:Ministers|Presidents|Premiers|Chancellors|Secretaries))\s+$"
)
_SINGULAR = {
    "Ministers": "Minister",
    "Presidents": "President",
    "Premiers": "Premier",
    "Chancellors": "Chancellor",
    "Secretaries": "Secretary",
}
_HONORIFIC = re.compile(
    r"\b((?:[A-Z][a-z]+\s+){1,3}Minister)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"((?:[A-Z]\.\s*)*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
_OFFICES_OF = re.compile(
    r"\bthe (presidents|prime ministers|foreign ministers|leaders|heads of state|heads of government) of "
    r"((?:(?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*,? )+and (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)",
    _I,
)
_OFFICE_ROLE = {
    "presidents": "President",
    "prime ministers": "Prime Minister",
    "foreign ministers": "Foreign Minister",
}
_SIGNATURE = re.compile(
    r"\b(?:sign(?:ed|s)?|initial(?:l)?(?:ed|s)?|put (?:their|his|her) (?:signatures?|names?) to)\b", _I
)
_AT_SUMMIT = re.compile(
    r"\bat\s+(?:the\s+)?(?:(?:end|close|margins?)\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,3}summit\b", _I
)
_GUESSED = frozenset(["text (main country)", "dateline", "venue", "host", "host place"])
_PRESENCE = re.compile(
    r"\b(?:in the presence of|witness(?:ed)?|looked on|hosted by|signed as a witness)\b", _I
)


def _title_rank(role: str, lex: Lexicon) -> tuple[str, int]:
    """The lexicon's form and rank of an office written out in full; rank 2 for an unknown portfolio."""
    toks = tokenize(role, 0, len(role))
    hit = lex.match_title(toks, 0) if toks else None
    if hit and hit[1] == len(toks) and hit[0].extra.isdigit():
        return hit[0].value, int(hit[0].extra)
    return role, 2


def _mentions_in(work: Actors, u: Unit) -> list[tuple[int, int, int]]:
    return sorted(
        (s, e, i)
        for (s, e, t), i in work.mention_of.items()
        if t == u.in_title and s >= u.start and e <= u.end
    )


def _titled_lists(work: Actors, units: Sequence[Unit], lex: Lexicon) -> None:
    """ "Foreign Ministers A and B": a plural office before a list of names is each name's office; and
    "External Affairs Minister Dr. S. A": an office before an honorific and initials names a person. Two
    such lists of one length in one sentence, one without countries and one with a different country per
    name, pair in order ("Foreign Ministers A and B signed while Prime Ministers C and D looked on")."""
    for u in units:
        if u.in_title:
            continue
        text = u.text
        taken = [(s, e) for s, e, _i in _mentions_in(work, u)]
        for m in _HONORIFIC.finditer(text, u.start, u.end):
            s, e = m.start(2), m.end(2)
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            role, rank = _title_rank(" ".join(m.group(1).split()), lex)
            name = " ".join(m.group(2).split())
            surname = name.split()[-1]
            person = Person(name, {w.lower() for w in name.replace(".", " ").split()}, None, role, rank)
            person.mentions.append((m.start(), e))
            person.surfaces.append(text[m.start() : e])
            person.first = m.start()
            work.people.append(person)
            idx = len(work.people) - 1
            work.mention_of[(m.start(), e, False)] = idx
            taken.append((m.start(), e))
            # later bare mentions of the surname ("Mr. A said") are the same person
            spans = [(a, b) for a, b, t in work.mention_of if not t]
            for hit in re.compile(r"\b" + re.escape(surname) + r"\b").finditer(text, e):
                key = (hit.start(), hit.end(), False)
                if not any(a < hit.end() and hit.start() < b for a, b in spans):
                    work.mention_of[key] = idx
                    person.mentions.append((hit.start(), hit.end()))
        ments = _mentions_in(work, u)
        lists: list[list[int]] = []
        k = 0
        while k < len(ments):
            s, e, i = ments[k]
            plural = _PLURAL_BEFORE.search(text, max(u.start, s - 60), s)
            if plural is None:
                k += 1
                continue
            words = plural.group(1).split()
            role, rank = _title_rank(" ".join(words[:-1] + [_SINGULAR[words[-1]]]), lex)
            group = [i]
            prev = e
            k += 1
            while k < len(ments) and PERSON_JOIN.match(text[prev : ments[k][0]]):
                group.append(ments[k][2])
                prev = ments[k][1]
                k += 1
            if len(group) < 2:
                continue
            for j in group:
                p = work.people[j]
                if p.role is None or p.rank == 9:
                    p.role, p.rank = role, rank
            lists.append(group)
        for a in lists:
            for j in a:
                _text_countries(work, j, text)
        for a in lists:
            if any(work.people[j].country for j in a):
                continue
            for b in lists:
                cs = [work.people[j].country for j in b]
                if b is not a and len(b) == len(a) and all(cs) and len(set(cs)) == len(cs):
                    for j, c in zip(a, cs, strict=True):
                        work.people[j].country, work.people[j].country_source = c, "text (parallel list)"
                    break


def _country_offices(work: Actors, units: Sequence[Unit], clean: str, lex: Lexicon) -> None:
    """ "The prime ministers of A and B": one person per country, that country's holder of the office (the
    text's named holder when it has one)."""
    for u in units:
        if u.in_title:
            continue
        for m in _OFFICES_OF.finditer(clean, u.start, u.end):
            plural = m.group(1).lower()
            role = _OFFICE_ROLE.get(plural)
            rank = _title_rank(role, lex)[1] if role else 1
            ents = [
                (s, e, entry.value)
                for s, e, entry, t in work.entities
                if not t and m.start(2) <= s and e <= m.end(2) and entry.value in lex.country_name
            ]
            for s, e, c in ents:
                if (s, e, False) in work.mention_of:
                    continue
                same = [
                    i
                    for i, p in enumerate(work.people)
                    if p.country == c and p.rank <= 2 and (role is None or p.role == role)
                ]
                if len(same) == 1:
                    idx = same[0]
                else:
                    work.people.append(Person(None, set(), c, role, rank))
                    idx = len(work.people) - 1
                p = work.people[idx]
                p.mentions.append((s, e))
                p.surfaces.append(clean[m.start() : e])
                p.first = min(p.first, s)
                if p.country is None:
                    p.country = c
                p.country_evidence.append((s, e))
                p.country_source = p.country_source or "text"
                work.mention_of[(s, e, False)] = idx


def _signing(
    work: Actors, units: Sequence[Unit], clean: str, lex: Lexicon, dateline: str | None
) -> FrameParts | None:
    """A signing told in the lead: a sentence where a party signs an instrument ("signed the agreement",
    "put their signatures to the text") and the lead's signing sentences, whose principals (signatories
    and the leaders in whose presence they sign) are the participants."""
    anchor: tuple[Unit, int, int] | None = None
    for u in units:
        rec = _recalled_clauses(u.text, u.start, u.end)
        for m in _SIGNATURE.finditer(u.text, u.start, u.end):
            if any(x <= m.start() < y for x, y in rec):
                continue
            if _INSTRUMENT.search(u.text, m.end(), min(u.end, m.end() + 80)):
                anchor = (u, m.start(), m.end())
                break
        if anchor:
            break
    if anchor is None:
        return None
    au, ts, te = anchor
    body = [u for u in units if not u.in_title and (au.in_title or u.start >= au.start)][:3]
    people: list[int] = []
    for u in body:
        rec = _recalled_clauses(u.text, u.start, u.end)
        if not any(
            not any(x <= m.start() < y for x, y in rec) for m in _SIGNATURE.finditer(clean, u.start, u.end)
        ):
            continue
        for s, _e, i in _mentions_in(work, u):
            if any(x <= s < y for x, y in rec) or i in people:
                continue
            if work.people[i].rank <= 2:
                people.append(i)
    if len(people) < 2:
        return None
    ppl = work.people
    for i in people:
        if ppl[i].country_source in _GUESSED:
            # the main builder's guesses for a countryless name (the story's main country, the dateline's)
            # give way to what the signing sentences say
            ppl[i].country = None
        _text_countries(work, i, clean)
    place = lex.place_of(dateline) if dateline else None
    if place is not None:
        # a leader "in whose presence" the parties sign, of no country the text gives, hosts the ceremony
        others = {ppl[i].country for i in people if ppl[i].country}
        for i in people:
            p = ppl[i]
            if (
                p.country is None
                and p.rank == 1
                and place.value not in others
                and any(_PRESENCE.search(clean, max(0, s - 40), s) for s, _e in p.mentions if s >= 0)
            ):
                p.country, p.country_source = place.value, "text (host place)"
    people = [i for i in people if ppl[i].country]
    if len(people) < 2 or len({ppl[i].country for i in people}) < 2:
        return None
    fp = FrameParts()
    fp.unit = au
    fp.type_span = (ts, te)
    fp.participants = people
    states = {c for i in people if (c := ppl[i].country) in lex.country_name}
    at_summit = any(_AT_SUMMIT.search(clean, u.start, u.end) for u in body)
    fp.type = "summit" if at_summit and len(states) >= 3 else "agreement"
    window = au.text[max(au.start, ts - 70) : min(au.end, te + 40)]
    fp.status = "planned" if FUTURE.search(window) else "held"
    return fp


def _valid(work: Actors, people: list[int]) -> bool:
    if len(people) < 2:
        return False
    countries = [work.people[i].country for i in people]
    known = {c for c in countries if c}
    unknown = [i for i in people if work.people[i].country is None]
    if len(known) >= 2:
        return True
    return len(known) == 1 and len(unknown) == 1 and work.people[unknown[0]].rank == 1


def fallback_frame(
    clean: str,
    title: str | None,
    sentences: Sequence[tuple[int, int]],
    actors: Actors,
    times: Sequence[Time],
    title_times: Sequence[Time],
    anchor: dt.date | None,
    published: dt.date | None,
    publisher: Publisher | None,
    lex: Lexicon,
    dateline: str | None,
    known: KnownPeople | None = None,
) -> FrameParts | None:
    """A frame from the lead when the main builder found none (see module docstring); None if the lead
    tells no diplomatic event between two principals of different countries. On success, ``actors`` gains
    the people and countries this frame relies on. ``known`` (full name -> country, role, from the rest of
    the corpus) places people the text names without a country, as in :func:`annotate`."""
    units: list[Unit] = []
    if title:
        units.append(Unit(0, len(title), title, True, -1))
    for k, (s, e) in enumerate(sentences[:_LEAD]):
        units.append(Unit(s, e, clean, False, k))
    if not units:
        return None
    triggers = _TextTriggers(clean, title)
    base = _copy_actors(actors)
    if known:
        _known_countries(base, known)
    _nameless_subjects(base, units, lex)
    _titled_lists(base, units, lex)
    _country_offices(base, units, clean, lex)
    lead_end = units[-1].end if not units[-1].in_title else 0
    work = _copy_actors(base)
    fp = _signing(work, units, clean, lex, dateline)
    if fp is not None:
        _choose_date(fp, clean, sentences, work, times, title_times, anchor, published, triggers)
        _locate(fp, clean, sentences, work, lex, dateline, triggers)
        _host_leader(fp, work)
        _commit(actors, work)
        return fp
    for u in units:
        for typ, ts, te in triggers(u.text, u.start, u.end):
            work = _copy_actors(base)
            fp = _try(
                work, u, typ, ts, te, clean, title, sentences, units, publisher, lex, dateline, lead_end
            )
            if fp is None:
                continue
            _choose_date(fp, clean, sentences, work, times, title_times, anchor, published, triggers)
            if fp.type in ("meeting", "visit", "summit", "agreement"):
                _locate(fp, clean, sentences, work, lex, dateline, triggers)
                _host_leader(fp, work)
            _commit(actors, work)
            return fp
    return None


def _known_countries(work: Actors, known: KnownPeople) -> None:
    """People without a country whose name the corpus knows take its country (and role if they have none).

    A full name must match a known full name (case and accents aside); a single word ("Mr Putin" read as
    "Putin") must be the last word of exactly one known name, which then becomes the person's name.
    """
    full = {fold(name): (name, c, r) for name, (c, r) in known.items()}
    last: dict[str, list[str]] = {}
    for key in full:
        last.setdefault(key.split()[-1], []).append(key)
    for p in work.people:
        if p.country or not p.name:
            continue
        key = fold(p.name)
        hit = full.get(key)
        if hit is None and len(key.split()) == 1 and len(last.get(key, ())) == 1:
            hit = full[last[key][0]]
        if hit is None:
            continue
        name, country, role = hit
        if len(key.split()) == 1:
            p.name = name
            p.words.update(w.lower() for w in name.split())
        p.country = country
        p.country_source = "corpus"
        if p.role is None and role:
            p.role = role


def _commit(actors: Actors, work: Actors) -> None:
    actors.people[:] = work.people
    actors.mention_of.clear()
    actors.mention_of.update(work.mention_of)


def _try(
    work: Actors,
    u: Unit,
    typ: str,
    ts: int,
    te: int,
    clean: str,
    title: str | None,
    sentences: Sequence[tuple[int, int]],
    units: Sequence[Unit],
    publisher: Publisher | None,
    lex: Lexicon,
    dateline: str | None,
    lead_end: int,
) -> FrameParts | None:
    text = u.text
    if any(x <= ts < y for x, y in _recalled_clauses(text, u.start, u.end)):
        return None
    unit_text = text[u.start : u.end]
    if typ == "contact":
        if _PHONE.search(unit_text):
            typ = "phone call"
        elif re.search(r"\btalks\b|\bconversation\b", text[ts:te], _I):
            typ = "meeting"
        else:
            return None
    if _SIGN.match(text, ts) is None and typ == "agreement":
        return None
    people = [i for i in _linked(work, u, ts, te, text) if _principal(work.people[i])]
    if u.in_title and not text[u.start : ts].strip():
        # a headline with no subject: the other side is the text's principal of another country
        have = {work.people[i].country for i in people}
        for i in work.people_between(sentences[0][0] if sentences else 0, lead_end):
            p = work.people[i]
            if i not in people and p.rank == 1 and p.country not in have:
                people.insert(0, i)
                break
    if len(people) < 2:
        return None
    # untitled names confirmed as leaders by "the two presidents" in the unit or the next sentence
    scope_end = next((b for a, b in sentences if a > u.end), u.end) if not u.in_title else lead_end
    g = _RANK_GROUP.search(clean, u.start if not u.in_title else 0, max(scope_end, 0))
    if g:
        role = _GROUP_ROLE.get(g.group(1).lower())
        for i in people:
            p = work.people[i]
            if p.rank == 9 and p.name:
                p.rank = 1
                if role and not p.role:
                    p.role = role
    for i in people:
        _text_countries(work, i, clean)
    fp = FrameParts()
    fp.unit = u
    fp.type_span = (ts, te)
    fp.participants = list(people)
    ppl = work.people
    if publisher and publisher.country and publisher.country not in {ppl[i].country for i in people}:
        # only the publisher's own nameless office ("The President received ...") takes its country here:
        # the weaker dateline and main-country rules of the main builder would guess for untitled names
        own = [i for i in people if ppl[i].country is None and ppl[i].name is None and ppl[i].rank == 1]
        if own:
            ppl[own[0]].country, ppl[own[0]].country_source = publisher.country, "publisher"
    missing = [i for i in people if ppl[i].country is None]
    known = {c for i in people if (c := ppl[i].country)}
    if len(missing) == 1 and len(known) == 1:
        other = _title_pair(work, title, next(iter(known)), units)
        if other:
            ppl[missing[0]].country, ppl[missing[0]].country_source = other, "text (headline pair)"
            missing = []
    if missing and _RECEIVE.match(text, ts) and not u.in_title:
        # "A received B in <city>": the receiver is of the city's country when B's is known and another
        subj = [i for i in people if any(u.start <= s < ts for s, _e in ppl[i].mentions)]
        obj = [i for i in people if i not in subj]
        for m in _IN_PLACE.finditer(text, te, u.end):
            entry = lex.place_of(m.group(1))
            if entry is None:
                continue
            c = entry.value
            if subj and obj and all(ppl[i].country and ppl[i].country != c for i in obj):
                for i in subj:
                    if ppl[i].country is None:
                        ppl[i].country, ppl[i].country_source = c, "text (host place)"
                        ppl[i].country_evidence.append((m.start(1), m.end(1)))
            break
    if not _valid(work, people):
        return None
    if typ != "video call" and _VIDEO.search(unit_text):
        typ = "video call"
    if typ == "meeting" and _PHONE.search(unit_text):
        typ = "phone call"
    if typ == "agreement" and not _INSTRUMENT.search(text, ts, u.end):
        return None
    states = {c for i in people if (c := ppl[i].country) in lex.country_name}
    if typ == "summit" and len(states) < 3:
        typ = "meeting"
    elif typ == "meeting" and len(states) >= 3:
        typ = "summit"
    fp.type = typ
    window = text[max(u.start, ts - 70) : min(u.end, te + 40)]
    fp.status = "planned" if FUTURE.search(window) or (u.in_title and FUTURE.search(unit_text)) else "held"
    return fp
