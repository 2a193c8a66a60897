"""The read stage: files, directories and stdin in, :class:`~communique.model.Document` s out.

One reader per format (:data:`FORMATS`): ``txt`` (:mod:`.text`), ``md``
(:mod:`.markdown`), ``html`` (:mod:`.html`), ``csv`` and ``jsonl``
(:mod:`.records`). Everything a user's data can get wrong — an unreadable,
binary, empty, oversized or undecodable file, a malformed record — comes out
as a :class:`Skip` with a short reason; only programmer errors (an unknown
format name, an unknown field in ``columns``) raise ``ValueError``.

Typical use::

    for item in read_paths(["corpus/", "extra.csv"]):
        if isinstance(item, Skip):
            print(f"skipped {item.path}: {item.reason}")
        else:
            handle(item)  # a Document
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from ..model import Document
from .decode import (
    SNIFF_BYTES,
    decode,
    is_blank,
    iter_lines,
    looks_binary,
    normalise_newlines,
    sniff_encoding,
)
from .html import read_html
from .markdown import read_md
from .records import check_columns, read_csv, read_jsonl
from .skip import Skip, human_size, too_large
from .text import read_txt

__all__ = [
    "FORMATS",
    "EXTENSIONS",
    "MAX_BYTES",
    "Document",
    "Skip",
    "read_paths",
    "read_file",
    "read_text",
    "format_for",
    "human_size",
]

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
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MAX_BYTES = 10_000_000
RECORD_FORMATS = ("csv", "jsonl")  # read as streams; max_bytes applies per record
STREAM_HEAD = 1 << 16  # bytes sniffed for the encoding of a stream
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_fmt(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def format_for(path: str) -> str | None:
    """The format a file name's extension implies (``a.MD`` → ``md``), or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def _dispatch(
    text: str, path: str, fmt: str, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    if fmt == "txt":
        return read_txt(text, path)
    if fmt == "md":
        return read_md(text, path)
    if fmt == "html":
        return read_html(text, path)
    if fmt == "csv":
        return read_csv(text, path, columns, max_bytes)
    return read_jsonl(text, path, columns, max_bytes)


def read_text(
    text: str,
    path: str,
    fmt: str = "txt",
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Read an already decoded text as format ``fmt`` (stdin, tests). ``path`` names it in the output.

    ``max_bytes`` limits the UTF-8 size of the text, or of each record for CSV and JSONL.
    """
    _check_fmt(fmt)
    check_columns(columns)
    return _read_text(text, path, fmt, columns, max_bytes)


def _read_text(
    text: str, path: str, fmt: str, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    if fmt not in RECORD_FORMATS and len(text) * 4 > max_bytes:  # records are limited one by one
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            yield Skip(path, too_large(size, max_bytes))
            return
    text = normalise_newlines(text)
    if _SURROGATE.search(text):  # only a caller's str can hold them; decoded bytes never do
        text = _SURROGATE.sub("\ufffd", text)
    if is_blank(text):
        yield Skip(path, "empty")
        return
    yield from _guarded(_dispatch(text, path, fmt, columns, max_bytes), path)


def _guarded(items: Iterator[Document | Skip], path: str) -> Iterator[Document | Skip]:
    """Pass items on; a Document with no clean text becomes a Skip, and an unexpected error a final Skip."""
    try:
        for item in items:
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
        yield Skip(path, too_large(len(data), max_bytes))
        return
    text, reason = decode(data)
    if text is None:
        yield Skip(path, reason or "undecodable")
        return
    yield from _read_text(text, path, fmt, columns, max_bytes)


def _read_stream(
    stream: BinaryIO, path: str, fmt: str, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    """Read a CSV/JSONL stream lazily: the encoding is sniffed on the first bytes, ``max_bytes`` is per record."""
    try:
        head = stream.read(STREAM_HEAD)
    except OSError as e:
        yield Skip(path, f"unreadable: {e.strerror or type(e).__name__}")
        return
    encoding, reason = sniff_encoding(head, complete=len(head) < STREAM_HEAD)
    if encoding is None:
        yield Skip(path, reason or "undecodable")
        return
    lines = iter_lines(head, stream, encoding)
    if fmt == "csv":
        tab = "\t" if path.lower().endswith(".tsv") else None
        items = read_csv(lines, path, columns, max_bytes, delimiter=tab)
    else:
        items = read_jsonl(lines, path, columns, max_bytes)
    try:
        yield from _guarded(items, path)
    except OSError as e:  # a read error in the middle of the file
        yield Skip(path, f"unreadable: {e.strerror or type(e).__name__}")


def read_file(
    path: str,
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skip]:
    """Read one file; ``fmt`` overrides the format its extension implies.

    ``max_bytes`` limits the file, except for CSV and JSONL, which are read as
    a stream and where it limits each record.
    """
    _check_fmt(fmt)
    check_columns(columns)
    return _read_file(path, fmt, columns, max_bytes)


def _read_file(
    path: str, fmt: str | None, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    try:
        st = os.stat(path)
    except OSError as e:
        yield _stat_skip(path, e)
        return
    if not stat.S_ISREG(st.st_mode):  # opening a FIFO or a terminal would wait forever
        yield Skip(path, _not_regular(st.st_mode))
        return
    fmt = fmt or format_for(path)
    if fmt is None:
        yield _unsupported(path)
        return
    try:
        if fmt in RECORD_FORMATS:
            f = open(path, "rb")  # noqa: SIM115 - closed below, after the lazy read
        else:
            if st.st_size > max_bytes:
                yield Skip(path, too_large(st.st_size, max_bytes))
                return
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except OSError as e:
        yield Skip(path, f"unreadable: {e.strerror or type(e).__name__}")
        return
    if fmt in RECORD_FORMATS:
        with f:
            yield from _read_stream(f, path, fmt, columns, max_bytes)
    else:
        yield from _read_bytes(data, path, fmt, columns, max_bytes)


def _stat_skip(path: str, e: OSError) -> Skip:
    """The Skip of a path that cannot be stat'ed: a broken symbolic link says so."""
    if isinstance(e, FileNotFoundError) and os.path.islink(path):
        return Skip(path, "broken symbolic link")
    return Skip(path, f"unreadable: {e.strerror or type(e).__name__}")


def _not_regular(mode: int) -> str:
    """The Skip reason of a file that is neither a regular file nor a directory."""
    if stat.S_ISDIR(mode):
        return "unreadable: Is a directory"
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO); pipe it to standard input with '-' instead"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    return "not a regular file (a device)"


def _unsupported(path: str) -> Skip:
    """The Skip of a file with an unknown extension: ``binary`` when it is, else ``unsupported extension .xyz``."""
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as e:
        return Skip(path, f"unreadable: {e.strerror or type(e).__name__}")
    if looks_binary(head):
        return Skip(path, "binary")
    ext = os.path.splitext(path)[1]
    return Skip(path, f"unsupported extension {ext}" if ext else "unsupported extension (none)")


_PROJECT_FILE = re.compile(r"(?i)^(readme|license|licence|changelog|contributing|copying)(\.[a-z]+)?$")


def _walk(directory: str) -> Iterator[str | Skip]:
    """Files under ``directory``, recursively, sorted by name; hidden files and directories left out.

    Symbolic links to directories are not followed (no loops); links to files
    are. A directory that cannot be listed comes out as a Skip.
    """
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield Skip(directory, f"unreadable: {e.strerror or type(e).__name__}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        p = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(p)
        elif _PROJECT_FILE.match(entry.name):
            yield Skip(p, "notes file, not an article; name it to read it")
        else:
            yield p


def read_paths(
    paths: Iterable[str],
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    workers: int = 1,
) -> Iterator[Document | Skip]:
    """Read files, directories (recursively, in sorted order) and ``-`` (stdin).

    ``fmt`` forces one format for every file and for stdin (which is ``txt``
    by default); without it a file's extension decides, and a file with an
    unknown extension gives a Skip. Yields Documents and Skips, never raises
    for problems of the data.

    With ``workers`` > 1, whole-file formats (txt, md, html) are read in a
    pool of that many processes, in chunks; the order of the results is the
    same as with one worker. CSV and JSONL files are always streamed in this
    process, so a huge file never has to fit in memory at once.
    """
    _check_fmt(fmt)
    check_columns(columns)
    items = _read_paths(list(paths), fmt, columns, max_bytes)
    if workers > 1:
        return _parallel(items, workers, fmt, columns, max_bytes)
    return _serial(items, fmt, columns, max_bytes)


def _serial(
    items: Iterator[Document | Skip | str], fmt: str | None, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip]:
    for x in items:
        if isinstance(x, str):
            yield from _read_file(x, fmt, columns, max_bytes)
        else:
            yield x


def _read_paths(
    paths: list[str], fmt: str | None, columns: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Document | Skip | str]:
    """Documents and Skips of stdin and record files; plain paths (str) of whole files still to read.

    A path given twice is read once; the second time it is a Skip ``given
    twice``. (The same file reached by two different paths is read under each:
    one document, both paths recorded.)
    """
    seen: dict[str, str] = {}
    for p in paths:
        if p == "-":
            if "-" in seen:
                yield Skip(p, "standard input given twice")
            else:
                seen["-"] = p
                yield from _read_stdin(fmt or "txt", columns, max_bytes)
            continue
        if os.path.isdir(p):
            key = "dir:" + p
            if key in seen:
                yield Skip(p, "given twice")
                continue
            seen[key] = p
            files: Iterator[str | Skip] = _walk(p)
        else:
            files = iter([p])
        found = False
        for f in files:
            found = True
            if isinstance(f, Skip):
                yield f
                continue
            key = "file:" + f
            if key in seen:
                yield Skip(f, "given twice")
            elif (fmt or format_for(f)) in RECORD_FORMATS:
                seen[key] = f
                yield from _read_file(f, fmt, columns, max_bytes)
            else:
                seen[key] = f
                yield f
        if not found:
            yield Skip(p, "no files")


def _ignore_sigint() -> None:
    """Pool workers leave Ctrl-C to the parent, which stops the run (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_chunk(job: tuple[list[str], str | None, Mapping[str, str] | None, int]) -> list[Document | Skip]:
    files, fmt, columns, max_bytes = job
    return [item for f in files for item in _read_file(f, fmt, columns, max_bytes)]


def _parallel(
    items: Iterator[Document | Skip | str],
    workers: int,
    fmt: str | None,
    columns: Mapping[str, str] | None,
    max_bytes: int,
    chunk: int = 64,
) -> Iterator[Document | Skip]:
    """Whole files read in a process pool, ``chunk`` files a task, results in input order."""
    from concurrent.futures import ProcessPoolExecutor

    pool: ProcessPoolExecutor | None = None
    pending: list[str] = []
    try:
        batch: list[list[str]] = []

        def flush() -> Iterator[Document | Skip]:
            nonlocal pool
            if pending:
                batch.append(list(pending))
                pending.clear()
            if not batch:
                return
            if pool is None and (len(batch) > 1 or len(batch[0]) >= chunk):
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
            jobs = [(b, fmt, columns, max_bytes) for b in batch]
            results = pool.map(_read_chunk, jobs) if pool is not None else map(_read_chunk, jobs)
            for res in results:
                yield from res
            batch.clear()

        for x in items:
            if isinstance(x, str):
                pending.append(x)
                if len(pending) >= chunk:
                    batch.append(list(pending))
                    pending.clear()
                    if len(batch) >= workers * 4:
                        yield from flush()
            else:
                yield from flush()
                yield x
        yield from flush()
    finally:
        if pool is not None:
            pool.shutdown()


def _read_stdin(fmt: str, columns: Mapping[str, str] | None, max_bytes: int) -> Iterator[Document | Skip]:
    """Standard input, as format ``fmt``; CSV/JSONL are streamed like files."""
    try:
        stream = sys.stdin.buffer
    except AttributeError:
        yield Skip("-", "unreadable: standard input is not a byte stream")
        return
    if fmt in RECORD_FORMATS:
        yield from _read_stream(stream, "-", fmt, columns, max_bytes)
        return
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as e:
        yield Skip("-", f"unreadable: {getattr(e, 'strerror', None) or e}")
        return
    yield from _read_bytes(data, "-", fmt, columns, max_bytes)
