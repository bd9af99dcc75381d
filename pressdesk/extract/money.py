"""Amounts of money: "KRW 1.2 trillion", "$13.0 billion", "W3.9tr", "1.69 tln-won", "€5m".

One compiled pattern finds a number with a currency before it (symbol or ISO
code, glued or spaced) or after it (a currency word or code), an optional scale
word and an optional range ("$1-2 billion" gives two amounts). Qualifiers such
as "more than" are kept apart from the value. ``distinct_money`` folds the
mentions of one release into the amounts it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycountry

from pressdesk.extract.numbers import NUMBER, SCALE, is_year, scaled
from pressdesk.extract.places import dateline_code, find_place_mentions
from pressdesk.facts import Money, Span

__all__ = ["CURRENCY_HOMES", "currency_home", "distinct_money", "extract_money"]

# Symbols and short forms written before the number.
_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "NT$": "TWD",
    "R$": "BRL",
    "RM": "MYR",
    "Rp": "IDR",
    "Rs.": "INR",
    "Rs": "INR",
    "$": "USD",
    "₩": "KRW",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₦": "NGN",
    "KSh": "KES",
    "Ksh": "KES",
    "TSh": "TZS",
    "USh": "UGX",
    "Sh": "KES",
    "Tk": "BDT",
    "W": "KRW",
    "P": "PHP",
    "R": "ZAR",
}

# Signs of letters, read as money only glued to a scaled or grouped number: "W3.9tr", "P1.5bn",
# "R48.6 billion", "Sh58.3 billion" (Kenya's shilling, the most written), "Tk5,000 crore".
_LETTERS = frozenset({"W", "P", "R", "Sh", "Tk", "KSh", "Ksh", "TSh", "USh"})

# Currency names written after the number; "US dollars" before "dollars".
_WORDS: dict[str, str] = {
    "won": "KRW",
    "korean won": "KRW",
    "south korean won": "KRW",
    "japanese yen": "JPY",
    "chinese yuan": "CNY",
    "indian rupees": "INR",
    "indonesian rupiah": "IDR",
    "malaysian ringgit": "MYR",
    "vietnamese dong": "VND",
    "thai baht": "THB",
    "brazilian reais": "BRL",
    "russian rubles": "RUB",
    "turkish lira": "TRY",
    "saudi riyals": "SAR",
    "uae dirhams": "AED",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "new zealand dollars": "NZD",
    "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD",
    # the wires' short forms: "5.5 billion U.S. Dlrs", "20 mln Canadian dlrs"
    "u.s. dlrs": "USD",
    "us dlrs": "USD",
    "u.s. dlr": "USD",
    "australian dlrs": "AUD",
    "canadian dlrs": "CAD",
    "hong kong dlrs": "HKD",
    "h.k. dlrs": "HKD",
    "singapore dlrs": "SGD",
    "new zealand dlrs": "NZD",
    "n.z. dlrs": "NZD",
    "taiwan dlrs": "TWD",
    "dollars": "USD",
    "dollar": "USD",
    "dlrs": "USD",
    "dlr": "USD",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "british pounds": "GBP",
    "stg": "GBP",
    "rupees": "INR",
    "rupee": "INR",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "dong": "VND",
    "baht": "THB",
    "philippine pesos": "PHP",
    "mexican pesos": "MXN",
    "pesos": "MXN",
    "peso": "MXN",
    "swiss francs": "CHF",
    "francs": "CHF",
    "rubles": "RUB",
    "roubles": "RUB",
    "reais": "BRL",
    "rand": "ZAR",
    "riyals": "SAR",
    "dirhams": "AED",
    "shekels": "ILS",
    "lira": "TRY",
    "kronor": "SEK",
    "zloty": "PLN",
}

# Bare "$", "dollars" and "pesos" name the currency of the country the text is filed from or
# about: (default, how often another country must be named, country name patterns).
_DOLLAR_HOMES: dict[str, re.Pattern[str]] = {
    "USD": re.compile(r"\bUnited States\b|\bU\.S\.|\bUS\b|\bAmerican?s?\b"),
    "AUD": re.compile(r"\bAustralian?s?\b"),
    "CAD": re.compile(r"\bCanad(?:a|ian)s?\b"),
    "SGD": re.compile(r"\bSingapore(?:an)?s?\b"),
    "NZD": re.compile(r"\bNew Zealand(?:ers?)?\b|\bNZ\b"),
    "HKD": re.compile(r"\bHong Kong\b"),
    "TWD": re.compile(r"\bTaiwan(?:ese)?\b"),
}
_PESO_HOMES: dict[str, re.Pattern[str]] = {
    "MXN": re.compile(r"\bMexic(?:o|an)s?\b"),
    "PHP": re.compile(r"\bPhilippines?\b|\bFilipinos?\b"),
    "ARS": re.compile(r"\bArgentin(?:a|e|ian)s?\b"),
    "CLP": re.compile(r"\bChile(?:an)?s?\b"),
    "COP": re.compile(r"\bColombian?s?\b"),
}
# Currencies of one country (or bloc): the country a text counting in them is most likely about.
CURRENCY_HOMES: dict[str, str] = {
    "KRW": "KR", "JPY": "JP", "CNY": "CN", "INR": "IN", "GBP": "GB", "AUD": "AU", "CAD": "CA",
    "NZD": "NZ", "SGD": "SG", "HKD": "HK", "TWD": "TW", "MYR": "MY", "IDR": "ID", "THB": "TH",
    "VND": "VN", "PHP": "PH", "MXN": "MX", "BRL": "BR", "ZAR": "ZA", "RUB": "RU", "TRY": "TR",
    "CHF": "CH", "SEK": "SE", "NOK": "NO", "DKK": "DK", "PLN": "PL", "SAR": "SA", "AED": "AE",
    "ILS": "IL", "EUR": "EU", "CLP": "CL", "ARS": "AR", "COP": "CO", "KES": "KE", "TZS": "TZ",
    "UGX": "UG", "NGN": "NG", "BDT": "BD", "PKR": "PK", "EGP": "EG",
}  # fmt: skip
# The currency each country issues (a dateline's country says which a bare one means).
_ISSUERS: dict[str, str] = {"US": "USD"} | {country: code for code, country in CURRENCY_HOMES.items()}
_FAMILIES: dict[str, tuple[str, int, dict[str, re.Pattern[str]]]] = {
    "dollar": ("USD", 3, _DOLLAR_HOMES),
    "peso": ("MXN", 1, _PESO_HOMES),
}
_BARE: dict[str, re.Pattern[str]] = {
    "dollar": re.compile(r"\$|\bdollars?\b|\bdlrs?\b", re.IGNORECASE),
    "peso": re.compile(r"\bpesos?\b", re.IGNORECASE),
}
_FAMILY_OF: dict[str, str] = {
    "$": "dollar", "dollars": "dollar", "dollar": "dollar", "dlrs": "dollar", "dlr": "dollar",
    "pesos": "peso", "peso": "peso",
}  # fmt: skip

# ISO 4217 codes that are also everyday English words in capitals.
_CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "SOS", "PEN", "BOB", "MAD", "AMD", "GEL"})
_CODES = frozenset(c.alpha_3 for c in pycountry.currencies) - _CODE_WORDS | {"RMB"}
_CODE_ALIASES: dict[str, str] = {"RMB": "CNY"}

_QUALIFIERS = (
    "more than|less than|fewer than|up to|at least|at most|as much as|as many as|as little as"
    "|in excess of|upwards of|close to|just over|just under|well over|an estimated|over|under"
    "|nearly|almost|approximately|approx\\.|about|around|roughly|some|below|above"
    "|exceeding|surpassing|surpass|exceed|estimated|only|just"
)


def _grouped(sources: Iterable[str]) -> str:
    """``a|b|c`` with the alternatives that share a first character grouped, in their
    order ("A(?:UD|ED)|B(?:RL)"): the same matches, but the engine skips a whole group
    on one comparison. Grouping is by lower case, so it holds inside ``(?i:...)``."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for source in sources:
        cut = 2 if source.startswith("\\") else 1  # an escaped character is one
        groups.setdefault(source[:cut].lower(), []).append((source[:cut], source[cut:]))
    return "|".join(
        f"{v[0][0]}(?:{'|'.join(rest for _, rest in v)})"
        if len({first for first, _ in v}) == 1
        else "|".join(first + rest for first, rest in v)
        for v in groups.values()
    )


def _alternation(words: Iterable[str], grouped: bool = True) -> str:
    """The alternation of ``words``, longest first; grouped by first character unless not."""
    sources = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return _grouped(sources) if grouped else "|".join(sources)


def _first_of(words: Iterable[str]) -> str:
    """A character class of the first characters of ``words``: a cheap check before an alternation."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


_PRE_SYMBOLS = [k for k in _SYMBOLS if k not in _LETTERS]

# A cheap first check before the whole pattern: not inside a word, and at a character that can
# start a qualifier, a symbol, a code or a number. A symbol that starts otherwise must be let in
# here too, or it is never found (tests/test_prefilters.py checks the pattern finds the same
# without the checks).
_MONEY_FIRST = r"(?<![a-z])(?=[\w.$€£¥₩₹₱฿₫₽₺₪₦])"


def _money_pattern(first_checks: bool = True, grouped: bool = True) -> re.Pattern[str]:
    """A number with a currency before or after it, a scale word and a range. ``first_checks``
    and ``grouped`` (alternatives grouped by first character) make the scan faster and find
    the same; they can be left out to show it."""
    pre = (
        (r"(?=" + _first_of([*_PRE_SYMBOLS, *_LETTERS, *_CODES]) + r")" if first_checks else "")
        + r"(?:"
        + _alternation(_PRE_SYMBOLS, grouped)
        + r"|[" + "".join(sorted(w for w in _LETTERS if len(w) == 1)) + r"](?=\d)"
        + r"|Sh(?=\d)|(?:" + _alternation([w for w in _LETTERS if len(w) > 2 or w == "Tk"], grouped)
        + r")(?=[ \u00a0]?\d)"
        r"|(?<![A-Za-z])(?:" + _alternation(_CODES, grouped) + r")(?![A-Za-z]))"
    )
    post = (
        r"(?:(?i:" + _alternation(_WORDS, grouped) + r")(?![A-Za-z])"
        r"|(?:" + _alternation(_CODES, grouped) + r")(?![A-Za-z]))"
    )
    amount = (  # "N" is replaced by 1 or 2
        r"(?P<preN>" + pre + r")?[ \u00a0]?(?P<numN>" + NUMBER + r"(?:-\d/\d\d?)?)(?![,.]?\d)"
        r"(?P<scaleN>" + SCALE + r")?"
    )
    qualifiers = _QUALIFIERS.split("|")
    return re.compile(
        (_MONEY_FIRST if first_checks else "")
        + r"(?:(?<![A-Za-z])(?P<qual>(?i:"
        + (_grouped(qualifiers) if grouped else _QUALIFIERS)
        + r"))\s+)?"
        r"(?<![\w.,/])"
        + amount.replace("N>", "1>")
        + r"(?:[ \u00a0]?(?:-|–|to)[ \u00a0]?"
        + amount.replace("N>", "2>")
        + r")?"
        r"(?:[\s-]?(?P<post>" + post + r"))?"
    )


_MONEY = _money_pattern()


def _currency(written: str | None) -> str | None:
    if not written:
        return None
    code = _SYMBOLS.get(written) or _WORDS.get(written.lower())
    return code or _CODE_ALIASES.get(written, written if written in _CODES else None)


def _plausible(m: re.Match[str], currency: str) -> bool:
    """Reject what only looks like money: "in 2019 won", "W3" as a name, a bare letter W."""
    pre, num, scale = m.group("pre1"), m.group("num1"), m.group("scale1")
    if pre in _LETTERS and not (scale or "," in num):
        return False
    return not (m.group("post") and not pre and not scale and is_year(num) and currency == "KRW")


def _start(m: re.Match[str], n: int) -> int:
    return m.start(f"pre{n}") if m.group(f"pre{n}") else m.start(f"num{n}")


def _value(m: re.Match[str], n: int, scale: str | None) -> float:
    return scaled(m.group(f"num{n}"), scale)


def _amounts(m: re.Match[str]) -> list[tuple[str, float, Span]]:
    """(text, value, span) for the one or two numbers of a match; in a range the first
    number takes the scale of the second ("$1-2 billion")."""
    start, end = _start(m, 1), m.end()
    if not m.group("num2"):
        return [(m.string[start:end], _value(m, 1, m.group("scale1")), Span(start, end))]
    start2 = _start(m, 2)
    last = (m.string[start2:end], _value(m, 2, m.group("scale2")), Span(start2, end))
    if not (m.group("pre1") or m.group("scale1")) and is_year(m.group("num1")):
        return [last]  # "from 2024 to $5 billion": a year, then the amount
    end1 = m.end("scale1") if m.group("scale1") else m.end("num1")
    first = _value(m, 1, m.group("scale1") or m.group("scale2"))
    return [(m.string[start:end1], first, Span(start, end1)), last]


def _written_currency(m: re.Match[str]) -> str | None:
    return m.group("pre1") or m.group("pre2") or m.group("post")


# Each home pattern without its word boundaries: a search the engine runs fast (it starts
# with a set of letters), to skip counting a country the text never names.
_LOOSE: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern.pattern.replace(r"\b", ""))
    for _, _, homes in _FAMILIES.values()
    for code, pattern in homes.items()
}


def _count(text: str, code: str, pattern: re.Pattern[str]) -> int:
    return len(pattern.findall(text)) if _LOOSE[code].search(text) else 0


def _rival(text: str, family: set[str], named: int) -> bool:
    """Whether a country outside the currency's ``family`` is named more than ``named`` times."""
    counts: dict[str, int] = {}
    for code, _ in find_place_mentions(text):
        if _ISSUERS.get(code) not in family and len(code) == 2:
            counts[code] = counts.get(code, 0) + 1
    return max(counts.values(), default=0) > named


def _home_currency(text: str, family: str, site: str | None = None) -> str:
    """The currency a bare "$" or "pesos" means in this text: in a text a government's site
    published (``site``) or filed from a country (its dateline), that country's if it issues one
    of the family, else the default (a
    Mexican release on trade with Canada counts in US dollars); otherwise the default unless
    another country of that currency is named often and far more than the default's (the
    default wins a tie, so it is counted only when another country is named enough), or
    is the one country of that currency named before the first such amount, in a text
    that never names the default's ("New Zealand's trade balance was a deficit of $1.5
    billion"; not a Japanese deal "($5.3 billion)" with a Singapore fund named later)."""
    default, least, homes = _FAMILIES[family]
    filed = site or dateline_code(text)
    if filed:
        own = _ISSUERS.get(filed, default)
        return own if own in homes else default
    others = {code: _count(text, code, pattern) for code, pattern in homes.items() if code != default}
    best = max(others, key=lambda code: others[code])
    if others[best] and _rival(text, set(homes), others[best]):
        return default  # a text more about a country of another currency: trade between
        # Indonesia and Canada in an Indonesian paper counts in US dollars
    if others[best] >= least and others[best] > 2 * _count(text, default, homes[default]):
        return best
    first = _BARE[family].search(text)
    lead = text[: first.start()] if first else ""
    in_lead = [code for code in others if others[code] and homes[code].search(lead)]
    if len(in_lead) == 1 and not _count(text, default, homes[default]):
        return in_lead[0]
    return default


def _currency_in(text: str, written: str | None, homes: dict[str, str], site: str | None) -> str | None:
    """The ISO code of a written currency, reading bare dollars and pesos in context."""
    family = _FAMILY_OF.get((written or "").lower())
    if family is None:
        return _currency(written)
    if family not in homes:
        homes[family] = _home_currency(text, family, site)
    return homes[family]


def _qualifier(m: re.Match[str]) -> str | None:
    qual = m.group("qual")
    return qual.lower() if qual else None


def extract_money(text: str, site: str | None = None) -> list[Money]:
    """Every amount of money in ``text``, in order, with its currency and value (``site``: the
    government whose site published it, if known, whose currency a bare "$" is if it issues one
    of the family; ``places.site_code``)."""
    found: list[Money] = []
    homes: dict[str, str] = {}
    for m in _MONEY.finditer(text):
        currency = _currency_in(text, _written_currency(m), homes, site)
        if currency is None or not _plausible(m, currency):
            continue
        found += [
            Money(text=t, value=v, currency=currency, qualifier=_qualifier(m), span=s)
            for t, v, s in _amounts(m)
        ]
    return _in_declared_unit(text, found)


# A list whose head declares its unit: "Exports by major item (USD billion, y/y change):" then
# "- Semiconductors: 17.3 (+38.2%)" lines, up to a blank line.
_DECLARED = re.compile(
    r"\((?P<code>USD|US\$|KRW|EUR|JPY|CNY|GBP|INR|\$|₩|€)\s*(?P<scale>trillion|billion|million|bn|mn)\b"
    r"[^()\n]{0,40}\)\s*:[ \t]*\n"
)
_BARE_NUMBER = re.compile(rf"(?<![\w.,%$€£¥₩+-]){NUMBER}(?![\w.,%]|\s?(?:%|percent|per\s?cent))")


def _in_declared_unit(text: str, found: list[Money]) -> list[Money]:
    """The bare numbers of a list under a head that declares their unit, as amounts in it."""
    if "(" not in text or ":" not in text:
        return found
    for head in _DECLARED.finditer(text):
        block = text.find("\n\n", head.end())
        lo, hi = head.end(), len(text) if block < 0 else block
        currency = _currency(head["code"]) or "USD"
        taken = [m.span for m in found if lo <= m.span.start < hi]
        for m in _BARE_NUMBER.finditer(text, lo, hi):
            if is_year(m.group(0)) or any(s.start <= m.start() < s.end for s in taken):
                continue
            value = scaled(m.group(0), head["scale"])
            found.append(Money(text=m.group(0), value=value, currency=currency, qualifier=None,
                               span=Span(m.start(), m.end())))
    return sorted(found, key=lambda m: m.span.start)


def currency_home(items: list[Money] | tuple[Money, ...]) -> str | None:
    """The country whose own currency the text counts in most (US dollars, everyone's, aside):
    where a text that names no country is from ("2 trillion won in loans" -> KR)."""
    homes = [CURRENCY_HOMES[m.currency] for m in items if m.currency in CURRENCY_HOMES]
    return max(homes, key=homes.count) if homes else None


def _precision(item: Money) -> int:
    """How many digits the amount is written with: "844.7 billion" beats "845b"."""
    return sum(c.isdigit() for c in item.text)


def _same(a: Money, b: Money) -> bool:
    return a.currency == b.currency and abs(a.value - b.value) <= 0.005 * abs(a.value)


def distinct_money(items: tuple[Money, ...] | list[Money]) -> list[Money]:
    """One mention per amount: a rounded figure is folded into a more precise one
    within half a percent ("W845b" and "844.7 billion won"); figures written with the
    same precision stay apart ("1,429.8 won" and "1,428.8 won")."""
    kept: list[Money] = []
    for item in sorted(items, key=_precision, reverse=True):
        if not any(
            (k.value == item.value or _precision(k) > _precision(item)) and _same(k, item) for k in kept
        ):
            kept.append(item)
    return sorted(kept, key=lambda m: m.span.start)
