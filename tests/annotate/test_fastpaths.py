"""The lower-cased, guarded regex passes give exactly what the case-insensitive passes give."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.annotate import dates, frame
from communique.read import read_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (
    "On Monday, January 5, 2015, the leaders spoke by telephone; in March they met. The day before, "
    "in 2019, last week, next Friday, the past year, early May, mid-June, 3 March 2020, 2021-02-03, "
    "tonight, this morning. President A called President B. They had a call, a video conference, "
    "virtual talks, a bilateral meeting, hosted, welcomed, received, sat down, a congratulatory "
    "message, a letter to, discussions, exchanged views, signed the treaty, a summit, İstanbul talks."
)


def _texts() -> list[str]:
    out = [SAMPLE, SAMPLE.upper(), SAMPLE.lower(), SAMPLE.title()]
    paths = [str(p) for p in (ROOT / "tests/data/heldout", ROOT / "examples") if p.exists()]
    out += [d.clean for d in read_paths(paths) if hasattr(d, "clean")]
    return out


@pytest.mark.parametrize("text", _texts()[:4])
def test_fast_passes_on_sample(text: str) -> None:
    _check(text)


def test_fast_passes_on_fixtures() -> None:
    for text in _texts()[4:]:
        _check(text)


def _check(text: str) -> None:
    slow = [(m.start(), m.end(), m.lastgroup) for m in dates._ANY.finditer(text)]
    low = text.lower()
    if len(low) == len(text):
        fast = [(m.start(), m.end(), m.lastgroup) for m in dates._ANY_LOW.finditer(low)]
        assert fast == slow
    slow_t = [(frame._TYPE_OF[m.lastgroup or ""], m.start(), m.end()) for m in frame.TRIGGER_RE.finditer(text)]
    assert frame._find_triggers(text) == slow_t
