"""Clustering of the real corpora in ../shared/corpus, with frames built from the gold answers.

``gold_frames`` gives what a perfect annotator would report; ``noisy=True``
what a realistic one does (dates missing or guessed from the publication day,
announcements dated when published, "video" not yet said, surnames only).
The figures are those of ``tools/score_events.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clusterhelp import gold_frames, load, score

from communique.cluster import cluster


@pytest.mark.parametrize("noisy", [False, True])
def test_seeds_perfect(shared_corpus: Path, noisy: bool) -> None:
    docs, gold, keys = load(shared_corpus, "seeds")
    figs = score(shared_corpus, "seeds", cluster(docs, gold_frames(docs, gold, keys, noisy)))
    assert figs["cluster"] == 1.0
    assert figs["b3"] == 1.0


@pytest.mark.parametrize("noisy", [False, True])
def test_dev_pairwise_f1(shared_corpus: Path, noisy: bool) -> None:
    docs, gold, keys = load(shared_corpus, "dev")
    events = cluster(docs, gold_frames(docs, gold, keys, noisy))
    figs = score(shared_corpus, "dev", events)
    assert figs["cluster"] >= 0.95
    assert figs["date"] >= 0.95 and figs["type"] >= 0.95 and figs["participants"] >= 0.95
    # the two documents about no diplomatic event are events of their own
    assert sum(1 for e in events if e.type is None) == 2


def test_dev_same_pair_series_stay_apart(shared_corpus: Path) -> None:
    """Calls between one pair days or weeks apart (E2/E3, E4/E5/E6, E10/E11, E18/E19) are separate events."""
    docs, gold, keys = load(shared_corpus, "dev")
    events = cluster(docs, gold_frames(docs, gold, keys, noisy=True))
    gold_of = {d: gold["documents"][keys[d]]["event"] for d in keys}
    for e in events:
        assert len({gold_of[s.doc_id] for s in e.sources}) == 1, e.why


def test_dev_order_and_ids_stable(shared_corpus: Path) -> None:
    docs, gold, keys = load(shared_corpus, "dev")
    frames = gold_frames(docs, gold, keys, noisy=True)
    a = cluster(docs, frames)
    b = cluster(list(reversed(docs)), frames)
    assert json.dumps([e.to_dict() for e in a], sort_keys=True) == json.dumps(
        [e.to_dict() for e in b], sort_keys=True
    )
    previous = {s.doc_id: e.id for e in a for s in e.sources}
    assert [e.id for e in cluster(docs, frames, previous)] == [e.id for e in a]


def test_dev_incremental(shared_corpus: Path) -> None:
    """Documents published after 2022-01-20 arrive later: events of earlier documents keep their ids."""
    docs, gold, keys = load(shared_corpus, "dev")
    frames = gold_frames(docs, gold, keys, noisy=True)
    early = [d for d in docs if (d.published or "") < "2022-01-20"]
    first = cluster(early, frames)
    previous = {s.doc_id: e.id for e in first for s in e.sources}
    second = cluster(docs, frames, previous)
    after = {s.doc_id: e.id for e in second for s in e.sources}
    assert all(after[d] == previous[d] for d in previous)
    untouched = {e.id for e in first} & {e.id for e in second}
    assert len(untouched) == len(first)


def test_dev_event_record(shared_corpus: Path) -> None:
    docs, gold, keys = load(shared_corpus, "dev")
    events = cluster(docs, gold_frames(docs, gold, keys, noisy=True))
    big = max(events, key=lambda e: (len(e.sources), e.id))
    d = big.to_dict()
    assert {"statements", "topics", "stances", "relationship_labels", "references", "date_votes"} <= set(d)
    assert d["date_votes"] and all(v["date"] for v in d["date_votes"])
    assert len(big.why) == len(big.sources) - 1  # one line per merge
    for p in big.participants:  # surnames merged into the fullest name
        assert p.name and len(p.name.split()) >= 2
