"""What a source's index pages point at (``Item``), what one visit of a source knows
(``Visit``), and how an article page becomes a release (``article_release``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from pressdesk.collect.fetch import Fetched, Fetcher, host_of
from pressdesk.collect.select import block_text, select, short_text
from pressdesk.collect.sources import Fields, Profile
from pressdesk.errors import CollectError
from pressdesk.models import Origin, Source, UrlState
from pressdesk.readers.records import Item as ReadItem
from pressdesk.readers.records import release_from_mapping


@dataclass(frozen=True, slots=True)
class Item:
    """One release an index page (feed, sitemap, listing) points at, with what the index
    says of it. ``marker`` changes when the index shows it edited; ``ready`` is the whole
    release when the index holds it (a feed entry with its full content)."""

    url: str
    marker: str = ""
    title: str = ""
    date: str = ""
    category: str = ""
    language: str = ""
    ready: ReadItem | None = None


@dataclass(frozen=True, slots=True)
class IndexPage:
    """One fetched index page and its items (none when it was not modified); ``next_url``
    is the page after it, if any (kept, so that paging can go on past a 304)."""

    url: str
    fetched: Fetched
    items: tuple[Item, ...] = ()
    next_url: str | None = None


@dataclass(frozen=True, slots=True)
class Visit:
    """What reading one source needs: the source, its profile, the client, the hosts it may
    be redirected to, and what is known of any URL."""

    source: Source
    profile: Profile | None
    fetcher: Fetcher
    allowed: frozenset[str]
    known: Callable[[str], UrlState | None]
    recheck: bool = False  # read every index page whole, whatever its validators say

    def get(self, url: str) -> Fetched:
        """An index page, conditionally unless rechecking."""
        return self.fetcher.get(url, allowed=self.allowed, known=None if self.recheck else self.known(url))

    def article_url(self, base: str, link: str) -> str:
        """An article link resolved against its page, without its fragment and without the
        query parameters the profile says do not name the article (so one article has one
        URL, and one release id, whichever page links to it)."""
        url = absolute(base, link)
        drop = self.profile.drop_params if self.profile else frozenset()
        return without_params(url, drop) if drop else url

    def wanted(self, url: str) -> bool:
        """Whether ``url`` may be an article of this source (on its hosts, matching its
        profile's ``include`` pattern)."""
        include = self.profile.include if self.profile else None
        return host_of(url) in self.allowed and (include is None or bool(include.search(url)))


Walker = Callable[[Visit], Iterator[IndexPage]]


def absolute(base: str, link: str) -> str:
    """A link resolved against the page it is on, without its fragment."""
    return urldefrag(urljoin(base, link.strip()))[0]


def without_params(url: str, drop: frozenset[str]) -> str:
    parts = urlsplit(url)
    kept = [] if "*" in drop else [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                                   if k not in drop]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def allowed_hosts(source: Source, profile: Profile | None) -> frozenset[str]:
    """The source's host (with and without ``www.``) and the hosts its profile names."""
    host = host_of(source.url)
    bare = host.removeprefix("www.")
    return frozenset({host, bare, f"www.{bare}", *(profile.hosts if profile else ())})


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_html(fetched: Fetched) -> Any:
    """A page's lxml tree (trafilatura's loader: it finds the encoding); ``CollectError``
    when it is no HTML page."""
    import trafilatura

    kind, url = fetched.content_type.split(";")[0].strip().lower(), fetched.url
    if kind and "html" not in kind and "xml" not in kind:
        raise CollectError(f"{url}: not an HTML page ({kind})")
    tree = trafilatura.load_html(fetched.content)
    if tree is None:
        raise CollectError(f"{url}: not an HTML page")
    return tree


def parse_day(text: str, date_format: str) -> str:
    """An ISO day from ``text`` by ``date_format`` (strptime), else ``text`` as it is
    (the release's own validation reads the common forms and rejects the rest)."""
    text = text.strip()
    if date_format and text:
        try:
            return datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            pass
    return text


def article_release(fetched: Fetched, item: Item, visit: Visit) -> ReadItem:
    """The release of an article page: each field from the profile's ``[article]``
    selectors, else from the index (``item``), else from what trafilatura finds (asked
    only when title, date or body is still missing)."""
    fields = visit.profile.article if visit.profile else Fields()
    tree = parse_html(fetched)
    found = _found_fields(tree, fields)
    record = {
        "title": found["title"] or item.title,
        "date": found["date"] or item.date,
        "category": found["category"] or item.category,
        "body": found["body"],
        "url": item.url,
        "language": (visit.profile.language if visit.profile else "") or item.language
        or str(tree.get("lang") or ""),
    }
    if not (record["title"] and record["date"] and record["body"]):
        base = _trafilatura_record(fetched, needed=not record["body"])
        record |= {k: record[k] or base.get(k) or "" for k in ("title", "date", "category", "body")}
    name = visit.source.name
    return release_from_mapping(record, Origin(fetched.url), name, name)


def _found_fields(tree: Any, fields: Fields) -> dict[str, str]:
    return {
        "title": short_text(select(tree, fields.title)),
        "date": parse_day(short_text(select(tree, fields.date)), fields.date_format),
        "category": short_text(select(tree, fields.category)),
        "body": block_text(select(tree, fields.body)),
    }


def _trafilatura_record(fetched: Fetched, needed: bool) -> dict[str, Any]:
    """What trafilatura finds in the page; when the body is ``needed``, finding no article
    is an error, else it only leaves the fields empty."""
    from pressdesk.readers.pages import page_record

    try:
        return page_record(fetched.content, url=fetched.url)
    except ValueError as err:
        if needed:
            raise CollectError(f"{fetched.url}: {err}") from err
        return {}
