"""check and repair: damage is found, named with its repair, and what is derived is rebuilt."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, make_release

from pressdesk.check import damaged_index_files, file_damage
from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.errors import StoreError
from pressdesk.ingest import IngestOptions


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "x.db")
    with Desk.open(path) as desk:
        desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
    return path


def segment_files(db: str) -> list[Path]:
    return sorted(p for p in Path(f"{db}.index").iterdir()
                  if p.suffix in (".idx", ".term", ".pos", ".store", ".fast", ".fieldnorm"))


def flip_bytes(path: Path, seed: int = 1) -> None:
    """Damage a copy and rename it over the file: a process that still maps the old file
    (tantivy mmaps segments) keeps its pages, instead of dying of SIGBUS on a truncated map."""
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(5):
        data[rng.randrange(len(data) // 4, 3 * len(data) // 4)] ^= 0xFF
    damaged = path.with_name(path.name + ".damaged")
    damaged.write_bytes(bytes(data))
    damaged.replace(path)


def test_a_healthy_store_checks_ok(db: str) -> None:
    with Desk.open(db) as desk:
        report = desk.check()
    assert report.ok and (report.releases, report.indexed, report.queued) == (10, 10, 0)


def test_every_index_file_carries_a_checksum(db: str) -> None:
    files = segment_files(db)
    assert files and all(file_damage(str(p)) is None for p in files)
    flip_bytes(files[0])
    assert damaged_index_files(f"{db}.index") == [(files[0].name, "checksum mismatch")]
    truncated = files[1].with_name(files[1].name + ".cut")
    truncated.write_bytes(files[1].read_bytes()[:-3])
    truncated.replace(files[1])
    assert file_damage(str(files[1])) == "no footer (truncated or not an index file)"


@pytest.mark.parametrize("suffix", [".term", ".idx", ".store", ".fast"])
def test_flipped_bytes_are_found_and_repaired(db: str, suffix: str) -> None:
    (damaged,) = [p for p in segment_files(db) if p.suffix == suffix]
    flip_bytes(damaged)
    with Desk.open(db) as desk:
        report = desk.check()
        assert not report.ok and report.findings[0].part == "index"
        assert damaged.name in report.findings[0].problem
        assert "check --repair" in report.findings[0].repair
        assert desk.repair().ok
        assert desk.search("semiconductor").total


def test_a_search_on_a_damaged_index_is_one_error_with_the_repair(db: str) -> None:
    for path in segment_files(db):
        flip_bytes(path, seed=7)
    with Desk.open(db) as desk, pytest.raises(StoreError, match="check --repair"):
        for query in ("semiconductor", "steel OR tariff", "exports"):
            desk.search(query)


def test_releases_left_unindexed_are_reported_then_indexed(db: str) -> None:
    with Desk.open(db) as desk:
        desk.store.save_batch([make_release(1)], "t")  # as if an ingest died before its sync
        report = desk.check()
        assert "1 stored releases are not indexed yet" in report.findings[0].problem
        assert desk.repair().ok and desk.search('"Release number 1"').total == 1


def test_a_missing_index_is_rebuilt_by_any_search(db: str) -> None:
    shutil.rmtree(f"{db}.index")
    with Desk.open(db) as desk:
        assert desk.check().findings[0].problem == "missing"
        assert desk.search("semiconductor").total and desk.check().ok


def garble(db: str, first_page: int, holding: bytes = b"") -> None:
    """Zero a stretch of every page from ``first_page`` on (that holds ``holding``)."""
    data = bytearray(Path(db).read_bytes())
    for at in range(4096 * first_page, len(data), 4096):
        if holding in data[at : at + 4096]:
            data[at + 100 : at + 400] = bytes(300)
    Path(db).write_bytes(bytes(data))


def test_a_store_damaged_beyond_opening_is_one_error_naming_the_restore(db: str) -> None:
    garble(db, 0)  # the schema's own page (past the file header) and every other
    result = CliRunner().invoke(cli, ["--db", db, "stats"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "the store is damaged: restore a backup" in result.stderr


def test_a_damaged_store_is_reported_and_left_alone(db: str) -> None:
    garble(db, 1, holding=b"semiconductor")  # pages of release texts, not of the schema
    result = CliRunner().invoke(cli, ["--db", db, "check", "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and not report["ok"]
    assert report["findings"][0]["part"] == "store" and "restore" in report["findings"][0]["repair"]


def test_check_from_the_command_line(db: str) -> None:
    ok = CliRunner().invoke(cli, ["--db", db, "check"])
    assert ok.exit_code == 0 and ok.stdout.startswith("ok: the store holds 10 releases")
    flip_bytes(segment_files(db)[0])
    found = CliRunner().invoke(cli, ["--db", db, "check"])
    assert found.exit_code == 1 and "repair: pressdesk check --repair" in found.stdout
    repaired = CliRunner().invoke(cli, ["--db", db, "check", "--repair"])
    assert repaired.exit_code == 0 and repaired.stdout.startswith("ok:")


def test_a_store_found_damaged_takes_no_writes_until_restored(db: str, tmp_path: Path) -> None:
    backup = str(tmp_path / "good.db")
    with Desk.open(db) as desk:
        desk.backup(backup)
    garble(db, 1, holding=b"semiconductor")
    before = Path(db).read_bytes()
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "check"]).exit_code == 1  # found, and remembered
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"title": "A", "date": "2025-11-01", "body": "New text."}) + "\n")
    refused = runner.invoke(cli, ["--db", db, "ingest", str(more)])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert "the store is damaged" in refused.stderr and "pressdesk restore" in refused.stderr
    assert Path(db).read_bytes() == before  # nothing written
    assert runner.invoke(cli, ["--db", db, "restore", backup, "--yes"]).exit_code == 0
    assert runner.invoke(cli, ["--db", db, "ingest", str(more)]).exit_code == 0


def test_damage_met_by_any_command_is_remembered(db: str) -> None:
    garble(db, 1, holding=b"semiconductor")
    with Desk.open(db) as desk, pytest.raises(StoreError):
        for _ in desk.releases():  # reads every page of release text
            pass
    assert Path(f"{db}.damaged").exists()
