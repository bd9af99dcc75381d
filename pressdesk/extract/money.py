"""Placeholder until its extractor lands: finds nothing yet."""

from __future__ import annotations

from datetime import date  # noqa: F401

from pressdesk.extract.facts import Money


def extract_money(text: str) -> list[Money]:
    return []
