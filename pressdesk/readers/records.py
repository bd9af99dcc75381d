"""Records into releases: required and optional fields, days, language tags, external ids.

Every reader that finds a mapping of fields (a JSON object, a CSV row, a feed
entry, a Parquet row) hands it to ``release_from_mapping``, which gives back a
``Release`` or a ``Rejection`` whose reason names the first field at fault.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from dateutil import parser as dateparser

from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers.jsonvalues import LongInteger

Item = Release | Rejection

REQUIRED_FIELDS = frozenset({"title", "date", "body"})
OPTIONAL_FIELDS = ("category", "source", "url", "language")
UNPAIRED_SURROGATE = "invalid text: unpaired surrogate"

MAX_DATE_CHARS = 200  # longer is no date; dateutil would take seconds over megabytes

_EARLY_DEFAULT = datetime(2000, 1, 1)
_LATE_DEFAULT = datetime(2001, 2, 2)


class Invalid(Exception):
    """A field that makes a record unacceptable; the message is the rejection reason."""


def release_from_mapping(record: object, origin: Origin, source: str | None, default_source: str) -> Item:
    """A release from a record with title/date/body (+ category/source/url/language).

    Its source is ``source`` when given, else the record's own, else ``default_source``.
    """
    if not isinstance(record, dict):
        return Rejection(origin, f"record is not an object ({type(record).__name__})")
    try:
        title, day = _required_text(record, "title"), _required_date(record)
        body = _required_text(record, "body")
        extra = {name: _optional_text(record, name) for name in OPTIONAL_FIELDS}
        external_id = _external_id(record)
        revision = _revision(record)
    except Invalid as err:
        return Rejection(origin, str(err))
    try:
        return Release.create(
            title=title,
            date=day,
            body=body,
            category=extra["category"],
            source=source if source is not None else extra["source"] or default_source,
            url=extra["url"],
            language=normalise_language(extra["language"]),
            external_id=external_id,
            origin=origin,
            revision=revision,
        )
    except UnicodeEncodeError:  # text that cannot be stored: a "\ud800" escape, say
        return Rejection(origin, UNPAIRED_SURROGATE)


def normalise_date(text: str) -> str | None:
    """An ISO ``YYYY-MM-DD`` day from ISO dates/datetimes, RFC 822 or written forms; else None.

    The day is the one written (its own time zone), never shifted to UTC; text
    that names no full day ("Nov 2025") is None.
    """
    text = text.strip()
    if len(text) > MAX_DATE_CHARS:
        return None
    if len(text) >= 10 and (len(text) == 10 or text[10] in "T t"):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(text[:10]).isoformat()
    return _parse_written_date(text)


def normalise_language(tag: str) -> str:
    """The primary subtag of a language tag, lower case (``en-US`` -> ``en``); '' if none."""
    code = tag.replace("_", "-").split("-", 1)[0].strip().lower()
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else ""


def _parse_written_date(text: str) -> str | None:
    """The day of a written date, None unless it names day, month and year."""
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
    raise Invalid(f"missing {name}" if record.get(name) is None else f"empty {name}")


def _optional_text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"{name} is not text ({_kind(value)})")
    return value.strip()


def _kind(value: object) -> str:
    return "int" if isinstance(value, LongInteger) else type(value).__name__


def _revision(record: Mapping[str, Any]) -> int | None:
    """The revision number an export gives a record (a whole number from 1), else None."""
    value = record.get("revision")
    if value is None or value == "":
        return None
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not (text.isascii() and text.isdigit() and len(text) <= 9 and int(text) >= 1):
        raise Invalid(f"revision is not a whole number from 1 ({_kind(value)} {str(value)[:20]!r})")
    return int(text)


def _required_date(record: Mapping[str, Any]) -> str:
    value = record.get("date")
    if isinstance(value, date):  # a typed column (Parquet); datetime is a date too
        return value.isoformat()[:10]
    written = _required_text(record, "date")
    day = normalise_date(written)
    if day is None:
        raise Invalid(f"unparseable date {_shorten(written)!r}")
    return day


def _shorten(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _external_id(record: Mapping[str, Any]) -> str | None:
    """The feed's own id: ``external_id`` (as pressdesk exports it), else ``id``; text or a
    number (a list or an object would be no id, and its text unbounded)."""
    name = "external_id" if "external_id" in record else "id"
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int | float | LongInteger):
        raise Invalid(f"{name} is not text or a number ({type(value).__name__})")
    return str(value)
