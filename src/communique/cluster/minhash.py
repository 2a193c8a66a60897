"""MinHash signatures and LSH banding, vectorised with numpy.

Near-verbatim copies (a wire story reprinted under a new headline, a readout
mirrored by a second site) are found by estimating the Jaccard similarity of the
documents' sets of word shingles. A MinHash signature (Broder 1997, "On the
resemblance and containment of documents") keeps, for each of ``num_perm``
random permutations of the shingle space, the smallest permuted shingle; two
signatures agree at one position with probability equal to the Jaccard
similarity of the two sets. Locality-sensitive hashing by banding (Leskovec,
Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3.4) cuts the signature
into ``b`` bands of ``r`` rows and makes every pair that agrees on a whole band a
candidate: a pair of similarity ``s`` becomes a candidate with probability
``1 - (1 - s**r)**b``, an S-curve whose step sits near ``(1/b)**(1/r)``.
Candidates are then verified by the fraction of agreeing signature positions.

Why it is fast: every step runs over whole arrays, never per word or shingle in
Python. Raw texts are tokenised and their words hashed on one byte array per
batch (:func:`text_word_hashes`; token lists go through a per-word cache
instead), shingle hashes of all documents of a batch are one ``uint64`` array, each permutation
``h -> a*h + b (mod 2**64)`` with odd ``a`` (a bijection of the 64-bit words,
the affine family datasketch also uses) is two vector operations over that
array, and ``np.minimum.reduceat`` takes the per-document minimum. Band keys are
hashed rows, bucketed with one sort per band.

Example:
    >>> from communique.cluster.minhash import near_duplicates
    >>> a = "the two presidents spoke by phone on monday about trade and energy cooperation"
    >>> near_duplicates([a, a + " today", "an earthquake struck the province"], threshold=0.5)
    [(0, 1, 0.8...)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]

_WORD = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
_EMPTY = np.uint32(0xFFFFFFFF)
#: shingles per batch: bounds the working memory (8 bytes each, two buffers)
_BATCH_SHINGLES = 1 << 21
#: characters per batch of raw texts (about as many bytes, eight times that in working arrays)
_BATCH_BYTES = 1 << 19


def words(text: str) -> list[str]:
    """The lower-cased word tokens (``\\w+``) of ``text``, in order."""
    return _WORD.findall(text.lower())


def _fmix64(x: U64) -> U64:
    """MurmurHash3's 64-bit finaliser (in place): spreads every input bit over the word."""
    x ^= x >> np.uint64(33)
    x *= np.uint64(0xFF51AFD7ED558CCD)
    x ^= x >> np.uint64(33)
    x *= np.uint64(0xC4CEB93FE53A4E63)
    x ^= x >> np.uint64(33)
    return x


#: the odd multiplier of the polynomial word hash (any odd 64-bit constant; invertible mod 2**64)
_P = 0x100000001B3
_P_INV = pow(_P, -1, 1 << 64)
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True  # non-ASCII letters; punctuation is cut out below


def _word_hash(word: str) -> int:
    """The 64-bit hash of one word: ``fmix64(sum(byte_i * P**i))`` over its UTF-8 bytes.

    The same value :func:`text_word_hashes` computes for the word inside a text,
    so token lists and raw texts give equal signatures.
    """
    h, p = 0, 1
    for b in word.encode("utf-8", "surrogatepass"):
        h = (h + b * p) & _MASK64
        p = (p * _P) & _MASK64
    return int(_fmix64(np.array([h], dtype=np.uint64))[0])


class WordHasher:
    """Deterministic 64-bit hashes of words, computed once per distinct word.

    Python's ``hash`` is salted per process, so a fixed polynomial hash is
    used; the vocabulary cache makes its cost proportional to the number of
    distinct words, not of tokens.
    """

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}

    def __call__(self, tokens: Sequence[str]) -> U64:
        vocab = self._vocab
        try:
            ids = [vocab[t] for t in tokens]
        except KeyError:
            for t in tokens:
                if t not in vocab:
                    vocab[t] = _word_hash(t)
            ids = [vocab[t] for t in tokens]
        return np.array(ids, dtype=np.uint64)


_POWERS: list[U64] = []


def _powers(n: int) -> tuple[U64, U64]:
    """``P**i`` and ``P**-i`` (mod 2**64) for ``i < n``, cached and grown as needed."""
    if not _POWERS or len(_POWERS[0]) < n:
        m = 1 << max(n - 1, _BATCH_BYTES).bit_length()
        pows = np.full(m, _P, dtype=np.uint64)
        pows[0] = 1
        np.multiply.accumulate(pows, out=pows)
        inv = np.full(m, _P_INV, dtype=np.uint64)
        inv[0] = 1
        np.multiply.accumulate(inv, out=inv)
        _POWERS[:] = [pows, inv]
    return _POWERS[0], _POWERS[1]


def text_word_hashes(texts: Sequence[str]) -> tuple[U64, I64]:
    """The word hashes of several texts at once, without a Python loop over words.

    Texts are lower-cased and UTF-8 encoded into one byte array; a word is a
    maximal run of ASCII letters, digits, ``_`` and non-ASCII characters other
    than the General Punctuation block (dashes, curly quotes) and the no-break
    space -- the words of :func:`words` for news text. Each word's hash is
    ``sum(byte_i * P**i)`` from prefix sums of ``byte * P**position``
    (``uint64`` arithmetic wraps mod 2**64, and ``P`` is odd, so the shift to
    the word's start is a multiplication by a power of ``P``'s inverse), then
    finalised with :func:`_fmix64`.

    Returns:
        ``(hashes, counts)``: the word hashes of all texts, concatenated, and
        the number of words of each text.
    """
    parts = [t.lower().encode("utf-8", "surrogatepass") for t in texts]
    if not parts:
        return np.empty(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    buf = b" ".join(parts) + b" "
    a = np.frombuffer(buf, dtype=np.uint8)
    w = _WORD_BYTE[a]
    cut = np.flatnonzero((a[:-2] == 0xE2) & ((a[1:-1] == 0x80) | (a[1:-1] == 0x81)))
    for k in range(3):
        w[cut + k] = False
    cut = np.flatnonzero((a[:-1] == 0xC2) & (a[1:] == 0xA0))
    w[cut] = w[cut + 1] = False
    edges = np.diff(w.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    n = len(a)
    pows, inv = _powers(n)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.multiply(a, pows[:n], out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    hashes = _fmix64((prefix[ends] - prefix[starts]) * inv[starts])
    doc_ends = np.cumsum([len(p) + 1 for p in parts])
    counts = np.diff(np.searchsorted(starts, doc_ends), prepend=0).astype(np.int64)
    return hashes, counts


def shingle_hashes(token_hashes: U64, lengths: I64, k: int) -> tuple[U64, I64]:
    """Hashes of the ``k``-word shingles of several documents at once.

    Args:
        token_hashes: the word hashes of all documents, concatenated.
        lengths: the number of words of each document (summing to ``len(token_hashes)``).
        k: words per shingle.

    Returns:
        ``(hashes, counts)``: the shingle hashes of all documents, concatenated,
        and how many belong to each document. A document shorter than ``k``
        words has one shingle made of all its words; an empty one has none.
    """
    n = len(token_hashes)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    if n >= k:
        m = n - k + 1
        acc = token_hashes[:m].copy()
        for j in range(1, k):
            acc *= np.uint64(0x9E3779B97F4A7C15)
            acc += token_hashes[j : j + m]
        _fmix64(acc)
        # a shingle starting at p is valid when it ends inside p's document
        doc_of = np.repeat(np.arange(len(lengths)), lengths)[:m]
        valid = np.arange(m) + k <= ends[doc_of]
        hashes = acc[valid]
        counts = np.maximum(lengths - k + 1, 0).astype(np.int64)
    else:
        hashes = np.empty(0, dtype=np.uint64)
        counts = np.zeros(len(lengths), dtype=np.int64)
    short = np.nonzero((lengths > 0) & (lengths < k))[0]
    if len(short):
        # one shingle of all the words of each short document, spliced in at its place
        extra = []
        for d in short:
            h = 0
            for t in token_hashes[starts[d] : ends[d]].tolist():
                h = (h * 0x9E3779B97F4A7C15 + t) & _MASK64
            extra.append(h)
        ex = _fmix64(np.array(extra, dtype=np.uint64))
        pos = np.cumsum(counts)[short] - counts[short]
        hashes = np.insert(hashes, pos, ex)
        counts[short] = 1
    return hashes, counts


class MinHasher:
    """Computes MinHash signatures of many documents with ``num_perm`` affine permutations.

    Args:
        num_perm: signature length (more = smaller estimation error, ``~sqrt(J(1-J)/num_perm)``).
        shingle: words per shingle.
        seed: seeds the permutation parameters; signatures are comparable only
            between hashers of equal ``num_perm``, ``shingle`` and ``seed``.
    """

    def __init__(self, num_perm: int = 128, shingle: int = 5, seed: int = 1) -> None:
        if num_perm < 2:
            raise ValueError(f"num_perm={num_perm}: a signature needs at least 2 permutations (128 is usual)")
        if shingle < 1:
            raise ValueError(f"shingle={shingle}: shingles have at least one word")
        self.num_perm = num_perm
        self.shingle = shingle
        rng = np.random.default_rng(seed)
        self._a = rng.integers(0, 1 << 63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 1 << 63, num_perm, dtype=np.uint64)
        self._words = WordHasher()

    def signatures(self, docs: Iterable[Sequence[str]]) -> U32:
        """Signatures of token lists, one row per document (``uint32``, shape ``(n, num_perm)``).

        A row is the high 32 bits of the minimum of each permutation over the
        document's shingle hashes; an empty document gets all ``0xFFFFFFFF``
        (see :func:`empty_rows`).
        """
        rows: list[U32] = []
        batch: list[U64] = []
        size = 0
        for toks in docs:
            th = self._words(toks)
            batch.append(th)
            size += len(th)
            if size >= _BATCH_SHINGLES:
                rows.append(
                    self._batch(np.concatenate(batch), np.array([len(b) for b in batch], dtype=np.int64))
                )
                batch, size = [], 0
        if batch or not rows:
            lengths = np.array([len(b) for b in batch], dtype=np.int64)
            rows.append(self._batch(np.concatenate(batch) if batch else np.empty(0, np.uint64), lengths))
        return np.concatenate(rows) if len(rows) > 1 else rows[0]

    def signatures_of_texts(self, texts: Iterable[str]) -> U32:
        """Signatures of raw texts, tokenised and hashed by :func:`text_word_hashes` in batches.

        Equal to :meth:`signatures` of the texts' words; faster, as no Python
        object is made per word.
        """
        rows: list[U32] = []
        batch: list[str] = []
        size = 0
        for t in texts:
            batch.append(t)
            size += len(t)
            if size >= _BATCH_BYTES:
                rows.append(self._batch(*text_word_hashes(batch)))
                batch, size = [], 0
        if batch or not rows:
            rows.append(self._batch(*text_word_hashes(batch)))
        return np.concatenate(rows) if len(rows) > 1 else rows[0]

    def _batch(self, token_hashes: U64, lengths: I64) -> U32:
        n = len(lengths)
        out = np.full((n, self.num_perm), _EMPTY, dtype=np.uint32)
        if not n:
            return out
        hashes, counts = shingle_hashes(token_hashes, lengths, self.shingle)
        has = np.nonzero(counts)[0]
        if not len(has):
            return out
        offsets = (np.cumsum(counts) - counts)[has]
        buf = np.empty_like(hashes)
        for i in range(self.num_perm):
            np.multiply(hashes, self._a[i], out=buf)
            buf += self._b[i]
            out[has, i] = (np.minimum.reduceat(buf, offsets) >> np.uint64(32)).astype(np.uint32)
        return out


def empty_rows(sig: U32) -> npt.NDArray[np.bool_]:
    """Which signature rows belong to documents without any shingle."""
    return np.all(sig == _EMPTY, axis=1)  # type: ignore[no-any-return]


# ----------------------------------------------------------------------------- LSH


def _candidate_probability(s: npt.NDArray[np.float64], b: int, r: int) -> npt.NDArray[np.float64]:
    return 1.0 - (1.0 - s**r) ** b  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def optimal_bands(
    threshold: float, num_perm: int, fp_weight: float = 0.2, fn_weight: float = 0.8
) -> tuple[int, int]:
    """The ``(bands, rows)`` minimising ``fp_weight * FP + fn_weight * FN`` (MMDS ch. 3.4.3).

    FP is the area under the candidate-probability S-curve below
    ``threshold``, FN the area above it missing from the curve, as in
    datasketch's ``_optimal_param``. The default weights favour recall because
    candidates are verified afterwards, which removes false positives cheaply.
    """
    xs_lo = np.linspace(0.0, threshold, 201)
    xs_hi = np.linspace(threshold, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = np.trapezoid(_candidate_probability(xs_lo, b, r), xs_lo)
            fn = np.trapezoid(1.0 - _candidate_probability(xs_hi, b, r), xs_hi)
            err = float(fp_weight * fp + fn_weight * fn)
            if best is None or err < best[0] - 1e-12:
                best = (err, b, r)
    assert best is not None
    return best[1], best[2]


def _pairs_in_runs(order: I64, keys: U64) -> tuple[I64, I64]:
    """All pairs of documents sharing a key; ``order`` sorts ``keys``."""
    sk = keys[order]
    brk = np.flatnonzero(sk[1:] != sk[:-1]) + 1
    run_start = np.concatenate(([0], brk))
    run_end = np.concatenate((brk, [len(sk)]))
    big = run_end - run_start > 1
    if not big.any():
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    run_start, run_end = run_start[big], run_end[big]
    # every position p of a run pairs with the positions p+1 .. end-1
    sizes = run_end - run_start
    pos = np.repeat(run_start, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    end_of = np.repeat(run_end, sizes)
    cnt = end_of - pos - 1
    left = np.repeat(pos, cnt)
    first = np.repeat(np.cumsum(cnt) - cnt, cnt)
    right = left + 1 + (np.arange(cnt.sum()) - first)
    a, b = order[left], order[right]
    return np.minimum(a, b), np.maximum(a, b)


def lsh_candidates(sig: U32, bands: int, rows: int) -> tuple[I64, I64]:
    """Candidate pairs ``(i, j)``, ``i < j``, that agree on all rows of at least one band.

    Documents without shingles are never candidates. Pairs are unique and
    sorted. Memory is linear in the number of documents plus candidate pairs.
    """
    n, num_perm = sig.shape
    if bands * rows > num_perm:
        raise ValueError(f"bands*rows = {bands}*{rows} exceeds num_perm={num_perm}")
    live = np.flatnonzero(~empty_rows(sig))
    if len(live) < 2:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    s = sig[live] if len(live) < n else sig
    mult = _fmix64(np.arange(1, rows + 1, dtype=np.uint64))
    lefts: list[I64] = []
    rights: list[I64] = []
    for band in range(bands):
        block = s[:, band * rows : (band + 1) * rows].astype(np.uint64)
        key = (block * mult).sum(axis=1, dtype=np.uint64) + np.uint64(band)
        key = _fmix64(key)
        order = np.argsort(key, kind="stable")
        a, b = _pairs_in_runs(order.astype(np.int64), key)
        lefts.append(a)
        rights.append(b)
    a = np.concatenate(lefts)
    b = np.concatenate(rights)
    code = np.unique(a * len(live) + b)
    return live[code // len(live)].astype(np.int64), live[code % len(live)].astype(np.int64)


def agreement(sig: U32, a: I64, b: I64, chunk: int = 1 << 13) -> npt.NDArray[np.float64]:
    """Estimated Jaccard similarity of pairs: the share of equal signature positions."""
    out = np.empty(len(a), dtype=np.float64)
    for i in range(0, len(a), chunk):
        out[i : i + chunk] = (sig[a[i : i + chunk]] == sig[b[i : i + chunk]]).mean(axis=1)
    return out


def near_duplicates(
    texts: Sequence[str],
    threshold: float = 0.8,
    num_perm: int = 128,
    bands: int | None = None,
    shingle: int = 5,
    seed: int = 1,
    tolerance: float | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs of near-verbatim texts: ``(i, j, estimated Jaccard)`` with ``i < j``, sorted.

    Args:
        texts: the documents (their lower-cased ``\\w+`` words are shingled).
        threshold: keep pairs whose estimated Jaccard similarity of ``shingle``-word
            shingles is at least this.
        num_perm: MinHash signature length.
        bands: LSH bands (rows per band = ``num_perm // bands``); by default the
            pair minimising weighted false positives and negatives (:func:`optimal_bands`).
        shingle: words per shingle (5 suits news prose: a shared 5-word run is rarely chance).
        seed: permutation seed.
        tolerance: how far below ``threshold`` an estimate may fall and the
            pair still be kept; by default one standard error of the estimate
            at the threshold, ``sqrt(t(1-t)/num_perm)`` (0.035 for 0.8 and 128):
            a pair whose true similarity is just above the threshold is then
            kept most of the time instead of half of it.

    Returns:
        The verified pairs. Candidates come from LSH banding, so a pair whose
        similarity is near ``threshold`` is found with the probability of the
        S-curve, then kept when its estimate (standard error
        ``sqrt(J(1-J)/num_perm)``) is at least ``threshold - tolerance``.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold={threshold}: a Jaccard threshold lies in (0, 1]")
    sig = MinHasher(num_perm, shingle, seed).signatures_of_texts(texts)
    return pairs_from_signatures(sig, threshold, bands, tolerance)


def pairs_from_signatures(
    sig: U32, threshold: float, bands: int | None = None, tolerance: float | None = None
) -> list[tuple[int, int, float]]:
    """LSH candidates of ``sig`` verified against ``threshold`` (see :func:`near_duplicates`)."""
    num_perm = sig.shape[1]
    if tolerance is None:
        tolerance = float(np.sqrt(threshold * (1.0 - threshold) / num_perm))
    if bands is None:
        bands, rows = optimal_bands(threshold, num_perm)
    else:
        if not 1 <= bands <= num_perm:
            raise ValueError(f"bands={bands}: it must lie in 1..num_perm ({num_perm})")
        rows = num_perm // bands
    a, b = lsh_candidates(sig, bands, rows)
    est = agreement(sig, a, b)
    keep = est >= threshold - tolerance - 1e-9
    return [(int(i), int(j), float(e)) for i, j, e in zip(a[keep], b[keep], est[keep], strict=True)]
