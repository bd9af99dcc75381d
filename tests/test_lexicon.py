"""Each word list of ``lexicon``: what it holds, what it must not, and what it does to extraction.

The lists hold general knowledge only: words any reader of government and business English
knows, never a name because one text had it (an office-holder's given name, one company's head
word, one paper). Every text here is of our own making.
"""

from __future__ import annotations

from collections.abc import Collection

import pytest

from pressdesk.extract import lexicon
from pressdesk.extract.lexicon import (
    BARE_HEADS,
    COMPLEMENT_HEADS,
    COMPOUND_TAILS,
    CONTINENT_WORDS,
    DOMAIN_WORDS,
    EAST_ASIAN_SURNAMES,
    GEO_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_NAMES,
    KNOWN_ORGS,
    LONE_HEADS,
    LOWER_HEADS,
    MONTHS,
    NAME_PARTICLES,
    NAME_TITLES,
    NON_ORG_WORDS,
    NOT_NAME_WORDS,
    ORG_DESCRIPTOR_PHRASES,
    ORG_DESCRIPTORS,
    ORG_HEADS,
    ORG_LIST_NOUNS,
    REGION_WORDS,
    SENTENCE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
    WEAK_HEADS,
)
from pressdesk.extract.orgs import extract_orgs
from pressdesk.extract.people import extract_people


def orgs(text: str) -> list[str]:
    return [o.name for o in extract_orgs(text)]


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in extract_people(text, extract_orgs(text))]


# list name -> (the list, members it must hold, words it must not hold)
MEMBERS: dict[str, tuple[Collection[str], tuple[str, ...], tuple[str, ...]]] = {
    "ORG_HEADS": (ORG_HEADS, ("Ministry", "Association", "Inc."), ("Enerbility", "Ocean", "Committee")),
    "LONE_HEADS": (LONE_HEADS, ("Navy", "Parliament"), ("Ministry", "White")),
    "BARE_HEADS": (BARE_HEADS, ("Congress", "Parliament"), ("Navy", "Army")),
    "WEAK_HEADS": (WEAK_HEADS, ("Energy", "Times"), ("Ministry", "Ocean")),
    "NON_ORG_WORDS": (NON_ORG_WORDS, ("Committee", "Agreement", "Fund"), ("Ministry", "Bank")),
    "TITLES": (TITLES, ("Minister", "Researcher", "Director-General"), ("Deputy Minister", "Mr.")),
    "NAME_TITLES": (NAME_TITLES, ("Minister", "Ambassador", "CEO"), ("Researcher", "Mr.")),
    "TITLE_MODIFIERS": (TITLE_MODIFIERS, ("Deputy", "Prime", "Trade"), ("Minister", "Korea")),
    "GEO_WORDS": (GEO_WORDS, ("Texas", "Seoul", "Geneva"), ("Korea", "Kim")),
    "NOT_NAME_WORDS": (NOT_NAME_WORDS, ("Government", "Resorts", "Credit"), ("Suisse", "Smith")),
    "COMPOUND_TAILS": (COMPOUND_TAILS, ("based", "controlled", "winning"), ("jin", "hoon")),
    "REGION_WORDS": (REGION_WORDS, ("European", "Asian", "Southeast"), ("Korean", "Europe")),
    "CONTINENT_WORDS": (CONTINENT_WORDS, ("Europe", "Asia", "Americas"), ("European", "Korea")),
    "HONORIFICS": (HONORIFICS, ("Mr.", "Dato'", "Shri"), ("Tan", "Minister")),
    "NAME_PARTICLES": (NAME_PARTICLES, ("bin", "van", "de"), ("and", "of")),
    "ORG_DESCRIPTORS": (ORG_DESCRIPTORS, ("chipmaker", "lender", "automaker"), ("researcher", "official")),
    "ORG_DESCRIPTOR_PHRASES": (ORG_DESCRIPTOR_PHRASES, ("market researcher", "think tank"), ("researcher",)),
    "DOMAIN_WORDS": (DOMAIN_WORDS, ("Trade", "Industry", "Energy"), ("Ministry", "Smith")),
    "LOWER_HEADS": (LOWER_HEADS, ("institute", "agency"), ("company", "Institute")),
    "ORG_LIST_NOUNS": (ORG_LIST_NOUNS, ("companies", "banks", "exporters"), ("countries", "people")),
    "SENTENCE_WORDS": (SENTENCE_WORDS, ("The", "Meanwhile", "According"), ("Acme", "Ministry")),
    "MONTHS": (MONTHS, ("November", "Nov", "Tuesday"), ("Q3", "Spring")),
    "EAST_ASIAN_SURNAMES": (EAST_ASIAN_SURNAMES, ("Kim", "Zhang", "Nguyen"), ("Smith", "Jung-kwan")),
    "GIVEN_NAMES": (
        GIVEN_NAMES,
        ("Robert", "Maria", "Mohammed", "Akio"),
        # office-holders' given names and surnames are not given names common in the population
        ("Ivanka", "Kristalina", "Kamala", "Narendra", "Rishi", "Ursula", "Valdis", "Keir", "Tsai", "Zhang"),
    ),
    "COMPLEMENT_HEADS": (COMPLEMENT_HEADS, ("Ministry", "Bank", "Institute"), ("Corp.", "Holdings")),
    "KNOWN_ORGS": (KNOWN_ORGS, ("WTO", "IMF", "OECD"), ("KOTRA", "MOTIR")),
    "KNOWN_NAMES": (KNOWN_NAMES, ("World Bank", "United Nations"), ("Reuters", "Yonhap", "CNBC", "Nikkei")),
}


def test_every_list_is_tested() -> None:
    lists = {
        name
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, (frozenset, dict, tuple))
    }
    assert lists == set(MEMBERS)


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_members(name: str) -> None:
    words, inside, outside = MEMBERS[name]
    assert [w for w in inside if w not in words] == [], f"{name} lacks them"
    assert [w for w in outside if w in words] == [], f"{name} must not hold them"


# ---------------------------------------------------------------- each list's effect


def test_org_heads_make_a_run_a_body() -> None:
    assert orgs("The Zentria Importers Association met. The Zentria Importers Club met.") == [
        "Zentria Importers Association"
    ]


def test_lone_heads_name_a_body_after_the() -> None:
    assert orgs("Later the Navy said it would sail. Later the Garden said it would open.") == ["Navy"]


def test_bare_heads_name_a_body_without_the() -> None:
    assert orgs("Parliament voted. Navy sailed.") == ["Parliament"]


def test_weak_heads_need_a_name() -> None:
    assert orgs("Officials said the Energy would rise. Zentrix Energy said so.") == ["Zentrix Energy"]
    # alone, a weak head is a portfolio: it does not end a ministry's name
    assert orgs("The Ministry of Science and Energy said.") == ["Ministry of Science and Energy"]


def test_non_org_words_make_a_summit_no_body() -> None:
    assert orgs("Several companies such as Zentrix Summit and Valmora joined.") == ["Valmora"]


def test_titles_give_a_role() -> None:
    assert people("Acme Researcher Jane Roe said the market rose.") == [("Jane Roe", "Acme Researcher")]


def test_name_titles_stand_before_a_name() -> None:
    assert people("Ambassador Lee Ho-jin met them.") == [("Lee Ho-jin", "Ambassador")]
    text = "The Minister of Zentrian Affairs, Jane Roe, said so."
    assert people(text) == [("Jane Roe", "Minister of Zentrian Affairs")]


def test_title_modifiers_belong_to_the_title() -> None:
    assert people("Deputy Minister Lee Ho-jin met them.") == [("Lee Ho-jin", "Deputy Minister")]
    assert orgs("Zentrix Deputy Chairman Jane Roe said so.") == ["Zentrix"]


def test_geo_words_are_no_names() -> None:
    assert people("Officials met. Texas Jones said prices rose.") == []


def test_not_name_words_are_no_names() -> None:
    assert people("Helen Resorts said the deal closed.") == []


def test_compound_tails_are_no_names() -> None:
    assert people("French-controlled Zentrix said the deal closed.") == []


def test_region_words_name_no_body() -> None:
    assert orgs("Prices rose, the European commission said.") == []
    assert orgs("Prices rose, the Zentria commission said.") == ["Zentria commission"]


def test_continent_words_name_no_body() -> None:
    text = "Analysts at Southeast Asia said so. Analysts at Zentrix Capital said so."
    assert orgs(text) == ["Zentrix Capital"]


def test_honorifics_are_not_part_of_the_name() -> None:
    assert people("Dato' Ahmad Ismail said the plan was ready.") == [("Ahmad Ismail", None)]


def test_name_particles_join_a_name() -> None:
    assert people("Anna van der Berg said the plan was ready.") == [("Anna van der Berg", None)]


def test_org_descriptors_point_at_a_firm() -> None:
    assert orgs("Prices rose, chipmaker Zentrix said.") == ["Zentrix"]


def test_org_descriptor_phrases_point_at_a_firm() -> None:
    assert orgs("Prices rose, market researcher Zentrix said.") == ["Zentrix"]


def test_domain_words_continue_a_portfolio() -> None:
    full = "Ministry of Trade, Industry and Energy"
    assert orgs(f"The {full} said.") == [full]
    assert orgs("The Ministry of Trade, Zentria and Energy said.") == ["Ministry of Trade"]


def test_lower_heads_name_a_body_in_lower_case() -> None:
    assert orgs("Prices rose, the Zentrix institute said.") == ["Zentrix institute"]


def test_org_list_nouns_introduce_bodies() -> None:
    assert orgs("Several companies such as Zentrix and Valmora joined.") == ["Zentrix", "Valmora"]


def test_sentence_words_are_trimmed_from_a_name() -> None:
    assert orgs("Meanwhile Zentrix Corp. raised prices.") == ["Zentrix Corp."]


def test_months_are_trimmed_from_a_name() -> None:
    assert orgs("In November Zentrix Corp. raised prices.") == ["Zentrix Corp."]


def test_east_asian_surnames_give_a_name_its_shape() -> None:
    assert people("Park Ji-hoon attended the meeting.") == [("Park Ji-hoon", None)]
    assert people("Smith Ji-hoon attended the meeting.") == []


def test_given_names_give_a_name_its_shape() -> None:
    assert people("Helen Okafor attended the meeting.") == [("Helen Okafor", None)]
    assert people("Zorbo Okafor attended the meeting.") == []


def test_an_office_holder_is_found_from_the_title_not_the_given_name() -> None:
    text = "Prime Minister Zoltan Varga met Advisor to the President Ilse Brandt."
    assert [name for name, _ in people(text)] == ["Zoltan Varga", "Ilse Brandt"]


def test_complement_heads_take_of() -> None:
    assert orgs("The Bank of Zentria said rates would hold.") == ["Bank of Zentria"]


def test_known_orgs_are_bodies_alone() -> None:
    assert orgs("The WTO ruled on Monday.") == ["WTO"]


def test_known_names_are_bodies_alone() -> None:
    assert orgs("The World Bank lent more. Later the White House said so.") == ["World Bank", "White House"]
