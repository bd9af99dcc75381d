"""Export: every stored release, in the shape ``ingest`` reads back without loss."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from pressdesk.ingest import batched
from pressdesk.models import StoredRelease

FIELDS = (
    "id", "title", "date", "category", "body", "source", "url", "language",
    "external_id", "content_hash", "revision", "first_seen", "last_seen",
)


def release_record(stored: StoredRelease) -> dict[str, Any]:
    """One release as a flat record with every stored field."""
    r = stored.release
    return {
        "id": r.id, "title": r.title, "date": r.date, "category": r.category, "body": r.body,
        "source": r.source, "url": r.url, "language": r.language, "external_id": r.external_id,
        "content_hash": r.content_hash, "revision": stored.revision,
        "first_seen": stored.first_seen, "last_seen": stored.last_seen,
    }


def write_jsonl(releases: Iterable[StoredRelease], out: IO[bytes]) -> int:
    count = 0
    for stored in releases:
        out.write(json.dumps(release_record(stored), ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def write_csv(releases: Iterable[StoredRelease], out: IO[bytes]) -> int:
    import io

    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=FIELDS)
    writer.writeheader()
    count = 0
    for stored in releases:
        writer.writerow(release_record(stored))
        count += 1
    text.detach()
    return count


def write_parquet(releases: Iterable[StoredRelease], out: IO[bytes], batch: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(f, pa.int64() if f == "revision" else pa.string()) for f in FIELDS]
    )
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in batched(releases, batch):
            writer.write_table(pa.Table.from_pylist([release_record(s) for s in rows], schema))
            count += len(rows)
    return count


WRITERS: dict[str, Callable[[Iterable[StoredRelease], IO[bytes]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}
