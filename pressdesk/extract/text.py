"""Token shapes the entity extractors share: capitalised words and runs of them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressdesk.extract.facts import Span

__all__ = ["CAP", "RUN", "find_runs", "words_of"]

_UPPER = "A-ZÀ-ÖØ-Þ"
_ABBREV = r"(?:Co|Inc|Corp|Ltd|Gov|Dr|Mr|Ms|Mrs|Prof|Jr|Sr|St|Sen|Rep|Gen|Lt|Col|Capt|Adm)\."

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


def words_of(phrase: str) -> list[str]:
    """The capitalised and other words of a phrase, split on spaces."""
    return phrase.replace("\u00a0", " ").split()


def is_acronym(word: str) -> bool:
    """ "KATS", "USTR", "S-OIL", "U.S." (two or more capitals, no lower case)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def first_word_re() -> re.Pattern[str]:
    return _WORD
