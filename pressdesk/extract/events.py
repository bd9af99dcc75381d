"""Trade- and industrial-policy events: what governments did, typed, with who and when.

Built on the other extractors' output: trigger phrases (``eventcues``) find candidate
actions sentence by sentence; places, organisations and the release's home jurisdiction
(``eventplaces``) say who took each and whom it targets; resolved dates (``eventdates``)
say when. A candidate that is only a plan or an intention, a meeting to come or background
long past is optional: shown, never predicted. What the headline names is the release's
news and never optional.

One record per distinct action: candidates of one type by one implementer are one act
(a list of regulations, the line items of one strategy); for two-sided types, candidates
whose parties overlap are one act, and a bilateral meeting about an agreement is that
agreement. An act that is no government's (a firm's contract, a bank's loan rates, a
domestic meeting on no trade matter) is left out (``eventgates``). The release is read once
(``eventread``) and each trigger there read as a candidate action.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pressdesk.extract.eventcues import (
    INDICATOR,
    OWNED_RULE_WORD,
    TWO_SIDED,
    find_triggers,
)
from pressdesk.extract.eventdates import RECENT, When
from pressdesk.extract.eventgates import passes
from pressdesk.extract.eventread import Candidate, Reading, aside, candidate, find_statistics, read_release
from pressdesk.extract.text import sentence_index
from pressdesk.facts import DateRef, Event, Org, Person, Place, Span

__all__ = ["extract_events", "nothing_to_read", "read_events"]

# Types that a sentence's other actions outrank: a meeting that reviews an agreement is the
# agreement; "anti-dumping tariffs" are a remedy; a fund that invests is a subsidy.
_OUTRANKED: dict[str, frozenset[str]] = {
    "dialogue": frozenset(
        {
            "agreement",
            "tariff",
            "trade_remedy",
            "technical_regulation",
            "export_control",
            "subsidy",
            "investment",
            "procurement",
            "dispute",
        }
    ),
    "tariff": frozenset({"trade_remedy"}),
    "investment": frozenset({"subsidy", "statistics"}),
}
# An agreement's terms: the tariffs it cuts are the agreement's act, not a tariff measure.
_AGREED_TERMS = re.compile(
    r"\b(?:agreement|deal|pact|FTA|CEPA|EPA)\b[^.;]{0,80}?\b(?:eliminat|cut|lower|remov|reduc|scrap|abolish)\w*"
    r"|\bunder\s+the\s+[^.;]{0,40}?\b(?:agreement|deal|pact|FTA|CEPA|EPA)\b"
)
# A dialogue that is an act of its own beside an agreement: an MOU signed, a named Dialogue.
_OWN_ACT = re.compile(r"(?i:memorand)|MOU|MoU|^Dialogues?$")
_BILATERAL = re.compile(r"(?i:bilateral)\b")
# A future date this close to the release is the news itself ("a hearing tomorrow").
_SOON = 7


def _outranked(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that another action of their sentence outranks, left out; tariffs that are
    an agreement's terms ("the agreement will eliminate duties on 98.5% of tariff lines"); and
    "import restrictions" beside a technical regulation (an SPS ban), which are that."""
    types_by_span: dict[Span, set[str]] = {}
    for c in candidates:
        types_by_span.setdefault(c.event.span, set()).add(c.event.type)
    return [
        c
        for c in candidates
        if not _OUTRANKED.get(c.event.type, frozenset()) & types_by_span[c.event.span]
        and not (c.event.type == "tariff" and _AGREED_TERMS.search(c.event.sentence))
        and not (
            c.trigger.lower().startswith("import") and "technical_regulation" in types_by_span[c.event.span]
        )
    ]


def _same_act(a: Event, b: Event, home: str | None) -> bool:
    """Two candidates of one type that are one act."""
    if a.type != b.type:
        return False
    if a.type == "subsidy" and a.implementer[:1] == b.implementer[:1]:
        return True  # one granting country first: "EU approves aid for Italian plant", "Italian subsidy"
    if a.type not in TWO_SIDED:
        return a.implementer == b.implementer
    sa, sb = set(a.implementer), set(b.implementer)
    return sa <= sb or sb <= sa or bool((sa & sb) - {home})


def _group(candidates: list[Candidate], home: str | None) -> list[list[Candidate]]:
    """Candidates gathered into acts, in order of first mention."""
    groups: list[list[Candidate]] = []
    for c in candidates:
        for group in groups:
            if any(_same_act(g.event, c.event, home) for g in group):
                group.append(c)
                break
        else:
            groups.append([c])
    return groups


def _act_date(group: list[Candidate], today: date) -> str | None:
    """The act's date: a recent one of a reported mention, else of any mention, else one
    of the next few days (the news of a hearing tomorrow)."""
    required = [c for c in group if not c.event.optional]
    for pool in (required, group):
        dated = [c.event.date for c in pool if c.event.date and c.when is When.NOW]
        if dated:
            return max(dated, key=len)
    soon = [
        c.event.date
        for c in group
        if c.event.date
        and c.when is When.FUTURE
        and len(c.event.date) == 10
        and (date.fromisoformat(c.event.date) - today).days <= _SOON
    ]
    return soon[0] if soon else None


def _record(group: list[Candidate], today: date) -> Event:
    """One act as one event: the first reported mention's sentence, everyone's parties."""
    required = [c for c in group if not c.event.optional]
    head = (required or group)[0].event
    return replace(
        head,
        implementer=tuple(dict.fromkeys(code for c in required or group for code in c.event.implementer)),
        partner=tuple(dict.fromkeys(code for c in required or group for code in c.event.partner)),
        date=_act_date(group, today),
        optional=not required,
    )


def _absorbed(event: Event, group: list[Candidate], events: list[Event], home: str | None) -> bool:
    """A bilateral meeting about a reported agreement or dispute is that act (not an MOU
    signed, nor a standing Dialogue named as such; bilateral by its parties or its name:
    "bilateral consultations failed to resolve the row"); a domestic investment drive beside
    a subsidy is the subsidy."""
    bilateral = len(event.implementer) >= 2 or any(_BILATERAL.match(c.trigger) for c in group)
    if event.type == "dialogue" and bilateral and not any(_OWN_ACT.search(c.trigger) for c in group):
        return any(
            e.type in ("agreement", "dispute")
            and not e.optional
            and set(event.implementer) <= set(e.implementer)
            for e in events
        )
    if event.type == "investment" and set(event.implementer) <= {home}:
        return any(e.type == "subsidy" and e.implementer == event.implementer for e in events)
    if event.type not in TWO_SIDED and event.implementer == (home,) and _home_is_target(group, home):
        # "Tariffs on British cars will fall" in a UK release: the other side's tariffs, told
        # in full where that side is named ("India will halve its tariffs on ... British")
        return any(e.type == event.type and home in e.partner for e in events if e is not event)
    return False


def _home_is_target(group: list[Candidate], home: str | None) -> bool:
    """Home is named in each of the act's sentences only as what a measure reaches."""
    return all(
        any(m.code == home and m.target for m in c.sentence.mentions)
        and not any(m.code == home and not m.target for m in c.sentence.mentions)
        for c in group
    )


def _lead_date(found: Reading) -> str:
    """The date of the release's news: a recent day its first body sentence gives, else the
    release date."""
    index = sentence_index(found.starts, found.title_end + 2)
    lead = found.sentences[index] if index < len(found.sentences) else None
    for d in lead.dates if lead else ():
        recent = len(d.value) == 10 and found.today - RECENT <= date.fromisoformat(d.value) <= found.today
        if recent and lead and not aside(found.text, lead, d):
            return d.value
    return found.today.isoformat()


def extract_events(
    text: str, today: date, places: list[Place], orgs: list[Org], people: list[Person], dates: list[DateRef],
    site: str | None = None, counted: str | None = None,
) -> list[Event]:
    """The trade- and industrial-policy actions ``text`` reports (release date ``today``;
    ``site``: the government whose site published it, if known: ``places.site_code``;
    ``counted``: the country whose currency it counts in, ``money.currency_home``)."""
    phrases = find_triggers(text)
    if nothing_to_read(text, phrases):
        return []  # most texts on other matters end here, before the release is read
    return read_events(text, today, (places, orgs, people, dates), phrases, site, counted)


def nothing_to_read(text: str, phrases: list[tuple[str, int, int]]) -> bool:
    """No trigger phrase, no indicator of official data and no rule a country could own:
    no event can be found (a shortcut, tested to change no result)."""
    return not phrases and not INDICATOR.search(text) and not OWNED_RULE_WORD.search(text)


def read_events(
    text: str,
    today: date,
    facts: tuple[list[Place], list[Org], list[Person], list[DateRef]],
    phrases: list[tuple[str, int, int]],
    site: str | None = None,
    counted: str | None = None,
) -> list[Event]:
    """The events of a release whose trigger ``phrases`` are found (``extract_events``)."""
    found, triggers = read_release(text, today, *facts, phrases, site, counted)
    candidates = [candidate(found, kind, start, end) for kind, start, end in triggers]
    groups = [
        g for g in _group(_outranked(candidates + find_statistics(found)), found.home) if passes(found, g)
    ]
    events = [_record(g, today) for g in groups]
    lead = _lead_date(found)
    return [
        e if e.date or e.optional else replace(e, date=lead)
        for e, g in zip(events, groups, strict=True)
        if not _absorbed(e, g, events, found.home)
    ]
