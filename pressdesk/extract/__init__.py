"""Extraction: who, what, how much and when, from the text of one release.

``extract(release)`` runs every extractor over ``document_text(release)`` and
returns an ``Extraction``; ``to_prediction`` turns it into the JSON shape of
the evaluation guidelines (and of ``pressdesk extract --format jsonl``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from pressdesk.extract.dates import extract_dates
from pressdesk.extract.events import extract_events
from pressdesk.extract.figures import extract_figures
from pressdesk.extract.money import currency_home, distinct_money, extract_money
from pressdesk.extract.orgs import extract_orgs, org_key
from pressdesk.extract.people import extract_people
from pressdesk.extract.percents import distinct_percents, extract_percents
from pressdesk.extract.places import extract_places, site_code
from pressdesk.extract.quotes import extract_quotes
from pressdesk.extract.sectors import extract_sectors
from pressdesk.facts import Event, Extraction, Figure
from pressdesk.models import Rejection, Release

__all__ = [
    "VERSION",
    "document_text",
    "extract",
    "org_key",
    "predict_document",
    "predict_paths",
    "to_prediction",
]

# Raise when the extractors find materially different facts: stored facts of an older
# version are then found again by `pressdesk reextract` (and `pressdesk check` says so).
VERSION = 7  # 7: a third round of other governments' releases (balances recorded, ...)
# 6: datelines and government sites say whose currency and events; rand; partners
# 5: "in <place>" ends a name, surnames that are titles, plans, "on the 3rd", bullets
# 4: scale words after a line break, the wires' short dollar forms, one-line roles


def document_text(release: Release) -> str:
    """The text every offset refers to: the title, a blank line, the body."""
    return f"{release.title}\n\n{release.body}"


def extract(release: Release) -> Extraction:
    text = document_text(release)
    day = date.fromisoformat(release.date)
    orgs = extract_orgs(text)
    people = extract_people(text, orgs)
    site = site_code(release.url)
    money = extract_money(text, site)
    percents = extract_percents(text)
    dates = extract_dates(text, day)
    places = extract_places(text)
    return Extraction(
        people=tuple(people),
        orgs=tuple(orgs),
        places=tuple(places),
        money=tuple(money),
        percents=tuple(percents),
        dates=tuple(dates),
        quotes=tuple(extract_quotes(text, people)),
        figures=tuple(extract_figures(text, day, money, percents, dates)),
        sectors=extract_sectors(text),
        events=tuple(extract_events(text, day, places, orgs, people, dates, site, currency_home(money))),
    )


def to_prediction(release: Release, found: Extraction) -> dict[str, Any]:
    """The evaluation shape: one JSON object per release (see shared GUIDELINES)."""
    return {
        "id": release.id,
        "doc": {"title": release.title, "date": release.date, "category": release.category},
        "people": [{"name": p.name, "role": p.role, "org": p.org} for p in found.people],
        "orgs": [{"name": o.name, "aliases": list(o.aliases), "key": org_key(o.name)} for o in found.orgs],
        "places": [{"code": p.code, "name": p.name} for p in found.places],
        "money": [
            {"text": m.text, "value": m.value, "currency": m.currency, "qualifier": m.qualifier}
            for m in distinct_money(found.money)
        ],
        "percents": [
            {
                "text": p.text,
                "value": p.value,
                "direction": p.direction,
                "basis": p.basis,
                "subject": p.subject,
                "points": p.points,
            }
            for p in distinct_percents(found.percents)
        ],
        "dates": [{"text": d.text, "value": d.value} for d in found.dates],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in found.quotes],
        "figures": [figure_prediction(f) for f in found.figures],
        "events": [event_prediction(e) for e in found.events if not e.optional],
        "sectors": list(found.sectors),
    }


def predict_paths(
    paths: Iterable[str], *, format: str | None = None, source: str | None = None
) -> Iterator[dict[str, Any] | Rejection]:
    """What ``pressdesk extract`` prints: every record that could not be read as it is met,
    then the prediction of every release read, its ``story`` grouped within the input
    (the grouping of ``pressdesk.stories``, so all releases are read first)."""
    from pressdesk.readers import read_path

    return predicted(item for path in paths
                     for item in read_path(path, format=format, source=source))


def predict_document(
    name: str, data: bytes, *, format: str | None = None, source: str | None = None
) -> Iterator[dict[str, Any] | Rejection]:
    """``predict_paths`` for a document held in memory (an upload), located as ``name``."""
    from pressdesk.readers import read_bytes

    return predicted(read_bytes(name, data, format=format, source=source))


def predicted(items: Iterable[Release | Rejection]) -> Iterator[dict[str, Any] | Rejection]:
    from pressdesk.stories import group_in_memory

    found: list[tuple[Release, Extraction]] = []
    for item in items:
        if isinstance(item, Rejection):
            yield item
        else:
            found.append((item, extract(item)))
    stories = group_in_memory(found)
    for release, facts in found:
        yield to_prediction(release, facts) | {"story": stories[release.id]}


def figure_prediction(figure: Figure) -> dict[str, Any]:
    """A figure in the guidelines' shape (indicator names as a list)."""
    record: dict[str, Any] = {
        "indicator": [figure.indicator],
        "period": figure.period,
        "value": figure.value,
        "unit": figure.unit,
    }
    if figure.change is not None:
        record |= {"change": figure.change, "change_unit": figure.change_unit, "direction": figure.direction}
    if figure.kind != "actual":
        record["kind"] = figure.kind
    return record


def event_prediction(event: Event) -> dict[str, Any]:
    """An event in the guidelines' shape."""
    record: dict[str, Any] = {
        "type": [event.type],
        "implementer": list(event.implementer),
        "partner": list(event.partner),
    }
    if event.date:
        record["date"] = event.date
    return record
