"""Countries and blocs: ISO 3166-1 alpha-2 codes (plus ``EU`` and ``ASEAN``).

Found from names (pycountry's, plus common short names and aliases such as
"U.S.", "S. Korea", "UK"), and from adjectives and demonyms ("Vietnamese",
"Korean"). Cities and regions are not places here. A country written inside
an organisation's name ("Bank of Korea") counts: the country is named.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pycountry

from pressdesk.extract.text import lead_alternation
from pressdesk.facts import Place, Span

__all__ = [
    "DATELINES",
    "DATELINE_CITIES",
    "dateline_code",
    "extract_places",
    "find_place_mentions",
    "site_code",
    "is_place_name",
    "place_name",
]

BLOCS = {
    "EU": "European Union", "ASEAN": "ASEAN", "GCC": "Gulf Cooperation Council",
    "EFTA": "European Free Trade Association", "MERCOSUR": "Mercosur",
}  # fmt: skip

# Bodies whose names name their bloc: they mention the EU, but are organisations, not places.
BLOC_BODIES = ("European Commission", "European Parliament", "European Council", "European Central Bank")

# The EU's forerunners, the bloc under its earlier names.
HISTORIC_BLOC_FORMS = ("European Community", "European Communities", "European Economic Community", "EEC")

# Countries that no longer exist, by their ISO 3166-3 former alpha-2 codes (code -> name, forms).
HISTORIC: dict[str, tuple[str, tuple[str, ...]]] = {
    "SU": ("Soviet Union", ("Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics")),
    "DD": ("East Germany", ("East Germany", "German Democratic Republic", "GDR")),
    "YU": ("Yugoslavia", ("Yugoslavia",)),
    "CS": ("Czechoslovakia", ("Czechoslovakia",)),
}

# Common short names and aliases that pycountry does not give (code -> forms).
ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "US",
        "U.S.A.",
        "USA",
        "United States",
        "United States of America",
        "America",
    ),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "KR": ("Korea", "South Korea", "S. Korea", "S.Korea", "Republic of Korea", "ROK", "R.O.K."),
    "KP": ("North Korea", "N. Korea", "DPRK"),
    "CN": (
        "China",
        "PRC",
        "People's Republic of China",
        "People’s Republic of China",
        "Mainland China",
    ),
    "TW": ("Taiwan", "Chinese Taipei"),
    "VN": ("Vietnam", "Viet Nam"),
    "RU": ("Russia",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "LA": ("Laos",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "CZ": ("Czech Republic", "Czechia"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "NL": ("Netherlands",),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates", "Emirates"),
    "SA": ("Saudi Arabia", "Saudi"),
    "CD": ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "PS": ("Palestine",),
    "VA": ("Vatican",),
    "BN": ("Brunei",),
    "MM": ("Myanmar", "Burma"),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "DE": ("West Germany", "Federal Republic of Germany"),
    **{code: forms for code, (_, forms) in HISTORIC.items()},
    "EU": ("EU", "E.U.", "European Union", *BLOC_BODIES, *HISTORIC_BLOC_FORMS),
    "ASEAN": ("ASEAN", "Association of Southeast Asian Nations"),
    "GCC": ("GCC", "Gulf Cooperation Council"),
    "EFTA": ("EFTA", "European Free Trade Association"),
    "MERCOSUR": ("Mercosur", "MERCOSUR", "Mercosul"),
}

# Adjectives and demonyms (general knowledge), code -> forms.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "Americans"),
    "GB": ("British", "Briton", "Britons"),
    "KR": ("Korean", "Koreans", "South Korean", "South Koreans"),
    "KP": ("North Korean", "North Koreans"),
    "CN": ("Chinese",),
    "JP": ("Japanese",),
    "TW": ("Taiwanese",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "MY": ("Malaysian", "Malaysians"),
    "SG": ("Singaporean", "Singaporeans"),
    "ID": ("Indonesian", "Indonesians"),
    "PH": ("Philippine", "Filipino", "Filipinos"),
    "IN": ("Indian", "Indians"),
    "PK": ("Pakistani",),
    "BD": ("Bangladeshi",),
    "KH": ("Cambodian",),
    "LA": ("Lao", "Laotian"),
    "MM": ("Myanmar", "Burmese"),
    "MN": ("Mongolian",),
    "KZ": ("Kazakh", "Kazakhstani"),
    "UZ": ("Uzbek",),
    "AU": ("Australian", "Australians"),
    "NZ": ("New Zealander",),
    "CA": ("Canadian", "Canadians"),
    "MX": ("Mexican", "Mexicans"),
    "BR": ("Brazilian", "Brazilians"),
    "AR": ("Argentine", "Argentinian"),
    "CL": ("Chilean",),
    "PE": ("Peruvian",),
    "CO": ("Colombian",),
    "DE": ("German", "Germans", "West German", "West Germans"),
    "FR": ("French",),
    "IT": ("Italian", "Italians"),
    "ES": ("Spanish", "Spaniard", "Spaniards"),
    "PT": ("Portuguese",),
    "NL": ("Dutch",),
    "BE": ("Belgian",),
    "CH": ("Swiss",),
    "AT": ("Austrian",),
    "SE": ("Swedish",),
    "NO": ("Norwegian",),
    "DK": ("Danish",),
    "FI": ("Finnish",),
    "IE": ("Irish",),
    "PL": ("Polish",),
    "CZ": ("Czech",),
    "HU": ("Hungarian",),
    "RO": ("Romanian",),
    "GR": ("Greek",),
    "TR": ("Turkish",),
    "RU": ("Russian", "Russians"),
    "UA": ("Ukrainian", "Ukrainians"),
    "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi",),
    "AE": ("Emirati",),
    "QA": ("Qatari",),
    "KW": ("Kuwaiti",),
    "IR": ("Iranian",),
    "IQ": ("Iraqi",),
    "EG": ("Egyptian",),
    "ZA": ("South African",),
    "NG": ("Nigerian",),
    "KE": ("Kenyan",),
    "ET": ("Ethiopian",),
    "MA": ("Moroccan",),
    # the rest of the world's states, by the adjective news writes (general knowledge)
    "AF": ("Afghan",), "AL": ("Albanian",), "DZ": ("Algerian",), "AO": ("Angolan",),
    "AM": ("Armenian",), "AZ": ("Azerbaijani",), "BS": ("Bahamian",), "BH": ("Bahraini",),
    "BB": ("Barbadian",), "BY": ("Belarusian",), "BZ": ("Belizean",), "BJ": ("Beninese",),
    "BT": ("Bhutanese",), "BO": ("Bolivian",), "BA": ("Bosnian",), "BW": ("Botswanan",),
    "BN": ("Bruneian",), "BG": ("Bulgarian",), "BF": ("Burkinabe",), "BI": ("Burundian",),
    "CV": ("Cape Verdean",), "CM": ("Cameroonian",), "TD": ("Chadian",), "CR": ("Costa Rican",),
    "HR": ("Croatian",), "CU": ("Cuban",), "CY": ("Cypriot",), "DJ": ("Djiboutian",),
    "DO": ("Dominican",), "EC": ("Ecuadorian", "Ecuadorean"), "SV": ("Salvadoran", "Salvadorean"),
    "ER": ("Eritrean",), "EE": ("Estonian",), "FJ": ("Fijian",), "GA": ("Gabonese",),
    "GM": ("Gambian",), "GE": ("Georgian",), "GH": ("Ghanaian",), "GT": ("Guatemalan",),
    "GN": ("Guinean",), "GQ": ("Equatorial Guinean",), "GY": ("Guyanese",), "HT": ("Haitian",),
    "HN": ("Honduran",), "IS": ("Icelandic",), "JM": ("Jamaican",), "JO": ("Jordanian",),
    "KG": ("Kyrgyz",), "LV": ("Latvian",), "LB": ("Lebanese",), "LR": ("Liberian",),
    "LY": ("Libyan",), "LT": ("Lithuanian",), "LU": ("Luxembourgish",), "MG": ("Malagasy",),
    "MW": ("Malawian",), "MV": ("Maldivian",), "ML": ("Malian",), "MT": ("Maltese",),
    "MR": ("Mauritanian",), "MU": ("Mauritian",), "MD": ("Moldovan",), "ME": ("Montenegrin",),
    "MK": ("North Macedonian",), "MZ": ("Mozambican",), "NA": ("Namibian",),
    "NP": ("Nepali", "Nepalese"), "NI": ("Nicaraguan",), "NE": ("Nigerien",), "OM": ("Omani",),
    "PS": ("Palestinian",), "PA": ("Panamanian",), "PG": ("Papua New Guinean",),
    "PY": ("Paraguayan",), "RW": ("Rwandan",), "WS": ("Samoan",), "SN": ("Senegalese",),
    "RS": ("Serbian",), "SC": ("Seychellois",), "SL": ("Sierra Leonean",),
    "SK": ("Slovak", "Slovakian"), "SI": ("Slovenian", "Slovene"), "SO": ("Somali",),
    "SS": ("South Sudanese",), "LK": ("Sri Lankan",), "SD": ("Sudanese",), "SR": ("Surinamese",),
    "SY": ("Syrian",), "TJ": ("Tajik",), "TZ": ("Tanzanian",), "TL": ("Timorese",),
    "TG": ("Togolese",), "TO": ("Tongan",), "TT": ("Trinidadian",), "TN": ("Tunisian",),
    "TM": ("Turkmen",), "UG": ("Ugandan",), "UY": ("Uruguayan",), "VE": ("Venezuelan",),
    "YE": ("Yemeni",), "ZM": ("Zambian",), "ZW": ("Zimbabwean",), "CI": ("Ivorian",),
    "SU": ("Soviet", "Soviets"),
    "DD": ("East German", "East Germans"),
    "YU": ("Yugoslav", "Yugoslavian"),
    "CS": ("Czechoslovak",),
}

# Forms that contain a country word but do not name the country.
BLOCKED = (
    "North American",
    "South American",
    "Latin American",
    "Central American",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Native American",
    "American Samoa",
    "New Mexico",
    "New Guinea",
    "Korean War",
    "Georgia",
    "Jordan",
    "Chad",
    "Guinea",
    "Niger",
    "Dominica",
    "Eastern European",
    "Central European",
)

# pycountry names too ambiguous to read as countries on their own.
AMBIGUOUS = frozenset({"Georgia", "Jordan", "Chad", "Guinea", "Niger", "Dominica", "Jersey", "Man", "Turkey"})


def _pycountry_forms() -> Iterator[tuple[str, str]]:
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            form = getattr(country, attr, None)
            if form and "," not in form and "(" not in form and form not in AMBIGUOUS:
                yield form, country.alpha_2


@functools.cache
def _forms() -> dict[str, str]:
    """Every surface form -> code ("" for a blocked form)."""
    table = dict(_pycountry_forms())
    for source in (ALIASES, DEMONYMS):
        for code, forms in source.items():
            table.update({form: code for form in forms})
    table.update({form: "" for form in BLOCKED})
    return table


_CAPITAL = re.compile("[A-ZÀ-ÖØ-Þ]")  # a form starts with one to be found


@functools.cache
def _pattern() -> re.Pattern[str]:
    forms = [f for f in sorted(_forms(), key=len, reverse=True) if _CAPITAL.match(f)]
    alternation = lead_alternation(forms, r"[\w.$]")
    return re.compile(rf"(?:{alternation})(?![\w$])")


def place_name(code: str) -> str:
    """The canonical English name of a code: "KR" -> "South Korea", "EU" -> "European Union"."""
    if code in BLOCS:
        return BLOCS[code]
    if code in HISTORIC:
        return HISTORIC[code][0]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _is_currency(text: str, end: int) -> bool:
    """ "US$" and "US dollars" name a currency, not the country."""
    return text[end : end + 1] == "$"


# A country's name before the word for a city, a canal, a cape or a sea names that, not the
# country: "Mexico City", "Panama Canal", "South China Sea", "Indian Ocean". ("Korean Peninsula"
# and "Taiwan Strait" still refer to their countries; "Cayman Islands" is a country's own name.)
_FEATURE_AFTER = re.compile(r"[ \u00a0](?:City|Canal|Point|Sea|Ocean)\b")


# "Hong Kong, China", "Macao, China": the names the WTO and APEC give two members (not a
# list of two places, which goes on: "Hong Kong, China and Taiwan").
_OF_CHINA = re.compile(r", China(?![\w-])(?!\s*(?:,|and\b|or\b))")


def find_place_mentions(text: str) -> Iterator[tuple[str, Span]]:
    """Every (code, span) mention of a country or bloc, in text order."""
    forms = _forms()
    skip = -1
    for m in _pattern().finditer(text):
        code = forms.get(m.group(0), "")
        if m.start() < skip:
            continue
        if code in ("HK", "MO") and (named := _OF_CHINA.match(text, m.end())):
            skip = named.end()
        if code and not _is_currency(text, m.end()) and not _FEATURE_AFTER.match(text, m.end()):
            yield code, Span(m.start(), m.end())


def is_place_name(name: str) -> bool:
    """The whole of ``name`` names a country or bloc: "Vietnam", "S. Korea", "Vietnamese"."""
    return name not in BLOC_BODIES and bool(_forms().get(name))


def extract_places(text: str) -> list[Place]:
    """Every country and bloc ``text`` names or refers to by adjective, once each, in order."""
    spans: dict[str, list[Span]] = {}
    for code, span in find_place_mentions(text):
        spans.setdefault(code, []).append(span)
    return [Place(code=c, name=place_name(c), spans=tuple(s)) for c, s in spans.items()]


# Dateline cities: where a release or a wire story is filed says whose it is.
DATELINES: dict[str, str] = {
    "Washington": "US", "Brussels": "EU", "Seoul": "KR", "Tokyo": "JP", "Beijing": "CN",
    "Shanghai": "CN", "New Delhi": "IN", "London": "GB", "Ottawa": "CA", "Canberra": "AU",
    "Wellington": "NZ", "Jakarta": "ID", "Hanoi": "VN", "Bangkok": "TH", "Kuala Lumpur": "MY",
    "Singapore": "SG", "Manila": "PH", "Taipei": "TW", "Berlin": "DE", "Paris": "FR", "Rome": "IT",
    "Madrid": "ES", "Warsaw": "PL", "Moscow": "RU", "Kyiv": "UA", "Mexico City": "MX",
    "Brasilia": "BR", "Brasília": "BR", "Buenos Aires": "AR", "Santiago": "CL", "Lima": "PE",
    "Bogota": "CO", "Ankara": "TR", "Riyadh": "SA", "Abu Dhabi": "AE", "Doha": "QA",
    "Cairo": "EG", "Nairobi": "KE", "Pretoria": "ZA", "Abuja": "NG", "Islamabad": "PK",
    "Dhaka": "BD", "Astana": "KZ", "Vienna": "AT", "Bern": "CH", "Stockholm": "SE", "Oslo": "NO",
    "Copenhagen": "DK", "Helsinki": "FI", "Dublin": "IE", "Lisbon": "PT", "Athens": "GR",
    "Prague": "CZ", "Budapest": "HU", "The Hague": "NL", "Hong Kong": "HK", "Ha Noi": "VN",
    "Tehran": "IR", "Baghdad": "IQ", "Amman": "JO", "Beirut": "LB", "Colombo": "LK",
    "Kathmandu": "NP", "Phnom Penh": "KH", "Vientiane": "LA", "Ulaanbaatar": "MN",
    "Tashkent": "UZ", "Baku": "AZ", "Tbilisi": "GE", "Bucharest": "RO", "Sofia": "BG",
    "Belgrade": "RS", "Zagreb": "HR", "Bratislava": "SK", "Ljubljana": "SI", "Vilnius": "LT",
    "Riga": "LV", "Tallinn": "EE", "Reykjavik": "IS", "Accra": "GH", "Addis Ababa": "ET",
    "Dakar": "SN", "Rabat": "MA", "Algiers": "DZ", "Tunis": "TN", "Montevideo": "UY",
    "Quito": "EC", "Caracas": "VE", "Havana": "CU",
}  # fmt: skip
# Cities that are no seat of government, but file a release or a wire story as a capital does
# (a dateline only: "Sydney would provide" is no government speaking).
DATELINE_CITIES: dict[str, str] = {
    "Sejong": "KR", "Busan": "KR", "Osaka": "JP", "Shenzhen": "CN", "Guangzhou": "CN",
    "Mumbai": "IN", "Bengaluru": "IN", "Ho Chi Minh City": "VN", "Sydney": "AU",
    "Melbourne": "AU", "Auckland": "NZ", "Toronto": "CA", "Montreal": "CA", "Vancouver": "CA",
    "New York": "US", "Chicago": "US", "Frankfurt": "DE", "Munich": "DE", "Milan": "IT",
    "Zurich": "CH", "Amsterdam": "NL", "Dubai": "AE", "Johannesburg": "ZA",
    "Cape Town": "ZA", "Lagos": "NG", "Karachi": "PK", "Sao Paulo": "BR", "São Paulo": "BR",
    "Rio de Janeiro": "BR", "Istanbul": "TR",
}  # fmt: skip
_FILED = {**DATELINES, **DATELINE_CITIES}
_DATELINE = re.compile(
    r"(?:^|\n|\s)(?P<city>"
    + "|".join(sorted((re.escape(c) for c in _FILED), key=len, reverse=True))
    + r"|"
    + "|".join(sorted((re.escape(c.upper()) for c in _FILED), key=len, reverse=True))
    + r")(?:,\s*(?:D\.?C\.?|[A-Z][a-z]{2,}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
    r"|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}))?"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:\.?(?:--|–|—|-\s)|,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*\n|\n)"
)


def dateline_code(text: str) -> str | None:
    """The country of the dateline in the first lines of the body, if any."""
    body = text.find("\n\n")
    m = _DATELINE.search(text, max(body, 0), max(body, 0) + 400)
    if m is None:
        return None
    city = m.group("city")
    return (
        _FILED.get(city)
        or _FILED.get(city.title())
        or next((code for name, code in _FILED.items() if name.upper() == city), None)
    )


# Labels that mark a government's own domain under a country's ("motir.go.kr", "gov.uk",
# "gob.mx", "international.gc.ca"), and government sites on a bare country domain.
_GOVERNMENT_LABELS = frozenset({"gov", "go", "gob", "gouv", "govt", "gc", "gv", "government", "gub", "mil"})
_GOVERNMENT_SITES = {"korea.kr": "KR", "canada.ca": "CA", "europa.eu": "EU", "admin.ch": "CH"}
_TLD_CODES = {"uk": "GB", "eu": "EU"}


def site_code(url: str | None) -> str | None:
    """The government whose site published a release, by its address: a US federal ``.gov``,
    a country's government domain ("dti.gov.ph" -> PH), or a known portal ("korea.kr").
    None for any other site (a newspaper's country says little about whose news it is)."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.lower().rstrip(".").split(".")
    if len(labels) < 2:
        return None
    if labels[-1] in ("gov", "mil"):
        return "US"
    site = ".".join(labels[-2:])
    if site in _GOVERNMENT_SITES:
        return _GOVERNMENT_SITES[site]
    tld = labels[-1]
    if len(tld) == 2 and _GOVERNMENT_LABELS.intersection(labels[:-1]):
        return _TLD_CODES.get(tld, tld.upper())
    return None
