"""Statistics assembled from the amounts, percents, counts and dates of a text.

Every sentence here is made up for the test (none is taken from a gold set); each test
names the rule of ``pressdesk.extract.figures`` (and its helper modules) it pins down.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from pressdesk.extract import extract, figure_prediction
from pressdesk.extract.dates import extract_dates
from pressdesk.extract.figure_names import fit, word_count
from pressdesk.extract.figure_periods import _FIRST_MONTHS, _YEAR_TO_DATE, is_market_report
from pressdesk.extract.figure_values import _INDEX_BEFORE, _INDEX_WORD, find_quantities
from pressdesk.extract.figures import extract_figures
from pressdesk.extract.money import extract_money
from pressdesk.extract.percents import extract_percents
from pressdesk.facts import Figure
from pressdesk.models import Release
from pressdesk.readers import read_path
from pressdesk.series import series_key

TODAY = date(2025, 11, 20)
GOLDEN = Path(__file__).parent / "golden"
SAMPLE = Path(__file__).parents[1] / "data" / "samples" / "motir-2025-11.txt"


def figures(body: str, today: date = TODAY, title: str = "Statistics") -> list[Figure]:
    text = f"{title}\n\n{body}"
    return extract_figures(
        text, today, extract_money(text), extract_percents(text), extract_dates(text, today)
    )


def rows(body: str, today: date = TODAY, title: str = "Statistics") -> list[tuple[object, ...]]:
    """Each figure as (indicator, period, value, unit, change, direction)."""
    return [
        (f.indicator, f.period, f.value, f.unit, f.change, f.direction) for f in figures(body, today, title)
    ]


# ---------------------------------------------------------------- numbers grouped into figures


def test_a_change_and_the_level_it_reached_make_one_figure() -> None:
    (found,) = figures("Copper exports rose 6.4 percent year-on-year to $2.1 billion in March.")
    assert (found.indicator, found.period, found.value, found.unit) == (
        "Copper exports",
        "2025-03",
        2.1e9,
        "USD",
    )
    assert (found.change, found.change_unit, found.direction, found.basis) == (
        6.4,
        "percent",
        "up",
        "year-on-year",
    )
    assert found.series == series_key("Copper exports") and found.kind == "actual"


def test_a_level_then_its_change_in_points() -> None:
    assert rows(
        "The household savings rate came to 3.2 percent last month, up 0.4 percentage point from May."
    ) == [("household savings rate", "2025-10", 3.2, "percent", 0.4, "up")]


def test_a_change_in_money_is_a_change() -> None:
    assert rows("Exports were $210.4 billion in August, $3.9 billion less than July exports.") == [
        ("Exports", "2025-08", 210.4e9, "USD", 3.9e9, "down")
    ]


def test_a_change_read_two_ways_keeps_the_percent() -> None:
    body = "Tin prices rose 45.5 dollars, or 1.8 percent, to 2,561.75 on Tuesday."
    assert [(f.indicator, f.change, f.change_unit, f.value) for f in figures(body)] == [
        ("Tin prices", 1.8, "percent", 2561.75)
    ]


def test_a_base_is_a_figure_of_its_own_period() -> None:
    assert rows("Wine exports fell to €1.2 billion in 2024 from €1.5 billion in 2023.") == [
        ("Wine exports", "2024", 1.2e9, "EUR", None, None),
        ("Wine exports", "2023", 1.5e9, "EUR", None, None),
    ]


def test_a_base_written_a_year_ago_is_a_year_before() -> None:
    body = "About 2.4 million passengers flew with domestic airlines in June, up from 2.1 million a year ago."
    assert [(f.indicator, f.period, f.value, f.unit) for f in figures(body)] == [
        ("passengers", "2025-06", 2.4e6, "count"),
        ("passengers", "2024-06", 2.1e6, "count"),
    ]


def test_a_bare_number_after_an_amount_is_in_its_currency() -> None:
    body = "Cement sales rose to 840 million dollars in 2024 from 795 million in 2023."
    assert [(f.period, f.value, f.unit) for f in figures(body)] == [
        ("2024", 840e6, "USD"),
        ("2023", 795e6, "USD"),
    ]


def test_a_change_against_another_base_is_a_figure_of_its_own() -> None:
    body = "Hotel guests reached 1.1 million in May, 8.2 percent more than in 2019."
    assert [(f.value, f.change) for f in figures(body)] == [(1.1e6, None), (None, 8.2)]


def test_numbers_across_a_clause_boundary_are_two_figures() -> None:
    body = "Industrial output grew 0.6% in August after falling 0.2% in July."
    assert rows(body) == [
        ("Industrial output", "2025-08", None, None, 0.6, "up"),
        ("Industrial output", "2025-07", None, None, 0.2, "down"),
    ]


# ---------------------------------------------------------------- names


def test_the_subject_names_the_figure_without_its_dates_and_articles() -> None:
    (found,) = figures("The number of new car registrations in September 2025 rose 4.5 percent.")
    assert (found.indicator, found.period) == ("new car registrations", "2025-09")


def test_a_subject_after_a_verb_of_saying() -> None:
    (found,) = figures("The statistics office said that retail sales fell 1.2% in October.")
    assert found.indicator == "retail sales"


def test_an_insertion_between_commas_is_read_past() -> None:
    (found,) = figures("Core inflation, which excludes food and energy, eased to 2.9% in October.")
    assert (found.indicator, found.value) == ("Core inflation", 2.9)


def test_bracketed_items_take_the_frame_their_list_hangs_from() -> None:
    body = "Shipments rose to Canada (up 3.1%), Mexico (up 2.2%) and Brazil (down 1.4%) in July."
    assert [(f.indicator, f.change, f.direction) for f in figures(body)] == [
        ("Shipments to Canada", 3.1, "up"),
        ("Shipments to Mexico", 2.2, "up"),
        ("Shipments to Brazil", 1.4, "down"),
    ]


def test_items_of_a_list_with_at_and_with() -> None:
    body = (
        "Toy exports totaled $9.8 billion in 2024. Germany was the top buyer with $3.1 billion, followed by "
        "France with $2.2 billion and Italy at $1.9 billion."
    )
    assert [(f.indicator, f.value) for f in figures(body)] == [
        ("Toy exports", 9.8e9), ("Germany", 3.1e9), ("France", 2.2e9), ("Italy", 1.9e9)
    ]  # fmt: skip


def test_an_amount_named_only_by_whose_it_is_needs_a_measure_before_it() -> None:
    assert figures("Germany was the top buyer with $3.1 billion.") == []


def test_the_noun_an_amount_qualifies() -> None:
    body = "Grain imports rose 3% to $4.5 billion, leaving a $1.2 billion deficit in the farm trade."
    assert [f.indicator for f in figures(body)] == ["Grain imports", "deficit"]


def test_a_count_in_a_subjects_place_counts_its_noun() -> None:
    (found,) = figures("According to the tourism board, about 820,000 foreign visitors arrived in July.")
    assert (found.indicator, found.value, found.unit, found.period) == (
        "foreign visitors",
        820_000,
        "count",
        "2025-07",
    )


def test_the_object_of_a_verb_of_change_names_the_figure() -> None:
    (found,) = figures("The central bank has since lowered its policy rate to 3.5 percent.")
    assert (found.indicator, found.value) == ("central bank policy rate", 3.5)


def test_a_measure_written_between_verb_and_number() -> None:
    (found,) = figures("Brightline Foods posted third-quarter net income of $450 million.")
    assert (found.indicator, found.period, found.value) == ("Brightline Foods net income", "2025-Q3", 450e6)


def test_an_entity_takes_the_measure_written_around_its_amount() -> None:
    body = (
        "The three largest insurers earned 2.1 trillion won overseas in 2024. "
        "Vela Life generated 310 billion won in premium income in 2024."
    )
    assert [f.indicator for f in figures(body)] == [
        "three largest insurers overseas earnings",
        "Vela Life premium income",
    ]


def test_a_percent_of_a_whole_is_a_share() -> None:
    body = (
        "Services accounted for 61.5 percent of GDP in 2024, while small firms made up 38 percent of exports."
    )
    assert [(f.indicator, f.value) for f in figures(body)] == [
        ("Services share of GDP", 61.5),
        ("small firms share of exports", 38.0),
    ]


def test_pronouns_and_possessives_take_their_owner() -> None:
    body = "Acme Corp earned $5 million in 2023, but its profit fell to $3 million in 2024."
    assert [(f.indicator, f.period) for f in figures(body)] == [
        ("Acme Corp earnings", "2023"),
        ("Acme Corp profit", "2024"),
    ]


def test_a_bare_head_takes_the_qualifiers_of_its_sibling() -> None:
    body = "Coffee exports rose 4% to $300 million in May. Imports fell 2% to $120 million."
    assert [f.indicator for f in figures(body)] == ["Coffee exports", "Coffee imports"]
    body = "Outbound shipments rose 4% to $300 million in May. Imports fell 2% to $120 million."
    assert [f.indicator for f in figures(body)] == ["Outbound shipments", "Imports"]  # not outbound


def test_a_percent_level_names_a_rate() -> None:
    (found,) = figures("Mortgage loans jumped 0.2 percentage point to 4.5 percent in October.")
    assert found.indicator == "Mortgage loans rate"


def test_respectively_shares_the_names_out() -> None:
    body = (
        "Pension funds and insurers bought a net 12.1 billion yen and 3.4 billion yen of bonds, respectively."
    )
    assert [f.indicator for f in figures(body)] == ["Pension funds net buying", "insurers net buying"]


def test_names_keep_within_eight_words() -> None:
    assert (
        word_count(fit("average yield on ten-year bonds issued by the central government of the republic"))
        <= 8
    )
    assert fit("ICT exports") == "ICT exports"


# ---------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "body",
    [
        "The firm signed a $2 billion supply contract with a Spanish utility.",
        "The government set up a new $500 million fund for start-ups.",
        "The ministry approved a $1.5 billion plant in the northern province.",
        "The country imposed a 25 percent tariff on imported steel.",
        "Visitor numbers are nearing the symbolic 10 million mark.",
        "Profits could surpass $1 billion this year.",
        "Rules required 30 percent of new shares to go to retail investors.",
        "Each of 4.2 million subscribers will receive a voucher worth 10,000 won.",
        "The event brought together around 80 participants from 12 countries.",
        "Rooms 1 and 2 of Building 1724 will be closed on Monday.",
        "Each share will be converted into 25 shares of the merged company.",
        "The lender and 15 associated companies face claims in court.",
    ],
)
def test_numbers_that_are_no_figures(body: str) -> None:
    assert figures(body) == [], body


def test_a_target_is_not_a_figure_but_the_level_it_starts_from_is() -> None:
    body = "The agency aims to raise the recycling rate from the current 35 percent to 60 percent by 2030."
    assert [(f.indicator, f.value) for f in figures(body)] == [("recycling rate", 35.0)]


def test_analysts_expectations_are_not_figures() -> None:
    assert rows("Output rose 2.2% in May, beating a median forecast of 1.5% growth.") == [
        ("Output", "2025-05", None, None, 2.2, "up")
    ]


def test_a_forecast_is_a_figure_of_kind_forecast() -> None:
    (found,) = figures("The ministry projected annual exports to reach $720 billion this year.")
    assert (found.indicator, found.period, found.value, found.kind) == (
        "annual exports",
        "2025",
        720e9,
        "forecast",
    )
    assert figure_prediction(found)["kind"] == "forecast"


def test_a_bare_count_needs_a_counted_name() -> None:
    assert figures("The company now has 1.2 million in reserve.") == []
    assert rows("Car sales reached 1.2 million in 2024.") == [
        ("Car sales", "2024", 1.2e6, "count", None, None)
    ]


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("From January to August, steel exports rose 3.2 percent.", "2025-01/2025-08"),
        ("Steel exports rose 3.2 percent in the first nine months of 2025.", "2025-01/2025-09"),
        ("Through the third quarter of 2025, steel exports rose 3.2 percent.", "2025-01/2025-09"),
        ("Steel exports rose 3.2 percent in the three months to June 2025.", "2025-Q2"),
        ("Steel exports rose 3.2 percent in the April-June quarter.", "2025-Q2"),
        ("Steel exports rose 3.2 percent in the May 2025 through July 2025 period.", "2025-05/2025-07"),
        ("Steel exports rose 3.2 percent in the Sept. 1-20 period.", "2025-09-01/2025-09-20"),
        ("Steel exports stood at $3 billion at the end of September.", "2025-09"),
        ("Steel exports rose 3.2 percent in the second half of 2024.", "2024-H2"),
    ],
)
def test_periods_and_cumulative_ranges(body: str, period: str) -> None:
    (found,) = figures(body)
    assert found.period == period


def test_year_to_date_ends_with_the_month_the_release_is_about() -> None:
    body = "Exports rose 2% to $50 billion in September. Year-to-date, exports increased 4.5 percent."
    assert [f.period for f in figures(body)] == ["2025-09", "2025-01/2025-09"]


def test_a_base_date_is_not_the_period() -> None:
    (found,) = figures(
        "Tourist arrivals rose 12 percent from September, data showed in November.",
        title="Arrivals in October",
    )
    assert found.period == "2025-10"


def test_the_period_is_carried_to_later_sentences_and_from_the_title() -> None:
    body = "Rice exports fell 3 percent. Wheat exports rose 5 percent to $1.1 billion."
    assert [f.period for f in figures(body, title="Farm exports in June")] == ["2025-06", "2025-06"]


def test_a_date_after_when_belongs_to_its_clause_only() -> None:
    body = (
        "The peso closed at 58.12 to the dollar on Friday, its weakest since Oct. 2, when it finished at "
        "58.40. The stock index closed at 6,210.45, up 1.2 percent."
    )
    found = figures(body, date(2025, 11, 14))
    assert [(f.indicator, f.period) for f in found] == [
        ("peso", "2025-11-14"), ("peso", "2025-10-02"), ("stock index", "2025-11-14")
    ]  # fmt: skip


def test_a_market_report_dates_its_figures_by_the_day() -> None:
    body = (
        "Shares closed higher. The benchmark index added 31.2 points to close at 2,804.51, and the yield "
        "on three-year bonds fell 2.1 basis points to 2.61 percent."
    )
    found = figures(body, date(2025, 11, 14))
    assert [(f.period, f.value, f.unit, f.change, f.change_unit) for f in found] == [
        ("2025-11-14", 2804.51, "points", 31.2, "points"),
        ("2025-11-14", 2.61, "percent", 2.1, "basis points"),
    ]


# ---------------------------------------------------------------- one figure per statistic


def test_a_change_and_a_level_written_apart_are_merged() -> None:
    body = (
        "The number of foreign tourists rose 14.2 percent in August from a year earlier. "
        "About 1.3 million foreign visitors came in August."
    )
    assert rows(body) == [("foreign visitors", "2025-08", 1.3e6, "count", 14.2, "up")]


def test_a_statistic_written_twice_is_kept_once() -> None:
    body = "Imports fell 2 percent to $5 billion. Machinery imports fell 2 percent to $5 billion."
    assert [f.indicator for f in figures(body)] == ["Machinery imports"]


# ---------------------------------------------------------------- quantities


def test_counts_points_basis_points_and_units_are_read() -> None:
    text = (
        "It lost 1.9 basis points; the index added 45.5 points to close at 2,561.75; 12.87 million "
        "metric tons; 3,200-ton ships; No. 1 maker; 7 of 9 subsectors; 840,000 vehicles."
    )
    found = find_quantities(text, extract_money(text), extract_percents(text), [])
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (1.9, "basis points", "points"),
        (45.5, "points", "points"),
        (2561.75, "points", "level"),
        (12.87e6, "metric tons", "count"),
        (840_000, "count", "count"),
    ]
    assert found[-1].noun == "vehicles"


def test_an_amount_converted_in_brackets_is_one_amount() -> None:
    text = "Revenue was 14.35 trillion won (US$10.02 billion)."
    assert [(q.value, q.unit) for q in find_quantities(text, extract_money(text), [], [])] == [
        (14.35e12, "KRW")
    ]


# ---------------------------------------------------------------- prefilters and series


def test_speed_prefilters_change_no_result() -> None:
    """The cheap checks in front of patterns let through every text the pattern matches."""
    samples = [
        "in the first ten months of 2025", "year-to-date", "Year to date", "so far this year", "YTD",
        "The PMI rose to 50.4 from 49.8", "confidence index was 101.3",
    ]  # fmt: skip
    texts = [*samples, *_inputs()]
    for text in texts:
        if _FIRST_MONTHS.search(text):
            assert "first" in text.lower()
        for m in _YEAR_TO_DATE.finditer(text):
            assert any(cue in m.group(0).lower() for cue in ("to-date", "to date", "so far", "ytd"))
        for m in re.finditer(r"\d+\.\d+", text):
            if _INDEX_BEFORE.search(text, max(0, m.start() - 90), m.start()):
                assert _INDEX_WORD.search(text, max(0, m.start() - 20), m.start())


def test_a_market_report_is_told_by_its_phrases() -> None:
    assert is_market_report("Stocks closed higher on Monday. The yield fell 2 basis points.")
    assert not is_market_report("Exports rose 5 percent to $3 billion in October.")


def test_every_name_of_a_series_has_one_key() -> None:
    names = ["chip exports", "semiconductor exports", "exports of semiconductors", "Semiconductor Exports"]
    assert len({series_key(n) for n in names}) == 1
    assert series_key("exports of ICT") == series_key("ICT exports")
    assert series_key("exports to China") != series_key("China's exports")
    assert series_key("consumer prices") == series_key("CPI")
    assert series_key("foreign tourists") == series_key("foreign visitors")


# ---------------------------------------------------------------- golden


def _inputs() -> list[str]:
    return [f"{r.title}\n\n{r.body}" for r in read_path(str(SAMPLE)) if isinstance(r, Release)]


def test_the_samples_figures() -> None:
    """The figures of the sample releases, as ``pressdesk extract`` prints them."""
    got = [
        {"title": r.title, "figures": [figure_prediction(f) for f in extract(r).figures]}
        for r in read_path(str(SAMPLE))
        if isinstance(r, Release)
    ]
    want = json.loads((GOLDEN / "figures-sample.json").read_text(encoding="utf-8"))
    assert got == want


def test_the_year_ended_a_month_is_the_twelve_months_to_it() -> None:
    found = figures("The annual trade deficit was $4.9 billion in the year ended October 2025.")
    assert [f.period for f in found] == ["2024-11/2025-10"]


def test_trade_with_a_partner_is_an_indicator() -> None:
    assert rows("U.S. goods trade with Indonesia totaled an estimated $38.3 billion in 2025.") == [
        ("U.S. goods trade with Indonesia", "2025", 38.3e9, "USD", None, None)]
    assert rows("Trade between the UK and Japan totaled £57.2 billion in 2025.") == [
        ("Trade between UK and Japan", "2025", 57.2e9, "GBP", None, None)]


def test_a_measure_valued_at_is_a_level_and_the_same_period_is_no_part_of_its_name() -> None:
    found = rows("Exports reached $393.6 billion in the first ten months. "
                 "Imports over the same period were valued at $370.8 billion, up 17.2 per cent.",
                 date(2026, 11, 6))
    assert found[1] == ("Imports", "2026-01/2026-10", 370.8e9, "USD", 17.2, "up")
    assert rows("The deal, valued at $5 billion, was signed in March.") == []


def test_an_opening_exclusion_qualifies_the_subject() -> None:
    found = rows("Exports fell 7.1% in September. Excluding energy products, exports were down 0.9%.")
    assert found[1] == ("exports excluding energy products", "2025-09", None, None, 0.9, "down")


def test_a_scaled_count_is_its_value_as_written() -> None:
    text = "Arrivals reached 2.01 million, up from 4.18 billion."
    found = find_quantities(text, extract_money(text), extract_percents(text), [])
    assert [q.value for q in found] == [2_010_000, 4_180_000_000]


def test_a_change_between_two_years_is_for_the_second() -> None:
    """"rose 38% between 2021 and 2024": 2021 is the base, the level reached is 2024's (and
    a figure after it in the sentence carries 2024)."""
    text = ("Imports of plywood from Zandovia increased by 38% between 2021 and 2024, reaching "
            "EUR 310 million, while their market share rose to 19%.")
    found = figures(text, date(2025, 6, 2))
    assert [(f.period, f.value, f.change) for f in found] == [("2024", 310e6, 38.0), ("2024", 19.0, None)]


def test_a_cause_does_not_own_the_measure_it_moves() -> None:
    """"the regime had cut imports of steel by 23%": the regime is no owner of the imports; a
    name is ("Samsung Electronics raised chip output"), and so is one whose measure it is."""
    assert [f.indicator for f in figures("The regime had cut imports of flat steel by 23% in May.")] == [
        "imports of flat steel"]
    assert [f.indicator for f in figures("Halvard Steel raised its output by 5% in May.")] == [
        "Halvard Steel output"]


def test_a_change_over_the_year_before_is_the_levels_change() -> None:
    body = "Exports to Asia totalled $112.3 billion in 2024, an increase of 4.8% over 2023."
    assert rows(body) == [("Exports to Asia", "2024", 112.3e9, "USD", 4.8, "up")]


def test_a_current_account_is_no_verb() -> None:
    body = "The current account surplus stood at $9.2 billion in October, the central bank said."
    assert rows(body) == [("current account surplus", "2025-10", 9.2e9, "USD", None, None)]
    assert [f.indicator for f in figures("Chips account for 20.1 percent of exports.")] == [
        "Chips share of exports"]


def test_a_pledge_that_qualifies_its_noun_is_no_plan_and_quarters_count_from_january() -> None:
    body = "Foreign direct investment pledged to Korea hit $30.5 billion in the first three quarters."
    assert rows(body) == [("Foreign direct investment", "2025-01/2025-09", 30.5e9, "USD", None, None)]
    assert rows("The government pledged to boost exports to $50 billion by 2030.") == []


def test_the_first_days_of_a_month_and_those_of_another_series() -> None:
    body = ("Outbound shipments of chips in the first 20 days of November rose 25.4 percent to "
            "$12.1 billion, while those of cars fell 2.1 percent.")
    assert rows(body) == [
        ("Outbound shipments of chips", "2025-11-01/2025-11-20", 12.1e9, "USD", 25.4, "up"),
        ("Outbound shipments of cars", "2025-11-01/2025-11-20", None, None, 2.1, "down")]
    assert [f.period for f in figures("Exports from Nov. 1-20 rose 8.2 percent to $35.1 billion.")] == [
        "2025-11-01/2025-11-20"]


def test_twelve_months_to_the_end_of_a_quarter_and_newly_established_firms() -> None:
    body = "UK exports totalled £873 billion in the 12 months to the end of Q2 2025."
    assert [f.period for f in figures(body)] == ["2024-07/2025-06"]
    body = "The number of newly established foreign-invested firms was 53,782, up 14.7%."
    assert [(f.value, f.change) for f in figures(body)] == [(53782, 14.7)]


def test_a_signed_percent_in_brackets_is_the_change_of_the_level_before() -> None:
    body = "Chip exports reached $16.6 billion (+25.4%) in October, car exports $6.0 billion (down 2.1%)."
    assert [(f.value, f.change, f.direction, f.period) for f in figures(body)] == [
        (16.6e9, 25.4, "up", "2025-10"), (6.0e9, 2.1, "down", "2025-10")]


def test_a_change_restated_in_money_in_brackets_is_no_figure() -> None:
    body = ("The goods trade deficit with Elbonia was $295.4 billion in 2024, a 5.8 percent increase"
            " ($16.3 billion) over 2023.")
    assert [(f.value, f.change) for f in figures(body)] == [(295.4e9, 5.8)]
    assert [(f.value, f.change) for f in figures("Exports rose 5% ($2 billion) to $42 billion in 2024.")] == [
        (42e9, 5.0)]


def test_a_period_in_brackets_after_a_number_is_not_its_own() -> None:
    assert [(f.period, f.value) for f in figures("Sales were $5 billion ($3 billion in 2023).")] == [
        (None, 5e9)]


def test_their_measure_is_owned_by_a_name_not_by_the_last_sentences_phrase() -> None:
    body = ("The review follows a complaint lodged by producers representing 25% of output. Imports "
            "from Elbonia rose 38% to EUR 310 million in 2024, while their market share rose to 19%.")
    assert [f.indicator for f in figures(body)][-1] == "market share"


# ---------------------------------------------------------------- other governments' styles (own words)


def test_an_amount_in_another_currency_in_brackets_restates_the_level() -> None:
    assert rows(
        "Trade in goods rose 3.3 percent to 9.4 trillion yuan (about 1.31 trillion U.S. dollars) in the "
        "first four months of 2025."
    ) == [("Trade in goods", "2025-01/2025-04", 9.4e12, "CNY", 3.3, "up")]


def test_a_change_of_one_percent_to_another_is_a_range() -> None:
    assert rows("The bureau expects orders of an annual increase of 20.5% to 24.1% in December.") == []


def test_a_bare_verb_after_and_goes_on_with_the_modal_before() -> None:
    pact = "The minister said the pact would boost trade by £3.1 billion and raise GDP by £1.2 billion."
    assert rows(pact) == []
    (found,) = figures("Shipments are projected to rise 4% in 2026 and reach $9 billion.")
    assert (found.kind, found.value, found.change) == ("forecast", 9e9, 4.0)
    assert [r[0] for r in rows("Exports rose 5% in May and hit a record $5 billion.")] == ["Exports"]


def test_a_month_alone_is_an_aside_in_a_cumulative_report() -> None:
    assert [r[:2] for r in rows(
        "Trade rose 2.2 percent to 7.1 trillion yuan in the first four months. In April alone, trade "
        "grew 1.4 percent to 1.9 trillion yuan. Exports climbed 4.1 percent to 4.0 trillion yuan."
    )] == [("Trade", "2025-01/2025-04"), ("trade", "2025-04"), ("Exports", "2025-01/2025-04")]


def test_a_country_ranked_among_partners_names_the_trade_with_it() -> None:
    assert [r[:3] for r in rows(
        "Japan remained Chile's largest export market with USD 9.3 billion in 2024, while Peru was the "
        "largest source of imports at USD 4.1 billion. ASEAN was its second-largest trading partner, "
        "with bilateral trade reaching USD 2.2 billion."
    )] == [
        ("exports to Japan", "2024", 9.3e9),
        ("imports from Peru", "2024", 4.1e9),
        ("trade with ASEAN", "2024", 2.2e9),
    ]


def test_a_bare_head_in_the_release_keeps_a_later_one_unqualified() -> None:
    assert [r[0] for r in rows(
        "Exports fell 2.4% in June. Shipments to Canada slid 11.3%, led by a 26.7% drop in steel exports. "
        "Imports rose 0.2%."
    )] == ["Exports", "Shipments to Canada", "steel exports", "Imports"]


def test_traded_goods_worth_an_amount_name_where_they_went() -> None:
    assert [r[:3] for r in rows(
        "Chile exported goods worth $4.2 billion to the United States in 2024. The EU imported "
        "copper worth €310 million from Chile in 2024."
    )] == [("Chile exports to United States", "2024", 4.2e9), ("EU copper imports from Chile", "2024", 310e6)]


def test_a_fiscal_year_that_ended_in_a_month_is_its_twelve_months() -> None:
    assert [r[:2] for r in rows("Exports reached $9.1 billion in the fiscal year that ended in March.")] == [
        ("Exports", "2024-04/2025-03")
    ]


def test_a_figure_in_the_period_before_is_that_period_s() -> None:
    assert [r[:2] + r[4:] for r in rows(
        "The economy grew by 3.9 per cent in the first quarter of 2025, faster than the 2.9 per cent growth "
        "in the previous quarter. Output rose 6.2 per cent in the first quarter, extending the 4.1 per cent "
        "growth in the preceding quarter, and reversing the 0.5 per cent contraction a year ago. "
        "Construction grew 4.5 per cent."
    )] == [
        ("economy", "2025-Q1", 3.9, "up"),
        ("economy", "2024-Q4", 2.9, "up"),
        ("Output", "2025-Q1", 6.2, "up"),
        ("Output", "2024-Q4", 4.1, "up"),
        ("Output", "2024-Q1", 0.5, "down"),
        ("Construction", "2025-Q1", 4.5, "up"),
    ]


def test_words_of_a_change_name_no_figure() -> None:
    estimated = "Exports in May are estimated at USD 7.4 billion, registering a positive growth of 8.1 pct."
    assert rows(estimated) == [
        ("Exports", "2025-05", 7.4e9, "USD", 8.1, "up")
    ]
    assert rows("Exports were USD 7 billion, a robust increase of 8.1 per cent.") == [
        ("Exports", None, 7e9, "USD", 8.1, "up")
    ]


def test_an_acronym_in_brackets_stands_for_the_words_it_abbreviates() -> None:
    assert [r[0] for r in rows(
        "Exports of electrical and electronic (E&E) products, which accounted for 41.2% of total exports, "
        "rose by 9.2% to RM15.1 billion."
    )] == ["Exports of E&E products share of total exports", "Exports of E&E products"]


def test_an_amount_worth_of_goods_from_a_country_names_them() -> None:
    found = rows("Chile imported $1.4 billion worth of nickel products from Peru in 2024.")
    assert [r[0] for r in found] == ["Chile nickel imports from Peru"]


def test_a_participle_after_a_determiner_in_the_subject_governs_nothing() -> None:
    assert rows("The number of employed people came to 21.3 million in May, down 41,000 on the year.") == [
        ("employed people", "2025-05", 21.3e6, "count", 41000.0, "down")
    ]
    assert rows("The proposed issue volume is 475 billion yen.") == []


def test_any_rank_among_partners_names_the_trade() -> None:
    found = rows("Peru is Chile's fifth-largest trading partner, with trade reaching $7.4 billion.")
    assert [r[0] for r in found] == ["trade with Peru"]


def test_goods_counted_then_valued_are_one_series_of_one_period() -> None:
    assert rows("Chile exported 929,000 tonnes of fresh cherries worth 2.1 billion US dollars in 2024.") == [
        ("Chile fresh cherries exports", "2024", 929000.0, "tonnes", None, None),
        ("Chile fresh cherries exports", "2024", 2.1e9, "USD", None, None),
    ]


def test_the_items_of_a_list_under_a_head_are_named_by_it() -> None:
    assert [r[:2] for r in rows(
        "Exports by region in October: Peru USD 2.9 billion (+6.1%), Canada USD 1.8 billion (-2.4%). "
        "Imports by major item: - Crude oil: USD 6.1 billion (-8.2%) - Copper: USD 1.2 billion (+4.0%)"
    )] == [
        ("exports to Peru", "2025-10"),
        ("exports to Canada", "2025-10"),
        ("Crude oil imports", "2025-10"),
        ("Copper imports", "2025-10"),
    ]


def test_a_split_year_is_a_fiscal_year_of_the_country_counted_in() -> None:
    australian = rows("Exports fell 10% to A$415 billion in 2024-25 from A$460 billion in 2023-24.")
    assert [r[:2] for r in australian] == [("Exports", "2024-07/2025-06"), ("Exports", "2023-07/2024-06")]
    indian = rows("Trade stood at USD 1.3 billion in 2024-25.")
    assert [r[:2] for r in indian] == [("Trade", "2024-04/2025-03")]
    ending = rows("GDP grew 2% in 2024-25, ending June 30.")
    assert [r[:2] for r in ending] == [("GDP", "2024-07/2025-06")]
    assert [r[:2] for r in rows("Exports rose 3% to $4 billion in 2019-21.")] == [("Exports", "2019")]


def test_a_growth_rate_s_base_is_the_growth_of_the_period_before_and_expectations_no_figure() -> None:
    assert [r[1:] for r in rows(
        "GDP grew 5.2 per cent in the third quarter from a year earlier, slowing from 5.4 per cent in the "
        "second quarter but beating the 5.1 per cent expected by analysts."
    )] == [("2025-Q3", None, None, 5.2, "up"), ("2025-Q2", None, None, 5.4, "up")]


def test_a_dateline_s_month_is_no_part_of_a_name() -> None:
    found = figures("Lima, October 8 (Andina) Peru's exports in September rose 8.2 percent to US$5.6 bn.")
    assert [f.indicator for f in found] == ["Peru's exports"]


def test_a_part_that_came_from_a_country_is_its_share() -> None:
    found = rows("Chile imported 18,000 tonnes of rare earth magnets in 2024, of which 98% came from China.")
    assert [r[:3] for r in found] == [
        ("Chile rare earth magnets imports", "2024", 18000.0),
        ("China share of Chile rare earth magnets imports", "2024", 98.0),
    ]


def test_a_target_of_a_percent_is_no_figure_and_those_to_a_place_go_on() -> None:
    assert [r[0] for r in rows(
        "Exports to Peru fell 3.5 percent in October, while those to the rest of Asia rose 1.1 percent. "
        "Growth stayed on track to meet the government's target of 8% for the year."
    )] == ["Exports to Peru", "Exports to rest of Asia"]


def test_a_change_in_volume_and_one_in_value_are_each_measure_s() -> None:
    found = rows("Ecuador shipped 310,000 tonnes of shrimp worth US$ 1.9 billion in the first half, "
                 "up 6% in volume and 2% in value.", today=date(2026, 8, 4))
    assert [(r[2], r[3], r[4], r[5]) for r in found] == [
        (310000.0, "tonnes", 6.0, "up"), (1900000000.0, "USD", 2.0, "up")]
    found = rows("Banana exports fell 4% by value and 1.5% by volume in June.", today=date(2026, 8, 4))
    assert [(r[0], r[1], r[4]) for r in found] == [
        ("Banana exports value", "2026-06", 4.0), ("Banana exports volume", "2026-06", 1.5)]


def test_a_foreign_trade_deficit_lends_no_foreign_to_the_exports_after_it() -> None:
    found = rows("Peru's imports fell 1.2% to $20.1 billion in May, narrowing the foreign trade deficit to "
                 "$3.3 billion. In January-May, exports reached $98.0 billion.", today=date(2026, 6, 2))
    assert [r[0] for r in found] == ["Peru's imports", "foreign trade deficit", "exports"]


def test_a_balance_a_verb_records_after_and_or_with_is_named_by_its_object() -> None:
    february, june = date(2026, 2, 3), date(2026, 6, 3)
    found = rows("Trade grew 4% in 2025, with Peru recording a surplus of $2.2 billion.", today=february)
    assert [r[:3] for r in found][1:] == [("Peru surplus", "2025", 2200000000.0)]
    found = rows("Exports rose in May, and Chile posted a trade surplus of $1.4 billion.", today=june)
    assert [r[:3] for r in found] == [("Chile trade surplus", "2026-05", 1400000000.0)]


def test_a_ranked_partner_s_trade_with_its_change_before_the_level() -> None:
    found = rows("The European Union remained Chile's second largest trading partner, with trade up 3.1 "
                 "percent to $21.0 billion in 2025.", today=date(2026, 2, 3))
    assert [r[:5] for r in found] == [("trade with European Union", "2025", 21000000000.0, "USD", 3.1)]


def test_a_change_between_a_year_and_a_period_that_is_no_date_has_that_year_as_its_base() -> None:
    found = rows("Imports from Viet Nam rose by 85% between 2022 and the investigation period, reaching "
                 "2.4 million cubic metres, while the market share of Union producers fell to 38%.",
                 today=date(2026, 10, 10))
    assert found == [
        ("Imports from Viet Nam", None, 2400000.0, "cubic meters", 85.0, "up"),
        ("market share of Union producers", None, 38.0, "percent", None, None),
    ]


def test_the_four_quarters_to_a_month_are_the_year_ending_with_it() -> None:
    found = rows("Exports of services rose 7% to £40.2 billion in the four quarters to the end of March "
                 "2026.", today=date(2026, 6, 12))
    assert [r[:2] for r in found] == [("Exports of services", "2025-04/2026-03")]


def test_a_bare_flow_after_one_with_a_partner_is_the_other_way_with_it() -> None:
    found = rows("Peru's exports to Mercosur countries stood at USD 2.1 billion in 2025, while imports were "
                 "USD 4.4 billion.", today=date(2026, 3, 2))
    assert [r[0] for r in found] == [
        "Peru's exports to Mercosur countries", "Peru's imports from Mercosur countries"]
    told = rows("Peru's exports fell 1.3% in May. Exports to China dropped 2.8%. Imports rose 0.9%.",
                today=date(2026, 6, 2))
    assert [r[0] for r in told] == ["Peru's exports", "Exports to China", "Imports"]


def test_a_flow_into_a_country_and_licences_counted_are_figures() -> None:
    found = rows("Investment inflows into Oman reached OMR 3.1 billion in 2025. The number of business "
                 "licences issued rose 12% to 8,400 last year.", today=date(2026, 3, 30))
    assert [r[:4] for r in found] == [
        ("Investment inflows into Oman", "2025", 3100000000.0, "OMR"),
        ("business licences issued", "2025", 8400.0, "count")]


def test_goods_traded_worth_an_amount_with_no_partner_are_the_trader_s_flow() -> None:
    found = rows("Kenya imported wheat worth $310 million in 2025. Ghana exported goods worth $19.1 "
                 "billion last year.", today=date(2026, 3, 2))
    assert [r[:3] for r in found] == [
        ("Kenya wheat imports", "2025", 310000000.0), ("Ghana exports", "2025", 19100000000.0)]


def test_a_top_source_of_investment_with_its_net_inflows() -> None:
    found = rows("Singapore was Indonesia's top source of foreign direct investment in 2025, with net "
                 "inflows of US$15.2 billion.", today=date(2026, 2, 18))
    assert [r[:3] for r in found] == [("investment from Singapore", "2025", 15200000000.0)]


def test_a_comma_in_a_list_after_of_opens_no_clause() -> None:
    found = rows("Prices of dairy, meat and fish products went up 4.1 percent on-year in May.",
                 today=date(2026, 6, 2))
    assert [r[0] for r in found] == ["Prices of dairy, meat and fish products"]


def test_a_currency_per_dollar_is_an_exchange_rate() -> None:
    found = rows("The baht closed at 35.42 per dollar on Tuesday. The local currency had ended at 1,380.2 "
                 "won against the greenback a week before.", today=date(2026, 6, 3))
    assert [(r[2], r[3]) for r in found] == [(35.42, "baht per dollar"), (1380.2, "won per dollar")]


def test_total_exports_after_a_component_are_all_exports() -> None:
    found = rows("Peru's copper exports fell 8.0% to US$1.1 billion in May. Total exports amounted to US$5.6 "
                 "billion, while imports rose 3.5% to US$4.4 billion.", today=date(2026, 6, 8))
    assert [r[0] for r in found] == ["Peru's copper exports", "Total exports", "Total imports"]


def test_a_ranked_partner_with_an_estimated_amount() -> None:
    found = rows("The US remained Cambodia's largest export market in 2025, with an estimated US$9.8 "
                 "billion.", today=date(2026, 2, 6))
    assert [r[:3] for r in found] == [("exports to US", "2025", 9800000000.0)]


def test_a_headline_s_horizon_is_no_period_of_the_figures() -> None:
    found = rows("Acme has invested $20.5 billion in Peru since 1996.", today=date(2026, 3, 25),
                 title="Acme to invest $2 bln in Peru through 2028")
    assert [r[:3] for r in found] == [("Acme investment", None, 20500000000.0)]


def test_an_account_that_posted_a_deficit_names_its_deficit() -> None:
    found = rows("The services account posted a deficit of $1.9 billion in May.", today=date(2026, 7, 5))
    assert [r[:3] for r in found] == [("services account deficit", "2026-05", 1900000000.0)]


def test_partners_listed_by_the_sign_of_their_growth() -> None:
    found = rows("Major export destinations with positive growth included Japan (11.2 per cent), Kenya (6.4 "
                 "per cent) and the Netherlands (3.1 per cent) in October.", today=date(2026, 11, 15))
    assert [(r[0], r[4], r[5]) for r in found] == [
        ("exports to Japan", 11.2, "up"), ("exports to Kenya", 6.4, "up"),
        ("exports to Netherlands", 3.1, "up")]
    percents = extract_percents("Export destinations with negative growth included Peru (4.0 per cent), "
                                "Chile (2.2 per cent) and Bolivia (1.1 per cent).")
    assert [p.direction for p in percents] == ["down", "down", "down"]


def test_goods_counted_and_valued_keep_where_they_went() -> None:
    found = rows("Chile exported 1.2 million tonnes of copper to Japan in 2025, worth US$ 9.1 billion.",
                 today=date(2026, 5, 12))
    assert [r[:4] for r in found] == [
        ("Chile copper exports to Japan", "2025", 1200000.0, "tonnes"),
        ("Chile copper exports to Japan", "2025", 9100000000.0, "USD")]


def test_those_to_a_partner_with_the_verb_understood() -> None:
    found = rows("Exports to Peru grew 6.3 percent in June, and those to Chile 4.1 percent.",
                 today=date(2026, 7, 8))
    assert [(r[0], r[1], r[4], r[5]) for r in found] == [
        ("Exports to Peru", "2026-06", 6.3, "up"), ("Exports to Chile", "2026-06", 4.1, "up")]


def test_a_bulleted_list_under_a_head_that_declares_its_unit() -> None:
    body = ("Exports in May rose 4.0% to USD 51.2 billion.\n\nExports by major item (USD billion, y/y "
            "change):\n- Steel: 3.1 (+2.2%)\n- Ships: 2.4 (-5.0%)\n\nImports fell 1.0%.")
    found = rows(body, today=date(2026, 6, 1))
    assert [r[:5] for r in found][1:3] == [
        ("Steel exports", "2026-05", 3100000000.0, "USD", 2.2),
        ("Ships exports", "2026-05", 2400000000.0, "USD", 5.0)]


def test_a_base_in_the_same_period_a_year_before() -> None:
    found = rows("Remittances sent through banks by overseas workers grew 3.1 percent to USD 26.1 billion in "
                 "January-September, from USD 25.3 billion recorded in the same period in 2025.",
                 today=date(2026, 11, 15))
    assert [(r[1], r[2]) for r in found] == [("2026-01/2026-09", 26.1e9), ("2025-01/2025-09", 25.3e9)]


def test_a_seasonally_adjusted_change_and_a_poll_s_forecast() -> None:
    found = rows("Peru's economy grew 2.8% in the third quarter, faster than the 2.5% forecast in a Reuters "
                 "poll. GDP expanded a seasonally adjusted 0.9% on the quarter.", today=date(2026, 11, 17))
    assert [(r[0], r[1], r[2], r[4], r[5]) for r in found] == [
        ("Peru's economy", "2026-Q3", None, 2.8, "up"), ("GDP", "2026-Q3", None, 0.9, "up")]


def test_an_aside_opened_by_a_participle_between_subject_and_verb() -> None:
    found = rows("Exports of goods, measured in dollar terms, rose 11.4% in the third quarter.",
                 today=date(2026, 11, 17))
    assert [(r[0], r[1], r[4]) for r in found] == [("Exports of goods", "2026-Q3", 11.4)]
