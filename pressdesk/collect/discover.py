"""What a new source is: its kind given, or found by looking at its URL.

A feed or a sitemap is recognised by its content. A web page is searched for
the feeds it announces (``<link rel="alternate">``, else links that look like
feeds: trafilatura's feed finder, run on the page already fetched), and each
candidate is fetched until one is a feed; failing that, a sitemap its
robots.txt names is taken. A profile makes a source a listing unless a kind
is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from pressdesk.collect.fetch import Fetched, Fetcher, host_of, now_iso, site_of
from pressdesk.collect.sources import KINDS, load_profile
from pressdesk.errors import CollectError, FetchError
from pressdesk.models import Source
from pressdesk.readers.sniff import sniff_format

MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class SourceRequest:
    """What ``source add`` was asked: a name, a URL, and optionally a kind and a profile
    (a file or a shipped profile's name)."""

    name: str
    url: str
    kind: str | None = None
    profile: str | None = None


def describe_source(request: SourceRequest, fetcher: Fetcher) -> Source:
    """The source to keep; fetches the URL only when its kind must be discovered."""
    name, url = request.name.strip(), request.url.strip()
    if not name or not url.startswith(("http://", "https://")):
        raise CollectError(f"{name or '(no name)'}: {url or '(no URL)'}: a source needs a name "
                           "and an http(s) URL")
    text = load_profile(request.profile)[0] if request.profile else ""
    kind = request.kind or ("listing" if text else None)
    if kind is None:
        try:
            kind, url = discover(url, fetcher)
        except CollectError as err:
            raise CollectError(f"{name}: {err}") from err
    if kind not in KINDS:
        raise CollectError(f"{name}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "listing" and not text:
        raise CollectError(f"{name}: {url}: a listing source needs --profile FILE")
    return Source(name=name, url=url, kind=kind, profile=text, added_at=now_iso())


def discover(url: str, fetcher: Fetcher) -> tuple[str, str]:
    """The kind and URL of the feed or sitemap at (or announced by) ``url``."""
    fetched = _get(fetcher, url)
    kind = content_kind(fetched.content)
    if kind is not None:
        return kind, url
    for candidate in _feed_links(fetched)[:MAX_CANDIDATES]:
        try:
            found = content_kind(_get(fetcher, candidate).content)
        except FetchError:
            continue
        if found in ("rss", "atom"):
            return found, candidate
    sitemap = _robots_sitemap(fetcher, url)
    if sitemap:
        return "sitemap", sitemap
    raise CollectError(f"{url}: no feed or sitemap found there; add it with --kind listing "
                       "--profile FILE (docs/collect.md)")


def content_kind(content: bytes) -> str | None:
    """``rss``, ``atom`` or ``sitemap`` from a document's first bytes; None for anything else."""
    head = content[:4096].lstrip(b"\xef\xbb\xbf")
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    found = sniff_format(head)
    return found if found in ("rss", "atom") else None


def _get(fetcher: Fetcher, url: str) -> Fetched:
    return fetcher.get(url, allowed=frozenset({host_of(url), host_of(url).removeprefix("www.")}))


def _feed_links(fetched: Fetched) -> list[str]:
    from trafilatura.feeds import FeedParameters, determine_feed

    html = fetched.content.decode("utf-8", errors="replace")
    base = site_of(fetched.url)
    return determine_feed(html, FeedParameters(base, host_of(fetched.url), fetched.url))


def _robots_sitemap(fetcher: Fetcher, url: str) -> str | None:
    rules = fetcher.robots.get(site_of(url))
    sitemaps = list(rules.parsed.sitemaps) if rules is not None and rules.parsed is not None else []
    return str(sitemaps[0]) if sitemaps else None
