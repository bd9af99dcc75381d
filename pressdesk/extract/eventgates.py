"""Whether a candidate act is a government's trade or industrial-policy act at all, type by type.

A gate per type, in ``GATES``, looks at an act's candidates (all its mentions in the
release) and keeps it if any passes: a subsidy is given, raised or budgeted by a government
(not a firm's funding), a purchase has a government buyer and something bought, a dialogue
is held by governments on trade, an investment crosses borders, a tariff is set, changed or
disputed, a dispute is between states, "negotiations with" a country are about trade. A type
without a gate is kept as found. To add a gate, add a function and its row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pressdesk.extract.eventcues import (
    DIALOGUE_ACT,
    PROCUREMENT_ACT,
    RATE,
    SUBSIDY_ACT,
    TARIFF_ACT,
)
from pressdesk.extract.eventread import (
    AMOUNT,
    TRADE_WORDS,
    Candidate,
    Reading,
    inside,
    investor,
    sentence_text,
)

__all__ = ["GATES", "passes"]

_GOVERNMENT_WORDS = re.compile(
    r"\b(?:government|ministry|navy|army|air\s+force|military|defen[cs]e|state-run|public|armed\s+forces)\b",
    re.IGNORECASE,
)
_FOREIGN = re.compile(
    r"\b(?:foreign|overseas|abroad|FDI|inbound|outbound|promotion|attract\w*)\b", re.IGNORECASE
)
_MONEY = re.compile(
    r"[$€£¥₩]|\b(?:[A-Z]{3}|won|dollars?|euros?|yen|yuan)\b|\d\s*(?:billion|million|trillion)"
)
# A sentence that reports a figure's change ("foreign investment fell 9.8%") is data, not an act.
_CHANGE = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|dropped|jumped|slid|climbed|surged|plunged|slumped"
    r"|totaled|totalled|reached|stood\s+at)\b[^.;]{0,40}?\d"
)
_TRIBUNAL = re.compile(
    r"\b(?:WTO|World\s+Trade\s+Organi[sz]ation|DSB|panel|Appellate|consultations|arbitration)\b"
)
_GENERIC_NEGOTIATION = re.compile(r"(?i:negotiations?)\s+with$")


def _around(found: Reading, c: Candidate) -> str:
    """The candidate's sentence with a one-word trigger blanked: what else the sentence says
    ("funding" says nothing of being funded; "provide $5 million in grants" does)."""
    text = sentence_text(found, c)
    if " " in c.trigger.strip():
        return text
    start, end = c.pos - c.sentence.start, c.pos - c.sentence.start + len(c.trigger)
    return text[:start] + " " * (end - start) + text[end:]


def _government_acts(found: Reading, group: list[Candidate]) -> bool:
    """Subsidies are a government's act: given, raised or budgeted (a verb or an amount says
    so), never a figure's change; a firm's funding, loans and grants are not (a firm named
    nearer before the trigger than any government)."""
    return any(
        (investor(found, c.sentence, c.pos) == "subsidy" or not _firm_before(found, c))
        and (SUBSIDY_ACT.search(_around(found, c)) or AMOUNT.search(_around(found, c)))
        and not _CHANGE.search(sentence_text(found, c))
        for c in group
    )


def _firm_before(found: Reading, c: Candidate) -> bool:
    return any(c.sentence.start <= s and e <= c.pos for s, e in found.firms)


def _government_buys(found: Reading, group: list[Candidate]) -> bool:
    """A purchase is procurement only with a government buyer (firms' deals are not events)
    and something bought ("government procurement" alone is a topic)."""
    return any(
        (
            any(m.kind == "body" for m in c.sentence.mentions)
            or _GOVERNMENT_WORDS.search(sentence_text(found, c))
        )
        and PROCUREMENT_ACT.search(sentence_text(found, c))
        for c in group
    )


def _about_trade(found: Reading, group: list[Candidate]) -> bool:
    """A meeting is a trade dialogue when it is held (a verb says so) by governments named
    with it (a country or a body, not only an adjective: "Japanese banks' debt talks"), two
    of them in a release about trade, or one on trade and industry (words of organisations'
    names aside: the "Fair Trade Commission" makes no meeting a trade one)."""
    if not any(DIALOGUE_ACT.search(sentence_text(found, c)) for c in group):
        return False
    if not any(m.kind != "people" for c in group for m in c.sentence.mentions):
        return False
    if len({code for c in group for code in c.event.implementer}) >= 2:
        return found.about_trade
    return any(
        not inside(found.named, m.start(), m.end())
        for c in group
        for m in TRADE_WORDS.finditer(found.text, c.sentence.start, c.sentence.end)
    )


def _crosses_borders(found: Reading, group: list[Candidate]) -> bool:
    """An investment event is foreign investment, its promotion, or a pledge of an amount;
    a figure of investment ("foreign investment fell 9.8%") is data."""
    return any(
        not _CHANGE.search(sentence_text(found, c))
        and (
            _FOREIGN.search(c.trigger)
            or _FOREIGN.search(sentence_text(found, c))
            or len(c.event.implementer) >= 2
            or _MONEY.search(sentence_text(found, c))
        )
        for c in group
    )


def _tariff_acted(found: Reading, group: list[Candidate]) -> bool:
    """A tariff event is a tariff set, changed, negotiated or disputed: a verb, a rate or a
    case says so (a figure's change, "the quota ... totaled 5,988 tons", is data)."""
    return any(
        (
            TARIFF_ACT.search(_around(found, c))
            or RATE.search(_around(found, c))
            or _TRIBUNAL.search(sentence_text(found, c))
        )
        and not _CHANGE.search(sentence_text(found, c))
        for c in group
    )


def _between_states(found: Reading, group: list[Candidate]) -> bool:
    """A dispute is between states, or before the WTO: not a lawsuit, not a quarrel."""
    if len({code for c in group for code in c.event.implementer}) >= 2:
        return True
    return any(_TRIBUNAL.search(sentence_text(found, c)) for c in group)


def _agreed_on_trade(found: Reading, group: list[Candidate]) -> bool:
    """ "Negotiations with X" are a trade agreement only in a release about trade (not debt
    or peace talks); the other triggers name trade agreements themselves."""
    return found.about_trade or any(not _GENERIC_NEGOTIATION.match(c.trigger) for c in group)


GATES: dict[str, Callable[[Reading, list[Candidate]], bool]] = {
    "tariff": _tariff_acted,
    "dispute": _between_states,
    "agreement": _agreed_on_trade,
    "subsidy": _government_acts,
    "procurement": _government_buys,
    "dialogue": _about_trade,
    "investment": _crosses_borders,
}


def passes(found: Reading, group: list[Candidate]) -> bool:
    gate = GATES.get(group[0].event.type)
    return gate is None or gate(found, group)
