"""When an event happened: the dates of its sentence, as the dates extractor resolved them.

A sentence may hold several dates ("signed today ... takes effect on July 1 ... in force
since 2015"). The one that dates the action is the nearest to the trigger among those of
the last six weeks up to the release date; one only in the future makes the action
scheduled, one only long past makes it background (``When``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from pressdesk.facts import DateRef

__all__ = ["RECENT", "Dated", "When", "date_range", "event_date"]

# How far before the release an action still counts as the news it reports.
RECENT = timedelta(days=45)

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")


class When(Enum):
    """Where an action's date lies against the release date."""

    NOW = "now"  # the last six weeks up to the release date, or no date written
    PAST = "past"  # long before: background
    FUTURE = "future"  # after the release: scheduled


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def date_range(value: str) -> tuple[date, date] | None:
    """The first and last day a resolved date value covers ("2026-Q1" -> Jan 1 .. Mar 31)."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, 1), _month_end(year, month)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return _part_range(value)


def _part_range(value: str) -> tuple[date, date] | None:
    quarter, half = _QUARTER.match(value), _HALF.match(value)
    if quarter:
        year, n = int(quarter[1]), int(quarter[2])
        return date(year, 3 * n - 2, 1), _month_end(year, 3 * n)
    if half:
        year, n = int(half[1]), int(half[2])
        return date(year, 6 * n - 5, 1), _month_end(year, 6 * n)
    return None


def _when(value: str, today: date) -> When | None:
    bounds = date_range(value)
    if bounds is None:
        return None
    first, last = bounds
    if first > today:
        return When.FUTURE
    return When.PAST if last < today - RECENT else When.NOW


@dataclass(frozen=True, slots=True)
class Dated:
    """An action's date (None when its sentence gives none) and where it lies."""

    value: str | None
    when: When


def event_date(dates: list[DateRef], pos: int, today: date) -> Dated:
    """The date of the action whose trigger is at ``pos``, from its sentence's ``dates``:
    a recent one, the finest and nearest first; else a future or a past one."""
    placed = [(d, _when(d.value, today)) for d in dates]
    for kind in (When.NOW, When.FUTURE, When.PAST):
        found = [d for d, w in placed if w is kind]
        if found:
            best = min(found, key=lambda d: (-len(d.value), abs(d.span.start - pos)))
            return Dated(best.value, kind)
    return Dated(None, When.NOW)
