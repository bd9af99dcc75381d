"""The words that say a trade- or industrial-policy action is reported, and of which type.

Each event type has a row of trigger phrases in ``TRIGGERS``: the nouns and verbs any
reader of trade news knows for it ("anti-dumping duties", "export controls", "free trade
agreement", "tariff-rate quota"). They are compiled into one pattern, one named group per
type, tried in the order of the table, so that the longer and more specific phrase wins
where two overlap: "anti-dumping duties" is a trade remedy, not a tariff, because the
trade-remedy row comes first and swallows the word "duties".

One row is no type: "invest" is a subsidy when a government invests and an investment when
a firm does, which only the words before it tell (``pressdesk.extract.events``).

Around a trigger, the sentence says whether the action is only intended (``FUTURE``: "will",
"plans to", unless ``ANNOUNCED``: "announced that it will"), a meeting to come
(``SCHEDULED``), or background (``SINCE``: "which took effect in"); for the types read
loosely in prose, whether anything is done at all (``TARIFF_ACT``, ``SUBSIDY_ACT``). To add a
type, add a row to ``TRIGGERS`` (and to ``EVENT_TYPES`` in ``pressdesk.facts``); to add a
phrase, add it to its row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "ANNOUNCED",
    "CONTEXT",
    "CURRENT_ACT",
    "DATA_CUE",
    "DIALOGUE_ACT",
    "HEADLINE_FUTURE",
    "HEADLINE_TO",
    "FUTURE",
    "INDICATOR",
    "NEGATED",
    "OWNED_RULE",
    "OWNED_RULE_WORD",
    "PROCUREMENT_ACT",
    "SCHEDULED",
    "SINCE",
    "STAT_VERB",
    "SUBSIDY_ACT",
    "TARIFF_ACT",
    "RATE",
    "WILL_CONTRACTED",
    "TRIGGERS",
    "TWO_SIDED",
    "find_triggers",
    "word_pattern",
]

# Trigger phrases by type, most specific rows first. Each phrase is a regular expression that
# begins with a letter (written without regard to case) or with "(?-i:" and a letter (matched
# as written: "FTA", "TBT", "MOU"); ``_trigger_pattern`` groups them by that letter.
_DUTIES = (
    r"(?:(?:\s+and\s+(?:countervailing|anti-?subsidy))?\s+(?:dut(?:y|ies)|measures?|tariffs?|investigations?"
    r"|probes?|cases?|petitions?|reviews?|proceedings?|actions?))?"
)
_QUALIFIED = r"(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+)?"
# An amount of money: "$2 billion", "A$300 million", "KRW 500 billion", "€40m".
_MONEY = r"(?:(?-i:[A-Z]{1,3})?[$€£¥₩]|(?-i:[A-Z]{3})\s?)[\d.,]+\s*(?:billion|million|trillion|bn|mn|m|b)?"
_AMOUNT_AFTER = _QUALIFIED + r"(?:(?-i:[A-Z]{1,3})\$|[$€£¥₩]|(?-i:[A-Z]{3})\s?)[\d.,]+"


# What tariffs are as a topic rather than an act: "tariff challenges", "tariff uncertainty".
_TOPIC = (
    r"(?:challenges?|burdens?|pressures?|uncertaint(?:y|ies)|risks?|impacts?|concerns?|threats?|wars?|tensions"
    r"|shocks?|woes|headwinds|fears|worries|exposure|costs?|issues?)"
)


def _each(words: str, rest: str) -> tuple[str, ...]:
    """One phrase per word of ``words`` (space-separated regexes), each followed by ``rest``."""
    return tuple(w + rest for w in words.split())


def _split(phrase: str) -> tuple[str, str, str]:
    """A phrase's first two letters and the rest, written as matched: without regard to case,
    or as written where the phrase says so ("(?-i:FTA)" checks its first letters too)."""
    exact = phrase.startswith("(?-i:")
    body = phrase[5:] if exact else phrase
    first, second, rest = body[0], body[1], body[2:]
    if not (first.isalpha() and second.isalpha()):
        raise ValueError(f"a trigger phrase must begin with two letters: {phrase!r}")
    if exact:
        return first, second, f"(?-i:(?<={re.escape(first + second)}){rest}"
    return first, second, rest


def _letter_class(letter: str) -> str:
    return f"[{re.escape(letter.lower())}{re.escape(letter.upper())}]"


# Letters by how often English words begin with them: the groups of the common ones are tried
# first at a word's start (groups of different letters never match at one place, so their order
# changes no result, only the time).
_INITIALS = "taoswcibphfmdrelnguvyjkqxz"


def _alternation(phrases: Sequence[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """Labelled phrases as one alternation, grouped by their first two letters behind character
    classes (as ``text.caseless_words`` does by one) behind one class of every first letter:
    the regex engine skips to those letters and tells at once which phrases can start there
    instead of trying every one. Where two phrases match at one place they share their first
    two letters, and the earlier wins. Each is a whole word or words ("grant" is not in
    "immigrant", nor "dispute" in "disputed"). The phrases of one label that follow each other
    in a group share a named group; ``labels`` gives each group's label. (Fewer groups and one
    case flag per group: the pattern compiles in a fraction of the time.)"""
    groups: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for phrase, label in phrases:
        first, second, rest = _split(phrase)
        groups.setdefault(first.lower(), {}).setdefault(second.lower(), []).append((rest, label))
    labels: dict[str, str] = {}

    def bucket(items: list[tuple[str, str]]) -> str:
        runs: list[tuple[str, list[str]]] = []
        for rest, label in items:
            if runs and runs[-1][0] == label:
                runs[-1][1].append(rest)
            else:
                runs.append((label, [rest]))
        parts = []
        for label, rests in runs:
            name = f"g{len(labels)}"
            labels[name] = label
            parts.append(f"(?P<{name}>{'|'.join(rests)})")
        return f"(?i:{'|'.join(parts)})"

    ordered = sorted(groups.items(), key=lambda item: _INITIALS.find(item[0]) % (len(_INITIALS) + 1))
    firsts = "".join(re.escape(c) for first, _ in ordered for c in (first.lower(), first.upper()))
    branches = "|".join(
        f"(?<={_letter_class(first)})(?:"
        + "|".join(f"{_letter_class(second)}{bucket(items)}" for second, items in seconds.items())
        + ")"
        for first, seconds in ordered
    )
    return f"[{firsts}](?<![\\w-].)(?:{branches})(?![\\w])", labels


def word_pattern(*phrases: str) -> re.Pattern[str]:
    """Phrases (each beginning with two letters, written without regard to case unless in
    "(?-i:...)") as one fast pattern of whole words (see ``_alternation``)."""
    return re.compile(_alternation([(p, "") for p in phrases])[0])


TRIGGERS: dict[str, tuple[str, ...]] = {
    "trade_remedy": (
        *_each("anti-?dumping countervailing anti-?subsidy anti-?circumvention", _DUTIES),
        r"safeguard\s+(?:dut(?:y|ies)|measures?|tariffs?|investigations?|quotas?|actions?|on)",
        r"safeguards(?<!\bto\ssafeguards)(?!\s+(?:the|our|its|their)\b)",
        r"dumping\s+margins?",
        r"dumped(?:(?<=unfairly\sdumped)|(?<=were\sdumped)|(?<=was\sdumped)|(?<=are\sdumped))",
        r"trade\s+remed(?:y|ies)",
        r"sunset\s+review",
        r"expiry\s+review",
        r"(?-i:CVDs?)",
    ),
    "export_control": (
        *_each("export", r"\s+(?:controls?|restrictions?|bans?|curbs|licen[cs](?:e|es|ing))"),
        r"import\s+bans?",
        r"bans?\s+on\s+(?:the\s+)?(?:exports?|imports?)",
        # "suspended rice imports", "a proposed import suspension", "banned imports of beef"
        *_each("import export", r"\s+(?:suspensions?|moratori(?:um|ums|a))"),
        # (a port's or a firm's exports halted or suspended are a strike's or a quake's doing)
        *_each("suspend suspended suspends suspending",
               r"\s+(?:(?:the|all|its|their)\s+)?(?:[a-z][\w-]*\s+)?imports\b"),
        *_each("banned banning", r"\s+(?:(?:the|all|its|their)\s+)?(?:[a-z][\w-]*\s+)?(?:imports|exports)\b"),
        r"entity\s+list",
        r"end[-\s]user\s+list",
        r"unreliable\s+entity\s+list",
        r"embargo(?:es)?",
        r"licensing\s+requirements?",
        r"sanction(?:s|ed|ing)?",
        r"blacklist(?:ed|s)?",
        r"catch-all\s+controls?",
        r"export\s+screening",
        r"lists?\s+of\s+end[-\s]users",
        r"strategic\s+(?:goods|items)",
        r"dual-use\s+(?:items|goods|exports)",
    ),
    "technical_regulation": (
        r"technical\s+regulations?",
        r"technical\s+barriers\s+to\s+trade",
        r"specific\s+trade\s+concerns?",
        r"conformity\s+assessments?",
        r"sanitary\s+and\s+phytosanitary",
        r"phytosanitary",
        r"quality\s+control\s+orders?",
        r"mandatory\s+(?:\w+\s+){0,2}(?:certification|standards?|labell?ing|registration)",
        r"certification\s+(?:requirements?|rules?|systems?|schemes?)",
        r"labell?ing\s+requirements?",
        r"carbon\s+border\s+adjustment",
        r"due\s+diligence\s+(?:rules?|law|directive)",
        r"deforestation\s+regulation",
        *_each("approval registration inspection testing", r"\s+(?:procedures|requirements|regimes?)"),
        r"import\s+requirements",
        *_each(
            r"safety labell?ing packaging product environmental emissions? chemical sales technical"
            r" cosmetics? food\s+safety import",
            r"\s+(?:regulations|standards|rules)",
        ),
        *_each("(?-i:TBT) (?-i:SPS) (?-i:CBAM) (?-i:CSDDD) (?-i:EUDR) (?-i:QCOs?)", ""),
    ),
    "agreement": (
        r"free\s+trade\s+(?:agreements?|deals?|pacts?|talks|negotiations)",
        r"comprehensive\s+economic\s+partnership\s+agreements?",
        r"economic\s+partnership\s+agreements?",
        r"trade\s+(?:agreements?|deals?|pacts?)",
        r"investment\s+(?:treaty|treaties|agreements?)",
        r"digital\s+(?:economy|trade)\s+agreements?",
        r"mutual\s+recognition\s+agreements?",
        r"partnership\s+agreements?",
        r"trade\s+and\s+investment\s+partnership",  # "U.S.-Kenya Strategic Trade and Investment Partnership"
        r"tariff\s+(?:negotiations?|talks|agreements?|deals?)",
        r"joint\s+fact\s+sheets?",
        *_each(r"trade bilateral (?-i:FTA) follow-up", r"\s+negotiations?"),
        r"negotiating\s+objectives",
        # "negotiations with China": an agreement only in a release about trade (see events)
        r"negotiations?\s+with(?=\s+(?:the\s+)?(?-i:[A-Z]))",
        *_each(
            "(?-i:FTAs?) (?-i:CEPAs?) (?-i:EPAs?) (?-i:RCEP) (?-i:CPTPP) (?-i:USMCA) (?-i:NAFTA) (?-i:CUSMA)"
            " (?-i:KORUS) (?-i:CETA) (?-i:CAFTA(?:-DR)?) (?-i:DEPA) (?-i:TIFA) (?-i:IPEF)",
            "",
        ),
        r"(?-i:Joint\s+Statement\s+on)",
    ),
    "tariff": (
        r"tariff-?\s?rate\s+quotas?",
        # not "non-tariff", nor the name "General Agreement on Tariffs and Trade", nor tariffs as a
        # topic: "tariff challenges", "tariff uncertainty"
        r"tariff(?<!non-tariff)(?<!non\stariff)(?<!agreement\son\stariff)s?(?!\s+(?:and|or)\s+non-?tariff)"
        r"(?!\s+" + _TOPIC + r"\b)",
        *_each("customs import export additional retaliatory", r"\s+dut(?:y|ies)"),
        r"trade\s+preferences?",
        r"import\s+quotas?",
        r"duty-free",
        r"levies",
        r"import\s+(?:measures|restrictions|curbs)",
        r"(?-i:TRQs?)",
        r"(?-i:GSP)",
        r"generali[sz]ed\s+(?:system|scheme)\s+of\s+preferences",
        r"(?-i:AGOA)",  # the United States' preferences for African goods
        r"(?-i:Section)\s+(?:301|232|201)",
    ),
    "dispute": (
        r"trade\s+disputes?",
        r"dispute\s+settlement",
        r"disputes?",
        r"panel\s+(?:report|ruling|request)s?",
        r"appellate\s+body",
        r"request(?:ed|s)?\s+(?:for\s+)?consultations",
        r"consultations?\s+request",
        r"arbitration",
        r"trade\s+barrier\s+investigation",
        r"lawsuits?",
        r"(?-i:DSB)",
        r"(?-i:WTO)\s+panel",
    ),
    "procurement": (
        *_each(r"government public defen[cs]e", r"\s+procurement"),
        r"procurement\s+(?:contracts?|deals?)",
        *_each(r"supply defen[cs]e executive purchase", r"\s+contracts?"),
        *_each("signed awarded secured clinched", r"\s+(?:a|an|the)?\s*(?:[\w$.,-]+\s+){0,4}?contracts?"),
        r"contracts?\s+(?:worth|to\s+(?:build|supply|deliver|buy)|for\s+the\s+(?:purchase|supply|delivery))",
        r"purchase\s+of",
        r"tenders?",
    ),
    "subsidy": (
        r"subsid(?:y|ies)",
        r"grants?",
        r"loan\s+guarantees?",
        *_each(
            "policy low-interest concessional soft preferential government state proposed direct emergency"
            " low-cost special",
            r"\s+loans?",
        ),
        r"loans?\s+(?:of|worth)\s+(?:up\s+to\s+)?[$€£¥₩\d][\d.,]*",
        r"credit\s+guarantees?",
        r"collateral-free\s+guarantees\s+of\s+up\s+to",
        r"guarantees\s+of\s+up\s+to",
        r"interest\s+(?:subvention|subsid(?:y|ies))",
        r"tax\s+(?:credits?|incentives?|breaks?|exemptions?|deductions?|relief)",
        r"incentives?(?:\s+program(?:me)?s?)?",
        *_each(
            "support subsidy incentive credit loan grant financing assistance",
            r"\s+(?:schemes?|program(?:me)?s?|packages?|initiatives?)",
        ),
        r"support\s+funds?",
        r"funding",
        *_each(
            r"provide provides providing provided allocate allocates allocated earmark earmarks earmarked",
            # "... up to C$1 billion over three years through the BDC to support", "GBP 2.1
            # billion of support to British exporters"
            r"\s+" + _QUALIFIED + _MONEY + r"(?:\s+(?:of|in)\s+(?:financial\s+)?(?:support|financing"
            r"|funding|assistance|aid|loans|guarantees|credit))?"
            r"(?:\s+over\s+(?:the\s+next\s+)?[\w-]+\s+years)?"
            r"(?:\s+(?:through|via)\s+[^.;]{3,80}?)?\s+(?:for|to)",
        ),
        *_each(
            r"establish(?:es|ed)? create(?:s|d)? set\s+up launch(?:es|ed)?",
            r"\s+an?\s+" + _MONEY + r"\s+(?:[\w-]+\s+){0,5}?(?:fund|facility|reserve|program(?:me)?|scheme)",
        ),
        r"fund(?<!mutual\sfund)(?<!hedge\sfund)(?<!pension\sfund)s?\s+to\s+(?:support|help|back|finance|boost|promote"
        r"|develop)",
        r"financial\s+support",
        r"policy\s+financ(?:e|ing)",
        *_each("state national government", r"\s+(?:aid|funds?|support)"),
        *_each(
            "investment innovation growth support development industrial venture technology strategic"
            " infrastructure",
            r"\s+(?:[\w-]+\s+)?funds?",
        ),
        *_each(
            r"provide provides providing offer offers extend extends make\s+available",
            r"\s+(?:up\s+to\s+)?(?:[\w$€£¥₩.,]+\s+){0,4}?(?:in\s+)?(?:loans?|financing|finance|grants?|guarantees?)",
        ),
    ),
    # "to invest": a subsidy when a government invests, an investment when a firm does.
    "invest": (
        *_each(r"will to plans?\s+to would is are", r"\s+invest(?:ing)?"),
        r"invest(?:s|ed|ing)?\s+" + _AMOUNT_AFTER,
    ),
    "investment": (
        r"foreign\s+direct\s+investments?",
        r"foreign\s+investments?",
        r"investment\s+(?:pledges?|promotion|projects?|plans?|deals?|roadshows?|commitments?|attraction|packages?)",
        r"pledg(?:e|ed|es|ing)\s+(?:to\s+invest|(?:[\w$€£¥₩.,]+\s+){0,5}in\s+(?:new\s+)?investments?)",
        r"new\s+investments?\s+(?:of|worth)\s+(?:about\s+|up\s+to\s+)?[$€£¥₩\d][\d.,]*",
        r"investments?(?<!capital\sinvestment)(?<!capital\sinvestments)\s+(?:of|worth)\s+(?:about\s+|up\s+to\s+)?"
        r"[$€£¥₩\d][\d.,]*",
        r"greenfield",
        r"foreign[-\s]invested",
        r"attract(?:ing)?\s+(?:foreign\s+)?investments?",
        r"investments?\s+from",
        *_each(r"secure[sd]? attract(?:ed|s)? won wins?", r"\s+(?:[\w$£€¥₩.,-]+\s+){0,4}?investments?"),
        r"(?-i:FDI)",
    ),
    "dialogue": (
        *_each(
            "ministerial bilateral trade high-level working-level joint vice-ministerial",
            r"\s+(?:meetings?|talks|consultations?|dialogues?|committees?|commissions?)",
        ),
        r"memorand(?:um|a|ums)\s+of\s+understanding",
        r"business\s+forums?",
        r"forums?",
        r"summits?",
        r"roundtables?",
        r"dialogues?",
        r"meetings?",
        r"talks(?<!\bhe\stalks)(?<!\bshe\stalks)(?<!\bit\stalks)(?<!\bwho\stalks)",
        r"working\s+groups?",
        r"joint\s+statements?",
        r"consultations?",
        r"met\s+with",
        r"meets?\s+with",
        r"meet-up",
        r"brought\s+together",
        *_each("video phone telephone", r"\s+(?:calls?|conferences?)"),
        *_each(
            r"sign(?:ed|s)? launch(?:ed|es)? agree(?:d|s)?\s+(?:on|to) establish(?:ed|es)? deepen(?:ed|s)?"
            r" upgrad(?:ed|es)? welcom(?:ed|es)? expand(?:ed|s)?",
            # not a trade agreement: "signed a free trade agreement" is the agreement's row
            r"\s+(?:(?!(?:free|trade|economic|investment|tariff)\b)[\w-]+\s+){0,5}?(?:partnership|agreement|cooperation)",
        ),
        r"met(?=\s+(?:(?:his|her|their)\s+\w+\s+counterparts?|(?-i:[A-Z])))",
        r"(?-i:MOUs?)",
        r"(?-i:MoUs?)",
    ),
}

# Types whose actions have two sides named together (both are implementers, partner empty).
TWO_SIDED = frozenset({"agreement", "dialogue", "dispute", "procurement", "investment"})

# A future, a plan, an intention or a condition with no act reported yet ("will hold", "plans
# to sign", "if they invest").
FUTURE = word_pattern(
    "will",
    "shall",
    "would",
    r"plans?\s+to",
    r"planning\s+to",
    r"intends?\s+to",
    r"aims?\s+to",
    r"seeks?\s+to",
    r"hopes?\s+to",
    "scheduled",
    "slated",
    r"expected\s+to",
    r"likely\s+to",
    r"is\s+to",
    r"are\s+to",
    r"set\s+to",
    r"to\s+be\s+(?:held|signed|launched)",
    r"next\s+(?:meeting|round|session)",
    "upcoming",
    "considering",
    "(?-i:may)",  # not the month: "On May 14, 2026"
    "might",
    "could",
    "if",
    "whether",
    "unless",
)
WILL_CONTRACTED = re.compile(r"['’]ll\b")

# A verb of announcing or deciding that makes a future measure an act of today ("announced
# that it will impose", "decided to extend").
ANNOUNCED = word_pattern(
    r"announc(?:ed|es)",
    "decided",
    "decides",
    "approved",
    "approves",
    "unveiled",
    "confirmed",
    "notified",
    "published",
    r"finali[sz]ed",
    "adopted",
    r"agreed\s+to",
    "determined",
    "issued",
    "released",
    r"set\s+out",
    r"sets\s+out",
    r"launch(?:ed|es)",
    r"introduc(?:ed|es)",
    "outlined",
    "presented",
    "signed",
)

# What a government does to a tariff: without one of these, "tariffs" in a sentence are context
# ("as tariffs continued to weigh on exports"), not an act.
TARIFF_ACT = word_pattern(
    r"impos\w*",
    r"rais\w*",
    r"hik\w*",
    r"lower\w*",
    "cut",
    "cuts",
    "cutting",
    r"reduc\w*",
    r"eliminat\w*",
    r"remov\w*",
    r"exempt\w*",
    r"extend\w*",
    r"adopt\w*",
    r"approv\w*",
    r"announc\w*",
    r"introduc\w*",
    "levy",
    "levied",
    "levies",
    "apply",
    "applied",
    "applies",
    "set",
    "sets",
    r"slap\w*",
    r"doubl\w*",
    r"halv\w*",
    r"increas\w*",
    r"suspend\w*",
    r"lift\w*",
    r"scrap\w*",
    r"waiv\w*",
    r"grant\w*",
    r"withdr[ae]w\w*",
    r"put\s+in\s+place",
    r"order\w*",
    r"propos\w*",
    r"decid\w*",
    r"retaliat\w*",
    r"conclu\w*",
    r"negotiat\w*",
    r"modif\w*",
    "exclusions?",
    "quotas?",
    r"initiat\w*",  # "initiated an investigation under Section 301"
    r"launch\w*",
)
RATE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per\s?cent\b|percent\b)")

# That a meeting took place or an accord was reached: without one of these, "talks" are a
# topic ("its position in talks with Washington").
DIALOGUE_ACT = word_pattern(
    "held",
    "hold",
    "holds",
    "holding",
    r"host\w*",
    r"conven\w*",
    "met",
    "meet",
    "meets",
    r"attend\w*",
    r"chair\w*",
    r"join\w*",
    r"took\s+part",
    r"participat\w*",
    r"open\w*",
    "began",
    r"begin\w*",
    r"start\w*",
    r"conclud\w*",
    r"wrapp?\w*\s+up",
    r"resum\w*",
    r"agree\w*",
    r"discuss\w*",
    r"sign\w*",
    r"launch\w*",
    r"visit\w*",
    "remarks",
    r"address\w*",
    "spoke",
    r"welcom\w*",
    r"exchang\w*",
    r"co-chair\w*",
    "led",
    r"review\w*",
    r"brought\s+together",
)

# Not done: "no plans for", "failed to provide", "did not".
NEGATED = re.compile(
    r"\b(?:no|not(?!\s+only)|never|without|failed\s+to|fails\s+to|refus\w*\s+to|rul\w*\s+out|n['’]t|demand\w*"
    r"|urg\w*|call\w*\s+for|seek\w*|sought|ask\w*\s+for)\b[^.;]{0,80}$",
    re.IGNORECASE,
)

# A measure named as the context of another act: "despite tariff reduction", "amid sanctions".
CONTEXT = re.compile(
    r"\b(?:despite|amid|amidst|because\s+of|due\s+to|in\s+the\s+face\s+of|in\s+response\s+to|to\s+avoid"
    r"|to\s+offset|to\s+counter|hit\s+by|hurt\s+by)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)

# A headline about what is to come: "Japan, U.S. Set To Begin Talks", "Taiwan Plans Tariff Cuts".
HEADLINE_FUTURE = re.compile(
    r"\b(?:will|set\s+to|plans?|planned|may|might|could|seeks?|eyes?|mulls?|considers?|weighs?|likely"
    r"|expected|proposes?|urges?|calls\s+for)\b",
    re.IGNORECASE,
)
# "To" before a verb in a headline ("Japan To Try To Open Market", "S. Korea, China to
# accelerate talks"), not before a noun ("adding entities to the list", "exports to China"):
# in a headline not in title case, a capital after it starts a name.
HEADLINE_TO = re.compile(
    r"\b[Tt]o\s+(?!(?:the|a|an|its|their|his|her|our|this|that|these|those)\b)(?P<word>[A-Za-z]+)"
)

# Verbs that state an indicator's level or change ("exports rose", "the rate came to").
STAT_VERB = word_pattern(
    "rose",
    "rise",
    "rises",
    "fell",
    "fall",
    "falls",
    "grew",
    "grow",
    "gained",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "jumped",
    "slid",
    "climbed",
    "surged",
    "plunged",
    "slumped",
    "totaled",
    "totalled",
    "reached",
    "stood",
    "came",
    "was",
    "were",
    "are",
    "estimated",
    "expanded",
    "contracted",
    "shrank",
    "narrowed",
    "widened",
    "posted",
    "recorded",
    "hit",
    "edged",
    "eased",
    "rebounded",
    "soared",
    "amounted",
    "up",
    "down",
)

# What a government does with money: without one of these or an amount, "subsidies" in a
# sentence are a topic ("unfair practices, including large subsidies"), not an act.
SUBSIDY_ACT = word_pattern(
    r"provid\w*",
    "grant(?:s|ed|ing)?",
    r"award\w*",
    r"offer\w*",
    r"allocat\w*",
    r"disburs\w*",
    r"expand\w*",
    r"boost\w*",
    r"increas\w*",
    r"introduc\w*",
    r"launch\w*",
    r"establish\w*",
    r"creat\w*",
    "fund(?:s|ed|ing)?",
    r"financ\w*",
    r"support\w*",
    r"receiv\w*",
    r"select\w*",
    r"earmark\w*",
    r"mobili[sz]\w*",
    r"commit\w*",
    r"set\s+aside",
    r"approv\w*",
    r"announc\w*",
    r"unveil\w*",
    r"invest\w*",
    r"extend\w*",
    r"doubl\w*",
    r"rais\w*",
    "apply",
    "applied",
    "eligible",
    "outlay",
    r"budget\w*",
)

# That something is bought: without one of these, "government procurement" is a topic (a
# chapter of an agreement), not a purchase.
PROCUREMENT_ACT = word_pattern(
    "contracts?",
    r"award\w*",
    r"purchas\w*",
    r"buy\w*",
    "bought",
    "orders?",
    "ordered",
    "tenders?",
    r"acqui\w*",
    "procured",
    r"deliver\w*",
    "suppl(?:y|ies|ied)",
    "sales?",
    r"sell\w*",
    "sold",
)

# A verb of the main clause reporting an act: an act reported before a background clause
# ("reviewed the implementation of the CEPA, which entered into force in 2020") is today's.
CURRENT_ACT = word_pattern(
    r"review\w*",
    r"discuss\w*",
    "held",
    "hold",
    "holds",
    r"sign\w*",
    r"launch\w*",
    r"welcom\w*",
    r"implement\w*",
    r"agree\w*",
    r"conclud\w*",
    r"adopt\w*",
    r"impos\w*",
    r"announc\w*",
    r"rais\w*",
    r"upgrad\w*",
    r"amend\w*",
    r"extend\w*",
    r"expand\w*",
    r"ratif\w*",
    r"approv\w*",
    "met",
    "meet",
    "meets",
)

# Background: what has been in force since long ago ("which took effect in December 2015").
SINCE = word_pattern(
    *_each("which that", r"\s+(?:took|came|entered|was\s+(?:signed|introduced|imposed))"),
    r"in\s+force\s+since",
    *_each("which that who", r"\s+(?:have|has|had)\s+(?:already\s+)?(?:concluded|signed|ratified)"),
    r"had\s+been",
    "previously",
    r"in\s+the\s+past",
    "originally",
    r"first\s+(?:signed|introduced|imposed)",
    r"earlier\s+(?:contracts?|agreements?|measures?)",
)

# Scheduled, not held: a meeting to come is optional even where its holding was agreed.
SCHEDULED = word_pattern(
    "scheduled",
    "slated",
    "tentatively",
    r"planned\s+for",
    r"to\s+be\s+held",
    r"will\s+(?:hold|host|convene|meet)",
    r"next\s+(?:meeting|round|session)",
    r"agreed\s+(?:\w+\s+){0,3}?to\s+(?:hold|convene|meet)",
)

# Official statistics: an indicator and a sign that the figure is released as data.
INDICATOR = word_pattern(
    r"exports?",
    r"imports?",
    r"trade\s+(?:balance|surplus|deficit|volume)",
    r"current\s+account",
    r"industrial\s+(?:output|production)",
    "output",
    "production",
    "shipments",
    r"consumer\s+prices",
    r"consumer\s+price\s+index",
    "(?-i:CPI)",
    "inflation",
    r"producer\s+prices",
    r"producer\s+price\s+index",
    "(?-i:PPI)",
    "(?-i:GDP)",
    r"gross\s+domestic\s+product",
    "unemployment",
    r"goods\s+and\s+services\s+(?:deficit|surplus)",
    "deficit",
    "surplus",
    "employment",
    r"retail\s+sales",
    r"foreign\s+direct\s+investment",
    "(?-i:FDI)",
    r"number\s+of\s+(?:foreign\s+)?(?:visitors|tourists)",
    r"arrivals\s+of\s+(?:foreign\s+)?(?:visitors|tourists)",
    r"foreign\s+(?:visitors|tourists)",
    *_each("lending deposit loan mortgage", r"\s+rates"),
    r"foreign\s+investment",
    r"total\s+trade\s+in\s+goods",
    r"trade\s+in\s+goods",
    *_each("foreign merchandise two-way total", r"\s+trade"),
    r"economy\s+(?:grew|expanded|contracted|shrank)",
)
DATA_CUE = re.compile(
    r"\b(?:announced|released|published|showed|show|shows|according\s+to|data|statistics|figures|customs"
    r"|tallied|tally|compiled|estimates?\s+showed|reported|(?:is|are|was|were)\s+estimated\s+at"
    # a government body says so: "..., the Ministry of Investment, Trade and Industry (MITI) said"
    r"|(?:ministry|department|office|bureau|agency|administration|authority|commission|government)"
    r"(?:\s+of\s+[\w,&\s]{3,60}?)?(?:\s*\([\w&-]{2,12}\))?\s+(?:said|says))\b",
    re.IGNORECASE,
)

# A rule a jurisdiction owns, after its name: "China's regulation on ...", "EU regulations".
OWNED_RULE = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:on|from|against|to|into|in|with|for|and|or|that|which|by|is|are|was|were"
    r"|has|have|had|will|said|says|of|the)\b)[\w-]+\s+){0,3}?(?P<noun>regulations?|rules|standards"
    r"|certification|requirements)\b",
    re.IGNORECASE,
)


# The nouns of OWNED_RULE: a text without them has no rule a country owns.
OWNED_RULE_WORD = re.compile(r"(?i:regulation|rules|standards|certification|requirements)")


def _trigger_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every trigger phrase in one pattern, in named groups whose types ``kinds`` gives."""
    pattern, kinds = _alternation([(phrase, kind) for kind, rows in TRIGGERS.items() for phrase in rows])
    return re.compile(pattern), kinds


_TRIGGER, _KINDS = _trigger_pattern()
# A technical regulation named by its capitals ("EU Battery Regulation", "F-gas Regulation"):
# found from its head word, then its name before it.
_RULE_HEAD = re.compile(r"(?:Regulation|Directive)(?![\w])")
_RULE_NAME = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\s$")


def _named_rules(text: str) -> list[tuple[str, int, int]]:
    found = []
    for m in _RULE_HEAD.finditer(text):
        if not text[m.start() - 1 : m.start()].isspace():
            continue
        name = _RULE_NAME.search(text, max(0, m.start() - 60), m.start())
        if name:
            found.append(("technical_regulation", name.start(), m.end()))
    return found


def find_triggers(text: str) -> list[tuple[str, int, int]]:
    """Every trigger phrase in ``text`` as (type, start, end), in text order; where two
    overlap, the one that starts first."""
    found = [(_KINDS[m.lastgroup or ""], m.start(), m.end()) for m in _TRIGGER.finditer(text)]
    for rule in _named_rules(text):
        if not any(s < rule[2] and rule[1] < e for _, s, e in found):
            found.append(rule)
    return sorted(found, key=lambda t: t[1])
