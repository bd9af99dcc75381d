"""Entities: one organisation, person or place, with one id across every release.

Extraction finds names per release; ``entity_refs`` turns them into the keys
that identify an entity anywhere in the store, so "KIAT" in one release and
"Korea Institute for Advancement of Technology (KIAT)" in another link to the
same organisation, which then answers to all of its names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pressdesk.extract.orgs import org_key
from pressdesk.facts import Extraction


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An entity as one release names it."""

    kind: str  # "org" | "person" | "place"
    name: str  # the fullest name the release uses
    names: tuple[str, ...]  # every name that identifies it (acronyms included)


@dataclass(frozen=True, slots=True)
class Entity:
    id: int
    kind: str
    name: str
    names: tuple[str, ...]
    releases: int


def name_key(name: str) -> str:
    """Fold case, accents and punctuation: the key of a person's or place's name."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "", text)


KEYS = {"org": org_key, "person": name_key, "place": name_key}


def entity_key(kind: str, name: str) -> str:
    return KEYS[kind](name)


def entity_refs(found: Extraction) -> list[EntityRef]:
    """Every organisation, person and place of one release, as entity references."""
    return (
        [EntityRef("org", o.name, (o.name, *o.aliases)) for o in found.orgs]
        + [EntityRef("person", p.name, (p.name,)) for p in found.people]
        + [EntityRef("place", p.name, (p.code,)) for p in found.places]
    )
