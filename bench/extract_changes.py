#!/usr/bin/env python3
"""What extraction finds in the first Reuters stories, one fact a line, to compare two trees.

    PYTHONPATH=TREE python bench/extract_changes.py [--limit 600] [--shared ../shared] > TREE.tsv
    diff OLD.tsv NEW.tsv

For each of the first ``--limit`` stories of the shared Reuters corpus: its people (name,
role), organisations (name, aliases), figures (indicator, period, value, change) and
events (type, implementers), tab-separated after the story's id. Run it in two trees
(``PYTHONPATH``) and diff the outputs to read what a change to the extractors did to real
wire copy no gold set covers. The stories are read from ../shared and printed to standard
output only: nothing of the corpus is written into the project.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from pressdesk import Release
from pressdesk.extract import extract

HERE = Path(__file__).resolve().parent


def facts(story: dict[str, str]) -> Iterator[str]:
    release = Release.create(title=story["title"], date=story["date"][:10], body=story.get("body") or "",
                             source="Reuters")
    found = extract(release)
    sid = story["id"]
    yield from (f"{sid}\tP\t{p.name}\t{p.role}" for p in found.people)
    yield from (f"{sid}\tO\t{o.name}\t{o.aliases}" for o in found.orgs)
    yield from (f"{sid}\tF\t{f.indicator}\t{f.period}\t{f.value}\t{f.change}" for f in found.figures)
    yield from (f"{sid}\tE\t{e.type}\t{e.implementer}" for e in found.events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    args = ap.parse_args()
    with gzip.open(args.shared / "data/corpus/reuters21578.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, args.limit):
            for fact in facts(json.loads(line)):
                print(fact)


if __name__ == "__main__":
    main()
