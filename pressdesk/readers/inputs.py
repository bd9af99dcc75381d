"""Inputs: files, folders, gzip and stdin opened as byte streams, read within limits.

``open_document`` takes an input's first bytes, undoes gzip, decodes UTF-16 and
UTF-32, reads past leading blank space and lone-CR line ends (the stages are in
``streams``) and hands back what is left to sniff together with a document that
replays it, so no reader needs to seek. Line readers take one bounded line at a
time (``rawlines.read_lines``); whole-document readers take at most their
format's share of ``Limits`` (``reads_whole``).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pressdesk.models import Origin, Rejection
from pressdesk.readers import streams
from pressdesk.readers.records import Item

MiB = 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"
READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of an input any one thing may take; every limit is documented in the
    package docstring and the README. Each is far above a real release (a 2 MB body is
    real) and far below what would make reading slow or memory run out."""

    line_bytes: int = 10 * MiB  # a line: a JSON Lines record, a CSV or MOTIR line
    record_bytes: int = 10 * MiB  # a MOTIR record or a CSV row, over all its lines
    document_bytes: int = 256 * MiB  # a JSON array or a piped Parquet file, read whole
    feed_bytes: int = 32 * MiB  # an RSS or Atom feed (feedparser reads ~0.5 MB a second)
    page_bytes: int = 8 * MiB  # an HTML page (lxml's tree takes ~25 times the page)
    table_cells: int = 5000  # table cells of a page that go to trafilatura
    json_depth: int = 100  # nesting of JSON arrays and objects
    gzip_ratio: int = 200  # how many times its size gzip may expand ...
    gzip_floor: int = 64 * MiB  # ... once past this many bytes out


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Settings:
    """What every reader needs besides its document."""

    source: str | None
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True, slots=True)
class Document:
    """One opened input: its name as shown in origins, its stem, and its bytes.

    ``disk_path`` is set when ``stream`` holds exactly the bytes of a file on
    disk (not stdin, not gzip), for readers that need to seek (Parquet).
    ``first_line`` is the number of the stream's first line: blank lines an
    input starts with are read past before sniffing, and counted here.
    """

    name: str
    stem: str
    stream: io.BufferedReader
    disk_path: str | None = None
    first_line: int = 1


Reader = Callable[[Document, Settings], Iterator[Item]]
Opener = Callable[[], contextlib.AbstractContextManager[IO[bytes]]]


# ------------------------------------------------------------------ opening


def list_files(root: str) -> list[str | Rejection]:
    """Every regular, non-hidden file under ``root``, sorted by path components, and a
    rejection in its place for each folder that cannot be listed and each entry that is
    not a file (a broken link, a pipe). Linked folders are followed, each read once."""
    found: list[tuple[tuple[str, ...], str | Rejection]] = []
    seen: set[tuple[int, int]] = set()
    _first_visit(root, ".", seen)

    def unreadable(err: OSError) -> None:
        folder = str(err.filename or root)
        reason = f"cannot read folder: {err.strerror or err}"
        found.append((_parts(root, folder), Rejection(Origin(folder), reason)))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        dirs[:] = [n for n in dirs if not n.startswith(".") and _first_visit(folder, n, seen)]
        for name in (n for n in files if not n.startswith(".")):
            path = os.path.join(folder, name)
            found.append((_parts(root, path), path if os.path.isfile(path) else _not_a_file(path)))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def _parts(root: str, path: str) -> tuple[str, ...]:
    return Path(path).relative_to(root).parts


def _first_visit(folder: str, name: str, seen: set[tuple[int, int]]) -> bool:
    """False for a folder already walked (a link back up the tree would loop)."""
    try:
        status = os.stat(os.path.join(folder, name))
    except OSError:
        return True  # os.walk reports it
    key = (status.st_dev, status.st_ino)
    fresh = key not in seen
    seen.add(key)
    return fresh


def _not_a_file(path: str) -> Rejection:
    kind = "broken symbolic link" if os.path.islink(path) else "not a regular file"
    return Rejection(Origin(path), f"{kind}: skipped")


def open_stdin() -> contextlib.AbstractContextManager[IO[bytes]]:
    return contextlib.nullcontext(sys.stdin.buffer)


def file_opener(path: str) -> Opener:
    return lambda: open(path, "rb")  # noqa: SIM115 - the caller's ``with`` closes it


def open_document(name: str, raw: IO[bytes], limits: Limits) -> tuple[bytes, Document]:
    """The first bytes to sniff (gzip undone, text made UTF-8, leading blank space read
    past) and a document that replays them; each stage only when the bytes call for it."""
    head, stream = streams.replayable(raw)
    same_as_disk = name != STDIN_NAME and os.path.isfile(name)
    if head.startswith(streams.GZIP_MAGIC):
        head, stream = streams.replayable(streams.gunzip(stream, limits.gzip_ratio, limits.gzip_floor))
        same_as_disk = False
    head, stream, recoded = _as_utf8(head, stream)
    breaks = 0
    if head[:1].isspace():
        breaks = streams.skip_blank_start(stream)
        head, stream = streams.replayable(stream)
    if streams.ends_lines_in_lone_cr(head):
        head, stream = streams.replayable(streams.cr_to_lf(stream))
    disk_path = name if same_as_disk and not recoded and not breaks else None
    return head, Document(name, _stem(name), stream, disk_path, 1 + breaks)


def _as_utf8(head: bytes, stream: io.BufferedReader) -> tuple[bytes, io.BufferedReader, bool]:
    """The stream as UTF-8: a UTF-8 byte-order mark dropped, UTF-16 and UTF-32 transcoded."""
    if head.startswith(streams.UTF8_BOM):
        stream.read(len(streams.UTF8_BOM))
        return *streams.replayable(stream), True
    mark = streams.byte_order_mark(head)
    if mark is None:
        return head, stream, False
    stream.read(len(mark[0]))
    return *streams.replayable(streams.transcode(stream, mark[1])), True


def _stem(name: str) -> str:
    return "stdin" if name == STDIN_NAME else Path(name.removesuffix(".gz")).stem


# ------------------------------------------------------------------ whole documents


def read_whole(document: Document, limit: int) -> bytes | Rejection:
    """All of the document's bytes, or a rejection when they pass ``limit``."""
    data = document.stream.read(limit + 1)
    if len(data) > limit:
        return Rejection(Origin(document.name), f"file too large (> {limit} bytes limit)")
    return data


WholeReader = Callable[[bytes, Document, Settings], Iterator[Item]]


def reads_whole(limit_of: Callable[[Limits], int]) -> Callable[[WholeReader], Reader]:
    """A reader that hands the decorated function the whole document, or rejects one
    past its format's limit (``limit_of`` picks it from the settings' ``Limits``)."""

    def decorate(read: WholeReader) -> Reader:
        @functools.wraps(read)
        def reader(document: Document, settings: Settings) -> Iterator[Item]:
            data = read_whole(document, limit_of(settings.limits))
            if isinstance(data, Rejection):
                yield data
            else:
                yield from read(data, document, settings)

        return reader

    return decorate
