#!/usr/bin/env python3
"""Score extraction against the gold sets in ../shared/eval (development aid).

    python bench/accuracy.py [--shared ../shared] [--verbose NAME]

Runs ``pressdesk.extract`` over each development set, writes the predictions
to bench/out/NAME.jsonl and prints the scorer's last line for each.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from pressdesk.extract import extract, to_prediction
from pressdesk.models import Release
from pressdesk.readers import read_path

SETS = {
    "seed": "data/motir-2025-11.txt",
    "korea-news-dev": "data/news/korea-news-dev.jsonl",
    "ustr-2019": "data/ustr-2019.jsonl",
}


def predict(path: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for item in read_path(str(path)):
            if isinstance(item, Release):
                f.write(json.dumps(to_prediction(item, extract(item)), ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--verbose", default=None, help="print the scorer's verbose report for this set")
    args = ap.parse_args()
    shared = Path(args.shared)
    outdir = Path(__file__).resolve().parent / "out"
    outdir.mkdir(exist_ok=True)
    for name, data in SETS.items():
        out = outdir / f"{name}.jsonl"
        predict(shared / data, out)
        gold = shared / f"eval/gold/{name}.jsonl"
        cmd = [sys.executable, str(shared / "eval/score.py"), str(gold), str(out)]
        if args.verbose == name:
            cmd.append("--verbose")
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        print(f"== {name}")
        print(result.stdout if args.verbose == name else result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
