"""Sectors: which industries a release is about, by keyword ("chipmaker" -> semiconductors).

Each sector is a name and the word stems that signal it, matched as whole-word
prefixes without regard to case. The names are the values of the ``sector:``
search filter and facet. To add a sector, add a row to ``SECTORS``.
"""

from __future__ import annotations

import re

__all__ = ["SECTORS", "extract_sectors"]

SECTORS: dict[str, tuple[str, ...]] = {
    "semiconductors": ("semiconductor", "chip", "chipmaker", "foundr", "wafer"),
    "batteries": ("batter", "secondary batter", "lithium", "cathode", "anode"),
    "automobiles": ("automobile", "automotive", "carmaker", "vehicle", "auto part"),
    "shipbuilding": ("shipbuild", "shipyard", "vessel", "ship "),
    "steel": ("steel", "iron ore"),
    "energy": ("energy", "power plant", "electricity", "nuclear", "renewable", "solar"),
    "oil and gas": ("crude", "oil", "petroleum", "natural gas", "lng", "refin"),
    "biotechnology": ("biotech", "bio-", "pharmaceutical", "biopharm"),
    "displays": ("display", "oled"),
    "robotics": ("robot",),
    "defense": ("defense", "defence", "weapon"),
    "agriculture": ("agricultur", "farm", "wheat", "corn", "soybean", "grain", "coffee", "sugar"),
    "finance": ("bank", "interest rate", "bond", "stock market", "securities"),
    "artificial intelligence": ("artificial intelligence", "ai "),
    "textiles": ("textile", "apparel", "garment"),
    "aerospace": ("aerospace", "aircraft", "aviation"),
}
_WORDS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    name: tuple((w, re.compile(r"\b" + re.escape(w))) for w in words) for name, words in SECTORS.items()
}


def extract_sectors(text: str) -> tuple[str, ...]:
    """The sectors ``text`` talks about, in the order of ``SECTORS``.

    A plain substring test screens each keyword before the word-boundary regex
    confirms it: many times faster than running every regex over every text,
    and it cannot change a result (the regex matches only where the word is).
    """
    low = text.lower()
    return tuple(
        name
        for name, words in _WORDS.items()
        if any(word in low and pattern.search(low) for word, pattern in words)
    )
