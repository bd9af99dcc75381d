"""The polite client through httpx's MockTransport: what it sends, how long it waits,
what it refuses; and the profile format, selectors and schedule beside it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
import pytest

from pressdesk import __version__
from pressdesk.collect.fetch import Fetcher, FetchSettings
from pressdesk.collect.schedule import parse_interval, run_every
from pressdesk.collect.select import block_text, compile_selector, select, short_text
from pressdesk.collect.sources import load_profile, parse_profile, shipped_profiles
from pressdesk.errors import CollectError, FetchError
from pressdesk.models import UrlState

HOST = frozenset({"ministry.test"})
Handler = Callable[[httpx.Request], httpx.Response]


def fetcher(handler: Handler, waits: list[float], **settings: float) -> Fetcher:
    chosen = FetchSettings(**{"delay": 0.0, "backoff": 0.5, **settings})  # type: ignore[arg-type]
    return Fetcher(chosen, transport=httpx.MockTransport(handler), sleep=waits.append)


def robots_or(handler: Handler, robots: str = "") -> Handler:
    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=robots) if robots else httpx.Response(404)
        return handler(request)
    return serve


def test_every_request_names_pressdesk_and_its_version() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, text="ok")

    fetcher(handler, []).get("http://ministry.test/a", allowed=HOST)
    assert seen and all(agent.startswith(f"pressdesk/{__version__} ") for agent in seen)


def test_requests_are_conditional_on_what_was_fetched_before() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            assert request.headers["if-modified-since"] == "Mon, 01 Dec 2025 00:00:00 GMT"
            return httpx.Response(304)
        return httpx.Response(200, text="page", headers={"ETag": '"v1"'})

    client = fetcher(robots_or(handler), [])
    first = client.get("http://ministry.test/a", allowed=HOST)
    assert (first.status, first.etag, first.content) == (200, '"v1"', b"page")
    known = UrlState("http://ministry.test/a", "s", '"v1"', "Mon, 01 Dec 2025 00:00:00 GMT")
    again = client.get("http://ministry.test/a", allowed=HOST, known=known)
    assert again.not_modified and (client.requests, client.not_modified) == (3, 1)


def test_one_host_is_asked_at_most_once_a_delay() -> None:
    waits: list[float] = []
    client = fetcher(robots_or(lambda r: httpx.Response(200, text="ok")), waits, delay=1.0)
    for path in ("a", "b", "c"):
        client.get(f"http://ministry.test/{path}", allowed=HOST)
    assert len(waits) == 3 and all(0.9 < w <= 1.0 for w in waits)  # after robots.txt, a and b


def test_a_longer_crawl_delay_wins() -> None:
    waits: list[float] = []
    handler = robots_or(lambda r: httpx.Response(200, text="ok"), "User-agent: *\nCrawl-delay: 5\n")
    client = fetcher(handler, waits, delay=1.0)
    client.get("http://ministry.test/a", allowed=HOST)
    client.get("http://ministry.test/b", allowed=HOST)
    assert 4.9 < waits[-1] <= 5.0


def test_transient_failures_back_off_and_honour_retry_after() -> None:
    answers = [httpx.Response(503), httpx.Response(429, headers={"Retry-After": "7"}),
               httpx.Response(200, text="ok")]
    waits: list[float] = []
    client = fetcher(robots_or(lambda r: answers.pop(0)), waits, retries=3)
    assert client.get("http://ministry.test/a", allowed=HOST).content == b"ok"
    assert waits == [0.5, 7.0]


def test_a_final_failure_says_whether_a_later_run_may_do_better() -> None:
    client = fetcher(robots_or(lambda r: httpx.Response(404)), [])
    with pytest.raises(FetchError, match="HTTP 404 Not Found") as missing:
        client.get("http://ministry.test/a", allowed=HOST)
    assert not missing.value.transient

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(FetchError, match="connection failed: connection refused .after 2 tries.") as down:
        fetcher(robots_or(refuse), [], retries=1).get("http://ministry.test/a", allowed=HOST)
    assert down.value.transient


def test_a_response_larger_than_allowed_is_refused_even_without_a_length() -> None:
    def stream(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 600, b"x" * 600]))

    with pytest.raises(FetchError, match="response larger than 1,000 bytes"):
        fetcher(robots_or(stream), [], max_bytes=1000).get("http://ministry.test/a", allowed=HOST)


def test_redirects_stay_on_allowed_hosts() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        if request.url.path == "/away":
            return httpx.Response(302, headers={"Location": "https://tracker.test/x"})
        return httpx.Response(200, text=request.url.path)

    client = fetcher(robots_or(handler), [])
    moved = client.get("http://ministry.test/old", allowed=HOST)
    assert (moved.url, moved.content) == ("http://ministry.test/new", b"/new")
    with pytest.raises(FetchError, match="redirected to https://tracker.test/x, outside the source's hosts"):
        client.get("http://ministry.test/away", allowed=HOST)


def test_an_unreachable_robots_txt_keeps_the_site_out_of_the_run() -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200)

    client = fetcher(handler, [])
    for path in ("a", "b"):
        with pytest.raises(FetchError, match="robots.txt unreachable .HTTP 503.: the site is not"):
            client.get(f"http://ministry.test/{path}", allowed=HOST)
    assert asked == ["/robots.txt"]


# -- profiles and selectors ------------------------------------------------------------


def test_the_shipped_profiles_read() -> None:
    assert set(shipped_profiles()) >= {"motir", "ustr", "uk-dbt"}
    for name in shipped_profiles():
        text, profile = load_profile(name)
        assert profile.name == name and profile.title and "docs/collect.md" in text
        assert profile.listing.link and (profile.listing.pages or profile.listing.next)


@pytest.mark.parametrize(("text", "problem"), [
    ("[listing]\nlinks = 'a'", "unknown key listing.links"),
    ("[article]\nbody = 'div[['", "selector 'div[[' does not compile"),
    ("[listing]\npages = '?page=2'", "listing.pages must hold {page}"),
    ("include = '(['", "unterminated character set"),
    ("name = ", "not valid TOML"),
])
def test_a_faulty_profile_is_one_line_naming_the_fault(text: str, problem: str) -> None:
    with pytest.raises(CollectError, match=rf"^mine.toml: .*{problem}".replace("[", r"\[")):
        parse_profile(text, "mine.toml")


def test_an_unknown_profile_names_the_shipped_ones() -> None:
    with pytest.raises(CollectError, match="nope: no such profile file, nor a shipped profile .motir"):
        load_profile("nope")


def test_selectors_are_css_or_xpath() -> None:
    import lxml.html

    page = lxml.html.fromstring(
        "<div><h3 class='t'> A  title </h3><span data-d='2025-11-18'>18 Nov</span>"
        "<div class='b'><p>One.</p><p>Two <b>bold</b>.</p></div></div>")
    assert short_text(select(page, [compile_selector("h3.t")])) == "A title"
    assert short_text(select(page, [compile_selector("span::attr(data-d)")])) == "2025-11-18"
    assert short_text(select(page, [compile_selector("//span/@data-d")])) == "2025-11-18"
    fallback = [compile_selector("h1"), compile_selector("(//h3)[1]")]
    assert short_text(select(page, fallback)) == "A title"
    assert block_text(select(page, [compile_selector("div.b")])) == "One.\nTwo bold."


# -- the schedule ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600),
                                               ("1h30m", 5400), ("1d", 86400), ("90", 90)])
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0s", "hourly", "1x", "-1h"])
def test_not_intervals(text: str) -> None:
    with pytest.raises(ValueError, match="is no interval"):
        parse_interval(text)


def test_runs_repeat_until_stopped() -> None:
    stop, runs = threading.Event(), []

    def task() -> None:
        runs.append(1)
        if len(runs) == 3:
            stop.set()

    assert run_every(task, 0.01, stop) == 3


def test_gzipped_sitemaps_are_unpacked_within_the_size_bound() -> None:
    import gzip

    from pressdesk.collect.fetch import Fetched
    from pressdesk.collect.sitemaps import parse_sitemap

    def fetched(xml: bytes) -> Fetched:
        return Fetched("http://ministry.test/s.xml.gz", 200, gzip.compress(xml), "", None, None, "")

    small = b"<urlset><url><loc>http://ministry.test/a</loc></url></urlset>"
    assert parse_sitemap(fetched(small), 1000).tag == "urlset"
    bomb = b"<urlset>" + b" " * 100_000 + b"</urlset>"
    with pytest.raises(CollectError, match="sitemap larger than 1,000 bytes unpacked"):
        parse_sitemap(fetched(bomb), 1000)
    with pytest.raises(CollectError, match="not a sitemap"):
        parse_sitemap(fetched(b"<html><body>no</body></html>"), 1000)
