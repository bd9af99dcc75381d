"""Trade- and industrial-policy events: types, jurisdictions, dates, what is optional, one record per act.

Every text here is of our own making. Each test runs the whole extraction (events are built on
the places, organisations, people and dates the other extractors find).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pressdesk.extract import document_text, extract
from pressdesk.extract.eventcues import find_triggers
from pressdesk.extract.eventdates import When, date_range, event_date
from pressdesk.extract.eventplaces import AGENCIES
from pressdesk.extract.events import nothing_to_read, read_events
from pressdesk.extract.places import DATELINES
from pressdesk.facts import DateRef, Event, Span
from pressdesk.models import Release
from pressdesk.readers import read_path

REPO = Path(__file__).resolve().parents[1]

DAY = "2026-03-11"  # a Wednesday


def events(body: str, title: str = "Trade news", day: str = DAY) -> list[Event]:
    release = Release.create(title=title, date=day, body=body, source="Test")
    return list(extract(release).events)


def required(body: str, title: str = "Trade news", day: str = DAY) -> list[tuple[str, set[str], set[str]]]:
    """(type, implementers, partners) of the events a prediction carries."""
    return [(e.type, set(e.implementer), set(e.partner)) for e in events(body, title, day) if not e.optional]


def types(body: str, title: str = "Trade news") -> list[str]:
    return [kind for kind, _, _ in required(body, title)]


# ---------------------------------------------------------------- one test or more per type


def test_agreement_signed_by_two_countries() -> None:
    assert required("Brazil and Japan signed a free trade agreement in Tokyo on Monday.") == [
        ("agreement", {"BR", "JP"}, set())
    ]


def test_tariff_raised_on_another_country() -> None:
    assert required("Argentina raised import tariffs on footwear from Vietnam to 35 percent on Tuesday.") == [
        ("tariff", {"AR"}, {"VN"})
    ]


def test_a_subsidy_provided_by_a_government_of_a_country_is_that_countrys() -> None:
    body = ("The European Commission opened an investigation on Monday. The complaint says that "
            "Thai producers benefit from preferential loans provided by the Government of Thailand.")
    assert ("subsidy", {"TH"}, set()) in required(body)


def test_trade_remedy_swallows_its_duties() -> None:
    body = "The Canadian government imposed anti-dumping duties on steel wire from Thailand on Tuesday."
    assert required(body) == [("trade_remedy", {"CA"}, {"TH"})]


def test_technical_regulation_raised_at_the_wto_is_the_adopters() -> None:
    body = (
        "At the WTO committee, Norway raised a specific trade concern about Egypt's mandatory registration "
        "of food factories."
    )
    assert ("technical_regulation", {"EG"}, {"NO"}) in required(body)


def test_export_control_on_a_target() -> None:
    body = "The Netherlands tightened export controls on lithography machines bound for China on Friday."
    assert required(body) == [("export_control", {"NL"}, {"CN"})]


def test_subsidy_of_a_government() -> None:
    body = "The Government of Ireland announced a €50 million grant scheme for offshore wind suppliers."
    assert required(body) == [("subsidy", {"IE"}, set())]


def test_investing_is_a_subsidy_for_a_government_and_an_investment_for_a_firm() -> None:
    assert types("The Government of Chile will invest $200 million in a national lithium refinery.") == [
        "subsidy"
    ]
    assert types("Acme Motors Ltd will invest $2 billion in a new plant in Mexico, the company said.") == [
        "investment"
    ]


def test_investment_pledge_lists_investor_and_host() -> None:
    body = "Swedish companies pledged $3 billion in new investments in Kenya during the state visit."
    assert required(body) == [("investment", {"SE", "KE"}, set())]


def test_procurement_by_a_government_from_a_foreign_firm() -> None:
    body = "Norway's Ministry of Defence signed a contract with Germany's TKMS to buy four submarines."
    assert required(body) == [("procurement", {"NO", "DE"}, set())]


def test_dispute_and_the_measure_it_is_about() -> None:
    body = "Peru requested consultations with Colombia at the WTO over Colombia's additional duties on sugar."
    found = required(body)
    assert ("dispute", {"PE", "CO"}, set()) in found
    assert ("tariff", {"CO"}, {"PE"}) in found


def test_statistics_released() -> None:
    body = "Exports rose 4.2 percent in February, data released by Statistics Norway showed on Tuesday."
    assert required(body) == [("statistics", {"NO"}, set())]


def test_dialogue_held_between_governments() -> None:
    body = "The trade ministers of Chile and Peru held talks in Lima on Wednesday on supply chains."
    assert required(body) == [("dialogue", {"CL", "PE"}, set())]


def test_dialogue_of_a_memorandum_signed() -> None:
    body = "Kenya and Ethiopia signed a memorandum of understanding on cross-border trade on Monday."
    assert required(body) == [("dialogue", {"KE", "ET"}, set())]


# ---------------------------------------------------------------- who: implementer and partner


def test_owner_by_possessive_in_a_list_and_partners_without_the_lists_other_owners() -> None:
    body = (
        "At the committee, the Korean government raised concerns about several measures. These include "
        "Mexico's labelling requirements for toys; Brazil's certification requirements for tyres; and "
        "Chile's new food safety rules."
    )
    found = {next(iter(i)): p for kind, i, p in required(body) if kind == "technical_regulation"}
    assert found == {"MX": {"KR"}, "BR": {"KR"}, "CL": {"KR"}}


def test_owner_named_at_the_head_of_a_capitalised_rule() -> None:
    body = "The Japanese delegation said the EU Packaging Regulation would burden its exporters."
    assert ("technical_regulation", {"EU"}, {"JP"}) in required(body)


def test_agent_after_by() -> None:
    body = "Safeguard duties on steel coils were imposed by Mexico on Monday, hitting producers in India."
    assert required(body) == [("trade_remedy", {"MX"}, {"IN"})]


def test_home_from_the_dateline() -> None:
    body = "OTTAWA, March 10 – The government announced a $40 million fund to support battery makers."
    assert required(body) == [("subsidy", {"CA"}, set())]


def test_home_from_the_first_government_body() -> None:
    body = "The Ministry of Economy of Chile announced tax credits for copper smelters on Monday."
    assert required(body) == [("subsidy", {"CL"}, set())]


def test_a_foreign_measure_with_no_target_named_affects_home() -> None:
    body = (
        "TOKYO, March 10 – The Ministry of Economy, Trade and Industry said on Tuesday that China's new "
        "export controls on graphite took effect."
    )
    assert ("export_control", {"CN"}, {"JP"}) in required(body)


def test_parties_of_a_compound_name_and_of_a_list_after_with() -> None:
    assert required("Canada and Ecuador reviewed the Canada–Ecuador FTA in Quito on Monday.") == [
        ("agreement", {"CA", "EC"}, set())
    ]
    body = "WASHINGTON – The administration launched trade negotiations with Kenya and Ghana on Monday."
    assert required(body) == [("agreement", {"US", "KE", "GH"}, set())]


def test_members_of_a_known_agreement() -> None:
    found = required("WASHINGTON – The Senate approved the USMCA on Tuesday.")
    assert found == [("agreement", {"US", "MX", "CA"}, set())]


def test_office_holders_speak_for_their_government() -> None:
    body = (
        "Indonesian Trade Minister Budi Hartono met EU Trade Commissioner Anna Berg in Jakarta on Monday "
        "to discuss market access."
    )
    assert required(body) == [("dialogue", {"ID", "EU"}, set())]


def test_a_capital_stands_for_its_government() -> None:
    body = "Canberra will provide A$100 million in grants to critical minerals processors, officials said."
    assert required(body) == [("subsidy", {"AU"}, set())]


def test_a_country_whose_firms_or_goods_a_measure_reaches_is_its_target() -> None:
    body = "BEIJING, March 10 – The ministry decided to add eight Japanese firms to its export control list."
    assert required(body) == [("export_control", {"CN"}, {"JP"})]


# ---------------------------------------------------------------- what is optional


def test_background_long_past_is_optional() -> None:
    found = events("The free trade agreement of Chile and Peru, which took effect in 2009, removed tariffs.")
    assert found and all(e.optional for e in found)


def test_a_meeting_only_scheduled_is_optional() -> None:
    found = events("The next trade ministers' meeting between Chile and Peru will be held in Lima in June.")
    assert found and all(e.optional for e in found)


def test_an_intention_in_a_quotation_is_optional() -> None:
    found = events('"We will seek a free trade agreement with Peru," the Chilean minister said.')
    assert found and all(e.optional for e in found)


def test_an_act_denied_is_optional() -> None:
    found = events("Kuwait said there were no plans for trade talks with Iran this year.")
    assert all(e.optional for e in found)


def test_an_act_reported_before_a_background_clause_is_todays() -> None:
    body = (
        "Ministers of Chile and Peru reviewed the Chile–Peru free trade agreement, which entered into force "
        "in March 2009, in Lima on Tuesday."
    )
    assert required(body) == [("agreement", {"CL", "PE"}, set())]


def test_a_headline_that_denies_is_not_an_act() -> None:
    title = "Ghana raises duties on imports from countries without trade deals"
    assert [e.type for e in events("The rates apply from May.", title=title) if not e.optional] == []


def test_a_headline_to_a_noun_is_no_future() -> None:
    body = "Officials gave no further details."
    assert types(body, title="Netherlands adds three firms to its export control list") == ["export_control"]
    assert types(body, title="Netherlands to add three firms to export control list") == []


def test_a_headline_about_the_future_needs_the_body_to_report_an_act() -> None:
    assert required("Officials gave no details.", title="Chile to launch FTA talks with India") == []
    body = "Chile and India signed a free trade agreement on Tuesday."
    assert required(body, title="Chile, India sign FTA") == [("agreement", {"CL", "IN"}, set())]


def test_a_future_measure_announced_is_reported() -> None:
    body = "The Turkish trade ministry announced that it will impose safeguard duties on imported steel."
    assert required(body) == [("trade_remedy", {"TR"}, set())]


def test_a_future_act_with_an_amount_is_a_commitment() -> None:
    body = "The Korean government will provide KRW 300 billion in policy loans to exporters, officials said."
    assert required(body) == [("subsidy", {"KR"}, set())]


def test_a_measure_named_as_context_or_topic_is_no_act() -> None:
    body = "Despite tariff cuts, the Chilean government announced a $40 million grant scheme for exporters."
    assert required(body) == [("subsidy", {"CL"}, set())]
    assert required("Peru's exporters face tariff uncertainty in the United States, officials said.") == []


# ---------------------------------------------------------------- one record per act


def test_measures_of_one_type_by_one_implementer_are_one_record() -> None:
    body = "Vietnam raised tariffs on cars on Monday. It also raised tariffs on steel by 5 percent."
    assert required(body) == [("tariff", {"VN"}, set())]


def test_a_name_restated_in_brackets_is_one_mention() -> None:
    body = (
        "Duties apply to goods that are not originating under the Trans-Pacific Free Trade Agreement "
        "(CPTPP), Brazil said on Tuesday."
    )
    assert [e.type for e in events(body)] == ["agreement"] and all(e.optional for e in events(body))


def test_a_bilateral_meeting_about_an_agreement_is_the_agreement() -> None:
    body = (
        "Trade ministers of Chile and Peru met in Lima on Monday. They reviewed the implementation of "
        "the Chile–Peru free trade agreement."
    )
    assert required(body) == [("agreement", {"CL", "PE"}, set())]


# ---------------------------------------------------------------- not events


@pytest.mark.parametrize(
    "body",
    [
        "Acme Corp signed a supply contract with Beta Ltd worth $20 million, the companies said.",
        "The central bank raised its benchmark interest rate to 5 percent on Thursday.",
        "Exports slowed in February as tariffs continued to weigh on demand.",
        "The jury found for the company in one of 300 lawsuits brought by customers.",
        "Startup Nimbus Labs Inc. raised $20 million in funding from venture investors.",
        "Immigrants were granted residence permits after the disputed review.",
    ],
)
def test_not_events(body: str) -> None:
    assert required(body) == []


# ---------------------------------------------------------------- dates


def test_the_date_of_the_act_in_its_sentence() -> None:
    (found,) = events("Brazil and Japan signed a free trade agreement in Tokyo on March 2.")
    assert found.date == "2026-03-02"


def test_no_date_written_is_the_lead_sentence_day_else_the_release_date() -> None:
    body = "The ministers met in Rome on Monday. Italy and Egypt also signed a memorandum of understanding."
    assert [e.date for e in events(body) if not e.optional] == ["2026-03-09"]
    (found,) = events("The Government of Ireland announced a grant scheme for offshore wind suppliers.")
    assert found.date == DAY


def test_a_date_in_brackets_is_an_aside() -> None:
    body = "Chile raised credit guarantees for exporters to $2 billion (from $1.5 billion in 2024) on Monday."
    (found,) = events(body)
    assert found.date == "2026-03-09" and not found.optional


def test_event_date_prefers_a_recent_day_to_a_future_or_past_one() -> None:
    today = date(2026, 3, 11)
    refs = [DateRef("2015", "2015", Span(0, 4)), DateRef("July 1", "2026-07-01", Span(10, 16)),
            DateRef("today", "2026-03-11", Span(30, 35))]
    assert event_date(refs, 12, today).value == "2026-03-11"
    assert event_date(refs[:2], 0, today).when is When.FUTURE
    assert event_date(refs[:1], 0, today).when is When.PAST
    assert date_range("2026-Q2") == (date(2026, 4, 1), date(2026, 6, 30))
    assert date_range("2026-H1") == (date(2026, 1, 1), date(2026, 6, 30))


# ---------------------------------------------------------------- the record and the tables


def test_an_event_carries_its_sentence_and_span() -> None:
    release = Release.create(title="Trade news", date=DAY, source="Test",
                             body="Brazil and Japan signed a free trade agreement on Monday.")
    (found,) = extract(release).events
    text = f"{release.title}\n\n{release.body}"
    assert text[found.span.start : found.span.end].strip() == found.sentence
    assert "free trade agreement" in found.sentence


def test_triggers_are_whole_words_and_the_more_specific_phrase_wins() -> None:
    text = "immigrants disputed the anti-dumping duties and the non-tariff barriers; tariffs rose"
    assert [(kind, text[s:e]) for kind, s, e in find_triggers(text)] == [
        ("trade_remedy", "anti-dumping duties"),
        ("tariff", "tariffs"),
    ]


def test_tables_hold_general_knowledge() -> None:
    assert AGENCIES["USTR"] == "US" and AGENCIES["METI"] == "JP" and AGENCIES["MOFCOM"] == "CN"
    assert DATELINES["Brussels"] == "EU" and DATELINES["Seoul"] == "KR"


def test_the_shortcut_for_texts_with_nothing_to_read_changes_no_result() -> None:
    """Where ``nothing_to_read`` skips a release, reading it would find no event either."""
    paths = [REPO / "data/samples/motir-2025-11.txt", REPO / "data/samples/ustr-2019.jsonl"]
    paths += sorted((REPO / "tests/golden").glob("*.jsonl"))
    paths += sorted((REPO / "tests/fixtures/readers").iterdir())
    own = [
        "China's new regulation on cosmetics took effect.",
        "Shares rose on Tuesday as investors cheered quarterly results.",
    ]
    releases = [r for path in paths for r in read_path(str(path)) if isinstance(r, Release)]
    releases += [Release.create(title="News", date=DAY, body=body, source="Test") for body in own]
    skipped = 0
    for release in releases:
        text = document_text(release)
        phrases = find_triggers(text)
        if nothing_to_read(text, phrases):
            found = extract(release)
            facts = (list(found.places), list(found.orgs), list(found.people), list(found.dates))
            assert read_events(text, date.fromisoformat(release.date), facts, phrases) == [], release.title
            skipped += 1
    assert skipped >= 5


def test_aid_approved_under_state_aid_rules_is_the_granting_countrys_subsidy() -> None:
    body = ("Brussels, 14 March 2025\n\nThe European Commission has approved, under EU State aid "
            "rules, a EUR 2.9 billion German measure to support a battery plant in Saxony.")
    found = [(e.type, e.implementer) for e in events(body, day="2025-03-14")]
    assert found == [("subsidy", ("DE", "EU"))]  # and State aid rules are no technical regulation


def test_who_is_hit_by_a_measure_is_no_agent_of_the_aid() -> None:
    body = "Korea will provide KRW 3 trillion in policy loans to exporters hit by U.S. tariffs."
    assert [(e.type, e.implementer) for e in events(body)] == [("subsidy", ("KR",))]


def test_a_statistics_release_is_dated_by_its_day_not_by_its_datas_month() -> None:
    body = "Statistics Korea said the consumer price index rose 2.0 percent in May."
    found = events(body, day="2025-06-03")
    assert [(e.type, e.date) for e in found] == [("statistics", "2025-06-03")]
    body = "The Korea Customs Service said exports in the first 10 days of June fell 2.3 percent."
    assert [e.type for e in events(body, day="2025-06-11")] == ["statistics"]


def test_home_from_the_government_site_that_published_it() -> None:
    body = "The Ministry of Economic Affairs announced on Monday that export orders rose 12.1% in February."
    release = Release.create(title="Export orders", date=DAY, body=body, source="Test",
                             url="https://www.economy.gov.tw/news/1")
    assert [(e.type, set(e.implementer)) for e in extract(release).events] == [("statistics", {"TW"})]


def test_a_government_body_that_says_so_releases_statistics() -> None:
    said = (
        "KUALA LUMPUR, 10 March 2026 - Total trade in February rose 4.6% year-on-year to RM112.35 "
        "billion, the Ministry of Investment, Trade and Industry (MITI) said today."
    )
    estimated = "NEW DELHI, March 10 - Overall exports in February 2026 are estimated at USD 74.2 billion."
    assert required(said) == [("statistics", {"MY"}, set())]
    assert required(estimated) == [("statistics", {"IN"}, set())]
    assert required("KUALA LUMPUR, 10 March 2026 - Sales rose 4.6% to RM11 billion, the company said.") == []


def test_a_balance_recorded_before_its_name_is_released_statistics() -> None:
    body = ("LIMA - Peru posted a trade surplus of US$ 2.1 billion in February, according to figures "
            "published on Tuesday by the central bank.")
    assert required(body) == [("statistics", {"PE"}, set())]
    assert required("LIMA - Peru posted a trade surplus of US$ 2.1 billion in February.") == []


def test_every_country_of_a_list_a_measure_targets_is_its_partner() -> None:
    body = ("OTTAWA - Global Affairs Canada today added 14 entities from Belarus, Myanmar and "
            "the Islamic Republic of Iran to its export control list.")
    assert required(body) == [("export_control", {"CA"}, {"BY", "MM", "IR"})]
    said = "Canada raised tariffs on steel from China, the United States said on Monday."
    assert [(kind, implementer) for kind, implementer, _ in required(said)] == [("tariff", {"CA"})]


def test_imports_suspended_or_banned_are_an_import_ban() -> None:
    assert required("Kenya suspended maize imports on Monday to shield local growers.") == [
        ("export_control", {"KE"}, set())]
    assert types("Ghana banned all poultry imports from Brazil this week.") == ["export_control"]
    assert types("Imports of maize rose 4% as buyers halted stockpiling.") == []


def test_money_provided_over_years_through_a_bank_to_support_firms_is_a_subsidy() -> None:
    body = ("WELLINGTON - The Government will provide up to NZ$400 million over four years through "
            "the state export credit agency to support exporters hit by the tariffs.")
    assert required(body) == [("subsidy", {"NZ"}, set())]


def test_a_two_sided_act_in_a_sentence_naming_no_side_has_the_headline_s_sides() -> None:
    found = events("Under the joint fact sheet, $2 billion will be invested in mining over five years.",
                   title="Peru, Chile agree on $2 bn investment package")
    assert {(e.type, frozenset(e.implementer)) for e in found if not e.optional} == {
        ("investment", frozenset({"PE", "CL"})), ("agreement", frozenset({"PE", "CL"}))}


def test_sanctioned_is_a_sanction() -> None:
    body = ("LONDON - The Foreign Office today sanctioned four firms based in Belarus and Myanmar for "
            "supplying drone parts.")
    assert required(body) == [("export_control", {"GB"}, {"BY", "MM"})]


def test_an_amount_of_support_provided_to_exporters_is_a_subsidy() -> None:
    body = ("OTTAWA - Export Development Canada provided C$3.2 billion of support to Canadian exporters "
            "hit by the tariffs.")
    assert required(body) == [("subsidy", {"CA"}, set())]


def test_a_future_measure_given_its_start_is_decided() -> None:
    body = ("HANOI - The government will require mandatory certification for imported helmets starting "
            "March 2027, the industry minister said on Wednesday.")
    assert required(body) == [("technical_regulation", {"VN"}, set())]
    hoped = "HANOI - The government will consider mandatory certification for imported helmets, he said."
    assert required(hoped) == []


def test_a_committee_s_name_and_regulations_of_unnamed_countries_are_no_home_measure() -> None:
    body = ("SEOUL - The ministry said it raised specific trade concerns over nine technical regulations "
            "of six countries at the WTO Committee on Technical Barriers to Trade (TBT) on Tuesday. "
            "It raised concerns over Brazil's labelling requirements for tyres.")
    assert required(body) == [("technical_regulation", {"BR"}, {"KR"})]


def test_home_named_as_a_measure_s_target_is_not_its_implementer() -> None:
    body = ("Lima, May 11, 2026.- The Minister of Foreign Trade met in Washington with U.S. Secretary of "
            "Commerce Ann Lee to review the 25% tariffs on Peruvian copper.")
    assert required(body) == [("tariff", {"US"}, {"PE"})]


def test_a_dispute_one_side_files_has_the_headline_s_other_side() -> None:
    found = events("Peru has filed a case at the WTO dispute settlement mechanism.",
                   title="Remarks on Chile's anti-dumping duties on Peruvian avocados")
    assert [(e.type, set(e.implementer)) for e in found if e.type == "dispute"] == [("dispute", {"PE", "CL"})]


def test_a_section_301_investigation_initiated_is_a_tariff_act() -> None:
    body = ("Today, the Office of the United States Trade Representative initiated an investigation under "
            "Section 301 into Chile's acts, policies, and practices related to digital trade.")
    assert [kind for kind, _, _ in required(body)] == ["tariff"]


def test_state_aid_for_a_country_s_plant_is_one_act_with_its_subsidy() -> None:
    body = ("BRUSSELS (AP) — The European Commission on Tuesday approved a 2 billion euro Spanish subsidy "
            "for a battery plant, the latest of its state aid decisions.")
    found = events(body, title="EU approves 2 billion euro state aid for Spanish battery plant")
    assert [(e.type, e.implementer[0]) for e in found if not e.optional] == [("subsidy", "ES")]


def test_a_release_naming_no_country_is_where_its_currency_is_from() -> None:
    body = "The government will provide 2 trillion won in low-interest loans to chipmakers this year."
    assert required(body) == [("subsidy", {"KR"}, set())]
    assert required("The government will provide $2 billion in low-interest loans to chipmakers.") == [
        ("subsidy", set(), set())
    ]


def test_an_agent_in_an_aside_acts_on_no_measure_here() -> None:
    body = ("SEOUL, March 30 (Yonhap) -- South Korea has added eight Chinese companies to its list of end "
            "users subject to stricter export screening, the ministry said, in a move that follows similar "
            "steps by the United States.")
    assert [(kind, codes) for kind, codes, _ in required(body)] == [("export_control", {"KR"})]


def test_a_future_someone_expects_is_no_announcement() -> None:
    body = ("LONDON, Feb 24 - Britain imposed sanctions on 50 companies, the Foreign Office announced. The "
            "European Union is expected to adopt its 20th sanctions package later this week.")
    assert [(kind, codes) for kind, codes, _ in required(body)] == [("export_control", {"GB"})]


def test_emergency_loans_are_a_subsidy() -> None:
    body = "The ministry will provide 300 billion won in emergency loans to small exporters."
    assert types(body) == ["subsidy"]


def test_a_meeting_with_mr_x_of_another_country_is_both_sides_and_may_the_month_no_modal() -> None:
    body = ("On May 10, 2026, Mr. Kenta Mori, Minister of Economy, Trade and Industry of Japan, held a video "
            "conference with Mr. Paul Reyes, Secretary of Commerce of the United States.")
    assert required(body, day="2026-05-11") == [("dialogue", {"JP", "US"}, set())]


def test_the_measure_a_complaint_is_over_is_the_defendant_s() -> None:
    found = events("The EU has today requested consultations with China at the WTO over Chinese export "
                   "restrictions on rare earths.", title="EU launches WTO dispute against China over export "
                   "restrictions on rare earths")
    assert sorted((e.type, set(e.implementer)) for e in found if not e.optional) == [
        ("dispute", {"CN", "EU"}), ("export_control", {"CN"})
    ]


def test_a_trade_and_investment_partnership_is_an_agreement() -> None:
    body = ("The United States and Kenya today announced the conclusion of negotiations on the U.S.-Kenya "
            "Strategic Trade and Investment Partnership.")
    assert types(body) == ["agreement"]


def test_a_home_measure_that_only_reaches_home_is_the_other_side_s() -> None:
    body = ("LONDON, 15 April 2026 - The UK-India Free Trade Agreement entered into force today. India will "
            "halve its tariffs on British whisky. Tariffs on British cars will fall to 10% under a quota.")
    found = [(e.type, set(e.implementer)) for e in events(body, day="2026-04-15") if e.type == "tariff"]
    assert found == [("tariff", {"IN"})]
