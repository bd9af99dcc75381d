"""RSS and Atom feeds, read whole and parsed by feedparser; one release per entry.

A rejection is located at the 1-based entry number. Entries without a source
take the feed's title, and the feed's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import Document, Settings, reads_whole
from pressdesk.readers.records import Item, normalise_date, normalise_language, release_from_mapping

_HORIZONTAL_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "section", "article"}
    | {f"h{level}" for level in range(1, 7)}
)
_HIDDEN_TAGS = frozenset({"script", "style", "template"})


@reads_whole
def read_feed(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """Every entry of an RSS or Atom feed; a feed too broken for any entry is one rejection."""
    try:
        feed_title, records = feed_entries(data)
    except ValueError as err:
        yield Rejection(Origin(document.name), str(err))
        return
    for number, record in enumerate(records, start=1):
        origin = Origin(document.name, number)
        yield release_from_mapping(record, origin, settings.source, feed_title or document.stem)


def feed_entries(data: bytes) -> tuple[str, list[dict[str, Any]]]:
    """The feed's title and each entry's record (title, date, body, category, url, language,
    entry_id, and ``full``: whether the body is the entry's content rather than its summary).
    Raises ``ValueError`` naming the problem for a feed too broken for any entry."""
    import feedparser  # loaded when a feed is read: starting the CLI need not pay for it

    try:
        feed = feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        raise ValueError(f"malformed feed: {err}") from err
    if feed.bozo and not feed.entries:
        raise ValueError(f"malformed feed: {feed.get('bozo_exception')}")
    title = _text_of(feed.feed, "title").strip()
    language = normalise_language(str(feed.feed.get("language") or ""))
    return title, [_entry_record(entry, language) for entry in feed.entries]


def _entry_record(entry: Any, language: str) -> dict[str, Any]:
    return {
        "title": _text_of(entry, "title") if "title" in entry else None,
        "date": _entry_date(entry),
        "body": _entry_body(entry),
        "category": _entry_category(entry),
        "url": str(entry.get("link") or ""),
        "language": language,
        "entry_id": str(entry.get("id") or ""),
        "full": any(str(c.get("value") or "").strip() for c in entry.get("content", [])),
    }


def _text_of(node: Any, name: str) -> str:
    """A feed text construct as plain text, markup stripped when it is HTML."""
    value = str(node.get(name) or "")
    detail = node.get(f"{name}_detail") or {}
    return _html_to_text(value) if "html" in str(detail.get("type", "")) else value


def _entry_body(entry: Any) -> str:
    for content in [*entry.get("content", []), entry.get("summary_detail")]:
        if content and str(content.get("value") or "").strip():
            value = str(content["value"])
            return _html_to_text(value) if "html" in str(content.get("type", "")) else value
    return ""


def _entry_date(entry: Any) -> str | None:
    """The day as written (its own zone), else from feedparser's UTC tuple.

    ``dict.get`` reads the keys as stored, past feedparser's deprecated
    fallback from ``updated`` to ``published``.
    """
    for name in ("published", "updated", "created"):
        written = dict.get(entry, name)
        day = normalise_date(str(written)) if written else None
        if day:
            return day
        parsed = dict.get(entry, f"{name}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        if written:
            return str(written)
    return None


def _entry_category(entry: Any) -> str:
    tags = entry.get("tags") or []
    return str(tags[0].get("term") or "") if tags else ""


def _html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, runs of spaces collapsed."""
    if "<" not in markup and "&" not in markup:
        return markup
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.LxmlError):
        return markup
    return element_text(root)


def element_text(element: Any) -> str:
    """Plain text of a parsed HTML element: one line per block, runs of spaces collapsed."""
    text = "".join(_text_pieces(element))
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_pieces(element: Any) -> Iterator[str]:
    """The text under ``element`` in document order, a newline around every block element."""
    tag = element.tag if isinstance(element.tag, str) else ""  # comments have no name
    if tag in _BLOCK_TAGS:
        yield "\n"
    if tag and tag not in _HIDDEN_TAGS:
        yield element.text or ""
        for child in element:
            yield from _text_pieces(child)
            yield child.tail or ""
    if tag in _BLOCK_TAGS:
        yield "\n"
