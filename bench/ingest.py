#!/usr/bin/env python3
"""Ingest throughput and peak memory at growing corpus sizes.

    python bench/ingest.py [--sizes 100000 1000000] [--extract-size 10000] [--shared ../shared]

Builds each corpus once with ../shared/bench/make_corpus.py (cached in
bench/out/), then times `pressdesk ingest --quiet` into an empty store in a
fresh process: store plus full-text index, extraction off (`--no-extract`),
and once more with extraction on for a smaller corpus. Peak RSS is the child's
own maximum resident set size (wait4), which also counts the pages of index
files that tantivy maps while it merges segments (reclaimable page cache);
peak anonymous RSS (sampled from /proc five times a second) is the process's
own memory. Prints a Markdown table.

``--also DIR`` runs the same ingests, interleaved, from another checkout of
pressdesk (for instance a worktree of an earlier commit), so that a change is
compared with what came before in one run on one machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def corpus(shared: Path, size: int) -> Path:
    path = OUT / f"corpus-{size}.jsonl"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(shared / "bench/make_corpus.py"), str(size), str(path)], check=True
        )
    return path


def anon_rss(pid: int) -> int:
    """The process's anonymous resident memory in KiB (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            line = next((x for x in status if x.startswith("RssAnon:")), "RssAnon: 0 kB")
    except OSError:
        return 0
    return int(line.split()[1])


def watch_anon(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.wait(0.2):
        peak[0] = max(peak[0], anon_rss(pid))


def run_ingest(path: Path, extract: bool, code: Path) -> tuple[float, float, float]:
    """Seconds, peak RSS and peak anonymous RSS (MiB) of one ingest into an empty store,
    by the pressdesk of the checkout ``code`` (its folder is the child's working directory)."""
    db = OUT / "bench.db"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(f"{db}.index", ignore_errors=True)
    cmd = [sys.executable, "-m", "pressdesk", "--db", str(db), "ingest", "--quiet", str(path)]
    if not extract:
        cmd.insert(-1, "--no-extract")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=code)
    peak, done = [0], threading.Event()
    watcher = threading.Thread(target=watch_anon, args=(proc.pid, peak, done))
    watcher.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingest failed: {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024, peak[0] / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--extract-size", type=int, default=10_000)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--also", type=Path, action="append", default=[],
                    help="another checkout to run side by side (its folder)")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    runs = [(n, False) for n in args.sizes] + [(args.extract_size, True)]
    checkouts = [HERE.parent, *(p.resolve() for p in args.also)]
    print("| code | releases | extraction | seconds | releases/s | peak RSS (MiB)"
          " | peak anonymous RSS (MiB) |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for size, extract in runs:
        for code in checkouts:
            seconds, rss, anon = run_ingest(corpus(args.shared, size), extract, code)
            print(f"| {code.name} | {size:,} | {'on' if extract else 'off'} | {seconds:.1f} "
                  f"| {size / seconds:,.0f} | {rss:,.0f} | {anon:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
