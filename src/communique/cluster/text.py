"""Lexical similarity of documents: TF-IDF cosine over words, plus what the numbers and names say.

Two reports of one event by different outlets share few 5-word runs (MinHash
misses them) but many rare words: names, places, topics. TF-IDF cosine
(Salton and Buckley 1988; *Mining of Massive Datasets* ch. 1.3.1) weights a
word by ``(1 + log tf) * log((1 + N) / (1 + df))``, so words every document has
("president", "said") count little. Vectors are sparse: sorted term ids and
L2-normalised weights as numpy arrays; a cosine is one ``intersect1d``.
Words are folded (lower case, no accents) so "Erdoğan" and "Erdogan" are one
term, and :meth:`TfIdf.has_term` tells whether a text names a participant
another document's frame lists.

For documents without a diplomatic frame, similar wording is not enough (two
earthquake reports share most words), so :class:`TextProfile` also keeps the
capitalised words in mid-sentence (names, places) and the decimal figures of
each document: sharing them counts for a merge, disagreeing figures against.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .people import fold

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says mr ms mrs""".split()
)

CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

_TERM = re.compile(r"\d+(?:\.\d+)+|[^\W\d_]+")
_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d.,]*\d)")
_MIDCAP = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{2,})")
_SUFFIXES = ("ings", "ing", "edly", "ed", "es", "s", "ly")


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A crude suffix stripper ("damaging", "damaged" -> "damag"): enough to match inflections for cosine."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)]
    return word


def terms(text: str) -> list[str]:
    """The TF-IDF terms of ``text``: stemmed lower-case words without accents or stopwords, and decimal numbers ("6.4")."""
    return [stem(fold(w)) for w in _TERM.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS]


@dataclass(frozen=True)
class TextProfile:
    """What the frameless comparison looks at besides wording: names and measurements.

    ``names`` are capitalised words in mid-sentence (places, people,
    organisations; calendar words and the outlet's own name left out),
    ``decimals`` the numbers with a decimal point (a magnitude, a percentage):
    two reports of one happening share them, and two happenings rarely do.
    """

    names: frozenset[str]
    decimals: frozenset[str]

    @property
    def anchors(self) -> frozenset[str]:
        return self.names | self.decimals


def profile(text: str, outlet: str | None = None) -> TextProfile:
    """The :class:`TextProfile` of ``text``."""
    skip = CALENDAR | {w.lower() for w in (outlet or "").split()}
    names = frozenset(sys.intern(w) for w in _MIDCAP.findall(text) if w.lower() not in skip)
    return TextProfile(names, frozenset(sys.intern(x) for x in _DECIMAL.findall(text)))


def overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float], minimum: int = 2) -> float:
    """Weighted ``|a & b| / min(|a|, |b|)``: the share of the smaller set found in the other.

    Each member counts ``weight(member)`` (an IDF: a name every document has
    says little). 0 when either set has fewer than ``minimum`` members (no evidence).
    """
    if len(a) < minimum or len(b) < minimum:
        return 0.0
    wa = sum(weight(x) for x in a)
    wb = sum(weight(x) for x in b)
    shared = sum(weight(x) for x in a & b)
    return shared / min(wa, wb) if min(wa, wb) > 0 else 0.0


def conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both sets are non-empty and share nothing (two magnitudes, two different figures)."""
    return bool(a) and bool(b) and not (a & b)


class TfIdf:
    """Sparse TF-IDF vectors of a fixed collection of texts.

    Args:
        texts: the documents; their terms are those of :func:`terms`, counted
            per distinct word first so each word is stemmed once per collection.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        vocab: dict[str, int] = {}
        term_of: dict[str, int] = {}  # word -> term id, -1 for stopwords and one-letter words
        raw: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
        for text in texts:
            counts = Counter(_TERM.findall(text.lower()))
            ids = np.empty(len(counts), dtype=np.int64)
            for k, w in enumerate(counts):
                t = term_of.get(w)
                if t is None:
                    t = (
                        vocab.setdefault(stem(fold(w)), len(vocab))
                        if len(w) > 1 and w not in STOPWORDS
                        else -1
                    )
                    term_of[w] = t
                ids[k] = t
            cs = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
            keep = ids >= 0
            u, inv = np.unique(ids[keep], return_inverse=True)
            raw.append((u, np.bincount(inv, weights=cs[keep], minlength=len(u)).astype(np.int64)))
        docs = raw
        n = len(docs)
        df = np.zeros(len(vocab), dtype=np.int64)
        for u, _ in raw:
            df[u] += 1
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        self.vocab = vocab
        self.df = df
        self.idf = idf
        # int32 ids and float32 weights: half the memory, ample precision for a cosine
        self.vectors: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]] = []
        for u, c in raw:
            w = (1.0 + np.log(c)) * idf[u]
            norm = math.sqrt(float((w * w).sum())) or 1.0
            self.vectors.append((u.astype(np.int32), (w / norm).astype(np.float32)))

    def weight(self, word: str) -> float:
        """The IDF of a word (its stem) in this collection; the largest IDF for a word it lacks."""
        t = self.term(word)
        return float(self.idf[t]) if t is not None else float(np.log(1.0 + len(self.vectors)) + 1.0)

    def term(self, word: str) -> int | None:
        """The term id of a word (folded and stemmed as in the vectors), None when no document has it."""
        return self.vocab.get(stem(fold(word.lower())))

    def has_term(self, i: int, t: int) -> bool:
        """Whether document ``i`` contains term ``t``."""
        u = self.vectors[i][0]
        k = int(np.searchsorted(u, t))
        return k < len(u) and int(u[k]) == t

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of documents ``i`` and ``j`` (0 when either has no terms)."""
        ui, wi = self.vectors[i]
        uj, wj = self.vectors[j]
        _, ii, jj = np.intersect1d(ui, uj, assume_unique=True, return_indices=True)
        return float((wi[ii] * wj[jj]).sum(dtype=np.float64))

    def top_terms(self, i: int, k: int, min_df: int = 2) -> list[int]:
        """The ids of the ``k`` highest-weighted terms of document ``i`` found in at least ``min_df`` documents.

        A term no other document has cannot pair this document with another,
        so it is no use for blocking however heavy its weight.
        """
        u, w = self.vectors[i]
        keep = self.df[u] >= min_df
        u, w = u[keep], w[keep]
        order = np.lexsort((u, -w))[:k]
        return [int(x) for x in u[order]]
