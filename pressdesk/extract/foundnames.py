"""A found organisation name, and the word tests every organisation finder shares.

``FoundName`` is a name with its span and the acronym defined right after it.
A name's head word ("... Association", "Ministry of ...") says it is a body;
sentence words and descriptors before a run ("The", "Meanwhile", "Ohio-based")
are trimmed off; a two- or three-word name shaped like a person's ("David
Brown", "Kim Ho-jin") is not a body's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressdesk.extract.lexicon import (
    CONTINENT_WORDS,
    EAST_ASIAN_SURNAMES,
    GIVEN_NAMES,
    MONTHS,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    SENTENCE_WORDS,
    WEAK_HEADS,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import (
    is_acronym,
    lead_run,
    starts_sentence,
)
from pressdesk.facts import Span

__all__ = [
    "ACRONYM_DEF",
    "FoundName",
    "has_head",
    "initials",
    "head_index",
    "looks_like_person",
    "RUN_ALONE",
    "RUN_LED",
    "RUN_UNQUOTED",
    "trim_leading",
    "with_acronym",
]

# RUN written to start with its capital (fast to search for); not after an apostrophe or a hyphen.
RUN_LED = lead_run()
RUN_UNQUOTED = lead_run("’'")
RUN_ALONE = lead_run("’'-")
ACRONYM_DEF = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z&-]*[A-Z]s?)[,)]")
_SHORT_NAME = re.compile(r"\s*\(([A-Z][\w-]*[a-z][\w-]*)\)")
_LOWER_ACRONYM = re.compile(r"\s*\(([a-z]{3,6})\)")
_COMMA_ACRONYM = re.compile(r",\s*([A-Z]{2,}),")
_OR_ACRONYM = re.compile(r",?\s+or\s+(?:the\s+)?([A-Z]{2,}[A-Za-z]*)(?=[,;.)]|\s+(?:for\s+short|said)\b)")


def _letters_in_order(acronym: str, name: str) -> bool:
    """Whether an acronym's letters stand in the name in order, the first its first:
    "JETRO" in "Japan External Trade Organization"."""
    letters = iter(name.upper())
    return acronym[0].upper() == name[:1].upper() and all(c in letters for c in acronym.upper())


@dataclass(frozen=True, slots=True)
class FoundName:
    """One name found, with the acronym defined right after it, if any."""

    name: str
    span: Span
    acronym: str | None = None


_WORD_AND_SPACE = re.compile(r"\S+\s")


def trim_leading(text: str, start: int, end: int) -> int:
    """Skip capitalised sentence words ("The", "Meanwhile") at the front of a run."""
    while True:
        m = _WORD_AND_SPACE.match(text, start, end)
        if m is None:
            return start
        word = m.group(0).strip()
        descriptor = word.lower().removesuffix("s") in ORG_DESCRIPTORS and word not in ORG_HEADS
        # inside a sentence, a capitalised descriptor is a name's: "Manufacturers Hanover Corp"
        descriptor = descriptor and starts_sentence(text, m.start())
        compound = bool(re.search(r"-[a-z]+$", word))  # "Ohio-based", "U.S.-listed"
        if word not in SENTENCE_WORDS | MONTHS and not descriptor and not compound:
            return start
        start = m.end()


def head_index(words: list[str]) -> int:
    """Index of the last organisation head word, or -1."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ORG_HEADS and not (words[i] in WEAK_HEADS and len(words) < 2):
            return i
    return -1


def has_head(phrase: str) -> bool:
    return head_index(phrase.split()) >= 0


def with_acronym(text: str, span: Span) -> FoundName:
    comma = _COMMA_ACRONYM.match(text, span.end)  # "Chicago Board of Trade, CBT, said"
    if comma and initials(text[span.start : span.end]) == comma.group(1):
        return FoundName(text[span.start : span.end], span, comma.group(1))
    named = _OR_ACRONYM.match(text, span.end)  # "Japan External Trade Organization, or JETRO,"
    if named and _letters_in_order(named.group(1), text[span.start : span.end]):
        return FoundName(text[span.start : span.end], span, named.group(1))
    lower = _LOWER_ACRONYM.match(text, span.end)  # "Department of Trade, Industry and Competition (dtic)"
    if lower and initials(text[span.start : span.end]).lower() == lower.group(1):
        return FoundName(text[span.start : span.end], span, lower.group(1))
    m = ACRONYM_DEF.match(text, span.end) or _SHORT_NAME.match(text, span.end)
    short = m.group(1) if m else None
    unit = m is not None and _SUFFIX_AFTER.match(text, m.end()) is not None
    ok = short and (is_acronym(short) or _short_form(short)) and not unit
    return FoundName(text[span.start : span.end], span, short if ok else None)


def _short_form(short: str) -> bool:
    """ "Hyundai Motor Company (Hyundai)": not a place, a continent or a month."""
    return not (is_place_name(short) or short in MONTHS or short in CONTINENT_WORDS)


# A company suffix after the parentheses: "Nikko Securities Co (Europe) Ltd" names a unit there.
_SUFFIX_AFTER = re.compile(r"\s*(?:Ltd|Limited|AG|GmbH|Inc|Corp|Co|SA|NV|PLC|Plc|plc)\b")


def initials(name: str) -> str:
    """ "Freudenberg Battery Power System" -> "FBPS" (capitalised words only)."""
    return "".join(w[0] for w in re.findall(r"[\w’'.-]+", name) if w[0].isupper())


def looks_like_person(words: list[str]) -> bool:
    """ "David Brown", "Kim Ho-jin": a name shaped like a person's."""
    if len(words) not in (2, 3):
        return False
    korean = words[0] in EAST_ASIAN_SURNAMES and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1])
    return bool(korean) or words[0] in GIVEN_NAMES
