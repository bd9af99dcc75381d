"""Percentages: forms, direction of change, basis, subject and percentage points."""

from __future__ import annotations

import pytest

from pressdesk.extract.percents import distinct_percents, extract_percents
from pressdesk.facts import Percent, Span


def read(text: str) -> list[tuple[float, str]]:
    return [(p.value, p.direction) for p in extract_percents(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Steel exports rose 8.4 percent.", [(8.4, "up")]),
        ("Car sales grew 3.1% on-year.", [(3.1, "up")]),
        ("Output increased by 0.7 per cent.", [(0.7, "up")]),
        ("Chip shipments jumped 41 pct in May.", [(41.0, "up")]),
        ("The index surged 5.5 percent.", [(5.5, "up")]),
        ("Tourist arrivals climbed 12 percent.", [(12.0, "up")]),
        ("Exports of ships fell 6.3 percent.", [(6.3, "down")]),
        ("Imports declined 2 percent.", [(2.0, "down")]),
        ("The shares slid 1.25 percent.", [(1.25, "down")]),
        ("Investment contracted 4.4%.", [(4.4, "down")]),
        ("Prices dropped by 9 percent.", [(9.0, "down")]),
        ("a 7.9 percent increase in sales", [(7.9, "up")]),
        ("a decline of 3 percent in orders", [(3.0, "down")]),
        ("Laptops (down 6.6 percent) and tablets (up 2.2 percent)", [(6.6, "down"), (2.2, "up")]),
        ("demand was 4.5 percent higher than a year ago", [(4.5, "up")]),
        ("output was 1.8 percent below its 2019 level", [(1.8, "down")]),
        ("SMEs make up 99 percent of all firms.", [(99.0, "none")]),
        ("Autos accounted for 27.5 percent of the total.", [(27.5, "none")]),
        ("The plan targets a 40 percent share by 2030.", [(40.0, "none")]),
        ("The base rate stood at 3.5 percent.", [(3.5, "none")]),
        ("a tariff of 25 percent on steel", [(25.0, "none")]),
        ("Growth: -1.4% in the second quarter", [(1.4, "down")]),
    ],
)
def test_direction(text: str, expected: list[tuple[float, str]]) -> None:
    assert read(text) == expected


def test_level_reached_takes_the_direction_of_the_change() -> None:
    text = "The jobless rate edged up 0.2 percentage point to 3.9 percent."
    assert read(text) == [(0.2, "up"), (3.9, "up")]
    assert [p.points for p in extract_percents(text)] == [True, False]


def test_cut_after_the_number() -> None:
    text = "The bank made a 0.5 percentage point cut to 2.75 percent."
    assert read(text) == [(0.5, "down"), (2.75, "down")]


def test_ranges_give_both_numbers() -> None:
    assert read("margins ranging from 4.25 to 11.6 percent") == [(4.25, "none"), (11.6, "none")]
    assert read("duties of 10-15% apply") == [(10.0, "none"), (15.0, "none")]


def test_basis_points_are_not_percents() -> None:
    assert read("The yield rose 3.5 basis points to 3.1 percent.") == [(3.1, "up")]


def test_up_to_is_a_bound_not_a_rise() -> None:
    assert read("Subsidies cover up to 50 percent of the cost.") == [(50.0, "none")]


def test_a_verb_in_another_sentence_does_not_count() -> None:
    assert read("Profits rose. Margins were 12 percent in March.") == [(12.0, "none")]


def test_a_verb_across_a_contrast_does_not_count() -> None:
    assert read("Exports rose sharply, while tariffs were 10 percent.") == [(10.0, "none")]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("Sales rose 4 percent year-on-year.", "year-on-year"),
        ("Sales rose 4 percent y/y.", "year-on-year"),
        ("Sales rose 4 percent from a year earlier.", "year-on-year"),
        ("Sales rose 4 percent on-year.", "year-on-year"),
        ("Sales rose 4 percent month-on-month.", "month-on-month"),
        ("Sales rose 4 percent from the previous quarter.", "quarter-on-quarter"),
        ("Sales rose 4 percent.", None),
    ],
)
def test_basis(text: str, basis: str | None) -> None:
    (found,) = extract_percents(text)
    assert found.basis == basis


def test_subject_is_what_moved() -> None:
    (found,) = extract_percents("In March, Vietnam's textile exports rose 6 percent.")
    assert found.subject is not None and found.subject.endswith("textile exports")


def test_points_forms() -> None:
    text = "rose 1.5 percentage points, 0.3%p and 0.4 pct point"
    assert [(p.value, p.points) for p in extract_percents(text)] == [
        (1.5, True),
        (0.3, True),
        (0.4, True),
    ]


def test_span_and_text() -> None:
    text = "Exports rose 12.5% in June."
    (found,) = extract_percents(text)
    assert text[found.span.start : found.span.end] == found.text == "12.5%"


def test_years_and_plain_numbers_are_not_percents() -> None:
    assert read("In 2024 to 2025, 30 firms joined; COVID-19 hit.") == []


def pct(value: float, direction: str, start: int) -> Percent:
    return Percent("", value, direction, None, None, False, Span(start, start + 1))


def test_distinct_keeps_a_change_over_the_same_level() -> None:
    items = [pct(80, "none", 0), pct(80, "up", 10), pct(80, "up", 20), pct(5, "down", 30)]
    assert [(p.value, p.direction) for p in distinct_percents(items)] == [(80, "up"), (5, "down")]


def test_distinct_keeps_opposite_changes_of_one_value() -> None:
    items = [pct(5, "up", 0), pct(5, "down", 10)]
    assert len(distinct_percents(items)) == 2


def test_fractions_and_word_stems_that_are_not_changes() -> None:
    assert read("a 6-3/4 pct coupon and a 1/2 pct fee") == [(6.75, "none"), (0.5, "none")]
    assert read("diplomats say the recoverable share is 19 pct") == [(19.0, "none")]


def test_a_copula_states_a_level_unless_its_subject_is_a_change() -> None:
    assert read("Exports rose in May, and the chip share was 25 percent.") == [(25.0, "none")]
    assert read("GDP growth was 2.1 percent.") == [(2.1, "up")]
    assert read("Shipments were down 4 percent.") == [(4.0, "down")]


def test_phrasal_verbs_are_not_changes() -> None:
    assert read("The firm set up a venture holding 30 percent.") == [(30.0, "none")]
    assert read("He stepped down, selling his 12 percent stake.") == [(12.0, "none")]


def test_a_figure_owned_by_a_noun_is_a_level() -> None:
    assert read("The bank plans to cut its 2.5 percent discount rate.") == [(2.5, "none")]
    assert read("Members had already accepted the 7.9 percent.") == [(7.9, "none")]
    assert read("He brought up a 0.5 percent levy.") == [(0.5, "none")]


def test_numbers_in_words() -> None:
    text = "Sales fell two percent, and the unit makes up twenty-five per cent of revenue."
    assert read(text) == [(2.0, "down"), (25.0, "none")]
    assert read("a percent of the total; several percent") == []


def test_change_nouns_after_the_number() -> None:
    text = "a 2.1 percent annual uptick, a 3% q/q downturn and a 4 percent depreciation"
    assert read(text) == [(2.1, "up"), (3.0, "down"), (4.0, "down")]


def test_a_change_noun_naming_a_forecast_is_not_the_change() -> None:
    assert read("The central bank will cut its 2027 growth forecast to 0.4%.") == [(0.4, "down")]
    assert read("The agency raised its growth target to 2.5 percent.") == [(2.5, "up")]


def test_pc_as_written_in_british_papers() -> None:
    assert read("Prices rose 5pc and output fell 2.1 pc; they sold 500 pcs.") == [(5.0, "up"), (2.1, "down")]


def test_a_full_stop_after_the_unit_is_not_part_of_the_mention() -> None:
    (found,) = extract_percents("Shipments to Chile fell 4.6 percent.")
    assert found.text == "4.6 percent"


def test_a_percent_before_a_word_in_p_is_no_percentage_point() -> None:
    found = extract_percents("Sales slid 4%, led by a 12.5% plunge in parts and a 3% pay rise.")
    assert [(p.value, p.points) for p in found] == [(4.0, False), (12.5, False), (3.0, False)]
    points = extract_percents("up 0.3%p and 0.2 %p")
    assert [(p.value, p.points) for p in points] == [(0.3, True), (0.2, True)]
