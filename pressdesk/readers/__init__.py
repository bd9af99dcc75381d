"""Every input format pressdesk ingests, read into a stream of releases and rejections.

    read_path(path, format=None, source=None) -> Iterator[Release | Rejection]

``path`` is a file, a folder (read recursively in sorted order, hidden names
skipped), a gzip file (recognised by its magic bytes, decompressed while
streaming) or ``-`` for standard input. The format (one of ``FORMATS``: MOTIR
dumps, JSON Lines, JSON arrays, CSV, RSS, Atom, HTML article pages, Parquet as
``export`` writes it) is sniffed from the first few kilobytes, then guessed
from the extension; ``format=`` overrides both.

Bad input never stops the stream: a record that cannot be accepted becomes a
``Rejection`` located at ``PATH:LINE`` (the line where the record starts, or
the 1-based record number for JSON arrays and feeds, or no line for HTML
pages and whole-file problems) and reading goes on with the next record.
JSON Lines, CSV and MOTIR dumps are read line by line with bounded memory;
JSON arrays, feeds and HTML pages are read whole, up to a size limit.

Where things live: ``inputs`` opens files, folders, gzip and stdin and reads
bounded lines or whole documents; ``sniff`` tells the format; ``records``
turns a mapping of fields into a release or a rejection; one module per
family of formats reads it: ``lines`` (MOTIR, JSON Lines), ``arrays`` (JSON),
``tabular`` (CSV, Parquet), ``feeds`` (RSS, Atom) and ``pages`` (HTML). A new
format is a reader function in one of those, a row in ``_READERS`` below and, to
be recognised unasked, its signs in ``sniff``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import IO

from pressdesk.errors import InputError
from pressdesk.models import Origin, Rejection
from pressdesk.readers.arrays import read_json
from pressdesk.readers.feeds import read_feed
from pressdesk.readers.inputs import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    DEFAULT_MAX_LINE_BYTES,
    READ_ERRORS,
    STDIN,
    STDIN_NAME,
    Opener,
    Reader,
    Settings,
    file_opener,
    list_files,
    open_document,
    open_stdin,
)
from pressdesk.readers.lines import read_jsonl, read_motir
from pressdesk.readers.pages import read_html
from pressdesk.readers.records import Item, normalise_date
from pressdesk.readers.sniff import PARQUET_MAGIC, guess_format, is_binary, sniff_format
from pressdesk.readers.tabular import read_csv, read_parquet

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "DEFAULT_MAX_LINE_BYTES",
    "FORMATS",
    "normalise_date",
    "read_bytes",
    "read_path",
    "sniff_format",
]

log = logging.getLogger(__name__)

_READERS: dict[str, Reader] = {
    "motir": read_motir,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "rss": read_feed,
    "atom": read_feed,
    "html": read_html,
    "parquet": read_parquet,
}
FORMATS: tuple[str, ...] = tuple(_READERS)


def read_path(
    path: str,
    *,
    format: str | None = None,
    source: str | None = None,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> Iterator[Item]:
    """Read releases from a file, folder, gzip file or ``-`` (stdin), rejecting bad records.

    ``source`` names the source of every record read. A line longer than
    ``max_line_bytes`` (JSON Lines, CSV, MOTIR) is rejected without being held
    in memory; a JSON array, feed, HTML page or piped Parquet file larger than
    ``max_document_bytes`` is rejected whole. Raises ``InputError`` at once for
    an unknown ``format`` or a path that does not exist; every problem inside
    the input is a ``Rejection`` in the stream.
    """
    if format is not None and format not in FORMATS:
        raise InputError(path, None, f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    settings = Settings(source, max_line_bytes, max_document_bytes)
    if path == STDIN:
        return _read_input(STDIN_NAME, open_stdin, format, settings)
    if os.path.isdir(path):
        return _read_folder(path, format, settings)
    if not os.path.exists(path):
        raise InputError(path, None, "no such file or folder")
    return _read_input(path, file_opener(path), format, settings)


def read_bytes(
    name: str,
    data: bytes,
    *,
    format: str | None = None,
    source: str | None = None,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> Iterator[Item]:
    """Read releases from a document held in memory (an upload, a fetched page), located
    as ``name``; everything else as ``read_path``."""
    import io

    if format is not None and format not in FORMATS:
        raise InputError(name, None, f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    settings = Settings(source, DEFAULT_MAX_LINE_BYTES, max_document_bytes)
    return _read_input(name, lambda: io.BytesIO(data), format, settings)


def _read_folder(root: str, format: str | None, settings: Settings) -> Iterator[Item]:
    for path in list_files(root):
        yield from _read_input(path, file_opener(path), format, settings)


def _read_input(name: str, opener: Opener, format: str | None, settings: Settings) -> Iterator[Item]:
    """Open one input, pick its reader and stream it; a read failure ends it with a rejection."""
    try:
        with opener() as raw:
            yield from _read_stream(name, raw, format, settings)
    except READ_ERRORS as err:
        yield Rejection(Origin(name), f"cannot read: {err}")


def _read_stream(name: str, raw: IO[bytes], format: str | None, settings: Settings) -> Iterator[Item]:
    head, document = open_document(name, raw)
    if not head.strip():
        return
    if format is None and head.startswith(PARQUET_MAGIC):
        format = "parquet"
    if format != "parquet" and is_binary(head):
        yield Rejection(Origin(name), "binary file")
        return
    chosen = format or guess_format(head, name)
    if chosen is None:
        yield Rejection(Origin(name), "unrecognised format")
        return
    log.debug("reading %s as %s", name, chosen)
    yield from _READERS[chosen](document, settings)
