"""Calendar references resolved against the release date, at the granularity written."""

from __future__ import annotations

from datetime import date

import pytest

from pressdesk.extract.dates import extract_dates

WED = date(2024, 3, 13)  # a Wednesday


def values(text: str, today: date = WED) -> list[str]:
    return [d.value for d in extract_dates(text, today)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry met on Friday, March 8.", ["2024-03-08"]),
        ("signed on March 8, 2023 in Rome", ["2023-03-08"]),
        ("signed on 8 March 2023 in Rome", ["2023-03-08"]),
        ("signed on the 8th of March", ["2024-03-08"]),
        ("ROME, Mar. 12 (News) --", ["2024-03-12"]),
        ("the notice of 2024-02-29", ["2024-02-29"]),
        ("filed on 02/27/2024", ["2024-02-27"]),
        ("in February 2021", ["2021-02"]),
        ("in April of 1999", ["1999-04"]),
        ("Exports fell in February.", ["2024-02"]),
        ("in Jan. exports fell", ["2024-01"]),
        ("by 2030", ["2030"]),
        ("the mid-2027 target", ["2027"]),
    ],
)
def test_explicit_and_partial_dates(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the conference from March 4 to 6", ["2024-03-04", "2024-03-06"]),
        ("the fair on March 4-6", ["2024-03-04", "2024-03-06"]),
        ("the fair on 4-6 March", ["2024-03-04", "2024-03-06"]),
        ("talks from February 27 to March 2", ["2024-02-27", "2024-03-02"]),
        ("Sales from January to February rose.", ["2024-01", "2024-02"]),
        ("Orders between October and December 2023", ["2023-10", "2023-12"]),
    ],
)
def test_ranges_give_both_ends(text: str, expected: list[str]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this year", ["2024"]),
        ("Next year exports will grow", ["2025"]),
        ("Last year exports fell", ["2023"]),
        ("last month", ["2024-02"]),
        ("next month", ["2024-04"]),
        ("The minister said today.", ["2024-03-13"]),
        ("It was announced yesterday.", ["2024-03-12"]),
        ("in today's global economy", []),
        ("the first quarter of next year", ["2025-Q1"]),
        ("the fourth quarter of 2022", ["2022-Q4"]),
        ("second-quarter earnings", ["2024-Q2"]),
        ("the second half of 2026", ["2026-H2"]),
        ("the first half of this year", ["2024-H1"]),
        ("in Q3 2023 and 4Q23 and H1 2025", ["2023-Q3", "2023-Q4", "2025-H1"]),
        ("last quarter", ["2023-Q4"]),
    ],
)
def test_relative_references(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_weekday_alone_is_the_latest_such_day_or_the_next_in_the_future() -> None:
    assert values("The data were released on Monday.") == ["2024-03-11"]
    assert values("Markets will be closed on Friday.") == ["2024-03-15"]
    assert values("The deal was signed Wednesday.") == ["2024-03-13"]
    assert values("They met last Thursday.") == ["2024-03-07"]
    assert values("They will meet next Tuesday.") == ["2024-03-19"]


def test_weekday_chooses_the_year_of_a_day_without_one() -> None:
    # 8 January 2025 is a Wednesday; 8 January 2024 is a Monday.
    assert values("The hearing is on Wednesday, January 8.", date(2024, 12, 20)) == ["2025-01-08"]


def test_a_month_without_its_year_follows_the_tense() -> None:
    january = date(2026, 1, 5)
    assert values("The company listed its shares in July.", january) == ["2025-07"]
    assert values("The company will list its shares in July.", january) == ["2026-07"]
    assert values("Sales in December were strong.", january) == ["2025-12"]
    assert values("The payments will start Feb. 2.", date(2025, 12, 20)) == ["2026-02-02"]
    # a will in the past tense is a plan: "was willing to hold talks in January"
    november = date(2025, 11, 7)
    assert values("He said it was willing to hold a round of talks in January.", november) == ["2026-01"]
    assert values("They were ready to sign the deal in March, she said.", november) == ["2026-03"]
    assert values("The ministry said exports fell in March.", november) == ["2025-03"]


def test_a_quarter_without_its_year_is_the_nearest_one() -> None:
    assert values("profits through the third quarter", date(2026, 1, 2)) == ["2025-Q3"]
    assert values("rules are expected in the first quarter", date(2026, 1, 2)) == ["2026-Q1"]


@pytest.mark.parametrize(
    "text",
    [
        "Growth may slow. The March rally faded.",
        "2,000 workers and 2030 percent and 3,200 tons",
        "COVID-19 in the 21st century and the 1990s",
        "Washington, DC 20006, Room 1724",
        "green H2 production and Q&A",
        "for two years and several months",
    ],
)
def test_not_dates(text: str) -> None:
    assert values(text) == []


def test_spans_and_text() -> None:
    text = "It opens on Monday, March 18, 2024."
    (found,) = extract_dates(text, WED)
    assert found.text == text[found.span.start : found.span.end] == "Monday, March 18, 2024"


def test_reporting_verbs_do_not_set_the_tense() -> None:
    # said/announced describe the release, not the event: the nearest May is next May.
    assert values("The company said it is launching the model in May.") == ["2024-05"]


def test_impossible_days_are_skipped() -> None:
    assert values("by February 30 or April 31") == []


def test_statistical_quarter_and_half_forms() -> None:
    assert values("GDP fell in Quarter 3 (Jul to Sep) 2023.") == ["2023-Q3"]
    assert values("Growth is expected to slow in H2.") == ["2024-H2"]
    assert values("a plant making green H2 for export") == []


def test_year_ranges_give_both_years() -> None:
    assert values("spending during 2019-2021 and the 2024-25 budget") == ["2019", "2021", "2024"]


def test_the_verb_before_a_date_sets_its_tense() -> None:
    october = date(2025, 10, 15)
    text = "The pact, signed in July, will take effect on November 1."
    assert values(text, october) == ["2025-07", "2025-11-01"]
    # a future cue far from the date it names does not move it a year away
    assert values("Payments are due Sept. 30.", october) == ["2025-09-30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("filed on 27/02/2024", ["2024-02-27"]),
        ("filed on 02/27/2024", ["2024-02-27"]),
        ("filed on 11.03.2024", ["2024-03-11"]),
        ("filed on 03/11/2024", ["2024-03-11"]),  # both readings are dates: the nearer one
    ],
)
def test_numeric_dates_either_order(text: str, expected: list[str]) -> None:
    assert values(text) == expected


def test_the_currency_won_is_no_past_tense() -> None:
    text = "The bill would pay 100 million won each by the end of March."
    assert values(text, date(2025, 12, 1)) == ["2026-03"]


def test_the_following_year_is_relative_to_the_story_not_the_release() -> None:
    assert values("The pact took effect in 2015 and trade rose the following year.") == ["2015"]


def test_named_days_and_opening_hours_are_not_dates() -> None:
    assert values("Black Friday sales; open Monday through Friday") == []


def test_a_month_with_a_relative_year_is_one_reference() -> None:
    assert values("Sales peaked in February last year.") == ["2023-02"]
    assert values("between April and June this year") == ["2024-04", "2024-06"]
    assert values("Compared with August of last year, exports fell; next year they rise.") == [
        "2023-08",
        "2025",
    ]


def test_capitalised_month_next_to_a_day_or_a_year() -> None:
    assert values("Posted On: 09 FEB 2024 4:15PM by the press office") == ["2024-02-09"]
    assert values("REPORT FOR MARCH 2024. PRICES MAY RISE.") == ["2024-03"]


def test_weekday_of_a_reported_statement_or_a_closing_price_is_past() -> None:
    # values() resolves against a Wednesday: the past Monday, not the next one
    assert values("The minister said on Monday that the bank would cut rates.") == ["2024-03-11"]
    assert values("The offer, which will close soon, is 28% above Monday's closing price.") == ["2024-03-11"]
    assert values("The minister will say on Monday that rates would fall.") == ["2024-03-18"]


def test_a_participle_after_a_modal_is_not_past() -> None:
    text = "The funds will be partly used to repay a bond maturing on April 15."
    assert values(text) == ["2024-04-15"]


def test_abbreviated_month_ranges() -> None:
    assert values("Exports in the Jan.-Feb. period rose.") == ["2024-01", "2024-02"]
    assert values("in Jan.-Feb. 2023") == ["2023-01", "2023-02"]


def test_year_first_dates_with_dots_or_slashes_and_dashed_day_first() -> None:
    assert values("Published 2024.03.04, updated 2024/3/12.") == ["2024-03-04", "2024-03-12"]
    assert values("Date: 11-03-2024. Version 2024.1.2.3 shipped.") == ["2024-03-11"]


def test_semester_is_a_half_year() -> None:
    assert values("Investments rose in the first semester of 2023.") == ["2023-H1"]


def test_day_month_year_joined_by_hyphens() -> None:
    assert values("Posted 09-FEB-2024 and 9-Feb-2024; from 5-10 March.") == [
        "2024-02-09",
        "2024-02-09",
        "2024-03-05",
        "2024-03-10",
    ]


def test_a_day_of_the_month_alone_is_of_the_release_month_or_the_one_before() -> None:
    """"announced on the 3rd", as Korean releases and news write it: the nearest such day on
    the side the tense says, the past when it says none or reports."""
    november = date(2025, 11, 18)
    assert values("The ministry announced on the 3rd that exports rose.", november) == ["2025-11-03"]
    assert values("The ministry announced on the 28th that exports rose.", november) == ["2025-10-28"]
    assert values("The meeting will be held on the 25th in Seoul.", november) == ["2025-11-25"]
    assert values("It will decide on the 3rd round of talks.", november) == []  # no day


def test_a_weekday_with_its_date_in_brackets_is_that_date() -> None:
    assert values("The talks open on Wednesday (Nov. 19) in Geneva.", date(2025, 11, 18)) == ["2025-11-19"]


def test_a_rule_that_takes_effect_is_in_the_future() -> None:
    today = date(2026, 3, 19)
    found = extract_dates("The revised rules, which take effect on May 23, require a licence.", today)
    assert [d.value for d in found] == ["2026-05-23"]
    took = extract_dates("The revised rules took effect on May 23.", today)
    assert [d.value for d in took] == ["2025-05-23"]


def test_a_month_right_after_said_in_is_when_it_was_said() -> None:
    today = date(2026, 6, 10)
    said = extract_dates("The group plans to invest $2 billion through 2028, its head said in March.", today)
    assert [d.value for d in said] == ["2028", "2026-03"]
    assert [d.value for d in extract_dates("He said it will hold talks in March.", today)] == ["2027-03"]


def test_what_was_agreed_to_happen_is_to_come() -> None:
    today = date(2026, 3, 11)
    agreed = extract_dates("The ministers agreed to hold the next round in April.", today)
    assert [d.value for d in agreed] == ["2026-04"]
    assert [d.value for d in extract_dates("In January, they agreed to cut tariffs.", today)] == ["2026-01"]


def test_beating_forecasts_is_no_future() -> None:
    headline = "China's economy grows 5.2% in the second quarter, beating forecasts"
    found = extract_dates(headline, date(2026, 7, 15))
    assert [d.value for d in found] == ["2026-Q2"]


def test_the_end_or_rest_of_the_year_is_the_release_s_year() -> None:
    today = date(2025, 11, 18)
    found = extract_dates("Shipments will rise by the end of the year and for the rest of the year.", today)
    assert [d.value for d in found] == ["2025", "2025"]
    assert extract_dates("It was the year before.", today) == []


def test_starting_on_a_date_takes_the_tense_of_the_verb_before_it() -> None:
    today = date(2026, 11, 10)
    assert values("Kenya suspended maize imports for 90 days starting October 5.", today) == ["2026-10-05"]
    assert values("Kenya will suspend maize imports starting October 5.", today) == ["2027-10-05"]


def test_a_weekday_reported_a_few_words_after_the_verb_is_past() -> None:
    today = date(2026, 3, 25)  # a Wednesday
    text = "Acme will invest $2 billion, its chairman announced at the White House on Monday."
    assert values(text, today) == ["2026-03-23"]
