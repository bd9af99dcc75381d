"""What a number measures: the name of the figure it starts.

Most specific first: the list item it is ("Displays (down 8.8 percent)", "Japan at 363,000"),
with the frame the list hangs from ("exports increased to China (up 4.9 percent)" -> "exports
to China"); the noun an amount qualifies ("a $10.4 billion surplus") or a count counts ("1.6
million foreign tourists visited"); the object of its verb when that names a measure
("lowered the key rate to 2.5 percent", "posted operating profit of 2.46 trillion won",
"projected the number of visitors to surpass 18.7 million"); else its subject, with the
measure written around the number added when the subject only says whose it is ("Hana Bank
earned ... overseas" -> "Hana Bank overseas earnings", "1.55 trillion won in overseas net
profit", "Foreign investors picked up a net ..." -> "Foreign investors net buying").
Pronouns and possessives take their owner from the names before ("its profit", "they",
"the bank's"); a bare head after a qualified sibling takes its qualifiers ("Imports" after
"ICT exports"). A percent of a whole is a share ("21 percent of Korea's exports to ASEAN").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressdesk.extract.figure_filters import in_measure, measure_run
from pressdesk.extract.figure_grammar import Gap, Token, nominal_change
from pressdesk.extract.figure_names import (
    is_generic,
    is_measure,
    is_pronoun,
    name_from,
    owner_of,
    possessive,
    sibling_name,
)
from pressdesk.extract.figure_values import Quantity
from pressdesk.extract.figure_words import (
    CHANGE_NOUNS,
    COUNT_NOUNS,
    DEAL_WORDS,
    GROWTH_LIST,
    MEASURE_HEADS,
    NET_VERBS,
    VERB_MEASURES,
    VERBS,
)
from pressdesk.extract.places import is_place_name
from pressdesk.facts import Span

__all__ = ["Naming", "is_share", "list_item", "name_number", "names_anew", "share_name"]


@dataclass
class Naming:
    """What the names given so far in a release tell the next: the names, the last subject
    ("it", "they"), the last entity ("its", "the bank's"), the frame of the list being read,
    and where dates are written (dropped from names)."""

    dates: list[Span]
    names: list[str] = field(default_factory=list)
    subject: str | None = None
    entity: str | None = None
    frame: str | None = None


_CONNECTORS = frozenset({"to", "from", "of", "at", "by"})
_CONNECTOR_SKIP = frozenset(
    {"about", "around", "approximately", "nearly", "almost", "roughly", "a", "an", "the", "record",
     "net", "combined", "current", "estimated", "more", "than", "over", "some", "just", "only",
     "preliminary", "estimate", "all-time", "high", "new", "its", "their"}
)  # fmt: skip
_LIST_JOIN = frozenset(
    {",", "and", "by", "followed", "led", "with", "from", "to", "in", "(", "of", ")", "while", "for"}
)
_DEFINITE_OWNERS = frozenset(
    {"company", "bank", "firm", "group", "carrier", "automaker", "maker", "lender", "insurer",
     "country", "government", "ministry", "economy", "operator"}
)  # fmt: skip
_PREPOSITIONS = frozenset({"of", "to", "from", "in", "for", "on", "by", "at", "with"})
# What a balance shows: "the goods trade balance swung to a deficit of" is the balance's figure.
_SIGNS = frozenset({"deficit", "surplus", "loss", "profit", "gain", "shortfall"})
_BALANCES = frozenset({"balance", "account", "position"})
_PAST_FORMS = frozenset(
    {"flew", "came", "went", "took", "left", "were", "was", "are", "is", "stayed", "spent"}
)
_DISCOURSE = frozenset(
    {"detail", "addition", "particular", "contrast", "total", "comparison", "short", "response", "general",
     "fact", "turn", "sum", "summary", "brief", "conclusion", "practice", "theory", "effect", "meantime"}
)  # fmt: skip
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_VERBLESS_OPENERS = frozenset({"on", "with", "and", "plus"})
_ADVERB_AFTER = re.compile(r"\s*(overseas|abroad|domestically|globally|worldwide)\b", re.IGNORECASE)
_SHARE_OF = re.compile(
    r"\s*(?:share\s+)?of\s+([^,.;()]{2,60}?)(?=[,.;()]|\s+(?:in|last|this|a|during|since|while|and|as|at)\b|$)"
)
_NOT_A_WHOLE = re.compile(
    r"^(?:the\s+)?(?:total|whole|(?:19|20)\d\d\b.*|its\s.*|pre-.*|all[- ]time.*)$", re.IGNORECASE
)


def names_anew(tokens: list[Token], gap: Gap, k: int, item: tuple[int, int] | None) -> bool:
    """Whether the words before number ``k`` name a figure of their own, rather than go on
    with the one before ("rose 5% to $3 billion", ", up 0.13 percentage point")."""
    subject = gap.subject
    return (
        item is not None
        or subject is not None and not _change_subject(tokens, *subject)
        or _noun_after(tokens, k) is not None
        or _owned(tokens, k)
        or _object_measure(tokens, gap, k)
    )


_PERIOD_WORDS = frozenset(
    {"previous", "prior", "preceding", "same", "last", "quarter", "month", "year", "period", "half", "week"}
)


def name_number(
    text: str, tokens: list[Token], gap: Gap, k: int, q: Quantity, item: tuple[int, int] | None,
    current: str | None, naming: Naming, kind: str,
) -> str | None:  # fmt: skip
    """The name of the figure number ``k`` starts (``current``: the name of the figure before,
    for a number that goes on with its subject), or None when nothing names it; a name of
    nothing but a period ("the 2.9 per cent growth in the previous quarter"), or of nothing at
    all, is the figure before's."""
    name = _name_number(text, tokens, gap, k, q, item, current, naming, kind)
    if name is not None and current and set(name.lower().split()) <= _PERIOD_WORDS:
        return current  # also a change noun alone: ", reversing the 0.5 per cent contraction in"
    return name


def _name_number(
    text: str, tokens: list[Token], gap: Gap, k: int, q: Quantity, item: tuple[int, int] | None,
    current: str | None, naming: Naming, kind: str,
) -> str | None:  # fmt: skip
    if item is not None:
        return _item_name(tokens, item, naming)
    partner = (
        _headed_item(text, tokens, k)
        or _ranked_partner(text, tokens[0].start, q.span.start)
        or _traded_worth(text, tokens, gap, k, q)
        or _worth_of_goods(text, tokens, k, q)
    )
    if partner is not None:
        return partner
    noun = _noun_after(tokens, k)
    subject = _subject_name(tokens, gap, naming, kind == "actual") if gap.subject else None
    if subject is None and _owned(tokens, k):
        subject = naming.entity
    if noun is not None:
        return _with_owner(subject, name_from(tokens, noun[0], noun[1], naming.dates))
    subject = subject if subject is not None else current
    obj = _object(tokens, gap, k)
    if obj is not None:
        name = _resolve_owner(name_from(tokens, obj[0], obj[1], naming.dates), naming)
        measure = is_measure(name) and not is_generic(name) and not _names_a_change(name)
        if measure and _balance_shows(subject, name) and subject:
            return f"{subject} {name}"  # "the services account posted a deficit of": its deficit
        if measure:
            owns = _proper(subject) or tokens[obj[0]].low in ("its", "their", "his", "her")
            return _with_owner(subject if owns and kind != "forecast" else None, name)
    return None if subject is None else _measured(text, tokens, gap.starts, k, q, subject)


# "The United States remained Viet Nam's largest export market with USD 148.5 billion": a
# country ranked among a country's partners, its trade with it right after.
_RANKED_PARTNER = re.compile(
    r"(?:^|(?<=[\s,;(]))(?:[Tt]he\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,4})\s+"
    r"(?:remained|remains|was|is|became|becomes|stayed|ranked\s+as|ranked)\s+(?:\S+\s+){0,3}?"
    r"(?:(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[- ])?"
    r"(?:largest|biggest)|top|main|leading|major|No\.\s*\d{1,2})\s+"
    r"(?P<role>export\s+(?:market|destination)|trad(?:ing|e)\s+partner|source\s+of\s+imports"
    r"|import\s+source|source\s+of\s+(?:foreign\s+)?(?:direct\s+)?investment|investor)"
    r"(?:\s+(?:for|of|in)\s+[\w-]+(?:\s+[A-Z][\w-]*)?)?"  # "for chips", "in Southeast Asia"
    r",?\s*(?:with\s+)?(?:(?:bilateral|two-way|total)\s+)?(?:(?:merchandise|goods|services)\s+)?"
    r"(?:(?:net\s+)?(?:trade|exports|imports|shipments|investments?|inflows)\s+)?"
    r"(?:(?:up|down|rising|falling|growing|increasing|decreasing)\s+(?:by\s+)?)?"  # "with trade up 8.8%"
    r"(?:of|worth|at|reaching|totaling|totalling|amounting\s+to|valued\s+at|came\s+to)?\s*"
    r"(?:(?:an?\s+)?(?:estimated|approximately|about|around|nearly|some)\s+)?$"
)
_PARTNER_WORDS = re.compile(r"partner|market|destination|source|investor")
_PARTNER_NAMES = {"export": "exports to", "trad": "trade with", "source of i": "imports from",
                  "import": "imports from"}  # fmt: skip


def _ranked_partner(text: str, start: int, end: int) -> str | None:
    """ "exports to the United States" for "The United States remained Viet Nam's largest
    export market with USD 148.5 billion"; "trade with ASEAN", "imports from China"."""
    lo = max(start, end - 160)
    if not _PARTNER_WORDS.search(text, lo, end):
        return None  # the cheap check: most numbers have no partner before them
    m = _RANKED_PARTNER.search(text, lo, end)
    if m is None or not is_place_name(m["place"]):
        return None
    role = " ".join(m["role"].lower().split())
    head = next((name for key, name in _PARTNER_NAMES.items() if role.startswith(key)), "investment from")
    return f"{head} {m['place']}"


# A country's name after "to", "from": capitalised words ("U.S." keeps its stops; a stop that
# ends the sentence is dropped by ``_place``).
_PLACE_RUN = r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"


def _place(m: re.Match[str] | None) -> str | None:
    """The country a match's ``place`` names, as written: "China." at a sentence's end is "China"."""
    if m is None:
        return None
    raw = m["place"]
    return next((p for p in (raw, raw.rstrip(".")) if is_place_name(p)), None)


_TRADE_VERBS = frozenset({"exported", "imported", "shipped"})
# What a count of goods counts: "929,000 tonnes of fresh durian worth ..."
_GOODS_OF = re.compile(
    r"\s+of\s+(?P<goods>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s+(?:worth|to|from|in|at|,|\.)|[,.])"
)
_GOODS = frozenset({"goods", "products", "merchandise", "items", "commodities"})
# Where traded goods went or came from, after their amount: "worth $87.4 billion to the United States".
_DESTINATION = re.compile(
    r"(?:\s+(?:worth\s+)?of\s+(?P<goods>[a-z][\w-]*(?:\s+[a-z][\w-]*)?))?\s+(?P<prep>to|from)\s+"
    r"(?:the\s+)?" + _PLACE_RUN
)


def _traded_worth(text: str, tokens: list[Token], gap: Gap, k: int, q: Quantity) -> str | None:
    """ "India exported goods worth $87.4 billion to the United States" -> "India exports to
    United States"; "The EU imported plywood worth ..." -> "EU plywood imports from China";
    "Korea imported $1.4 billion worth of nickel products from Indonesia" -> "Korea nickel
    imports from Indonesia"."""
    if gap.subject is None or q.kind != "money":
        return None
    i, j = gap.subject
    verb = next((v for v in range(i, k) if tokens[v].low in _TRADE_VERBS), None)
    where = _DESTINATION.match(text, q.noun_end or q.span.end) if verb is not None else None
    place = _place(where)
    if verb is None:
        return None
    owner = [t.text for t in tokens[i : min(verb, j)] if t.low not in ("the", "a", "an")]
    goods = [t.text for t in tokens[verb + 1 : j] if t.low not in _GOODS | {"the", "a", "an"}]
    measure = VERB_MEASURES[tokens[verb].low]
    if where is None or place is None:  # "India imported solar glass worth $298 million"
        worth = j < k and tokens[k - 1].low == "worth"
        named = goods or any(t.low in _GOODS for t in tokens[verb + 1 : j])  # "goods worth": all
        return " ".join([*owner, *goods, measure]) if worth and named else None
    if where["goods"]:
        goods += [w for w in where["goods"].split() if w.lower() not in _GOODS]
    return " ".join([*owner, *goods, measure, where["prep"], place])


# A list under a head: "Exports by region in December: China USD 12.9 billion (+6.1%), ...",
# "Exports by major item: - Semiconductors: USD 17.5 billion (+38.2%)".
_LIST_HEAD = re.compile(
    r"(?P<measure>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+by\s+(?:(?:major|main|key|top|leading)\s+)?"
    r"(?P<dim>regions?|countr(?:y|ies)|destinations?|markets?|partners?|items?|products?|sectors?"
    r"|industr(?:y|ies)|categor(?:y|ies)|commodit(?:y|ies))\b[^:.;]{0,40}:"
)
_PLACE_DIMENSIONS = ("region", "countr", "destination", "market", "partner")
_ITEM_SEPARATORS = frozenset({":", ",", ";", "-", "–", "•", "and", ")", "("})


def _headed_item(text: str, tokens: list[Token], k: int) -> str | None:
    """The name of an item of a list under a head: "exports to China", "Semiconductors
    exports" (the words of the item right before its number, or before a colon there)."""
    lo = tokens[0].start
    if ":" not in text[lo : tokens[k].start]:
        return None
    heads = list(_LIST_HEAD.finditer(text, lo, tokens[k].start))
    line = text.rfind("\n", 0, lo)
    if not heads and line >= 0 and not text[line + 1 : lo].strip(" \t-–•*"):  # a bulleted line:
        block = text.rfind("\n\n", max(0, lo - 600), lo)  # its head a line or a few before
        heads = list(_LIST_HEAD.finditer(text, block + 1 if block >= 0 else max(0, lo - 600), lo))
    if not heads:
        return None
    head = heads[-1]
    end = k - 1 if k > 0 and tokens[k - 1].low == ":" else k
    start = end
    while start > 0 and tokens[start - 1].quantity < 0 and tokens[start - 1].low not in _ITEM_SEPARATORS:
        start -= 1
    words = [t.text for t in tokens[start:end]]
    if not words or len(words) > 5 or tokens[start].start < head.end() or not words[0][:1].isalpha():
        return None
    measure, item = head["measure"].lower(), " ".join(words)
    if head["dim"].startswith(_PLACE_DIMENSIONS):
        prep = "to" if "export" in measure else "from" if "import" in measure or "invest" in measure else "in"
        return f"{measure} {prep} {item}"
    return f"{item} {measure}"


def _worth_of_goods(text: str, tokens: list[Token], k: int, q: Quantity) -> str | None:
    """ "Thailand exported 929,000 tonnes of fresh durian worth 4.2 billion US dollars": the
    value of the goods a trade verb before it moved -> "Thailand fresh durian exports"."""
    if q.kind != "money" or k < 3 or tokens[k - 1].low != "worth":
        return None
    verb = next((v for v in range(k - 2, -1, -1) if tokens[v].low in _TRADE_VERBS), None)
    if verb is None:
        return None
    of = next((o for o in range(k - 2, verb, -1) if tokens[o].low == "of"), None)
    if of is None:
        return None
    owner: list[str] = []
    for t in reversed(tokens[:verb]):
        if not t.text[:1].isupper() or t.low == "the":
            break
        owner.insert(0, t.text)
    end = next((i for i in range(of + 1, k - 1) if tokens[i].low in _GOODS_END), k - 1)
    goods = [t.text for t in tokens[of + 1 : end] if t.low not in _GOODS and t.quantity < 0]
    if not goods:
        return None
    # "... of steel to the United States in 2025, worth US$ 4.7 billion": where they went
    partner = _partner_after(text, tokens[end - 1].end)
    return " ".join([*owner, *goods, VERB_MEASURES[tokens[verb].low]]) + partner


_GOODS_END = frozenset({",", "to", "from", "in", "for", "during", "last", "this", "worth"})


def _proper(subject: str | None) -> bool:
    """A subject that can own the measure its verb moves: a name ("Samsung lifted sales"), not
    a cause ("the drought reduced rice output", "the regime had cut imports"); one whose
    measure it is ("the central bank lowered its policy rate") owns it whatever it is."""
    return subject is not None and any(w[:1].isupper() for w in subject.split())


def _balance_shows(subject: str | None, name: str) -> bool:
    """ "the goods trade balance swung to a deficit of": the balance's figure, not a deficit's."""
    return name.lower() in _SIGNS and subject is not None and bool(_BALANCES & set(subject.lower().split()))


def noun_is_deal(tokens: list[Token], k: int) -> bool:
    """Whether the noun an amount qualifies names a deal: "a $2 billion battery supply deal"."""
    noun = _noun_after(tokens, k)
    return noun is not None and any(t.low in DEAL_WORDS for t in tokens[noun[0] : noun[1]])


# ---------------------------------------------------------------- subjects


def _subject_name(tokens: list[Token], gap: Gap, naming: Naming, own: bool) -> str | None:
    """The name a subject gives, with pronouns and possessives resolved from the names before;
    unless ``own`` is False (a forecaster's: "Market watchers expect"), it becomes the entity
    and the subject the next figures may refer to."""
    assert gap.subject is not None
    i, j = gap.subject
    last = naming.names[-1] if naming.names else None
    if is_pronoun(tokens, i, j) or _change_subject(tokens, i, j):
        return naming.subject or last  # "it", "they"; ", a robust increase of 8.1 per cent"
    those = tokens[i].low in ("those", "that") and j - i > 2 and tokens[i + 1].low in ("of", "to", "from")
    link = f" {tokens[i + 1].low} " if those else ""
    if those and last and link in last:  # "those of cars" after "shipments of chips", "those to Asia"
        return f"{last.split(link)[0]}{link}{name_from(tokens, i + 2, j, naming.dates)}"
    name = _resolve_owner(name_from(tokens, i, j, naming.dates), naming)
    if possessive(tokens, i, j) and name and not _names_entity(tokens, i + 1, j):
        entity = naming.entity if naming.entity and naming.entity[:1].isupper() else None  # a name
        owner = _reporter(tokens, i) or (owner_of(last) if last else None) or entity
        name = f"{owner} {name}" if owner else name
    if not name or is_generic(name):
        return last
    if name.lower() in _DEFINITE_OWNERS and naming.entity and tokens[i].low == "the":
        name = naming.entity  # "The company reported revenue of": the company named before
    qualifier = _front_qualifier(tokens, i, naming) if is_measure(name) else None
    if not own:
        return f"{name} {qualifier}" if qualifier else name
    if not is_measure(name):
        naming.entity = name
    whole = next((t.text for t in tokens[i:j] if t.low in _WHOLE), None)
    if whole and whole.lower() not in name.lower().split():  # "Total exports" after "copper exports"
        owner, mark, rest = name.partition("'s ")  # are all exports, named so ("Peru's total exports")
        owned = mark and " of " not in owner
        name = f"{owner}{mark}{whole.lower()} {rest}" if owned else f"{whole} {name}"
    naming.subject = name if whole else sibling_name(name, last, naming.names)
    return f"{naming.subject} {qualifier}" if qualifier else naming.subject


_WHOLE = frozenset({"total", "overall", "combined"})


_QUALIFYING_OPENERS = frozenset({"in", "excluding", "excl", "ex", "including"})


def _front_qualifier(tokens: list[Token], i: int, naming: Naming) -> str | None:
    """What a sentence's opening phrase adds to its first subject: "In volume terms, retail
    sales rose" -> "in volume terms"; "In the United States, growth is projected" -> "in United
    States" (not a date, nor a phrase of discourse: "In detail,", "In addition,"); "Excluding
    energy products, exports were down" -> "excluding energy products"."""
    opener = tokens[0].low if tokens else ""
    if i < 3 or opener not in _QUALIFYING_OPENERS or tokens[i - 1].low != ",":
        return None
    words = [t for t in tokens[1 : i - 1] if t.low != "the"]
    if (
        not words
        or len(words) > 5
        or any(any(s.start <= t.start < s.end for s in naming.dates) for t in words)
    ):
        return None
    if any(t.quantity >= 0 or t.low in _DISCOURSE for t in words):
        return None
    if opener != "in" or words[-1].low == "terms" or all(t.text[:1].isupper() for t in words):
        return " ".join([opener, *(t.text for t in words)])
    return None


def _names_entity(tokens: list[Token], start: int, end: int) -> bool:
    """A phrase whose head (its last word before a preposition) is a name: "sister affiliate
    Kia", not "exports to ASEAN"."""
    head = start
    for i in range(start, end):
        if tokens[i].low in _PREPOSITIONS:
            break
        head = i
    return head < end and tokens[head].text[:1].isupper()


def _reporter(tokens: list[Token], i: int) -> str | None:
    """Who says the clause at ``i`` holds: "Samsung Electronics said its ... profit" -> the
    owner of "its"."""
    if i < 2 or VERBS.get(tokens[i - 1].low) != "report" and tokens[i - 1].low != "that":
        return None
    verb = i - 1 if tokens[i - 1].low != "that" else i - 2
    start = verb
    while start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].quantity < 0:
        start -= 1
    return " ".join(t.text for t in tokens[start:verb]) or None


def _resolve_owner(name: str, naming: Naming) -> str:
    """ "the bank's overseas net profit" -> the bank named before: "Shinhan Bank overseas net profit"."""
    head, sep, rest = name.replace("’", "'").partition("'s ")
    if sep and head.lower() in _DEFINITE_OWNERS and naming.entity:
        return f"{naming.entity} {rest}"
    return name


def _with_owner(owner: str | None, name: str) -> str:
    """A measure with whose it is, when the subject named an entity: "Nordvale Motors operating profit"."""
    if not owner or is_measure(owner) or owner.lower() in name.lower():
        return name
    return f"{owner} {name}"


def _measured(text: str, tokens: list[Token], starts: int, k: int, q: Quantity, subject: str) -> str:
    """A subject's name with the measure written around the number: "in overseas net profit",
    an earning verb ("earned ... overseas" -> overseas earnings), a count's noun, net buying."""
    verb = _governing(tokens, starts, k)
    net = _net(tokens, starts, k)
    if net:
        return f"{subject} {net}"
    if is_measure(subject) or q.noun and q.noun.lower() in subject.lower():
        return subject
    measure = in_measure(text, q.span.end) if q.kind == "money" else None
    if measure and _names_measure(measure):
        return f"{subject} {measure}"
    if q.noun:
        return (
            f"{subject} {_singular(q.noun)} {VERB_MEASURES[verb]}"
            if verb in VERB_MEASURES
            else f"{subject} {q.noun}"
        )
    if verb in VERB_MEASURES:
        adverb = _ADVERB_AFTER.match(text, q.span.end)
        goods = _GOODS_OF.match(text, q.span.end) if q.kind == "count" else None
        what = goods["goods"] + " " if goods and goods["goods"].lower() not in _GOODS else ""
        how = adverb.group(1).lower() + " " if adverb else ""
        partner = _partner_after(text, goods.end() if goods else None)
        return f"{subject} {what}{how}{VERB_MEASURES[verb]}{partner}"
    return subject


def _partner_after(text: str, goods_end: int | None) -> str:
    """ " to United States" for "... tonnes of steel to the United States" (the goods ending at
    ``goods_end``), else nothing."""
    where = _DESTINATION.match(text, goods_end) if goods_end is not None else None
    place = _place(where) if where and not where["goods"] else None
    return f" {where['prep']} {place}" if where and place else ""


def _names_measure(words: str) -> bool:
    lows = words.lower().split()
    return any(w in MEASURE_HEADS for w in lows) and not any(w in DEAL_WORDS for w in lows)


def _singular(noun: str) -> str:
    """ "vehicles" -> "vehicle", as a noun before another: "vehicle sales"."""
    words = noun.split()
    last = words[-1]
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _governing(tokens: list[Token], starts: int, k: int) -> str | None:
    """The last verb before number ``k`` in its clause."""
    for i in range(k - 1, starts - 1, -1):
        if VERBS.get(tokens[i].low) not in (None, "aux"):
            return tokens[i].low
    return None


def _net(tokens: list[Token], starts: int, k: int) -> str | None:
    """ "picked up a net 331.46 billion won": net buying (or selling)."""
    if k - 1 < starts or tokens[k - 1].low != "net":
        return None
    return next((NET_VERBS[t.low] for t in reversed(tokens[starts:k]) if t.low in NET_VERBS), None)


# ---------------------------------------------------------------- nouns and objects


def _owned(tokens: list[Token], k: int) -> bool:
    """An amount with its owner right before it: "more than half of its 25.62 trillion won in sales"."""
    return k > 0 and tokens[k - 1].low in ("its", "their")


def _noun_after(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The noun an amount qualifies after an article ("a $10.4 billion surplus"), or that a
    count in a subject's place counts ("1.6 million foreign tourists visited")."""
    i = k - 1
    while i >= 0 and tokens[i].low in ("record", "combined", "total", "whopping", "further", "net"):
        i -= 1
    if k + 3 < len(tokens) and tokens[k + 1].low in CHANGE_NOUNS and tokens[k + 2].low in ("in", "of"):
        return _phrase_after(tokens, k + 3)  # "the 0.4 per cent growth in employment"
    if i >= 0 and tokens[i].low in ("a", "an"):
        return measure_run(tokens, k + 1)
    return _counted_subject(tokens, k)


def _phrase_after(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """A short noun phrase from ``start`` to a stop: punctuation, a verb, a preposition."""
    end = start
    while (
        end < len(tokens) and end - start < 5 and tokens[end].text[:1].isalpha() and tokens[end].kind is None
    ):
        if tokens[end].low in _PREPOSITIONS or tokens[end].low in ("and", "while", "as", "than"):
            break
        end += 1
    return (start, end) if end > start else None


def _counted_subject(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """A count in a subject's place, counting the noun after it: "1.6 million foreign tourists visited"."""
    before = tokens[k - 1].low if k > 0 else ""
    if before in ("of", "for", "to", "in", "on", "with", "by", "from", "at", "among", "each", "than", "the"):
        return None
    end = k + 1
    while end < len(tokens) and end - k <= 3 and tokens[end].low not in COUNT_NOUNS:
        if not tokens[end].text[:1].isalpha() or tokens[end].low in VERBS:
            return None
        end += 1
    if end + 1 >= len(tokens) or tokens[end].low not in COUNT_NOUNS:
        return None
    after = tokens[end + 1]
    acts = after.kind in ("level", "up", "down") or after.low in _PAST_FORMS or after.low.endswith("ed")
    return (k + 1, end + 1) if acts and after.low != "worth" else None


def _verbless(tokens: list[Token], gap: Gap) -> bool:
    """A clause that names a measure without a verb: ", and net income of $620 million", ", on
    revenue of ¥3.2 trillion"."""
    first = tokens[gap.starts].low if gap.starts < len(tokens) else ""
    opens = gap.boundary in ("and", "with") or gap.boundary == "," and first in _VERBLESS_OPENERS
    return opens and gap.verb != "level"  # ", and Peru recorded a surplus of": a verb's object


def _object_measure(tokens: list[Token], gap: Gap, k: int) -> bool:
    """A measure named as a verb's object before the number: "has since lowered the key rate to"
    (not a change's own noun: "registering a negative growth of", "at an annual rate of")."""
    obj = _object(tokens, gap, k)
    if obj is None:
        return False
    words = " ".join(t.text for t in tokens[obj[0] : obj[1]])
    return is_measure(words) and not is_generic(words) and not _names_a_change(words)


_EVALUATIVE = frozenset(
    {"positive", "robust", "strong", "solid", "modest", "marginal", "slight", "sharp", "steep", "healthy",
     "moderate", "significant", "double-digit", "single-digit"}
)  # fmt: skip
_CHANGE_ADJECTIVES = _EVALUATIVE | {"a", "an", "the", "negative", "annual", "annualized"}


def _change_subject(tokens: list[Token], i: int, j: int) -> bool:
    """A subject that only names a change: "a positive growth", "a robust" before "increase"
    (read as its verb)."""
    end = j + 1 if j < len(tokens) and tokens[j].low in CHANGE_NOUNS else j
    words = " ".join(t.low for t in tokens[i:end])
    # a bare "growth" is a measure's name ("In the United States, growth is projected to")
    return bool(_EVALUATIVE.intersection(words.split())) and _names_a_change(words)


def _names_a_change(words: str) -> bool:
    """ "negative growth", "an annual rate", "a decline", "a robust increase": words of a change,
    not of a measure."""
    lows = [w for w in words.lower().split() if w not in _CHANGE_ADJECTIVES]
    return bool(lows) and all(w in CHANGE_NOUNS or w in ("rate", "pace") for w in lows)


def _object(tokens: list[Token], gap: Gap, k: int) -> tuple[int, int] | None:
    """What a verb moves or states, written between it and the word that brings the number:
    "lowered the key rate to 2.5 percent", "posted operating profit of 2.46 trillion won",
    "projected the number of visitors to surpass 18.7 million"; in a clause with no verb, what
    is "of" the number ("and net income of $620 million")."""
    starts = gap.starts
    connector = _connector(tokens, starts, k)
    if connector is None:
        return None
    nominal = nominal_change(tokens, starts, connector) if tokens[connector].low == "of" else None
    if nominal is not None:
        return nominal  # "a decrease in the goods deficit of $10.8 billion"
    if _verbless(tokens, gap) and tokens[connector].low == "of":
        if any(t.kind for t in tokens[starts:connector]):
            return None
        first = starts + (tokens[starts].low in _VERBLESS_OPENERS)
        return (first, connector) if first < connector else None
    for i in range(starts, connector):
        if (
            VERBS.get(tokens[i].low) in ("up", "down", "level", "forecast", "plan")
            and tokens[i].low not in _COPULAS
        ):
            first = i + 1
            while first < connector and (
                tokens[first].low in ("to", "a", "an", "the")
                or VERBS.get(tokens[first].low) in ("up", "down", "level")
            ):
                first += 1
            if first < connector and not any(t.quantity >= 0 for t in tokens[first:connector]):
                return first, connector
            return None
    return None


def _connector(tokens: list[Token], starts: int, k: int) -> int | None:
    """The word that brings number ``k`` ("to", "from", "of", "at", "by"), or the "to" of the
    verb that does ("to surpass 18.7 million")."""
    i = k - 1
    while i >= starts and tokens[i].low in _CONNECTOR_SKIP:
        i -= 1
    if i < starts:
        return None
    if tokens[i].low in _CONNECTORS:
        return i
    if i > starts and tokens[i - 1].low == "to" and VERBS.get(tokens[i].low) in ("level", "up", "down"):
        return i - 1
    return None


# ---------------------------------------------------------------- list items


def list_item(tokens: list[Token], lo: int, k: int) -> tuple[int, int] | None:
    """An item of a list with its number: "Displays (down 8.8 percent)", "Japan at 363,000",
    "Hana Bank with 440.9 billion won": the name's tokens."""
    i = k - 1
    if i >= lo and tokens[i].low in ("up", "down", "+", "-"):
        i -= 1
    if i >= lo and tokens[i].low == "(":
        return _item_before(tokens, lo, i)
    if i > lo and tokens[i].low in ("at", "with"):
        found = _item_before(tokens, lo, i)
        if found is None:
            return None
        first = found[0] + (tokens[found[0]].low == "the")
        before = tokens[found[0] - 1].low if found[0] > 0 else ""
        short = found[1] - first <= 5 and first < found[1] and tokens[first].text[:1].isupper()
        return (first, found[1]) if short and before in (",", "and", "by") else None
    return None


def _item_before(tokens: list[Token], lo: int, end: int) -> tuple[int, int] | None:
    """The words of a list item ending at ``end``, back to the list's separator (an "and"
    inside a name, "motor vehicle and parts dealers", stays)."""
    start = end
    while start > lo and tokens[start - 1].quantity < 0:
        word = tokens[start - 1].low
        if word in _LIST_JOIN and not (
            word == "and" and start - 2 >= lo and tokens[start - 2].text[:1].isalpha()
        ):
            break
        if tokens[start - 1].kind is not None and word not in ("up", "down", "including"):
            break
        start -= 1
    return (start, end) if start < end else None


def _item_name(tokens: list[Token], item: tuple[int, int], naming: Naming) -> str:
    """A list item's name, with the frame the list hangs from: "exports increased to China
    including Hong Kong (up 4.9 percent), Vietnam (up 3.8 percent)" -> "exports to China",
    "exports to Vietnam"."""
    i, j = item
    cut = next((n for n in range(i, j) if tokens[n].low in ("including", "excluding", "except")), j)
    name = name_from(tokens, i, cut, naming.dates)
    naming.frame = _frame(tokens, i) or naming.frame
    return f"{naming.frame} {name}" if naming.frame else name


def _frame(tokens: list[Token], i: int) -> str | None:
    """ "exports increased to" before a list's first item -> "exports to"; "export destinations
    with positive growth included" -> "exports to"."""
    grown = GROWTH_LIST.search(" ".join(t.text for t in tokens[max(0, i - 14) : i]))
    if grown:
        return "exports to" if grown["measure"].lower() == "export" else "imports from"
    if i < 2 or tokens[i - 1].low not in ("to", "from", "in", "for"):
        return None
    verb = i - 2
    if VERBS.get(tokens[verb].low) not in ("up", "down", "level"):
        return None
    start = verb
    while start > 0 and tokens[start - 1].text[:1].isalpha() and tokens[start - 1].low not in (
        "and", "while", "but", "that", "with", "by", "as"
    ):  # fmt: skip
        start -= 1
    head = " ".join(
        t.text for t in tokens[start:verb] if t.low not in ("the", "a", "an") and t.low not in VERBS
    )
    return f"{head} {tokens[i - 1].low}" if head and is_measure(head) else None


# ---------------------------------------------------------------- shares


_PART_WHICH = re.compile(r"\bof\s+which\s+$")
_CAME_FROM = re.compile(
    r"\s+(?:came|come|comes|went|go|goes|was|were)\s+(?:from|to)\s+(?:the\s+)?" + _PLACE_RUN
)


def is_share(text: str, tokens: list[Token], lo: int, k: int, q: Quantity) -> bool:
    """A percent of a whole: "accounted for 29.2 percent", "1.3 percent of all companies"."""
    if q.kind != "percent":
        return False
    verb = next((t.low for t in reversed(tokens[lo:k]) if t.low in VERBS or t.kind), "")
    if verb.startswith(("account", "represent", "made", "make", "compris")):
        return True
    part = _PART_WHICH.search(text, max(0, q.span.start - 12), q.span.start)
    if part and _CAME_FROM.match(text, q.span.end):
        return True  # "18,000 tonnes ..., of which 98% came from China"
    found = _SHARE_OF.match(text, q.span.end)
    return found is not None and not _NOT_A_WHOLE.match(found.group(1).strip())


def share_name(text: str, q: Quantity, name: str) -> str:
    """ "they represent 21 percent of Korea's exports to ASEAN" -> "... share of Korea's
    exports to ASEAN"; "of the total" -> "... share"."""
    place = _place(_CAME_FROM.match(text, q.span.end))
    if place:  # "of which 98% came from China"
        return f"{place} share of {name}"
    found = _SHARE_OF.match(text, q.span.end)
    whole = re.sub(r"^(?:all|the)\s+", "", found.group(1).strip()) if found else ""
    if not whole or _NOT_A_WHOLE.match(whole):
        return name if "share" in name.lower().split() else f"{name} share"
    return f"{name} share of {whole.replace('’', chr(39))}"
