"""Worker processes for work that needs nothing but its input: extraction, and reading
texts for story grouping.

``map_chunks(work, items, chunk=N, least=M)`` runs ``work`` (a module-level
function from a chunk of items to a list of results, so that it pickles) over
``items`` chunk by chunk and yields the results in order. With ``least`` items
or more, the workers take every chunk but the first, which this process does
meanwhile; a chunk no worker has begun when its turn comes is done here too
(so a busy machine, where the workers fall behind, loses nothing), and if a
worker dies, its chunks are done here. The results are those of doing it all
here.

The workers (one fewer than the cores, at most four) are forked with the first
large piece of work and kept for the next. They are forked only while this
process runs a single thread: a fork taken while another thread holds a lock
can hang, and ``spawn`` would run the caller's script again in each worker. So
a threaded server, small work, or a machine with one core does everything in
this process.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

__all__ = ["map_chunks", "shutdown"]

T = TypeVar("T")
R = TypeVar("R")
Work = Callable[[Sequence[T]], list[R]]

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def map_chunks(work: Work[T, R], items: Sequence[T], *, chunk: int, least: int) -> Iterator[R]:
    """``work`` over ``items``, ``chunk`` at a time, in order (see the module docstring)."""
    chunks = [items[at : at + chunk] for at in range(0, len(items), chunk)]
    pool = _workers() if len(items) >= least and len(chunks) > 1 else None
    if pool is None:
        for part in chunks:
            yield from work(part)
        return
    futures = [_submit(pool, work, part) for part in chunks[1:]]
    yield from work(chunks[0])
    for part, future in zip(chunks[1:], futures, strict=True):
        if future is not None and not future.done() and future.cancel():
            future = None  # the workers are behind (a busy machine) and have not begun it
        yield from _result(future, work, part)


def shutdown() -> None:
    """Stop the workers, if they run (they stop with this process anyway)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
        _pool = None


def _submit(pool: ProcessPoolExecutor, work: Work[T, R], part: Sequence[T]) -> Future[list[R]] | None:
    try:
        return pool.submit(work, part)
    except (BrokenProcessPool, RuntimeError):
        return None


def _result(future: Future[list[R]] | None, work: Work[T, R], part: Sequence[T]) -> list[R]:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a worker process stopped; doing its work in this process")
            _forget()
    return work(part)


def _workers() -> ProcessPoolExecutor | None:
    global _pool
    cores = os.cpu_count() or 1
    with _lock:
        if _pool is None and cores > 1 and threading.active_count() == 1:
            _pool = ProcessPoolExecutor(min(4, cores - 1), mp_context=multiprocessing.get_context("fork"))
            atexit.register(_pool.shutdown, cancel_futures=True)
        return _pool


def _forget() -> None:
    global _pool
    with _lock:
        _pool = None
