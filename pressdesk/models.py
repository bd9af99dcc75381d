"""The records that cross module lines: releases as read, as stored, and reports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def release_id(source: str, url: str | None, external_id: str | None, title: str, date: str) -> str:
    """Stable id: from source + URL where there is one, else source + the feed's own id,
    else source + title + date."""
    if url:
        return _digest("url", source, url)[:16]
    if external_id:
        return _digest("id", source, external_id)[:16]
    return _digest("title", source, title.strip(), date)[:16]


def content_hash(title: str, date: str, category: str, body: str) -> str:
    """What makes a new revision: the text a reader sees, not where it was read."""
    return _digest(title, date, category, body)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was read: a file (or URL, or ``<stdin>``) and a line or record number."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True)
class Release:
    """One press release as read from a feed, validated, with its stable id and hash."""

    id: str
    title: str
    date: str  # ISO 8601 day, YYYY-MM-DD
    body: str
    category: str = ""
    source: str = ""
    url: str | None = None
    language: str = "en"
    content_hash: str = ""
    external_id: str | None = None  # the feed's own id for the release, if it has one
    origin: Origin | None = field(default=None, compare=False)
    # The revision number a record claims (an export's ``revision``): a store that has moved
    # past it takes the record as history, not as a new text.
    revision: int | None = field(default=None, compare=False)

    @classmethod
    def create(
        cls,
        *,
        title: str,
        date: str,
        body: str,
        category: str = "",
        source: str = "",
        url: str | None = None,
        language: str = "en",
        external_id: str | None = None,
        origin: Origin | None = None,
        revision: int | None = None,
    ) -> Release:
        return cls(
            id=release_id(source, url, external_id, title, date),
            title=title,
            date=date,
            body=body,
            category=category,
            source=source,
            url=url or None,
            language=language or "en",
            content_hash=content_hash(title, date, category, body),
            external_id=external_id or None,
            origin=origin,
            revision=revision,
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record a reader could not accept, and why."""

    origin: Origin
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class StoredRelease:
    """A release as the store holds it: the latest revision and its history counters."""

    release: Release
    revision: int
    first_seen: str
    last_seen: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """One earlier (or the current) text of a release."""

    release_id: str
    revision: int
    title: str
    date: str
    category: str
    body: str
    content_hash: str
    seen_at: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: tuple[Rejection, ...] = ()
    unindexed: int = 0  # stored but not yet searchable: another process kept the index busy

    def __str__(self) -> str:
        text = f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged"
        text += f", {len(self.rejected)} rejected" if self.rejected else ""
        return text + (f", {self.unindexed} not yet indexed" if self.unindexed else "")


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An organisation, person or place as one release names it.

    ``keys`` pairs every name that identifies it (acronyms included) with its
    normalised key, computed by ``pressdesk.entities`` before the store sees it;
    ``evidence`` says, key by key, why the release joined that name to the first
    (``""`` for the first; ``"acronym"`` marks an acronym, which links releases
    only where it was defined: see ``pressdesk.store.sqlite_entities``).
    """

    kind: str  # "org" | "person" | "place"
    name: str  # the fullest name the release uses
    keys: tuple[tuple[str, str], ...]  # (key, name as written)
    evidence: tuple[str, ...] = ()  # one per key: "", "acronym", "spelling", "short form", ...


@dataclass(frozen=True, slots=True)
class Entity:
    """One organisation, person or place with one id across the store."""

    id: int
    kind: str
    name: str
    names: tuple[str, ...]
    releases: int  # how many releases name it
    evidence: tuple[tuple[str, str], ...] = ()  # (name, why it joined the entity) for every name


@dataclass(frozen=True, slots=True)
class Series:
    """One indicator across the store: every figure whose indicator folds to ``key``."""

    key: str  # the series key ("export semiconductor")
    name: str  # the name releases use most ("semiconductor exports")
    figures: int
    releases: int
    first: str | None  # earliest and latest period
    last: str | None
    units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A stored figure with the release it comes from."""

    release_id: str
    release_date: str
    title: str
    indicator: str
    series: str
    period: str | None
    value: float | None
    unit: str | None
    change: float | None
    change_unit: str | None
    direction: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """A stored event with the release it comes from."""

    release_id: str
    release_date: str
    title: str
    type: str
    implementer: tuple[str, ...]
    partner: tuple[str, ...]
    date: str | None
    sentence: str
    optional: bool


@dataclass(frozen=True, slots=True)
class StoryReason:
    """Why a release belongs to its story: the member it is most like, and how.

    ``kind`` is ``first`` (it started the story), ``duplicate`` (most of its text is
    the other's), ``update`` (a version of the other: "(LEAD)", "UPDATE 1",
    "CORRECTED") or ``similar`` (it reports what the story's releases report).
    """

    kind: str
    like: str | None = None  # the release it is most like
    similarity: float = 0.0  # text similarity to it (names, words, figures), 0..1
    story_similarity: float = 0.0  # average similarity to every member of the story
    days: int | None = None  # days between the two release dates
    shared: tuple[str, ...] = ()  # names, figures and words both hold, most telling first
    resemblance: float = 0.0  # share of text both hold (near-duplicates: most of it)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """A release of a story, with why it belongs."""

    release_id: str
    date: str
    title: str
    source: str
    reason: StoryReason


@dataclass(frozen=True, slots=True)
class Story:
    """Releases that report one real-world event. ``title`` is its first release's."""

    id: str
    title: str
    first_date: str
    last_date: str
    size: int  # releases
    sources: tuple[str, ...]
    merged: tuple[str, ...] = ()  # ids of stories that proved to be this one


@dataclass(frozen=True, slots=True)
class Watch:
    """A saved query whose new matches are delivered once each."""

    name: str
    query: str
    created: str  # releases stored or revised from then on are watched
    webhook: str | None = None  # where each run POSTs what it found


@dataclass(frozen=True, slots=True)
class WatchItem:
    """A release revision a watch matched."""

    release_id: str
    revision: int
    date: str
    title: str
    source: str
    url: str | None


@dataclass(frozen=True, slots=True)
class ReleaseRef:
    """A release as a list shows it."""

    id: str
    date: str
    title: str
    source: str

# -- sources and collection (pressdesk.collect) -------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """A site or feed the collector follows, as the store keeps it.

    ``kind`` is ``rss``, ``atom``, ``sitemap`` or ``listing``; ``profile`` is the
    TOML text of a listing profile (empty for the other kinds). ``complete`` says
    that a run once read the whole of it, so later runs may stop paging at what
    they already have.
    """

    name: str
    url: str
    kind: str
    profile: str = ""
    added_at: str = ""
    complete: bool = False
    collected_at: str | None = None


@dataclass(frozen=True, slots=True)
class UrlState:
    """What the collector knows of one URL it has read: the validators of its last
    response (for conditional requests), what the index pointing at it said of it
    then (``marker``: a feed entry's date, a sitemap's lastmod, a listing row's text),
    and the release it produced, if any."""

    url: str
    source: str
    etag: str | None = None
    last_modified: str | None = None
    marker: str = ""
    release_id: str | None = None
    checked_at: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page kept as provenance of the release text it produced: ``data`` is the
    body as received, compressed with zlib."""

    release_id: str
    content_hash: str
    url: str
    fetched_at: str
    status: int
    content_type: str
    data: bytes
