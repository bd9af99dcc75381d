"""Series: one key for every name of an indicator, so figures of many releases line up.

"chip exports", "semiconductor exports", "exports of semiconductors" and
"Semiconductor Exports" all have the key "export semiconductor": case, accents
and punctuation folded, the words "the of and a an" and possessives dropped,
plurals made singular, general synonyms mapped to one word, and the words
sorted (so "exports of ICT" meets "ICT exports"). Prepositions that change
the series stay: "exports to China" is not "China's exports".
"""

from __future__ import annotations

import re

from pressdesk.names import fold

__all__ = ["SYNONYMS", "series_key"]

DROPPED = frozenset({"the", "of", "and", "a", "an", "s", "its", "their", "total", "overall"})
SYNONYMS: dict[str, str] = {
    "chip": "semiconductor",
    "chips": "semiconductor",
    "semiconductors": "semiconductor",
    "automobile": "car",
    "automobiles": "car",
    "auto": "car",
    "autos": "car",
    "vehicle": "car",
    "vehicles": "car",
    "tourist": "visitor",
    "tourists": "visitor",
    "outbound": "export",
    "inbound": "import",
    "cpi": "consumer price",
    "gdp": "gross domestic product",
}
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_KEEP_S = ("ss", "us", "is", "ics")  # "gross", "bonus", "analysis", "electronics"


def singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def series_key(indicator: str) -> str:
    """The key shared by every name of the indicator's series ("" for an empty name)."""
    text = fold(indicator).replace("'s ", " ").replace("’s ", " ")
    words: list[str] = []
    for word in _WORD.findall(text):
        mapped = SYNONYMS.get(word, word)
        words += [singular(w) for w in mapped.split() if w not in DROPPED]
    return " ".join(sorted(w for w in words if w not in DROPPED))
