"""The facts extraction finds in a release, each with the character offsets of its mentions.

Offsets are into the text given to the extractor (title + "\\n\\n" + body, see
``pressdesk.extract.document_text``), as ``Span(start, end)`` with Python slice
semantics. These records are what crosses the store boundary: the store keeps
them (``extraction_to_dict``/``extraction_from_dict`` turn them into plain data
and back) without importing a single extractor.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Money:
    text: str  # as written: "KRW 1.2 trillion"
    value: float  # full value in units of the currency: 1.2e12
    currency: str  # ISO 4217: "KRW"
    qualifier: str | None  # "more than", "approximately", "up to", ...
    span: Span


@dataclass(frozen=True, slots=True)
class Percent:
    text: str  # "12.2 percent"
    value: float  # 12.2
    direction: str  # "up" | "down" | "none"
    basis: str | None  # "year-on-year" | "month-on-month" | ...
    subject: str | None  # "ICT exports"
    points: bool  # True for percentage points
    span: Span


@dataclass(frozen=True, slots=True)
class DateRef:
    text: str  # "the first quarter of next year"
    value: str  # "2026-Q1"; day, month, quarter, half or year granularity
    span: Span


@dataclass(frozen=True, slots=True)
class Place:
    code: str  # ISO 3166-1 alpha-2, or "EU" / "ASEAN"
    name: str  # canonical English name
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Org:
    name: str  # fullest name written
    aliases: tuple[str, ...]  # acronyms and variants written in the release
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # fullest form: "Kim Jung-kwan"
    role: str | None  # "Minister"
    org: str | None  # the body they speak for: "Ministry of Trade, Industry and Resources"
    variants: tuple[str, ...]  # every form written: "Minister Kim", ...
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None  # canonical person name
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    """A statistic: "ICT exports, 2025-10, USD 23.3 billion, up 12.2% y/y".

    ``indicator`` is the short name a reader would give the series as a table column;
    ``series`` is its key, the same for every name of the series ("chip exports" and
    "semiconductor exports"), so that figures of many releases line up.
    """

    indicator: str  # "ICT exports"
    series: str  # "ict exports": the indicator's words folded
    period: str | None  # "2025-10"; a range for a cumulative figure: "2025-01/2025-11"
    value: float | None  # None when only a change is written
    unit: str | None  # ISO 4217 code, "percent", "count", "points", or a unit word
    change: float | None
    change_unit: str | None  # "percent" | "points"
    direction: str | None  # "up" | "down" | "none"
    basis: str | None = None  # "year-on-year", "month-on-month", ...
    kind: str = "actual"  # "actual" | "forecast"
    span: Span | None = None  # where it is written


EVENT_TYPES = (
    "agreement", "tariff", "trade_remedy", "technical_regulation", "export_control", "subsidy",
    "investment", "procurement", "dispute", "statistics", "dialogue",
)


@dataclass(frozen=True, slots=True)
class Event:
    """A trade- or industrial-policy action a release reports (types in ``EVENT_TYPES``)."""

    type: str  # "agreement", "tariff", ...
    implementer: tuple[str, ...]  # ISO codes (and EU, ASEAN) of who takes or is party to it
    partner: tuple[str, ...]  # whom a one-sided measure targets or affects
    date: str | None  # when it happened or was announced, as dates are resolved
    sentence: str  # the sentence it rests on
    span: Span  # where that sentence is
    optional: bool = False  # background, scheduled or only intended: shown, not counted


@dataclass(frozen=True, slots=True)
class Extraction:
    people: tuple[Person, ...] = ()
    orgs: tuple[Org, ...] = ()
    places: tuple[Place, ...] = ()
    money: tuple[Money, ...] = ()
    percents: tuple[Percent, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    sectors: tuple[str, ...] = ()  # industrial sectors the release is about: "semiconductors"


_PARTS: dict[str, type] = {
    "people": Person,
    "orgs": Org,
    "places": Place,
    "money": Money,
    "percents": Percent,
    "dates": DateRef,
    "quotes": Quote,
    "figures": Figure,
    "events": Event,
}


def extraction_to_dict(found: Extraction) -> dict[str, Any]:
    """Plain data for storage: every fact with its offsets."""
    return asdict(found)


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    """The inverse of ``extraction_to_dict``."""
    return Extraction(
        **{key: _build_all(cls, data.get(key, ())) for key, cls in _PARTS.items()},
        sectors=tuple(data.get("sectors", ())),
    )


def _build_all(cls: type, items: Any) -> tuple[Any, ...]:
    """The records of one kind; one stored by an older extractor, in a shape this one
    no longer has, is left out (``pressdesk reextract`` brings such facts up to date)."""
    built = []
    for item in items:
        try:
            built.append(_build(cls, item))
        except (TypeError, KeyError):
            continue
    return tuple(built)


def _build(cls: type, item: dict[str, Any]) -> Any:
    values = {}
    for key, value in item.items():
        if key == "span":
            value = Span(**value) if value is not None else None
        elif key == "spans":
            value = tuple(Span(**v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return cls(**values)
