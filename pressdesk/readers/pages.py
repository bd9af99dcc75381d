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
from pressdesk.readers.inputs import Document, Settings, reads_whole
from pressdesk.readers.records import Item, normalise_language, release_from_mapping

log = logging.getLogger(__name__)

_LXML_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE
_TOO_DEEP = f"HTML nested more than {_LXML_DEPTH - 1} levels deep (lxml drops what is deeper)"


@reads_whole(lambda limits: limits.page_bytes)
def read_html(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """The article of one HTML page, with its title, date, categories, URL and language."""
    import trafilatura  # loaded when a page is read: starting the CLI need not pay for it

    origin = Origin(document.name)
    try:
        tree = trafilatura.load_html(data)
        if tree is not None and _nests_past(tree, _LXML_DEPTH - 1):
            yield Rejection(origin, _TOO_DEEP)
            return
        page, language = (None, "") if tree is None else _extract_article(tree, settings, document.name)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        yield Rejection(origin, f"unreadable HTML: {err}")
        return
    if page is None:
        yield Rejection(origin, "no article text found")
        return
    yield _release_from_page(page, origin, settings, document.stem, language)


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


def _extract_article(tree: Any, settings: Settings, name: str) -> tuple[Any, str]:
    """trafilatura's article of a parsed page (large tables left out first), and the page's
    language (read before extracting)."""
    import trafilatura

    _drop_tables_past(tree, settings.limits.table_cells, name)
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
