"""Statistics as records: what moved, when, to what value, by how much, which way.

"ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion" ->
Figure("ICT exports", "2025-10", 23.3e9, "USD", 12.2, "up", "year-on-year").

Built from the mentions the other extractors found: each change (a percent with a
direction) becomes a figure whose value is the amount or level it reached in the same
clause ("to USD 23.3 billion", "to 4.1 percent"); an amount or level that is not the
result of a change becomes a figure of its own. The period is the month, quarter, half
or year written in the sentence, else the last one written before it in the release.
"""

from __future__ import annotations

import re
from datetime import date

from pressdesk.extract.text import SENTENCE_END, sentence_index, sentence_starts
from pressdesk.facts import DateRef, Figure, Money, Percent, Span
from pressdesk.series import series_key

__all__ = ["extract_figures"]

# Sentences, and the clauses of a list split by semicolons ("exports rose in October; imports
# fell in September"): each clause keeps the period written in it.
_CLAUSE_END = re.compile(rf"{SENTENCE_END.pattern}|;")
_REACHED = re.compile(r"\s*(?:,\s*)?(?:to|at|reaching|hitting)\s+(?:a\s+|an\s+)?$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){0,2}?[a-z][\w-]*)")
_SUBJECT_START = re.compile(r"[,:;]|\b(?:that|which|while|and|as|with)\b", re.IGNORECASE)
_LEVEL_THEN_CHANGE = re.compile(
    r"[^.;]{0,40},\s*(?:up|down|(?:an?\s+)?(?:increase|decrease|rise|drop|fall|gain|decline)\s+of)\s*$",
    re.IGNORECASE,
)
_STOP_WORDS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "that", "total", "worth"}
)
_TRAILING = frozenset(
    {"to", "at", "by", "in", "of", "came", "stood", "was", "were", "is", "are", "reached", "hit",
     "totaled", "totalled", "amounted", "recorded", "posted", "resulting", "up", "down", "about",
     "around", "approximately", "nearly", "more", "than", "over", "some", "roughly", "only"}
)
_UNITS = {False: "percent", True: "percentage points"}

_Mention = Money | Percent


def _periods(dates: list[DateRef], starts: list[int]) -> dict[int, str]:
    """For each sentence index, the period written in it, carried forward to later ones."""
    own: dict[int, str] = {}
    for ref in dates:
        if len(ref.value) < 10:  # a month, quarter, half or year; days are events
            own.setdefault(sentence_index(starts, ref.span.start), ref.value)
    periods: dict[int, str] = {}
    current: str | None = None
    for index in range(len(starts)):
        current = own.get(index, current)
        if current is not None:
            periods[index] = current
    return periods


def _reached(text: str, change: Percent, mentions: list[_Mention]) -> _Mention | None:
    """The amount or level a change reached: written right after it ("rose 5% to $3
    billion") or right before it ("came to 4.15 percent, up 0.13 percentage point")."""
    return _reached_after(text, change, mentions) or _reached_before(text, change, mentions)


def _reached_before(text: str, change: Percent, mentions: list[_Mention]) -> _Mention | None:
    before = [m for m in mentions if m.span.end <= change.span.start]
    if before and _LEVEL_THEN_CHANGE.match(text, before[-1].span.end, change.span.start):
        return before[-1]
    return None


def _reached_after(text: str, change: Percent, mentions: list[_Mention]) -> _Mention | None:
    for item in mentions:
        start = item.span.start
        if start >= change.span.end and start - change.span.end < 60:
            between = text[change.span.end : start]
            if _REACHED.search(between) and not re.search(r"[.;]", between):
                return item
    return None


def _subject_before(text: str, lo: int, end: int) -> str | None:
    """The words before a mention, back to the start of its phrase; for a mention in
    brackets with at most a change word before it, the words before the bracket:
    "Displays (down 8.8 percent)" -> "Displays"."""
    bracket = text.rfind("(", lo, end)
    if bracket >= 0 and len(text[bracket + 1 : end].split()) <= 1:
        end = bracket
    return _tidy(_SUBJECT_START.split(text[lo:end])[-1])


def _tidy(phrase: str) -> str | None:
    """Drop articles, and verbs and prepositions left at the end: "rate came to" -> "rate"."""
    words = [w for w in phrase.split() if w.lower() not in _STOP_WORDS]
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words[-5:]).strip(" ,;:\"“”()") or None


def _subject_after(text: str, end: int) -> str | None:
    """The noun an amount qualifies: "a $10.4 billion surplus" -> "surplus"."""
    found = _NOUN_AFTER.match(text, end)
    if not found:
        return None
    words = [w for w in found.group(1).split() if w.lower() not in _STOP_WORDS]
    first = words[0].lower() if words else ""
    return None if first in ("in", "for", "to", "from", "on", "by", "and", "or") else found.group(1)


def _subject(text: str, starts: list[int], item: _Mention) -> str:
    """What the mention measures: the percent's own subject, the noun an amount
    qualifies ("a $10.4 billion surplus"), else the words before the mention."""
    own = _tidy(item.subject) if isinstance(item, Percent) and item.subject else None
    lo = starts[sentence_index(starts, item.span.start)]
    adjectival = re.search(r"\b(?:a|an)\s+$", text[max(lo, item.span.start - 4) : item.span.start])
    after = _subject_after(text, item.span.end) if adjectival else None
    return own or after or _subject_before(text, lo, item.span.start) or ""


def _value(item: _Mention | None) -> tuple[float | None, str | None]:
    if isinstance(item, Money):
        return item.value, item.currency
    if isinstance(item, Percent):
        return item.value, _UNITS[item.points]
    return None, None


def _change_figure(
    text: str, starts: list[int], periods: dict[int, str], change: Percent, reached: _Mention | None
) -> Figure:
    value, unit = _value(reached)
    subject = _subject(text, starts, change) or (_subject(text, starts, reached) if reached else "")
    return Figure(
        indicator=subject,
        series=series_key(subject),
        period=periods.get(sentence_index(starts, change.span.start)),
        value=value,
        unit=unit,
        change=change.value,
        change_unit="points" if change.points else "percent",
        direction=change.direction,
        basis=change.basis,
    )


def _level_figure(text: str, starts: list[int], periods: dict[int, str], item: _Mention) -> Figure:
    value, unit = _value(item)
    subject = _subject(text, starts, item)
    return Figure(
        indicator=subject,
        series=series_key(subject),
        period=periods.get(sentence_index(starts, item.span.start)),
        value=value,
        unit=unit,
        change=None,
        change_unit=None,
        direction=None,
        basis=None,
    )


def _spans(items: list[_Mention]) -> set[Span]:
    return {item.span for item in items}


def extract_figures(
    text: str, today: date, money: list[Money], percents: list[Percent], dates: list[DateRef]
) -> list[Figure]:
    """Statistics of ``text`` built from its amounts, percents and dates."""
    if not money and not percents:
        return []  # nothing to build from: skip the scan for sentences
    starts = sentence_starts(text, _CLAUSE_END)
    periods = _periods(dates, starts)
    mentions: list[_Mention] = sorted([*money, *percents], key=lambda m: m.span.start)
    changes = [p for p in percents if p.direction in ("up", "down")]
    figures: list[Figure] = []
    used: list[_Mention] = []
    for change in changes:
        if change.span in _spans(used):
            continue  # the level another change reached: "rose 0.1 point to 4.1 percent"
        reached = _reached(text, change, mentions)
        figures.append(_change_figure(text, starts, periods, change, reached))
        used += [change] + ([reached] if reached else [])
    taken = _spans(used)
    figures += [
        _level_figure(text, starts, periods, m) for m in mentions if m.span not in taken
    ]
    return _distinct(figures)


def _distinct(figures: list[Figure]) -> list[Figure]:
    """A statistic repeated in a release is one record."""
    return list(dict.fromkeys(figures))
