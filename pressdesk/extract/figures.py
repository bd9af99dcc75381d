"""Statistics as records: each value of an indicator for a period, with its stated change.

"Korea's ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion" ->
Figure("Korea's ICT exports", period "2025-10", 23.3e9 USD, change 12.2 percent up).

Built on the other extractors' mentions, sentence by sentence; a title repeats its body and
is read only for the period it names. ``figure_values`` finds the numbers,
``figure_grammar`` reads what the words around each say of it, ``figure_drafts`` groups
them by subject into named drafts and sets aside the numbers that are no figures (a deal's
or fund's amount, a target, a rule's parameter, a number no statistic's verb governs), and
``figure_periods`` finds the periods. Here each draft gets its period: written after its
numbers or in its subject, else at the front of its sentence, else carried from the figure
before (a base is a figure of its own period: "up from 1.36 million a year ago" is a year
before); in a market report, the day of the release. Last, a change written in one place
and its level in another ("rose 17.3 percent" ... "about 1.6 million foreign tourists
visited") are made one figure, and a statistic written twice is kept once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from pressdesk.extract.figure_drafts import Draft, read_numbers
from pressdesk.extract.figure_grammar import Token, tokenize
from pressdesk.extract.figure_names import fit, is_measure, with_rate
from pressdesk.extract.figure_periods import (
    YEAR_TO_DATE,
    PeriodRef,
    begun,
    find_periods,
    fiscal_start_of,
    is_market_report,
    period_after,
    period_before,
    shift_year,
    to_date,
)
from pressdesk.extract.figure_subjects import Naming
from pressdesk.extract.figure_values import Quantity, find_quantities
from pressdesk.extract.figure_words import COUNT_HEADS, NOT_IN_NAMES
from pressdesk.extract.money import currency_home
from pressdesk.extract.text import SENTENCE_END, headline_end, sentence_index, sentence_starts
from pressdesk.facts import DateRef, Figure, Money, Percent, Span
from pressdesk.series import series_key

__all__ = ["extract_figures"]

# The change noun a number may name before its period: "the 0.5 per cent contraction a year ago".
_NOUN = r"\W*(?:(?:growth|increase|rise|gain|expansion|decline|drop|fall|contraction)\s+)?"
_YEAR_AGO = re.compile(
    _NOUN + r"(?:(?:recorded|registered|posted|logged|seen|reported|set)\s+)?(?:(?:a|one)\s+year\s+"
    r"(?:earlier|ago|before)\b|(?:in|during)\s+the\s+same\s+(?:month|quarter|period|half|time)\s+"
    r"(?:of\s+|in\s+)?(?:last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before)"
    r"|(?:19|20)\d\d)\b)|\W*(?:in\s+)?the\s+(?:previous|prior)\s+year\b",
    re.IGNORECASE,
)  # "a year earlier", "in the same month last year", "recorded in the same period in 2025"
_PREVIOUS = re.compile(
    _NOUN + r"(?:in|from|than|during)\s+the\s+(?:previous|prior|preceding)\s+(?:quarter|month|half)\b"
    r"|\W*(?:a|one)\s+(?:quarter|month)\s+(?:earlier|ago|before)\b",
    re.IGNORECASE,
)
# A figure of the period before, written as such: "extending the 4.1 per cent growth in the
# preceding quarter" (but "up 0.6% from the previous quarter" is this period's change).
_IN_PREVIOUS = re.compile(
    _NOUN + r"(?:in|during)\s+the\s+(?:previous|prior|preceding)\s+(?:quarter|month|half)\b",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_ALONE = re.compile(r"\s+alone\b")
_WORTH = re.compile(r"(?:\s+of\s+[\w\s-]{1,40}?)?\s+worth\s*$")
# Between a change in volume and one in value: "14% in volume and 3% in value in May".
_AND_MEASURE = re.compile(
    r"\s+(?:in|by)\s+(?:volume|value)(?:\s+terms)?,?\s+and\s+(?:by\s+)?$", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(
    r";|\b(?:after|while|whereas|but|although|when|which|before|following|since|because)\b|,\s+(?:and|with)\b"
)
_WHEN = re.compile(r",\s+when\s+[^,;]{0,40}$")
_REACH_BEFORE, _REACH_AFTER = 300, 60
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def extract_figures(
    text: str, today: date, money: list[Money], percents: list[Percent], dates: list[DateRef]
) -> list[Figure]:
    """Statistics of ``text`` (title, blank line, body) built from its amounts, percents and dates."""
    body = headline_end(text)
    quantities = find_quantities(text, money, percents, dates, body)
    if not quantities:
        return []  # nothing to build from: skip the scan for sentences
    market = is_market_report(text)
    sentences = _sentences(text, quantities, body)
    opening = sentences[0][0]
    near = [d for d in dates if d.span.start < opening or _within(sentences, d.span.start)]
    refs = find_periods(text, today, near, market, fiscal_start_of(currency_home(money)))
    periods = _Periods(text, today, market, refs, _opening_period(refs, body, opening, today))
    naming = Naming([p.span for p in refs])
    bases = {p.span: p.basis for p in percents}
    annual = {span for span, basis in bases.items() if basis == "year-on-year"}
    drafts: list[Draft] = []
    for start, end, numbers in sentences:
        tokens = tokenize(text, *_window(text, start, end, numbers), numbers)
        found = read_numbers(text, tokens, numbers, naming)
        _set_periods(text, tokens, found, (start, end), periods, annual)
        if _RESPECTIVELY.search(text, start, end):
            _share_out(found)
        drafts += found
    return [_figure(d, bases) for d in _merged(drafts)]


@dataclass
class _Periods:
    """What the periods of a release's figures are read with: its date, whether it reports a
    market's day, the periods written, and the period carried from the last figure."""

    text: str
    today: date
    market: bool
    refs: list[PeriodRef]
    carried: str | None


def _within(sentences: list[tuple[int, int, list[Quantity]]], pos: int) -> bool:
    """Whether ``pos`` is in one of the sentences (only their dates can be figures' periods)."""
    i = bisect_right([s[0] for s in sentences], pos) - 1
    return i >= 0 and pos < sentences[i][1]


def _window(text: str, start: int, end: int, numbers: list[Quantity]) -> tuple[int, int]:
    """The part of a long sentence worth reading: from well before its first number to a
    little after its last (a subject or a date is never far from its number)."""
    lo = max(start, numbers[0].span.start - _REACH_BEFORE)
    if lo > start:
        lo = text.find(" ", lo, numbers[0].span.start) + 1 or lo
    return lo, min(end, numbers[-1].span.end + _REACH_AFTER)


def _opening_period(refs: list[PeriodRef], body: int, opening: int, today: date) -> str | None:
    """The month, quarter or half a title names ("ICT Exports ... in October"), else the body
    before its first number ("released its October Labour Force figures today"): carried to
    the first figures."""
    title = [p.value for p in refs if p.span.start < body and not p.base and len(p.value) < 10
             and (p.value == YEAR_TO_DATE or begun(p.value, today))]  # not "... through 2028"
    before = [p.value for p in refs if body <= p.span.start < opening and _names_a_period(p)]
    found = title or before
    return found[0] if found else None


def _names_a_period(ref: PeriodRef) -> bool:
    """A month, quarter, half or range, not a day, a bare year (often part of a name: "the 2025
    Foreign Company Day") or a comparison's base."""
    return not ref.base and 4 < len(ref.value) < 10 or "/" in ref.value


def _sentences(text: str, quantities: list[Quantity], body: int) -> list[tuple[int, int, list[Quantity]]]:
    """The body's sentences that hold numbers, each with its numbers."""
    starts = [body] + [s for s in sentence_starts(text, SENTENCE_END) if s > body]
    groups: dict[int, list[Quantity]] = {}
    for q in quantities:
        groups.setdefault(sentence_index(starts, q.span.start), []).append(q)
    return [
        (starts[i], starts[i + 1] if i + 1 < len(starts) else len(text), numbers)
        for i, numbers in sorted(groups.items())
    ]


# ---------------------------------------------------------------- periods


def _set_periods(
    text: str, tokens: list[Token], drafts: list[Draft], bounds: tuple[int, int], periods: _Periods,
    annual: set[Span],
) -> None:  # fmt: skip
    """Each draft's period: written after its numbers or in its subject, else at the front of
    the sentence, else carried from the figure before; a base's, a year before when so written."""
    start, end = bounds
    refs = [p for p in periods.refs if start <= p.span.start < end and not p.base]
    front = [p.value for p in refs if drafts and p.span.end <= drafts[0].first]
    main: Draft | None = None
    carried = periods.carried
    earlier = _YEAR_AGO.match(text, start) is not None  # "A year earlier, the rate was 2.0%."
    for n, draft in enumerate(drafts):
        stop = drafts[n + 1].first if n + 1 < len(drafts) else end
        if n + 1 < len(drafts) and (_WORTH.match(text, draft.last, stop)
                                    or _AND_MEASURE.match(text, draft.last, stop)):
            # the goods' value goes on with their count: "929,000 tonnes of durian worth $4.2
            # billion in 2025" (its period is written after the value); a change in volume
            # with the one in value: "14% in volume and 3% in value in May"
            stop = drafts[n + 2].first if n + 2 < len(drafts) else end
        year_ago = earlier or _YEAR_AGO.match(text, draft.last) is not None
        own = None if year_ago else _own_period(text, tokens, draft, refs, stop)
        own = own or _when_period(text, draft, periods.refs)
        if draft.closed or own is None and year_ago:
            draft.period = own or _year_before(text, draft, main, periods, annual, earlier)
            draft.carries = False
            continue
        if own is None and _IN_PREVIOUS.match(text, draft.last):
            draft.period = period_before(main.period if main and main.period else periods.carried)
            draft.carries = False
            continue
        since = None if own or front else _after_base(periods, draft, stop)
        period = (
            own
            or (front[-1] if front else None)
            or since
            or (main.period if main else None)
            or periods.carried
        )
        if period is None and periods.market:
            period = periods.today.isoformat()
        draft.period = to_date(period, periods.carried, periods.today) if period else None
        if draft.carries and draft.period and not draft.skip:
            periods.carried = draft.period
        main = draft
    if any(_ALONE.match(text, p.span.end) for p in refs):
        periods.carried = carried  # "In May alone, ...": an aside, the figures after go on as before
    elif periods.carried == carried:
        used = {d.period for d in drafts}
        written = [p.value for p in refs if _names_a_period(p) and p.value not in used]
        periods.carried = (
            written[0] if written else carried
        )  # "unchanged in October after rising 0.1% in September"


def _after_base(periods: _Periods, draft: Draft, stop: int) -> str | None:
    """The period a change "from September 2025" or "from October 2024" is for: the latest of
    the month (or quarter, or year) after the base and the same month a year on that has come."""
    if draft.change is None:
        return None
    bases = [p for p in periods.refs if p.base and draft.change.span.end <= p.span.start < stop]
    if (
        not bases
        or len(bases[0].value) < 7
        or not _FROM.search(periods.text, draft.change.span.end, bases[0].span.start)
    ):
        return None  # a year ("from last year") says no month; "than in 2019" is no change's start
    return period_after(bases[0].value, periods.today)


def _own_period(text: str, tokens: list[Token], draft: Draft, refs: list[PeriodRef], stop: int) -> str | None:
    """A period written right after the draft's numbers, or in its subject."""
    after = [
        p
        for p in refs
        if draft.first <= p.span.start < stop
        and not _CLAUSE_BREAK.search(text, draft.first, p.span.start)
        and not _bracketed_after(text, draft.last, p.span.start)
    ]
    if after:
        return after[0].value
    if draft.subject is not None:
        i, j = draft.subject
        inside = [p for p in refs if tokens[i].start <= p.span.start < tokens[j - 1].end]
        if inside:
            return inside[-1].value
    return None


def _bracketed_after(text: str, end: int, pos: int) -> bool:
    """Whether ``pos`` is inside brackets opened after the figure's last number: "$5 billion
    ($3 billion in 2023)" is no figure of 2023."""
    between = text[end:pos]
    return between.count("(") > between.count(")")


def _when_period(text: str, draft: Draft, periods: list[PeriodRef]) -> str | None:
    """ "since Nov. 3, when it finished at 1,428.8 won": the date the "when" refers to (not
    carried on)."""
    found = _WHEN.search(text, max(0, draft.first - 60), draft.first)
    if found is None:
        return None
    before = [p for p in periods if found.start() - 2 <= p.span.end <= found.start()]
    if not before:
        return None
    draft.carries = False
    return before[-1].value


def _year_before(
    text: str, draft: Draft, main: Draft | None, periods: _Periods, annual: set[Span], earlier: bool = False
) -> str | None:
    """A base's period: a year before the figure it is the base of, when "a year ago" or a
    year-on-year change says so; the period before, when "the previous quarter" does."""
    reference = main.period if main and main.period else periods.carried
    if _PREVIOUS.match(text, draft.last):
        return period_before(reference)
    yearly = main is not None and main.change is not None and main.change.span in annual
    return shift_year(reference, -1) if earlier or _YEAR_AGO.match(text, draft.last) or yearly else None


# ---------------------------------------------------------------- the whole release


def _share_out(drafts: list[Draft]) -> None:
    """ "institutions and retailers sold a net 285.96 billion won and 9.06 billion won,
    respectively": the names shared out in order."""
    for a, b in zip(drafts, drafts[1:], strict=False):
        if a.name == b.name and " and " in a.name:
            first, _, second = a.name.partition(" and ")
            head, _, tail = second.partition(" ")
            a.name, b.name = f"{first} {tail}".strip(), second


def _merged(drafts: list[Draft]) -> list[Draft]:
    """The drafts that are figures: a change written alone merged into a level written alone
    for the same series and period; a statistic written twice kept once."""
    kept: list[Draft] = []
    for draft in drafts:
        numbered = draft.value is not None or draft.change is not None
        if not draft.skip and draft.name and numbered and _plausible(draft, kept):
            kept.append(draft)
    return _distinct(_joined(kept))


def _plausible(draft: Draft, before: list[Draft]) -> bool:
    """A figure whose name reads as a noun phrase, whose bare count counts something, and
    whose amount says what it measures (or follows a figure that does, as list items and
    "Shinhan Bank ... posting 628.7 billion won" do)."""
    words = [w.lower().strip(",.'’") for w in draft.name.replace("'s ", " ").split()]
    if any(w in NOT_IN_NAMES for w in words):
        return False
    numbers = [q for q in (draft.value, draft.change) if q is not None]
    if any(q.kind == "count" and q.unit == "count" and q.noun is None for q in numbers):
        return _listed_count(draft, before) or any(w in COUNT_HEADS for w in words)
    if is_measure(draft.name) or draft.share or any(q.kind != "money" for q in numbers):
        return True
    unit = numbers[0].unit
    return any(is_measure(d.name) and unit in (_unit(d.value), _unit(d.change)) for d in before)


def _listed_count(draft: Draft, before: list[Draft]) -> bool:
    """An item of a list after a count: "Japan at 363,000" after "378,000 arrivals"."""
    return draft.item and bool(before) and before[-1].value is not None and before[-1].value.kind == "count"


def _unit(q: Quantity | None) -> str | None:
    return q.unit if q is not None else None


def _joined(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        if draft.value is None and draft.change is not None:
            partner = next((d for d in drafts if _completes(d, draft) and _on_its_base(d, draft)), None)
            if partner is not None:
                partner.change, partner.direction = draft.change, draft.direction
                continue
        out.append(draft)
    return out


def _completes(level: Draft, change: Draft) -> bool:
    """Whether a change written alone is the change of a level written alone: the same period,
    and the level's name is the change's or a shorter one of the series ("foreign tourists" for
    "the number of foreign visitors to South Korea"), not a share or rate of it."""
    return (level.value is not None and level.change is None and not level.closed and not level.share
            and level.period == change.period and _narrower(level.name, change.name))  # fmt: skip


def _on_its_base(level: Draft, change: Draft) -> bool:
    """A change measured on the level's last period, as a rule; or against the year before
    a year's level ("$112.3 billion in 2024, an increase of 4.8% over 2023"), not another
    ("1.1 million in May, 8.2 percent more than in 2019")."""
    if not change.other_base:
        return True
    return change.base_year is not None and level.period == str(change.base_year + 1)


def _narrower(level: str, change: str) -> bool:
    words = set(series_key(level).split())
    return bool(words) and words <= set(series_key(change).split())


def _same_series(a: str, b: str) -> bool:
    ka, kb = set(series_key(a).split()), set(series_key(b).split())
    return bool(ka) and bool(kb) and (ka <= kb or kb <= ka)


def _distinct(drafts: list[Draft]) -> list[Draft]:
    """One figure per statistic: the same period, value and change under names of one series."""
    out: list[Draft] = []
    for draft in drafts:
        twin = next(
            (d for d in out if _numbers(d) == _numbers(draft) and _same_series(d.name, draft.name)), None
        )
        if twin is None:
            out.append(draft)
        elif len(draft.name) > len(twin.name):
            twin.name = draft.name
    return out


def _numbers(draft: Draft) -> tuple[str | None, float | None, float | None]:
    return (
        draft.period,
        draft.value.value if draft.value else None,
        draft.change.value if draft.change else None,
    )


def _figure(draft: Draft, bases: dict[Span, str | None]) -> Figure:
    name = draft.name
    value = draft.value
    if value is not None and value.kind == "percent" and not draft.share:
        name = with_rate(name)
    name = fit(name)
    change = draft.change
    return Figure(
        indicator=name,
        series=series_key(name),
        period=draft.period,
        value=value.value if value else None,
        unit=value.unit if value else None,
        change=change.value if change else None,
        change_unit=("percent" if change.kind == "percent" else change.unit) if change else None,
        direction=(draft.direction or "none") if change else None,
        basis=bases.get(change.span) if change else None,
        kind=draft.kind,
        span=Span(draft.first, draft.last),
    )
