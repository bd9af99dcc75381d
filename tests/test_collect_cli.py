"""`pressdesk source` and `pressdesk collect` through Click, and two collector processes
against one store at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from ministry_site import Site, articles, serve
from test_collect import PROFILE, add, add_listing

from pressdesk.cli import cli
from pressdesk.desk import Desk


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site(articles(25), per_page=10)) as running:
        yield running


def pressdesk(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_sources_are_added_listed_shown_and_removed(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "p.db"
    assert pressdesk(db, "source", "add", "home", site.url("/"), "--wait", "0")[1] == (
        f"home: rss {site.url('/news/rss.xml')}\n")
    code, out, _ = pressdesk(db, "source", "add", "board", site.url("/news/list?page=1"),
                             "--profile", PROFILE)
    assert code == 0 and out.startswith("board: listing ")
    listed = pressdesk(db, "source", "list")[1].splitlines()
    assert [line.split()[:3] for line in listed] == [["board", "listing", "never"], ["home", "rss", "never"]]
    shown = pressdesk(db, "source", "show", "board")[1]
    assert "(listing)" in shown and 'item = "table.board tbody tr"' in shown
    assert pressdesk(db, "source", "remove", "board")[0] == 0
    code, _, err = pressdesk(db, "source", "show", "board")
    assert code == 1 and "no source named 'board'" in err


def test_a_profile_in_error_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[listing]\nlinks = 'a'\n")
    code, _, err = pressdesk(tmp_path / "p.db", "source", "add", "x", "https://ministry.test/", "--profile",
                             str(bad))
    assert code == 1 and err == f"Error: {bad}: unknown key listing.links (known: category, date, " \
        "date_format, first_page, item, link, max_pages, next, pages, title)\n"


def test_collect_reports_each_source_and_fails_only_when_one_failed_entirely(
    tmp_path: Path, site: Site
) -> None:
    db = tmp_path / "p.db"
    pressdesk(db, "source", "add", "board", site.url("/news/list?page=1"), "--profile", PROFILE)
    pressdesk(db, "source", "add", "feed", site.url("/news/atom.xml"), "--kind", "atom")
    site.faults["/news/view/3"] = [404]
    code, out, err = pressdesk(db, "collect", "--wait", "0", "--timeout", "1")
    assert code == 0
    assert out.startswith("board: 25 found, 24 new, 0 changed, 0 unchanged, 1 failed (")
    assert "feed: 10 found, 10 new" in out
    assert err == f"board: {site.url('/news/view/3')}: HTTP 404 Not Found\n"
    site.faults["/news/atom.xml"] = [500]
    code, out, _ = pressdesk(db, "collect", "feed", "--wait", "0", "--retries", "0")
    assert code == 1 and out == f"feed: failed: {site.url('/news/atom.xml')}: HTTP 500 (after 1 try)\n"


def test_collect_with_no_sources_says_how_to_add_one(tmp_path: Path) -> None:
    code, _, err = pressdesk(tmp_path / "p.db", "collect")
    assert code == 1 and "add one with `pressdesk source add NAME URL`" in err


def test_every_takes_an_interval(tmp_path: Path) -> None:
    code, _, err = pressdesk(tmp_path / "p.db", "collect", "--every", "hourly")
    assert code == 2 and "'hourly' is no interval" in err


WORKER = """
import sys
from pressdesk.cli import cli
sys.exit(cli(["--db", sys.argv[1], "collect", "--wait", "0", "--timeout", "2", "-q"]))
"""
LEASELESS = """
import sys
from pressdesk.collect import CollectOptions, FetchSettings
from pressdesk.desk import Desk
with Desk.open(sys.argv[1], embedder="fake") as desk:
    # a lease that has always run out: every collector takes every source
    report = desk.collect((), CollectOptions(FetchSettings(delay=0, timeout=2), lease=-60))
for line in report.sources:
    print(line)
sys.exit(1 if report.failed or any(s.skipped for s in report.sources) else 0)
"""


def start_sources(db: Path, site: Site) -> None:
    site.items = articles(30)
    with Desk.open(str(db), embedder="fake") as desk:
        add_listing(desk, site, "board")
        add(desk, site, "map", "/sitemap.xml", kind="sitemap")
        add(desk, site, "feed", "/news/atom.xml", kind="atom")


def run_two(db: Path, code: str) -> None:
    workers = [subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs


def stored_once(db: Path, count: int) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*), count(DISTINCT id) FROM releases").fetchone() == (count, count)
        assert con.execute("SELECT count(*) FROM revisions").fetchone() == (0,)
        assert con.execute("SELECT count(*), count(DISTINCT release_id) FROM release_pages").fetchone() \
            == (count, count)
    with Desk.open(str(db), embedder="fake") as desk:
        assert desk.check().ok and desk.search("semiconductors").total == count


def test_two_collectors_without_leases_still_store_everything_once(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "p.db"
    start_sources(db, site)
    run_two(db, LEASELESS)  # both collect every source, at the same time
    stored_once(db, 70)


def test_two_collectors_at_once_store_everything_once(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "p.db"
    start_sources(db, site)
    run_two(db, WORKER)
    stored_once(db, 70)
    fetched = Counter(site.paths("/news/view/"))  # board and map read each page, the feed none
    assert len(fetched) == 30 and set(fetched.values()) == {2}, "a source was collected twice"


def test_collect_every_runs_until_stopped(tmp_path: Path, site: Site) -> None:
    import signal
    import time

    db = tmp_path / "p.db"
    pressdesk(db, "source", "add", "feed", site.url("/news/atom.xml"), "--kind", "atom")
    every = subprocess.Popen([sys.executable, "-m", "pressdesk", "--db", str(db), "collect", "--every",
                              "0.5s", "--wait", "0", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    deadline = time.monotonic() + 30
    while len(site.paths("/news/atom.xml")) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    every.send_signal(signal.SIGTERM)
    out, err = every.communicate(timeout=30)
    assert every.returncode == 0 and err.endswith("stopped\n"), err
    lines = out.splitlines()  # a round may retry a request under load: 3 fetches, 2 rounds or more
    assert len(lines) >= 2 and lines[0].startswith("feed: 10 found, 10 new")
    assert all(line.startswith("feed: 0 found, 0 new") for line in lines[1:])
