"""`communique eval` agrees with the reference scorer and its metrics are right on known cases."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys

import pytest

from communique.analyze.eval import adjusted_rand, b_cubed, pairwise_prf, score_events


def test_pairwise_bcubed_ari_on_known_partitions():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert pairwise_prf(gold, gold) == (1.0, 1.0, 1.0)
    assert b_cubed(gold, gold) == 1.0
    assert adjusted_rand(gold, gold) == 1.0
    # everything in one cluster: 2 right pairs of 6 predicted
    one = {k: "x" for k in gold}
    p, r, f = pairwise_prf(gold, one)
    assert (p, r) == (2 / 6, 1.0)
    assert adjusted_rand(gold, one) == 0.0
    # all singletons: no pairs predicted
    single = {k: k for k in gold}
    assert pairwise_prf(gold, single)[1] == 0.0
    assert b_cubed(gold, single) == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def _random_events(gold: dict, rng: random.Random) -> list[dict]:
    """Events that group the gold documents at random, with some fields right and some wrong."""
    keys = sorted(gold["documents"])
    n_events = rng.randint(1, len(keys))
    events = [
        {"id": f"e{i}", "type": None, "date": None, "location": None, "participants": [], "sources": []}
        for i in range(n_events)
    ]
    gold_events = list(gold["events"].values())
    for e in events:
        g = rng.choice(gold_events)
        e["type"] = g["type"] if rng.random() < 0.7 else "message"
        e["date"] = g["date"] if rng.random() < 0.7 else "1999-01-01"
        e["location"] = g.get("location") if rng.random() < 0.7 else "Nowhere"
        e["participants"] = [dict(p) for p in g["participants"]] if rng.random() < 0.7 else []
    for k in keys:
        if rng.random() < 0.1:
            continue  # a document in no event
        src = {"doc_id": k[-12:], "path": None, "url": None}
        if k.startswith("http"):
            src["url"] = k
        else:
            src["path"] = "some/dir/" + k
        rng.choice(events)["sources"].append(src)
    return events


def test_agrees_with_reference_scorer(shared_corpus, tmp_path):
    scorer = shared_corpus.parent / "tools" / "score_events.py"
    rng = random.Random(7)
    for gold_name in ("seeds.gold.json", "dev.gold.json"):
        gold_path = shared_corpus / gold_name
        gold = json.loads(gold_path.read_text())
        for trial in range(4):
            events = _random_events(gold, rng)
            ev_path = tmp_path / f"events{trial}.json"
            ev_path.write_text(json.dumps(events))
            ref = subprocess.run(
                [sys.executable, str(scorer), str(gold_path), str(ev_path)], capture_output=True, text=True
            ).stdout.strip().splitlines()[-1]
            figs = dict(re.findall(r"(\w+)=([\d./]+)", ref))
            cluster, totals, _, _ = score_events(gold, events)
            assert f"{cluster['pairwise_f1']:.3f}" == figs["clusterF1"]
            assert f"{cluster['pairwise_precision']:.3f}" == figs["clusterP"]
            assert f"{cluster['b_cubed_f1']:.3f}" == figs["b3F1"]
            for k in ("date", "type", "participants", "location"):
                assert f"{totals[k][0]}/{totals[k][1]}" == figs[k], (gold_name, trial, k)
