from __future__ import annotations

from conftest import make_release

from pressdesk.entities import EntityRef, entity_refs, name_key
from pressdesk.facts import Extraction, Org, Person, Place, Span
from pressdesk.store import EntityFilter, Store


def test_refs_from_an_extraction() -> None:
    found = Extraction(
        orgs=(Org("Korea Trade Agency", ("KTA",), (Span(0, 1),)),),
        people=(Person("Lee Soo-min", "Minister", None, ("Minister Lee",), (Span(0, 1),)),),
        places=(Place("VN", "Viet Nam", (Span(0, 1),)),),
    )
    assert entity_refs(found) == [
        EntityRef("org", "Korea Trade Agency", ("Korea Trade Agency", "KTA")),
        EntityRef("person", "Lee Soo-min", ("Lee Soo-min",)),
        EntityRef("place", "Viet Nam", ("VN",)),
    ]


def test_name_key_folds_case_accents_and_punctuation() -> None:
    assert name_key("Trần Quốc-Phương") == name_key("tran quoc phuong")


def test_one_org_one_id_across_releases_and_names(store: Store) -> None:
    a, b, c = make_release(1), make_release(2), make_release(3)
    store.save_batch([a, b, c], "t")
    store.link_entities(a.id, [EntityRef("org", "Export Bank", ("Export Bank",))])
    store.link_entities(
        b.id, [EntityRef("org", "Export Bank of Ruritania", ("Export Bank of Ruritania", "EBR"))]
    )
    store.link_entities(c.id, [EntityRef("org", "EBR", ("EBR",)),
                               EntityRef("org", "The Export Bank", ("The Export Bank",))])
    orgs = store.entities(EntityFilter(kind="org"))
    by_name = {e.name: e for e in orgs}
    assert by_name["Export Bank of Ruritania"].releases == 2  # b and c, via "EBR"
    assert by_name["The Export Bank"].releases == 2  # a and c share a key; the longer name wins
    assert set(store.entity_names("org", "EBR")) == {"Export Bank of Ruritania", "EBR"}
    assert store.entity_names("org", "Unknown Body") == ("Unknown Body",)


def test_relinking_a_release_replaces_its_entities(store: Store) -> None:
    a = make_release(1)
    store.save_batch([a], "t")
    store.link_entities(a.id, [EntityRef("place", "KR", ("KR",))])
    store.link_entities(a.id, [EntityRef("place", "JP", ("JP",))])
    linked = store.entities(EntityFilter(release_id=a.id))
    assert [e.name for e in linked] == ["JP"]
