"""Map a pure function over items in this process or in a local process pool."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Worker processes to use: ``COMMUNIQUE_WORKERS`` if set, else the number of CPUs."""
    env = os.environ.get("COMMUNIQUE_WORKERS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return os.cpu_count() or 1


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def map_items(
    fn: Callable[[T], R], items: Iterable[T], workers: int | None = None, min_parallel: int = 200
) -> Iterator[R]:
    """``fn`` over ``items``, results in input order.

    Runs in this process when there are fewer than ``min_parallel`` items or
    one worker (a pool costs more than it saves on small inputs), else in a
    process pool with ``workers`` processes.
    """
    seq = list(items)
    n = workers if workers is not None else default_workers()
    if n <= 1 or len(seq) < min_parallel:
        for x in seq:
            yield fn(x)
        return
    chunk = max(1, len(seq) // (n * 8))
    with ProcessPoolExecutor(max_workers=n, initializer=_ignore_sigint) as pool:
        yield from pool.map(fn, seq, chunksize=chunk)
