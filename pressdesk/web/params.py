"""Request parameters as data: one ``Param`` both parses a value at the edge and describes
it in the OpenAPI document, so what the API accepts and what it says it accepts cannot drift.

    LIMIT = Param("limit", "integer", default=20, minimum=1, maximum=200)
    args = parse_query(request.query_params, (LIMIT, Param("q", required=True)))

A value that does not fit is a ``BadRequest`` (HTTP 400) naming the parameter and why.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from starlette.exceptions import HTTPException

__all__ = ["BadRequest", "Param", "decode_cursor", "encode_cursor", "parse_params"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d{1,18}$")


class BadRequest(HTTPException):
    """A request the edge refuses before the library sees it; the message names the problem."""

    def __init__(self, message: str, status: int = 400,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)


@dataclass(frozen=True, slots=True)
class Param:
    """One query or path parameter: its type, bounds and help."""

    name: str
    kind: str = "string"  # string | integer | boolean | day | choice
    help: str = ""
    default: Any = None
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    where: str = "query"  # query | path

    def needed(self) -> Param:
        """The same parameter, required."""
        return replace(self, required=True)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the parameter's value, for the OpenAPI document."""
        return SCHEMAS[self.kind](self) | ({"default": self.default} if self.default is not None else {})

    def parse(self, raw: str) -> Any:
        return PARSERS[self.kind](self, raw)


def _string_schema(p: Param) -> dict[str, Any]:
    return {"type": "string"} | ({"maxLength": p.max_length} if p.max_length else {})


def _integer_schema(p: Param) -> dict[str, Any]:
    bounds = {"minimum": p.minimum, "maximum": p.maximum}
    return {"type": "integer"} | {k: v for k, v in bounds.items() if v is not None}


SCHEMAS: dict[str, Callable[[Param], dict[str, Any]]] = {
    "string": _string_schema,
    "integer": _integer_schema,
    "boolean": lambda p: {"type": "boolean"},
    "day": lambda p: {"type": "string", "format": "date", "pattern": _DAY.pattern},
    "choice": lambda p: {"type": "string", "enum": list(p.choices)},
}


def _parse_string(p: Param, raw: str) -> str:
    if p.max_length is not None and len(raw) > p.max_length:
        raise BadRequest(f"{p.name} is {len(raw):,} characters long; at most {p.max_length:,}")
    return raw


def _parse_integer(p: Param, raw: str) -> int:
    low = p.minimum if p.minimum is not None else -(2**63)
    high = p.maximum if p.maximum is not None else 2**63 - 1
    if not _INTEGER.match(raw) or not low <= int(raw) <= high:
        raise BadRequest(f"{p.name} must be a whole number from {low} to {high}, not {raw[:40]!r}")
    return int(raw)


def _parse_boolean(p: Param, raw: str) -> bool:
    word = raw.lower()
    if word not in ("true", "false", "1", "0", "yes", "no", "on", "off", ""):
        raise BadRequest(f"{p.name} must be true or false, not {raw[:40]!r}")
    return word in ("true", "1", "yes", "on")


def _parse_day(p: Param, raw: str) -> str:
    try:
        if _DAY.match(raw):
            return date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    raise BadRequest(f"{p.name} must be a day as YYYY-MM-DD, not {raw[:40]!r}")


def _parse_choice(p: Param, raw: str) -> str:
    if raw not in p.choices:
        raise BadRequest(f"{p.name} must be one of {', '.join(p.choices)}, not {raw[:40]!r}")
    return raw


PARSERS: dict[str, Callable[[Param, str], Any]] = {
    "string": _parse_string,
    "integer": _parse_integer,
    "boolean": _parse_boolean,
    "day": _parse_day,
    "choice": _parse_choice,
}


def parse_params(given: Mapping[str, str], params: Sequence[Param]) -> dict[str, Any]:
    """Every declared parameter, parsed; missing ones take their default (None if none).
    An empty value counts as missing, as an HTML form sends an empty field."""
    args: dict[str, Any] = {}
    for p in params:
        raw = given.get(p.name)
        if raw is None or (raw == "" and p.kind != "boolean"):
            if p.required:
                raise BadRequest(f"{p.name} is required")
            args[p.name] = p.default
        else:
            args[p.name] = p.parse(raw)
    return args


def encode_cursor(key: tuple[str, str]) -> str:
    """The opaque cursor of a page key (a release's date and id)."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not (isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key)):
        raise BadRequest("cursor is malformed: pass the `next` of the page before, unchanged")
    return key[0], key[1]
