"""Placeholder until its extractor lands: finds nothing yet."""

from __future__ import annotations

from pressdesk.extract.facts import Person, Quote


def extract_quotes(text: str, people: list[Person]) -> list[Quote]:
    return []
