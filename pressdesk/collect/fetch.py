"""The polite HTTP client: robots.txt, a wait between requests to one host, conditional
requests, retries with backoff, bounded responses, redirects only to allowed hosts.

    fetcher = Fetcher(FetchSettings(), robots_files=store)
    page = fetcher.get(url, allowed=frozenset({"www.example.gov"}), known=state)
    page.not_modified  # a 304: what was fetched last time still stands

Every request names pressdesk and its version in its User-Agent. Before the
first request to a host its robots.txt is read (kept in the store for a day,
as RFC 9309 allows; a robots.txt that is missing or forbidden allows
everything, one that cannot be reached forbids everything for this run), and
its Crawl-delay, if longer, replaces ``FetchSettings.delay``. A timeout, a
dropped connection, a 429 or a 5xx is retried with exponential backoff (a
Retry-After is honoured up to ``max_backoff``); any other failure is final.
Each response must arrive within ``deadline`` seconds and ``max_bytes`` bytes
(decompressed), whatever its headers say.

The network sits behind httpx's transport seam: tests pass
``transport=httpx.MockTransport(handler)`` where a real server is overkill.
"""

from __future__ import annotations

import email.utils
import functools
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from pressdesk.errors import FetchError
from pressdesk.models import UrlState

if TYPE_CHECKING:
    from protego import Protego

log = logging.getLogger(__name__)

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_REDIRECTS = 5


def default_user_agent() -> str:
    from pressdesk import __version__

    return f"pressdesk/{__version__} (press-release collector; honours robots.txt)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and how patiently to fetch (the edges read these once and pass them)."""

    user_agent: str = field(default_factory=default_user_agent)
    delay: float = 1.0  # seconds between two requests to one host (robots.txt may ask more)
    timeout: float = 20.0  # seconds to connect, and between two reads of a response
    deadline: float = 60.0  # seconds for a whole response
    max_bytes: int = 20 * 1024 * 1024  # bytes of one response, decompressed
    retries: int = 3  # further tries after a transient failure
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    max_backoff: float = 120.0  # the longest wait before a retry (Retry-After included)
    robots_ttl: float = 86_400.0  # seconds a robots.txt is kept


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: a 200 with its body, or a 304 (``not_modified``) with none."""

    url: str  # where it came from, after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched_at: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class RobotsFiles(Protocol):
    """Where robots.txt files are kept between runs (the store)."""

    def robots_file(self, host: str) -> tuple[str, float] | None: ...
    def save_robots_file(self, host: str, body: str, fetched_at: float) -> None: ...


class _Transient(Exception):
    """A failure worth another try; ``wait`` is what the server asked for, if anything."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def site_of(url: str) -> str:
    """scheme://host[:port] of a URL: what one robots.txt covers."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class Fetcher:
    """One collector run's HTTP client; counts its requests (``requests``, ``not_modified``)."""

    def __init__(
        self,
        settings: FetchSettings,
        robots_files: RobotsFiles | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.robots_files = robots_files
        self.sleep = sleep
        self.client = httpx.Client(
            transport=transport, follow_redirects=False, timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent}, verify=_tls() if transport is None else True,
        )
        self.robots: dict[str, _Robots] = {}  # by site (scheme://host:port)
        self.last: dict[str, float] = {}  # host -> when its last response ended
        self.requests = 0
        self.not_modified = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one URL -----------------------------------------------------------

    def get(self, url: str, *, allowed: frozenset[str], known: UrlState | None = None) -> Fetched:
        """GET ``url`` politely; conditional on ``known``'s validators; redirects only to
        ``allowed`` hosts. Raises ``FetchError`` (``transient`` when a later run may do better)."""
        headers = _conditional_headers(known)
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(url)
            response = self._with_retries(url, headers)
            if not isinstance(response, str):
                return response
            url = self._redirect(url, response, allowed)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _redirect(self, url: str, location: str, allowed: frozenset[str]) -> str:
        target = urljoin(url, location)
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(url, f"redirected to {target}, which is not HTTP")
        if host_of(target) not in allowed:
            raise FetchError(url, f"redirected to {target}, outside the source's hosts")
        return target

    def _with_retries(self, url: str, headers: dict[str, str]) -> Fetched | str:
        """The response, or a redirect's Location; transient failures tried again."""
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except _Transient as err:
                if attempt >= self.settings.retries:
                    tries = "1 try" if attempt == 0 else f"{attempt + 1} tries"
                    raise FetchError(url, f"{err} (after {tries})", transient=True) from err
                wait = self._backoff(attempt, err.wait)
                log.info("%s: %s; trying again in %.1f s", url, err, wait)
                self.sleep(wait)
                attempt += 1

    def _backoff(self, attempt: int, asked: float | None) -> float:
        wait = asked if asked is not None else self.settings.backoff * 2**attempt
        return max(0.0, min(wait, self.settings.max_backoff))

    def _once(self, url: str, headers: dict[str, str]) -> Fetched | str:
        self._wait_for(host_of(url))
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._read(url, response)
        except httpx.TimeoutException as err:
            raise _Transient(f"timed out ({type(err).__name__})") from err
        except httpx.TransportError as err:
            raise _Transient(f"connection failed: {err or type(err).__name__}") from err
        except httpx.InvalidURL as err:
            raise FetchError(url, f"invalid URL: {err}") from err
        finally:
            self.last[host_of(url)] = time.monotonic()

    def _read(self, url: str, response: httpx.Response) -> Fetched | str:
        status = response.status_code
        if status in TRANSIENT_STATUS:
            raise _Transient(f"HTTP {status}", _retry_after(response))
        if 300 <= status < 400 and status != 304:
            location = str(response.headers.get("location") or "")
            if not location:
                raise FetchError(url, f"HTTP {status} without a Location")
            return location
        if status == 304:
            self.not_modified += 1
            return _fetched(url, response, b"")
        if status != 200:
            raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip())
        return _fetched(url, response, self._body(url, response))

    def _body(self, url: str, response: httpx.Response) -> bytes:
        limit, deadline = self.settings.max_bytes, time.monotonic() + self.settings.deadline
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"response of {int(declared):,} bytes, more than {limit:,}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"response larger than {limit:,} bytes")
            if time.monotonic() > deadline:
                raise _Transient(f"response took longer than {self.settings.deadline:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        """Keep the politeness interval since the last response from ``host``."""
        last = self.last.get(host)
        if last is None:
            return
        wait = last + self._delay(host) - time.monotonic()
        if wait > 0:
            self.sleep(wait)

    def _delay(self, host: str) -> float:
        asked = max((r.delay for site, r in self.robots.items() if host_of(site) == host), default=0.0)
        return max(self.settings.delay, asked)

    # -- robots.txt ------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        site = site_of(url)
        if site not in self.robots:
            self.robots[site] = self._load_robots(site)
        rules = self.robots[site]
        if rules.unreachable:
            raise FetchError(url, rules.unreachable, transient=True)
        if rules.parsed is not None and not rules.parsed.can_fetch(url, self.settings.user_agent):
            raise FetchError(url, "disallowed by the site's robots.txt")

    def _load_robots(self, site: str) -> _Robots:
        kept = self.robots_files.robots_file(site) if self.robots_files else None
        if kept is not None and time.time() - kept[1] < self.settings.robots_ttl:
            return _Robots.parse(kept[0], self.settings.user_agent)
        try:
            body = self._fetch_robots(site)
        except FetchError as err:
            return _Robots(unreachable=f"{err.reason}: the site is not collected this run")
        if self.robots_files is not None:
            self.robots_files.save_robots_file(site, body, time.time())
        return _Robots.parse(body, self.settings.user_agent)

    def _fetch_robots(self, site: str) -> str:
        """robots.txt as RFC 9309 reads it: a 4xx is an empty file (everything allowed), a
        5xx or no answer makes the whole site disallowed (``FetchError``)."""
        url = f"{site}/robots.txt"
        self._wait_for(host_of(url))
        self.requests += 1
        try:
            with self.client.stream("GET", url, follow_redirects=True) as response:
                if response.status_code >= 500:
                    raise FetchError(url, f"robots.txt unreachable (HTTP {response.status_code})")
                if response.status_code != 200:
                    return ""
                return self._body(url, response).decode("utf-8", errors="replace")
        except (httpx.HTTPError, _Transient) as err:
            raise FetchError(url, f"robots.txt unreachable ({type(err).__name__})") from err
        finally:
            self.last[host_of(url)] = time.monotonic()


@dataclass(frozen=True, slots=True)
class _Robots:
    """One site's robots.txt rules (None: everything allowed), the Crawl-delay it asks of
    pressdesk, or why it could not be read (then nothing on the site is fetched)."""

    parsed: Protego | None = None
    delay: float = 0.0
    unreachable: str = ""

    @classmethod
    def parse(cls, body: str, user_agent: str) -> _Robots:
        from protego import Protego

        if not body.strip():
            return cls()
        rules = Protego.parse(body)
        return cls(rules, float(rules.crawl_delay(user_agent) or 0.0))


@functools.cache
def _tls() -> ssl.SSLContext:
    """The certificates httpx trusts (certifi's), loaded once per process, not per run."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def _conditional_headers(known: UrlState | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if known is not None and known.etag:
        headers["If-None-Match"] = known.etag
    if known is not None and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date); None if none."""
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _fetched(url: str, response: httpx.Response, content: bytes) -> Fetched:
    headers = response.headers
    return Fetched(
        url=url, status=response.status_code, content=content,
        content_type=headers.get("content-type", ""), etag=headers.get("etag"),
        last_modified=headers.get("last-modified"), fetched_at=now_iso(),
    )
