"""Text shapes the extractors share: capitalised words and runs of them, and sentences.

Sentences are told one way for every extractor (``SENTENCE_END``): by a full
stop, "!" or "?" before a capitalised word, or by a blank line. The functions
below find the sentence around a position (``sentence_start``,
``sentence_bounds``), every sentence of a text (``sentence_starts``,
``sentence_index``), whether one begins at a position (``starts_sentence``) and
the last one of a phrase (``last_sentence``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from pressdesk.facts import Span

__all__ = [
    "CAP",
    "HONORIFIC_STOPS",
    "RUN",
    "LINE_END",
    "UPPER",
    "SENTENCE_END",
    "SPOKE_OF_ITSELF",
    "caseless_words",
    "find_first_of",
    "find_runs",
    "headline_end",
    "is_hard_wrapped",
    "is_title_case",
    "lead_alternation",
    "lead_cap",
    "last_sentence",
    "lead_run",
    "sentence_bounds",
    "sentence_index",
    "sentence_start",
    "sentence_starts",
    "sentence_stop",
    "soften_newlines",
    "soften_wrapped",
    "starts_sentence",
    "words_of",
]

# A speaker that speaks of itself as "it": a body, not a person ("Hanwha Ocean said Tuesday it
# has won an order", "Acme said its profit rose"), matched right after the name.
SPOKE_OF_ITSELF = re.compile(
    r"\s+(?:said|says|announced|added|reported)(?:\s+on)?(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|today|yesterday))?(?:\s+that)?\s+(?:its\s|it\s+(?:has|had|will|would|plans|planned"
    r"|expects|expected|aims|intends|won|signed|agreed|posted|reported|recorded|sold|bought|completed))"
)


# Latin-1 capitals, and Latin Extended-A letters ("Šefčovič", "Łukasz"): the first letters of CAP.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_ABBREVIATIONS = (
    "Co", "Inc", "Corp", "Ltd", "Gov", "Dr", "Mr", "Ms", "Mrs", "Prof", "Jr", "Sr",
    "St", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Adm", "Smt", "Hon", "Rt",
)  # fmt: skip
_ABBREV = rf"(?:{'|'.join(_ABBREVIATIONS)})\."
_ABBREV_REST = rf"(?:{'|'.join(f'(?<={a[0]}){a[1:]}' for a in _ABBREVIATIONS)})\."

# One capitalised word: "U.S.", "Co.", "Jung-kwan"-style compounds, "S-OIL", "Muñoz", "A." initials.
CAP = (
    rf"(?:(?:[{UPPER}]\.){{2,}}|{_ABBREV}|[{UPPER}]\.(?=\s[{UPPER}])"
    rf"|[{UPPER}](?:[\w&]|[-'’](?!s\b)(?=\w))*)"
)

# A run of capitalised words separated by single spaces.
RUN = rf"(?<!\w)(?:{CAP})(?:[ \u00a0](?:{CAP}))*"

# CAP with its first letter already matched: each alternative in CAP's order, its first letter
# checked by a look-behind where CAP names it ("Co." -> "(?<=C)o\.").
_CAP_REST = (
    rf"(?:\.(?:[{UPPER}]\.)+|{_ABBREV_REST}|\.(?=\s[{UPPER}])"
    rf"|(?:[\w&]|[-'’](?!s\b)(?=\w))*)"
)


def lead_cap(not_after: str = "") -> str:
    """``CAP`` not preceded by a word character or one of ``not_after`` ("’'-"), written to
    begin with its first capital.

    The same matches as ``rf"(?<![\\w{not_after}]){CAP}"``, but a pattern that starts with a
    character class lets the regex engine skip straight to the next capital instead of trying
    a match at every character (several times faster on prose).
    """
    return rf"[{UPPER}](?<![\w{not_after}].)(?:{_CAP_REST})"


def lead_run(not_after: str = "") -> str:
    """``RUN`` not preceded by a character of ``not_after``, beginning with its first capital
    (see ``lead_cap``)."""
    return rf"{lead_cap(not_after)}(?:[ \u00a0](?:{CAP}))*"


def lead_alternation(forms: Iterable[str], not_after: str) -> str:
    """The alternation of ``forms`` (tried in the order given), not preceded by a character of
    the class ``not_after``, grouped by first character so that the regex engine skips to
    possible first letters: the same matches as ``rf"(?<!{not_after})(?:{'|'.join(forms)})"``
    with every form escaped."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(re.escape(form[1:]))
    return "|".join(
        rf"{re.escape(first)}(?<!{not_after}.)(?:{'|'.join(rest)})" for first, rest in groups.items()
    )


# Letters outside ASCII that ignore-case matching pairs with ASCII ones ("ſ" with "s").
_CASE_PARTNERS = "İıſK"


def _caseless_class(letter: str) -> str:
    """Every character that ``(?i:letter)`` matches, as a character class."""
    same = re.compile(f"(?i:{re.escape(letter)})")
    chars = {c for c in (letter.lower(), letter.upper(), *_CASE_PARTNERS) if same.fullmatch(c)}
    return f"[{''.join(re.escape(c) for c in sorted(chars))}]"


def caseless_words(forms: Iterable[str], not_after: str = "") -> str:
    """The alternation ``(?i:form|form|...)`` (tried in the order given), grouped by first letter
    behind a character class: the same matches, but the regex engine tells at once which group
    can start at a character instead of trying every form. With ``not_after`` (a character
    class), no form may follow one of its characters; forms that all start with one letter then
    make a pattern the engine skips through to that letter."""
    guard = f"(?<!{not_after}.)" if not_after else ""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0].casefold(), []).append(re.escape(form[1:]))
    return "|".join(f"{_caseless_class(first)}{guard}(?i:{'|'.join(rest)})" for first, rest in groups.items())


_RUN = re.compile(lead_run())
_WORD = re.compile(CAP)


def find_runs(text: str) -> Iterator[Span]:
    """Every maximal run of capitalised words."""
    for m in _RUN.finditer(text):
        yield Span(m.start(), m.end())


def find_first_of(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches ``re.finditer`` finds for the alternation of ``patterns`` (none matching an
    empty string), with the index of the pattern each is from: leftmost first, the earlier
    pattern where two match at one place, the search going on after each match.

    Searched one by one, each pattern can begin with a character the regex engine skips to,
    where their alternation would be tried at every character.
    """
    found = [p.search(text) for p in patterns]
    pos = 0
    while True:
        for i, m in enumerate(found):
            if m is not None and m.start() < pos:
                found[i] = patterns[i].search(text, pos)
        hits = [(m.start(), i, m) for i, m in enumerate(found) if m is not None]
        if not hits:
            return
        _, index, match = min(hits, key=lambda hit: hit[:2])
        yield index, match
        pos = match.end()


_SOFT_NEWLINE = re.compile(r"(?<=[^\s.:;!?”\"])[ \t]*\n(?=[ \t]*[^\s])")


def soften_newlines(text: str) -> str:
    """Hard-wrapped lines joined with spaces, keeping every offset: "Securities\\nand" -> "Securities and".

    A newline after sentence punctuation, or before or after a blank line, is kept.
    """
    return _SOFT_NEWLINE.sub(lambda m: " " * len(m.group(0)), text)


_BLOCK_LINE = 60  # a line this short, after or before another, is a line of its own
_WRAPPED_LINE = 40  # ... in a text wrapped at a fixed width (a wire's 65 columns)


def _joins(text: str, m: re.Match[str], short: int) -> bool:
    """A newline inside wrapped prose, not between two short lines of a block
    ("Jean Tremblay\nPress Secretary\nGlobal Affairs Canada")."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if m.start() - line_start >= short and len(text[line_start : m.start()].strip()) >= short:
        return True
    end = text.find("\n", m.end())
    end = end if end >= 0 else len(text)
    return end - m.end() >= short and len(text[m.end() : end].strip()) >= short


@functools.lru_cache(maxsize=4)  # people and quotes soften the same text, one after the other
def soften_wrapped(text: str) -> str:
    """``soften_newlines``, but keeping the lines of a block of short lines (a letterhead,
    a contact block) apart, so that a name on one line and a title on the next stay two.
    A line is short under 60 characters, or under 40 in a text wrapped at a fixed width
    (``is_hard_wrapped``), whose lines all end before 80."""
    short = _WRAPPED_LINE if is_hard_wrapped(text) else _BLOCK_LINE
    return _SOFT_NEWLINE.sub(
        lambda m: " " * len(m.group(0)) if _joins(text, m, short) else m.group(0), text)


def is_hard_wrapped(text: str) -> bool:
    """A text whose lines were wrapped at a fixed width, as a wire or a plain-text dump
    writes them: four line breaks or more, most of them inside a sentence, and its lines
    of 40 to 80 characters, as a rule (a block of short lines is no wrapped text)."""
    breaks = text.count("\n")
    if breaks < 4:
        return False
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    soft = sum(1 for _ in _SOFT_NEWLINE.finditer(text))
    return soft >= breaks / 2 and 40 <= lengths[len(lengths) // 2] <= 80


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


# ---------------------------------------------------------------- sentences

# Where a sentence ends: ".", "!" or "?" before white space and a capital, an opening quote or a
# bracket ("rose. The", "said. “We"), or glued to a capitalised word ("demand.The", where a page's
# paragraphs were run together); and a blank line. "3.5 percent" and "rose. exports" end none;
# an initial before a capitalised word ("the U.S. Trade ...") does, as the text alone cannot tell,
# but for the wires' "U.S. Dlrs".
# A line that opens with a bullet ("• ", or "- " before a capital or a digit: in wrapped text a
# line may open with a dash that goes on with the sentence, "- fell 1.60 billion") is an item
# of a list: a sentence of its own.
# A title's stop before a name ends no sentence: "held talks with Mr. Howard Lutnick".
HONORIFIC_STOPS = "".join(rf"(?<!\b{t}\.)" for t in ("Mr", "Mrs", "Ms", "Dr", "Prof", "St"))
SENTENCE_END = re.compile(  # each branch opens with a character, which keeps the scan fast
    r"[.!?](?:" + HONORIFIC_STOPS + r"(?<!\bU\.S\.)(?=\s+[A-Z\"“(]|[A-Z][a-z])"
    r"|(?<=\bU\.S\.)(?=\s+(?!D(?:lrs|ollars?)\b)[A-Z\"“(]))"
    r"|\n(?:\s*\n|[ \t]*[•▪][ \t]*|[ \t]*[-*–][ \t]+(?=[A-Z\d\"“(]))"
)

# The same, where a line break ends a sentence too: in text whose lines are paragraphs or
# headings (a quotation never runs past its line; a title phrase never past its heading).
LINE_END = re.compile(rf"{SENTENCE_END.pattern}|\n")


def sentence_starts(text: str, ends: re.Pattern[str] = SENTENCE_END) -> list[int]:
    """Where each sentence of ``text`` begins, in order (the first at 0); ``ends`` may add
    breaks of its own to ``SENTENCE_END``'s (a clause's semicolon)."""
    return [0] + [m.end() for m in ends.finditer(text)]


def sentence_index(starts: list[int], pos: int) -> int:
    """Which sentence, of those beginning at ``starts``, holds ``pos``."""
    return bisect_right(starts, pos) - 1


def sentence_start(text: str, pos: int, reach: int, ends: re.Pattern[str] = SENTENCE_END) -> int:
    """Where the sentence holding ``pos`` begins, looking back at most ``reach`` characters.

    Only the text before ``pos`` is read: a full stop right before ``pos`` ends a sentence
    only if what follows it within that text says so."""
    lo = max(0, pos - reach)
    found = [m.end() for m in ends.finditer(text, lo, pos)]
    return found[-1] if found else lo


def sentence_stop(text: str, pos: int, reach: int, ends: re.Pattern[str] = SENTENCE_END) -> int:
    """Where the sentence holding ``pos`` ends, looking on at most ``reach`` characters (the
    text beyond them unread, as in ``sentence_start``)."""
    stop = ends.search(text, pos, pos + reach)
    return stop.start() if stop else min(len(text), pos + reach)


def sentence_bounds(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, reaching at most ``reach`` characters either way."""
    return sentence_start(text, start, reach), sentence_stop(text, end, reach)


def last_sentence(phrase: str, ends: re.Pattern[str] = LINE_END) -> str:
    """The part of ``phrase`` after its last sentence end: "Korea. Trade Minister" -> "Trade Minister"."""
    return phrase[sentence_start(phrase, len(phrase), len(phrase), ends) :].lstrip()


# Openings where a capital is due whatever the word: a line, a quotation, what a colon or a dash
# introduces (a sentence's start is told by SENTENCE_END).
_OPENING = re.compile(r"(?:[:\n]\s*|[“\"]|-- )$")


def starts_sentence(text: str, pos: int) -> bool:
    """A sentence, a line, a quotation or what a colon introduces begins at ``pos`` (within a
    few spaces): a capital there says nothing of a name."""
    lo = max(0, pos - 4)
    if pos == 0 or _OPENING.search(text, lo, pos):
        return True
    stop = len(text[lo:pos].rstrip()) + lo - 1  # the character before the spaces
    return stop >= lo and SENTENCE_END.match(text, stop) is not None
