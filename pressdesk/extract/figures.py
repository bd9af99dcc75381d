"""Placeholder until its extractor lands: finds nothing yet."""

from __future__ import annotations

from datetime import date

from pressdesk.extract.facts import DateRef, Figure, Money, Percent


def extract_figures(
    text: str, today: date, money: list[Money], percents: list[Percent], dates: list[DateRef]
) -> list[Figure]:
    return []
