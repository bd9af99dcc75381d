"""One sentence's numbers grouped into drafts of figures.

Numbers of one subject with only connecting words between them make one draft: a change and
the level it reached ("rose 12.2 percent year-on-year to USD 23.3 billion"), a level and its
change ("came to 4.15 percent last month, up 0.13 percentage point"), one change read two
ways ("added 90.88 points, or 2.2 percent"). A new subject, a filled slot, a clause boundary
("after declining 0.3 percent in August") or a base starts another draft; a base is a draft
of its own period ("up from 1.36 million a year ago") and takes no more numbers. A number
after a plan's target ("to 80 percent") goes with its plan: not a figure. What names a draft
is ``figure_subjects``' business; what is no figure, ``figure_filters``'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pressdesk.extract.figure_filters import is_forecast, not_a_figure, plan_scope
from pressdesk.extract.figure_grammar import Gap, Marks, Token, change_after, read_gap
from pressdesk.extract.figure_subjects import (
    Naming,
    is_share,
    list_item,
    name_number,
    names_anew,
    noun_is_deal,
    share_name,
)
from pressdesk.extract.figure_values import Quantity
from pressdesk.extract.figure_words import CHANGE_NOUNS, GROWTH_LIST

__all__ = ["Draft", "read_numbers"]


@dataclass
class Draft:
    """A figure being assembled from the numbers of one subject."""

    name: str
    first: int  # where its first number starts
    last: int  # where its last number (or the noun a count counts) ends
    value: Quantity | None = None
    change: Quantity | None = None
    direction: str | None = None
    period: str | None = None
    carries: bool = True  # its period may be carried to the figures after it
    kind: str = "actual"  # "actual" | "forecast"
    skip: bool = False  # no figure after all (a deal's amount, a target, a rule's parameter)
    closed: bool = False  # a base: it takes no more numbers
    other_base: bool = False  # a change against another period than the last ("than in 2019")
    base_year: int | None = None  # ... that year, when one is written ("over 2023")
    share: bool = False  # a percent of a whole
    plan: bool = False  # written in a plan ("aims to raise it from 43 to 80 percent")
    item: bool = False  # an item of a list ("Japan at 363,000"): it counts what the list's head counts
    subject: tuple[int, int] | None = None  # the tokens of the subject that named it


_OTHER_BASE = re.compile(
    r"[^.;]{0,30}?\b(?:than|above|below|over|compared\s+(?:with|to)|versus|of)\s+"
    r"(?:the\s+same\s+\w+\s+(?:in|of)\s+|the\s+|its\s+|in\s+)?"
    r"(?:(?P<year>(?:19|20)\d\d)|pre-|long-run|long-term|historical|average)",
    re.IGNORECASE,
)
_BASIS_AFTER = re.compile(
    r"\s*(?:year[- ]on[- ]year|on[- ]year|y/y|yoy|month[- ]on[- ]month|on[- ]month|m/m)\b", re.IGNORECASE
)
_JOINING = frozenset({"", ",", "or"})
# Boundaries of a clause that looks aside, to another period: its period is not carried on.
_ASIDE = frozenset(
    {"after", "before", "following", "since"}
)  # boundaries a number may go on with the figure before across
# Participles opening a clause on another period: "..., reversing the 0.5 per cent contraction"
_ASIDE_VERBS = frozenset({"reversing", "extending", "continuing", "following", "after"})


def read_numbers(text: str, tokens: list[Token], numbers: list[Quantity], naming: Naming) -> list[Draft]:
    """The drafts of one sentence's numbers (``tokens`` hold each number as one token)."""
    drafts: list[Draft] = []
    current: Draft | None = None
    naming.frame = None
    marks = Marks.of(tokens)
    lo = 0
    for k, token in enumerate(tokens):
        if token.quantity < 0:
            continue
        q = numbers[token.quantity]
        draft = _place(text, tokens, marks, (lo, k), q, current, naming)
        if draft is None:
            continue  # no figure's number: the words around it belong to the next one
        if draft is not current:
            drafts.append(draft)
            current = draft
        lo = _after(tokens, k, q)
    return _by_measure(text, drafts)


_PERCENT = r"(?P<{0}>\d[\d.,]*)\s*(?:%|percent\b|per\s?cent\b)"
# "up 14% in volume and 3% in value": the change of each measure of one flow.
_VOLUME_VALUE = re.compile(
    _PERCENT.format("a") + r"\s+(?:in|by)\s+(?P<first>volume|value)(?:\s+terms)?,?\s+and\s+(?:by\s+)?"
    + _PERCENT.format("b") + r"\s+(?:in|by)\s+(?:volume|value)\b",
    re.IGNORECASE,
)


def _by_measure(text: str, drafts: list[Draft]) -> list[Draft]:
    """ "exported 7.9 million tonnes worth $4.4 billion, up 14% in volume and 3% in value": the
    change in volume is the quantity's, the change in value the amount's (not the amount's
    change and a level of 3%)."""
    m = _VOLUME_VALUE.search(text) if "volume" in text else None
    if m is None:
        return drafts
    volume, value = ("a", "b") if m["first"].lower() == "volume" else ("b", "a")
    volume_q, value_q = _number_at(drafts, m.start(volume)), _number_at(drafts, m.start(value))
    quantity = next((d for d in drafts
                     if d.value and d.value.kind == "count" and d.value.unit != "count"), None)
    amount = next((d for d in drafts if d.value and d.value.kind == "money"), None)
    if volume_q is None or value_q is None:
        return drafts
    if quantity is None or amount is None:
        return _measures_named(drafts, volume_q, value_q)
    direction = amount.direction or quantity.direction
    quantity.change, amount.change = volume_q, value_q
    quantity.direction = amount.direction = direction
    numbers = (volume_q, value_q)
    return [d for d in drafts if d is quantity or d is amount
            or not any(q is n for q in (d.value, d.change) for n in numbers)]


def _measures_named(drafts: list[Draft], volume: Quantity, value: Quantity) -> list[Draft]:
    """ "Rice exports rose 14% in volume and 3% in value": two changes, each of its measure."""
    first = next((d for d in drafts if d.change is volume or d.change is value), None)
    if first is None:
        return drafts
    out = []
    for d in drafts:
        held = [q for q in (d.change, d.value) if q is volume or q is value]
        if not held:
            out.append(d)
        for i, q in enumerate(held):  # each where its number is (a joint draft: the first from its start)
            measure = "volume" if q is volume else "value"
            out.append(replace(d, name=f"{first.name} {measure}", value=None, change=q,
                               direction=first.direction, first=q.span.start if i else d.first,
                               last=q.span.end if i + 1 < len(held) else d.last))
    return out


def _number_at(drafts: list[Draft], start: int) -> Quantity | None:
    """The number of the drafts that starts at ``start``."""
    numbers = (q for d in drafts for q in (d.value, d.change) if q is not None)
    return next((q for q in numbers if q.span.start == start), None)


def _bracketed_change(tokens: list[Token], lo: int, k: int, q: Quantity, current: Draft | None) -> str | None:
    """ "USD 16.6 billion (+25.4%)", "(up 3.1%)": a signed percent in brackets right after a
    level is that level's change; its direction, or None if it is none."""
    if current is None or current.value is None or current.change is not None or q.kind != "percent":
        return None
    words = [t.low for t in tokens[lo:k]]
    if words == ["("]:
        return q.sign
    return words[1] if words in (["(", "up"], ["(", "down"]) else None


def _change_in_money(tokens: list[Token], lo: int, k: int, q: Quantity, current: Draft | None) -> bool:
    """An amount in brackets right after a change in percent restates that change: "up 2.9
    percent ($4.3 billion)", "a 5.8 percent increase ($16.3 billion) over 2023"."""
    if current is None or current.change is None or current.change.kind != "percent" or q.kind != "money":
        return False
    words = [t.low for t in tokens[lo:k]]
    return words == ["("] or (len(words) == 2 and words[1] == "(" and words[0] in CHANGE_NOUNS)


_ROUGHLY = frozenset(
    {"about", "approximately", "approx", "around", "roughly", "some", "nearly", "almost", "or"}
)


def _converted(tokens: list[Token], lo: int, k: int, q: Quantity, current: Draft | None) -> bool:
    """An amount in another currency in brackets right after a level in money restates it:
    "18.1 trillion yuan (about 2.52 trillion U.S. dollars)", "KRW 1.2 trillion ($830 million)"."""
    level = current.value if current is not None else None
    if level is None or level.kind != "money" or q.kind != "money" or q.unit == level.unit:
        return False
    words = [t.low for t in tokens[lo:k]]
    return words == ["("] or (len(words) == 2 and words[0] == "(" and words[1] in _ROUGHLY)


def _after(tokens: list[Token], k: int, q: Quantity) -> int:
    end = q.noun_end or q.span.end
    i = k + 1
    while i < len(tokens) and tokens[i].start < end:
        i += 1
    return i


def _place(
    text: str, tokens: list[Token], marks: Marks, at: tuple[int, int], q: Quantity, current: Draft | None,
    naming: Naming,
) -> Draft | None:  # fmt: skip
    """The draft number ``k`` belongs to (``at``: its gap's first token and ``k``): the current
    one, a new one, or None (no figure's number)."""
    lo, k = at
    q = _in_unit_of(q, current)
    gap = read_gap(tokens, lo, k)
    # "after declining 0.3 percent in August", ", reversing the 0.5 per cent contraction in Q4"
    aside = (gap.boundary in _ASIDE or tokens[gap.starts].low in _ASIDE_VERBS) and gap.subject is None
    if gap.subject is None and gap.main is not None and current is None:
        gap = replace(gap, subject=gap.main)
    role, direction = _role(text, tokens, k, q, gap, current)
    item = list_item(tokens, lo, k)
    anew = names_anew(tokens, gap, k, item)
    if role == "alt" and current is not None:
        return _alternative(text, q, current, naming)
    bracketed = _bracketed_change(tokens, lo, k, q, current)
    if bracketed and current is not None:
        _attach(current, q, "change", bracketed)
        return current
    if _change_in_money(tokens, lo, k, q, current):
        return current  # "a 5.8 percent increase ($16.3 billion)": the same change, in dollars
    if _converted(tokens, lo, k, q, current) and current is not None:
        current.last = max(current.last, q.noun_end or q.span.end)
        return current  # "18.1 trillion yuan (about 2.52 trillion U.S. dollars)": the same level
    if not anew and gap.boundary in _JOINING and current is not None and _fits(current, role, text, q):
        _attach(current, q, role, direction)
        return current
    kind = "forecast" if is_forecast(tokens, marks, gap.starts, k, gap) else "actual"
    name = name_number(text, tokens, gap, k, q, item, current.name if current else None, naming, kind)
    if name is None:
        return None
    draft = Draft(name, q.span.start, q.noun_end or q.span.end, kind=kind, subject=gap.subject)
    draft.skip = not_a_figure(text, tokens, marks, k, q, gap, kind) or noun_is_deal(tokens, k)
    draft.plan, draft.item = marks.has("plan", plan_scope(marks, k), k), item is not None
    draft.carries = kind == "actual" and not aside
    if current is not None and not anew:
        draft.kind, draft.plan = current.kind, draft.plan or current.plan
        draft.skip = draft.skip or current.skip or draft.plan and role != "base"
    _fill(draft, text, tokens, at, q, role, direction)
    if _growth_base(draft, current, q):  # "grew 5.2 per cent ..., slowing from 5.4 per cent in Q1"
        draft.value, draft.change, draft.direction = None, q, current.direction if current else None
    naming.names.append(draft.name)
    return draft


def _fill(draft: Draft, text: str, tokens: list[Token], at: tuple[int, int], q: Quantity, role: str,
          direction: str | None) -> None:  # fmt: skip
    """A new draft's first number: a base ("from $70.9 billion"), a change, a level or a share."""
    lo, k = at
    draft.closed = role == "base"
    base = _OTHER_BASE.match(text, q.span.end) if role == "change" else None
    draft.other_base = base is not None
    draft.base_year = int(base["year"]) if base and base["year"] else None
    after = change_after(tokens, k)
    if role == "base" and after:
        role, direction = "change", after  # "down from a 2.4% gain in September"
    _attach(draft, q, role if role == "change" else "level", direction)
    if not draft.closed and is_share(text, tokens, lo, k, q):
        draft.share, draft.name = True, share_name(text, q, draft.name)


def _growth_base(draft: Draft, current: Draft | None, q: Quantity) -> bool:
    """A base in percent of a figure written as its change in percent is the change of the
    other period ("up 5.2 per cent, slowing from 5.4 per cent in the first quarter")."""
    if current is None or not draft.closed or q.kind != "percent" or draft.value is not q:
        return False
    return current.value is None and current.change is not None and current.change.kind == "percent"


def _in_unit_of(q: Quantity, current: Draft | None) -> Quantity:
    """ "fell to 15.995 billion dlrs from 18.762 billion", "763,331 tonnes ... from 689,964": a
    bare number after an amount or a measure is in the same currency or unit."""
    if current is None or q.kind != "count" or q.noun is not None or q.unit != "count":
        return q
    for x in (current.value, current.change):
        if x is not None and x.kind == "money":
            return replace(q, unit=x.unit, kind="money")
        if x is not None and x.kind == "count" and x.unit != "count":
            return replace(q, unit=x.unit)
    return q


def _role(
    text: str, tokens: list[Token], k: int, q: Quantity, gap: Gap, current: Draft | None
) -> tuple[str, str | None]:
    """The role of number ``k``, with what is written after it and its sign considered: "9.6
    percent higher" is a change, "(+2.4%)" a rise, "and by 0.3%" a change like the one before."""
    after = change_after(tokens, k)
    if _bracketed_reading(tokens, k, q, current):
        return "alt", None  # "rose $268 million (5.2 percent) to $5.4 billion"
    if gap.role in ("level", "item") and after:
        return "change", after
    if gap.role == "item" and q.sign:
        return "change", q.sign
    grown = GROWTH_LIST.search(text, tokens[0].start, q.span.start) if gap.role == "item" else None
    if grown and q.kind == "percent":  # "destinations with positive growth included X (12.4 per cent)"
        return "change", "up" if grown["sign"].lower() == "positive" else "down"
    if gap.role == "level" and q.sign and k > 0 and tokens[k - 1].low == "(":
        return "change", q.sign
    if gap.role == "change" and gap.direction is None and current is not None:
        return "change", current.direction
    if (
        gap.role == "level"
        and q.kind == "percent"
        and current is not None
        and _BASIS_AFTER.match(text, q.span.end)
    ):
        return "change", current.direction  # "up 8.6% from February and 12.1% year-on-year"
    if _understood(tokens, gap, q, current) and current is not None:
        return "change", current.direction  # "grew 6.3 percent, and those to Peru 4.1 percent"
    if _parallel(tokens, gap, k, q, current):
        return "change", current.direction if current else None  # "rose 5.1% and 3.2%, respectively"
    return gap.role, gap.direction


def _bracketed_reading(tokens: list[Token], k: int, q: Quantity, current: Draft | None) -> bool:
    """A percent in brackets right after the change it reads again: "rose $268 million (5.2 percent)"."""
    if current is None or current.change is None or q.kind != "percent" or current.change.kind == "percent":
        return False
    return k >= 2 and tokens[k - 1].low == "(" and tokens[k - 2].quantity >= 0


def _understood(tokens: list[Token], gap: Gap, q: Quantity, current: Draft | None) -> bool:
    """A verbless "those to X" after a change: the same verb, understood."""
    if gap.verb is not None or gap.subject is None or current is None or current.change is None:
        return False
    return tokens[gap.subject[0]].low == "those" and current.change.kind == q.kind


def _parallel(tokens: list[Token], gap: Gap, k: int, q: Quantity, current: Draft | None) -> bool:
    """A second change right after the first, with only "and" or a comma between."""
    if (
        current is None
        or current.change is None
        or current.value is not None
        or current.change.kind != q.kind
    ):
        return False
    between = {t.low for t in tokens[gap.starts : k]} | {
        t.low for t in tokens[max(0, k - 2) : k] if t.quantity < 0
    }
    return bool(between) and between <= {"and", ",", "respectively"}


def _fits(draft: Draft, role: str, text: str, q: Quantity) -> bool:
    """Whether a number in ``role`` fills an empty slot of the draft (a change against
    another base than the draft's makes a draft of its own)."""
    if draft.closed:
        return False
    if role == "change":
        return draft.change is None and not _other_base(text, q)
    return role == "level" and draft.value is None


def _attach(draft: Draft, q: Quantity, role: str, direction: str | None) -> None:
    if role == "change":
        draft.change, draft.direction = q, direction or q.sign
    else:
        draft.value = q
    draft.last = max(draft.last, q.noun_end or q.span.end)


def _alternative(text: str, q: Quantity, current: Draft, naming: Naming) -> Draft:
    """ "90.88 points, or 2.2 percent": the same change in percent (kept in its place); "628.7
    billion won, or roughly 41 percent of the total": the subject's share, a figure of its
    own; "29.2 percent, or about 5.09 million": its count."""
    if current.change is not None:
        if q.kind == "percent" and current.change.kind != "percent":
            current.change = q
        return current
    name = re.sub(r"\s+share(?:\s+of\s+.*)?$", "", current.name) if current.share else current.name
    draft = Draft(name, q.span.start, q.noun_end or q.span.end, kind=current.kind, skip=current.skip)
    draft.value = q
    if q.kind == "percent" and current.value is not None and current.value.kind != "percent":
        draft.share, draft.name = True, share_name(text, q, name)
    naming.names.append(draft.name)
    return draft


def _other_base(text: str, q: Quantity) -> bool:
    """A change against another period than the figure's last: "9.6 percent higher than the
    same month in 2019", "8.6 percent above 2019 levels"."""
    return bool(_OTHER_BASE.match(text, q.span.end))

