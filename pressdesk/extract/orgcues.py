"""Organisation names found from a cue around them rather than from their own words.

"chip giant X", "companies such as X and Y", "X Chairman <person>", "CEO of
X", "X's plant", "shares of X", "X and Y signed a deal", "led by X", "the X
institute", "TrendForce said", "Boeing aircraft", "according to X", "told X",
a dateline's "SEOUL, Dec. 29 (X) --". Each cue
finder scans the text with its own pattern; a pattern that needs a word the
text lacks is not searched (``_TRIGGERS``). Cues in a title-case headline are
left to ``orgnames``, which decides where cues count from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pressdesk.extract.foundnames import (
    RUN_ALONE,
    RUN_LED,
    RUN_UNQUOTED,
    FoundName,
    has_head,
    looks_like_person,
    trim_leading,
    with_acronym,
)
from pressdesk.extract.lexicon import (
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GIVEN_NAMES,
    HONORIFICS,
    LOWER_HEADS,
    MONTHS,
    NAME_TITLES,
    ORG_DESCRIPTOR_PHRASES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_LIST_NOUNS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    words,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import (
    CAP,
    RUN,
    SPOKE_OF_ITSELF,
    UPPER,
    caseless_words,
    find_first_of,
    is_acronym,
    lead_alternation,
    starts_sentence,
)
from pressdesk.facts import Span

__all__ = ["CUE_FINDERS", "cue_span"]

_WORD_CHAR = r"\w"
_CAPITAL = re.compile(f"[{UPPER}]")
_LOWER_TAIL = re.compile(r" ([a-z][a-z-]+)(?= (?:Co\.|Inc\.|Corp\.|Ltd\.)| [a-z]|[,;])")
_SP = r"[ \t\u00a0]+"  # spaces within a line: a cue never reaches across a paragraph
_DESCRIPTOR = re.compile(
    rf"\b(?:{caseless_words((*ORG_DESCRIPTOR_PHRASES, *sorted(ORG_DESCRIPTORS)))}|[\w.]++-based)"
    rf"{_SP}(?:the{_SP})?({RUN})"
)
_LED_BY = re.compile(rf"\b(?:led|dominated|spearheaded) by{_SP}((?>{RUN}))(?![\w’'-])")

# Cues found first, the capitalised run before them second (scanning every run is slow).
_RUN_BEFORE = re.compile(rf"({RUN_ALONE})$")
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
_APPOSITION = re.compile(
    rf"({RUN_LED}),{_SP}(?:a|an|the){_SP}(?:(?!(?:of|for|at|in|to|with|on|by){_SP})[\w-]+{_SP}){{0,3}}?"
    rf"(?:{'|'.join(sorted(ORG_DESCRIPTORS))})\b"
    r"(?!\s+(?:said|says|added|told|noted|stated|announced|reported|explained)\b)"  # ", the company said"
)
_APPOSITION_CUE = re.compile(rf",{_SP}(?:a|an|the){_SP}")  # without which no apposition matches
_TRAILING_NOUN = re.compile(rf"(?:the{_SP})({RUN}){_SP}(?:union|conglomerate|group)\b")
_SUFFIXED = re.compile(rf"({RUN_LED}(?: [a-z][\w-]+)? (?:Co\.|Inc\.|Corp\.|Ltd\.|LLC))")
_ACCORDING_TO = re.compile(
    rf"\b[Aa]ccording to (?:the |an? (?=(?:{RUN}) (?:report|survey|study|poll|analysis|estimate|tally)s?\b))?"
    rf"({RUN})"
)

# Who a person spoke to or a poll was run by, named in one word: "told Reuters", "polled by
# Yonhap" (a longer run there is as often a title and a person, or a body and its people).
_AUDIENCE = re.compile(
    rf"\b(?:told|(?:polled|interviewed|surveyed|quoted|contacted) by)[ \t\u00a0]+(?:the )?"
    rf"((?:{CAP}))(?![\w’'-]|[ \u00a0][{UPPER}]|,?\s+(?:and|&)\s+[{UPPER}])"
)
_ADJECTIVE_END = re.compile(r"(?:al|an|ese|ish|ian|ic)$")  # "Congressional", "Korean"

# A wire service credited in a dateline: "BERLIN, Oct 8 (Reuters) -", "WASHINGTON (AP) --". The
# credit is found first, the place and date written in capitals before it second.
_CREDIT = re.compile(r"\(([A-Z][\w&.'’ -]{0,40}?)\)[ \t\u00a0]*(?:--?|–|—)")
_DATELINE_BEFORE = re.compile(
    rf"(?<![\w,])[{UPPER}]{{2,}}(?:[ .'-]+[{UPPER}]+)*(?:,{_SP}[A-Z][a-z]{{2,8}}\.?{_SP}\d{{1,2}})?{_SP}$"
)
_CORPORATE_NOUNS = (
    "shares|stock|stocks|shareholders|board|subsidiary|subsidiaries|affiliate|affiliates|unit|division"
    "|plant|plants|factory|factories|chairman|chairwoman|CEO|chief executive|earnings|brand|products"
    "|revenue|revenues|profit|profits|customers|suppliers|chips|smartphones"
    "|market share|market value|valuation"
)

# "Kia's Hwaseong plant", "shares of Acme", "Acme shares rose": searched as one alternation.
_CORPORATE_CUES = (
    re.compile(rf"({RUN_ALONE})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_CORPORATE_NOUNS})\b"),
    re.compile(rf"(?:{caseless_words(('shares', 'stock'), _WORD_CHAR)}) (?:of|in) ({RUN})"),
    re.compile(
        rf"({RUN_ALONE}) shares (?:rose|fell|jumped|gained|slid|dropped|climbed|surged|plunged|closed)\b"
    ),
)
_DEAL_CUE = re.compile(
    rf"({RUN_ALONE})(?:,? and ({RUN}))?(?: has| have| had)? (?:signed|inked|won|clinched|secured) "
    r"(?:a|an|the) "
    r"(?:[\w$€£¥₩.,-]+ ){0,4}?(?:memorandum|MOU|MoU|agreement|deal|contract|order|orders)\b"
)
_FUNCTION_WORDS = words(
    "and or the a an of to in on at for with said has is was will common preferred form stock class"
    " it its he she they we that this which who"
)

# Words without one of which a cue cannot match: a text that has none is not searched for it.
# A cue edited to match without its words must have them added here, or it silently never
# matches (tests/test_prefilters.py searches every cue in every text and expects the same).
_TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {
    _LOWER_HEADED: tuple(sorted(LOWER_HEADS)),
    _LED_BY: ("led by", "dominated by", "spearheaded by"),
    _ACCORDING_TO: ("ccording to ",),
    _CREDIT: (")",),
    _AUDIENCE: ("told", " by"),
    _DEAL_CUE: (" signed ", " inked ", " won ", " clinched ", " secured "),
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


def cue_span(text: str, start: int, end: int) -> Span | None:
    """The name a cue points at, cut before any title ("Toyota Chairman Akio Toyoda")."""
    start = trim_leading(text, start, end)
    words = text[start:end].split()
    keep = words[: _title_start(words)]
    if not keep or keep[0] in SENTENCE_WORDS | MONTHS:
        return None
    return _extend_lower_tail(text, Span(start, start + len(" ".join(keep))))


def _descriptor_names(text: str) -> Iterator[FoundName]:
    for m in _DESCRIPTOR.finditer(text):
        capital = m.group(0)[0].isupper() and "-based" not in m.group(0).split()[0]
        if capital and not starts_sentence(text, m.start()):
            continue
        span = cue_span(text, m.start(1), m.end(1))
        if span:
            yield with_acronym(text, span)


def _listed_names(text: str) -> Iterator[FoundName]:
    for cue in _LIST_CUE.finditer(text):
        pos = cue.end()
        while item := _LIST_ITEM.match(text, pos):
            span = cue_span(text, item.start(1), item.end(1))
            if span:
                yield with_acronym(text, span)
            if item.end() == pos or not item.group(0)[len(item.group(1)) :].strip(" ()"):
                break
            pos = item.end()


_TITLED = re.compile(
    rf"((?:{RUN_UNQUOTED}))[ \u00a0](?:(?:{'|'.join(sorted(TITLE_MODIFIERS))})\s)*"
    rf"(?:{'|'.join(re.escape(t) for t in sorted(TITLES))})(?!\w) ({RUN})"
)

# Titles only a government gives: the words before one name its portfolio, not a body.
_PORTFOLIO_TITLE = re.compile(r"\b(?:Minister|Secretary)\b")

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
    if not _NOT_BRAND.search(brand) and brand not in ORG_DESCRIPTORS and is_place_name(country):
        yield with_acronym(text, Span(m.start(1), m.end("brand") + len(country)))
        return
    span = cue_span(text, m.end("brand"), m.end(1))  # "analyst at leading Korea Zinc"
    if span:
        yield with_acronym(text, span)


def _titled_names(text: str) -> Iterator[FoundName]:
    """ "FOMEK Chairman Choi", "Toyota Chairman Akio Toyoda", "CEO of S-OIL"."""
    for m in _TITLED.finditer(text):
        words = text[m.start(1) : m.end(1)].split()
        if len(m.group(2).split()) < 2 and not is_acronym(words[0]):
            continue
        if _PORTFOLIO_TITLE.search(text, m.end(1), m.start(2)) and not (
            is_acronym(words[0]) or has_head(" ".join(words))
        ):
            continue  # "Economic Revitalization Minister X": a portfolio, no body
        while words and words[-1] in TITLE_MODIFIERS | NAME_TITLES:
            words.pop()
        if words:
            span = cue_span(text, m.start(1), m.start(1) + len(" ".join(words)))
            if span:
                yield with_acronym(text, span)
    for m in _TITLE_OF.finditer(text):
        if m.group("brand"):
            yield from _brand_name(text, m)
            continue
        span = cue_span(text, m.start(1), m.end(1))
        if span:
            yield with_acronym(text, span)
    for m in _TITLE_NAME_OF.finditer(text):
        name = m.group(1)
        if is_acronym(name) or has_head(name):
            yield with_acronym(text, Span(m.start(1), m.end(1)))


def _pattern_names(text: str) -> Iterator[FoundName]:
    """Appositions ("X, a producer of ..."), "the X union", "X ecoplant Co."."""
    appositions = _APPOSITION_CUE.search(text) is not None
    for pattern in (_APPOSITION, _TRAILING_NOUN, _SUFFIXED):
        for m in _finditer(pattern, text) if appositions or pattern is not _APPOSITION else ():
            span = cue_span(text, m.start(1), m.end(1))
            if span:
                yield with_acronym(text, span)


def _lower_headed_names(text: str) -> Iterator[FoundName]:
    """ "the Ifo institute said": a name with its head word written in lower case."""
    for m in _finditer(_LOWER_HEADED, text):
        name = m.group(1).rsplit(maxsplit=1)[0]
        words = name.split()
        if any(w in SENTENCE_WORDS | MONTHS | REGION_WORDS or is_place_name(w) for w in words):
            continue  # "the European commission", "the Korean agency": no name of a body
        if has_head(name) or _titled_person(text, name) or is_place_name(re.sub(r"['’]s$", "", name)):
            continue
        yield with_acronym(text, Span(m.start(1), m.end(1)))


def _speaker_names(text: str) -> Iterator[FoundName]:
    """ "TrendForce said", "SK On said": a speaker whose name is shaped like a firm's, or that
    speaks of itself as "it" ("Hanwha Ocean said Tuesday it has won")."""
    for cue in _finditer(_SPEAKER, text):
        if not _capital_in_last_word(text, cue.start()):
            continue  # "he said": no capitalised run ends at the cue
        m = _RUN_BEFORE.search(text, max(0, cue.start() - 80), cue.start())
        start = m.start(1) if m else 0
        stops = list(_SUFFIX_STOP.finditer(text, start, cue.start())) if m else []
        start = stops[-1].end() if stops else start  # "sell ... to Columbia Aluminium Corp. Comalco said"
        span = cue_span(text, start, m.end(1)) if m else None
        words = text[span.start : span.end].split() if span else []
        name = " ".join(words)
        if not span or len(words) > 4:
            continue
        if not (_firm_shaped(words) or _speaks_of_itself(text, span, cue.start())):
            continue
        if not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield with_acronym(text, span)


def _capital_in_last_word(text: str, end: int) -> bool:
    """A capital in the word before ``end`` (after its last space), where a run's last word starts."""
    return _CAPITAL.search(text, text.rfind(" ", max(0, end - 80), end) + 1, end) is not None


def _speaks_of_itself(text: str, span: Span, cue: int) -> bool:
    """ "Hanwha Ocean said Tuesday it has won": a body (not "the Garden said it would open": a
    lone word after "the" names none; nor "Analysts said"; nor "of Rotterdam said it": a place
    the body before it is in)."""
    name = text[span.start : span.end]
    located = _LOCATED_BEFORE.search(text, max(0, span.start - 6), span.start) is not None
    lone = " " not in name and text[max(0, span.start - 4) : span.start].lower() == "the "
    if located or lone or name in _SPEAKING_PEOPLE:
        return False
    return SPOKE_OF_ITSELF.match(text, cue) is not None


_SUFFIX_STOP = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Bros|Plc|PLC|Cos)\.\s+(?=[A-Z])")
_LOCATED_BEFORE = re.compile(r"\b(?:of|in|at|from|near)\s+$")
# Capitalised nouns for people who speak in the news: no body's name.
_SPEAKING_PEOPLE = frozenset(
    {"Analysts", "Officials", "Economists", "Traders", "Dealers", "Experts", "Investors", "Bankers",
     "Diplomats", "Sources", "Critics", "Residents", "Authorities", "Executives", "Regulators",
     "Lawmakers", "Observers", "Brokers"}
)  # fmt: skip


def _firm_shaped(words: list[str]) -> bool:
    """A CamelCase word ("TrendForce") or an acronym ("SK On", "KEPCO"), no person's "MUTO Yoji"."""
    if any(is_place_name(w) or w in TITLES | REGION_WORDS for w in words):
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
            if is_place_name(name) or name in REGION_WORDS | GIVEN_NAMES | SENTENCE_WORDS | MONTHS:
                continue
            if re.search(r"(?:an|ese|ish|ian)$", name) and not is_acronym(name):
                continue  # "Korean cars", "Japanese chips": a nation's, no maker's
            start = trim_leading(text, m.start(group), m.end(group))
            if start < m.end(group) and not _titled_person(text, text[start : m.end(group)]):
                yield with_acronym(text, Span(start, m.end(group)))


def _led_by_names(text: str) -> Iterator[FoundName]:
    """ "Exports of phones, led by Samsung": a leader that is no person's name."""
    for m in _finditer(_LED_BY, text):
        span = cue_span(text, m.start(1), m.end(1))
        name = text[span.start : span.end] if span else ""
        if span and not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield with_acronym(text, span)


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
        span = cue_span(text, m.start(1), m.end(1))
        if span and len(text[span.start : span.end].split()) <= 4:
            yield with_acronym(text, span)


def _audience_names(text: str) -> Iterator[FoundName]:
    """ "told Reuters", "polled by Yonhap": a listener or pollster that is no person's name."""
    for m in _finditer(_AUDIENCE, text):
        span = cue_span(text, m.start(1), m.end(1))
        name = text[span.start : span.end] if span else ""
        person = _titled_person(text, name) or _surname_elsewhere(text, name)
        if span and not person and not (_ADJECTIVE_END.search(name) and not is_acronym(name)):
            yield with_acronym(text, span)


def _credited_names(text: str) -> Iterator[FoundName]:
    """ "SEOUL, Dec. 29 (Yonhap) --": the wire service a dateline credits."""
    for m in _finditer(_CREDIT, text):
        if _DATELINE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield FoundName(m.group(1), Span(m.start(1), m.end(1)))


def _corporate_names(text: str) -> Iterator[FoundName]:
    """ "Kia's Hwaseong plant", "shares of Acme", "Acme shares rose": a company by what it has."""
    for _, m in find_first_of(_CORPORATE_CUES, text):
        span = cue_span(text, m.start(1), m.end(1))
        name = text[span.start : span.end] if span else ""
        if span and not _titled_person(text, name) and not _surname_elsewhere(text, name):
            yield with_acronym(text, span)


def _deal_names(text: str) -> Iterator[FoundName]:
    """ "Saudi Aramco and BP signed a memorandum": the parties to a deal."""
    for m in _finditer(_DEAL_CUE, text):
        for group in (1, 2):
            if group == 1 and _portfolio_joined(m):
                continue  # "Business and Trade Secretary Peter Kyle signed the deal": a title's
            span = cue_span(text, m.start(group), m.end(group)) if m.group(group) else None
            if span and not _titled_person(text, text[span.start : span.end]):
                yield with_acronym(text, span)


def _portfolio_joined(m: re.Match[str]) -> bool:
    """The first party of a deal cue is a portfolio the second's title goes on with: "(British
    Business) and (Trade Secretary Peter Kyle)"."""
    second = (m.group(2) or "").split()
    last = m.group(1).split()[-1]
    return last in DOMAIN_WORDS and any(w in TITLES for w in second[:4])


def _titled_person(text: str, name: str) -> bool:
    """A name written after a title somewhere ("President Trump"), or shaped like a person's."""
    if looks_like_person(name.split()) or name in GIVEN_NAMES or name in EAST_ASIAN_SURNAMES:
        return True
    if f" {name}" not in text:
        return False
    if any(f"{title} {name}" in text for title in NAME_TITLES):
        return True
    # "Commissioner for Trade and Economic Security Maroš Šefčovič": a title's portfolio run
    # into the name after it
    at = text.find(name)
    return bool(_TITLE_PORTFOLIO.search(text, max(0, at - 80), at))


_TITLE_PORTFOLIO = re.compile(  # ("Minister of State for Foreign Trade X": two portfolios)
    rf"\b(?:{'|'.join(re.escape(t) for t in sorted(NAME_TITLES))})"
    r"(?:\s+(?:for|of)(?:\s+[A-Z][\w-]*,?(?:\s+(?:and|&))?)*)+\s+$"
)


CUE_FINDERS = (
    _titled_names,
    _descriptor_names,
    _listed_names,
    _pattern_names,
    _according_to_names,
    _credited_names,
    _audience_names,
    _lower_headed_names,
    _led_by_names,
    _speaker_names,
    _kind_after_names,
    _corporate_names,
    _deal_names,
)
