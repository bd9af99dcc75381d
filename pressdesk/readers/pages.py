"""HTML article pages, read whole; trafilatura finds the article, one release per page.

A page's rejection carries no line. A page without a source takes its site
name, else its host, else the file's stem.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import Document, Settings, reads_whole
from pressdesk.readers.records import Item, normalise_language, release_from_mapping


@reads_whole
def read_html(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """The article of one HTML page, with its title, date, categories, URL and language."""
    import trafilatura  # loaded when a page is read: starting the CLI need not pay for it

    origin = Origin(document.name)
    try:
        tree = trafilatura.load_html(data)
        page, language = (None, "") if tree is None else _extract_article(tree)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        yield Rejection(origin, f"unreadable HTML: {err}")
        return
    if page is None:
        yield Rejection(origin, "no article text found")
        return
    yield _release_from_page(page, origin, settings, document.stem, language)


def _extract_article(tree: Any) -> tuple[Any, str]:
    """trafilatura's article of a parsed page, and the page's language (read before extracting)."""
    import trafilatura

    language = normalise_language(str(tree.get("lang") or ""))
    return trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False), language


def _release_from_page(page: Any, origin: Origin, settings: Settings, stem: str, language: str) -> Item:
    url = str(page.url or "")
    host = urlsplit(url).hostname or ""
    record = {
        "title": page.title,
        "date": page.date,
        "body": _drop_heading(str(page.text or ""), str(page.title or "")),
        "category": ", ".join(page.categories or []),
        "url": url,
        "language": language,
    }
    default = str(page.sitename or page.hostname or host or stem)
    return release_from_mapping(record, origin, settings.source, default)


def _drop_heading(body: str, title: str) -> str:
    """The page text without its first line when that line only repeats the title."""
    first, _, rest = body.strip().partition("\n")
    return rest if title and first.strip() == title.strip() else body
