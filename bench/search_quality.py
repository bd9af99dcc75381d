#!/usr/bin/env python3
"""Search quality: nDCG@10 of lexical, semantic and hybrid search on the judged query sets.

    .venv/bin/python bench/search_quality.py            # score both sets, print a Markdown table
    .venv/bin/python bench/search_quality.py --pool     # print the Reuters judging pool

Sets: the sample releases (tests/search_quality/sample.jsonl, judged by title;
its floors are pinned by tests/test_search_quality.py) and the Reuters-21578
stories (bench/search_quality/reuters.jsonl, judged by Reuters id over the
pool of every mode's top 10; unjudged stories count as 0). The Reuters
stories are read from ../shared at run time and never copied here; their
vectors come from bench/out/reuters.npy (bench/embed_corpus.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from search_quality.quality import MODES, mean_ndcg, read_judgements  # noqa: E402

from pressdesk.embed import MiniLMEmbedder  # noqa: E402
from pressdesk.index import IndexDoc, SearchIndex  # noqa: E402
from pressdesk.search import search  # noqa: E402
from pressdesk.vectors import VectorSet  # noqa: E402

BASE = REPO.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl.gz"
JUDGED = REPO / "bench" / "search_quality" / "reuters.jsonl"
OUT = REPO / "bench" / "out" / "quality-reuters"


def reuters() -> list[dict[str, str]]:
    with gzip.open(BASE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(records: list[dict[str, str]], embedder: MiniLMEmbedder) -> tuple[SearchIndex, VectorSet]:
    shutil.rmtree(OUT, ignore_errors=True)
    index = SearchIndex.open(str(OUT))
    index.add(
        IndexDoc(r["id"], r["title"], r["body"], r["date"], r.get("category") or "", "Reuters")
        for r in records
    )
    index.close()
    matrix = np.load(REPO / "bench" / "out" / "reuters.npy")
    vectors = VectorSet(embedder.name, embedder.dimensions, None)
    vectors.add([(r["id"], "") for r in records], matrix)
    return index, vectors


def runner(index: SearchIndex, vectors: VectorSet, embedder: MiniLMEmbedder, mode: str):  # type: ignore[no-untyped-def]
    return lambda q: [h.id for h in search(index, q, mode=mode, vectors=vectors, embedder=embedder).hits]


def print_pool(index: SearchIndex, vectors: VectorSet, embedder: MiniLMEmbedder,
               records: list[dict[str, str]]) -> None:
    by_id = {r["id"]: r for r in records}
    for judged in read_judgements(JUDGED):
        pool: dict[str, None] = {}
        for mode in MODES:
            pool.update(dict.fromkeys(runner(index, vectors, embedder, mode)(judged.query)))
        print(f"\n## {judged.query}")
        for i in pool:
            r = by_id[i]
            grade = judged.relevant.get(i, "?")
            body = " ".join(r["body"].split())[:160]
            print(f"{grade} {i} [{r.get('category')}] {r['title'][:70]} | {body}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", action="store_true")
    args = ap.parse_args()
    embedder = MiniLMEmbedder()
    records = reuters()
    index, vectors = build(records, embedder)
    if args.pool:
        print_pool(index, vectors, embedder, records)
        return
    judged = read_judgements(JUDGED)
    print("| set | queries | lexical | semantic | hybrid |\n|---|---:|---:|---:|---:|")
    scores = [mean_ndcg(runner(index, vectors, embedder, m), judged) for m in MODES]
    cells = " | ".join(f"{s:.3f}" for s in scores)
    print(f"| Reuters-21578 (18,261 stories) | {len(judged)} | {cells} |")


if __name__ == "__main__":
    main()
