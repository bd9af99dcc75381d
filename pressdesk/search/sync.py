"""Keeping the search index in step with the store, through the store's index queue.

Every stored or revised release is queued in the transaction that stores it.
``sync_index`` reads the queue in rounds: index the releases, commit the index,
then mark exactly those entries done. An index commit is atomic, so a process
killed anywhere leaves entries that are either done or still queued; the next
sync finishes them. Only one process writes a tantivy index at a time (it
holds the writer lock); ``try_sync`` gives way when another holds it, and
``wait_until_indexed`` waits until what a process stored is searchable, indexed
by itself or by the process that holds the lock.

One mark keeps a rebuild cheap: ``index_pending`` records the last entry of the
round a sync began. A *fresh* entry (a new release) after it cannot be in the
index yet, so it is added without the cost of a delete; everything else
replaces its old document.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Protocol

from pressdesk.errors import StoreError
from pressdesk.facts import Extraction
from pressdesk.models import StoredRelease
from pressdesk.search.index import IndexDoc, SearchIndex, index_doc
from pressdesk.store import Queued, ReleaseFilter, Store

__all__ = [
    "Indexer",
    "open_search_index",
    "rebuild_index",
    "sync_index",
    "try_sync",
    "wait_until_indexed",
]

log = logging.getLogger(__name__)

INDEX_PENDING = "index_pending"
ROUND = 100_000  # queue entries indexed between two index commits
CHUNK = 2_000  # releases read from the store at once


class Indexer(Protocol):
    """What a sync needs of an index (``SearchIndex``; tests use a fake)."""

    def try_lock(self) -> bool: ...
    def add(self, docs: Iterable[IndexDoc], replace: bool = True) -> None: ...
    def commit(self) -> None: ...


def sync_index(store: Store, index: Indexer, *, round_size: int = ROUND) -> int:
    """Index every queued release (the caller holds the index's writer); returns how many."""
    done = 0
    while entries := store.queued(round_size):
        uncertain = int(store.get_meta(INDEX_PENDING) or 0)
        store.set_meta(INDEX_PENDING, str(entries[-1].entry))
        for start in range(0, len(entries), CHUNK):
            index_entries(store, index, entries[start : start + CHUNK], uncertain)
        index.commit()
        store.mark_indexed([e.entry for e in entries])
        done += len(entries)
        if len(entries) < round_size:
            break
    return done


def index_entries(store: Store, index: Indexer, entries: Sequence[Queued], uncertain: int) -> None:
    """Add the documents of one chunk: replacing, unless surely never indexed."""
    replace: dict[str, bool] = {}
    for e in entries:  # a release queued twice replaces if either entry says so
        replace[e.release_id] = replace.get(e.release_id, False) or not e.fresh or e.entry <= uncertain
    stored = store.get_many(list(replace))
    derived = Derived(store, list(replace))
    for flag in (False, True):
        group = [s for s in stored if replace[s.release.id] is flag]
        index.add((derived.document(s) for s in group), replace=flag)


class Derived:
    """What the store derived from some releases (facts, stories), read at once."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        self.facts: dict[str, Extraction] = store.facts_for(ids)
        self.stories = store.stories_of(ids)

    def document(self, stored: StoredRelease) -> IndexDoc:
        rid = stored.release.id
        return index_doc(stored.release, self.facts.get(rid), self.stories.get(rid, ()))


def try_sync(store: Store, index: Indexer) -> int | None:
    """Sync if this process can take the index's writer; None if another process holds it."""
    if not index.try_lock():
        return None
    return sync_index(store, index)


def wait_until_indexed(
    store: Store, index: Indexer, upto: int, *, timeout: float = 600.0, poll: float = 0.25
) -> bool:
    """Wait until no queue entry up to ``upto`` is left: synced here, or by the process that
    holds the writer. False if ``timeout`` seconds pass first (the entries stay queued)."""
    deadline, said = time.monotonic() + timeout, False
    while store.count_queued(upto) > 0:
        if try_sync(store, index) is not None:
            continue
        if time.monotonic() > deadline:
            return False
        if not said:
            log.warning("waiting for another process that is writing the search index")
            said = True
        time.sleep(poll)
    return True


def open_search_index(
    store: Store, path: str | None, *, writer_threads: int = 1, wait: float = 600.0
) -> SearchIndex:
    """The search index beside the store, ready to search.

    An index that is new, made by a pressdesk with another schema, or built for
    another store (the file at the store's path was replaced), is rebuilt from the
    store; whatever an interrupted ingest left queued is indexed if no other process
    is writing.
    """
    index = SearchIndex.open(path, writer_threads=writer_threads, replace_outdated=True)
    if index.copy is not None:
        return index  # a read-only index is searched as it is
    identity = store.identity()
    if index.stamp() is None and not index.created and index.count():
        index.set_stamp(identity)  # a filled index made before stamps: it is this store's
    if index.stamp() != identity:
        rebuild_index(store, index, identity, wait=wait)
    elif store.count_queued():
        try_sync(store, index)
    index.close()  # release the writer: reading needs none
    return index


def rebuild_index(
    store: Store, index: SearchIndex, identity: str, *, wait: float = 600.0, poll: float = 0.25
) -> None:
    """Index every release of the store afresh, committed once: readers see the old index
    until the new one is whole. If another process holds the writer, wait for it (it may be
    rebuilding the same index) up to ``wait`` seconds."""
    deadline, said = time.monotonic() + wait, False
    while not index.try_lock():
        if index.stamp() == identity:
            return  # rebuilt by the process that held the writer
        if time.monotonic() > deadline:
            raise StoreError(f"search index {index.path} is being written by another process; "
                             "try again when it has finished")
        if not said:
            log.warning("waiting for another process that is writing the search index")
            said = True
        time.sleep(poll)
    if index.stamp() == identity:
        sync_index(store, index)
        return
    through = store.last_queued()  # every entry up to here is in the releases read below
    index.clear()
    releases = store.releases(ReleaseFilter())
    while chunk := list(islice(releases, CHUNK)):
        derived = Derived(store, [s.release.id for s in chunk])
        index.add((derived.document(s) for s in chunk), replace=False)
    index.commit()
    index.set_stamp(identity)
    store.mark_indexed_through(through)
