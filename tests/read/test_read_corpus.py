"""The real corpora in ../shared/corpus against their gold metadata (outlet, published, dateline).

The texts stay in ../shared; they are read at run time through the ``shared_corpus`` fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from readhelp import check_offsets, docs_of, read_all, skips_of

from communique.model import Document

# Seeds whose gold outlet the text itself cannot show; what the reader may answer instead.
SEED_OUTLET_ALSO_OK = {
    "001_396a11e332c8e407.txt": {None},  # Global Times: only house style shows it
    "003_388c927a21cd857b.txt": {None},  # the foreign ministry text carries no metadata at all
    "004_1a76b68b4bef4123.txt": {"Xinhua"},  # People's Daily Online, carrying a Xinhua story
}


def gold(corpus: Path, name: str) -> dict[str, dict]:
    return json.loads((corpus / name).read_text(encoding="utf-8"))["documents"]


def key_of(doc: Document) -> str:
    """The gold key of a document: its URL for CSV rows, its file name otherwise."""
    if doc.format in ("csv", "jsonl"):
        assert doc.url
        return doc.url
    return Path(doc.paths[0]).name


@pytest.fixture(scope="module")
def corpus_docs(shared_corpus: Path) -> dict[str, Document]:
    items = read_all(shared_corpus / "seeds", shared_corpus / "dev")
    assert skips_of(items) == []
    return {key_of(d): d for d in docs_of(items)}


def test_every_gold_document_is_read(shared_corpus, corpus_docs):
    expected = set(gold(shared_corpus, "seeds.gold.json")) | set(gold(shared_corpus, "dev.gold.json"))
    assert expected <= set(corpus_docs)


def test_seeds_against_gold(shared_corpus, corpus_docs):
    for name, g in gold(shared_corpus, "seeds.gold.json").items():
        doc = corpus_docs[name]
        assert doc.outlet == g["outlet"] or doc.outlet in SEED_OUTLET_ALSO_OK.get(name, ()), (
            name,
            doc.outlet,
        )
        assert (doc.published or "")[:10] == (g["published"] or ""), (name, doc.published)
        assert doc.dateline == g["dateline"], (name, doc.dateline)


def test_dev_against_gold(shared_corpus, corpus_docs):
    for key, g in gold(shared_corpus, "dev.gold.json").items():
        doc = corpus_docs[key]
        assert doc.outlet == g["outlet"], (key, doc.outlet)
        assert (doc.published or "")[:10] == g["published"], (key, doc.published)
        assert doc.dateline == g["dateline"], (key, doc.dateline)


def test_seed_details(corpus_docs):
    s000, s001, s002 = (
        corpus_docs[f"00{i}_{h}.txt"]
        for i, h in [(0, "74d6cd0f9257f519"), (1, "396a11e332c8e407"), (2, "c07793c686dc2a12")]
    )
    assert s000.dateline_date == "2022-01-10" and s000.outlet_source == "dateline"
    assert (
        s002.published == "2021-01-27" and s002.dateline_date == "2021-01-26"
    )  # the call was the day before
    assert s001.published == "2022-01-10T18:42:00"
    assert not any(line.startswith(("Photo:", "Published:")) for line in s001.clean.splitlines())
    s004 = corpus_docs["004_1a76b68b4bef4123.txt"]
    assert "Web editor" not in s004.clean and "16:49" not in s004.clean
    assert s004.title and s004.title not in s004.clean


def test_corpus_documents_are_consistent(corpus_docs):
    for key, doc in corpus_docs.items():
        check_offsets(doc)
        assert doc.language == "en", key
        assert doc.clean.strip() == doc.clean and doc.clean, key
        if doc.format == "md":
            assert "\\" not in doc.clean and "---" not in doc.clean[:5], key
            assert doc.title and "\\" not in doc.title and "\u00a0" not in doc.title, key


def test_reading_twice_is_identical(shared_corpus, corpus_docs):
    again = {key_of(d): d for d in docs_of(read_all(shared_corpus / "seeds", shared_corpus / "dev"))}
    assert again == corpus_docs
