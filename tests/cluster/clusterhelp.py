"""Helpers for the cluster tests (imported by name: pytest puts this folder on sys.path).

The clustering logic is tested apart from annotation quality: :func:`gold_frames`
builds the Frames a perfect annotator would give from a gold file (who, what
kind, when, each document's role), and ``noisy=True`` degrades them the way a
real annotator does (dates dropped or guessed from the publication day,
announcements dated on the day they were published, "video" not yet said,
surnames only). The corpus is read at run time from ``../shared/corpus``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from communique.model import Document, Event, Frame, Participant
from communique.read import Skip, read_paths

PLANNED_ROLES = {"announcement", "preview"}


def load(corpus: Path, name: str) -> tuple[list[Document], dict[str, Any], dict[str, str]]:
    """The documents of ``corpus/name``, its gold file, and doc id -> gold document key."""
    gold = json.loads((corpus / f"{name}.gold.json").read_text())
    docs = [d for d in read_paths([str(corpus / name)]) if not isinstance(d, Skip)]
    by_base = {os.path.basename(k): k for k in gold["documents"]}
    keys: dict[str, str] = {}
    for d in docs:
        if d.url and d.url in gold["documents"]:
            keys[d.id] = d.url
        elif d.paths:
            base = os.path.basename(d.paths[0].split("#")[0])
            if base in by_base:
                keys[d.id] = by_base[base]
    return docs, gold, keys


def _coin(doc_id: str, salt: str, p: float) -> bool:
    """A deterministic biased coin per document."""
    h = int(hashlib.sha1(f"{salt}:{doc_id}".encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < p


def gold_frames(
    docs: Sequence[Document], gold: Mapping[str, Any], keys: Mapping[str, str], noisy: bool = False
) -> dict[str, Frame]:
    """Frames from the gold events (see the module docstring); documents of no event get ``type=None``."""
    frames: dict[str, Frame] = {}
    for d in docs:
        info = gold["documents"].get(keys.get(d.id, ""), {})
        role = info.get("role") or "readout"
        ev = gold["events"].get(info.get("event") or "")
        if ev is None:
            frames[d.id] = Frame(d.id, role=role, type=None)
            continue
        planned = role in PLANNED_ROLES
        people = tuple(Participant(p["name"], p["country"], p.get("role")) for p in ev["participants"])
        typ, date, certain = ev["type"], ev["date"], True
        if noisy:
            pub = (d.published or d.dateline_date or "")[:10] or None
            if planned:
                date, certain = pub, False  # dated on the day it was published
                if typ == "video call":
                    typ = "phone call"  # "video" not said yet
            elif _coin(d.id, "nodate", 0.35):
                date, certain = (None, False) if _coin(d.id, "how", 0.5) else (pub, False)
            if _coin(d.id, "surname", 0.5):
                people = tuple(
                    Participant(p.name.split()[-1] if p.name else None, p.country, None) for p in people
                )
        frames[d.id] = Frame(
            d.id,
            role=role,
            type=typ,
            status="planned" if planned else "held",
            date=date,
            date_certain=certain,
            participants=people,
            location=ev.get("location"),
            host=ev.get("host"),
            cameo=ev.get("cameo"),
            plover=ev.get("plover"),
        )
    return frames


def score(corpus: Path, name: str, events: Sequence[Event]) -> dict[str, float]:
    """The figures of ``/work/shared/tools/score_events.py`` (found next to the corpus) for ``events``."""
    tool = corpus.parent / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", tool)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([e.to_dict() for e in events], fh)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            figs: dict[str, float] = mod.main(str(corpus / f"{name}.gold.json"), fh.name)
    finally:
        os.unlink(fh.name)
    return figs
