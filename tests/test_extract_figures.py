"""Statistics assembled from the amounts, percents and dates of a text."""

from __future__ import annotations

from datetime import date

from pressdesk.extract.dates import extract_dates
from pressdesk.extract.figures import extract_figures
from pressdesk.extract.money import extract_money
from pressdesk.extract.percents import extract_percents
from pressdesk.facts import Figure
from pressdesk.series import series_key

TODAY = date(2024, 7, 15)


def figures(text: str) -> list[Figure]:
    return extract_figures(
        text, TODAY, extract_money(text), extract_percents(text), extract_dates(text, TODAY)
    )


def test_a_change_with_the_amount_it_reached_and_the_period() -> None:
    (found,) = figures("Steel exports in June 2024 rose 8.1 percent on-year to $3.2 billion.")
    assert found == Figure("Steel exports in June 2024", series_key("Steel exports in June 2024"),
                           "2024-06", 3.2e9, "USD", 8.1, "percent", "up", "year-on-year")


def test_the_period_carries_to_later_sentences() -> None:
    text = "Exports in June grew 4 percent. Imports fell 2.5 percent to €9 billion."
    assert [(f.indicator, f.period, f.value, f.unit, f.direction) for f in figures(text)] == [
        ("Exports in June", "2024-06", None, None, "up"),
        ("Imports", "2024-06", 9e9, "EUR", "down"),
    ]


def test_bracketed_changes_take_the_noun_before_the_bracket() -> None:
    text = "Shipments of tablets (down 3.3 percent) and printers (up 1.2 percent) moved."
    assert [(f.indicator, f.change, f.direction) for f in figures(text)] == [
        ("Shipments of tablets", 3.3, "down"),
        ("printers", 1.2, "up"),
    ]


def test_a_level_reached_is_the_value_not_another_change() -> None:
    (found,) = figures("The jobless rate rose 0.3 percentage point to 4.2 percent in May.")
    assert (found.indicator, found.value, found.unit, found.change) == (
        "jobless rate",
        4.2,
        "percent",
        0.3,
    )


def test_a_level_then_its_change() -> None:
    (found,) = figures("The savings rate stood at 3.6 percent in May, up 0.2 percentage point.")
    assert (found.indicator, found.value, found.change, found.direction) == (
        "savings rate",
        3.6,
        0.2,
        "up",
    )


def test_an_amount_alone_is_a_figure_of_the_noun_it_qualifies() -> None:
    (found,) = figures("The trade balance showed a $2.4 billion deficit in May.")
    assert (found.indicator, found.value, found.unit, found.period, found.change) == (
        "deficit",
        2.4e9,
        "USD",
        "2024-05",
        None,
    )


def test_a_repeated_statistic_is_one_record() -> None:
    text = "Imports fell 2 percent to $5 billion. Imports fell 2 percent to $5 billion."
    assert len(figures(text)) == 1


def test_every_name_of_a_series_has_one_key() -> None:
    names = ["chip exports", "semiconductor exports", "exports of semiconductors",
             "Semiconductor Exports", "semiconductors exports"]
    assert len({series_key(n) for n in names}) == 1
    assert series_key("exports of ICT") == series_key("ICT exports")
    assert series_key("exports to China") != series_key("China's exports")
    assert series_key("consumer prices") == series_key("CPI")
