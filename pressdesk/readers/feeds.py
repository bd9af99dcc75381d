"""RSS and Atom feeds, read whole and parsed by feedparser; one release per entry.

A rejection is located at the 1-based entry number. Entries without a source
take the feed's title, and the feed's language.

A feed that is not well-formed XML is parsed again an entry at a time (the
feed's head, one ``<item>`` or ``<entry>``, its end), so that a damaged entry,
an unclosed tag say, costs only itself: read whole, feedparser's loose parser
lets it swallow or garble the entries after it. Likewise a feed meant to be
UTF-8 with a byte that is not has that byte replaced and its entry rejected,
where feedparser would read the whole feed as windows-1252.
"""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from datetime import date
from typing import Any

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import Document, Settings, reads_whole
from pressdesk.readers.markup import html_to_text
from pressdesk.readers.rawlines import INVALID_UTF8
from pressdesk.readers.records import Item, normalise_date, normalise_language, release_from_mapping

_UNDECODED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of bytes not UTF-8
_NOT_XML = "\uffff"
_ITEM_START = re.compile(rb"<(?:item|entry)[\s>]")
_ITEM_END = re.compile(rb"</(?:item|entry)\s*>")
_ANY_ITEM = re.compile(rb"<(?:item|entry)(?![\w:.-])")  # damaged ("<item<", "<entry?") or not
_BARE_FRAMES = (  # for an <item>, for an <entry>
    (b'<rss version="2.0"><channel>', b"</channel></rss>"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', b"</feed>"),
)
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")


Entry = dict[str, Any] | str
"""A feed entry's record, or why the entry cannot be read."""


@reads_whole(lambda limits: limits.feed_bytes)
def read_feed(data: bytes, document: Document, settings: Settings) -> Iterator[Item]:
    """Every entry of an RSS or Atom feed; a feed too broken for any entry is one rejection."""
    try:
        feed_title, entries = feed_entries(data)
    except ValueError as err:
        yield Rejection(Origin(document.name), str(err))
        return
    for number, entry in enumerate(entries, start=1):
        origin = Origin(document.name, number)
        if isinstance(entry, str):
            yield Rejection(origin, entry)
        else:
            yield release_from_mapping(entry, origin, settings.source, feed_title or document.stem)


def feed_entries(data: bytes) -> tuple[str, list[Entry]]:
    """The feed's title and each entry's record (title, date, body, category, url, language,
    entry_id, and ``full``: whether the body is the entry's content rather than its summary),
    or for a damaged entry the reason it cannot be read. Raises ``ValueError`` naming the
    problem for a feed too broken for any entry."""
    data, repaired = _repair_utf8(data)
    feed = _parse(data)
    if isinstance(feed, str):
        raise ValueError(f"malformed feed: {feed}")
    channel, entries = feed.feed, list(feed.entries)
    if feed.bozo and isinstance(feed.get("bozo_exception"), xml.sax.SAXException):
        channel, entries = _read_entry_by_entry(data, channel, entries)
    if feed.bozo and not entries:
        raise ValueError(f"malformed feed: {feed.get('bozo_exception')}")
    title = _text_of(channel, "title").strip()
    language = normalise_language(str(channel.get("language") or ""))
    return title, [_entry(entry, language, repaired) for entry in entries]


def _entry(entry: Any, language: str, repaired: bool) -> Entry:
    if entry is None:
        return "malformed feed entry"
    record = _entry_record(entry, language)
    return INVALID_UTF8 if repaired and _holds_bad_bytes(record) else record


def _parse(data: bytes) -> Any:
    """feedparser's reading of ``data``, or why it failed."""
    import feedparser  # loaded when a feed is read: starting the CLI need not pay for it

    try:
        return feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        return str(err)


def _read_entry_by_entry(data: bytes, channel: Any, entries: list[Any]) -> tuple[Any, list[Any]]:
    """The feed's own data (title, language) from its head alone, and each entry parsed on
    its own between the feed's head and end (a bare ``<rss><channel>`` or ``<feed>`` if
    the head itself is damaged): None for an entry that yields nothing and for text
    between entries (an entry whose start tag was damaged). What feedparser read of the
    whole feed, if no entry starts can be found."""
    starts = [found.start() for found in _ITEM_START.finditer(data)]
    if not starts:
        return channel, entries
    tail = max((found.end() for found in _ITEM_END.finditer(data, starts[-1])), default=len(data))
    head_end = _ANY_ITEM.search(data).start()  # type: ignore[union-attr]  # starts[0] at the latest
    frame = (data[:head_end], data[tail:])
    head = _parse(frame[0] + frame[1])
    entries = [None] if data[head_end : starts[0]].strip() else []  # an entry whose start is damaged
    for start, stop in zip(starts, [*starts[1:], tail], strict=True):
        end = _ITEM_END.search(data, start, stop)
        chunk = data[start : end.end() if end else stop]
        found = _entries_in(chunk, frame) or _entries_in(chunk, _BARE_FRAMES[chunk[1:2] == b"e"])
        entries += found or [None]
        entries += [None] if end and data[end.end() : stop].strip() else []
    return (channel if isinstance(head, str) else head.feed), entries


def _entries_in(chunk: bytes, frame: tuple[bytes, bytes]) -> list[Any]:
    feed = _parse(frame[0] + chunk + frame[1])
    return [] if isinstance(feed, str) else list(feed.entries)


def _repair_utf8(data: bytes) -> tuple[bytes, bool]:
    """A feed meant to be UTF-8 (so declared, or declaring nothing) with bytes that are not:
    each such byte made U+FFFF, and True. feedparser would otherwise read the whole feed as
    windows-1252, garbling every good entry for one bad byte. U+FFFF is no character XML
    allows, so an entry holding it is one that held a bad byte."""
    declared = _XML_ENCODING.match(data)
    if declared and not declared.group(1).lower().startswith((b"utf", b"ucs")):
        return data, False  # a legacy encoding, declared: feedparser decodes it
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text = _UNDECODED.sub(_NOT_XML, data.decode("utf-8", "surrogateescape"))
        return text.encode("utf-8"), True
    return data, False


def _holds_bad_bytes(record: dict[str, Any]) -> bool:
    """Whether an entry read from a repaired feed holds a byte that was not UTF-8."""
    return any(_NOT_XML in str(record[field] or "") for field in ("title", "body", "category", "url"))


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
    return html_to_text(value) if "html" in str(detail.get("type", "")) else value


def _entry_body(entry: Any) -> str:
    """The entry's content, else its summary. feedparser's loose mode (for a damaged feed)
    can leave a summary without its ``summary_detail``: that one is taken as HTML."""
    summary = entry.get("summary_detail") or {"value": entry.get("summary"), "type": "text/html"}
    for content in [*entry.get("content", []), summary]:
        if content and str(content.get("value") or "").strip():
            value = str(content["value"])
            return html_to_text(value) if "html" in str(content.get("type", "")) else value
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
        if parsed and date.min.year <= parsed.tm_year <= date.max.year:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        if written:
            return str(written)
    return None


def _entry_category(entry: Any) -> str:
    tags = entry.get("tags") or []
    return str(tags[0].get("term") or "") if tags else ""
