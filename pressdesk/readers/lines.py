"""Line formats, read one bounded line at a time: JSON Lines and MOTIR dumps.

A JSON Lines record is one object per line; a MOTIR dump holds records
separated by lines holding only ``-``, each a category line, a title line and
a body ending in ``dateYYYY-MM-DD``. Either way a rejection is located at the
line where its record starts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers.inputs import Document, Settings, read_lines
from pressdesk.readers.records import Invalid, Item, normalise_date, release_from_mapping

MOTIR_DATE = re.compile(r"\bdate\s*(\d{4}-\d{1,2}-\d{1,2})\s*\Z")


# ------------------------------------------------------------------ JSON Lines


def read_jsonl(document: Document, settings: Settings) -> Iterator[Item]:
    """One JSON object per line; blank lines skipped."""
    for number, text, problem in read_lines(document.stream, settings.max_line_bytes):
        origin = Origin(document.name, number)
        if problem:
            yield Rejection(origin, problem)
        elif text.strip():
            yield _release_from_line(text, origin, settings, document.stem)


def _release_from_line(text: str, origin: Origin, settings: Settings, stem: str) -> Item:
    try:
        record = json.loads(text)
    except json.JSONDecodeError:
        return Rejection(origin, _describe_json_line(text.rstrip()))
    return release_from_mapping(record, origin, settings.source, stem)


def _describe_json_line(text: str) -> str:
    """Why one line is not JSON, judged without its line ending."""
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return describe_json_error(err, text)
    return "invalid JSON"


def describe_json_error(err: json.JSONDecodeError, text: str) -> str:
    """A rejection reason for JSON that fails to decode: truncated or invalid, and where."""
    cut = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string")
    kind = "truncated JSON" if cut else "invalid JSON"
    where = f"line {err.lineno} column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
    return f"{kind}: {err.msg} ({where})"


# ------------------------------------------------------------------ MOTIR dumps


def read_motir(document: Document, settings: Settings) -> Iterator[Item]:
    """Records separated by lines holding only ``-``: category, title, body + ``dateYYYY-MM-DD``."""
    source = settings.source if settings.source is not None else "MOTIR"
    start, problem = 1, ""
    lines: list[str] = []
    for number, text, bad in read_lines(document.stream, settings.max_line_bytes):
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
    except Invalid as err:
        return Rejection(origin, str(err))
    return Release.create(title=title, date=day, body=body, category=category, source=source, origin=origin)


def _trim_blank_lines(lines: list[str]) -> list[str]:
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _split_motir(lines: list[str]) -> tuple[str, str, str, str]:
    """Category, title, body and ISO day of one record's lines."""
    if len(lines) < 2 or not lines[1].strip():
        raise Invalid("missing title")
    text = "\n".join(line.rstrip("\r\n") for line in lines[2:]).strip()
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
