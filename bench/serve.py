#!/usr/bin/env python3
"""Serving speed: `pressdesk serve` driven by concurrent clients (wrk), alone and while
`pressdesk ingest` adds releases to the same store.

    .venv/bin/python bench/serve.py                      # 100k releases, +50k during ingest
    .venv/bin/python bench/serve.py --size 10000 --extra 5000 --duration 10   # a quick look

The corpus comes from ``../shared/bench/make_corpus.py SIZE+EXTRA`` (cached in
bench/out/serve/): the first SIZE releases are ingested once, with extraction,
into a store kept as a pristine copy; every run starts from a fresh copy of it.
The server is the real command (`pressdesk serve`, one process, uvicorn with
httptools and uvloop) on a local port. wrk (Debian's package; C, so the load
generator takes little of the two cores) keeps CONNECTIONS connections busy for
DURATION seconds per scenario, each request taking the next URL of a list:

- search API: ``/api/search?q=Q&limit=10`` for every query of
  ``../shared/bench/queries.txt`` (98; lexical, top 10 with snippets);
- release page: ``/releases/ID`` (the HTML page: facts highlighted and linked,
  entities, figures) for 2,000 ids drawn at random.

Each scenario runs flat out (every connection sends its next request as soon as the
answer arrives: the most the server answers, latency then mostly queueing) and
paced (each connection pauses between requests so that together they offer about
RATE requests/s, 300 by default: the issue's "16 clients, at least 300 requests/s").

Each runs alone, then again while `pressdesk ingest` (extraction on, nice 10 as it
always runs) adds EXTRA releases. Requests/s and the latency percentiles come from
wrk's own histogram (a Lua ``done`` hook prints them as JSON); any error or non-2xx
answer is counted and reported, and the server's own CPU time per request is read
from /proc (other work on shared cores inflates latency, hardly that). Results:
bench/out/serve/results.jsonl and a Markdown table on standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MAKE_CORPUS = SHARED / "bench" / "make_corpus.py"
QUERIES = SHARED / "bench" / "queries.txt"
OUT = REPO / "bench" / "out" / "serve"
PRESSDESK = REPO / ".venv" / "bin" / "pressdesk"

WRK_SCRIPT = r"""
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local i = 0
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  i = math.random(#paths)
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
  delay = function() return pause end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def run(command: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(map(str, command)), file=sys.stderr)
    return subprocess.run(command, check=True, text=True, **kw)


def corpus(size: int, extra: int) -> tuple[Path, Path]:
    """The first ``size`` releases and the ``extra`` after them, as JSON Lines files."""
    base, more = OUT / f"base-{size}.jsonl", OUT / f"extra-{size}-{extra}.jsonl"
    if not (base.exists() and more.exists()):
        whole = OUT / f"corpus-{size + extra}.jsonl"
        if not whole.exists():
            run([sys.executable, str(MAKE_CORPUS), str(size + extra), str(whole)])
        with whole.open() as lines, base.open("w") as first, more.open("w") as rest:
            for n, line in enumerate(lines):
                (first if n < size else rest).write(line)
    return base, more


def pristine(size: int, base: Path) -> Path:
    """A store of the first ``size`` releases, ingested once (extraction on) and kept."""
    db = OUT / f"pristine-{size}.db"
    if not db.exists():
        started = time.monotonic()
        run([str(PRESSDESK), "--db", str(db), "ingest", str(base), "--quiet"])
        print(f"built {db} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return db


def working_copy(db: Path) -> Path:
    """A fresh copy of the pristine store and its index, for one run to change."""
    work = OUT / "work.db"
    for path in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        path.unlink(missing_ok=True)
    shutil.rmtree(f"{work}.index", ignore_errors=True)
    shutil.copyfile(db, work)
    shutil.copytree(f"{db}.index", f"{work}.index")
    return work


def url_lists(db: Path, count: int = 2000) -> dict[str, Path]:
    queries = [q for q in QUERIES.read_text().splitlines() if q.strip()]
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM releases")]
    random.Random(7).shuffle(ids)
    lists = {
        "search API": [f"/api/search?q={quote(q)}&limit=10" for q in queries],
        "release page": [f"/releases/{i}" for i in ids[:count]],
    }
    files = {}
    for name, urls in lists.items():
        path = OUT / f"urls-{name.replace(' ', '-')}.txt"
        path.write_text("\n".join(urls) + "\n")
        files[name] = path
    return files


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[str]:
    server = subprocess.Popen([str(PRESSDESK), "--db", str(db), "serve", "--port", str(port)],
                              text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within two minutes")


def wrk(port: int, urls: Path, connections: int, duration: int, pause: float = 0.0) -> dict[str, Any]:
    """wrk's figures for one scenario; with ``pause``, each connection waits that many
    milliseconds between an answer and its next request (a paced client)."""
    script = OUT / "wrk.lua"
    script.write_text(WRK_SCRIPT)
    done = run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s",
                str(script), f"http://127.0.0.1:{port}"], capture_output=True,
               env={"PATHS": str(urls), "PATH": "/usr/bin:/bin", "DELAY_MS": f"{pause:.0f}"})
    found = json.loads(done.stdout.strip().splitlines()[-1])
    seconds = found["duration_us"] / 1e6
    return {"requests": found["requests"], "rps": found["requests"] / seconds,
            "p50_ms": found["p50_us"] / 1000, "p90_ms": found["p90_us"] / 1000,
            "p99_ms": found["p99_us"] / 1000, "max_ms": found["max_us"] / 1000,
            "errors": found["errors"], "non2xx": found["non2xx"]}


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system, every thread) process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def measure(server: subprocess.Popen[str], port: int, lists: dict[str, Path],
            args: argparse.Namespace, when: str) -> list[dict[str, Any]]:
    """Each scenario flat out (as many requests as the server answers) and paced (each
    client pausing so that together they offer about ``--rate`` requests/s), with the
    server's own CPU time per request (what other work on the machine does not inflate)."""
    pause = 1000 * args.connections / args.rate * 0.95  # the rest of each cycle is the answer
    rows = []
    for name, urls in lists.items():
        for load_kind, wait in (("flat out", 0.0), (f"paced ({args.rate}/s offered)", pause)):
            load, cpu = load_average(), cpu_seconds(server.pid)
            found = wrk(port, urls, args.connections, args.duration, wait)
            found["cpu_ms"] = 1000 * (cpu_seconds(server.pid) - cpu) / max(found["requests"], 1)
            rows.append({"scenario": name, "load_kind": load_kind, "when": when, "load": load,
                         **found})
            print(json.dumps(rows[-1]), file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--extra", type=int, default=50_000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=20, help="seconds per scenario")
    parser.add_argument("--rate", type=int, default=300,
                        help="requests/s the paced clients offer together")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    base, more = corpus(args.size, args.extra)
    work = working_copy(pristine(args.size, base))
    lists = url_lists(work)
    port = free_port()
    server = serve(work, port)
    try:
        for urls in lists.values():  # warm up: page cache, templates, the index's readers
            wrk(port, urls, args.connections, 5)
        rows = measure(server, port, lists, args, "alone")
        started = time.monotonic()
        ingest = subprocess.Popen([str(PRESSDESK), "--db", str(work), "ingest", str(more), "--quiet"],
                                  stdout=subprocess.PIPE, text=True)
        time.sleep(3)  # past start-up: reading, extracting and storing
        during = measure(server, port, lists, args, "during ingest")
        still = ingest.poll() is None
        report = ingest.communicate()[0].strip()
        took = time.monotonic() - started
        for row in during:
            row["ingest"] = f"{report} in {took:.0f} s" + ("" if still else " (ended before the runs did)")
        rows += during
    finally:
        server.terminate()
        server.wait(30)
    with (OUT / "results.jsonl").open("a") as out:
        for row in rows:
            out.write(json.dumps(row | {"size": args.size, "connections": args.connections,
                                        "duration": args.duration}) + "\n")
    print("| scenario | clients | when | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
          " server CPU ms/request | load |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['scenario']} | {r['load_kind']} | {r['when']} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | "
              f"{r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.0f} | "
              f"{r['errors'] + r['non2xx']} | {r['cpu_ms']:.2f} | {r['load']} |")


if __name__ == "__main__":
    main()
