"""Quotations and who said them.

A quote is text in curly or straight double quotes of four words or more
(shorter ones are names and scare quotes, unless a speech verb follows: "“Not now,” she
said"). Its speaker is the person named in
the same sentence before it ("Minister Kim emphasized that “...”"), the
person named right after it ("“...,” said Lee Ho-geun"), when a pronoun
speaks ("He added, “...”") the last person named before it, and when a title
speaks ("“...,” the minister said") the last person named with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pressdesk.extract.text import LINE_END, sentence_start, sentence_stop, soften_wrapped
from pressdesk.facts import Person, Quote, Span

__all__ = ["extract_quotes"]

_QUOTED = re.compile(r"“([^“”\n]+)(?:”|$)|\"([^\"\n]+)\"", re.MULTILINE)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_SPEECH = re.compile(r"\b(?:said|says|added|noted|stated|told|explained|continued|according to)\b")
_MIN_WORDS = 4
_AFTER_WINDOW = 60
_FOLLOW_WINDOW = 300


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    mentions: list[tuple[int, str]]  # (offset, canonical name), in text order
    roles: dict[str, str]  # canonical name -> role, for "the minister said"


_TITLE_SPEAKER = re.compile(r"\b[Tt]he ([a-z]+(?: [a-z]+)?) (?:said|says|added|noted|stated|told)\b")
_TITLE_SPEAKER_BEFORE = re.compile(
    r"\b[Tt]he ([a-z]+(?: [a-z]+)?) (?:said|says|added|noted|stated)[^“\"]{0,40}$"
)


def _titled_speaker(ctx: _Context, span: Span) -> str | None:
    """ "“...,” the minister said": the last person before the quote whose role has that title."""
    after = _TITLE_SPEAKER.match(ctx.text[span.end : span.end + 40].lstrip(' ,.”"\u00a0'))
    before = _TITLE_SPEAKER_BEFORE.search(ctx.text, max(0, span.start - 80), span.start)
    found = after or before
    if found is None:
        return None
    title = found.group(1)
    named = [name for pos, name in ctx.mentions if pos < span.start]
    return next((n for n in reversed(named) if title.split()[-1] in ctx.roles.get(n, "").lower()), None)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins; a colon before a quote reaches back one more.

    A line break ends a sentence here too (``LINE_END``): a quotation never runs past its line,
    and a person named on an earlier line speaks in another paragraph. Looking on after a
    quote (``_named_after``) lines do not count, as a speaker's name may wrap ("said Rep.\\n
    Vic Fazio")."""
    before = text[:pos].rstrip(' “"\n\u00a0')
    if before.endswith(":"):
        pos = len(before)
    return sentence_start(text, pos, 400, LINE_END)


def _mentions(people: list[Person]) -> list[tuple[int, str]]:
    return sorted((s.start, p.name) for p in people for s in p.spans)


def _first_in(ctx: _Context, start: int, end: int) -> str | None:
    return next((name for pos, name in ctx.mentions if start <= pos < end), None)


def _named_after(ctx: _Context, end: int) -> str | None:
    """ "“...,” said Lee" or "“...,” Bae said": a person right after, with a speech verb."""
    for pos, name in ctx.mentions:
        if end <= pos < end + _AFTER_WINDOW:
            stop = sentence_stop(ctx.text, pos, 120)
            if _SPEECH.search(ctx.text, end, pos) or _SPEECH.search(ctx.text, pos, stop):
                return name
    return None


def _last_subject(ctx: _Context, pos: int) -> str | None:
    """The person a pronoun stands for: the first person named in the nearest sentence."""
    while pos > 0:
        start = _sentence_start(ctx.text, pos)
        named = _first_in(ctx, start, pos)
        if named:
            return named
        pos = start - 1
    return None


def _speaker(ctx: _Context, span: Span, previous: Quote | None) -> str | None:
    sentence = _sentence_start(ctx.text, span.start)
    named = _first_in(ctx, sentence, span.start) or _named_after(ctx, span.end)
    if named:
        return named
    if previous is not None and _follows(ctx, previous, span):
        return previous.speaker
    if _PRONOUN.search(ctx.text, sentence, span.start):
        return _last_subject(ctx, sentence)
    return _titled_speaker(ctx, span)


def _follows(ctx: _Context, previous: Quote, span: Span) -> bool:
    """A quote that continues the previous one, with nobody else named in between."""
    if span.start - previous.span.end > _FOLLOW_WINDOW:
        return False
    return _first_in(ctx, previous.span.end + 40, span.start) is None


def _is_title(inner: str) -> bool:
    """ "Korea–U.S. Joint Fact Sheet": a quoted name, not speech."""
    words = inner.split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals >= 0.7 * len(words)


# A speech verb right after a quote, its speaker's name (or title) before it or not at all:
# '"We are delighted," said Jane Doe', '"Not now," the minister said'.
_SAID_AFTER = re.compile(
    r"\s+(?:(?:the\s+)?(?:[A-Z][\w'’.-]*|minister|spokes(?:person|man|woman))\s+){0,4}"
    r"(?:said|says|added|noted|stated|explained|continued|replied|told)\b"
)


def _too_short(text: str, inner: str, end: int) -> bool:
    """Under four words, a name or a scare quote; but two or three ending in a comma or a
    stop and followed by a speech verb are speech ('"We are delighted," said Jane Doe')."""
    words = len(inner.split())
    if words >= _MIN_WORDS:
        return False
    return words < 2 or inner[-1] not in ",.!?" or not _SAID_AFTER.match(text, end)


def extract_quotes(text: str, people: list[Person]) -> list[Quote]:
    """Every quotation of four words or more, with the canonical name of its speaker if known
    (in a text wrapped at a fixed width, across its line breaks: ``soften_wrapped``)."""
    text = soften_wrapped(text)
    ctx = _Context(text, _mentions(people), {p.name: p.role or "" for p in people})
    quotes: list[Quote] = []
    for m in _QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inner = m.group(group).strip()
        if _too_short(text, inner, m.end()) or _is_title(inner):
            continue
        span = Span(m.start(group), m.end(group))
        previous = quotes[-1] if quotes else None
        quotes.append(Quote(text=inner, speaker=_speaker(ctx, span, previous), span=span))
    return quotes
