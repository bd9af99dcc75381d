#!/usr/bin/env python3
"""Search quality: nDCG@10 of lexical, semantic and hybrid search on the judged query sets.

    .venv/bin/python bench/search_quality.py            # score both sets, print a Markdown table
    .venv/bin/python bench/search_quality.py --pool     # print the Reuters judging pool
    .venv/bin/python bench/search_quality.py --embedder minilm-torch   # another embedder

Sets: the sample releases (tests/search_quality/sample.jsonl, judged by title;
its floors are pinned by tests/test_search_quality.py) and the Reuters-21578
stories (bench/search_quality/reuters.jsonl, judged by Reuters id over the
pool of every mode's top 10; unjudged stories count as 0). The Reuters
stories are read from ../shared at run time and never copied here; their
vectors are made once per embedder and kept in bench/out/reuters.<embedder>.npy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from embed_corpus import embed_records  # noqa: E402
from embedders import NAMES, open_bench_embedder  # noqa: E402
from search_quality.quality import MODES, mean_ndcg, read_judgements  # noqa: E402

from pressdesk.models import Release  # noqa: E402
from pressdesk.readers import read_path  # noqa: E402
from pressdesk.search import search  # noqa: E402
from pressdesk.search.embed import DEFAULT_EMBEDDER, Embedder  # noqa: E402
from pressdesk.search.index import IndexDoc, SearchIndex  # noqa: E402
from pressdesk.search.vectors import VectorSet  # noqa: E402

BASE = REPO.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl.gz"
JUDGED = REPO / "bench" / "search_quality" / "reuters.jsonl"
OUT = REPO / "bench" / "out" / "quality-reuters"


class WordLlamaEmbedder:
    """The alternative measured (not shipped): wordllama's static l2_supercat 256-d embeddings,
    loaded from the files inside its wheel (its own loader would try to download a tokenizer)."""

    name = "wordllama-l2-supercat-256"
    dimensions = 256

    def __init__(self) -> None:
        import wordllama
        from safetensors import safe_open
        from wordllama import WordLlama
        from wordllama.inference import WordLlamaInference

        root = Path(wordllama.__file__).parent
        tokenizer = WordLlama.load_tokenizer(
            root / "tokenizers" / "l2_supercat_tokenizer_config.json", hf_model_id=None
        )
        with safe_open(root / "weights" / "l2_supercat_256.safetensors", "np", device="cpu") as f:
            weights = f.get_tensor("embedding.weight")
        self.model = WordLlamaInference(weights, tokenizer, binary=False)

    def embed(self, texts: list[str]) -> np.ndarray:  # type: ignore[type-arg]
        return np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)


def reuters() -> list[dict[str, str]]:
    with gzip.open(BASE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class ExactVectors:
    """Exact nearest neighbours by brute-force cosine, in place of the HNSW VectorSet: scores
    the embedder alone, without the graph's approximation (which varies from build to build)."""

    def __init__(self, ids: list[str], matrix: np.ndarray) -> None:  # type: ignore[type-arg]
        self.ids, self.matrix = ids, matrix
        self.rows = {i: n for n, i in enumerate(ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def nearest(self, vector: np.ndarray, limit: int) -> list[tuple[str, float]]:  # type: ignore[type-arg]
        similarity = self.matrix @ vector
        top = np.argsort(-similarity, kind="stable")[:limit]
        return [(self.ids[n], float(similarity[n])) for n in top]

    def get(self, release_id: str) -> np.ndarray | None:  # type: ignore[type-arg]
        row = self.rows.get(release_id)
        return None if row is None else self.matrix[row]


def build(records: list[dict[str, str]], embedder: Embedder, exact: bool = False) -> tuple[SearchIndex, Any]:
    shutil.rmtree(OUT, ignore_errors=True)
    index = SearchIndex.open(str(OUT))
    index.add(
        IndexDoc(r["id"], r["title"], r["body"], r["date"], r.get("category") or "", "Reuters")
        for r in records
    )
    index.close()
    matrix = reuters_vectors(records, embedder)
    if exact:
        return index, ExactVectors([r["id"] for r in records], matrix)
    vectors = VectorSet(embedder.name, embedder.dimensions, None)
    vectors.add([(r["id"], "") for r in records], matrix)
    return index, vectors


def reuters_vectors(records: list[dict[str, str]], embedder: Embedder) -> np.ndarray:  # type: ignore[type-arg]
    """The stories' vectors, made once per embedder and kept in bench/out."""
    path = REPO / "bench" / "out" / f"reuters.{embedder.name}.npy"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, embed_records(records, embedder))
    matrix: np.ndarray = np.load(path)  # type: ignore[type-arg]
    return matrix


def runner(index: SearchIndex, vectors: VectorSet, embedder: Embedder, mode: str):  # type: ignore[no-untyped-def]
    return lambda q: [h.id for h in search(index, q, mode=mode, vectors=vectors, embedder=embedder).hits]


def sample_scores(embedder: Embedder) -> list[float]:
    """nDCG@10 per mode on the sample releases (judged by title start)."""
    paths = [REPO / "data/samples/motir-2025-11.txt", REPO / "data/samples/ustr-2019.jsonl"]
    releases = [r for p in paths for r in read_path(str(p)) if isinstance(r, Release)]
    index = SearchIndex.open(None)
    index.add(IndexDoc(r.id, r.title, r.body, r.date, r.category, r.source) for r in releases)
    index.commit()
    vectors = VectorSet(embedder.name, embedder.dimensions, None)
    texts = [f"{r.title}\n\n{r.body}" for r in releases]
    vectors.add([(r.id, r.content_hash) for r in releases], embedder.embed(texts))
    judged = read_judgements(REPO / "tests" / "search_quality" / "sample.jsonl")
    keys = {k for j in judged for k in j.relevant}
    titles = {r.id: r.title for r in releases}

    def key(release_id: str) -> str:
        return next((k for k in keys if titles[release_id].startswith(k)), release_id)

    def run(mode: str):  # type: ignore[no-untyped-def]
        ranked = runner(index, vectors, embedder, mode)
        return lambda q: [key(i) for i in ranked(q)]

    return [mean_ndcg(run(m), judged) for m in MODES]


def print_pool(index: SearchIndex, vectors: VectorSet, embedder: Embedder,
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


def reuters_scores(embedder: Embedder, exact: bool = False) -> list[float]:
    """nDCG@10 per mode on the Reuters stories (vectors made once, see reuters_vectors)."""
    index, vectors = build(reuters(), embedder, exact)
    judged = read_judgements(JUDGED)
    return [mean_ndcg(runner(index, vectors, embedder, m), judged) for m in MODES]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", action="store_true")
    ap.add_argument("--embedder", choices=[*NAMES, "wordllama"], default=DEFAULT_EMBEDDER)
    ap.add_argument("--json", action="store_true", help="print {set: [lexical, semantic, hybrid]}")
    ap.add_argument("--no-reuters", action="store_true", help="the sample set only")
    ap.add_argument("--exact", action="store_true", help="Reuters: exact nearest neighbours, not HNSW")
    args = ap.parse_args()
    embedder = WordLlamaEmbedder() if args.embedder == "wordllama" else open_bench_embedder(args.embedder, 2)
    if args.pool:
        records = reuters()
        print_pool(*build(records, embedder), embedder, records)
        return
    scores = {"sample": sample_scores(embedder)}
    if not args.no_reuters:
        scores["reuters"] = reuters_scores(embedder, args.exact)
    if args.json:
        print(json.dumps(scores))
        return
    print(f"embedder: {embedder.name}")
    print("| set | queries | lexical | semantic | hybrid |\n|---|---:|---:|---:|---:|")
    cells = " | ".join(f"{s:.3f}" for s in scores["sample"])
    print(f"| sample: MOTIR + USTR releases (19) | 32 | {cells} |")
    if "reuters" in scores:
        cells = " | ".join(f"{s:.3f}" for s in scores["reuters"])
        print(f"| Reuters-21578 (18,261 stories) | {len(read_judgements(JUDGED))} | {cells} |")


if __name__ == "__main__":
    main()
