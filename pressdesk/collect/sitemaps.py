"""Sitemap sources: a ``urlset``, or a ``sitemapindex`` of them (gzipped or not).

Every ``<loc>`` on the source's hosts that the profile's ``include`` pattern
admits is an article; its marker is its ``<lastmod>``, so a page the sitemap
shows changed is fetched again. Google News sitemaps' title and publication
date are taken as the index's word on the article. Each sitemap is requested
conditionally; the index is yielded last, so its validators are kept only once
every sitemap in it was read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from pressdesk.collect.fetch import Fetched
from pressdesk.collect.items import IndexPage, Item, Visit, absolute
from pressdesk.errors import CollectError

NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_SITEMAPS = 1000


def walk_sitemap(visit: Visit) -> Iterator[IndexPage]:
    url = visit.source.url
    fetched = visit.get(url)
    if fetched.not_modified:
        yield IndexPage(url, fetched)
        return
    root = parse_sitemap(fetched, visit.fetcher.settings.max_bytes)
    if _local(root.tag) == "sitemapindex":
        for child in _locs(root, "sitemap", fetched.url)[:MAX_SITEMAPS]:
            yield _child(child, visit)
        yield IndexPage(url, fetched)
        return
    yield IndexPage(url, fetched, _items(root, fetched.url, visit))


def _child(url: str, visit: Visit) -> IndexPage:
    fetched = visit.get(url)
    if fetched.not_modified:
        return IndexPage(url, fetched)
    return IndexPage(url, fetched, _items(parse_sitemap(fetched, visit.fetcher.settings.max_bytes),
                                          fetched.url, visit))


def parse_sitemap(fetched: Fetched, max_bytes: int) -> Any:
    """The sitemap's XML root (entities never expanded); ``CollectError`` if it is none."""
    from lxml import etree

    data = _gunzip(fetched, max_bytes)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        raise CollectError(f"{fetched.url}: malformed sitemap: {err}") from err
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        raise CollectError(f"{fetched.url}: not a sitemap (no urlset or sitemapindex)")
    return root


def _gunzip(fetched: Fetched, max_bytes: int) -> bytes:
    if not fetched.content.startswith(b"\x1f\x8b"):
        return fetched.content
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(fetched.content, max_bytes + 1)
    except zlib.error as err:
        raise CollectError(f"{fetched.url}: broken gzip: {err}") from err
    if len(data) > max_bytes:
        raise CollectError(f"{fetched.url}: sitemap larger than {max_bytes:,} bytes unpacked")
    return data


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _children(node: Any, name: str) -> list[Any]:
    """Child elements by local name: sitemaps without their namespace are common."""
    return [child for child in node if _local(child.tag) == name]


def _text(node: Any, *path: str) -> str:
    for name in path:
        found = _children(node, name)
        if not found:
            return ""
        node = found[0]
    return str(node.text or "").strip()


def _locs(root: Any, kind: str, base: str) -> list[str]:
    return [absolute(base, _text(entry, "loc")) for entry in _children(root, kind)]


def _items(root: Any, base: str, visit: Visit) -> tuple[Item, ...]:
    items = []
    for entry in _children(root, "url"):
        url = visit.article_url(base, _text(entry, "loc"))
        if url and visit.wanted(url):
            items.append(Item(
                url=url, marker=_text(entry, "lastmod"), title=_text(entry, "news", "title"),
                date=_text(entry, "news", "publication_date"),
            ))
    return tuple(items)
