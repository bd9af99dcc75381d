"""A collection run: read each source's index pages, fetch what is new or shown edited,
and store it through the Desk as a file ingest would.

For each page an index walker yields (``WALKERS``), every item not handled
earlier in the run is looked up: an item already stored whose index marker is
unchanged is skipped without a request (unless ``recheck``); any other is
fetched (conditionally if it was fetched before) and read into a release.
Releases go to ``desk.add`` in batches, so extraction, the index and anything
else a file ingest does apply; each page that produced a release is kept
compressed as its provenance (``Store.save_pages``), and what is known of each
URL (validators, marker, release) is saved after its release is stored, so a
run killed at any point is completed by the next.

Paging stops at what the store already has: once a source has been read to
its end, a listing is read only until a page is unchanged (304) or ends with
an article already stored. A page's validators are kept only when nothing in
the run so far failed in a way the next run may mend, so a failed article is
tried again.

Two collectors on one store take turns: each holds a lease on the source it
is collecting (renewed as it goes), and the other skips that source; the
store's own deduplication by release id and content hash backs that up.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pressdesk.collect.feeds import walk_feed
from pressdesk.collect.fetch import Fetched, Fetcher, FetchSettings, now_iso
from pressdesk.collect.items import IndexPage, Item, Visit, Walker, allowed_hosts, article_release
from pressdesk.collect.listing import walk_listing
from pressdesk.collect.sitemaps import walk_sitemap
from pressdesk.collect.sources import parse_profile
from pressdesk.errors import CollectError, FetchError
from pressdesk.models import Page, Rejection, Release, Source, UrlState

if TYPE_CHECKING:
    import httpx

    from pressdesk.desk import Desk

log = logging.getLogger(__name__)

# How each kind of source is read; a new kind is a walker (a function from a Visit to
# its index pages, in the listing's order) and a row here.
WALKERS: dict[str, Walker] = {
    "rss": walk_feed,
    "atom": walk_feed,
    "sitemap": walk_sitemap,
    "listing": walk_listing,
}
ORDERED = frozenset({"listing"})  # newest first: paging may stop at what is stored


@dataclass(frozen=True, slots=True)
class CollectOptions:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    recheck: bool = False  # request every stored article seen again (conditionally): finds edits
    batch_size: int = 100  # releases stored at once
    lease: float = 900.0  # seconds a collector holds a source between two signs of life


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What one source's collection found and did; ``fatal`` when it failed entirely."""

    name: str
    found: int = 0  # items its index pages list (each once)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    pages: int = 0  # index pages read
    requests: int = 0
    not_modified: int = 0
    errors: tuple[str, ...] = ()  # one line each: source, URL, reason
    fatal: str = ""
    skipped: str = ""
    seconds: float = 0.0

    def __str__(self) -> str:
        if self.skipped:
            return f"{self.name}: skipped ({self.skipped})"
        if self.fatal:
            return f"{self.name}: failed: {self.fatal}"
        return (f"{self.name}: {self.found} found, {self.new} new, {self.changed} changed, "
                f"{self.unchanged} unchanged, {self.failed} failed ({self.requests} requests, "
                f"{self.not_modified} not modified, {self.seconds:.1f} s)")


@dataclass(frozen=True, slots=True)
class CollectReport:
    sources: tuple[SourceReport, ...]

    @property
    def failed(self) -> tuple[SourceReport, ...]:
        """The sources that failed entirely."""
        return tuple(s for s in self.sources if s.fatal)


Progress = Callable[[SourceReport], None]


def collect(
    desk: Desk, names: Sequence[str] = (), options: CollectOptions | None = None, *,
    progress: Progress | None = None, transport: httpx.BaseTransport | None = None,
) -> CollectReport:
    """Collect the named sources (all when none are named), one after another."""
    chosen = options or CollectOptions()
    sources = [desk.store.source(n) for n in names] if names else desk.store.sources()
    if not sources:
        raise CollectError("no sources to collect: add one with `pressdesk source add NAME URL`")
    holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    with Fetcher(chosen.fetch, desk.store, transport=transport) as fetcher:
        return CollectReport(tuple(
            _SourceRun(desk, source, chosen, fetcher, holder, progress).run() for source in sources
        ))


class _SourceRun:
    """One source's collection (mutable while it runs; the report it returns is frozen)."""

    def __init__(self, desk: Desk, source: Source, options: CollectOptions, fetcher: Fetcher,
                 holder: str, progress: Progress | None) -> None:
        self.desk, self.store, self.source, self.options = desk, desk.store, source, options
        self.fetcher, self.holder, self.progress = fetcher, holder, progress
        self.report = SourceReport(source.name)
        self.pending: list[tuple[Release, Page, UrlState]] = []
        self.handled: set[str] = set()  # item URLs dealt with in this run
        self.stored: set[str] = set()  # item URLs whose release this run stored
        self.clean = True  # nothing failed that the next run could mend
        self.started = time.monotonic()
        self.requests_before = (fetcher.requests, fetcher.not_modified)

    # -- the run -----------------------------------------------------------

    def run(self) -> SourceReport:
        if not self._claim():
            return replace(self.report, skipped="another collector is collecting it")
        try:
            self._walk()
        finally:
            self.store.release_source(self.source.name, self.holder)
        return self._tally()

    def _walk(self) -> None:
        complete = False
        try:
            visit = self._visit()
            complete = self._pages(visit)
        except CollectError as err:
            self._flush()
            if self.report.pages == 0:
                self.report = replace(self.report, fatal=str(err))
                log.warning("%s: %s", self.source.name, err)
                return
            self._error(err)
        self.store.mark_collected(self.source.name, now_iso(), complete and self.clean)

    def _visit(self) -> Visit:
        profile = parse_profile(self.source.profile, self.source.name) if self.source.profile else None
        return Visit(self.source, profile, self.fetcher, allowed_hosts(self.source, profile),
                     self._known, self.options.recheck)

    def _pages(self, visit: Visit) -> bool:
        """Read index pages until the walker ends (True: the source was read whole) or
        paging may stop at what is stored (False)."""
        for page in WALKERS[self.source.kind](visit):
            self.report = replace(self.report, pages=self.report.pages + 1)
            if self._page(page, visit):
                self._flush()
                return False
            self._show()
        self._flush()
        return True

    def _page(self, page: IndexPage, visit: Visit) -> bool:
        """Handle one index page; True when paging may stop here."""
        ordered = self.source.kind in ORDERED and self.source.complete and not self.options.recheck
        self._claim()  # a sign of life, however long the run
        if page.fetched.not_modified:
            return ordered
        known = self.store.url_states(self.source.name, [i.url for i in page.items])
        for item in page.items:
            if item.url not in self.handled:
                self.handled.add(item.url)
                self._count(found=1)
                self._item(item, known.get(item.url), page.fetched, visit)
                self._show()
        self._flush()
        self._keep_page(page)
        last = page.items[-1].url if page.items else None
        return ordered and last is not None and last in known and last not in self.stored

    def _item(self, item: Item, state: UrlState | None, index: Fetched, visit: Visit) -> None:
        if state is not None and state.marker == item.marker and not self.options.recheck:
            self._count(unchanged=1)
            return
        if item.ready is not None:
            self._accept(item, item.ready, index)
            return
        known = state if state is not None and state.release_id else None
        try:
            fetched = self.fetcher.get(item.url, allowed=visit.allowed, known=known)
            if fetched.not_modified:
                self._count(unchanged=1)
                self.store.save_url_states([replace(known or UrlState(item.url, self.source.name),
                                                    marker=item.marker, checked_at=now_iso())])
                return
            self._accept(item, article_release(fetched, item, visit), fetched)
        except FetchError as err:
            self._failed(item, err, transient=err.transient)
        except CollectError as err:
            self._failed(item, err, transient=False)

    def _accept(self, item: Item, result: Release | Rejection, fetched: Fetched) -> None:
        if isinstance(result, Rejection):
            self._failed(item, CollectError(f"{item.url}: {result.reason}"), transient=False, fetched=fetched)
            return
        page = Page(result.id, result.content_hash, fetched.url, fetched.fetched_at, fetched.status,
                    fetched.content_type, zlib.compress(fetched.content, 6))
        state = self._state(item, fetched, result.id)
        self.pending.append((result, page, state))
        if len(self.pending) >= self.options.batch_size:
            self._flush()

    def _failed(self, item: Item, err: CollectError, *, transient: bool,
                fetched: Fetched | None = None) -> None:
        """Count and report a failed article. One the next run may mend is tried again;
        any other is not, until the index shows it changed."""
        self._count(failed=1)
        self._error(err)
        if transient:
            self.clean = False
            return
        self.store.save_url_states([self._state(item, fetched, None)])

    def _flush(self) -> None:
        """Store the pending releases (pages first, what is known of their URLs last)."""
        if not self.pending:
            return
        releases, pages, states = zip(*self.pending, strict=True)
        self.store.save_pages(pages)
        added = self.desk.add(releases)
        self.store.save_url_states(states)
        self.stored.update(s.url for s in states)
        self.pending.clear()
        self._count(new=added.new, changed=added.changed, unchanged=added.unchanged)
        self._claim()
        self._show()

    # -- what is known ------------------------------------------------------

    def _known(self, url: str) -> UrlState | None:
        return self.store.url_states(self.source.name, [url]).get(url)

    def _state(self, item: Item, fetched: Fetched | None, release_id: str | None) -> UrlState:
        own = fetched is not None and fetched.url == item.url  # not the feed it came in
        return UrlState(
            url=item.url, source=self.source.name,
            etag=fetched.etag if own and fetched else None,
            last_modified=fetched.last_modified if own and fetched else None,
            marker=item.marker, release_id=release_id, checked_at=now_iso(),
        )

    def _keep_page(self, page: IndexPage) -> None:
        """Keep an index page's validators (only if nothing failed that a re-read could
        mend) and the page after it."""
        fetched = page.fetched
        self.store.save_url_states([UrlState(
            url=page.url, source=self.source.name,
            etag=fetched.etag if self.clean else None,
            last_modified=fetched.last_modified if self.clean else None,
            marker=page.next_url or "", checked_at=now_iso(),
        )])

    def _claim(self) -> bool:
        now = time.time()
        return self.store.claim_source(self.source.name, self.holder, now, now + self.options.lease)

    # -- the report -----------------------------------------------------------

    def _count(self, **counts: int) -> None:
        self.report = replace(self.report, **{k: getattr(self.report, k) + v for k, v in counts.items()})

    def _error(self, err: Exception) -> None:
        line = f"{self.source.name}: {err}"
        log.info("%s", line)
        self.report = replace(self.report, errors=(*self.report.errors, line))

    def _tally(self) -> SourceReport:
        requests, not_modified = self.requests_before
        return replace(self.report, requests=self.fetcher.requests - requests,
                       not_modified=self.fetcher.not_modified - not_modified,
                       seconds=time.monotonic() - self.started)

    def _show(self) -> None:
        if self.progress is not None:
            self.progress(self._tally())
