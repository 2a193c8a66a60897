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


def first_published(event: Mapping[str, Any]) -> str | None:
    """The earliest publication day among the event's sources (YYYY-MM-DD), if any says one."""
    days = sorted(str(s["published"])[:10] for s in event.get("sources", []) if s.get("published"))
    return days[0] if days else None


def timeline_rows(
    events: Sequence[Mapping[str, Any]], titles: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Chronological rows: date, type, status, participants, place, sources, independent sources, id.

    An event with no date of its own (news with no diplomatic frame) is placed
    on its first publication day, shown as ``date_published``; ``title`` is
    the title of its first source, from ``titles`` (doc_id -> title).
    """
    titles = titles or {}
    rows = []
    for e in sorted(events, key=lambda e: (e.get("date") or first_published(e) or "", e["id"])):
        place = e.get("location") or ""
        if not place and e.get("host"):
            place = f"host {e['host']}"
        sources = e.get("sources", [])
        rows.append(
            {
                "id": e["id"],
                "date": e.get("date"),
                "date_published": first_published(e),
                "type": e.get("type"),
                "status": e.get("status"),
                "participants": " – ".join(participant_label(p) for p in e.get("participants", [])),
                "place": place,
                "sources": len(e.get("sources", [])),
                "independent_sources": independent_sources(e),
                "title": next((titles[s["doc_id"]] for s in sources if s["doc_id"] in titles), None),
            }
        )
    return rows
