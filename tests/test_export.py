from __future__ import annotations

import csv
import errno
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE, record, write_jsonl

from pressdesk.desk import Desk
from pressdesk.errors import PressdeskError
from pressdesk.export import WRITERS
from pressdesk.extract.sectors import SECTORS
from pressdesk.ingest import IngestOptions

CONTENT = ("id", "title", "date", "category", "body", "source", "url", "language", "content_hash")


def _content(desk: Desk) -> list[tuple[object, ...]]:
    return sorted(tuple(getattr(s.release, f) for f in CONTENT) for s in desk.releases())


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("facts", [False, True])
def test_export_then_ingest_is_lossless(desk: Desk, tmp_path: Path, fmt: str, facts: bool) -> None:
    tricky = record(99, body='Quotes “curly”, dashes – —, ① circled, commas, "straight"\nand a newline.',
                    url="https://example.org/a?b=1")
    desk.ingest([str(SAMPLE), str(write_jsonl(tmp_path / "x.jsonl", [tricky]))])
    out = tmp_path / f"export.{fmt}"
    with out.open("wb") as f:
        assert desk.export(f, fmt, facts=facts) == 11
    with Desk.open(":memory:") as copy:
        report = copy.ingest([str(out)], IngestOptions(extract=False))
        assert report.new == 11 and not report.rejected
        assert _content(copy) == _content(desk)


def test_jsonl_export_is_one_object_per_line(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
    buf = io.BytesIO()
    desk.export(buf)
    assert len(buf.getvalue().splitlines()) == 10


def test_facts_go_out_with_the_releases(desk: Desk, tmp_path: Path) -> None:
    desk.ingest([str(SAMPLE)])
    buf = io.BytesIO()
    desk.export(buf, "jsonl", facts=True)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert all("semiconductors" in r["facts"]["sectors"] for r in rows if "chip" in r["body"])
    assert any(p["code"] == "KR" for r in rows for p in r["facts"]["places"])
    buf = io.BytesIO()
    desk.export(buf, "csv", facts=True)
    table = list(csv.DictReader(io.StringIO(buf.getvalue().decode())))
    assert all(set(row["sectors"].split("; ")) <= {"", *SECTORS} for row in table)
    assert any("KR" in row["places"].split("; ") for row in table)
    out = tmp_path / "x.parquet"
    with out.open("wb") as f:
        desk.export(f, "parquet", facts=True)
    assert pq.read_table(out).schema.field("sectors").type.value_type == "string"


def test_a_release_without_facts_exports_empty_fact_fields(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
    buf = io.BytesIO()
    desk.export(buf, "jsonl", facts=True)
    assert all(json.loads(line)["facts"] is None for line in buf.getvalue().splitlines())


def test_unknown_format_is_named(desk: Desk) -> None:
    with pytest.raises(Exception, match="unknown export format 'xml'"):
        desk.export(io.BytesIO(), "xml")


def test_export_never_writes_over_the_store(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with Desk.open(str(db)) as desk:
        desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
        size = db.stat().st_size
        for target in (db, Path(f"{db}-wal"), tmp_path / "x.db.index" / "meta.json"):
            with pytest.raises(PressdeskError, match="refusing to write over the store"):
                desk.export_file(str(target))
        assert db.stat().st_size == size and desk.stats().releases == 10


def test_export_file_appears_whole_or_not_at_all(desk: Desk, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
    out = tmp_path / "out.jsonl"
    assert desk.export_file(str(out)) == 10 and len(out.read_text().splitlines()) == 10
    (tmp_path / "reference").write_text("")
    assert out.stat().st_mode == (tmp_path / "reference").stat().st_mode  # as open() makes files
    (tmp_path / "reference").unlink()

    def full_disk(rows: object, stream: object, facts: bool) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setitem(WRITERS, "jsonl", full_disk)
    with pytest.raises(PressdeskError, match="out.jsonl: cannot write: No space left"):
        desk.export_file(str(out))
    assert len(out.read_text().splitlines()) == 10  # the earlier export is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary left behind
    with pytest.raises(PressdeskError, match="cannot write: No such file or directory"):
        desk.export_file(str(tmp_path / "missing" / "out.jsonl"))
