"""Lines out of a byte stream: numbered, bounded, and blank runs taken in bulk.

Lines are cut from 1 MiB reads with the C string routines, not one ``readline``
each: a run of blank lines is matched by one regular expression over the
buffer and comes out as one ``Line``, so a gigabyte of blank lines costs a
second, not a Python step per line. A line longer than the limit is read past
a chunk at a time and never held whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from pressdesk.readers.streams import read_some

INVALID_UTF8 = "invalid UTF-8"

_CHUNK = 1024 * 1024
_SPACE = frozenset(b" \t\r\n\f\v")
_BLANK = re.compile(rb"[ \t\r\n\f\v]*")  # one repeat of a class: a tight loop in C


@dataclass(frozen=True, slots=True)
class Line:
    """One line as read: its number, its text with its line ending, and a problem
    ('' if fine). A run of blank lines comes as one ``Line`` holding them all
    (``span`` of them). The text of an invalid UTF-8 line is decoded with
    replacement characters, for readers that need its shape (CSV quotes); that of
    an over-long line or blank run is ''."""

    number: int
    text: str
    problem: str = ""
    span: int = 1
    size: int = 0  # bytes, line ending included


def read_lines(stream: IO[bytes], limit: int, first: int = 1) -> Iterator[Line]:
    """Every line of ``stream``, numbered from ``first``; a line (or blank run) longer than
    ``limit`` bytes is a problem, read past without being held."""
    return _Splitter(stream, limit).lines(first)


class _Splitter:
    """A buffer over ``stream`` that lines are cut from."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._buffer = bytearray()
        self._ended = False

    def lines(self, number: int) -> Iterator[Line]:
        while self._buffer or self._fill():
            blank = self._buffer[0] in _SPACE and self._blank_run(number)
            line = blank or self._line(number)
            yield line
            number += line.span

    def _fill(self) -> bool:
        """Read another chunk onto the buffer; False at the end of the stream."""
        chunk = b"" if self._ended else read_some(self._stream, _CHUNK)
        self._ended = not chunk
        self._buffer += chunk
        return bool(chunk)

    def _take(self, size: int) -> bytearray:
        taken = self._buffer[:size]
        del self._buffer[:size]
        return taken

    def _line(self, number: int) -> Line:
        while (end := self._buffer.find(b"\n")) < 0:
            if len(self._buffer) > self._limit:
                return self._skip_long_line(number)
            if not self._fill():
                end = len(self._buffer) - 1
                break
        if end > self._limit:
            return self._too_long(number, end, len(self._take(end + 1)))
        return decoded(self._take(end + 1), number)

    def _skip_long_line(self, number: int) -> Line:
        """Read past a line longer than the limit, a chunk at a time."""
        size = 0
        while (end := self._buffer.find(b"\n")) < 0:
            size += len(self._buffer)
            self._buffer.clear()
            if not self._fill():
                return self._too_long(number, size, size)
        return self._too_long(number, size + end, size + len(self._take(end + 1)))

    def _too_long(self, number: int, size: int, read: int) -> Line:
        return Line(number, "", f"line too long ({size} bytes > {self._limit} limit)", size=read)

    def _blank_run(self, number: int) -> Line | None:
        """The blank lines at the start of the buffer, as one line; None if the first line is
        not blank. A run past the limit is a problem, read past without being kept."""
        run: bytearray | None = bytearray()
        span = size = 0
        while end := self._buffer.rfind(b"\n", 0, _BLANK.match(self._buffer).end()) + 1:  # type: ignore[union-attr]
            part = self._take(end)  # whole lines only: the next keeps its indent
            span, size = span + part.count(b"\n"), size + len(part)
            run = _extend(run, part, self._limit)
            if self._buffer or not self._fill():
                break
        if not span:
            return None
        if run is None:
            return Line(number, "", f"{span} blank lines in a row ({size} bytes > {self._limit} limit)",
                        span, size)
        return Line(number, run.decode("ascii"), span=span, size=size)


def _extend(run: bytearray | None, part: bytearray, limit: int) -> bytearray | None:
    if run is None or len(run) + len(part) > limit:
        return None
    run += part
    return run


def decoded(raw: bytes | bytearray, number: int) -> Line:
    try:
        return Line(number, raw.decode("utf-8"), size=len(raw))
    except UnicodeDecodeError:
        return Line(number, raw.decode("utf-8", "replace"), INVALID_UTF8, size=len(raw))
