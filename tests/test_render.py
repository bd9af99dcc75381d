from __future__ import annotations

import pytest
from conftest import make_release

from pressdesk.desk import ReleaseView
from pressdesk.facts import DateRef, Extraction, Span
from pressdesk.models import StoredRelease
from pressdesk.render import amount, counted, format_release, format_search, format_stats
from pressdesk.search import Hit, SearchResult
from pressdesk.store import Stats


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
    october = DateRef("October", "2025-10", Span(0, 7))
    facts = Extraction(dates=(october, october), sectors=("steel",))
    text = format_release(ReleaseView(stored, facts, (), ()))
    assert text.count("October = 2025-10") == 1 and "from feed.jsonl:3" in text
    assert "Sectors:\n  steel" in text


def test_search_results_and_facets() -> None:
    hit = Hit("abc", "Steel tariffs", "2025-11-01", 1.5, "on [steel]")
    result = SearchResult((hit,), 7, {"place": (("KR", 3),)})
    text = format_search(result)
    assert text.startswith("7 matching") and "1. Steel tariffs (2025-11-01)  [abc]" in text
    assert "place: KR (3)" in text


def test_stats_lines() -> None:
    text = format_stats(Stats(2, 1, (("MOTIR", 2),), (("", 2),), "2025-11-01", "2025-11-02"))
    assert "releases:  2" in text and "categories: (none) (2)" in text


def test_counts_agree_with_their_nouns() -> None:
    assert counted(1, "release") == "1 release"
    assert counted(2043, "release") == "2,043 releases"
    assert counted(0, "story", "stories") == "0 stories"
