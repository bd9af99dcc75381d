"""Whose action an event is, and whom it targets: jurisdictions from the words around it.

A jurisdiction is named by a country or bloc (the places extractor's mentions, adjectives
included: "Chinese", "EU"), by a government body whose name holds one ("U.S. Department of
Commerce") or that everyone knows by its acronym ("USTR", "METI", "MOFCOM": ``AGENCIES``),
and by the release's own government where a body is named without its country ("the
Ministry of Commerce and Industry", "the government"): the *home* jurisdiction, told by the
dateline ("WASHINGTON –", "SEOUL, Dec. 30 (Yonhap) --"), else by the first government body
the release names, else by the country it names most.

Around a trigger, the implementer of a one-sided measure is its owner ("India's quality
control order", "EU Battery Regulation"), else the agent ("imposed by Canada"), else the
actor that opens the sentence ("Mexico raised tariffs"), else home. Its partners are the
other jurisdictions the sentence names, except those owning other measures of a list; a
foreign measure with none named affects home. A two-sided action has as implementers the
parties written with it ("Korea–EU FTA", "negotiations with Japan and the UK", a known
agreement's members), else every jurisdiction its sentence names, and its actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from pressdesk.extract.places import DATELINES, DEMONYMS, dateline_code, find_place_mentions
from pressdesk.extract.text import SENTENCE_END, lead_alternation
from pressdesk.facts import Org, Person, Place

__all__ = [
    "AGENCIES",
    "Mention",
    "find_mentions",
    "home_code",
    "local_parties",
    "owner",
    "actor",
]

# Government bodies known by a name or acronym that does not name their country (general
# knowledge: trade ministries, agencies and seats of government).
AGENCIES: dict[str, str] = {
    "USTR": "US", "OFAC": "US", "USITC": "US", "CBP": "US", "USDA": "US", "White House": "US",
    "Commerce Department": "US", "Treasury Department": "US", "Pentagon": "US",
    "METI": "JP", "JETRO": "JP", "MOFCOM": "CN", "NDRC": "CN", "State Council": "CN", "GACC": "CN",
    "SAMR": "CN", "MOTIE": "KR", "MOTIR": "KR", "KOTRA": "KR", "MSIT": "KR", "MOEF": "KR",
    "DAPA": "KR", "DG Trade": "EU", "DG TRADE": "EU", "DGTR": "IN", "DPIIT": "IN", "DGFT": "IN",
    "DFAT": "AU", "Austrade": "AU", "DBT": "GB", "HMRC": "GB", "Downing Street": "GB",
    "HM Treasury": "GB", "ISED": "CA", "CBSA": "CA", "CITT": "CA", "BKPM": "ID", "MITI": "MY",
    "Kremlin": "RU",
}  # fmt: skip

# Known agreements and the parties they bind (general knowledge).
AGREEMENT_PARTIES: dict[str, tuple[str, ...]] = {
    "USMCA": ("US", "MX", "CA"), "NAFTA": ("US", "MX", "CA"), "KORUS": ("KR", "US"),
    "CETA": ("CA", "EU"), "CUSMA": ("CA", "US", "MX"), "T-MEC": ("MX", "US", "CA"),
}  # fmt: skip

# Head words of government bodies: such a body with no country in its name is home's.
_GOVERNMENT_HEADS = re.compile(
    r"\b(?:Ministry|Ministries|Department|Agency|Office|Commission|Administration|Bureau"
    r"|Government|Cabinet|Secretariat|Directorate|Customs|Trade\s+Representative|Presidential"
    r"|Navy|Army|Air\s+Force|Armed\s+Forces|Coast\s+Guard|Parliament|Congress"
    r"|Export\s+Finance|Export\s+Development|Export[-\s]Import\s+Bank|Export\s+Credit)\b"
)
# A news agency is no government's voice ("New China News Agency said").
_PRESS = re.compile(r"\b(?:News|Press|Times|Daily|Herald|Post|Journal|Broadcasting)\b")
# Bodies named without a country that stand for home ("the government said").
_GENERIC_BODY = re.compile(
    "(?:"
    + lead_alternation(
        ("government", "ministry", "Government", "Ministry", "Cabinet", "Administration", "gov't"), r"[\w-]"
    )
    + r")(?![\w-])(?!\s+(?:of|for)\b)"
)
# A jurisdiction that a measure is aimed at, or that goods come from, is preceded by these.
_TARGET_BEFORE = re.compile(
    r"\b(?:from|on|against|to|into|in|with|toward|towards|for|of|at|between|targeting|including"
    r"|originating|than|versus|over|like|among|about|regarding|affect|affects|hit|hits)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... or whose firms, goods or people a measure reaches: "U.S. entities", "Canadian products".
_TARGET_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:entities|companies|firms|products|goods|exporters|producers|manufacturers"
    r"|nationals|individuals|vessels|makers|suppliers|businesses|enterprises|shipments|citizens|origin)\b"
)
_AGENT_BEFORE = re.compile(
    r"(?<!\bhit )(?<!\baffected )(?<!\bharmed )(?<!\bdamaged )(?<!\bstruck )(?<!\bcaused )(?<!\bhurt )"
    r"\bby\s+(?:the\s+)?(?:(?:government|authorities|state)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE
)  # "by the EU", "provided by the Government of Vietnam"; not "exporters hit by U.S. tariffs"
_STOP = (
    r"on|from|against|to|into|in|with|for|and|or|that|which|by|over|as|at|of|is|are|was|were|has"
    r"|have|had|will|said|says|raised|about|regarding|concerning|while|after|before|under|include"
    r"|includes|including|such"
)
# Between an owner and its measure only modifiers: "EU ", "the EU's new ", "Korea–U.S. ".
_OWNED = re.compile(
    rf"^(?:['’]s?)?(?:\s*[-–—/]\s*|\s+)?(?:(?!(?:{_STOP})\b)[\w'’-]+\s+){{0,4}}$", re.IGNORECASE
)
# After a possessive, a longer noun phrase of the measure: "India's writing and printing paper ".
_POSSESSED = re.compile(r"^['’]s?\s+[^;:.!?]{0,120}$")
# Parties listed after a two-sided trigger: "negotiations with Japan, the EU and the UK".
_WITH = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+(?:with|between|among)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:['’]s?)?(?:,?\s+(?:and\s+|or\s+)?(?:the\s+)?|\s*[-–—/]\s*)$")
_TIED = re.compile(r"^(?:\s*[-–—/]\s*|\s+and\s+|,\s+)$")


@dataclass(frozen=True, slots=True)
class Mention:
    """One naming of a jurisdiction: a country (``kind`` "country"), an adjective or demonym
    ("people"), or a government body of one ("body")."""

    code: str
    start: int
    end: int
    kind: str
    target: bool = False  # named as what a measure reaches: "on imports from China", "U.S. entities"
    agent: bool = False  # named as who acts in a passive: "imposed by Canada"


_PEOPLE_WORDS = frozenset(w for forms in DEMONYMS.values() for w in forms)


def _place_mentions(text: str, places: Iterable[Place]) -> list[Mention]:
    """Every place mention, in text order."""
    found = [
        Mention(p.code, s.start, s.end, "people" if text[s.start : s.end] in _PEOPLE_WORDS else "country")
        for p in places
        for s in p.spans
    ]
    return sorted(found, key=lambda m: m.start)


def _names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Whole names, the longest first, grouped by first letter (``text.lead_alternation``)."""
    return re.compile(
        "(?:" + lead_alternation(sorted(names, key=len, reverse=True), r"[\w-]") + r")(?![\w-])"
    )


_AGENCY = _names_pattern(AGENCIES)


def _org_code(org: Org, places: list[Mention], home: str | None) -> str | None:
    """The jurisdiction of a government body: a country in one of its mentions, a known
    agency's, or home's; None for a firm or a body of no country."""
    if not _GOVERNMENT_HEADS.search(org.name) and not any(n in AGENCIES for n in (org.name, *org.aliases)):
        return None
    if _PRESS.search(org.name):
        return None
    for span in org.spans:
        i = bisect_left(places, span.start, key=lambda m: m.start)
        if i < len(places) and places[i].end <= span.end:
            return places[i].code
    for name in (org.name, *org.aliases):
        if name in AGENCIES:
            return AGENCIES[name]
    return home


def home_code(text: str, places: list[Place], orgs: list[Org]) -> str | None:
    """The release's own jurisdiction: its dateline's, else the one that acts first in the
    headline or the lead ("UK sanctions ...", "The Ministry of Economy, Trade and Industry
    (METI) today ..."), else the first government body's country, else the most named country
    (the earliest named among equals)."""
    dated = dateline_code(text)
    if dated:
        return dated
    mentions = _place_mentions(text, places)
    codes = [_org_code(o, mentions, None) for o in orgs]
    bodies = [(s.start, s.end, code) for o, code in zip(orgs, codes, strict=True) for s in o.spans]
    bodies += [(m.start(), m.end(), AGENCIES[m.group(0)]) for m in _AGENCY.finditer(text)]
    named = sorted(
        [(start, end, code) for start, end, code in bodies if code]
        + [(m.start, m.end, m.code) for m in mentions if m.kind == "country"]
    )
    lead = _lead_actor(text, named)
    if lead:
        return lead
    coded = sorted((start, code) for start, _, code in bodies if code)
    if coded:
        return coded[0][1]
    counts = Counter(m.code for m in mentions)
    first = {m.code: -m.start for m in reversed(mentions)}
    return max(counts, key=lambda c: (counts[c], first[c])) if counts else None


def _lead_actor(text: str, named: Sequence[tuple[int, int, str | None]]) -> str | None:
    """The first country or government body that acts (is no target: "to the U.S.", "adding
    U.S. entities", nor the second of a pair: "U.S.-UK") in the body's first sentence, else in
    the headline."""
    title_end = max(text.find("\n\n"), 0)
    lead_end = SENTENCE_END.search(text, title_end + 2)
    for lo, hi in ((title_end, lead_end.start() if lead_end else len(text)), (0, title_end)):
        for start, end, code in named:
            paired = text[start - 1 : start] in ("-", "–", "—", "/")
            target = _TARGET_BEFORE.search(text, max(lo, start - 16), start) or _TARGET_AFTER.match(text, end)
            if lo <= start < hi and not paired and not target:
                return code
    return None


# Titles of office that make a person a government's voice ("Minister Dubois", "the Trade
# Commissioner"), unless the person speaks for a firm.
_OFFICE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Trade\s+Representative|Premier|Chancellor|Ambassador|President"
    r"|Senator|Governor|Vice\s+Premier|Director[-\s]General|[Ss]pokes(?:person|man|woman)|minister)\b"
)
# Offices only a national government has: a holder named without a country is home's (a
# "Director-General" or a "President" may be an international body's or a firm's).
_NATIONAL_OFFICE = re.compile(
    r"\b(?:Minister|Secretary|Trade\s+Representative|Premier|Chancellor|Senator|[Ss]pokes(?:person|man|woman)"
    r"|minister)\b"
)
# A capital standing for its government ("Seoul would provide", "Washington's reversal"): not
# after a word that makes it a place ("in Beijing", "talks in Ottawa").
_CITY = _names_pattern(DATELINES)
_LOCATED = re.compile(r"\b(?:in|at|to|from|near|of|via)\s$")


def _person_code(person: Person, bodies: dict[str, str | None], home: str | None) -> str | None:
    """The jurisdiction a person holding public office speaks for: a country in the title
    ("EU Trade Commissioner"), else the government body's, else home; None for a firm's."""
    role = person.role or ""
    if not _OFFICE.search(role):
        return None
    if person.org and bodies.get(person.org) is None:
        return None
    named = [code for code, _ in find_place_mentions(role)]
    if named:
        return named[0]
    return bodies.get(person.org or "") or (home if _NATIONAL_OFFICE.search(role) else None)


def _office_mentions(people: list[Person], bodies: dict[str, str | None], home: str | None) -> list[Mention]:
    found = []
    for person in people:
        code = _person_code(person, bodies, home)
        if code:
            found += [Mention(code, s.start, s.end, "body") for s in person.spans]
    return found


def find_mentions(
    text: str, places: list[Place], orgs: list[Org], people: list[Person], home: str | None
) -> list[Mention]:
    """Every naming of a jurisdiction in ``text``, in order: government bodies (their acronyms
    too, and a country named inside them read as the body), office holders, capitals standing
    for their governments, agencies, places, and generic bodies ("the government") as home."""
    places_found = _place_mentions(text, places)
    codes = {o.name: _org_code(o, places_found, home) for o in orgs}
    bodies = [Mention(AGENCIES[m.group(0)], m.start(), m.end(), "body") for m in _AGENCY.finditer(text)]
    for org in orgs:
        if codes[org.name]:
            bodies += [Mention(codes[org.name] or "", s.start, s.end, "body") for s in org.spans]
    bodies += _office_mentions(people, codes, home)
    bodies += [
        Mention(DATELINES[m.group(0)], m.start(), m.end(), "body")
        for m in _CITY.finditer(text)
        if not _LOCATED.search(text, max(0, m.start() - 6), m.start())
    ]
    if home:
        bodies += [Mention(home, m.start(), m.end(), "body") for m in _GENERIC_BODY.finditer(text)]
    found: list[Mention] = []
    for m in sorted(bodies, key=lambda m: (m.start, -m.end)):
        if not found or m.start >= found[-1].end:
            found.append(m)
    starts = [f.start for f in found]
    found += [p for p in places_found if not _within(found, starts, p)]
    return _listed_targets(text, [_roled(text, m) for m in sorted(found, key=lambda m: m.start)])


# Between two items of a list: ", ", " and the ", ", or ".
_ITEM_GAP = re.compile(r",?\s+(?:(?P<last>and|or)\s+)?(?:the\s+)?|,\s*")


def _listed_targets(text: str, mentions: list[Mention]) -> list[Mention]:
    """The items of a list a target opens are targets too, up to its "and" ("entities from
    China, Iran and the United Arab Emirates"; in "imports from China, the United States
    said", no "and" closes a list, and the U.S. is none)."""
    out = list(mentions)
    i = 0
    while i < len(out):
        if not out[i].target:
            i += 1
            continue
        last, j = i, i + 1
        while j < len(out):
            gap = _ITEM_GAP.fullmatch(text, out[j - 1].end, out[j].start)
            if gap is None:
                break
            if gap["last"]:
                last = j
                break
            j += 1
        for k in range(i + 1, last + 1):
            out[k] = replace(out[k], target=True)
        i = max(last, i) + 1
    return out


def _roled(text: str, m: Mention) -> Mention:
    """A mention with its role in its clause read once: a target, an agent, or neither."""
    target = bool(
        _TARGET_BEFORE.search(text, max(0, m.start - 16), m.start) or _TARGET_AFTER.match(text, m.end)
    )
    agent = bool(_AGENT_BEFORE.search(text, max(0, m.start - 32), m.start))
    return replace(m, target=target, agent=agent) if target or agent else m


def _within(bodies: list[Mention], starts: list[int], place: Mention) -> bool:
    """``place`` lies inside one of ``bodies`` (sorted, apart; ``starts`` their starts)."""
    i = bisect_right(starts, place.start) - 1
    return i >= 0 and place.end <= bodies[i].end


def owner(text: str, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The jurisdiction that owns the phrase ``text[start:end]``: one opening it ("EU Battery
    Regulation"), else one right before it ("China's ...", "EU tariffs", "the EU's F-gas
    regulation")."""
    inside = [m for m in mentions if start <= m.start < end and m.kind != "body"]
    if inside and inside[0].start == start:
        return inside[0]
    before = [m for m in mentions if m.end <= start]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end : start]
    if _OWNED.match(gap) or _POSSESSED.match(gap):
        return last
    if _COMPLAINED_OVER.match(gap) and text[max(0, last.start - 12) : last.start].rstrip().endswith(
        ("against", "with", "against the", "with the")
    ):
        return last  # "a WTO dispute against China over export restrictions": China's restrictions
    return None


def actor(mentions: list[Mention], start: int, text: str | None = None) -> Mention | None:
    """The agent ("by Canada"), else the nearest jurisdiction before ``start`` that is no
    target ("on imports from China", "to add 11 U.S. entities"), a country or a body before
    an adjective ("Chinese exporters" are no actor where "the government" is one), among the
    ``mentions`` of one sentence. An agent in an aside after ``start`` ("..., in a move that
    follows similar steps by the United States") acts on no measure here (``text`` given)."""
    for m in mentions:
        if m.agent and not (text and m.start > start and _ASIDE_CLAUSE.search(text, start, m.start)):
            return m
    before = [m for m in mentions if m.end <= start and not m.target]
    named = [m for m in before if m.kind != "people"]
    chosen = named or before
    return chosen[-1] if chosen else None


# Between the party a complaint is against and the measure it is over: "against China over ".
_COMPLAINED_OVER = re.compile(
    r"^(?:['’]s)?\s+(?:at\s+the\s+[\w ]{2,40}?\s+)?over\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+){0,2}$"
)
_ASIDE_CLAUSE = re.compile(r",\s+(?:in\s+a\s+move|which|after|following|while|as|when|amid)\b")


def _chain_before(text: str, mentions: list[Mention], start: int) -> list[Mention]:
    """The mentions tied into a compound right before ``start``: "Korea–EU", "U.S.-UK"."""
    before = [m for m in mentions if m.end <= start]
    if not before or not _OWNED.match(text[before[-1].end : start]):
        return []
    chain = [before[-1]]
    for m in reversed(before[:-1]):
        if not _TIED.match(text[m.end : chain[-1].start]):
            break
        chain.append(m)
    return chain


def _listed_after(text: str, mentions: list[Mention], end: int) -> list[Mention]:
    """The parties listed after "with", "between" or "among" following ``end``."""
    after = [m for m in mentions if m.start >= end]
    if not after or not _WITH.match(text[end : after[0].start]):
        return []
    listed = [after[0]]
    for m in after[1:]:
        if not _LIST_GAP.match(text[listed[-1].end : m.start]):
            break
        listed.append(m)
    return listed


def local_parties(text: str, mentions: list[Mention], start: int, end: int) -> tuple[str, ...]:
    """The parties written with a two-sided trigger: a known agreement's members, a compound
    before it, a list after it ("with ...")."""
    known = AGREEMENT_PARTIES.get(text[start:end], ())
    near = _chain_before(text, mentions, start) + ([] if known else _listed_after(text, mentions, end))
    inside = [m for m in mentions if start <= m.start < end]
    return tuple(dict.fromkeys((*known, *(m.code for m in inside + near))))
