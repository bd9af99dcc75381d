"""The periods figures are for, read from the dates the dates extractor found.

A period is a month, quarter, half or year, or a range of them for a cumulative figure:
"From January to November" -> 2025-01/2025-11; "through the third quarter of 2025" ->
2025-01/2025-09; "in the first ten months of 2025" -> 2025-01/2025-10; "in the three months
to September 2025" -> 2025-07/2025-09; "year-to-date" -> from January to the month the
release is about (resolved later, as ``YEAR_TO_DATE``). A date after "from", "than",
"since", "compared with" or "above" is the base a change is measured against, not the
figure's period ("up 0.13 percentage point from September"), and is marked so. Days are
periods only in market reports ("closed higher Monday"), and never when they date the
report itself ("data showed Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pressdesk.facts import DateRef, Span

__all__ = [
    "YEAR_TO_DATE",
    "PeriodRef",
    "begun",
    "find_periods",
    "is_market_report",
    "period_after",
    "period_before",
    "shift_year",
    "to_date",
]

YEAR_TO_DATE = "ytd"


@dataclass(frozen=True, slots=True)
class PeriodRef:
    span: Span
    value: str  # "2025-10", "2025-01/2025-11", or YEAR_TO_DATE
    base: bool  # a comparison's base ("from a year earlier", "than in 2019"), not a period


_NUMBERS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_COUNT = r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_FIRST_MONTHS = re.compile(
    rf"\b(?:the\s+)?first\s+{_COUNT}\s+(?P<unit>months|quarters)(?:\s+of\s+(?:the|this)\s+year\b)?",
    re.IGNORECASE
)
# "the 12 months to the end of", "the four quarters to", "the fiscal year that ended in"
_MONTHS_TO = re.compile(
    rf"\b(?:the\s+)?(?:{_COUNT}\s+(?P<unit>months|quarters)|(?P<year>(?:(?:fiscal|financial)\s+)?year))"
    r"\s+(?:(?:that|which)\s+)?(?:to|through|ending|ended)(?:\s+in)?(?:\s+the\s+end\s+of)?\s+$",
    re.IGNORECASE,
)
# "the first 20 days of November": Korea's ten- and twenty-day export figures
_FIRST_DAYS = re.compile(r"\b(?:the\s+)?first\s+(?P<d>\d{1,2})\s+days\s+of\s+$", re.IGNORECASE)
_THROUGH = re.compile(
    r"\b(?:through|thru|until|up\s+to|to\s+the\s+end\s+of)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_YEAR_TO_DATE = re.compile(
    r"\b(?:year[- ]to[- ]date|so\s+far\s+this\s+year|this\s+year\s+so\s+far|YTD)\b", re.IGNORECASE
)
_BASE = re.compile(
    r"(?:\b(?:from|than|since|compared\s+(?:with|to)|versus|vs\.?|vis-[aà]-vis|over|above|below|against|base"
    r"|relative\s+to|before|after)\s+(?:(?:the|its|a)\s+)?(?:same\s+(?:period|month|quarter"
    r"|time|day|week|season|level)\s+(?:of\s+|in\s+)?)?(?:in\s+)?(?:late\s+|early\s+|mid-?)?)$",
    re.IGNORECASE,
)
_LEVELS_AFTER = re.compile(r"\s+(?:levels?|averages?|highs?|lows?|peaks?|figures?)\b", re.IGNORECASE)
_JOINER = re.compile(r"\s*(?:-|–|to|through|until|thru)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:end\s+of\s+|start\s+of\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:end\s+of\s+)?")
_RANGE_OPENING = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_REPORT_DAY = re.compile(
    r"\b(?:said|says|announced|reported|showed|show|released|added|noted|told|stated|filing"
    r"|data|statement|figures|sources|according\s+to\s+[^,.]{0,60}?)\s+(?:on\s+)?(?:late\s+|early\s+)?$",
    re.IGNORECASE,
)
# Phrases of a report of a day's trading; two of them make one.
_REPORT_MONTH = re.compile(
    r"\b(?:said|says|announced|reported|showed|released|added|noted|told|stated)\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
_MARKET_PHRASES = (
    "closed at", "closed higher", "closed lower", "closed up", "closed down", "closed markedly",
    "closed sharply", "close at", "finished at", "finished higher", "finished lower", "finish at", "end at",
    "ended at", "ended higher", "ended lower", "settled at", "settled up",
    "settled down", "basis point", "previous session", "trading session", "bourse",
    "trading volume", "trade volume", "trading value", "stocks closed", "index closed",
    "shares closed",
)  # fmt: skip


def is_market_report(text: str) -> bool:
    """A report of a day's trading, whose figures are for the day ("closed higher Monday")."""
    lower = text.lower()
    return sum(map(lower.count, _MARKET_PHRASES)) >= 2


def find_periods(
    text: str, today: date, dates: list[DateRef], market: bool, fiscal_start: int = 4
) -> list[PeriodRef]:
    """The periods written in ``text``, in order, with comparison bases marked; a split year
    ("2024-25") is a fiscal year beginning in the month ``fiscal_start`` (``fiscal_start_of``)."""
    refs = _written(text, today, dates, market, fiscal_start)
    return sorted(refs, key=lambda r: r.span.start)


# The month a country's fiscal year begins in, where it is not January (general knowledge);
# a split year of a country not named here begins in April, the most common.
FISCAL_STARTS: dict[str, int] = {"AU": 7, "NZ": 7, "PK": 7, "EG": 7, "KE": 7, "BD": 7, "US": 10}
# "2024-25", "FY2024-25": a government's fiscal year (a slash, "1986/87", is as often a
# crop's marketing year, which begins in a month of its own).
_SPLIT_YEAR = re.compile(r"\b(?:FY\s?)?(?P<first>(?:19|20)\d\d)[-–](?P<second>\d\d)\b(?![-–/]\d)")
_ENDING = re.compile(
    r"\s*,?\s*(?:ending|ended|to|through)\s+(?:on\s+)?(?:the\s+end\s+of\s+)?(?P<month>January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b"
)
_MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), start=1)}


def fiscal_start_of(country: str | None) -> int:
    """The month the fiscal year of ``country`` begins in, for a year written "2024-25"."""
    return FISCAL_STARTS.get(country or "", 4)


def _split_years(text: str, fiscal_start: int) -> list[PeriodRef]:
    """ "in 2024-25": the fiscal year from ``fiscal_start`` 2024 to the month before it in 2025
    (or to the month written after it: "2024-25, ending June 30")."""
    refs = []
    for m in _SPLIT_YEAR.finditer(text):
        first = int(m["first"])
        if (first + 1) % 100 != int(m["second"]):
            continue  # "2019-20" is a split year; "2019-21" a range, "2025-10" a month
        ending = _ENDING.match(text, m.end())
        end_month = _MONTH_NUMBERS[ending["month"]] if ending else fiscal_start - 1 or 12
        start = end_month % 12 + 1
        span = Span(m.start(), ending.end() if ending else m.end())
        begins = f"{first if start > 1 else first + 1}-{start:02d}"
        refs.append(PeriodRef(span, f"{begins}/{first + 1}-{end_month:02d}", False))
    return refs


def _written(
    text: str, today: date, dates: list[DateRef], market: bool, fiscal_start: int
) -> list[PeriodRef]:
    own = _own_ranges(text, today, dates) + _split_years(text, fiscal_start)
    refs = list(own)
    for ref in _date_ranges(dates):
        if any(
            o.span.start <= ref.span.start < o.span.end or ref.span.start <= o.span.start < ref.span.end
            for o in own
        ):
            continue
        if _reports(text, ref, market):
            continue
        refs.append(ref)
    refs = [_through(text, r) for r in _joined_ranges(text, sorted(refs, key=lambda r: r.span.start))]
    return [PeriodRef(r.span, _as_quarter(r.value), _is_base(text, r) or _opens_between(text, r, refs))
            for r in refs]


def _opens_between(text: str, ref: PeriodRef, refs: list[PeriodRef]) -> bool:
    """ "rose 38% between 2021 and 2024": the first year is the change's base; the level it
    reached is the second's."""
    if len(ref.value) != 4 or not _BETWEEN.search(text, max(0, ref.span.start - 20), ref.span.start):
        return False  # "due between January 1987 and December 1992": a range of months
    joined = _AND.match(text, ref.span.end)
    if joined is None:
        return False
    after = [r for r in refs if r.span.start == joined.end()]
    # "between 2021 and the investigation period": a base too, its end no date
    return not after or len(after[0].value) == 4


def _joined_ranges(text: str, refs: list[PeriodRef]) -> list[PeriodRef]:
    """ "the August 2025 through October 2025 period": two dates joined by "through" make one range."""
    out: list[PeriodRef] = []
    for ref in refs:
        last = out[-1] if out else None
        months = last is not None and len(last.value) == len(ref.value) == 7
        if last and months and _JOINER.fullmatch(text, last.span.end, ref.span.start):
            out[-1] = PeriodRef(Span(last.span.start, ref.span.end), f"{last.value}/{ref.value}", False)
            continue
        out.append(ref)
    return out


def _as_quarter(value: str) -> str:
    """A range of the three months of a quarter is the quarter: 2025-07/2025-09 -> 2025-Q3."""
    first, _, last = value.partition("/")
    if len(first) != 7 or len(last) != 7 or first[:4] != last[:4]:
        return value
    start, end = int(first[5:]), int(last[5:])
    return f"{first[:4]}-Q{end // 3}" if end - start == 2 and end % 3 == 0 else value


def _reports(text: str, ref: PeriodRef, market: bool) -> bool:
    """A date of the report, not of a figure: any day outside a market report, a day after
    "said" or "data showed", a month after "said in"."""
    before = text[max(0, ref.span.start - 80) : ref.span.start]
    if len(ref.value) == 10:
        return not market or bool(_REPORT_DAY.search(before))
    if len(ref.value) == 21:
        return False  # a range of days: "in the Dec. 1-20 period"
    return bool(_REPORT_MONTH.search(before))


def _date_ranges(dates: list[DateRef]) -> list[PeriodRef]:
    """Dates as periods; two dates the extractor read from one phrase ("January to November")
    make one range."""
    by_span: dict[Span, list[str]] = {}
    for ref in dates:
        by_span.setdefault(ref.span, []).append(ref.value)
    refs: list[PeriodRef] = []
    for span, values in by_span.items():
        value = values[0] if len(values) == 1 else f"{values[0]}/{values[-1]}"
        refs.append(PeriodRef(span, value, False))
    return refs


def _through(text: str, ref: PeriodRef) -> PeriodRef:
    """ "through the third quarter of 2025" -> 2025-01/2025-09: cumulative from January."""
    if (
        "/" in ref.value
        or len(ref.value) == 4
        or not _THROUGH.search(text, max(0, ref.span.start - 30), ref.span.start)
    ):
        return ref  # "through 2030" is a horizon, not a cumulative figure's range
    end = _last_month(ref.value)
    if end is None:
        return ref
    return PeriodRef(ref.span, f"{end[:4]}-01/{end}", False)


def _own_ranges(text: str, today: date, dates: list[DateRef]) -> list[PeriodRef]:
    """Ranges the dates extractor does not read: the first N months, N months to a month,
    year-to-date."""
    refs: list[PeriodRef] = []
    lower = text.lower()
    if "first" in lower:
        refs += [_first_months(m, today, dates) for m in _FIRST_MONTHS.finditer(text)]
    for ref in dates:
        days = _FIRST_DAYS.search(text, max(0, ref.span.start - 30), ref.span.start)
        if days and len(ref.value) == 7 and 1 <= int(days.group("d")) <= 31:
            last = f"{ref.value}-{int(days.group('d')):02d}"
            refs.append(PeriodRef(Span(days.start(), ref.span.end), f"{ref.value}-01/{last}", False))
            continue
        found = _MONTHS_TO.search(text, max(0, ref.span.start - 30), ref.span.start)
        end = _last_month(ref.value)
        if found and end:
            quarters = (found.group("unit") or "").lower() == "quarters"
            months = 12 if found.group("year") else _count(found.group("n")) * (3 if quarters else 1)
            refs.append(PeriodRef(Span(found.start(), ref.span.end), _months_back(end, months), False))
    if any(cue in lower for cue in ("to-date", "to date", "so far", "ytd")):
        refs += [
            PeriodRef(Span(m.start(), m.end()), YEAR_TO_DATE, False) for m in _YEAR_TO_DATE.finditer(text)
        ]
    return refs


def _first_months(m: re.Match[str], today: date, dates: list[DateRef]) -> PeriodRef:
    """ "the first ten months of 2025", "the first three quarters" (the year written right
    after, else this year)."""
    months = _count(m.group("n")) * (3 if m.group("unit").lower() == "quarters" else 1)
    after = [d for d in dates if m.end() <= d.span.start <= m.end() + 4 and len(d.value) == 4]
    year = int(after[0].value) if after else today.year if months < today.month else today.year - 1
    end = after[0].span.end if after else m.end()
    return PeriodRef(Span(m.start(), end), f"{year}-01/{year}-{months:02d}", False)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _last_month(value: str) -> str | None:
    """The last month of a month, quarter, half or year period: 2025-Q3 -> 2025-09."""
    year, _, rest = value.partition("-")
    if not rest:
        return f"{year}-12" if len(year) == 4 else None
    if rest[0] in "QH":
        months = {"Q": 3, "H": 6}[rest[0]] * int(rest[1:])
        return f"{year}-{months:02d}"
    return value[:7] if len(rest) >= 2 else None


def _months_back(end: str, months: int) -> str:
    """The range of ``months`` months ending with the month ``end``."""
    year, month = int(end[:4]), int(end[5:7])
    index = year * 12 + month - 1 - (months - 1)
    return f"{index // 12}-{index % 12 + 1:02d}/{end}"


def _is_base(text: str, ref: PeriodRef) -> bool:
    """A comparison's base: "from a year earlier", "than the same month in 2019"; a range's own
    "from" ("from January to November") does not count."""
    lo = max(0, ref.span.start - 50)
    before = text[lo : ref.span.start]
    if "/" in ref.value:
        opening = _RANGE_OPENING.search(before)
        before = before[: opening.start()] if opening else before
    return bool(_BASE.search(before)) or bool(_LEVELS_AFTER.match(text, ref.span.end))


def shift_year(period: str | None, years: int) -> str | None:
    """The same period ``years`` years later (earlier when negative): 2025-11 -> 2024-11."""
    if not period or period == YEAR_TO_DATE:
        return None
    return "/".join(str(int(part[:4]) + years) + part[4:] for part in period.split("/"))


def period_before(period: str | None) -> str | None:
    """The period just before one of the same length: 2025-Q3 -> 2025-Q2, 2025-10 -> 2025-09,
    2025-H1 -> 2024-H2, 2025 -> 2024 (None for a range or a day)."""
    if not period or "/" in period or len(period) == 10 or period == YEAR_TO_DATE:
        return None
    year, _, rest = period.partition("-")
    if not rest:
        return str(int(year) - 1)
    size = {"Q": 4, "H": 2}.get(rest[0], 12)
    n = int(rest[1:]) if rest[0] in "QH" else int(rest)
    y, n = (int(year), n - 1) if n > 1 else (int(year) - 1, size)
    return f"{y}-{rest[0]}{n}" if rest[0] in "QH" else f"{y}-{n:02d}"


def period_after(base: str, today: date) -> str | None:
    """The period a change measured from ``base`` is for: the later of the period after it and
    the same period a year on, among those begun by ``today`` (from 2025-09 in November 2025:
    2025-10; from 2024-10: 2025-10)."""
    if "/" in base or len(base) == 10 or base == YEAR_TO_DATE:
        return None
    candidates = [p for p in (_next(base), shift_year(base, 1)) if p and begun(p, today)]
    return max(candidates) if candidates else None


def _next(period: str) -> str | None:
    year, _, rest = period.partition("-")
    if not rest:
        return str(int(year) + 1)
    size = {"Q": 4, "H": 2}.get(rest[0], 12)
    n = int(rest[1:]) if rest[0] in "QH" else int(rest)
    y, n = (int(year), n + 1) if n < size else (int(year) + 1, 1)
    return f"{y}-{rest[0]}{n}" if rest[0] in "QH" else f"{y}-{n:02d}"


def begun(period: str, today: date) -> bool:
    """Whether ``period`` began before ``today``'s month ended (a month, quarter, half or year;
    a range by its first)."""
    period = period.split("/")[0]
    year, _, rest = period.partition("-")
    if not rest:
        return int(year) <= today.year
    first = {"Q": 3, "H": 6}.get(rest[0], 1) * (int(rest[1:]) - 1) + 1 if rest[0] in "QH" else int(rest)
    return (int(year), first) <= (today.year, today.month)


def to_date(period: str, context: str | None, today: date) -> str:
    """A year-to-date period made a range, ending with the month the release is about."""
    if period != YEAR_TO_DATE:
        return period
    end = _last_month(context) if context and "/" not in context else None
    if end is None:
        month = today.month - 1 or 12
        end = f"{today.year if today.month > 1 else today.year - 1}-{month:02d}"
    return f"{end[:4]}-01/{end}"
