"""Sectors: which industries a text is about, as stored facts."""

from __future__ import annotations

from pressdesk.extract import extract, to_prediction
from pressdesk.extract.sectors import extract_sectors
from pressdesk.facts import extraction_from_dict, extraction_to_dict
from pressdesk.models import Release


def test_sectors_by_keyword_in_a_fixed_order() -> None:
    assert extract_sectors("Shipyards and lithium batteries") == ("batteries", "shipbuilding")
    assert extract_sectors("Nothing relevant") == ()


def test_keywords_match_at_word_starts_only() -> None:
    assert extract_sectors("The chipmaker said") == ("semiconductors",)
    assert extract_sectors("A microchip-free text") == ()  # "chip" inside a word


def test_sectors_are_extracted_stored_and_predicted() -> None:
    release = Release.create(title="Chip exports", date="2025-11-01", body="Wafer output rose.")
    found = extract(release)
    assert found.sectors == ("semiconductors",)
    assert extraction_from_dict(extraction_to_dict(found)).sectors == ("semiconductors",)
    assert to_prediction(release, found)["sectors"] == ["semiconductors"]
