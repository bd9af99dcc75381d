"""pressdesk: government press releases as a searchable knowledge base.

    from pressdesk import Desk

    with Desk.open("pressdesk.db") as desk:
        desk.ingest(["releases.jsonl"])
        print(desk.search("semiconductor exports").hits[0].title)
"""

from pressdesk.desk import Desk, ReleaseView, Settings, StoryView
from pressdesk.errors import InputError, NotFound, PressdeskError, QueryError, StoreError
from pressdesk.models import (
    Entity,
    IngestReport,
    Origin,
    Rejection,
    Release,
    Revision,
    StoredRelease,
    Story,
    StoryMember,
    StoryReason,
)
from pressdesk.search import Hit, SearchOptions, SearchResult
from pressdesk.store import EntityFilter, ReleaseFilter, Stats, StoryFilter

__all__ = [
    "Desk",
    "Entity",
    "EntityFilter",
    "Hit",
    "IngestReport",
    "InputError",
    "NotFound",
    "Origin",
    "PressdeskError",
    "QueryError",
    "Rejection",
    "Release",
    "ReleaseFilter",
    "ReleaseView",
    "Revision",
    "SearchOptions",
    "SearchResult",
    "Settings",
    "Stats",
    "StoreError",
    "StoredRelease",
    "Story",
    "StoryFilter",
    "StoryMember",
    "StoryReason",
    "StoryView",
]
__version__ = "0.1.0"
