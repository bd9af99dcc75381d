#!/usr/bin/env python3
"""Story grouping: releases/s and peak memory at growing corpus sizes, and story sizes.

    python bench/stories.py [--sizes 100000 1000000] [--shared ../shared] [--largest 30] [--tail 5000]

Builds each corpus once with ../shared/bench/make_corpus.py (cached in
bench/out/), then, in a fresh process per size, reads it and runs the grouping
step alone over an empty SQLite store (``pressdesk.stories.group_stored``,
one transaction per 1,000 releases, extraction off: the releases' words, not
their facts), timing it apart from reading. A batch's texts are read by a worker
process meanwhile (``pressdesk.stories.workers``), so the rates are wall-clock
releases/s, with the CPU-seconds of this process and of the worker apart.
Prints releases/s (overall, and over the last ``--tail`` releases: the rate a store
of that size goes on at), how many grouped releases each was compared with on average
(the candidates its blocking keys found: what grouping's time grows with), peak RSS
(this process, and the worker), the distribution of story sizes and (``--largest N``)
the titles of the N largest stories of the first size, for reading by hand. Nothing of
the corpus is written anywhere else.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def corpus(shared: Path, size: int) -> Path:
    path = OUT / f"corpus-{size}.jsonl"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, str(shared / "bench/make_corpus.py"), str(size), str(path)], check=True
        )
    return path


def run_one(path: Path, db: Path, largest: int, tail: int) -> dict[str, object]:
    """Group every release of ``path`` into a fresh store at ``db`` (in this process); the
    last ``tail`` releases are also timed apart (the rate a store of that size goes on at)."""
    from pressdesk import workers
    from pressdesk.ingest import batched
    from pressdesk.models import Release
    from pressdesk.readers import read_path
    from pressdesk.store.sqlite import SQLiteStore
    from pressdesk.stories import group_stored

    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    store = SQLiteStore(str(db))
    releases = (r for r in read_path(str(path)) if isinstance(r, Release))
    count, merges = 0, 0
    batches: list[tuple[int, float, float, int]] = []  # releases, seconds, CPU, compared
    for batch in batched(releases, 1000):
        store.save_batch(batch, "2026-01-01T00:00:00+00:00")  # for the titles, untimed
        start, start_cpu = time.perf_counter(), time.process_time()
        with store.transaction():
            done = group_stored(store, [(r, None) for r in batch])
        batches.append((len(batch), time.perf_counter() - start, time.process_time() - start_cpu,
                        sum(g.compared for g in done)))
        count += len(batch)
        merges += sum(len(g.merged) for g in done)
    grouping, cpu = sum(b[1] for b in batches), sum(b[2] for b in batches)
    compared = sum(b[3] for b in batches)
    last = batches[-max(1, tail // 1000):]
    n_last = sum(b[0] for b in last)
    sizes = Counter(size for (size,) in store.db.execute(
        "SELECT size FROM stories WHERE merged_into IS NULL"))
    top = store.db.execute(
        "SELECT id, size FROM stories WHERE merged_into IS NULL ORDER BY size DESC, seq LIMIT ?",
        (largest,)).fetchall()
    stories = [{"id": sid, "size": size, "titles": [
        f"{d} {t}" for t, d in store.db.execute(
            "SELECT r.title, r.date FROM story_members m JOIN releases r ON r.id = m.release_id"
            " WHERE m.story_id = ? ORDER BY m.seq LIMIT 8", (sid,))]} for sid, size in top]
    store.close()
    workers.shutdown()  # its CPU time and memory are then counted among the children
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"releases": count, "seconds": grouping, "rate": count / grouping,
            "cpu_rate": count / cpu, "compared": compared / count, "tail": n_last,
            "tail_rate": n_last / sum(b[1] for b in last),
            "tail_compared": sum(b[3] for b in last) / n_last,
            "worker_cpu": child.ru_utime + child.ru_stime, "merges": merges,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_rss_mib": child.ru_maxrss / 1024,
            "sizes": sorted(sizes.items()), "largest": stories}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--largest", type=int, default=0)
    ap.add_argument("--tail", type=int, default=5000, help="releases at the end timed apart")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # the child: CORPUS DB
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), Path(args.one[1]), args.largest, args.tail)))
        return
    print("| releases | grouping seconds | releases/s | per CPU-second (grouper) | compared per"
          " release | the last (releases/s, compared) | worker CPU-seconds | merges"
          " | peak RSS (MiB, grouper / worker) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    reports = []
    for size in args.sizes:
        path = corpus(args.shared, size)
        cmd = [sys.executable, __file__, "--one", str(path), str(OUT / "stories.db"),
               "--largest", str(args.largest), "--tail", str(args.tail)]
        report = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        reports.append(report)
        print(f"| {report['releases']:,} | {report['seconds']:.1f} | {report['rate']:,.0f} |"
              f" {report['cpu_rate']:,.0f} | {report['compared']:.1f} |"
              f" {report['tail']:,}: {report['tail_rate']:,.0f}, {report['tail_compared']:.1f} |"
              f" {report['worker_cpu']:.1f} |"
              f" {report['merges']:,} | {report['peak_rss_mib']:.0f} / {report['worker_rss_mib']:.0f} |",
              flush=True)
    for report in reports:
        print(f"\nstory sizes at {report['releases']:,}: "
              + ", ".join(f"{size}: {n:,}" for size, n in report["sizes"]))
    if args.largest:
        for story in reports[0]["largest"]:
            print(f"\n{story['id']} ({story['size']} releases)")
            print("\n".join(f"    {t}" for t in story["titles"]))


if __name__ == "__main__":
    main()
