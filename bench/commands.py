#!/usr/bin/env python3
"""The desk's reading commands on a large store: wall seconds and peak memory of each.

    python bench/commands.py DB [--since 1987-03-01] [--until 1987-03-31]

Runs, each in a fresh process against the store DB (built beforehand, for
instance with ``pressdesk --db DB ingest bench/out/corpus-100000.jsonl``):
``stories``, ``story`` (of the largest story listed), ``entities``,
``entity`` (of the most mentioned one), ``brief`` of one month as Markdown,
HTML and PDF, ``figures``, ``search``, and a watch: ``watch add``, an ingest
of ``--feed`` (the sample releases by default), ``watch run`` (which must
deliver what of the feed matches) and ``watch run`` again (nothing new). Checks that each command
succeeded and said something, and prints a Markdown table. Briefs and the
watch are written under a temporary directory and the watch removed after.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(db: str, *args: str) -> tuple[float, float, str]:
    """(wall seconds, peak RSS of the command in MiB, standard output) of one command."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, sys.executable, "-m",
                               "pressdesk", "--db", db, *args], capture_output=True, text=True,
                              check=False)
        seconds = time.perf_counter() - start
        peak_kib = int(rss.read().split()[-1])
    if done.returncode != 0:
        raise SystemExit(f"pressdesk {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, peak_kib / 1024, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--since", default="1987-03-01")
    ap.add_argument("--until", default="1987-03-31")
    ap.add_argument("--feed", default=str(Path(__file__).resolve().parent.parent
                                          / "data/samples/motir-2025-11.txt"))
    ap.add_argument("--watch-query", default="exports")
    args = ap.parse_args()
    db, rows = args.db, []

    def timed(label: str, *command: str) -> str:
        seconds, peak, out = run(db, *command)
        if not out.strip() and "-o" not in command and "--atom" not in command:
            raise SystemExit(f"pressdesk {' '.join(command)} printed nothing")
        rows.append((label, seconds, peak))
        return out

    stories = json.loads(timed("stories --json (newest 20)", "stories", "--limit", "20", "--json"))
    stories = stories or json.loads(run(db, "stories", "--all", "--limit", "20", "--json")[2])
    largest = max(stories, key=lambda s: s["size"])
    timed(f"story (of {largest['size']} releases)", "story", largest["id"])
    entities = json.loads(timed("entities --json (20)", "entities", "--limit", "20", "--json"))
    timed(f"entity ({entities[0]['name']})", "entity", str(entities[0]["id"]), "--json")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("md", "html", "pdf"):
            out = Path(tmp) / f"brief.{fmt}"
            timed(f"brief {args.since}..{args.until} --format {fmt}", "brief", "--since", args.since,
                  "--until", args.until, "--format", fmt, "-o", str(out))
            if out.stat().st_size < 1000:
                raise SystemExit(f"{out}: {out.stat().st_size} bytes")
        timed("figures", "figures")
        timed("search (lexical, 10)", "search", "oil prices opec", "--limit", "10")
        name = f"bench-{os.getpid()}"
        timed(f"watch add ({args.watch_query})", "watch", "add", name, args.watch_query)
        try:
            timed("ingest --feed", "ingest", "--quiet", args.feed)
            first = json.loads(timed("watch run (the feed's matches)", "watch", "run", name, "--json"))
            again = json.loads(timed("watch run (again: nothing new)", "watch", "run", name, "--json"))
        finally:
            run(db, "watch", "remove", name)
    delivered = [len(w["items"]) for w in first], [len(w["items"]) for w in again]
    if not delivered[0][0] or delivered[1][0]:
        raise SystemExit(f"the watch delivered {delivered[0]} then {delivered[1]} items")
    print(f"watch: the first run delivered {delivered[0][0]} items, the second {delivered[1][0]}")
    print("| command | seconds | peak RSS (MiB) |\n|---|---:|---:|")
    for label, seconds, peak in rows:
        print(f"| {label} | {seconds:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
