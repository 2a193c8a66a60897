"""Bytes to text: encoding detection and the checks that make a file unreadable.

:func:`decode` takes the raw bytes of a file and returns either the text
(newlines normalised to ``\\n``, byte-order mark removed) or the reason the
bytes cannot be read as text: ``"empty"``, ``"binary"`` or
``"not UTF-8 and undecodable"``. It never raises.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

SNIFF_BYTES = 8192
BINARY_RATIO = 0.30  # share of control bytes in the first 8 KB above which a file is binary
MAX_CHAOS = 0.20  # charset-normalizer "mess" above which its guess is not trusted

# Bytes that occur in text: everything from space up, plus \b \t \n \f \r and ESC.
_TEXT_BYTES = bytes([7, 8, 9, 10, 12, 13, 27]) + bytes(range(0x20, 0x100))


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def is_blank(text: str) -> bool:
    """True for an empty or whitespace-only text."""
    return not text.strip()


def looks_binary(head: bytes) -> bool:
    """True when ``head`` has a NUL byte or mostly control bytes."""
    if not head:
        return False
    if b"\0" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls / len(head) > BINARY_RATIO


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes: ``(text, None)`` on success, ``(None, reason)`` otherwise.

    Order: UTF-8 with or without BOM; UTF-32/UTF-16 when a BOM says so; binary
    check (NUL bytes or mostly control bytes in the first 8 KB); UTF-8; the
    best guess of charset-normalizer when it is confident.
    """
    if not data.strip():
        return None, "empty"
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError:
            return None, "not UTF-8 and undecodable"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            text = data.decode("utf-32")
        except UnicodeDecodeError:
            text = None  # FF FE 00 00 may also be UTF-16 LE text starting with NUL
    if text is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, "not UTF-8 and undecodable"
    if text is None:
        if looks_binary(data[:SNIFF_BYTES]):
            return None, "binary"
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess(data)
            if text is None:
                return None, "not UTF-8 and undecodable"
    text = normalise_newlines(text)
    if is_blank(text):
        return None, "empty"
    if "\0" in text[:SNIFF_BYTES]:
        return None, "binary"
    return text, None


def sniff_encoding(head: bytes, complete: bool) -> tuple[str | None, str | None]:
    """The encoding of a file from its first bytes: ``(codec name, None)`` or ``(None, reason)``.

    ``complete`` says ``head`` is the whole file (then an empty head is
    ``"empty"`` and a multi-byte character may not be cut at its end). Used to
    stream large CSV/JSONL files; the checks are those of :func:`decode`.
    """
    if complete and not head.strip():
        return None, "empty"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(head) % 4 == 0:
        return "utf-32", None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    if looks_binary(head[:SNIFF_BYTES]):
        return None, "binary"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(head)
    return (encoding, None) if encoding else (None, "not UTF-8 and undecodable")


def iter_lines(head: bytes, stream: BinaryIO, encoding: str, chunk_size: int = 1 << 20) -> Iterator[str]:
    """Decode ``head`` and then the rest of ``stream`` lazily, yielding lines that end in ``\\n``.

    Bytes that do not decode become U+FFFD (the encoding was checked on the
    first bytes; one bad byte further on should not cost the rest of a large
    file). ``\\r\\n`` is left to the CSV and JSON parsers, which accept it.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = ""
    chunk = head
    while True:
        final = not chunk
        pending += decoder.decode(chunk, final=final)
        if "\n" in pending:
            *lines, pending = pending.split("\n")
            for line in lines:
                yield line + "\n"
        if final:
            break
        chunk = stream.read(chunk_size)
    if pending:
        yield pending


def _guess(data: bytes) -> str | None:
    """``data`` decoded with :func:`_guess_encoding`'s answer, or None."""
    encoding = _guess_encoding(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's encoding for ``data`` if it is confident, else None.

    On short texts several single-byte code pages fit equally well; among the
    equally good candidates Windows-1252 (the common legacy encoding of
    Western news sites) is preferred.
    """
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))
    except Exception:  # noqa: BLE001 - a detector failure just means "undecodable"
        return None
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    if best.chaos > MAX_CHAOS:
        return None
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01]
    return next((m.encoding for m in tied if m.encoding == "cp1252"), tied[0].encoding)
