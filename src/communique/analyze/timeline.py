"""Timeline rows: one line per event, for people and for scripts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def independent_sources(event: Mapping[str, Any]) -> int:
    """Sources that are not copies of another source of the event."""
    return sum(1 for s in event.get("sources", []) if not s.get("copy_of"))


def participant_label(p: Mapping[str, Any]) -> str:
    name = p.get("name") or "?"
    return f"{name} ({p['country']})" if p.get("country") else str(name)


def timeline_rows(events: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Chronological rows: date, type, status, participants, place, sources, independent sources, id."""
    rows = []
    for e in sorted(events, key=lambda e: (e.get("date") or "", e["id"])):
        place = e.get("location") or ""
        if not place and e.get("host"):
            place = f"host {e['host']}"
        rows.append(
            {
                "id": e["id"],
                "date": e.get("date"),
                "type": e.get("type"),
                "status": e.get("status"),
                "participants": " – ".join(participant_label(p) for p in e.get("participants", [])),
                "place": place,
                "sources": len(e.get("sources", [])),
                "independent_sources": independent_sources(e),
                "title": e.get("title"),
            }
        )
    return rows
