"""Lexical similarity of documents: TF-IDF cosine over words, plus what the numbers and names say.

Two reports of one event by different outlets share few 5-word runs (MinHash
misses them) but many rare words: names, places, topics. TF-IDF cosine
(Salton and Buckley 1988; *Mining of Massive Datasets* ch. 1.3.1) weights a
word by ``(1 + log tf) * log((1 + N) / (1 + df))``, so words every document has
("president", "said") count little. Vectors are sparse: sorted term ids and
L2-normalised weights as numpy arrays; a cosine is one ``intersect1d``.

For documents without a diplomatic frame, similar wording is not enough (two
earthquake reports share most words), so :class:`TextProfile` also keeps the
numbers and the capitalised words in mid-sentence (names, places) of each
document; disagreement there counts against a merge.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says mr ms mrs""".split()
)

_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_MIDCAP = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{2,})")


@dataclass(frozen=True)
class TextProfile:
    """What the frameless comparison looks at besides wording: numbers and mid-sentence names."""

    numbers: frozenset[str]
    names: frozenset[str]


def profile(text: str) -> TextProfile:
    """Numbers (``6.1``, ``1,200``; four-digit years excluded) and mid-sentence capitalised words of ``text``."""
    nums = frozenset(n for n in _NUMBER.findall(text) if not (len(n) == 4 and n[:2] in ("19", "20")))
    return TextProfile(nums, frozenset(_MIDCAP.findall(text)))


def set_disagreement(a: frozenset[str], b: frozenset[str], minimum: int = 2) -> float:
    """``1 - Jaccard(a, b)`` when both sets have at least ``minimum`` members, else 0 (no evidence)."""
    if len(a) < minimum or len(b) < minimum:
        return 0.0
    return 1.0 - len(a & b) / len(a | b)


class TfIdf:
    """Sparse TF-IDF vectors of a fixed collection of token lists.

    Args:
        docs: one token list per document (e.g. :func:`communique.cluster.minhash.words`);
            stopwords, one-letter tokens and pure numbers are dropped.
    """

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        vocab: dict[str, int] = {}
        raw: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
        for toks in docs:
            ids = [vocab.setdefault(t, len(vocab)) for t in toks if len(t) > 1 and t not in STOPWORDS and not t.isdigit()]
            arr = np.array(ids, dtype=np.int64)
            u, c = np.unique(arr, return_counts=True)
            raw.append((u, c))
        n = len(docs)
        df = np.zeros(len(vocab), dtype=np.int64)
        for u, _ in raw:
            df[u] += 1
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        self.vocab = vocab
        self.idf = idf
        self.vectors: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]] = []
        for u, c in raw:
            w = (1.0 + np.log(c)) * idf[u]
            norm = math.sqrt(float((w * w).sum())) or 1.0
            self.vectors.append((u, w / norm))

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of documents ``i`` and ``j`` (0 when either has no terms)."""
        ui, wi = self.vectors[i]
        uj, wj = self.vectors[j]
        _, ii, jj = np.intersect1d(ui, uj, assume_unique=True, return_indices=True)
        return float((wi[ii] * wj[jj]).sum())

    def top_terms(self, i: int, k: int) -> list[int]:
        """The ids of the ``k`` highest-weighted terms of document ``i`` (ties by id)."""
        u, w = self.vectors[i]
        order = np.lexsort((u, -w))[:k]
        return [int(x) for x in u[order]]
