"""Written references to people: full names and titled surnames, with their roles.

A reference is found from a title written before a name ("Trade Minister Yeo
Han-koo", "FOMEK Chairman Choi Jin-shik", "Coupang founder Kim Bom-suk"), an
apposition after it ("Tran Quoc Phuong, Vietnam's Vice Minister of
Finance"), a title between commas before it, a speech verb ("..., said Lee
Ho-geun"), a title on the next line of a block ("Jean Tremblay\nPress
Secretary"), a participle ("chaired by Ms Ana Ferraro"), or a name's own shape
(a Korean "Kim Jung-kwan", a known given name "Robert Lighthizer"). The frame
of an honourable's name ("The Rt Hon ... MP", "Senator the Hon ...") and
courtesy titles ("Smt.", "Shri", "Dr") are neither name nor role. ``people``
resolves the references into persons.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pressdesk.extract.facts import Span
from pressdesk.extract.lexicon import (
    COMPOUND_TAILS,
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GEO_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NAME_TITLES,
    NON_ORG_WORDS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    words,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import CAP, headline_end, is_acronym, is_title_case, lead_cap

__all__ = ["TITLE_WORDS", "Mention", "find_mentions", "person_key", "strip_honorifics"]

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

# Lower-case words that are titles or roles when written next to a name.
ROLE_WORDS = words(
    """
    founder co-founder chairman chairwoman chair president vice-president analyst professor
    spokesperson spokesman spokeswoman economist researcher chief director minister secretary
    official head ceo coo cfo executive lawmaker counterpart governor ambassador envoy commissioner
    representative senator advisor adviser adjunct fellow strategist partner manager officer
    deputy member leader premier mayor chancellor negotiator investor
    """
)

# Nouns that say an apposition describes a thing named like a person ("Diego Silang, a frigate").
THING_WORDS = words(
    """
    ship vessel frigate destroyer submarine tanker carrier aircraft jet plane car model vehicle
    building tower hotel bridge plant factory brand product drug vaccine satellite rocket mine
    field port terminal project fund award prize
    """
)
_ROLE_BEFORE = re.compile(
    r"(?:(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)(?:['’]s)? )?"
    r"(?P<role>(?:(?:interim|acting|former|then|chief|senior|deputy|vice|co-?)[ -])*"
    rf"(?:{'|'.join(sorted(ROLE_WORDS))}))[ ,]*$"
)
_APPOSITION = re.compile(r",\s+(?:a |an |the )?([^,.;:—–()“”\"]{2,120})")
_CAPS = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_OF_PART = rf" (?:of|for|to) (?:the )?{_CAPS}(?:(?:,? and |, ){_CAPS})*"
# "Minister for Trade, Industry and | Lim Wee Kiat": a title and its portfolio, right before a run.
_ROLE_BACK = re.compile(
    rf"(?P<a>{_CAPS}(?:{_OF_PART})*) (?:of|for|to) (?:the )?$|(?P<b>{_CAPS}(?:{_OF_PART})+)(?:,? and |, )$"
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|stated|added|noted|told|explained|remarked)\b")
_SPEECH_BEFORE = re.compile(r"(?:said|says|stated|added|noted)\s+$")
_AFTER_PREPOSITION = re.compile(r"\b(?:[Tt]he|at|from|of|by|with|for|in|on)\s+$")
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_COURTESY = words("Mr Mr. Ms Ms. Mrs Mrs. Mx Dr Dr. Shri Sri Smt Smt. Shrimati Kumari")
_ACADEMIC = words("Prof Prof.")  # a courtesy after another title: "Director Prof Jane Roe"
TITLE_WORDS = NAME_TITLES | TITLES | _COURTESY | _ACADEMIC | {"Gov.", "Sen.", "Rep."}
# The frame of an honourable's name: "The Hon", "the Rt Hon", "The Right Honourable".
_FRAME_WORDS = words("The the Rt Rt. Right Hon Hon. Honourable Honorable")
# Letters after a name: offices and honours ("Jane Smith MP", "John Roe KC OBE").
POST_NOMINALS = words("MP MEP MSP MLA MLC MPP MHA MNA TD QC KC SC OBE CBE MBE KBE DBE AO AC AM OAM FRS")
_LETTERS_AFTER = re.compile(rf"(?:,?[ \u00a0](?:{'|'.join(sorted(POST_NOMINALS))})\b)+")
# Participles that make the person after "by" the holder of a role: "chaired by Ms Ana Ferraro".
_PARTICIPLE_ROLES: dict[str, str] = {
    "chaired": "chair",
    "co-chaired": "co-chair",
    "headed": "head",
    "moderated": "moderator",
    "presided": "presiding officer",
}
# Verbs of office after "who": "Jane Roe, who heads the institute, said".
_WHO_ROLES: dict[str, str] = {"heads": "head", "leads": "head", "chairs": "chair", "directs": "director"}
_PARTICIPLE = re.compile(rf"\b({'|'.join(_PARTICIPLE_ROLES)})(?: over)? by\s+$", re.IGNORECASE)
_LOWER_TITLES = {t.lower().rstrip(".") for t in TITLE_WORDS} | set(ROLE_WORDS)
_NOT_NAME_WORDS = ORG_HEADS | NON_ORG_WORDS | MONTHS | TITLE_WORDS | NOT_NAME_WORDS | DOMAIN_WORDS
_STRONG_TITLES = words(
    """
    President Minister Ambassador Senator Sen. Rep. Representative Member Chairman Chairwoman
    Governor Gov. Secretary Premier Chancellor Mayor Mr. Ms. Mrs. Dr. Prof. Professor Commissioner
    Director Speaker King Queen Prince Princess Emperor Judge Envoy CEO
    """
)


# The patterns below are anchored at the end of a window before a name ("$"); each is searched
# only when the window ends as the pattern must, which a glance at its last characters tells.
_ROLE_BACK_ENDS = (" of ", " for ", " to ", " the ", " and ", ", ")
_ROLE_WORD_ENDS = tuple(ROLE_WORDS)
_SPEECH_WORDS = ("said", "says", "stated", "added", "noted")


def _space_start(text: str, lo: int, end: int) -> int:
    """Where the whitespace that ends ``text[lo:end]`` begins."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def _window_ends(text: str, lo: int, end: int, endings: tuple[str, ...]) -> bool:
    """``text[lo:end]`` ends with one of ``endings``, or does before a last newline (where "$"
    matches too)."""
    if text.endswith(endings, lo, end):
        return True
    return text[end - 1 : end] == "\n" and text.endswith(endings, lo, end - 1)


def _role_back(text: str, start: int) -> re.Match[str] | None:
    """``_ROLE_BACK`` in the 80 characters before ``start``."""
    lo = max(0, start - 80)
    return _ROLE_BACK.search(text, lo, start) if _window_ends(text, lo, start, _ROLE_BACK_ENDS) else None


def _role_word_before(text: str, start: int) -> re.Match[str] | None:
    """``_ROLE_BEFORE`` in the 80 characters before ``start``: a role word, then spaces and commas."""
    lo = max(0, start - 80)
    ends = (start, start - 1) if text[start - 1 : start] == "\n" else (start,)
    if not any(text.endswith(_ROLE_WORD_ENDS, lo, _comma_start(text, lo, end)) for end in ends):
        return None
    return _ROLE_BEFORE.search(text, lo, start)


def _ends_in_comma(text: str, lo: int, end: int) -> bool:
    end = _space_start(text, lo, end)
    return end > lo and text[end - 1] == ","


def _comma_start(text: str, lo: int, end: int) -> int:
    """Where the spaces and commas that end ``text[lo:end]`` begin."""
    while end > lo and text[end - 1] in " ,":
        end -= 1
    return end


def _said_before(text: str, start: int) -> bool:
    """A speech verb and nothing but whitespace before ``start``: ``_SPEECH_BEFORE``."""
    end = _space_start(text, 0, start)
    return end < start and text.endswith(_SPEECH_WORDS, 0, end)


def _participle_before(text: str, start: int) -> re.Match[str] | None:
    """``_PARTICIPLE`` ("chaired by ") in the 30 characters before ``start``."""
    lo = max(0, start - 30)
    end = _space_start(text, lo, start)
    if end == start or text[max(lo, end - 2) : end].casefold() != "by":
        return None
    return _PARTICIPLE.search(text, lo, start)


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


def person_key(name: str) -> str:
    """A name without case, accents, honorifics, particles and initials: "Mohd Zamruni Khalid"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    kept = [w for w in text.split() if w not in HONORIFICS and w not in NAME_PARTICLES]
    kept = [w for w in kept if not re.fullmatch(r"[A-Z]\.?", w)]
    return " ".join(w.strip("'’.").casefold() for w in kept)


def _pieces(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    return [(m.group(0), Span(m.start(), m.end())) for m in _PIECE.finditer(text, start, end)]


def _is_place(word: str) -> bool:
    return is_place_name(word)


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
    return not is_acronym(bare) or bare in HONORIFICS


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
    if not core or len(core) > 5 or _is_place(" ".join(core)):
        return False
    return all(_name_word_ok(p) and p not in GEO_WORDS for p in core)


def _plain_name(parts: list[str]) -> bool:
    """A name with no word that also names a field, a body or a single letter."""
    generic = DOMAIN_WORDS | ORG_HEADS | {"Trust", "Land", "Group"}
    return len(parts) <= 3 and all(len(p.rstrip(".")) > 1 and p not in generic for p in parts)


def _span_of(pieces: list[tuple[str, Span]]) -> Span:
    return Span(pieces[0][1].start, pieces[-1][1].end)


def strip_honorifics(name: str) -> str:
    """ "Dato' Mohd Zamruni bin Khalid" -> "Mohd Zamruni bin Khalid"; honorifics inside a name
    ("Tengku Datuk Seri Zafrul Aziz") go too, as long as two words are left."""
    parts = name.split()
    kept = [p for p in parts if p not in HONORIFICS]
    return " ".join(kept if len([p for p in kept if p not in NAME_PARTICLES]) >= 2 else parts)


def _full(text: str, pieces: list[tuple[str, Span]], role: str | None, org: str | None) -> Mention:
    span = _span_of(pieces)
    return Mention(text[span.start : span.end], span, role, org, text[span.start : span.end])


def _last_title(pieces: list[tuple[str, Span]]) -> int:
    return max((i for i, (w, _) in enumerate(pieces) if w in TITLE_WORDS), default=-1)


def _trim_sentence_words(pieces: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    while len(pieces) > 2 and pieces[0][0] in SENTENCE_WORDS | MONTHS:
        pieces = pieces[1:]
    return pieces


def _back_phrase(m: re.Match[str]) -> str:
    return m.group("a") or m.group("b") or ""


def _last_title_run(phrase: str) -> int:
    """Offset in ``phrase`` where its last title and the words qualifying it begin."""
    tokens = [(m.group(0), m.start()) for m in re.finditer(r"\S+", phrase)]
    last = max((i for i, (w, _) in enumerate(tokens) if w in TITLE_WORDS), default=0)
    while last > 0 and _qualifies_title(tokens[last - 1][0]):
        last -= 1
    return tokens[last][1] if tokens else 0


def _qualifies_title(word: str) -> bool:
    """ "Deputy", "Trade", "Japan's", "KOTRA": a word that may stand before a title."""
    bare = re.sub(r"['’]s$", "", word)
    return word in TITLE_MODIFIERS | TITLE_WORDS or _is_place(bare) or is_acronym(bare)


def _role_text(text: str, role: list[tuple[str, Span]]) -> tuple[str, str | None]:
    """The role as written, extended back over "Advisor to the ...", and an org prefix."""
    role = [p for p in role if not p[0].startswith("(")]
    role = _trim_sentence_words(role) if len(role) > 1 else role
    while role and role[0][0] in SENTENCE_WORDS:
        role = role[1:]
    if not role:
        return "", None
    span = _span_of(role)
    start = span.start
    back = _role_back(text, start)
    words_ = [w for w, _ in role]
    continues = not set(words_) & ORG_HEADS and (  # "... for | Trade Policy", "... for the | Western ..."
        words_[0] in DOMAIN_WORDS | TITLE_MODIFIERS | TITLE_WORDS | REGION_WORDS or _is_place(words_[0])
    )
    if back and continues and any(w in TITLE_WORDS for w in _back_phrase(back).split()):
        phrase_start = back.start("a") if back.group("a") else back.start("b")
        start = phrase_start + _last_title_run(_back_phrase(back))
    gap = text[start : span.start]
    start += max(gap.rfind(". "), gap.rfind("\n")) + 1 if re.search(r"\. |\n", gap) else 0
    start += len(text[start : span.start]) - len(text[start : span.start].lstrip())
    first = role[0][0]
    org = first if first not in TITLE_WORDS | TITLE_MODIFIERS and not _is_place(first) else None
    return text[start : span.end], org


def _in_title_case_headline(text: str, pos: int) -> bool:
    end = headline_end(text)
    return pos < end and is_title_case(text[:end])


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
    courtesy = pieces[t][0] in _COURTESY or (pieces[t][0] in _ACADEMIC and _last_title(pieces[:t]) >= 0)
    before = [p for p in pieces[:t] if p[0] not in HONORIFICS]  # "Dato' Sri Lim": no role
    role, org = _role_text(text, before if courtesy else pieces[: t + 1])
    if _alone_on_line(text, pieces[0][1].start):  # "Senator the Hon Don Farrow\nMinister for Trade"
        role = _role_line(text, name[-1][1].end) or role
    role = role or _apposition_role(text, name[-1][1].end) or _context_role(text, pieces) or ""
    if courtesy and not role:  # "The Secretary for Commerce, Mr Algernon Yuen, said"
        role = _title_comma_before(text, pieces[0][1].start, name[-1][1].end, courtesy=True) or ""
    prefix_ok = org is None or is_acronym(org) or len(name) > 1
    if not (role or courtesy) or not prefix_ok:
        return None
    mention = _full(text, name, role or None, org)
    written = text[pieces[0][1].start : name[-1][1].end]
    strong = pieces[t][0] in _STRONG_TITLES | _COURTESY or (role or "").endswith("Member")
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


def _past_letters(text: str, end: int) -> int:
    """Where a name ends once the letters after it are passed: "Jane Roe MP, Minister"."""
    m = _LETTERS_AFTER.match(text, end)
    return m.end() if m else end


def _apposition_role(text: str, end: int) -> str | None:
    m = _APPOSITION.match(text, _past_letters(text, end))
    if not m:
        return None
    head = m.group(1).split()[:7]
    if head[0] == "who" and len(head) > 1 and head[1] in _WHO_ROLES:  # "Jane Roe, who heads X,"
        return _WHO_ROLES[head[1]]
    if head[0].lower() in {"who", "which", "that", "whose", "where", "when", "but", "and"}:
        return None
    if any(w.lower().rstrip(".’'s") in _LOWER_TITLES for w in head):
        return m.group(1).strip()
    return None


_TITLE_COMMA = re.compile(
    rf"(?<![\w-])((?:[A-Z][\w.’'-]* )*?(?:{'|'.join(re.escape(t) for t in sorted(NAME_TITLES))})"
    r"(?: (?:of|for|to) [^.;:()“”\"]{0,80}?)?),\s*$"
)


# "Secretary, Department of Commerce, Shri Sunil Barthwal": a title and its body before a courtesy.
_TITLE_BODY_COMMA = re.compile(
    rf"(?<![\w-])((?:[A-Z][\w.’'-]* )*?(?:{'|'.join(re.escape(t) for t in sorted(NAME_TITLES))})"
    r"(?: (?:of|for|to) [^.;:()“”\",]{0,80}?)?, (?:the )?[A-Z][^.;:()“”\",]{2,60}),\s*$"
)


def _title_comma_before(text: str, start: int, end: int, courtesy: bool = False) -> str | None:
    """ "Ecuador's Minister of Production, Foreign Trade and Fisheries, Sonsoles Garcia, said";
    before a courtesy title ("..., Shri Piyush Goyal said") the name need not close with a
    comma when the title opens its sentence."""
    closed = text[_past_letters(text, end) : _past_letters(text, end) + 1] == ","
    if not closed and not courtesy:
        return None
    lo = max(0, start - 120)
    if not _ends_in_comma(text, lo, start):
        return None  # both patterns end in a comma and spaces
    m = _TITLE_COMMA.search(text, lo, start) or (
        _TITLE_BODY_COMMA.search(text, lo, start) if courtesy else None
    )
    if not m:
        return None
    role = _last_sentence(m.group(1))
    before = text[: m.end(1) - len(role)].rstrip(" \t")
    opens = not before or before[-1] in ".!?:\n"
    return re.sub(r"^The ", "", role) if closed or opens else None


def _last_sentence(phrase: str) -> str:
    """The part of a phrase after its last sentence break."""
    return re.split(r"(?<=[a-z]\.) (?=[A-Z])|\n", phrase)[-1]


def _role_before(text: str, start: int) -> tuple[str | None, str | None]:
    m = _role_word_before(text, start)
    if not m:
        return None, None
    org = m.group("org")
    if org and (org in SENTENCE_WORDS or _is_place(org)):
        org = None
    return (f"{org} {m.group('role')}" if org else m.group("role")), org


_PORTFOLIO_WORDS = DOMAIN_WORDS | TITLE_MODIFIERS


def _portfolio_split(text: str, pieces: list[tuple[str, Span]]) -> int:
    """How many leading words complete a title before the run: "Vice Minister of | Trade"."""
    if len(pieces) <= 2 or pieces[0][0] not in _PORTFOLIO_WORDS:
        return 0  # (checked first: the look-back is slow)
    back = _role_back(text, pieces[0][1].start)
    if not back or not any(w in TITLE_WORDS for w in _back_phrase(back).split()):
        return 0
    n = 0
    while len(pieces) - n > 2 and pieces[n][0] in _PORTFOLIO_WORDS:
        n += 1
    return n


def _untitled(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """A full name known by its shape or its context (apposition, speech, a role before it)."""
    pieces = _trim_sentence_words(pieces)
    split = _portfolio_split(text, pieces)
    if split and not _is_name([w for w, _ in pieces[split:]]):
        return _shaped_tail(text, pieces)
    if split:
        portfolio, org = _role_text(text, pieces[:split])
        return _full(text, pieces[split:], portfolio, org)
    parts = [w for w, _ in pieces]
    if len(parts) < 2 or not _is_name(parts):
        return _shaped_tail(text, pieces)
    span = _span_of(pieces)
    if _describes_thing(text, span.end):
        return None
    apposition = _apposition_role(text, span.end)
    if (parts[0] in SENTENCE_WORDS or is_acronym(parts[0])) and not apposition:
        return None
    if not apposition and _AFTER_PREPOSITION.search(text, max(0, span.start - 6), span.start):
        return None  # "the Music Shop said", "analysts at Goldman Sachs said": not people
    role, org = _role_before(text, span.start)
    role = role or _title_comma_before(text, span.start, span.end) or _context_role(text, pieces)
    spoken = bool(_SPEECH_AFTER.match(text, _past_letters(text, span.end)) or _said_before(text, span.start))
    if apposition or role or (spoken and _plain_name(parts)) or _has_name_shape(parts):
        return _full(text, pieces, apposition or role, org)
    if len(parts) in (2, 3) and _plain_name(parts) and not _in_title_case_headline(text, span.start):
        return replace(_full(text, pieces, None, None), weak=True)
    return None


def _shaped_tail(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """ "USTR Robert Lighthizer", "... Industrial Policy Park Dong-il": a shaped name at the end."""
    for size in (3, 2):
        head, tail = pieces[:-size], pieces[-size:]
        if head and _has_name_shape([w for w, _ in tail]):
            role, org = _role_text(text, head)
            return _full(text, tail, role or None, org)
    return None


def _single(text: str, pieces: list[tuple[str, Span]]) -> Mention | None:
    """A bare surname ("Bae said"): kept only to be merged into a full name."""
    word, span = pieces[-1]
    if len(pieces) == 1 and _name_word_ok(word) and word not in SENTENCE_WORDS:
        return Mention(word, span, written=word, spoken=bool(_SPEECH_AFTER.match(text, span.end)))
    return None


_LINE_ROLE = re.compile(r"[ \t]*\n[ \t]*([A-Z][^\n.;:!?]{2,58})[ \t]*(?=\n|$)")


def _role_line(text: str, end: int) -> str | None:
    """ "Jean Tremblay\nPress Secretary": a name alone on its line, its title on the next."""
    tail = re.match(r"(?:[ \t]+[A-Z]{2,4}\b)*", text[end:])
    m = _LINE_ROLE.match(text, end + (tail.end() if tail else 0))
    line = [w.strip(",") for w in m.group(1).split()] if m else []
    if not line or not set(line[:3]) & TITLE_WORDS - _COURTESY - _ACADEMIC:
        return None
    if not all(w[0].isupper() or w in {"of", "for", "and", "the", "to", "&"} for w in line):
        return None
    return m.group(1).strip() if m else None


def _alone_on_line(text: str, start: int) -> bool:
    head = text[text.rfind("\n", 0, start) + 1 : start].split()
    return all(w in _FRAME_WORDS | _COURTESY | HONORIFICS for w in head)


def _context_role(text: str, pieces: list[tuple[str, Span]]) -> str | None:
    """A role from around the name: the next line of a block, or "chaired by"."""
    start, end = pieces[0][1].start, pieces[-1][1].end
    by = _participle_before(text, start)
    if by:
        return _PARTICIPLE_ROLES[by.group(1).lower()]
    return _role_line(text, end) if _alone_on_line(text, start) else None


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
        while lead > 0 and words_[lead - 1] in _FRAME_WORDS:
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
    role = _context_role(text, pieces)
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
