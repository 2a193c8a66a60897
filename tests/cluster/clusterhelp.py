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
import dataclasses
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
    return load_gold(corpus / name, corpus / f"{name}.gold.json")


def load_gold(folder: Path, gold_file: Path) -> tuple[list[Document], dict[str, Any], dict[str, str]]:
    """The documents under ``folder``, the gold file, and doc id -> gold document key (url, else file name)."""
    gold = json.loads(gold_file.read_text())
    docs = [d for d in read_paths([str(folder)]) if not isinstance(d, Skip)]
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


#: the annotate errors :func:`faulty_frames` can make, each on a share of the documents
FAULTS = (
    "wrong_country",  # one participant gets the other participant's country
    "no_country",  # one participant loses its country
    "drop_person",  # one participant is missing
    "extra_person",  # a leader the text only mentions is listed as a participant
    "surname",  # names as surname only, upper case, surname first or with honorifics
    "kin_type",  # meeting / visit / summit / agreement / remarks confused for an in-person event
    "date_off",  # a held event dated a day late (time zones, next-day publication)
    "pub_date",  # an announcement dated on its publication day
    "no_frame",  # no frame at all
)

_HONORIFIC = ("Shri {n}", "Mr {S} {f}", "H.E. {n}", "His Excellency President {n}", "{s}")


def faulty_frames(
    docs: Sequence[Document],
    gold: Mapping[str, Any],
    keys: Mapping[str, str],
    faults: Sequence[str] = FAULTS,
    rate: float = 0.25,
    salt: str = "",
) -> dict[str, Frame]:
    """Gold frames with typical annotate errors: each fault of ``faults`` hits a ``rate`` share of documents.

    Which documents are hit depends only on the document id and ``salt``, so a
    run is reproducible and ``salt`` draws another sample. No document is left
    with no participant in common with its gold event's other reports unless
    ``no_frame`` removed its frame altogether.
    """
    frames = gold_frames(docs, gold, keys)
    outsiders = sorted(
        {
            (p["name"], p["country"])
            for e in gold["events"].values()
            for p in e["participants"]
            if p["country"]
        }
    )
    out: dict[str, Frame] = {}
    for d in sorted(docs, key=lambda d: d.id):
        f = frames[d.id]
        if f.type is None:
            out[d.id] = f
            continue

        def hit(fault: str, doc_id: str = d.id) -> bool:
            return fault in faults and _coin(doc_id, salt + fault, rate)

        people = list(f.participants)
        typ, date, certain = f.type, f.date, f.date_certain
        if hit("no_frame"):
            out[d.id] = Frame(d.id, role=f.role, type=None)
            continue
        k = int(hashlib.sha1(f"{salt}{d.id}".encode()).hexdigest()[:4], 16) % max(len(people), 1)
        if hit("wrong_country") and len(people) >= 2:
            other = people[(k + 1) % len(people)]
            people[k] = Participant(people[k].name, other.country, people[k].role)
        elif hit("no_country"):
            people[k] = Participant(people[k].name, None, people[k].role)
        if hit("drop_person") and len(people) >= 2:
            people.pop(k)
        if hit("extra_person"):
            mine = {p.country for p in people}
            name, country = next((o for o in outsiders[k:] + outsiders[:k] if o[1] not in mine), outsiders[0])
            people.append(Participant(name, country, None))
        if hit("surname"):
            form = _HONORIFIC[k % len(_HONORIFIC)]
            renamed = []
            for p in people:
                words = (p.name or "").split()
                if len(words) >= 2:
                    name = form.format(n=p.name, s=words[-1], S=words[-1].upper(), f=" ".join(words[:-1]))
                    renamed.append(Participant(name, p.country, p.role))
                else:
                    renamed.append(p)
            people = renamed
        if hit("kin_type") and typ in ("meeting", "visit", "summit"):
            typ = ("visit", "remarks", "summit", "meeting")[k % 4] if typ != "meeting" else "visit"
        if f.status == "planned":
            if hit("pub_date"):
                date = (d.published or d.dateline_date or "")[:10] or None
        elif hit("date_off") and date:
            import datetime as _dt

            date = (_dt.date.fromisoformat(date) + _dt.timedelta(days=1)).isoformat()
        out[d.id] = dataclasses.replace(
            f, type=typ, date=date, date_certain=certain, participants=tuple(people)
        )
    return out
