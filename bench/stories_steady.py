#!/usr/bin/env python3
"""Story grouping in the steady state: the next releases of a corpus grouped into a copy of
a grouped store, timed, and what the time went to.

    python bench/stories_steady.py STORE CORPUS [--start 200000] [--count 5000] [--phases]

``STORE`` is a store grouped already (``bench/stories.py`` leaves the 100k one at
bench/out/stories.db); it is copied, so it is never changed (a copy made by an older
pressdesk is brought up to date first, untimed). The ``--count`` releases from line
``--start`` of ``CORPUS`` are stored, then grouped a thousand at a time, each batch in its
transaction, as ``bench/stories.py`` groups: releases/s over the grouping alone, wall and
per CPU-second. A run takes seconds where a whole 100k corpus takes minutes, so two trees
can be compared alternately several times (``PYTHONPATH=TREE``). ``--phases`` also prints
the seconds spent in each of the book's statements (by their first words) and in the
grouper's steps.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def timed(totals: dict[str, float], label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start
    return wrapper


class TimedConnection:
    """A connection whose statements are timed by their first 50 characters."""

    def __init__(self, db: sqlite3.Connection, totals: dict[str, float], calls: Counter[str]):
        self.db, self.totals, self.calls = db, totals, calls

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)

    def execute(self, sql: str, *args: Any) -> list[Any]:
        start = time.perf_counter()
        rows = self.db.execute(sql, *args).fetchall()
        self.totals["sql: " + sql[:50]] += time.perf_counter() - start
        self.calls["sql: " + sql[:50]] += 1
        return Rows(rows)

    def executemany(self, sql: str, *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.db.executemany(sql, *args)
        finally:
            self.totals["sql: " + sql[:50]] += time.perf_counter() - start
            self.calls["sql: " + sql[:50]] += 1


class Rows(list):  # type: ignore[type-arg]
    def fetchall(self) -> list[Any]:
        return list(self)

    def fetchone(self) -> Any:
        return self[0] if self else None


def watch(totals: dict[str, float], calls: Counter[str]) -> None:
    """Time the grouper's steps and the book's statements (for ``--phases``)."""
    import pressdesk.stories as stories
    from pressdesk.store import sqlite_stories
    from pressdesk.stories import grouping

    for module, name in ((stories, "group_release"), (stories, "consolidate"),
                         (grouping, "score"), (grouping, "decide"),
                         (grouping, "release_features"), (grouping, "candidates")):
        setattr(module, name, timed(totals, name, getattr(module, name)))
    book = sqlite_stories.SQLiteStoryBook
    opened = book.__init__

    def init(self: Any, db: sqlite3.Connection, *args: Any, **kwargs: Any) -> None:
        opened(self, db, *args, **kwargs)
        self.db = TimedConnection(db, totals, calls)

    book.__init__ = init  # type: ignore[method-assign]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--start", type=int, default=200_000, help="the corpus line to begin at")
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--phases", action="store_true")
    args = ap.parse_args()

    totals: dict[str, float] = defaultdict(float)
    calls: Counter[str] = Counter()
    if args.phases:
        watch(totals, calls)
    from pressdesk import workers
    from pressdesk.ingest import batched
    from pressdesk.models import Release
    from pressdesk.readers import read_path
    from pressdesk.store.sqlite import SQLiteStore
    from pressdesk.stories import group_stored

    with tempfile.TemporaryDirectory() as tmp:
        db, part = Path(tmp) / "store.db", Path(tmp) / "part.jsonl"
        shutil.copy(args.store, db)
        with args.corpus.open(encoding="utf-8") as lines, part.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(lines, args.start, args.start + args.count))
        store = SQLiteStore(str(db))  # an older store is migrated here, untimed
        releases = [r for r in read_path(str(part)) if isinstance(r, Release)]
        wall = cpu = 0.0
        for batch in batched(iter(releases), 1000):
            store.save_batch(batch, "2026-01-01T00:00:00+00:00")
            start, start_cpu = time.perf_counter(), time.process_time()
            with store.transaction():
                group_stored(store, [(r, None) for r in batch])
            wall += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
        store.close()
        workers.shutdown()
    n = len(releases)
    print(json.dumps({"releases": n, "rate": round(n / wall), "cpu_rate": round(n / cpu)}))
    for label, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        count = f"{calls[label]:,}" if label in calls else ""
        print(f"{seconds:8.2f} s {count:>8}  {label}")


if __name__ == "__main__":
    main()
