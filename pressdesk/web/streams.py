"""Streaming a file the library writes: the library's writers (``Desk.export``,
``export.write_table``) write to a binary file; a response wants chunks as they come.

A worker thread runs the writer into a ``Pipe``, whose bounded queue the response
drains, so a million-row export holds a few chunks in memory at a time and the
same writers serve the CLI and the web. A client that hangs up stops the writer
at its next write.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import AsyncIterator, Callable
from typing import IO

from starlette.concurrency import run_in_threadpool

__all__ = ["stream_writer"]

CHUNK = 64 * 1024
_END = b""


class _HungUp(Exception):
    """The response was abandoned: the writer stops."""


class Pipe(io.RawIOBase):
    """A write-only file whose bytes go, in chunks of ``CHUNK``, to a bounded queue."""

    def __init__(self, chunks: queue.Queue[bytes | BaseException], stop: threading.Event) -> None:
        self.chunks, self.stop, self.pending = chunks, stop, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.pending += data
        if len(self.pending) >= CHUNK:
            self.send(bytes(self.pending))
            self.pending.clear()
        return len(data)

    def send(self, item: bytes | BaseException) -> None:
        while not self.stop.is_set():
            try:
                self.chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _HungUp


def stream_writer(write: Callable[[IO[bytes]], object]) -> AsyncIterator[bytes]:
    """The bytes ``write`` writes to the file it is given, as an async stream of chunks;
    an error it raises ends the stream (the status is long sent by then)."""
    chunks: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=8)
    stop = threading.Event()
    pipe = Pipe(chunks, stop)

    def run() -> None:
        try:
            write(pipe)  # type: ignore[arg-type]  # a RawIOBase is a binary file
            if pipe.pending:
                pipe.send(bytes(pipe.pending))
            pipe.send(_END)
        except _HungUp:
            return
        except BaseException as err:  # handed to the response, which raises it
            pipe.send(err)

    async def drain() -> AsyncIterator[bytes]:
        threading.Thread(target=run, name="pressdesk-export", daemon=True).start()
        try:
            while (item := await run_in_threadpool(chunks.get)) != _END:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()

    return drain()
