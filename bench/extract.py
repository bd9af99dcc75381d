#!/usr/bin/env python3
"""Extraction speed and accuracy: pressdesk against spaCy en_core_web_sm + dateparser, side by side.

    python bench/extract.py [--limit N] [--repeat R] [--chunk C] [--sample-chunk C] [--shared ../shared]

Throughput: the whole of ``pressdesk.extract.extract`` on each release, and the
peer (spaCy ``nlp.pipe`` with the model's default pipeline and batch size,
``n_process=1``, then dateparser ``search_dates`` on each text), over the same
texts: (a) the ten sample releases of data/samples/motir-2025-11.txt repeated
R times (30), (b) the first N (10,000) Reuters stories of the shared corpus.
Both run in this one process, one thread each (threadpoolctl holds thinc's BLAS
and OpenMP pools to one thread), taking turns chunk by chunk (50 sample
releases, 500 stories) so that a change in the machine's load hits both alike;
each is warmed up first. Figures are per core: releases and words
(whitespace-split words of title and body) per second of the process's CPU
time, which is what one core delivers; wall-clock rates are printed too.

Accuracy: overall and per-field F1 of both on the three gold sets, scored by
../shared/eval/score.py (pressdesk as bench/accuracy.py predicts; the peer
through the mapping in bench/extract_peer.py). Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import spacy
from extract_peer import load_peer, run_ner, run_search_dates, to_peer_prediction
from spacy.language import Language
from threadpoolctl import threadpool_limits

from pressdesk.extract import document_text, extract, to_prediction
from pressdesk.models import Release
from pressdesk.readers import read_path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data/samples/motir-2025-11.txt"
REUTERS = "data/corpus/reuters21578.jsonl.gz"
GOLD_SETS = {
    "seed": "data/motir-2025-11.txt",
    "korea-news-dev": "data/news/korea-news-dev.jsonl",
    "ustr-2019": "data/ustr-2019.jsonl",
}
RATES = ("releases/s per core", "words/s per core", "releases/s wall", "CPU time vs pressdesk")
FIELDS = ("people", "orgs", "places", "money", "percents", "dates")


@dataclass
class Clock:
    """CPU and wall seconds spent in one system, summed over chunks."""

    cpu: float = 0.0
    wall: float = 0.0

    def time(self, work: Callable[[], object]) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        self.cpu += time.process_time() - cpu
        self.wall += time.perf_counter() - wall


@dataclass
class Run:
    """One input timed for pressdesk, the spaCy NER and dateparser."""

    name: str
    releases: int
    words: int
    clocks: dict[str, Clock] = field(
        default_factory=lambda: {k: Clock() for k in ("pressdesk", "ner", "dates")}
    )


def read_releases(path: str, limit: int | None = None) -> list[Release]:
    items = (item for item in read_path(path) if isinstance(item, Release))
    return list(itertools.islice(items, limit))


def extract_all(releases: Iterable[Release]) -> None:
    for release in releases:
        extract(release)


def warm_up(releases: list[Release], nlp: Language) -> None:
    """First calls pay for lazy set-up (compiled patterns, lookup tables); time neither system's."""
    texts = [document_text(r) for r in releases]
    extract_all(releases)
    run_ner(nlp, texts)
    run_search_dates(texts)


def time_side_by_side(name: str, releases: list[Release], nlp: Language, chunk: int) -> Run:
    texts = [document_text(r) for r in releases]
    warm_up(releases[:10], nlp)
    run = Run(name, len(releases), sum(len(t.split()) for t in texts))
    for start in range(0, len(releases), chunk):
        part, part_texts = releases[start : start + chunk], texts[start : start + chunk]
        run.clocks["pressdesk"].time(lambda: extract_all(part))  # noqa: B023
        run.clocks["ner"].time(lambda: run_ner(nlp, part_texts))  # noqa: B023
        run.clocks["dates"].time(lambda: run_search_dates(part_texts))  # noqa: B023
        print(f"  {name}: {start + len(part)}/{len(releases)}", file=sys.stderr, flush=True)
    return run


def throughput_rows(run: Run) -> list[str]:
    ner, dates = run.clocks["ner"], run.clocks["dates"]
    systems = {
        "pressdesk (whole extraction)": run.clocks["pressdesk"],
        "peer: spaCy NER + dateparser": Clock(ner.cpu + dates.cpu, ner.wall + dates.wall),
        "peer, spaCy NER alone": ner,
    }
    ours = run.clocks["pressdesk"].cpu
    name = f"{run.name}: {run.releases:,} releases, {run.words:,} words"
    return [
        f"| {name} | {system} | {run.releases / clock.cpu:,.1f} | {run.words / clock.cpu:,.0f} "
        f"| {run.releases / clock.wall:,.1f} | {clock.cpu / ours:.1f}× |"
        for system, clock in systems.items()
    ]


def score(shared: Path, gold: str, predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The scorer's --json report (it prints one more line after the JSON)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "predictions.jsonl"
        out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions), "utf-8")
        cmd = [sys.executable, str(shared / "eval/score.py"), str(shared / gold), str(out), "--json"]
        result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    scores: dict[str, Any] = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    return scores


def accuracy_rows(shared: Path, nlp: Language) -> list[str]:
    rows = []
    for name, data in GOLD_SETS.items():
        releases = read_releases(str(shared / data))
        ours = [to_prediction(r, extract(r)) for r in releases]
        docs = run_ner(nlp, [document_text(r) for r in releases])
        peer = [
            to_peer_prediction(d, r.title, r.date, r.category) for d, r in zip(docs, releases, strict=True)
        ]
        for system, predictions in (("pressdesk", ours), ("peer", peer)):
            result = score(shared, f"eval/gold/{name}.jsonl", predictions)
            fields = " | ".join(f"{result[f]['f1']:.3f}" for f in FIELDS)
            rows.append(f"| {name} | {system} | **{result['overall_f1']:.3f}** | {fields} |")
    return rows


def describe_run(started: str, load_before: tuple[float, float, float], nlp: Language) -> str:
    """When, on what and under which load (1, 5 and 15 minute averages) the figures were taken."""
    load = " → ".join("/".join(f"{x:.2f}" for x in avg) for avg in (load_before, os.getloadavg()))
    return (
        f"Run {started}; load average {load}; {os.cpu_count()} cores ({platform.machine()}); "
        f"Python {platform.python_version()}, spaCy {spacy.about.__version__}, "
        f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=10_000, help="Reuters stories to time (default 10,000)")
    ap.add_argument("--repeat", type=int, default=30, help="times the ten sample releases are repeated")
    ap.add_argument("--chunk", type=int, default=500, help="Reuters stories per turn of each system")
    ap.add_argument("--sample-chunk", type=int, default=50, help="sample releases per turn (they are long)")
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = ap.parse_args()
    started, load_before = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), os.getloadavg()
    threadpool_limits(limits=1)  # one core each: thinc's BLAS and OpenMP pools too
    nlp = load_peer()
    sample = read_releases(str(SAMPLE)) * args.repeat
    runs = [
        time_side_by_side(f"sample ×{args.repeat}", sample, nlp, args.sample_chunk),
        time_side_by_side("Reuters", read_releases(str(args.shared / REUTERS), args.limit), nlp, args.chunk),
    ]
    print("| input | system | " + " | ".join(RATES) + " |")
    print("|---|---|" + "---:|" * len(RATES))
    for run in runs:
        print("\n".join(throughput_rows(run)))
    print()
    print("| gold set | system | overall F1 | " + " | ".join(FIELDS) + " |")
    print("|---|---|---:|" + "---:|" * len(FIELDS))
    print("\n".join(accuracy_rows(args.shared, nlp)))
    print()
    print(describe_run(started, load_before, nlp))


if __name__ == "__main__":
    main()
