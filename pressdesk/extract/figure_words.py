"""Word lists the figure extractor reads sentences with: general knowledge of how statistics
are written in English, nothing taken from any one release.

Verbs come in kinds (``VERBS``): a change verb moves a figure ("rose" up, "fell" down), a
level verb states one ("totaled", "came to"), an auxiliary begins a verb chain ("was
estimated to have grown"), a modal or plan verb makes what follows a forecast or a target,
a reporting verb introduces the clause that holds the figure ("said that"), and any other
verb ("signed", "approved") means the number after it is not a statistic the sentence
reports. Present-tense forms that read as plural nouns ("exports", "falls", "gains") are left
out: in body text they are nearly always nouns.

How to add a word: put it in the string of its kind; a word may have one kind only.
"""

from __future__ import annotations

import re

__all__ = [
    "BASE_WORDS",
    "COUNT_HEADS",
    "NOT_IN_NAMES",
    "CHANGE_AFTER",
    "CHANGE_NOUNS",
    "GROWTH_LIST",
    "COUNT_NOUNS",
    "DEAL_WORDS",
    "DROP_WORDS",
    "GENERIC_HEADS",
    "MEASURE_HEADS",
    "MEASURE_UNITS",
    "NET_VERBS",
    "QUALIFIERS",
    "RATE_WORDS",
    "RULE_WORDS",
    "SIBLING_HEADS",
    "STOP_LEFT",
    "VERBS",
    "VERB_MEASURES",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of a "|"-separated list."""
    return frozenset(w.strip() for w in text.split("|") if w.strip())


_KINDS: dict[str, str] = {
    "up": "rose|rise|rising|risen|grew|grow|growing|grown|increased|increase|increasing|jumped"
    "|jumping|surged|surging|gained|gaining|climbed|climbing|soared|soaring|advanced|advancing"
    "|added|spiked|spiking|skyrocketed|rallied|rebounded|recovered|recovering|expanded"
    "|expanding|widened|widening|improved|improving|strengthened|appreciated|accelerated"
    "|doubled|tripled|quadrupled|boosted|boosting|boost|raised|raising|raise|lifted|lifting|lift"
    "|increases|widen|expand|improve|accelerate|up|higher",
    "down": "fell|fall|falling|fallen|declined|decline|declining|dropped|dropping|decreased"
    "|decrease|decreasing|contracted|contracting|slipped|slipping|plunged|plunging|slid|sliding"
    "|lost|losing|shed|shedding|shrank|shrinking|shrunk|sank|sinking|tumbled|tumbling|dipped"
    "|dipping|eased|easing|narrowed|narrowing|plummeted|slumped|slumping|retreated|weakened|cut"
    "|weakening|deteriorated|slowed|slowing|depreciated|halved|lowered|lowering|cutting"
    "|reduced|reducing|reduce|lower|narrow|shrink|down",
    "level": "was|were|is|are|be|been|being|stood|stands|stand|came|comes|come|coming|totaled"
    "|totalled|totaling|totalling|reached|reaches|reaching|reach|hit|hitting|amounted"
    "|amounting|recorded|recording|registered|registering|posted|posting"
    "|logged|logging|numbered|numbering|accounted|accounting|represented|representing"
    "|represent|earned|earning|generated|generating|remained|remains|remaining|remain|hovered"
    "|hovering|stayed|stays|staying|peaked|bottomed|closed|close|closing|finished|finish"
    "|finishing|ended|ending|settled|settle|settling|quoted|fetched|fetching|traded"
    "|welcomed|welcoming|attracted|attracting|sold|bought|purchased|exported"
    "|imported|produced|producing|shipped|spent|invested|estimated|swung|returned|turned|marked"
    "|marking|showed|showing|reported|measured|averaged|averaging|visited|arrived|entered"
    "|worth|bringing|brought|taking|took|pushing|pushed|putting|put|sending|sent|driving"
    "|drove|leaving|left|making|made|surpassed|surpass|exceeded|exceed|topped|touched"
    "|stay|hover|achieved|achieve|delivered|handled|carried|picked|went|goes|go|scooped|snapped"
    "|edged|inched|ticked|moved|represents|totals|remains|edging|inching|ticking"
    "|resulting|yielding|giving|registering|recording"
    "|offloaded|dumped|booked|books|reaped|raked",
    "aux": "has|have|had|having|does|did|do|got|gets",
    "modal": "will|would|could|may|might|can|should|shall|must",
    "plan": "aims|aim|aimed|aiming|plans|plan|planned|planning|intends|intend|intended|seeks"
    "|seek|sought|targets|targeted|targeting|pledged|pledges|vowed|vows|wants|hopes|hoped"
    "|strives|goal",
    "forecast": "expects|expect|expected|expecting|projected|projects|projecting|forecast"
    "|forecasts|forecasted|predicted|predicts|anticipated|anticipates|likely|sees|seen",
    "report": "said|says|announced|announces|noted|notes|stated|states|told|reported|showed"
    "|shows|show|revealed|reveals|indicated|indicates|confirmed|according|estimates",
    "other": "signed|signs|sign|unveiled|unveils|launched|launches|approved|approves|awarded"
    "|received|receives|provided|provides|provide|offered|agreed|agrees"
    "|decided|decides|selected|selects|designated|canceled|cancelled|cancels|terminated"
    "|acquired|acquires|paid|allocated|allocates|earmarked|granted|committed"
    "|commits|introduced|imposed|imposes|levied|charged|fined|ordered|held|holds|hosted"
    "|convened|attended|invited|requested|requires|required|require|requiring|asked|proposed"
    "|proposes|submitted|filed|secured|secures|set|sets|established|establish|created"
    "|creates|create|hired|hire|employs|employed|supported|supports|supporting|affected"
    "|exposed|saved|deleted|accessed|valued|priced|include|includes|included|including"
    "|consists|consisted|began|begin|begins|spend|invest"
    "|funded|financed|donated|contributed|contributes"
    "|covered|affect|affects|claimed|refused|demanded|plans|join|joined|comprise"
    "|comprising|comprises|built|deliver|apply|applies|applied|providing|offering|granting"
    "|allocating|earmarking|awarding|signing|launching|funding|pledging|committing|unveiling"
    "|denied|denies|deny|rejected|dismissed",
}

# A list of partners by the sign of their growth: "Major export destinations with positive
# growth included the United States (12.4 per cent), UAE (8.9 per cent)": exports to each, up.
GROWTH_LIST = re.compile(
    r"\b(?P<measure>export|import)s?\s+(?:destinations|markets|sources|partners)\s+(?:with|showing"
    r"|recording|registering)\s+(?P<sign>positive|negative)\s+growth\b[^.;:]{0,40}?\b(?:included|include"
    r"|includes|were|are|such\s+as|like)\b",
    re.IGNORECASE,
)

# word -> kind; a word listed under two kinds keeps the first.
VERBS: dict[str, str] = {}
for _kind, _forms in _KINDS.items():
    for _word in words(_forms):
        VERBS.setdefault(_word, _kind)

# Nouns of change: "a 15.4 percent increase", "a fall of 0.1%", "a decrease in the deficit of".
CHANGE_NOUNS: dict[str, str] = {
    **dict.fromkeys(words("increase|increases|rise|rises|gain|gains|growth|jump|surge|hike"
                          "|expansion|rebound|uptick|upturn|climb|advance|appreciation"
                          "|improvement"), "up"),
    **dict.fromkeys(words("decrease|decreases|decline|declines|drop|drops|fall|falls|cut|cuts"
                          "|reduction|contraction|slide|dip|plunge|slump|tumble|downturn"
                          "|depreciation|shrinkage"), "down"),
}  # fmt: skip

# Words right after a number that make it a change: "9.6 percent higher than", "$4.1 billion more".
CHANGE_AFTER: dict[str, str] = {
    **CHANGE_NOUNS,
    **dict.fromkeys(words("higher|more|above|up|stronger|larger|greater|bigger"), "up"),
    **dict.fromkeys(words("lower|less|fewer|below|down|weaker|smaller"), "down"),
}  # fmt: skip

# Words that make the number after them the level a change is measured from.
BASE_WORDS = words("from|than|versus|vs|vs.|against|over")

# Words that may stand between a verb and its number: "rose to about", "hit a record".
QUALIFIERS = words(
    "about|around|approximately|approx|nearly|almost|roughly|some|over|more|less|than|fewer"
    "|just|at|least|most|up|close|an|estimated|a|record|net|combined|total|of|the|only"
    "|further|sharply|slightly|markedly|steeply|modestly|marginally|strongly|substantially"
    "|significantly|by|another|additional|preliminary|provisional|all-time|high|low|new|fresh"
    "|annual|annualized|annualised|monthly|quarterly|overall|still|also|back|revised|nearly|current"
    "|estimate|roughly|respectively|even|year-on-year|on-year|on-month|month-on-month"
    "|seasonally|adjusted|seasonally-adjusted|unadjusted|real|nominal"
)

# Nouns an indicator's name ends in (its head): what is measured.
MEASURE_HEADS = words(
    "exports|export|imports|import|shipments|shipment|sales|revenue|revenues|turnover|profit"
    "|profits|earnings|income|loss|losses|output|production|prices|price|inflation|cpi|ppi"
    "|rate|rates|yield|yields|index|balance|surplus|deficit|investment|investments|fdi|gdp|trade"
    "|spending|expenditure|expenditures|consumption|orders|demand|supply|visitors|tourists"
    "|arrivals|passengers|users|customers|subscribers|employment|unemployment|jobs|payrolls"
    "|wages|wage|share|ratio|volume|value|capacity|utilization|utilisation|reserves|debt"
    "|lending|loans|deposits|borrowing|growth|currency|margin|productivity|starts|permits"
    "|approvals|registrations|deliveries|inventories|inventory|capex|remittances|receipts"
    "|assets|outflows|inflows|flows|buying|selling|workforce|hours|confidence|sentiment|pmi"
    "|activity|dividend|dividends|spread|capitalization|capitalisation|contribution|return"
    "|returns|population|births|deaths|projects|households|homes|stocks|bonds|units"
    "|vehicles|salaries|pay|costs|cost|rents|rent|premiums|claims|bankruptcies|insolvencies"
    "|forecast|forecasts|outlook|projection|projections|estimate|estimates|prices|price|index"
    "|backlog|backlogs|intake|bookings"
)

# Words that name a measure wherever they stand in a name: "GDP growth rate in Q2".
STRONG_MEASURES = words(
    "gdp|gnp|cpi|ppi|pmi|fdi|inflation|unemployment|employment|payrolls|kospi|nikkei|topix|exports"
    "|imports|production|output|sales|revenue|revenues|profit|profits|turnover|earnings|deficit|surplus"
)

# Heads too general to name a series alone: "the rate was 2.0%" continues the last figure.
GENERIC_HEADS = words("rate|figure|figures|total|level|number|amount|tally|record|pace|reading")

# Words that say a percent level is already a rate or a share ("the jobless rate").
RATE_WORDS = words(
    "rate|rates|yield|yields|ratio|share|shares|inflation|unemployment|growth|margin|margins"
    "|utilization|utilisation|index|percent|percentage|proportion|return|returns|spread"
    "|coupon|cpi|ppi|pmi|gdp|premium|contribution|level|levels|occupancy|penetration"
    "|participation|uptake|coverage|savings|output|production|sales|exports|imports"
)

# Heads that share qualifiers: after "ICT exports", a bare "Imports" is ICT imports.
SIBLING_HEADS: tuple[frozenset[str], ...] = (
    words("exports|imports|balance|surplus|deficit|shipments"),
    words("profit|profits|earnings|income|loss|losses"),
    words("output|production"),
    words("sales|revenue|revenues|turnover"),
)

# A verb whose object is the measure it names: "earned 1.39 trillion won overseas" -> earnings.
VERB_MEASURES: dict[str, str] = {
    "earned": "earnings", "earning": "earnings", "sold": "sales", "exported": "exports",
    "imported": "imports", "produced": "production", "shipped": "shipments",
    "spent": "spending", "invested": "investment", "generated": "revenue",
}  # fmt: skip

# Verbs of market trading whose "a net N" names net buying or selling.
NET_VERBS: dict[str, str] = {
    **dict.fromkeys(words("bought|buying|purchased|picked|scooped|snapped|acquired"), "net buying"),
    **dict.fromkeys(words("sold|selling|offloaded|dumped|unloaded"), "net selling"),
}  # fmt: skip

# Nouns of one deal, contract, fund, programme or plan: their amounts are not figures.
DEAL_WORDS = words(
    "deal|deals|contract|contracts|order|fund|funding|budget|budgets|programme"
    "|programmes|program|programs|package|packages|plan|plans|proposal|proposals|request"
    "|requests|subsidy|subsidies|incentive|incentives|grant|grants|aid|support|compensation"
    "|coupon|coupons|discount|discounts|valuation|offering|offerings|award|awards|prize"
    "|fine|fines|penalty|penalties|settlement|settlements|acquisition|acquisitions|merger"
    "|mergers|takeover|bid|bids|tender|tenders|bailout|stimulus|pledge|pledges|commitment"
    "|commitments|facility|facilities|plant|plants|factory|factories|project|agreement"
    "|agreements|financing|allocation|allocations|outlay|scheme|schemes|initiative"
    "|initiatives|donation|donations|issuance|injection|target|targets|goal|goals|cap"
    "|ceiling|limit|quota|quotas|threshold|mark|milestone|salary|bonus|reward|bounty"
    "|refund|refunds|fee|fees|bond|bonds|eurobond|eurobonds|debenture|debentures|notes|issue"
    "|issues|issuing|placement|tranche|tranches|stake|stakes|shortage|assistance|option|options"
)

# Words that make a number a rule's or a measure's parameter, not a measured value.
RULE_WORDS = words(
    "required|requires|require|requirement|requirements|must|threshold|thresholds|ceiling"
    "|limit|limits|quota|quotas|tariff|tariffs|duty|duties|levy|levies|tax|taxes|dumping"
    "|countervailing|safeguard|ranging|preferentially|mandatory|minimum|maximum|allowance"
)

# Nouns counted in statistics: "1.6 million foreign tourists", "834,000 vehicles".
COUNT_NOUNS = words(
    "visitors|visitor|tourists|tourist|arrivals|passengers|travellers|travelers|guests|users"
    "|customers|subscribers|people|persons|residents|workers|employees|jobs|positions"
    "|households|homes|houses|dwellings|units|vehicles|cars|trucks|buses|motorcycles|ships"
    "|vessels|aircraft|planes|containers|shares|transactions|applications|patents|births"
    "|deaths|cases|students|companies|firms|businesses|enterprises|startups|projects|stores"
    "|outlets|copies|devices|smartphones|handsets|phones|visits|trips|flights|nights|bookings"
    "|jobseekers|unemployed|listings|members|tourists"
)

# Heads of a name that make a number without a unit a count: "active users reached 24.7 million".
COUNT_HEADS = COUNT_NOUNS | words(
    "payrolls|employment|unemployment|jobs|population|workforce|number|sales|shipments|deliveries"
    "|registrations|starts|permits|claims|arrivals|visitors|volume|orders|listings|subscriptions"
    "|licenses|licences|applications|patents|bankruptcies|insolvencies"
)

# Words that show a name was read from a clause, not a noun phrase: verbs, pronouns.
NOT_IN_NAMES = words(
    "was|were|is|are|be|been|has|have|had|will|would|could|should|may|might|can|must|said|says"
    "|rose|fell|grew|sank|shrank|slid|stood|came|went|means|show|shows|showed|we|i|you|he|she"
    "|they|it|what|there|here|who|which|when|where|why|how|not|no|if|than|because"
)

# Units of measure written after a number: "12.87 million metric tons", "3.2 million barrels".
MEASURE_UNITS: dict[str, str] = {
    "metric tons": "metric tons", "metric tonnes": "metric tons", "tons": "tons",
    "tonnes": "tonnes", "barrels": "barrels", "barrels per day": "barrels per day",
    "bpd": "barrels per day", "kilograms": "kilograms", "teu": "TEU", "teus": "TEU",
    "gigawatts": "gigawatts", "megawatts": "megawatts", "gigawatt hours": "gigawatt hours",
    "kilowatt hours": "kilowatt hours", "cubic meters": "cubic meters", "cubic metres": "cubic meters",
    "square meters": "square meters", "square metres": "square meters", "hectares": "hectares",
    "ounces": "ounces", "bushels": "bushels", "liters": "liters", "litres": "liters",
    "kilogrammes": "kilograms", "carats": "carats", "pieces": "pieces", "pairs": "pairs",
}  # fmt: skip

# Words dropped from an indicator's name: articles, and quantifiers a series does not turn on.
DROP_WORDS = words(
    "the|a|an|also|total|overall|combined|respectively|further|still|only|all|unchanged|steady"
    "|such|both|recently|currently|latest|its|their|his|her|our|this|that|these|today|yesterday"
    "|those|some|about|around|nearly|roughly|approximately|just|already"
)

# Words that never start a name: leading subordinators and sentence adverbs.
STOP_LEFT = words(
    "although|though|while|whereas|given|as|if|when|since|because|but|and|or|so|yet|however"
    "|meanwhile|moreover|furthermore|in addition|additionally|also|that|which|who|where|in"
    "|after|before|following|despite|with|by|for|of|to|on|at|from|than|then|thus|hence"
    "|indeed|still|overall|separately|similarly|likewise|notably|specifically|mainly"
)
