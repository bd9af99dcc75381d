"""Numbers as written in news and releases: digits with separators, and scale words.

``NUMBER`` and ``SCALE`` are regular-expression sources for other extractors to
compose; ``parse_number`` and ``scale_of`` turn the matched text into values.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "SCALE", "is_year", "parse_number", "scale_of", "scaled", "word_value"]

# "1,429.8", "13.0", "50,000", ".5"; thin spaces and no-break spaces are not separators here.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

# Scale words, longest first so that alternation prefers "million" over "m".
_SCALES: dict[str, float] = {
    "lakh crore": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "trln": 1e12,
    "tln": 1e12,
    "trn": 1e12,
    "tril": 1e12,
    "bln": 1e9,
    "bil": 1e9,
    "mln": 1e6,
    "mil": 1e6,
    "mio": 1e6,
    "bn": 1e9,
    "mn": 1e6,
    "tr": 1e12,
    "tn": 1e12,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
    "t": 1e12,
}

_WORDS = sorted((w for w in _SCALES if len(w) > 1), key=len, reverse=True)
_LETTERS = [w for w in _SCALES if len(w) == 1]

# A scale word may follow the number after a space or hyphen ("5.6 tln", "1.69 tln-won");
# a single letter only glued to it ("W845b", "$5m", "$1.2B").
SCALE = (
    r"(?:[\s\u00a0-]?(?i:" + "|".join(_WORDS) + r")s?(?![A-Za-z])"
    r"|(?i:" + "|".join(_LETTERS) + r")(?![A-Za-z]))"
)

_YEAR = re.compile(r"(?:1[89]|20)\d\d")


_SMALL: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


def word_value(text: str) -> int | None:
    """The value of a number written in words up to ninety-nine: "twenty-five" -> 25."""
    tens, _, unit = text.lower().replace(" ", "-").partition("-")
    if not unit:
        return _SMALL.get(tens, _TENS.get(tens))
    if tens in _TENS and unit in _SMALL and _SMALL[unit] < 10:
        return _TENS[tens] + _SMALL[unit]
    return None


def parse_number(text: str) -> float:
    """The value of a written number: ``"1,429.8"`` -> 1429.8, ``"5-1/2"`` -> 5.5,
    ``"twenty"`` -> 20."""
    if text[:1].isalpha():
        return float(word_value(text) or 0)
    whole, _, fraction = text.replace(",", "").replace(" ", "-").rpartition("-")
    if "/" not in fraction:
        return float(text.replace(",", ""))
    top, bottom = fraction.split("/")
    return (float(whole) if whole else 0.0) + int(top) / int(bottom)


def scale_of(word: str | None) -> float:
    """The multiplier of a scale word as matched by ``SCALE`` (1.0 for none)."""
    if not word:
        return 1.0
    key = word.strip().strip("-").lower()  # the separator: a space, a line break, a hyphen
    return _SCALES.get(key, _SCALES.get(key.rstrip("s"), 1.0))


def scaled(text: str, word: str | None) -> float:
    """A written number times its scale word, as written: "2.01" trillion is 2,010,000,000,000
    (the product of two floats is 2,009,999,999,999.9998; fifteen significant digits are as
    many as a float holds exactly, and more than any release writes)."""
    value = parse_number(text) * scale_of(word)
    return float(f"{value:.15g}") if word else value


def is_year(text: str) -> bool:
    """True for a bare four-digit number that reads as a year (1800-2099)."""
    return _YEAR.fullmatch(text) is not None
