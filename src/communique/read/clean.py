"""Cut a cleaned text out of an original text, and build the Document.

Every reader computes a list of ``(start, end)`` ranges of the original text
to delete (boilerplate lines, markup, metadata). :func:`cut` turns the
original, a region of it and those deletions into the cleaned text and an
:class:`~communique.model.OffsetMap`. Cleaning never inserts characters, so
every cleaned character maps to exactly one original character, and any slice
of the cleaned text that lies inside one segment equals the original slice its
Span points to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..model import Document, OffsetMap, content_id

_WS = " \t\n\r\f\v\u00a0\u2028\u2029\ufeff"

_LETTER = re.compile(r"[^\W\d_]")
LANGUAGE_SAMPLE = 600  # characters of clean text given to the language detector (speed: it walks bytes)
LANGUAGE_MIN_LETTERS = 20  # below this many letters the language is None


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, non-empty ranges covering the same characters as ``ranges``."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def cut(
    text: str,
    start: int = 0,
    end: int | None = None,
    deletions: Iterable[tuple[int, int]] = (),
    strip: bool = True,
) -> tuple[str, OffsetMap]:
    """Keep ``text[start:end]`` minus ``deletions``; return the cleaned text and its OffsetMap.

    With ``strip`` the whitespace at both ends of the result is dropped too
    (by deletion, like everything else).
    """
    end = len(text) if end is None else end
    kept: list[tuple[int, int]] = []
    pos = start
    for a, b in merge(deletions):
        if b <= pos:
            continue
        if a >= end:
            break
        if a > pos:
            kept.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        kept.append((pos, end))
    if strip:
        while kept:
            a, b = kept[0]
            a2 = b - len(text[a:b].lstrip(_WS))
            if a2 < b:
                kept[0] = (a2, b)
                break
            kept.pop(0)
        while kept:
            a, b = kept[-1]
            b2 = a + len(text[a:b].rstrip(_WS))
            if b2 > a:
                kept[-1] = (a, b2)
                break
            kept.pop()
    segments: list[tuple[int, int, int]] = []
    c = 0
    for a, b in kept:
        segments.append((c, a, b - a))
        c += b - a
    return "".join(text[a:b] for a, b in kept), OffsetMap(tuple(segments))


def detect_language(clean: str) -> str | None:
    """ISO 639-1 code of the language of ``clean`` (its first 600 characters), or None if too short."""
    sample = clean[:LANGUAGE_SAMPLE]
    letters = _LETTER.findall(sample, 0, 400) or _LETTER.findall(sample)
    if len(letters) < LANGUAGE_MIN_LETTERS and len(_LETTER.findall(sample)) < LANGUAGE_MIN_LETTERS:
        return None
    if _clearly_english(sample):
        return "en"
    lang, _score = _identifier().classify(sample)
    return str(lang) if lang else None


# The commonest English function words. Running English text, even dense
# news prose, has a quarter or more of its words among them; other languages
# written in Latin script share only a few (Grefenstette 1995, "Comparing two language identification
# schemes"), so a high share decides English without the n-gram model.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at from it his her their its be has have had "
    "are were will would this which an or not but also said he she they we who".split()
)
_WORD = re.compile(r"[A-Za-z]+")


def _clearly_english(sample: str) -> bool:
    """True when at least 20% of the first 120 words are common English function words."""
    words = _WORD.findall(sample)[:120]
    if len(words) < 30:
        return False
    hits = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
    return hits >= 0.2 * len(words)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model restricted to languages with an ISO 639-1 (two-letter) code.

    The full model also knows languages such as Nigerian Pidgin (``pcm``) that
    short English texts are easily mistaken for; an ISO 639-1 answer is what
    the data model stores.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in ident.nb_classes if len(c) == 2])
    return ident


def make_document(text: str, clean: str, offsets: OffsetMap, path: str, fmt: str, **meta: Any) -> Document:
    """A Document with its id (``content_id`` of the original ``text``) and detected language."""
    return Document(
        id=content_id(text),
        text=text,
        clean=clean,
        offsets=offsets,
        paths=(path,),
        language=detect_language(clean),
        format=fmt,
        **meta,
    )
