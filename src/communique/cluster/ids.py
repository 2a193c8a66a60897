"""Stable event ids.

An event's id is derived from content, never from the order of processing:
``"ev_" + sha1(smallest id among the event's original documents)[:16]``, where
the originals are the documents that are not near-verbatim copies of another
one. Re-clustering the same documents therefore gives the same ids.

When documents are added, an event keeps the id it had when most of its
previously clustered documents carried that id (``previous``, from the last
clustering): a new readout joining an announced event does not rename it,
even when the new document's id sorts first, and events nothing touched keep
their ids. When an earlier event splits, the part holding most of its old
documents keeps the id and the others get fresh ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence


def fresh_id(doc_id: str) -> str:
    """The id of an event founded by document ``doc_id``."""
    return "ev_" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16]


def assign_ids(
    groups: Sequence[Sequence[str]],
    originals: Sequence[Sequence[str]],
    previous: Mapping[str, str] | None = None,
) -> list[str]:
    """One id per group of document ids (see the module docstring).

    Args:
        groups: the document ids of each event.
        originals: for each event, the ids of its documents that are not copies
            (may be empty; then all documents count).
        previous: doc id -> event id of the last clustering.

    Returns:
        Distinct ids, in the order of ``groups``.
    """
    previous = previous or {}
    out: list[str | None] = [None] * len(groups)
    # claims on previous ids: (votes, group index) for the id most of a group's known documents had
    claims: dict[str, list[tuple[int, str, int]]] = {}
    for g, docs in enumerate(groups):
        known = [previous[d] for d in docs if d in previous]
        if not known:
            continue
        counts: dict[str, int] = {}
        for e in known:
            counts[e] = counts.get(e, 0) + 1
        best = min(counts, key=lambda e: (-counts[e], e))
        if 2 * counts[best] > len(known):
            claims.setdefault(best, []).append((-counts[best], min(docs), g))
    used: set[str] = set()
    for eid in sorted(claims):
        _, _, g = min(claims[eid])
        out[g] = eid
        used.add(eid)
    order = sorted(range(len(groups)), key=lambda g: min(groups[g]) if groups[g] else "")
    for g in order:
        if out[g] is not None:
            continue
        base = sorted(originals[g] or groups[g])
        eid = fresh_id(base[0])
        k = 1
        while eid in used:
            k += 1
            eid = fresh_id(f"{base[0]}#{k}")
        out[g] = eid
        used.add(eid)
    return [e or "" for e in out]
