"""Execution engines: run a pure per-item function over many items.

``local`` maps in this process or a process pool. The stages are plain
functions over plain (picklable) data, so the same function runs unchanged
in either.
"""

from communique.engine.local import map_items

__all__ = ["map_items"]
