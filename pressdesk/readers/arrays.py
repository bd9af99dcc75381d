"""JSON arrays of records, read whole and decoded element by element.

A rejection is located at the 1-based number of the element at fault. A defect
costs only its element: reading goes on at the next place where an element
plausibly starts (``{`` after ``[``, ``,`` or ``}``, or at the start of a line)
and decodes as an object holding a release field, followed by ``,`` or ``]``.
The elements after a defect are numbered as though it held exactly one, and a
defect between elements takes the number of the element after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import Document, Settings, reads_whole
from pressdesk.readers.jsonvalues import JsonDefect, decode_at, skip_space
from pressdesk.readers.rawlines import INVALID_UTF8
from pressdesk.readers.records import (
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    UNPAIRED_SURROGATE,
    Item,
    release_from_mapping,
)

# "{" after "[", "," or "}" or at a line's start, and before a key or "}": a place an element may start
_ELEMENT_START = re.compile(r"(?:^|(?<=[\[,}]))[ \t\r\n]*\{(?=[ \t\r\n]*[\"}])", re.MULTILINE)
_STRAY_CLOSE = "invalid JSON: ']' before the end of the array"
_AFTER_END = "unexpected data after the JSON array"
_RECORD_FIELDS = REQUIRED_FIELDS | set(OPTIONAL_FIELDS) | {"id", "external_id"}


@reads_whole(lambda limits: limits.document_bytes)
def read_json(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """A JSON array of objects; bytes that are not UTF-8 reject the records holding them."""
    try:
        text, checked = data.decode("utf-8"), True
    except UnicodeDecodeError:
        text, checked = data.decode("utf-8", "surrogateescape"), False
    for item in _read_json_array(text, document, settings):
        if not checked and isinstance(item, Rejection) and item.reason == UNPAIRED_SURROGATE:
            item = Rejection(item.origin, INVALID_UTF8)  # undecodable bytes, not an escape
        yield item


def _read_json_array(text: str, document: Document, settings: Settings) -> Iterator[Item]:
    """Decode the array element by element; after a defect, go on at the next element."""
    name, depth = document.name, settings.limits.json_depth
    position = skip_space(text, 0)
    if not text.startswith("[", position):
        yield Rejection(Origin(name), "JSON is not an array of objects")
        return
    position, number, skipped = skip_space(text, position + 1), 0, False
    while position < len(text):
        if text[position] == "]":  # the end, unless more follows
            if skip_space(text, position + 1) == len(text):
                return
            position, skipped = _next_element(text, position + 1, depth), True
            yield Rejection(Origin(name, number + 1), _STRAY_CLOSE if position < len(text) else _AFTER_END)
            continue
        number += 1
        try:
            record, position = decode_at(text, position, depth)
        except JsonDefect as err:
            yield Rejection(Origin(name, number), str(err))
            position, skipped = _next_element(text, position + 1, depth), True
            continue
        yield release_from_mapping(record, Origin(name, number), settings.source, document.stem)
        position, skipped = skip_space(text, position), False
        if text.startswith(",", position):
            position = skip_space(text, position + 1)
        elif position < len(text) and text[position] != "]":
            defect = f"invalid JSON: expected ',' or ']' at character {position}"
            yield Rejection(Origin(name, number + 1), defect)
            position, skipped = _next_element(text, position, depth), True
    if not skipped:
        yield Rejection(Origin(name, number + 1), "truncated JSON: the array is not closed")


def _next_element(text: str, position: int, depth: int) -> int:
    """Where the next plausible element starts at or after ``position``; the end of the text
    if none does. Each candidate is decoded to be sure, so text inside a damaged element
    that merely contains a brace is passed over."""
    for found in _ELEMENT_START.finditer(text, position):
        start = found.end() - 1
        if _is_element(text, start, depth):
            return start
    return len(text)


def _is_element(text: str, start: int, depth: int) -> bool:
    try:
        record, end = decode_at(text, start, depth)
    except JsonDefect:
        return False
    after = skip_space(text, end)
    fits = after >= len(text) or text[after] in ",]"
    return fits and isinstance(record, dict) and not _RECORD_FIELDS.isdisjoint(record)
