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
    origin = Origin(document.name)
    try:
        record = page_record(data)
    except ValueError as err:
        yield Rejection(origin, str(err))
        return
    default = str(record.pop("site") or document.stem)
    yield release_from_mapping(record, origin, settings.source, default)


def page_record(data: bytes | Any, url: str | None = None) -> dict[str, Any]:
    """What trafilatura finds in a page (bytes or a parsed tree): title, date, body,
    category, url, language and ``site`` (its site name, else host, else empty). Raises
    ``ValueError`` naming the problem when the page has no article text."""
    import trafilatura  # loaded when a page is read: starting the CLI need not pay for it

    try:
        tree = trafilatura.load_html(data) if isinstance(data, bytes) else data
        page, language = (None, "") if tree is None else _extract_article(tree, url)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        raise ValueError(f"unreadable HTML: {err}") from err
    if page is None:
        raise ValueError("no article text found")
    return _page_to_record(page, language)


def _extract_article(tree: Any, url: str | None) -> tuple[Any, str]:
    """trafilatura's article of a parsed page, and the page's language (read before extracting)."""
    import trafilatura

    language = normalise_language(str(tree.get("lang") or ""))
    found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    return found, language


def _page_to_record(page: Any, language: str) -> dict[str, Any]:
    url = str(page.url or "")
    host = urlsplit(url).hostname or ""
    return {
        "title": page.title,
        "date": page.date,
        "body": _drop_heading(str(page.text or ""), str(page.title or "")),
        "category": ", ".join(page.categories or []),
        "url": url,
        "language": language,
        "site": str(page.sitename or page.hostname or host),
    }


def _drop_heading(body: str, title: str) -> str:
    """The page text without its first line when that line only repeats the title."""
    first, _, rest = body.strip().partition("\n")
    return rest if title and first.strip() == title.strip() else body
