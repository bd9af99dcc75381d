"""The store: the system of record for releases and their revisions.

``open_store(url)`` picks a backend by URL: a file path or ``sqlite:///path``
for SQLite (the default, embedded), ``:memory:`` for a throwaway store.
Every backend implements the ``Store`` protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from pressdesk.entities import Entity, EntityRef
from pressdesk.models import Release, Revision, StoredRelease


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
class BatchOutcome:
    """What one stored batch did, with the releases that are new or changed."""

    new: tuple[Release, ...]
    changed: tuple[Release, ...]
    unchanged: int
    last_seq: int


@dataclass(frozen=True, slots=True)
class Stats:
    releases: int
    revisions: int
    sources: tuple[tuple[str, int], ...]
    categories: tuple[tuple[str, int], ...]
    first_date: str | None
    last_date: str | None


class Store(Protocol):
    def save_batch(self, releases: Iterable[Release], seen_at: str) -> BatchOutcome: ...
    def save_facts(self, facts: Iterable[tuple[Release, dict[str, Any]]]) -> None: ...
    def get_facts(self, release_id: str) -> dict[str, Any] | None: ...
    def facts_for(self, ids: list[str]) -> dict[str, dict[str, Any]]: ...
    def link_entities(self, release_id: str, refs: Iterable[EntityRef]) -> None: ...
    def entities(self, where: EntityFilter) -> list[Entity]: ...
    def entity_names(self, kind: str, name: str) -> tuple[str, ...]: ...
    def transaction(self) -> AbstractContextManager[object]: ...
    def get(self, release_id: str) -> StoredRelease: ...
    def find(self, prefix: str) -> StoredRelease: ...
    def releases(self, where: ReleaseFilter) -> Iterator[StoredRelease]: ...
    def revisions(self, release_id: str) -> list[Revision]: ...
    def changed_since(self, seq: int, batch: int = 1000) -> Iterator[tuple[int, StoredRelease]]: ...
    def max_seq(self) -> int: ...
    def stats(self) -> Stats: ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def close(self) -> None: ...


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store named by ``url``."""
    from pressdesk.store.sqlite import SQLiteStore

    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    return SQLiteStore(path)


__all__ = ["BatchOutcome", "EntityFilter", "ReleaseFilter", "Stats", "Store", "open_store"]
