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
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

import feedparser
import lxml.html
import trafilatura
from dateutil import parser as dateparser
from lxml import etree

from pressdesk.errors import InputError
from pressdesk.models import Origin, Rejection, Release

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

    from _typeshed import WriteableBuffer

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "DEFAULT_MAX_LINE_BYTES",
    "FORMATS",
    "normalise_date",
    "read_path",
    "sniff_format",
]

log = logging.getLogger(__name__)

Item = Release | Rejection

FORMATS: tuple[str, ...] = ("motir", "jsonl", "json", "csv", "rss", "atom", "html", "parquet")
DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
SNIFF_BYTES = 8192
STDIN = "-"
STDIN_NAME = "<stdin>"

_GZIP_MAGIC = b"\x1f\x8b"
_PARQUET_MAGIC = b"PAR1"
_PARQUET_BATCH = 1024
_BOM = b"\xef\xbb\xbf"
_LINE_CHUNK = 1024 * 1024
_STREAM_BUFFER = 1024 * 1024
_INVALID_UTF8 = "invalid UTF-8"
_UNPAIRED_SURROGATE = "invalid text: unpaired surrogate"
_READ_ERRORS = (OSError, EOFError, zlib.error)

_EXTENSIONS: dict[str, str] = {
    ".motir": "motir",
    ".txt": "motir",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "rss",
    ".rdf": "rss",
    ".xml": "rss",
    ".atom": "atom",
    ".html": "html",
    ".htm": "html",
    ".parquet": "parquet",
}
_MARKUP_ROOTS: tuple[tuple[str, str], ...] = (
    ("<!doctype html", "html"),
    ("<html", "html"),
    ("<head", "html"),
    ("<rss", "rss"),
    ("<rdf", "rss"),
    ("<feed", "atom"),
)
_MARKUP_PROLOG = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype(?!\s+html)[^>]*>)*", re.IGNORECASE | re.DOTALL
)
_MOTIR_DATE = re.compile(r"\bdate\s*(\d{4}-\d{1,2}-\d{1,2})\s*\Z")
_HORIZONTAL_SPACE = re.compile(r"[ \t\r\f\v]+")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_CSV_DELIMITERS = (",", "\t", ";", "|")
_REQUIRED = frozenset({"title", "date", "body"})
_OPTIONAL = ("category", "source", "url", "language")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "section", "article"}
    | {f"h{level}" for level in range(1, 7)}
)
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_HIDDEN_TAGS = frozenset({"script", "style", "template"})
_EARLY_DEFAULT = datetime(2000, 1, 1)
_LATE_DEFAULT = datetime(2001, 2, 2)


@dataclass(frozen=True, slots=True)
class _Settings:
    """What every reader needs besides its document."""

    source: str | None
    max_line_bytes: int
    max_document_bytes: int


@dataclass(frozen=True, slots=True)
class _Document:
    """One opened input: its name as shown in origins, its stem, and its bytes.

    ``disk_path`` is set when ``stream`` holds exactly the bytes of a file on
    disk (not stdin, not gzip), for readers that need to seek (Parquet).
    """

    name: str
    stem: str
    stream: IO[bytes]
    disk_path: str | None = None


class _Invalid(Exception):
    """A field that makes a record unacceptable; the message is the rejection reason."""


# --------------------------------------------------------------------------- entry


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
    settings = _Settings(source, max_line_bytes, max_document_bytes)
    if path == STDIN:
        return _read_input(STDIN_NAME, _open_stdin, format, settings)
    if os.path.isdir(path):
        return _read_folder(path, format, settings)
    if not os.path.exists(path):
        raise InputError(path, None, "no such file or folder")
    return _read_input(path, _file_opener(path), format, settings)


def _read_folder(root: str, format: str | None, settings: _Settings) -> Iterator[Item]:
    for path in _list_files(root):
        yield from _read_input(path, _file_opener(path), format, settings)


def _list_files(root: str) -> list[str]:
    """Every regular, non-hidden file under ``root``, sorted by path components."""
    found: list[tuple[str, ...]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        base = Path(folder).relative_to(root).parts
        names = [name for name in files if not name.startswith(".")]
        found.extend(base + (n,) for n in names if os.path.isfile(os.path.join(folder, n)))
    return [os.path.join(root, *parts) for parts in sorted(found)]


Opener = Callable[[], contextlib.AbstractContextManager[IO[bytes]]]


def _open_stdin() -> contextlib.AbstractContextManager[IO[bytes]]:
    return contextlib.nullcontext(sys.stdin.buffer)


def _file_opener(path: str) -> Opener:
    return lambda: open(path, "rb")  # noqa: SIM115 - the caller's ``with`` closes it


def _read_input(
    name: str,
    opener: Opener,
    format: str | None,
    settings: _Settings,
) -> Iterator[Item]:
    """Open one input, pick its reader and stream it; a read failure ends it with a rejection."""
    try:
        with opener() as raw:
            yield from _read_stream(name, raw, format, settings)
    except _READ_ERRORS as err:
        yield Rejection(Origin(name), f"cannot read: {err}")


def _read_stream(
    name: str, raw: IO[bytes], format: str | None, settings: _Settings
) -> Iterator[Item]:
    head, stream = _replayable(raw)
    disk_path = None if name == STDIN_NAME else name
    if head.startswith(_GZIP_MAGIC):
        head, stream = _replayable(gzip.GzipFile(fileobj=stream, mode="rb"))  # type: ignore[arg-type]
        disk_path = None
    if not head.strip():
        return
    if format is None and head.startswith(_PARQUET_MAGIC):
        format = "parquet"
    if format != "parquet" and _is_binary(head):
        yield Rejection(Origin(name), "binary file")
        return
    chosen = format or sniff_format(head) or _EXTENSIONS.get(_extension(name))
    if chosen is None:
        yield Rejection(Origin(name), "unrecognised format")
        return
    log.debug("reading %s as %s", name, chosen)
    yield from _READERS[chosen](_Document(name, _stem(name), stream, disk_path), settings)


def _extension(name: str) -> str:
    path = Path(name.removesuffix(".gz"))
    return path.suffix.lower()


def _stem(name: str) -> str:
    return "stdin" if name == STDIN_NAME else Path(name.removesuffix(".gz")).stem


# ----------------------------------------------------------------------- streams


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


def _is_binary(head: bytes) -> bool:
    """NUL bytes, or more than one byte in twenty a control character text never holds."""
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return b"\x00" in head or controls > len(head) // 20


def _read_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, str, str]]:
    """``(number, text, problem)`` per line; text keeps its newline, problem is '' if fine.

    A line longer than ``limit`` bytes is read past in chunks, never held whole.
    """
    readline, chunk = stream.readline, min(limit + 1, _LINE_CHUNK)
    number = 0
    while raw := readline(chunk):
        number += 1
        line, problem = (raw, "") if len(raw) < chunk or raw.endswith(b"\n") else (
            _read_rest_of_line(stream, raw, limit)
        )
        if problem:
            yield number, "", problem
            continue
        try:
            yield number, line.decode("utf-8"), ""
        except UnicodeDecodeError:
            yield number, "", _INVALID_UTF8


def _read_rest_of_line(
    stream: IO[bytes], start: bytes, limit: int
) -> tuple[bytes | bytearray, str]:
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


def _read_whole(document: _Document, settings: _Settings) -> bytes | Rejection:
    data = document.stream.read(settings.max_document_bytes + 1)
    if len(data) > settings.max_document_bytes:
        limit = settings.max_document_bytes
        return Rejection(Origin(document.name), f"file too large (> {limit} bytes limit)")
    return data


# ------------------------------------------------------------------------ sniffing


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes of an input look like, or None if they say nothing."""
    text = head.decode("utf-8", "replace").lstrip()
    if text.startswith("{"):
        return "json" if text.split("\n", 1)[0].strip() == "{" else "jsonl"
    if text.startswith("["):
        return "json"
    if text.startswith("<"):
        return _sniff_markup(text)
    if _looks_like_motir(text):
        return "motir"
    return "csv" if _csv_dialect(text.split("\n", 1)[0]) else None


def _sniff_markup(text: str) -> str | None:
    start = text[_MARKUP_PROLOG.match(text).end() :].lower()  # type: ignore[union-attr]
    return next((name for prefix, name in _MARKUP_ROOTS if start.startswith(prefix)), None)


def _looks_like_motir(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    if len(filled) >= 3 and filled[0] == "-":
        return lines[lines.index("-") + 1] != "" and filled[1] != "-" and filled[2] != "-"
    return "-" in lines and any(_MOTIR_DATE.search(line) for line in lines)


def _csv_dialect(header: str) -> str | None:
    """The delimiter under which ``header`` names title, date and body, if any."""
    for delimiter in _CSV_DELIMITERS:
        names = next(csv.reader([header], delimiter=delimiter), [])
        if {name.strip().lower() for name in names} >= _REQUIRED:
            return delimiter
    return None


# ---------------------------------------------------------------------- validation


def normalise_date(text: str) -> str | None:
    """An ISO ``YYYY-MM-DD`` day from ISO dates/datetimes, RFC 822 or written forms; else None.

    The day is the one written (its own time zone), never shifted to UTC; text
    that names no full day ("Nov 2025") is None.
    """
    text = text.strip()
    if len(text) >= 10 and (len(text) == 10 or text[10] in "T t"):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(text[:10]).isoformat()
    return _parse_written_date(text)


def _parse_written_date(text: str) -> str | None:
    try:
        early = dateparser.parse(text, default=_EARLY_DEFAULT, ignoretz=True).date()
        late = dateparser.parse(text, default=_LATE_DEFAULT, ignoretz=True).date()
    except (ValueError, OverflowError, TypeError):
        return None
    return early.isoformat() if early == late else None


def _required_text(record: Mapping[str, Any], name: str) -> str:
    """The field's text; 'missing NAME' when absent or null, 'empty NAME' when blank."""
    value = _optional_text(record, name)
    if value:
        return value
    raise _Invalid(f"missing {name}" if record.get(name) is None else f"empty {name}")


def _optional_text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(f"{name} is not text ({type(value).__name__})")
    return value.strip()


def _required_date(record: Mapping[str, Any]) -> str:
    value = record.get("date")
    if isinstance(value, date):  # a typed column (Parquet); datetime is a date too
        return value.isoformat()[:10]
    written = _required_text(record, "date")
    day = normalise_date(written)
    if day is None:
        raise _Invalid(f"unparseable date {_shorten(written)!r}")
    return day


def _shorten(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _language(tag: str) -> str:
    """The primary subtag of a language tag, lower case (``en-US`` -> ``en``); '' if none."""
    code = tag.replace("_", "-").split("-", 1)[0].strip().lower()
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else ""


def _release_from_mapping(
    record: object, origin: Origin, source: str | None, default_source: str
) -> Item:
    """A release from a record with title/date/body (+ category/source/url/language).

    Its source is ``source`` when given, else the record's own, else ``default_source``.
    """
    if not isinstance(record, dict):
        return Rejection(origin, f"record is not an object ({type(record).__name__})")
    try:
        title, day = _required_text(record, "title"), _required_date(record)
        body = _required_text(record, "body")
        extra = {name: _optional_text(record, name) for name in _OPTIONAL}
    except _Invalid as err:
        return Rejection(origin, str(err))
    try:
        return Release.create(
            title=title,
            date=day,
            body=body,
            category=extra["category"],
            source=source if source is not None else extra["source"] or default_source,
            url=extra["url"],
            language=_language(extra["language"]),
            external_id=_external_id(record),
            origin=origin,
        )
    except UnicodeEncodeError:  # text that cannot be stored: a "\ud800" escape, say
        return Rejection(origin, _UNPAIRED_SURROGATE)


def _external_id(record: Mapping[str, Any]) -> str | None:
    """The feed's own id: ``external_id`` (as pressdesk exports it), else ``id``."""
    value = record["external_id"] if "external_id" in record else record.get("id")
    return None if value is None or value == "" else str(value)


# ------------------------------------------------------------------- JSON Lines


def _read_jsonl(document: _Document, settings: _Settings) -> Iterator[Item]:
    for number, text, problem in _read_lines(document.stream, settings.max_line_bytes):
        origin = Origin(document.name, number)
        if problem:
            yield Rejection(origin, problem)
        elif text.strip():
            yield _release_from_line(text, origin, settings, document.stem)


def _release_from_line(text: str, origin: Origin, settings: _Settings, stem: str) -> Item:
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        return Rejection(origin, _describe_json_line(text.rstrip()))
    return _release_from_mapping(record, origin, settings.source, stem)


def _describe_json_line(text: str) -> str:
    """Why one line is not JSON, judged without its line ending."""
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return _describe_json_error(err, text)
    return "invalid JSON"


def _describe_json_error(err: json.JSONDecodeError, text: str) -> str:
    cut = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string")
    kind = "truncated JSON" if cut else "invalid JSON"
    where = f"line {err.lineno} column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
    return f"{kind}: {err.msg} ({where})"


# -------------------------------------------------------------------- JSON array


def _read_json(document: _Document, settings: _Settings) -> Iterator[Item]:
    data = _read_whole(document, settings)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        text, checked = data.decode("utf-8"), True
    except UnicodeDecodeError:
        text, checked = data.decode("utf-8", "surrogateescape"), False
    for item in _read_json_array(text, document, settings):
        if not checked and isinstance(item, Rejection) and item.reason == _UNPAIRED_SURROGATE:
            item = Rejection(item.origin, _INVALID_UTF8)  # undecodable bytes, not an escape
        yield item


def _read_json_array(text: str, document: _Document, settings: _Settings) -> Iterator[Item]:
    """Decode the array element by element, so records before a defect survive it."""
    decoder = json.JSONDecoder()
    position = _skip_json_space(text, 0)
    if not text.startswith("[", position):
        yield Rejection(Origin(document.name), "JSON is not an array of objects")
        return
    position, number = _skip_json_space(text, position + 1), 0
    while not text.startswith("]", position):
        number += 1
        origin = Origin(document.name, number)
        try:
            record, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as err:
            yield Rejection(origin, _describe_json_error(err, text))
            return
        yield _release_from_mapping(record, origin, settings.source, document.stem)
        position = _skip_json_space(text, position)
        if text.startswith(",", position):
            position = _skip_json_space(text, position + 1)
        elif not text.startswith("]", position):
            defect = _describe_array_defect(text, position)
            yield Rejection(Origin(document.name, number + 1), defect)
            return
    if text[position + 1 :].strip():
        yield Rejection(Origin(document.name), "unexpected data after the JSON array")


def _skip_json_space(text: str, position: int) -> int:
    return _JSON_SPACE.match(text, position).end()  # type: ignore[union-attr]


def _describe_array_defect(text: str, position: int) -> str:
    if position >= len(text):
        return "truncated JSON: the array is not closed"
    return f"invalid JSON: expected ',' or ']' at character {position}"


# --------------------------------------------------------------------------- CSV


def _read_csv(document: _Document, settings: _Settings) -> Iterator[Item]:
    problems: dict[int, str] = {}
    lines = _csv_lines(document.stream, settings.max_line_bytes, problems)
    header = next(lines, "")
    if 1 in problems:
        yield Rejection(Origin(document.name, 1), f"unreadable CSV header: {problems[1]}")
        return
    delimiter = _csv_dialect(header) or ","
    names = [name.strip().lower() for name in next(csv.reader([header], delimiter=delimiter), [])]
    for start, row, problem in _csv_rows(csv.reader(lines, delimiter=delimiter), problems):
        origin = Origin(document.name, start)
        if problem:
            yield Rejection(origin, problem)
        elif any(cell.strip() for cell in row):
            record = dict(zip(names, row, strict=False))
            yield _release_from_mapping(record, origin, settings.source, document.stem)


def _csv_lines(stream: IO[bytes], limit: int, problems: dict[int, str]) -> Iterator[str]:
    """Text lines for the csv module; an unreadable line becomes blank, noted in ``problems``."""
    for number, text, problem in _read_lines(stream, limit):
        if problem:
            problems[number] = problem
        yield text or "\n"


def _csv_rows(reader: CsvReader, problems: dict[int, str]) -> Iterator[tuple[int, list[str], str]]:
    """``(first line, cells, problem)`` per row; a row touching an unreadable line has a problem."""
    start = 2  # the header line was read before the reader saw any
    while True:
        try:
            row, problem = next(reader), ""
        except StopIteration:
            return
        except csv.Error as err:
            row, problem = [], f"invalid CSV: {err}"
        end = reader.line_num + 1
        if problems:
            problem = _pop_problem(problems, start, end) or problem
        yield start, row, problem
        start = end + 1


def _pop_problem(problems: dict[int, str], start: int, end: int) -> str:
    found = [problems.pop(number) for number in range(start, end + 1) if number in problems]
    return found[0] if found else ""


# ------------------------------------------------------------------ MOTIR dumps


def _read_motir(document: _Document, settings: _Settings) -> Iterator[Item]:
    """Records separated by lines holding only ``-``: category, title, body + ``dateYYYY-MM-DD``."""
    source = settings.source if settings.source is not None else "MOTIR"
    start, problem = 1, ""
    lines: list[str] = []
    for number, text, bad in _read_lines(document.stream, settings.max_line_bytes):
        if not bad and text.strip() == "-":
            yield from _finish_motir(lines, problem, Origin(document.name, start), source)
            start, lines, problem = number, [], ""
        elif bad:
            problem = problem or f"{bad} (line {number})"
        else:
            lines.append(text)
    yield from _finish_motir(lines, problem, Origin(document.name, start), source)


def _finish_motir(lines: list[str], problem: str, origin: Origin, source: str) -> Iterator[Item]:
    if problem:
        yield Rejection(origin, problem)
    elif any(line.strip() for line in lines):
        yield _release_from_motir(lines, origin, source)


def _release_from_motir(lines: list[str], origin: Origin, source: str) -> Item:
    try:
        category, title, body, day = _split_motir(_trim_blank_lines(lines))
    except _Invalid as err:
        return Rejection(origin, str(err))
    return Release.create(
        title=title, date=day, body=body, category=category, source=source, origin=origin
    )


def _trim_blank_lines(lines: list[str]) -> list[str]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _split_motir(lines: list[str]) -> tuple[str, str, str, str]:
    """Category, title, body and ISO day of one record's lines."""
    if len(lines) < 2 or not lines[1].strip():
        raise _Invalid("missing title")
    text = "\n".join(line.rstrip("\r\n") for line in lines[2:]).strip()
    marker = _MOTIR_DATE.search(text, max(0, len(text) - 64))
    if marker is None:
        raise _Invalid("missing date (no 'dateYYYY-MM-DD' at the end of the body)")
    day = normalise_date(marker.group(1))
    if day is None:
        raise _Invalid(f"unparseable date {marker.group(1)!r}")
    body = text[: marker.start()].rstrip()
    if not body:
        raise _Invalid("empty body")
    return lines[0].strip(), lines[1].strip(), body, day


# ------------------------------------------------------------------ RSS and Atom


def _read_feed(document: _Document, settings: _Settings) -> Iterator[Item]:
    data = _read_whole(document, settings)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        feed = feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        yield Rejection(Origin(document.name), f"malformed feed: {err}")
        return
    if feed.bozo and not feed.entries:
        yield Rejection(Origin(document.name), f"malformed feed: {feed.get('bozo_exception')}")
        return
    default = _text_of(feed.feed, "title").strip() or document.stem
    language = _language(str(feed.feed.get("language") or ""))
    for number, entry in enumerate(feed.entries, start=1):
        origin = Origin(document.name, number)
        yield _release_from_entry(entry, origin, settings.source, default, language)


def _release_from_entry(
    entry: Any, origin: Origin, source: str | None, default_source: str, language: str
) -> Item:
    record = {
        "title": _text_of(entry, "title") if "title" in entry else None,
        "date": _entry_date(entry),
        "body": _entry_body(entry),
        "category": _entry_category(entry),
        "url": str(entry.get("link") or ""),
        "language": language,
    }
    return _release_from_mapping(record, origin, source, default_source)


def _text_of(node: Any, name: str) -> str:
    """A feed text construct as plain text, markup stripped when it is HTML."""
    value = str(node.get(name) or "")
    detail = node.get(f"{name}_detail") or {}
    return _html_to_text(value) if "html" in str(detail.get("type", "")) else value


def _entry_body(entry: Any) -> str:
    for content in [*entry.get("content", []), entry.get("summary_detail")]:
        if content and str(content.get("value") or "").strip():
            value = str(content["value"])
            return _html_to_text(value) if "html" in str(content.get("type", "")) else value
    return ""


def _entry_date(entry: Any) -> str | None:
    """The day as written (its own zone), else from feedparser's UTC tuple.

    ``dict.get`` reads the keys as stored, past feedparser's deprecated
    fallback from ``updated`` to ``published``.
    """
    for name in ("published", "updated", "created"):
        written = dict.get(entry, name)
        day = normalise_date(str(written)) if written else None
        if day:
            return day
        parsed = dict.get(entry, f"{name}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        if written:
            return str(written)
    return None


def _entry_category(entry: Any) -> str:
    tags = entry.get("tags") or []
    return str(tags[0].get("term") or "") if tags else ""


def _html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, runs of spaces collapsed."""
    if "<" not in markup and "&" not in markup:
        return markup
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.LxmlError):
        return markup
    text = "".join(_text_pieces(root))
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_pieces(element: Any) -> Iterator[str]:
    """The text under ``element`` in document order, a newline around every block element."""
    tag = element.tag if isinstance(element.tag, str) else ""  # comments have no name
    if tag in _BLOCK_TAGS:
        yield "\n"
    if tag and tag not in _HIDDEN_TAGS:
        yield element.text or ""
        for child in element:
            yield from _text_pieces(child)
            yield child.tail or ""
    if tag in _BLOCK_TAGS:
        yield "\n"


# ------------------------------------------------------------------- HTML pages


def _read_html(document: _Document, settings: _Settings) -> Iterator[Item]:
    data = _read_whole(document, settings)
    if isinstance(data, Rejection):
        yield data
        return
    origin = Origin(document.name)
    try:
        tree = trafilatura.load_html(data)
        language = _language(str(tree.get("lang") or "")) if tree is not None else ""
        page = None if tree is None else trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False
        )
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        yield Rejection(origin, f"unreadable HTML: {err}")
        return
    if page is None:
        yield Rejection(origin, "no article text found")
        return
    yield _release_from_page(page, origin, settings, document.stem, language)


def _release_from_page(
    page: Any, origin: Origin, settings: _Settings, stem: str, language: str
) -> Item:
    url = str(page.url or "")
    host = urlsplit(url).hostname or ""
    record = {
        "title": page.title,
        "date": page.date,
        "body": _drop_heading(str(page.text or ""), str(page.title or "")),
        "category": ", ".join(page.categories or []),
        "url": url,
        "language": language,
    }
    default = str(page.sitename or page.hostname or host or stem)
    return _release_from_mapping(record, origin, settings.source, default)


def _drop_heading(body: str, title: str) -> str:
    """The page text without its first line when that line only repeats the title."""
    first, _, rest = body.strip().partition("\n")
    return rest if title and first.strip() == title.strip() else body


# ---------------------------------------------------------------------- Parquet


def _read_parquet(document: _Document, settings: _Settings) -> Iterator[Item]:
    """Rows of a Parquet file (as ``export`` writes it), a batch at a time, numbered from 1."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = _parquet_input(document, settings)
    if isinstance(data, Rejection):
        yield data
        return
    number = 0
    try:
        for batch in pq.ParquetFile(data).iter_batches(batch_size=_PARQUET_BATCH):
            for record in batch.to_pylist():
                number += 1
                origin = Origin(document.name, number)
                yield _release_from_mapping(record, origin, settings.source, document.stem)
    except (pa.ArrowException, OSError) as err:
        yield Rejection(Origin(document.name, number + 1 if number else None), f"bad Parquet: {err}")


def _parquet_input(document: _Document, settings: _Settings) -> object:
    """The file path when there is one (Parquet seeks to its footer), else its bytes."""
    import pyarrow as pa

    if document.disk_path is not None:
        return document.disk_path
    data = _read_whole(document, settings)
    return data if isinstance(data, Rejection) else pa.BufferReader(data)


_READERS: dict[str, Callable[[_Document, _Settings], Iterator[Item]]] = {
    "motir": _read_motir,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "csv": _read_csv,
    "rss": _read_feed,
    "atom": _read_feed,
    "html": _read_html,
    "parquet": _read_parquet,
}
