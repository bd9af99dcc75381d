"""Names kept whole: a found name grown back over the words a run of capitals cut off.

Runs of capitalised words stop at "and", "&", a possessive "'s" and sentence
words, so a finder may see only the end of a name. ``whole_name`` gives each
found name back its front when the text shows it is one name:

- "American Telephone and Telegraph Co.", "Procter and Gamble Co": a short run
  with no head word of its own, joined by "and" to a name whose own front is one
  word, and written nowhere else in the text alone ("Samsung and Hyundai Motor
  Co." stays two when the text names Samsung again);
- "Johnson & Johnson Inc.": "&" joins its two sides unless the left is a body;
- "Moody's Investors Service", "McDonald's Corp.": a possessive that is no
  place, before a company's name;
- "First Boston Corp.": an ordinal ("First", "Second") inside a sentence, or
  before a company's name anywhere.

A name grown this way that turns out to be a committee's ("House Ways and
Means Committee") is then dropped by ``is_plausible``, never cut to "House Ways".
"""

from __future__ import annotations

import re

from pressdesk.extract.foundnames import FoundName, head_index
from pressdesk.extract.lexicon import DOMAIN_WORDS, MONTHS, NON_ORG_WORDS, ORG_HEADS, SENTENCE_WORDS, TITLES
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import is_acronym, starts_sentence
from pressdesk.facts import Span

__all__ = ["whole_name"]

_ORDINALS = frozenset({"First", "Second", "Third", "Fourth", "Fifth"})

# The heads of companies' names, after which a possessive is part of the name.
_COMPANY_HEADS = frozenset(
    {"Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Company", "Corporation", "Service",
     "Services", "Securities", "Group", "Holdings", "Bancorp", "Partners", "Investments", "PLC", "Plc",
     "plc"}
)

# A capitalised word, with its dots where they are inside it ("U.S.") or end an abbreviation
# ("Co.", "Corp."), never a full stop.
_SUFFIXES = frozenset({"Co", "Corp", "Inc", "Ltd", "LLC", "PLC", "Plc", "plc", "AG", "GmbH", "NV",
                       "SA"})

_CAP_WORD = r"[A-Z](?:[\w-]|\.(?=\w))*(?:(?:(?<=Co)|(?<=Corp)|(?<=Inc)|(?<=Ltd)|(?<=Bros)|(?<=\.[A-Z]))\.)?"
_JOINED_BEFORE = re.compile(rf"((?:{_CAP_WORD} ){{0,2}}{_CAP_WORD}) (and|&) $")
_POSSESSIVE_BEFORE = re.compile(rf"(?<![\w'’])({_CAP_WORD})['’]s $")
_ORDINAL_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+) $")


def _front(words: list[str]) -> list[str]:
    """The words of a name before its first head word ("Telegraph" of "Telegraph Co.", "Means"
    of "Means Committee")."""
    heads = [i for i in range(len(words)) if head_index(words[: i + 1]) == i or words[i] in NON_ORG_WORDS]
    return words[: heads[0]] if heads else words


def _plain_run(words: list[str]) -> bool:
    """Capitalised words naming no body, place or title on their own."""
    return (
        head_index(words) < 0
        and words[0] not in SENTENCE_WORDS | MONTHS | TITLES
        and not all(is_place_name(w) for w in words)
        and not is_place_name(" ".join(words))
    )


def _written_alone(text: str, left: str, joined: str) -> bool:
    """``left`` occurs in ``text`` as words of its own, outside every writing of ``joined``."""
    inside = [range(m.start(), m.end()) for m in re.finditer(re.escape(joined), text)]
    for m in re.finditer(rf"(?<![\w-]){re.escape(left)}(?![\w-])", text):
        if not any(m.start() in r for r in inside):
            return True
    return False


def _joined_start(text: str, found: FoundName) -> int | None:
    """Where "X and" or "X &" before the name starts, when it belongs to the name."""
    m = _JOINED_BEFORE.search(text, max(0, found.span.start - 60), found.span.start)
    if m is None:
        return None
    left, words = m.group(1), m.group(1).split()
    front = _front(found.name.split())
    if not _plain_run(words) or len(front) != 1 or is_acronym(front[0]) or front == found.name.split():
        return None
    if m.group(2) == "and" and _written_alone(text, left, m.group(0) + found.name):
        return None
    return m.start(1)


def _possessive_start(text: str, found: FoundName) -> int | None:
    m = _POSSESSIVE_BEFORE.search(text, max(0, found.span.start - 40), found.span.start)
    words = found.name.split()
    if m is None or not set(words) & _COMPANY_HEADS:
        return None
    owner = m.group(1)
    if owner in SENTENCE_WORDS | MONTHS | TITLES or is_place_name(owner) or is_acronym(owner):
        return None
    return m.start(1)


def _ordinal_start(text: str, found: FoundName) -> int | None:
    m = _ORDINAL_BEFORE.search(text, max(0, found.span.start - 12), found.span.start)
    if m is None or m.group(1) not in _ORDINALS:
        return None
    if starts_sentence(text, m.start(1)) and not set(found.name.split()) & _COMPANY_HEADS:
        return None
    return m.start(1)


_GROWERS = (_joined_start, _possessive_start, _ordinal_start)

_JOINED_AFTER = re.compile(rf" (?:and|&) ((?:{_CAP_WORD} ){{0,2}}{_CAP_WORD})")


def _bare_portfolio(words: list[str]) -> bool:
    """ "Exchange Commission": portfolio and head words only, a body's name's end."""
    return head_index(words) == len(words) - 1 and all(w in DOMAIN_WORDS or w in ORG_HEADS for w in words)


def _joined_end(text: str, found: FoundName) -> int | None:
    """ "House Ways" + " and Means Committee": a name that does not end in a head word, whose
    head the words after its "and" hold; "U.S. Securities" + " and Exchange Commission": a
    name followed by words that name no body on their own."""
    m = _JOINED_AFTER.match(text, found.span.end)
    words = found.name.split()
    if m is None or words[0] in SENTENCE_WORDS | MONTHS | TITLES:
        return None
    right = m.group(1).split()
    if _bare_portfolio(right) and words[-1].rstrip(".") not in _SUFFIXES:
        return m.end(1)
    front = _front(right)
    if head_index(words) == len(words) - 1 or len(front) != 1 or is_acronym(front[0]):
        return None
    if not (head_index(right) >= 0 or right[-1] in NON_ORG_WORDS):
        return None
    if " and " in m.group(0) and _written_alone(text, found.name, found.name + m.group(0)):
        return None
    return m.end(1)


def whole_name(text: str, found: FoundName) -> FoundName:
    """``found`` grown back over the front its run lost, as often as the text allows."""
    end = _joined_end(text, found)
    if end is not None:
        found = FoundName(text[found.span.start : end], Span(found.span.start, end))
    while True:
        start = next((s for grow in _GROWERS if (s := grow(text, found)) is not None), None)
        if start is None:
            return found
        found = FoundName(text[start : found.span.end], Span(start, found.span.end), found.acronym)
