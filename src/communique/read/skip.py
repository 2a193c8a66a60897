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


def human_size(n: int) -> str:
    """``12_345_678`` → ``12.3 MB``, ``10_000_000`` → ``10 MB``, ``950`` → ``950 B`` (powers of 1000)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + " " + unit
    return f"{n} B"


def too_large(size: int, max_bytes: int) -> str:
    """The Skip reason for ``size`` bytes over the limit: ``too large (12.3 MB > 10 MB)``."""
    return f"too large ({human_size(size)} > {human_size(max_bytes)})"
