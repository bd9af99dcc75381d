"""A release read once for its events, and each trigger phrase read as a candidate action.

``read_release`` splits the text into sentences (``_ENDS``: as the shared splitter, but not
after "U.S." before a name, and also after a closing quotation or a bullet line), places in
each the jurisdictions (``eventplaces``) and dates it names, and notes what every trigger
needs: the quoted stretches, organisations' names, the headline, where the release starts
announcing, the owners of measures. ``candidate`` reads one trigger: its type (an investing
government subsidises, an investing firm invests), implementers and partners, date, and
whether it is optional (background, scheduled, intended, denied). ``find_statistics`` finds
releases of official data, which have no trigger phrase of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pressdesk.extract.eventcues import (
    ANNOUNCED,
    CONTEXT,
    CURRENT_ACT,
    DATA_CUE,
    FUTURE,
    HEADLINE_FUTURE,
    HEADLINE_TO,
    INDICATOR,
    NEGATED,
    OWNED_RULE,
    SCHEDULED,
    SINCE,
    STAT_VERB,
    TWO_SIDED,
    WILL_CONTRACTED,
    word_pattern,
)
from pressdesk.extract.eventdates import When, event_date
from pressdesk.extract.eventplaces import Mention, actor, find_mentions, home_code, local_parties, owner
from pressdesk.extract.lexicon import MONTHS
from pressdesk.extract.text import (
    HONORIFIC_STOPS,
    headline_end,
    is_title_case,
    sentence_index,
    sentence_starts,
)
from pressdesk.facts import DateRef, Event, Org, Person, Place, Span

__all__ = [
    "AMOUNT",
    "TRADE_WORDS",
    "Candidate",
    "Reading",
    "Sentence",
    "aside",
    "candidate",
    "find_statistics",
    "inside",
    "investor",
    "is_quoted",
    "read_release",
    "sentence_text",
]

# One-sided types whose partners are what they target; the others have none.
_TARGETED = frozenset({"tariff", "trade_remedy", "technical_regulation", "export_control"})
# Where a sentence ends, for events: as ``text.SENTENCE_END`` says, but not after "U.S." or
# "U.K." before a name ("the Korea–U.S. Joint Fact Sheet"), and also after a closing quote
# and at a line break after sentence punctuation (a quoted paragraph's last sentence).
_ENDS = re.compile(
    r"[.!?](?:" + HONORIFIC_STOPS + r"(?<!\bU\.S\.)(?<!\bU\.K\.)(?<!\bU\.N\.)(?=\s+[A-Z\"“(]|[A-Z][a-z])"
    r"|(?<=\bU\.[SKN]\.)(?=\s+(?:The|It|He|She|They|We|In|On|At|This|That|These|Those|But|And|However|A|An|As"
    r"|According|Meanwhile|Also|Under|After|Before|While|Its|Their|His|Her)\b)"
    r"|[”\"’](?=\s+[A-Z“\"(])|[”\"’]?[ \t]*(?=\n))"
    r"|\n(?:\s*\n|(?=[ \t]*(?:[-•*▪]|\d+\.)[ \t]))"
)
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"\n]*\"")
# Words of trade and industry: a release that has them outside organisations' names is about trade.
TRADE_WORDS = word_pattern(
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
# Future acts with an amount are commitments, not hopes ("will provide KRW 500 billion in loans",
# "plans to invest C$1 billion"); "will upgrade the FTA" is an intention.
_BUDGETED = frozenset({"subsidy", "investment", "procurement"})
AMOUNT = re.compile(
    r"(?:[$€£¥₩]|\b(?:[A-Z]{1,3}\$|USD|KRW|EUR|JPY|CNY|RMB|GBP|INR|Rs\.?)\s?)\d"
    r"|\d[\d.,]*\s*(?:billion|million|trillion|bn|mn|crore|lakh)?\s*(?:won|dollars|euros|yen|yuan|pounds|rupees)\b"
)
# A figure: a number with a unit of money or a percent (what official data reports).
_FIGURE = re.compile(
    r"\d[\d.,]*\s*(?:%|percent\b|per\s?cent\b|(?:billion|million|trillion)\b)|" + AMOUNT.pattern
)
# How far before a trigger a denial reaches ("no plans for ... talks"), a little over NEGATED's.
_NEGATION_REACH = 100
_BRACKET = re.compile(r"\s*\(\s*")
_DETERMINED = re.compile(r"\b(?:its|their|our|his|her)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")
_RECEIVED = re.compile(r"\breceiv(?:e|es|ed|ing)\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
# A balance recorded, its verb before it: "Brazil posted a trade surplus of US$ 7.2 billion".
_RECORDED = re.compile(
    r"\b(?:posted|recorded|registered|logged|ran|reported)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its bounds, the jurisdictions it names and the dates it holds."""

    start: int
    end: int
    mentions: list[Mention]
    dates: list[DateRef]


@dataclass(frozen=True, slots=True)
class Reading:
    """What one release offers every trigger: its text, date and home, its sentences, the
    stretches quoted, named (organisations) or covered by an announced plan, and the owners
    of its measures."""

    text: str
    today: date
    home: str | None
    starts: list[int]
    sentences: list[Sentence]
    quoted: list[tuple[int, int]]
    named: list[tuple[int, int]]
    firms: list[tuple[int, int]]  # where organisations that are no government body are named
    title_end: int
    title_future: bool  # the headline speaks of what is to come ("Japan, U.S. Set To Begin Talks")
    about_trade: bool  # the release speaks of trade or industry outside organisations' names
    announced_from: int
    owners: frozenset[int]  # start offsets of mentions that own a measure
    cues: dict[int, _Cues] = field(default_factory=dict)  # by sentence start, read when first asked


@dataclass(frozen=True, slots=True)
class _Cues:
    """What a sentence says of the acts in it, read once for all its triggers: spans of its
    cues of a future, a background and an act reported, and whether it announces, schedules
    or budgets."""

    future: tuple[tuple[int, int], ...]
    since: tuple[tuple[int, int], ...]
    current: tuple[tuple[int, int], ...]
    announced: bool
    scheduled: bool
    amount: bool


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text, start, end))


# A measure given its start is decided, not hoped for: "will require ... starting January 2027".
_STARTS_ON = re.compile(
    r"\b(?:starting|effective|beginning)\s+(?:on\s+|in\s+|from\s+)?"
    rf"(?:(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b|\d{{1,2}}\s+[A-Z][a-z]+"
    r"|next\s+(?:year|month)|(?:19|20)\d\d\b)"
)


def _cues(found: Reading, sentence: Sentence) -> _Cues:
    """The sentence's cues, read on first use (most sentences have no trigger)."""
    if sentence.start not in found.cues:
        text, s, e = found.text, sentence.start, sentence.end
        found.cues[s] = _Cues(
            _spans(FUTURE, text, s, e) + _spans(WILL_CONTRACTED, text, s, e),
            _spans(SINCE, text, s, e),
            _spans(CURRENT_ACT, text, s, e),
            bool(ANNOUNCED.search(text, s, e) or _STARTS_ON.search(text, s, e)),
            bool(SCHEDULED.search(text, s, e)),
            bool(AMOUNT.search(text, s, e)),
        )
    return found.cues[sentence.start]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger read as an action: the event, its trigger, where it is and where its date lies."""

    event: Event
    trigger: str
    pos: int
    when: When
    sentence: Sentence


def _sentences(text: str, starts: list[int], mentions: list[Mention], dates: list[DateRef]) -> list[Sentence]:
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    return [
        Sentence(s, e, [m for m in mentions if s <= m.start < e], [d for d in dates if s <= d.span.start < e])
        for s, e in bounds
    ]


# A future the text guesses at: "The European Union is expected to adopt its 20th sanctions package"
_GUESSED = re.compile(
    r"\b(?:(?:is|are)\s+(?:widely\s+)?expected\s+to|(?:is|are)\s+likely\s+to|could|may|might)\b"
)


def _announced_from(text: str, starts: list[int], quoted: list[tuple[int, int]]) -> int:
    """Where the first sentence that announces something in the release's own voice ends: a
    future after it ("the government will expand ...") is the announcement's content, not a
    hope."""
    for m in ANNOUNCED.finditer(text):
        if not any(qs <= m.start() < qe for qs, qe in quoted):
            index = sentence_index(starts, m.start())
            return starts[index + 1] if index + 1 < len(starts) else len(text)
    return len(text) + 1


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# Fields whose rules are no technical regulation (of a product, its testing, its labels).
_NOT_TECHNICAL = frozenset({"aid", "competition", "antitrust", "merger", "procurement", "tax",
                            "fiscal", "budget", "accounting", "origin", "trade", "wto"})


def _owned_rules(
    text: str, mentions: list[Mention], phrases: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The trigger phrases, and every rule a jurisdiction owns ("China's regulation")."""
    found = list(phrases)
    for m in mentions:
        owned = OWNED_RULE.match(text, m.end) if m.kind != "body" else None
        if owned and _NOT_TECHNICAL.intersection(text[owned.start() : owned.start("noun")].lower().split()):
            continue  # "EU State aid rules", "competition rules": no technical regulation
        if owned and not any(s <= owned.start("noun") < e for _, s, e in found):
            found.append(("technical_regulation", owned.start("noun"), owned.end("noun")))
    return sorted(found, key=lambda t: t[1])


def _owners(
    text: str, sentences: list[Sentence], starts: list[int], triggers: list[tuple[str, int, int]]
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


def is_quoted(found: Reading, pos: int) -> bool:
    return any(s <= pos < e for s, e in found.quoted)


# Measures of countries left unnamed: "concerns over 12 technical regulations of eight countries"
_OF_OTHERS = re.compile(
    r"\s+of\s+(?:\w+\s+){0,2}?(?:countries|economies|members|trading\s+partners|jurisdictions)\b"
)


# A committee's or agreement's name, or the concerns raised in one: "the WTO Committee on
# Technical Barriers to Trade (TBT)", "the TBT Committee", "raised specific trade concerns".
_COMMITTEE_BEFORE = re.compile(
    r"\b(?:Committee|Agreement|Council)\s+on\s+(?:the\s+)?$|(?:Trade|Measures)\s*\($"  # "... (TBT)"
)
_COMMITTEE_AFTER = re.compile(r"\)?\s*(?:Committee|Agreement|Council)\b")
_RAISED = re.compile(r"(?i:specific\s+trade\s+concerns?)$")


def _no_measure(text: str, start: int, end: int) -> bool:
    """A regulation's trigger that names no measure of its own: measures of countries left
    unnamed (none of them the implementer; the release names each where it matters), a
    committee's name, the concerns raised at one (the raising is optional)."""
    return bool(
        _OF_OTHERS.match(text, end)
        or _RAISED.search(text, start, end)
        or _COMMITTEE_BEFORE.search(text, max(0, start - 40), start)
        or _COMMITTEE_AFTER.match(text, end)
    )


def _optional(found: Reading, kind: str, sentence: Sentence, pos: int, when: When, cut: int) -> bool:
    """Background, context, scheduled, intended or denied; never what the headline reports done (unless
    it denies it: "countries without trade deals"). ``cut`` ends the part of the sentence that
    speaks of this act (a background clause after it is another's)."""
    if pos < found.title_end:
        return found.title_future or bool(NEGATED.search(found.text, 0, pos))
    if NEGATED.search(found.text, max(sentence.start, pos - _NEGATION_REACH), pos):
        return True
    if CONTEXT.search(found.text, max(sentence.start, pos - _NEGATION_REACH), pos):
        return True
    cues = _cues(found, sentence)
    if when is When.PAST or any(end <= cut for _, end in cues.since):
        return True
    if kind == "dialogue" and (cues.scheduled or when is When.FUTURE):
        return True
    # a future after the release's announcement is its content, unless it is someone's guess
    guessed = _GUESSED.search(found.text, sentence.start, pos) is not None
    announced = cues.announced or (pos >= found.announced_from and not is_quoted(found, pos) and not guessed)
    budgeted = kind in _BUDGETED and cues.amount
    # a modal after the measure speaks of its effect ("the regulation would burden exporters")
    planned = any(end <= pos for _, end in cues.future)
    return planned and not announced and not budgeted


def _parties(
    found: Reading, kind: str, sentence: Sentence, start: int, end: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Implementers and partners of the trigger at ``start``-``end``."""
    text, mentions = found.text, sentence.mentions
    if kind in TWO_SIDED:
        local = local_parties(text, mentions, start, end)
        # a compound or a list names both sides; else every jurisdiction of the sentence is one
        codes = list(local if len(local) >= 2 else dict.fromkeys((*local, *(m.code for m in mentions))))
        lead = actor(mentions, start)
        home_acts = lead is None or lead.code == found.home or len(codes) < 2
        extra = [lead.code] if lead is not None and lead.kind == "body" else []
        extra += [found.home] if found.home and home_acts else []
        sides = dict.fromkeys((*codes, *extra))
        alone = not mentions or kind == "dispute"  # (a dispute always has two sides)
        if alone and len(sides) < 2 and found.sentences[0].start < found.title_end <= sentence.start:
            # "Under the joint fact sheet, ...", "China has filed a case at the WTO": a sentence
            # naming no side, or one side of a dispute, has the headline's
            sides.update(dict.fromkeys(m.code for m in found.sentences[0].mentions))
        return tuple(sides), ()
    taker = _owner(found, kind, sentence, start, end) or _giver(text, mentions, sentence, start)
    taker = taker or _other_side(text, mentions, (start, end), actor(mentions, start, text), found.home)
    implementer = (taker.code,) if taker else ((found.home,) if found.home else ())
    if kind == "subsidy":  # "the Commission approved ... a German measure": Germany's aid too
        implementer = tuple(dict.fromkeys((*_scheme_owners(text, mentions), *implementer)))
    if kind not in _TARGETED:
        return implementer, ()
    return implementer, _targets(found, sentence, implementer)


_AIMED = re.compile(r"\s+(?:on|against|targeting)\s+(?:(?:imports|goods)\s+(?:of|from)\s+)?(?:the\s+)?")


def _other_side(
    text: str, mentions: list[Mention], span: tuple[int, int], chosen: Mention | None, home: str | None
) -> Mention | None:
    """The actor, unless it is home and the measure is aimed at home right after it ("the 50%
    tariffs on Mexican steel" in a Mexican release): then the nearest other jurisdiction."""
    start, end = span
    aimed = next((m for m in mentions if end <= m.start <= end + 25 and m.target), None)
    if chosen is None or aimed is None or not chosen.code == aimed.code == home:
        return chosen
    if not _AIMED.fullmatch(text, end, aimed.start):
        return chosen  # "dumped in the United States": where, not whom
    others = [m for m in mentions if m.code != aimed.code and m.kind != "people"]
    before = [m for m in others if m.end <= start]
    return (before[-1] if before else others[0]) if others else chosen


def _owner(found: Reading, kind: str, sentence: Sentence, start: int, end: int) -> Mention | None:
    """The owner of a measure; but a country named right before sanctions after a possessive
    is their target where another acts ("the UK ... its Russia sanctions regime"; in "Poland
    says U.S. sanctions", the U.S. owns them)."""
    found_owner = owner(found.text, sentence.mentions, start, end)
    if found_owner is None or kind != "export_control" or _POSSESSIVE.match(found.text, found_owner.end):
        return found_owner
    if not _DETERMINED.search(found.text, max(sentence.start, found_owner.start - 8), found_owner.start):
        return found_owner
    lead = actor([m for m in sentence.mentions if m.end <= found_owner.start], start)
    return lead if lead is not None and lead.code != found_owner.code else found_owner


# A jurisdiction's aid named by its adjective: "a €2.9 billion German measure", "Italian scheme".
_SCHEME_AFTER = re.compile(r"\s+(?:measures?|schemes?|programmes?|programs?|subsid(?:y|ies)|aid"
                           r"|grants?|support)\b", re.IGNORECASE)


# ... or by the adjective of what it is granted for: "state aid for Italian chip plant".
_AID_FOR = re.compile(r"\baid\s+for\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _scheme_owners(text: str, mentions: list[Mention]) -> list[str]:
    return [
        m.code
        for m in mentions
        if m.kind != "body"
        and (_SCHEME_AFTER.match(text, m.end) or _AID_FOR.search(text, max(0, m.start - 20), m.start))
    ]


def _giver(text: str, mentions: list[Mention], sentence: Sentence, start: int) -> Mention | None:
    """Who gives what a sentence says is received: "Bangladesh will receive a grant ... from
    the Netherlands" is the Netherlands' grant."""
    if not _RECEIVED.search(text, sentence.start, start):
        return None
    return next(
        (m for m in mentions if m.start > start and _FROM.search(text, max(start, m.start - 10), m.start)),
        None,
    )


def _targets(found: Reading, sentence: Sentence, implementer: tuple[str, ...]) -> tuple[str, ...]:
    """The other jurisdictions the sentence names, except the owners of a list's other
    measures; home when a foreign measure names none."""
    codes = [m.code for m in sentence.mentions if m.start not in found.owners and m.code not in implementer]
    if not codes and found.home and found.home not in implementer:
        codes = [found.home]
    return tuple(dict.fromkeys(codes))


def investor(found: Reading, sentence: Sentence, start: int) -> str:
    """Who invests at ``start``: a government (a subsidy) or a firm (an investment), by the
    nearest of them named before it."""
    bodies = [m.end for m in sentence.mentions if m.kind != "people" and m.end <= start]
    firms = [e for s, e in found.firms if sentence.start <= s and e <= start]
    return "subsidy" if bodies and (not firms or max(bodies) > max(firms)) else "investment"


def aside(text: str, sentence: Sentence, ref: DateRef) -> bool:
    """A date in brackets is an aside, not the act's: "(up from KRW 715 billion in 2025)"."""
    opened = text.rfind("(", sentence.start, ref.span.start)
    return opened >= 0 and text.rfind(")", opened, ref.span.start) < 0


def _clause_end(found: Reading, sentence: Sentence, start: int, end: int) -> int:
    """Where the part of the sentence about the act at ``start`` ends: at a background clause
    after it ("..., which entered into force in 2020") when an act is reported before it
    ("Ministers reviewed the implementation of"); else at the sentence's end."""
    cues = _cues(found, sentence)
    background = next((s for s, _ in cues.since if s >= end), None)
    if background is not None and any(e <= start for _, e in cues.current):
        return background
    return sentence.end


def candidate(found: Reading, kind: str, start: int, end: int) -> Candidate:
    sentence = found.sentences[sentence_index(found.starts, start)]
    if kind == "invest":
        kind = investor(found, sentence, start)
    implementer, partner = _parties(found, kind, sentence, start, end)
    cut = _clause_end(found, sentence, start, end)
    dates = [d for d in sentence.dates if d.span.start < cut and not aside(found.text, sentence, d)]
    if kind == "statistics":  # a month or quarter is the data's period; a day, its release
        dates = [d for d in dates if len(d.value) == 10]
    dated = event_date(dates, start, found.today)
    event = Event(
        type=kind,
        implementer=implementer,
        partner=partner,
        date=dated.value,
        sentence=found.text[sentence.start : sentence.end].strip(),
        span=Span(sentence.start, sentence.end),
        optional=_optional(found, kind, sentence, start, dated.when, cut)
        or kind == "technical_regulation" and _no_measure(found.text, start, end),
    )
    return Candidate(event, found.text[start:end], start, dated.when, sentence)


def sentence_text(found: Reading, c: Candidate) -> str:
    return found.text[c.sentence.start : c.sentence.end]


def find_statistics(found: Reading) -> list[Candidate]:
    """Releases of official data: an indicator stated with a verb of level or change and a
    word of data in one sentence, and a figure in it or the next ("loan rates rose, data
    showed. The average rate came to 4.15 percent")."""
    found_stats = []
    done: set[int] = set()
    for indicator in INDICATOR.finditer(found.text):
        index = sentence_index(found.starts, indicator.start())
        sentence = found.sentences[index]
        if index in done or not (
            STAT_VERB.search(found.text, indicator.start(), indicator.end() + 60)
            or _RECORDED.search(found.text, max(sentence.start, indicator.start() - 30), indicator.start())
        ):
            continue
        if not DATA_CUE.search(found.text, sentence.start, sentence.end) or is_quoted(
            found, indicator.start()
        ):
            continue
        after = next(
            (s.end for s in found.sentences[index + 1 :] if found.text[s.start : s.end].strip()), sentence.end
        )
        if _FIGURE.search(found.text, sentence.start, after):
            done.add(index)
            found_stats.append(candidate(found, "statistics", indicator.start(), indicator.end()))
    return found_stats


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


def read_release(
    text: str,
    today: date,
    places: list[Place],
    orgs: list[Org],
    people: list[Person],
    dates: list[DateRef],
    phrases: list[tuple[str, int, int]],
    site: str | None = None,
    counted: str | None = None,
) -> tuple[Reading, list[tuple[str, int, int]]]:
    """The release read once for every trigger, and its triggers (none inside a name)."""
    home = site or home_code(text, places, orgs) or counted
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
            if not inside(named, t[1], t[2]) and not _headline_case(text, title_end, t)
        ],
    )
    found = Reading(
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
        any(not inside(named, m.start(), m.end()) for m in TRADE_WORDS.finditer(text)),
        _announced_from(text, starts, quoted),
        _owners(text, sentences, starts, triggers),
    )
    return found, triggers
