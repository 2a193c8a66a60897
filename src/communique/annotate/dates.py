"""Temporal expressions and their resolution against the document's anchor date.

In: the cleaned text, its sentences and the anchor (see :func:`anchor_date`).
Out: :class:`Time` objects (offsets in ``clean``, the day or interval they
denote, the tense of their sentence).

How it works: a handful of regexes find calendar dates ("January 26, 2021",
"Jan. 10", "15 December", "Monday, November 15"), month/year periods
("December 2019", "earlier this year", "last month") and deictic words
("today", "tonight", "yesterday", "tomorrow", "on Monday", "the day before").
Each is resolved with the anchor: a calendar date without a year takes the
year that puts it nearest the anchor (in the direction of the sentence's
tense); a bare weekday resolves to the most recent such day on or before the
anchor in a past-tense sentence and to the next one on or after it in a
future-tense sentence ("will", "is scheduled to", "upcoming", ...).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"((?:19|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    (
        "mdy",
        re.compile(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?"),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:{_WD},?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?"
        ),
    ),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b")),
    (
        "inmonth",
        re.compile(rf"\b(?:[Ii]n|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-)\s*{_MON}\b(?!\s+\d)"),
    ),
    (
        "rel",
        re.compile(
            r"\b(the day before yesterday|the day after tomorrow|the day before|the (?:next|following) day|"
            r"(?:a|one) day later|(?:twenty-four|24) hours later|"
            r"(?:earlier |later )?today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            r"\b((?:earlier|later) this|this|last|next|the past|the previous|the coming)\s+(year|month|week)\b",
            re.I,
        ),
    ),
    ("inyear", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring)\s+((?:19|20)\d\d)\b")),
    # "on the 5th." - a day of the month told without the month (the anchor's month, or the one before)
    ("ordinal", re.compile(r"\b[Oo]n the (\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[.,;:)]|and\b|or\b|$))")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(last|next|this|on|coming|previous)\s+)?{_WD}\b(?!,?\s+(?:the\s+)?(?:{_MON[1:-1]}|\d))",
            re.I,
        ),
    ),
]

_BY_KIND = dict(_PATTERNS)
# All patterns in one pass: at each position the first kind in table order wins, as the
# table's priority intends (a full date before the weekday inside it).
_ANY = re.compile(
    r"(?=[A-Za-z0-9])(?:" + "|".join(f"(?P<{k}>{p.pattern})" for k, p in _PATTERNS) + ")",
    re.I,
)
# The same pass for a lower-cased text, without re.I (case-insensitive matching is several times
# slower in ``re``): every pattern starts at a word boundary, and the guard lets the engine skip word
# starts that cannot begin any expression (a digit, a month or weekday, or one of the lead words).
_MW = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
_GUARD = (
    rf"\b(?=\d|(?:{_MW})|(?:the|on|since|during)\s+(?:\d|day|next|following|past|previous|coming|{_MW})"
    rf"|on\s+the\s+\d|in\s*(?:\d|{_MW})|(?:last|this|next|early|late|earlier|later|today|tonight|yesterday|tomorrow"
    r"|coming|previous)\b|mid-|(?:a|one)\s+day\s+later|twenty-four\s+hours)"
)
_ANY_LOW = re.compile(_GUARD + "(?:" + "|".join(f"(?P<{k}>{p.pattern.lower()})" for k, p in _PATTERNS) + ")")

FUTURE = re.compile(
    r"\b(will|shall|going to|scheduled|is expected to|are expected to|plans? to|planned|is planning|upcoming|"
    r"forthcoming|intends? to|is to|are to|to be held|next week|looks forward to|will hold)\b|'ll\b",
    re.I,
)


@dataclass(frozen=True)
class Time:
    """A temporal expression in ``clean[start:end]`` and what it denotes."""

    start: int
    end: int
    text: str
    kind: str  # iso | mdy | dmy | my | inmonth | rel | period | inyear | ordinal | weekday
    day: dt.date | None  # a single day
    first: dt.date | None  # an interval (for periods); for a day both equal it
    last: dt.date | None
    future: bool  # the sentence is in the future tense
    explicit: bool  # a calendar date with month and day written out


def _month(s: str) -> int:
    return MONTHS[s[:3].lower()]


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of an ISO date/datetime string, as written (no time-zone conversion)."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _nearest_year(month: int, day: int, anchor: dt.date, future: bool) -> dt.date | None:
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe(y, month, day))]
    if not cands:
        return None
    best = min(cands, key=lambda d: abs((d - anchor).days))
    if future and (anchor - best).days > 7:
        later = [d for d in cands if d >= anchor]
        best = later[0] if later else best
    elif not future and (best - anchor).days > 7:
        earlier = [d for d in cands if d <= anchor]
        best = earlier[-1] if earlier else best
    return best


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)


def full_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, dt.date]]:
    """Calendar dates with day, month and year written out in ``text[start:end]``."""
    out = []
    end = len(text) if end is None else end
    for kind in ("iso", "mdy", "dmy"):
        pat = dict(_PATTERNS)[kind]
        for m in pat.finditer(text, start, end):
            if kind == "iso":
                d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif m.group(4) is None:
                continue
            elif kind == "mdy":
                d = _safe(int(m.group(4)), _month(m.group(2)), int(m.group(3)))
            else:
                d = _safe(int(m.group(4)), _month(m.group(3)), int(m.group(2)))
            if d:
                out.append((m.start(), m.end(), d))
    return sorted(out, key=lambda x: x[0])


def anchor_date(
    clean: str,
    dateline_date: str | None,
    published: str | None,
    sentences: Sequence[tuple[int, int]],
) -> tuple[dt.date | None, str]:
    """The day relative expressions are resolved against, and where it came from.

    Order: the dateline's date; a date standing on its own line near the start
    (a transcript's "(January 30, 2022)" or a "16:49, December 04, 2023" line);
    the publication date (date part as written); a full date written in the
    first sentences; else None.
    """
    d = parse_iso_date(dateline_date)
    if d:
        return d, "dateline"
    for s, e in sentences[:8]:
        line = clean[s:e]
        for a, b, fd in full_dates(clean, s, e):
            rest = re.sub(
                r"[\s()\[\],.:0-9]|P\.M\.|A\.M\.|[AP]M|EST|EDT|GMT|UTC|MSK", "", line[: a - s] + line[b - s :]
            )
            if len(rest) <= 12:
                return fd, "date line"
    d = parse_iso_date(published)
    if d:
        return d, "published"
    for s, e in sentences[:3]:
        fds = full_dates(clean, s, e)
        if fds:
            return fds[0][2], "text"
    return None, "none"


def find_times(clean: str, sentences: Sequence[tuple[int, int]], anchor: dt.date | None) -> list[Time]:
    """Every temporal expression of ``clean``, resolved against ``anchor``, in text order.

    Each pattern runs once over the whole text; earlier patterns in the table
    win overlaps (a full date beats the bare weekday inside it). The tense of
    an expression is the tense of the sentence that holds it.
    """
    matches: list[tuple[int, int, str, re.Match[str]]] = []
    low = clean.lower()
    scan = _ANY_LOW.finditer(low) if len(low) == len(clean) else _ANY.finditer(clean)
    for m in scan:
        kind = m.lastgroup or ""
        own = _BY_KIND[kind].match(clean, m.start())  # the kind's own groups, same match
        if own is not None:
            matches.append((own.start(), own.end(), kind, own))
    if not matches:
        return []
    matches.sort(key=lambda x: x[0])
    starts = [s for s, _e in sentences]
    future_of: dict[int, bool] = {}
    out: list[Time] = []
    last_day: dt.date | None = None
    for a, _b, kind, m in matches:
        k = bisect.bisect_right(starts, a) - 1
        if k not in future_of:
            s, e = sentences[k] if k >= 0 else (0, len(clean))
            future_of[k] = bool(FUTURE.search(clean, s, e))
        t = _resolve(kind, m, anchor, future_of[k], last_day)
        if t is None:
            continue
        out.append(t)
        if t.day is not None:
            last_day = t.day
    return out


def _resolve(
    kind: str, m: re.Match[str], anchor: dt.date | None, future: bool, last_day: dt.date | None
) -> Time | None:
    day: dt.date | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    explicit = False
    g = m.group
    if kind == "iso":
        day = _safe(int(g(1)), int(g(2)), int(g(3)))
        explicit = True
    elif kind in ("mdy", "dmy"):
        mon, dd = (_month(g(2)), int(g(3))) if kind == "mdy" else (_month(g(3)), int(g(2)))
        if kind == "mdy" and g(2).lower() == "may" and not g(4) and not g(1):
            pass  # "May 5" is still a date; accepted
        if g(4):
            day = _safe(int(g(4)), mon, dd)
        elif anchor:
            day = _nearest_year(mon, dd, anchor, future)
        explicit = True
        if day is None and not g(4) and anchor is None:
            return Time(m.start(), m.end(), g(0), kind, None, None, None, future, True)
    elif kind == "my":
        y, mon = int(g(2)), _month(g(1))
        first, last = dt.date(y, mon, 1), _month_end(y, mon)
    elif kind == "inmonth":
        if g(1).lower().startswith("may") and not g(0).lower().startswith(
            ("in", "last", "this", "next", "early", "late")
        ):
            return None
        if anchor:
            mon = _month(g(1))
            y = anchor.year
            w = g(0).split()[0].lower()
            if w == "last" or (not future and w != "next" and mon > anchor.month):
                y -= 1
            elif (w == "next" or future) and mon < anchor.month:
                y += 1
            first, last = dt.date(y, mon, 1), _month_end(y, mon)
    elif kind == "rel":
        w = g(1).lower()
        if anchor:
            if w.endswith("today") or w in ("tonight",) or w.startswith("this "):
                day = anchor
            elif w == "yesterday":
                day = anchor - dt.timedelta(days=1)
            elif w == "tomorrow":
                day = anchor + dt.timedelta(days=1)
            elif w == "the day before yesterday":
                day = anchor - dt.timedelta(days=2)
            elif w == "the day after tomorrow":
                day = anchor + dt.timedelta(days=2)
            elif w == "the day before":
                day = (last_day or anchor) - dt.timedelta(days=1)
            else:
                day = (last_day or anchor) + dt.timedelta(days=1)
    elif kind == "period":
        which, unit = g(1).lower(), g(2).lower()
        if anchor:
            first, last = _period(anchor, which, unit)
    elif kind == "ordinal":
        dd = int(g(1))
        if anchor and 1 <= dd <= 31:
            y, mon = anchor.year, anchor.month
            if future and dd < anchor.day:
                y, mon = (y + 1, 1) if mon == 12 else (y, mon + 1)
            elif not future and dd > anchor.day:
                y, mon = (y - 1, 12) if mon == 1 else (y, mon - 1)
            day = _safe(y, mon, dd)
    elif kind == "inyear":
        y = int(g(1))
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
    elif kind == "weekday":
        mod = (g(1) or "").lower()
        wd = WEEKDAYS[g(2).lower()]
        if anchor:
            if mod == "last" or mod == "previous":
                delta = (anchor.weekday() - wd) % 7 or 7
                day = anchor - dt.timedelta(days=delta)
            elif mod in ("next", "coming") or (future and mod != "last"):
                delta = (wd - anchor.weekday()) % 7
                if mod == "next" and delta == 0:
                    delta = 7
                day = anchor + dt.timedelta(days=delta)
            else:
                day = anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)
    if day is not None:
        first = last = day
    if kind in ("mdy", "dmy") and day is not None:
        return _day_range(kind, m, day, future)
    return Time(m.start(), m.end(), g(0), kind, day, first, last, future, explicit)


# A day range ("25-26 January 2019", "from 5 to 7 March", "March 5-7, 2019"): the first day is the
# expression's day (a visit's dates start when it starts), the range is first..last.
_RANGE_HEAD = re.compile(r"(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|until|till)\s*$")
_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to|and|until|till|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|per|:|\.\d))(?:,?\s+((?:19|20)\d\d)\b)?"
)


def _day_range(kind: str, m: re.Match[str], day: dt.date, future: bool) -> Time:
    text = m.string
    start, end = m.start(), m.end()
    first = last = day
    if kind == "dmy":
        h = _RANGE_HEAD.search(text, max(0, start - 14), start)
        if h and not m.group(1):
            d0 = _safe(day.year, day.month, int(h.group(1)))
            if d0 is not None and d0 < day:
                first, start = d0, h.start(1)
    elif not m.group(4) or m.end() == m.end(3):
        t = _RANGE_TAIL.match(text, m.end(3))
        if t:
            year = int(t.group(2)) if t.group(2) else day.year
            d1 = _safe(year, day.month, int(t.group(1)))
            d0 = _safe(year, day.month, day.day)
            if d1 is not None and d0 is not None and d0 < d1:
                first, last, end = d0, d1, t.end()
    return Time(start, end, text[start:end], kind, first, first, last, future, True)


def _period(anchor: dt.date, which: str, unit: str) -> tuple[dt.date, dt.date]:
    shift = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1}.get(which, 0)
    if unit == "year":
        y = anchor.year + shift
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if which == "earlier this":
            last = anchor
        elif which == "later this":
            first = anchor
        return first, last
    if unit == "month":
        y, mon = anchor.year, anchor.month + shift
        if mon < 1:
            y, mon = y - 1, 12
        elif mon > 12:
            y, mon = y + 1, 1
        first, last = dt.date(y, mon, 1), _month_end(y, mon)
        if which == "earlier this":
            last = anchor
        elif which == "later this":
            first = anchor
        return first, last
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
    return monday, monday + dt.timedelta(days=6)
