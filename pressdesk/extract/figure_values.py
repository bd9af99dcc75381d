"""The numbers a figure can be made of: amounts and percents as the other extractors found
them, and the counts, index levels, points and basis points they leave alone.

"1.6 million foreign tourists" -> 1.6e6 count, counting "foreign tourists"; "497.51 million
shares" -> a count of shares; "12.87 million metric tons" -> unit "metric tons"; "to close at
4,220.56" -> an index level in points; "added 90.88 points" -> 90.88 points; "lost 1.9 basis
points" -> 1.9 basis points. A number is left out when it is part of a date, a time, a name
("No. 1", "Section 301"), a size ("3,200-ton"), a year, or when it is only a small number
with nothing counted after it ("7 of 9 subsectors"). An amount in brackets right after
another ("14.35 trillion won (US$10.02 billion)") is the same amount converted: left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pressdesk.extract.figure_words import COUNT_NOUNS, MEASURE_UNITS, words
from pressdesk.extract.numbers import NUMBER, SCALE, is_year, scaled
from pressdesk.facts import DateRef, Money, Percent, Span

__all__ = ["Quantity", "find_quantities"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number of a figure: its value, unit and what is written with it."""

    span: Span
    value: float
    unit: str  # ISO 4217 code, "percent", "points", "basis points", "count" or a unit word
    kind: str  # "money" | "percent" | "points" | "count" | "level"
    sign: str | None = None  # "up" or "down" when written with the number: "+2.4%", "-0.5%"
    noun: str | None = None  # what a count counts, written right after it: "foreign tourists"
    noun_end: int | None = None  # where that noun ends


_COUNT_NOUN = "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(MEASURE_UNITS, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?=[\d.])(?<![\w$€£¥₩.,/:#-])(?P<num>" + NUMBER + r")(?P<scale>" + SCALE + r")?"
    r"(?:(?P<bp>[ -]?(?i:basis[ -]points?|bps?|bp)\b)"
    r"|(?P<points>[ -](?i:points?|pts?)\b)"
    r"|(?P<unit>\s+(?i:" + _UNIT + r")\b)"
    r"|(?P<noun>\s+(?:(?!(?i:of|in|to|for|and|or|from|at|on|by|with)\b)[A-Za-z][\w-]*\s+){0,2}?(?i:"
    + _COUNT_NOUN
    + r")\b))?"
)
_GLUED = re.compile(r"[-–](?:[A-Za-z])|[.,]\d|:\d|\s?%|(?:st|nd|rd|th)\b|\s?(?i:percent|per\s?cent|pct)\b")
_LABELS = words(
    "no|nos|section|sections|article|articles|chapter|rule|rules|room|rooms|gate|route|line|level|phase"
    "|stage|round|number|item|items|page|pages|paragraph|annex|part|class|tier|grade|volume|vol|issue"
    "|series|model|version|top|group|g|covid|h|q|fy"
)
_AT_LEVEL = re.compile(r"(?i:\b(?:clos\w*|finish\w*|end\w*|settl\w*|stood|quoted|trad\w*)\s+at\s+$)")
# An index read without a unit: "manufacturing PMI rose to 50.0 from 49.8".
_INDEX_BEFORE = re.compile(
    r"(?i:\b(?:index|indices|pmi|indicator|sentiment|confidence|gauge|barometer|reading)\b(?:[^.;]|\.\d){0,60}"
    r"\b(?:to|from|at|of|was|were|is|stood|came\s+in\s+at)\s+$)"
)
_INDEX_WORD = re.compile(r"\b(?:to|from|at|of|was|were|is|stood|in)\s+$")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def find_quantities(
    text: str, money: list[Money], percents: list[Percent], dates: list[DateRef], start: int = 0
) -> list[Quantity]:
    """Every number of ``text`` from ``start`` on that can be a figure's value or change, in order."""
    found = [_from_money(m) for m in _unconverted(text, money) if m.span.start >= start]
    found += [_from_percent(text, p) for p in percents if p.span.start >= start]
    taken = [m.span for m in money] + [p.span for p in percents] + [d.span for d in dates]
    found += _counts(text, start, taken)
    return sorted((_as_rate(text, q) for q in found), key=lambda q: q.span.start)


# An exchange rate: "1,468.5 per dollar", "1,380.2 won against the greenback", "153.2 yen to the dollar".
_PER_DOLLAR = re.compile(
    r"(?:\s+(?P<word>[a-z]+))?\s+(?:per|a|to\s+the|against\s+the|versus\s+the|vs\.?\s+the)\s+"
    r"(?:U\.?S\.?\s+)?(?:dollar|greenback)\b"
)
_CURRENCY_WORD = re.compile(
    r"\b(won|yen|yuan|renminbi|rupees?|rupiah|baht|ringgit|pesos?|dong|rand|real|reais|lira|rubles?"
    r"|roubles?|euros?|pounds?|francs?|dirhams?|riyals?|shekels?|zloty|forint|krona|kronor|krone)\b"
)


def _as_rate(text: str, q: Quantity) -> Quantity:
    """A number of a currency per dollar is an exchange rate, in "<currency> per dollar" (the
    currency written after the number, else the last one named before it in the sentence)."""
    if q.kind not in ("money", "level", "count") or q.noun is not None:
        return q
    m = _PER_DOLLAR.match(text, q.span.end)
    if m is None or (m["word"] and not _CURRENCY_WORD.fullmatch(m["word"])):
        return q
    before = text[max(0, q.span.start - 120) : q.span.start]
    before = before[max(before.rfind(". "), 0) :]
    written = _CURRENCY_WORD.search(text, q.span.start, q.span.end)  # "1,380.2 won" (an amount)
    named = (m["word"] or (written.group(1) if written else None)
             or next((w.group(1) for w in reversed(list(_CURRENCY_WORD.finditer(before)))), None))
    if named is None:
        return q
    return Quantity(Span(q.span.start, m.end()), q.value, f"{named} per dollar", "level")


def _unconverted(text: str, money: list[Money]) -> list[Money]:
    """Amounts that are not another amount converted: "14.35 trillion won (US$10.02 billion)"."""
    kept: list[Money] = []
    for item in money:
        before = text[max(0, item.span.start - 3) : item.span.start]
        if kept and "(" in before and kept[-1].span.end >= item.span.start - 4:
            continue
        kept.append(item)
    return kept


def _from_money(item: Money) -> Quantity:
    return Quantity(item.span, item.value, item.currency, "money")


def _from_percent(text: str, item: Percent) -> Quantity:
    first = text[item.span.start : item.span.start + 1]
    sign = {"+": "up", "-": "down", "\u2212": "down"}.get(first)
    unit, kind = ("points", "points") if item.points else ("percent", "percent")
    return Quantity(item.span, item.value, unit, kind, sign)


def _counts(text: str, start: int, taken: list[Span]) -> list[Quantity]:
    """Counts, index levels, points and basis points: numbers no other extractor took."""
    spans = sorted((s.start, s.end) for s in taken)
    starts = [a for a, _ in spans]
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text, start):
        if m.lastindex == 1 and "," not in m.group("num") and "." not in m.group("num"):
            continue  # a small whole number alone: "7 of 9", a year, a day
        if _overlaps(spans, starts, m.start(), m.end()):
            continue
        item = _count(text, m)
        if item is not None:
            found.append(item)
    return found


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps one of the sorted ``spans`` (``starts`` their starts)."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


def _count(text: str, m: re.Match[str]) -> Quantity | None:
    """The quantity a number match makes, or None when it is no figure's number."""
    num, scale = m.group("num"), m.group("scale")
    tail = m.group("bp") or m.group("points") or m.group("unit") or m.group("noun")
    if not tail and _GLUED.match(text, m.end("scale") if scale else m.end("num")):
        return None
    if _after_label(text, m.start()):
        return None
    value = scaled(num, scale)
    span = Span(m.start(), m.end("num") if not scale else m.end("scale"))
    if m.group("bp"):
        return Quantity(Span(m.start(), m.end()), value, "basis points", "points")
    if m.group("points"):
        return Quantity(Span(m.start(), m.end()), value, "points", "points")
    if m.group("unit"):
        unit = MEASURE_UNITS[" ".join(m.group("unit").lower().split())]
        return Quantity(Span(m.start(), m.end()), value, unit, "count")
    if is_year(num) and not scale:
        return None
    if m.group("noun"):
        noun = " ".join(m.group("noun").split())
        return Quantity(span, value, "count", "count", noun=noun, noun_end=m.end())
    return _bare(text, m, span, value, bool(scale))


def _after_label(text: str, start: int) -> bool:
    """A number that labels something: "No. 1", "Section 301", "Phase 2"."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].rstrip(".").lower() in _LABELS


def _bare(text: str, m: re.Match[str], span: Span, value: float, scaled: bool) -> Quantity | None:
    """A number with nothing after it: a count when scaled or grouped ("24.7 million",
    "3,321"), an index level when grouped with decimals or closing at it ("4,220.56")."""
    num = m.group("num")
    if _GROUPED.match(num) and "." in num or _AT_LEVEL.search(text, max(0, m.start() - 30), m.start()):
        return Quantity(span, value, "points", "level")
    if (
        "." in num
        and not scaled
        and _INDEX_WORD.search(text, max(0, m.start() - 20), m.start())
        and _INDEX_BEFORE.search(text, max(0, m.start() - 90), m.start())
    ):
        return Quantity(span, value, "points", "level")
    if scaled or _GROUPED.fullmatch(num) or _PER_DOLLAR.match(text, span.end):
        return Quantity(span, value, "count", "count")  # (a rate per dollar: see ``_as_rate``)
    return None
