"""The plain-text reader, and the boilerplate/metadata scan every reader shares.

:func:`scan_plain` looks at a region of an original text and returns what to
delete from it (metadata prefix, title line, ``Published:`` lines, photo
credits, web-editor lines, stray source lines) and the metadata those pieces
and the dateline give. :func:`read_txt` turns one text file into a Document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Document, OffsetMap
from . import meta
from .clean import cut, make_document

TITLE_MAX = 200  # a first line longer than this is a paragraph, not a title
DATELINE_LINES = 6  # non-empty lines (≈ paragraphs) searched for a dateline
_LINE_TAIL = re.compile(r"[ \t]*(?:\n(?:[ \t]*\n)*)?")  # the end of a line and the blank lines after it
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z]")  # "harbour. Photo" - a sentence ends inside
_SOURCE_HINT = re.compile(r"\)[ \t]+\d{1,2}:\d{2},")  # cheap pre-check for meta.SOURCE_LINE
# A header line naming only the issuing office: "President's Office", "Press Office of the President",
# "Ministry of External Affairs", "Presidential Press Service" (no sentence, no other words).
_OFFICE_HEADER = re.compile(
    r"(?:The )?(?:(?:Press|Media) (?:Office|Service) of (?:the )?|Office of (?:the )?)?"
    r"(?:(?:President|Prime Minister|Chancellor|Foreign Minister)(?:['’]s)? (?:Press )?(?:Office|Service)"
    r"|(?:President|Prime Minister|Chancellor|Foreign Minister)"
    r"|Ministry of (?:External|Foreign) Affairs|Foreign Ministry|Presidential Press (?:Service|Office))"
)
_LETTER = re.compile(r"[^\W\d_]")
_BLANK_LINES = re.compile(r"(?:[ \t\u00a0]*\n)+")
_STYLE_GT_PUBLISHED = re.compile(r"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2} [AP]M(?:\s+Updated:.*)?")
_STYLE_GT_PHOTO = re.compile(r"(?m)^[ \t]*Photo:[ \t]*(?:CFP|VCG|IC|cnsphoto|Xinhua)[ \t]*$")


@dataclass
class PlainMeta:
    """What :func:`scan_plain` found. ``deletions`` are ranges of the original text."""

    deletions: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    source_outlet: str | None = None  # from a "(Xinhua) 16:49, December 04, 2023" line
    dateline: meta.Dateline | None = None
    style_outlet: str | None = None
    header_outlet: str | None = None  # an issuing office's header line ("Prime Minister's Office")


def _with_tail(text: str, m: re.Match[str], end: int) -> tuple[int, int]:
    """The range of a matched line plus its newline and the blank lines after it (up to ``end``)."""
    t = _LINE_TAIL.match(text, m.end(), end)
    return m.start(), t.end() if t else m.end()


def _next_line_start(text: str, pos: int, end: int) -> int:
    """The start of the first non-blank line at or after ``pos``."""
    m = _BLANK_LINES.match(text, pos, end)
    return m.end() if m else pos


def scan_plain(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    date_prefix: bool = True,
    detect_title: bool = True,
) -> PlainMeta:
    """Find metadata and boilerplate in ``text[start:end]``.

    ``date_prefix``: a leading `` date YYYY-MM-DD`` is metadata (published).
    ``detect_title``: the first line is the title when it looks like one
    (shorter than 200 characters, no final period, followed by a blank line or
    a ``Published:`` line); it is deleted from the clean text.
    """
    end = len(text) if end is None else end
    out = PlainMeta()
    pos = start
    if date_prefix and start == 0:
        m = meta.DATE_META.match(text, 0, end)
        if m:
            out.published = m[1]
            out.deletions.append((0, m.end()))
            pos = m.end()
    pos = _next_line_start(text, pos, end)

    nl = text.find("\n", pos, end)
    if nl > 0:
        line = text[pos:nl].strip()
        if len(line) <= 60 and _office_header(line) and text[nl + 1 : end].strip():
            out.header_outlet = line
            tail = _BLANK_LINES.match(text, nl + 1, end)
            out.deletions.append((pos, tail.end() if tail else nl + 1))
            pos = tail.end() if tail else nl + 1

    if detect_title:
        nl = text.find("\n", pos, end)
        if nl > 0:
            line = text[pos:nl].strip()
            rest = text[nl + 1 : end]
            follows_ok = rest[:1] == "\n" or rest.lstrip(" \t")[:1] == "\n" or rest.startswith("Published:")
            if (
                line
                and len(line) < TITLE_MAX
                and not line.endswith(".")
                and not _SENTENCE_BREAK.search(line)
                and rest.strip()
                and follows_ok
                and _LETTER.search(line)
                and not meta.DATELINE.match(text, pos)
                and not meta.BOILERPLATE_LINE.match(line)
                and not meta.PUBLISHED_LINE.match(line)
                and not meta.SOURCE_LINE.match(line)
            ):
                out.title = line
                tail = _BLANK_LINES.match(text, nl + 1, end)
                out.deletions.append((pos, tail.end() if tail else nl + 1))
                pos = tail.end() if tail else nl + 1

    published_line = None
    has_published = text.find("Published:", pos, end) >= 0
    has_source = _SOURCE_HINT.search(text, pos, end) is not None
    has_credit = text.find("Photo", pos, end) >= 0 or text.find("ditor", pos, end) >= 0
    for m in meta.PUBLISHED_LINE.finditer(text, pos, end) if has_published else ():
        value = meta.parse_published_value(m["value"])
        if value:
            out.deletions.append(_with_tail(text, m, end))
            if out.published is None:
                out.published = value
                published_line = m["value"]
    for m in meta.SOURCE_LINE.finditer(text, pos, end) if has_source else ():
        out.deletions.append(_with_tail(text, m, end))
        if out.published is None:
            out.published = meta.source_line_published(m)
        if out.source_outlet is None:
            out.source_outlet = meta.agency_name(m["agency"])
    for m in meta.BOILERPLATE_LINE.finditer(text, pos, end) if has_credit else ():
        out.deletions.append(_with_tail(text, m, end))

    deleted = sorted(out.deletions)
    starts: list[int] = []
    i = pos
    while i < end and len(starts) < DATELINE_LINES:
        if text[i] != "\n" and not any(a <= i < b for a, b in deleted):
            starts.append(i)
        nl = text.find("\n", i, end)
        if nl < 0:
            break
        i = nl + 1
    out.dateline = meta.find_dateline(text, starts)

    # Global Times house style: a "Published: Jan 10, 2022 06:42 PM" line together
    # with "Photo: CFP"/"Photo: VCG" credit lines (both are printed by its article template).
    if (
        published_line
        and _STYLE_GT_PUBLISHED.fullmatch(published_line.strip())
        and _STYLE_GT_PHOTO.search(text, pos, end)
    ):
        out.style_outlet = "Global Times"
    return out


def _office_header(line: str) -> bool:
    """Whether a line is only an issuing office's name: a whole office phrase naming an office
    ("Press Office of the President"), never a bare title."""
    m = _OFFICE_HEADER.fullmatch(line)
    return bool(m) and bool(re.search(r"Office|Service|Ministry", line))


def read_txt(text: str, path: str) -> Iterator[Document]:
    """One Document for a plain-text article (``text`` already decoded)."""
    found = scan_plain(text)
    clean, offsets = cut(text, 0, len(text), found.deletions)
    yield finish(text, clean, offsets, path, "txt", found)


def finish(
    text: str,
    clean: str,
    offsets: OffsetMap,
    path: str,
    fmt: str,
    found: PlainMeta,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    dateline: str | None = None,
) -> Document:
    """Build the Document from explicit metadata (wins) and what :func:`scan_plain` found."""
    published = published or found.published
    agency = found.dateline.agency if found.dateline else None
    name, source = meta.resolve_outlet(outlet or found.source_outlet, agency, url, found.style_outlet)
    if found.header_outlet and source in (None, "style"):
        name, source = found.header_outlet, "header"
    place = dateline
    dl_date = None
    if found.dateline:
        place = place or found.dateline.place
        dl_date = meta.dateline_date(found.dateline.month, found.dateline.day, published)
    if place is None:
        place = meta.find_venue(clean)
    return make_document(
        text,
        clean,
        offsets,
        path,
        fmt,
        url=url,
        title=title or found.title,
        outlet=name,
        outlet_source=source,
        published=published,
        dateline=place,
        dateline_date=dl_date,
    )
