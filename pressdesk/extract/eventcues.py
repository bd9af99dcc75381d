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

__all__ = [
    "ANNOUNCED",
    "DATA_CUE",
    "FUTURE",
    "INDICATOR",
    "OWNED_RULE",
    "SCHEDULED",
    "SINCE",
    "SUBSIDY_ACT",
    "TARIFF_ACT",
    "TRIGGERS",
    "TWO_SIDED",
    "find_triggers",
]

# Trigger phrases by type, most specific rows first (regular expressions, matched without
# regard to case unless written in capitals: "FTA", "TBT", "MOU").
TRIGGERS: dict[str, tuple[str, ...]] = {
    "trade_remedy": (
        r"(?i:anti-?dumping|countervailing|anti-?subsidy|anti-?circumvention)"
        r"(?:(?:\s+and\s+(?i:countervailing|anti-?subsidy))?\s+(?i:dut(?:y|ies)|measures?|tariffs?"
        r"|investigations?|probes?|cases?|petitions?|reviews?|proceedings?|actions?))?",
        r"(?i:safeguard\s+(?:dut(?:y|ies)|measures?|tariffs?|investigations?|quotas?|actions?|on)\b"
        r"|(?<!to\s)safeguards\b(?!\s+(?:the|our|its|their)\b))",
        r"(?i:dumping\s+margins?|(?:(?<=unfairly\s)|(?<=were\s)|(?<=was\s)|(?<=are\s))dumped|trade\s+remed(?:y|ies)"
        r"|sunset\s+review|expiry\s+review)",
        r"\bCVDs?\b",
    ),
    "export_control": (
        r"(?i:export\s+controls?|export\s+restrictions?|export\s+bans?|import\s+bans?|export\s+curbs"
        r"|bans?\s+on\s+(?:the\s+)?(?:exports?|imports?)|entity\s+list|end[-\s]user\s+list"
        r"|unreliable\s+entity\s+list|embargo(?:es)?|export\s+licen[cs](?:e|es|ing)"
        r"|licensing\s+requirements?|sanctions?|blacklist(?:ed|s)?|catch-all\s+controls?)",
    ),
    "technical_regulation": (
        r"(?i:technical\s+regulations?|technical\s+barriers\s+to\s+trade|specific\s+trade\s+concerns?"
        r"|conformity\s+assessments?|(?:sanitary\s+and\s+)?phytosanitary|quality\s+control\s+orders?"
        r"|mandatory\s+(?:\w+\s+){0,2}(?:certification|standards?|labell?ing|registration)"
        r"|certification\s+(?:requirements?|rules?|systems?|schemes?)|labell?ing\s+requirements?"
        r"|carbon\s+border\s+adjustment|due\s+diligence\s+(?:rules?|law|directive)"
        r"|deforestation\s+regulation"
        r"|(?:safety|labell?ing|packaging|product|environmental|emissions?|chemical|sales|technical"
        r"|cosmetics?|food\s+safety|import)\s+(?:regulations|standards|rules))",
        r"\b(?:TBT|SPS|CBAM|CSDDD|EUDR|QCOs?)\b",
        r"\b[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\s(?:Regulation|Directive)\b",
    ),
    "agreement": (
        r"(?i:free\s+trade\s+(?:agreements?|deals?|pacts?|talks|negotiations)"
        r"|(?:comprehensive\s+)?economic\s+partnership\s+agreements?|trade\s+(?:agreements?|deals?|pacts?)"
        r"|investment\s+(?:treaty|treaties|agreements?)|digital\s+(?:economy|trade)\s+agreements?"
        r"|mutual\s+recognition\s+agreements?|partnership\s+agreements?"
        r"|tariff\s+(?:negotiations?|talks|agreements?|deals?)|joint\s+fact\s+sheets?"
        r"|(?:trade|bilateral|FTA|follow-up)\s+negotiations?|negotiations?\s+with|negotiating\s+objectives)",
        r"\b(?:FTAs?|CEPAs?|EPAs?|RCEP|CPTPP|USMCA|NAFTA|CUSMA|KORUS|CETA|CAFTA(?:-DR)?|DEPA|TIFA"
        r"|IPEF)\b|\bJoint\s+Statement\s+on\b",
    ),
    "tariff": (
        r"(?i:tariff-?\s?rate\s+quotas?|(?<!non-)(?<!non\s)tariffs?(?!\s+(?:and|or)\s+non-?tariff)"
        r"|(?:customs|import|export|additional|retaliatory)\s+dut(?:y|ies)|trade\s+preferences?"
        r"|import\s+quotas?|duty-free|levies|import\s+(?:measures|restrictions|curbs))",
        r"\b(?:TRQs?|GSP)\b|\bSection\s+(?:301|232|201)\b",
    ),
    "dispute": (
        r"(?i:(?:trade\s+)?disputes?|dispute\s+settlement|panel\s+(?:report|ruling|request)s?"
        r"|appellate\s+body|request(?:ed|s)?\s+(?:for\s+)?consultations|consultations?\s+request"
        r"|arbitration|trade\s+barrier\s+investigation|lawsuits?)",
        r"\bDSB\b|\bWTO\s+panel",
    ),
    "procurement": (
        r"(?i:(?:government|public|defen[cs]e)\s+procurement|procurement\s+(?:contracts?|deals?)"
        r"|(?:supply|defen[cs]e|executive|purchase|procurement)\s+contracts?"
        r"|(?:signed|awarded|secured|clinched)\s+(?:a|an|the)?\s*(?:[\w$.,-]+\s+){0,4}?contracts?"
        r"|contracts?\s+(?:worth|to\s+(?:build|supply|deliver|buy)|for\s+the\s+(?:purchase|supply|delivery))"
        r"|purchase\s+of|tenders?)",
    ),
    "subsidy": (
        r"(?i:subsid(?:y|ies)|grants?|loan\s+guarantees?|(?:policy|low-interest|concessional|soft|preferential"
        r"|government|state|proposed|direct)\s+loans?|loans?\s+(?:of|worth)\s+(?:up\s+to\s+)?[$€£¥₩\d]"
        r"|credit\s+guarantees?|(?:collateral-free\s+)?guarantees\s+of\s+up\s+to|interest\s+(?:subvention|subsid(?:y|ies))"
        r"|tax\s+(?:credits?|incentives?|breaks?|exemptions?|deductions?|relief)"
        r"|incentives?(?:\s+program(?:me)?s?)?|(?:support|subsidy|incentive|credit|loan|grant|financing|assistance)"
        r"\s+(?:schemes?|program(?:me)?s?|packages?|initiatives?)|support\s+funds?|funding"
        r"|financial\s+support|policy\s+financ(?:e|ing)|(?:state|national|government)\s+(?:aid|funds?|support)\b"
        r"|(?:investment|innovation|growth|support|development|industrial|venture|technology|strategic"
        r"|infrastructure)\s+(?:[\w-]+\s+)?funds?\b"
        r"|(?:provide|provides|providing|offer|offers|extend|extends|make\s+available)\s+(?:up\s+to\s+)?"
        r"(?:[\w$€£¥₩.,]+\s+){0,4}?(?:in\s+)?(?:loans?|financing|grants?|guarantees?))",
    ),
    # "to invest": a subsidy when a government invests, an investment when a firm does.
    "invest": (
        r"(?i:(?:will|to|plans?\s+to|would|is|are)\s+invest(?:ing)?\b"
        r"|invest(?:s|ed|ing)?\s+(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+)?(?:[A-Z]{1,3}\$|[$€£¥₩]|[A-Z]{3}\s?)[\d.,]+)",
    ),
    "investment": (
        r"(?i:foreign\s+(?:direct\s+)?investments?|investment\s+(?:pledges?|promotion|projects?|plans?"
        r"|deals?|roadshows?|commitments?|attraction)|pledg(?:e|ed|es|ing)\s+(?:to\s+invest|(?:\w+\s+){0,4}"
        r"in\s+(?:new\s+)?investments?)|(?:new\s+)?investments?\s+(?:of|worth)\s+(?:about\s+|up\s+to\s+)?[$€£¥₩\d]"
        r"|greenfield|foreign[-\s]invested|attract(?:ing)?\s+(?:foreign\s+)?investments?|investments?\s+from\b"
        r"|(?:secure[sd]?|attract(?:ed|s)?|won|wins?)\s+(?:[\w$£€¥₩.,-]+\s+){0,4}?investments?)",
        r"\bFDI\b",
    ),
    "dialogue": (
        r"(?i:(?:ministerial|bilateral|trade|high-level|working-level|joint|vice-ministerial)\s+"
        r"(?:meetings?|talks|consultations?|dialogues?|committees?|commissions?)"
        r"|memorand(?:um|a|ums)\s+of\s+understanding|(?:business\s+)?forums?|summits?|roundtables?"
        r"|dialogues?|meetings?|talks|working\s+groups?|joint\s+statements?|consultations?"
        r"|met\s+with|meets?\s+with|meet-up|brought\s+together"
        r"|(?:sign(?:ed|s)?|launch(?:ed|es)?|agree(?:d|s)?\s+(?:on|to)|establish(?:ed|es)?|deepen(?:ed|s)?"
        r"|upgrad(?:ed|es)?|welcom(?:ed|es)?|expand(?:ed|s)?)\s+(?:[\w-]+\s+){0,5}?(?:partnership|agreement|cooperation))"
        r"|\bmet\s+(?=(?:his|her|their)\s+\w+\s+counterparts?|[A-Z])",
        r"\bMOUs?\b|\bMoUs?\b",
    ),
}

# Types whose actions have two sides named together (both are implementers, partner empty).
TWO_SIDED = frozenset({"agreement", "dialogue", "dispute", "procurement", "investment"})

# A future, a plan or an intention with no act reported yet ("will hold", "plans to sign").
FUTURE = re.compile(
    r"\b(?:will|shall|would|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|seeks?\s+to|hopes?\s+to"
    r"|scheduled|slated|expected\s+to|is\s+to|are\s+to|set\s+to|to\s+be\s+(?:held|signed|launched)"
    r"|next\s+(?:meeting|round|session)|upcoming|considering|may|might|could)\b|['’]ll\b",
    re.IGNORECASE,
)

# A verb of announcing or deciding that makes a future measure an act of today ("announced
# that it will impose", "decided to extend").
ANNOUNCED = re.compile(
    r"\b(?:announc(?:ed|es)|decided|decides|approved|unveiled|confirmed|notified|published|finali[sz]ed"
    r"|adopted|agreed\s+to|determined|issued|released|set\s+out|sets\s+out|launch(?:ed|es)|introduc(?:ed|es)"
    r"|outlined|presented|signed|approves)\b",
    re.IGNORECASE,
)

# What a government does to a tariff: without one of these, "tariffs" in a sentence are context
# ("as tariffs continued to weigh on exports"), not an act.
TARIFF_ACT = re.compile(
    r"\b(?:impos\w*|rais\w*|hik\w*|lower\w*|cut|cuts|cutting|reduc\w*|eliminat\w*|remov\w*|exempt\w*"
    r"|extend\w*|adopt\w*|approv\w*|announc\w*|introduc\w*|levy|levied|levies|apply|applied|applies"
    r"|set|sets|slap\w*|doubl\w*|increas\w*|suspend\w*|lift\w*|scrap\w*|waiv\w*|grant\w*|withdr[ae]w\w*"
    r"|put\s+in\s+place|order\w*|propos\w*|decid\w*|retaliat\w*|conclu\w*|negotiat\w*|modif\w*"
    r"|exclusions?|quotas?)\b|\d+(?:\.\d+)?\s*(?:%|per\s?cent\b|percent\b)",
    re.IGNORECASE,
)

# What a government does with money: without one of these or an amount, "subsidies" in a
# sentence are a topic ("unfair practices, including large subsidies"), not an act.
SUBSIDY_ACT = re.compile(
    r"\b(?:provid\w*|grant(?:s|ed|ing)?|award\w*|offer\w*|allocat\w*|disburs\w*|expand\w*|boost\w*"
    r"|increas\w*|introduc\w*|launch\w*|establish\w*|creat\w*|fund(?:s|ed|ing)?|financ\w*|support\w*"
    r"|receiv\w*|select\w*|earmark\w*|mobili[sz]\w*|commit\w*|set\s+aside|approv\w*|announc\w*"
    r"|unveil\w*|invest\w*|extend\w*|doubl\w*|rais\w*|apply|applied|eligible|outlay|budget\w*)\b",
    re.IGNORECASE,
)

# Background: what has been in force since long ago ("which took effect in December 2015").
SINCE = re.compile(
    r"\b(?:(?:which|that)\s+(?:took|came|entered|was\s+(?:signed|introduced|imposed))|in\s+force\s+since"
    r"|(?:which|that|who)\s+(?:have|has|had)\s+(?:already\s+)?(?:concluded|signed|ratified)"
    r"|had\s+been|previously|in\s+the\s+past|originally|first\s+(?:signed|introduced|imposed)"
    r"|earlier\s+(?:contracts?|agreements?|measures?))\b",
    re.IGNORECASE,
)

# Scheduled, not held: a meeting to come is optional even where its holding was agreed.
SCHEDULED = re.compile(
    r"\b(?:scheduled|slated|tentatively|planned\s+for|to\s+be\s+held|will\s+(?:hold|host|convene|meet)"
    r"|next\s+(?:meeting|round|session)|agreed\s+to\s+(?:hold|convene|meet))\b",
    re.IGNORECASE,
)

# Official statistics: an indicator and a sign that the figure is released as data.
INDICATOR = re.compile(
    r"\b(?:exports?|imports?|trade\s+(?:balance|surplus|deficit|volume)|current\s+account"
    r"|industrial\s+(?:output|production)|output|production|shipments|consumer\s+prices|inflation"
    r"|producer\s+prices|GDP|gross\s+domestic\s+product|unemployment|employment|retail\s+sales"
    r"|foreign\s+direct\s+investment|FDI|(?:number|arrivals)\s+of\s+(?:foreign\s+)?(?:visitors|tourists)"
    r"|foreign\s+(?:visitors|tourists)|(?:lending|deposit|loan|mortgage)\s+rates|foreign\s+investment"
    r"|(?:total\s+)?trade\s+in\s+goods|(?:foreign|merchandise|two-way|total)\s+trade"
    r"|economy\s+(?:grew|expanded|contracted|shrank))\b",
    re.IGNORECASE,
)
DATA_CUE = re.compile(
    r"\b(?:announced|released|published|showed|show|shows|according\s+to|data|statistics|figures"
    r"|tallied|tally|compiled|estimates?\s+showed|reported)\b",
    re.IGNORECASE,
)

# A rule a jurisdiction owns, after its name: "China's regulation on ...", "EU regulations".
OWNED_RULE = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:on|from|against|to|into|in|with|for|and|or|that|which|by|is|are|was|were"
    r"|has|have|had|will|said|says|of|the)\b)[\w-]+\s+){0,3}?(?P<noun>regulations?|rules|standards"
    r"|certification|requirements)\b",
    re.IGNORECASE,
)

_TRIGGER = re.compile("|".join(f"(?P<{name}>{'|'.join(rows)})" for name, rows in TRIGGERS.items()))


def find_triggers(text: str) -> list[tuple[str, int, int]]:
    """Every trigger phrase in ``text`` as (type, start, end), in text order."""
    return [(m.lastgroup or "", m.start(), m.end()) for m in _TRIGGER.finditer(text)]
