#!/usr/bin/env python3
"""Search speed: pressdesk beside raw SQLite FTS5 and raw tantivy, on the same corpus and queries.

    .venv/bin/python bench/search.py --sizes 10000 100000            # lexical, three engines
    .venv/bin/python bench/search.py --sizes 100000 --hybrid --ingest  # + semantic/hybrid, + ingest

For each size N it builds the corpus with ``../shared/bench/make_corpus.py N``
(cached in bench/out/), builds one index per engine, runs every query of
``../shared/bench/queries.txt`` (top 10 with snippets) for a warm-up round and
then ROUNDS timed rounds, each query on every engine in turn, and reports
p50/p99 latency, index size and build time, one JSON line per engine in
bench/out/search.jsonl and a Markdown table.

--hybrid also times semantic and hybrid search (query embedding included) over
an HNSW vector set. Embedding a million releases on two cores takes hours, so
the release vectors come from bench/out/reuters.npy (bench/embed_corpus.py:
the 18,261 real stories, embedded once): a remix, which mixes the sentences of
stories a and b, gets the normalised sum of their vectors.

--ingest times pressdesk's queries again while another process adds releases
to the same index and commits every 5,000.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MAKE_CORPUS = SHARED / "bench" / "make_corpus.py"
QUERIES = SHARED / "bench" / "queries.txt"
BASE = SHARED / "data" / "corpus" / "reuters21578.jsonl.gz"
ROUNDS = 3
LIMIT = 10

sys.path.insert(0, str(REPO))

import tantivy  # noqa: E402

from pressdesk.models import Release  # noqa: E402
from pressdesk.search import search  # noqa: E402
from pressdesk.search.index import IndexDoc, SearchIndex, index_doc  # noqa: E402

Record = dict[str, Any]


@dataclass(frozen=True)
class Figures:
    engine: str
    size: int
    build_s: float
    index_mb: float
    p50_ms: float
    p99_ms: float
    note: str = ""


# ---- corpus -------------------------------------------------------------------------------------


def corpus_path(n: int, out: Path) -> Path:
    path = out / f"corpus-{n}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(n), str(tmp)], check=True)
        tmp.rename(path)
    return path


def read_records(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def read_queries() -> list[str]:
    return [q.strip() for q in QUERIES.read_text(encoding="utf-8").splitlines() if q.strip()]


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def time_queries(run: Callable[[str], object], queries: list[str], rounds: int = ROUNDS) -> list[float]:
    for q in queries:  # warm-up
        run(q)
    times: list[float] = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            run(q)
            times.append((time.perf_counter() - started) * 1000)
    return times


# ---- raw SQLite FTS5 ------------------------------------------------------------------------------

FTS_WORD = re.compile(r'"[^"]*"|\S+')


def fts5_query(q: str) -> str:
    """Each word quoted (FTS5 syntax safe), phrases kept; FTS5's implicit AND between them."""
    return " ".join(t if t.startswith('"') else '"' + t.replace('"', "") + '"' for t in FTS_WORD.findall(q))


class Fts5:
    name = "sqlite-fts5"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "fts5.db"

    def build(self, records: Iterator[Record]) -> None:
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')"
        )
        batch: list[tuple[str, str, str]] = []
        for r in records:
            batch.append((r["id"], r["title"], r["body"]))
            if len(batch) == 10_000:
                db.executemany("INSERT INTO docs VALUES (?, ?, ?)", batch)
                batch = []
        db.executemany("INSERT INTO docs VALUES (?, ?, ?)", batch)
        db.commit()
        db.close()

    def open(self) -> Callable[[str], object]:
        db = sqlite3.connect(self.path)
        sql = (
            "SELECT id, title, snippet(docs, 2, '[', ']', '…', 24), bm25(docs) FROM docs "
            "WHERE docs MATCH ? ORDER BY rank LIMIT ?"
        )
        return lambda q: db.execute(sql, (fts5_query(q), LIMIT)).fetchall()

    def size_mb(self) -> float:
        return folder_mb(self.path)


# ---- raw tantivy -----------------------------------------------------------------------------------


class TantivyRaw:
    name = "tantivy-raw"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "tantivy-raw"

    def schema(self) -> tantivy.Schema:
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
        sb.add_text_field("body", stored=True, tokenizer_name="en_stem")
        return sb.build()

    def build(self, records: Iterator[Record]) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        index = tantivy.Index(self.schema(), path=str(self.path))
        writer = index.writer(200_000_000, 0)
        for r in records:
            writer.add_document(tantivy.Document(id=r["id"], title=r["title"], body=r["body"]))
        writer.commit()
        writer.wait_merging_threads()

    def open(self) -> Callable[[str], object]:
        index = tantivy.Index(self.schema(), path=str(self.path))
        schema = index.schema

        def run(q: str) -> object:
            searcher = index.searcher()
            query = index.parse_query(q, ["title", "body"])
            snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "body")
            out = []
            for score, address in searcher.search(query, LIMIT).hits:
                doc = searcher.doc(address)
                out.append((doc["id"][0], score, snippets.snippet_from_doc(doc).to_html()))
            return out

        return run

    def size_mb(self) -> float:
        return folder_mb(self.path)


# ---- pressdesk -----------------------------------------------------------------------------------


def to_release(r: Record) -> Release:
    return Release(
        id=r["id"],
        title=r["title"],
        date=r["date"],
        body=r["body"],
        category=r.get("category") or "",
        source=r.get("source") or "",
    )


def add_all(index: SearchIndex, docs: Iterator[IndexDoc], every: int = 50_000) -> int:
    """Add in batches with a commit after each, as ingest does; returns how many."""
    n = 0
    batch: list[IndexDoc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == every:
            index.add(batch)
            index.commit()
            n, batch = n + len(batch), []
    index.add(batch)
    index.close()
    return n + len(batch)


class Pressdesk:
    name = "pressdesk"

    def __init__(self, folder: Path) -> None:
        self.path = folder / "pressdesk.db.index"

    def build(self, records: Iterator[Record]) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        add_all(SearchIndex.open(str(self.path)), (index_doc(to_release(r), None) for r in records))

    def open(self) -> Callable[[str], object]:
        index = SearchIndex.open(str(self.path))
        return lambda q: search(index, q, limit=LIMIT)

    def size_mb(self) -> float:
        return folder_mb(self.path)


ENGINES: dict[str, Callable[[Path], Any]] = {
    "sqlite-fts5": Fts5,
    "tantivy-raw": TantivyRaw,
    "pressdesk": Pressdesk,
}


def build_engine(name: str, corpus: Path, folder: Path, reuse: bool = False) -> tuple[Any, float]:
    """Build (or, with reuse, take the one built before and its recorded time)."""
    engine = ENGINES[name](folder)
    record = folder / f"{name}.build.json"
    if reuse and record.exists():
        return engine, float(json.loads(record.read_text())["build_s"])
    started = time.perf_counter()
    engine.build(read_records(corpus))
    built = time.perf_counter() - started
    record.write_text(json.dumps({"build_s": built}))
    return engine, built


def time_side_by_side(
    runners: dict[str, Callable[[str], object]], queries: list[str], rounds: int = ROUNDS
) -> dict[str, list[float]]:
    """Each query on every engine in turn, so that a busy moment falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runners}
    for round_ in range(rounds + 1):  # the first round warms up
        for q in queries:
            for name, run in runners.items():
                started = time.perf_counter()
                run(q)
                if round_:
                    times[name].append((time.perf_counter() - started) * 1000)
    return times


def bench_engines(
    names: list[str], n: int, corpus: Path, folder: Path, queries: list[str], reuse: bool
) -> list[Figures]:
    built = {name: build_engine(name, corpus, folder, reuse) for name in names}
    times = time_side_by_side({name: e.open() for name, (e, _) in built.items()}, queries)
    return [
        Figures(name, n, round(seconds, 1), round(engine.size_mb(), 1),
                round(percentile(times[name], 50), 2), round(percentile(times[name], 99), 2))
        for name, (engine, seconds) in built.items()
    ]


# ---- semantic and hybrid ---------------------------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def remix_sources(n: int, base: list[Record], seed: int = 7) -> Iterator[tuple[int, int | None]]:
    """(story a, story b) of every release make_corpus.py writes, replaying its random choices."""
    lengths = [len(SENTENCE.split(r["body"])) for r in base]
    rng = random.Random(seed)
    for i in range(n):
        a = i % len(base)
        if i < len(base):
            yield a, None
            continue
        b = rng.randrange(len(base))
        mixed = list(range(lengths[a] + lengths[b]))
        rng.shuffle(mixed)
        yield a, b


def release_vectors(n: int, vectors_path: Path) -> Any:
    import numpy as np

    with gzip.open(BASE, "rt", encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    if not vectors_path.with_suffix(".npy").exists():  # first run: embed the real stories once
        embed = Path(__file__).resolve().parent / "embed_corpus.py"
        subprocess.run([sys.executable, str(embed), str(BASE), str(vectors_path)], check=True)
    real = np.load(vectors_path.with_suffix(".npy"))
    out = np.empty((n, real.shape[1]), dtype=np.float32)
    for i, (a, b) in enumerate(remix_sources(n, base)):
        out[i] = real[a] if b is None else real[a] + real[b]
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def bench_facets(n: int, folder: Path, queries: list[str]) -> Figures:
    index = SearchIndex.open(str(Pressdesk(folder).path))
    times = time_queries(lambda q: search(index, q, limit=LIMIT, facets=True), queries)
    return Figures("pressdesk-with-facets", n, 0.0, 0.0, round(percentile(times, 50), 2),
                   round(percentile(times, 99), 2), "7 facets counted over all matches")


def build_vectors(vectors: Any, n: int, corpus: Path, vectors_path: Path) -> float:
    """Fill and save the HNSW set; returns the seconds it took (vector reuse not counted)."""
    matrix = release_vectors(n, vectors_path)
    ids = [(r["id"], "") for r in read_records(corpus)]
    started = time.perf_counter()
    for at in range(0, n, 50_000):
        vectors.add(ids[at : at + 50_000], matrix[at : at + 50_000])
    vectors.save("")
    return time.perf_counter() - started


def bench_semantic(
    n: int, corpus: Path, folder: Path, queries: list[str], vectors_path: Path, reuse: bool
) -> list[Figures]:
    from embedders import open_bench_embedder

    from pressdesk.search.embed import DEFAULT_EMBEDDER
    from pressdesk.search.vectors import VectorSet

    embedder = open_bench_embedder(DEFAULT_EMBEDDER)
    vectors = VectorSet(embedder.name, embedder.dimensions, str(folder / "vectors"))
    record = folder / "vectors.build.json"
    if reuse and record.exists() and vectors.load() is not None:
        built = float(json.loads(record.read_text())["build_s"])
    else:
        built = build_vectors(vectors, n, corpus, vectors_path)
        record.write_text(json.dumps({"build_s": built}))
    size = folder_mb(folder / "vectors")
    index = SearchIndex.open(str(Pressdesk(folder).path))
    embedder.embed(["warm up"])
    out = []
    for mode in ("semantic", "hybrid"):
        def run(q: str, mode: str = mode) -> object:
            return search(index, q, mode=mode, limit=LIMIT, vectors=vectors, embedder=embedder)
        times = time_queries(run, queries)
        out.append(Figures(f"pressdesk-{mode}", n, round(built, 1), round(size, 1),
                           round(percentile(times, 50), 2), round(percentile(times, 99), 2),
                           "HNSW build and size; vectors reused from the real stories"))
    embed_times = time_queries(lambda q: embedder.embed([q]), queries)
    out.append(Figures("query-embedding", n, 0.0, 0.0, round(percentile(embed_times, 50), 2),
                       round(percentile(embed_times, 99), 2), f"all-MiniLM-L6-v2 ({embedder.name}), CPU"))
    return out


# ---- queries while an ingest runs ----------------------------------------------------------------


def bench_under_ingest(
    n: int, corpus: Path, folder: Path, queries: list[str], nice: int = 0
) -> Figures:
    """Queries on a copy of the index while `pressdesk ingest` adds 100,000 releases to it.

    The writer is the real command (store, index, a commit every 50,000, its own
    nice 10), into a fresh store whose index is that copy; ``--source`` gives the
    added releases new ids.
    """
    live = folder / "pressdesk-live.db"
    for stale in (live, Path(f"{live}-wal"), Path(f"{live}-shm")):
        stale.unlink(missing_ok=True)
    path = f"{live}.index"
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(Pressdesk(folder).path, path)
    extra = corpus.parent / "corpus-100000.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-m", "pressdesk", "--db", str(live), "ingest", "--no-extract", "--quiet",
         "--source", "live ingest", str(extra if extra.exists() else corpus)],
        stdout=subprocess.DEVNULL,
        preexec_fn=(lambda: os.nice(nice)) if nice else None,
    )
    index = SearchIndex.open(path)
    times: list[float] = []
    while child.poll() is None and len(times) < 20000:
        for q in queries:
            started = time.perf_counter()
            search(index, q, limit=LIMIT)
            times.append((time.perf_counter() - started) * 1000)
    child.wait()
    return Figures("pressdesk-during-ingest", n, 0.0, 0.0, round(percentile(times, 50), 2),
                   round(percentile(times, 99), 2),
                   f"{len(times)} queries while `pressdesk ingest` (nice 10+{nice}) adds releases")


# ---- main -----------------------------------------------------------------------------------------


def markdown(rows: list[Figures]) -> str:
    lines = ["| engine | releases | build s | index MB | p50 ms | p99 ms | note |",
             "|---|---:|---:|---:|---:|---:|---|"]
    lines += [f"| {r.engine} | {r.size:,} | {r.build_s} | {r.index_mb} | {r.p50_ms} | "
              f"{r.p99_ms} | {r.note} |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    ap.add_argument("--hybrid", action="store_true")
    ap.add_argument("--ingest", action="store_true")
    ap.add_argument("--ingest-nice", type=int, default=0, help="CPU niceness of the ingest")
    ap.add_argument("--reuse", action="store_true", help="time indexes built by an earlier run")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--vectors", default=str(REPO / "bench" / "out" / "reuters"))
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    queries = read_queries()
    rows: list[Figures] = []
    for n in args.sizes:
        corpus = corpus_path(n, out)
        folder = out / f"search-{n}"
        folder.mkdir(exist_ok=True)
        if args.build_only:
            for name in args.engines:
                build_engine(name, corpus, folder)
            continue
        rows += bench_engines(args.engines, n, corpus, folder, queries, args.reuse)
        print(markdown(rows), flush=True)
        if "pressdesk" in args.engines:
            rows.append(bench_facets(n, folder, queries))
        if args.hybrid:
            rows += bench_semantic(n, corpus, folder, queries, Path(args.vectors), args.reuse)
        if args.ingest:
            rows.append(bench_under_ingest(n, corpus, folder, queries, args.ingest_nice))
        with (out / "search.jsonl").open("a", encoding="utf-8") as f:
            f.writelines(json.dumps(asdict(r)) + "\n" for r in rows if r.size == n)
    print(markdown(rows))
    print(f"\n{os.cpu_count()} cores; {len(queries)} queries x {ROUNDS} rounds after a warm-up")


if __name__ == "__main__":
    main()
