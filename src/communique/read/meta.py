"""Metadata found in article text and URLs: datelines, publication lines, outlets.

Plain functions over strings, shared by every reader:

- :func:`find_dateline` — ``BEIJING, Jan. 10 (Xinhua) --`` → place, month/day, agency;
- :func:`dateline_date` — the ISO date of a dateline, its year taken from the publication date;
- :func:`parse_published_value` — ``Jan 10, 2022 06:42 PM`` → ``2022-01-10T18:42:00``;
- :func:`find_venue` — a White House transcript's place line (``Roosevelt Room``);
- :func:`outlet_for_url` — URL host → outlet via ``data/outlets.tsv``;
- :func:`resolve_outlet` — metadata > dateline agency > URL > house style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PLACE_WORD = r"[A-Z][A-Za-z.'\-]*"

# A leading ` date YYYY-MM-DD` metadata prefix (the article may follow on the same line).
DATE_META = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\d])[ \t]*\n?")

# BEIJING, Jan. 10 (Xinhua) --     WASHINGTON, Sept. 9 (Meridian News) —     KYIV, Ukraine (AP) —
DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"
    rf"(?:,[ ](?P<region>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}}))??"
    rf"(?:,[ ](?P<month>{_MONTH})\.?[ ](?P<day>\d{{1,2}})(?:,[ ]\d{{4}})?)?"
    r"[ ]?\((?P<agency>[A-Z][^()\n]{0,39})\)[ ]*(?:--|\u2014|\u2013|-)"
)

# Published: Jan 10, 2022 06:42 PM   (a line of its own)
PUBLISHED_LINE = re.compile(r"(?m)^[ \t]*Published:[ \t]*(?P<value>[^\n]{4,100}?)[ \t]*$")
# Xinhua) 16:49, December 04, 2023  — the rest of a "(Xinhua) time, date" source line
SOURCE_LINE = re.compile(
    r"(?m)^[ \t]*\(?(?P<agency>[A-Z][A-Za-z .'&\-]{0,39})\)[ \t]+(?P<hour>\d{1,2}):(?P<minute>\d{2}),"
    rf"[ \t]+(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}}),[ \t]+(?P<year>\d{{4}})[ \t]*$"
)
# Whole lines of boilerplate: photo credits and web-editor notes.
BOILERPLATE_LINE = re.compile(
    r"(?m)^[ \t]*(?:"
    r"Photos?:[ \t]*[^\n.]{1,60}"
    r"|\((?:Photo|Photos)(?:[ \t]+by|[ \t]+from|:)[^\n()]{1,100}\)"
    r"|\((?:Web|Responsible)[ \t]+editors?:[^\n()]{1,120}\)"
    r")[ \t]*$"
)
# A transcript's place line followed (maybe after a "(November 14, 2021)" line) by "7:46 P.M. EST".
VENUE = re.compile(
    r"\A[ \t\u00a0]*(?P<place>[A-Z][^\n]{1,60}?)[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*"
    r"(?:[ \t\u00a0]*\([A-Z][a-z]+\.? \d{1,2}, \d{4}\)[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*)?"
    r"[ \t\u00a0]*\d{1,2}:\d{2}[ \t]*[AaPp]\.?[Mm]\.?[ \t]+[A-Z]{2,5}\b"
)
_NO_VENUE = re.compile(r"(?i)^(?:via\b|by\b|remote|virtual|telephonic)")

AGENCIES = {
    "xinhua": "Xinhua",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "tass": "TASS",
    "itar-tass": "TASS",
    "ria novosti": "RIA Novosti",
    "upi": "UPI",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "belta": "BelTA",
    "ukrinform": "Ukrinform",
    "cns": "China News Service",
    "chinanews": "China News Service",
}
_NOT_AGENCY = re.compile(
    r"(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|local time|gmt|utc|photo\b.*)$"
)

_PUBLISHED_FORMATS = (
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M",
    "%B %d, %Y %H:%M",
    "%b %d, %Y",
    "%B %d, %Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def place_case(s: str) -> str:
    """``BEIJING`` → ``Beijing``, ``UNITED NATIONS`` → ``United Nations``; mixed case is kept."""
    if s.upper() != s:
        return s
    return re.sub(r"[A-Za-z]+", lambda m: m[0].capitalize(), s.lower())


def agency_name(raw: str) -> str | None:
    """The outlet an agency credit names (``Xinhua``, ``AP`` → ``Associated Press``), or None."""
    name = " ".join(raw.split()).strip(" .,")
    if not name or _NOT_AGENCY.match(name):
        return None
    return AGENCIES.get(name.lower(), name)


def month_number(s: str) -> int:
    """``Sept`` / ``September`` / ``Sep.`` → 9."""
    s = s.lower().rstrip(".")
    return MONTHS.get(s[:4], 0) or MONTHS.get(s[:3], 0)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found in a text: ``place`` (title-cased), ``month``/``day`` (0 if absent), ``agency``."""

    place: str
    month: int
    day: int
    agency: str | None
    start: int
    end: int


def find_dateline(text: str, line_starts: list[int]) -> Dateline | None:
    """The first dateline that starts at one of ``line_starts`` in ``text``."""
    for pos in line_starts:
        m = DATELINE.match(text, pos)
        if not m:
            continue
        agency = agency_name(m["agency"])
        if agency is None:
            continue
        month = month_number(m["month"]) if m["month"] else 0
        day = int(m["day"]) if m["day"] else 0
        if month and not 1 <= day <= 31:
            continue
        return Dateline(place_case(m["place"]), month, day, agency, m.start("place"), m.end())
    return None


def dateline_date(month: int, day: int, published: str | None) -> str | None:
    """ISO date of a dateline's month and day, in the publication year.

    The year before is used when the publication year would put the dateline
    more than a day after publication (a Dec. 31 dateline published Jan. 1).
    Without a publication date the year is unknown and the result is None.
    """
    if not (month and day and published):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        pub = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:  # Feb. 29 in a common year
            continue
        if d <= pub + timedelta(days=1):
            return d.isoformat()
    return None


def parse_published_value(value: str) -> str | None:
    """An ISO date/datetime for a ``Published:`` value (``Jan 10, 2022 06:42 PM``), or None."""
    value = " ".join(value.split())
    value = re.split(r"\s*\|?\s*(?:Updated|Last updated|Modified):", value, maxsplit=1)[0]
    if _ISO_DATETIME.fullmatch(value):
        return value.replace(" ", "T", 1)
    v = value.replace("Sept ", "Sep ").replace("Sept. ", "Sep ").replace(".", "")
    for fmt in _PUBLISHED_FORMATS:
        try:
            dt = datetime.strptime(v, fmt)
        except ValueError:
            continue
        return dt.date().isoformat() if "%H" not in fmt and "%I" not in fmt else dt.isoformat()
    return None


def source_line_published(m: re.Match[str]) -> str | None:
    """ISO datetime of a matched :data:`SOURCE_LINE` (``Xinhua) 16:49, December 04, 2023``)."""
    try:
        return datetime(
            int(m["year"]), month_number(m["month"]), int(m["day"]), int(m["hour"]), int(m["minute"])
        ).isoformat()
    except ValueError:
        return None


def find_venue(clean: str) -> str | None:
    """The place line a transcript opens with (``Oval Office``), or None (``Via Teleconference``)."""
    m = VENUE.match(clean)
    if not m:
        return None
    place = m["place"].strip(" \t\u00a0")
    if _NO_VENUE.match(place) or place.endswith((".", ":", "?", "!")) or len(place.split()) > 8:
        return None
    return place


def normalise_iso(value: str) -> str:
    """``2021-02-10 21:11:39-05:00`` → ``2021-02-10T21:11:39-05:00``; other values unchanged."""
    value = value.strip()
    if _ISO_DATETIME.fullmatch(value):
        return value.replace(" ", "T", 1)
    return value


# --------------------------------------------------------------------------- outlets


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """``data/outlets.tsv`` as a dict ``host[/path-prefix]`` → outlet name."""
    table: dict[str, str] = {}
    src = resources.files("communique").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    for line in src.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, name = line.partition("\t")
        if name.strip():
            table[key.strip().lower().rstrip("/")] = name.strip()
    return table


def host_of(url: str) -> str:
    """Lower-case host of a URL (a bare ``host/path`` is accepted), without ``www.`` or port."""
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def outlet_for_url(url: str | None) -> str | None:
    """The outlet of a URL: the most specific entry of ``data/outlets.tsv`` for its host or a parent."""
    if not url:
        return None
    host = host_of(url)
    if not host:
        return None
    try:
        path = urlsplit(url if "//" in url else "//" + url).path.lower().rstrip("/")
    except ValueError:
        path = ""
    table = outlet_table()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        h = ".".join(labels[i:])
        parts = [p for p in path.split("/") if p]
        for j in range(len(parts), 0, -1):
            name = table.get(h + "/" + "/".join(parts[:j]))
            if name:
                return name
        if h in table:
            return table[h]
    return None


def looks_like_host(s: str) -> bool:
    """True for a site name that is really a host name (``globaltimes.cn``)."""
    return bool(re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", s.strip().lower()))


def resolve_outlet(
    metadata: str | None = None,
    agency: str | None = None,
    url: str | None = None,
    style: str | None = None,
) -> tuple[str | None, str | None]:
    """``(outlet, outlet_source)``: explicit metadata > dateline agency > URL host > house style."""
    if metadata and metadata.strip():
        name = metadata.strip()
        if looks_like_host(name):
            name = outlet_for_url(name) or name
        return name, "metadata"
    if agency:
        return agency, "dateline"
    by_url = outlet_for_url(url)
    if by_url:
        return by_url, "url"
    if style:
        return style, "style"
    return None, None
