#!/usr/bin/env python3
"""Embedding speed and quality, side by side: the torch path against pressdesk's ONNX embedders.

    .venv/bin/python bench/embed_speed.py                  # everything, a Markdown report
    .venv/bin/python bench/embed_speed.py --no-reuters     # without the Reuters nDCG

For each embedder of bench/embedders.py (minilm-torch: sentence-transformers on
torch, as before; minilm: the same model in fp32 on ONNX Runtime; minilm-int8:
int8 weights, pressdesk's default), in one run:

- first query: a fresh ``python -c`` process that imports the embedder, loads
  the model and embeds one query, timed from spawn to exit; the median of
  ``--reps`` runs, the embedders taking turns. The ONNX embedders also once
  with an empty cache folder (their first-ever use: the export, then the query).
- bulk: ``--texts`` Reuters stories (title and body, as release_text makes
  them) embedded with 2 threads in a child process, after a warm-up; the median
  of ``--bulk-reps`` runs, taking turns, in releases per wall second and per
  CPU second; and the cosine of each embedder's vectors to torch's.
- quality: nDCG@10 of semantic and hybrid search on the judged sets of
  bench/search_quality.py (the Reuters vectors are made once per embedder and
  kept in bench/out), on Reuters both through the HNSW graph (which differs
  from build to build) and with exact nearest neighbours.

The stories are read from ../shared at run time; nothing here is committed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from embed_corpus import read_records  # bench/, the script's folder
from embedders import MODELS, NAMES, open_bench_embedder

from pressdesk.search.embed import release_text

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

OUT = BENCH / "out"
QUERY = "carbon border tax on imports"
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl.gz"

FIRST_QUERY = {
    "minilm-torch": (
        "import sys; sys.path.insert(0, {bench!r}); from embedders import TorchMiniLM; "
        "TorchMiniLM().embed([{query!r}])"
    ),
    "onnx": (
        "from pressdesk.search.embed import open_embedder; "
        "open_embedder({name!r}, cache={cache!r}).embed([{query!r}])"
    ),
}


def first_query_seconds(name: str, cache: str) -> float:
    template = FIRST_QUERY.get(name, FIRST_QUERY["onnx"])
    code = template.format(bench=str(BENCH), name=name, cache=cache, query=QUERY)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - started


def bench_first_query(reps: int) -> dict[str, dict[str, float]]:
    for name in NAMES:  # make sure each cached model exists before timing
        first_query_seconds(name, str(MODELS))
    times: dict[str, list[float]] = {name: [] for name in NAMES}
    for _ in range(reps):
        for name in NAMES:
            times[name].append(first_query_seconds(name, str(MODELS)))
    out = {name: {"cached": statistics.median(t), "min": min(t)} for name, t in times.items()}
    for name in NAMES[1:]:
        fresh = []
        for _ in range(max(1, reps // 3)):
            with tempfile.TemporaryDirectory() as empty:
                fresh.append(first_query_seconds(name, empty))
        out[name]["export"] = statistics.median(fresh)
    return out


def stories(count: int) -> list[str]:
    """``count`` Reuters stories spread evenly over the collection."""
    records = read_records(str(CORPUS))
    step = max(1, len(records) // count)
    return [release_text(r["title"], r["body"]) for r in records[::step][:count]]


def bulk_child(name: str, count: int, save: str) -> None:
    """In a child process: embed ``count`` stories with 2 threads, print the figures."""
    texts = stories(count)
    embedder = open_bench_embedder(name, threads=2)
    embedder.embed(texts[:16])
    started, cpu = time.perf_counter(), cpu_seconds()
    vectors = embedder.embed(texts)
    wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    np.save(save, vectors)
    print(json.dumps({"wall": len(texts) / wall, "cpu": len(texts) / cpu}))


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bench_bulk(count: int, reps: int) -> dict[str, dict[str, float]]:
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in NAMES}
    for _ in range(reps):
        for name in NAMES:
            save = str(OUT / f"bulk.{name}.npy")
            child = [sys.executable, __file__, "--bulk-child", name, "--texts", str(count), "--save", save]
            done = subprocess.run(child, check=True, capture_output=True, text=True)
            runs[name].append(json.loads(done.stdout.splitlines()[-1]))
    torch = np.load(OUT / "bulk.minilm-torch.npy")
    out = {}
    for name, found in runs.items():
        near = (np.load(OUT / f"bulk.{name}.npy") * torch).sum(axis=1)
        out[name] = {
            "wall": statistics.median(r["wall"] for r in found),
            "cpu": statistics.median(r["cpu"] for r in found),
            "cos_min": float(near.min()),
            "cos_median": float(np.median(near)),
        }
    return out


def quality_scores(name: str, *options: str) -> dict[str, list[float]]:
    command = [sys.executable, str(BENCH / "search_quality.py"), "--embedder", name, "--json", *options]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    scores: dict[str, list[float]] = json.loads(done.stdout.splitlines()[-1])
    return scores


def bench_quality(reuters: bool) -> dict[str, list[float]]:
    """Semantic and hybrid nDCG@10 per embedder (bench/search_quality.py): the sample set,
    then Reuters through the HNSW graph and with exact neighbours. Reuters is skipped for
    ``minilm``: its vectors are torch's (the cosine column shows it)."""
    out = {}
    for name in NAMES:
        if not reuters or name == "minilm":
            out[name] = quality_scores(name, "--no-reuters")["sample"][1:]
            continue
        graph, exact = quality_scores(name), quality_scores(name, "--exact")
        out[name] = graph["sample"][1:] + graph["reuters"][1:] + exact["reuters"][1:]
    return out


def report(first: dict[str, Any], bulk: dict[str, Any], quality: dict[str, list[float]]) -> None:
    print("| embedder | first query, cached model | first-ever (export) | bulk releases/s "
          "(2 threads) | per CPU-s | cosine to torch (min / median) | sample sem / hyb | "
          "Reuters sem / hyb (HNSW) | Reuters sem / hyb (exact) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in NAMES:
        f, b, q = first[name], bulk[name], quality[name]
        export = f"{f['export']:.2f} s" if "export" in f else "–"
        pairs = [" / ".join(f"{s:.3f}" for s in q[at : at + 2]) or "–" for at in (0, 2, 4)]
        print(f"| {name} | {f['cached']:.2f} s (min {f['min']:.2f}) | {export} | {b['wall']:.1f} | "
              f"{b['cpu']:.1f} | {b['cos_min']:.4f} / {b['cos_median']:.4f} | {' | '.join(pairs)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=7, help="first-query runs per embedder")
    ap.add_argument("--bulk-reps", type=int, default=3)
    ap.add_argument("--texts", type=int, default=500)
    ap.add_argument("--no-reuters", action="store_true")
    ap.add_argument("--bulk-child", help=argparse.SUPPRESS)
    ap.add_argument("--save", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bulk_child:
        bulk_child(args.bulk_child, args.texts, args.save)
        return
    OUT.mkdir(exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    first = bench_first_query(args.reps)
    bulk = bench_bulk(args.texts, args.bulk_reps)
    quality = bench_quality(not args.no_reuters)
    print(f"run {started}, {args.texts} Reuters stories, {args.reps} first-query runs each\n")
    report(first, bulk, quality)
    print("\n" + json.dumps({"first_query": first, "bulk": bulk, "quality": quality}, indent=1))


if __name__ == "__main__":
    main()
