"""The store: the system of record for releases, their revisions, facts, entities and vectors.

``open_store(url)`` picks a backend by URL: a file path or ``sqlite:///path``
for SQLite (the default, embedded), ``:memory:`` for a throwaway store (one
thread). Every backend implements the ``Store`` protocol, and its vectors the
``VectorStore`` protocol; nothing outside this package touches a database.

Everything derived from the store (the search index, the vector graph) follows
it through the *index queue*: every batch that stores a new or changed release
also queues its id, in the same transaction. Whoever keeps the index reads the
queue, indexes, commits, then marks exactly those entries done. That needs no
ordering between writers' commits, so several processes (or a PostgreSQL
backend with concurrent transactions) can write at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pressdesk.facts import Extraction
from pressdesk.models import (
    Entity,
    EntityRef,
    EventRow,
    FigureRow,
    Page,
    Release,
    ReleaseRef,
    Revision,
    Series,
    Source,
    StoredRelease,
    Story,
    StoryMember,
    UrlState,
    Watch,
    WatchItem,
)

if TYPE_CHECKING:
    from pressdesk.stories.grouping import StoryBook


@dataclass(frozen=True, slots=True)
class ReleaseFilter:
    """What `list` narrows by; empty fields do not narrow."""

    since: str | None = None
    until: str | None = None
    category: str | None = None
    source: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class EntityFilter:
    kind: str | None = None
    release_id: str | None = None
    limit: int = 50


@dataclass(frozen=True, slots=True)
class SeriesFilter:
    key: str | None = None  # one series, by its key (``pressdesk.series.series_key``)
    words: tuple[str, ...] = ()  # series whose keys hold all these words ("export ict" ...)
    limit: int = 100


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``events`` narrows by; empty fields do not narrow."""

    type: str | None = None
    place: str | None = None  # an ISO code among the implementers or partners
    since: str | None = None
    until: str | None = None
    optional: bool = False  # also the background, scheduled and intended ones
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What ``stories`` narrows by; empty fields do not narrow."""

    since: str | None = None  # stories with a release on or after this day
    until: str | None = None  # ... on or before this day
    release_ids: tuple[str, ...] | None = None  # only stories holding one of these releases
    min_size: int = 1  # at least this many releases
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """What one stored batch did, with the releases that are new or changed."""

    new: tuple[Release, ...]
    changed: tuple[Release, ...]
    unchanged: int


@dataclass(frozen=True, slots=True)
class Stats:
    releases: int
    revisions: int
    sources: tuple[tuple[str, int], ...]
    categories: tuple[tuple[str, int], ...]
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, slots=True)
class Queued:
    """One entry of the index queue: a release stored or revised since the index last synced."""

    entry: int  # the queue's own id, to mark it done
    release_id: str
    fresh: bool  # a new release: it cannot be in the index yet, unless a sync died part-way


class VectorStore(Protocol):
    """Embedding vectors per content hash and model, kept as packed little-endian float32."""

    def unembedded(self, model: str) -> list[str]:
        """Content hashes of stored releases with no vector for ``model``, one per text."""
        ...

    def count_unembedded(self, model: str) -> int: ...

    def texts(self, hashes: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Title and body of a release with each content hash."""
        ...

    def put(self, model: str, vectors: Iterable[tuple[str, bytes]]) -> None: ...

    def get(self, model: str, hashes: Sequence[str]) -> dict[str, bytes]: ...

    def embedded(self, model: str) -> Iterator[tuple[str, str]]:
        """(release id, content hash) of every release whose current text has a vector."""
        ...

    def version(self, model: str) -> str:
        """Changes whenever the releases or ``model``'s vectors change; cheap to read."""
        ...


class Store(Protocol):
    @property
    def vectors(self) -> VectorStore: ...

    @property
    def read_only(self) -> bool: ...

    def transaction(self) -> AbstractContextManager[object]: ...

    # writing
    def save_batch(self, releases: Iterable[Release], seen_at: str) -> BatchOutcome: ...
    def save_facts(self, facts: Iterable[tuple[Release, Extraction]], version: int = 0) -> None: ...
    def link_entities(self, release_id: str, refs: Iterable[EntityRef]) -> None: ...
    def reset_entities(self) -> None: ...
    def merge_entities(self, into: int, other: int) -> None: ...
    def split_entity(self, entity_id: int, keys: list[str]) -> None: ...
    def rename_entity(self, entity_id: int, name: str) -> None: ...
    def entity_decisions(self) -> list[dict[str, str]]: ...

    # reading
    def get(self, release_id: str) -> StoredRelease: ...
    def get_many(self, ids: Sequence[str]) -> list[StoredRelease]: ...
    def content_hashes(self, ids: Sequence[str]) -> dict[str, str]: ...
    def find(self, prefix: str) -> StoredRelease: ...
    def releases(self, where: ReleaseFilter) -> Iterator[StoredRelease]: ...
    def release_page(self, where: ReleaseFilter, after: tuple[str, str] | None,
                     limit: int) -> list[StoredRelease]: ...
    def revisions(self, release_id: str) -> list[Revision]: ...
    def earlier_revisions(self, ids: Sequence[str]) -> dict[str, list[Revision]]: ...
    def facts(self, release_id: str) -> Extraction | None: ...
    def stale_facts(self, version: int, *, missing: bool = False) -> list[str]: ...
    def facts_for(self, ids: Sequence[str]) -> dict[str, Extraction]: ...
    def entities(self, where: EntityFilter) -> list[Entity]: ...
    def entity(self, entity_id: int) -> Entity: ...
    def find_entities(self, keys: Sequence[tuple[str, str]]) -> list[Entity]: ...
    def entity_keys(self, entity_id: int) -> list[str]: ...
    def entity_releases(self, entity_id: int, limit: int = 1000) -> list[ReleaseRef]: ...
    def co_mentioned(self, entity_id: int, limit: int = 10) -> list[tuple[Entity, int]]: ...
    def series(self, where: SeriesFilter) -> list[Series]: ...
    def series_figures(self, key: str) -> list[FigureRow]: ...
    def figure_rows(self) -> Iterator[FigureRow]: ...
    def release_figures(self, ids: Sequence[str]) -> list[FigureRow]: ...
    def events(self, where: EventFilter) -> Iterator[EventRow]: ...
    def stats(self) -> Stats: ...

    # stories (see pressdesk.stories)
    def story_book(self) -> StoryBook:
        """The grouper's candidates and records, inside the caller's transaction."""
        ...

    def count_ungrouped(self) -> int: ...
    def ungrouped(self, limit: int, after: int = 0) -> list[tuple[int, str]]: ...
    def resolve_story(self, story_id: str) -> str: ...
    def stories(self, where: StoryFilter) -> list[Story]: ...
    def story(self, story_id: str) -> Story: ...
    def story_members(self, story_id: str) -> list[StoryMember]: ...
    def stories_of(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]: ...
    def story_titles(self, story_ids: Sequence[str]) -> dict[str, str]: ...
    # watches
    def add_watch(self, watch: Watch) -> None: ...
    def watches(self) -> list[Watch]: ...
    def watch(self, name: str) -> Watch: ...
    def remove_watch(self, name: str) -> None: ...
    def watch_candidates(self, name: str) -> tuple[list[tuple[str, int]], int]: ...
    def claim(self, name: str, items: Sequence[tuple[str, int]], run: str, now: str,
              checkpoint: int) -> None: ...
    def take_over(self, name: str, dead: Sequence[str], run: str, now: str) -> None: ...
    def undelivered_runs(self, name: str) -> list[tuple[str, str]]: ...
    def claimed(self, name: str, run: str) -> list[WatchItem]: ...
    def mark_delivered(self, name: str, items: Sequence[WatchItem], now: str) -> None: ...
    def delivered(self, name: str, limit: int = 100) -> list[tuple[WatchItem, str]]: ...

    # the index queue
    def queued(self, limit: int) -> list[Queued]: ...
    def count_queued(self, upto: int | None = None) -> int: ...
    def last_queued(self) -> int: ...
    def mark_indexed(self, entries: Sequence[int]) -> None: ...
    def requeue(self, ids: Sequence[str]) -> None: ...
    def mark_indexed_through(self, entry: int) -> None: ...

    def integrity(self) -> list[str]:
        """What the backend's own integrity check finds wrong (empty: the store is whole)."""
        ...

    def identity(self) -> str:
        """A name for this store, made when it was created, that no other store has."""
        ...

    def backup(self, path: str) -> None:
        """Write a consistent copy of everything stored to the file ``path`` (whole or not at
        all), while other processes go on reading and writing."""
        ...

    def restore(self, path: str) -> None:
        """Replace everything stored with the backup at ``path`` (checked first); the store
        then has a new identity, so whatever was derived from it is rebuilt."""
        ...

    # sources and collection (see ``pressdesk.collect``)
    def add_source(self, source: Source) -> None: ...
    def sources(self) -> list[Source]: ...
    def source(self, name: str) -> Source: ...
    def remove_source(self, name: str) -> None: ...
    def mark_collected(self, name: str, at: str, complete: bool) -> None: ...
    def claim_source(self, name: str, holder: str, now: float, until: float) -> bool:
        """Take or extend the lease on collecting ``name`` (False while another holds it)."""
        ...

    def release_source(self, name: str, holder: str) -> None: ...
    def url_states(self, source: str, urls: Sequence[str]) -> dict[str, UrlState]: ...
    def save_url_states(self, states: Iterable[UrlState]) -> None: ...
    def robots_file(self, host: str) -> tuple[str, float] | None: ...
    def save_robots_file(self, host: str, body: str, fetched_at: float) -> None: ...
    def save_pages(self, pages: Iterable[Page]) -> None:
        """Keep fetched pages as provenance, each by release id and content hash (the
        first page to produce a text is kept)."""
        ...

    def pages(self, release_id: str) -> list[Page]: ...

    # small settings and marks kept with the data
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store named by ``url``."""
    from pressdesk.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))


__all__ = [
    "BatchOutcome",
    "EntityFilter",
    "EventFilter",
    "Queued",
    "ReleaseFilter",
    "SeriesFilter",
    "Stats",
    "Store",
    "StoryFilter",
    "VectorStore",
    "open_store",
]
