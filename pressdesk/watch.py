"""Watchlists: saved queries whose new matches are delivered exactly once each.

A watch looks at the releases stored or revised since it last looked (and are
searchable already), keeps those its query matches, and delivers them: to the
caller, to an Atom feed file, to a webhook. Each run claims what it delivers
in one transaction, so two runs at once never deliver the same release; what
a run claimed and could not deliver (it was killed, the webhook was down) is
taken over by the next run, so nothing is lost. A webhook receives an
``Idempotency-Key`` per item: the one case where an item can arrive twice (a
run killed after the POST succeeded, before it recorded that) is then easy
for the receiver to drop.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pressdesk import __version__
from pressdesk.errors import PressdeskError
from pressdesk.models import Watch, WatchItem
from pressdesk.store import Store

__all__ = ["LEASE", "WatchRun", "atom_feed", "post_webhook", "run_watch"]

log = logging.getLogger(__name__)

LEASE = 3600.0  # seconds after which a claim by a run on another host is taken over
RETRIES = (0.5, 1.0, 2.0)  # waits before each webhook retry
Matcher = Callable[[str, Sequence[str]], set[str]]  # (query, release ids) -> those it matches
Poster = Callable[[str, bytes, dict[str, str]], int]  # (url, body, headers) -> HTTP status


@dataclass(frozen=True, slots=True)
class WatchRun:
    """What one run of a watch delivered."""

    watch: Watch
    items: tuple[WatchItem, ...]
    webhook_failed: str | None = None  # why the webhook did not take them (they wait)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_run() -> str:
    """A run's name: its host and process, so a dead run can be recognised."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def is_dead(run: str, claimed_at: str, now: datetime, lease: float = LEASE) -> bool:
    """Whether a run holding claims is gone: its process has ended (same host), or its
    claims are older than ``lease`` (another host)."""
    host, pid, _ = (run.split(":") + ["", ""])[:3]
    if host == socket.gethostname() and pid.isdigit():  # an earlier run of this process is over
        return int(pid) == os.getpid() or not alive(int(pid))
    age = (now - datetime.fromisoformat(claimed_at)).total_seconds()
    return age > lease


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run_watch(
    store: Store, name: str, matches: Matcher, *, post: Poster | None = None,
    lease: float = LEASE,
) -> WatchRun:
    """Deliver what is new for watch ``name``: to the caller and, if it has one, its webhook
    (``post`` sends it). Items stay claimed and undelivered if the webhook fails."""
    watch, run, now = store.watch(name), new_run(), now_iso()
    moment = datetime.fromisoformat(now)
    dead = [r for r, at in store.undelivered_runs(name) if is_dead(r, at, moment, lease)]
    store.take_over(name, dead, run, now)
    candidates, checkpoint = store.watch_candidates(name)
    found = matches(watch.query, [rid for rid, _ in candidates]) if candidates else set()
    store.claim(name, [c for c in candidates if c[0] in found], run, now, checkpoint)
    items = store.claimed(name, run)
    if items and watch.webhook and post is not None:
        failed = post_webhook(post, watch, items)
        if failed:
            return WatchRun(watch, (), failed)
    store.mark_delivered(name, items, now_iso())
    return WatchRun(watch, tuple(items))


def webhook_body(watch: Watch, items: Sequence[WatchItem]) -> bytes:
    return json.dumps({
        "watch": watch.name,
        "query": watch.query,
        "items": [item_record(i) for i in items],
    }, ensure_ascii=False).encode("utf-8")


def item_record(item: WatchItem) -> dict[str, object]:
    return {"id": item.release_id, "revision": item.revision, "date": item.date,
            "title": item.title, "source": item.source, "url": item.url,
            "idempotency_key": idempotency_key(item)}


def idempotency_key(item: WatchItem) -> str:
    return f"{item.release_id}:{item.revision}"


def post_webhook(
    post: Poster, watch: Watch, items: Sequence[WatchItem], waits: Sequence[float] = RETRIES
) -> str | None:
    """POST the items as one JSON body, retrying with backoff; None once it is taken, else
    why not (after the last retry)."""
    assert watch.webhook is not None
    headers = {"Content-Type": "application/json", "User-Agent": f"pressdesk/{__version__}",
               "Idempotency-Key": ",".join(idempotency_key(i) for i in items)}
    body, reason = webhook_body(watch, items), ""
    for wait in (0.0, *waits):
        time.sleep(wait)
        try:
            status = post(watch.webhook, body, headers)
        except PressdeskError as err:
            reason = str(err)
            continue
        if 200 <= status < 300:
            return None
        reason = f"HTTP {status}"
    log.warning("webhook %s of watch %s failed (%s); the items wait for the next run",
                watch.webhook, watch.name, reason)
    return f"{watch.webhook}: {reason}"


def atom_feed(watch: Watch, delivered: Sequence[tuple[WatchItem, str]], link: str = "") -> bytes:
    """An Atom feed of what a watch delivered, newest first (RFC 4287)."""
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    feed = ET.Element(f"{{{ns}}}feed")
    sub(feed, ns, "title", f"pressdesk watch: {watch.name}")
    sub(feed, ns, "subtitle", watch.query)
    sub(feed, ns, "id", f"urn:pressdesk:watch:{watch.name}")
    sub(feed, ns, "updated", delivered[0][1] if delivered else watch.created)
    ET.SubElement(feed, f"{{{ns}}}generator", version=__version__).text = "pressdesk"
    for item, at in delivered:
        entry = ET.SubElement(feed, f"{{{ns}}}entry")
        sub(entry, ns, "title", item.title)
        sub(entry, ns, "id", f"urn:pressdesk:release:{item.release_id}:{item.revision}")
        sub(entry, ns, "updated", at)
        sub(entry, ns, "published", f"{item.date}T00:00:00Z")
        if item.url or link:
            ET.SubElement(entry, f"{{{ns}}}link", href=item.url or f"{link}{item.release_id}")
        author = ET.SubElement(entry, f"{{{ns}}}author")
        sub(author, ns, "name", item.source or "unknown")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def sub(parent: ET.Element, ns: str, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}{tag}")
    element.text = text
    return element
