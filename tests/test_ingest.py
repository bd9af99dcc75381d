from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import SAMPLE, record, write_jsonl

from pressdesk.ingest import IngestOptions, ingest_paths
from pressdesk.store import ReleaseFilter, Store, open_store

NO_EXTRACT = IngestOptions(extract=False)


def test_sample_feed_is_stored(store: Store) -> None:
    report = ingest_paths(store, [str(SAMPLE)])
    assert (report.new, report.changed, report.unchanged, report.rejected) == (10, 0, 0, ())
    assert store.stats().releases == 10


def test_second_ingest_stores_nothing(store: Store) -> None:
    ingest_paths(store, [str(SAMPLE)])
    report = ingest_paths(store, [str(SAMPLE)])
    assert str(report) == "0 new, 0 changed, 10 unchanged"


def test_changed_text_becomes_a_revision(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    ingest_paths(store, [str(path)], NO_EXTRACT)
    write_jsonl(path, [record(1), record(2, body="Corrected figures for measure 2.")])
    report = ingest_paths(store, [str(path)], NO_EXTRACT)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 1)
    (changed,) = [s for s in store.releases(ReleaseFilter()) if s.revision == 2]
    old, new = store.revisions(changed.release.id)
    assert "covers semiconductor" in old.body and new.body.startswith("Corrected")


def test_bad_records_are_reported_and_good_ones_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, [record(1), record(2, title=""), record(3, date="not a date"), record(4)])
    seen: list[str] = []
    report = ingest_paths(store, [str(path)], NO_EXTRACT, on_reject=lambda r: seen.append(str(r)))
    assert report.new == 2 and len(report.rejected) == 2
    assert seen[0].startswith(f"{path}:2: ") and seen[1].startswith(f"{path}:3: ")


def test_strict_rejects_the_whole_input(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2, body=""), record(3)])
    report = ingest_paths(store, [str(path)], IngestOptions(strict=True, extract=False))
    assert (report.new, len(report.rejected)) == (0, 1)
    assert store.stats().releases == 0


def test_extraction_is_stored_with_the_release(store: Store) -> None:
    ingest_paths(store, [str(SAMPLE)])
    for stored in store.releases(ReleaseFilter()):
        assert store.facts(stored.release.id) is not None


BIG = 60_000


def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    """Kill -9 a large ingest part-way: the store passes integrity_check, holds only
    whole releases, and the next ingest of the same input completes it."""
    path = write_jsonl(tmp_path / "big.jsonl", [record(i, title=f"Big {i}") for i in range(BIG)])
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "pressdesk", "--db", str(db), "ingest", "--quiet", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_rows(db, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored, with_facts = con.execute(
        "SELECT count(*), count(f.release_id) FROM releases r"
        " LEFT JOIN facts f ON f.release_id = r.id"
    ).fetchone()
    assert 0 < stored < BIG and stored == with_facts
    con.close()
    store = open_store(str(db))
    report = ingest_paths(store, [str(path)], IngestOptions(extract=False))
    assert (report.new, report.unchanged) == (BIG - stored, stored)
    assert store.stats().releases == BIG


def _wait_for_rows(db: Path, proc: subprocess.Popen[bytes], deadline: float = 60.0) -> None:
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        assert proc.poll() is None, "ingest finished before it could be killed"
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=0.1)
                if con.execute("SELECT count(*) FROM releases").fetchone()[0] > 1000:
                    return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    raise AssertionError("no rows appeared")


def test_feed_ids_keep_same_titled_releases_apart(store: Store, tmp_path: Path) -> None:
    twins = [record(1, id="a-1"), record(1, id="a-2", body="Another story, same headline.")]
    report = ingest_paths(store, [str(write_jsonl(tmp_path / "t.jsonl", twins))], NO_EXTRACT)
    assert report.new == 2


def test_a_missing_path_is_reported_and_the_others_go_on(store: Store, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    report = ingest_paths(store, [missing, str(SAMPLE)], NO_EXTRACT)
    assert report.new == 10 and [r.origin.path for r in report.rejected] == [missing]
