"""The accuracy gate: extraction scored against gold sets, failing below pinned floors.

Floors live in ``accuracy_floors.json``, per set: the overall F1, the F1 of
each field and the share of matched people with a right role, as the shared
scorer (``../shared/eval/score.py``, run as a subprocess, never copied)
reports them. Floors may only rise.

Stories are scored too (pairwise F1 of the ``story`` each prediction carries, grouped
within the set as ``pressdesk extract`` groups), and ECB+'s development half for them alone,
whole and by halves of its topics, each grouped as an input of its own (as the held-out half is).

Sets: the public seed sample and USTR releases (texts in ``data/samples``,
gold copied under ``tests/golden``), releases of our own writing
(``tests/golden/own*.jsonl``: government releases and trade news; ``holdout*.jsonl``, other
governments' styles, written as a held-out set but tuned on since), and the copyrighted news set,
read from ``../shared`` and never copied into the repository. Figures and events are scored too where
a gold set has them (the scorer's ``figures`` and ``events`` rows), and on sets of our own writing
with gold for those rows alone (``ROW_SETS``): ``figures-own*``, ``events-own`` and
``trade-own`` in other governments' and outlets' styles, and ``events-dev`` (the own and
holdout texts). Each was written before the code it scores was run on it, its first scores are
recorded in docs/benchmarks.md, and it has been tuned on since: none is held out any more.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pressdesk.extract import extract, to_prediction
from pressdesk.models import Release
from pressdesk.readers import read_path
from pressdesk.stories import group_in_memory

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLDEN = REPO / "tests" / "golden"
FLOORS = json.loads((REPO / "tests" / "accuracy_floors.json").read_text(encoding="utf-8"))

SETS: dict[str, tuple[Path, Path]] = {
    "seed": (REPO / "data/samples/motir-2025-11.txt", GOLDEN / "seed-gold.jsonl"),
    "ustr-2019": (REPO / "data/samples/ustr-2019.jsonl", GOLDEN / "ustr-2019-gold.jsonl"),
    "own": (GOLDEN / "own.jsonl", GOLDEN / "own-gold.jsonl"),
    "own-news": (GOLDEN / "own-news.jsonl", GOLDEN / "own-news-gold.jsonl"),
    "holdout": (GOLDEN / "holdout-input.jsonl", GOLDEN / "holdout-gold.jsonl"),
    "korea-news-dev": (
        SHARED / "data/news/korea-news-dev.jsonl",
        SHARED / "eval/gold/korea-news-dev.jsonl",
    ),
    # story grouping only (its entity rows are empty): two events of one kind in every topic
    "ecbplus-dev": (
        SHARED / "data/news/ecbplus-dev.jsonl",
        SHARED / "eval/gold/ecbplus-dev.jsonl",
    ),
    "events-own": (GOLDEN / "events-own.jsonl", GOLDEN / "events-own-gold.jsonl"),
    "events-dev": (GOLDEN / "events-dev.jsonl", GOLDEN / "events-dev-gold.jsonl"),
    "figures-own": (GOLDEN / "figures-own.jsonl", GOLDEN / "figures-own-gold.jsonl"),
    "figures-own-2": (GOLDEN / "figures-own-2.jsonl", GOLDEN / "figures-own-2-gold.jsonl"),
    "trade-own": (GOLDEN / "trade-own.jsonl", GOLDEN / "trade-own-gold.jsonl"),
}
# Sets whose gold holds these rows alone: floors for them, no overall floor.
ROW_SETS = {
    "events-own": ("events",),
    "events-dev": ("events",),
    "figures-own": ("figures",),
    "figures-own-2": ("figures",),
    "trade-own": ("figures", "events"),
}
EXTRA_ROWS = ("figures", "events", "stories")
FIELDS = ("people", "orgs", "places", "money", "percents", "dates")


def write_predictions(source: Path, out: Path) -> int:
    """What ``pressdesk extract`` prints: each release's facts and its story within the input."""
    found = [(r, extract(r)) for r in read_path(str(source)) if isinstance(r, Release)]
    stories = group_in_memory(found)
    with out.open("w", encoding="utf-8") as f:
        for release, facts in found:
            record = to_prediction(release, facts) | {"story": stories[release.id]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(found)


def score(gold: Path, predictions: Path) -> dict[str, Any]:
    """The shared scorer's --json report (its last line, the overall F1, is dropped)."""
    cmd = [sys.executable, str(SCORER), str(gold), str(predictions), "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    report: dict[str, Any] = json.loads("\n".join(lines[:-1]))
    return report


def require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent: the gate needs ../shared beside the checkout (as in CI)")


@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_floor(name: str, tmp_path: Path) -> None:
    source, gold = SETS[name]
    for path in (SCORER, source, gold):
        require(path)
    predictions = tmp_path / f"{name}.jsonl"
    assert write_predictions(source, predictions) > 0
    report = score(gold, predictions)
    floors = FLOORS[name]
    got = {
        "overall": report["overall_f1"],
        "roles": report["roles_correct"],
        **{f: report[f]["f1"] for f in FIELDS},
    }
    got |= {row: report[row]["f1"] for row in EXTRA_ROWS if row in report}
    below = {k: (round(got[k], 4), v) for k, v in floors.items() if got[k] < v}
    assert not below, f"{name}: F1 below its floor (got, floor): {below}"


def test_floors_cover_every_set() -> None:
    assert set(FLOORS) == set(SETS)
    assert all("overall" in FLOORS[name] for name in set(SETS) - set(ROW_SETS))
    assert all(row in FLOORS[name] for name, rows in ROW_SETS.items() for row in rows)
    shared = ("seed", "ustr-2019", "korea-news-dev")
    assert all(row in FLOORS[name] for name in shared for row in EXTRA_ROWS)


def pairwise_f1(stories: dict[str, str], gold: dict[str, str]) -> float:
    """The pairwise F1 of predicted stories against gold ones, as the scorer counts it: over
    every pair of releases, those put in one story and those that are one."""
    ids = sorted(gold)
    said = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if stories[a] == stories[b]}
    true = {(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if gold[a] == gold[b]}
    hits = len(said & true)
    return 2 * hits / (len(said) + len(true)) if said or true else 1.0


HALVES: dict[str, Callable[[int], bool]] = {  # ECB+ topics (gold stories "<topic>_ecb(plus)")
    "topics up to 21": lambda topic: topic <= 21,
    "topics after 21": lambda topic: topic > 21,
    "topics 1, 5, 9, ...": lambda topic: topic % 4 == 1,
    "topics 3, 7, 11, ...": lambda topic: topic % 4 == 3,
}


def test_ecbplus_halves_each_group_as_well_as_the_whole() -> None:
    """ECB+ dev grouped by halves of its topics, each as its own input: the half held out is
    grouped so, from a cold start, and scores near what the whole does (each half at 0.89 or
    more; 0.882 before the input's terms were counted ahead of grouping)."""
    source, gold_path = SETS["ecbplus-dev"]
    for path in (source, gold_path):
        require(path)
    labels: dict[tuple[str, str], str] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        labels[record["doc"]["title"], record["doc"]["date"]] = record["story"]
    found = [(r, extract(r)) for r in read_path(str(source)) if isinstance(r, Release)]
    gold = {r.id: labels[r.title, r.date] for r, _ in found}
    scores: dict[str, float] = {}
    for name, keep in HALVES.items():
        half = [(r, facts) for r, facts in found if keep(int(gold[r.id].split("_")[0]))]
        scores[name] = round(pairwise_f1(group_in_memory(half), {r.id: gold[r.id] for r, _ in half}), 3)
    assert min(scores.values()) >= 0.89, scores  # now 0.899, 0.956, 0.901, 0.908
