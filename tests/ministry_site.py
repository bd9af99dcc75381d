"""A ministry website of our own, served from a thread on localhost for the collector's
tests and benchmark: an RSS feed (summaries), an Atom feed (full texts), a sitemap, a
paginated listing and article pages shaped like a ministry's English site.

    with serve(Site(articles(30))) as site:
        site.url("/news/list?page=1")

Every response carries an ETag and a Last-Modified and honours conditional requests.
Each request is logged (``site.log``: path and status). ``site.faults`` maps a path to
what goes wrong there, consumed one by one: ``500``, ``"hang"`` (never answer), ``"close"``
(drop the connection), ``"big"`` (a body past any sane limit), ``("redirect", URL)``,
``("page", BYTES)`` (these bytes as an HTML page).
"""

from __future__ import annotations

import hashlib
import html
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CATEGORIES = ("Trade/Investment", "FTA/Economic Cooperation", "Industry", "Energy/Resources")
PARAGRAPHS = (
    "The Ministry of Trade, Industry and Resources announced on {day} that exports of "
    "semiconductors rose 12.2 percent year-on-year to USD 23.3 billion, led by memory chips.",
    "Minister Kim Jung-kwan said the government would expand support for small and mid-sized "
    "exporters facing higher tariffs, including KRW 120 billion in trade insurance.",
    "The ministry will hold consultations with the European Union and Vietnam next month on "
    "supply chains for secondary batteries and critical minerals (item {n}).",
)


@dataclass(frozen=True)
class Article:
    n: int
    title: str
    date: str
    category: str
    body: str  # paragraphs, one per line
    edits: int = 0  # how often the site changed it


def articles(count: int) -> list[Article]:
    """``count`` articles, newest (highest number) first."""
    found = []
    for n in range(count, 0, -1):
        day = f"2025-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}"
        body = "\n".join(p.format(day=day, n=n) for p in PARAGRAPHS)
        found.append(Article(n, f"MOTIR Announces Export Measure Number {n}", day,
                             CATEGORIES[n % len(CATEGORIES)], body))
    return found


@dataclass
class Site:
    items: list[Article]
    per_page: int = 20
    pinned: int | None = None  # an article shown at the top of every listing page
    robots: str = "User-agent: *\nAllow: /\n"
    faults: dict[str, list[Any]] = field(default_factory=dict)
    log: list[tuple[str, int]] = field(default_factory=list)
    base: str = ""
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def edit(self, n: int, body: str) -> None:
        """Change an article's text (its Last-Modified and the sitemap's lastmod follow)."""
        self.items = [replace(a, body=body, edits=a.edits + 1) if a.n == n else a for a in self.items]

    def paths(self, prefix: str = "") -> list[str]:
        return [p for p, _ in self.log if p.startswith(prefix)]

    def statuses(self, status: int) -> int:
        return sum(1 for _, s in self.log if s == status)

    # -- pages ---------------------------------------------------------------

    def page(self, path: str) -> tuple[int, str, str] | None:
        """Status, content type and text of a path; None if there is no such page."""
        route, _, query = path.partition("?")
        for pattern, render in self.routes():
            found = re.fullmatch(pattern, route)
            if found:
                result: tuple[int, str, str] | None = render(query, *found.groups())
                return result
        return None

    def routes(self) -> list[tuple[str, Any]]:
        return [
            ("/robots.txt", lambda q: (200, "text/plain", self.robots)),
            ("/", lambda q: (200, "text/html; charset=utf-8", self.home())),
            ("/news/rss.xml", lambda q: (200, "application/rss+xml", self.rss())),
            ("/news/atom.xml", lambda q: (200, "application/atom+xml", self.atom())),
            ("/sitemap.xml", lambda q: (200, "application/xml", self.sitemap())),
            ("/sitemap-index.xml", lambda q: (200, "application/xml", self.sitemap_index())),
            ("/sitemap-plain.xml", lambda q: (200, "application/xml", self.sitemap(plain=True))),
            ("/news/list", lambda q: self.listing(q)),
            (r"/news/view/(\d+)", lambda q, n: self.article(int(n))),
        ]

    def home(self) -> str:
        return ('<html><head><title>Ministry</title><link rel="alternate" '
                'type="application/rss+xml" href="/news/rss.xml"></head><body>'
                '<a href="/news/list?page=1">Press releases</a></body></html>')

    def rss(self) -> str:
        entries = "".join(
            f"<item><title>{html.escape(a.title)}</title><link>{self.url(f'/news/view/{a.n}')}</link>"
            f"<description>{html.escape(a.body.splitlines()[0])}</description>"
            f"<category>{html.escape(a.category)}</category><pubDate>{_rfc822(a.date)}</pubDate></item>"
            for a in self.items[: self.per_page]
        )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ministry news</title>'
                f"<link>{self.url('/')}</link>{entries}</channel></rss>")

    def atom(self) -> str:
        entries = "".join(
            f"<entry><title>{html.escape(a.title)}</title><link href=\"{self.url(f'/news/view/{a.n}')}\"/>"
            f"<id>urn:ministry:{a.n}</id><updated>{a.date}T09:00:00+09:00</updated>"
            f'<category term="{html.escape(a.category)}"/>'
            f'<content type="text">{html.escape(a.body)}</content></entry>'
            for a in self.items[: self.per_page]
        )
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Ministry news</title><id>urn:ministry</id><updated>2025-12-01T00:00:00Z</updated>"
                f"{entries}</feed>")

    def sitemap_index(self) -> str:
        """Two sitemaps: the main one, and one without the sitemap namespace."""
        maps = "".join(f"<sitemap><loc>{self.url(p)}</loc></sitemap>"
                       for p in ("/sitemap.xml", "/sitemap-plain.xml"))
        return ('<?xml version="1.0" encoding="UTF-8"?>'
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>')

    def sitemap(self, plain: bool = False) -> str:
        if plain:
            shown = "".join(f"<url><loc>{self.url(f'/news/view/{a.n}')}</loc></url>" for a in self.items)
            return f"<urlset>{shown}</urlset>"
        urls = "".join(
            f"<url><loc>{self.url(f'/news/view/{a.n}')}</loc><lastmod>{a.date}T09:00:0{a.edits}+09:00"
            "</lastmod></url>" for a in self.items
        )
        about = f"<url><loc>{self.url('/about')}</loc></url>"
        return ('<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}{about}</urlset>')

    def listing(self, query: str) -> tuple[int, str, str] | None:
        found = re.search(r"page=(\d+)", query)
        number = int(found.group(1)) if found else 1
        start = (number - 1) * self.per_page
        shown = self.items[start : start + self.per_page]
        if shown and self.pinned is not None:
            shown = [a for a in self.items if a.n == self.pinned] + shown
        if not shown:
            return 200, "text/html; charset=utf-8", "<html><body><table class='board'></table></body></html>"
        rows = "".join(
            f"<tr><td class='num'>{a.n}</td><td class='cate'>{html.escape(a.category)}</td>"
            f"<td class='subject'><a href='/news/view/{a.n}' title='Detail View'>"
            f"{html.escape(a.title)}</a></td>"
            f"<td class='date'>{a.date.replace('-', '.')}</td></tr>"
            for a in shown
        )
        nav = f"<a class='next' href='/news/list?page={number + 1}'>Next</a>"
        return 200, "text/html; charset=utf-8", _shell(
            f"<table class='board'><tbody>{rows}</tbody></table><div class='paging'>{nav}</div>")

    def article(self, n: int) -> tuple[int, str, str] | None:
        found = next((a for a in self.items if a.n == n), None)
        if found is None:
            return None
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in found.body.splitlines())
        head = (f'<meta property="og:title" content="{html.escape(found.title)}">'
                f'<meta property="article:published_time" content="{found.date}T09:00:00+09:00">')
        return 200, "text/html; charset=utf-8", _shell(
            f"<div class='view'><p class='cate'>{html.escape(found.category)}</p>"
            f"<h3 class='view_title'>{html.escape(found.title)}</h3>"
            f"<div class='view_info'><span class='date'>{found.date}</span></div>"
            f"<article class='view_cont'>{paragraphs}</article></div>", head, found.title)


def _shell(main: str, head: str = "", title: str = "Press Releases") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title>{head}</head><body><header><nav><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/news/list?page=1'>Press Releases</a></li><li><a href='/about'>About</a></li>"
            f"</ul></nav></header><main id='content'>{main}</main><footer><p>Copyright Ministry. "
            "All rights reserved. 402 Hannuri-daero, Sejong.</p></footer></body></html>")


def _rfc822(day: str) -> str:
    from datetime import datetime

    return formatdate(datetime.fromisoformat(f"{day}T09:00:00+09:00").timestamp(), usegmt=True)


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # one response is two writes: no 40 ms stall between them

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        fault = self._fault()
        if fault is not None:
            self._faulty(fault)
            return
        page = self.site.page(self.path)
        if page is None:
            self._send(404, "text/plain", b"not found", {})
            return
        status, kind, text = page
        data = text.encode("utf-8")
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": formatdate(1_700_000_000 + len(data), usegmt=True)}
        if self.headers.get("If-None-Match") == etag:
            self._send(304, kind, b"", headers)
            return
        self._send(status, kind, data, headers)

    def _fault(self) -> Any:
        with self.site.lock:
            queue = self.site.faults.get(self.path.partition("?")[0]) or self.site.faults.get(self.path)
            return queue.pop(0) if queue else None

    def _faulty(self, fault: Any) -> None:
        if fault == "hang":
            self._log(0)
            self.site.stop.wait(30)
        elif fault == "close":
            self._log(0)
            self.connection.close()
        elif fault == "big":
            self._send(200, "text/html", b"<html><body>" + b"x" * (3 * 1024 * 1024), {})
        elif isinstance(fault, tuple) and fault[0] == "page":
            self._send(200, "text/html", fault[1], {})
        elif isinstance(fault, tuple) and fault[0] == "redirect":
            self._send(302, "text/plain", b"", {"Location": fault[1]})
        else:
            self._send(int(fault), "text/plain", b"failure", {})

    def _send(self, status: int, kind: str, data: bytes, headers: dict[str, str]) -> None:
        self._log(status)
        self.send_response(status)
        for name, value in {"Content-Type": kind, "Content-Length": str(len(data)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if data:
            self.wfile.write(data)

    def _log(self, status: int) -> None:
        with self.site.lock:
            self.site.log.append((self.path, status))


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (as a collector does with idle connections when it is done)
        is no news: socketserver would print a traceback on standard error."""


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on a free port of 127.0.0.1 until the block ends."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        server.shutdown()
        server.server_close()
