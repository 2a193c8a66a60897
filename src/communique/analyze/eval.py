"""Score the store against a gold file (the format of ``seeds.gold.json`` / ``dev.gold.json``).

Two views:

* **Events** (what ``communique events --json`` shows): pairwise cluster
  precision/recall/F1, B-cubed F1 and the adjusted Rand index over the gold
  documents, and per gold event whether the predicted event holding most of
  its documents has the right date, type, participants and location. These
  figures follow the reference scorer ``score_events.py`` exactly (documents
  matched by url first, then by the base name of a source's path).
* **Frames** (what ``communique show`` shows): per document, the annotate
  stage's frame against the gold of its event, as precision/recall/F1 per
  field; plus outlet, published date and dateline of the document.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.model import Document, Frame

IN_PERSON = {"meeting", "visit", "summit", "talks", "in-person"}
PARTICLES = {
    "al",
    "bin",
    "ibn",
    "de",
    "da",
    "di",
    "el",
    "la",
    "le",
    "van",
    "von",
    "der",
    "mr",
    "mrs",
    "ms",
    "dr",
}


def norm_type(t: str | None) -> str:
    """Event types as the scorer compares them: in-person kinds are one class."""
    t = (t or "").lower().strip()
    return "in-person" if t in IN_PERSON else t


def name_tokens(name: str | None) -> set[str]:
    words = str(name or "").replace(".", " ").replace("-", " ").lower().split()
    return {w for w in words if w not in PARTICLES}


def names_found(gold_people: Sequence[Mapping[str, Any]], pred_people: Sequence[Mapping[str, Any]]) -> bool:
    """Every gold principal shares a name word with some predicted participant."""
    pred = [name_tokens(p.get("name")) for p in pred_people if p.get("name")]
    return all(any(name_tokens(g["name"]) & t for t in pred) for g in gold_people)


def participants_match(
    gold_people: Sequence[Mapping[str, Any]], pred_people: Sequence[Mapping[str, Any]]
) -> bool:
    gold_c = sorted({(p.get("country") or "") for p in gold_people})
    pred_c = sorted({(p.get("country") or "") for p in pred_people})
    return gold_c == pred_c and names_found(gold_people, pred_people)


def location_match(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    loc = str(pred or "").lower()
    return bool(loc) and (gold.lower() in loc or loc in gold.lower())


# ----------------------------------------------------------------- cluster metrics


def _pairs(groups: Mapping[str, set[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups.values():
        out |= {(a, b) for a, b in itertools.combinations(sorted(g), 2)}
    return out


def pairwise_prf(gold_of: Mapping[str, str], pred_of: Mapping[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of documents put in one cluster."""
    gp = _pairs(_groups(gold_of))
    pp = _pairs(_groups(pred_of))
    tp = len(gp & pp)
    p = tp / len(pp) if pp else (1.0 if not gp else 0.0)
    r = tp / len(gp) if gp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _groups(of: Mapping[str, str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d, c in of.items():
        out.setdefault(c, set()).add(d)
    return out


def b_cubed(gold_of: Mapping[str, str], pred_of: Mapping[str, str]) -> float:
    """B-cubed F1 (Bagga and Baldwin 1998): per-document precision and recall of its cluster."""
    docs = list(gold_of)
    if not docs:
        return 1.0
    g, q = _groups(gold_of), _groups(pred_of)
    p = r = 0.0
    for d in docs:
        a, b = g[gold_of[d]], q[pred_of[d]]
        inter = len(a & b)
        p += inter / len(b)
        r += inter / len(a)
    p, r = p / len(docs), r / len(docs)
    return 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand(gold_of: Mapping[str, str], pred_of: Mapping[str, str]) -> float:
    """Adjusted Rand index (Hubert and Arabie 1985) of two partitions of the same documents."""
    docs = list(gold_of)
    n = len(docs)
    if n < 2:
        return 1.0

    def c2(x: int) -> float:
        return x * (x - 1) / 2

    cont = Counter((gold_of[d], pred_of[d]) for d in docs)
    sum_ij = sum(c2(v) for v in cont.values())
    sum_a = sum(c2(len(v)) for v in _groups(gold_of).values())
    sum_b = sum(c2(len(v)) for v in _groups({d: pred_of[d] for d in docs}).values())
    expected = sum_a * sum_b / c2(n)
    top = (sum_a + sum_b) / 2
    if top == expected:
        return 1.0
    return (sum_ij - expected) / (top - expected)


# ----------------------------------------------------------------- scoring


@dataclass
class FieldScore:
    """Counts for one field: ``predicted`` values given, ``gold`` values expected, ``correct`` matches."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Any, pred: Any, ok: bool, label: str) -> None:
        self.gold += gold is not None
        self.predicted += pred is not None
        self.correct += bool(ok and gold is not None and pred is not None)
        if not ok:
            self.misses.append(f"{label}: {pred!r} vs gold {gold!r}")


@dataclass
class EvalResult:
    cluster: dict[str, float]
    events: dict[str, tuple[int, int]]  # field -> (correct, total)
    event_misses: list[str]
    fields: dict[str, FieldScore]
    unmatched: list[str]
    in_store: int | None = None  # gold documents found among the stored documents

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "events": {k: {"correct": c, "total": t} for k, (c, t) in self.events.items()},
            "fields": {
                k: {
                    "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4),
                    "f1": round(v.f1, 4),
                    "correct": v.correct,
                    "predicted": v.predicted,
                    "gold": v.gold,
                }
                for k, v in self.fields.items()
            },
            "event_misses": self.event_misses,
            "field_misses": {k: v.misses for k, v in self.fields.items() if v.misses},
            "unmatched_gold_documents": self.unmatched,
            "gold_documents_in_store": self.in_store,
        }


def match_documents(gold_docs: Mapping[str, Any], docs: Sequence[Document]) -> dict[str, str]:
    """gold key -> stored doc id: by url first, then by the base name of a path ('#N' stripped)."""
    by_base = {os.path.basename(k): k for k in gold_docs}
    out: dict[str, str] = {}
    for doc in docs:
        if doc.url and doc.url in gold_docs:
            out.setdefault(doc.url, doc.id)
            continue
        for p in doc.paths:
            k = by_base.get(os.path.basename(p.split("#")[0]))
            if k is not None and "#" not in p:
                out.setdefault(k, doc.id)
    return out


def score_events(
    gold: Mapping[str, Any], events: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, float], dict[str, tuple[int, int]], list[str], list[str]]:
    """The reference scorer's figures for ``events`` (a list of event JSON records)."""
    gdocs = gold["documents"]
    by_base = {os.path.basename(k): k for k in gdocs}
    pred_of: dict[str, int] = {}
    for i, e in enumerate(events):
        for s in e.get("sources", []):
            url = s.get("url")
            if url and url in gdocs:
                k: str | None = url
            else:
                base = os.path.basename(str(s.get("path") or s.get("doc_id") or "").split("#")[0])
                k = by_base.get(base)
            if k is not None:
                pred_of.setdefault(k, i)
    gold_of = {d: (info.get("event") or f"null:{d}") for d, info in gdocs.items()}
    pred_full = {d: (str(pred_of[d]) if d in pred_of else f"none:{d}") for d in gdocs}
    p, r, f = pairwise_prf(gold_of, pred_full)
    cluster = {
        "pairwise_precision": p,
        "pairwise_recall": r,
        "pairwise_f1": f,
        "b_cubed_f1": b_cubed(gold_of, pred_full),
        "adjusted_rand": adjusted_rand(gold_of, pred_full),
    }
    counts = {"date": 0, "type": 0, "participants": 0, "location": 0}
    n_loc = 0
    misses: list[str] = []
    members = _groups(gold_of)
    for ev_id, g in gold["events"].items():
        votes = Counter(pred_of[d] for d in members.get(ev_id, set()) if d in pred_of)
        if not votes:
            misses.append(f"{ev_id}: no predicted event")
            continue
        if g.get("location"):  # counted, as the reference scorer does, only for events found
            n_loc += 1
        e = events[max(sorted(votes), key=lambda k: votes[k])]
        ok = {
            "date": e.get("date") == g["date"],
            "type": norm_type(e.get("type")) == norm_type(g["type"]),
            "participants": participants_match(g["participants"], e.get("participants", [])),
            "location": location_match(g.get("location"), e.get("location")),
        }
        for k in ("date", "type", "participants"):
            counts[k] += ok[k]
        if g.get("location"):
            counts["location"] += ok["location"]
        if not all(ok.values()):
            names = sorted(str(p.get("name")) for p in e.get("participants", []))
            misses.append(
                f"{ev_id}: date {e.get('date')} vs {g['date']}, type {e.get('type')} vs {g['type']}, "
                f"participants {names} {sorted({p.get('country') or '' for p in e.get('participants', [])})} "
                f"vs {sorted(p['name'] for p in g['participants'])}, location {e.get('location')} vs {g.get('location')}"
            )
    n = len(gold["events"])
    totals = {
        "date": (counts["date"], n),
        "type": (counts["type"], n),
        "participants": (counts["participants"], n),
    }
    totals["location"] = (counts["location"], n_loc)
    unmatched = sorted(d for d in gdocs if d not in pred_of)
    return cluster, totals, misses, unmatched


def score_frames(
    gold: Mapping[str, Any], docs: Sequence[Document], frames: Mapping[str, Frame]
) -> dict[str, FieldScore]:
    """Per-document precision/recall/F1 of each frame field against the gold of the document's event."""
    matched = match_documents(gold["documents"], docs)
    by_id = {d.id: d for d in docs}
    scores = {
        k: FieldScore()
        for k in (
            "event",
            "type",
            "date",
            "participants",
            "location",
            "role",
            "outlet",
            "published",
            "dateline",
        )
    }
    for key, info in sorted(gold["documents"].items()):
        doc_id = matched.get(key)
        doc = by_id.get(doc_id) if doc_id else None
        frame = frames.get(doc_id) if doc_id else None
        label = os.path.basename(key)
        ev = gold["events"].get(info.get("event") or "")
        ftype = frame.type if frame else None
        scores["event"].add(True if ev else None, True if ftype else None, bool(ev) == bool(ftype), label)
        if ev:
            scores["type"].add(ev["type"], ftype, norm_type(ftype) == norm_type(ev["type"]), label)
            fdate = frame.date if frame and ftype else None
            scores["date"].add(ev["date"], fdate, fdate == ev["date"], label)
            people = [p.to_dict() for p in frame.participants] if frame and ftype else []
            scores["participants"].add(
                ev["participants"], people or None, participants_match(ev["participants"], people), label
            )
            if ev.get("location"):
                loc = frame.location if frame and ftype else None
                scores["location"].add(ev["location"], loc, location_match(ev["location"], loc), label)
        if "role" in info:
            role = frame.role if frame else None
            scores["role"].add(info["role"], role, _role_match(info["role"], role), label)
        if doc is not None:
            for k, got in (
                ("outlet", doc.outlet),
                ("published", (doc.published or "")[:10] or None),
                ("dateline", doc.dateline),
            ):
                want = info.get(k)
                if want is None and got is None:
                    continue
                scores[k].add(want, got, _loose_equal(want, got), label)
    return scores


def _role_match(gold: str | None, pred: str | None) -> bool:
    alias = {"news conference": "press conference", "news report": "news", "background briefing": "briefing"}
    g = alias.get(gold or "", gold)
    p = alias.get(pred or "", pred)
    return g == p


def _loose_equal(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is pred
    g, p = gold.lower(), pred.lower()
    return g == p or g in p or p in g


def evaluate(
    gold_path: str | Path,
    docs: Sequence[Document],
    frames: Mapping[str, Frame],
    events: Sequence[Mapping[str, Any]],
) -> EvalResult:
    """Score documents, frames and events of a store against the gold file at ``gold_path``."""
    gold = load_gold(gold_path)
    cluster, totals, misses, unmatched = score_events(gold, events)
    in_store = len(match_documents(gold["documents"], docs))
    return EvalResult(cluster, totals, misses, score_frames(gold, docs, frames), unmatched, in_store)


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file; raises ValueError with what is wrong when it is not one."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"cannot read gold file {path}: {e}") from e
    except json.JSONDecodeError as e:
        raise ValueError(f"gold file {path} is not valid JSON: {e}") from e
    if (
        not isinstance(gold, dict)
        or not isinstance(gold.get("documents"), dict)
        or not isinstance(gold.get("events"), dict)
    ):
        raise ValueError(f"gold file {path} needs 'documents' and 'events' objects (see seeds.gold.json)")
    problem = _gold_problem(gold)
    if problem:
        raise ValueError(f"gold file {path}: {problem} (see seeds.gold.json)")
    return gold


def _gold_problem(gold: Mapping[str, Any]) -> str | None:
    """What is wrong with the inside of a gold file, or None."""
    if not gold["documents"]:
        return "'documents' is empty: nothing to score"
    for key, info in gold["documents"].items():
        if not isinstance(info, dict):
            return f"documents[{key!r}] is not an object"
        for k in ("event", "role", "outlet", "published", "dateline"):
            if info.get(k) is not None and not isinstance(info[k], str):
                return f"documents[{key!r}].{k} is not a string or null"
    for key, ev in gold["events"].items():
        if not isinstance(ev, dict):
            return f"events[{key!r}] is not an object"
        for k in ("date", "type", "participants"):
            if k not in ev:
                return f"events[{key!r}] has no {k!r}"
        for k in ("date", "type", "location"):
            if ev.get(k) is not None and not isinstance(ev[k], str):
                return f"events[{key!r}].{k} is not a string or null"
        people = ev["participants"]
        if not isinstance(people, list) or not all(
            isinstance(p, dict) and isinstance(p.get("name"), str) for p in people
        ):
            return f"events[{key!r}].participants is not a list of objects with a 'name'"
    return None
