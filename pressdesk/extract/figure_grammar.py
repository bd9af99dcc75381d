"""How a sentence holds its numbers: which word governs each, and what it says of it.

A sentence is read as tokens, each number (``Quantity``) one token. For each number, the
words between it and the number before it (its *gap*) say what it is:

- its **role**, from the words right before it: a *change* ("rose 5%", "up 5%", "a fall of
  5%", or "5% higher" after it), a *level* ("to $3 billion", "was 4.1%", "totaled 3,321"),
  a *base* a change starts from ("from $70.9 billion", "compared with 153.65 yen"), a second
  reading of the number before it ("90.88 points, or 2.2 percent"), or an *item* of a list
  ("Displays (down 8.8 percent)", "Japan at 363,000");
- its **subject**: the noun phrase before the verb that governs it ("Korea's ICT exports in
  October 2025 rose"), found after the last clause boundary (a semicolon, "while", "that",
  ", and", ", with"), skipping an insertion between commas ("Core retail sales, which exclude
  fuel, increased"); or none, when the gap only continues the figure before ("rising further
  to", ", up").

The verb's kind (``figure_words.VERBS``) tells a statistic ("rose", "totaled") from a plan
("aims to raise"), a forecast ("expects ... to reach") or no statistic at all ("signed a
$2 billion deal").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from pressdesk.extract.figure_values import Quantity
from pressdesk.extract.figure_words import (
    BASE_WORDS,
    CHANGE_AFTER,
    CHANGE_NOUNS,
    DEAL_WORDS,
    MEASURE_HEADS,
    QUALIFIERS,
    RULE_WORDS,
    VERBS,
)

__all__ = ["Gap", "Marks", "Token", "change_after", "nominal_change", "read_gap", "tokenize", "verb_kind"]


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    quantity: int = -1  # the index of the quantity this token stands for, or -1
    kind: str | None = None  # the kind of verb it is here (``verb_kind``), or None


@dataclass(frozen=True, slots=True)
class Gap:
    """What the words before a number say of it."""

    role: str  # "change" | "level" | "base" | "alt" | "item"
    direction: str | None  # "up" or "down" for a change
    subject: tuple[int, int] | None  # token range of a new subject, or None to go on with the last
    verb: str | None  # the kind of the verb that governs the number ("up", "level", "plan", ...)
    boundary: str  # the clause boundary the subject follows ("", ",", "that", "while", "which", ...)
    starts: int  # the token index where the gap's own clause begins
    main: tuple[int, int] | None = None  # a participle clause's: the subject of the clause before


_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Za-z\u00C0-\u024F][\w'’&/-]*|\d+-[A-Za-z][\w-]*|\d{1,2}[-–]\d{1,2}(?![\d,./])"
    r"|\d[\d,.]*\d|\d|--|[^\w\s]"
)
_CLAUSE_WORDS = frozenset(
    {"while", "whereas", "but", "although", "though", "that", "which", "who", "when", "after",
     "following", "before", "since", "because", "despite", "amid", "including", "excluding",
     "if", "unless", "where", "whose", "so"}
)  # fmt: skip
_PUNCT_BOUNDARIES = frozenset({";", ":", "—", "–", "--", "-", "•", "(", '"', "“", "”"})
_AS_NOT_BOUNDARY = frozenset({"a", "well", "such", "of", "for", "part", "much", "many", "expected", "usual"})
_PHRASES: dict[tuple[str, ...], tuple[str, str | None]] = {
    ("picked", "up"): ("level", None), ("made", "up"): ("level", None),
    ("make", "up"): ("level", None), ("went", "up"): ("change", "up"),
    ("went", "down"): ("change", "down"), ("edged", "up"): ("change", "up"),
    ("edged", "down"): ("change", "down"), ("ticked", "up"): ("change", "up"),
    ("ticked", "down"): ("change", "down"), ("moved", "up"): ("change", "up"),
    ("compared", "with"): ("base", None), ("compared", "to"): ("base", None),
    ("relative", "to"): ("base", None), ("up", "to"): ("level", None),
    ("up", "from"): ("base", None), ("down", "from"): ("base", None),
    ("close", "to"): ("level", None), ("as", "of"): ("level", None),
}  # fmt: skip
_LEVEL_WORDS = frozenset(
    {"to", "at", "of", "with", "reaching", "is", "was", "were", "are", "on", "in", "for", "worth"}
)
_QUALIFIER_PHRASES = (
    ("more", "than"), ("less", "than"), ("fewer", "than"), ("up", "to"), ("close", "to"), ("at", "least"),
    ("at", "most"), ("just", "over"), ("just", "under"), ("a", "total", "of"), ("total", "of"),
    ("a", "preliminary", "estimate", "of"),
)  # fmt: skip


# Verbs read as such only with the word after them: "account for", "amount to".
_WITH_NEXT: dict[str, str] = {
    "valued": "at",  # "imports were valued at $370.8 billion"; a deal's value is told by its noun
    "account": "for",
    "accounts": "for",
    "amount": "to",
    "amounts": "to",
    "total": "",
    "totals": "",
}
# "held steady at 4.1 per cent" states a level; "held talks" does not.
_HELD = frozenset({"held", "holds", "hold", "holding", "kept", "keeps", "keep", "left", "leaves", "leave"})
_HELD_LEVEL = frozenset({"steady", "at", "unchanged", "flat", "stable", "firm"})


def verb_kind(tokens: list[Token], i: int) -> str | None:
    """The kind of verb token ``i`` is (``figure_words.VERBS``), or None (see ``_kind``)."""
    return tokens[i].kind


def _kind(text: str, low: str, nxt: str) -> str | None:
    """The kind of verb a word is before the word ``nxt``: a capitalised word mid-sentence is
    a name ("United States"), and some verbs need their particle ("account for", "held at")."""
    if low not in VERBS and low not in _HELD and low not in _WITH_NEXT:
        return None
    if text[:1].isupper() and text[1:2].islower() or text.isupper() and len(text) > 1:
        return None
    if low in _HELD:
        return "level" if nxt in _HELD_LEVEL or nxt in ("the", "its", "rates", "rate") else "other"
    if low in _WITH_NEXT:
        return "level" if _WITH_NEXT[low] and nxt == _WITH_NEXT[low] else None
    return VERBS.get(low)


_STATE_ADVERBS = frozenset({"newly", "recently", "officially", "previously", "already", "formally"})
_PHRASE_ENDS = frozenset(p[-1] for p in _QUALIFIER_PHRASES)
# Boundaries after which a participle's clause has the subject of the clause before it:
# "..., accounting for 10.3 percent", "... unchanged in October after rising 0.1% in September".
_PARTICIPLE_AFTER = frozenset({",", "after", "before", "following", "while", "since", "when"})
_MAYBE_VERBS = frozenset(VERBS) | _HELD | frozenset(_WITH_NEXT)


def tokenize(text: str, start: int, end: int, quantities: list[Quantity]) -> list[Token]:
    """The tokens of ``text[start:end]``, each quantity one token (numbered in order), each
    word with the kind of verb it is."""
    raw: list[tuple[str, int, int, int]] = []
    pos = start
    for index, q in enumerate(quantities):
        raw += [(m.group(), *m.span(), -1) for m in _TOKEN.finditer(text, pos, q.span.start)]
        raw.append((text[q.span.start : q.span.end], q.span.start, q.span.end, index))
        pos = q.span.end
    raw += [(m.group(), *m.span(), -1) for m in _TOKEN.finditer(text, pos, end)]
    lows = [word.lower() if index < 0 else "#" for word, _, _, index in raw]
    lows.append("")
    kinds = [_kind(word, low, nxt) if index < 0 and low in _MAYBE_VERBS else None
             for (word, _, _, index), low, nxt in zip(raw, lows, lows[1:], strict=False)]  # fmt: skip
    kinds.append(None)
    for n in range(1, len(raw)):  # "newly established firms": an adjective, no act
        if kinds[n] == "other" and lows[n].endswith("ed") and lows[n - 1] in _STATE_ADVERBS:
            kinds[n] = None
    return [
        Token(word, lows[n], a, b, index, None if _plural_noun(lows[n], kinds[n], kinds[n + 1]) else kinds[n])
        for n, (word, a, b, index) in enumerate(raw)
    ]


def _plural_noun(low: str, kind: str | None, after: str | None) -> bool:
    """A verb's "-s" form read as a plural noun before the clause's verb: "projects numbered",
    "plans were"."""
    return (
        kind in ("forecast", "plan", "other")
        and low.endswith("s")
        and after in ("level", "up", "down", "aux")
    )


@dataclass(frozen=True, slots=True)
class Marks:
    """Where words of some kinds stand in a sentence's tokens, so that whether a stretch holds
    one ("a verb of no statistic", "a deal's noun") is a binary search, not a scan.

    Kinds: ``other`` (a verb of no statistic), ``deal`` (a deal's, fund's or plan's noun),
    ``rule`` (a rule's or a tariff's word), ``plan`` (a plan's verb or a modal), ``weak``
    ("could", "may", "might"), ``forecast`` (a forecast's verb), ``report`` (a verb of saying).
    """

    places: dict[str, list[int]]

    @classmethod
    def of(cls, tokens: list[Token]) -> Marks:
        places: dict[str, list[int]] = {name: [] for name in _MARK_NAMES}
        for i, token in enumerate(tokens):
            if token.kind is not None or token.low in _MARKED_WORDS:
                for name in _marks(tokens, i, token):
                    places[name].append(i)
        return cls(places)

    def has(self, name: str, start: int, end: int) -> bool:
        """Whether ``tokens[start:end]`` holds a word of kind ``name``."""
        found = self.places[name]
        i = bisect_left(found, max(0, start))
        return i < len(found) and found[i] < end

    def last(self, name: str, end: int) -> int | None:
        """The place of the last word of kind ``name`` before ``end``."""
        found = self.places[name]
        i = bisect_left(found, end)
        return found[i - 1] if i else None


_MARK_NAMES = ("other", "deal", "rule", "plan", "weak", "forecast", "report")
_MARKED_WORDS = DEAL_WORDS | RULE_WORDS | frozenset(VERBS)


def _marks(tokens: list[Token], i: int, token: Token) -> list[str]:
    found: list[str] = []
    verb = VERBS.get(token.low)
    if token.kind == "other":
        found.append("other")
    if token.kind == "modal" or token.kind == "plan" and not _modifier(tokens, i):
        found.append("plan")
    if token.kind == "modal" and token.low in ("could", "may", "might"):
        found.append("weak")
    if token.kind == "forecast":
        found.append("forecast")
    if verb == "report":
        found.append("report")
    if token.low in RULE_WORDS:
        found.append("rule")
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if token.low in DEAL_WORDS and not (verb == "plan" and nxt == "to") and nxt not in MEASURE_HEADS:
        found.append("deal")  # not "plans to", nor a modifier of a measure: "order backlog"
    return found


# Words after which a plan's participle is a verb of its own clause: "has pledged", "they pledged".
_FINITE_BEFORE = frozenset({"to", "be", "been", "was", "were", "is", "are", "has", "have", "had", "it",
                            "they", "we", "he", "she"})


def _modifier(tokens: list[Token], i: int) -> bool:
    """A plan's participle that qualifies the noun before it, the clause's verb coming after:
    "investment pledged to Korea hit a record $30.5 billion" (not "the ministry pledged to
    raise exports to", nor "pledged to boost")."""
    if not tokens[i].low.endswith("ed") or i == 0 or tokens[i - 1].low in _FINITE_BEFORE:
        return False
    if i + 2 < len(tokens) and tokens[i + 1].low == "to" and tokens[i + 2].kind is not None:
        return False
    for token in tokens[i + 1 : i + 8]:
        if token.quantity >= 0:
            return False
        if token.kind in ("level", "up", "down"):
            return True
    return False


def read_gap(tokens: list[Token], lo: int, k: int) -> Gap:
    """What ``tokens[lo:k]`` (the words between the last number and number ``k``) say of it."""
    role, direction = _role(tokens, lo, k)
    starts, boundary = _clause_start(tokens, lo, k)
    verb_at = _first_verb(tokens, starts, k)
    verb = verb_kind(tokens, verb_at) if verb_at is not None else None
    subject = _subject(tokens, starts, verb_at, boundary) if verb_at is not None else None
    if subject is None and verb is None:
        subject = _absolute(tokens, starts, k)
    main = None
    if (
        subject is None
        and boundary in _PARTICIPLE_AFTER
        and verb_at is not None
        and tokens[verb_at].low.endswith("ing")
    ):
        main = _main_subject(tokens, lo, starts - 1)
    if subject is None and verb is None and boundary == ":" and starts >= 2:
        subject = _np_before(tokens, starts - 1)  # "Exports: US$45.2 billion"
    return Gap(role, direction, subject, verb, boundary, starts, main)


def _main_subject(tokens: list[Token], lo: int, comma: int) -> tuple[int, int] | None:
    """The subject of the clause a participle's clause hangs from: "US EV sales posted a
    record high in September, accounting for 10.3 percent" -> "US EV sales"."""
    starts, boundary = _clause_start(tokens, lo, comma)
    verb_at = _first_verb(tokens, starts, comma)
    return _subject(tokens, starts, verb_at, boundary) if verb_at is not None else None


def _role(tokens: list[Token], lo: int, k: int) -> tuple[str, str | None]:
    """The role the words right before number ``k`` give it (qualifiers such as "about" or
    "a record" skipped)."""
    i = _skip_qualifiers(tokens, lo, k)
    if i < lo:
        return "level", None
    pair = (tokens[i - 1].low, tokens[i].low) if i > lo else ("", tokens[i].low)
    if pair in _PHRASES:
        return _PHRASES[pair]
    word = tokens[i].low
    if word == "or" and i > lo and tokens[i - 1].low == "," or word == "or" and i == lo:
        return "alt", None
    if word in ("(", "+", "-") or word == "," and i > lo and tokens[i - 1].low in ("(",):
        return "item", None
    if word == "of" and i > lo and tokens[i - 1].low in CHANGE_NOUNS:
        negative = i - 2 >= lo and tokens[i - 2].low in ("negative", "minus")
        return "change", _FLIP[CHANGE_NOUNS[tokens[i - 1].low]] if negative else CHANGE_NOUNS[
            tokens[i - 1].low
        ]
    nominal = nominal_change(tokens, lo, i) if word == "of" else None
    if nominal is not None:
        return "change", CHANGE_NOUNS[tokens[nominal[0] - 2].low]  # "a decrease in the goods deficit of"
    if word == "of" and _rate_of_change(tokens, lo, i):
        return "change", _rate_of_change(tokens, lo, i)
    if word in BASE_WORDS:
        return "base", None
    kind = VERBS.get(word)
    if kind in ("up", "down"):
        return "change", kind
    if word == "by":
        verb = next(
            (VERBS[t.low] for t in reversed(tokens[lo:i]) if VERBS.get(t.low) in ("up", "down")), None
        )
        return "change", verb  # "raised its benchmark rate by 25 basis points", "and by 0.3%"
    return "level", None


_FLIP = {"up": "down", "down": "up"}
_RATES = frozenset({"rate", "pace", "clip"})


def nominal_change(tokens: list[Token], lo: int, of: int) -> tuple[int, int] | None:
    """ "a decrease in the goods deficit of $10.8 billion": the tokens of what changed (a change
    noun, "in", a short phrase, "of" before the number)."""
    j = of - 1
    while (
        j > lo and of - j <= 6 and tokens[j].low != "in" and tokens[j].quantity < 0 and tokens[j].kind is None
    ):
        j -= 1
    if j <= lo or tokens[j].low != "in" or tokens[j - 1].low not in CHANGE_NOUNS or j + 1 >= of:
        return None
    return j + 1, of


def _rate_of_change(tokens: list[Token], lo: int, of: int) -> str | None:
    """ "increased at an annual rate of 3.8 percent": the change itself, at a rate."""
    i = of - 1
    if i < lo or tokens[i].low not in _RATES:
        return None
    while i > lo and tokens[i - 1].low not in ("at", "by"):
        i -= 1
    verb = tokens[i - 2].kind if i - 2 >= lo and tokens[i - 1].low == "at" else None
    return verb if verb in ("up", "down") else None


def _skip_qualifiers(tokens: list[Token], lo: int, k: int) -> int:
    """The index of the last word before ``k`` that is not a qualifier ("about", "a net")."""
    i = k - 1
    while i >= lo:
        phrase = None
        if tokens[i].low in _PHRASE_ENDS:
            phrase = next((p for p in _QUALIFIER_PHRASES if _ends_with(tokens, lo, i, p)), None)
        if phrase is not None:
            i -= len(phrase)
        elif tokens[i].low in QUALIFIERS and tokens[i].low not in (
            "by",
            "of",
            "up",
            "at",
            "over",
            "than",
            "more",
            "less",
        ):
            i -= 1
        elif tokens[i].low == "by" and i > lo and VERBS.get(tokens[i - 1].low) in ("up", "down"):
            return i
        else:
            return i
    return i


def _ends_with(tokens: list[Token], lo: int, i: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return i - n + 1 >= lo and tuple(t.low for t in tokens[i - n + 1 : i + 1]) == phrase


def _clause_start(tokens: list[Token], lo: int, k: int) -> tuple[int, str]:
    """Where the clause of number ``k`` begins within its gap, and the boundary before it."""
    i = k
    while i > lo:
        i -= 1
        word = tokens[i].low
        if word == ")":
            i = _opening(tokens, lo, i)
            continue
        if word in _PUNCT_BOUNDARIES:
            return i + 1, word
        if word in _CLAUSE_WORDS and not _not_boundary(tokens, lo, i):
            return i + 1, word
        if (verb_kind(tokens, i) == "report" or _data_show(tokens, i)) and i + 1 < k:
            return i + 1, "said"
        if word == "as" and (i + 1 >= k or tokens[i + 1].low not in _AS_NOT_BOUNDARY):
            return i + 1, word
        if word == "," and i + 1 < k and tokens[i + 1].low in ("and", "with", "or", "but"):
            return i + 2, tokens[i + 1].low
        if word == "," and not _in_date(tokens, i) and not _in_list(tokens, i, k):
            return i + 1, word
    return lo, ""


_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "to", "at", "by", "of", "in", "on", "for", "from", "with", "and", "or", "its", "their",
     "up", "down", "as", "than", "that", "this", "these", "those", "it", "they"}
)  # fmt: skip
_DATA = frozenset(
    {"figures", "data", "statistics", "survey", "report", "estimates", "numbers", "results", "poll"}
)


def _data_show(tokens: list[Token], i: int) -> bool:
    """ "Preliminary figures showed refined production ... at": data reporting, not a measure showing."""
    return tokens[i].low in ("showed", "show", "shows") and i > 0 and tokens[i - 1].low in _DATA


def _in_list(tokens: list[Token], i: int, k: int) -> bool:
    """The comma of a list after "of": "Prices of agricultural, livestock and fishery products"."""
    return i >= 2 and tokens[i - 2].low == "of" and i + 2 < k and tokens[i + 2].low in ("and", "or")


def _in_date(tokens: list[Token], i: int) -> bool:
    """The comma of a date: "March 31, 2025"."""
    return i + 1 < len(tokens) and len(tokens[i + 1].text) == 4 and tokens[i + 1].text[:2] in ("19", "20")


def _not_boundary(tokens: list[Token], lo: int, i: int) -> bool:
    """A clause word used otherwise: the demonstrative "that" ("However, that demand fell"),
    the adverb "since" ("has since lowered")."""
    word, before = tokens[i].low, tokens[i - 1].low if i > lo else ""
    if word == "that":
        return i == lo or before in (",", "however")
    return word == "since" and VERBS.get(before) == "aux"


def _opening(tokens: list[Token], lo: int, close: int) -> int:
    """The "(" a ")" closes (or ``lo``): a bracket is read past, not into."""
    for i in range(close - 1, lo - 1, -1):
        if tokens[i].low == "(":
            return i
    return lo


def _first_verb(tokens: list[Token], start: int, k: int) -> int | None:
    """The first verb of the clause before number ``k``: the head of its verb chain."""
    depth = 0
    for i in range(start, k):
        depth += {"(": 1, ")": -1}.get(tokens[i].low, 0)
        verb = depth <= 0 and verb_kind(tokens, i) is not None and not _is_noun_use(tokens, start, i)
        if verb and not _adjectival(tokens, i, k):
            return i
    return None


def _adjectival(tokens: list[Token], i: int, k: int) -> bool:
    """A participle before its noun, with the clause's verb still to come: "Newly registered
    projects numbered 3,321", "disbursed FDI rose"."""
    if not tokens[i].low.endswith("ed") or i + 1 >= k:
        return False
    noun = tokens[i + 1]
    if not noun.text[:1].isalpha() or noun.low in _FUNCTION_WORDS:
        return False
    if noun.kind is not None and not noun.low.endswith("s"):
        return False  # a verb after the participle, not a noun ("projects" reads as a noun here)
    return any(t.kind in ("level", "up", "down", "aux") for t in tokens[i + 2 : k])


def _is_noun_use(tokens: list[Token], start: int, i: int) -> bool:
    """A verb form used as a noun or adjective: "the rise", "its record", "higher demand"."""
    before = tokens[i - 1].low if i > start else ""
    word = tokens[i].low
    if before in ("the", "a", "an", "its", "their", "this", "that", "of", "our"):
        return word not in ("up", "down") and VERBS.get(word) not in ("aux", "modal")
    return word in ("up", "down") and before in ("set", "step", "stepped", "break", "broken", "back")


def _subject(tokens: list[Token], start: int, verb_at: int, boundary: str) -> tuple[int, int] | None:
    """The noun phrase before the verb at ``verb_at``: from the clause start, or, when the clause
    is only a verb after a comma, the phrase before the insertion the comma closes."""
    if verb_at > start:
        return start, verb_at
    if tokens[verb_at].low in ("up", "down", "higher", "lower"):
        return None
    if boundary == "," and not tokens[verb_at].low.endswith("ing"):
        return _before_insertion(tokens, start - 1)
    if boundary in ("which", "who", "that") and start >= 2 and tokens[start - 2].low == ",":
        return _np_before(tokens, start - 2)
    return None


def _np_before(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The phrase ending at ``end`` back to the clause boundary before it: the antecedent of
    "KB Kookmin Bank, which recorded ..." (a bracket in it read past: "Exports of electrical and
    electronic (E&E) products, which ...")."""
    start = end
    while start > 0 and tokens[start - 1].quantity < 0:
        if tokens[start - 1].low == ")" and (opening := _opening(tokens, 0, start - 1)) > 0:
            start = opening
        elif tokens[start - 1].low in _PUNCT_BOUNDARIES | _CLAUSE_WORDS | {","}:
            break
        else:
            start -= 1
    return (start, end) if start < end else None


def _before_insertion(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """ "Registered FDI, including new projects, capital adjustments, totaled": the phrase
    before the comma that opens the insertion the comma at ``comma`` closes."""
    opener = comma - 1
    while opener >= 0 and tokens[opener].low not in _PUNCT_BOUNDARIES:
        if tokens[opener].low == "," and opener + 1 < comma and _opens_insertion(tokens[opener + 1].low):
            break
        opener -= 1
    if opener < 0 or tokens[opener].low != ",":
        return None
    return _np_before(tokens, opener)


def _opens_insertion(word: str) -> bool:
    return word in ("which", "who", "whose", "including", "excluding", "a", "an", "the", "such",
                    "led", "based", "like", "one", "among", "especially", "particularly", "mainly",
                    "mostly", "comprising", "from", "in", "with", "its", "their", "where", "when",
                    "as", "after", "for", "excluding", "not", "measured", "adjusted", "calculated",
                    "expressed", "valued", "converted", "seasonally", "compared")  # fmt: skip


def _absolute(tokens: list[Token], start: int, k: int) -> tuple[int, int] | None:
    """A clause with no verb before the number but a change word: ", with automobile exports
    down 10.2%" -> "automobile exports"."""
    for i in range(start, k):
        if tokens[i].low in ("up", "down") and i > start:
            return start, i
    those = k - start >= 3 and tokens[start].low == "those"
    if those and tokens[start + 1].low in ("to", "of", "from", "in"):
        return start, k  # ", and those to the Philippines 4.1 percent": the verb before, understood
    return None


def change_after(tokens: list[Token], k: int) -> str | None:
    """The direction a word right after number ``k`` gives it: "9.6 percent higher", "a 15.4
    percent increase", "$4.1 billion more than"."""
    i = k + 1
    while i < len(tokens) and tokens[i].low in ("year-on-year", "on-year", "annual", "annualized", "monthly"):
        i += 1
    if i < len(tokens) and tokens[i].low in CHANGE_AFTER:
        if tokens[i].low in ("more", "less", "fewer") and not (
            i + 1 < len(tokens) and tokens[i + 1].low == "than"
        ):
            return None
        return CHANGE_AFTER[tokens[i].low]
    return None
