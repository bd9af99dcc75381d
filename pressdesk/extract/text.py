"""Token shapes the entity extractors share: capitalised words and runs of them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressdesk.extract.facts import Span

__all__ = [
    "CAP",
    "RUN",
    "find_runs",
    "headline_end",
    "is_title_case",
    "soften_newlines",
    "soften_wrapped",
    "words_of",
]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin-1 capitals, and Latin Extended-A letters ("Šefčovič", "Łukasz")
_ABBREV = r"(?:Co|Inc|Corp|Ltd|Gov|Dr|Mr|Ms|Mrs|Prof|Jr|Sr|St|Sen|Rep|Gen|Lt|Col|Capt|Adm|Smt|Hon|Rt)\."

# One capitalised word: "U.S.", "Co.", "Jung-kwan"-style compounds, "S-OIL", "Muñoz", "A." initials.
CAP = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|{_ABBREV}|[{_UPPER}]\.(?=\s[{_UPPER}])"
    rf"|[{_UPPER}](?:[\w&]|[-'’](?!s\b)(?=\w))*)"
)

# A run of capitalised words separated by single spaces.
RUN = rf"(?<!\w)(?:{CAP})(?:[ \u00a0](?:{CAP}))*"

_RUN = re.compile(RUN)
_WORD = re.compile(CAP)


def find_runs(text: str) -> Iterator[Span]:
    """Every maximal run of capitalised words."""
    for m in _RUN.finditer(text):
        yield Span(m.start(), m.end())


_SOFT_NEWLINE = re.compile(r"(?<=[^\s.:;!?”\"])[ \t]*\n(?=[ \t]*[^\s])")


def soften_newlines(text: str) -> str:
    """Hard-wrapped lines joined with spaces, keeping every offset: "Securities\\nand" -> "Securities and".

    A newline after sentence punctuation, or before or after a blank line, is kept.
    """
    return _SOFT_NEWLINE.sub(lambda m: " " * len(m.group(0)), text)


_BLOCK_LINE = 60  # a line this short, after or before another, is a line of its own


def _joins(text: str, m: re.Match[str]) -> bool:
    """A newline inside wrapped prose, not between two short lines of a block
    ("Jean Tremblay\nPress Secretary\nGlobal Affairs Canada")."""
    before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    end = text.find("\n", m.end())
    after = text[m.end() : end if end >= 0 else len(text)]
    return len(before.strip()) >= _BLOCK_LINE or len(after.strip()) >= _BLOCK_LINE


def soften_wrapped(text: str) -> str:
    """``soften_newlines``, but keeping the lines of a block of short lines (a letterhead,
    a contact block) apart, so that a name on one line and a title on the next stay two."""
    return _SOFT_NEWLINE.sub(lambda m: " " * len(m.group(0)) if _joins(text, m) else m.group(0), text)


def is_title_case(line: str) -> bool:
    """A headline in title case ("Firm Ups Stake In Rival"), where capitals say little."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def headline_end(text: str) -> int:
    """Where the title ends in a document text (title, blank line, body)."""
    end = text.find("\n\n")
    return end if end >= 0 else 0


def words_of(phrase: str) -> list[str]:
    """The capitalised and other words of a phrase, split on spaces."""
    return phrase.replace("\u00a0", " ").split()


def is_acronym(word: str) -> bool:
    """ "KATS", "USTR", "S-OIL", "U.S." (two or more capitals, no lower case)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def first_word_re() -> re.Pattern[str]:
    return _WORD
