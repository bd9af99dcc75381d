"""Graded relevance judgements and nDCG@10 for the three search modes.

A judgement file holds one JSON object a line: ``{"query": ..., "relevant":
{KEY: grade}}`` with grades 1 (related) or 2 (the answer); anything not listed
is graded 0. KEY is a release id, or (for the sample) the start of a title.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = ("lexical", "semantic", "hybrid")


@dataclass(frozen=True, slots=True)
class Judged:
    query: str
    relevant: dict[str, int]


def read_judgements(path: Path) -> list[Judged]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [Judged(r["query"], {k: int(v) for k, v in r["relevant"].items()}) for r in rows]


def dcg(grades: Sequence[int]) -> float:
    return float(sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades)))


def ndcg(ranked: Sequence[str], relevant: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain of the first ``k`` ranked keys."""
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(key, 0) for key in ranked[:k]]) / ideal if ideal else 0.0


def mean_ndcg(run: Callable[[str], list[str]], judged: Sequence[Judged], k: int = 10) -> float:
    """Mean nDCG@k of ``run`` (query -> ranked keys) over every judged query."""
    return sum(ndcg(run(j.query), j.relevant, k) for j in judged) / len(judged)
