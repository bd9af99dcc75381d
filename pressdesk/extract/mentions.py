"""Written references to people: full names and titled surnames, with their roles.

A reference is found from a title written before a name ("Trade Minister Yeo
Han-koo", "FOMEK Chairman Choi Jin-shik", "Coupang founder Kim Bom-suk"), an
apposition after it ("Tran Quoc Phuong, Vietnam's Vice Minister of
Finance"), a title between commas before it, a speech verb ("..., said Lee
Ho-geun"), a title on the next line of a block ("Jean Tremblay\nPress
Secretary"), a participle ("chaired by Ms Ana Ferraro"), or a name's own shape
(a Korean "Kim Jung-kwan", a known given name "Robert Lighthizer"). The frame
of an honourable's name ("The Rt Hon ... MP", "Senator the Hon ...") and
courtesy titles ("Smt.", "Shri", "Dr") are neither name nor role. The role
around a name comes from ``roles``; ``people`` resolves the references into
persons.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pressdesk.extract.lexicon import (
    COMPOUND_TAILS,
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GEO_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NON_ORG_WORDS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    words,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.roles import (
    ACADEMIC,
    COURTESY,
    FRAME_WORDS,
    POST_NOMINALS,
    TITLE_WORDS,
    alone_on_line,
    apposition_role,
    back_phrase,
    context_role,
    past_letters,
    role_back,
    role_before,
    role_line,
    role_text,
    said_before,
    span_of,
    title_comma_before,
    trim_sentence_words,
)
from pressdesk.extract.text import CAP, SPOKE_OF_ITSELF, headline_end, is_acronym, is_title_case, lead_cap
from pressdesk.facts import Span

__all__ = ["TITLE_WORDS", "Mention", "find_mentions", "strip_honorifics"]
_TOKEN = rf"(?:{CAP})(?:['’](?=[ \u00a0]))?"
_FRAME_START = r"(?:Rt\.?|Right|Hon\.?|Honourable|Honorable)[ \u00a0]"
_JOIN = (
    rf"(?:[ \u00a0](?:(?:{'|'.join(sorted(NAME_PARTICLES))})[ \u00a0]){{0,2}}|[ ]\([A-Z]{{2,6}}\)[ ]"
    rf"|[ \u00a0]the[ \u00a0](?={_FRAME_START}))"  # "Senator the Hon Jane Smith"
)
_LEAD_CAP = lead_cap("’'")


# The first token written to start with its capital, so that the search skips to capitals.
_FIRST_TOKEN = rf"{_LEAD_CAP}(?:['’](?=[ \u00a0]))?"
_PRUN = re.compile(rf"{_FIRST_TOKEN}(?:{_JOIN}(?:{_TOKEN}))*")
_PIECE = re.compile(rf"\([A-Z]{{2,6}}\)|{_TOKEN}|[a-z]+")


# Nouns that say an apposition describes a thing named like a person ("Diego Silang, a frigate").
THING_WORDS = words(
    """
    ship vessel frigate destroyer submarine tanker carrier aircraft jet plane car model vehicle
    building tower hotel bridge plant factory brand product drug vaccine satellite rocket mine
    field port terminal project fund award prize
    """
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|stated|added|noted|told|explained|remarked)\b")
_AFTER_PREPOSITION = re.compile(r"\b(?:[Tt]he|at|from|of|by|with|for|in|on)\s+$")
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_NOT_NAME_WORDS = ORG_HEADS | NON_ORG_WORDS | MONTHS | TITLE_WORDS | NOT_NAME_WORDS | DOMAIN_WORDS
_STRONG_TITLES = words(
    """
    President Minister Ambassador Senator Sen. Rep. Representative Member Chairman Chairwoman
    Governor Gov. Secretary Premier Chancellor Mayor Mr. Ms. Mrs. Dr. Prof. Professor Commissioner
    Director Speaker King Queen Prince Princess Emperor Judge Envoy CEO
    """
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One written reference to a person: a full name or a (titled) surname."""

    name: str
    span: Span
    role: str | None = None
    org: str | None = None
    written: str = ""
    strong: bool = False  # a reference with a title that stands for a person on its own
    spoken: bool = False  # followed by a speech verb: "Musk said"
    weak: bool = False  # a bare two- or three-word name, kept only if its surname speaks elsewhere


def _pieces(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    return [(m.group(0), Span(m.start(), m.end())) for m in _PIECE.finditer(text, start, end)]


def _is_place(word: str) -> bool:
    return is_place_name(word)


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "H.D. Kumaraswamy" (a place's, "U.S.", is none)


@functools.lru_cache(maxsize=4096)  # a few hundred words recur across releases ("The", "U.S.")
def _name_word_ok(word: str) -> bool:
    bare = word.rstrip("'’")
    if bare in EAST_ASIAN_SURNAMES or bare in GIVEN_NAMES:
        return True
    if any(c.isdigit() for c in bare) or bare in REGION_WORDS:
        return False
    if bare.split("-")[-1] in COMPOUND_TAILS:
        return False  # "Prize-winning", "French-controlled"
    if bare.startswith("(") or bare in _NOT_NAME_WORDS or _is_place(bare):
        return False
    return not is_acronym(bare) or bare in HONORIFICS or bool(_INITIALS.fullmatch(bare))


def _capitalised_surname(parts: list[str]) -> bool:
    """ "MUTO Yoji": a family name written in capitals before a given name."""
    surname = parts[0] if parts else ""
    return (
        len(parts) == 2
        and surname.isalpha()
        and surname.isupper()
        and len(surname) >= 3
        and parts[1][1:].islower()
    )


def _is_name(parts: list[str]) -> bool:
    """Capitalised words that can be a personal name (particles and honorifics allowed)."""
    core = [p for p in parts if p not in NAME_PARTICLES and p not in HONORIFICS]
    if _capitalised_surname(core) and core[1] not in TITLE_WORDS and not _is_place(core[0]):
        core = [core[0].capitalize(), core[1]]
    if not core or len(core) > 5 or _is_place(" ".join(core)) or _INITIALS.fullmatch(core[-1]):
        return False  # (initials end no name: "Companies L.P.", "Exploration N.L." are firms)
    last = len(core) - 1 if _titled_surname(core) else len(core)
    return all(_name_word_ok(p) and p not in GEO_WORDS for p in core[:last])


def _titled_surname(parts: list[str]) -> bool:
    """ "Catherine King", "Harry Judge": a name whose surname is also a title, known by a given
    name before it (a title stands before a name, not after one)."""
    return (len(parts) >= 2 and parts[-1] in TITLE_WORDS and parts[-1].isalpha()
            and parts[-2] in GIVEN_NAMES)


def _plain_name(parts: list[str]) -> bool:
    """A name with no word that also names a field, a body or a single letter."""
    generic = DOMAIN_WORDS | ORG_HEADS | {"Trust", "Land", "Group"}
    return len(parts) <= 3 and all(len(p.rstrip(".")) > 1 and p not in generic for p in parts)


def strip_honorifics(name: str) -> str:
    """ "Dato' Mohd Zamruni bin Khalid" -> "Mohd Zamruni bin Khalid"; honorifics inside a name
    ("Tengku Datuk Seri Zafrul Aziz") go too, as long as two words are left."""
    parts = name.split()
    kept = [p for p in parts if p not in HONORIFICS]
    return " ".join(kept if len([p for p in kept if p not in NAME_PARTICLES]) >= 2 else parts)


def _full(text: str, pieces: list[tuple[str, Span]], role: str | None, org: str | None) -> Mention:
    span = span_of(pieces)
    return Mention(text[span.start : span.end], span, role, org, text[span.start : span.end])


def _last_title(pieces: list[tuple[str, Span]]) -> int:
    last = len(pieces)
    if last > 1 and pieces[-1][0] in TITLE_WORDS and _titled_surname([pieces[-2][0], pieces[-1][0]]):
        last -= 1  # "Catherine King"
    return next((i for i in range(last - 1, -1, -1) if pieces[i][0] in TITLE_WORDS), -1)


def _in_title_case_headline(text: str, pos: int) -> bool:
    end = headline_end(text)
    return pos < end and is_title_case(text[:end])


_STYLES = frozenset({"Senator", "Sen."})  # a member's style, before or after an office's title


def _office_before_style(role: str, style: str) -> str | None:
    """ "Minister for Trade and Tourism Senator" -> "Minister for Trade and Tourism"."""
    office = role[: -len(style)].rstrip() if role.endswith(style) else ""
    return office if any(w in TITLE_WORDS for w in office.split()) else None


def _titled(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """ "FOMEK Chairman Choi Jin-shik", "Minister Kim", "President Trump"."""
    t = _last_title(pieces)
    name = [p for p in pieces[t + 1 :] if not p[0].startswith("(")]
    if t < 0 or not name or len(name) > 4 or not _is_name([w for w, _ in name]):
        return None
    headline = _in_title_case_headline(text, name[0][1].start)
    if headline and len(name) > 1 and not _has_name_shape([w for w, _ in name]):
        return None
    # "Mr Gan", "Shri Piyush Goyal", "Director Dr Jane Roe": no role in the courtesy title
    courtesy = pieces[t][0] in COURTESY or (pieces[t][0] in ACADEMIC and _last_title(pieces[:t]) >= 0)
    before = [p for p in pieces[:t] if p[0] not in HONORIFICS]  # "Dato' Sri Lim": no role
    role, org = role_text(text, before if courtesy else pieces[: t + 1])
    if alone_on_line(text, pieces[0][1].start):  # "Senator the Hon Don Farrow\nMinister for Trade"
        role = role_line(text, name[-1][1].end) or role
    if pieces[t][0] in _STYLES:  # a member's style gives way to an office's title
        role = _office_before_style(role, pieces[t][0]) or apposition_role(text, name[-1][1].end) or role
    role = role or apposition_role(text, name[-1][1].end) or context_role(text, pieces) or ""
    if courtesy and not role:  # "The Secretary for Commerce, Mr Algernon Yuen, said"
        role = title_comma_before(text, pieces[0][1].start, name[-1][1].end, courtesy=True) or ""
    prefix_ok = org is None or is_acronym(org) or len(name) > 1
    if not (role or courtesy) or not prefix_ok:
        return None
    mention = _full(text, name, role or None, org)
    written = text[pieces[0][1].start : name[-1][1].end]
    strong = pieces[t][0] in _STRONG_TITLES | COURTESY or (role or "").endswith("Member")
    strong = strong and not headline  # "President Resigns": a headline verb, not a surname
    return replace(mention, written=written, strong=strong)


def _has_name_shape(parts: list[str]) -> bool:
    if len(parts) < 2 or not _is_name(parts):
        return False
    korean = parts[0] in EAST_ASIAN_SURNAMES and bool(_KOREAN_GIVEN.fullmatch(parts[1]))
    return korean or (parts[0] in GIVEN_NAMES and not parts[-1].count("-"))


_THING_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+([^.;:()]{0,80})")


def _describes_thing(text: str, end: int) -> bool:
    """ "Diego Silang, a 3,200-ton frigate": an apposition that makes the name a thing's."""
    m = _THING_APPOSITION.match(text, end)
    head = m.group(1).split()[:7] if m else []
    return any(w.lower().strip(",") in THING_WORDS for w in head)


_PORTFOLIO_WORDS = DOMAIN_WORDS | TITLE_MODIFIERS


def _portfolio_split(text: str, pieces: list[tuple[str, Span]]) -> int:
    """How many leading words complete a title before the run: "Vice Minister of | Trade"."""
    n = 0
    while len(pieces) - n > 2 and pieces[n][0] in _PORTFOLIO_WORDS:
        n += 1
    if n == 0:
        return 0  # (counted first: the look-back is slow)
    back = role_back(text, pieces[0][1].start)
    return n if back and any(w in TITLE_WORDS for w in back_phrase(back).split()) else 0


def _untitled(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """A full name known by its shape or its context (apposition, speech, a role before it)."""
    pieces = trim_sentence_words(pieces)
    split = _portfolio_split(text, pieces)
    if split and not _is_name([w for w, _ in pieces[split:]]):
        return _shaped_tail(text, pieces)
    if split:
        portfolio, org = role_text(text, pieces[:split])
        return _full(text, pieces[split:], portfolio, org)
    parts = [w for w, _ in pieces]
    if len(parts) < 2 or not _is_name(parts):
        return _shaped_tail(text, pieces)
    span = span_of(pieces)
    if _describes_thing(text, span.end):
        return None
    apposition = apposition_role(text, span.end)
    role, org = role_before(text, span.start)
    surname = role is not None and parts[0] in EAST_ASIAN_SURNAMES  # "spokesperson He Yadong"
    if (parts[0] in SENTENCE_WORDS or is_acronym(parts[0])) and not (apposition or surname):
        return None
    if not apposition and _AFTER_PREPOSITION.search(text, max(0, span.start - 6), span.start):
        return None  # "the Music Shop said", "analysts at Goldman Sachs said": not people
    role = role or title_comma_before(text, span.start, span.end) or context_role(text, pieces)
    if parts[0] not in GIVEN_NAMES and SPOKE_OF_ITSELF.match(text, past_letters(text, span.end)):
        return None  # "Hanwha Ocean said Tuesday it has won": a body ("John Smith said it will": he)
    spoken = bool(_SPEECH_AFTER.match(text, past_letters(text, span.end)) or said_before(text, span.start))
    if apposition or role or (spoken and _plain_name(parts)) or _has_name_shape(parts):
        return _full(text, pieces, apposition or role, org)
    if len(parts) in (2, 3) and _plain_name(parts) and not _in_title_case_headline(text, span.start):
        return replace(_full(text, pieces, None, None), weak=True)
    return None


def _shaped_tail(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """ "USTR Robert Lighthizer", "... Industrial Policy Park Dong-il": a shaped name at the end."""
    for size in (3, 2):
        head, tail = pieces[:-size], pieces[-size:]
        if head and (_has_name_shape([w for w, _ in tail]) or _titled_speaker(text, head, tail)):
            role, org = role_text(text, head)
            return _full(text, tail, role or None, org)
    return None


def _titled_speaker(text: str, head: list[tuple[str, Span]], tail: list[tuple[str, Span]]) -> bool:
    """ "Deputy USTR Jayme White said": a name that speaks, after a title or a body's acronym."""
    words = [w for w, _ in tail]
    last = head[-1][0]
    return (
        len(words) == 2
        and (last in TITLE_WORDS or is_acronym(last))
        and _is_name(words)
        and _plain_name(words)
        and bool(_SPEECH_AFTER.match(text, past_letters(text, tail[-1][1].end)))
    )


def _single(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """A bare surname ("Bae said"): kept only to be merged into a full name."""
    word, span = pieces[-1]
    if len(pieces) == 1 and _name_word_ok(word) and word not in SENTENCE_WORDS:
        return Mention(word, span, written=word, spoken=bool(_SPEECH_AFTER.match(text, span.end)))
    return None


def _unframed(pieces: list[tuple[str, Span]]) -> Iterator[tuple[list[tuple[str, Span]], bool]]:
    """A run cut at letters after a name ("Jane Smith MP Minister ...") and cleared of the
    frame of an honourable's name ("The Rt Hon"); True where a frame or letters were seen."""
    part: list[tuple[str, Span]] = []
    for piece in pieces:
        if piece[0] in POST_NOMINALS and part and not is_acronym(part[-1][0]):
            yield _without_frame(part, True)
            part = []
            continue
        part.append(piece)
    if part:
        yield _without_frame(part, False)


def _without_frame(pieces: list[tuple[str, Span]], framed: bool) -> tuple[list[tuple[str, Span]], bool]:
    words_ = [w for w, _ in pieces]
    for i, word in enumerate(words_):
        if word not in {"Hon", "Hon.", "Honourable", "Honorable"}:
            continue
        lead = i
        while lead > 0 and words_[lead - 1] in FRAME_WORDS:
            lead -= 1
        rest = [w for w in words_[i + 1 :] if w not in NAME_PARTICLES]
        named = len(rest) >= 2 and _is_name(rest) and not set(rest) & ORG_HEADS
        if lead < i or word != "Hon" or named:  # "Hon Todd McKinley"; "Hon Hai" is a firm's name
            return pieces[:lead] + pieces[i + 1 :], True
    return pieces, framed


def _framed_name(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """ "The Hon Kirra Wakefield MP": the frame alone says a person is named."""
    words_ = [w for w, _ in pieces]
    if len(words_) < 2 or not _is_name(words_):
        return None
    role = context_role(text, pieces)
    return replace(_full(text, pieces, role, None), strong=True)


def find_mentions(text: str) -> Iterator[Mention]:
    """Every reference to a person, full or short, in text order."""
    for m in _PRUN.finditer(text):
        for pieces, framed in _unframed(_pieces(text, m.start(), m.end())):
            if not pieces:
                continue
            found = _titled(text, pieces) or _untitled(text, pieces) or _single(text, pieces)
            if framed and (found is None or found.weak or " " not in found.name):
                found = _framed_name(text, pieces) or found
            if found:
                yield found
