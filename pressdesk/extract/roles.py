"""The role written around a person's name, and the look-backs that find it.

A title before a run ("Vice Minister of | Trade"), a role word before a name
("Coupang founder"), an apposition after it ("Jane Roe, a senior economist at
..."), a title between commas before it ("Minister of Production, ...,
Sonsoles Garcia, said"), the next line of a block ("Jean Tremblay\nPress
Secretary"), or a participle ("chaired by"). Patterns anchored at the end of
a window before a name are searched only when the window ends as they must.
"""

from __future__ import annotations

import re

from pressdesk.extract.lexicon import (
    DOMAIN_WORDS,
    HONORIFICS,
    MONTHS,
    NAME_TITLES,
    ORG_HEADS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    words,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import is_acronym, last_sentence
from pressdesk.facts import Span

__all__ = [
    "ACADEMIC",
    "COURTESY",
    "FRAME_WORDS",
    "POST_NOMINALS",
    "TITLE_WORDS",
    "alone_on_line",
    "apposition_role",
    "back_phrase",
    "context_role",
    "is_title_role",
    "past_letters",
    "role_back",
    "role_before",
    "role_line",
    "role_text",
    "said_before",
    "span_of",
    "title_comma_before",
    "trim_sentence_words",
]


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
# a portfolio written in lower case before the role word, as the wires write it ("Japanese
# finance minister Kiichi Miyazawa", "U.S. agriculture secretary Richard Lyng")
_PORTFOLIOS = sorted({w.lower() for w in DOMAIN_WORDS} | {"economics", "oil", "petroleum"})
_ROLE_BEFORE = re.compile(
    r"(?:(?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)(?:['’]s)? )?"
    r"(?P<role>(?:(?:interim|acting|former|then|chief|senior|deputy|vice|co-?)[ -])*"
    rf"(?:(?:{'|'.join(_PORTFOLIOS)}) )?"
    rf"(?:{'|'.join(sorted(ROLE_WORDS))}))[ ,]*$"
)
# within its paragraph: a line break, but not before a blank or an indented line
_APPOSITION = re.compile(
    r",\s+(?:a |an |the )?((?:[^,.;:—–()“”\"\n]|\n(?![ \t]*\n|[ \t])){2,120})")
_CAPS = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*"
_OF_PART = rf" (?:of|for|to) (?:the )?{_CAPS}(?:(?:,? and |, ){_CAPS})*"


# "Minister for Trade, Industry and | Lim Wee Kiat": a title and its portfolio, right before a run.
_ROLE_BACK = re.compile(
    rf"(?P<a>{_CAPS}(?:{_OF_PART})*) (?:of|for|to) (?:the )?$|(?P<b>{_CAPS}(?:{_OF_PART})+)(?:,? and |, )$"
)
COURTESY = words("Mr Mr. Ms Ms. Mrs Mrs. Mx Dr Dr. Shri Sri Smt Smt. Shrimati Kumari")
ACADEMIC = words("Prof Prof.")  # a courtesy after another title: "Director Prof Jane Roe"
# Titles written short before a name: "Sen. Jane Roe", "Gen. John Doe", "Amb. Kim".
ABBREVIATED_TITLES = words("Gov. Sen. Rep. Gen. Adm. Col. Lt. Maj. Capt. Amb. Cmdr.")
TITLE_WORDS = NAME_TITLES | TITLES | COURTESY | ACADEMIC | ABBREVIATED_TITLES


# The frame of an honourable's name: "The Hon", "the Rt Hon", "The Right Honourable".
FRAME_WORDS = words("The the Rt Rt. Right Hon Hon. Honourable Honorable")


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


# The patterns below are anchored at the end of a window before a name ("$"); each is searched
# only when the window ends as the pattern must, which a glance at its last characters tells
# (``_window_ends``, ``_ends_in_role_word``, ``_ends_in_by``, ``_ends_in_comma``; ``said_before``
# answers its pattern from the end alone). tests/test_prefilters.py searches without the glances.
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


def role_back(text: str, start: int) -> re.Match[str] | None:
    """``_ROLE_BACK`` in the 80 characters before ``start``."""
    lo = max(0, start - 80)
    return _ROLE_BACK.search(text, lo, start) if _window_ends(text, lo, start, _ROLE_BACK_ENDS) else None


def _role_word_before(text: str, start: int) -> re.Match[str] | None:
    """``_ROLE_BEFORE`` in the 80 characters before ``start``: a role word, then spaces and commas."""
    lo = max(0, start - 80)
    return _ROLE_BEFORE.search(text, lo, start) if _ends_in_role_word(text, lo, start) else None


def _ends_in_role_word(text: str, lo: int, end: int) -> bool:
    """``text[lo:end]`` ends with a role word, then spaces and commas (before a last newline, where
    "$" matches too)."""
    ends = (end, end - 1) if text[end - 1 : end] == "\n" else (end,)
    return any(text.endswith(_ROLE_WORD_ENDS, lo, _comma_start(text, lo, stop)) for stop in ends)


def _ends_in_comma(text: str, lo: int, end: int) -> bool:
    end = _space_start(text, lo, end)
    return end > lo and text[end - 1] == ","


def _comma_start(text: str, lo: int, end: int) -> int:
    """Where the spaces and commas that end ``text[lo:end]`` begin."""
    while end > lo and text[end - 1] in " ,":
        end -= 1
    return end


def said_before(text: str, start: int) -> bool:
    """A speech verb and nothing but whitespace before ``start``: the pattern
    ``(?:said|says|stated|added|noted)\\s+$`` searched in ``text[:start]``, answered from its end."""
    end = _space_start(text, 0, start)
    return end < start and text.endswith(_SPEECH_WORDS, 0, end)


def _participle_before(text: str, start: int) -> re.Match[str] | None:
    """``_PARTICIPLE`` ("chaired by ") in the 30 characters before ``start``."""
    lo = max(0, start - 30)
    return _PARTICIPLE.search(text, lo, start) if _ends_in_by(text, lo, start) else None


def _ends_in_by(text: str, lo: int, end: int) -> bool:
    """``text[lo:end]`` ends with "by" and white space."""
    stop = _space_start(text, lo, end)
    return stop < end and text[max(lo, stop - 2) : stop].casefold() == "by"


def span_of(pieces: list[tuple[str, Span]]) -> Span:
    return Span(pieces[0][1].start, pieces[-1][1].end)


def trim_sentence_words(pieces: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    while len(pieces) > 2 and pieces[0][0] in SENTENCE_WORDS | MONTHS:
        pieces = pieces[1:]
    return pieces


def back_phrase(m: re.Match[str]) -> str:
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
    return word in TITLE_MODIFIERS | TITLE_WORDS or is_place_name(bare) or is_acronym(bare)


_PORTFOLIO_AND = re.compile(r"(?<![\w-])([A-Z][a-z]+),? (?:and|&) $")


def role_text(text: str, role: list[tuple[str, Span]]) -> tuple[str, str | None]:
    """The role as written, extended back over "Advisor to the ...", and an org prefix."""
    role = [p for p in role if not p[0].startswith("(")]
    role = trim_sentence_words(role) if len(role) > 1 else role
    while role and role[0][0] in SENTENCE_WORDS:
        role = role[1:]
    if not role:
        return "", None
    span = span_of(role)
    start = span.start
    back = role_back(text, start)
    words_ = [w for w, _ in role]
    heads = len(words_) > 1 and set(words_) & ORG_HEADS  # ("Minister of | Steel": one word, a field)
    continues = not heads and (  # "... for | Trade Policy", "... for the | Western ..."
        words_[0] in DOMAIN_WORDS | TITLE_MODIFIERS | TITLE_WORDS | REGION_WORDS or is_place_name(words_[0])
    )
    if back and continues and any(w in TITLE_WORDS for w in back_phrase(back).split()):
        phrase_start = back.start("a") if back.group("a") else back.start("b")
        start = phrase_start + _last_title_run(back_phrase(back))
    gap = text[start : span.start]
    start += max(gap.rfind(". "), gap.rfind("\n")) + 1 if re.search(r"\. |\n", gap) else 0
    start += len(text[start : span.start]) - len(text[start : span.start].lstrip())
    if start == span.start and words_[0] in DOMAIN_WORDS:  # "Business and | Trade Secretary"
        joined = _PORTFOLIO_AND.search(text, max(0, start - 40), start)
        start = joined.start() if joined and joined.group(1) in DOMAIN_WORDS else start
    first = role[0][0]
    portfolio = first in TITLE_WORDS | TITLE_MODIFIERS | DOMAIN_WORDS  # "Transportation Secretary"
    org = None if portfolio or is_place_name(first) else first
    return text[start : span.end], org


def past_letters(text: str, end: int) -> int:
    """Where a name ends once the letters after it are passed: "Jane Roe MP, Minister"."""
    m = _LETTERS_AFTER.match(text, end)
    return m.end() if m else end


_REPORTING = frozenset({"said", "says", "told", "added", "stated", "announced", "noted"})
_ACTS = frozenset({"met", "meets", "signed", "visited", "held", "hosted", "urged", "welcomed",
                   "discussed", "attended", "called", "joined"})


def apposition_role(text: str, end: int) -> str | None:
    m = _APPOSITION.match(text, past_letters(text, end))
    if not m:
        return None
    head = m.group(1).split()[:7]
    if head[0] == "who" and len(head) > 1 and head[1] in _WHO_ROLES:  # "Jane Roe, who heads X,"
        return _WHO_ROLES[head[1]]
    if head[0].lower() in {"who", "which", "that", "whose", "where", "when", "but", "and"}:
        return None
    if _REPORTING.intersection(m.group(1).split()):  # a clause ("..., Minister Roe said"), no title
        return None
    if head[0] in _ACTS:  # "Jane Roe, met Deputy Minister ...": what she did, not what she is
        return None
    if any(w.lower().rstrip(".’'s") in _LOWER_TITLES for w in head):
        return _with_portfolio(text, m.group(1).rstrip(), m.start(1))
    return None


# The rest of a portfolio the apposition's comma cut: "..., Minister of Economy| , Trade and
# Industry, held": fields, the last after "and", and the apposition's closing comma.
_PORTFOLIO_TAIL = re.compile(r"((?:, [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2})*,? and [A-Z][\w’'-]*"
                             r"(?: [A-Z][\w’'-]*){0,2})(?=[,;)])")


def _with_portfolio(text: str, role: str, start: int) -> str:
    """The role, with the fields of its portfolio after a comma ("Minister of Economy, Trade
    and Industry"): each a field's words, never a name."""
    if not re.search(r" (?:of|for) ", role):
        return role
    tail = _PORTFOLIO_TAIL.match(text, start + len(role))
    fields = re.split(r",? and |, ", tail.group(1)) if tail else []
    if not tail or not all(all(w in DOMAIN_WORDS or is_acronym(w) for w in f.split())
                           for f in fields if f):
        return role
    return role + tail.group(1)


# The head of a title before a comma and a name: a title that stands before a name, and the
# compound ones that head an office ("The Director-General of the WTO, X,", "The
# Undersecretary of International Economic Relations, X,").
_COMMA_HEAD = (
    rf"(?:{'|'.join(re.escape(t) for t in sorted(NAME_TITLES))})(?:[- ]General)?"
    r"|Under-?[Ss]ecretary|Vice-(?:Minister|President|Chairman)|Commissioner-General"
)
_TITLE_COMMA = re.compile(
    rf"(?<![\w-])((?:[A-Z][\w.’'-]* )*?(?:{_COMMA_HEAD})"
    r"(?: (?:of|for|to) [^.;:()“”\"]{0,80}?)?),\s*$"
)


# "Secretary, Department of Commerce, Shri Sunil Barthwal": a title and its body before a courtesy.
_TITLE_BODY_COMMA = re.compile(
    rf"(?<![\w-])((?:[A-Z][\w.’'-]* )*?(?:{_COMMA_HEAD})"
    r"(?: (?:of|for|to) [^.;:()“”\",]{0,80}?)?, (?:the )?[A-Z][^.;:()“”\",]{2,60}),\s*$"
)


# A title phrase is a run of capitalised words, where SENTENCE_END's sign of a new sentence (a
# capital after a full stop) says nothing: here a stop ends a sentence only after a lower-case
# letter ("Korea. Trade Minister"), never after an initial ("U.S. Trade Representative").
_TITLE_BREAK = re.compile(r"(?<=[a-z])\.(?= [A-Z])|\n")


_TITLE_WORD = re.compile(rf"\b(?:{_COMMA_HEAD})\b")


def _closest_title(pattern: re.Pattern[str], text: str, lo: int, start: int) -> re.Match[str] | None:
    """The match of ``pattern`` whose title is nearest the name: "The Secretary of Economy, X,
    met with Canada's Minister of International Trade, Y": Y's is the second."""
    m = pattern.search(text, lo, start)
    while m:
        title = _TITLE_WORD.search(text, m.start(1), m.end(1))
        if title is None or _TITLE_WORD.search(text, title.end(), m.end(1)) is None:
            return m
        m = pattern.search(text, title.end(), start)
    return None


def title_comma_before(text: str, start: int, end: int, courtesy: bool = False) -> str | None:
    """ "Ecuador's Minister of Production, Foreign Trade and Fisheries, Sonsoles Garcia, said";
    before a courtesy title ("..., Shri Piyush Goyal said") the name need not close with a
    comma when the title opens its sentence."""
    # closed by a comma, or by the sentence's end ("..., Secretary for Commerce, Algernon Yau.")
    closed = text[past_letters(text, end) : past_letters(text, end) + 1] in (",", ".", ";")
    if not closed and not courtesy:
        return None
    lo = max(0, start - 120)
    if not _ends_in_comma(text, lo, start):
        return None  # both patterns end in a comma and spaces
    m = _closest_title(_TITLE_COMMA, text, lo, start) or (
        _closest_title(_TITLE_BODY_COMMA, text, lo, start) if courtesy else None
    )
    if not m:
        return None
    role = last_sentence(m.group(1), _TITLE_BREAK)
    before = text[: m.end(1) - len(role)].rstrip(" \t")
    opens = not before or before[-1] in ".!?:\n"
    return re.sub(r"^The ", "", role) if closed or opens else None


def role_before(text: str, start: int) -> tuple[str | None, str | None]:
    m = _role_word_before(text, start)
    if not m:
        return None, None
    org = _this_sentence(m.group("org"))
    if org and (org in SENTENCE_WORDS or is_place_name(org) or set(org.split()) <= DOMAIN_WORDS):
        org = None  # "Transportation Secretary": a portfolio, no body
    return (f"{org} {m.group('role')}" if org else m.group("role")), org


_ABBREVIATED = frozenset({"Corp.", "Inc.", "Co.", "Ltd.", "Bros.", "Dept.", "Gov.", "Sen.", "Rep."})


def _this_sentence(words: str | None) -> str | None:
    """The capitalised words before a role, from the last full stop on and without the words
    that open a sentence ("Lyng. Saudi": "Saudi"; "Indeed U.S. Treasury": "U.S. Treasury";
    "Acme Corp." stays whole)."""
    if not words:
        return words
    split = words.split()
    while split and split[0] in SENTENCE_WORDS:  # "Indeed U.S. Treasury secretary"
        split = split[1:]
    ends = [i for i, w in enumerate(split)
            if w.endswith(".") and any(c.islower() for c in w) and w not in _ABBREVIATED]
    return " ".join(split[ends[-1] + 1 :] if ends else split) or None


_LINE_ROLE = re.compile(r"[ \t]*\n[ \t]*([A-Z][^\n.;:!?]{2,58})[ \t]*(?=\n|$)")


def role_line(text: str, end: int) -> str | None:
    """ "Jean Tremblay\nPress Secretary": a name alone on its line, its title on the next."""
    tail = re.match(r"(?:[ \t]+[A-Z]{2,4}\b)*", text[end:])
    m = _LINE_ROLE.match(text, end + (tail.end() if tail else 0))
    line = [w.strip(",") for w in m.group(1).split()] if m else []
    if not line or not set(line[:3]) & TITLE_WORDS - COURTESY - ACADEMIC:
        return None
    if not all(w[0].isupper() or w in {"of", "for", "and", "the", "to", "&"} for w in line):
        return None
    return m.group(1).strip() if m else None


def alone_on_line(text: str, start: int) -> bool:
    head = text[text.rfind("\n", 0, start) + 1 : start].split()
    return all(w in FRAME_WORDS | COURTESY | HONORIFICS for w in head)


def context_role(text: str, pieces: list[tuple[str, Span]]) -> str | None:
    """A role from around the name: the next line of a block, or "chaired by"."""
    start, end = pieces[0][1].start, pieces[-1][1].end
    by = _participle_before(text, start)
    if by:
        return _PARTICIPLE_ROLES[by.group(1).lower()]
    return role_line(text, end) if alone_on_line(text, start) else None


def is_title_role(phrase: str) -> bool:
    """A phrase that holds a title or role word ("Treasury Secretary", "chief economist")."""
    return any(w.lower().rstrip(".,’'s") in _LOWER_TITLES for w in phrase.split())
