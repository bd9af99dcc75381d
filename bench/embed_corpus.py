#!/usr/bin/env python3
"""Embed a JSON Lines corpus once with the real model and cache the vectors (benchmark input).

    bench/embed_corpus.py ../shared/data/corpus/reuters21578.jsonl.gz bench/out/reuters

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

import numpy as np

from pressdesk.search.embed import MiniLMEmbedder, release_text


def read_records(path: str) -> list[dict[str, str]]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    records = read_records(args.corpus)
    embedder = MiniLMEmbedder(batch_size=args.batch, threads=args.threads)
    texts = [release_text(r["title"], r["body"]) for r in records]
    started = time.perf_counter()
    parts = []
    for at in range(0, len(texts), 1024):
        parts.append(embedder.embed(texts[at : at + 1024]))
        done = at + len(parts[-1])
        rate = done / (time.perf_counter() - started)
        print(f"{done}/{len(texts)} embedded, {rate:.1f}/s", file=sys.stderr, flush=True)
    out = Path(args.out)
    np.save(out.with_suffix(".npy"), np.concatenate(parts))
    out.with_suffix(".ids").write_text("".join(r["id"] + "\n" for r in records), encoding="utf-8")
    print(f"{len(texts)} records in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
