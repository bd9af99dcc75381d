"""Watches: each new match delivered once, though runs overlap, die or meet a dead webhook."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from conftest import make_release

from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.errors import NotFound, PressdeskError, QueryError
from pressdesk.ingest import IngestOptions
from pressdesk.models import Release
from pressdesk.watch import is_dead, now_iso

PLAIN = IngestOptions(extract=False)


def steel(n: int, body: str = "Steel tariffs rise.") -> Release:
    return make_release(n, body=body, title=f"Steel notice {n}")


def other(n: int) -> Release:
    return make_release(n, body="Rice harvest news.", title=f"Rice notice {n}")


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    with Desk.open(str(tmp_path / "w.db")) as d:
        d.add([steel(1), other(2)], PLAIN)
        d.add_watch("steel", "steel")
        yield d


def delivered(desk: Desk, name: str = "steel") -> list[str]:
    return [i.title for i in desk.run_watch(name).items]


def test_new_matches_are_delivered_once(desk: Desk) -> None:
    assert delivered(desk) == []  # what was stored before the watch is not new
    desk.add([steel(3), other(4), steel(5)], PLAIN)
    assert delivered(desk) == ["Steel notice 3", "Steel notice 5"]
    assert delivered(desk) == []


def test_a_revised_release_is_new_again(desk: Desk) -> None:
    desk.add([steel(3)], PLAIN)
    delivered(desk)
    desk.add([steel(3, body="Steel tariffs rise further, the ministry corrected.")], PLAIN)
    assert delivered(desk) == ["Steel notice 3"]


def test_add_list_remove_and_refusals(desk: Desk) -> None:
    assert [w.name for w in desk.watches()] == ["steel"]
    with pytest.raises(PressdeskError, match="exists"):
        desk.add_watch("steel", "steel")
    with pytest.raises(QueryError):
        desk.add_watch("bad", '"unclosed')
    desk.remove_watch("steel")
    with pytest.raises(NotFound, match="no watch named 'steel'"):
        desk.run_watch("steel")


def test_what_a_dead_run_claimed_is_delivered_by_the_next(desk: Desk) -> None:
    desk.add([steel(3)], PLAIN)
    candidates, checkpoint = desk.store.watch_candidates("steel")
    dead = f"{socket.gethostname()}:999999999:gone"  # no such process
    desk.store.claim("steel", [c for c in candidates if c[0] == steel(3).id], dead, now_iso(),
                     checkpoint)
    assert delivered(desk) == ["Steel notice 3"] and delivered(desk) == []


def test_a_claim_from_another_host_is_taken_over_after_the_lease() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    young, old = (now - timedelta(minutes=5)).isoformat(), (now - timedelta(hours=2)).isoformat()
    assert not is_dead("elsewhere:1:x", young, now) and is_dead("elsewhere:1:x", old, now)


RUN = "import json, sys; from pressdesk.desk import Desk\n" \
      "d = Desk.open(sys.argv[1]); r = d.run_watch('steel')\n" \
      "print(json.dumps([i.release_id for i in r.items])); d.close()"


def test_overlapping_runs_never_deliver_one_release_twice(desk: Desk, tmp_path: Path) -> None:
    desk.add([steel(n) for n in range(10, 70)], PLAIN)
    db = str(tmp_path / "w.db")
    runs = [subprocess.Popen([sys.executable, "-c", RUN, db], stdout=subprocess.PIPE, text=True)
            for _ in range(4)]
    seen = [rid for run in runs for rid in json.loads(run.communicate(timeout=120)[0])]
    assert len(seen) == len(set(seen)) == 60


class Hook(BaseHTTPRequestHandler):
    """A webhook that fails its first ``failures`` requests, then records what it gets."""

    failures = 0
    received: list[dict[str, object]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server interface
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if Hook.failures > 0:
            Hook.failures -= 1
            self.send_response(503)
        else:
            Hook.received.append(body)
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), Hook)
    Hook.failures, Hook.received = 0, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def test_a_webhook_is_retried_and_gets_each_item_once(desk: Desk, hook: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pressdesk.watch.RETRIES", (0.01, 0.01, 0.01))
    desk.add_watch("hooked", "steel", webhook=hook)
    desk.add([steel(3)], PLAIN)
    Hook.failures = 2  # down for a moment: the retries get through
    assert [i.title for i in desk.run_watch("hooked").items] == ["Steel notice 3"]
    Hook.failures = 10  # down for longer: the run fails, the item waits
    desk.add([steel(4)], PLAIN)
    failed = desk.run_watch("hooked")
    assert failed.items == () and failed.webhook_failed and "503" in failed.webhook_failed
    Hook.failures = 0  # back: the waiting item arrives, and only it
    assert [i.title for i in desk.run_watch("hooked").items] == ["Steel notice 4"]
    titles = [item["title"] for body in Hook.received for item in body["items"]]  # type: ignore[attr-defined]
    assert titles == ["Steel notice 3", "Steel notice 4"]


def test_the_command_line_prints_json_and_writes_an_atom_feed(desk: Desk, tmp_path: Path) -> None:
    desk.add([steel(3), steel(4)], PLAIN)
    db, feed = str(tmp_path / "w.db"), tmp_path / "steel.atom"
    out = CliRunner().invoke(cli, ["--db", db, "watch", "run", "steel", "--json", "--atom",
                                   str(feed)])
    assert out.exit_code == 0, out.output
    assert [i["title"] for i in json.loads(out.stdout)[0]["items"]] == ["Steel notice 3",
                                                                       "Steel notice 4"]
    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo and {e.title for e in parsed.entries} == {"Steel notice 3",
                                                                     "Steel notice 4"}
    listed = CliRunner().invoke(cli, ["--db", db, "watch", "list"])
    assert listed.stdout.startswith("steel ")
    again = CliRunner().invoke(cli, ["--db", db, "watch", "run"])
    assert again.stdout == "steel: 0 new\n"
