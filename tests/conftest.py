"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The real articles in ``../shared/corpus`` (next to the repository), read at run time.

    They are never copied into the repository. When the folder is absent the
    test is skipped, except in CI (``CI=true``), where it fails: CI must
    exercise the real corpora.
    """
    path = (REPO / ".." / "shared" / "corpus").resolve()
    if not (path / "seeds").is_dir() or not (path / "dev").is_dir():
        msg = f"shared corpus not found at {path} (expected seeds/ and dev/ next to the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path
