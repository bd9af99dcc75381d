"""Organisation names found in text, before they are grouped into organisations.

Runs of capitalised words are joined into names ("Ministry of Trade,
Industry and Resources") and kept when a head word says they are a body
("... Association", "... Co.", "Ministry of ..."), when their acronym spells
them ("Korea Hydro & Nuclear Power (KHNP)"), when a cue around them says so
("chip giant X", "companies such as X and Y", "X Chairman <person>", "CEO of
X", "X's plant", "shares of X", "led by X", "the X institute", "TrendForce
said", "Boeing aircraft"), or when they are well-known international bodies.
Committees, meetings, programmes, funds and agreements are left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pressdesk.extract.facts import Span
from pressdesk.extract.lexicon import (
    COMPLEMENT_HEADS,
    CONTINENT_WORDS,
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GEO_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_NAMES,
    KNOWN_ORGS,
    LONE_HEADS,
    LOWER_HEADS,
    MONTHS,
    NAME_TITLES,
    NON_ORG_WORDS,
    ORG_DESCRIPTOR_PHRASES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_LIST_NOUNS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    WEAK_HEADS,
    words,
)
from pressdesk.extract.places import find_place_mentions, is_place_name
from pressdesk.extract.text import (
    RUN,
    caseless_words,
    find_first_of,
    find_runs,
    headline_end,
    is_acronym,
    is_title_case,
    lead_alternation,
    lead_run,
)

__all__ = ["FoundName", "coordinated_names", "cue_start", "find_org_names", "initials", "is_plausible"]

# RUN written to start with its capital (fast to search for); not after an apostrophe or a hyphen.
_RUN_LED = lead_run()
_WORD_CHAR = r"\w"
_RUN_UNQUOTED = lead_run("’'")
_RUN_ALONE = lead_run("’'-")
_COMPLEMENT = frozenset({" of ", " of the ", " for ", " for the ", " on ", " in "})
_LISTING = frozenset({" and ", ", ", ", and ", " & "})
_ACRONYM_DEF = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z&-]*[A-Z]s?)[,)]")
_LOWER_TAIL = re.compile(r" ([a-z][a-z-]+)(?= (?:Co\.|Inc\.|Corp\.|Ltd\.)| [a-z]|[,;])")
_SP = r"[ \t\u00a0]+"  # spaces within a line: a cue never reaches across a paragraph
_DESCRIPTOR = re.compile(
    rf"\b(?:{caseless_words((*ORG_DESCRIPTOR_PHRASES, *sorted(ORG_DESCRIPTORS)))}|[\w.]++-based)"
    rf"{_SP}(?:the{_SP})?({RUN})"
)
_LED_BY = re.compile(rf"\b(?:led|dominated|spearheaded) by{_SP}((?>{RUN}))(?![\w’'-])")
# Cues found first, the capitalised run before them second (scanning every run is slow).
_RUN_BEFORE = re.compile(rf"({_RUN_ALONE})$")
_SPEAKER = re.compile(r" (?<=\w )(?:said|says|announced|reported|added|noted|stated|estimated|expects)\b")
# A capital inside a word ("TrendForce"), but not a surname's ("McKinley", "DeSantis", "LeBlanc").
_CAMEL = re.compile(r"(?<=[a-z])(?<!^Mc)(?<!^Mac)(?<!^D[aeiu])(?<!^L[ae])(?<!^Van)(?<!^Von)[A-Z]")
# "Germany's BDI industry association": a body named before what kind of body it is.
_KIND_AFTER = re.compile(
    rf"(?<=\w){_SP}(?:industry|trade|business|employers['’]?|farm|manufacturing|banking"
    rf"|exporters['’]?|lobby){_SP}(?:association|federation|lobby|group|body|union)\b"
)
# "Boeing aircraft", "Airbus jets": a maker named by what it makes.
_MAKER_OF = re.compile(
    r"([A-Z](?<=[a-z,] [A-Z])[\w-]+) (?:aircraft|jets|jetliners|airliners|planes|smartphones"
    r"|handsets|chips|chipsets|cars|vehicles|trucks|engines)\b"
)
_BANK_WORD = re.compile(r"[A-Z](?<!\w.)[a-z]{3,}bank\b")  # "the Bundesbank", "Rabobank"
_LOWER_HEADED = re.compile(rf"\b[Tt]he{_SP}((?:{RUN}){_SP}(?:{'|'.join(sorted(LOWER_HEADS))}))\b")
_LIST_CUE = re.compile(
    rf"\b(?:{caseless_words(sorted(ORG_LIST_NOUNS))})\b[^.;:]{{0,40}}?"
    rf"(?:such as|include|includes|including|like|—|–|:){_SP}"
    rf"|\b(?:{caseless_words(('representatives', 'executives', 'officials'))}) (?:from|of){_SP}"
    rf"|\b(?:MOUs?|MoUs?|memorand(?:um|a)|agreements?|contracts?|deals?|partnerships?) with{_SP}(?:the{_SP})?"
)
_LIST_ITEM = re.compile(
    rf"({RUN})(?: [a-z][\w-]+(?=,| and ))?(?:\s*\([^)]*\))?(?:,\s*(?:and{_SP})?|{_SP}and{_SP}|\s*$)?"
)
# Words that may follow an organisation's head word ("... Bank Group", "... Motor Co.").
TRAILERS = frozenset({"Co.", "Inc.", "Corp.", "Ltd.", "LLC", "PLC", "AG", "GmbH", "Group", "Holdings"})
# Heads written in two words: "Directorate General of ...", "Secretariat General".
_GENERAL_HEADS = frozenset({"Directorate", "Secretariat", "Inspectorate"})


def _head_tail_ok(run: list[str], head: int) -> bool:
    """What follows the head word of a run: nothing, trailers, or "General" after a Directorate."""
    tail = run[head + 1 :]
    return set(tail) <= TRAILERS or (tail == ["General"] and run[head] in _GENERAL_HEADS)


def _takes_complement(words: list[str]) -> bool:
    """ "Ministry" of "Ministry of ...", "Directorate General" of "Directorate General of ..."."""
    return words[-1] in COMPLEMENT_HEADS or (len(words) > 1 and _head_tail_ok(words, len(words) - 2))


_APPOSITION = re.compile(
    rf"({_RUN_LED}),{_SP}(?:a|an|the){_SP}(?:(?!(?:of|for|at|in|to|with|on|by){_SP})[\w-]+{_SP}){{0,3}}?"
    rf"(?:{'|'.join(sorted(ORG_DESCRIPTORS))})\b"
)
_TRAILING_NOUN = re.compile(rf"(?:the{_SP})({RUN}){_SP}(?:union|conglomerate|group)\b")
_SUFFIXED = re.compile(rf"({_RUN_LED}(?: [a-z][\w-]+)? (?:Co\.|Inc\.|Corp\.|Ltd\.|LLC))")
_SHORT_NAME = re.compile(r"\s*\(([A-Z][\w-]*[a-z][\w-]*)\)")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording to (?:the )?({RUN})")
_PAIR = re.compile(rf"({_RUN_LED}),?\s+(?:and|or)\s+(?=({RUN}))")
_CORPORATE_NOUNS = (
    "shares|stock|stocks|shareholders|board|subsidiary|subsidiaries|affiliate|affiliates|unit|division"
    "|plant|plants|factory|factories|chairman|chairwoman|CEO|chief executive|earnings|brand|products"
    "|revenue|revenues|profit|profits|customers|suppliers|chips|smartphones"
    "|market share|market value|valuation"
)
# "Kia's Hwaseong plant", "shares of Acme", "Acme shares rose": searched as one alternation.
_CORPORATE_CUES = (
    re.compile(rf"({_RUN_ALONE})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_CORPORATE_NOUNS})\b"),
    re.compile(rf"(?:{caseless_words(('shares', 'stock'), _WORD_CHAR)}) (?:of|in) ({RUN})"),
    re.compile(
        rf"({_RUN_ALONE}) shares (?:rose|fell|jumped|gained|slid|dropped|climbed|surged|plunged|closed)\b"
    ),
)
_DEAL_CUE = re.compile(
    rf"({_RUN_ALONE})(?:,? and ({RUN}))? (?:signed|inked|won|clinched|secured) (?:a|an|the) "
    r"(?:[\w-]+ ){0,3}?(?:memorandum|MOU|MoU|agreement|deal|contract|order|orders)\b"
)
_LOWER_MINISTRY = re.compile(r"\b(?:the|[A-Z]\w+['’]s)\s+([a-z]+ ministry)\b")
_FUNCTION_WORDS = words(
    "and or the a an of to in on at for with said has is was will common preferred form stock class"
)

# Words without one of which a cue cannot match: a text that has none is not searched for it.
_TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {
    _LOWER_HEADED: tuple(sorted(LOWER_HEADS)),
    _LED_BY: ("led by", "dominated by", "spearheaded by"),
    _ACCORDING_TO: ("ccording to ",),
    _DEAL_CUE: (" signed ", " inked ", " won ", " clinched ", " secured "),
    _LOWER_MINISTRY: (" ministry",),
    _TRAILING_NOUN: ("union", "conglomerate", "group"),
    _SUFFIXED: (" Co.", " Inc.", " Corp.", " Ltd.", " LLC"),
    _KIND_AFTER: ("association", "federation", "lobby", "group", "body", "union"),
    _MAKER_OF: (" aircraft", " jet", " airliners", " planes", " smartphones", " handsets", " chip")
    + (" cars", " vehicles", " trucks", " engines"),
    _BANK_WORD: ("bank",),
    _SPEAKER: (" said", " says", " announced", " reported", " added", " noted", " stated")
    + (" estimated", " expects"),
}


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when the text lacks every word the pattern needs."""
    triggers = _TRIGGERS.get(pattern, ("",))
    return pattern.finditer(text) if any(t in text for t in triggers) else iter(())


def _after_lower_word(text: str, start: int) -> bool:
    """A lower-case letter and a space just before ``start`` (a newline may follow the space)."""
    end = start - 1 if text[start - 1 : start] == "\n" else start
    return text[end - 1 : end] == " " and text[end - 2 : end - 1].islower()


@dataclass(frozen=True, slots=True)
class FoundName:
    """One name found, with the acronym defined right after it, if any."""

    name: str
    span: Span
    acronym: str | None = None


_WORD_AND_SPACE = re.compile(r"\S+\s")


def _trim_leading(text: str, start: int, end: int) -> int:
    """Skip capitalised sentence words ("The", "Meanwhile") at the front of a run."""
    while True:
        m = _WORD_AND_SPACE.match(text, start, end)
        if m is None:
            return start
        word = m.group(0).strip()
        descriptor = word.lower().removesuffix("s") in ORG_DESCRIPTORS and word not in ORG_HEADS
        compound = bool(re.search(r"-[a-z]+$", word))  # "Ohio-based", "U.S.-listed"
        if word not in SENTENCE_WORDS | MONTHS and not descriptor and not compound:
            return start
        start = m.end()


def _chains(text: str) -> Iterator[list[tuple[str, Span]]]:
    """Runs of capitalised words with the connectors that join them."""
    chain: list[tuple[str, Span]] = []
    for run in find_runs(text):
        between = text[chain[-1][1].end : run.start] if chain else ""
        if chain and between in _COMPLEMENT | _LISTING:
            chain.append((between, run))
            continue
        if chain:
            yield chain
        chain = [("", run)]
    if chain:
        yield chain


def _head_index(words: list[str]) -> int:
    """Index of the last organisation head word, or -1."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ORG_HEADS and not (words[i] in WEAK_HEADS and len(words) < 2):
            return i
    return -1


def _has_head(phrase: str) -> bool:
    return _head_index(phrase.split()) >= 0


def _is_org_phrase(phrase: str, lone_ok: bool, head_run: str | None = None) -> bool:
    words = phrase.split()
    run = (head_run or phrase).split()
    head = _head_index(run)
    if head < 0 or 0 < head < len(run) - 1 and not _head_tail_ok(run, head):
        return False
    if any(w in NON_ORG_WORDS for w in words[head + 1 :]) or words[-1] in NON_ORG_WORDS:
        return False
    if len(words) == 1:
        return lone_ok and words[0] in LONE_HEADS
    return not any(w in NAME_TITLES for w in run)


def _complement_end(text: str, chain: list[tuple[str, Span]], i: int) -> int:
    """Where "Ministry of Trade, Industry and Resources" ends, from its head run."""
    end = chain[i][1].end
    seen_complement = False
    for conn, run in chain[i + 1 :]:
        phrase = text[run.start : run.end]
        if conn in _COMPLEMENT:
            seen_complement = True
        elif not seen_complement or _has_head(phrase) or not _is_portfolio(phrase):
            if seen_complement and conn in {" and ", " & "} and _acronym_covers(text, chain[i][1].start, run):
                return run.end  # "... Light Industrial Products and Arts-Crafts (CCCLA)"
            break
        parts = phrase.split()
        if any(w in NON_ORG_WORDS | MONTHS for w in parts) or set(parts[:-1]) & NAME_TITLES:
            break  # "Ministry of Finance Minister Kim": the complement ends before the title
        end = run.end
    return end


def _acronym_covers(text: str, start: int, run: Span) -> bool:
    """The acronym defined right after ``run`` spells the name from ``start`` through it: its
    letters are among the name's initials, in order, the last of them the run's."""
    m = _ACRONYM_DEF.match(text, run.end)
    letters = m.group(1).replace("&", "").rstrip("s") if m else ""
    if not letters or letters[-1] != initials(text[run.start : run.end])[-1:]:
        return False
    rest = iter(initials(text[start : run.end]))
    return all(c in rest for c in letters)


def _is_portfolio(phrase: str) -> bool:
    """ "Industry", "Drug Safety", "ICT": words that list a body's fields, never a new name."""
    return all((w in DOMAIN_WORDS or is_acronym(w)) and not _is_place(w) for w in phrase.split())


def _names_in_chain(text: str, chain: list[tuple[str, Span]]) -> Iterator[Span]:
    skip_to = -1
    for i, (conn, run) in enumerate(chain):
        if i <= skip_to or (conn in _COMPLEMENT and i > 0):
            continue
        start = _trim_leading(text, run.start, run.end)
        words = text[start : run.end].split()
        if _head_index(words) < 0:
            continue
        if i > 0 and conn in {" and ", " & "} and _ends_in_domain(text, chain[i - 1][1]):
            start = _trim_leading(text, chain[i - 1][1].start, chain[i - 1][1].end)
        end = run.end
        if _takes_complement(words) and i + 1 < len(chain) and chain[i + 1][0] in _COMPLEMENT:
            end = _complement_end(text, chain, i)
            skip_to = next(j for j, (_, r) in enumerate(chain) if r.end == end)
        lone_ok = text[max(0, start - 4) : start].lower() == "the " or words[0] in {"Congress"}
        if _is_org_phrase(text[start:end], lone_ok, text[start : run.end]):
            yield Span(start, end)


def _ends_in_domain(text: str, run: Span) -> bool:
    """ "Australian Trade" before "and Investment Commission": one name across the "and"."""
    words = text[run.start : run.end].split()
    if len(words) == 1 and words[0] in ORG_HEADS:
        return True
    return words[-1] in DOMAIN_WORDS and not _head_index(words) >= 0


def _with_acronym(text: str, span: Span) -> FoundName:
    m = _ACRONYM_DEF.match(text, span.end) or _SHORT_NAME.match(text, span.end)
    short = m.group(1) if m else None
    ok = short and (is_acronym(short) or not (_is_place(short) or short in MONTHS))
    return FoundName(text[span.start : span.end], span, short if ok else None)


def _headed_names(text: str) -> Iterator[FoundName]:
    for chain in _chains(text):
        for span in _names_in_chain(text, chain):
            yield _with_acronym(text, span)


def _is_brand_word(word: str) -> bool:
    return bool(word) and word not in _FUNCTION_WORDS and not word.endswith(("ed", "ing", "s"))


def _extend_lower_tail(text: str, span: Span) -> Span:
    """ "SK hynix", "SK ecoplant Co.": an acronym followed by a lower-case brand word."""
    name = text[span.start : span.end]
    m = _LOWER_TAIL.match(text, span.end)
    brand = m.group(1) if m else ""
    if m and is_acronym(name) and len(name) <= 3 and _is_brand_word(brand):
        tail = re.match(r" (?:Co\.|Inc\.|Corp\.|Ltd\.)", text[m.end() :])
        return Span(span.start, m.end() + (tail.end() if tail else 0))
    return span


def _title_start(words: list[str]) -> int:
    """Where a title begins in "Toyota Chairman Akio Toyoda" or "MOTIR Trade Minister Yeo"."""
    first = next((i for i, w in enumerate(words) if w in NAME_TITLES), len(words))
    while 0 < first < len(words) and words[first - 1] in TITLE_MODIFIERS | DOMAIN_WORDS:
        first -= 1
    return first


def _cue_span(text: str, start: int, end: int) -> Span | None:
    """The name a cue points at, cut before any title ("Toyota Chairman Akio Toyoda")."""
    start = _trim_leading(text, start, end)
    words = text[start:end].split()
    keep = words[: _title_start(words)]
    if not keep or keep[0] in SENTENCE_WORDS | MONTHS:
        return None
    return _extend_lower_tail(text, Span(start, start + len(" ".join(keep))))


def _descriptor_names(text: str) -> Iterator[FoundName]:
    for m in _DESCRIPTOR.finditer(text):
        capital = m.group(0)[0].isupper() and "-based" not in m.group(0).split()[0]
        if capital and not _starts_sentence(text, m.start()):
            continue
        span = _cue_span(text, m.start(1), m.end(1))
        if span:
            yield _with_acronym(text, span)


def _listed_names(text: str) -> Iterator[FoundName]:
    for cue in _LIST_CUE.finditer(text):
        pos = cue.end()
        while item := _LIST_ITEM.match(text, pos):
            span = _cue_span(text, item.start(1), item.end(1))
            if span:
                yield _with_acronym(text, span)
            if item.end() == pos or not item.group(0)[len(item.group(1)) :].strip(" ()"):
                break
            pos = item.end()


_TITLED = re.compile(
    rf"((?:{_RUN_UNQUOTED}))[ \u00a0](?:(?:{'|'.join(sorted(TITLE_MODIFIERS))})\s)*"
    rf"(?:{'|'.join(re.escape(t) for t in sorted(TITLES))})(?!\w) ({RUN})"
)
# Titles before "of" or "at" and a body: "CEO of S-OIL", "analyst at Kiwoom Securities".
_TITLES_OF = [
    *("CEO", "COO", "CFO", "CTO"),
    *(
        form
        for title in (
            *("chairman", "chairwoman", "president", "director", "founder", "analyst", "professor"),
            *("official", "head", "economist", "spokesperson", "researcher", "partner", "executive"),
            *("manager", "officer", "strategist"),
        )
        for form in (title.capitalize(), title)
    ),
]
_TITLE_NAME_OF = re.compile(
    rf"(?:{lead_alternation(sorted(NAME_TITLES), _WORD_CHAR)}) {RUN} of (?:the )?({RUN})"
)
_TITLE_OF = re.compile(
    rf"(?:{lead_alternation(_TITLES_OF, _WORD_CHAR)})s?\s+(?:of|at)\s+(?:the\s+)?"
    rf"((?P<brand>[a-z]{{4,}} )?{RUN})"
)
# Endings of English adjectives and participles: "rival", "leading", "Japanese" are no brands.
_NOT_BRAND = re.compile(r"(?:ed|ing|al|ic|ive|ous|ern|ese|ian|an|ly|est|er)$")


def _brand_name(text: str, m: re.Match[str]) -> Iterator[FoundName]:
    """ "Executive Director at onsemi Korea": a lower-case brand before a country's name."""
    brand = m.group("brand").strip()
    country = text[m.end("brand") : m.end(1)].split()[0]
    if not _NOT_BRAND.search(brand) and brand not in ORG_DESCRIPTORS and _is_place(country):
        yield _with_acronym(text, Span(m.start(1), m.end("brand") + len(country)))
        return
    span = _cue_span(text, m.end("brand"), m.end(1))  # "analyst at leading Korea Zinc"
    if span:
        yield _with_acronym(text, span)


def _titled_names(text: str) -> Iterator[FoundName]:
    """ "FOMEK Chairman Choi", "Toyota Chairman Akio Toyoda", "CEO of S-OIL"."""
    for m in _TITLED.finditer(text):
        words = text[m.start(1) : m.end(1)].split()
        if len(m.group(2).split()) < 2 and not is_acronym(words[0]):
            continue
        while words and words[-1] in TITLE_MODIFIERS | NAME_TITLES:
            words.pop()
        if words:
            span = _cue_span(text, m.start(1), m.start(1) + len(" ".join(words)))
            if span:
                yield _with_acronym(text, span)
    for m in _TITLE_OF.finditer(text):
        if m.group("brand"):
            yield from _brand_name(text, m)
            continue
        span = _cue_span(text, m.start(1), m.end(1))
        if span:
            yield _with_acronym(text, span)
    for m in _TITLE_NAME_OF.finditer(text):
        name = m.group(1)
        if is_acronym(name) or _has_head(name):
            yield _with_acronym(text, Span(m.start(1), m.end(1)))


def _pattern_names(text: str) -> Iterator[FoundName]:
    """Appositions ("X, a producer of ..."), "the X union", "X ecoplant Co."."""
    for pattern in (_APPOSITION, _TRAILING_NOUN, _SUFFIXED):
        for m in _finditer(pattern, text):
            span = _cue_span(text, m.start(1), m.end(1))
            if span:
                yield _with_acronym(text, span)


def _country_agency_names(text: str) -> Iterator[FoundName]:
    """ "Export Finance Australia", "Statistics Korea": domain words before a country's name."""
    for code, span in find_place_mentions(text):
        if len(code) != 2 or not _after_lower_word(text, span.start):
            continue
        m = re.search(r"((?:[A-Z][a-z]+ ){1,3})$", text[max(0, span.start - 40) : span.start])
        if not m:
            continue
        lead = m.group(1).split()
        if all(w in DOMAIN_WORDS for w in lead) and text[span.end : span.end + 2] not in {"’s", "'s"}:
            yield _with_acronym(text, Span(span.start - len(m.group(1)), span.end))


def _lower_headed_names(text: str) -> Iterator[FoundName]:
    """ "the Ifo institute said": a name with its head word written in lower case."""
    for m in _finditer(_LOWER_HEADED, text):
        name = m.group(1).rsplit(maxsplit=1)[0]
        words = name.split()
        if any(w in SENTENCE_WORDS | MONTHS | REGION_WORDS or _is_place(w) for w in words):
            continue  # "the European commission", "the Korean agency": no name of a body
        if _has_head(name) or _titled_person(text, name) or _is_place(re.sub(r"['’]s$", "", name)):
            continue
        yield _with_acronym(text, Span(m.start(1), m.end(1)))


def _speaker_names(text: str) -> Iterator[FoundName]:
    """ "TrendForce said", "SK On said": a speaker whose name is shaped like a firm's."""
    for cue in _finditer(_SPEAKER, text):
        m = _RUN_BEFORE.search(text, max(0, cue.start() - 80), cue.start())
        span = _cue_span(text, m.start(1), m.end(1)) if m else None
        words = text[span.start : span.end].split() if span else []
        name = " ".join(words)
        if not span or len(words) > 4 or not _firm_shaped(words):
            continue
        if not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield _with_acronym(text, span)


def _firm_shaped(words: list[str]) -> bool:
    """A CamelCase word ("TrendForce") or an acronym ("SK On", "KEPCO"), no person's "MUTO Yoji"."""
    if any(_is_place(w) or w in TITLES | REGION_WORDS for w in words):
        return False
    if len(words) >= 2 and words[-2].isupper() and len(words[-2]) >= 3 and words[-1][1:].islower():
        return False  # a family name in capitals before a given name: "Industry HAYASHIDA Kenji"
    return any(_CAMEL.search(w) or (is_acronym(w) and w.isalpha()) for w in words)


def _kind_after_names(text: str) -> Iterator[FoundName]:
    """ "the BDI industry association", "Boeing aircraft", "the Bundesbank"."""
    kinds = (
        m
        for cue in _finditer(_KIND_AFTER, text)
        if (m := _RUN_BEFORE.search(text, max(0, cue.start() - 80), cue.start()))
    )
    for pattern in (kinds, _finditer(_MAKER_OF, text), _finditer(_BANK_WORD, text)):
        for m in pattern:
            group = 1 if m.re.groups else 0
            name = m.group(group)
            if _is_place(name) or name in REGION_WORDS | GIVEN_NAMES | SENTENCE_WORDS | MONTHS:
                continue
            if re.search(r"(?:an|ese|ish|ian)$", name) and not is_acronym(name):
                continue  # "Korean cars", "Japanese chips": a nation's, no maker's
            start = _trim_leading(text, m.start(group), m.end(group))
            if start < m.end(group) and not _titled_person(text, text[start : m.end(group)]):
                yield _with_acronym(text, Span(start, m.end(group)))


def _led_by_names(text: str) -> Iterator[FoundName]:
    """ "Exports of phones, led by Samsung": a leader that is no person's name."""
    for m in _finditer(_LED_BY, text):
        span = _cue_span(text, m.start(1), m.end(1))
        name = text[span.start : span.end] if span else ""
        if span and not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield _with_acronym(text, span)


def _surname_elsewhere(text: str, name: str) -> bool:
    """ "Jane Smith ... led by Smith", "Mr Smith": the name is someone's surname."""
    if f" {name}" not in text:
        return False
    befores = (m.group(1) for m in re.finditer(rf"(\S+) {re.escape(name)}(?![\w-])", text))
    return any(_given_or_courtesy(w) for w in befores)


def _given_or_courtesy(word: str) -> bool:
    """A word that may stand before a surname: "Mr", "Jane"; not "The", "Bank", "KEPCO"."""
    if word in HONORIFICS:
        return True
    capital = word[:1].isupper() and word.isalpha() and not is_acronym(word)
    return capital and word not in SENTENCE_WORDS and word not in ORG_HEADS


def _according_to_names(text: str) -> Iterator[FoundName]:
    """ "According to Eurostat": a source that is not a person."""
    for m in _finditer(_ACCORDING_TO, text):
        span = _cue_span(text, m.start(1), m.end(1))
        if span and len(text[span.start : span.end].split()) <= 4:
            yield _with_acronym(text, span)


def _corporate_names(text: str) -> Iterator[FoundName]:
    """ "Kia's Hwaseong plant", "shares of Acme", "Acme shares rose": a company by what it has."""
    for _, m in find_first_of(_CORPORATE_CUES, text):
        span = _cue_span(text, m.start(1), m.end(1))
        name = text[span.start : span.end] if span else ""
        if span and not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield _with_acronym(text, span)


def _deal_names(text: str) -> Iterator[FoundName]:
    """ "Saudi Aramco and BP signed a memorandum": the parties to a deal."""
    for m in _finditer(_DEAL_CUE, text):
        for group in (1, 2):
            span = _cue_span(text, m.start(group), m.end(group)) if m.group(group) else None
            if span and not _titled_person(text, text[span.start : span.end]):
                yield _with_acronym(text, span)


def _titled_person(text: str, name: str) -> bool:
    """A name written after a title somewhere ("President Trump"), or shaped like a person's."""
    if _looks_like_person(name.split()) or name in GIVEN_NAMES or name in EAST_ASIAN_SURNAMES:
        return True
    return f" {name}" in text and any(f"{title} {name}" in text for title in NAME_TITLES)


def _ministry_names(text: str) -> Iterator[FoundName]:
    """ "the labor ministry": a ministry named by its portfolio."""
    for m in _finditer(_LOWER_MINISTRY, text):
        yield FoundName(m.group(1), Span(m.start(1), m.end(1)))


@functools.cache
def _known_pattern() -> re.Pattern[str]:
    forms = sorted({*KNOWN_ORGS, *KNOWN_ORGS.values(), *KNOWN_NAMES}, key=len, reverse=True)
    alternation = lead_alternation(forms, r"[\w-]")
    return re.compile(rf"(?:{alternation})(?![\w-])")


_ACRONYM_OF = {name: acronym for acronym, name in KNOWN_ORGS.items()}


_INDEX_AFTER = re.compile(r"\s*(?:\d|(?i:index|average|stock average|benchmark))")


def _known_names(text: str) -> Iterator[FoundName]:
    for m in _known_pattern().finditer(text):
        name = m.group(0)
        if _INDEX_AFTER.match(text, m.end()):
            continue  # "the Nikkei 225", "the Nikkei index": a stock index, not the paper
        acronym = name if name in KNOWN_ORGS else _ACRONYM_OF.get(name)
        yield FoundName(name, Span(m.start(), m.end()), acronym)


def _is_place(name: str) -> bool:
    return is_place_name(name)


def _starts_sentence(text: str, pos: int) -> bool:
    return pos == 0 or bool(re.search(r"(?:[.!?:]\s*|\n\s*|[“\"]|-- )$", text[max(0, pos - 4) : pos]))


_RANKS = frozenset(
    {"Deputy", "Vice", "Senior", "Acting", "Interim", "Former", "Assistant", "Associate", "Under"}
)
_GENERIC = ORG_HEADS | TRAILERS | DOMAIN_WORDS | {"and", "&", "the"}


def _generic(words: list[str]) -> bool:
    """ "Exchange Commission", "Investments Ltd": nothing in it names one body."""
    portfolio_ministry = len(words) == 2 and words[1] == "Ministry"  # "the Finance Ministry"
    return len(words) <= 2 and all(w in _GENERIC for w in words) and not portfolio_ministry


def is_plausible(found: FoundName) -> bool:
    words = found.name.split()
    if (
        not words
        or words[0] in HONORIFICS
        or len(words) > (16 if found.acronym else 12)
        or found.name in SENTENCE_WORDS | MONTHS | TITLES
    ):
        return False
    if found.name in KNOWN_NAMES or found.name in _ACRONYM_OF:
        return True
    if any(w in NON_ORG_WORDS for w in words) and not _has_head(found.name):
        return False
    if _generic(words) and found.name not in LONE_HEADS | KNOWN_NAMES:
        return False
    if len(words) == 1 and re.search(r"-[a-z]+$", words[0]):
        return False
    if len(words[-1].strip(".")) == 1:
        return False  # "C", "Class C": a letter, not a name
    if _looks_like_person(words) and not _has_head(found.name):
        return False  # "David Brown": a person's name, not a body
    if len(words) > 2 and _looks_like_person(words[-2:]) and words[-1] not in ORG_HEADS:
        return False  # "Energy Policy Yoo Jin-ho": a title's end and a person
    if len(words) == 1 and words[0] in GEO_WORDS:
        return False  # "Washington", "Seoul": a city or state standing for its government
    if all(_is_place(w) or w in TITLES | TITLE_MODIFIERS | REGION_WORDS | CONTINENT_WORDS for w in words):
        return False  # "Korean", "Deputy U.S.", "Southeast Asia": places and titles name no body
    if words[0] in _RANKS and not _has_head(found.name):
        return False  # "Deputy China International ...": the start of a title
    return not _is_place(found.name) and not found.name.isdigit()


def _looks_like_person(words: list[str]) -> bool:
    """ "David Brown", "Kim Ho-jin": a name shaped like a person's."""
    if len(words) not in (2, 3):
        return False
    korean = words[0] in EAST_ASIAN_SURNAMES and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1])
    return bool(korean) or words[0] in GIVEN_NAMES


_DEFINED = re.compile(
    rf"((?:{_RUN_LED})(?:(?: of the | of | for | and | & |, )(?:{RUN}))*)\s*\(([A-Z][A-Za-z&]*[A-Z])\)"
)


def _spells(acronym: str, name: str) -> bool:
    """ "MoIT" spells "Ministry of Industry and Trade", "HMRC" "HM Revenue & Customs": the
    acronym's capitals are the initials of the name's capitalised words (all of an acronym's)."""
    letters = "".join(c for c in acronym if c.isupper())
    words = re.findall(r"[\w’'.-]+", name)
    spelled = "".join(w.replace(".", "") if is_acronym(w) else w[0] for w in words if w[0].isupper())
    return letters in {initials(name), spelled}


def _defined_names(text: str) -> Iterator[FoundName]:
    """ "Korea Hydro & Nuclear Power (KHNP)": a name its acronym spells, head word or not."""
    for m in _DEFINED.finditer(text) if "(" in text else ():
        words = m.group(1).split()
        for i in range(len(words) - 1):
            tail = " ".join(words[i:])
            titled = set(words[i:]) & (TITLES | NAME_TITLES)
            if _spells(m.group(2), tail) and words[i][0].isupper() and not titled:
                start = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                yield FoundName(tail, Span(start, m.end(1)), m.group(2))
                break


NAME_FINDERS = (
    _headed_names,
    _known_names,
    _ministry_names,
    _country_agency_names,
    _defined_names,
)
CUE_FINDERS = (
    _titled_names,
    _descriptor_names,
    _listed_names,
    _pattern_names,
    _according_to_names,
    _lower_headed_names,
    _led_by_names,
    _speaker_names,
    _kind_after_names,
    _corporate_names,
    _deal_names,
)


def cue_start(text: str) -> int:
    """Cues count from here: not in a headline written in title case."""
    end = headline_end(text)
    return end if is_title_case(text[:end]) else 0


def _confirmed(text: str, found: FoundName, start: int) -> bool:
    """A name from a title-case headline counts only if the body writes it too (or it is an acronym)."""
    if found.span.start >= start or is_acronym(found.name) or found.name in KNOWN_NAMES:
        return True
    return found.name in text[start:]


def find_org_names(text: str) -> list[FoundName]:
    """Every organisation name found, in text order."""
    start = cue_start(text)
    found = [f for finder in NAME_FINDERS for f in finder(text) if _confirmed(text, f, start)]
    found += [f for finder in CUE_FINDERS for f in finder(text) if f.span.start >= start]
    return sorted((f for f in found if is_plausible(f)), key=lambda f: f.span.start)


def coordinated_names(text: str, found: list[FoundName]) -> Iterator[FoundName]:
    """ "Honda and Nissan": a name joined by "and" or a comma to a known organisation is one too."""
    names = {f.name for f in found}
    for m in _PAIR.finditer(text):
        first, second = _cue_span(text, m.start(1), m.end(1)), _cue_span(text, m.start(2), m.end(2))
        for known, other in ((first, second), (second, first)):
            short = other is not None and len(text[other.start : other.end].split()) <= 4
            if known and other and short and text[known.start : known.end] in names:
                yield _with_acronym(text, other)


def initials(name: str) -> str:
    """ "Freudenberg Battery Power System" -> "FBPS" (capitalised words only)."""
    return "".join(w[0] for w in re.findall(r"[\w’'.-]+", name) if w[0].isupper())
