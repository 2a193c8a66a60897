"""The real corpora (read from ../shared/corpus at run time): seeds exactly right, dev above target."""

from __future__ import annotations

import json

import pytest
from annotatehelp import corpus_docs, participants_match

from communique.annotate import annotate


@pytest.fixture(scope="module")
def corpus(shared_corpus):
    seeds, dev = corpus_docs(shared_corpus)
    return {
        "seeds": seeds,
        "dev": dev,
        "seeds_gold": json.loads((shared_corpus / "seeds.gold.json").read_text(encoding="utf-8")),
        "dev_gold": json.loads((shared_corpus / "dev.gold.json").read_text(encoding="utf-8")),
    }


def test_seed_frames_exactly_right(corpus):
    gold = corpus["seeds_gold"]
    for name, g in gold["documents"].items():
        ev = gold["events"][g["event"]]
        fr = annotate(corpus["seeds"][name]).frame
        assert fr.type == ev["type"], name
        assert fr.date == ev["date"], name
        assert (fr.cameo, fr.plover) == (ev["cameo"], ev["plover"]), name
        assert participants_match(fr.participants, ev["participants"]), name
        roles = {p.country: p.role for p in fr.participants}
        assert roles == {p["country"]: p["role"] for p in ev["participants"]}, name
        assert fr.location == ev["location"], name
        if "host" in ev:
            assert fr.host == ev["host"], name
        if "attendees" in ev:
            got = {(a.name, a.country) for a in fr.attendees}
            assert got == {(a["name"], a["country"]) for a in ev["attendees"]}, name


def test_dev_targets(corpus):
    gold = corpus["dev_gold"]
    n = ok_core = ok_role = 0
    failures = []
    for key, g in gold["documents"].items():
        fr = annotate(corpus["dev"][key]).frame
        if g["event"] is None:
            assert fr.type is None, f"a frame was invented for {key}"
            continue
        ev = gold["events"][g["event"]]
        n += 1
        core = (
            fr.type == ev["type"]
            and fr.date == ev["date"]
            and participants_match(fr.participants, ev["participants"])
        )
        ok_core += core
        ok_role += fr.role == g["role"]
        if not core:
            failures.append((key, fr.type, fr.date, [(p.name, p.country) for p in fr.participants]))
    assert n == 43
    assert ok_core / n >= 0.95, failures
    assert ok_role / n >= 0.90
