"""JSON text into values, within limits, every failure a one-line reason.

Python's decoder recurses once per level of nesting and refuses integers of more
than 4,300 digits (``sys.get_int_max_str_digits``); both would raise out of a
reader (``RecursionError``, a bare ``ValueError``). Here nesting deeper than
``Limits.json_depth`` is a ``JsonDefect``, whichever way it is found, and a long
integer is kept as a ``LongInteger``: a record with one in a field pressdesk does
not read is still a good record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_JSON_SPACE = re.compile(r"[ \t\n\r]*")


class JsonDefect(Exception):
    """JSON that cannot be decoded; the message is the rejection reason."""


@dataclass(frozen=True, slots=True)
class LongInteger:
    """An integer too long for ``int()`` (over 4,300 digits), kept as its digits."""

    digits: str

    def __str__(self) -> str:
        return self.digits


def _parse_int(digits: str) -> int | LongInteger:
    try:
        return int(digits)
    except ValueError:
        return LongInteger(digits)


_DECODER = json.JSONDecoder(parse_int=_parse_int)


def decode_line(text: str, depth: int) -> object:
    """The value of a whole JSON text (one JSON Lines line, its line ending dropped)."""
    text = text.rstrip("\r\n")
    value, end = decode_at(text, skip_space(text, 0), depth)
    end = skip_space(text, end)
    if end != len(text):
        raise JsonDefect(describe_json_error(json.JSONDecodeError("Extra data", text, end), text))
    return value


def decode_at(text: str, position: int, depth: int) -> tuple[object, int]:
    """The value that starts at ``position`` and where it ends; ``JsonDefect`` if it is not
    JSON or nests deeper than ``depth``."""
    try:
        value, end = _DECODER.raw_decode(text, position)
    except json.JSONDecodeError as err:
        raise JsonDefect(describe_json_error(err, text)) from None
    except RecursionError:
        raise JsonDefect(_too_deep(depth)) from None
    if text.count("[", position, end) + text.count("{", position, end) > depth and (
        _depth(value) > depth
    ):
        raise JsonDefect(_too_deep(depth))
    return value, end


def describe_json_error(err: json.JSONDecodeError, text: str) -> str:
    """A rejection reason for JSON that fails to decode: truncated or invalid, and where."""
    cut = err.pos >= len(text.rstrip()) or err.msg.startswith("Unterminated string")
    kind = "truncated JSON" if cut else "invalid JSON"
    where = f"line {err.lineno} column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
    return f"{kind}: {err.msg} ({where})"


def _too_deep(depth: int) -> str:
    return f"invalid JSON: nested more than {depth} levels deep"


def _depth(value: object) -> int:
    """How deeply arrays and objects nest in ``value``, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children)
    return deepest


def skip_space(text: str, position: int) -> int:
    """Where the JSON white space at ``position`` ends."""
    return _JSON_SPACE.match(text, position).end()  # type: ignore[union-attr]
