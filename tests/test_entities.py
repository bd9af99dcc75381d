from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_release

from pressdesk.desk import Desk
from pressdesk.entities import entity_ref, entity_refs, name_key
from pressdesk.errors import NotFound, PressdeskError
from pressdesk.extract import extract
from pressdesk.extract.orgs import extract_orgs
from pressdesk.facts import Extraction, Org, Person, Place, Span
from pressdesk.models import Entity, EntityRef, Release
from pressdesk.store import EntityFilter, ReleaseFilter, Store
from pressdesk.store.migrations import MIGRATIONS, name_places


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
        EntityRef("place", "Viet Nam", (("vietnam", "Viet Nam"), ("vn", "VN")), ("", "")),
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


# -- merges only with evidence (issue 10) ----------------------------------------


def refs_of(text: str) -> list[EntityRef]:
    return entity_refs(extract(Release.create(title="Note", date="1987-03-02", body=text, source="t")))


def link(store: Store, *texts: str) -> list[Entity]:
    releases = [make_release(i) for i in range(len(texts))]
    store.save_batch(releases, "t")
    for release, text in zip(releases, texts, strict=True):
        store.link_entities(release.id, refs_of(text))
    return store.entities(EntityFilter(kind="org", limit=100))


def names_of(entities: list[Entity]) -> dict[str, set[str]]:
    return {e.name: set(e.names) for e in entities}


def test_an_acronym_joins_only_the_body_it_was_defined_for(store: Store) -> None:
    found = names_of(link(
        store,
        "The Eastern Lantern Council (ELC) met on Monday.",
        "The Exeter Lime Commission (ELC) met on Tuesday.",
        "The ELC said it would meet again.",
    ))
    assert found["Eastern Lantern Council"] == {"Eastern Lantern Council", "ELC"}
    assert found["Exeter Lime Commission"] == {"Exeter Lime Commission"}


def test_no_merge_on_a_bare_initialism() -> None:
    text = "Rubicon NV said profits rose. Shares of RN fell."
    assert all("RN" not in o.aliases for o in extract_orgs(text))


def test_a_body_is_never_folded_into_a_longer_body_its_name_begins() -> None:
    text = ("The Lantern Institute said prices rose. The Lantern Institute Economic Policy Council"
            " met on Monday.")
    assert [o.aliases for o in extract_orgs(text)] == [(), ()]


def test_a_short_form_joins_its_company() -> None:
    text = "Shares of Quillfeather Motor Co. rose. Analysts at Quillfeather said sales rose."
    found = [(o.name, o.aliases) for o in extract_orgs(text)]
    assert found == [("Quillfeather Motor Co.", ("Quillfeather",))]


def test_an_entity_records_why_its_names_joined(store: Store) -> None:
    (found,) = link(store, "The Eastern Lantern Council (ELC) met. The ELC said it would act.")
    assert dict(found.evidence) == {"Eastern Lantern Council": "", "ELC": "acronym"}


def test_an_acronym_seen_alone_first_joins_its_definition(store: Store) -> None:
    found = names_of(link(store, "The ELC said it would act.", "The Eastern Lantern Council (ELC) met."))
    assert found == {"Eastern Lantern Council": {"Eastern Lantern Council", "ELC"}}


def test_a_typo_sharing_context_joins_and_never_names(store: Store) -> None:
    found = link(
        store,
        "The Organiaation of Lantern Exporting Countries (OLEC) met, Mortlake Oil Co said.",
        "The Organisation of Lantern Exporting Countries met, Mortlake Oil Co said.",
        "The Organisation of Lantern Exporting Countries met again.",
    )
    olec = next(e for e in found if "Lantern" in e.name)
    assert olec.name == "Organisation of Lantern Exporting Countries" and olec.releases == 3
    assert dict(olec.evidence)["Organisation of Lantern Exporting Countries"] == "typo"


def test_the_canonical_name_is_the_most_written_well_formed_one(store: Store) -> None:
    found = link(
        store,
        "The BRidgemoor STock Exchange (BSE) opened.",
        "The Bridgemoor Stock Exchange (BSE) opened.",
        "The Bridgemoor Stock Exchange (BSE) closed.",
    )
    assert [e.name for e in found] == ["Bridgemoor Stock Exchange"]


def test_an_agency_with_and_without_its_country_is_one(store: Store) -> None:
    found = link(store, "The Commodity Lantern Trading Commission said.",
                 "The U.S. Commodity Lantern Trading Commission (CLTC) said.")
    assert [(e.name, e.releases) for e in found] == [("Commodity Lantern Trading Commission", 2)]


# -- generic names scoped to their country -----------------------------------------


def test_generic_names_are_each_countrys_own_body(store: Store) -> None:
    found = names_of(link(
        store,
        "Japan's finance ministry said it would act. Officials in Japan agreed.",
        "The Japanese Finance Ministry said so.",
        "France's finance ministry said no.",
        "The finance ministry said it would sell bonds.",
    ))
    assert set(found) == {"Ministry of Finance (JP)", "Ministry of Finance (FR)"}


def test_the_agriculture_department_is_the_department_of_agriculture(store: Store) -> None:
    found = link(store, "The U.S. Agriculture Department said.", "The U.S. Department of Agriculture said.")
    assert [(e.name, e.releases) for e in found] == [("Department of Agriculture (US)", 2)]


def test_generic_names_found_by_any_country(desk: Desk) -> None:
    desk.add([Release.create(title="Note", date="1987-03-02", body="Japan's finance ministry said.",
                             source="t")])
    assert desk.find_entity("Ministry of Finance (JP)").name == "Ministry of Finance (JP)"
    assert desk.find_entity("finance ministry").name == "Ministry of Finance (JP)"


def test_a_place_is_named_in_english_and_found_by_its_code_or_any_name(desk: Desk) -> None:
    desk.add([Release.create(title="Talks", date="2025-11-14", body="Korea and Viet Nam met in"
                             " Hanoi. South Korea and Vietnam agreed.", source="t")])
    korea = desk.find_entity("KR")
    assert (korea.kind, korea.name) == ("place", "South Korea") and "KR" in korea.names
    assert desk.find_entity("Korea").id == desk.find_entity("south korea").id == korea.id
    assert desk.find_entity("Viet Nam").name == "Vietnam"


def test_a_store_of_places_named_by_code_names_them_in_english(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    with Desk.open(db) as desk:
        desk.add([Release.create(title="Talks", date="2025-11-14", body="Korea and Japan met.",
                                 source="t")])
        old = desk.store.db  # type: ignore[attr-defined]
        old.execute("DELETE FROM entity_names WHERE kind = 'place' AND length(key) > 2")
        old.execute("DELETE FROM release_names WHERE kind = 'place' AND length(key) > 2")
        old.execute("UPDATE entities SET name = 'JP' WHERE kind = 'place' AND name = 'Japan'")
        old.execute("UPDATE entities SET name = 'Korea', named = 1 WHERE name = 'South Korea'")
        old.execute(f"PRAGMA user_version = {MIGRATIONS.index(name_places)}")
        old.commit()
    with Desk.open(db) as desk:
        assert desk.find_entity("Japan").name == "Japan"
        assert desk.find_entity("Japan").names == desk.find_entity("JP").names
        assert desk.find_entity("South Korea").name == "Korea"  # renamed by hand: kept


# -- corrections that last ------------------------------------------------------------


def lantern_desk(desk: Desk) -> None:
    body = ("The Eastern Lantern Council (ELC) met. Shares of Quillfeather Motor Co. rose."
            " Analysts at Quillfeather said so. The Lantern Guild Association agreed.")
    desk.add([Release.create(title=f"Note {i}", date="1987-03-02", body=body, source="t") for i in range(2)])


def test_merge_split_and_rename_outlive_reextraction(desk: Desk) -> None:
    lantern_desk(desk)
    merged = desk.merge_entities("Eastern Lantern Council", "Lantern Guild Association")
    assert {"Eastern Lantern Council", "Lantern Guild Association"} <= set(merged.names)
    assert dict(merged.evidence)["Lantern Guild Association"] == "merged by hand"
    split = desk.split_entity("Quillfeather Motor Co.", ["Quillfeather"])
    assert split.names == ("Quillfeather",) and split.releases == 2
    desk.rename_entity("ELC", "The Lantern Council")
    desk.reextract(everything=True)
    council = desk.find_entity("ELC")
    assert council.name == "The Lantern Council" and "Lantern Guild Association" in council.names
    assert desk.find_entity("Quillfeather").id != desk.find_entity("Quillfeather Motor Co.").id
    with pytest.raises(PressdeskError):
        desk.split_entity("Lantern Guild Association", ["Nobody"])


def test_a_generic_name_takes_the_country_a_release_names_far_most(store: Store) -> None:
    found = names_of(link(
        store,
        "Chile's exports rose. Chile and Chile's partners met Peru, the finance ministry said.",
        "Talks in Chile and Peru went on, the finance ministry said.",
    ))
    assert set(found) == {"Ministry of Finance (CL)"}
    assert [e.releases for e in store.entities(EntityFilter(kind="org"))] == [1]


def test_a_ministry_of_several_portfolios_is_one_countrys(store: Store) -> None:
    found = link(store, "The Ministry of Trade, Energy and Industry met Peru and Chile.",
                 "The Chilean Ministry of Trade, Energy and Industry said.")
    assert [(e.name, e.releases) for e in found] == [("Ministry of Trade, Energy and Industry", 2)]


def test_a_generic_name_written_with_its_country_answers_to_it(desk: Desk) -> None:
    desk.add([Release.create(title="Note", date="1987-03-02", body="The Chilean Navy said so.", source="t")])
    assert desk.find_entity("Chilean Navy").name == "Navy (CL)"


def test_a_generic_name_takes_the_country_written_with_it_elsewhere(store: Store) -> None:
    text = "The U.S. Congress met. Chile, Peru and Japan agreed. Congress said it would act."
    assert [(e.name, e.releases) for e in link(store, text)] == [("Congress (US)", 1)]


def test_national_agencies_of_two_countries_stay_two(store: Store) -> None:
    found = names_of(link(
        store,
        "The Ruritanian International Lantern Agency (RILA) paid.",
        "The Danish International Lantern Agency (DILA) paid.",
        "The International Lantern Agency (ILA) paid.",
    ))
    assert len(found) == 3 and all(len(names) == 2 for names in found.values())


def test_a_body_is_not_a_longer_body_with_another_head() -> None:
    text = "The Lantern Exchange said. The Lantern Exchange Center agreed."
    assert [o.aliases for o in extract_orgs(text)] == [(), ()]


def test_a_short_form_links_no_two_long_names(store: Store) -> None:
    found = names_of(link(
        store,
        "Shares of Quillan Group rose. Analysts at Quillan said so.",
        "Shares of Quillan Oil Corp rose. Analysts at Quillan said so.",
    ))
    assert set(found) == {"Quillan Group", "Quillan Oil Corp"}


def test_reextracting_everything_links_again_and_keeps_ids(desk: Desk) -> None:
    lantern_desk(desk)
    council = desk.find_entity("Eastern Lantern Council")
    rid = next(iter(desk.releases(ReleaseFilter(limit=1)))).release.id
    desk.store.link_entities(rid, [org("Eastern Lantern Council", "Unrelated Kettle Society")])
    assert "Unrelated Kettle Society" in desk.find_entity("Eastern Lantern Council").names
    desk.reextract(everything=True)
    again = desk.find_entity("Eastern Lantern Council")
    assert again.id == council.id and "Unrelated Kettle Society" not in again.names


def test_a_given_name_or_surname_alone_is_no_directory_person() -> None:
    found = Extraction(people=(Person("Richard", None, None, (), (Span(0, 1),)),
                               Person("Kim", "Minister", None, (), (Span(0, 1),)),
                               Person("Kim Soo-ra", "Minister", None, (), (Span(0, 1),))))
    assert [r.name for r in entity_refs(found)] == ["Kim Soo-ra"]


def test_mention_counts_follow_links_through_merges_splits_and_reextraction(desk: Desk) -> None:
    def counts_agree() -> None:
        for entity in desk.entities(EntityFilter(limit=10_000)):
            assert entity.releases == len(desk.store.entity_releases(entity.id)), entity.name

    lantern_desk(desk)
    counts_agree()
    desk.merge_entities("Eastern Lantern Council", "Lantern Guild Association")
    counts_agree()
    desk.split_entity("Quillfeather Motor Co.", ["Quillfeather"])
    counts_agree()
    desk.reextract(everything=True)
    counts_agree()
