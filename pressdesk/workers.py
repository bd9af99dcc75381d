"""Worker processes for work that needs nothing but its input: extraction, and reading
texts for story grouping.

Both run ``work`` (a module-level function from a chunk of items to a list of
results, so that it pickles) over ``items`` chunk by chunk, once there are
``least`` items or more, and give the results in order, those of doing it all
here; if a worker dies, its chunks are done here.

- ``map_chunks`` yields as it goes, for a caller with work of its own: the
  workers take every chunk but the first, which this process does, and read
  ahead while the caller uses the results (story grouping reads texts so);
- ``map_shared`` returns them all, for a caller with nothing else to do: the
  workers take chunks from the front, a few at a time, while this process
  takes them from the back, until they meet (extraction).

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

__all__ = ["map_chunks", "map_shared", "shutdown"]

T = TypeVar("T")
R = TypeVar("R")
Work = Callable[[Sequence[T]], list[R]]

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_size = 1  # workers in the pool


def map_chunks(work: Work[T, R], items: Sequence[T], *, chunk: int, least: int) -> Iterator[R]:
    """``work`` over ``items``, ``chunk`` at a time, yielded in order as it is done."""
    chunks = _chunks(items, chunk)
    pool = _workers() if len(items) >= least and len(chunks) > 1 else None
    if pool is None:
        for part in chunks:
            yield from work(part)
        return
    futures = [_submit(pool, work, part) for part in chunks[1:]]
    yield from work(chunks[0])
    for part, future in zip(chunks[1:], futures, strict=True):
        yield from _result(future, work, part)


def map_shared(work: Work[T, R], items: Sequence[T], *, chunk: int, least: int) -> list[R]:
    """``work`` over ``items``, ``chunk`` at a time, shared between the workers (from the
    front) and this process (from the back); the results in order."""
    chunks = _chunks(items, chunk)
    pool = _workers() if len(items) >= least and len(chunks) > 1 else None
    done: dict[int, list[R]] = {}
    flying: dict[int, Future[list[R]]] = {}
    front, back = 0, len(chunks)
    while front < back or flying:
        while pool is not None and len(flying) < 2 * _size and front < back:
            future = _submit(pool, work, chunks[front])
            if future is None:
                pool = None
                break
            flying[front] = future
            front += 1
        for at in [at for at, future in flying.items() if future.done()]:
            done[at] = _result(flying.pop(at), work, chunks[at])
        if front < back:
            back -= 1
            done[back] = work(chunks[back])
        elif flying:
            at = min(flying)
            done[at] = _result(flying.pop(at), work, chunks[at])
    return [result for at in range(len(chunks)) for result in done[at]]


def _chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[at : at + size] for at in range(0, len(items), size)]


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
    global _pool, _size
    cores = os.cpu_count() or 1
    with _lock:
        if _pool is None and cores > 1 and threading.active_count() == 1:
            _size = min(4, cores - 1)
            _pool = ProcessPoolExecutor(_size, mp_context=multiprocessing.get_context("fork"))
            atexit.register(_pool.shutdown, cancel_futures=True)
        return _pool


def _forget() -> None:
    global _pool
    with _lock:
        _pool = None
