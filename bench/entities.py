#!/usr/bin/env python3
"""How clean the entity directory is (issue 10).

    python bench/entities.py [--db reuters.db] [--orgs 100] [--people 50] [--show]

1. **Precision of the top of the directory.** The Reuters corpus
   (``../shared/data/corpus/reuters21578.jsonl.gz``, 18,261 stories) is ingested
   into a store (or ``--db`` names one already built from it); the 100
   organisations and 50 people most releases name are looked up in the judgments
   kept in ``bench/entities-gold.json`` (by kind and canonical name, with the rules
   they were judged by; judgments only, no Reuters text). Precision is the share
   judged right; wrong merges are counted apart. An entity not yet judged is
   listed (``--show`` lists all), so a new run is judged before it is counted.
2. **One gold organisation, one entity.** Every gold set of the accuracy tests is
   ingested into a store of its own; a gold organisation maps to exactly one entity
   when exactly one entity linked to its release answers to one of its names (as
   written, or as the store looks the name up: "the labor ministry" is the
   release's country's "Ministry of Labor"). Those that do not are listed.

Run it from a checkout: ``PYTHONPATH=/path/to/other/checkout`` measures that
code with the same judgments (how the "before" figures were taken).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

from pressdesk import Desk, EntityFilter, ReleaseFilter

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "data/corpus/reuters21578.jsonl.gz"
GOLD = Path(__file__).with_name("entities-gold.json")
GOLDEN = REPO / "tests/golden"
SETS = {
    "seed": (REPO / "data/samples/motir-2025-11.txt", GOLDEN / "seed-gold.jsonl"),
    "ustr-2019": (REPO / "data/samples/ustr-2019.jsonl", GOLDEN / "ustr-2019-gold.jsonl"),
    "own": (GOLDEN / "own.jsonl", GOLDEN / "own-gold.jsonl"),
    "own-news": (GOLDEN / "own-news.jsonl", GOLDEN / "own-news-gold.jsonl"),
    "holdout": (GOLDEN / "holdout-input.jsonl", GOLDEN / "holdout-gold.jsonl"),
    "korea-news-dev": (SHARED / "data/news/korea-news-dev.jsonl", SHARED / "eval/gold/korea-news-dev.jsonl"),
}


def fold(name: str) -> str:
    """Case, accents, punctuation, "the" and company suffixes dropped (as org keys do)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.sub(r"[^\w\s]+", " ", text).split()
    words = words[1:] if words[:1] == ["the"] else words
    while len(words) > 1 and words[-1] in {"co", "inc", "corp", "corporation", "company", "ltd", "plc"}:
        words.pop()
    return "".join(w for w in words if w != "and")


def precision(desk: Desk, kind: str, limit: int, gold: dict[str, Any], show: bool) -> dict[str, Any]:
    judged = gold["judgments"][kind]
    counts = {"right": 0, "wrong": 0, "wrong merge": 0, "unjudged": 0}
    for e in desk.entities(EntityFilter(kind=kind, limit=limit)):
        exact = f"{e.name} | {', '.join(sorted(e.names))}"
        verdict, why = judged.get(exact) or judged.get(e.name, ["unjudged", ""])
        counts[verdict] += 1
        if show or verdict != "right":
            print(f"  {verdict:<11} {kind:<6} {e.releases:>4}  {e.name}  {list(e.names)}  {why}")
    judged_n = counts["right"] + counts["wrong"] + counts["wrong merge"]
    return counts | {"precision": round(counts["right"] / judged_n, 3) if judged_n else None}


def corpus_desk(db: str | None, tmp: Path) -> Desk:
    if db:
        return Desk.open(db)
    desk = Desk.open(str(tmp / "reuters.db"), embedder="fake")
    started = time.monotonic()
    desk.ingest([str(CORPUS)])
    print(f"ingested the corpus in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return desk


def one_entity_share(name: str, source: Path, gold_path: Path, tmp: Path) -> tuple[int, int]:
    """(gold orgs that map to exactly one entity, gold orgs) for one gold set."""
    with Desk.open(str(tmp / f"{name}.db"), embedder="fake") as desk:
        desk.ingest([str(source)])
        by_title = {s.release.title: s.release.id for s in desk.releases(ReleaseFilter(limit=1_000_000))}
        golds = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
        good = total = 0
        for gold in golds:
            rid = by_title.get(gold["doc"]["title"])
            linked = desk.entities(EntityFilter(kind="org", release_id=rid, limit=10_000)) if rid else []
            for org in gold["orgs"]:
                keys = {fold(n) for n in org["names"]}
                known = {e.id for n in org["names"] for e in desk.store.find_entities(lookup(n))}
                hits = [e for e in linked if keys & {fold(n) for n in e.names} or e.id in known]
                total += 1
                good += len(hits) == 1
                if len(hits) != 1:
                    print(f"  {name}: {org['names']} -> {[e.name for e in hits]}", file=sys.stderr)
        return good, total


def lookup(name: str) -> list[tuple[str, str]]:
    """The (kind, key) pairs the store knows a name by (generic names by any country's body)."""
    try:
        from pressdesk.entities import lookup_keys
    except ImportError:  # before issue 10: one key per kind
        from pressdesk.entities import entity_key

        return [("org", entity_key("org", name))]
    return [k for k in lookup_keys(name) if k[0] == "org"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="a store already built from the Reuters corpus")
    ap.add_argument("--orgs", type=int, default=100)
    ap.add_argument("--people", type=int, default=50)
    ap.add_argument("--show", action="store_true", help="list every entity with its judgment")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        with corpus_desk(args.db, tmp) as desk:
            report: dict[str, Any] = {
                "orgs": precision(desk, "org", args.orgs, gold, args.show),
                "people": precision(desk, "person", args.people, gold, args.show),
            }
        shares = {n: one_entity_share(n, src, g, tmp) for n, (src, g) in SETS.items() if src.exists()}
    report["one entity per gold org"] = {n: f"{g}/{t} = {g / t:.3f}" for n, (g, t) in shares.items()}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
