"""MinHash signatures, LSH banding and near-duplicate pairs."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.cluster.minhash import (
    MinHasher,
    lsh_candidates,
    near_duplicates,
    optimal_bands,
    shingle_hashes,
    words,
)

VOCAB = [f"w{i}" for i in range(3000)]


def _family(rng: random.Random, n_docs: int, length: int = 300) -> list[list[str]]:
    """Perturbations of one random base text: each replaces a growing share of its words."""
    base = [rng.choice(VOCAB) for _ in range(length)]
    out = []
    for k in range(n_docs):
        d = list(base)
        for _ in range(k * 3):
            d[rng.randrange(length)] = rng.choice(VOCAB)
        out.append(d)
    return out


def _jaccard(a: list[str], b: list[str], k: int = 5) -> float:
    sa = {tuple(a[i : i + k]) for i in range(len(a) - k + 1)}
    sb = {tuple(b[i : i + k]) for i in range(len(b) - k + 1)}
    return len(sa & sb) / len(sa | sb)


def test_identical_and_unrelated() -> None:
    a = "the two presidents spoke by phone on monday about trade energy and the war in the region"
    pairs = near_duplicates([a, "an earthquake struck the province early on sunday killing many", a.upper()])
    assert pairs == [(0, 2, 1.0)]


def test_estimate_is_close_to_true_jaccard() -> None:
    rng = random.Random(3)
    docs = _family(rng, 20)
    sig = MinHasher(num_perm=256).signatures(docs)
    errs = [
        abs(float((sig[i] == sig[j]).mean()) - _jaccard(docs[i], docs[j]))
        for i in range(20)
        for j in range(i + 1, 20)
    ]
    assert np.mean(errs) < 0.03
    assert max(errs) < 0.15


def test_signatures_are_deterministic_across_hashers() -> None:
    docs = [words("one two three four five six seven"), words("a b"), []]
    s1 = MinHasher().signatures(docs)
    s2 = MinHasher().signatures(docs)
    assert s1.dtype == np.uint32 and s1.shape == (3, 128)
    assert (s1 == s2).all()
    assert (s1[2] == 0xFFFFFFFF).all()  # empty document


def test_short_and_empty_documents() -> None:
    assert near_duplicates(["", "", "a b c", "a b c"], threshold=0.9) == [(2, 3, 1.0)]
    hashes, counts = shingle_hashes(np.array([1, 2, 3, 4, 5, 6], dtype=np.uint64), np.array([2, 0, 4]), 3)
    assert counts.tolist() == [1, 0, 2] and len(hashes) == 3


def test_candidates_are_unique_ordered_pairs() -> None:
    rng = random.Random(5)
    docs = _family(rng, 12) + _family(rng, 12)
    sig = MinHasher().signatures(docs)
    a, b = lsh_candidates(sig, 16, 8)
    pairs = list(zip(a.tolist(), b.tolist(), strict=True))
    assert pairs == sorted(set(pairs)) and all(i < j for i, j in pairs)
    assert all((i < 12) == (j < 12) for i, j in pairs)  # the two families never meet


def test_bad_arguments_say_how_to_fix_them() -> None:
    with pytest.raises(ValueError, match="threshold"):
        near_duplicates(["a"], threshold=1.5)
    with pytest.raises(ValueError, match="num_perm"):
        near_duplicates(["a"], num_perm=1)
    with pytest.raises(ValueError, match="bands"):
        near_duplicates(["a b"], bands=500)


def test_optimal_bands_fit_the_signature() -> None:
    for t in (0.5, 0.8, 0.9):
        b, r = optimal_bands(t, 128)
        assert b * r <= 128
        # the S-curve's step lies near the threshold
        assert abs((1 / b) ** (1 / r) - t) < 0.15


@settings(max_examples=25, deadline=None)
@given(st.permutations(list(range(8))))
def test_pairs_do_not_depend_on_input_order(perm: list[int]) -> None:
    rng = random.Random(11)
    texts = [" ".join(d) for d in _family(rng, 4, 60) + _family(rng, 4, 60)]
    ref = {(min(i, j), max(i, j)) for i, j, _ in near_duplicates(texts, threshold=0.5)}
    got = near_duplicates([texts[p] for p in perm], threshold=0.5)
    assert {tuple(sorted((perm[i], perm[j]))) for i, j, _ in got} == ref


def test_recall_not_below_datasketch() -> None:
    ds = pytest.importorskip("datasketch")
    rng = random.Random(7)
    docs: list[list[str]] = []
    for _ in range(30):  # families whose members each change a few words of one base text
        base = [rng.choice(VOCAB) for _ in range(200)]
        for _ in range(8):
            d = list(base)
            for _ in range(rng.randint(0, 6)):
                d[rng.randrange(200)] = rng.choice(VOCAB)
            docs.append(d)
    truth = {
        (i, j)
        for i in range(len(docs))
        for j in range(i + 1, len(docs))
        if i // 8 == j // 8 and _jaccard(docs[i], docs[j]) >= 0.8
    }
    assert len(truth) > 200
    ours = {(i, j) for i, j, _ in near_duplicates([" ".join(d) for d in docs], threshold=0.8)}
    lsh = ds.MinHashLSH(threshold=0.8, num_perm=128)
    sigs = []
    for k, d in enumerate(docs):
        m = ds.MinHash(num_perm=128)
        m.update_batch([" ".join(d[i : i + 5]).encode() for i in range(len(d) - 4)])
        lsh.insert(k, m)
        sigs.append(m)
    theirs = {(min(k, j), max(k, j)) for k, m in enumerate(sigs) for j in lsh.query(m) if j != k}
    assert len(ours & truth) >= len(theirs & truth)
    assert all(i // 8 == j // 8 for i, j in ours)  # families never meet
