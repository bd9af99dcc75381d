"""Organisations: ministries, agencies, companies, associations, institutes.

``extract_orgs`` groups the names ``orgnames`` finds into one organisation
each: an acronym defined in parentheses ("... (KIAT)") or spelled by a name's
initials joins that name, spelling variants that share an ``org_key`` merge,
a short form ("Coupang") joins the one longer name it begins ("Coupang
Inc."), and a ministry named by its portfolio ("the trade ministry") joins the
release's "Ministry of Trade, ...". ``org_key`` (from ``keys``, imported here for
callers that know it from this module) gives one organisation one key across
releases, for the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pressdesk.extract.keys import org_key
from pressdesk.extract.lexicon import CONTINENT_WORDS, ORG_HEADS
from pressdesk.extract.orgnames import (
    TRAILERS,
    FoundName,
    coordinated_names,
    cue_start,
    find_org_names,
    initials,
    is_plausible,
)
from pressdesk.extract.places import is_place_name
from pressdesk.extract.text import is_acronym, soften_newlines
from pressdesk.facts import Org, Span

__all__ = ["extract_orgs", "org_key"]


class _Groups:
    """Names grouped by key; acronyms and short forms joined to their long names."""

    def __init__(self) -> None:
        self.key_of: dict[str, int] = {}
        self.members: list[list[FoundName]] = []

    def add(self, found: FoundName) -> None:
        keys = [org_key(found.name)] + ([org_key(found.acronym)] if found.acronym else [])
        hits = sorted({self.key_of[k] for k in keys if k in self.key_of})
        if not hits:
            hits = [len(self.members)]
            self.members.append([])
        index = hits[0]
        self.members[index].append(found)
        for other in hits[1:]:
            self.members[index].extend(self.members[other])
            self.members[other] = []
            self.key_of.update({k: index for k, v in self.key_of.items() if v == other})
        self.key_of.update({k: index for k in keys})

    def merge_short_forms(self) -> list[list[FoundName]]:
        """ "Coupang" joins "Coupang Inc.", "Baltic Sky" joins "Baltic Sky Airlines", when exactly
        one longer name starts with it."""
        merged = [list(m) for m in self.members]
        for i, group in enumerate(merged):
            names = {f.name for f in group}
            if len(names) != 1:
                continue
            word = next(iter(names))
            hosts = [j for j, g in enumerate(merged) if j != i and g and _starts_with(g, word)]
            if len(hosts) == 1:
                merged[hosts[0]].extend(group)
                group.clear()
        return [g for g in merged if g]


def _starts_with(group: list[FoundName], word: str) -> bool:
    """ "Coupang Inc." starts with "Coupang", "Ford Motor Co." with "Ford": the longer name is
    the short one with only head words and company suffixes after it. A body is never folded
    into a longer body whose name begins with it ("Federal Reserve" is not "Federal Reserve
    Bank of New York", nor "White House" its "White House Economic Policy Council")."""
    short = word.casefold() + " "
    return any(
        f.name.casefold().startswith(short)
        and not is_acronym(f.name)
        and _same_body(word, f.name[len(short) :])
        for f in group
    )


def _same_body(short: str, rest: str) -> bool:
    """What the longer name adds names no other body: company words ("Motor Co.") after a
    name with no head, or a complement of the head the short form writes in lower case
    ("Zeller institute" + "for Trade Studies"; "Sumitomo Bank" is not "Sumitomo Bank of
    California")."""
    if _has_head(short):  # "Commodity Exchange" is not "Commodity Exchange Center"
        return all(w in TRAILERS or w in _SUFFIXES for w in rest.split()) or _complement(short, rest)
    return _only_heads(rest) or _kind_word(short, rest)


def _has_head(name: str) -> bool:
    return any(w.capitalize() in ORG_HEADS for w in name.split())


_SUFFIXES = frozenset({"Co", "Inc", "Ltd", "Corp", "AG", "SA", "NV", "PLC", "Plc", "plc", "LLC",
                       "GmbH"})


def _complement(short: str, rest: str) -> bool:
    """ "Zeller institute" + "for Trade Studies": the complement of a head written in lower case."""
    head = short.split()[-1]
    ends_in_head = head.islower() and head.capitalize() in ORG_HEADS
    return ends_in_head and not any(w in ORG_HEADS or w in TRAILERS for w in rest.split())


# Heads that make a leader's or a country's name a government: "Reagan" is not "Reagan Administration".
_GOVERNING = frozenset({"Administration", "Government", "Cabinet"})


def _kind_word(short: str, rest: str) -> bool:
    """ "Hoshino" + "Materials": one capitalised word after a one-word name says what kind of
    firm it is (not a place: "Lantern" + "Europe" is a unit)."""
    words = rest.split()
    return (
        len(short.split()) == 1 and not is_acronym(short) and len(words) == 1
        and words[0][:1].isupper() and words[0] not in _GOVERNING and not is_place_name(words[0])
        and words[0] not in CONTINENT_WORDS
    )


def _only_heads(rest: str) -> bool:
    return all((w in ORG_HEADS or w in TRAILERS) and w not in _GOVERNING for w in rest.split())


def _canonical(group: list[FoundName]) -> str:
    names = [f.name for f in group if not is_acronym(f.name)] or [f.name for f in group]
    return max(names, key=lambda n: (len(n.split()), -names.index(n)))


def _forms(group: list[FoundName]) -> list[str]:
    forms = [f.name for f in group] + [f.acronym for f in group if f.acronym]
    return list(dict.fromkeys(forms))


def _mentions(text: str, forms: Iterable[str]) -> tuple[Span, ...]:
    spans = set()
    for form in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if _bounded(text, start, end):
                spans.add(Span(start, end))
            start = text.find(form, start + 1)
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _bounded(text: str, start: int, end: int) -> bool:
    """No word character or hyphen touches the match on either side."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-")


def _to_org(text: str, group: list[FoundName]) -> Org:
    name = _canonical(group)
    forms = _forms(group)
    aliases = tuple(f for f in forms if f != name)
    return Org(name=name, aliases=aliases, spans=_mentions(text, forms))


def _merge_ministry(groups: list[list[FoundName]]) -> list[list[FoundName]]:
    """ "the trade ministry", "the Trade Ministry" join the one "Ministry of Trade, ..." of the release."""
    for group in groups:
        names = {f.name for f in group}
        words = next(iter(names)).split()
        if len(names) != 1 or len(words) != 2 or words[1].lower() != "ministry":
            continue
        portfolio = words[0].capitalize()
        hosts = [g for g in groups if g is not group and any(_is_ministry_of(f.name, portfolio) for f in g)]
        if len(hosts) == 1:
            hosts[0].extend(group)
            group.clear()
    return [g for g in groups if g]


def _merge_initials(groups: list[list[FoundName]]) -> list[list[FoundName]]:
    """A bare acronym joins the one name of the release whose initials spell it."""
    for group in groups:
        names = {f.name for f in group}
        if len(names) != 1 or not is_acronym(next(iter(names))):
            continue
        acronym = next(iter(names)).replace(".", "")
        hosts = [g for g in groups if g is not group and any(_spelled_by(f.name, acronym) for f in g)]
        if len(hosts) == 1:
            hosts[0].extend(group)
            group.clear()
    return [g for g in groups if g]


def _spelled_by(name: str, acronym: str) -> bool:
    """ "KIAT" is spelled by "Korea Institute for Advancement of Technology": three letters or
    more, each the initial of a word that is itself no acronym or suffix ("UN" is not spelled by
    "Unilever NV")."""
    words = [w for w in name.split() if not is_acronym(w) and w not in TRAILERS]
    return len(acronym) >= 3 and (initials(" ".join(words)) == acronym or _in_chunks(acronym, words))


_SKIPPABLE = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def _in_chunks(acronym: str, words: list[str]) -> bool:
    """ "MOFCOM" spelled by "Ministry of Commerce": the acronym made of the words' first
    letters, one to four of each, in order (a word such as "of" may give none)."""
    def spells(i: int, j: int) -> bool:
        if i == len(acronym):
            return all(w.lower() in _SKIPPABLE for w in words[j:])
        if j == len(words):
            return False
        word = words[j].upper()
        if words[j].lower() in _SKIPPABLE and spells(i, j + 1):
            return True
        return any(
            acronym[i : i + n] == word[:n] and spells(i + n, j + 1)
            for n in range(1, min(4, len(word), len(acronym) - i) + 1)
        )

    return spells(0, 0)


def _is_ministry_of(name: str, portfolio: str) -> bool:
    return name.startswith("Ministry of") and portfolio in re.findall(r"\w+", name)


def _outermost(found: list[FoundName]) -> list[FoundName]:
    """Names not inside a longer name found at the same place ("Korea Hydro" in "Korea Hydro & ...")."""
    spans = {f.span for f in found}

    def inside(span: Span) -> bool:
        return any(o != span and o.start <= span.start and span.end <= o.end for o in spans)

    return sorted((f for f in found if not inside(f.span)), key=lambda f: f.span.start)


def extract_orgs(text: str) -> list[Org]:
    """Every organisation in ``text``, once each with its aliases and mentions, in order."""
    text = soften_newlines(text)
    found = find_org_names(text)
    start = cue_start(text)
    found += [f for f in coordinated_names(text, found) if is_plausible(f) and f.span.start >= start]
    groups = _Groups()
    for item in _outermost(found):
        groups.add(item)
    merged = _merge_initials(_merge_ministry(groups.merge_short_forms()))
    return [_to_org(text, g) for g in merged]
