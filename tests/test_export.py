from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import SAMPLE, record, write_jsonl

from pressdesk.export import WRITERS
from pressdesk.ingest import IngestOptions, ingest
from pressdesk.store import ReleaseFilter, Store, open_store

CONTENT = ("id", "title", "date", "category", "body", "source", "url", "language", "content_hash")


def _content(store: Store) -> list[tuple[object, ...]]:
    rows = (s.release for s in store.releases(ReleaseFilter()))
    return sorted(tuple(getattr(r, f) for f in CONTENT) for r in rows)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_then_ingest_is_lossless(store: Store, tmp_path: Path, fmt: str) -> None:
    tricky = record(99, body='Quotes “curly”, dashes – —, ① circled, commas, "straight"\nand a newline.',
                    url="https://example.org/a?b=1")
    ingest(store, [str(SAMPLE), str(write_jsonl(tmp_path / "x.jsonl", [tricky]))])
    out = tmp_path / f"export.{fmt}"
    with out.open("wb") as f:
        assert WRITERS[fmt](store.releases(ReleaseFilter()), f) == 11
    copy = open_store(":memory:")
    report = ingest(copy, [str(out)], IngestOptions(extract=False))
    assert report.new == 11 and not report.rejected
    assert _content(copy) == _content(store)


def test_jsonl_export_is_one_object_per_line(store: Store) -> None:
    ingest(store, [str(SAMPLE)], IngestOptions(extract=False))
    buf = io.BytesIO()
    WRITERS["jsonl"](store.releases(ReleaseFilter()), buf)
    assert len(buf.getvalue().splitlines()) == 10
