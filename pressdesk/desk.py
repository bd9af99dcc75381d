"""The front door: a ``Desk`` owns a store, its search index, vectors and embedder.

    from pressdesk import Desk

    with Desk.open("pressdesk.db") as desk:
        desk.ingest(["releases.jsonl"])
        for hit in desk.search("semiconductor exports").hits:
            print(hit.title)

Every edge (the CLI, the web app, a collector, a worker) opens a Desk once
from its settings and calls it; none of them touches the store, the index or
the vectors directly. A Desk may be shared by threads: the store gives each
thread its own connection, and the index and vectors are opened once, under a
lock. Heavy parts load on first use: the index when something is searched or
ingested, the extractors when something is ingested, the embedding model when
something is embedded.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pressdesk.errors import NotFound, PressdeskError, StoreError
from pressdesk.facts import Extraction
from pressdesk.models import (
    Entity,
    EventRow,
    FigureRow,
    IngestReport,
    Page,
    Rejection,
    Release,
    ReleaseRef,
    Revision,
    Series,
    Source,
    StoredRelease,
    Story,
    StoryMember,
    Watch,
)
from pressdesk.search import Hit, SearchOptions, SearchResult, search_with, similar
from pressdesk.search.index import SearchIndex, index_path
from pressdesk.search.sync import open_search_index, sync_index, wait_until_indexed
from pressdesk.store import (
    EntityFilter,
    EventFilter,
    ReleaseFilter,
    SeriesFilter,
    Stats,
    Store,
    StoryFilter,
    open_store,
)

if TYPE_CHECKING:
    import httpx

    from pressdesk.brief import Brief
    from pressdesk.check import CheckReport
    from pressdesk.collect import CollectOptions, CollectReport, FetchSettings, SourceRequest
    from pressdesk.collect.collector import Progress as CollectProgress
    from pressdesk.ingest import IngestOptions
    from pressdesk.search.embed import Embedder
    from pressdesk.search.vectors import VectorSet
    from pressdesk.watch import Poster, WatchRun

__all__ = [
    "Desk",
    "EntityView",
    "ReleasePage",
    "ReleaseView",
    "Role",
    "SeriesPoint",
    "SeriesView",
    "Settings",
    "StoryView",
]

Progress = Callable[[int], None]
log = logging.getLogger(__name__)
NOTE_UNGROUPED = 1000  # releases to group at open that are worth a note (it takes a while)


@dataclass(frozen=True, slots=True)
class Settings:
    """How a Desk is opened; the edges read these once (options, environment) and pass them."""

    db: str = "pressdesk.db"  # a SQLite file, sqlite:///path, or :memory:
    index: str | None = None  # the search index folder; default: beside the store, PATH.index
    embedder: str = "minilm-int8"  # the embedder semantic search uses, by registry name
    models: str | None = None  # where embedding models made on first use are kept;
    # default: beside the store, PATH.models (a temporary folder for :memory:)
    auto_embed: int = 500  # a semantic search embeds up to this many missing releases itself
    writer_threads: int = 1  # indexing threads while ingesting (one leaves a core to readers)
    lock_wait: float = 600.0  # seconds an ingest waits for another process's index writer

    @property
    def models_folder(self) -> str | None:
        db = self.db.removeprefix("sqlite:///")
        return self.models if self.models is not None else (
            None if db in ("", ":memory:") else f"{db}.models")

    @property
    def index_folder(self) -> str | None:
        return self.index if self.index is not None else index_path(self.db.removeprefix("sqlite:///"))


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One figure of a series; ``revised`` when another release gives another value for
    the same period and unit (both are shown)."""

    figure: FigureRow
    revised: bool


@dataclass(frozen=True, slots=True)
class SeriesView:
    """One indicator across the store, period by period."""

    series: Series
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person held, as releases give it, and when they were seen holding it."""

    title: str | None
    org: str | None
    first: str
    last: str
    releases: int


def held_roles(said: Sequence[tuple[str | None, str | None, str]]) -> tuple[Role, ...]:
    """The roles a person held from each (title, body, release date) releases give: one role
    however it is written ("MOTIR Trade Minister" of MOTIR is the Trade Minister of MOTIR,
    titles in any case), a title given without its body counted with the one body it is
    given with elsewhere, if a third as many releases give it so (one stray body does not
    take a hundred releases' title); the latest first."""
    def title_of(title: str | None, org: str | None) -> str:
        bare = re.sub(rf"(?i)^{re.escape(org)}\s+|\s+(?:of|at)\s+(?:the\s+)?{re.escape(org)}$",
                      "", title) if title and org else title
        return (bare or "").strip()

    bodies: dict[str, Counter[str]] = {}
    alone: Counter[str] = Counter()
    for title, org, _ in said:
        bare = title_of(title, org).casefold()
        if org:
            bodies.setdefault(bare, Counter())[org] += 1
        else:
            alone[bare] += 1
    days: dict[tuple[str, str | None], list[str]] = {}
    written: dict[tuple[str, str | None], Counter[str]] = {}
    for title, org, day in said:
        bare = title_of(title, org)
        known = bodies.get(bare.casefold(), Counter())
        only, given = next(iter(known.items())) if len(known) == 1 else (None, 0)
        body = org or (only if bare and 3 * given >= alone[bare.casefold()] else None)
        key = (bare.casefold(), body)
        days.setdefault(key, []).append(day)
        written.setdefault(key, Counter())[bare] += 1
    roles = (Role(written[key].most_common(1)[0][0] or None, key[1], min(d), max(d), len(d))
             for key, d in days.items())
    return tuple(sorted(roles, key=lambda r: (r.last, r.first, r.releases), reverse=True))


@dataclass(frozen=True, slots=True)
class EntityView:
    """One entity over time: its names, the releases that name it (newest first), the roles a
    person held, the entities most often named with it, and the stories of its releases
    (newest first)."""

    entity: Entity
    releases: tuple[ReleaseRef, ...]
    roles: tuple[Role, ...]
    related: tuple[tuple[Entity, int], ...]
    stories: tuple[Story, ...] = ()  # of two releases or more, holding one of ``releases``


@dataclass(frozen=True, slots=True)
class ReleaseView:
    """One release with everything known about it."""

    stored: StoredRelease
    facts: Extraction | None  # None: stored without extraction
    entities: tuple[Entity, ...]
    revisions: tuple[Revision, ...]  # every text, oldest first (empty unless asked for)
    story: Story | None = None  # the story it belongs to, once grouped


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story with its releases in the order they joined it, each with why it belongs."""

    story: Story
    members: tuple[StoryMember, ...]


@dataclass(frozen=True, slots=True)
class ReleasePage:
    """One page of releases, newest first by (date, id); ``next`` is the key to ask for the
    page after it (None on the last page)."""

    releases: tuple[StoredRelease, ...]
    next: tuple[str, str] | None


class Desk:
    """A pressdesk knowledge base: ingest, search, read, embed and export, one object."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.lock = threading.RLock()  # opening the derived parts
        self.write_lock = threading.Lock()  # one write at a time per process
        self.watch_lock = threading.Lock()  # one watch run at a time per process
        self._index: SearchIndex | None = None
        self._embedder: Embedder | None = None
        self._vectors: VectorSet | None = None
        self._vectors_version = ""

    @classmethod
    def open(cls, db: str = "pressdesk.db", **settings: Any) -> Desk:
        """Open (creating and migrating as needed) the store at ``db``; see ``Settings``."""
        return cls.from_settings(Settings(db=db, **settings))

    @classmethod
    def from_settings(cls, settings: Settings) -> Desk:
        desk = cls(open_store(settings.db), settings)
        desk.catch_up()
        return desk

    def catch_up(self) -> None:
        """Index what an interrupted ingest left queued (if no other process is writing), so
        that whatever command comes next, what was stored is searchable."""
        waiting = 0 if self.store.read_only else self.store.count_ungrouped()
        if waiting:
            if waiting >= NOTE_UNGROUPED:
                log.warning("grouping %s releases into stories, once (stored before stories "
                            "existed, or grouped by an older version)", f"{waiting:,}")
            self.group_ungrouped()
        if not self.store.read_only and self.store.count_queued():
            self.index  # noqa: B018 - opening the index syncs its queue

    def close(self) -> None:
        with self.lock:
            if self._index is not None:
                self._index.discard()
                self._index = None
            self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the derived parts, opened once ------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The full-text index; a missing one is rebuilt from the store on first use."""
        with self.lock:
            if self._index is None:
                self._index = open_search_index(
                    self.store, self.settings.index_folder,
                    writer_threads=self.settings.writer_threads, wait=self.settings.lock_wait,
                )
            return self._index

    @property
    def embedder(self) -> Embedder:
        with self.lock:
            if self._embedder is None:
                from pressdesk.search.embed import open_embedder

                self._embedder = open_embedder(self.settings.embedder,
                                               cache=self.settings.models_folder)
            return self._embedder

    def vectors(self) -> VectorSet:
        """The nearest-neighbour graph of the embedder's vectors, in step with the store."""
        from pressdesk.search.vectors import VectorSet

        with self.lock:
            version = self.store.vectors.version(self.embedder.name)
            if self._vectors is None or version != self._vectors_version:
                self._vectors = VectorSet.open(self.store.vectors, self.embedder,
                                               self.settings.index_folder)
                self._vectors_version = version
            return self._vectors

    # -- writing -------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str],
        options: IngestOptions | None = None,
        *,
        progress: Progress | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
    ) -> IngestReport:
        """Read files, folders, .gz files or ``-`` into the store; searchable when it returns."""
        from pressdesk.ingest import IngestOptions, ingest_paths

        chosen = options or IngestOptions()
        return self._write(lambda sync: ingest_paths(
            self.store, paths, chosen, sync=sync, progress=progress, on_reject=on_reject
        ))

    def add(
        self, releases: Iterable[Release], options: IngestOptions | None = None,
        *, progress: Progress | None = None,
    ) -> IngestReport:
        """Store releases made in memory (``Release.create(...)``), as ``ingest`` stores files."""
        from pressdesk.ingest import IngestOptions, ingest_releases

        chosen = options or IngestOptions()
        return self._write(lambda sync: ingest_releases(
            self.store, releases, chosen, sync=sync, progress=progress
        ))

    def ingest_document(
        self, name: str, data: bytes, options: IngestOptions | None = None,
    ) -> IngestReport:
        """Store the releases of a document held in memory (an upload), located as ``name``
        in every rejection and in each release's origin; the format is sniffed as for files."""
        from pressdesk.ingest import IngestOptions, ingest_reading, read_document

        chosen = options or IngestOptions()
        return self._write(lambda sync: ingest_reading(
            self.store, lambda reject: read_document(name, data, chosen, reject), chosen,
            sync=sync,
        ))

    def ingest_url(
        self, url: str, options: IngestOptions | None = None, fetch: FetchSettings | None = None,
        *, transport: httpx.BaseTransport | None = None,
    ) -> IngestReport:
        """Fetch one URL politely (robots.txt, bounds; redirects only within its host) and
        store the releases it holds: a feed's entries, a page's article, a file of records."""
        from urllib.parse import urlsplit

        from pressdesk.collect.fetch import Fetcher, FetchSettings

        host = urlsplit(url).hostname or ""
        with Fetcher(fetch or FetchSettings(), self.store, transport=transport) as fetcher:
            page = fetcher.get(url, allowed=frozenset({host}))
        return self.ingest_document(page.url, page.content, options)

    def _write(self, run: Callable[[Callable[[], object]], IngestReport]) -> IngestReport:
        """One write at a time per process, searchable when it returns (see ``_Writing``)."""
        with self.write_lock:
            writing = _Writing(self)
            try:
                report = run(writing.sync)
            finally:
                unindexed = writing.finish()
        return replace(report, unindexed=unindexed)

    def reextract(self, *, everything: bool = False, progress: Progress | None = None) -> int:
        """Find the facts of stored releases again: those an older version of the extractors
        found, or stored without any (``everything``: all, and the entities are linked again
        from nothing, keeping their ids and the corrections made by hand). Returns how many."""
        from pressdesk.extract import VERSION
        from pressdesk.ingest import reextract

        ids = self.store.stale_facts(10**9 if everything else VERSION, missing=True)
        with self.write_lock:
            writing = _Writing(self)
            try:
                if everything:
                    self.store.reset_entities()
                return reextract(self.store, ids, progress=progress)
            finally:
                writing.finish()

    def sync(self) -> int:
        """Index whatever the store has queued, waiting for another process's writer if need
        be; returns how many releases are still not searchable (0 unless it waited in vain)."""
        with self.write_lock:
            return _Writing(self).finish()

    def embed(self, *, progress: Progress | None = None, threads: int | None = None) -> int:
        """Compute the vectors semantic search needs, once per release text; returns how many."""
        from pressdesk.search.embed import open_embedder
        from pressdesk.search.vectors import embed_missing

        bulk = open_embedder(self.settings.embedder, cache=self.settings.models_folder,
                             threads=threads or os.cpu_count() or 1)
        return embed_missing(self.store.vectors, bulk, progress=progress)

    def unembedded(self) -> int:
        """How many release texts have no vector for the embedder yet."""
        return self.store.vectors.count_unembedded(self.embedder.name)

    def check(self) -> CheckReport:
        """Read the store and its index once and say what is wrong (see ``pressdesk.check``)."""
        from pressdesk.check import check

        return check(self.store, self.settings.index_folder)

    def repair(self) -> CheckReport:
        """Rebuild what is derived (the index, the vector graph) if it is damaged or out of
        step, and find stale facts again; then check again. A damaged store is reported, not
        touched."""
        from pressdesk.check import needs_rebuild, needs_reextract, remove_index

        report = self.check()
        if needs_reextract(report):
            self.reextract()
        with self.lock, self.write_lock:
            if self._index is not None:
                self._index.close()
                self._index = None
            self._vectors = None
            folder = self.settings.index_folder
            if folder and needs_rebuild(report):
                remove_index(folder)
            self.index  # noqa: B018 - opening rebuilds a missing index, syncs a queued one
        return self.check()

    def backup(self, path: str) -> None:
        """A consistent copy of the whole store (revisions, facts, entities and vectors
        included) in one file, taken while ingests go on; the index is rebuilt from it."""
        from pressdesk.export import refuse_protected

        refuse_protected(Path(path), self.own_files())
        self.store.backup(path)

    def restore(self, path: str) -> None:
        """Replace the whole store with a backup; the index is rebuilt on the next search."""
        with self.lock, self.write_lock:
            if self._index is not None:
                self._index.discard()
                self._index = None
            self._vectors = None
            self.store.restore(path)

    # -- briefings -----------------------------------------------------------

    def brief(self, since: str, until: str, query: str | None = None, *, limit: int = 20) -> Brief:
        """What happened from ``since`` to ``until`` (days, inclusive), of what ``query``
        matches if given: the ``limit`` heaviest stories, key figures, who met whom, what is
        coming."""
        from pressdesk.brief import build_brief
        from pressdesk.search import matching

        releases = list(self.releases(ReleaseFilter(since=since, until=until)))
        if query:
            with self._reading_index():
                kept = matching(self.index, query, [s.release.id for s in releases])
            releases = [s for s in releases if s.release.id in kept]
        ids = [s.release.id for s in releases]
        return build_brief(since, until, query, self._by_story(releases),
                           self.store.facts_for(ids), self.store.release_figures(ids), limit,
                           self.store.story_titles)

    def _by_story(
        self, releases: list[StoredRelease]
    ) -> list[tuple[str | None, list[StoredRelease]]]:
        """Releases grouped by their story, in the order each story is first met (a release
        not grouped yet is a group of its own)."""
        stories = self.store.stories_of([s.release.id for s in releases])
        groups: dict[str, tuple[str | None, list[StoredRelease]]] = {}
        for s in releases:
            sid = stories.get(s.release.id, (None,))[0]
            groups.setdefault(sid or s.release.id, (sid, []))[1].append(s)
        return list(groups.values())

    # -- watches -------------------------------------------------------------

    def add_watch(self, name: str, query: str, *, webhook: str | None = None) -> Watch:
        """Save a query; releases stored or revised from now on that it matches are new."""
        from pressdesk.search.query import parse_query
        from pressdesk.watch import now_iso

        parse_query(query)  # a malformed query is refused now, not at every run
        watch = Watch(name, query, now_iso(), webhook)
        self.store.add_watch(watch)
        return watch

    def watches(self) -> list[Watch]:
        return self.store.watches()

    def remove_watch(self, name: str) -> None:
        self.store.remove_watch(name)

    def run_watch(self, name: str, *, post: Poster | None = None) -> WatchRun:
        """Deliver what is new for a watch, once; its webhook, if it has one, gets it too
        (by ``post``, default an HTTP POST)."""
        from pressdesk.search import matching
        from pressdesk.watch import run_watch

        with self.watch_lock, self._reading_index():
            return run_watch(self.store, name, lambda q, ids: matching(self.index, q, ids),
                             post=post or http_post)

    def watch_feed(self, name: str, limit: int = 100) -> bytes:
        """The Atom feed of what a watch has delivered, newest first."""
        from pressdesk.watch import atom_feed

        return atom_feed(self.store.watch(name), self.store.delivered(name, limit))

    # -- sources and collection ------------------------------------------------

    def add_source(
        self, request: SourceRequest, fetch: FetchSettings | None = None,
        *, transport: httpx.BaseTransport | None = None,
    ) -> Source:
        """Keep a source to collect; its URL is fetched (politely) only when its kind must
        be discovered (see ``pressdesk.collect.discover``)."""
        from pressdesk.collect.discover import describe_source
        from pressdesk.collect.fetch import Fetcher, FetchSettings

        with Fetcher(fetch or FetchSettings(), self.store, transport=transport) as fetcher:
            source = describe_source(request, fetcher)
        self.store.add_source(source)
        return source

    def sources(self) -> list[Source]:
        return self.store.sources()

    def source(self, name: str) -> Source:
        return self.store.source(name)

    def remove_source(self, name: str) -> None:
        """Stop following a source; the releases collected from it stay."""
        self.store.remove_source(name)

    def collect(
        self, names: Iterable[str] = (), options: CollectOptions | None = None,
        *, progress: CollectProgress | None = None, transport: httpx.BaseTransport | None = None,
    ) -> CollectReport:
        """Fetch what is new from the named sources (all when none are named) and store it
        as ``add`` would; see ``pressdesk.collect.collector``."""
        from pressdesk.collect.collector import collect

        return collect(self, tuple(names), options, progress=progress, transport=transport)

    def pages(self, id_or_prefix: str) -> list[Page]:
        """The fetched pages a release's texts came from (zlib-compressed), oldest first."""
        return self.store.pages(self.store.find(id_or_prefix).release.id)

    # -- reading ---------------------------------------------------------------

    def releases(self, where: ReleaseFilter | None = None) -> Iterator[StoredRelease]:
        """Stored releases, newest first, narrowed by ``where``."""
        return self.store.releases(where or ReleaseFilter())

    def release_page(
        self, where: ReleaseFilter | None = None, after: tuple[str, str] | None = None,
        limit: int = 50,
    ) -> ReleasePage:
        """A page of stored releases narrowed by ``where`` (its ``limit`` unused), newest first
        by (date, id), after the key a previous page gave: no page is too far to reach."""
        found = self.store.release_page(where or ReleaseFilter(), after, limit + 1)
        last = found[limit - 1].release if len(found) > limit else None
        return ReleasePage(tuple(found[:limit]), (last.date, last.id) if last else None)

    def release(self, id_or_prefix: str, *, revisions: bool = False) -> ReleaseView:
        """One release (an unambiguous id prefix is enough) with its facts and entities."""
        stored = self.store.find(id_or_prefix)
        rid = stored.release.id
        return ReleaseView(
            stored=stored,
            facts=self.store.facts(rid),
            entities=tuple(self.store.entities(EntityFilter(release_id=rid, limit=10_000))),
            revisions=tuple(self.store.revisions(rid)) if revisions else (),
            story=self._story_of(rid),
        )

    def _story_of(self, release_id: str) -> Story | None:
        found = self.store.stories_of([release_id]).get(release_id)
        return self.store.story(found[0]) if found else None

    def search(self, query: str, options: SearchOptions | None = None) -> SearchResult:
        """Run a query of the query language (see ``docs/search.md``) in any mode."""
        chosen = options or SearchOptions()
        with self._reading_index():
            if chosen.mode == "lexical":
                return search_with(self.index, query, chosen)
            missing = self._embed_a_few()
            result = search_with(self.index, query, chosen, vectors=self.vectors(),
                                 embedder=self.embedder)
        return replace(result, unembedded=missing)

    @contextmanager
    def _reading_index(self) -> Iterator[None]:
        """Turn what a damaged index file makes tantivy raise (an I/O error, or a Rust panic,
        which Python sees as a BaseException) into one StoreError with the repair."""
        try:
            yield
        except PressdeskError:
            raise
        except BaseException as err:
            if not isinstance(err, ValueError) and type(err).__name__ != "PanicException":
                raise
            folder = self.settings.index_folder or "in memory"
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise StoreError(f"search index {folder} cannot be read ({first}); "
                             "run `pressdesk check --repair`") from err

    def _embed_a_few(self) -> int:
        """Embed the missing releases of a small store; how many are still missing."""
        missing = self.unembedded()
        if 0 < missing <= self.settings.auto_embed and not self.store.read_only:
            from pressdesk.search.vectors import embed_missing

            embed_missing(self.store.vectors, self.embedder)
            return 0
        return missing

    def similar(self, id_or_prefix: str, limit: int = 10) -> tuple[Hit, ...]:
        """The releases most like one (by meaning), itself left out."""
        rid = self.store.find(id_or_prefix).release.id
        self._embed_a_few()
        with self._reading_index():
            return similar(self.index, rid, vectors=self.vectors(), limit=limit)

    def series(self, where: SeriesFilter | None = None) -> list[Series]:
        """The indicators figures were found for, most figures first."""
        return self.store.series(where or SeriesFilter())

    def figures(self, indicator: str) -> SeriesView:
        """Every figure of one indicator (any of its names: "chip exports" finds the series
        of "semiconductor exports"), period by period, revisions flagged."""
        from pressdesk.series import series_key

        key = series_key(indicator)
        found = self.store.series(SeriesFilter(key=key, limit=1))
        if not found and key:  # a narrower series: "ICT exports" finds "Korea's ICT exports"
            found = self.store.series(SeriesFilter(words=tuple(key.split()), limit=6))
        if not found:
            raise NotFound(f"no figures for {indicator!r}: `pressdesk figures` lists the indicators")
        if len(found) > 1:
            names = "; ".join(s.name for s in found[:5])
            raise NotFound(f"{indicator!r} is part of several indicators' names ({names}): name one")
        rows = self.store.series_figures(found[0].key)
        return SeriesView(found[0], tuple(SeriesPoint(r, r in revised(rows)) for r in rows))

    def chart_file(self, view: SeriesView, path: str) -> None:
        """Draw a series into ``path`` (PNG or SVG by its suffix), whole or not at all."""
        from pressdesk.charts import chart_bytes

        self.write_file(path, chart_bytes(view, Path(path).suffix.lstrip(".").lower()))

    def write_file(self, path: str, data: bytes) -> None:
        """Write ``data`` to ``path`` whole or not at all, never over the store's own files."""
        from pressdesk.export import write_atomically

        with write_atomically(path, self.own_files()) as out:
            out.write(data)

    def events(self, where: EventFilter | None = None) -> list[EventRow]:
        """Trade- and industrial-policy actions, newest first."""
        return list(self.store.events(where or EventFilter()))

    def entities(self, where: EntityFilter | None = None) -> list[Entity]:
        """Organisations, people and places, most mentioned first."""
        return self.store.entities(where or EntityFilter())

    def entity(self, entity_id: int) -> Entity:
        return self.store.entity(entity_id)

    def find_entity(self, name_or_id: str) -> Entity:
        """An entity by its id (``#12`` or ``12``) or any of its names; the most mentioned
        when a name is several entities' (a person and an organisation, say)."""
        from pressdesk.entities import lookup_keys

        if name_or_id.lstrip("#").isdigit():
            return self.store.entity(int(name_or_id.lstrip("#")))
        found = self.store.find_entities(lookup_keys(name_or_id))
        if not found:
            raise NotFound(f"no entity named {name_or_id!r} (`pressdesk entities` lists them)")
        return found[0]

    def merge_entities(self, into: str, other: str) -> Entity:
        """Make ``other`` (a name or id) part of ``into``, for good: the decision is kept and
        applied again after every re-extraction."""
        a, b = self.find_entity(into), self.find_entity(other)
        if a.kind != b.kind:
            raise PressdeskError(f"#{a.id} is an {a.kind} and #{b.id} a {b.kind}: not one entity")
        self.store.merge_entities(a.id, b.id)
        return self.store.entity(a.id)

    def split_entity(self, entity: str, names: Sequence[str]) -> Entity:
        """Take ``names`` out of an entity into one entity of their own, for good; the new one."""
        from pressdesk.entities import entity_key

        found = self.find_entity(entity)
        keys = [entity_key(found.kind, name) for name in names]
        own = set(self.store.entity_keys(found.id))
        if not keys or not set(keys) <= own or own <= set(keys):
            raise PressdeskError(f"#{found.id} has not {', '.join(map(repr, names))} to split off"
                                 f" (its names: {', '.join(found.names)})")
        self.store.split_entity(found.id, keys)
        return self.store.find_entities([(found.kind, keys[0])])[0]

    def rename_entity(self, entity: str, name: str) -> Entity:
        """Call an entity ``name`` whatever releases write, for good."""
        found = self.find_entity(entity)
        self.store.rename_entity(found.id, name)
        return self.store.entity(found.id)

    def entity_view(self, name_or_id: str, *, limit: int = 1000) -> EntityView:
        """An entity over time (see ``EntityView``), from its ``limit`` latest releases."""
        entity = self.find_entity(name_or_id)
        releases = self.store.entity_releases(entity.id, limit)
        roles = self._roles(entity, releases) if entity.kind == "person" else ()
        stories = self.store.stories(StoryFilter(
            release_ids=tuple(r.id for r in releases), min_size=2)) if releases else []
        return EntityView(entity, tuple(releases), roles,
                          tuple(self.store.co_mentioned(entity.id)), tuple(stories))

    def _roles(self, entity: Entity, releases: list[ReleaseRef]) -> tuple[Role, ...]:
        from pressdesk.entities import entity_key

        keys = set(self.store.entity_keys(entity.id))
        facts = self.store.facts_for([r.id for r in releases])
        said: list[tuple[str | None, str | None, str]] = []
        for ref in releases:
            found = facts.get(ref.id)
            for person in found.people if found else ():
                if entity_key("person", person.name) in keys and (person.role or person.org):
                    said.append((person.role, person.org, ref.date))
        return held_roles(said)

    def stats(self) -> Stats:
        return self.store.stats()

    # -- stories -------------------------------------------------------------

    def stories(self, where: StoryFilter | None = None, query: str | None = None) -> list[Story]:
        """Stories (releases that report one event), newest first; with ``query`` (the query
        language), only those holding a release that matches it."""
        chosen = where or StoryFilter()
        if query:
            ids = self._matching(query)
            chosen = replace(chosen, release_ids=tuple(ids))
        return self.store.stories(chosen)

    def story(self, story_id: str) -> StoryView:
        """One story by id (an unambiguous prefix, or the id of a story merged into it)."""
        return StoryView(self.store.story(story_id), tuple(self.store.story_members(story_id)))

    def story_of(self, release_id: str) -> StoryView:
        """The story a release (an unambiguous id prefix) belongs to."""
        rid = self.store.find(release_id).release.id
        found = self.store.stories_of([rid]).get(rid)
        if not found:
            raise NotFound(f"release {rid} is in no story yet")
        return self.story(found[0])

    def group_ungrouped(self, batch: int = 1000) -> int:
        """Group the releases stored before stories existed, oldest first; how many."""
        from pressdesk.stories import group_stored

        done, after = 0, 0
        with self.write_lock:
            while found := self.store.ungrouped(batch, after):
                after, ids = found[-1][0], [rid for _, rid in found]
                stored = self.store.get_many(ids)
                facts = self.store.facts_for(ids)
                with self.store.transaction():
                    group_stored(self.store, [(s.release, facts.get(s.release.id)) for s in stored])
                done += len(stored)
        return done

    def _matching(self, query: str, limit: int = 100_000) -> list[str]:
        from pressdesk.search.engine import matching_ids

        with self._reading_index():
            return matching_ids(self.index, query, limit)

    def export(
        self, out: IO[bytes], format: str = "jsonl", where: ReleaseFilter | None = None,
        *, facts: bool = False, what: str = "releases", revisions: bool = False,
    ) -> int:
        """Write releases (with their facts if asked) in a format ``ingest`` reads back, or
        every figure or event as a tidy table (``what="figures"`` or ``"events"``). With
        ``revisions``, each release's earlier texts come first, oldest first, each with its
        revision number: ingesting that into an empty store gives back every revision."""
        from pressdesk.export import WRITERS, write_table
        from pressdesk.shapes import EVENT_COLUMNS, FIGURE_COLUMNS, event_record, figure_record

        if what == "figures":
            figures = (figure_record(row) for row in self.store.figure_rows())
            return write_table(figures, FIGURE_COLUMNS, out, format)
        if what == "events":
            events = (event_record(row) for row in self.store.events(EventFilter(optional=True)))
            return write_table(events, EVENT_COLUMNS, out, format)
        if what != "releases":
            raise PressdeskError(f"cannot export {what!r} (releases, figures or events)")
        if format not in WRITERS:
            raise PressdeskError(f"unknown export format {format!r} (formats: {', '.join(WRITERS)})")
        rows = self.releases(where)
        pairs = self._with_facts(rows) if facts else ((s, None) for s in rows)
        return WRITERS[format](self._with_history(pairs) if revisions else pairs, out, facts)

    def export_file(
        self, path: str, format: str = "jsonl", where: ReleaseFilter | None = None,
        *, facts: bool = False, what: str = "releases", revisions: bool = False,
    ) -> int:
        """``export`` into a file that appears whole or not at all (never over the store)."""
        from pressdesk.export import write_atomically

        with write_atomically(path, self.own_files()) as out:
            return self.export(out, format, where, facts=facts, what=what, revisions=revisions)

    def own_files(self) -> tuple[str, ...]:
        """The files and folders the store and its index live in (none for ``:memory:``)."""
        db = self.settings.db.removeprefix("sqlite:///")
        if db in ("", ":memory:"):
            return ()
        found = (db, f"{db}-wal", f"{db}-shm", f"{db}-journal", f"{db}.damaged", self.settings.index_folder,
                 self.settings.models_folder)
        return tuple(p for p in found if p)

    def _with_history(
        self, pairs: Iterator[tuple[StoredRelease, Extraction | None]], chunk: int = 1000
    ) -> Iterator[tuple[StoredRelease, Extraction | None]]:
        """Each release's earlier texts (without facts: only the current text's are kept)
        before the release itself."""
        from pressdesk.ingest import batched

        for group in batched(pairs, chunk):
            history = self.store.earlier_revisions([s.release.id for s, _ in group])
            for stored, found in group:
                for old in history.get(stored.release.id, []):
                    yield _revision_row(stored, old), None
                yield stored, found

    def _with_facts(
        self, rows: Iterator[StoredRelease], chunk: int = 1000
    ) -> Iterator[tuple[StoredRelease, Extraction | None]]:
        from pressdesk.ingest import batched

        for group in batched(rows, chunk):
            found = self.store.facts_for([s.release.id for s in group])
            yield from ((s, found.get(s.release.id)) for s in group)


def _revision_row(current: StoredRelease, old: Revision) -> StoredRelease:
    """An earlier text of a stored release, as an export row: the release's identity (source,
    URL, language, external id) with that revision's text, number and day."""
    release = replace(
        current.release, title=old.title, date=old.date, category=old.category, body=old.body,
        content_hash=old.content_hash, revision=old.revision,
    )
    return StoredRelease(release, old.revision, old.seen_at, old.seen_at, old.origin)


def http_post(url: str, body: bytes, headers: dict[str, str]) -> int:
    """POST ``body`` to ``url``; the status, or a PressdeskError naming what failed."""
    import httpx

    try:
        return httpx.post(url, content=body, headers=headers, timeout=10.0).status_code
    except httpx.HTTPError as err:
        raise PressdeskError(f"{url}: {err}") from err


def revised(rows: list[FigureRow]) -> set[FigureRow]:
    """The figures of a period and unit that releases give different values for."""
    groups: dict[tuple[str | None, str | None], list[FigureRow]] = {}
    for row in rows:
        if row.value is not None:
            groups.setdefault((row.period, row.unit), []).append(row)
    return {
        row for group in groups.values() if len({r.release_id for r in group}) > 1
        and max(abs(r.value or 0) for r in group) > 1.005 * min(abs(r.value or 0) for r in group)
        for row in group
    }


class _Writing:
    """One write's hold on the index: sync when the ingest asks, and before leaving make
    everything this process queued searchable, here or by whichever process holds the
    index's writer meanwhile. The writer is released at the end, for other processes."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def sync(self) -> object:
        index = self.desk.index
        return sync_index(self.desk.store, index) if index.try_lock() else None

    def finish(self) -> int:
        """Wait until what was queued is indexed; how many are not (after ``lock_wait``)."""
        store, index = self.desk.store, self.desk.index
        upto = store.last_queued()
        try:
            if wait_until_indexed(store, index, upto, timeout=self.desk.settings.lock_wait):
                return 0
            return store.count_queued(upto)
        finally:
            index.close()
