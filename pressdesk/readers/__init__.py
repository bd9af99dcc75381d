"""Every input format pressdesk ingests, read into a stream of releases and rejections.

    read_path(path, format=None, source=None, limits=Limits()) -> Iterator[Release | Rejection]

``path`` is a file, a folder (read recursively in sorted order, hidden names
skipped, linked folders followed once), a gzip file (recognised by its magic
bytes, decompressed while streaming) or ``-`` for standard input. Text is
UTF-8; UTF-16 and UTF-32 are decoded by their byte-order mark, a UTF-8 one is
dropped, and lines may end in LF, CRLF or (a whole file) lone CR. The format
(one of ``FORMATS``: MOTIR dumps, JSON Lines, JSON arrays, CSV, RSS, Atom, HTML
article pages, Parquet as ``export`` writes it) is sniffed from the first few
kilobytes after any leading blank space, then guessed from the extension;
``format=`` overrides both.

Bad input never costs good input. A record that cannot be accepted becomes a
``Rejection`` located at ``PATH:LINE`` (the line where the record starts, or
the 1-based record number for JSON arrays, feeds and Parquet, or no line for
HTML pages and whole-file problems) with a one-line reason, and reading goes
on with the next record: after a damaged JSON element at the next element,
after a CSV row an unbalanced quote ran on at the next line, after an
unreadable Parquet row group at the next group. Only a file whose first lines
are mostly binary (NUL and control bytes, not UTF-8) and that sniffs as no
format is rejected whole; a folder that cannot be listed, a broken link or a
pipe inside a folder is a rejection naming it. Within one call, a record whose
release id was already read with different text is rejected as a duplicate
(``duplicates``), so ingesting an input again changes nothing.

Every input is read in bounded time and memory (``Limits``; each limit is far
above a real release, where a 2 MB body is real):

    line_bytes      10 MiB   a line: a JSON Lines record, a CSV or MOTIR line;
                             also a run of blank lines (read in bulk, not line by line)
    record_bytes    10 MiB   a MOTIR record or a CSV row over all its lines
                             (the csv module's field limit is raised to match)
    document_bytes 256 MiB   a JSON array, or a piped or gzipped Parquet file, read whole
    feed_bytes      32 MiB   an RSS or Atom feed (feedparser reads ~0.5 MB/s)
    page_bytes       8 MiB   an HTML page (lxml's tree is ~25 times the page)
    table_cells      5,000   table cells of a page given to trafilatura; larger
                             tables, in page order, are left out of its body
    json_depth         100   nesting of JSON arrays and objects (Python's own
                             decoder would raise RecursionError near 1,000)
    gzip_ratio         200   gzip stops being read once it has expanded more
                             than 200-fold and past gzip_floor (64 MiB)

A date longer than 200 characters is no date, and an integer of more than
4,300 digits (Python's int-string limit) is kept as its digits, so it costs its
record nothing unless it stands where text is required.

Where things live: ``inputs`` opens files, folders and stdin and holds the
limits; ``streams`` undoes gzip, transcodes, reads past leading blank space and
lone CRs; ``rawlines`` cuts bounded lines; ``sniff`` tells the format;
``jsonvalues`` decodes JSON within limits; ``records`` turns a mapping of fields
into a release or a rejection; ``duplicates`` keeps one record per release id;
one module per family of formats reads it: ``lines`` (MOTIR, JSON Lines),
``arrays`` (JSON), ``tabular`` (CSV, Parquet), ``feeds`` (RSS, Atom) and
``pages`` (HTML). A new format is a reader function in one of those, a row in
``_READERS`` below and, to be recognised unasked, its signs in ``sniff``.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from typing import IO

from pressdesk.errors import InputError
from pressdesk.models import Origin, Rejection
from pressdesk.readers.arrays import read_json
from pressdesk.readers.duplicates import drop_duplicates
from pressdesk.readers.feeds import read_feed
from pressdesk.readers.inputs import (
    DEFAULT_LIMITS,
    READ_ERRORS,
    STDIN,
    STDIN_NAME,
    Limits,
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
from pressdesk.readers.sniff import PARQUET_MAGIC, format_of_name, is_binary, sniff_format
from pressdesk.readers.streams import Unreadable
from pressdesk.readers.tabular import read_csv, read_parquet

__all__ = [
    "FORMATS",
    "READER_FAILED",
    "Limits",
    "normalise_date",
    "read_bytes",
    "read_path",
    "sniff_format",
]

log = logging.getLogger(__name__)

READER_FAILED = "reading stopped by an internal error (a bug: please report it)"
_REASON_CHARS = 300

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
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Item]:
    """Read releases from a file, folder, gzip file or ``-`` (stdin), rejecting bad records.

    ``source`` names the source of every record read; ``limits`` bounds what any
    line, record or document may take (see the module docstring). Raises
    ``InputError`` at once for an unknown ``format`` or a path that does not exist;
    every problem inside the input is a ``Rejection`` in the stream.
    """
    check_format(path, format)
    settings = Settings(source, limits)
    if path == STDIN:
        return drop_duplicates(_read_input(STDIN_NAME, open_stdin, format, settings))
    if os.path.isdir(path):
        return drop_duplicates(_read_folder(path, format, settings))
    if not os.path.lexists(path):
        raise InputError(path, None, "no such file or folder")
    return drop_duplicates(_read_input(path, file_opener(path), format, settings))


def read_bytes(
    name: str,
    data: bytes,
    *,
    format: str | None = None,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Item]:
    """Read releases from a document held in memory (an upload, a fetched page), located
    as ``name``; everything else as ``read_path``."""
    check_format(name, format)

    def opener() -> IO[bytes]:
        return io.BytesIO(data)

    return drop_duplicates(_read_input(name, opener, format, Settings(source, limits)))


def check_format(name: str, format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise InputError(name, None, f"unknown format {format!r}; one of {', '.join(FORMATS)}")


def _read_folder(root: str, format: str | None, settings: Settings) -> Iterator[Item]:
    for entry in list_files(root):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from _read_input(entry, file_opener(entry), format, settings)


def _read_input(name: str, opener: Opener, format: str | None, settings: Settings) -> Iterator[Item]:
    """Open one input, pick its reader and stream it; a read failure ends it with a rejection."""
    try:
        with opener() as raw:
            yield from map(_in_one_line, _read_stream(name, raw, format, settings))
    except Unreadable as err:
        yield Rejection(Origin(name), str(err))
    except READ_ERRORS as err:
        yield Rejection(Origin(name), f"cannot read: {_describe(err)}")
    except Exception as err:  # a reader's bug must cost the rest of this input only, not the ingest
        log.exception("reading %s failed", name)
        yield _in_one_line(Rejection(Origin(name), f"{READER_FAILED}: {type(err).__name__}: {err}"))


def _in_one_line(item: Item) -> Item:
    """The item, a rejection's reason made one line of at most 300 characters: the messages
    of third-party parsers (pyarrow's, feedparser's) can run to several lines."""
    if isinstance(item, Rejection) and (len(item.reason) > _REASON_CHARS or not item.reason.isprintable()):
        reason = " ".join("".join(map(_printable, item.reason[: 2 * _REASON_CHARS])).split())
        reason = reason if len(reason) <= _REASON_CHARS else reason[: _REASON_CHARS - 1] + "…"
        return Rejection(item.origin, reason)
    return item


def _printable(char: str) -> str:
    """A character as it may stand in one line: white space as a space, a control as its escape."""
    return char if char.isprintable() else " " if char.isspace() else repr(char)[1:-1]


def _describe(err: Exception) -> str:
    """An error's message without the path the rejection names already."""
    strerror = getattr(err, "strerror", None)
    return str(strerror) if strerror else str(err)


def _read_stream(name: str, raw: IO[bytes], format: str | None, settings: Settings) -> Iterator[Item]:
    head, document = open_document(name, raw, settings.limits)
    if not head.strip():
        return
    if format is None and head.startswith(PARQUET_MAGIC):
        format = "parquet"
    sniffed = sniff_format(head)
    if format != "parquet" and sniffed is None and is_binary(head):  # a text format's signs win
        yield Rejection(Origin(name), "binary file")
        return
    chosen = format or sniffed or format_of_name(name)
    if chosen is None:
        yield Rejection(Origin(name), "unrecognised format")
        return
    log.debug("reading %s as %s", name, chosen)
    yield from _READERS[chosen](document, settings)
