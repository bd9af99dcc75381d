"""Entities: one organisation, person or place, with one id across every release.

Extraction finds names per release; ``entity_refs`` turns them into references
keyed so that "KIAT" in one release and "Korea Institute for Advancement of
Technology (KIAT)" in another link to the same organisation, which then answers
to all of its names. Each name carries the evidence that joined it in its
release: an ``acronym`` defined or spelled there, a ``spelling`` variant, a
``short form`` the release uses for the long one, a known ``pattern`` ("the
trade ministry" for "Ministry of Trade, ...", "U.S. Securities and Exchange
Commission (SEC)" for "Securities and Exchange Commission").

A generic name ("the finance ministry", "the central bank", "Parliament") names
a different body in every country: it is scoped to the country the release
names for it ("Japan's finance ministry", "the Japanese Finance Ministry", "U.S.
Congress" elsewhere in the release), else to the one country the release names,
or names twice as often as any other, as "Ministry of Finance (JP)" keyed
``jp:ministryoffinance``; one the release gives no country for stays with the
release's own facts and makes no entity. A ministry of several portfolios
("Ministry of Trade, Industry and Resources") is one country's alone: it keeps
its name, whatever country is written before it. "Agriculture Department" and
"Department of Agriculture" are one pattern ("Department of Agriculture").

The keys are computed here, before the store sees them, so the store needs no
extractor. A person the release also names as a body, a word of a country's name
("Lanka"), or a given name or East Asian surname alone ("Richard", "Kim") is no
person of the directory: it stays with its release.
"""

from __future__ import annotations

import re

from pressdesk.extract.keys import name_key, org_key
from pressdesk.extract.lexicon import DOMAIN_WORDS, EAST_ASIAN_SURNAMES, GIVEN_NAMES
from pressdesk.extract.orgnames import initials
from pressdesk.extract.places import find_place_mentions
from pressdesk.extract.text import is_acronym
from pressdesk.facts import Extraction, Org, Place, Span
from pressdesk.models import EntityRef

__all__ = ["entity_key", "entity_refs", "generic_name", "lookup_keys", "name_key"]

KEYS = {"org": org_key, "person": name_key, "place": name_key}

# Heads of bodies that every country has: named by their portfolio alone, they are generic.
_GOVERNMENT_HEADS = frozenset(
    {"Ministry", "Department", "Embassy", "Consulate", "Parliament", "Congress", "Cabinet", "Navy",
     "Army", "Government", "Senate", "Treasury", "House"}
)
_GENERIC_WORDS = DOMAIN_WORDS | _GOVERNMENT_HEADS | {
    "Central", "Reserve", "Bank", "Foreign", "State", "of", "and", "&"
}
_REORDERED = frozenset({"Ministry", "Department"})  # "Finance Ministry" -> "Ministry of Finance"


def entity_key(kind: str, name: str) -> str:
    return KEYS[kind](name)


_SCOPED = re.compile(r"(.+) \(([A-Z]{2})\)")


def lookup_keys(name: str) -> list[tuple[str, str]]:
    """The (kind, key) pairs a name a user writes may be known by: "Ministry of Finance (JP)"
    is the body scoped to JP; "Ministry of Finance" any country's (the key ``*:...``); "Korea"
    or "Korean" the place South Korea."""
    keys = [(kind, entity_key(kind, name)) for kind in KEYS]
    if code := _country_of(name.strip()):
        keys.append(("place", entity_key("place", code)))
    scoped = _SCOPED.fullmatch(name.strip())
    body, country = (scoped.group(1), scoped.group(2)) if scoped else (name, "*")
    generic = generic_name(body)
    if scoped or generic:
        keys.append(("org", f"{country.lower()}:{org_key(generic[0] if generic else body)}"))
    return [(kind, key) for kind, key in keys if key]


def entity_ref(kind: str, name: str, names: tuple[str, ...], evidence: tuple[str, ...] = ()) -> EntityRef:
    """A reference with the key of every name (names that fold to nothing are dropped)."""
    why = dict(zip(names, evidence, strict=False))
    keyed = {entity_key(kind, n): n for n in names}
    kept = [(k, n) for k, n in keyed.items() if k]
    return EntityRef(kind, name, tuple(kept), tuple(why.get(n, "") for _, n in kept))


def _why(alias: str, name: str) -> str:
    """Why one release joined ``alias`` to ``name``."""
    if is_acronym(alias):
        return "acronym"
    if org_key(alias) == org_key(name):
        return "spelling"
    if name.casefold().startswith(alias.casefold()):
        return "short form"
    if alias.casefold().endswith((" ministry", " department")):
        return "pattern"
    return "same release"


def generic_name(name: str) -> tuple[str, str] | None:
    """ "the finance ministry" -> ("Ministry of Finance", ""), "U.S. Agriculture Department" ->
    ("Department of Agriculture", "US"): the body's name and the country written in front of
    it, when the name is one every country's body could bear; else None."""
    words = [w.capitalize() if w.islower() and w not in {"of", "and"} else w for w in name.split()]
    words = words[1:] if words[:1] == ["The"] else words
    country, size = _country_in_front(words)
    words = words[size:]
    plain = [w.strip(",") for w in words]
    if not plain or plain[-1] not in _GOVERNMENT_HEADS | {"Bank"} and plain[0] not in _GOVERNMENT_HEADS:
        return None
    bank = plain[-1] == "Bank" and not {"Central", "Reserve"} & set(plain)  # "Export Bank": a name
    if bank or not all(w in _GENERIC_WORDS for w in plain):
        return None
    if len(plain) > 1 and plain[-1] in _REORDERED:
        words = [plain[-1], "of", *words[:-1], *(["Affairs"] if plain[:-1] == ["Foreign"] else [])]
    return " ".join(words), country


def _country_in_front(words: list[str]) -> tuple[str, int]:
    """The country the first words name ("United States", "Japan's") and how many they are."""
    for size in (3, 2, 1):
        front = " ".join(words[:size]).removesuffix("'s").removesuffix("’s")
        if len(words) > size and (code := _country_of(front)):
            return code, size
    return "", 0


def _country_of(word: str) -> str:
    found = list(find_place_mentions(word))
    return found[0][0] if len(found) == 1 and found[0][1] == Span(0, len(word)) else ""


def _country_before(span: Span, places: tuple[Place, ...]) -> str:
    """The country written just before a mention: "Japan's finance ministry"."""
    for place in places:
        if any(0 <= span.start - p.end <= 3 for p in place.spans):
            return place.code
    return ""


def _country_written(body: str, orgs: tuple[Org, ...]) -> str:
    """The one country the release writes with this body elsewhere ("U.S. Congress" ...
    "Congress")."""
    countries = {g[1] for o in orgs if (g := generic_name(o.name)) and g[0] == body and g[1]}
    return countries.pop() if len(countries) == 1 else ""


def _main_country(places: tuple[Place, ...]) -> str:
    """The one country a release names, or the one it names at least twice as often as any
    other; else none ("Congress" in a story on Japan's trade with the U.S. is no one's)."""
    counts = sorted((len(p.spans) for p in places), reverse=True)
    if not counts or len(counts) > 1 and counts[0] < 2 * counts[1]:
        return ""
    return max(places, key=lambda p: len(p.spans)).code


def _portfolio(name: str) -> list[str]:
    """The words of a body's name that say what it does: "Finance" of "Ministry of Finance"."""
    return [w for w in name.replace(",", " ").split() if w not in _HEAD_WORDS]


_HEAD_WORDS = _GOVERNMENT_HEADS | {"Central", "Reserve", "Bank", "of", "and", "&", "Affairs"}


def _national(org: Org, name: str) -> EntityRef:
    """A ministry of several portfolios ("Ministry of International Trade and Industry"):
    one country's alone, known by its name without the country written before it."""
    aliases = [a for a in (org.name, *org.aliases) if a != name]
    evidence = ["pattern" if a == org.name else _why(a, org.name) for a in aliases]
    return entity_ref("org", name, (name, *aliases), ("", *evidence))


def _scoped(org: Org, found: Extraction) -> EntityRef | None:
    """A generic organisation as its country's body, or None when the release names none."""
    generic = generic_name(org.name)
    assert generic is not None
    name, country = generic
    if len(_portfolio(name)) > 1:
        return _national(org, name)
    country = (
        country
        or next((c for s in org.spans if (c := _country_before(s, found.places))), "")
        or _country_written(name, found.orgs)
        or _main_country(found.places)
    )
    if not country:
        return None
    aliases = [a for a in org.aliases if generic_name(a) is None]
    evidence = [_why(a, org.name) for a in aliases]
    if generic[1]:  # "Japanese Finance Ministry" names Japan's alone
        aliases, evidence = [*aliases, org.name], [*evidence, "pattern"]
    ref = entity_ref("org", name, tuple(aliases), tuple(evidence))
    key = (f"{country.lower()}:{org_key(name)}", name)
    return EntityRef("org", f"{name} ({country})", (key, *ref.keys), ("", *ref.evidence))


def _org_ref(org: Org, found: Extraction) -> EntityRef | None:
    if generic_name(org.name) is not None:
        return _scoped(org, found)
    aliases = [a for a in org.aliases if generic_name(a) is None]
    evidence = ["acronym" if is_acronym(org.name) else "", *(_why(a, org.name) for a in aliases)]
    national = _without_country(org.name)
    if national and any(is_acronym(a) and initials(national) == a.replace(".", "") for a in org.aliases):
        aliases.append(national)
        evidence.append("pattern")
    return entity_ref("org", org.name, (org.name, *aliases), tuple(evidence))


# Heads of national agencies, which a release may name with or without their country in front.
_AGENCY_HEADS = frozenset(
    {"Commission", "Agency", "Administration", "Bureau", "Office", "Board", "Authority", "Corporation"}
)


def _without_country(name: str) -> str:
    """ "U.S. Securities and Exchange Commission" -> "Securities and Exchange Commission": a
    national agency's name without its country (three words or more must remain), taken only
    where the release's acronym for it spells it without the country ("... (SEC)"; not
    "Canadian International Development Agency (CIDA)")."""
    words = name.split()
    country, size = _country_in_front(words)
    rest = words[size:]
    if not country or len(rest) < 3 or rest[-1] not in _AGENCY_HEADS:
        return ""
    return " ".join(rest)


def _is_person(name: str, found: Extraction) -> bool:
    """Not a firm's name the release also gives a body ("Morgan Stanley" of "Morgan Stanley
    and Co"), nor a word of a country's name ("Lanka" of "Sri Lanka"), nor a given name or an
    East Asian surname alone ("Richard", "Kim": many people's, one person's nowhere)."""
    if any(org_key(o.name) == org_key(name) for o in found.orgs):
        return False
    if " " in name:
        return True
    alone = name in GIVEN_NAMES or name in EAST_ASIAN_SURNAMES
    return not alone and not any(name in p.name.split() for p in found.places)


def entity_refs(found: Extraction) -> list[EntityRef]:
    """Every organisation, person and place of one release, as entity references (a place
    by its English name and its code: "South Korea", "KR")."""
    orgs = [ref for o in found.orgs if (ref := _org_ref(o, found)) is not None]
    return (
        orgs
        + [entity_ref("person", p.name, (p.name,)) for p in found.people if _is_person(p.name, found)]
        + [entity_ref("place", p.name, (p.name, p.code)) for p in found.places]
    )
