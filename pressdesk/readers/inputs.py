"""Inputs: files, folders, gzip and stdin opened as replayable byte streams, read within limits.

An input's first bytes are read for sniffing and then given back by the
stream (``open_document``), so no reader needs to seek. Line readers take
one bounded line at a time (``read_lines``); whole-document readers take at
most ``max_document_bytes`` (``read_whole``, ``reads_whole``).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pressdesk.models import Origin, Rejection
from pressdesk.readers.records import Item

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
SNIFF_BYTES = 8192
STDIN = "-"
STDIN_NAME = "<stdin>"
INVALID_UTF8 = "invalid UTF-8"
READ_ERRORS = (OSError, EOFError, zlib.error)

_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"
_LINE_CHUNK = 1024 * 1024
_STREAM_BUFFER = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """What every reader needs besides its document."""

    source: str | None
    max_line_bytes: int
    max_document_bytes: int


@dataclass(frozen=True, slots=True)
class Document:
    """One opened input: its name as shown in origins, its stem, and its bytes.

    ``disk_path`` is set when ``stream`` holds exactly the bytes of a file on
    disk (not stdin, not gzip), for readers that need to seek (Parquet).
    """

    name: str
    stem: str
    stream: IO[bytes]
    disk_path: str | None = None


Reader = Callable[[Document, Settings], Iterator[Item]]
Opener = Callable[[], contextlib.AbstractContextManager[IO[bytes]]]


# ------------------------------------------------------------------ opening


def list_files(root: str) -> list[str]:
    """Every regular, non-hidden file under ``root``, sorted by path components."""
    found: list[tuple[str, ...]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        base = Path(folder).relative_to(root).parts
        names = [name for name in files if not name.startswith(".")]
        found.extend(base + (n,) for n in names if os.path.isfile(os.path.join(folder, n)))
    return [os.path.join(root, *parts) for parts in sorted(found)]


def open_stdin() -> contextlib.AbstractContextManager[IO[bytes]]:
    return contextlib.nullcontext(sys.stdin.buffer)


def file_opener(path: str) -> Opener:
    return lambda: open(path, "rb")  # noqa: SIM115 - the caller's ``with`` closes it


def open_document(name: str, raw: IO[bytes]) -> tuple[bytes, Document]:
    """The first bytes of an input (BOM dropped, gzip undone) and a document that replays them."""
    head, stream = _replayable(raw)
    disk_path = None if name == STDIN_NAME else name
    if head.startswith(_GZIP_MAGIC):
        head, stream = _replayable(gzip.GzipFile(fileobj=stream, mode="rb"))  # type: ignore[arg-type]
        disk_path = None
    return head, Document(name, _stem(name), stream, disk_path)


def _stem(name: str) -> str:
    return "stdin" if name == STDIN_NAME else Path(name.removesuffix(".gz")).stem


class _Replay(io.RawIOBase):
    """A raw stream that gives back the bytes already read for sniffing, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self._take_head(len(view)) if self._head else self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)

    def _take_head(self, size: int) -> bytes:
        data, self._head = self._head[:size], self._head[size:]
        return data


def _replayable(raw: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """The first bytes of ``raw`` (BOM dropped) and a buffered stream that starts at them."""
    head = raw.read(SNIFF_BYTES)
    head = head.removeprefix(_BOM)
    return head, io.BufferedReader(_Replay(head, raw), _STREAM_BUFFER)


# ------------------------------------------------------------------ lines


def read_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, str, str]]:
    """``(number, text, problem)`` per line; text keeps its newline, problem is '' if fine.

    A line longer than ``limit`` bytes is read past in chunks, never held whole.
    """
    readline, chunk = stream.readline, min(limit + 1, _LINE_CHUNK)
    number = 0
    while raw := readline(chunk):
        number += 1
        line: bytes | bytearray = raw
        problem = ""
        if len(raw) >= chunk and not raw.endswith(b"\n"):  # a full chunk: the line goes on
            line, problem = _read_rest_of_line(stream, raw, limit)
        if problem:
            yield number, "", problem
            continue
        try:
            yield number, line.decode("utf-8"), ""
        except UnicodeDecodeError:
            yield number, "", INVALID_UTF8


def _read_rest_of_line(stream: IO[bytes], start: bytes, limit: int) -> tuple[bytes | bytearray, str]:
    """The whole of a line longer than one chunk, or a problem when it passes ``limit``."""
    line = bytearray(start)
    while len(line) <= limit:
        part = stream.readline(min(_LINE_CHUNK, limit + 1 - len(line)))
        line += part
        if not part or part.endswith(b"\n"):
            return line, ""
    return b"", _skip_long_line(stream, len(line), limit)


def _skip_long_line(stream: IO[bytes], size: int, limit: int) -> str:
    """Read past the rest of an over-long line, a chunk at a time, and describe it."""
    while chunk := stream.readline(_LINE_CHUNK):
        if chunk.endswith(b"\n"):
            size += len(chunk) - 1
            break
        size += len(chunk)
    return f"line too long ({size} bytes > {limit} limit)"


# ------------------------------------------------------------------ whole documents


def read_whole(document: Document, settings: Settings) -> bytes | Rejection:
    """All of the document's bytes, or a rejection when they pass ``max_document_bytes``."""
    data = document.stream.read(settings.max_document_bytes + 1)
    if len(data) > settings.max_document_bytes:
        limit = settings.max_document_bytes
        return Rejection(Origin(document.name), f"file too large (> {limit} bytes limit)")
    return data


def reads_whole(read: Callable[[bytes, Document, Settings], Iterator[Item]]) -> Reader:
    """A reader that hands ``read`` the whole document, or rejects one past the size limit."""

    @functools.wraps(read)
    def reader(document: Document, settings: Settings) -> Iterator[Item]:
        data = read_whole(document, settings)
        if isinstance(data, Rejection):
            yield data
        else:
            yield from read(data, document, settings)

    return reader
