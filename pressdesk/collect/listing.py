"""Listing sources: paginated pages of links to articles, read as a profile says.

Page 1 is the source's URL; page N is the profile's ``pages`` template (or the
``next`` link of the page before). Each page's items are the ``item``
elements (or, without ``item``, every ``link`` match) whose link leads to an
article on the source's hosts; an item's marker is what the listing shows of
it (title, date, category), so a row the listing shows edited is fetched again.
A page with no items, a ``next`` selector that finds no link, a page seen
before or ``max_pages`` ends the listing. The page after a 304 is the one
recorded when the page was last read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pressdesk.collect.items import (
    IndexPage,
    Item,
    Visit,
    absolute,
    parse_day,
    parse_html,
)
from pressdesk.collect.select import link_of, select, short_text
from pressdesk.collect.sources import Listing
from pressdesk.errors import CollectError, FetchError


def walk_listing(visit: Visit) -> Iterator[IndexPage]:
    if visit.profile is None:
        raise CollectError(f"{visit.source.url}: a listing source needs a profile")
    listing = visit.profile.listing
    url: str | None = visit.source.url
    seen: set[str] = set()
    for number in range(listing.first_page, listing.first_page + listing.max_pages):
        if url is None or url in seen:
            return
        seen.add(url)
        page = _page(url, number, listing, visit)
        if page is None:
            return
        yield page
        url = page.next_url


def _page(url: str, number: int, listing: Listing, visit: Visit) -> IndexPage | None:
    """One listing page; None past the end (no items, or a 404 after the first page)."""
    try:
        fetched = visit.get(url)
    except FetchError as err:
        if number > listing.first_page and err.reason.startswith("HTTP 404"):
            return None
        raise
    if fetched.not_modified:
        known = visit.known(url)
        after = known.marker if known and known.marker else _numbered(visit, listing, number + 1)
        return IndexPage(url, fetched, (), after)
    tree = parse_html(fetched)
    items = listing_items(tree, fetched.url, listing, visit)
    if not items:
        return None
    return IndexPage(url, fetched, items, _next_url(tree, fetched.url, number, listing, visit))


def listing_items(tree: Any, base: str, listing: Listing, visit: Visit) -> tuple[Item, ...]:
    """The page's items in listing order, each article once."""
    rows = select(tree, listing.item) if listing.item else [tree]
    items: dict[str, Item] = {}
    for row in rows:
        for item in _row_items(row, base, listing, visit, many=not listing.item):
            if visit.wanted(item.url) and item.url not in items:
                items[item.url] = item
    return tuple(items.values())


def _row_items(row: Any, base: str, listing: Listing, visit: Visit, many: bool) -> list[Item]:
    links = select(row, listing.link)
    if not many:
        return [_item(row, links[0], base, listing, visit)] if links else []
    return [_item(link, link, base, listing, visit) for link in links]


def _item(row: Any, link: Any, base: str, listing: Listing, visit: Visit) -> Item:
    fields = listing.fields
    title = short_text(select(row, fields.title)) if fields.title else short_text([link])
    date = parse_day(short_text(select(row, fields.date)), fields.date_format)
    category = short_text(select(row, fields.category))
    return Item(url=visit.article_url(base, link_of(link)), marker="|".join((title, date, category)),
                title=title if fields.title else "", date=date, category=category)


def _next_url(tree: Any, base: str, number: int, listing: Listing, visit: Visit) -> str | None:
    if listing.next:
        found = select(tree, listing.next)
        return absolute(base, link_of(found[0])) if found and link_of(found[0]) else None
    return _numbered(visit, listing, number + 1)


def _numbered(visit: Visit, listing: Listing, number: int) -> str | None:
    if not listing.pages:
        return None
    return absolute(visit.source.url, listing.pages.replace("{page}", str(number)))
