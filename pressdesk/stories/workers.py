"""A batch's texts read in a worker process while the grouper decides.

Reading a release's text (its weighted words and shingle sketch, ``read_text``)
needs nothing but the release, and is about a third of grouping's time; the
grouper's decisions must be made one release after another. So a large batch
is cut into chunks: a worker process reads every chunk but the first, which
this process reads itself, and the grouper takes the readings in order as they
come, deciding while the worker reads ahead; a chunk the worker has not begun
when the grouper reaches it is read here instead (on a busy machine the worker
falls behind). On two cores that takes the reading off the grouper's path; the
stories are the same (the readings are).

The worker is one process, forked with the first large batch and kept for the
next ones. It is forked only while this process runs a single thread (a fork
taken while another thread holds a lock can hang; ``spawn`` would run the
caller's script again in the worker), so a threaded server, a batch smaller
than ``WORKER_MIN`` releases, or a machine with one core reads everything in
this process. If the worker dies, the chunks it had are read here.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from array import array
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pressdesk.models import Release
from pressdesk.stories.features import BODY_CHARS, TextReading, read_text, read_words

__all__ = ["CHUNK", "WORKER_MIN", "read_texts", "shutdown"]

CHUNK = 100  # releases a worker reads at a time
WORKER_MIN = 400  # batches smaller than this are read in this process

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def read_texts(releases: Sequence[Release], *, worker_min: int = WORKER_MIN) -> Iterator[TextReading]:
    """Each release's ``read_text``, in order (see the module docstring)."""
    pool = _worker() if len(releases) >= worker_min else None
    if pool is None:
        yield from map(read_text, releases)
        return
    chunks = [releases[at : at + CHUNK] for at in range(0, len(releases), CHUNK)]
    futures = [_submit(pool, chunk) for chunk in chunks[1:]]
    yield from map(read_text, chunks[0])
    for chunk, future in zip(chunks[1:], futures, strict=True):
        if future is not None and not future.done() and future.cancel():
            future = None  # the worker is behind (a busy machine) and has not begun it
        yield from _result(future, chunk)


Packed = tuple["array[int]", "array[float]", str, tuple[int, ...]]  # a TextReading in transit


def read_chunk(texts: Sequence[tuple[str, str]]) -> list[Packed]:
    """What the worker runs on (title, body) pairs (a module-level function, so that it
    pickles): their readings packed, so that little crosses the pipe and unpickling them
    costs the grouper's process almost nothing."""
    return [_pack(read_words(title, body)) for title, body in texts]


def _pack(text: TextReading) -> Packed:
    terms = list(text.hashed)
    return (array("I", terms), array("d", text.hashed.values()),
            SEP.join(text.names[t] for t in terms), text.shingles)


def _unpack(packed: Packed) -> TextReading:
    terms, weights, names, shingles = packed
    return TextReading(dict(zip(terms, weights, strict=True)),
                       dict(zip(terms, names.split(SEP) if terms else [], strict=True)), shingles)


SEP = "\x1f"  # between the names of a packed reading (no term holds it)


def _submit(pool: ProcessPoolExecutor, chunk: Sequence[Release]) -> Future[list[Packed]] | None:
    try:
        return pool.submit(read_chunk, [(r.title, r.body[:BODY_CHARS]) for r in chunk])
    except (BrokenProcessPool, RuntimeError):
        return None


def _result(future: Future[list[Packed]] | None, chunk: Sequence[Release]) -> list[TextReading]:
    if future is not None:
        try:
            return [_unpack(packed) for packed in future.result()]
        except BrokenProcessPool:
            log.warning("the story worker stopped; reading its chunks in this process")
            _forget()
    return [read_text(release) for release in chunk]


def _worker() -> ProcessPoolExecutor | None:
    global _pool
    with _lock:
        if _pool is None and (os.cpu_count() or 1) > 1 and threading.active_count() == 1:
            _pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            atexit.register(_pool.shutdown, cancel_futures=True)
        return _pool


def shutdown() -> None:
    """Stop the worker, if one runs (it stops with this process anyway)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
        _pool = None


def _forget() -> None:
    global _pool
    with _lock:
        _pool = None
