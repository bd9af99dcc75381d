from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from conftest import SAMPLE, record, write_jsonl

from pressdesk.ingest import INDEXED_SEQ, IngestOptions, ingest, sync_index
from pressdesk.store import ReleaseFilter, Store, open_store

NO_EXTRACT = IngestOptions(extract=False)


class FakeIndex:
    """Records what it was given; stands in for the search index."""

    def __init__(self) -> None:
        self.docs: dict[str, Any] = {}
        self.pending: list[Any] = []
        self.commits = 0
        self.adds = 0  # documents added without a delete

    def add(self, docs: Iterable[Any], replace: bool = True) -> None:
        docs = list(docs)
        self.pending += docs
        self.adds += 0 if replace else len(docs)

    def commit(self) -> None:
        self.docs.update({d.id: d for d in self.pending})
        self.pending, self.commits = [], self.commits + 1


def test_sample_feed_is_stored(store: Store) -> None:
    report = ingest(store, [str(SAMPLE)])
    assert (report.new, report.changed, report.unchanged, report.rejected) == (10, 0, 0, ())
    assert store.stats().releases == 10


def test_second_ingest_stores_nothing(store: Store) -> None:
    ingest(store, [str(SAMPLE)])
    report = ingest(store, [str(SAMPLE)])
    assert str(report) == "0 new, 0 changed, 10 unchanged"


def test_changed_text_becomes_a_revision(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    ingest(store, [str(path)], NO_EXTRACT)
    write_jsonl(path, [record(1), record(2, body="Corrected figures for measure 2.")])
    report = ingest(store, [str(path)], NO_EXTRACT)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 1)
    (changed,) = [s for s in store.releases(ReleaseFilter()) if s.revision == 2]
    old, new = store.revisions(changed.release.id)
    assert "covers semiconductor" in old.body and new.body.startswith("Corrected")


def test_bad_records_are_reported_and_good_ones_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_jsonl(path, [record(1), record(2, title=""), record(3, date="not a date"), record(4)])
    seen: list[str] = []
    report = ingest(store, [str(path)], NO_EXTRACT, on_reject=lambda r: seen.append(str(r)))
    assert report.new == 2 and len(report.rejected) == 2
    assert seen[0].startswith(f"{path}:2: ") and seen[1].startswith(f"{path}:3: ")


def test_strict_rejects_the_whole_input(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2, body=""), record(3)])
    report = ingest(store, [str(path)], IngestOptions(strict=True, extract=False))
    assert (report.new, len(report.rejected)) == (0, 1)
    assert store.stats().releases == 0


def test_extraction_is_stored_with_the_release(store: Store) -> None:
    ingest(store, [str(SAMPLE)])
    for stored in store.releases(ReleaseFilter()):
        assert store.get_facts(stored.release.id) is not None


def test_index_follows_the_store(store: Store, tmp_path: Path) -> None:
    index = FakeIndex()
    path = write_jsonl(tmp_path / "a.jsonl", [record(i) for i in range(5)])
    ingest(store, [str(path)], IngestOptions(extract=False, batch_size=2), index=index)
    assert len(index.docs) == 5 and store.get_meta(INDEXED_SEQ) == "5"
    assert sync_index(store, index) == 0  # nothing new: nothing re-indexed


def test_index_catches_up_after_an_interrupted_ingest(store: Store, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(i) for i in range(5)])
    ingest(store, [str(path)], NO_EXTRACT)  # stored, never indexed: as if killed
    index = FakeIndex()
    report = ingest(store, [str(path)], NO_EXTRACT, index=index)
    assert report.unchanged == 5 and len(index.docs) == 5


def test_only_documents_that_may_be_indexed_are_replaced(store: Store, tmp_path: Path) -> None:
    index = FakeIndex()
    path = write_jsonl(tmp_path / "a.jsonl", [record(i) for i in range(4)])
    ingest(store, [str(path)], NO_EXTRACT, index=index)
    assert index.adds == 4  # a fresh index: no deletes needed
    write_jsonl(path, [record(0, body="Revised."), *[record(i) for i in range(1, 4)], record(9)])
    ingest(store, [str(path)], NO_EXTRACT, index=index)
    assert index.adds == 5  # the revised release replaced its document, the new one was added
    store.set_meta(INDEXED_SEQ, "0")  # as if killed after the index committed, before the mark
    assert sync_index(store, index) == 5 and index.adds == 5  # all five replaced, none doubled


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
    report = ingest(store, [str(path)], IngestOptions(extract=False))
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
    report = ingest(store, [str(write_jsonl(tmp_path / "t.jsonl", twins))], NO_EXTRACT)
    assert report.new == 2


def test_a_missing_path_is_reported_and_the_others_go_on(store: Store, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    report = ingest(store, [missing, str(SAMPLE)], NO_EXTRACT)
    assert report.new == 10 and [r.origin.path for r in report.rejected] == [missing]
