"""The :class:`Skip` record: a file or record that could not be read, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skip:
    """A file or record that could not be read, and why.

    ``path`` is the file (``"dir/a.bin"``) or the file and 1-based line of a
    record (``"dir/b.jsonl:17"``); ``reason`` is short and human-readable
    (``"binary"``, ``"invalid JSON"``, ``"too large (12.3 MB > 10 MB)"``).
    """

    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}
