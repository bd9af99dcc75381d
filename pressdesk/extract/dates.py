"""Calendar references, resolved against the release date at the granularity written.

"Tuesday, November 18" -> 2025-11-18 (the year that fits the weekday and the release
date); "from November 10 to 14" -> both days; "October 2025" -> 2025-10; "the first
quarter of next year" -> 2026-Q1; "the second half of 2029" -> 2029-H2; "next year" ->
2026; "last month"; "today"; a bare weekday ("on Friday") -> the latest such day on or
before the release, or the next one when the sentence speaks of the future; a month,
day, quarter or half without a year -> the nearest one, with the tense of the sentence
breaking the tie. One compiled pattern finds them all; a table of resolvers, keyed by
the kind of reference, turns each match into values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from pressdesk.extract.text import sentence_bounds
from pressdesk.facts import DateRef, Span

__all__ = ["extract_dates"]

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4, "latter": 2, "later": 2,
}  # fmt: skip
_RELATIVE: dict[str, int] = {
    "this": 0, "current": 0, "next": 1, "coming": 1, "last": -1,
}  # fmt: skip

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
# In capitals ("09 FEB 2026", "MARCH 2026"): only next to a day or a year, never alone.
_CAPS_MONTH = (
    r"(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?(?![A-Za-z])"
)
_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH}\.?|{_CAPS_MONTH})"  # before a day: "Dec 29", "Dec. 29"
_LONE_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH}\.)"  # alone: "in November", "in Nov."
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
_YEAR = r"(?:1[89]|20)\d\d(?![\d])"
_TO = r"\s*(?:-|–|—|to|through|until|and)\s*"
_REL_YEAR = r"(?:(?:this|next|last|the\s+(?:current|coming))\s+year)"
_OF_YEAR = rf"(?:\s+(?:of\s+)?(?P<{{p}}year>{_YEAR})|\s+(?:of\s+)?(?P<{{p}}rel>{_REL_YEAR}))?"
_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
# "August last year": one reference, the month of that year (no separate "last year").
_REL_AFTER = r"(?:\s+(?:of\s+)?(?i:this|last|next)\s+year\b)"

# Weekdays that are names of days, not dates: "Black Friday", "Super Tuesday".
_NAMED_DAY = "".join(
    rf"(?<!\b{w} )" for w in ("Black", "Cyber", "Good", "Super", "Ash", "Holy", "Easter", "Bloody")
)
_KINDS: dict[str, str] = {
    # "2026-03-04", and as East Asian releases write it, "2026.03.04", "2026/3/4"
    "iso": (
        r"\b(?P<iso_y>(?:1[89]|20)\d\d)(?:-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
        r"|(?P<iso_sep>[/.])(?P<iso_m2>[01]?\d)(?P=iso_sep)(?P<iso_d2>[0-3]?\d))\b(?![.,/]\d)"
    ),
    "numeric": (
        r"\b(?P<nu_a>[0-3]?\d)(?P<nu_sep>[/.-])(?P<nu_b>[0-3]?\d)(?P=nu_sep)(?P<nu_y>(?:19|20)\d\d)\b"
    ),
    "md": (
        rf"(?:(?P<md_wd>{_WEEKDAY}),?\s+)?(?:the\s+)?\b(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})"
        rf"(?:{_TO}(?:(?P<md_m2>{_MONTH})\s+)?(?P<md_d2>{_DAY}))?(?:,?\s+(?P<md_y>{_YEAR}))?"
    ),
    "dm": (
        rf"\b(?P<dm_d>{_DAY})(?:{_TO}(?P<dm_d2>{_DAY}))?(?:\s+(?:of\s+)?|-(?=[A-Za-z]))(?P<dm_m>{_MONTH})"
        rf"(?:(?:,?\s+|-)(?P<dm_y>{_YEAR}))?"  # "09-FEB-2026" too
    ),
    "mr": (
        rf"\b(?P<mr_m>{_LONE_MONTH}){_TO}(?P<mr_m2>{_LONE_MONTH})(?![\w])"
        rf"(?:,?\s+(?P<mr_y>{_YEAR})|{_REL_AFTER})?"
    ),
    "my": rf"\b(?P<my_m>{_LONE_MONTH}|{_CAPS_MONTH})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})",
    "quarter": (
        rf"\b(?P<q_n>(?i:{_ORD}))[\s-]+quarter\b"
        + _OF_YEAR.format(p="q_")
        + r"|\b(?:Q(?P<q_n2>[1-4])|(?P<q_n3>[1-4])Q|Quarter\s(?P<q_n4>[1-4])(?:\s\([^)]{0,20}\))?)"
        + rf"(?:[\s-]*(?P<q_y2>{_YEAR})|(?P<q_y3>\d\d)\b)?"
        + r"(?![\w&])"
    ),
    "rel_quarter": r"\b(?P<rq>(?i:this|next|last|current|coming))\s+quarter\b",
    "half": (
        r"\b(?P<h_n>(?i:first|second|latter|1st|2nd))[\s-]+(?:half|semester)\b"
        + _OF_YEAR.format(p="h_")
        + rf"|\b(?:H(?P<h_n2>[12])|(?P<h_n3>[12])H)(?:\s*(?P<h_y2>{_YEAR})|(?P<h_y3>\d\d)\b"
        + r"|(?=\s*(?:[.,;:)]|$|and\b|or\b|to\b|of\b)))"
    ),
    # "announced on the 3rd": a day of the month the release is about (as Korean releases
    # and news write it), only after "on" and before no noun ("on the 3rd round")
    "ordday": (
        r"(?<=\b[Oo]n\s)the\s+(?P<od>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[,.;:)—–]|$)|\s+(?:that|in|at|and|to|when|as|with|while|after|before|from|for"
        r"|local|this|last|next|via|through|under|amid|following)\b)"
    ),
    "rel_year": r"\b(?P<ry>(?i:this|next|last|current|coming))\s+year\b(?!'s\s+(?:level|rate))",
    # "by the end of the year", "the rest of the year": the release's year
    "the_year": r"(?:(?<=\bend of )|(?<=\brest of ))the\s+year\b(?!['’]s)",
    "rel_month": r"\b(?P<rm>(?i:this|next|last|the\s+coming))\s+month\b",
    "deictic": r"\b(?P<dx>(?i:today|tonight|yesterday|tomorrow))\b(?!['’]s)",
    "rel_wd": rf"\b(?P<rw>(?i:last|next|this|coming))\s+(?P<rw_d>{_WEEKDAY})\b",
    "weekday": _NAMED_DAY + rf"\b(?P<wd>{_WEEKDAY})\b(?!\s+(?:through|to|-|–)\s+{_WEEKDAY})",
    "lone_month": rf"\b(?P<lm>{_LONE_MONTH})(?![\w]){_REL_AFTER}?",
    "years": r"(?<![\w$€£¥₩.,/])(?P<ys1>(?:1[89]|20)\d\d)\s?[-–—]\s?(?P<ys2>(?:1[89]|20)\d\d)(?![\w%])",
    "year": (
        r"(?<![\w$€£¥₩.,/])(?<!\d[-–])(?:FY\s?)?(?P<y>(?:1[89]|20)\d\d)(?![\w%]|[.,]\d|/\d|-\d\d-)"
        r"(?!\s?(?:percent|per\s?cent|won|dollars|yen|euros|yuan|people|persons|workers|jobs"
        r"|units|tons|tonnes|vehicles|cars|companies|firms|participants|employees|visitors"
        r"|members|households|students|km|kilometers|meters|hectares|thousand|million|billion"
        r"|trillion|pieces|items|cases|times|points)\b)"
    ),
}
# Every reference starts at a digit, a month, a weekday or one of a few words ("the" only
# before a month or "coming"), after a non-word character (only "Monday, March 3" may
# follow a digit): checking that first makes the scan several times faster than trying
# each kind. A kind that starts otherwise must be let in here too, or it never matches
# (tests/test_prefilters.py checks the pattern finds the same without this check).
_FIRST = (
    rf"(?<![^\W\d_])(?:(?<!\w)|(?={_WEEKDAY}))"
    r"(?=\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|FY|Q|H[12]"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
    r"|(?i:t(?:his|he\s+(?:coming|year|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|hird|oday|onight"
    r"|omorrow)|next|l(?:ast|atter)|c(?:urrent|oming)|yesterday"
    r"|f(?:irst|ourth|inal)|second))"
)


def _dates_pattern(first_check: bool = True) -> re.Pattern[str]:
    """One pattern for every kind of reference, each kind a named group; behind ``_FIRST``
    unless ``first_check`` is False (the same matches, found more slowly)."""
    kinds = "|".join(f"(?P<{k}>{p})" for k, p in _KINDS.items())
    return re.compile((_FIRST if first_check else "") + f"(?:{kinds})")


_DATES = _dates_pattern()

_AMBIGUOUS_MONTH = re.compile(r"May|March|Jun\.|Mar\.|Aug\.")
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|through|of|last|next|this|early|late|mid|end|during"
    r"|before|after|between|and|to|for|on)|-)\s*$",
    re.IGNORECASE,
)
# A participle after a modal is no past: "will be partly used", "would be signed", "will be held".
_MODAL = re.compile(r"\b(?:will|would|shall)\s+(?:\w+\s+){0,3}\w+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", re.IGNORECASE)
_PERIOD_CUE = re.compile(r"\b(?:in|for|of|by|the|during|until|since|from)\s+$", re.IGNORECASE)
_DATE_IN_BRACKETS = re.compile(rf"\s*\((?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})\b")
_SPAN_OF_DAYS = re.compile(rf"{_WEEKDAY}\s+(?:through|to|-|–)\s+$")
# A weekday governed by a verb of reporting in the past ("said on Wednesday that ... would"),
# or a trading day gone by ("a premium to Tuesday's closing price"): the past one.
_REPORTED_ON = re.compile(
    r"\b(?:said|told|announced|reported|stated|showed|confirmed|revealed|disclosed|published"
    r"|unveiled|signed|met|held)\s+(?P<between>(?:[\w-]+\s+){0,5}?)(?:on\s+)?$",
    re.IGNORECASE,
)
_SAID_IN = re.compile(r"\b(?:said|told|announced)\s+(?:in|on)\s+$", re.IGNORECASE)
_AUXILIARY_BEFORE = re.compile(r"\b(?:will|would|shall|to|be|been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SESSION_AFTER = re.compile(r"['’]s\s+(?:closing|close|trading|session|settlement)\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|would|plans?|planned|planning|scheduled|expects?|expected|slated|upcoming"
    r"|due|intends?|aims?|going\s+to|set\s+(?:to|for)|to\s+be\s+held|starting|beginning"
    r"|from\s+now|ahead|(?<!beating\s)(?<!beat\s)(?<!than\s)(?<!above\s)(?<!below\s)forecast\w*|projected|(?:willing|ready|prepared|hop(?:e|es|ing)|looks?|looking)"
    r"\s+(?:forward\s+)?to|(?:agreed|decided|resolved|pledged|promised|vowed)\s+to"
    # a rule's start in the present tense: "the rules, which take effect on May 23,"
    r"|takes?\s+effect|(?:comes?|enters?)\s+into\s+force)\b|['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|held|met|saw|took|made|came|became|began|rose|fell|grew"
    r"|lost|left|sold|bought|paid|spent|since|ago|earlier|previously|last|agreed"
    r"|(?!(?:schedul|plann|expect|forecast|project|propos|bas|relat|limit|advanc|detail"
    r"|interest|skill|dedicat|list|need|unit|announc|stat|not|add|report|explain|emphasiz"
    r"|stress|urg|highlight|remark|reveal|indicat|confirm|comment|claim|declar|inform"
    r"|mention|assert|insist|quot|warn|pledg|vow|underscor|reiterat|express)ed\b)"
    r"(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"(?<!\bbeen )(?<!\bbeing )[a-z]{2,}(?<!e)ed)\b"
)


# How far the sentence around a reference is read for its tense, either way.
_TENSE_REACH = 250


class _Context:
    """The release date and the text, for resolvers that look at tense."""

    __slots__ = ("text", "today")

    def __init__(self, text: str, today: date) -> None:
        self.text = text
        self.today = today


# ---------------------------------------------------------------- tense


def _tense(ctx: _Context, span: Span) -> int:
    """+1 if the sentence speaks of the future, -1 of the past, 0 if it does not say:
    the nearest cue before the reference ("signed in July", "will meet on Friday"),
    else the nearest after it ("In July, exports rose")."""
    if _SAID_IN.search(ctx.text, max(0, span.start - 20), span.start):
        return -1  # when it was said: "Chairman Chung said in March"
    lo, hi = sentence_bounds(ctx.text, span.start, span.end, _TENSE_REACH)
    before = [(m.end(), 1) for m in _FUTURE.finditer(ctx.text, lo, span.start) if not _opens(ctx, m, span)]
    before += [(m.end(), -1) for m in _PAST.finditer(ctx.text, lo, span.start)]
    if before:
        end, sign = max(before)
        return 1 if sign < 0 and _MODAL.search(ctx.text, max(lo, end - 50), end) else sign
    after = [(m.start(), 1) for m in _FUTURE.finditer(ctx.text, span.end, hi)]
    after += [(m.start(), -1) for m in _PAST.finditer(ctx.text, span.end, hi)]
    return min(after)[1] if after else 0


_OPENING = re.compile(r"(?:starting|beginning)\s+(?:on\s+|in\s+|from\s+)?", re.IGNORECASE)


def _opens(ctx: _Context, cue: re.Match[str], span: Span) -> bool:
    """ "starting September 1" right before the date: when a measure began or begins, in the
    tense of the verb before it ("suspended imports for 60 days starting September 1")."""
    return _OPENING.fullmatch(ctx.text, cue.start(), span.start) is not None


def _pick(candidates: list[int], now: int, tense: int, penalty: int) -> int:
    """The candidate (an ordinal: day, month, quarter or half index) nearest to ``now``,
    one on the wrong side of the tense counting ``penalty`` (about ten months) further;
    the past wins a tie."""

    def cost(c: int) -> tuple[int, bool]:
        against = tense != 0 and (c - now) * tense < 0
        return abs(c - now) + (penalty if against else 0), c > now

    return min(candidates, key=cost)


# ---------------------------------------------------------------- values

_DAYS_PENALTY = 300


def _penalty(per_year: int) -> int:
    """About ten months, in months (12 a year), quarters (4) or halves (2)."""
    return round(per_year * 10 / 12)


def _month_of(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def _day(d: date) -> str:
    return d.isoformat()


def _month_value(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_day(ctx: _Context, month: int, day: int, weekday: int | None, span: Span) -> date | None:
    """A day written without its year: the year that fits the weekday, else the nearest;
    None for a day no year has ("February 30")."""
    y = ctx.today.year
    options = [d for d in (_safe_date(y + k, month, day) for k in (-1, 0, 1)) if d]
    fitting = [d for d in options if weekday is None or d.weekday() == weekday] or options
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    tense = _tense(ctx, span)
    best = _pick([d.toordinal() for d in fitting], ctx.today.toordinal(), tense, _DAYS_PENALTY)
    return date.fromordinal(best)


def _year_of(m: re.Match[str], year_group: str, rel_group: str, ctx: _Context) -> int | None:
    if m.group(year_group):
        return int(m.group(year_group))
    rel = m.group(rel_group)
    if rel:
        return ctx.today.year + _RELATIVE[rel.split()[-2].lower()]
    return None


def _two_digit_year(text: str | None) -> int | None:
    return 2000 + int(text) if text else None


# ---------------------------------------------------------------- resolvers

_Found = list[tuple[str, Span]]


def _span(m: re.Match[str]) -> Span:
    return Span(m.start(), m.end())


def _resolve_iso(m: re.Match[str], ctx: _Context) -> _Found:
    d = _safe_date(int(m["iso_y"]), int(m["iso_m"] or m["iso_m2"]), int(m["iso_d"] or m["iso_d2"]))
    return [(_day(d), _span(m))] if d else []


def _resolve_numeric(m: re.Match[str], ctx: _Context) -> _Found:
    """ "11/05/2025" or "05.11.2025": month first or day first, whichever reading is a
    real date; when both are, the one nearer the release date."""
    a, b, year = int(m["nu_a"]), int(m["nu_b"]), int(m["nu_y"])
    readings = [d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d]
    if not readings:
        return []
    best = min(readings, key=lambda d: abs(d.toordinal() - ctx.today.toordinal()))
    return [(_day(best), _span(m))]


def _strip_day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _day_range(
    ctx: _Context,
    span: Span,
    end: tuple[int, int],
    start: tuple[int, int] | None,
    year: str | None,
    weekday: int | None,
) -> _Found:
    """One day, or both ends of a range; the end is resolved first, the start before it."""
    if year:
        last = _safe_date(int(year), *end)
    else:
        last = _resolve_day(ctx, end[0], end[1], None if start else weekday, span)
    if last is None:
        return []
    if start is None:
        return [(_day(last), span)]
    first = _safe_date(last.year, *start)
    if first and first > last:
        first = _safe_date(last.year - 1, *start)
    return [(_day(first), span), (_day(last), span)] if first else [(_day(last), span)]


def _resolve_md(m: re.Match[str], ctx: _Context) -> _Found:
    month, day = _month_of(m["md_m"]), _strip_day(m["md_d"])
    weekday = _WEEKDAYS[m["md_wd"].lower()] if m["md_wd"] else None
    if not m["md_d2"]:
        return _day_range(ctx, _span(m), (month, day), None, m["md_y"], weekday)
    month2 = _month_of(m["md_m2"]) if m["md_m2"] else month
    return _day_range(ctx, _span(m), (month2, _strip_day(m["md_d2"])), (month, day), m["md_y"], None)


def _resolve_dm(m: re.Match[str], ctx: _Context) -> _Found:
    month, day = _month_of(m["dm_m"]), _strip_day(m["dm_d"])
    if not m["dm_d2"]:
        return _day_range(ctx, _span(m), (month, day), None, m["dm_y"], None)
    return _day_range(ctx, _span(m), (month, _strip_day(m["dm_d2"])), (month, day), m["dm_y"], None)


def _resolve_month(ctx: _Context, month: int, span: Span) -> int:
    """A month index (year * 12 + month - 1) for a month written without its year, or
    with a relative one after it ("in April last year")."""
    relative = _YEAR_AFTER.match(ctx.text, span.end)
    if relative:
        return (ctx.today.year + _RELATIVE[relative["rel"].lower()]) * 12 + month - 1
    now = ctx.today.year * 12 + ctx.today.month - 1
    options = [(ctx.today.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    return _pick(options, now, _tense(ctx, span), _penalty(12))


def _resolve_mr(m: re.Match[str], ctx: _Context) -> _Found:
    first, last = _month_of(m["mr_m"]), _month_of(m["mr_m2"])
    written = Span(m.start(), m.end("mr_m2"))  # before any "last year": _resolve_month reads it
    end = int(m["mr_y"]) * 12 + last - 1 if m["mr_y"] else _resolve_month(ctx, last, written)
    start = (end // 12) * 12 + first - 1
    start -= 12 if start > end else 0
    return [(_month_value(start), _span(m)), (_month_value(end), _span(m))]


def _resolve_my(m: re.Match[str], ctx: _Context) -> _Found:
    return [(f"{int(m['my_y']):04d}-{_month_of(m['my_m']):02d}", _span(m))]


def _resolve_part(ctx: _Context, span: Span, n: int, year: int | None, per_year: int, label: str) -> _Found:
    """A quarter (``per_year`` 4) or half (2) of a year, the nearest when no year is given."""
    if year is None:
        now = ctx.today.year * per_year + (ctx.today.month - 1) * per_year // 12
        options = [(ctx.today.year + k) * per_year + n - 1 for k in (-1, 0, 1)]
        index = _pick(options, now, _tense(ctx, span), _penalty(per_year))
        year, n = index // per_year, index % per_year + 1
    return [(f"{year:04d}-{label}{n}", span)]


def _resolve_quarter(m: re.Match[str], ctx: _Context) -> _Found:
    if m["q_n"]:
        n = _ORDINALS[m["q_n"].lower()]
        return _resolve_part(ctx, _span(m), n, _year_of(m, "q_year", "q_rel", ctx), 4, "Q")
    n = int(m["q_n2"] or m["q_n3"] or m["q_n4"])
    year = int(m["q_y2"]) if m["q_y2"] else _two_digit_year(m["q_y3"])
    if year is None and not _PERIOD_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return []  # "Q3" alone only after "in", "for", "the", ...: else a model or a name
    return _resolve_part(ctx, _span(m), n, year, 4, "Q")


def _resolve_rel_quarter(m: re.Match[str], ctx: _Context) -> _Found:
    index = ctx.today.year * 4 + (ctx.today.month - 1) // 3 + _RELATIVE[m["rq"].lower()]
    return [(f"{index // 4:04d}-Q{index % 4 + 1}", _span(m))]


def _resolve_half(m: re.Match[str], ctx: _Context) -> _Found:
    if m["h_n"]:
        n = _ORDINALS[m["h_n"].lower()]
        return _resolve_part(ctx, _span(m), n, _year_of(m, "h_year", "h_rel", ctx), 2, "H")
    n = int(m["h_n2"] or m["h_n3"])
    year = int(m["h_y2"]) if m["h_y2"] else _two_digit_year(m["h_y3"])
    if year is None and not _PERIOD_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return []  # "H2" alone only after "in", "for", "the", ...: else hydrogen, a model
    return _resolve_part(ctx, _span(m), n, year, 2, "H")


def _resolve_rel_year(m: re.Match[str], ctx: _Context) -> _Found:
    return [(f"{ctx.today.year + _RELATIVE[m['ry'].lower()]:04d}", _span(m))]


def _resolve_the_year(m: re.Match[str], ctx: _Context) -> _Found:
    return [(f"{ctx.today.year:04d}", _span(m))]


def _resolve_rel_month(m: re.Match[str], ctx: _Context) -> _Found:
    index = ctx.today.year * 12 + ctx.today.month - 1 + _RELATIVE[m["rm"].split()[-1].lower()]
    return [(_month_value(index), _span(m))]


_DEICTIC: dict[str, int] = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_deictic(m: re.Match[str], ctx: _Context) -> _Found:
    return [(_day(ctx.today + timedelta(days=_DEICTIC[m["dx"].lower()])), _span(m))]


def _weekday_near(today: date, weekday: int, direction: int) -> date:
    """The latest such weekday on or before ``today`` (direction -1), or the next one on
    or after it (+1)."""
    delta = (weekday - today.weekday()) % 7 if direction > 0 else -((today.weekday() - weekday) % 7)
    return today + timedelta(days=delta)


def _resolve_rel_wd(m: re.Match[str], ctx: _Context) -> _Found:
    weekday, rel = _WEEKDAYS[m["rw_d"].lower()], m["rw"].lower()
    if rel == "last":
        return [(_day(_weekday_near(ctx.today - timedelta(days=1), weekday, -1)), _span(m))]
    if rel == "this":
        return [(_day(_weekday_near(ctx.today, weekday, _tense(ctx, _span(m)) or -1)), _span(m))]
    return [(_day(_weekday_near(ctx.today + timedelta(days=1), weekday, 1)), _span(m))]


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> _Found:
    if _SPAN_OF_DAYS.search(ctx.text, max(0, m.start() - 20), m.start()):
        return []  # "Monday through Friday": opening hours
    if _DATE_IN_BRACKETS.match(ctx.text, m.end()):
        return []  # "Wednesday (Nov. 19)": the date in brackets says which
    tense = -1 if _reported_or_traded(ctx.text, m.start(), m.end()) else _tense(ctx, _span(m))
    return [(_day(_weekday_near(ctx.today, _WEEKDAYS[m["wd"].lower()], tense or -1)), _span(m))]


def _reported_or_traded(text: str, start: int, end: int) -> bool:
    """ "said on Wednesday", "told reporters Thursday", "Tuesday's closing price"."""
    if _SESSION_AFTER.match(text, end):
        return True
    verb = _REPORTED_ON.search(text, max(0, start - 60), start)
    if not verb or _FUTURE.search(verb["between"]):
        return False
    return not _AUXILIARY_BEFORE.search(text, max(0, verb.start() - 30), verb.start())


def _resolve_lone_month(m: re.Match[str], ctx: _Context) -> _Found:
    word = m["lm"]
    cue = _MONTH_CUE.search(ctx.text, max(0, m.start() - 12), m.start())
    if _AMBIGUOUS_MONTH.fullmatch(word) and not cue:
        return []  # "May" the verb, "March" the noun
    written = Span(m.start(), m.end("lm"))  # before any "last year": _resolve_month reads it
    return [(_month_value(_resolve_month(ctx, _month_of(word), written)), _span(m))]


def _resolve_ordday(m: re.Match[str], ctx: _Context) -> _Found:
    """ "on the 3rd": that day of the release's month, the month before or the month after,
    the nearest on the side the tense says; the past, when it says none or reports ("the
    ministry announced on the 28th")."""
    day, today = int(m["od"]), ctx.today
    index = today.year * 12 + today.month - 1
    options = [d for d in (_safe_date((index + k) // 12, (index + k) % 12 + 1, day) for k in (-1, 0, 1)) if d]
    if not options:
        return []
    tense = -1 if _reported_or_traded(ctx.text, m.start(), m.end()) else _tense(ctx, _span(m))
    best = _pick([d.toordinal() for d in options], today.toordinal(), tense or -1, _DAYS_PENALTY)
    return [(_day(date.fromordinal(best)), _span(m))]


def _resolve_years(m: re.Match[str], ctx: _Context) -> _Found:
    return [(m["ys1"], _span(m)), (m["ys2"], _span(m))]


def _resolve_year(m: re.Match[str], ctx: _Context) -> _Found:
    return [(m["y"], _span(m))]


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], _Found]] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "md": _resolve_md,
    "dm": _resolve_dm,
    "mr": _resolve_mr,
    "my": _resolve_my,
    "quarter": _resolve_quarter,
    "rel_quarter": _resolve_rel_quarter,
    "half": _resolve_half,
    "ordday": _resolve_ordday,
    "rel_year": _resolve_rel_year,
    "the_year": _resolve_the_year,
    "rel_month": _resolve_rel_month,
    "deictic": _resolve_deictic,
    "rel_wd": _resolve_rel_wd,
    "weekday": _resolve_weekday,
    "lone_month": _resolve_lone_month,
    "years": _resolve_years,
    "year": _resolve_year,
}


def extract_dates(text: str, today: date) -> list[DateRef]:
    """Every calendar reference in ``text``, resolved against the release date ``today``."""
    ctx = _Context(text, today)
    found: list[DateRef] = []
    for m in _DATES.finditer(text):
        kind = m.lastgroup or ""
        for value, span in _RESOLVERS[kind](m, ctx):
            found.append(DateRef(text=text[span.start : span.end], value=value, span=span))
    return found
