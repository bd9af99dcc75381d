#!/usr/bin/env python3
"""Collection from a fixture site on localhost: requests and time of a first collection,
of a second one with nothing new, and of one after the site published more.

    python bench/collect.py [--articles 2000] [--per-page 20]

Serves tests/ministry_site.py (a ministry's listing, 20 articles a page, ETags
and Last-Modified on every response) from a thread of this process and runs
`pressdesk --db STORE collect --wait 0 --quiet` in a fresh process each time,
timing it from start to exit (process start-up included; CPU seconds are the
process's own, which the machine's load does not inflate), with the politeness
wait set to 0 on localhost. Requests are counted by the server. Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from ministry_site import Site, articles, serve  # noqa: E402

PROFILE = REPO / "tests" / "fixtures" / "collect" / "site.toml"


def pressdesk(db: Path, *args: str) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one command in a fresh process, and what it printed."""
    started, cpu = time.monotonic(), _children_cpu()
    done = subprocess.run([sys.executable, "-m", "pressdesk", "--db", str(db), *args],
                          capture_output=True, text=True, check=True)
    return time.monotonic() - started, _children_cpu() - cpu, done.stdout.strip()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def collect(site: Site, db: Path, label: str) -> str:
    site.log.clear()
    seconds, cpu, report = pressdesk(db, "collect", "--wait", "0", "--quiet")
    listing = len(site.paths("/news/list"))
    pages = len(site.paths("/news/view/"))
    not_modified = site.statuses(304)
    print(f"  {report}", file=sys.stderr)
    return (f"| {label} | {len(site.log):,} | {listing} | {pages:,} | {not_modified} | "
            f"{seconds:.1f} | {cpu:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-page", type=int, default=20)
    parser.add_argument("--new", type=int, default=20, help="Articles published before the third run.")
    args = parser.parse_args()
    everything = articles(args.articles + args.new)
    rows = ["| run | requests | listing pages | article pages | 304s | seconds | CPU seconds |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as folder, serve(Site(everything[args.new:], args.per_page)) as site:
        db = Path(folder) / "bench.db"
        pressdesk(db, "source", "add", "ministry", site.url("/news/list?page=1"), "--profile", str(PROFILE))
        rows.append(collect(site, db, f"first ({args.articles:,} articles, "
                                      f"{-(-args.articles // args.per_page)} listing pages)"))
        rows.append(collect(site, db, "second (nothing new)"))
        site.items = everything
        rows.append(collect(site, db, f"third ({args.new} new articles)"))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
