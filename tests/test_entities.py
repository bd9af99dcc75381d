from __future__ import annotations

import pytest
from conftest import make_release

from pressdesk.entities import entity_ref, entity_refs, name_key
from pressdesk.errors import NotFound
from pressdesk.facts import Extraction, Org, Person, Place, Span
from pressdesk.models import EntityRef
from pressdesk.store import EntityFilter, Store


def test_refs_from_an_extraction_carry_their_keys() -> None:
    found = Extraction(
        orgs=(Org("Korea Trade Agency", ("KTA",), (Span(0, 1),)),),
        people=(Person("Lee Soo-min", "Minister", None, ("Minister Lee",), (Span(0, 1),)),),
        places=(Place("VN", "Viet Nam", (Span(0, 1),)),),
    )
    assert entity_refs(found) == [
        EntityRef("org", "Korea Trade Agency",
                  (("koreatradeagency", "Korea Trade Agency"), ("kta", "KTA")), ("", "acronym")),
        EntityRef("person", "Lee Soo-min", (("leesoomin", "Lee Soo-min"),), ("",)),
        EntityRef("place", "Viet Nam", (("vn", "VN"),), ("",)),
    ]


def test_names_that_fold_to_nothing_have_no_key() -> None:
    assert entity_ref("org", "—", ("—",)).keys == ()


def test_name_key_folds_case_accents_and_punctuation() -> None:
    assert name_key("Trần Quốc-Phương") == name_key("tran quoc phuong")


def org(name: str, *aliases: str) -> EntityRef:
    names = (name, *aliases)
    return entity_ref("org", name, names, tuple("acronym" if n.isupper() else "" for n in names))


def test_one_org_one_id_across_releases_and_names(store: Store) -> None:
    a, b, c = make_release(1), make_release(2), make_release(3)
    store.save_batch([a, b, c], "t")
    store.link_entities(a.id, [org("Export Bank")])
    store.link_entities(b.id, [org("Export Bank of Ruritania", "EBR")])
    store.link_entities(c.id, [org("EBR"), org("The Export Bank")])
    by_name = {e.name: e for e in store.entities(EntityFilter(kind="org"))}
    ebr = by_name["Export Bank of Ruritania"]
    assert ebr.releases == 2  # b and c, via "EBR"
    assert by_name["Export Bank"].releases == 2  # a and c share a key ("The Export Bank")
    assert store.entity(ebr.id) == ebr and set(ebr.names) == {"Export Bank of Ruritania", "EBR"}
    with pytest.raises(NotFound):
        store.entity(10_000)


def test_relinking_a_release_replaces_its_entities(store: Store) -> None:
    a = make_release(1)
    store.save_batch([a], "t")
    store.link_entities(a.id, [entity_ref("place", "KR", ("KR",))])
    store.link_entities(a.id, [entity_ref("place", "JP", ("JP",))])
    linked = store.entities(EntityFilter(release_id=a.id))
    assert [e.name for e in linked] == ["JP"]


def test_importing_the_store_loads_no_extractor() -> None:
    import subprocess
    import sys

    code = ("import sys, pressdesk.store.sqlite;"
            " print(any(m.startswith('pressdesk.extract') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
