"""Ingest throughput: read + clean + store against plain open().read() + sqlite3 insert.

Builds a folder of N documents at run time from the real articles of
../shared/corpus (each copy made distinct by a numbered last line, CSV rows by
a numbered link, so the content-hash store keeps every one), then times in the
same process:

* baseline: for each file, ``open().read()`` and one ``INSERT`` into a fresh
  SQLite table (one transaction per 200 files, as ours);
* communique: ``pipeline.ingest`` into a fresh store (read, decode, detect
  language, clean with offsets, store with FTS5), without annotation.

Prints documents/second for both and the ratio. Nothing of the corpus is
written into the repository: the folder lives in a temporary directory.

usage: python bench/ingest.py [--n 10000] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from communique import pipeline
from communique.store import Store

HERE = Path(__file__).resolve().parent


def build(corpus: Path, out: Path, n: int) -> tuple[int, int]:
    """Write copies of the corpus files under ``out`` until they hold ``n`` documents; returns (files, docs)."""
    sources: list[tuple[str, str]] = []
    for p in sorted(corpus.rglob("*")):
        if p.suffix in (".txt", ".md") and p.is_file() and "SOURCES" not in p.name:
            sources.append((p.suffix, p.read_text(encoding="utf-8")))
        elif p.suffix == ".csv":
            sources.append((".csv", p.read_text(encoding="utf-8")))
    if not sources:
        raise SystemExit(f"no articles under {corpus}")
    docs = files = 0
    i = 0
    while docs < n:
        suffix, text = sources[i % len(sources)]
        path = out / f"{i:06d}{suffix}"
        if suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            rows = rows[: max(1, min(len(rows), n - docs))]
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\n")
            w.writeheader()
            for r in rows:
                r = dict(r)
                r["link"] = f"{r.get('link', '')}?copy={i}"
                r["body"] = f"{r.get('body', '')}\n\nCopy {i}."
                w.writerow(r)
            path.write_text(buf.getvalue(), encoding="utf-8")
            docs += len(rows)
        else:
            path.write_text(f"{text}\n\nCopy {i}.\n", encoding="utf-8")
            docs += 1
        files += 1
        i += 1
    return files, docs


def baseline(folder: Path, db: Path) -> float:
    t = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE docs (path TEXT, text TEXT)")
    batch = []
    for p in sorted(folder.iterdir()):
        with open(p, encoding="utf-8") as f:
            batch.append((str(p), f.read()))
        if len(batch) >= 200:
            with conn:
                conn.executemany("INSERT INTO docs VALUES (?, ?)", batch)
            batch.clear()
    with conn:
        conn.executemany("INSERT INTO docs VALUES (?, ?)", batch)
    conn.close()
    return time.perf_counter() - t


def ours(folder: Path, db: Path) -> tuple[float, int]:
    t = time.perf_counter()
    with Store(db) as st:
        report = pipeline.ingest(st, [str(folder)])
    return time.perf_counter() - t, report.added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="documents to ingest")
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}; pass --corpus")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        files, docs = build(args.corpus, folder, args.n)
        print(f"{docs} documents in {files} files")
        tb = baseline(folder, Path(tmp) / "baseline.db")
        to, added = ours(folder, Path(tmp) / "ours.db")
        print(f"baseline open().read() + sqlite3 insert: {tb:7.2f} s  {docs / tb:9.0f} docs/s")
        print(f"communique ingest (read+clean+store):   {to:7.2f} s  {docs / to:9.0f} docs/s  ({added} stored)")
        print(f"ratio communique/baseline time: {to / tb:.2f}x  (aim: within 3x)")


if __name__ == "__main__":
    main()
