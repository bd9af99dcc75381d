from __future__ import annotations

import csv
import errno
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE, record, write_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from pressdesk.desk import Desk
from pressdesk.errors import PressdeskError
from pressdesk.export import WRITERS
from pressdesk.extract.sectors import SECTORS
from pressdesk.ingest import IngestOptions
from pressdesk.models import Rejection, Release, StoredRelease
from pressdesk.readers import read_path

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


# Text that once broke a round trip, or might: each is stored as the readers store text
# (trimmed), exported in every format and ingested again into an empty store.
TRICKY_TEXTS = {
    "controls": "NUL \x00 here, bell \x07, escape \x1b, form feed \x0c, separators \x1c\x1f end.",
    "only NULs between": "a\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00b",
    "lone CR": "line one\rline two\r\rline four",
    "CRLF": "line one\r\nline two",
    "blank runs": "First.\n\n\n\n   \n\t\n\nLast.",
    "rows inside": "A,2024-01-01,B\nC,2024-01-02,D\n" + ",".join(["x", "T", "2024-01-03"] + ["y"] * 10),
    "MOTIR separators": "-\nTrade\n-\nTitle\nBody date2024-01-01",
    "Unicode line breaks": "a\u2028b\u2029c\x85d\x0be",
    "quotes": '"""quoted"", \'single\', "unbalanced',
    "JSON inside": '{"title": "x", "date": "2024-01-01", "body": "y"}\n[1, 2, {"a": [[[]]]}]',
    "byte-order mark": "\ufeffstarts with a byte-order mark",
    "markup": "<html><body><p>Not a page</p></body></html> &amp; <rss>",
    "surrogates' neighbours": "\ud7ff \ue000 \uffff \U0010ffff 🚢",
}


def tricky_releases() -> list[Release]:
    made = [
        Release.create(title=f"Tricky {name}", date="2025-11-20", body=text.strip(), source="Test Ministry")
        for name, text in TRICKY_TEXTS.items()
    ]
    made.append(Release.create(title="Tricky title\x00 with\rbreaks\nin it", date="2025-11-21",
                               body="Body.", category="Cat\x07egory", source="Test Ministry",
                               url="https://example.org/a,b\"c"))
    long_body = ("A two-megabyte body, as a real release can have. " * 42_000).strip()
    made.append(Release.create(title="Long", date="2025-11-22", body=long_body, source="Test Ministry"))
    return made


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_then_ingest_is_lossless_for_any_text(desk: Desk, tmp_path: Path, fmt: str) -> None:
    desk.add(tricky_releases(), IngestOptions(extract=False))
    out = tmp_path / f"export.{fmt}"
    with out.open("wb") as f:
        assert desk.export(f, fmt) == len(TRICKY_TEXTS) + 2
    with Desk.open(":memory:") as copy:
        report = copy.ingest([str(out)], IngestOptions(extract=False))
        assert not report.rejected and report.new == len(TRICKY_TEXTS) + 2
        assert _content(copy) == _content(desk)
        again = copy.ingest([str(out)], IngestOptions(extract=False))
        assert (again.new, again.changed, again.unchanged) == (0, 0, len(TRICKY_TEXTS) + 2)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=60)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(texts=st.lists(st.tuples(TEXT, TEXT, TEXT).map(lambda t: tuple(x.strip() for x in t))
                      .filter(lambda t: t[0] != "" and t[1] != ""), min_size=1, max_size=5))
def test_every_writer_reads_back_any_text(texts: list[tuple[str, str, str]]) -> None:
    """Any title, body and category, written by each writer and read back by the readers."""
    import tempfile

    made = [Release.create(title=f"{n} {t}", date="2025-01-02", body=b, category=c, source="S")
            for n, (t, b, c) in enumerate(texts)]
    seen = "2025-01-02T00:00:00+00:00"
    rows = [(StoredRelease(r, 1, seen, seen), None) for r in made]
    with tempfile.TemporaryDirectory() as folder:
        for fmt, write in WRITERS.items():
            path = Path(folder) / f"out.{fmt}"
            with path.open("wb") as out:
                write(rows, out, False)
            got = list(read_path(str(path)))
            assert [item for item in got if isinstance(item, Rejection)] == []
            assert [r.content_hash for r in got if isinstance(r, Release)] == [r.content_hash for r in made]


def _revise(desk: Desk, tmp_path: Path, bodies: list[str]) -> None:
    """One release (by its URL) ingested once per body, so it has a revision per body."""
    for n, body in enumerate(bodies):
        page = record(1, body=body, url="https://example.org/notice")
        desk.ingest([str(write_jsonl(tmp_path / f"v{n}.jsonl", [page, record(2)]))])


def _history(desk: Desk) -> list[list[tuple[int, str, str]]]:
    return sorted(
        [(r.revision, r.body, r.content_hash) for r in desk.release(s.release.id, revisions=True).revisions]
        for s in desk.releases()
    )


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_with_revisions_gives_back_every_revision(desk: Desk, tmp_path: Path, fmt: str) -> None:
    _revise(desk, tmp_path, ["First text.", "Second text, corrected.", "Third text, final."])
    out = tmp_path / f"history.{fmt}"
    assert desk.export_file(str(out), fmt, revisions=True) == 4  # three texts of one, one of the other
    with Desk.open(":memory:") as copy:
        first = copy.ingest([str(out)], IngestOptions(extract=False))
        assert (first.new, first.changed, first.rejected) == (2, 2, ())
        assert _history(copy) == _history(desk)
        again = copy.ingest([str(out)], IngestOptions(extract=False))
        assert (again.new, again.changed, again.unchanged) == (0, 0, 4)


def test_without_revisions_only_current_texts_go_out(desk: Desk, tmp_path: Path) -> None:
    _revise(desk, tmp_path, ["First text.", "Second text."])
    out = io.BytesIO()
    assert desk.export(out, "jsonl") == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted((r["revision"], r["body"]) for r in rows)[-1] == (2, "Second text.")


def test_a_text_older_than_the_stores_is_history_not_a_new_revision(desk: Desk, tmp_path: Path) -> None:
    _revise(desk, tmp_path, ["First text.", "Second text.", "Third text."])
    old = record(1, body="First text.", url="https://example.org/notice", revision=1)
    report = desk.ingest([str(write_jsonl(tmp_path / "old.jsonl", [old]))])
    assert (report.changed, report.unchanged) == (0, 1)
    newer = record(1, body="A fourth text.", url="https://example.org/notice", revision=3)
    assert desk.ingest([str(write_jsonl(tmp_path / "new.jsonl", [newer]))]).changed == 1


@pytest.mark.parametrize("value", ["0", -2, "two", 1.5, True, "9" * 5000])
def test_a_bad_revision_number_is_named(tmp_path: Path, value: object) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [record(1, revision=value), record(2)])
    items = list(read_path(str(path)))
    assert isinstance(items[1], Release)
    assert isinstance(items[0], Rejection) and "revision is not a whole number" in items[0].reason


def test_revisions_of_one_release_in_one_input_are_records_of_their_own(tmp_path: Path) -> None:
    texts = [record(1, body=f"Text {n}.", url="https://example.org/a", revision=n) for n in (1, 2)]
    clash = record(1, body="Other.", url="https://example.org/a", revision=2)
    path = write_jsonl(tmp_path / "two.jsonl", [*texts, clash])
    items = list(read_path(str(path)))
    assert [type(i).__name__ for i in items] == ["Release", "Release", "Rejection"]
