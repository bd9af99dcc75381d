import pytest

from pressdesk.entities import name_key as entities_name_key
from pressdesk.extract.keys import fold, name_key, org_key, person_key, place_key
from pressdesk.extract.orgs import org_key as orgs_org_key
from pressdesk.extract.people import person_key as people_person_key

NAMES = [
    "Trần Quốc-Phương",
    "tran quoc phuong",
    "Šefčovič",
    "Dato' Mohd Zamruni bin Khalid",
    "Ministry of Trade, Industry and Resources",
    "S-OIL Corp.",
    "Straße_Ünited  ﬁrm",
    "İstanbul",
    "",
]


def test_fold_drops_accents_and_case() -> None:
    assert fold("Trần Quốc") == "tran quoc"
    assert fold("ŠEFČOVIČ") == "sefcovic"
    assert fold("Straße") == "strasse"


@pytest.mark.parametrize("name", NAMES)
def test_name_key_is_the_entity_index_key(name: str) -> None:
    assert name_key(name) == entities_name_key(name)
    assert place_key(name) == name_key(name)


def test_name_key_drops_punctuation() -> None:
    assert name_key("Trần Quốc-Phương") == name_key("tran quoc phuong") == "tranquocphuong"


def test_org_key_folds_spellings_and_suffixes() -> None:
    assert org_key("The Ministry of Trade, Industry, and Resources") == org_key(
        "ministry of trade industry and resources"
    )
    assert org_key("Acme Holdings Inc.") == org_key("Acme Holdings")
    assert org_key("Société Générale") == org_key("societe generale")


def test_person_key_drops_honorifics_particles_and_initials() -> None:
    assert person_key("Dato' Mohd Zamruni bin Khalid") == "mohd zamruni khalid"
    assert person_key("John F. Kennedy") == person_key("john kennedy")
    assert person_key("Maroš Šefčovič") == "maros sefcovic"


def test_old_import_paths_still_work() -> None:
    assert orgs_org_key is org_key
    assert people_person_key is person_key
