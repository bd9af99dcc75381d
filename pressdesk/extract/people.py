"""Placeholder until its extractor lands: finds nothing yet."""

from __future__ import annotations

from pressdesk.extract.facts import Org, Person


def extract_people(text: str, orgs: list[Org]) -> list[Person]:
    return []
