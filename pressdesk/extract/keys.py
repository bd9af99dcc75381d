"""Keys that say two written names are one entity: one fold, and a key per kind of name.

``fold`` (from ``pressdesk.names``) is the one way names lose their accents and case ("Trần" -> "tran",
"Šefčovič" -> "sefcovic"); each key builds on it and drops what, for its kind
of name, does not tell two entities apart:

- ``org_key``: punctuation, a leading "the", "and" and company suffixes
  ("Coupang Inc." and "Coupang" are one company);
- ``person_key``: honorifics, name particles and initials ("Dato' Mohd
  Zamruni bin Khalid" and "Mohd Zamruni Khalid" are one person);
- ``name_key`` (also ``place_key``): every character that is not a letter or
  digit, for the entity index ("Tran Quoc-Phuong" and "tran quoc phuong").
"""

from __future__ import annotations

import re

from pressdesk.extract.lexicon import HONORIFICS, NAME_PARTICLES
from pressdesk.names import fold, without_accents

__all__ = ["fold", "name_key", "org_key", "person_key", "place_key"]


_COMPANY_SUFFIXES = frozenset({"co", "inc", "corp", "corporation", "company", "ltd", "llc", "plc", "limited"})


def org_key(name: str) -> str:
    """A canonical key: one organisation, one key, across spellings and releases.

    Folds case, accents, punctuation, a leading "the" and company suffixes:
    "Ministry of Trade, Industry, and Resources" and "ministry of trade,
    industry and resources" share a key; so do "Coupang Inc." and "Coupang".
    """
    words = re.sub(r"[^\w\s]+", " ", fold(name)).split()
    words = words[1:] if words[:1] == ["the"] else words
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return "".join(w for w in words if w != "and")


_INITIAL = re.compile(r"[A-Z]\.?")


def person_key(name: str) -> str:
    """A name without case, accents, honorifics, particles and initials: "mohd zamruni khalid".

    Honorifics, particles and initials are told by their case ("bin", "Dr", "F."), so they
    are dropped before the words are folded.
    """
    words = without_accents(name).split()
    kept = [w for w in words if w not in HONORIFICS and w not in NAME_PARTICLES]
    kept = [w for w in kept if not _INITIAL.fullmatch(w)]
    return " ".join(fold(w.strip("'’.")) for w in kept)


def name_key(name: str) -> str:
    """Fold case, accents and punctuation: the key of a person's or place's name in the index."""
    return re.sub(r"[\W_]+", "", fold(name))


place_key = name_key
