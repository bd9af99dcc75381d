"""Amounts of money: currencies before or after, scale words, ranges, qualifiers."""

from __future__ import annotations

import pytest

from pressdesk.extract.money import distinct_money, extract_money
from pressdesk.facts import Money, Span


def amounts(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.currency) for m in extract_money(text)]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The fund will invest KRW 80 Billion in start-ups.", 80e9, "KRW"),
        ("Shipments reached USD34.6 million last quarter.", 34.6e6, "USD"),
        ("Sales rose to $7.25 billion.", 7.25e9, "USD"),
        ("a grant of US$ 5 million", 5e6, "USD"),
        ("The loan, US$2.4 billion in all, closed.", 2.4e9, "USD"),
        ("a budget of 2.3 trillion won", 2.3e12, "KRW"),
        ("a 4.8 tln won package", 4.8e12, "KRW"),
        ("a 2.05 tln-won payout", 2.05e12, "KRW"),
        ("Samsung signs W6.2tr chip deal", 6.2e12, "KRW"),
        ("Hanwha bags W912b order", 912e9, "KRW"),
        ("vouchers of ₩30,000 per person", 30000, "KRW"),
        ("the shares closed at 87,300 won", 87300, "KRW"),
        ("the currency traded at 1,391.5 won per dollar", 1391.5, "KRW"),
        ("a 300-billion-won stimulus", 300e9, "KRW"),
        ("a fine of €12m", 12e6, "EUR"),
        ("exports of £1.8bn", 1.8e9, "GBP"),
        ("aid worth ¥40 billion", 40e9, "JPY"),
        ("a deal worth 15 billion yen", 15e9, "JPY"),
        ("paid 3.5 million euros", 3.5e6, "EUR"),
        ("invested 20 million dollars", 20e6, "USD"),
        ("a contract of 120 million Australian dollars", 120e6, "AUD"),
        ("EUR 450 million in loans", 450e6, "EUR"),
        ("450 million EUR in loans", 450e6, "EUR"),
        ("revenue of 9.1 bln yuan", 9.1e9, "CNY"),
        ("a $250k grant", 250e3, "USD"),
        ("a $1.2B round", 1.2e9, "USD"),
        ("an order of 600 mln dollars", 600e6, "USD"),
        ("capital of RMB 3 billion", 3e9, "CNY"),
        ("a project of Rs 500 crore", 5e9, "INR"),
        ("wages of $19 per hour", 19, "USD"),
        ("profits of 44\nbillion yen", 44e9, "JPY"),  # a line wrapped before the scale
        ("sales of KRW 120\nbillion", 120e9, "KRW"),
        ("reserves of 41 billion U.S. Dlrs", 41e9, "USD"),  # the wires' short forms
        ("a bond of 75 mln Canadian dlrs", 75e6, "CAD"),
        ("a stake sold for 8.2 mln H.K. dlrs", 8.2e6, "HKD"),
    ],
)
def test_amount_forms(text: str, value: float, currency: str) -> None:
    ((found, code),) = amounts(text)
    assert found == pytest.approx(value) and code == currency


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than KRW 3 trillion", "more than"),
        ("approximately $40 million", "approximately"),
        ("about 2 billion won", "about"),
        ("up to €5 million", "up to"),
        ("nearly 900 billion won", "nearly"),
        ("at least $2 billion", "at least"),
        ("over 1 trillion won", "over"),
        ("a total of $2 billion", None),
    ],
)
def test_qualifier_is_kept_apart(text: str, qualifier: str | None) -> None:
    (found,) = extract_money(text)
    assert found.qualifier == qualifier
    assert not found.text.lower().startswith(qualifier or "@")


def test_ranges_give_both_ends_with_the_shared_scale() -> None:
    assert amounts("an investment of $3-4 billion") == [(3e9, "USD"), (4e9, "USD")]
    assert amounts("between €2 million and €3 million") == [(2e6, "EUR"), (3e6, "EUR")]
    assert amounts("5 trillion to 6 trillion won") == [(5e12, "KRW"), (6e12, "KRW")]


def test_two_currencies_in_one_sentence() -> None:
    text = "a 2.1 trillion won (US$1.45 billion) deal"
    assert amounts(text) == [(2.1e12, "KRW"), (1.45e9, "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, exports rose 5 percent.",
        "an investigation under Section 301 of the Trade Act",
        "The firm hired 3,200 workers and 45 companies joined.",
        "The team, founded in 2019 won the title.",
        "Room 1724, Washington, DC 20006",
        "W3 model launches in 2026",
        "moreover 12 firms signed",
        "a 3,200-ton frigate",
    ],
)
def test_not_money(text: str) -> None:
    assert extract_money(text) == []


def test_spans_point_at_the_amount() -> None:
    text = "It costs more than KRW 5 billion in total."
    (found,) = extract_money(text)
    assert text[found.span.start : found.span.end] == found.text == "KRW 5 billion"


def money(text: str, value: float, start: int) -> Money:
    return Money(text, value, "KRW", None, Span(start, start + 1))


def test_distinct_folds_a_rounded_figure_into_a_precise_one() -> None:
    items = [money("W612b", 612e9, 0), money("611.8 billion won", 611.8e9, 10)]
    assert [m.text for m in distinct_money(items)] == ["611.8 billion won"]


def test_distinct_keeps_equally_precise_near_values() -> None:
    items = [money("1,391.5 won", 1391.5, 0), money("1,390.5 won", 1390.5, 10)]
    assert len(distinct_money(items)) == 2


def test_distinct_keeps_one_of_repeated_amounts() -> None:
    items = [money("$2 billion", 2e9, 0), money("$2 billion", 2e9, 50)]
    assert len(distinct_money(items)) == 1


def test_wrapped_lines_and_newswire_abbreviations() -> None:
    assert amounts("a debt of 3.5 billion\ndlrs") == [(3.5e9, "USD")]
    assert amounts("paid 12 mln dlrs") == [(12e6, "USD")]


def test_fractions_of_a_unit() -> None:
    assert amounts("the stock rose 2-1/4 dlrs") == [(2.25, "USD")]


def test_south_asian_scales_and_the_peso_sign() -> None:
    assert amounts("an outlay of Rs. 2.4 lakh crore") == [(2.4e12, "INR")]
    assert amounts("pledges of P3.2 trillion") == [(3.2e12, "PHP")]
    assert amounts("P3 Plan and P 4") == []


def test_a_bare_dollar_is_us_unless_the_text_is_about_another_dollar_country() -> None:
    assert amounts("Exports to the U.S. reached $3 billion.") == [(3e9, "USD")]
    text = (
        "Australian farm exports reached $73 billion. Australia's growers and "
        "Australian processors lead, the Australian Government said."
    )
    assert amounts(text) == [(73e9, "AUD")]


def test_a_bare_dollar_follows_the_one_dollar_country_named_before_it() -> None:
    lead = "New Zealand's trade balance was a deficit of $1.5 billion in October, Stats NZ said."
    assert amounts(lead) == [(1.5e9, "NZD")]
    later = "The deal is valued at 780 billion yen ($5.3 billion). A Singapore fund holds 9.5%."
    assert amounts(later) == [(780e9, "JPY"), (5.3e9, "USD")]
    both = "Canada's exports to the United States rose to $40 billion."
    assert amounts(both) == [(40e9, "USD")]  # the default's country is named too


def test_pesos_follow_the_country_named() -> None:
    assert amounts("The Philippines will spend 5 billion pesos.") == [(5e9, "PHP")]
    assert amounts("Mexico will spend 5 billion pesos.") == [(5e9, "MXN")]


def test_currency_names_with_their_country() -> None:
    assert amounts("a 5.5 trillion Korean won budget") == [(5.5e12, "KRW")]
    assert amounts("320 billion Japanese yen") == [(320e9, "JPY")]


def test_brand_names_are_not_currencies() -> None:
    assert amounts("sold 1,043 Sterling cars and 200 mln stg of bonds") == [(200e6, "GBP")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("a 2.01 trillion won budget", 2_010_000_000_000), ("a surplus of 4.18 billion dlrs", 4_180_000_000),
     ("USD 0.29 billion", 290_000_000), ("1,234,567,890,123 won", 1_234_567_890_123)],
)
def test_a_scaled_amount_is_its_value_as_written_not_a_float_product(text: str, value: int) -> None:
    assert [m.value for m in extract_money(text)] == [value]  # not 2,009,999,999,999.9998


def test_rand_is_an_r_glued_to_a_scaled_number() -> None:
    text = "Exports under the scheme were worth R12.4 billion, and R&D spending R2 rose."
    assert amounts(text) == [(12.4e9, "ZAR")]


def test_bare_dollars_are_the_filing_country_s_or_us_dollars() -> None:
    # filed from Mexico City, dollars are US dollars however often Canada is named
    mexican = (
        "Mexico City, May 4, 2026.- Canada and Mexico met. Canadian investors and Canada's "
        "minister said trade with Canada reached 21.5 billion dollars."
    )
    assert amounts(mexican) == [(21.5e9, "USD")]
    assert amounts("OTTAWA, May 4 - The plan costs 2.1 billion dlrs.") == [(2.1e9, "CAD")]
    assert amounts("MANILA, May 4 - The port cost 9 billion pesos.") == [(9e9, "PHP")]


def test_a_government_site_decides_a_bare_dollar() -> None:
    text = "The Minister announced $250 million for critical minerals processing."
    assert amounts(text) == [(250e6, "USD")]
    assert [(m.value, m.currency) for m in extract_money(text, "AU")] == [(250e6, "AUD")]
    assert [(m.value, m.currency) for m in extract_money(text, "KR")] == [(250e6, "USD")]


def test_east_african_shillings_taka_and_naira_signs() -> None:
    found = extract_money("Exports were Sh58.3 billion, KSh 2.1 billion of it tea; Tk 5,000 crore; ₦1.2 "
                          "trillion; USh 300 billion. The Sh 5 reform.")
    assert [(m.value, m.currency) for m in found] == [
        (58300000000.0, "KES"), (2100000000.0, "KES"), (50000000000.0, "BDT"),
        (1200000000000.0, "NGN"), (300000000000.0, "UGX")]


def test_a_text_more_about_a_country_of_another_currency_counts_bare_dollars_in_us_dollars() -> None:
    text = ("Peru, Canada FTA review. Peru and Canada met in Lima; Peruvian exports to Canada rose. Trade "
            "reached $5.1 billion, and Peru posted a surplus of $1.2 billion, Peru's ministry said.")
    assert [m.currency for m in extract_money(text)] == ["USD", "USD"]
    kiwi = extract_money("New Zealand exports to China rose to $1.5 billion.")
    assert [m.currency for m in kiwi] == ["NZD"]


def test_bare_numbers_under_a_head_that_declares_their_unit_are_amounts() -> None:
    text = ("Exports by major item (USD billion, y/y change):\n- Steel: 3.1 (+2.2%)\n- Ships: 2.4 (-5.0%)\n\n"
            "In 2026, 12 firms took part.")
    assert [(m.value, m.currency) for m in extract_money(text)] == [(3.1e9, "USD"), (2.4e9, "USD")]
