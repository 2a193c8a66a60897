"""Content extraction on the real seed articles (read at run time from ../shared/corpus, never copied).

The gold file lists, per event, topics a correct system must mention, the
relationship label and (for one event) a reference to an earlier visit. Gold
topics are free-text descriptions ("non-interference in Belarus' internal
affairs"), so they are matched loosely (:func:`gold_topic_found`). The same
check runs on the development corpus, where it is only reported, not asserted.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from communique.annotate import annotate
from communique.annotate.codebook import country_code, find_codebook
from communique.model import Document, Frame, OffsetMap, content_id

# ---------------------------------------------------------------------------- the matcher

_STOP = frozenset(
    """a an the of and or in on to for with by as at from into about between without within its their his
    her our this that these those is are be if further such own all any not no nothing more other against
    after before over through towards toward around especially possible""".split()
)
_GENERIC = frozenset(
    "cooperation bilateral relations relationship issue issues situation ties matters".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_SUFFIXES = (
    "izations",
    "ization",
    "isations",
    "isation",
    "ations",
    "ation",
    "itions",
    "ition",
    "ments",
    "ment",
    "ness",
    "ities",
    "ity",
    "ing",
    "ed",
    "es",
    "s",
)


def _stem(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    else:
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                w = w[: -len(suf)]
                break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w[:6]


def key_words(s: str, drop_countries: bool = False) -> set[str]:
    """Stems of the content words of ``s`` (dates, stop words and "cooperation"-like words dropped)."""
    words = re.findall(r"[a-z0-9]+", s.lower().replace("'s", "").replace("’s", ""))
    words = [
        w for w in words if w not in _STOP and w not in _GENERIC and w not in _MONTHS and not w.isdigit()
    ]
    words = [w for w in words if len(w) > 1]
    if drop_countries:
        rest = [w for w in words if country_code(w.capitalize()) is None]
        words = rest or words
    return {_stem(w) for w in words}


def frame_items(frames: list[Frame]) -> list[str]:
    out: list[str] = []
    for f in frames:
        out += [t.name for t in f.topics]
        out += [f"{s.polarity} {s.target}" for s in f.stances]
        out += [r.label for r in f.relationship_labels]
    return out


def gold_topic_found(gold: str, items: list[str], topic_names: set[str]) -> bool:
    """Whether a free-text gold topic is covered by the extracted topics, stances and labels.

    Any " / "-separated alternative counts. An alternative is covered when
    (1) every codebook entry its own words name ("measures against the
    coronavirus" -> "COVID-19 pandemic") was extracted; or (2) one extracted
    item shares at least half of its key words, or is a multi-word item whose
    key words all occur in it ("Indo-Pacific" in "peace ... in the
    Indo-Pacific"); or (3) the items that share a key word with it jointly
    cover 60% of its key words ("Hong Kong, Taiwan and Xinjiang as China's core
    interests"). Key words are stemmed content words without dates, and
    without country names when anything else is left.
    """
    item_keys = [key_words(i) for i in items]
    for alt in re.split(r"\s+/\s+", gold):
        entries = {e.name for _s, _e, e in find_codebook(alt) if e.kind != "label"}
        if entries and entries <= topic_names:
            return True
        k = key_words(alt, drop_countries=True)
        if not k:
            continue
        for ik in item_keys:
            if len(k & ik) / len(k) >= 0.5 or (len(ik) >= 2 and ik <= k):
                return True
        union: set[str] = set()
        for ik in item_keys:
            if ik & k:
                union |= ik
        if len(k & union) / len(k) >= 0.6:
            return True
    return False


def test_matcher_is_neither_blind_nor_trivial() -> None:
    items = ["COVID-19 pandemic", "oppose external interference", "comprehensive strategic partnership"]
    names = {"COVID-19 pandemic"}
    assert gold_topic_found("steps against the coronavirus", items, names)
    assert gold_topic_found("opposition to external interference", items, names)
    assert not gold_topic_found("maritime boundary dispute", items, names)
    assert not gold_topic_found("tariffs on steel", items, names)


# ---------------------------------------------------------------------------- corpus loading


def _read(paths: list[Path]) -> list[Document]:
    try:
        from communique.read import read_paths
    except ImportError:  # pragma: no cover - only before the readers existed
        read_paths = None
    docs: list[Document] = []
    if read_paths is not None:
        docs = [d for d in read_paths([str(p) for p in paths]) if isinstance(d, Document)]
    if not docs:
        for p in paths:
            for f in sorted(p.glob("*.txt")):
                t = f.read_text(encoding="utf-8")
                docs.append(Document(content_id(t), t, t, OffsetMap.identity(len(t)), paths=(str(f),)))
    return docs


def _doc_key(d: Document) -> str:
    path = d.paths[0] if d.paths else ""
    if "#" in path and d.url:
        return d.url
    return Path(path).name


@cache
def _frames(corpus: str, name: str) -> dict[str, Frame]:
    root = Path(corpus)
    return {_doc_key(d): annotate(d).frame for d in _read([root / name])}


def _gold(corpus: Path, name: str) -> dict:
    return json.loads((corpus / f"{name}.gold.json").read_text(encoding="utf-8"))


def _coverage(corpus: Path, name: str) -> tuple[int, int, list[str]]:
    gold = _gold(corpus, name)
    frames = _frames(str(corpus), name)
    hit = total = 0
    missed: list[str] = []
    for eid, ev in gold["events"].items():
        keys = [k for k, v in gold["documents"].items() if v["event"] == eid]
        fs = [frames[k] for k in keys if k in frames]
        items = frame_items(fs)
        names = {t.name for f in fs for t in f.topics}
        for g in ev.get("must_mention_topics", []):
            total += 1
            if gold_topic_found(g, items, names):
                hit += 1
            else:
                missed.append(f"{eid}: {g}")
    return hit, total, missed


# ---------------------------------------------------------------------------- seeds (asserted)


def test_seed_topics_are_all_found(shared_corpus: Path) -> None:
    hit, total, missed = _coverage(shared_corpus, "seeds")
    assert total > 0
    assert not missed, f"{hit}/{total} found; missed: {missed}"


def test_seed_relationship_labels(shared_corpus: Path) -> None:
    gold = _gold(shared_corpus, "seeds")
    frames = _frames(str(shared_corpus), "seeds")
    for eid, ev in gold["events"].items():
        want = ev.get("relationship_label")
        if not want:
            continue
        keys = [k for k, v in gold["documents"].items() if v["event"] == eid]
        labels = {r.label.lower() for k in keys for r in frames[k].relationship_labels}
        assert want.lower() in labels, (eid, labels)
        # the longest form wins: a plain "comprehensive strategic partnership" is not reported
        # for an event whose documents only ever use a longer label
        if want.lower() != "comprehensive strategic partnership":
            assert "comprehensive strategic partnership" not in labels, (eid, labels)


def test_seed_reference_to_earlier_visit(shared_corpus: Path) -> None:
    gold = _gold(shared_corpus, "seeds")
    frames = _frames(str(shared_corpus), "seeds")
    for eid, ev in gold["events"].items():
        for ref in ev.get("references", []):
            keys = [k for k, v in gold["documents"].items() if v["event"] == eid]
            refs = [r for k in keys for r in frames[k].references]
            year = re.search(r"\d{4}", ref["when"])
            assert year
            assert any(
                r.type == "visit" and r.date == year.group() and "state visit" in r.text for r in refs
            ), refs


def test_seed_statements_switch_speaker(shared_corpus: Path) -> None:
    """In every seed readout both presidents speak, and "For his part" hands the floor over."""
    frames = _frames(str(shared_corpus), "seeds")
    for key, f in frames.items():
        speakers = [s.speaker for s in f.statements if s.speaker not in (None, "both")]
        assert len(set(speakers)) >= 2, (key, speakers)
        # one speaker's run, then the other's: the readouts do not interleave them
        changes = sum(1 for a, b in zip(speakers, speakers[1:], strict=False) if a != b)
        assert changes <= 2, (key, speakers)


def test_seed_spans_point_at_their_sentence(shared_corpus: Path) -> None:
    docs = {_doc_key(d): d for d in _read([shared_corpus / "seeds"])}
    frames = _frames(str(shared_corpus), "seeds")
    for key, f in frames.items():
        d = docs[key]
        for st in f.statements:
            assert st.spans and " ".join(d.original(st.spans[0]).split()) == " ".join(st.text.split())
        for t in f.topics:
            assert t.spans
            for sp in t.spans:
                assert sp.doc_id == d.id and 0 <= sp.start < sp.end <= len(d.text)


# ---------------------------------------------------------------------------- dev (reported only)


def test_dev_topic_coverage_is_reported(shared_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hit, total, missed = _coverage(shared_corpus, "dev")
    with capsys.disabled():
        print(f"\n[content] dev must_mention_topics found: {hit}/{total} = {hit / max(total, 1):.2f}")
    assert total > 0
