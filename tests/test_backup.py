"""backup and restore: a whole, consistent copy of the store, taken while an ingest runs."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, record, write_jsonl

from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.errors import PressdeskError, StoreError
from pressdesk.search import SearchOptions


def counts(db: Path) -> tuple[int, ...]:
    con = sqlite3.connect(db)
    found = tuple(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("releases", "revisions", "facts", "vectors", "entities"))
    con.close()
    return found


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    feed = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    with Desk.open(str(path), embedder="fake") as desk:
        desk.ingest([str(SAMPLE), str(feed)])
        write_jsonl(feed, [record(1, body="A corrected text for measure 1.")])
        desk.ingest([str(feed)])  # one revision
        desk.embed()
    return path


def test_a_backup_holds_everything_and_restores_it(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with Desk.open(str(db), embedder="fake") as desk:
        desk.backup(str(copy))
        before = counts(db)
        assert counts(copy) == before and before[1] == 1 and before[3] == 12
        desk.ingest([str(SAMPLE.parent / "ustr-2019.jsonl")])  # changes after the backup
        assert desk.stats().releases == 21
        assert desk.search("source:USTR", SearchOptions(limit=50)).total == 9
        identity = desk.store.identity()
        desk.restore(str(copy))
        assert counts(db) == before and desk.store.identity() != identity
        assert desk.search("source:USTR", SearchOptions(limit=50)).total == 0  # the index followed
        assert desk.search("semiconductor").total and desk.check().ok
        assert desk.unembedded() == 0  # the vectors came back too


def test_a_backup_taken_during_an_ingest_is_consistent(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    big = write_jsonl(tmp_path / "big.jsonl", [record(i, title=f"Live {i}") for i in range(20_000)])
    cmd = [sys.executable, "-m", "pressdesk", "--db", str(db), "ingest", "--quiet",
           "--no-extract", str(big)]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    copy = tmp_path / "copy.db"
    while not db.exists() and child.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    assert CliRunner().invoke(cli, ["--db", str(db), "backup", str(copy)]).exit_code == 0
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    stored = con.execute("SELECT count(*) FROM releases").fetchone()[0]
    assert stored % 1000 == 0  # whole batches only: a consistent snapshot
    con.close()


def test_restore_refuses_what_is_not_a_whole_backup(db: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with Desk.open(str(db)) as desk:
        for path, reason in ((junk, "not a pressdesk backup"), (other, "no releases table"),
                             (tmp_path / "missing.db", "no such backup file")):
            with pytest.raises(StoreError, match=reason):
                desk.restore(str(path))
        assert desk.stats().releases == 12  # untouched


def test_a_backup_never_goes_over_the_store(db: Path) -> None:
    with Desk.open(str(db)) as desk, pytest.raises(PressdeskError, match="refusing to write"):
        desk.backup(str(db))


def test_restore_asks_first_on_the_command_line(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    CliRunner().invoke(cli, ["--db", str(db), "backup", str(copy)])
    asked = CliRunner().invoke(cli, ["--db", str(db), "restore", str(copy)], input="n\n")
    assert asked.exit_code == 1 and "Replace everything" in asked.output
    done = CliRunner().invoke(cli, ["--db", str(db), "restore", "--yes", str(copy)])
    assert done.exit_code == 0 and "restored 12 releases" in done.stderr
