"""Indicator names: the short name a reader would give a figure's series as a table column.

A name is made from the words of a noun phrase the grammar found (``figure_grammar``):
dates and the prepositions that bring them dropped ("ICT exports in October 2025" -> "ICT
exports"), articles and quantifiers dropped ("the total exports"), brackets dropped
("Korea Composite Stock Price Index (KOSPI)"), "the number of" and "the value of" dropped
("the number of foreign visitors" -> "foreign visitors"), and kept within the eight words the
evaluation allows. ``is_measure`` tells a name that says what is measured ("ICT exports",
"lending rate") from one that only says whose it is ("Shinhan Bank", "China"); the extractor
adds the measure to the latter ("Shinhan Bank share").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressdesk.extract.figure_grammar import Token
from pressdesk.extract.figure_words import (
    DROP_WORDS,
    GENERIC_HEADS,
    MEASURE_HEADS,
    RATE_WORDS,
    SIBLING_HEADS,
    STOP_LEFT,
    STRONG_MEASURES,
)
from pressdesk.facts import Span

__all__ = [
    "is_generic",
    "is_measure",
    "fit",
    "is_pronoun",
    "name_from",
    "owner_of",
    "possessive",
    "sibling_name",
    "with_rate",
    "word_count",
]

_MAX_WORDS = 8
_SCORED_STOP = frozenset({"the", "of", "in", "for", "and", "a", "an"})
_PREPOSITIONS = frozenset(
    {
        "in",
        "for",
        "on",
        "at",
        "during",
        "over",
        "amid",
        "among",
        "from",
        "to",
        "of",
        "by",
        "since",
        "through",
        "until",
        "as",
        "with",  # "trade with Indonesia", "the deficit with China"
        "between",  # "trade between the UK and the GCC"
        "into",  # "investment inflows into Saudi Arabia"
    }
)
_PARTICIPLE = re.compile(r"[a-z]{3,}(?<!e)ed|coursed|sourced|based|made|sold|held|issued|owned|traded")


def _post_modifier(lows: list[str], i: int) -> bool:
    """A participle followed by a preposition: "coursed through", "made in", "shipped to"."""
    after = lows[i + 1] if i + 1 < len(lows) else ""
    return bool(_PARTICIPLE.fullmatch(lows[i])) and (after in _PREPOSITIONS or after == "through")
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "which", "who", "he", "she", "we"})
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_DROPPED_PHRASES = (
    ("number", "of"),
    ("value", "of"),
    ("level", "of"),
    ("amount", "of"),
    ("volume", "of"),
    ("total", "of"),
    ("last", "week"),
    ("this", "week"),
    ("next", "week"),
    ("last", "weekend"),
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_PERIOD_NOUNS = frozenset(
    {"half", "quarter", "period", "year", "month", "months", "season", "fiscal", "calendar", "week"}
)
_PERIOD_WORDS = _PREPOSITIONS | _PERIOD_NOUNS | {"the", "first", "second", "third", "fourth", "last"}


def _after_date(tokens: list[Token], i: int, dates: list[Span]) -> bool:
    """A period noun right after a date: "half" in "for the April-September half"."""
    return i > 0 and any(s.start <= tokens[i - 1].start < s.end for s in dates)


_MONTH_NAMES = frozenset(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December")
)


def name_from(tokens: list[Token], start: int, end: int, dates: list[Span]) -> str:
    """The name the tokens ``start:end`` give, cleaned (see the module docstring)."""
    words = _content(tokens, start, end, dates)
    while words and (
        words[0].lower() in STOP_LEFT
        or words[0].lower() in DROP_WORDS
        or not words[0][:1].isalnum()
        or words[0] in _MONTH_NAMES  # a dateline's "April 8 (CNA) Taiwan's exports"
    ):
        words.pop(0)
    while words and (
        words[-1].lower() in _PREPOSITIONS or words[-1].lower() in DROP_WORDS or words[-1] in ",'"
    ):
        words.pop()
    joined = " ".join(words).replace(" ,", ",").replace(" .", ".").replace("’", "'").replace(" 's", "'s")
    return fit(joined)


def _content(tokens: list[Token], start: int, end: int, dates: list[Span]) -> list[str]:
    """The words of a phrase without dates (and the preposition before one), brackets,
    numbers and dropped words."""
    words: list[str] = []
    depth = 0
    skip = start
    for i in range(start, end):
        token = tokens[i]
        if i < skip:
            continue
        if token.low == "(" and not depth and _abbreviates(words, tokens, i, end):
            skip = i + 3  # "electrical and electronic (E&E) products": the words gave way to "E&E"
            continue
        if token.low in ("(", "[") or token.low in (")", "]"):
            depth += 1 if token.low in ("(", "[") else -1
            continue
        if token.quantity >= 0 and not depth:
            if words and words[-1].lower() in _PREPOSITIONS:
                words.pop()
            break  # "the ratio for 234 newly listed companies" -> "ratio"
        if depth > 0 or any(s.start <= token.start < s.end for s in dates):
            while not depth and words and words[-1].lower() in _PERIOD_WORDS:
                words.pop()  # "for the month of October", "in the first half of 2025"
            continue
        if words and token.low in _PERIOD_NOUNS and _after_date(tokens, i, dates):
            continue  # "the April-September half"
        if token.low in DROP_WORDS or token.low in (",", ".") and not words:
            continue
        if (
            token.text[:1].isdigit()
            and "-" not in token.text
            or token.low == "/"
            and words
            and words[-1][:1].isdigit()
        ):
            continue  # "In 1987 / 88 coffee production": a season, not a name's word
        if _dropped_phrase(tokens, i, end):
            continue
        words.append(token.text)
    _drop_same_period(words)
    return [w for w in words if w not in ('"', "“", "”", "'")]


_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,7}")


def _abbreviates(words: list[str], tokens: list[Token], i: int, end: int) -> bool:
    """Whether the bracket opening at ``i`` holds only an acronym of the words before it
    ("electrical and electronic (E&E)"); if so, those words are replaced by it in ``words``."""
    if i + 2 >= end or tokens[i + 2].low != ")" or not _ACRONYM.fullmatch(tokens[i + 1].text):
        return False
    letters = [c for c in tokens[i + 1].text if c.isalpha()]
    taken, n = 0, len(words)
    for w in reversed(words):
        if w.lower() in ("and", "&", "of"):
            taken += 1
            continue
        if w[:1].upper() != letters[-1]:
            break
        letters.pop()
        taken += 1
        if not letters:
            del words[n - taken :]
            words.append(tokens[i + 1].text)
            return True
    return False


def _drop_same_period(words: list[str]) -> None:
    """ "Imports over the same period": the period is the figure's, not part of its name."""
    lows = [w.lower() for w in words]
    for size in (4, 3):  # "over the same period", "in same quarter"
        tail = lows[-size:]
        if len(lows) > size and tail[0] in _PREPOSITIONS and tail[-1] in _PERIOD_NOUNS and (
            tail[-2] in ("same", "corresponding", "comparable")
        ):
            del words[-size:]
            return


def _dropped_phrase(tokens: list[Token], i: int, end: int) -> bool:
    """ "number of" in "the number of foreign visitors" (either word)."""
    for first, second in _DROPPED_PHRASES:
        if tokens[i].low == first and i + 1 < end and tokens[i + 1].low == second:
            return True
        if tokens[i].low == second and i > 0 and tokens[i - 1].low == first:
            return True
    return False


def fit(name: str) -> str:
    """At most eight words as the evaluation counts them: trailing phrases cut first, then
    leading words."""
    while word_count(name) > _MAX_WORDS:
        words = name.split()
        cut = max((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS and i > 0), default=0)
        name = " ".join(words[:cut] if cut else words[1:])
    return name


def word_count(name: str) -> int:
    """The words of a name as the evaluation counts them (stop words aside)."""
    return len(
        [w for w in _WORD.findall(name.replace("'", "").replace("’", "")) if w.lower() not in _SCORED_STOP]
    )


def _lows(name: str) -> list[str]:
    return [w.strip(",.;:()'’\"") for w in name.lower().replace("'s ", " ").replace("’s ", " ").split()]


def is_measure(name: str) -> bool:
    """A name that says what is measured: its head (the last word before a preposition) is an
    indicator's head noun ("ICT exports", "exports to China", "rate on new loans"), or it names
    a measure outright ("gross domestic product"); "UK Export Finance" names a body."""
    lows = _lows(name)
    # the head ends before a preposition, or a participle that opens one ("remittances coursed
    # through banks"; not "the advanced chip exports")
    head = next((i for i, w in enumerate(lows) if i > 0 and (w in _PREPOSITIONS or _post_modifier(lows, i))),
                len(lows)) - 1
    if head >= 0 and lows[head] in MEASURE_HEADS:
        return True
    return any(w in STRONG_MEASURES for w in lows) or "domestic product" in name.lower()


def is_generic(name: str) -> bool:
    """A name too general to stand alone ("the rate", "the previous record")."""
    lows = [w for w in _lows(name) if w not in ("previous", "prior", "earlier", "same", "latest", "all-time")]
    return not lows or len(lows) == 1 and lows[0] in GENERIC_HEADS


def is_pronoun(tokens: list[Token], start: int, end: int) -> bool:
    """A subject that is only a pronoun ("it", "they") or a demonstrative with one noun
    ("that demand")."""
    lows = [t.low for t in tokens[start:end] if t.low not in ("also", "then", ",")]
    return bool(lows) and (lows[0] in _PRONOUNS and len(lows) <= 2)


def possessive(tokens: list[Token], start: int, end: int) -> bool:
    """A subject that starts with a possessive pronoun: "its profit", "their exports"."""
    return end > start and tokens[start].low in _POSSESSIVES


def owner_of(name: str) -> str | None:
    """Whose a name's measure is: "Korea's ICT exports" -> Korea, "exports by MMEs" -> MMEs,
    "Hana Bank" -> Hana Bank."""
    if "'s " in name:
        return name.split("'s ")[0]
    by = re.search(r"\bby\s+(.+)$", name)
    if by:
        return by.group(1)
    return None if is_measure(name) else name


def with_rate(name: str) -> str:
    """A percent level's name says it is a rate: "mortgage loans" -> "mortgage loans rate"."""
    return name if any(w in RATE_WORDS for w in _lows(name)) else f"{name} rate"


_DIRECTIONS = frozenset({"outbound", "inbound", "outgoing", "incoming"})  # no sibling's qualifier
# A flow to or from a partner: "India's exports to EFTA countries", "imports from Japan".
_FLOW_WITH = re.compile(
    r"^(?P<owner>[^']+'s\s+)?(?P<head>exports|imports|shipments)\s+(?:to|from)\s+(?P<partner>.+)$",
    re.IGNORECASE,
)
_OTHER_WAY = frozenset({"exports", "imports"})
_OF_ALL_TRADE = frozenset({"foreign", "external", "international", "overall", "total"})  # ... nor these


def sibling_name(name: str, previous: str | None, names: Sequence[str] = ()) -> str:
    """A bare head after a qualified sibling takes its qualifiers: "Imports" after "ICT
    exports" -> "ICT imports"; not in a release whose ``names`` so far hold a bare head of the
    family ("Exports fell 2.4% ... a 26.7% plunge in car exports. Imports rose": all imports)."""
    lows = _lows(name)
    if previous is None or len(lows) != 1:
        return name
    family = [group for group in SIBLING_HEADS if lows[0] in group]
    if any(len(bare := _lows(n)) == 1 and any(bare[0] in g for g in family) for n in names):
        return name
    flow = _FLOW_WITH.match(previous)
    overall = any(_lows(n)[-1:] in (["exports"], ["imports"]) for n in names)  # "German exports" told
    if flow and lows[0] in _OTHER_WAY and flow["head"].lower() != lows[0] and not overall:
        # "exports to EFTA countries ..., while imports were": imports from them
        way = "to" if lows[0] in ("exports", "shipments") else "from"
        return f"{flow['owner'] or ''}{name.lower() if flow['owner'] else name} {way} {flow['partner']}"
    prev = previous.split()
    if len(prev) < 2:
        return name
    head = prev[-1].lower()
    if not any(lows[0] in group and head in group for group in SIBLING_HEADS):
        return name
    qualifiers = [q for q in prev[:-1] if q.lower() not in _DIRECTIONS]  # "Outbound shipments"
    if head in ("balance", "surplus", "deficit") and qualifiers and qualifiers[-1].lower() == "trade":
        qualifiers = qualifiers[:-1]  # "trade deficit" -> "exports", not "trade exports"
        while qualifiers and qualifiers[-1].lower() in _OF_ALL_TRADE:  # "foreign trade deficit"
            qualifiers = qualifiers[:-1]
    return " ".join([*qualifiers, name.lower() if qualifiers else name])
