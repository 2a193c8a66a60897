"""Near-duplicate detection and clustering at scale: communique vs datasketch.

Generates N documents at run time from the sentences of the real articles in
../shared/corpus (nothing is written into the repository): documents come in
groups, each group the perturbations of one base text (a random draw of corpus
sentences) by sentence drops and reorders, word substitutions, new dates,
swapped participant names and new headlines; the members of a group are
published within a day of each other. True near-duplicate pairs are pairs
within a group whose true Jaccard similarity of 5-word shingles is at least the
threshold; it is computed exactly on a random sample of pairs.

Each method runs in its own subprocess on the same documents; its peak memory
is the growth of the peak RSS over the work (the peak is reset after loading the
documents, Linux ``/proc/self/clear_refs``):

* ``datasketch``: ``MinHash(num_perm=128)`` with shared permutations and
  ``update_batch`` over the encoded shingles, ``MinHashLSH`` (same threshold)
  filled in an insertion session, then queried for every document;
* ``ours``: :class:`communique.cluster.minhash.MinHasher` signatures and
  :func:`~communique.cluster.minhash.pairs_from_signatures` (LSH + verification);
* ``cluster``: the whole :func:`communique.cluster.cluster` (MinHash copies,
  TF-IDF, blocking, linkage, merged events), once with synthetic frames (each
  group is one event between two synthetic leaders; frames as an imperfect
  annotator gives them) and once without any frame; pairwise precision and
  recall of its events against the groups.

Prints docs/second, peak memory, recall and precision of the true pairs, and
the ratios ours/datasketch. ``--scan`` repeats the memory figures at N/4, N/2, N.

usage: python bench/cluster.py [--n 100000] [--threshold 0.8] [--scan] [--no-cluster]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from communique.cluster.minhash import words

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
SHINGLE = 5
MONTHS = "January February March April May June July August September October November December".split()
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") \d{1,2}\b")
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})")


# ----------------------------------------------------------------------------- data


def sentence_pool(corpus: Path) -> tuple[list[str], list[str], list[str]]:
    """Sentences (6+ words), vocabulary and mid-sentence names of the corpus, read with communique's readers."""
    from communique.read import Skip, read_paths

    sents: set[str] = set()
    for d in read_paths([str(corpus / "seeds"), str(corpus / "dev")]):
        if isinstance(d, Skip):
            continue
        for s in _SENT.split(" ".join(d.clean.split())):
            if len(s.split()) >= 6:
                sents.add(s)
    if not sents:
        raise SystemExit(f"no sentences under {corpus}")
    pool = sorted(sents)
    vocab = sorted({w for s in pool for w in s.split() if w.isalpha()})
    names = sorted({m for s in pool for m in _NAME.findall(s)})
    return pool, vocab, names


def generate(n: int, corpus: Path, seed: int) -> list[dict[str, Any]]:
    """``n`` documents ``{"text", "group", "published", "frame"}`` in groups of 1-15 perturbations of a base text.

    Each group is one event: two of 60 synthetic leaders (a name from the
    corpus, a country code), a type and a day, no pair meeting twice within a
    week. Each document's frame is what an imperfect annotator would report:
    a role (some announcements, written up to ten days before), the date
    stated or not, sometimes only the surname.
    """
    pool, vocab, names = sentence_pool(corpus)
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1).toordinal()
    leaders = [(f"{rng.choice(names)} {rng.choice(names)}", f"C{k:02d}") for k in range(60)]
    busy: set[tuple[int, int, int]] = set()  # (leader, leader, week) already taken
    out: list[dict[str, Any]] = []
    group = 0
    while len(out) < n:
        base = rng.sample(pool, rng.randint(6, 14))
        day = start + rng.randrange(730)
        while True:
            pair = tuple(sorted(rng.sample(range(60), 2)))
            weeks = {(pair[0], pair[1], (day + k) // 7) for k in (-7, 0, 7)}
            if not weeks & busy:
                busy |= weeks
                break
        kind = rng.choice(["phone call", "video call", "meeting", "visit"])
        for _ in range(min(rng.randint(1, 15), n - len(out))):
            sents = [s for s in base if rng.random() > 0.03] or base[:3]
            if len(sents) > 2 and rng.random() < 0.2:
                i, j = rng.sample(range(len(sents)), 2)
                sents[i], sents[j] = sents[j], sents[i]
            text = " ".join(sents)
            toks = text.split()
            rate = rng.uniform(0.0, 0.02)
            for _ in range(int(len(toks) * rate)):
                toks[rng.randrange(len(toks))] = rng.choice(vocab)
            text = " ".join(toks)
            if rng.random() < 0.3:
                text = _DATE.sub(lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", text)
            if rng.random() < 0.3:
                found = _NAME.findall(text)
                if found:
                    text = re.sub(r"\b" + rng.choice(found) + r"\b", rng.choice(names), text)
            if rng.random() < 0.3:
                text = " ".join(rng.choice(pool).split()[:8]) + "\n\n" + text
            role = rng.choices(["readout", "news", "briefing", "announcement"], [6, 2, 1, 1])[0]
            planned = role == "announcement"
            pub_day = day - rng.randint(1, 10) if planned else day + rng.randint(0, 1)
            certain = rng.random() < 0.7
            people = [list(leaders[k]) for k in pair]
            if rng.random() < 0.3:
                people[0][0] = people[0][0].split()[-1]
            frame = {
                "people": people,
                "type": kind,
                "role": role,
                "status": "planned" if planned else "held",
                "date": dt.date.fromordinal(day).isoformat() if certain else None,
                "certain": certain,
            }
            pub = dt.date.fromordinal(pub_day).isoformat()
            out.append({"text": text, "group": group, "published": pub, "frame": frame})
        group += 1
    return out


def shingles(text: str) -> set[tuple[str, ...]]:
    t = words(text)
    if len(t) < SHINGLE:
        return {tuple(t)} if t else set()
    return {tuple(t[i : i + SHINGLE]) for i in range(len(t) - SHINGLE + 1)}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


# ----------------------------------------------------------------------------- workers


def _status_mb(key: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _reset_peak() -> float:
    """Reset the peak RSS (Linux: ``clear_refs`` 5) and return the current RSS in MB.

    Where that is unavailable the peak stays the process's ``ru_maxrss`` and
    the figures include what loading the documents cost.
    """
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    return _status_mb("VmRSS")


def worker(method: str, data: Path, out: Path, threshold: float) -> None:
    """Run one method on the documents of ``data`` (JSONL) and write its figures (and pairs) under ``out``."""
    # imports first: the peak measured is the work's, not the libraries'
    from datasketch import MinHash, MinHashLSH

    from communique.cluster import cluster
    from communique.cluster.minhash import MinHasher, pairs_from_signatures
    from communique.model import Document, Frame, OffsetMap, Participant

    docs = [json.loads(line) for line in data.open()]
    texts = [d["text"] for d in docs]
    before = _reset_peak()
    t0 = time.perf_counter()
    result: dict[str, Any] = {"method": method, "n": len(texts)}
    pairs = np.empty((0, 2), dtype=np.int64)
    if method == "ours":
        sig = MinHasher(num_perm=128, shingle=SHINGLE).signatures_of_texts(texts)
        found = pairs_from_signatures(sig, threshold)
        pairs = np.array([(i, j) for i, j, _ in found], dtype=np.int64).reshape(-1, 2)
    elif method == "datasketch":
        proto = MinHash(num_perm=128)
        perms, scheme = proto.permutations, proto.scheme
        lsh = MinHashLSH(threshold=threshold, num_perm=128)
        sigs = []
        with lsh.insertion_session() as session:
            for k, t in enumerate(texts):
                toks = words(t)
                sh = [" ".join(toks[i : i + SHINGLE]).encode() for i in range(len(toks) - SHINGLE + 1)]
                m = MinHash(num_perm=128, permutations=perms, scheme=scheme)
                m.update_batch(sh or [" ".join(toks).encode()])
                session.insert(k, m)
                sigs.append(m)
        got = {(min(k, j), max(k, j)) for k, m in enumerate(sigs) for j in lsh.query(m) if j != k}
        pairs = np.array(sorted(got), dtype=np.int64).reshape(-1, 2)
    elif method in ("cluster", "cluster-frameless"):
        documents = [
            Document(f"{k:09d}", t, t, OffsetMap.identity(len(t)), published=d["published"])
            for k, (t, d) in enumerate(zip(texts, docs, strict=True))
        ]
        frames = {}
        if method == "cluster":
            for doc, d in zip(documents, docs, strict=True):
                f = d["frame"]
                frames[doc.id] = Frame(
                    doc.id,
                    role=f["role"],
                    type=f["type"],
                    status=f["status"],
                    date=f["date"],
                    date_certain=f["certain"],
                    participants=tuple(Participant(name, c, None) for name, c in f["people"]),
                )
        t0 = time.perf_counter()  # building Documents and Frames is not clustering
        events = cluster(documents, frames)
        labels = np.empty(len(texts), dtype=np.int64)
        for e_no, e in enumerate(events):
            for s in e.sources:
                labels[int(s.doc_id)] = e_no
        np.save(out / f"{method}.labels.npy", labels)
        result["events"] = len(events)
        result["copies"] = sum(1 for e in events for s in e.sources if s.copy_of)
    else:
        raise SystemExit(f"unknown method {method}")
    seconds = time.perf_counter() - t0
    np.save(out / f"{method}.npy", pairs)
    result.update(
        seconds=seconds, docs_per_s=len(texts) / max(seconds, 1e-9), peak_mb=_status_mb("VmHWM") - before
    )
    (out / f"{method}.json").write_text(json.dumps(result))


def run_worker(method: str, data: Path, out: Path, threshold: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", method, "--data", str(data), "--out", str(out)]
    cmd += ["--threshold", str(threshold)]
    subprocess.run(cmd, check=True)
    res: dict[str, Any] = json.loads((out / f"{method}.json").read_text())
    return res


# ----------------------------------------------------------------------------- evaluation


def sample_true_pairs(groups: np.ndarray, k: int, rng: random.Random) -> list[tuple[int, int]]:
    """Up to ``k`` distinct pairs drawn uniformly from all within-group pairs."""
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups.tolist()):
        members.setdefault(g, []).append(i)
    sizes = [(g, len(m)) for g, m in members.items() if len(m) > 1]
    weights = np.array([s * (s - 1) / 2 for _, s in sizes])
    if not len(weights):
        return []
    total = int(weights.sum())
    cum = np.cumsum(weights)
    picks: set[tuple[int, int]] = set()
    for r in rng.sample(range(total), min(k, total)):
        gi = int(np.searchsorted(cum, r, side="right"))
        m = members[sizes[gi][0]]
        off = r - (int(cum[gi - 1]) if gi else 0)
        # the off-th pair (i<j) of the group
        i = 0
        while off >= len(m) - 1 - i:
            off -= len(m) - 1 - i
            i += 1
        picks.add((m[i], m[i + 1 + off]))
    return sorted(picks)


def pairwise(labels: np.ndarray, groups: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering ``labels`` against ``groups``."""

    def c2(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    _, joint = np.unique(labels * (groups.max() + 1) + groups, return_counts=True)
    _, pred = np.unique(labels, return_counts=True)
    _, true = np.unique(groups, return_counts=True)
    tp = c2(joint)
    return (tp / c2(pred) if c2(pred) else 1.0), (tp / c2(true) if c2(true) else 1.0)


def evaluate(
    n: int, corpus: Path, threshold: float, seed: int, with_cluster: bool, sample: int
) -> dict[str, Any]:
    t0 = time.perf_counter()
    docs = generate(n, corpus, seed)
    gen_s = time.perf_counter() - t0
    texts = [d["text"] for d in docs]
    groups = np.array([d["group"] for d in docs], dtype=np.int64)
    print(f"\nn={n}: {groups.max() + 1} groups, generated in {gen_s:.1f}s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        data = out / "docs.jsonl"
        with data.open("w") as fh:
            for d in docs:
                fh.write(json.dumps(d) + "\n")
        methods = ["datasketch", "ours"] + (["cluster", "cluster-frameless"] if with_cluster else [])
        res = {m: run_worker(m, data, out, threshold) for m in methods}
        found = {m: {tuple(p) for p in np.load(out / f"{m}.npy").tolist()} for m in ("datasketch", "ours")}
        labels = {m: np.load(out / f"{m}.labels.npy") for m in methods if m.startswith("cluster")}
    rng = random.Random(seed + 1)
    cand = sample_true_pairs(groups, sample, rng)
    truth = [p for p in cand if jaccard(texts[p[0]], texts[p[1]]) >= threshold]
    for m in ("datasketch", "ours"):
        res[m]["recall"] = sum(1 for p in truth if p in found[m]) / len(truth) if truth else 1.0
        got = sorted(found[m])
        rs = rng.sample(got, min(sample, len(got)))
        res[m]["precision"] = (
            sum(1 for i, j in rs if jaccard(texts[i], texts[j]) >= threshold) / len(rs) if rs else 1.0
        )
        res[m]["pairs"] = len(got)
    for m, lab in labels.items():
        res[m]["group_precision"], res[m]["group_recall"] = pairwise(lab, groups)
    res["true_pairs_in_sample"] = (len(truth), len(cand))
    return res


def report(res: dict[str, Any]) -> None:
    tp, cand = res["true_pairs_in_sample"]
    print(
        f"  true near-duplicate pairs (Jaccard >= threshold) in a sample of {cand} within-group pairs: {tp}"
    )
    print(
        f"  {'method':<11} {'docs/s':>9} {'seconds':>8} {'peak MB':>8} {'recall':>7} {'precision':>9} {'pairs':>9}"
    )
    for m in ("datasketch", "ours"):
        r = res[m]
        print(
            f"  {m:<11} {r['docs_per_s']:>9.0f} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f} "
            f"{r['recall']:>7.3f} {r['precision']:>9.3f} {r['pairs']:>9}"
        )
    d, o = res["datasketch"], res["ours"]
    print(
        f"  ratio ours/datasketch: throughput {o['docs_per_s'] / d['docs_per_s']:.1f}x, "
        f"peak memory {o['peak_mb'] / max(d['peak_mb'], 1e-9):.2f}x, recall {o['recall'] - d['recall']:+.3f}, "
        f"precision {o['precision'] - d['precision']:+.3f}"
    )
    for m, label in (("cluster", "with frames"), ("cluster-frameless", "frameless")):
        if m in res:
            c = res[m]
            print(
                f"  cluster() {label}: {c['docs_per_s']:.0f} docs/s ({c['seconds']:.1f}s), peak {c['peak_mb']:.0f} MB, "
                f"{c['events']} events, {c['copies']} copies; pairwise vs groups P={c['group_precision']:.3f} "
                f"R={c['group_recall']:.3f}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents to generate (default 100000)")
    ap.add_argument("--threshold", type=float, default=0.8, help="Jaccard threshold (default 0.8)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=20_000, help="pairs sampled for exact Jaccard")
    ap.add_argument("--scan", action="store_true", help="also run at n/4 and n/2 (memory linearity)")
    ap.add_argument("--no-cluster", action="store_true", help="skip timing the whole cluster()")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.data, args.out, args.threshold)
        return 0
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    print(f"cores: {os.cpu_count()}, threshold {args.threshold}, num_perm 128, {SHINGLE}-word shingles")
    sizes = [args.n // 4, args.n // 2, args.n] if args.scan else [args.n]
    for n in sizes:
        report(evaluate(n, args.corpus, args.threshold, args.seed, not args.no_cluster, args.sample))
    return 0


if __name__ == "__main__":
    sys.exit(main())
