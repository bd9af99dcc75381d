#!/usr/bin/env python3
"""Embed a JSON Lines corpus once and cache the vectors (benchmark input).

    bench/embed_corpus.py ../shared/data/corpus/reuters21578.jsonl.gz bench/out/reuters
    bench/embed_corpus.py CORPUS OUT --embedder minilm-torch   # the torch path, to compare

writes OUT.npy (float32, one unit row per record, in file order) and OUT.ids
(one record id per line). The quality benchmark and the 1M hybrid latency run
reuse these vectors; nothing here is committed and nothing is downloaded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from embedders import NAMES, open_bench_embedder  # bench/, the script's folder

from pressdesk.search.embed import DEFAULT_EMBEDDER, Embedder, release_text


def read_records(path: str) -> list[dict[str, str]]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def embed_records(records: list[dict[str, str]], embedder: Embedder) -> Any:
    """One unit vector per record, with progress on stderr."""
    texts = [release_text(r["title"], r["body"]) for r in records]
    started = time.perf_counter()
    parts = []
    for at in range(0, len(texts), 1024):
        parts.append(embedder.embed(texts[at : at + 1024]))
        done = at + len(parts[-1])
        rate = done / (time.perf_counter() - started)
        print(f"{done}/{len(texts)} embedded, {rate:.1f}/s", file=sys.stderr, flush=True)
    print(f"{len(texts)} records in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return np.concatenate(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--embedder", choices=NAMES, default=DEFAULT_EMBEDDER)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    records = read_records(args.corpus)
    matrix = embed_records(records, open_bench_embedder(args.embedder, args.threads))
    np.save(f"{args.out}.npy", matrix)
    Path(f"{args.out}.ids").write_text("".join(r["id"] + "\n" for r in records), encoding="utf-8")


if __name__ == "__main__":
    main()
