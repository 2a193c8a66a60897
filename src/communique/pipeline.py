"""The pipeline as library calls: ingest, annotate, cluster, each against a :class:`Store`.

These are what the CLI, the HTTP API and a Python user call. Each step is
incremental: ``ingest`` adds only documents not yet stored, ``annotate_store``
annotates only documents without a frame of the current annotator version,
``cluster_store`` re-clusters everything and keeps event ids stable.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources

from communique.annotate.types import KnownPeople
from communique.engine import map_items
from communique.engine.local import default_workers
from communique.model import Document, Event, Frame
from communique.read import Skip, read_paths
from communique.store import Store

Progress = Callable[[int, int | None], None]
BATCH = 200
MAX_REREADS = 3


@dataclass
class IngestReport:
    """What an ingest did: documents read, newly stored, already known, skipped (with reasons)."""

    read: int = 0
    added: int = 0
    known: int = 0
    skipped: list[Skip] = field(default_factory=list)
    not_english: list[tuple[str, str]] = field(default_factory=list)  # (path, language)

    def summary(self, limit: int = 10) -> str:
        """One line, e.g. ``ingested 4 (1 already stored), skipped 2: a.bin (binary), b.jsonl:17 (invalid JSON)``."""
        s = f"ingested {self.added}"
        if self.known:
            s += f" ({self.known} already stored)"
        if self.skipped:
            shown = ", ".join(f"{k.path} ({k.reason})" for k in self.skipped[:limit])
            more = f", and {len(self.skipped) - limit} more" if len(self.skipped) > limit else ""
            s += f", skipped {len(self.skipped)}: {shown}{more}"
        if self.not_english:
            shown = ", ".join(f"{p} ({lang})" for p, lang in self.not_english[:limit])
            s += f"; not English, stored but not annotated: {shown}"
        return s


def ingest(
    store: Store,
    paths: Iterable[str],
    fmt: str | None = None,
    columns: dict[str, str] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Read ``paths`` and store every document not yet stored, in atomic batches of ``BATCH``.

    A run killed mid-way keeps every whole batch; running it again stores the
    rest and duplicates nothing (documents are keyed by content hash). Files
    are read by ``workers`` processes (default: ``COMMUNIQUE_WORKERS`` or the
    number of CPUs); the order of the store does not depend on it.
    """
    report = IngestReport()
    batch: list[Document] = []

    def flush() -> None:
        if batch:
            added = store.add_documents(batch)
            report.added += len(added)
            report.known += len(batch) - len(added)
            batch.clear()

    n = workers if workers is not None else default_workers()
    for item in read_paths(paths, fmt=fmt, columns=columns, workers=n):
        if isinstance(item, Skip):
            report.skipped.append(item)
            continue
        report.read += 1
        if item.language and item.language != "en":
            report.not_english.append((item.paths[0] if item.paths else item.id, item.language))
        batch.append(item)
        if len(batch) >= BATCH:
            flush()
        if progress:
            progress(report.read, None)
    flush()
    return report


@lru_cache(maxsize=1)
def annotator_version() -> str:
    """A fingerprint of the annotate code and data: frames of another version are recomputed."""
    h = hashlib.sha1()
    for pkg in ("communique.annotate", "communique.data"):
        root = resources.files(pkg)
        for entry in sorted(root.iterdir(), key=lambda p: p.name):
            if entry.is_file() and entry.name.endswith((".py", ".tsv", ".json", ".txt")):
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()[:12]


def _frame_of(doc: Document, known: KnownPeople | None = None) -> Frame:
    from communique.annotate import annotate

    return annotate(doc, known).frame


def known_people(frames: Iterable[Frame], min_share: float = 2 / 3) -> dict[str, tuple[str, str | None]]:
    """Full names the corpus's own frames agree on: name -> (country, role).

    A name of two or more words counts when the frames that give it a country
    agree on that country in at least ``min_share`` of their votes; its role is
    the commonest role given with that country. This is evidence read from the
    corpus, never a shipped list of people: a wire story that names a leader
    without title or country can then be read with what the readouts of the
    same corpus say about that leader.
    """
    votes: dict[str, Counter[str]] = {}
    roles: dict[tuple[str, str], Counter[str]] = {}
    for f in frames:
        if not f.type:
            continue
        for p in (*f.participants, *f.attendees):
            if not p.name or not p.country or len(p.name.split()) < 2:
                continue
            votes.setdefault(p.name, Counter())[p.country] += 1
            if p.role:
                roles.setdefault((p.name, p.country), Counter())[p.role] += 1
    out: dict[str, tuple[str, str | None]] = {}
    for name in sorted(votes):
        (country, n), *_ = sorted(votes[name].items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= min_share * sum(votes[name].values()):
            r = roles.get((name, country))
            out[name] = (country, sorted(r.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if r else None)
    return out


def _lacks_evidence(frame: Frame) -> bool:
    """A frame that the corpus's knowledge of people might complete: none, or a participant unplaced."""
    if frame.skipped:
        return False
    if not frame.type:
        return True
    return any(not p.country or not p.name for p in frame.participants) or len(frame.participants) < 2


def annotate_store(store: Store, progress: Progress | None = None, workers: int | None = None) -> int:
    """Annotate every stored document lacking a current frame; returns how many were annotated.

    Two passes: every document is first read on its own; then the documents
    of this run whose frame is missing or incomplete are read again with the
    people that the whole store's frames agree on (:func:`known_people`).
    """
    version = annotator_version()
    todo = store.unannotated(version)
    done = 0
    for i in range(0, len(todo), BATCH * 5):
        docs = list(store.documents(todo[i : i + BATCH * 5]))
        frames = list(map_items(_frame_of, docs, workers=workers))
        store.save_frames(frames, version)
        done += len(frames)
        if progress:
            progress(done, len(todo))
    # What one re-read learns can complete another document's frame, so re-read
    # until nothing changes (at most ``MAX_REREADS`` rounds).
    seen_known: dict[str, tuple[str, str | None]] = {}
    for _ in range(MAX_REREADS if todo else 0):
        all_frames = store.frames()
        known = known_people(all_frames[k] for k in sorted(all_frames))
        again = [d for d in todo if d in all_frames and _lacks_evidence(all_frames[d])]
        if not known or not again or known == seen_known:
            break
        seen_known = known
        reread = partial(_frame_of, known=known)
        changed = 0
        for i in range(0, len(again), BATCH * 5):
            docs = list(store.documents(again[i : i + BATCH * 5]))
            frames = [f for f in map_items(reread, docs, workers=workers) if f != all_frames[f.doc_id]]
            store.save_frames(frames, version)
            changed += len(frames)
        if not changed:
            break
    return done


def cluster_store(store: Store) -> list[Event]:
    """Cluster every stored document into events, keeping ids stable, and store them."""
    from communique.cluster import cluster

    docs = list(store.documents())
    frames = store.frames()
    events = cluster(docs, frames, previous=store.event_assignment())
    store.replace_events(events)
    return events


def run(
    store: Store, paths: Sequence[str], fmt: str | None = None, progress: Progress | None = None
) -> IngestReport:
    """ingest + annotate + cluster: the main job."""
    report = ingest(store, paths, fmt=fmt, progress=progress)
    annotate_store(store)
    cluster_store(store)
    return report
