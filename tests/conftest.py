"""Shared fixtures: small stores and inputs of our own making."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressdesk.desk import Desk
from pressdesk.models import Release
from pressdesk.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "samples" / "motir-2025-11.txt"


def make_release(n: int, body: str | None = None, **fields: str) -> Release:
    release = Release.create(
        title=fields.pop("title", f"Release number {n}"),
        date=fields.pop("date", f"2025-11-{1 + n % 28:02d}"),
        body=body if body is not None else f"Body of release {n} about steel and tariffs.",
        category=fields.pop("category", "Trade"),
        source=fields.pop("source", "Test Ministry"),
        url=fields.pop("url", None),
        external_id=fields.pop("external_id", None),
    )
    assert not fields, f"unknown fields {sorted(fields)}"
    return release


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(n: int, **overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "title": f"Ministry announces measure {n}",
        "date": f"2025-10-{1 + n % 28:02d}",
        "body": f"The ministry said measure {n} covers semiconductor exports to Vietnam.",
        "category": "Trade" if n % 2 else "Industry",
        "source": "Test Ministry",
    }
    return base | overrides


@pytest.fixture
def store() -> Iterator[Store]:
    s = open_store(":memory:")
    yield s
    s.close()


@pytest.fixture
def desk() -> Iterator[Desk]:
    """An in-memory desk (store and index) with the deterministic fake embedder."""
    d = Desk.open(":memory:", embedder="fake")
    yield d
    d.close()


@pytest.fixture(scope="session", autouse=True)
def model_cache(request: pytest.FixtureRequest) -> Iterator[str]:
    """Where tests keep the embedding models exported on first use: kept between runs
    (.pytest_cache), so only a fresh checkout pays the export, a few seconds. Every CLI
    run and child process of the tests finds it through PRESSDESK_MODELS."""
    folder = str(request.config.cache.mkdir("models"))
    before = os.environ.get("PRESSDESK_MODELS")
    os.environ["PRESSDESK_MODELS"] = folder
    yield folder
    if before is None:
        del os.environ["PRESSDESK_MODELS"]
    else:
        os.environ["PRESSDESK_MODELS"] = before
