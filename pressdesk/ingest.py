"""Ingest: read inputs, store every good release once, keep the search index in step.

Each batch of releases is stored in one transaction together with what
extraction found in it, so a release is either wholly stored or absent. The
search index is derived: ``sync_index`` feeds it every release stored since
its watermark, so an ingest killed half-way is completed by the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from pressdesk.entities import entity_refs
from pressdesk.errors import InputError
from pressdesk.extract import extract
from pressdesk.facts import Extraction, extraction_from_dict, extraction_to_dict
from pressdesk.models import IngestReport, Origin, Rejection, Release, StoredRelease
from pressdesk.readers import read_path
from pressdesk.store import Store

if TYPE_CHECKING:
    from pressdesk.search.index import SearchIndex

log = logging.getLogger(__name__)

INDEXED_SEQ = "indexed_seq"
INDEX_PENDING = "index_pending_seq"
Progress = Callable[[int], None]
OnReject = Callable[[Rejection], None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    format: str | None = None
    source: str | None = None
    strict: bool = False
    extract: bool = True
    batch_size: int = 1000
    sync_every: int = 50_000  # releases stored between two index commits


class Indexer(Protocol):
    def add(self, docs: Iterable[Any], replace: bool = True) -> None: ...
    def commit(self) -> None: ...


@dataclass(slots=True)
class _Tally:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    since_sync: int = 0


class _StrictAbort(Exception):
    """Raised inside the strict transaction so that nothing of the input is kept."""


def batched(items: Iterable[Any], size: int) -> Iterator[tuple[Any, ...]]:
    """Successive tuples of ``size`` items (itertools.batched arrives only in 3.12)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ingest(
    store: Store,
    paths: Iterable[str],
    options: IngestOptions = IngestOptions(),
    *,
    index: Indexer | None = None,
    progress: Progress | None = None,
    on_reject: OnReject | None = None,
) -> IngestReport:
    """Read every path, store what is new or changed, and bring the index up to date."""
    rejected: list[Rejection] = []

    def reject(item: Rejection) -> None:
        rejected.append(item)
        if on_reject:
            on_reject(item)

    if index is not None:
        sync_index(store, index)  # finish what an interrupted ingest left
    releases = _releases(paths, options, reject)
    if options.strict:
        tally = _ingest_strict(store, releases, options, progress, rejected)
    else:
        tally = _ingest_batches(store, releases, options, index, progress)
    if index is not None:
        sync_index(store, index)
    return IngestReport(tally.new, tally.changed, tally.unchanged, tuple(rejected))


def _releases(paths: Iterable[str], options: IngestOptions, reject: OnReject) -> Iterator[Release]:
    for path in paths:
        try:
            items = read_path(path, format=options.format, source=options.source)
        except InputError as err:  # a missing path: report it, go on with the others
            reject(Rejection(Origin(err.path, err.line), err.reason))
            continue
        for item in items:
            if isinstance(item, Rejection):
                reject(item)
            else:
                yield item


def _ingest_batches(
    store: Store,
    releases: Iterator[Release],
    options: IngestOptions,
    index: Indexer | None,
    progress: Progress | None,
) -> _Tally:
    tally = _Tally()
    seen_at = now_iso()
    for batch in batched(releases, options.batch_size):
        _save(store, batch, options, seen_at, tally)
        if progress:
            progress(len(batch))
        if index is not None and tally.since_sync >= options.sync_every:
            sync_index(store, index)
            tally.since_sync = 0
    return tally


def _ingest_strict(
    store: Store,
    releases: Iterator[Release],
    options: IngestOptions,
    progress: Progress | None,
    rejected: list[Rejection],
) -> _Tally:
    """All or nothing: one transaction, rolled back if anything was rejected."""
    try:
        with store.transaction():
            tally = _ingest_batches(store, releases, options, None, progress)
            if rejected:
                raise _StrictAbort
    except _StrictAbort:
        return _Tally()
    return tally


def _save(
    store: Store, batch: tuple[Release, ...], options: IngestOptions, seen_at: str, tally: _Tally
) -> None:
    with store.transaction():
        outcome = store.save_batch(batch, seen_at)
        fresh = outcome.new + outcome.changed
        if options.extract and fresh:
            found = [(r, _extract(r)) for r in fresh]
            store.save_facts((r, extraction_to_dict(facts)) for r, facts in found)
            for r, facts in found:
                store.link_entities(r.id, entity_refs(facts))
    tally.new += len(outcome.new)
    tally.changed += len(outcome.changed)
    tally.unchanged += outcome.unchanged
    tally.since_sync += len(fresh)


def _extract(release: Release) -> Extraction:
    try:
        return extract(release)
    except Exception:  # an extractor bug must not cost the user a release
        log.exception("extraction failed for release %s (%s)", release.id, release.origin)
        return Extraction()


def sync_index(store: Store, index: Indexer, batch: int = 2000) -> int:
    """Index every release stored since the index's watermark; returns how many.

    Two marks make this exact and cheap: ``indexed_seq`` is written after the
    index commits, ``index_pending_seq`` before it starts. Releases in between
    may or may not have reached the index when a process died, so they (and
    every revised release) replace their old document; the rest are added
    without the cost of a delete.
    """
    from pressdesk.search.index import index_doc

    mark = int(store.get_meta(INDEXED_SEQ) or 0)
    uncertain = int(store.get_meta(INDEX_PENDING) or 0)
    store.set_meta(INDEX_PENDING, str(max(store.max_seq(), uncertain)))
    last, count = mark, 0
    for chunk in batched(store.changed_since(mark, batch), batch):
        facts = store.facts_for([s.release.id for _, s in chunk])
        for replace, group in _by_replace(chunk, uncertain):
            index.add((_doc(index_doc, s, facts) for _, s in group), replace=replace)
        last, count = chunk[-1][0], count + len(chunk)
    if count:
        index.commit()
        store.set_meta(INDEXED_SEQ, str(last))
    return count


def _by_replace(
    chunk: tuple[tuple[int, StoredRelease], ...], uncertain: int
) -> list[tuple[bool, list[tuple[int, StoredRelease]]]]:
    """Split a chunk into the releases that may already be indexed and those that cannot be."""
    groups: dict[bool, list[tuple[int, StoredRelease]]] = {True: [], False: []}
    for seq, stored in chunk:
        groups[seq <= uncertain or stored.revision > 1].append((seq, stored))
    return list(groups.items())


def _doc(make: Callable[[Release, Extraction | None], Any], stored: StoredRelease,
         facts: dict[str, dict[str, Any]]) -> Any:
    found = facts.get(stored.release.id)
    return make(stored.release, None if found is None else extraction_from_dict(found))


def open_search_index(store: Store, path: str | None) -> SearchIndex:
    """The search index beside the store; a new (or deleted) index is rebuilt from the store."""
    from pressdesk.search.index import SearchIndex

    index = SearchIndex.open(path)
    if index.created:
        store.set_meta(INDEXED_SEQ, "0")
        store.set_meta(INDEX_PENDING, "0")
        sync_index(store, index)
    return index
