"""The CSV and JSONL readers: one Document per record.

Input: the decoded text of a CSV file (header row first) or a JSONL file (one
JSON object per line). Output: one Document per record, its path
``FILE#N`` (N = 1-based record number: the data row for CSV, the line for
JSONL), or a Skip addressed ``FILE:LINE`` for a record that cannot be read.

Columns/keys are matched case-insensitively to fields (:data:`FIELD_NAMES`);
``columns`` overrides the match, e.g. ``{"body": "story"}``. The original text
of a record is ``title``, ``summary`` and ``body`` joined by blank lines
(empty parts left out); the clean text is the summary-and-body part, the title
goes to ``Document.title``. A trailing ``Z`` on an ISO datetime is dropped: the
scrapers this reader targets label the page's local time as UTC, and the data
model stores times as the source prints them, without time-zone guessing.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..model import Document
from . import meta
from .clean import cut
from .skip import Skip, too_large
from .text import finish, scan_plain

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "body": ("text", "body", "content", "article", "full_text", "fulltext"),
    "title": ("title", "headline"),
    "published": ("published", "published_at", "published_time", "date", "datetime", "pubdate"),
    "url": ("url", "link", "permalink", "source_url"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename"),
    "summary": ("summary", "lead", "description"),
    "dateline": ("dateline", "location", "place"),
}
FIELDS = tuple(FIELD_NAMES)
_NO_PLACE = {"", "na", "n/a", "none", "null", "nan", "-", "unknown"}
_FAKE_UTC = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z")


def _set_csv_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


_set_csv_limit()


def check_columns(columns: Mapping[str, str] | None) -> None:
    """Raise ValueError for an override naming an unknown field (a programmer error)."""
    for k, v in (columns or {}).items():
        if k not in FIELD_NAMES:
            raise ValueError(f"unknown field {k!r} in columns; expected one of {', '.join(FIELDS)}")
        if not isinstance(v, str) or not v:
            raise ValueError(f"column name for {k!r} must be a non-empty string")


def map_columns(names: Iterable[str], columns: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field → actual column name, for the columns present in ``names``."""
    by_lower: dict[str, str] = {}
    for n in names:
        by_lower.setdefault(str(n).strip().lower(), n)
    out: dict[str, str] = {}
    for fieldname, candidates in FIELD_NAMES.items():
        override = (columns or {}).get(fieldname)
        if override is not None:
            if override.strip().lower() in by_lower:
                out[fieldname] = by_lower[override.strip().lower()]
            continue
        for c in candidates:
            if c in by_lower:
                out[fieldname] = by_lower[c]
                break
    return out


def _value(v: Any) -> str:
    """A record value as text: strings stripped, lists of strings joined by blank lines."""
    if v is None or isinstance(v, dict):
        return ""
    if isinstance(v, list):
        return "\n\n".join(_value(x) for x in v if _value(x))
    if isinstance(v, bool):
        return ""
    return str(v).replace("\r\n", "\n").replace("\r", "\n").strip()


def record_document(
    rec: Mapping[str, Any], mapping: Mapping[str, str], path: str, fmt: str
) -> Document | None:
    """The Document of one record, or None when it has no text."""
    get = {f: _value(rec.get(col)) for f, col in mapping.items()}
    title, summary, body = get.get("title", ""), get.get("summary", ""), get.get("body", "")
    if not (summary or body):
        return None
    head = title + "\n\n" if title else ""
    text = head + "\n\n".join(p for p in (summary, body) if p)
    start = len(head)
    found = scan_plain(text, start, len(text), date_prefix=False, detect_title=False)
    clean, offsets = cut(text, start, len(text), found.deletions)
    if not clean:
        return None
    published = get.get("published") or None
    if published:
        if _FAKE_UTC.fullmatch(published):
            published = published[:-1]
        published = meta.normalise_iso(published)
    url = get.get("url") or None
    outlet = get.get("outlet") or None
    if outlet and re.match(r"(?i)https?://", outlet):
        url, outlet = url or outlet, None
    place = get.get("dateline") or None
    if place and place.lower() in _NO_PLACE:
        place = None
    return finish(
        text,
        clean,
        offsets,
        path,
        fmt,
        found,
        title=title or None,
        url=url,
        outlet=outlet,
        published=published,
        dateline=place,
    )


def _lines(source: str | Iterable[str]) -> Iterable[str]:
    return io.StringIO(source) if isinstance(source, str) else source


def _too_large(parts: Iterable[str], max_bytes: int | None) -> str | None:
    """The Skip reason when the UTF-8 size of ``parts`` exceeds ``max_bytes``, else None."""
    if max_bytes is None:
        return None
    parts = list(parts)
    if sum(len(p) for p in parts) * 4 <= max_bytes:  # a character is at most 4 bytes
        return None
    size = sum(len(p.encode("utf-8", "surrogatepass")) for p in parts)
    return too_large(size, max_bytes) if size > max_bytes else None


def sniff_delimiter(header: str) -> str:
    """``,`` unless the header line has none and has semicolons, tabs or bars instead."""
    if "," in header:
        return ","
    counts = {d: header.count(d) for d in (";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    source: str | Iterable[str],
    path: str,
    columns: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    delimiter: str | None = None,
) -> Iterator[Document | Skip]:
    """One Document per data row of a CSV text or stream of lines (header row first).

    The delimiter is ``delimiter`` when given (a tab for a ``.tsv`` file), else a
    comma, or the semicolon, tab or bar a comma-less header uses.

    ``source`` is the whole text or an iterable of lines (an open file, read
    lazily); ``max_bytes`` limits each record.
    """
    lines = iter(_lines(source))
    peeked: list[str] = []
    sniffed = ","
    try:
        for line in lines:
            peeked.append(line)
            if line.strip():
                sniffed = sniff_delimiter(line)
                break
    except UnicodeDecodeError:
        yield Skip(f"{path}:1", "not UTF-8 and undecodable")
        return
    reader = csv.reader(itertools.chain(peeked, lines), delimiter=delimiter or sniffed, strict=True)
    header: list[str] | None = None
    index: dict[str, int] = {}
    n = 0
    last_line = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except UnicodeDecodeError:
            yield Skip(f"{path}:{last_line + 1}", "not UTF-8 and undecodable")
            return
        except csv.Error as e:
            where = f"{path}:{last_line + 1}"
            last_line = reader.line_num
            if header is None:
                yield Skip(where, f"malformed CSV header ({e})")
                return
            n += 1
            yield Skip(where, f"malformed CSV record ({e})")
            continue
        first_line = last_line + 1
        last_line = reader.line_num
        if not row or not any(c.strip() for c in row):
            continue
        if header is None:
            header = [c.strip() for c in row]
            mapping = map_columns(header, columns)
            if "body" not in mapping and "summary" not in mapping:
                cols = ", ".join(header)
                if columns and "body" in columns:
                    yield Skip(path, f"no column {columns['body']!r} (columns: {cols})")
                else:
                    yield Skip(path, f"no text column (columns: {cols}); use --column body=NAME")
                return
            index = {f: header.index(col) for f, col in mapping.items()}
            continue
        n += 1
        big = _too_large(row, max_bytes)
        if big:
            yield Skip(f"{path}:{first_line}", big)
            continue
        rec = {f: row[i] if i < len(row) else "" for f, i in index.items()}
        doc = record_document(rec, {f: f for f in rec}, f"{path}#{n}", "csv")
        if doc is None:
            yield Skip(f"{path}:{first_line}", "no text")
        else:
            yield doc
    if header is None:
        yield Skip(path, "empty")
    elif n == 0:
        yield Skip(path, "no records (header only)")


def read_jsonl(
    source: str | Iterable[str],
    path: str,
    columns: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
) -> Iterator[Document | Skip]:
    """One Document per JSON object line; Skips for invalid lines and records without text.

    ``source`` is the whole text or an iterable of lines (read lazily);
    ``max_bytes`` limits each line.
    """
    cache: dict[tuple[str, ...], dict[str, str]] = {}
    lines = iter(_lines(source))
    lineno = 0
    seen = False
    while True:
        try:
            line = next(lines)
        except StopIteration:
            break
        except UnicodeDecodeError:
            yield Skip(f"{path}:{lineno + 1}", "not UTF-8 and undecodable")
            return
        lineno += 1
        if not line.strip():
            continue
        first, seen = not seen, True
        big = _too_large([line.rstrip("\r\n")], max_bytes)
        if big:
            yield Skip(f"{path}:{lineno}", big)
            continue
        if first and line.strip() in ("[", "{"):
            yield Skip(
                path, "not JSON Lines (one JSON object per line) but a JSON document over several lines"
            )
            return
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError):
            yield Skip(f"{path}:{lineno}", "invalid JSON")
            continue
        if isinstance(rec, list) and any(
            isinstance(x, dict) for x in rec
        ):  # a JSON array of records on one line: each object is a record
            for k, item in enumerate(rec, 1):
                if isinstance(item, dict):
                    yield _json_record(item, cache, columns, f"{path}#{lineno}.{k}", f"{path}:{lineno}")
                else:
                    reason = f"item {k} of the JSON array is not a JSON object (a {type(item).__name__})"
                    yield Skip(f"{path}:{lineno}", reason)
            continue
        if not isinstance(rec, dict):
            yield Skip(f"{path}:{lineno}", f"not a JSON object (a {type(rec).__name__})")
            continue
        yield _json_record(rec, cache, columns, f"{path}#{lineno}", f"{path}:{lineno}")
    if not seen:
        yield Skip(path, "empty")


def _json_record(
    rec: Mapping[Any, Any],
    cache: dict[tuple[str, ...], dict[str, str]],
    columns: Mapping[str, str] | None,
    doc_path: str,
    where: str,
) -> Document | Skip:
    """The Document of one JSON object, or a Skip addressed ``where`` when it has no text."""
    keys = tuple(str(k) for k in rec)
    mapping = cache.get(keys)
    if mapping is None:
        mapping = cache[keys] = map_columns(keys, columns)
    doc = record_document({str(k): v for k, v in rec.items()}, mapping, doc_path, "jsonl")
    if doc is None:
        has_text = "body" in mapping or "summary" in mapping
        return Skip(where, "no text" if has_text else f"no text (keys: {', '.join(keys)})")
    return doc
