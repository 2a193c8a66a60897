"""The event frame of a document's MAIN event.

In: the cleaned text, its sentences, the resolved actors, the temporal
expressions, the anchor date and the publisher. Out: a :class:`FrameParts`
(type, status, date, participants, host, location, attendees, evidence)
that ``annotate`` turns into a :class:`~communique.model.Frame`.

How the main event is chosen: every sentence (and a headline that is not part
of the text) is a candidate *unit*. In each unit, each event trigger ("had a
telephone conversation", "spoke with", "met", "held talks", "via
videoconference", "welcoming ... to the White House", "visit") collects the
people it links: everyone mentioned before it in the clause (the subject) and
the first person after it plus those joined to that one by "and"/","
(the object). A unit scores for linking two leaders of different countries,
for being early (headline, lead), for its tense agreeing with the headline's
genre (an announcement is about a future event), and loses for recalling
another contact ("Following their September 9 phone call", "earlier this
year"). The best unit's trigger gives type and status; its date is the day
expression closest to that trigger, or else the first day expression in a
later sentence about the same event (a trigger plus a principal or "the two
leaders"), tense-consistent with the status; else the publication day
(``date_certain`` False). Location comes only from places attached to the
event ("in Beijing", "at the Kremlin", "to the White House", "visit to
Brussels"), then the dateline; the host is the location's country when it is a
participant's, else none (a third place).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.annotate.actors import Actors, Person
from communique.annotate.dates import FUTURE, Time
from communique.annotate.lexicon import Lexicon, Publisher

_I = re.IGNORECASE
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "video call",
        re.compile(
            r"\bvideo ?conferenc\w*|\bvideo[- ]?link\b|\bvideo ?call\b|\bvirtual(?:ly)?\b(?: (?:meeting|summit|talks|call|bilateral))?"
            r"|\bvia video\w*|\bby video\w*|\bonline (?:meeting|talks|summit)\b",
            _I,
        ),
    ),
    (
        "phone call",
        re.compile(
            r"\b(?:tele)?phone (?:call|conversation|talks?)s?\b|\btelephone\b|\bphone\b|\bcalls? with\b|\bcall between\b"
            r"|\bspoke\b|\bspeaks?\b|\bspoken\b|\bhad a call\b|\bhold a call\b"
            r"|\bcalled\b(?= (?:(?-i:[A-Z])|him\b|her\b|his\b|their\b|the (?:president|prime|chancellor|leader|king)))"
            r"|(?:(?<=\ba )|(?<=\bthe )|(?<=\btheir )|(?<=\bhis )|(?<=\bher )|(?<=\bthis )|(?<=\bthat )|(?<=\bfirst )"
            r"|(?<=\bsecond )|(?<=\blatest )|(?<=\banother )|(?<=\btwo )|(?<=\bfurther ))calls?\b(?! (?:on|for|upon) )",
            _I,
        ),
    ),
    ("summit", re.compile(r"\bsummit\b", _I)),
    (
        "meeting",
        re.compile(
            r"\bmet\b|\bmeets?\b|\bmeeting\b|\btalks\b|\bwelcom(?:ed|es|e|ing)\b|\breceived\b|\bhosted\b|\bhosts\b"
            r"|\bvisit(?:s|ed|ing)?\b|\bbilateral\b|\bsat down\b|\bsh(?:ook|aking|akes?) hands with\b",
            _I,
        ),
    ),
    (
        "message",
        re.compile(
            r"\b(?:message|letter|telegram)s?(?: of (?:congratulations?|condolences?|greetings?|support|thanks))?"
            r" (?:to|from)\b|\bcongratulatory (?:message|letter|telegram|note)\b|\bcongratulat(?:es|ed)\b",
            _I,
        ),
    ),
    ("contact", re.compile(r"\bconversations?\b|\btalked\b|\bdiscussions?\b|\bexchanged views\b", _I)),
    (
        "agreement",
        re.compile(
            r"\bsign(?:ed|s|ing)?\b[^.]{0,50}\b(?:agreements?|treat(?:y|ies)|deals?|memorand(?:um|a)|declarations?"
            r"|accords?|pacts?)\b"
            # an agreement reached without a signing: "agreed to restore diplomatic relations",
            # "reached an agreement", "concluded a peace accord"
            r"|\bagreed (?:[\w,]+ ){0,4}?to (?:restore|re-?establish|establish|resume|normali[sz]e)\b"
            r"|\b(?:reached|concluded|struck|clinched) (?:an?|the) (?:[\w-]+ ){0,2}(?:agreement|accord|deal|pact|treaty)\b"
            r"|(?:(?<=day['’]s )|(?<=week['’]s ))(?:signing|accords?|treaty|agreements?)\b",  # "Tuesday's signing"
            _I,
        ),
    ),
]
TYPE_PRIORITY = {
    "video call": 0,
    "phone call": 1,
    "summit": 2,
    "meeting": 3,
    "agreement": 4,
    "message": 5,
    "contact": 9,
}
ORG_TITLES = frozenset(["Secretary-General", "High Representative", "Commissioner", "Director-General"])
RECALL = re.compile(
    r"\b(earlier this|last (?:year|month|week|summer|spring|autumn|fall|winter)|previous|previously|following their|"
    r"since|ago|recalled|once again|when president|first time|has spoken|have spoken|had spoken|had met|have met|"
    r"has met|had (?:held|hosted|received|visited|talked|called)|last (?:met|spoke|talked|saw|held talks|visited))\b",
    _I,
)
# Another contact named inside the sentence of the main one ("a day after sitting down with X in Y,",
# "since they met in Bali"): its people and places are not the main event's.
REFERENCE = re.compile(
    RECALL.pattern[:-3]
    + r"|(?:a|one|two|three|four|five|several|a few) (?:days?|weeks?|months?) (?:after|before))\b",
    _I,
)
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "a day after <trigger>", "two days before the talks": the trigger's day is counted from another day
_DAY_OFFSET = re.compile(
    r"\b(a|one|two|three|four|five|six) days? (after|before)\s+(?:(?:the|their|his|her|its|a)\s+)?(?:[\w-]+\s+)?\Z",
    _I,
)
_COORD = re.compile(
    r"\band (?:then |later |also )?(?:held|met|spoke|had|hosted|received|visited|signed)\b|;", _I
)
_RELATIVE_AFTER = re.compile(r",\s*(?:where|when|after which|during which)\b", _I)
PERSON_JOIN = re.compile(r"^(?:\s*(?:,|and|, and|&)\s*)$", _I)
DAY_KINDS = ("iso", "mdy", "dmy", "rel", "weekday", "ordinal")
EVENT_NOUN = re.compile(
    r"\b(the (?:call|conversation|meeting|talks|visit|videoconference|summit)|the (?:two|top) leaders|both leaders"
    r"|(?:summit|meeting|talks|call|conversation) (?:between|of the leaders))\b",
    _I,
)
# A place told as the main event's own ("were held in Singapore", "met in Sochi"): beats a dateline.
STRONG_PLACE = re.compile(
    r"\b(?:held|took place|taking place|met|meet|meeting|talks|summit|signed|signing)\b[^.;]{0,40}?\b(?:in|at)\s+(?:the\s+)?$",
    _I,
)
ATTEND = re.compile(
    r"\battend(?:ed|ing)?\b|\bwere (?:also )?present\b|\balso present\b|\bjoined (?:the|them)\b|\bparticipated\b",
    _I,
)
DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)"
)
PLACE_PREP = re.compile(r"(?:\b(?:in|at|to|visit|visiting|visited|into)\s+(?:the\s+)?)$", _I)


DEBUG = False


@dataclass
class Unit:
    """A sentence (or the headline) considered as the carrier of the main event."""

    start: int
    end: int
    text: str
    in_title: bool
    index: int  # -1 for a separate headline


@dataclass
class FrameParts:
    type: str | None = None
    status: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_certain: bool = False
    date_span: tuple[int, int] | None = None
    participants: list[int] = field(default_factory=list)
    host: str | None = None
    location: str | None = None
    location_span: tuple[int, int] | None = None
    attendees: list[tuple[str, str | None, tuple[int, int]]] = field(default_factory=list)
    unit: Unit | None = None
    type_span: tuple[int, int] | None = None
    publisher_assigned: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    own_place_country: str | None = None  # country of a place the main sentence puts the event in
    ground: tuple[int, int] | None = None  # the body sentence that tells a headline's event


_GROUP = {t: t.replace(" ", "_") for t, _p in TRIGGERS}
# One pass for all types; the guard lets the engine skip positions that cannot start a word.
TRIGGER_RE = re.compile(
    r"\b(?=[A-Za-z])(?:" + "|".join(f"(?P<{_GROUP[t]}>{p.pattern})" for t, p in TRIGGERS) + ")", _I
)
_TYPE_OF = {g: t for t, g in _GROUP.items()}
# The same pass over a lower-cased text without re.I (several times faster in ``re``). The one
# case-sensitive piece ("called" before a capital) is widened to any letter and its hits are checked
# against TRIGGER_RE on the text as written. The guard names the first two letters of every trigger.
_LOW_SOURCE = TRIGGER_RE.pattern.replace("(?-i:[A-Z])", "[a-z]")
assert not any(c.isupper() for c in _LOW_SOURCE.replace("(?P<", "").replace("[A-Za-z]", ""))
TRIGGER_LOW = re.compile(
    r"\b(?=vi|vo|by|on|te|ph|ca|sp|ha|ho|su|me|ta|we|re|bi|sa|le|co|di|ex|si|tr|ag|me|in|gr|sh|ac)"
    + _LOW_SOURCE[2:]
)


def _find_triggers(text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) of every event trigger of ``text``, in text order."""
    low = text.lower()
    if len(low) != len(text):
        return [(_TYPE_OF[m.lastgroup or ""], m.start(), m.end()) for m in TRIGGER_RE.finditer(text)]
    out = []
    for m in TRIGGER_LOW.finditer(low):
        if low.startswith("called", m.start()) and m.end() - m.start() == 6:
            if not TRIGGER_RE.match(text, m.start()):
                continue
        out.append((_TYPE_OF[m.lastgroup or ""], m.start(), m.end()))
    return out


class Triggers:
    """Event triggers of a text, scanned once; ``between(a, b)`` lists those inside ``[a, b)``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items = _find_triggers(text)
        self.starts = [t[1] for t in self.items]

    def between(self, a: int, b: int) -> list[tuple[str, int, int]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.items) and self.items[i][1] < b:
            if self.items[i][2] <= b:
                out.append(self.items[i])
            i += 1
        return out


class _TextTriggers:
    """Trigger indexes of the cleaned text and of a separate headline."""

    def __init__(self, clean: str, title: str | None) -> None:
        self.clean = Triggers(clean)
        self.title = Triggers(title) if title else None

    def __call__(self, text: str, a: int, b: int) -> list[tuple[str, int, int]]:
        ix = (
            self.clean
            if text is self.clean.text or self.title is None or text is not self.title.text
            else self.title
        )
        return ix.between(a, b)


def _linked(actors: Actors, unit: Unit, trig_start: int, trig_end: int, text: str) -> list[int]:
    """People the trigger links: the subject clause before it and the object after it."""
    mentions = sorted(
        (s, e, i)
        for (s, e, t), i in actors.mention_of.items()
        if t == unit.in_title and s >= unit.start and e <= unit.end
    )
    recalled = [(x, y) for x, y in _recalled_clauses(text, unit.start, unit.end) if not x <= trig_start < y]
    if recalled:
        mentions = [(s, e, i) for s, e, i in mentions if not any(x <= s < y for x, y in recalled)]
    before = [(s, e, i) for s, e, i in mentions if e <= trig_start]
    after = [(s, e, i) for s, e, i in mentions if s >= trig_end]
    out: list[int] = []
    # subject: mentions before the trigger in the same clause (no ";" and at most one comma-free stretch)
    clause_start = max(unit.start, text.rfind(";", unit.start, trig_start) + 1)
    for s, _e, i in before:
        if s >= clause_start and i not in out:
            out.append(i)
    if after:
        s0, e0, i0 = after[0]
        gap = text[trig_end:s0]
        if len(gap) < 60 and "." not in _ABBREV_DOT.sub("", gap):
            if i0 not in out:
                out.append(i0)
            prev_end = e0
            for s, e, i in after[1:]:
                if PERSON_JOIN.match(text[prev_end:s]) and i not in out:
                    out.append(i)
                    prev_end = e
                else:
                    break
    return out


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b(?![’'.-])")
_FIRST_POSSESSIVE = re.compile(r"\b(?:[Oo]ur|[Mm]y)\s+(?:\w+\s+)?$")
_BYLINE_SEP = re.compile(r"\s+[—–-]\s+|:\s+|\s*\|\s*")
_BYLINE_WORDS = frozenset(["of", "the", "and", "for", "mp", "hon", "h.e."])


def _first_person(text: str, start: int, ts: int) -> bool:
    """Whether the clause before a trigger is said in the first person ("Today I welcomed", "we met",
    "our bilateral meeting")."""
    clause = max(start, text.rfind(";", start, ts) + 1, text.rfind("\n", start, ts) + 1)
    return bool(
        _FIRST_PERSON.search(text, clause, ts) or _FIRST_POSSESSIVE.search(text[max(clause, ts - 30) : ts])
    )


_LEADERS_OF = re.compile(
    r"\b(?:leaders|heads of (?:state|government)|presidents|prime ministers)\s+of\s+", _I
)


def _country_leaders(actors: Actors, u: Unit, ts: int) -> list[int]:
    """For "The leaders of A, B, C and D <trigger>": each listed country's principal named anywhere in
    the text (a head of state or government with that country), in list order."""
    clause = max(u.start, u.text.rfind(";", u.start, ts) + 1)
    m = _LEADERS_OF.search(u.text, clause, ts)
    if not m:
        return []
    listed: list[str] = []
    pos = m.end()
    for a, b, e, t in sorted(actors.entities, key=lambda x: x[0]):
        if t != u.in_title or a < pos or b > ts:
            continue
        if e.kind not in ("country", "demonym") or not re.fullmatch(
            r"\s*(?:,|and|, and|&)?\s*(?:the\s+)?", u.text[pos:a], _I
        ):
            break
        if e.value not in listed:
            listed.append(e.value)
        pos = b
    out = []
    for c in listed:
        cands = [
            i for i, p in enumerate(actors.people) if p.country == c and p.rank == 1 and p.name and p.mentions
        ]
        if cands:
            out.append(min(cands, key=lambda i: (-len(actors.people[i].mentions), actors.people[i].first)))
    return out


_GROUP_ROLES = {
    "heads of government": frozenset(["Prime Minister", "Chancellor", "Premier", "Head of Government"]),
    "prime ministers": frozenset(["Prime Minister"]),
    "chancellors": frozenset(["Chancellor"]),
    "presidents": frozenset(["President"]),
}
_GROUP_SUBJECT = re.compile(
    r"\bthe (?:(?:two|three|four|five|visiting) )?(heads of government|prime ministers|chancellors|presidents"
    r"|heads of state|leaders)\s*$",
    _I,
)


def _group_subject(actors: Actors, u: Unit, ts: int, people: list[int]) -> list[int]:
    """For "... the heads of government met the President of X": a plural subject that names no one
    stands for the leaders of that office the text named before (at least two), in text order."""
    if u.in_title:
        return []
    clause = max(u.start, u.text.rfind(";", u.start, ts) + 1, u.text.rfind(",", u.start, ts) + 1)
    m = _GROUP_SUBJECT.search(u.text, clause, ts)
    if not m or actors.people_between(clause, ts):
        return []
    roles = _GROUP_ROLES.get(m.group(1).lower())
    cands = [
        i
        for i, p in enumerate(actors.people)
        if p.name
        and p.rank == 1
        and i not in people
        and (roles is None or p.role in roles)
        and p.first < u.start
    ]
    return sorted(cands, key=lambda i: actors.people[i].first) if len(cands) >= 2 else []


def _author(clean: str, actors: Actors, triggers: _TextTriggers) -> int | None:
    """The named author of a first-person release: a person standing alone in a byline line near the
    top ("Prime Minister Ana Soto", "Media release — The Hon Ana Soto MP, Prime Minister of Chile")."""
    pos = 0
    for _n in range(6):
        end = clean.find("\n", pos)
        end = len(clean) if end < 0 else end
        line = clean[pos:end]
        if len(line) > 160 or (line.rstrip().endswith(".") and len(line.split()) > 6):
            break  # the body has begun
        if line.strip() and not triggers(clean, pos, end):
            off = pos
            for part in _BYLINE_SEP.split(line):
                a = clean.find(part, off, end) if part else -1
                if a < 0:
                    continue
                off = a + len(part)
                words = re.findall(r"[^\W\d_][\w.'’-]*", part)
                if not words or any(not w[0].isupper() and w.lower() not in _BYLINE_WORDS for w in words):
                    continue
                found = actors.people_between(a, a + len(part))
                named = [i for i in found if actors.people[i].name]
                if len(named) == 1:
                    return named[0]
        pos = end + 1
        if pos >= len(clean):
            break
    return None


_ENCOUNTERS = frozenset(["meeting", "video call", "phone call", "summit"])
_REFERRED_NOUN = re.compile(
    r"(?:meeting|talks|summit|visit|call|conversation|videoconference|signing|accord|treaty|agreement)s?", _I
)
_REFERRED_BEFORE = re.compile(
    r"(?:\b(?:the|their|this|that|these)|['’]s|s['’])\s+(?:(?!(?:and|or|with|of|by|to|in|on)\b)[\w-]+\s+){0,2}$",
    _I,
)


def _referred(text: str, start: int, ts: int, te: int) -> bool:
    """Whether a trigger is a noun that refers to an event told elsewhere ("Friday's meeting", "after
    the talks", "the two leaders' talks")."""
    return (
        bool(_REFERRED_NOUN.fullmatch(text, ts, te))
        and not text[ts].isupper()  # "the Summit of the Americas": a named gathering, not a reference
        and bool(_REFERRED_BEFORE.search(text[max(start, ts - 40) : ts]))
    )


def _lead_principals(actors: Actors, units: Sequence[Unit]) -> list[int]:
    """The leaders named in the headline and the first two sentences: heads of state or government
    first, then officials of a party no head represents (an organisation's chair)."""
    found: list[int] = []
    body = [u for u in units if not u.in_title]
    lead = [u for u in units if u.in_title] + body[:2]
    for k, u in enumerate(lead + body[2:8]):
        if k == len(lead) and len(found) >= 2:
            break  # the lead names them; the next sentences only when it names fewer than two
        for i in actors.people_between(u.start, u.end, u.in_title):
            if i not in found and actors.people[i].name and _is_principal(actors.people[i]):
                found.append(i)
    heads = [i for i in found if actors.people[i].rank in (1, 9)]
    head_countries = {actors.people[i].country for i in heads}
    others = [
        i
        for i in found
        if actors.people[i].rank == 2
        and actors.people[i].country
        and actors.people[i].country not in head_countries
    ]
    return heads + others


_SPEAKER_LABEL = re.compile(
    r"^([^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,5})(?:\s*\([^)\n]{1,30}\))?:\s", re.M
)


def _turn_speaker(clean: str, actors: Actors, pos: int) -> int | None:
    """In a transcript, the named person whose speaker label ("ANA SOTO:") opens the turn holding ``pos``."""
    last = None
    for m in _SPEAKER_LABEL.finditer(clean, 0, pos):
        if m.group(1).isupper():
            last = m
    if last is None:
        return None
    named = [i for i in actors.people_between(last.start(1), last.end(1)) if actors.people[i].name]
    return named[0] if len(named) == 1 else None


_PRONOUN = re.compile(r"\b(?:he|she)\b")


def _pronoun_subject(actors: Actors, u: Unit, ts: int, people: list[int]) -> int | None:
    """For a trigger whose clause has "he"/"she" as its only subject: the principal last named before the
    sentence (within 300 characters), if that one is no person the trigger already links."""
    clause = max(u.start, u.text.rfind(";", u.start, ts) + 1, u.text.rfind(",", u.start, ts) + 1)
    if not _PRONOUN.search(u.text, clause, ts) or actors.people_between(clause, ts):
        return None
    before = sorted(
        (s, i)
        for (s, e, t), i in actors.mention_of.items()
        if not t and u.start - 300 <= s and e <= u.start and _is_principal(actors.people[i])
    )
    if not before:
        return None
    i = before[-1][1]
    return None if i in people else i


_ABBREV_DOT = re.compile(r"\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Amb|Hon)\.")


def _is_principal(p: Person) -> bool:
    return p.rank <= 2 or p.rank == 9


def build_frame(
    clean: str,
    title: str | None,
    sentences: Sequence[tuple[int, int]],
    actors: Actors,
    times: Sequence[Time],
    title_times: Sequence[Time],
    anchor: dt.date | None,
    published: dt.date | None,
    publisher: Publisher | None,
    prelim_role: str,
    lex: Lexicon,
    dateline: str | None,
) -> FrameParts:
    """Choose the main event and fill its frame (see module docstring)."""
    fp = FrameParts()
    _triggers = _TextTriggers(clean, title)
    units: list[Unit] = []
    if title:
        units.append(Unit(0, len(title), title, True, -1))
    for k, (s, e) in enumerate(sentences):
        units.append(Unit(s, e, clean, False, k))
    want_future = prelim_role in ("announcement", "preview")
    author = _author(clean, actors, _triggers)
    lead_people: list[int] | None = None
    encounters: list[tuple[float, int, Unit, str, int, int, list[int]]] = []
    best: tuple[float, int, Unit, str, int, int, list[int]] | None = None
    for order, u in enumerate(units):
        if u.index > 60:
            break
        for typ, ts, te in _triggers(u.text, u.start, u.end):
            if typ == "contact":
                continue
            people = [i for i in _linked(actors, u, ts, te, u.text) if _is_principal(actors.people[i])]
            if not u.in_title:
                pro = _pronoun_subject(actors, u, ts, people)
                if pro is not None:
                    people.insert(0, pro)  # "..., and on 24 May he will hold a meeting with X"
            listed = _country_leaders(actors, u, ts)
            if len(listed) >= 3:
                people = listed  # "The leaders of the United States, Japan, India and Australia met"
            else:
                group = _group_subject(actors, u, ts, people)
                if group:
                    people = group + [i for i in people if i not in group]
            filled = []
            if not u.in_title and _first_person(u.text, u.start, ts):
                speaker = author if author is not None else _turn_speaker(clean, actors, u.start)
                if speaker is not None and speaker not in people:
                    people.insert(
                        0, speaker
                    )  # "Today I welcomed X": the release's author or the turn's speaker
            if len(people) < 2 and u.index <= 3 and _referred(u.text, u.start, ts, te):
                # "Friday's meeting in Sochi", "after the talks": an event only referred to is the one of
                # the leaders the lead names
                if lead_people is None:
                    lead_people = _lead_principals(actors, units)
                filled = [i for i in lead_people if i not in people]
                people = people + filled
            if not people:
                continue
            countries = {actors.people[i].country for i in people}
            leaders = [i for i in people if actors.people[i].rank <= 2 or actors.people[i].rank == 9]
            score = 0.0
            if len(leaders) >= 2:
                score += 6 if (len(countries - {None}) >= 2 or None in countries) else 2
            else:
                score += 1
            pos = u.index if u.index >= 0 else -1
            score += {-1: 2.5, 0: 3, 1: 2, 2: 1.5, 3: 1}.get(pos, 0.5 if pos < 8 else 0)
            window = u.text[max(u.start, ts - 70) : min(u.end, te + 40)]
            future = bool(FUTURE.search(window))
            if want_future and future:
                score += 2
            elif want_future and not future:
                score -= 1
            if RECALL.search(u.text, u.start, u.end):
                # a recall inside the trigger's own clause tells another contact; one elsewhere in the
                # sentence ("..., the first held since 2021") only weakens it
                own = any(x <= ts < y for x, y in _recalled_clauses(u.text, u.start, u.end, RECALL))
                score -= 2.5 if own else 1.0
            if filled:
                score -= 1.5  # the people come from the lead, not from the sentence: one that links them wins
            score -= TYPE_PRIORITY[typ] * 0.01
            if DEBUG:
                print(
                    f"  {score:5.2f} {typ:10} {u.text[u.start : u.end][:100]!r} {[actors.people[i].key() for i in people]}"
                )
            if typ in _ENCOUNTERS:
                encounters.append((score, order, u, typ, ts, te, people))
            if best is None or score > best[0] + 1e-9:
                best = (score, order, u, typ, ts, te, people)
    if best is None:
        return fp
    if best[3] == "message" and len(best[6]) >= 3:
        # "X handed Y a message from Z": a message a visitor carries from a third leader to someone the
        # text also tells X meeting is part of that meeting, which is the event
        pair = set(best[6][:2])
        same = [
            c
            for c in encounters
            if pair <= set(c[6])
            and set(best[6]) - set(c[6])
            and c[0] >= best[0] - 3
            and c[2].text[c[4] : c[5]].lower() != "bilateral"
        ]
        if len(pair) == 2 and same:
            best = max(same, key=lambda c: (c[0], -c[1]))
    _score, _order, unit, typ, ts, te, people = best
    fp.unit = unit
    fp.type_span = (ts, te)
    text = unit.text
    # type: a video mode anywhere in the unit or the lead wins over the trigger word
    lead_text = " ".join(clean[s:e] for s, e in sentences[:2])
    unit_text = text[unit.start : unit.end]
    if typ != "video call" and (
        TRIGGERS[0][1].search(unit_text) or (typ == "meeting" and TRIGGERS[0][1].search(lead_text))
    ):
        typ = "video call"
    if typ == "meeting" and re.search(r"\b(?:tele)?phone\b|\btelephone\b", unit_text, _I):
        typ = "phone call"
    if typ == "summit" and len(people) < 3:
        typ = "meeting"
    if typ in ("meeting", "visit", "summit") and _signing_headline(units, _triggers):
        typ = "agreement"  # "PM signs peace agreements with A and B at ...": the signing is the event
    fp.type = typ
    window = text[max(unit.start, ts - 70) : min(unit.end, te + 40)]
    fp.status = "planned" if FUTURE.search(window) or (unit.in_title and FUTURE.search(unit_text)) else "held"
    fp.participants = list(people)
    _complete_participants(fp, actors, units, _triggers)
    _assign_countries(fp, actors, publisher, lex, dateline, clean)
    states = {c for i in fp.participants if (c := actors.people[i].country) in lex.country_name}
    delegation = unit.in_title is False and bool(_group_subject(actors, unit, ts, []))
    if fp.type == "meeting" and len(states) >= 3 and not delegation:
        # (several visiting leaders meeting one host - "the heads of government met the President of X" -
        # is a meeting, not a summit)
        fp.type = "summit"  # leaders of three or more states meeting in person (an organisation is no state)
    if fp.type == "agreement" and fp.status == "held":
        _signatories(fp, actors, clean, sentences)
    for i in fp.participants:
        p = actors.people[i]
        others = {actors.people[j].role for j in fp.participants if j != i and actors.people[j].role}
        if p.role is None and p.counterpart and len(others) == 1:
            p.role = others.pop()  # "his Turkish counterpart X": the same office as the other leader
            p.rank = 1
    _choose_date(fp, clean, sentences, actors, times, title_times, anchor, published, _triggers)
    if fp.type in ("meeting", "visit", "summit", "agreement"):
        _locate(fp, clean, sentences, actors, lex, dateline, _triggers)
        dl_entry = lex.place_of(dateline) if dateline else None
        if fp.location and dl_entry is not None and _host_of(fp.location, lex) == dl_entry.value:
            # the event was held where the story is filed: the dateline tells the place, not whose
            # country a participant is (a summit in a third country)
            undone = False
            for i in fp.participants:
                if actors.people[i].country_source == "dateline":
                    actors.people[i].country = None
                    actors.people[i].country_source = "text"
                    undone = True
            if undone:
                _assign_countries(fp, actors, None, lex, None, clean)
                fp.host = None
        _host_by_verb(fp, actors, clean, lex, dateline)
        _host_leader(fp, actors)
        if fp.status == "held":
            _attendees(fp, clean, sentences, actors, lex)
    # a participant with neither name nor country identifies no one (an office the text never places)
    fp.participants = [i for i in fp.participants if actors.people[i].name or actors.people[i].country]
    final_countries = [actors.people[i].country for i in fp.participants]
    known = {c for c in final_countries if c}
    leaders_unknown = [
        i for i in fp.participants if actors.people[i].country is None and actors.people[i].rank == 1
    ]
    if len(fp.participants) < 2 or (len(known) < 2 and not (known and leaders_unknown)):
        fp.type = None
    return fp


# "signed 15 agreements", "the signing of several documents", "sign agreements": documents signed as a
# by-product of talks, not a named instrument whose signing is the event
_COUNTED = re.compile(
    r"\bsign(?:ed|s|ing)?\s+(?:of\s+)?(?:(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a dozen|dozens|several|a number of|a series of|a raft of|a package of|a batch of|a host of|multiple"
    r"|various|some|more than|over|nearly|about|around)\b|(?:agreements|deals|memoranda|documents)\b)",
    _I,
)


_CEREMONY = re.compile(r"\bsigning\b|\bceremony\b", _I)


def _signing_headline(units: Sequence[Unit], _triggers: _TextTriggers) -> bool:
    """Whether the headline (else the lead sentence) tells a signing first: its first event trigger is
    the signing of a named, uncounted instrument ("signs peace agreements with ...", "Signing of the
    Treaty of X")."""
    for k, u in enumerate(units[:2]):
        trig = [t for t in _triggers(u.text, u.start, u.end) if t[0] != "contact"]
        if trig:
            if trig[0][0] != "agreement" or _COUNTED.match(u.text, trig[0][1]):
                return False
            # the signing told as an occasion of its own ("at a ceremony", "Signing of the Treaty"), not
            # as what a visit produced ("signed an agreement ..., capping a visit")
            return any(_CEREMONY.search(v.text, v.start, v.end) for v in units[k : k + 2])
    return False


_SIGNATORY = re.compile(r"\bsignator(?:y|ies)\b|\brepresented by\b|\bsigned (?:for|on behalf of)\b", _I)


def _signatories(fp: FrameParts, actors: Actors, clean: str, sentences: Sequence[tuple[int, int]]) -> None:
    """At a signing, the people the early text names as a party's signatory ("The Peruvian signatory was
    the Foreign Minister, X"; "Chile was represented by its Foreign Minister, Y") are participants too,
    with the one country their clause names when the text gave them none."""
    for s, e in sentences[:4]:
        if not _SIGNATORY.search(clean, s, e):
            continue
        for i in actors.people_between(s, e):
            p = actors.people[i]
            if i in fp.participants or not p.name or p.rank > 2:
                continue
            first = min(a for a, _b in p.mentions if s <= a < e)
            clause = max(s, clean.rfind(";", s, first) + 1)
            if not _SIGNATORY.search(clean, clause, first):
                continue
            if p.country is None:
                named = _countries_in(actors, clause, first)
                if len(named) != 1:
                    continue
                p.country, p.country_source = next(iter(named)), "text (signatory)"
            fp.participants.append(i)


def _host_of(city: str, lex: Lexicon) -> str | None:
    entry = lex.place_of(city)
    return entry.value if entry is not None else None


def _complete_participants(
    fp: FrameParts, actors: Actors, units: Sequence[Unit], _triggers: _TextTriggers
) -> None:
    """With one principal only, take the counterpart from the headline's leaders ("Remarks by President A
    and Chancellor B"), else from another early unit about the same event type."""
    if len(fp.participants) >= 2 or fp.type is None:
        return
    head = units[0] if units else None
    if head is not None:
        for i in actors.people_between(head.start, head.end, head.in_title):
            p = actors.people[i]
            if i not in fp.participants and p.rank == 1:
                fp.participants.append(i)
        if len(fp.participants) >= 2:
            return
    for u in units[:6]:
        for typ, ts, te in _triggers(u.text, u.start, u.end):
            if typ not in (fp.type, "contact") and not (fp.type == "video call" and typ == "meeting"):
                continue
            for i in _linked(actors, u, ts, te, u.text):
                if i not in fp.participants and _is_principal(actors.people[i]):
                    fp.participants.append(i)
            if len(fp.participants) >= 2:
                return


def _assign_countries(
    fp: FrameParts,
    actors: Actors,
    publisher: Publisher | None,
    lex: Lexicon,
    dateline: str | None,
    clean: str,
) -> None:
    """Publisher rule, then the text's other main country, for principals the text left without a country."""
    people = actors.people
    used: set[str] = {c for i in fp.participants if (c := people[i].country)}
    if publisher and publisher.country and publisher.country not in used:
        cands = [i for i in fp.participants if people[i].country is None and people[i].rank in (1, 9)]
        cands = cands or [i for i in fp.participants if people[i].country is None and people[i].rank == 2]
        if cands:
            i = cands[0]
            p = people[i]
            p.country = publisher.country
            p.country_source = "publisher"
            if p.role is None:
                same = [q for q in people if q.name is None and q.country == publisher.country and q.role]
                p.role = same[0].role if same else publisher.principal
                p.rank = 1
            used.add(publisher.country)
    missing = [i for i in fp.participants if people[i].country is None and people[i].rank in (1, 9)]
    dl_entry = lex.place_of(dateline) if dateline and not (publisher and publisher.country) else None
    if missing and dl_entry is not None and dl_entry.value not in used:
        # A story filed from a leader's own country names that leader without a country ("KYIV --
        # President X spoke with U.S. President Y"): the first such leader is the dateline's.
        # a visitor ("arrived in", "on a state visit") is not the leader of the place the story is filed from
        stay = [i for i in missing if not _visitor(people[i], clean)]
        if stay:
            i = min(stay, key=lambda i: people[i].first)
            people[i].country = dl_entry.value
            people[i].country_source = "dateline"
            used.add(dl_entry.value)
    for i in [i for i in fp.participants if people[i].country is None and people[i].rank == 1]:
        # "the President of X, Ana Soto, and Prime Minister Luis Vera": a leader of another office joined
        # to a placed one is of the same government
        s0 = people[i].first
        for j in fp.participants:
            q = people[j]
            if j == i or not q.country or q.role == people[i].role:
                continue
            if any(0 <= s0 - e <= 8 and re.fullmatch(r"\s*,?\s*and\s*", clean[e:s0]) for _s, e in q.mentions):
                people[i].country, people[i].country_source = q.country, "text (coordinated)"
                break
    missing = [i for i in fp.participants if people[i].country is None and people[i].rank in (1, 9)]
    if len(missing) == 1 and len(used) == 1:
        # a bilateral pair naming the known side's country ("cooperation between Türkiye and Russia",
        # "Turkey-Russia relations"): the other country of the pair is the remaining leader's
        partners = _pair_partners(actors, clean, next(iter(used)))
        if len(partners) == 1:
            c, (s, e) = next(iter(partners.items()))
            people[missing[0]].country = c
            people[missing[0]].country_source = "text (bilateral partner)"
            people[missing[0]].country_evidence.append((s, e))
            used.add(c)
    missing = [i for i in fp.participants if people[i].country is None and people[i].rank == 1]
    if not missing:
        return
    counts: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    for _s, _e, entry, _t in actors.entities:
        if entry.kind in ("country", "demonym"):
            # a dependent territory ("Greenland") counts for its state: a head of government the text
            # names with no country is the state's
            counts[lex.sovereign.get(entry.value, entry.value)] += 1
        elif entry.kind == "org":
            orgs[entry.value] += 1
    for i in list(missing):
        # the head of an organisation ("the Secretary-General") belongs to the organisation the text names
        if people[i].role in ORG_TITLES and orgs:
            people[i].country = orgs.most_common(1)[0][0]
            people[i].country_source = "text (organisation)"
            missing.remove(i)
    for i in missing:
        # the text's main other country, only when it clearly dominates ("China and Belarus ..." x 10)
        ranked = [(c, n) for c, n in counts.most_common() if c not in used]
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1] + 1):
            c = ranked[0][0]
            people[i].country = c
            people[i].country_source = "text (main country)"
            used.add(c)


_PAIR_GAP = re.compile(r"^\s*(?:[-–—/]|and|&)\s*$")
_PAIR_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", _I)
_PAIR_AFTER = re.compile(
    r"^\s*(?:bilateral\s+)?(?:relations|relationship|ties|cooperation|partnership|friendship|trade|dialogue)\b",
    _I,
)


def _pair_partners(actors: Actors, text: str, known: str) -> dict[str, tuple[int, int]]:
    """Countries named with ``known`` as the two sides of a bilateral pair in the body: "between A and
    B", "A-B", "A and B relations" -> {other country: span of the pair}."""
    ents = sorted(
        (s, e, entry.value)
        for s, e, entry, t in actors.entities
        if not t and entry.kind in ("country", "demonym")
    )
    out: dict[str, tuple[int, int]] = {}
    for (s1, e1, c1), (s2, e2, c2) in zip(ents, ents[1:], strict=False):
        if c1 == c2 or known not in (c1, c2):
            continue
        gap = text[e1:s2]
        if not _PAIR_GAP.match(gap):
            continue
        if gap.strip() in ("and", "&") and not (
            _PAIR_BEFORE.search(text[max(0, s1 - 20) : s1]) or _PAIR_AFTER.match(text[e2 : e2 + 30])
        ):
            continue
        out.setdefault(c2 if c1 == known else c1, (s1, e2))
    return out


def _choose_date(
    fp: FrameParts,
    clean: str,
    sentences: Sequence[tuple[int, int]],
    actors: Actors,
    times: Sequence[Time],
    title_times: Sequence[Time],
    anchor: dt.date | None,
    published: dt.date | None,
    _triggers: _TextTriggers,
) -> None:
    unit = fp.unit
    assert unit is not None and fp.type_span is not None
    ts, te = fp.type_span
    planned = fp.status == "planned"

    dl0 = DATELINE.match(clean, sentences[0][0]) if sentences else None
    dl_span = (dl0.start(), dl0.end()) if dl0 else (-1, -1)

    def ok(t: Time) -> bool:
        if t.day is None or t.kind not in DAY_KINDS:
            return False
        if dl_span[0] <= t.start < dl_span[1]:
            return False  # "BEIJING, Dec. 4 (Xinhua) --" is the dispatch's date, not the event's
        if anchor is None:
            return True
        if planned:
            return t.day >= anchor
        return t.day <= anchor + dt.timedelta(days=1)

    if unit.in_title:
        # A headline is tenseless ("talks with Biden on Thursday"): the same day word in the body carries
        # the tense, the day and the sentence that tells the event.
        for tt in title_times:
            if tt.kind not in ("weekday", "rel"):
                continue
            same = [t for t in times if t.text.lower() == tt.text.lower() and t.day is not None]
            if same:
                t = same[0]
                k = bisect.bisect_right([a for a, _b in sentences], t.start) - 1
                if k >= 0:
                    fp.ground = sentences[k]
                fp.status = "planned" if t.future else "held"
                _set_date(fp, t, False)
                return
    pool = title_times if unit.in_title else [t for t in times if unit.start <= t.start and t.end <= unit.end]
    cands = [t for t in pool if ok(t)]
    if cands:
        # a single day beats a range ("on a visit from 25-26 May ... held talks today")
        def apart(t: Time) -> bool:
            # "travelled on the 4th and held talks ... on the 5th": a day before a coordinated verb
            # belongs to that verb
            if t.end <= ts:
                return bool(_COORD.search(unit.text, t.end, ts))
            # "received on Friday ... for the meeting of the visit that began in X, where on Thursday he
            # attended ...": a day told in a relative clause after the trigger belongs to that clause
            return t.start >= te and bool(_RELATIVE_AFTER.search(unit.text, te, t.start))

        t = min(cands, key=lambda t: (t.first != t.last, apart(t), min(abs(t.start - te), abs(t.end - ts))))
        _set_date(fp, t, unit.in_title)
        off = _DAY_OFFSET.search(unit.text, max(unit.start, ts - 45), ts)
        if off and t.end <= off.start() and fp.date is not None:
            # "left China on Saturday, a day after talks in Beijing": the talks are a day earlier
            n = _NUMBER[off.group(1).lower()]
            fp.date += dt.timedelta(days=-n if off.group(2).lower() == "after" else n)
            fp.date_text = f"{t.text}, {off.group(0).strip()}"
        return
    principals = set(fp.participants)
    pcountries = {actors.people[i].country for i in fp.participants if actors.people[i].country}
    for k, (s, e) in enumerate(sentences):
        if not unit.in_title and s < unit.start and k > 2:
            continue
        sent = clean[s:e]
        if RECALL.search(sent):
            continue
        for typ, a, b in _triggers(clean, s, e):
            if typ not in (fp.type, "contact") and not (
                fp.type in ("video call", "meeting", "visit") and typ == "meeting"
            ):
                continue
            linked = _linked(actors, Unit(s, e, clean, False, k), a, b, clean)
            if any(i not in principals and actors.people[i].rank <= 2 for i in linked):
                continue
            if (
                not (set(linked) & principals)
                and not EVENT_NOUN.search(clean, max(s, a - 20), min(e, b + 20))
                and not (len(pcountries) >= 2 and pcountries <= _countries_in(actors, s, e))
            ):
                continue
            near = [
                t
                for t in times
                if s <= t.start and t.end <= e and ok(t) and min(abs(t.start - b), abs(t.end - a)) < 80
            ]
            if near:
                _set_date(fp, min(near, key=lambda t: min(abs(t.start - b), abs(t.end - a))), False)
                return
    # Lead sentence ("Xi said Monday that ...") when the event is told in the first paragraph
    if sentences and (unit.in_title or unit.index <= 2):
        s, e = sentences[0]
        for t in times:
            if s <= t.start and t.end <= e and ok(t) and t.kind in ("weekday", "rel"):
                _set_date(fp, t, False)
                return
    day = published or anchor
    fp.date = day
    fp.date_certain = False


def _countries_in(actors: Actors, s: int, e: int) -> set[str]:
    """Countries named (by name or demonym) in ``clean[s:e]``."""
    return {
        entry.value
        for a, b, entry, t in actors.entities
        if not t and s <= a and b <= e and entry.kind in ("country", "demonym")
    }


def _set_date(fp: FrameParts, t: Time, in_title: bool) -> None:
    fp.date = t.day
    fp.date_text = t.text
    fp.date_certain = True
    fp.date_span = None if in_title else (t.start, t.end)


def _locate(
    fp: FrameParts,
    clean: str,
    sentences: Sequence[tuple[int, int]],
    actors: Actors,
    lex: Lexicon,
    dateline: str | None,
    _triggers: _TextTriggers,
) -> None:
    unit = fp.unit
    assert unit is not None
    countries = {actors.people[i].country for i in fp.participants}
    scopes: list[tuple[int, int, bool]] = [(unit.start, unit.end, unit.in_title)]
    if fp.ground and fp.ground != (unit.start, unit.end):
        scopes.append((fp.ground[0], fp.ground[1], False))
    scopes += [
        (s, e, False) for s, e in sentences[:3] if (s, e) != (unit.start, unit.end) and (s, e) != fp.ground
    ]
    principals = set(fp.participants)
    for s, e in sentences[3:40]:
        if RECALL.search(clean, s, e) or (s, e) in [(a, b) for a, b, _t in scopes]:
            continue
        if any(t[0] == "meeting" for t in _triggers(clean, s, e)) and (
            set(actors.people_between(s, e)) & principals or EVENT_NOUN.search(clean, s, e)
        ):
            scopes.append((s, e, False))
    city = host_c = None
    own_scope = False
    venue = False
    span: tuple[int, int] | None = None
    weak: tuple[str, str, tuple[int, int] | None] | None = None
    n_own = 2 if fp.ground and fp.ground != (unit.start, unit.end) else 1
    own = _place_after_trigger(fp, actors, lex)
    if own is not None:
        city, host_c, span = own
        venue = span is not None and clean[span[0] : span[1]] != city  # "at Al-Yamamah Palace"
        scopes = []
        own_scope = True
    for k, (a, b, in_title) in enumerate(scopes):
        strong_only = k >= n_own and dateline is not None and fp.status == "held" and lex.place_of(dateline)
        # a dispatch filed from the place: its dateline beats places of other sentences, unless one of
        # them says where the event itself was held
        text = unit.text if in_title else clean
        recalled = _recalled_clauses(text, a, b)
        if k == 0 and fp.type_span is not None:
            # the main trigger's own clause is no recall ("left on Saturday, a day after talks in X")
            recalled = [(x, y) for x, y in recalled if not x <= fp.type_span[0] < y]
        for s, e, entry, t in actors.entities:
            if t != in_title or s < a or e > b:
                continue
            if any(x <= s < y for x, y in recalled):
                continue  # "since they sat down together in Bali": the place of another event
            if entry.kind in ("country", "place") and city is None and not strong_only:
                local = _place_before(text, a, s)
                if local is not None and not any(
                    t2 == in_title and s2 < local[1] and local[0] < e2 for s2, e2, _e, t2 in actors.entities
                ):  # "in Woodside, California": a town the gazetteer does not list
                    city, host_c = text[local[0] : local[1]], entry.value
                    span = None if in_title else local
                    break
            if not PLACE_PREP.search(text[max(a, s - 25) : s]):
                continue
            if strong_only and not STRONG_PLACE.search(text[max(a, s - 60) : s]):
                continue
            if _ORIGIN.search(text[max(a, s - 70) : s]):
                continue  # "flew in from the G20 summit in New Delhi": where a traveller comes from
            if (
                entry.kind in ("country", "demonym")
                and entry.value in lex.capital
                and _CAPITAL.match(text, e)
            ):
                # "in the Ukrainian capital", "at South Africa's seat of government"
                city, host_c = lex.capital[entry.value], entry.value
                span = None if in_title else (s, e)
                break
            if entry.kind == "place":
                if _ATTRIBUTIVE.match(text, e) and text[max(a, s - 4) : s].lower() == "the ":
                    # "at the Maryland retreat": a venue somewhere in that place; a place another sentence
                    # names outright ("at Camp David") is more precise
                    weak = weak or (entry.extra, entry.value, None if in_title else (s, e))
                    continue
                city, host_c = entry.extra, entry.value
                venue = entry.extra != text[s:e]
                span = None if in_title else (s, e)
                break
            if (
                entry.kind == "country"
                and host_c is None
                and re.search(r"visit\w*\s+(?:to\s+)?(?:the\s+)?$", text[max(a, s - 25) : s], _I)
            ):
                host_c = entry.value
                span = None if in_title else (s, e)
        if city is None and not strong_only:
            # "in the former imperial city of Aachen", "in the Black Sea resort of Sochi": the town is named
            # as such, listed or not
            for m in _CITY_OF.finditer(text, a, b):
                if not any(x <= m.start() < y for x, y in recalled):
                    place = lex.place_of(m.group(1))
                    city = place.extra if place is not None else m.group(1)
                    host_c = place.value if place is not None else None
                    span = None if in_title else m.span(1)
                    break
        if city:
            own_scope = k == 0
            break
    if city is None and weak is not None:
        city, host_c, span = weak
    if city is None and dateline:
        dl_entry = lex.place_of(dateline)
        if dl_entry is not None:
            city, host_c = dl_entry.extra, dl_entry.value
            venue = True
            own_scope = fp.status == "held"  # a dispatch filed from the place of the talks
        elif fp.status == "held" and _plain_place(dateline):
            city = dateline.strip()  # a wire story filed from the place of an in-person event
    if city and not venue and scopes:
        a, b, in_title = scopes[0]
        venue = any(
            t == in_title
            and a <= s
            and e <= b
            and entry.kind == "place"
            and entry.value == host_c
            and entry.extra == city
            and (unit.text if in_title else clean)[s:e] != city
            for s, e, entry, t in actors.entities
        )  # "in Washington ... at the White House"
    fp.location = city
    fp.location_span = span
    if venue and host_c and host_c not in countries:
        # an official seat ("the White House", "the Elysee Palace") belongs to the host: a participant
        # the text left without a country is that host
        missing = [i for i in fp.participants if actors.people[i].country is None]
        if len(missing) == 1 and not _visitor(actors.people[missing[0]], clean):
            actors.people[missing[0]].country = host_c
            actors.people[missing[0]].country_source = "venue"
            countries.add(host_c)
    if own_scope and host_c and not _THIRD_PLACE.search(unit.text, unit.start, unit.end):
        fp.own_place_country = host_c
    fp.host = host_c if host_c in countries else None


_AFTER_TRIGGER = re.compile(r"\s+(?:held\s+)?(?:in|at|on)\s+(?:the\s+)?", _I)


def _place_after_trigger(
    fp: FrameParts, actors: Actors, lex: Lexicon
) -> tuple[str, str | None, tuple[int, int] | None] | None:
    """The place named right after the main trigger ("Friday's meeting in the Chilean port of Arica",
    "talks in Sochi"): (city, country, span), else None."""
    unit = fp.unit
    if unit is None or fp.type_span is None:
        return None
    text, te = unit.text, fp.type_span[1]
    m = _AFTER_TRIGGER.match(text, te, unit.end)
    if not m:
        return None
    c = _CITY_OF.match(text, te + 1, unit.end) if text[te : te + 1] == " " else None
    if c is not None:
        place = lex.place_of(c.group(1))
        city = place.extra if place is not None else c.group(1)
        return city, (place.value if place is not None else None), (None if unit.in_title else c.span(1))
    for s, e, entry, t in actors.entities:
        if t == unit.in_title and s == m.end() and entry.kind == "place" and e <= unit.end:
            if _ATTRIBUTIVE.match(text, e) and entry.extra == text[s:e]:
                return None  # "in the Maryland retreat" (but "on the White House lawn" is at the venue)
            return entry.extra, entry.value, (None if unit.in_title else (s, e))
    return None


_VISITOR_AFTER = re.compile(
    r"\s*(?:,\s*(?:who\s+)?)?(?:has\s+|had\s+|is\s+|was\s+)?(?:arriv(?:ed|es|ing)|travel+(?:ed|s|ing)|fl(?:ew|ies)"
    r"|(?:on|during|for)\s+(?:a|an|his|her|the)\s+(?:\w+\s+){0,2}visit|visiting)\b",
    _I,
)
_HOST_AFTER = re.compile(
    r"\s*(?:,\s*who\s+)?(?:has\s+|had\s+|will\s+)?(?:hosted|received|welcomed|greeted|hosts|receives|welcomes|host"
    r"|receive|welcome)\b",
    _I,
)
_HOST_BEFORE = re.compile(r"\b(?:hosted|received|welcomed|greeted)\s+by\s+(?:\w+\s+){0,3}$", _I)


def _visitor(p: Person, clean: str) -> bool:
    """Whether the text tells ``p`` as a visitor ("X arrived in", "X, on a state visit to", "the visiting X")."""
    for s, e in p.mentions:
        if s < 0:
            continue
        if _VISITOR_AFTER.match(clean, e) or clean[max(0, s - 10) : s].lower().endswith("visiting "):
            return True
    return False


def _hosting(p: Person, clean: str) -> bool:
    """Whether the text tells ``p`` as the host ("X hosted", "X, who welcomed", "received by X")."""
    for s, e in p.mentions:
        if s < 0:
            continue
        if _HOST_AFTER.match(clean, e) or _HOST_BEFORE.search(clean[max(0, s - 40) : s]):
            return True
    return False


def _host_by_verb(fp: FrameParts, actors: Actors, clean: str, lex: Lexicon, dateline: str | None) -> None:
    """A leader left without a country whom the text tells as the host ("who welcomed her", "hosted")
    of talks held in a country no participant is of: that country's leader, if the only such host and
    no visitor."""
    place = lex.place_of(fp.location) if fp.location else None
    c = fp.own_place_country or (place.value if place is not None else None)
    if c is None and dateline and fp.status == "held":
        dl = lex.place_of(dateline)
        c = dl.value if dl is not None else None
    people = actors.people
    if c is None or c not in lex.country_name or any(people[i].country == c for i in fp.participants):
        return
    missing = [i for i in fp.participants if people[i].country is None and people[i].rank in (1, 9)]
    hosts = [i for i in missing if _hosting(people[i], clean) and not _visitor(people[i], clean)]
    if len(hosts) == 1:
        people[hosts[0]].country, people[hosts[0]].country_source = c, "host"
        if place is not None and place.value == c:
            fp.host = c


def _host_leader(fp: FrameParts, actors: Actors) -> None:
    """ "talks in Beijing with President X" where the visitor's country is known and the main sentence
    names China: the leader the text left without a country is the host."""
    c = fp.own_place_country
    countries = {actors.people[i].country for i in fp.participants} - {None}
    if c is None or c in countries or len(countries) != 1 or len(fp.participants) != 2:
        return
    u = fp.unit
    if u is None or not any(
        t == u.in_title and u.start <= a and b <= u.end and e.kind in ("country", "demonym") and e.value == c
        for a, b, e, t in actors.entities
    ):
        return  # the main sentence names the host country ("left China", "in the Ukrainian capital")
    missing = [i for i in fp.participants if actors.people[i].country is None and actors.people[i].rank == 1]
    if len(missing) == 1:
        actors.people[missing[0]].country = c
        actors.people[missing[0]].country_source = "host place"
        fp.host = c


_ORIGIN = re.compile(
    r"\b(?:flew|flown|flying|arriv\w*|came|comes|coming|travel+\w*|return\w*|fresh|straight|directly|went|left"
    r"|depart\w*|head(?:ed|ing))\b[^,;.]{0,15}\bfrom\b[^,;.]{0,50}$",
    _I,
)
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:of|on|in|at|to|and|or|for|with|by|from|as|was|were|is|are|has|had|have|where|which|that|this"
    r"|last|next|early|late|earlier|later|today|tonight)\b)[a-z]{3,}\b"
)
_CITY_OF = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}?(?:city|town|village|resort|port)\s+of\s+"
    r"((?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))\b",
    _I,
)
_CAPITAL = re.compile(r"\s+(?:capital|seat of government)\b", _I)
_THIRD_PLACE = re.compile(
    r"\b(?:sidelines?|margins?|summit|conference|forum|assembly|G\d+|games|ceremony|funeral|inauguration)\b",
    _I,
)
_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|while|where)\s")
_LOCAL_PLACE = re.compile(r"(?:^|\s)(?:in|at)\s+((?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))\s*,\s*$")


def _recalled_clauses(
    text: str, a: int, b: int, pattern: re.Pattern[str] = REFERENCE
) -> list[tuple[int, int]]:
    """Stretches of ``text[a:b]`` that recall another contact ("since they met in Bali", "last met in X"):
    from the recall word to the end of its clause."""
    out = []
    for m in pattern.finditer(text, a, b):
        c = _CLAUSE_END.search(text, m.end(), b)
        stop = c.start() if c else b
        if c and text[c.start()] == "," and c.end() < b:
            # "in Bali, Indonesia, in November": a place's country after a comma stays in the clause
            nxt = _CLAUSE_END.search(text, c.end(), b)
            if nxt and nxt.start() - c.end() < 25:
                stop = nxt.start()
        out.append((m.start(), stop))
    return out


def _place_before(text: str, a: int, s: int) -> tuple[int, int] | None:
    """The town in "in <Town>, <Country or region>" just before the entity at ``s`` (offsets), or None."""
    m = _LOCAL_PLACE.search(text[max(a, s - 40) : s])
    if not m:
        return None
    base = max(a, s - 40)
    return base + m.start(1), base + m.end(1)


def _plain_place(name: str) -> bool:
    """Whether a dateline's place reads as a town name (a few capitalised words, no digits)."""
    words = name.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in name)


def _attendees(
    fp: FrameParts, clean: str, sentences: Sequence[tuple[int, int]], actors: Actors, lex: Lexicon
) -> None:
    for s, e in sentences:
        sent = clean[s:e]
        if not ATTEND.search(sent) or FUTURE.search(sent):
            continue
        for i in actors.people_between(s, e):
            if i in fp.participants:
                continue
            p = actors.people[i]
            if not p.name:
                continue
            country = p.country
            if country is None:
                prior = [
                    ent
                    for ent in actors.entities
                    if not ent[3] and s <= ent[0] < e and ent[2].kind in ("country", "demonym")
                ]
                first_mention = min((m for m in p.mentions if s <= m[0] < e), default=None)
                prior = [ent for ent in prior if first_mention is None or ent[0] < first_mention[0]]
                if prior:
                    country = prior[-1][2].value
            span = next(((a, b) for a, b in p.mentions if s <= a < e), (s, e))
            if all(x[0] != p.name for x in fp.attendees):
                fp.attendees.append((p.name, country, span))
