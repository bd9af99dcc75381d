"""Organisation names found in text, before they are grouped into organisations.

Runs of capitalised words are joined into names ("Ministry of Trade,
Industry and Resources") and kept when a head word says they are a body
("... Association", "... Co.", "Ministry of ..."), when their acronym spells
them ("Korea Hydro & Nuclear Power (KHNP)"), when a cue around them says so
(``orgcues``: "chip giant X", "CEO of X", "shares of X", "TrendForce said"),
or when they are well-known public bodies (``lexicon.KNOWN_ORGS``, ``KNOWN_NAMES``).
Committees, meetings, programmes, funds and agreements are left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pressdesk.extract.foundnames import (
    ACRONYM_DEF,
    RUN_LED,
    FoundName,
    has_head,
    head_index,
    initials,
    looks_like_person,
    trim_leading,
    with_acronym,
)
from pressdesk.extract.lexicon import (
    BARE_HEADS,
    COMPLEMENT_HEADS,
    CONTINENT_WORDS,
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GEO_WORDS,
    HONORIFICS,
    KNOWN_NAMES,
    KNOWN_ORGS,
    LONE_HEADS,
    MONTHS,
    NAME_TITLES,
    NON_ORG_WORDS,
    ORG_HEADS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
)
from pressdesk.extract.orgcues import CUE_FINDERS, cue_span
from pressdesk.extract.places import find_place_mentions, is_place_name
from pressdesk.extract.text import (
    RUN,
    find_runs,
    headline_end,
    is_acronym,
    is_title_case,
    lead_alternation,
)
from pressdesk.extract.wholenames import whole_name
from pressdesk.facts import Span

__all__ = ["FoundName", "coordinated_names", "cue_start", "find_org_names", "initials", "is_plausible"]

_COMPLEMENT = frozenset({" of ", " of the ", " for ", " for the ", " on ", " in ", " in the "})
_LISTING = frozenset({" and ", ", ", ", and ", " & "})
# Heads whose name says where they are: "Embassy of Korea in the Philippines", "American
# Chamber of Commerce in Korea"; any other body's "in Seoul" says where it is, not who (but
# "in" a field is of its name: "Council for Trade in Goods").
_IN_HEADS = frozenset({"Embassy", "Embassies", "Consulate", "Consulate-General", "Chamber",
                       "Chambers", "Mission", "Delegation", "Representation"})

# Words that may follow an organisation's head word ("... Bank Group", "... Motor Co.").
TRAILERS = frozenset({"Co.", "Inc.", "Corp.", "Ltd.", "LLC", "PLC", "Plc", "AG", "GmbH", "Group",
                      "Holdings"})

# Company suffixes, which after "and" or "&" end the name before them ("... and Co Inc").
_SUFFIXES = frozenset(
    {"Co", "Co.", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "PLC", "Plc", "plc", "LLC", "AG", "SA",
     "Pte", "Bhd", "Berhad"}
)

# Heads written in two words: "Directorate General of ...", "Secretariat General".
_GENERAL_HEADS = frozenset({"Directorate", "Secretariat", "Inspectorate"})


def _head_tail_ok(run: list[str], head: int) -> bool:
    """What follows the head word of a run: nothing, trailers, or "General" after a Directorate."""
    tail = run[head + 1 :]
    return set(tail) <= TRAILERS or (tail == ["General"] and run[head] in _GENERAL_HEADS)


def _takes_complement(words: list[str]) -> bool:
    """ "Ministry" of "Ministry of ...", "Directorate General" of "Directorate General of ..."."""
    return words[-1] in COMPLEMENT_HEADS or (len(words) > 1 and _head_tail_ok(words, len(words) - 2))


_PAIR = re.compile(rf"({RUN_LED}),?\s+(?:and|or)\s+(?=({RUN}))")
_LOWER_MINISTRY = re.compile(r"\b(?:the|[A-Z]\w+['’]s)\s+([a-z]+ ministry)\b")
_MINISTRY_WORD = " ministry"  # without which _LOWER_MINISTRY cannot match


def _after_lower_word(text: str, start: int) -> bool:
    """A lower-case letter and a space just before ``start`` (a newline may follow the space)."""
    end = start - 1 if text[start - 1 : start] == "\n" else start
    return text[end - 1 : end] == " " and text[end - 2 : end - 1].islower()


def _chains(text: str) -> Iterator[list[tuple[str, Span]]]:
    """Runs of capitalised words with the connectors that join them."""
    chain: list[tuple[str, Span]] = []
    for run in find_runs(text):
        between = text[chain[-1][1].end : run.start] if chain else ""
        complement = any(conn in _COMPLEMENT for conn, _ in chain)  # "Ministry of Food & ..."
        if chain and between == " & " and not complement:  # "Korea Shipbuilding & Offshore ...": one name
            chain[-1] = (chain[-1][0], Span(chain[-1][1].start, run.end))
            continue
        if chain and between in _COMPLEMENT | _LISTING:
            chain.append((between, run))
            continue
        if chain:
            yield chain
        chain = [("", run)]
    if chain:
        yield chain


def _is_org_phrase(phrase: str, lone_ok: bool, head_run: str | None = None) -> bool:
    words = phrase.split()
    run = (head_run or phrase).split()
    head = head_index(run)
    if head < 0 or 0 < head < len(run) - 1 and not _head_tail_ok(run, head):
        return False
    if any(w in NON_ORG_WORDS for w in words[head + 1 :]) or words[-1] in NON_ORG_WORDS:
        return False
    if len(words) == 1:
        return lone_ok and words[0] in LONE_HEADS
    return not any(w in NAME_TITLES for w in run)


_WORD = re.compile(r"\S+")


def _complement_end(text: str, chain: list[tuple[str, Span]], i: int) -> int:
    """Where "Ministry of Trade, Industry and Resources" ends, from its head run."""
    end = chain[i][1].end
    seen_complement = False
    for conn, run in chain[i + 1 :]:
        words = list(_WORD.finditer(text, run.start, run.end))
        parts = [w.group() for w in words]
        # "Ministry of Finance Minister Kim": the name ends before the title
        title = next((k for k, w in enumerate(parts[:-1]) if w in NAME_TITLES | TITLES), None)
        if title == 0:
            break
        phrase_end = words[title - 1].end() if title else run.end
        phrase = text[run.start : phrase_end]
        if is_acronym(phrase) and initials(text[chain[i][1].start : end]).endswith(phrase):
            break  # "Chicago Board of Trade, CBT,": the name's acronym, no portfolio
        if conn in (" in ", " in the ") and not (
            _IN_HEADS.intersection(text[chain[i][1].start : end].split()) or _is_portfolio(phrase)
        ):
            break  # "Bank of Korea in Seoul": where it is, not its name ("Trade in Goods" is)
        if conn in _COMPLEMENT:
            seen_complement = True
        elif not seen_complement or has_head(phrase) or not _is_portfolio(phrase):
            if seen_complement and conn in {" and ", " & "} and _acronym_covers(text, chain[i][1].start, run):
                return run.end  # "... Light Industrial Products and Arts-Crafts (CCCLA)"
            break
        if any(w in NON_ORG_WORDS | MONTHS for w in parts[:title]):
            break
        end = phrase_end
        if title is not None:
            break
    return end


def _acronym_covers(text: str, start: int, run: Span) -> bool:
    """The acronym defined right after ``run`` spells the name from ``start`` through it: its
    letters are among the name's initials, in order, the last of them the run's."""
    m = ACRONYM_DEF.match(text, run.end)
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
        start = trim_leading(text, run.start, run.end)
        words = text[start : run.end].split()
        if head_index(words) < 0:
            continue
        company = set(words) <= _SUFFIXES  # "Morgan Stanley and Co Inc", "Smith & Co."
        if i > 0 and conn in {" and ", " & "} and (company or _ends_in_domain(text, chain[i - 1][1])):
            listed = company and i > 1 and chain[i - 1][0] == ", "  # "Kidder, Peabody and Co"
            before = text[chain[i - 2][1].start : chain[i - 2][1].end].split() if listed else []
            whole = bool(before) and before[-1] in _SUFFIXES  # "Drexel Inc, Bear Stearns and Co"
            first = i - 2 if listed and not whole else i - 1
            start = trim_leading(text, chain[first][1].start, chain[first][1].end)
        end = run.end
        if _takes_complement(words) and i + 1 < len(chain) and chain[i + 1][0] in _COMPLEMENT:
            end = _complement_end(text, chain, i)
            skip_to = next(j for j, (_, r) in enumerate(chain) if r.start < end <= r.end)
        lone_ok = text[max(0, start - 4) : start].lower() == "the " or words[0] in BARE_HEADS
        if _is_org_phrase(text[start:end], lone_ok, text[start : run.end]):
            yield Span(start, end)


def _ends_in_domain(text: str, run: Span) -> bool:
    """ "Australian Trade" before "and Investment Commission": one name across the "and"."""
    words = text[run.start : run.end].split()
    if len(words) == 1 and words[0] in ORG_HEADS:
        return words[0].rstrip(".") not in _SUFFIXES  # "(Holdings) Ltd and ...": a name's end
    return words[-1] in DOMAIN_WORDS and not head_index(words) >= 0


def _headed_names(text: str) -> Iterator[FoundName]:
    for chain in _chains(text):
        for span in _names_in_chain(text, chain):
            yield with_acronym(text, span)


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
            yield with_acronym(text, Span(span.start - len(m.group(1)), span.end))


def _ministry_names(text: str) -> Iterator[FoundName]:
    """ "the labor ministry": a ministry named by its portfolio."""
    for m in _LOWER_MINISTRY.finditer(text) if _MINISTRY_WORD in text else ():
        yield FoundName(m.group(1), Span(m.start(1), m.end(1)))


@functools.cache
def _known_pattern() -> re.Pattern[str]:
    forms = sorted({*KNOWN_ORGS, *KNOWN_ORGS.values(), *KNOWN_NAMES}, key=len, reverse=True)
    alternation = lead_alternation(forms, r"[\w-]")
    return re.compile(rf"(?:{alternation})(?![\w-])")


_ACRONYM_OF = {name: acronym for acronym, name in KNOWN_ORGS.items()}


def _known_names(text: str) -> Iterator[FoundName]:
    for m in _known_pattern().finditer(text):
        name = m.group(0)
        acronym = name if name in KNOWN_ORGS else _ACRONYM_OF.get(name)
        yield FoundName(name, Span(m.start(), m.end()), acronym)


def _is_place(name: str) -> bool:
    return is_place_name(name)


_RANKS = frozenset(
    {"Deputy", "Vice", "Senior", "Acting", "Interim", "Former", "Assistant", "Associate", "Under"}
)
_GENERIC = ORG_HEADS | TRAILERS | DOMAIN_WORDS | {"and", "&", "the"}


def _generic(words: list[str]) -> bool:
    """ "Exchange Commission", "Investments Ltd": nothing in it names one body."""
    # "the Finance Ministry", "the Foreign Office", "the Commerce Department"
    portfolio_ministry = len(words) == 2 and words[1] in ("Ministry", "Office", "Department")
    return len(words) <= 2 and all(w in _GENERIC for w in words) and not portfolio_ministry


_MODEL = re.compile(r"[A-Z]{1,4}-?\d{2,}[A-Z]?")


def _portfolio_then_person(words: list[str]) -> bool:
    """Fields of a portfolio, then a name that begins with a family name of East Asia."""
    fields = 0
    while fields < len(words) and words[fields] in DOMAIN_WORDS:
        fields += 1
    rest = words[fields:]
    return fields > 0 and len(rest) in (2, 3) and rest[0] in EAST_ASIAN_SURNAMES


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
    if words[0].rstrip(".") in _SUFFIXES:
        return False  # "Ltd and Hutchison Whampoa Ltd": the end of the name before
    if any(w in NON_ORG_WORDS for w in words) and not has_head(found.name):
        return False
    if _generic(words) and found.name not in LONE_HEADS | KNOWN_NAMES:
        return False
    if len(words) == 1 and re.search(r"-[a-z]+$", words[0]):
        return False
    if len(words) == 1 and _MODEL.fullmatch(words[0]):
        return False  # "A320", "F-15E", "EMB-120": a model's code, not a maker
    if len(words[-1].strip(".")) == 1:
        return False  # "C", "Class C": a letter, not a name
    if looks_like_person(words) and not has_head(found.name):
        return False  # "David Brown": a person's name, not a body
    if len(words) > 2 and looks_like_person(words[-2:]) and words[-1] not in ORG_HEADS:
        return False  # "Energy Policy Yoo Jin-ho": a title's end and a person
    if _portfolio_then_person(words) and not has_head(found.name):
        return False  # "(Minister of Industry and) Trade Nguyen Hong Dien"
    if len(words) == 1 and words[0] in GEO_WORDS:
        return False  # "Washington", "Seoul": a city or state standing for its government
    if all(_is_place(w) or w in TITLES | TITLE_MODIFIERS | REGION_WORDS | CONTINENT_WORDS for w in words):
        return False  # "Korean", "Deputy U.S.", "Southeast Asia": places and titles name no body
    if words[0] in _RANKS and not has_head(found.name):
        return False  # "Deputy China International ...": the start of a title
    return not _is_place(found.name) and not found.name.isdigit()


# the words that join a name's capitalised words, in English and in the names other languages
# give bodies ("Bangko Sentral ng Pilipinas", "Instituto Nacional de Estadística")
_JOINERS = (" of the | of | for | and | & |, "
            "| de la | de | del | des | du | da | do | dos | das | di | ng | y | e | für ")
_DEFINED = re.compile(
    rf"((?:{RUN_LED})(?:(?:{_JOINERS})(?:{RUN}))*)\s*\(([A-Z][A-Za-z&]*[A-Z])\)"
)


_ACRONYM_PAREN = re.compile(r"\([A-Z][A-Za-z&]*[A-Z]\)")  # without which no definition matches


def _spells(acronym: str, name: str) -> bool:
    """ "MoIT" spells "Ministry of Industry and Trade", "HMRC" "HM Revenue & Customs": the
    acronym's capitals are the initials of the name's capitalised words (all of an acronym's)."""
    letters = "".join(c for c in acronym if c.isupper())
    words = re.findall(r"[\w’'.-]+", name)
    spelled = "".join(w.replace(".", "") if is_acronym(w) else w[0] for w in words if w[0].isupper())
    return letters in {initials(name), spelled}


_KIND_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")


def _defined_names(text: str) -> Iterator[FoundName]:
    """ "Korea Hydro & Nuclear Power (KHNP)": a name its acronym spells, head word or not."""
    for m in _DEFINED.finditer(text) if _ACRONYM_PAREN.search(text) else ():
        kind = _KIND_AFTER.match(text, m.end())
        if kind and kind.group(1) in NON_ORG_WORDS:
            continue  # "the Production Linked Incentive (PLI) Scheme": a programme's name
        words = m.group(1).split()
        for i in range(len(words) - 1):
            tail = " ".join(words[i:])
            titled = set(words[i:]) & (TITLES | NAME_TITLES)
            if _spells(m.group(2), tail) and words[i][0].isupper() and not titled:
                start = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                yield FoundName(tail, Span(start, m.end(1)), m.group(2))
                break


# "Jardine Matheson (Holdings) Ltd", "Nikko Securities Co (Europe) Ltd": a word in brackets
# inside a company's name, before its suffix.
_BRACKETED_SUFFIX = re.compile(
    r" \([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)?\) (?:Ltd|Limited|Inc|Corp|Co|PLC|Plc|AG|GmbH|SA|NV|Bhd|Berhad"
    r"|Pte|LLC)\b\.?"
)
_RUN_BEFORE = re.compile(rf"({RUN})$")


def _bracketed_companies(text: str) -> Iterator[FoundName]:
    for m in _BRACKETED_SUFFIX.finditer(text):  # the brackets first: a run before them is rare
        run = _RUN_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if run:
            start = trim_leading(text, run.start(1), run.end(1))
            yield FoundName(text[start : m.end()], Span(start, m.end()))


NAME_FINDERS = (
    _bracketed_companies,
    _headed_names,
    _known_names,
    _ministry_names,
    _country_agency_names,
    _defined_names,
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
    whole = (part for f in found for part in _split_at_stop(whole_name(text, f)))
    return sorted((f for f in whole if is_plausible(f)), key=lambda f: f.span.start)


# A company's suffix whose stop ends a sentence before "The" and a name: "... CUC
# International Inc. The New York Stock Exchange halted trading" (a run of capitals crosses it).
_STOP_BEFORE_THE = re.compile(r"\b(?:Inc|Corp|Co|Ltd|Bros|Plc|PLC)\.(?= The [A-Z])")


def _split_at_stop(found: FoundName) -> list[FoundName]:
    """The name cut where a sentence ends inside it, and the name after "The", if any."""
    stop = _STOP_BEFORE_THE.search(found.name)
    if stop is None:
        return [found]
    start, cut = found.span.start, stop.end()
    rest = found.name[cut + len(" The ") :]
    first = FoundName(found.name[:cut], Span(start, start + cut))
    after = Span(start + cut + len(" The "), found.span.end)
    return [first, FoundName(rest, after, found.acronym)] if has_head(rest) else [first]


def coordinated_names(text: str, found: list[FoundName]) -> Iterator[FoundName]:
    """ "Honda and Nissan": a name joined by "and" or a comma to a known organisation is one too."""
    names = {f.name for f in found}
    for m in _PAIR.finditer(text):
        first, second = cue_span(text, m.start(1), m.end(1)), cue_span(text, m.start(2), m.end(2))
        for known, other in ((first, second), (second, first)):
            short = other is not None and len(text[other.start : other.end].split()) <= 4
            if known and other and short and text[known.start : known.end] in names:
                yield whole_name(text, with_acronym(text, other))


