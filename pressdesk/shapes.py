"""The JSON shapes of pressdesk's answers: one place, shared by the CLI and the web API.

Library calls return frozen dataclasses; these functions turn them into the
plain dicts and lists that ``--json`` prints and the API serves. A shape that
an edge shows is a contract: extend it, never rename a field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from pressdesk.check import CheckReport
from pressdesk.desk import EntityView, ReleaseView, SeriesView, StoryView
from pressdesk.export import release_record
from pressdesk.facts import extraction_to_dict
from pressdesk.models import (
    Entity,
    EventRow,
    FigureRow,
    IngestReport,
    Rejection,
    Series,
    Source,
    StoredRelease,
    Story,
    StoryMember,
    Watch,
)
from pressdesk.search import Hit, SearchResult
from pressdesk.store import Stats
from pressdesk.watch import WatchRun, item_record

__all__ = [
    "check_record",
    "entity_record",
    "entity_view_record",
    "event_record",
    "extraction_record",
    "figure_record",
    "hit_record",
    "ingest_record",
    "release_detail",
    "release_summary",
    "search_record",
    "series_record",
    "series_view_record",
    "source_record",
    "stats_record",
    "story_detail",
    "story_record",
    "watch_record",
    "watch_run_record",
]


def release_summary(stored: StoredRelease) -> dict[str, Any]:
    """A release in a list: ``id``, ``title``, ``date``, ``category``, ``source``, ``url``, ``revision``."""
    r = stored.release
    return {"id": r.id, "title": r.title, "date": r.date, "category": r.category,
            "source": r.source, "url": r.url, "revision": stored.revision}


def release_detail(view: ReleaseView) -> dict[str, Any]:
    """A release with every stored field, its origin, facts (with offsets), entities, its
    story (``story_record``; None until it is grouped) and, when asked for, its revisions."""
    record = release_record(view.stored) | {
        "origin": view.stored.origin,
        "facts": extraction_to_dict(view.facts) if view.facts is not None else {},
        "entities": [entity_record(e) for e in view.entities],
        "story": story_record(view.story) if view.story else None,
    }
    if view.revisions:
        record["revisions"] = [asdict(rev) for rev in view.revisions]
    return record


def hit_record(hit: Hit) -> dict[str, Any]:
    return {"id": hit.id, "title": hit.title, "date": hit.date, "score": hit.score,
            "snippet": hit.snippet}


def search_record(result: SearchResult, facets: bool = False) -> Any:
    """The hits as a list; with facets, ``{hits, total, facets, unembedded}`` (the API's
    shape, whether it counted facets or not)."""
    hits = [hit_record(h) for h in result.hits]
    if not facets:
        return hits
    return {"hits": hits, "total": result.total,
            "facets": {name: [list(pair) for pair in counts] for name, counts in result.facets.items()},
            "unembedded": result.unembedded}


def check_record(report: CheckReport) -> dict[str, Any]:
    """``{ok, releases, indexed, queued, findings: [{part, problem, repair}]}``."""
    return {"ok": report.ok} | asdict(report)


def series_record(series: Series) -> dict[str, Any]:
    return asdict(series)


FIGURE_COLUMNS = (
    "indicator", "series", "period", "value", "unit", "change", "change_unit", "direction",
    "kind", "release_id", "release_date", "title",
)
EVENT_COLUMNS = (
    "type", "implementer", "partner", "date", "sentence", "optional", "release_id",
    "release_date", "title",
)


def figure_record(row: FigureRow, revised: bool | None = None) -> dict[str, Any]:
    """A figure as a tidy row (``revised`` added within a series)."""
    record = {name: getattr(row, name) for name in FIGURE_COLUMNS}
    return record if revised is None else record | {"revised": revised}


def series_view_record(view: SeriesView) -> dict[str, Any]:
    return series_record(view.series) | {
        "figures": [figure_record(p.figure, p.revised) for p in view.points]
    }


def event_record(row: EventRow) -> dict[str, Any]:
    """An event as a tidy row: jurisdictions as lists (joined by spaces in CSV)."""
    return {name: list(v) if isinstance(v := getattr(row, name), tuple) else v
            for name in EVENT_COLUMNS}


def entity_record(entity: Entity) -> dict[str, Any]:
    """``id``, ``kind``, ``name``, ``names``, ``releases``, ``aliases`` (the names but the
    canonical one) and ``evidence``: each name with why it joined (``""`` for the name that
    began the entity)."""
    return asdict(entity) | {
        "aliases": [n for n in entity.names if n != entity.name],
        "evidence": [{"name": n, "why": why} for n, why in entity.evidence],
    }


def entity_view_record(view: EntityView) -> dict[str, Any]:
    """An entity with ``releases``, ``roles``, ``related`` (``{entity, shared}``) and
    ``stories`` (those of two releases or more its releases belong to, newest first)."""
    return entity_record(view.entity) | {
        "releases": [asdict(r) for r in view.releases],
        "roles": [asdict(r) for r in view.roles],
        "related": [entity_record(e) | {"shared": n} for e, n in view.related],
        "stories": [story_record(s) for s in view.stories],
    }


def stats_record(stats: Stats) -> dict[str, Any]:
    return asdict(stats)


def story_record(story: Story) -> dict[str, Any]:
    """A story in a list: ``id``, ``title`` (its most typical release's), ``first_date``,
    ``last_date``, ``size`` (releases), ``sources``, ``merged`` (ids that resolve to it)."""
    return {"id": story.id, "title": story.title, "first_date": story.first_date,
            "last_date": story.last_date, "size": story.size, "sources": list(story.sources),
            "merged": list(story.merged)}


def member_record(member: StoryMember) -> dict[str, Any]:
    """A release of a story with ``reason``: ``kind`` (first, duplicate, update, similar),
    ``like`` (the release it is most like), ``similarity``, ``story_similarity``, ``days``,
    ``shared`` (names, figures and words both hold) and ``resemblance`` (text both hold)."""
    reason = asdict(member.reason)
    reason["shared"] = list(member.reason.shared)
    return {"id": member.release_id, "date": member.date, "title": member.title,
            "source": member.source, "reason": reason}


def story_detail(view: StoryView) -> dict[str, Any]:
    return story_record(view.story) | {"releases": [member_record(m) for m in view.members]}


def watch_record(watch: Watch) -> dict[str, Any]:
    return asdict(watch)


def watch_run_record(run: WatchRun) -> dict[str, Any]:
    """What one run of a watch delivered: ``{watch, items, webhook_failed}``."""
    return {"watch": run.watch.name, "items": [item_record(i) for i in run.items],
            "webhook_failed": run.webhook_failed}


def source_record(source: Source) -> dict[str, Any]:
    return asdict(source)


def extraction_record(items: Iterable[dict[str, Any] | Rejection]) -> dict[str, Any]:
    """What ``pressdesk extract`` prints, as one object: ``{releases: [prediction],
    rejected: ["PATH:LINE: reason"]}``."""
    found = list(items)
    return {"releases": [i for i in found if not isinstance(i, Rejection)],
            "rejected": [str(i) for i in found if isinstance(i, Rejection)]}


def ingest_record(report: IngestReport) -> dict[str, Any]:
    """``{new, changed, unchanged, rejected: ["PATH:LINE: reason"], unindexed}``."""
    return {"new": report.new, "changed": report.changed, "unchanged": report.unchanged,
            "rejected": [str(r) for r in report.rejected], "unindexed": report.unindexed}
