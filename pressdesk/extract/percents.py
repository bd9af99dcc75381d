"""Percentages and percentage points, with the direction of change the sentence states.

"rose 12.2 percent year-on-year" -> 12.2, up, year-on-year; "a 15.4% increase" -> up;
"(down 8.8 percent)" -> down; "accounting for 29.2 percent" -> none; "from 16.88 to
25.50 percent" -> both numbers. A level reached by a change ("rose 0.14 percentage point
to 4.1 percent") takes the direction of that change, which the guidelines accept.
Basis points are not percents.
"""

from __future__ import annotations

import re

from pressdesk.extract.figure_words import GROWTH_LIST
from pressdesk.extract.numbers import NUMBER, is_year, parse_number, word_value
from pressdesk.facts import Percent, Span

__all__ = ["distinct_percents", "extract_percents"]

# "5 percent", "5 per cent", "5 pct", and as British papers write it, "5pc"
_UNIT = (  # "%" before "p" or "pts" alone is percentage points ("0.3%p"), not before "plunge"
    r"(?:[ \u00a0]?%(?!\s?p(?:ts?)?(?![A-Za-z]))"
    r"|[ \u00a0-]?(?:(?i:percent|per[ \u00a0]?cent)|(?i:pct)\.?|pc)(?![A-Za-z]))"
)
_POINTS = (
    r"(?:[ \u00a0-]?(?i:percentage|pct\.?|%|percent)[ \u00a0-]?(?i:points?|pts?)(?![A-Za-z])"
    r"|[ \u00a0]?%p(?:ts?)?(?![A-Za-z])|[ \u00a0]?(?i:ppts?|pp)(?![A-Za-z]))"
)


def _percent_pattern(first_check: bool = True) -> re.Pattern[str]:
    """A number with a unit or points, or the first of a range ("from 16.88 to 25.50 percent");
    behind a cheap check of its first character (a sign or a digit) unless ``first_check`` is
    False (the same matches, found more slowly)."""
    return re.compile(
        (r"(?=[-\u2212+\d])" if first_check else "")
        + r"(?P<sign>(?<![\w.,])[-\u2212+])?(?<![\w.,/])(?P<num>"
        + NUMBER
        + r"(?:[- ]\d/\d\d?)?|\d/\d\d?)"
        r"(?:(?P<points>" + _POINTS + r")|(?P<unit>" + _UNIT + r")"
        r"|(?=[ \u00a0]?(?:-|–|to|and)[ \u00a0]?" + NUMBER + r"(?P<tail>" + _POINTS + r"|" + _UNIT + r")))"
    )


_PERCENT = _percent_pattern()
# "two percent", "twenty-five per cent": the word is checked against numbers.word_value.
_WORD_PERCENT = re.compile(
    r"(?P<sign>(?!))?(?P<tail>(?!))?\b(?P<num>[A-Za-z]+(?:-[A-Za-z]+)?)"
    r"(?:(?P<points>[ -](?i:percentage)[ -](?i:points?))|(?P<unit>[ -](?i:percent|per cent|pct)))\b"
)
# The space or hyphen first, then the letter before it: the engine skips to spaces quickly.
_UNIT_WORD = re.compile(r"[ -](?<=[A-Za-z][ -])(?:percent|per cent|pct|percentage)\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)?$")

# Phrasal verbs whose particle is no change: "set up a fund", "stepped down as CEO".
_NOT_AFTER_UP = "".join(
    rf"(?<!\b{w} )"
    for w in ("set", "sets", "made", "make", "took", "take", "ended", "end", "signed", "sign",
              "back", "backed", "line", "lined", "open", "opened", "follow", "followed", "wrap",
              "brought", "bring", "brings", "came", "come", "comes")
)  # fmt: skip
_NOT_AFTER_DOWN = "".join(
    rf"(?<!\b{w} )"
    for w in ("step", "stepped", "steps", "break", "broken", "broke", "turn", "turned", "turns")
)  # fmt: skip


def _direction_words(first_checks: bool) -> dict[str, tuple[str, ...]]:
    """Words that state a change, by direction; "none" words state a level. With
    ``first_checks``, "up" and "down" are looked at before the phrasal-verb look-backs run."""
    up, down = ("(?=up)", "(?=down)") if first_checks else ("", "")
    return {
        "up": (
            r"r[io]se[ns]?|rising|gr[eo]w[ns]?|growing|growth|increas\w*|"
            + up
            + _NOT_AFTER_UP
            + r"up(?![ \u00a0]+to\b)"
            r"|jump\w*|surg(?:e|ed|es|ing)|gain\w*|expand\w*|expansion|climb\w*|soar\w*|advanc(?:ed|es|ing)"
            r"|add(?:ed|s)|spik(?:e|ed|es|ing)|skyrocket\w*|rall(?:y|ied|ies)|rebound\w*"
            r"|recover(?:s|ed|ing|y)?|boost\w*"
            r"|rais(?:e|ed|es|ing)|hik(?:e|ed|es|ing)|accelerat\w*|widen\w*|improv\w*|doubl\w*"
            r"|tripl\w*|higher|upward|pick(?:ed|s)? up|went up|go(?:es)? up|edg(?:ed|es) up",
        ),
        "down": (
            r"fell|fall(?:s|ing|en)?|declin\w*|drop\w*|"
            + down
            + _NOT_AFTER_DOWN
            + r"down|decreas\w*|contract(?:ed|ing|ion)"
            r"|slip(?:s|ped|ping)?|plung\w*"
            r"|slid(?:e|es|ing)?|lost|los(?:e|es|ing)|loss(?:es)?|shed(?:s|ding)?|shr[ai]nk\w*|shrunk|sank"
            r"|sink(?:s|ing)?"
            r"|tumbl\w*|dip(?:s|ped|ping)?|eas(?:ed|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc\w*"
            r"|narrow(?:s|ed|ing)|plummet\w*"
            r"|slump\w*|retreat\w*|weaken\w*|deteriorat\w*|slow(?:s|ed|ing)|downward|halv\w*|went down",
        ),
        "none": (
            r"unchanged|flat|steady|remain(?:ed|s)?|st(?:ood|ands?) at|hover\w*|kept|maint[ae]in\w*"
            r"|account(?:ed|ing|s)? for|represent\w*|mak(?:e|es|ing) up|made up|comprise\w*"
            r"|was|were|is|are",
        ),
    }


def _left_word_pattern(first_checks: bool = True) -> re.Pattern[str]:
    """Any direction word, named by its direction; behind a cheap check that a letter starts it
    unless ``first_checks`` is False (the same matches, found more slowly)."""
    words = _direction_words(first_checks)
    return re.compile(
        (r"\b(?=[a-z])" if first_checks else r"\b")
        + "(?:"
        + "|".join(rf"(?P<{d}>\b(?:{'|'.join(w)})\b)" for d, w in words.items())
        + ")",
        re.IGNORECASE,
    )


_LEFT_WORD = _left_word_pattern()
_RIGHT_WORD = re.compile(
    r"[ \u00a0]*(?:(?:year-on-year|on-year|y/y|yoy|month-on-month|on-month|m/m|quarter-on-quarter"
    r"|on-quarter|q/q|annual|annualized|annualised|monthly|quarterly|sequential)[ \u00a0]+)?"
    r"(?:(?P<up>increases?|rise|gain|growth|jump|hike|up|higher|more|above|expansion|surge"
    r"|uptick|upturn|rebound|spike|boost|climb|advance|appreciation)"
    r"|(?P<down>decreases?|decline|drop|fall|cut|reduction|down|lower|less|below|contraction"
    r"|loss|slide|dip|plunge|slump|tumble|downturn|depreciation|shrinkage|fewer)"
    r"|(?P<none>of|share|stake|target|threshold|mark|level|rate))\b",
    re.IGNORECASE,
)
_NAMES_A_FIGURE = re.compile(r"\s+(?:forecasts?|targets?|outlook|projections?|estimates?|goals?)\b")
_OWNED = re.compile(r"\b(?:its|their|his|her|our|the|this|that)\s+$", re.IGNORECASE)
_COPULAS = frozenset({"was", "were", "is", "are"})
_CHANGE_NOUN = re.compile(
    r"\b(?:(?P<up>growth|increase|rise|gain|expansion|jump)|(?P<down>decline|decrease|drop|fall"
    r"|contraction|loss|reduction|cut))\s+$",
    re.IGNORECASE,
)
# Where the clause of a number begins: a sentence end, a semicolon, a line, a contrast. Wider
# than a sentence's end (``text.SENTENCE_END``) on purpose: a direction word is read only within
# the number's clause, so any stop before a space or a quote cuts it, even before a lower-case
# word ("... U.S. exports rose"): a cut too many loses a subject word, one too few can borrow
# another clause's direction.
_CLAUSE_START = re.compile(
    r"(?:[.!?](?=[\s\"“”’)]|[A-Z])|;|\n\s*\n|\b(?:while|whereas|but|although|though)\b)",
    re.IGNORECASE,
)
_WINDOW = 110
_MAX_WORDS = 10

_BASES: dict[str, str] = {
    r"year[- ]on[- ]year|on[- ]year|y/y|yoy|from a year (?:earlier|ago|before)"
    r"|(?:from|over|than|compared (?:with|to)) the same (?:period|month|quarter) (?:of )?"
    r"(?:last|a|the previous) year|from (?:the )?(?:previous|prior) year": "year-on-year",
    r"month[- ]on[- ]month|on[- ]month|m/m|from a month (?:earlier|ago|before)"
    r"|from (?:the )?(?:previous|prior) month": "month-on-month",
    r"quarter[- ]on[- ]quarter|on[- ]quarter|q/q|from (?:the )?(?:previous|prior) quarter"
    r"|from a quarter (?:earlier|ago|before)": "quarter-on-quarter",
}
_BASIS = re.compile("|".join(f"(?P<b{i}>{p})" for i, p in enumerate(_BASES)), re.IGNORECASE)
_BASIS_NAMES = tuple(_BASES.values())
_SUBJECT_CUT = re.compile(r"[,(:—–]|\b(?:that|which|while|whereas|when|after|as)\b", re.IGNORECASE)
_SUBJECT_SKIP = frozenset({"the", "a", "an", "its", "their", "his", "her", "also", "has", "have"})
_POINTS_ONLY = re.compile(_POINTS)


def _clause(text: str, start: int) -> int:
    """Where the clause holding position ``start`` begins (at most ``_WINDOW`` back)."""
    lo = max(0, start - _WINDOW)
    ends = [m.end() for m in _CLAUSE_START.finditer(text, lo, start)]
    return ends[-1] if ends else lo


def _left_word(text: str, lo: int, start: int) -> re.Match[str] | None:
    """The nearest direction word before the number, within ``_MAX_WORDS`` words."""
    found = list(_LEFT_WORD.finditer(text, lo, start))
    while found and _NAMES_A_FIGURE.match(text, found[-1].end()):
        found.pop()  # "cut its growth forecast to 0.2%": "growth" names the figure, "cut" moves it
    if not found or len(text[found[-1].end() : start].split()) > _MAX_WORDS:
        return None
    if _OWNED.search(text, found[-1].end(), start):
        return None  # "cut its 2.5 percent rate": the figure names a thing, not the change
    return found[-1]


def _direction(text: str, m: re.Match[str], lo: int) -> tuple[str, re.Match[str] | None]:
    """The direction of change stated for the number, and the word that states it."""
    if m.group("sign") in ("-", "\u2212"):
        return "down", None
    if text[m.start() - 1 : m.start()] == "(" and m.group("sign") != "+":  # "..., UAE (8.9 per cent)"
        grown = GROWTH_LIST.search(text, max(0, m.start() - 300), m.start())
        if grown:
            return ("up" if grown["sign"].lower() == "positive" else "down"), None
    right = _RIGHT_WORD.match(text, m.end())
    if right and right.lastgroup in ("up", "down"):
        return right.lastgroup, None
    left = _left_word(text, lo, m.start())
    if right and right.lastgroup == "none":
        return "none", left
    if left is None:
        return ("up", None) if m.group("sign") == "+" else ("none", None)
    if left.group(0).lower() in _COPULAS:
        return _noun_before(text, lo, left.start()), left
    return left.lastgroup or "none", left


def _noun_before(text: str, lo: int, copula: int) -> str:
    """ "growth was 5 percent" states a rise; "the share was 5 percent" a level."""
    noun = _CHANGE_NOUN.search(text, max(lo, copula - 16), copula)
    return (noun.lastgroup or "none") if noun else "none"


def _basis(text: str, lo: int, start: int, end: int) -> str | None:
    """The comparison stated after the number in its clause, else before it."""
    stop = _CLAUSE_START.search(text, end, end + 80)
    found = _BASIS.search(text, end, stop.start() if stop else end + 80)
    found = found or _BASIS.search(text, lo, start)
    return _BASIS_NAMES[int(found.lastgroup[1:])] if found and found.lastgroup else None


def _subject(text: str, lo: int, stop: int) -> str | None:
    """The last few words before the change word: "ICT exports" in "ICT exports rose"."""
    fragment = _SUBJECT_CUT.split(text[lo:stop])[-1]
    words = [w for w in fragment.split() if w.lower() not in _SUBJECT_SKIP][-6:]
    return " ".join(words).strip(' ,;:"“”') or None


def _is_points(m: re.Match[str]) -> bool:
    unit = m.group("points") or m.group("tail") or ""
    return _POINTS_ONLY.fullmatch(unit) is not None


def _percent(text: str, m: re.Match[str]) -> Percent:
    lo = _clause(text, m.start())
    direction, word = _direction(text, m, lo)
    stop = word.start() if word else m.start()
    return Percent(
        text=m.group(0).strip(),
        value=parse_number(m.group("num")),
        direction=direction,
        basis=_basis(text, lo, m.start(), m.end()),
        subject=_subject(text, lo, stop),
        points=_is_points(m),
        span=Span(m.start(), m.end()),
    )


def _word_percents(text: str, unit_first: bool = True) -> list[re.Match[str]]:
    """ "two percent": found from the unit back, as words before units are few; unless
    ``unit_first`` is False, when ``_WORD_PERCENT`` scans the whole text (the same matches,
    found more slowly)."""
    if not unit_first:
        return [m for m in _WORD_PERCENT.finditer(text) if word_value(m.group("num"))]
    found: list[re.Match[str]] = []
    for unit in _UNIT_WORD.finditer(text):
        word = _LAST_WORD.search(text, max(0, unit.start() - 20), unit.start())
        m = _WORD_PERCENT.match(text, word.start()) if word else None
        if m and word_value(m.group("num")):
            found.append(m)
    return found


def extract_percents(text: str) -> list[Percent]:
    """Every percentage and percentage-point figure in ``text``, in order."""
    found = [
        m
        for m in _PERCENT.finditer(text)
        if m.group("unit") or m.group("points") or not is_year(m.group("num"))
    ]
    found += _word_percents(text)
    return [_percent(text, m) for m in sorted(found, key=lambda m: m.start())]


def distinct_percents(items: tuple[Percent, ...] | list[Percent]) -> list[Percent]:
    """One mention per figure: a value repeated counts once, and a value read both as a
    level and as a change ("from 43 percent to 80 percent", "raise it to 80 percent")
    keeps the change."""
    kept: dict[tuple[float, bool, str], Percent] = {}
    for item in items:
        key = (item.value, item.points, item.direction)
        level = (item.value, item.points, "none")
        if key in kept or (item.direction == "none" and _has_change(kept, item)):
            continue
        kept.pop(level, None)
        kept[key] = item
    return sorted(kept.values(), key=lambda p: p.span.start)


def _has_change(kept: dict[tuple[float, bool, str], Percent], item: Percent) -> bool:
    return any((item.value, item.points, d) in kept for d in ("up", "down"))
