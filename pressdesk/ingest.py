"""Ingest: store every good release once, with what extraction finds in it.

Each batch of releases is stored in one transaction together with its facts
and entity links, so a release is either wholly stored or absent. The store
queues every new or changed release for the search index in that same
transaction; ``sync`` (given by the caller, see ``pressdesk.search.sync``) is
called every so often to index what is queued, so a long ingest becomes
searchable as it goes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from pressdesk.entities import entity_refs
from pressdesk.errors import InputError
from pressdesk.extract import VERSION as EXTRACTOR_VERSION
from pressdesk.extract import extract
from pressdesk.facts import Extraction
from pressdesk.models import IngestReport, Origin, Rejection, Release
from pressdesk.readers import read_bytes, read_path
from pressdesk.store import Store
from pressdesk.stories import group_stored
from pressdesk.workers import map_shared

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
OnReject = Callable[[Rejection], None]
Sync = Callable[[], object]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    format: str | None = None
    source: str | None = None
    strict: bool = False
    extract: bool = True
    batch_size: int = 1000
    sync_every: int = 50_000  # releases stored between two index syncs
    sync_seconds: float = 10.0  # ... or seconds, whichever comes first


@dataclass(slots=True)
class _Tally:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    since_sync: int = 0
    synced_at: float = 0.0


class _StrictAbort(Exception):
    """Raised inside the strict transaction so that nothing of the input is kept."""


def batched(items: Iterable[Any], size: int) -> Iterator[tuple[Any, ...]]:
    """Successive tuples of ``size`` items (itertools.batched arrives only in 3.12)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    options: IngestOptions = IngestOptions(),
    *,
    sync: Sync | None = None,
    progress: Progress | None = None,
    on_reject: OnReject | None = None,
) -> IngestReport:
    """Read every path and store what is new or changed; bad records are reported, not stored."""
    return ingest_reading(store, lambda reject: read_releases(paths, options, reject), options,
                          sync=sync, progress=progress, on_reject=on_reject)


def ingest_reading(
    store: Store,
    read: Callable[[OnReject], Iterable[Release]],
    options: IngestOptions = IngestOptions(),
    *,
    sync: Sync | None = None,
    progress: Progress | None = None,
    on_reject: OnReject | None = None,
) -> IngestReport:
    """Store what ``read`` yields (it hands each bad record to the function it is given),
    with the rejections in the report: files, uploads and fetched pages alike."""
    rejected: list[Rejection] = []

    def reject(item: Rejection) -> None:
        rejected.append(item)
        if on_reject:
            on_reject(item)

    report = ingest_releases(store, read(reject), options, sync=sync, progress=progress,
                             rejected=rejected)
    return IngestReport(report.new, report.changed, report.unchanged, tuple(rejected))


def ingest_releases(
    store: Store,
    releases: Iterable[Release],
    options: IngestOptions = IngestOptions(),
    *,
    sync: Sync | None = None,
    progress: Progress | None = None,
    rejected: list[Rejection] | None = None,
) -> IngestReport:
    """Store releases given in memory. With ``options.strict``, nothing is stored if
    ``rejected`` (filled while ``releases`` is read) holds anything at the end."""
    if options.strict:
        tally = _ingest_strict(store, iter(releases), options, progress,
                               rejected if rejected is not None else [])
    else:
        tally = _ingest_batches(store, iter(releases), options, sync, progress)
    return IngestReport(tally.new, tally.changed, tally.unchanged)


def read_releases(paths: Iterable[str], options: IngestOptions, reject: OnReject) -> Iterator[Release]:
    """The good releases of every path; each bad record (or missing path) goes to ``reject``."""
    for path in paths:
        try:
            items = read_path(path, format=options.format, source=options.source)
        except InputError as err:  # a missing path: report it, go on with the others
            reject(Rejection(Origin(err.path, err.line), err.reason))
            continue
        yield from good_releases(items, reject)


def read_document(name: str, data: bytes, options: IngestOptions,
                  reject: OnReject) -> Iterator[Release]:
    """The good releases of a document held in memory, located as ``name``."""
    yield from good_releases(read_bytes(name, data, format=options.format,
                                        source=options.source), reject)


def good_releases(items: Iterable[Release | Rejection], reject: OnReject) -> Iterator[Release]:
    for item in items:
        if isinstance(item, Rejection):
            reject(item)
        else:
            yield item


def _ingest_batches(
    store: Store,
    releases: Iterator[Release],
    options: IngestOptions,
    sync: Sync | None,
    progress: Progress | None,
) -> _Tally:
    tally = _Tally(synced_at=time.monotonic())
    seen_at = now_iso()
    for batch in batched(releases, options.batch_size):
        _save(store, batch, options, seen_at, tally)
        if progress:
            progress(len(batch))
        if sync is not None and _sync_due(tally, options):
            sync()
            tally.since_sync, tally.synced_at = 0, time.monotonic()
    return tally


def _sync_due(tally: _Tally, options: IngestOptions) -> bool:
    return tally.since_sync >= options.sync_every or (
        time.monotonic() - tally.synced_at >= options.sync_seconds
    )


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
    """Extract outside the write transaction (it takes seconds; other writers wait for the
    transaction), then store the batch with the facts of whatever proved new or changed."""
    found = _extract_fresh(store, batch) if options.extract else {}
    with store.transaction():
        outcome = store.save_batch(batch, seen_at)
        fresh = outcome.new + outcome.changed
        if options.extract and fresh:
            # another writer may have changed a release since the look-up: extract it now
            facts = [(r, found.get(r.content_hash) or _extract(r)) for r in fresh]
            found.update((r.content_hash, f) for r, f in facts)
            store.save_facts(facts, EXTRACTOR_VERSION)
            for r, extraction in facts:
                store.link_entities(r.id, entity_refs(extraction))
        if outcome.new:  # a revised release stays in its story
            group_stored(store, [(r, found.get(r.content_hash)) for r in outcome.new])
    tally.new += len(outcome.new)
    tally.changed += len(outcome.changed)
    tally.unchanged += outcome.unchanged
    tally.since_sync += len(fresh)


def _extract_fresh(store: Store, batch: tuple[Release, ...]) -> dict[str, Extraction]:
    """Facts of the releases whose text the store does not hold yet, by content hash."""
    stored = store.content_hashes([r.id for r in batch])
    fresh = [r for r in batch if stored.get(r.id) != r.content_hash]
    return {r.content_hash: facts for r, facts in zip(fresh, extract_all(fresh), strict=True)}


def extract_all(releases: list[Release]) -> list[Extraction]:
    """The facts of each release, in order; a batch's are shared with worker processes
    (``pressdesk.workers``), a few releases at a time."""
    return map_shared(extract_chunk, releases, chunk=EXTRACT_CHUNK, least=EXTRACT_WORKER_MIN)


EXTRACT_CHUNK = 10  # releases a worker extracts at a time (a long release takes ~10 ms)
EXTRACT_WORKER_MIN = 40


def extract_chunk(releases: Sequence[Release]) -> list[Extraction]:
    """What a worker runs (a module-level function, so that it pickles)."""
    return [_extract(r) for r in releases]


def _extract(release: Release) -> Extraction:
    try:
        return extract(release)
    except Exception:  # an extractor bug must not cost the user a release
        log.exception("extraction failed for release %s (%s)", release.id, release.origin)
        return Extraction()


def reextract(
    store: Store, ids: list[str], *, batch_size: int = 500, progress: Progress | None = None
) -> int:
    """Find the facts of stored releases again (extraction improved); the index follows."""
    done = 0
    for chunk in batched(ids, batch_size):
        stored = [s.release for s in store.get_many(list(chunk))]
        found = list(zip(stored, extract_all(stored), strict=True))
        with store.transaction():
            store.save_facts(found, EXTRACTOR_VERSION)
            for release, facts in found:
                store.link_entities(release.id, entity_refs(facts))
            store.requeue([r.id for r, _ in found])
        done += len(found)
        if progress:
            progress(len(found))
    return done
