"""The cluster stage: documents whose frames describe one real-world event become one :class:`Event`.

Steps (each in its own module):

1. :mod:`~communique.cluster.minhash` finds near-verbatim copies (MinHash over
   5-word shingles with LSH banding; Broder 1997, *Mining of Massive Datasets* ch. 3).
2. :mod:`~communique.cluster.blocking` describes each document (frame people,
   type, day, role) and proposes candidate pairs: the same pair of participants
   within days (two weeks for an announcement), or, for a document without a
   frame, shared distinctive words within two days.
3. :mod:`~communique.cluster.link` weighs each pair (people, type, date, TF-IDF
   cosine, copy relation; names and figures for frameless documents) and
   groups documents by constrained average linkage.
   (:mod:`~communique.cluster.people` matches participants as people,
   :mod:`~communique.cluster.text` holds the lexical similarity.)
4. :mod:`~communique.cluster.merge` votes each group into one Event with
   provenance, and :mod:`~communique.cluster.ids` gives it a stable id.

Everything is computed from documents sorted by id, so the output does not
depend on input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from communique.model import Document, Event, Frame

from .blocking import doc_info, framed_candidates, frameless_candidates
from .ids import assign_ids
from .link import Linker
from .merge import build_event
from .minhash import MinHasher, near_duplicates, pairs_from_signatures
from .text import TfIdf, profile

__all__ = ["cluster", "near_duplicates", "COPY_THRESHOLD"]

#: MinHash Jaccard (5-word shingles) from which a document counts as a copy of another
COPY_THRESHOLD = 0.8


def cluster(
    docs: Sequence[Document],
    frames: Mapping[str, Frame],
    previous: Mapping[str, str] | None = None,
) -> list[Event]:
    """Group documents into events.

    Args:
        docs: every stored document (duplicates by id are read once).
        frames: doc id -> the annotate stage's Frame. A frame whose ``type`` is
            None (no diplomatic event) or that is ``skipped``, and a document
            without a frame, are clustered by wording and publication day only.
        previous: doc id -> event id of the last clustering; events keep their
            ids when most of their known documents had that id.

    Returns:
        Events sorted by ``(date or "", id)``; every document is in exactly one.
        ``Source.copy_of`` marks near-verbatim copies (the earliest published
        document of a copy family is the original); ``Event.why`` has one line
        per merge naming the signals that linked the documents.
    """
    by_id: dict[str, Document] = {}
    for d in docs:
        by_id.setdefault(d.id, d)
    ordered = [by_id[k] for k in sorted(by_id)]
    if not ordered:
        return []
    texts = [d.clean or d.text for d in ordered]
    sig = MinHasher().signatures_of_texts(texts)
    copies = {(i, j): e for i, j, e in pairs_from_signatures(sig, COPY_THRESHOLD)}
    tfidf = TfIdf(texts)
    infos = [doc_info(k, d, frames.get(d.id), profile(texts[k], d.outlet)) for k, d in enumerate(ordered)]
    candidates = framed_candidates(infos) | frameless_candidates(infos, tfidf) | set(copies)
    groups, why = Linker(infos, tfidf, copies).group(candidates)

    copy_of = _copy_of(groups, copies, infos)
    doc_groups = [[infos[k].id for k in g] for g in groups]
    originals = [[infos[k].id for k in g if infos[k].id not in copy_of] for g in groups]
    ids = assign_ids(doc_groups, originals, previous)
    events = [
        build_event(eid, [infos[k] for k in g], why.get(g[0], []), copy_of)
        for eid, g in zip(ids, groups, strict=True)
    ]
    return sorted(events, key=lambda e: (e.date or "", e.id))


def _copy_of(
    groups: Sequence[Sequence[int]], copies: Mapping[tuple[int, int], float], infos: Sequence
) -> dict[str, str]:
    """doc id -> id of the original, for documents that are near-verbatim copies within their event.

    Copies are grouped into families (connected by copy pairs inside one event);
    the family's earliest published document (then smallest id) is the original.
    """
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(copies):
        if group_of[i] == group_of[j]:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    families: dict[int, list[int]] = {}
    for k in list(parent):
        families.setdefault(find(k), []).append(k)
    out: dict[str, str] = {}
    for fam in families.values():
        orig = min(fam, key=lambda k: (infos[k].doc.published or "~", infos[k].id))
        for k in fam:
            if k != orig:
                out[infos[k].id] = infos[orig].id
    return out
