"""JSON arrays of records, read whole and decoded element by element.

Records before a defect in the array survive it; a rejection is located at
the 1-based number of the element at fault.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import INVALID_UTF8, Document, Settings, reads_whole
from pressdesk.readers.lines import describe_json_error
from pressdesk.readers.records import UNPAIRED_SURROGATE, Item, release_from_mapping

_JSON_SPACE = re.compile(r"[ \t\n\r]*")


@reads_whole
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
            yield Rejection(origin, describe_json_error(err, text))
            return
        yield release_from_mapping(record, origin, settings.source, document.stem)
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
