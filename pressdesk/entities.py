"""Entities: one organisation, person or place, with one id across every release.

Extraction finds names per release; ``entity_refs`` turns them into references
keyed so that "KIAT" in one release and "Korea Institute for Advancement of
Technology (KIAT)" in another link to the same organisation, which then answers
to all of its names. The keys are computed here, before the store sees them,
so the store needs no extractor.
"""

from __future__ import annotations

from pressdesk.extract.keys import name_key, org_key
from pressdesk.facts import Extraction
from pressdesk.models import EntityRef

__all__ = ["entity_key", "entity_refs", "name_key"]

KEYS = {"org": org_key, "person": name_key, "place": name_key}


def entity_key(kind: str, name: str) -> str:
    return KEYS[kind](name)


def entity_ref(kind: str, name: str, names: tuple[str, ...]) -> EntityRef:
    """A reference with the key of every name (names that fold to nothing are dropped)."""
    keyed = {entity_key(kind, n): n for n in names}
    return EntityRef(kind, name, tuple((k, n) for k, n in keyed.items() if k))


def entity_refs(found: Extraction) -> list[EntityRef]:
    """Every organisation, person and place of one release, as entity references."""
    return (
        [entity_ref("org", o.name, (o.name, *o.aliases)) for o in found.orgs]
        + [entity_ref("person", p.name, (p.name,)) for p in found.people]
        + [entity_ref("place", p.name, (p.code,)) for p in found.places]
    )
