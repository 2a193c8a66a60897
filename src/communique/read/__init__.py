"""The read stage: files, directories and stdin in, :class:`~communique.model.Document` s out.

One reader per format (:data:`FORMATS`): ``txt`` (:mod:`.text`), ``md``
(:mod:`.markdown`), ``html`` (:mod:`.html`), ``csv`` and ``jsonl``
(:mod:`.records`). Everything a user's data can get wrong — an unreadable,
binary, empty, oversized or undecodable file, a malformed record — comes out
as a :class:`Skip` with a short reason; only programmer errors (an unknown
format name, an unknown field in ``columns``) raise ``ValueError``.

>>> docs = [d for d in read_paths(["corpus/"]) if isinstance(d, Document)]
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..model import Document
from .decode import decode, is_blank, normalise_newlines
from .html import read_html
from .markdown import read_md
from .records import check_columns, read_csv, read_jsonl
from .skip import Skip
from .text import read_txt

__all__ = ["FORMATS", "EXTENSIONS", "Document", "Skip", "read_paths", "read_file", "read_text", "format_for"]

FORMATS = ("txt", "md", "html", "csv", "jsonl")
EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MAX_BYTES = 10_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")

_Reader = Callable[[str, str, "Mapping[str, str] | None"], Iterator["Document | Skip"]]


def _check_fmt(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def format_for(path: str) -> str | None:
    """The format a file name's extension implies (``a.MD`` → ``md``), or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def human_size(n: int) -> str:
    """``12_345_678`` → ``12.3 MB``, ``10_000_000`` → ``10 MB``, ``950`` → ``950 B`` (powers of 1000)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + " " + unit
    return f"{n} B"


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({human_size(size)} > {human_size(max_bytes)})"


def _dispatch(text: str, path: str, fmt: str, columns: Mapping[str, str] | None) -> Iterator[Document | Skip]:
    if fmt == "txt":
        return read_txt(text, path)
    if fmt == "md":
        return read_md(text, path)
    if fmt == "html":
        return read_html(text, path)
    if fmt == "csv":
        return read_csv(text, path, columns)
    return read_jsonl(text, path, columns)


def read_text(
    text: str,
    path: str,
    fmt: str = "txt",
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Read an already decoded text as format ``fmt`` (stdin, tests). ``path`` names it in the output."""
    _check_fmt(fmt)
    check_columns(columns)
    return _read_text(text, path, fmt, columns, max_bytes)


def _read_text(
    text: str, path: str, fmt: str, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    if len(text) > max_bytes and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        yield Skip(path, _too_large(len(text.encode("utf-8", "surrogatepass")), max_bytes))
        return
    text = normalise_newlines(text)
    if _SURROGATE.search(text):  # only a caller's str can hold them; decoded bytes never do
        text = _SURROGATE.sub("\ufffd", text)
    if is_blank(text):
        yield Skip(path, "empty")
        return
    try:
        for item in _dispatch(text, path, fmt, columns):
            if isinstance(item, Document) and not item.clean:
                yield Skip(item.paths[0], "no text")  # e.g. only a title, only front matter
            else:
                yield item
    except Exception as e:  # noqa: BLE001 - last line of defence: user data must never crash a run
        yield Skip(path, f"internal error: {type(e).__name__}: {e}")


def _read_bytes(
    data: bytes, path: str, fmt: str, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    if len(data) > max_bytes:
        yield Skip(path, _too_large(len(data), max_bytes))
        return
    text, reason = decode(data)
    if text is None:
        yield Skip(path, reason or "undecodable")
        return
    yield from _read_text(text, path, fmt, columns, max_bytes)


def read_file(
    path: str,
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Read one file; ``fmt`` overrides the format its extension implies."""
    _check_fmt(fmt)
    check_columns(columns)
    return _read_file(path, fmt, columns, max_bytes)


def _read_file(
    path: str, fmt: str | None, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    fmt = fmt or format_for(path)
    if fmt is None:
        ext = os.path.splitext(path)[1]
        yield Skip(path, f"unsupported extension {ext}" if ext else "unsupported extension (none)")
        return
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            yield Skip(path, "unreadable: Is a directory")
            return
        if st.st_size > max_bytes:
            yield Skip(path, _too_large(st.st_size, max_bytes))
            return
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        yield Skip(path, f"unreadable: {e.strerror or type(e).__name__}")
        return
    yield from _read_bytes(data, path, fmt, columns, max_bytes)


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory``, recursively, sorted by name; hidden files and directories left out.

    Symbolic links to directories are not followed (no loops); links to files are.
    """
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        p = os.path.join(directory, e.name)
        try:
            is_dir = e.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(p)
        else:
            yield p


def read_paths(
    paths: Iterable[str],
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Read files, directories (recursively, in sorted order) and ``-`` (stdin).

    ``fmt`` forces one format for every file and for stdin (which is ``txt``
    by default); without it a file's extension decides, and a file with an
    unknown extension gives a Skip. Yields Documents and Skips, never raises
    for problems of the data.
    """
    _check_fmt(fmt)
    check_columns(columns)
    return _read_paths(list(paths), fmt, columns, max_bytes)


def _read_paths(
    paths: list[str], fmt: str | None, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    for p in paths:
        if p == "-":
            try:
                data = sys.stdin.buffer.read(max_bytes + 1)
            except (OSError, AttributeError, ValueError) as e:
                yield Skip("-", f"unreadable: {getattr(e, 'strerror', None) or e}")
                continue
            yield from _read_bytes(data, "-", fmt or "txt", columns, max_bytes)
        elif os.path.isdir(p):
            for f in _walk(p):
                yield from _read_file(f, fmt, columns, max_bytes)
        else:
            yield from _read_file(p, fmt, columns, max_bytes)
