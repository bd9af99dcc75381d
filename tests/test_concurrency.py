"""Several writers and readers at once: two ingesting processes, four searching threads.

For ``SECONDS`` seconds two processes ingest overlapping inputs in small batches
(each batch one transaction, the index synced as they go) while four threads
of this process search, read and list through one shared Desk. At the end
nothing is lost (every release read is stored and searchable), nothing is
doubled (one row and one index document per release) and nothing raised.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from conftest import make_release, record, write_jsonl

from pressdesk.desk import Desk
from pressdesk.search import SearchOptions

SECONDS = 30.0
WORKER = """
import json, sys, time
from pressdesk.desk import Desk
from pressdesk.ingest import IngestOptions

db, seconds, paths = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
deadline, rounds = time.monotonic() + seconds, 0
with Desk.open(db, embedder="fake") as desk:
    while time.monotonic() < deadline:
        for path in paths:
            report = desk.ingest([path], IngestOptions(batch_size=25, sync_seconds=0.5))
            assert not report.rejected and not report.unindexed, report
        rounds += 1
print(json.dumps({"rounds": rounds}))
"""
QUERIES = ["semiconductor exports", "measure", "place:VN", "steel OR tariff*", "category:trade",
           "measure date:2025-10", '"semiconductor exports"']


def inputs(folder: Path, worker: int) -> list[str]:
    """Each worker's files: its own releases, some shared with the other worker, and in later
    files revised texts of earlier ones."""
    paths = []
    for part in range(4):
        own = [record(worker * 10_000 + part * 100 + i) for i in range(60)]
        shared = [record(50_000 + part * 100 + i) for i in range(20)]
        revised = [record(worker * 10_000 + i, body=f"Revised text {part} of measure {i}.")
                   for i in range(5)] if part else []
        path = folder / f"w{worker}-{part}.jsonl"
        paths.append(str(write_jsonl(path, own + shared + revised)))
    return paths


def expected_ids(paths: list[str]) -> set[tuple[str, str]]:
    found = set()
    for path in paths:
        for line in Path(path).read_text().splitlines():
            found.add((json.loads(line)["title"], json.loads(line)["date"]))
    return found


def reader(desk: Desk, errors: list[BaseException], stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    while not stop.is_set():
        try:
            query = rng.choice(QUERIES)
            mode = rng.choice(["lexical", "lexical", "hybrid"])
            result = desk.search(query, SearchOptions(mode=mode, facets=rng.random() < 0.3))
            for hit in result.hits[:2]:
                assert desk.release(hit.id).stored.release.id == hit.id
            list(desk.releases())
            desk.stats()
        except BaseException as err:  # noqa: BLE001 - every failure is the finding
            errors.append(err)
            return


def test_two_ingesting_processes_and_four_searching_threads(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    paths = [inputs(tmp_path, 1), inputs(tmp_path, 2)]
    with Desk.open(db, embedder="fake") as desk:
        desk.ingest([paths[0][0]])  # something to search from the start
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, db, str(SECONDS), *p],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in paths
    ]
    errors: list[BaseException] = []
    stop = threading.Event()
    with Desk.open(db, embedder="fake") as desk:
        threads = [threading.Thread(target=reader, args=(desk, errors, stop, n)) for n in range(4)]
        for t in threads:
            t.start()
        outputs = [w.communicate(timeout=SECONDS + 300) for w in workers]
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert json.loads(out)["rounds"] >= 2, out  # the two ran side by side, again and again

    expected = expected_ids(paths[0] + paths[1])
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = con.execute("SELECT title, date FROM releases").fetchall()
    assert len(rows) == len(set(rows)) == len(expected)  # nothing lost, nothing doubled
    assert set(rows) == expected
    assert con.execute("SELECT count(*) FROM index_queue").fetchone()[0] == 0
    con.close()
    with Desk.open(db, embedder="fake") as desk:
        assert desk.index.count() == len(expected)  # one document per release
        revised = desk.search('"Revised text 3"', SearchOptions(limit=100))
        assert revised.total == 10  # the last revision of five releases of each worker


def test_a_writer_says_it_waits_for_another_then_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Desk.open(str(db)) as desk:
        desk.add([make_release(1)])
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is in the middle of a batch
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    cmd = [sys.executable, "-m", "pressdesk", "--db", str(db), "ingest", str(path)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    note = child.stderr.readline()  # blocks until the child says it waits (the holder holds on)
    holder.execute("COMMIT")
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0 and out == "2 new, 0 changed, 0 unchanged\n"
    assert note + err == "note: waiting for another process that is writing to the store\n"
