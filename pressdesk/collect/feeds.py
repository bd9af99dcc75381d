"""RSS and Atom sources: one feed, read by the same reader a file ingest uses.

An entry that carries its full content (``content:encoded``, Atom ``content``)
is a release as it stands; an entry with only a summary points at its article
page, whose body trafilatura finds (title, date and category stay the feed's).
An entry's marker is its date, title and a digest of its summary, so an entry
the feed shows edited is fetched again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from pressdesk.collect.items import IndexPage, Item, Visit, digest
from pressdesk.errors import CollectError
from pressdesk.models import Origin
from pressdesk.readers.feeds import feed_entries
from pressdesk.readers.records import release_from_mapping

log = logging.getLogger(__name__)


def walk_feed(visit: Visit) -> Iterator[IndexPage]:
    url = visit.source.url
    fetched = visit.get(url)
    if fetched.not_modified:
        yield IndexPage(url, fetched)
        return
    try:
        _, records = feed_entries(fetched.content)
    except ValueError as err:
        raise CollectError(f"{url}: {err}") from err
    for number, record in enumerate(records, start=1):
        if isinstance(record, str):
            log.warning("%s: entry %d: %s", url, number, record)
    items = (
        _item(record, n, fetched.url, visit)
        for n, record in enumerate(records, start=1)
        if not isinstance(record, str)
    )
    yield IndexPage(url, fetched, tuple(i for i in items if i is not None))


def _item(record: dict[str, Any], number: int, feed_url: str, visit: Visit) -> Item | None:
    link = visit.article_url(feed_url, record["url"]) if record["url"] else ""
    if link and not visit.wanted(link):
        return None
    ready = None
    if record["full"] or not link:
        name = visit.source.name
        ready = release_from_mapping(record | {"url": link}, Origin(feed_url, number), name, name)
    key = link or f"{feed_url}#{record['entry_id'] or number}"
    marker = "|".join([str(record["date"] or ""), str(record["title"] or ""),
                       digest(str(record["body"] or ""))])
    return Item(url=key, marker=marker, title=str(record["title"] or ""),
                date=str(record["date"] or ""), category=str(record["category"] or ""),
                language=str(record["language"] or ""), ready=ready)
