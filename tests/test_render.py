from __future__ import annotations

import pytest
from conftest import make_release

from pressdesk.models import StoredRelease
from pressdesk.render import amount, format_release


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (23_300_000_000.0, "USD", "USD 23.3 billion"),
        (1_200_000_000_000.0, "KRW", "KRW 1.2 trillion"),
        (5_500_000.0, "EUR", "EUR 5.5 million"),
        (950.0, "GBP", "GBP 950"),
        (4.1, "percent", "4.1%"),
    ],
)
def test_amount(value: float, unit: str, text: str) -> None:
    assert amount(value, unit) == text


def test_each_fact_is_shown_once() -> None:
    stored = StoredRelease(make_release(1), 1, "t1", "t2", "feed.jsonl:3")
    facts = {"dates": [{"text": "October", "value": "2025-10"}] * 2}
    text = format_release(stored, facts, [], [])
    assert text.count("October = 2025-10") == 1 and "from feed.jsonl:3" in text
