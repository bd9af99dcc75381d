"""Line formats, read one bounded line at a time: JSON Lines and MOTIR dumps.

A JSON Lines record is one object per line; a MOTIR dump holds records
separated by lines holding only ``-``, each a category line, a title line and
a body ending in ``dateYYYY-MM-DD``. Either way a rejection is located at the
line where its record starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers.inputs import Document, Settings
from pressdesk.readers.jsonvalues import JsonDefect, decode_line
from pressdesk.readers.rawlines import Line, read_lines
from pressdesk.readers.records import Invalid, Item, normalise_date, release_from_mapping

MOTIR_DATE = re.compile(r"\bdate\s*(\d{4}-\d{1,2}-\d{1,2})\s*\Z")
_LINE_ENDS = re.compile(r"\r*\n")
# C0 controls but tab, line feed, vertical tab, form feed, carriage return: no dump holds them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


# ------------------------------------------------------------------ JSON Lines


def read_jsonl(document: Document, settings: Settings) -> Iterator[Item]:
    """One JSON object per line; blank lines skipped."""
    for line in read_lines(document.stream, settings.limits.line_bytes, document.first_line):
        origin = Origin(document.name, line.number)
        if line.problem:
            yield Rejection(origin, line.problem)
        elif line.text.strip():
            yield _release_from_line(line.text, origin, settings, document.stem)


def _release_from_line(text: str, origin: Origin, settings: Settings, stem: str) -> Item:
    try:
        record = decode_line(text, settings.limits.json_depth)
    except JsonDefect as err:
        return Rejection(origin, str(err))
    return release_from_mapping(record, origin, settings.source, stem)


# ------------------------------------------------------------------ MOTIR dumps


@dataclass(slots=True)
class _MotirRecord:
    """The lines of one record so far, or the first problem that rejects it."""

    start: int
    lines: list[str] = field(default_factory=list)
    size: int = 0
    problem: str = ""

    def add(self, line: Line, limit: int) -> None:
        self.size += line.size
        if not self.problem:
            self.problem = _motir_problem(line, self.size, limit)
        if self.problem:
            self.lines.clear()  # a rejected record's text is not needed: memory stays bounded
        else:
            self.lines.append(line.text)


def _motir_problem(line: Line, size: int, limit: int) -> str:
    if line.problem:
        return f"{line.problem} (line {line.number})"
    if size > limit:
        return f"record too long (> {limit} bytes)"
    if _CONTROL.search(line.text):
        return f"NUL or control character (line {line.number})"
    return ""


def read_motir(document: Document, settings: Settings) -> Iterator[Item]:
    """Records separated by lines holding only ``-``: category, title, body + ``dateYYYY-MM-DD``."""
    source = settings.source if settings.source is not None else "MOTIR"
    limits = settings.limits
    record = _MotirRecord(document.first_line)
    for line in read_lines(document.stream, limits.line_bytes, document.first_line):
        if not line.problem and line.text.strip() == "-":
            yield from _finish_motir(record, document.name, source)
            record = _MotirRecord(line.number)
        else:
            record.add(line, limits.record_bytes)
    yield from _finish_motir(record, document.name, source)


def _finish_motir(record: _MotirRecord, name: str, source: str) -> Iterator[Item]:
    origin = Origin(name, record.start)
    if record.problem:
        yield Rejection(origin, record.problem)
    elif any(line.strip() for line in record.lines):
        yield _release_from_motir(record.lines, origin, source)


def _release_from_motir(lines: list[str], origin: Origin, source: str) -> Item:
    try:
        category, title, body, day = _split_motir(_trim_blank_lines(lines))
    except Invalid as err:
        return Rejection(origin, str(err))
    return Release.create(title=title, date=day, body=body, category=category, source=source, origin=origin)


def _trim_blank_lines(lines: list[str]) -> list[str]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _split_motir(lines: list[str]) -> tuple[str, str, str, str]:
    """Category, title, body and ISO day of one record's lines (a run of blank lines is
    one item; every line ending, CRLF or LF, becomes one LF)."""
    if len(lines) < 2 or not lines[1].strip():
        raise Invalid("missing title")
    text = _LINE_ENDS.sub("\n", "".join(lines[2:])).strip()
    marker = MOTIR_DATE.search(text, max(0, len(text) - 64))
    if marker is None:
        raise Invalid("missing date (no 'dateYYYY-MM-DD' at the end of the body)")
    day = normalise_date(marker.group(1))
    if day is None:
        raise Invalid(f"unparseable date {marker.group(1)!r}")
    body = text[: marker.start()].rstrip()
    if not body:
        raise Invalid("empty body")
    return lines[0].strip(), lines[1].strip(), body, day
