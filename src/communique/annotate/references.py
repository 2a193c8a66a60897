"""References to other diplomatic contacts ("his state visit to China earlier this year").

In: the cleaned text, its sentences and the document's anchor date. Out:
:class:`~communique.model.Reference` records (type, date, the phrase, the
sentence's Span), one per (type, date).

A reference is an event noun phrase — determiner or possessive, an optional
date ("the December 7 videoconference"), an optional place ("the Geneva
summit"), modifiers (state, official, video, last, previous, upcoming ...)
and a head (visit, call, conversation, meeting, talks, summit, message,
letter, agreement) — or a contact verb (met, spoke, visited, will meet), with
a time expression in the same clause (after it, or before a verb). The time
expression is resolved against the anchor: "earlier this year" -> YYYY, "last
year" -> YYYY-1, "last month" -> YYYY-MM, "in May" -> the latest May on or
before the anchor (the next one when the sentence speaks of the future:
"will", "planned", "next", "agreed to" ...), "on December 1" -> a full date,
"in 2019" -> 2019, "three weeks ago" -> YYYY-MM.

What is left out, because it is the document's own event: phrases dated
today / tonight / yesterday / tomorrow / a weekday, or to within two days of
the anchor, unless marked as an earlier contact ("last", "previous",
"since their last conversation" -> a reference without a date). A phrase
with neither a time expression nor such a mark is not a reference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from communique.model import Document, Reference, Sentence, Span

_MONTH_NUM = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "several": 3,
    "a few": 3,
}
_TEX = re.compile(
    r"(?<![\w\-])(?:"
    rf"(?P<main>today|tonight|yesterday|tomorrow|(?:on\s+)?(?:this\s+|last\s+|next\s+)?{_WEEKDAY}|this\s+morning|"
    r"this\s+afternoon|this\s+evening|last\s+night|earlier\s+today)"
    rf"|(?:on\s+|the\s+)?(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])(?:,?\s+(?P<md_y>(?:19|20)\d{{2}}))?"
    rf"|(?:on\s+)?(?:the\s+)?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>(?:19|20)\d{{2}}))?"
    rf"|(?P<nm_w>next|last|this|coming)\s+(?P<nm_m>{_MONTH})"
    rf"|(?:in|since|by|until|during|from|of)\s+(?:(?:early|mid|late)[\s\-]+)?(?P<my_m>{_MONTH})(?:\s+(?:of\s+)?(?P<my_y>(?:19|20)\d{{2}}))?"
    rf"|(?:(?:early|mid|late)[\s\-]+)?(?P<my2_m>{_MONTH})\s+(?P<my2_y>(?:19|20)\d{{2}})"
    r"|(?P<rel>earlier\s+this\s+year|later\s+this\s+year|this\s+year|last\s+year|the\s+previous\s+year|the\s+year\s+before|"
    r"next\s+year|earlier\s+this\s+month|later\s+this\s+month|this\s+month|last\s+month|the\s+previous\s+month|"
    r"next\s+month|last\s+week|the\s+previous\s+week|next\s+week|earlier\s+this\s+week|this\s+week|recently|"
    r"not\s+long\s+ago)"
    r"|(?P<ago_n>\d+|a|an|one|two|three|four|five|six|several|a\s+few)\s+(?P<ago_u>days?|weeks?|months?|years?)\s+ago"
    r"|(?:in|since|during|of)\s+(?P<y>(?:19|20)\d{2})"
    r")(?![\w\-])"
)
_NOUN = (
    r"phone\s+call|telephone\s+call|video\s+call|video\s*conference|video\s+link|virtual\s+meeting|virtual\s+summit|"
    r"telephone\s+conversation|phone\s+conversation|conversation|phone\s+talks|call|visit|trip|tour|talks|meeting|"
    r"summit|message|letter|agreements?"
)
_MOD = (
    r"state|official|working|historic|successful|fruitful|bilateral|virtual|video|telephone|phone|in-person|"
    r"face-to-face|trilateral|joint|last|previous|recent|latest|earlier|prior|upcoming|next|planned|forthcoming|"
    r"future|follow-up|congratulatory|high-level|personal|informal|first"
)
_EVT = re.compile(
    r"(?<![\w\-])(?P<phrase>(?:(?:his|her|their|our|its|the|a|an|this)\s+|(?P<poss>[A-Z][\w\-]*)['’]s\s+)?"
    rf"(?:(?P<pdate>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*(?:19|20)\d{{2}},?)?)\s+)?"
    r"(?:(?P<place>[A-Z][\w\-]+)\s+)?"
    rf"(?P<mods>(?:(?:{_MOD})\s+){{0,3}})(?P<noun>{_NOUN}))(?![\w\-])",
)
_VERB = re.compile(
    r"(?<![\w\-])(?P<verb>(?:last\s+|previously\s+|first\s+)?(?:met|spoke|talked|visited|hosted)|"
    r"(?:will|would|to|plan\s+to|plans\s+to)\s+(?:finally\s+)?(?:be\s+able\s+to\s+)?(?:meet|speak|talk|visit))(?![\w\-])"
)
# every event noun and contact verb above contains one of these
_TRIGGER = re.compile(
    r"call|visit|trip|tour|talk|meet|summit|message|letter|agreement|conversation|video|met|spoke|speak|hosted"
)
_PAST_CUE = re.compile(r"\b(?:last|previous|recent|latest|earlier|prior|previously)\b", re.IGNORECASE)
_FUTURE_CUE = re.compile(r"\b(?:upcoming|next|planned|forthcoming|future)\b", re.IGNORECASE)
_THIS_ONLY = re.compile(r"this\s+(?:year|month|week)$", re.IGNORECASE)
_FUTURE_SENT = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned|planning|to\s+be\s+held|look(?:s|ing)?\s+forward|expected\s+to|"
    r"scheduled|agreed\s+to|proposed\s+to|next|upcoming|forthcoming|invitation|invited)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[.;!?]|,\s+(?:and|but|while|which|who|adding|saying|noting)\b|\s+and\s+(?:the|he|she|they)\s"
)


def _month(s: str) -> int:
    return _MONTH_NUM[s[:3].lower()]


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve(
    m: re.Match[str], anchor: dt.date | None, direction: str | None
) -> tuple[str | None, dt.date | None]:
    """(date string, exact day or None) of a time-expression match; (None, None) when unresolvable.

    ``direction`` is "future", "past" or None (unknown): a day without a year is then the
    nearest such day to the anchor, a month without a year the latest on or before it.
    """
    future = direction == "future"
    for mk, dk, yk in (("md_m", "md_d", "md_y"), ("dm_m", "dm_d", "dm_y")):
        if m.group(mk):
            mo, d = _month(m.group(mk)), int(m.group(dk))
            if m.group(yk):
                day = _safe_date(int(m.group(yk)), mo, d)
            elif anchor is None:
                return None, None
            else:
                cands = [x for x in (_safe_date(anchor.year + k, mo, d) for k in (-1, 0, 1)) if x]
                after = [x for x in cands if x >= anchor]
                before = [x for x in cands if x <= anchor]
                if direction == "future":
                    day = after[0] if after else None
                elif direction == "past":
                    day = before[-1] if before else None
                else:
                    near = [x for x in (before[-1:] + after[:1])]
                    day = min(near, key=lambda x: (abs((x - anchor).days), x > anchor)) if near else None
            return (day.isoformat() if day else None), day
    if m.group("nm_m"):
        if anchor is None:
            return None, None
        mo, w = _month(m.group("nm_m")), m.group("nm_w").lower()
        if w in ("next", "coming"):
            y = anchor.year if mo > anchor.month else anchor.year + 1
        elif w == "last":
            y = anchor.year if mo < anchor.month else anchor.year - 1
        else:
            y = anchor.year
        return _ym(y, mo), None
    for mk, yk in (("my_m", "my_y"), ("my2_m", "my2_y")):
        if m.group(mk):
            mo = _month(m.group(mk))
            if m.group(yk):
                return _ym(int(m.group(yk)), mo), None
            if anchor is None:
                return None, None
            if future:
                y = anchor.year if mo >= anchor.month else anchor.year + 1
            else:
                y = anchor.year if mo <= anchor.month else anchor.year - 1
            return _ym(y, mo), None
    if m.group("y"):
        return m.group("y"), None
    if anchor is None:
        return None, None
    rel = m.group("rel")
    if rel:
        r = " ".join(rel.lower().split())
        y, mo = anchor.year, anchor.month
        if r.endswith("this year"):
            return str(y), None
        if r in ("last year", "the previous year", "the year before"):
            return str(y - 1), None
        if r == "next year":
            return str(y + 1), None
        if r.endswith("this month"):
            return _ym(y, mo), None
        if r in ("last month", "the previous month"):
            return _ym(*_shift_month(y, mo, -1)), None
        if r == "next month":
            return _ym(*_shift_month(y, mo, 1)), None
        if r in ("last week", "the previous week"):
            when = anchor - dt.timedelta(days=7)
            return _ym(when.year, when.month), None
        if r == "next week":
            when = anchor + dt.timedelta(days=7)
            return _ym(when.year, when.month), None
        if r.endswith("this week"):
            return _ym(y, mo), None
        return None, None  # recently, not long ago
    if m.group("ago_u"):
        n_raw = " ".join(m.group("ago_n").lower().split())
        n = int(n_raw) if n_raw.isdigit() else _SMALL.get(n_raw, 1)
        unit = m.group("ago_u").lower().rstrip("s")
        if unit == "day":
            when = anchor - dt.timedelta(days=n)
            return when.isoformat(), when
        if unit == "week":
            when = anchor - dt.timedelta(days=7 * n)
            return _ym(when.year, when.month), None
        if unit == "month":
            return _ym(*_shift_month(anchor.year, anchor.month, -n)), None
        return str(anchor.year - n), None
    return None, None


def _type(noun: str, mods: str) -> str:
    n = " ".join(noun.lower().split())
    md = mods.lower()
    if "video" in n or "virtual" in n or "video" in md or "virtual" in md:
        return "video call"
    if n in ("meeting", "talks", "met", "hosted") or n.startswith(("meet", "hosted")):
        return "meeting"
    if n in ("visit", "trip", "tour", "visited") or n.startswith("visit"):
        return "visit"
    if n == "summit":
        return "summit"
    if n in ("message", "letter"):
        return "message"
    if n.startswith("agreement"):
        return "agreement"
    return "phone call"


def _verb_type(verb: str) -> str:
    v = verb.lower().split()[-1]
    if v in ("met", "meet", "hosted"):
        return "meeting"
    if v in ("visited", "visit"):
        return "visit"
    return "phone call"


def find_references(
    doc: Document, sentences: Sequence[Sentence], anchor: dt.date | None
) -> tuple[Reference, ...]:
    text = doc.clean
    found: dict[tuple[str, str | None], list] = {}  # (type, date) -> [text, spans]

    def add(typ: str, date: str | None, phrase: str, span: Span) -> None:
        item = found.get((typ, date))
        if item is None:
            found[(typ, date)] = [" ".join(phrase.split()), [span]]
        elif span not in item[1]:
            item[1].append(span)

    low = text.lower()
    if len(low) != len(text):
        low = text
    triggers = [m.start() for m in _TRIGGER.finditer(low)]
    ti = 0
    for s in sentences:
        while ti < len(triggers) and triggers[ti] < s.start:
            ti += 1
        if ti >= len(triggers) or triggers[ti] >= s.end:
            continue
        t = text[s.start : s.end]
        future_sent = bool(_FUTURE_SENT.search(t))
        taken: list[tuple[int, int]] = []
        for m in _EVT.finditer(t):
            mods = m.group("mods") or ""
            before = t[max(0, m.start() - 12) : m.start()].lower()
            past_cue = bool(_PAST_CUE.search(mods)) or before.rstrip().endswith("since")
            future_cue = bool(_FUTURE_CUE.search(mods))
            ce = _CLAUSE_END.search(t, m.end(), m.end() + 100)
            window_end = min(ce.start() if ce else len(t), m.end() + 90)
            tm = None
            if m.group("pdate"):
                tm = _TEX.match(m.group("pdate"))
                tex_end = m.end()
            else:
                tm = _TEX.search(t, m.end(), window_end)
                tex_end = tm.end() if tm else m.end()
            if not _accept(
                tm,
                past_cue,
                future_cue,
                future_sent,
                anchor,
                add,
                t,
                m.start("phrase"),
                tex_end,
                s.span,
                _type(m.group("noun"), mods),
            ):
                continue
            taken.append((m.start(), tex_end))
        for m in _VERB.finditer(t):
            if any(a <= m.start() < b for a, b in taken):
                continue
            ce = _CLAUSE_END.search(t, m.end(), m.end() + 100)
            window_end = min(ce.start() if ce else len(t), m.end() + 70)
            tm = _TEX.search(t, m.end(), window_end)
            start, end = m.start(), (tm.end() if tm else m.end())
            if tm is None or tm.group("main"):
                # "next February, we will ... meet": a time expression shortly before the verb
                back = max(0, m.start() - 60)
                cands = [x for x in _TEX.finditer(t, back, m.start()) if not x.group("main")]
                if cands:
                    tm, start, end = cands[-1], cands[-1].start(), m.end()
            verb = m.group("verb")
            past_cue = bool(_PAST_CUE.search(verb))
            future = verb.lower().startswith(("will", "would", "plan"))
            _accept(
                tm,
                past_cue,
                future,
                future_sent or future,
                anchor,
                add,
                t,
                start,
                end,
                s.span,
                _verb_type(verb),
                require_tex=True,
            )
    return tuple(Reference(typ, date, v[0], tuple(v[1])) for (typ, date), v in found.items())


def _accept(
    tm: re.Match[str] | None,
    past_cue: bool,
    future_cue: bool,
    future_sent: bool,
    anchor: dt.date | None,
    add: Callable[[str, str | None, str, Span], None],
    t: str,
    start: int,
    end: int,
    span: Span,
    typ: str,
    require_tex: bool = False,
) -> bool:
    if tm is None or tm.group("main"):
        if past_cue and not require_tex:
            add(typ, None, t[start:end] if tm is None else t[start : tm.start()].rstrip(" ,"), span)
            return True
        return False
    if _THIS_ONLY.match(" ".join(tm.group().split())) and not past_cue and not future_cue:
        return False  # "our first meeting this year": the document's own event
    local = t[max(0, start - 50) : end]
    if past_cue:
        direction: str | None = "past"
    elif future_cue or (future_sent and _FUTURE_SENT.search(local)):
        direction = "future"
    else:
        direction = None
    date, day = resolve(tm, anchor, direction)
    if date is None and not past_cue:
        return False
    if day is not None and anchor is not None and not past_cue and abs((day - anchor).days) <= 2:
        return False
    add(typ, date, t[start:end], span)
    return True
