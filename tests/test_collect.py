"""Collection against a ministry site of our own served on localhost (tests/ministry_site.py):
what a first run stores, what a second run asks for, and every way a site misbehaves."""

from __future__ import annotations

import json
import socket
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, write_jsonl
from ministry_site import Site, articles, serve

from pressdesk.collect import CollectOptions, FetchSettings, SourceReport, SourceRequest
from pressdesk.desk import Desk
from pressdesk.errors import CollectError

PROFILE = str(REPO / "tests" / "fixtures" / "collect" / "site.toml")
FAST = FetchSettings(delay=0, timeout=0.5, deadline=2, retries=1, backoff=0.01, max_bytes=1024 * 1024)
OPTIONS = CollectOptions(fetch=FAST)


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site(articles(25), per_page=10)) as running:
        yield running


def add(desk: Desk, site: Site, name: str, path: str, **request: str) -> None:
    desk.add_source(SourceRequest(name, site.url(path), **request), FAST)


def add_listing(desk: Desk, site: Site, name: str = "ministry") -> None:
    add(desk, site, name, "/news/list?page=1", profile=PROFILE)


def run(desk: Desk, name: str, options: CollectOptions = OPTIONS) -> SourceReport:
    return desk.collect([name], options).sources[0]


def snapshot(desk: Desk) -> dict[str, tuple[object, ...]]:
    """Every release as stored, with what extraction found in it."""
    views = (desk.release(s.release.id) for s in desk.releases())
    return {
        v.stored.release.id: (v.stored.release.title, v.stored.release.date, v.stored.release.category,
                              v.stored.release.body, v.stored.release.url, v.stored.release.source,
                              v.stored.release.content_hash, v.facts)
        for v in views
    }


def file_ingest(site: Site, tmp_path: Path, source: str, with_category: bool = True) -> Desk:
    """The site's articles ingested from a JSON Lines file, as the collector should store them."""
    records: list[dict[str, object]] = [
        {"title": a.title, "date": a.date, "body": a.body, "url": site.url(f"/news/view/{a.n}"),
         "category": a.category if with_category else ""}
        for a in site.items
    ]
    path = write_jsonl(tmp_path / "site.jsonl", records)
    other = Desk.open(":memory:", embedder="fake")
    from pressdesk.ingest import IngestOptions

    other.ingest([str(path)], IngestOptions(source=source))
    return other


# -- what a first run stores -------------------------------------------------------


def test_a_listing_collection_equals_a_file_ingest(desk: Desk, site: Site, tmp_path: Path) -> None:
    add_listing(desk, site)
    report = run(desk, "ministry")
    assert (report.found, report.new, report.failed, report.fatal) == (25, 25, 0, "")
    with file_ingest(site, tmp_path, "ministry") as expected:
        assert snapshot(desk) == snapshot(expected)
    assert desk.search("semiconductors").total == 25


def test_a_feed_with_summaries_takes_bodies_from_the_pages(desk: Desk, site: Site, tmp_path: Path) -> None:
    add(desk, site, "news", "/news/rss.xml", kind="rss")
    report = run(desk, "news")
    assert (report.found, report.new, report.requests) == (10, 10, 12)  # robots, feed, 10 pages
    site.items = site.items[:10]
    with file_ingest(site, tmp_path, "news") as expected:
        assert snapshot(desk) == snapshot(expected)


def test_a_feed_with_full_texts_fetches_no_pages(desk: Desk, site: Site, tmp_path: Path) -> None:
    add(desk, site, "news", "/news/atom.xml", kind="atom")
    assert run(desk, "news").new == 10
    assert not site.paths("/news/view/")
    site.items = site.items[:10]
    with file_ingest(site, tmp_path, "news") as expected:
        assert snapshot(desk) == snapshot(expected)


def test_each_release_keeps_the_page_it_came_from(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    run(desk, "ministry")
    release = next(iter(desk.releases())).release
    (page,) = desk.pages(release.id)
    assert page.url == release.url and page.status == 200 and page.content_hash == release.content_hash
    assert release.title.encode() in zlib.decompress(page.data)


# -- what a second run asks for ------------------------------------------------------


def test_a_second_run_asks_only_for_the_first_page(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    run(desk, "ministry")
    site.log.clear()
    again = run(desk, "ministry")
    assert (again.requests, again.not_modified, again.new, again.found) == (1, 1, 0, 0)
    assert site.log == [("/news/list?page=1", 304)]  # robots.txt is kept for a day


def test_a_second_run_of_feeds_and_sitemaps_gets_304s(desk: Desk, site: Site) -> None:
    for name, path, kind in [("rss", "/news/rss.xml", "rss"), ("map", "/sitemap.xml", "sitemap")]:
        add(desk, site, name, path, kind=kind)
        run(desk, name)
    site.log.clear()
    for name in ("rss", "map"):
        assert run(desk, name).not_modified == 1
    assert site.log == [("/news/rss.xml", 304), ("/sitemap.xml", 304)]


def test_new_articles_are_found_on_the_first_page_only(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    run(desk, "ministry")
    newer = [a for a in articles(28) if a.n > 25]
    site.items = newer + site.items
    site.log.clear()
    report = run(desk, "ministry")
    assert (report.new, report.found) == (3, 10)
    assert site.paths("/news/list") == ["/news/list?page=1"]
    assert sorted(site.paths("/news/view/")) == ["/news/view/26", "/news/view/27", "/news/view/28"]


def test_an_interrupted_first_run_is_completed_by_the_next(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    site.faults["/news/list"] = [None, None, 500, 500]  # page 3 fails, and its one retry
    first = run(desk, "ministry")
    assert (first.new, first.pages, first.fatal) == (20, 2, "")
    assert first.errors == (f"ministry: {site.url('/news/list?page=3')}: HTTP 500 (after 2 tries)",)
    site.log.clear()
    second = run(desk, "ministry")  # not yet read to its end: paging goes on past the 304s
    assert second.new == 5 and len(list(desk.releases())) == 25
    assert [p for p in site.paths() if "list" in p] == [f"/news/list?page={n}" for n in (1, 2, 3, 4)]
    assert site.statuses(304) == 2
    site.log.clear()
    assert run(desk, "ministry").requests == 1  # read whole: the first page's 304 is enough


def test_an_edited_article_becomes_a_new_revision(desk: Desk, site: Site) -> None:
    add(desk, site, "map", "/sitemap.xml", kind="sitemap")
    run(desk, "map")
    site.edit(7, "The ministry corrected the figures.\nExports rose 9.9 percent.")
    site.log.clear()
    report = run(desk, "map")
    assert (report.changed, report.new) == (1, 0)
    assert site.paths("/news/view/") == ["/news/view/7"]
    stored = next(s for s in desk.releases() if s.release.url == site.url("/news/view/7"))
    view = desk.release(stored.release.id, revisions=True)
    assert view.stored.revision == 2 and "corrected" in view.stored.release.body
    assert [p.content_hash for p in desk.pages(stored.release.id)] == [r.content_hash for r in view.revisions]


def test_recheck_finds_edits_the_listing_does_not_show(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    run(desk, "ministry")
    site.edit(24, "A corrected text.")
    assert run(desk, "ministry").changed == 0  # the listing looks the same
    report = run(desk, "ministry", CollectOptions(fetch=FAST, recheck=True))
    assert (report.changed, report.not_modified, report.unchanged) == (1, 24, 24)


def test_a_listing_that_repeats_items_across_pages(desk: Desk, site: Site) -> None:
    site.pinned = 25  # the newest release, shown again at the top of every page
    add_listing(desk, site)
    report = run(desk, "ministry")
    assert (report.found, report.new) == (25, 25)
    assert len(site.paths("/news/view/25")) == 1


# -- a site that misbehaves --------------------------------------------------------------


def test_500s_and_timeouts_are_retried_then_recover(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    site.faults["/news/view/5"] = [500]  # the retry succeeds
    site.faults["/news/view/6"] = [503, 503]  # so does the next run
    site.faults["/news/view/8"] = ["hang", "hang"]
    started = time.monotonic()
    first = run(desk, "ministry")
    assert time.monotonic() - started < 10
    assert (first.new, first.failed) == (23, 2)
    assert sorted(first.errors) == [
        f"ministry: {site.url('/news/view/6')}: HTTP 503 (after 2 tries)",
        f"ministry: {site.url('/news/view/8')}: timed out (ReadTimeout) (after 2 tries)",
    ]
    second = run(desk, "ministry")
    assert (second.new, second.failed) == (2, 0)
    assert len(list(desk.releases())) == 25


def test_a_redirect_to_another_host_is_not_followed(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    site.faults["/news/view/4"] = [("redirect", "http://elsewhere.example/news/view/4")]
    site.faults["/news/view/9"] = [("redirect", "/news/view/9")]  # on the same host: followed
    report = run(desk, "ministry")
    assert (report.new, report.failed) == (24, 1)
    assert report.errors == (f"ministry: {site.url('/news/view/4')}: redirected to "
                             "http://elsewhere.example/news/view/4, outside the source's hosts",)


def test_robots_txt_disallowing_a_path(desk: Desk, site: Site) -> None:
    site.robots = "User-agent: *\nDisallow: /news/view/7\n"
    add_listing(desk, site)
    report = run(desk, "ministry")
    assert (report.new, report.failed) == (24, 1)
    assert report.errors == (f"ministry: {site.url('/news/view/7')}: disallowed by the site's robots.txt",)
    assert not site.paths("/news/view/7")


def test_robots_txt_disallowing_the_source_fails_it_entirely(desk: Desk, site: Site) -> None:
    site.robots = "User-agent: pressdesk\nDisallow: /news/\n"
    add_listing(desk, site)
    report = run(desk, "ministry")
    assert report.fatal == f"{site.url('/news/list?page=1')}: disallowed by the site's robots.txt"
    assert site.paths() == ["/robots.txt"]


def test_an_oversized_response_is_cut_off(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    site.faults["/news/view/2"] = ["big"]
    report = run(desk, "ministry")
    assert report.failed == 1
    assert report.errors[0].endswith("/news/view/2: response of 3,145,740 bytes, more than 1,048,576")


def test_malformed_html_is_one_failed_article(desk: Desk, site: Site) -> None:
    add(desk, site, "map", "/sitemap.xml", kind="sitemap")
    site.faults["/news/view/3"] = [200]  # "failure" as text/plain: no page at all
    site.faults["/news/view/4"] = [("page", b"<html><body><div><p>cut off <b>in the mid")]
    report = run(desk, "map")
    assert report.failed == 3 and report.new == 23  # and /about, which is no article
    assert f"map: {site.url('/news/view/3')}: not an HTML page (text/plain)" in report.errors
    assert f"map: {site.url('/news/view/4')}: empty title" in report.errors


def test_a_sitemap_index_reads_each_sitemap_with_or_without_its_namespace(desk: Desk, site: Site) -> None:
    desk.add_source(SourceRequest("maps", site.url("/sitemap-index.xml")), FAST)
    assert desk.source("maps").kind == "sitemap"
    report = run(desk, "maps")
    assert (report.found, report.new, report.pages) == (26, 25, 3)  # 25 articles and /about
    site.log.clear()
    assert run(desk, "maps").requests == 1 and site.log == [("/sitemap-index.xml", 304)]


def test_a_malformed_feed_fails_its_source(desk: Desk, site: Site) -> None:
    add(desk, site, "news", "/news/rss.xml", kind="rss")
    site.faults["/news/rss.xml"] = [200]
    report = run(desk, "news")
    assert report.fatal.startswith(f"{site.url('/news/rss.xml')}: malformed feed")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_a_server_that_never_answers(desk: Desk, silent_server: str) -> None:
    desk.add_source(SourceRequest("silent", f"{silent_server}/feed.xml", kind="rss"))
    started = time.monotonic()
    report = run(desk, "silent")
    assert time.monotonic() - started < 3
    assert report.fatal == (f"{silent_server}/feed.xml: robots.txt unreachable (ReadTimeout): "
                            "the site is not collected this run")


# -- sources ---------------------------------------------------------------------------


def test_a_home_page_leads_to_its_feed(desk: Desk, site: Site) -> None:
    add(desk, site, "home", "/")
    assert (desk.source("home").kind, desk.source("home").url) == ("rss", site.url("/news/rss.xml"))
    add(desk, site, "map", "/sitemap.xml")
    assert desk.source("map").kind == "sitemap"


def test_a_page_without_feeds_needs_a_profile(desk: Desk, site: Site) -> None:
    with pytest.raises(CollectError, match=r"^x: http://127.0.0.1:\d+/news/view/3: no feed or sitemap "
                                           "found there; add it with --kind listing"):
        add(desk, site, "x", "/news/view/3")
    with pytest.raises(CollectError, match=r"^x: http://127.0.0.1:\d+/nowhere: HTTP 404 Not Found$"):
        add(desk, site, "x", "/nowhere")
    with pytest.raises(CollectError, match="a listing source needs --profile"):
        add(desk, site, "x", "/news/list", kind="listing")


def test_two_sources_of_one_name_are_refused(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    with pytest.raises(CollectError, match="ministry: a source of that name exists"):
        add_listing(desk, site)


def test_a_removed_source_keeps_its_releases(desk: Desk, site: Site) -> None:
    add_listing(desk, site)
    run(desk, "ministry")
    desk.remove_source("ministry")
    assert desk.sources() == [] and len(list(desk.releases())) == 25


def test_the_report_reads_in_one_line() -> None:
    report = SourceReport("ministry", found=3, new=2, unchanged=1, requests=5, seconds=1.25)
    assert str(report) == ("ministry: 3 found, 2 new, 0 changed, 1 unchanged, 0 failed "
                           "(5 requests, 0 not modified, 1.2 s)")
    assert json.loads(json.dumps(str(report)))
