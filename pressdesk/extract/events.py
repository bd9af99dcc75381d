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
domestic meeting on no trade matter) is left out (``_GATES``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from pressdesk.extract.eventcues import (
    ANNOUNCED,
    CURRENT_ACT,
    DATA_CUE,
    DIALOGUE_ACT,
    FUTURE,
    HEADLINE_FUTURE,
    HEADLINE_TO,
    INDICATOR,
    NEGATED,
    OWNED_RULE,
    PROCUREMENT_ACT,
    SCHEDULED,
    SINCE,
    STAT_VERB,
    SUBSIDY_ACT,
    TARIFF_ACT,
    TWO_SIDED,
    find_triggers,
    word_pattern,
)
from pressdesk.extract.eventdates import RECENT, When, event_date
from pressdesk.extract.eventplaces import (
    Mention,
    actor,
    find_mentions,
    home_code,
    local_parties,
    owner,
)
from pressdesk.extract.text import headline_end, is_title_case, sentence_index, sentence_starts
from pressdesk.facts import DateRef, Event, Org, Person, Place, Span

__all__ = ["extract_events"]

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
# One-sided types whose partners are what they target; the others have none.
_TARGETED = frozenset({"tariff", "trade_remedy", "technical_regulation", "export_control"})

# Where a sentence ends, for events: as ``text.SENTENCE_END`` says, but not after "U.S." or
# "U.K." before a name ("the Korea–U.S. Joint Fact Sheet"), and also after a closing quote
# and at a line break after sentence punctuation (a quoted paragraph's last sentence).
_ENDS = re.compile(
    r"[.!?](?:(?<!\bU\.S\.)(?<!\bU\.K\.)(?<!\bU\.N\.)(?=\s+[A-Z\"“(]|[A-Z][a-z])"
    r"|(?<=\bU\.[SKN]\.)(?=\s+(?:The|It|He|She|They|We|In|On|At|This|That|These|Those|But|And|However|A|An|As"
    r"|According|Meanwhile|Also|Under|After|Before|While|Its|Their|His|Her)\b)"
    r"|[”\"’](?=\s+[A-Z“\"(])|[”\"’]?[ \t]*(?=\n))"
    r"|\n(?:\s*\n|(?=[ \t]*(?:[-•*▪]|\d+\.)[ \t]))"
)
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"\n]*\"")
_TRADE_WORDS = word_pattern(
    r"trade(?<!fair\strade)",
    r"tariffs?",
    r"exports?",
    r"imports?",
    "(?-i:FTA)",
    r"investments?",
    r"supply\s+chains?",
    r"industr(?:y|ial|ies)",
    "economic",
    r"market\s+access",
    "manufacturing",
)
_GOVERNMENT_WORDS = re.compile(
    r"\b(?:government|ministry|navy|army|air\s+force|military|defen[cs]e|state-run|public|armed\s+forces)\b",
    re.IGNORECASE,
)
_STATE = re.compile(r"\b(?:government|state|public)\b", re.IGNORECASE)
_FOREIGN = re.compile(
    r"\b(?:foreign|overseas|abroad|FDI|inbound|outbound|promotion|attract\w*)\b", re.IGNORECASE
)
_MONEY = re.compile(
    r"[$€£¥₩]|\b(?:[A-Z]{3}|won|dollars?|euros?|yen|yuan)\b|\d\s*(?:billion|million|trillion)"
)
# Future acts with an amount are commitments, not hopes ("will provide KRW 500 billion in loans",
# "plans to invest C$1 billion"); "will upgrade the FTA" is an intention.
_BUDGETED = frozenset({"subsidy", "investment", "procurement"})
_AMOUNT = re.compile(
    r"(?:[$€£¥₩]|\b(?:[A-Z]{1,3}\$|USD|KRW|EUR|JPY|CNY|RMB|GBP|INR|Rs\.?)\s?)\d"
    r"|\d[\d.,]*\s*(?:billion|million|trillion|bn|mn|crore|lakh)?\s*(?:won|dollars|euros|yen|yuan|pounds|rupees)\b"
)
# A figure: a number with a unit of money or a percent (what official data reports).
_FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:%|percent\b|per\s?cent\b|(?:billion|million|trillion)\b)|" + _AMOUNT.pattern
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
_BRACKET = re.compile(r"\s*\(\s*")
_POSSESSIVE = re.compile(r"['’]s?\b")
_RECEIVED = re.compile(r"\breceiv(?:e|es|ed|ing)\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
# An agreement's terms: the tariffs it cuts are the agreement's act, not a tariff measure.
_AGREED_TERMS = re.compile(
    r"\b(?:agreement|deal|pact|FTA|CEPA|EPA)\b[^.;]{0,80}?\b(?:eliminat|cut|lower|remov|reduc|scrap|abolish)\w*"
    r"|\bunder\s+the\s+[^.;]{0,40}?\b(?:agreement|deal|pact|FTA|CEPA|EPA)\b"
)
# A dialogue that is an act of its own beside an agreement: an MOU signed, a named Dialogue.
_OWN_ACT = re.compile(r"(?i:memorand)|MOU|MoU|^Dialogues?$")
# A future date this close to the release is the news itself ("a hearing tomorrow").
_SOON = 7


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence: its bounds, the jurisdictions it names and the dates it holds."""

    start: int
    end: int
    mentions: list[Mention]
    dates: list[DateRef]


@dataclass(frozen=True, slots=True)
class _Found:
    """What one release offers every trigger: its text, date and home, its sentences, the
    stretches quoted, named (organisations) or covered by an announced plan, and the owners
    of its measures."""

    text: str
    today: date
    home: str | None
    starts: list[int]
    sentences: list[_Sentence]
    quoted: list[tuple[int, int]]
    named: list[tuple[int, int]]
    firms: list[tuple[int, int]]  # where organisations that are no government body are named
    title_end: int
    title_future: bool  # the headline speaks of what is to come ("Japan, U.S. Set To Begin Talks")
    about_trade: bool  # the release speaks of trade or industry outside organisations' names
    announced_from: int
    owners: frozenset[int]  # start offsets of mentions that own a measure


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A trigger read as an action: the event, its trigger, where it is and where its date lies."""

    event: Event
    trigger: str
    pos: int
    when: When
    sentence: _Sentence


def _sentences(
    text: str, starts: list[int], mentions: list[Mention], dates: list[DateRef]
) -> list[_Sentence]:
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    return [
        _Sentence(
            s, e, [m for m in mentions if s <= m.start < e], [d for d in dates if s <= d.span.start < e]
        )
        for s, e in bounds
    ]


def _announced_from(text: str, starts: list[int], quoted: list[tuple[int, int]]) -> int:
    """Where the first sentence that announces something in the release's own voice ends: a
    future after it ("the government will expand ...") is the announcement's content, not a
    hope."""
    for m in ANNOUNCED.finditer(text):
        if not any(qs <= m.start() < qe for qs, qe in quoted):
            index = sentence_index(starts, m.start())
            return starts[index + 1] if index + 1 < len(starts) else len(text)
    return len(text) + 1


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _owned_rules(
    text: str, mentions: list[Mention], phrases: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The trigger phrases, and every rule a jurisdiction owns ("China's regulation")."""
    found = list(phrases)
    for m in mentions:
        owned = OWNED_RULE.match(text, m.end) if m.kind != "body" else None
        if owned and not any(s <= owned.start("noun") < e for _, s, e in found):
            found.append(("technical_regulation", owned.start("noun"), owned.end("noun")))
    return sorted(found, key=lambda t: t[1])


def _owners(
    text: str, sentences: list[_Sentence], starts: list[int], triggers: list[tuple[str, int, int]]
) -> frozenset[int]:
    """Where the jurisdictions that own a measure are named ("Mexico's labelling rules"): in a
    list of measures they are owners, not the partners of the others."""
    found = set()
    for kind, start, end in triggers:
        if kind not in _TARGETED:
            continue
        sentence = sentences[sentence_index(starts, start)]
        m = owner(text, sentence.mentions, start, end)
        if m is not None:
            found.add(m.start)
    return frozenset(found)


def _is_quoted(found: _Found, pos: int) -> bool:
    return any(s <= pos < e for s, e in found.quoted)


def _optional(found: _Found, kind: str, sentence: _Sentence, pos: int, when: When, cut: int) -> bool:
    """Background, scheduled, intended or denied; never what the headline reports done (unless
    it denies it: "countries without trade deals"). ``cut`` ends the part of the sentence that
    speaks of this act (a background clause after it is another's)."""
    if pos < found.title_end:
        return found.title_future or bool(NEGATED.search(found.text, 0, pos))
    text = found.text[sentence.start : sentence.end]
    if NEGATED.search(found.text, sentence.start, pos):
        return True
    if when is When.PAST or SINCE.search(found.text, sentence.start, cut):
        return True
    if kind == "dialogue" and (SCHEDULED.search(text) or when is When.FUTURE):
        return True
    announced = ANNOUNCED.search(text) or (pos >= found.announced_from and not _is_quoted(found, pos))
    budgeted = kind in _BUDGETED and _AMOUNT.search(text)
    # a modal after the measure speaks of its effect ("the regulation would burden exporters")
    planned = FUTURE.search(found.text, sentence.start, pos)
    return bool(planned) and not announced and not budgeted


def _parties(
    found: _Found, kind: str, sentence: _Sentence, start: int, end: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Implementers and partners of the trigger at ``start``-``end``."""
    text, mentions = found.text, sentence.mentions
    if kind in TWO_SIDED:
        local = local_parties(text, mentions, start, end)
        # a compound or a list names both sides; else every jurisdiction of the sentence is one
        codes = list(local if len(local) >= 2 else dict.fromkeys((*local, *(m.code for m in mentions))))
        lead = actor(text, mentions, sentence.start, start)
        home_acts = lead is None or lead.code == found.home or len(codes) < 2
        extra = [lead.code] if lead is not None and lead.kind == "body" else []
        extra += [found.home] if found.home and home_acts else []
        return tuple(dict.fromkeys((*codes, *extra))), ()
    taker = _owner(found, kind, sentence, start, end) or _giver(text, mentions, sentence, start)
    taker = taker or actor(text, mentions, sentence.start, start)
    implementer = (taker.code,) if taker else ((found.home,) if found.home else ())
    if kind not in _TARGETED:
        return implementer, ()
    return implementer, _targets(found, sentence, implementer)


def _owner(found: _Found, kind: str, sentence: _Sentence, start: int, end: int) -> Mention | None:
    """The owner of a measure; but a country named right before sanctions is their target
    where another acts ("the UK ... its Russia sanctions regime")."""
    found_owner = owner(found.text, sentence.mentions, start, end)
    if found_owner is None or kind != "export_control" or _POSSESSIVE.match(found.text, found_owner.end):
        return found_owner
    lead = actor(
        found.text, [m for m in sentence.mentions if m.end <= found_owner.start], sentence.start, start
    )
    return lead if lead is not None and lead.code != found_owner.code else found_owner


def _giver(text: str, mentions: list[Mention], sentence: _Sentence, start: int) -> Mention | None:
    """Who gives what a sentence says is received: "Bangladesh will receive a grant ... from
    the Netherlands" is the Netherlands' grant."""
    if not _RECEIVED.search(text, sentence.start, start):
        return None
    return next(
        (m for m in mentions if m.start > start and _FROM.search(text, max(start, m.start - 10), m.start)),
        None,
    )


def _targets(found: _Found, sentence: _Sentence, implementer: tuple[str, ...]) -> tuple[str, ...]:
    """The other jurisdictions the sentence names, except the owners of a list's other
    measures; home when a foreign measure names none."""
    codes = [m.code for m in sentence.mentions if m.start not in found.owners and m.code not in implementer]
    if not codes and found.home and found.home not in implementer:
        codes = [found.home]
    return tuple(dict.fromkeys(codes))


def _investor(found: _Found, sentence: _Sentence, start: int) -> str:
    """Who invests at ``start``: a government (a subsidy) or a firm (an investment), by the
    nearest of them named before it."""
    bodies = [m.end for m in sentence.mentions if m.kind != "people" and m.end <= start]
    firms = [e for s, e in found.firms if sentence.start <= s and e <= start]
    return "subsidy" if bodies and (not firms or max(bodies) > max(firms)) else "investment"


def _clause_end(text: str, sentence: _Sentence, start: int, end: int) -> int:
    """Where the part of the sentence about the act at ``start`` ends: at a background clause
    after it ("..., which entered into force in 2020") when an act is reported before it
    ("Ministers reviewed the implementation of"); else at the sentence's end."""
    background = SINCE.search(text, end, sentence.end)
    if background and CURRENT_ACT.search(text, sentence.start, start):
        return background.start()
    return sentence.end


def _candidate(found: _Found, kind: str, start: int, end: int) -> _Candidate:
    sentence = found.sentences[sentence_index(found.starts, start)]
    if kind == "invest":
        kind = _investor(found, sentence, start)
    implementer, partner = _parties(found, kind, sentence, start, end)
    cut = _clause_end(found.text, sentence, start, end)
    dated = event_date([d for d in sentence.dates if d.span.start < cut], start, found.today)
    event = Event(
        type=kind,
        implementer=implementer,
        partner=partner,
        date=dated.value,
        sentence=found.text[sentence.start : sentence.end].strip(),
        span=Span(sentence.start, sentence.end),
        optional=_optional(found, kind, sentence, start, dated.when, cut),
    )
    return _Candidate(event, found.text[start:end], start, dated.when, sentence)


# ---------------------------------------------------------------- gates by type


def _sentence_text(found: _Found, c: _Candidate) -> str:
    return found.text[c.sentence.start : c.sentence.end]


def _around(found: _Found, c: _Candidate) -> str:
    """The candidate's sentence with a one-word trigger blanked: what else the sentence says
    ("funding" says nothing of being funded; "provide $5 million in grants" does)."""
    text = _sentence_text(found, c)
    if " " in c.trigger.strip():
        return text
    start, end = c.pos - c.sentence.start, c.pos - c.sentence.start + len(c.trigger)
    return text[:start] + " " * (end - start) + text[end:]


def _government_acts(found: _Found, group: list[_Candidate]) -> bool:
    """Subsidies are a government's act: given, raised or budgeted (a verb or an amount says
    so), never a figure's change; a firm's funding, loans and grants are not (a firm named
    nearer before the trigger than any government)."""
    return any(
        (_investor(found, c.sentence, c.pos) == "subsidy" or not _firm_before(found, c))
        and (SUBSIDY_ACT.search(_around(found, c)) or _AMOUNT.search(_around(found, c)))
        and not _CHANGE.search(_sentence_text(found, c))
        for c in group
    )


def _firm_before(found: _Found, c: _Candidate) -> bool:
    return any(c.sentence.start <= s and e <= c.pos for s, e in found.firms)


def _government_buys(found: _Found, group: list[_Candidate]) -> bool:
    """A purchase is procurement only with a government buyer (firms' deals are not events)
    and something bought ("government procurement" alone is a topic)."""
    return any(
        (
            any(m.kind == "body" for m in c.sentence.mentions)
            or _GOVERNMENT_WORDS.search(_sentence_text(found, c))
        )
        and PROCUREMENT_ACT.search(_sentence_text(found, c))
        for c in group
    )


def _about_trade(found: _Found, group: list[_Candidate]) -> bool:
    """A meeting is a trade dialogue when it is held (a verb says so) by governments named
    with it (a country or a body, not only an adjective: "Japanese banks' debt talks"), two
    of them in a release about trade, or one on trade and industry (words of organisations'
    names aside: the "Fair Trade Commission" makes no meeting a trade one)."""
    if not any(DIALOGUE_ACT.search(_sentence_text(found, c)) for c in group):
        return False
    if not any(m.kind != "people" for c in group for m in c.sentence.mentions):
        return False
    if len({code for c in group for code in c.event.implementer}) >= 2:
        return found.about_trade
    return any(
        not _inside(found.named, m.start(), m.end())
        for c in group
        for m in _TRADE_WORDS.finditer(found.text, c.sentence.start, c.sentence.end)
    )


def _crosses_borders(found: _Found, group: list[_Candidate]) -> bool:
    """An investment event is foreign investment, its promotion, or a pledge of an amount;
    a figure of investment ("foreign investment fell 9.8%") is data."""
    return any(
        not _CHANGE.search(_sentence_text(found, c))
        and (
            _FOREIGN.search(c.trigger)
            or _FOREIGN.search(_sentence_text(found, c))
            or len(c.event.implementer) >= 2
            or _MONEY.search(_sentence_text(found, c))
        )
        for c in group
    )


def _tariff_acted(found: _Found, group: list[_Candidate]) -> bool:
    """A tariff event is a tariff set, changed, negotiated or disputed: a verb, a rate or a
    case says so (a figure's change, "the quota ... totaled 5,988 tons", is data)."""
    return any(
        (TARIFF_ACT.search(_around(found, c)) or _TRIBUNAL.search(_sentence_text(found, c)))
        and not _CHANGE.search(_sentence_text(found, c))
        for c in group
    )


def _between_states(found: _Found, group: list[_Candidate]) -> bool:
    """A dispute is between states, or before the WTO: not a lawsuit, not a quarrel."""
    if len({code for c in group for code in c.event.implementer}) >= 2:
        return True
    return any(_TRIBUNAL.search(_sentence_text(found, c)) for c in group)


def _agreed_on_trade(found: _Found, group: list[_Candidate]) -> bool:
    """ "Negotiations with X" are a trade agreement only in a release about trade (not debt
    or peace talks); the other triggers name trade agreements themselves."""
    return found.about_trade or any(not _GENERIC_NEGOTIATION.match(c.trigger) for c in group)


_GATES: dict[str, Callable[[_Found, list[_Candidate]], bool]] = {
    "tariff": _tariff_acted,
    "dispute": _between_states,
    "agreement": _agreed_on_trade,
    "subsidy": _government_acts,
    "procurement": _government_buys,
    "dialogue": _about_trade,
    "investment": _crosses_borders,
}


def _passes(found: _Found, group: list[_Candidate]) -> bool:
    gate = _GATES.get(group[0].event.type)
    return gate is None or gate(found, group)


# ---------------------------------------------------------------- statistics


def _statistics(found: _Found) -> list[_Candidate]:
    """Releases of official data: an indicator stated with a verb of level or change and a
    word of data in one sentence, and a figure in it or the next ("loan rates rose, data
    showed. The average rate came to 4.15 percent")."""
    found_stats = []
    done: set[int] = set()
    for indicator in INDICATOR.finditer(found.text):
        index = sentence_index(found.starts, indicator.start())
        sentence = found.sentences[index]
        if index in done or not STAT_VERB.search(found.text, indicator.start(), indicator.end() + 60):
            continue
        if not DATA_CUE.search(found.text, sentence.start, sentence.end) or _is_quoted(
            found, indicator.start()
        ):
            continue
        after = next(
            (s.end for s in found.sentences[index + 1 :] if found.text[s.start : s.end].strip()), sentence.end
        )
        if _FIGURE.search(found.text, sentence.start, after):
            done.add(index)
            found_stats.append(_candidate(found, "statistics", indicator.start(), indicator.end()))
    return found_stats


# ---------------------------------------------------------------- one record per act


def _outranked(candidates: list[_Candidate]) -> list[_Candidate]:
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
    if a.type not in TWO_SIDED:
        return a.implementer == b.implementer
    sa, sb = set(a.implementer), set(b.implementer)
    return sa <= sb or sb <= sa or bool((sa & sb) - {home})


def _group(candidates: list[_Candidate], home: str | None) -> list[list[_Candidate]]:
    """Candidates gathered into acts, in order of first mention."""
    groups: list[list[_Candidate]] = []
    for c in candidates:
        for group in groups:
            if any(_same_act(g.event, c.event, home) for g in group):
                group.append(c)
                break
        else:
            groups.append([c])
    return groups


def _act_date(group: list[_Candidate], today: date) -> str | None:
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


def _record(group: list[_Candidate], today: date) -> Event:
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


def _absorbed(event: Event, group: list[_Candidate], events: list[Event], home: str | None) -> bool:
    """A bilateral meeting about a reported agreement or dispute is that act (not an MOU
    signed, nor a standing Dialogue named as such); a domestic investment drive beside a
    subsidy is the subsidy."""
    if (
        event.type == "dialogue"
        and len(event.implementer) >= 2
        and not any(_OWN_ACT.search(c.trigger) for c in group)
    ):
        return any(
            e.type in ("agreement", "dispute")
            and not e.optional
            and set(event.implementer) <= set(e.implementer)
            for e in events
        )
    if event.type == "investment" and set(event.implementer) <= {home}:
        return any(e.type == "subsidy" and e.implementer == event.implementer for e in events)
    return False


def _lead_date(found: _Found) -> str:
    """The date of the release's news: a recent day its first body sentence gives, else the
    release date."""
    index = sentence_index(found.starts, found.title_end + 2)
    for d in found.sentences[index].dates if index < len(found.sentences) else ():
        if len(d.value) == 10 and found.today - RECENT <= date.fromisoformat(d.value) <= found.today:
            return d.value
    return found.today.isoformat()


def _restated(text: str, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Triggers without those that restate the one before in brackets: "Free Trade Agreement
    (CAFTA-DR)" is one mention, read once."""
    kept: list[tuple[str, int, int]] = []
    for t in triggers:
        before = kept[-1] if kept else None
        if before and before[0] == t[0] and _BRACKET.fullmatch(text, before[2], t[1]):
            continue
        kept.append(t)
    return kept


def _headline_future(title: str) -> bool:
    """The headline speaks of what is to come: "Japan, U.S. Set To Begin Talks", "Chile to
    launch FTA talks" (not "adding U.S. entities to the list")."""
    if HEADLINE_FUTURE.search(title):
        return True
    capitals_say_names = not is_title_case(title)
    return any(not (capitals_say_names and m.group("word")[0].isupper()) for m in HEADLINE_TO.finditer(title))


def _headline_case(text: str, title_end: int, trigger: tuple[str, int, int]) -> bool:
    """A trigger told by its capitals ("Battery Regulation") in a headline written in title
    case ("Nyse To Study Regulation Of Security Industry"), where capitals say nothing."""
    _, start, end = trigger
    return (
        start < title_end
        and text[start].isupper()
        and text[start:end].istitle()
        and is_title_case(text[:title_end])
    )


def _found(
    text: str,
    today: date,
    places: list[Place],
    orgs: list[Org],
    people: list[Person],
    dates: list[DateRef],
    phrases: list[tuple[str, int, int]],
) -> tuple[_Found, list[tuple[str, int, int]]]:
    """The release read once for every trigger, and its triggers (none inside a name)."""
    home = home_code(text, places, orgs)
    starts = sentence_starts(text, _ENDS)
    mentions = find_mentions(text, places, orgs, people, home)
    sentences = _sentences(text, starts, mentions, dates)
    named = [(s.start, s.end) for o in orgs for s in o.spans]
    bodies = {(m.start, m.end) for m in mentions if m.kind == "body"}
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    title_end = headline_end(text)
    triggers = _restated(
        text,
        [
            t
            for t in _owned_rules(text, mentions, phrases)
            if not _inside(named, t[1], t[2]) and not _headline_case(text, title_end, t)
        ],
    )
    found = _Found(
        text,
        today,
        home,
        starts,
        sentences,
        quoted,
        named,
        [span for span in named if span not in bodies],
        title_end,
        _headline_future(text[:title_end]),
        any(not _inside(named, m.start(), m.end()) for m in _TRADE_WORDS.finditer(text)),
        _announced_from(text, starts, quoted),
        _owners(text, sentences, starts, triggers),
    )
    return found, triggers


def extract_events(
    text: str, today: date, places: list[Place], orgs: list[Org], people: list[Person], dates: list[DateRef]
) -> list[Event]:
    """The trade- and industrial-policy actions ``text`` reports (release date ``today``)."""
    phrases = find_triggers(text)
    if not phrases and not INDICATOR.search(text):
        return []  # nothing to read: most texts on other matters end here
    found, triggers = _found(text, today, places, orgs, people, dates, phrases)
    candidates = [_candidate(found, kind, start, end) for kind, start, end in triggers]
    groups = [g for g in _group(_outranked(candidates + _statistics(found)), found.home) if _passes(found, g)]
    events = [_record(g, today) for g in groups]
    lead = _lead_date(found)
    return [
        e if e.date or e.optional else replace(e, date=lead)
        for e, g in zip(events, groups, strict=True)
        if not _absorbed(e, g, events, found.home)
    ]
