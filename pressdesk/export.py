"""Export: stored releases, in the shapes ``ingest`` reads back without loss.

Each writer takes (release, facts) pairs; facts are None unless the caller
asked for them. JSON Lines then carries a ``facts`` object in the evaluation
guidelines' shape; CSV and Parquet carry the entity and sector names as
columns (``; ``-joined in CSV, lists in Parquet). Reading an export back
ignores those fields: facts are extracted again from the text.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pressdesk.errors import PressdeskError
from pressdesk.facts import Extraction
from pressdesk.ingest import batched
from pressdesk.models import StoredRelease

FIELDS = (
    "id", "title", "date", "category", "body", "source", "url", "language",
    "external_id", "content_hash", "revision", "first_seen", "last_seen",
)
FACT_COLUMNS = ("people", "orgs", "places", "sectors")
Row = tuple[StoredRelease, Extraction | None]


def release_record(stored: StoredRelease) -> dict[str, Any]:
    """One release as a flat record with every stored field."""
    r = stored.release
    return {
        "id": r.id, "title": r.title, "date": r.date, "category": r.category, "body": r.body,
        "source": r.source, "url": r.url, "language": r.language, "external_id": r.external_id,
        "content_hash": r.content_hash, "revision": stored.revision,
        "first_seen": stored.first_seen, "last_seen": stored.last_seen,
    }


def fact_names(found: Extraction | None) -> dict[str, list[str]]:
    """The names of a release's people, organisations, places (ISO codes) and sectors."""
    if found is None:
        return {name: [] for name in FACT_COLUMNS}
    return {
        "people": [p.name for p in found.people],
        "orgs": [o.name for o in found.orgs],
        "places": [p.code for p in found.places],
        "sectors": list(found.sectors),
    }


def write_jsonl(rows: Iterable[Row], out: IO[bytes], facts: bool = False) -> int:
    from pressdesk.extract import to_prediction

    count = 0
    for stored, found in rows:
        record = release_record(stored)
        if facts:
            record["facts"] = None
        if found is not None:
            predicted = to_prediction(stored.release, found)
            record["facts"] = {k: v for k, v in predicted.items() if k not in ("id", "doc")}
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def write_csv(rows: Iterable[Row], out: IO[bytes], facts: bool = False) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=FIELDS + (FACT_COLUMNS if facts else ()))
    writer.writeheader()
    count = 0
    for stored, found in rows:
        record = release_record(stored)
        if facts:
            record |= {k: "; ".join(v) for k, v in fact_names(found).items()}
        writer.writerow(record)
        count += 1
    text.detach()
    return count


def write_parquet(rows: Iterable[Row], out: IO[bytes], facts: bool = False) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = [(f, pa.int64() if f == "revision" else pa.string()) for f in FIELDS]
    columns += [(f, pa.list_(pa.string())) for f in FACT_COLUMNS] if facts else []
    schema = pa.schema(columns)
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for group in batched(rows, 10_000):
            records = [release_record(s) | (fact_names(f) if facts else {}) for s, f in group]
            writer.write_table(pa.Table.from_pylist(records, schema))
            count += len(group)
    return count


WRITERS: dict[str, Callable[[Iterable[Row], IO[bytes], bool], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}


@contextlib.contextmanager
def write_atomically(path: str, protected: Iterable[str] = ()) -> Iterator[IO[bytes]]:
    """A file that appears at ``path`` whole or not at all: written beside it under a
    temporary name, flushed to disk, then renamed over it. ``protected`` files and folders
    (the store, its journal, its index) are refused as targets. Every failure is one
    ``PressdeskError`` naming the path, and leaves no partial file."""
    target = Path(path)
    refuse_protected(target, protected)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:  # created as open() would (0666 less the umask), never over an existing file
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as err:
        raise PressdeskError(f"{path}: cannot write: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as err:
        raise PressdeskError(f"{path}: cannot write: {err.strerror or err}") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def refuse_protected(target: Path, protected: Iterable[str]) -> None:
    resolved = target.resolve()
    for item in map(Path, protected):
        place = item.resolve()
        if resolved == place or place in resolved.parents:
            raise PressdeskError(f"{target}: refusing to write over the store's own file {item}")


def write_table(
    records: Iterable[dict[str, Any]], columns: tuple[str, ...], out: IO[bytes], format: str
) -> int:
    """Tidy rows (figures, events) as JSON Lines, CSV (lists joined by spaces) or Parquet."""
    if format == "jsonl":
        return write_jsonl_records(records, out)
    if format == "csv":
        return write_csv_records(records, columns, out)
    if format == "parquet":
        return write_parquet_records(records, columns, out)
    raise PressdeskError(f"unknown export format {format!r} (formats: jsonl, csv, parquet)")


def write_jsonl_records(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def write_csv_records(records: Iterable[dict[str, Any]], columns: tuple[str, ...],
                      out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    count = 0
    for record in records:
        row = {k: record[k] for k in columns if k in record}  # the columns asked for, no others
        writer.writerow({k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    text.detach()
    return count


def write_parquet_records(records: Iterable[dict[str, Any]], columns: tuple[str, ...],
                          out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"float": pa.float64(), "bool": pa.bool_(), "list": pa.list_(pa.string())}
    schema = pa.schema([(c, types.get(COLUMN_TYPES.get(c, ""), pa.string())) for c in columns])
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for group in batched(records, 10_000):
            writer.write_table(pa.Table.from_pylist(list(group), schema))
            count += len(group)
    return count


COLUMN_TYPES = {"value": "float", "change": "float", "optional": "bool", "revised": "bool",
                "implementer": "list", "partner": "list"}
