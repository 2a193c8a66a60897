"""Helpers for the annotate tests: Documents from plain strings."""

from __future__ import annotations

import os
from pathlib import Path

from communique.model import Document, OffsetMap, Participant, content_id


def make_doc(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    dateline: str | None = None,
    dateline_date: str | None = None,
    language: str | None = "en",
    prefix: str = "",
) -> Document:
    """A Document whose clean text is ``text``; with ``prefix`` the original text starts with it, so
    Spans must be shifted back into the original."""
    original = prefix + text
    om = OffsetMap(((0, len(prefix), len(text)),)) if text else OffsetMap(())
    return Document(
        id=content_id(original),
        text=original,
        clean=text,
        offsets=om,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        dateline=dateline,
        dateline_date=dateline_date,
        language=language,
    )


DATA = Path(__file__).resolve().parents[1] / "data" / "annotate"


def corpus_docs(root: Path) -> tuple[dict[str, Document], dict[str, Document]]:
    """Seeds and dev documents of the shared corpus, keyed like their gold files (file name, or url for CSV rows)."""
    from communique.read import read_paths

    def load(p: Path) -> dict[str, Document]:
        out: dict[str, Document] = {}
        for d in read_paths([str(p)]):
            if isinstance(d, Document):
                key = d.url if d.format == "csv" and d.url else os.path.basename(d.paths[0])
                out[key] = d
        return out

    return load(root / "seeds"), load(root / "dev")


def participants_match(pred: tuple[Participant, ...], gold: list[dict[str, str]]) -> bool:
    """Same number of people, and each gold person has a predicted one of the same country sharing a name word."""
    if len(pred) != len(gold):
        return False
    for g in gold:
        words = set(g["name"].lower().split())
        if not any(
            p.country == g["country"] and p.name and words & set(p.name.lower().replace("-", " ").split())
            for p in pred
        ):
            return False
    return True
