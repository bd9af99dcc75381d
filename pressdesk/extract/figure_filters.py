"""Numbers that are no figures, and figures that are forecasts.

Not figures (GUIDELINES, Figures): the amount of one deal, contract, fund or programme ("its
3.9 trillion won battery deal", "KRW 70 billion in national funding"); a target ("to 80
percent by 2030"; what a plan or an intention would reach, though the level it starts from
is a figure: "from the current 43 percent"); a rule's parameter or a tariff's rate ("required
30 percent of allocations"); a threshold ("nearing the symbolic 20 million mark", "could
surpass 1 trillion won"); analysts' expectations a figure is compared with ("beating a
median forecast of 1.5% growth"); and any number governed by a verb of no statistic
("signed", "approved", "announced a $10 billion investment plan").

A forecast written as an indicator's value is a figure of kind "forecast": "projected the
number of visitors to surpass 18.7 million", "expect the bank's profit to reach", "exports
will rise 5%" (a measure that "will" move; an entity that "will" act makes a plan).
"""

from __future__ import annotations

import re

from pressdesk.extract.figure_grammar import Gap, Marks, Token
from pressdesk.extract.figure_names import is_measure
from pressdesk.extract.figure_values import Quantity
from pressdesk.extract.figure_words import DEAL_WORDS, MEASURE_HEADS, RULE_WORDS, VERBS

__all__ = ["after_number", "in_measure", "is_forecast", "not_a_figure", "plan_scope"]

_TARGET_AFTER = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,3}?by\s+(?:(?:the\s+)?end\s+of\s+|(?:19|20)\d\d\b)", re.IGNORECASE
)
_TARGETS = frozenset({"target", "targets", "goal", "goals", "aim", "ambition", "objective"})
_IN_MEASURE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:worth\s+)?in\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)")
_EXPECTATIONS = frozenset(
    {"forecast", "forecasts", "expectations", "expectation", "estimate", "estimates", "consensus",
     "projection", "projections", "prediction", "predictions", "poll"}
)  # fmt: skip
_AGAINST = frozenset(
    {"beat", "beating", "beats", "missed", "missing", "misses", "above", "below", "than", "topping",
     "topped", "exceeding", "exceeded", "versus", "vs", "against", "with", "from"}
)  # fmt: skip
_POLLED = frozenset({"polled", "surveyed", "consensus"})
_COUNT_QUALIFIERS = frozenset(
    {"about", "around", "approximately", "nearly", "almost", "roughly", "some", "over", "more", "than",
     "less", "fewer", "just", "a", "an", "record", "total", "net", "combined", "estimated", "preliminary",
     "only"}
)  # fmt: skip
_BRINGS_COUNTS = frozenset(
    {"to", "at", "from", "by", "with", "(", ":", "was", "were", "is", "are", "of", "versus", "vs", "vs.",
     "against", "than", "compared"}
)  # fmt: skip
# "beating the 5.1 per cent expected by analysts": someone's expectation, no figure.
_EXPECTED_BY = re.compile(
    r"\s+(?:\w+\s+)?(?:expected|forecast|predicted|estimated|anticipated|projected)\s+by\b"
    # "faster than the 2.5% forecast in a Reuters poll", "the 0.5% increase expected by economists"
    r"|\s+(?:\w+\s+)?(?:forecast|expected|predicted|projected|estimate)\s+(?:in|from)\s+(?:a|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:poll|survey|consensus)\b"
)
_GUESSES = frozenset({"estimated", "expected", "forecast", "projected", "predicted", "anticipated"})
_NOT_A_RUN = frozenset(
    {"on", "at", "as", "for", "than", "that", "which", "in", "of", "to", "from", "and", "with", "by"}
)
_MEASURE_STOPS = frozenset({"in", "last", "this", "the", "for", "during", "through", "from", "to", "since"})


def not_a_figure(
    text: str, tokens: list[Token], marks: Marks, k: int, q: Quantity, gap: Gap, kind: str
) -> bool:
    """Whether number ``k`` (its words before read as ``gap``) is the amount of a deal, fund or
    programme, a target, a rule's parameter, a threshold, analysts' expectation, or governed
    by a verb of no statistic."""
    starts = gap.starts
    if gap.verb == "other" or _other_verb(tokens, marks, gap, k) or marks.has("rule", starts, k):
        return True
    if q.kind in ("money", "count") and marks.has("deal", starts, k):
        return True  # "the contract is valued at" (a percent's subject may hold one: "commitment ratio")
    if q.kind == "percent" and gap.subject is not None and _headed_by_deal(tokens, *gap.subject):
        return True  # "Fee for co-managers is 1/8 pct"
    if q.kind == "count" and _loose_count(tokens, k, q):
        return True
    if marks.has("weak", starts, k) or _compared(tokens, k) or _of_a_deal(text, tokens, k, q):
        return True  # "could surpass 1 trillion won": a threshold, not a forecast
    if k > 1 and tokens[k - 1].low == "of" and tokens[k - 2].low == "each":
        return True  # "to each of 33.7 million customers"
    if (
        _in_range(tokens, k, q)
        or any(t.low in _POLLED for t in tokens[starts:k])
        or _had_estimated(tokens, starts, k)
        or _EXPECTED_BY.match(text, q.noun_end or q.span.end)
    ):
        return True  # "between 12.5 percent and 16.5 percent"; "economists polled had expected"
    if _TARGET_AFTER.match(text, q.span.end) and marks.has("plan", 0, k):
        return True
    if k >= 2 and tokens[k - 1].low == "of" and tokens[k - 2].low in _TARGETS:
        return True  # "the government's target of 8% for the year"
    coordinated = kind != "forecast" and _coordinated_verb(tokens, starts, k)
    if coordinated and marks.has("plan", plan_scope(marks, k), starts):
        return True  # "would boost trade by £25.5 billion and raise GDP by £4.8 billion"
    return marks.has("plan", starts, k) and kind != "forecast" and not _planned_from(tokens, k)


_PROPOSED = frozenset({"proposed", "planned", "offered", "intended", "targeted", "requested", "sought"})


def _other_verb(tokens: list[Token], marks: Marks, gap: Gap, k: int) -> bool:
    """A verb of no statistic before number ``k``, but not a participle a determiner makes
    an adjective in its subject: "The number of employed people came to"."""
    lo = gap.starts
    while marks.has("other", lo, k):
        i = next(j for j in range(lo, k) if marks.has("other", j, j + 1))
        within = gap.subject is not None and gap.subject[0] < i < gap.subject[1] - 1
        adjective = tokens[i - 1].low in ("of", "the", "a", "an") and tokens[i].low not in _PROPOSED
        if not (within and adjective):
            return True
        lo = i + 1
    return False


def is_forecast(tokens: list[Token], marks: Marks, starts: int, k: int, gap: Gap) -> bool:
    """A forecast written as the figure's value: "projected ... to surpass 18.7 million",
    "expect ... to reach", a measure that "will" reach a level."""
    if marks.has("forecast", starts, k):
        return True
    if _coordinated_verb(tokens, starts, k) and marks.has("forecast", plan_scope(marks, k), starts):
        return True  # "projected to rise 5% in 2026 and reach $5 billion"
    if gap.subject is None or not any(t.kind == "modal" for t in tokens[starts:k]):
        return False
    i, j = gap.subject
    return is_measure(" ".join(t.text for t in tokens[i:j]))


def plan_scope(marks: Marks, k: int) -> int:
    """Where a plan's words reach back to: the sentence's start, or the verb of saying before
    the number ("Muñoz said that the goal is to raise ... from 60 percent to 80 percent")."""
    said = marks.last("report", k)
    return 0 if said is None else said + 1


def after_number(tokens: list[Token], k: int, q: Quantity) -> int:
    """The first token after number ``k`` and the noun it counts."""
    end = q.noun_end or q.span.end
    i = k + 1
    while i < len(tokens) and tokens[i].start < end:
        i += 1
    return i


def in_measure(text: str, end: int) -> str | None:
    """The measure an amount is "in", written after it: "1.55 trillion won ($1.09 billion) in
    overseas net profit through ..." -> "overseas net profit"."""
    found = _IN_MEASURE.match(text, end)
    if found is None:
        return None
    kept = []
    for word in found.group(1).split():
        if word.lower() in _MEASURE_STOPS or word[:1].isdigit():
            break
        kept.append(word)
    return " ".join(kept) or None


def measure_run(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The words after an amount up to its head noun, when they name a measure, a deal or a
    rule: "surplus", "battery supply deal", "sales tax"."""
    end = start
    while end < len(tokens) and end - start < 4 and tokens[end].text[:1].isalpha():
        if tokens[end].low in _NOT_A_RUN or VERBS.get(tokens[end].low) in ("aux", "modal", "level", "report"):
            break
        end += 1
    lows = {t.low for t in tokens[start:end]}
    return (
        (start, end)
        if end > start and (lows & MEASURE_HEADS or lows & DEAL_WORDS or lows & RULE_WORDS)
        else None
    )


def _compared(tokens: list[Token], k: int) -> bool:
    """ "beating a median forecast of 1.5% growth": analysts' expectation the figure is
    compared with, not a figure of the release."""
    for i in range(k - 1, max(-1, k - 4), -1):
        if tokens[i].low in _EXPECTATIONS:
            return any(t.low in _AGAINST for t in tokens[max(0, i - 4) : i])
    return False


def _of_a_deal(text: str, tokens: list[Token], k: int, q: Quantity) -> bool:
    """ "KRW 70 billion in national funding", "the original 4.04 trillion won contract", "the
    symbolic 20 million mark": the amount of a fund, a deal, a threshold."""
    measure = in_measure(text, q.span.end)
    if measure and any(w.lower() in DEAL_WORDS for w in measure.split()):
        return True
    run = measure_run(tokens, after_number(tokens, k, q))
    return run is not None and any(
        t.low in DEAL_WORDS or t.low in RULE_WORDS for t in tokens[run[0] : run[1]]
    )


def _headed_by_deal(tokens: list[Token], start: int, end: int) -> bool:
    """A subject whose head (its last word before a preposition) names a deal: "Fee for co-managers"."""
    head = start
    for i in range(start, end):
        if tokens[i].low in ("of", "for", "on", "in", "to", "from", "with", "by", "at"):
            break
        head = i
    return head < end and tokens[head].low in DEAL_WORDS


def _loose_count(tokens: list[Token], k: int, q: Quantity) -> bool:
    """A count no statistic's word brings: "the 52 members of the loan syndicate", "into 25
    shares" (a count is brought by a verb, "to", "at", "from", "by", "with", or is a list's
    item: "Japan at 363,000", "(down 2%)")."""
    i = k - 1
    while i >= 0 and tokens[i].low in _COUNT_QUALIFIERS:
        i -= 1
    if i < 0 or q.noun is not None and _acts(tokens, after_number(tokens, k, q)):
        return False  # "about 1.6 million foreign tourists visited": the count is the subject
    return tokens[i].kind not in ("level", "up", "down") and tokens[i].low not in _BRINGS_COUNTS


def _acts(tokens: list[Token], i: int) -> bool:
    """A verb right after a count's noun."""
    return i < len(tokens) and (tokens[i].kind in ("level", "up", "down") or tokens[i].low.endswith("ed"))


def _in_range(tokens: list[Token], k: int, q: Quantity) -> bool:
    """A number of a range: "to grow between 12.5 percent and 16.5 percent", "3 to 4 percent"
    (a percent written without its unit, the unit coming after the range's end)."""
    before = tokens[k - 1].low if k > 0 else ""
    if before == "between":
        return True
    if before == "and" and k > 2 and tokens[k - 2].quantity >= 0 and tokens[k - 3].low == "between":
        return True
    after = tokens[k + 1].low if k + 1 < len(tokens) else ""
    follows = k + 2 < len(tokens) and tokens[k + 2].quantity >= 0
    bare = q.kind == "percent" and not any(c.isalpha() or c == "%" for c in tokens[k].text)
    if bare and after in ("to", "-", "–") and follows:
        return True
    # "an annual increase of 30.1% to 34.9%": a change of ... to ... is a range (a change from
    # one level to another is written "from")
    first = k - 1 if after in ("to", "-", "–") and follows else k - 3
    return (q.kind == "percent" and first >= 0 and tokens[first].low == "of"
            and first + 3 < len(tokens) and tokens[first + 1].quantity >= 0
            and tokens[first + 2].low in ("to", "-", "–") and _percent_token(tokens[first + 3]))


def _percent_token(token: Token) -> bool:
    low = token.text.lower()
    return token.quantity >= 0 and any(u in low for u in ("%", "percent", "per cent", "pct"))


def _had_estimated(tokens: list[Token], starts: int, k: int) -> bool:
    """ "China had estimated the annual cost at about US$1.1 billion": an earlier estimate."""
    return any(
        tokens[i].low == "had"
        and VERBS.get(tokens[i + 1].low) in ("forecast", "level")
        and tokens[i + 1].low in _GUESSES
        for i in range(starts, k - 1)
    )


_IRREGULAR_PAST = frozenset({"rose", "fell", "grew", "slid", "sank", "shrank", "hit", "swung", "won", "lost"})


def _coordinated_verb(tokens: list[Token], starts: int, k: int) -> bool:
    """A bare verb after "and" before number ``k`` ("... a year and raise GDP by"): its subject,
    and a modal or a plan's verb before it, are the clause's before."""
    for i in range(max(starts, 1), k):
        word = tokens[i].low
        if (tokens[i - 1].low == "and" and VERBS.get(word) in ("up", "down", "level")
                and not word.endswith(("ed", "s")) and word not in _IRREGULAR_PAST):
            return True
    return False


def _planned_from(tokens: list[Token], k: int) -> bool:
    """ "from the current 43 percent": the level a planned change starts from."""
    i = k - 1
    while i >= 0 and tokens[i].low in ("the", "current", "about", "around", "a", "an", "its"):
        i -= 1
    return i >= 0 and tokens[i].low == "from"
