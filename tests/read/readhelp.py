"""Helpers for the read-stage tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path

from communique.model import Document
from communique.read import Skip, read_paths

DATA = Path(__file__).resolve().parents[1] / "data" / "read"


def check_offsets(doc: Document) -> None:
    """The OffsetMap of ``doc`` is consistent: every segment's clean text is the original text it maps to."""
    c_expected = 0
    last_orig = -1
    for c, o, n in doc.offsets.segments:
        assert c == c_expected, "segments must tile the clean text"
        assert n > 0
        assert o > last_orig, "segments must be in original order"
        assert doc.clean[c : c + n] == doc.text[o : o + n]
        c_expected = c + n
        last_orig = o + n - 1
    assert c_expected == len(doc.clean)


def docs_of(items: list[Document | Skip]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def skips_of(items: list[Document | Skip]) -> list[Skip]:
    return [d for d in items if isinstance(d, Skip)]


def read_all(*paths: str | Path, **kw: object) -> list[Document | Skip]:
    """Everything ``read_paths`` yields for ``paths``, as a list."""
    return list(read_paths([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def one(items: list[Document | Skip]) -> Document:
    """The single Document of ``items`` (asserting there is exactly one and no Skip)."""
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]
