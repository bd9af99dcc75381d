"""HTML article pages, read whole; trafilatura finds the article, one release per page.

A page's rejection carries no line. A page without a source takes its site
name, else its host, else the file's stem.

trafilatura's work and memory grow with the page, and with its tables far more
than with its text (an 8 MB table took 30 s and 1 GB): a page may be at most
``Limits.page_bytes``, and of its tables only the first, in page order, that
hold ``Limits.table_cells`` cells together reach trafilatura; the rest (data
dumps, not prose) are left out of the body.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import DEFAULT_LIMITS, Document, Settings, reads_whole
from pressdesk.readers.records import Item, normalise_language, release_from_mapping

log = logging.getLogger(__name__)

_LXML_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE
_TOO_DEEP = f"HTML nested more than {_LXML_DEPTH - 1} levels deep (lxml drops what is deeper)"


@reads_whole(lambda limits: limits.page_bytes)
def read_html(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """The article of one HTML page, with its title, date, categories, URL and language."""
    origin = Origin(document.name)
    try:
        record = page_record(data, table_cells=settings.limits.table_cells, name=document.name)
    except ValueError as err:
        yield Rejection(origin, str(err))
        return
    default = str(record.pop("site") or document.stem)
    yield release_from_mapping(record, origin, settings.source, default)


def page_record(
    data: bytes | Any,
    url: str | None = None,
    *,
    table_cells: int = DEFAULT_LIMITS.table_cells,
    name: str = "",
) -> dict[str, Any]:
    """What trafilatura finds in a page (bytes or a parsed tree): title, date, body,
    category, url, language and ``site`` (its site name, else host, else empty). Raises
    ``ValueError`` naming the problem when the page has no article text or nests deeper
    than lxml reads. Of its tables only the first ``table_cells`` cells reach trafilatura."""
    import trafilatura  # loaded when a page is read: starting the CLI need not pay for it

    try:
        tree = trafilatura.load_html(data) if isinstance(data, bytes) else data
        too_deep = tree is not None and _nests_past(tree, _LXML_DEPTH - 1)
        readable = tree is not None and not too_deep
        page, language = _extract_article(tree, url, table_cells, name) if readable else (None, "")
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        raise ValueError(f"unreadable HTML: {err}") from err
    if too_deep:
        raise ValueError(_TOO_DEEP)
    if page is None:
        raise ValueError("no article text found")
    return _page_to_record(page, language)


def _nests_past(tree: Any, depth: int) -> bool:
    """Whether elements nest ``depth`` deep: libxml2 stops there and drops what is deeper."""
    from lxml import etree

    level = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        if level >= depth:
            return True
    return False


def _drop_tables_past(tree: Any, budget: int, name: str) -> None:
    """Leave out of the page the outermost tables that come after ``budget`` cells."""
    for table in tree.xpath("//table[not(ancestor::table)]"):
        cells = int(table.xpath("count(.//td|.//th)"))
        if cells <= budget:
            budget -= cells
            continue
        log.info("%s: a table of %d cells left out (over the page's table limit)", name, cells)
        table.drop_tree()
        budget = 0


def _extract_article(tree: Any, url: str | None, table_cells: int, name: str) -> tuple[Any, str]:
    """trafilatura's article of a parsed page (large tables left out first), and the page's
    language (read before extracting)."""
    import trafilatura

    _drop_tables_past(tree, table_cells, name or url or "page")
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
