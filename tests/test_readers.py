"""Readers: every input format into releases and located rejections, bad input never fatal."""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
import tracemalloc
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from pressdesk.errors import InputError
from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers import FORMATS, Limits, normalise_date, read_path, sniff_format

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
MOTIR_SAMPLE = ROOT / "data" / "samples" / "motir-2025-11.txt"

Item = Release | Rejection


def read(path: Path | str, **options: object) -> list[Item]:
    return list(read_path(str(path), **options))  # type: ignore[arg-type]


def releases(items: list[Item]) -> list[Release]:
    return [item for item in items if isinstance(item, Release)]


def rejections(items: list[Item]) -> list[tuple[int | None, str]]:
    return [(item.origin.line, item.reason) for item in items if isinstance(item, Rejection)]


def jsonl_line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def good_record(n: int) -> dict[str, str]:
    return {"title": f"Release {n}", "date": "2024-05-01", "body": f"Body of release {n}."}


# ------------------------------------------------------------------------ MOTIR


def test_motir_sample_yields_ten_releases_with_exact_typography() -> None:
    items = read(MOTIR_SAMPLE)
    got = releases(items)
    assert len(items) == len(got) == 10
    raw = MOTIR_SAMPLE.read_text(encoding="utf-8").split("\n")
    for index, release in enumerate(got):
        start = index * 4
        assert release.origin == Origin(str(MOTIR_SAMPLE), start + 1)
        assert (release.category, release.title) == (raw[start + 1], raw[start + 2])
        body, marker = raw[start + 3].rsplit(" date", 1)
        assert release.body == body
        assert release.date == marker
        assert release.source == "MOTIR"
    assert [r.date for r in got[:3]] == ["2025-11-18", "2025-11-18", "2025-11-17"]
    everything = "".join(r.title + r.body for r in got)
    for mark in ("“", "”", "’", "—", "–"):
        assert mark in everything


def test_motir_rejects_bad_records_and_keeps_good_ones() -> None:
    items = read(FIXTURES / "dump.motir")
    assert rejections(items) == [
        (6, "missing title"),
        (9, "unparseable date '2024-13-40'"),
        (13, "missing date (no 'dateYYYY-MM-DD' at the end of the body)"),
        (17, "empty body"),
    ]
    first, last = releases(items)
    assert first.origin is not None and first.origin.line == 1
    assert first.body == (
        "The regulator approved a KRW 2 trillion grid upgrade – the largest in a decade.\n"
        "Work starts in spring."
    )
    assert (last.date, last.category, last.origin) == ("2024-04-01", "Trade", last.origin)
    assert last.body.endswith("a record ②.")


def test_motir_without_a_leading_separator_starts_at_line_one(tmp_path: Path) -> None:
    path = tmp_path / "dump"
    path.write_text(
        "Energy\nFirst\nBody one. date2024-01-02\n-\nEnergy\nSecond\nBody two. date2024-01-03\n"
    )
    items = read(path)
    assert [(r.title, r.origin.line if r.origin else None) for r in releases(items)] == [
        ("First", 1),
        ("Second", 4),
    ]


def test_motir_invalid_utf8_rejects_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(
        b"-\nTrade\nBroken \xff title\nBody. date2024-01-02\n-\nTrade\nFine\nBody. date2024-01-03\n"
    )
    items = read(path)
    assert rejections(items) == [(1, "invalid UTF-8 (line 3)")]
    assert [r.title for r in releases(items)] == ["Fine"]


# ------------------------------------------------------------------- JSON Lines


def test_jsonl_rejections_are_located_and_good_records_survive() -> None:
    items = read(FIXTURES / "releases.jsonl")
    assert rejections(items) == [
        (2, "empty title"),
        (3, "unparseable date 'the sixteenth'"),
        (4, "empty body"),
        (6, "record is not an object (list)"),
        (8, "truncated JSON: Unterminated string starting at (column 61)"),
    ]
    first, second = releases(items)
    assert (first.source, first.category, first.url) == (
        "Ministry of Agriculture",
        "Trade",
        "https://agri.example.gov/n/1",
    )
    assert (second.date, second.source, second.origin) == (
        "2024-01-18",
        "releases",
        Origin(str(FIXTURES / "releases.jsonl"), 7),
    )
    assert second.body.endswith("2 million samples ①.")


def test_jsonl_invalid_utf8_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = jsonl_line(**good_record(1)).encode()
    path.write_bytes(good + b'{"title": "caf\xe9", "date": "2024-01-01", "body": "x"}\n' + good)
    items = read(path)
    assert [str(item) for item in items if isinstance(item, Rejection)] == [
        f"{path}:2: invalid UTF-8"
    ]
    assert len(releases(items)) == 2


def test_jsonl_truncated_last_line_rejects_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    text = jsonl_line(**good_record(1)) + jsonl_line(**good_record(2))
    path.write_text(text + jsonl_line(**good_record(3))[:30])
    items = read(path)
    assert [line for line, _ in rejections(items)] == [3]
    assert rejections(items)[0][1].startswith("truncated JSON")
    assert [r.title for r in releases(items)] == ["Release 1", "Release 2"]


def test_a_50mb_line_is_rejected_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    size = 50 * 1024 * 1024
    with path.open("wb") as out:
        out.write(jsonl_line(**good_record(1)).encode())
        out.write(b"x" * size + b"\n")
        out.write(jsonl_line(**good_record(3)).encode())
    tracemalloc.start()
    try:
        items = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rejections(items) == [(2, f"line too long ({size} bytes > {10 * 1024 * 1024} limit)")]
    assert [r.title for r in releases(items)] == ["Release 1", "Release 3"]
    assert peak < 16 * 1024 * 1024


def test_line_limit_is_a_keyword(tmp_path: Path) -> None:
    path = tmp_path / "small.jsonl"
    long_line = jsonl_line(title="t", date="2024-01-01", body="y" * 500)
    path.write_text(jsonl_line(**good_record(1)) + long_line)
    items = read(path, limits=Limits(line_bytes=200))
    assert rejections(items) == [(2, f"line too long ({len(long_line) - 1} bytes > 200 limit)")]
    assert len(releases(items)) == 1


def test_jsonl_streams_with_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    body = "Words of a release body. " * 44
    with path.open("w") as out:
        for n in range(10_000):
            out.write(jsonl_line(title=f"Release {n}", date="2024-05-01", body=body))
    assert path.stat().st_size > 10 * 1024 * 1024
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_path(str(path)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 4 * 1024 * 1024


def test_absent_fields_are_missing_and_blank_ones_empty(tmp_path: Path) -> None:
    path = tmp_path / "fields.jsonl"
    lines = [
        jsonl_line(date="2024-01-01", body="b"),
        jsonl_line(title="t", date=None, body="b"),
        jsonl_line(title="t", date="2024-01-01"),
        jsonl_line(title="t", date="2024-01-01", body="\n "),
        jsonl_line(title=7, date="2024-01-01", body="b"),
        jsonl_line(title="t", date="2024-01-01", body="b", category=["x"]),
    ]
    path.write_text("".join(lines))
    assert [reason for _, reason in rejections(read(path))] == [
        "missing title",
        "missing date",
        "missing body",
        "empty body",
        "title is not text (int)",
        "category is not text (list)",
    ]


def test_crlf_motir_keeps_plain_newlines_in_the_body(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"-\r\nTrade\r\nTitle\r\nLine one.\r\nLine two. date2024-01-02\r\n")
    (release,) = releases(read(path))
    assert (release.title, release.body) == ("Title", "Line one.\nLine two.")


def test_the_records_own_id_is_ignored_and_ids_are_stable(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(jsonl_line(id="given", url="https://x.example/1", **good_record(1)))
    first, second = read(path), read(path)
    assert isinstance(first[0], Release)
    assert first[0].id != "given"
    assert first[0].id == second[0].id  # type: ignore[union-attr]


# ------------------------------------------------------------------- JSON array


def test_json_array_records_are_numbered() -> None:
    items = read(FIXTURES / "releases.json")
    assert rejections(items) == [(2, "empty body"), (3, "record is not an object (int)")]
    clinic, nurses = releases(items)
    assert (clinic.date, clinic.source, clinic.origin.line if clinic.origin else None) == (
        "2024-02-01",
        "releases",
        1,
    )
    assert (nurses.title, nurses.date, nurses.source, nurses.language) == (
        "Nurses’ Pay Agreement",
        "2024-02-02",
        "Ministry of Health",
        "en",
    )


@pytest.mark.parametrize(
    "text",
    ['{"title": "a"}\n', '"just text"', "[1, 2"],
    ids=["object", "string", "numbers"],
)
def test_json_that_is_not_an_array_of_objects_is_rejected(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text)
    items = read(path, format="json")
    assert items and all(isinstance(item, Rejection) for item in items)


def test_truncated_json_array_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    text = json.dumps([good_record(1), good_record(2), good_record(3)], indent=1)
    path.write_text(text[: text.rindex("Body of release 3")])
    items = read(path)
    assert [r.title for r in releases(items)] == ["Release 1", "Release 2"]
    assert [line for line, _ in rejections(items)] == [3]
    assert rejections(items)[0][1].startswith("truncated JSON")


def test_json_array_invalid_utf8_rejects_that_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    bad = b'{"title": "T\xff", "date": "2024-01-01", "body": "b"}'
    path.write_bytes(b"[" + json.dumps(good_record(1)).encode() + b", " + bad + b"]")
    items = read(path)
    assert rejections(items) == [(2, "invalid UTF-8")]
    assert len(releases(items)) == 1


# -------------------------------------------------------------------------- CSV


def test_csv_rows_keep_their_starting_lines() -> None:
    items = read(FIXTURES / "releases.csv")
    assert rejections(items) == [(5, "empty title"), (6, "unparseable date 'not a date'")]
    tolls, bridges, lanes = releases(items)
    assert (tolls.origin, tolls.source, tolls.url) == (
        Origin(str(FIXTURES / "releases.csv"), 2),
        "Ministry of Roads",
        "https://roads.example.gov/1",
    )
    assert bridges.origin is not None and bridges.origin.line == 3
    assert bridges.body == (
        "Inspections of 320 bridges begin in February.\nResults are due by the end of the year."
    )
    assert (bridges.date, bridges.source, bridges.url) == ("2024-01-05", "releases", None)
    assert lanes.origin is not None and lanes.origin.line == 7
    assert lanes.body == "Funding of ¥800 million for cycle lanes “in every city”."


def test_csv_invalid_utf8_row_is_rejected_and_tabs_are_understood(tmp_path: Path) -> None:
    path = tmp_path / "rows.tsv"
    path.write_bytes(
        b"Title\tDate\tBody\n"
        b"One\t2024-01-01\tFirst.\n"
        b"Tw\xc3\x28o\t2024-01-02\tSecond.\n"
        b"Three\t2024-01-03\tThird.\n"
    )
    items = read(path)
    assert rejections(items) == [(3, "invalid UTF-8")]
    assert [(r.title, r.origin.line if r.origin else None) for r in releases(items)] == [
        ("One", 2),
        ("Three", 4),
    ]


def test_csv_body_of_2mb_is_kept_and_a_row_past_the_record_limit_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    huge = "x" * 2_000_000  # a real release can be this long; the csv module's default refuses 131,072
    path.write_text(f'title,date,body\nA,2024-01-01,short\nB,2024-01-02,"{huge}"\nC,2024-01-03,ok\n')
    assert [(r.title, len(r.body)) for r in releases(read(path))] == [("A", 5), ("B", 2_000_000), ("C", 2)]
    items = read(path, limits=Limits(record_bytes=1_000_000, line_bytes=3_000_000))
    assert [line for line, _ in rejections(items)] == [3]
    assert rejections(items)[0][1].startswith("CSV row too long (> 1000000 bytes")
    assert [r.title for r in releases(items)] == ["A", "C"]


# ------------------------------------------------------------------------ feeds


def test_rss_items_become_releases() -> None:
    items = read(FIXTURES / "feed.rss")
    assert rejections(items) == [(3, "missing title")]
    ferry, dredging = releases(items)
    assert ferry.source == "Ministry of Ports – Press Releases"
    assert (ferry.date, ferry.category, ferry.language) == ("2024-03-04", "Transport", "en")
    assert ferry.url == "https://ports.example.gov/news/ferry-timetable"
    assert ferry.body == (
        "From 1 April, ferries to the outer islands will run every two hours instead of three.\n"
        "The change costs £2.1 million a year — paid by the regional budget."
    )
    assert dredging.body == "Dredging of the east quay begins on 11 March and lasts six weeks."
    assert dredging.origin is not None and dredging.origin.line == 2


def test_atom_entries_become_releases() -> None:
    items = read(FIXTURES / "feed.atom")
    assert rejections(items) == [(2, "unparseable date 'sometime next spring'"), (3, "empty body")]
    (report,) = releases(items)
    assert (report.title, report.date, report.source) == (
        "Beach Monitoring Report Published",
        "2024-02-09",
        "Office of Coastal Affairs",
    )
    assert report.body == (
        "Water quality was rated “excellent” at 41 of 45 beaches in 2023.\n"
        "North coast: 18\nSouth coast: 23"
    )
    assert (report.category, report.language) == ("Environment", "fr")


def test_malformed_feed_without_entries_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</ti')
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], Rejection)
    assert items[0].origin == Origin(str(path)) and items[0].reason.startswith("malformed feed")


def test_malformed_feed_with_entries_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sloppy &amp; Co</title>'
        "<item><title>Kept</title><pubDate>Tue, 02 Jan 2024 09:00:00 GMT</pubDate>"
        "<description>Body &nbsp; here</description></item>"
        "<item><title>Also kept</title><pubDate>2024-01-03</pubDate>"
        "<description>Second</description></item></channel>"
    )
    items = read(path)
    assert [(r.title, r.date) for r in releases(items)] == [
        ("Kept", "2024-01-02"),
        ("Also kept", "2024-01-03"),
    ]


# ------------------------------------------------------------------------- HTML


def test_html_article_page() -> None:
    (page,) = read(FIXTURES / "page.html")
    assert isinstance(page, Release)
    assert page.title == "Harbour Authority Opens Tidal Energy Pilot"
    assert (page.date, page.source, page.language) == ("2024-03-05", "Ministry of Ports", "en")
    assert page.url == "https://ports.example.gov/news/tidal-energy-pilot"
    assert page.origin == Origin(str(FIXTURES / "page.html"))
    assert "€4.5 million" in page.body and "southern quay — a decision" in page.body
    assert not page.body.startswith(page.title)
    assert "All rights reserved" not in page.body and "Contact" not in page.body


def test_html_without_an_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!doctype html><html><head><title>x</title></head><body></body></html>")
    (item,) = read(path)
    assert isinstance(item, Rejection) and item.origin == Origin(str(path))


# --------------------------------------------------------- detection and paths


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"title": "x"}\n', "jsonl"),
        (b"{\n  \"title\": 1\n}", "json"),
        (b"  [ {}", "json"),
        (b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "rss"),
        (b'<rdf:RDF xmlns:rdf="x">', "rss"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "atom"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"<HTML><body>", "html"),
        (b"-\nTrade\nTitle\nBody date2025-11-18\n", "motir"),
        (b"Title,Date,Body,Source\nA,2024-01-01,B,C\n", "csv"),
        (b"title;date;body\n", "csv"),
        (b"just some words\n", None),
        (b"<svg></svg>", None),
    ],
)
def test_sniff_format(head: bytes, expected: str | None) -> None:
    assert sniff_format(head) == expected


def test_content_wins_over_a_lying_extension(tmp_path: Path) -> None:
    (tmp_path / "actually-jsonl.csv").write_text(jsonl_line(**good_record(1)))
    (tmp_path / "actually-rss.json").write_bytes((FIXTURES / "feed.rss").read_bytes())
    (tmp_path / "actually-motir.html").write_bytes((FIXTURES / "dump.motir").read_bytes())
    assert len(releases(read(tmp_path / "actually-jsonl.csv"))) == 1
    assert len(releases(read(tmp_path / "actually-rss.json"))) == 2
    assert len(releases(read(tmp_path / "actually-motir.html"))) == 2


def test_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "records.dat"
    path.write_text("Energy\nTitle\nBody. date2024-01-01\n")
    assert [item.reason for item in read(path) if isinstance(item, Rejection)] == [
        "unrecognised format"
    ]
    assert [r.title for r in releases(read(path, format="motir"))] == ["Title"]


def test_extension_is_the_fallback(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("Energy\nTitle\nBody. date2024-01-01\n")
    assert [r.title for r in releases(read(path))] == ["Title"]


def test_binary_and_unknown_files_are_one_rejection_each(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notes").write_text("nothing to see here\n")
    assert rejections(read(tmp_path / "image.png")) == [(None, "binary file")]
    assert rejections(read(tmp_path / "notes")) == [(None, "unrecognised format")]


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.jsonl").write_text(jsonl_line(**good_record(1)))
    (tmp_path / "b" / "c.csv").write_text("title,date,body\nRelease 2,2024-05-01,Body.\n")
    (tmp_path / "b" / ".secret.jsonl").write_text(jsonl_line(**good_record(99)))
    (tmp_path / ".hidden" / "x.jsonl").write_text(jsonl_line(**good_record(98)))
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(jsonl_line(**good_record(3)))
    (tmp_path / "e.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    items = read(tmp_path)
    assert [(r.title, r.source) for r in releases(items)] == [
        ("Release 1", "a"),
        ("Release 2", "c"),
        ("Release 3", "d"),
    ]
    assert [str(item) for item in items if isinstance(item, Rejection)] == [
        f"{tmp_path / 'e.bin'}: binary file"
    ]


def test_gzip_is_recognised_by_content_and_streamed(tmp_path: Path) -> None:
    path = tmp_path / "feed.data"
    with gzip.open(path, "wb") as out:
        out.write((FIXTURES / "releases.jsonl").read_bytes())
    items = read(path)
    assert len(releases(items)) == 2 and len(rejections(items)) == 5
    assert all(item.origin and item.origin.path == str(path) for item in items)


def test_corrupt_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = "".join(jsonl_line(**good_record(n)) for n in range(2000)).encode()
    path.write_bytes(gzip.compress(lines)[:-5000])
    items = read(path)
    assert len(releases(items)) > 100
    (last,) = [item for item in items if isinstance(item, Rejection)]
    assert last.reason.startswith("cannot read") and items[-1] is last


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (jsonl_line(**good_record(1)) + "not json\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = read("-")
    (release,) = releases(items)
    assert release.origin == Origin("<stdin>", 1) and release.source == "stdin"
    assert [str(item) for item in items if isinstance(item, Rejection)] == [
        "<stdin>:2: invalid JSON: Expecting value (column 1)"
    ]


def test_source_overrides_every_record() -> None:
    for name in ("releases.jsonl", "feed.rss", "page.html", "dump.motir", "releases.csv"):
        assert {r.source for r in releases(read(FIXTURES / name, source="Desk"))} == {"Desk"}


def test_empty_file_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "blank.txt").write_text("\n\n  \n")
    assert read(tmp_path) == []


def test_bad_arguments_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "missing.jsonl"))
    with pytest.raises(InputError, match="unknown format"):
        read_path(str(tmp_path), format="docx")
    assert "motir" in FORMATS and "jsonl" in FORMATS


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024-01-05", "2024-01-05"),
        ("2024-01-05T23:59:59-05:00", "2024-01-05"),
        ("Tue, 18 Nov 2025 08:00:00 +0900", "2025-11-18"),
        ("Tue, 18 Nov 2025 09:00:00 KST", "2025-11-18"),
        ("18 November 2025", "2025-11-18"),
        ("November 18, 2025", "2025-11-18"),
        ("2025.11.18", "2025-11-18"),
        ("Nov 2025", None),
        ("2025-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_normalise_date(written: str, day: str | None) -> None:
    assert normalise_date(written) == day


def test_an_escaped_lone_surrogate_is_rejected_not_crashing(tmp_path: Path) -> None:
    path = tmp_path / "escape.jsonl"
    escaped = '{"title": "Bad \\ud800", "date": "2024-01-01", "body": "b"}\n'
    path.write_text(escaped + jsonl_line(**good_record(2)))
    items = read(path)
    assert rejections(items) == [(1, "invalid text: unpaired surrogate")]
    assert len(releases(items)) == 1


# ---------------------------------------------------------------------- Parquet


def write_parquet(path: Path, rows: Sequence[Mapping[str, object]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path.read_bytes()


def test_parquet_rows_are_numbered_and_read_from_disk_or_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    rows: list[dict[str, object]] = [
        {"title": "One", "date": date(2024, 1, 2), "body": "First.", "source": "Desk"},
        {"title": "", "date": date(2024, 1, 3), "body": "Second.", "source": None},
        {"title": "Three", "date": date(2024, 1, 4), "body": "Third “quoted”.", "source": None},
    ]
    data = write_parquet(tmp_path / "rows.bin", rows)
    items = read(tmp_path / "rows.bin")
    assert rejections(items) == [(2, "empty title")]
    assert [(r.title, r.date, r.source) for r in releases(items)] == [
        ("One", "2024-01-02", "Desk"),
        ("Three", "2024-01-04", "rows"),
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [r.body for r in releases(read("-"))] == ["First.", "Third “quoted”."]


def test_damaged_parquet_is_rejected(tmp_path: Path) -> None:
    data = write_parquet(tmp_path / "ok.parquet", [good_record(1)])
    (tmp_path / "cut.parquet").write_bytes(data[: len(data) // 2])
    (item,) = read(tmp_path / "cut.parquet")
    assert isinstance(item, Rejection) and item.reason.startswith("bad Parquet")


# ------------------------------------------------------------------- robustness


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) + 1)
        choice = rng.random()
        if choice < 0.3:
            del out[at : at + rng.randint(1, 40)]
        elif choice < 0.6:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif choice < 0.7:
            del out[at:]
        else:
            out[at:at] = rng.choice([b'"', b"{", b"[", b"<", b"-\n", b"\n", b"\\ud800", b"&", b"\xff"])
    return bytes(out)


@pytest.mark.parametrize("fixture", sorted(path.name for path in FIXTURES.iterdir()))
def test_damaged_inputs_never_break_the_stream(tmp_path: Path, fixture: str) -> None:
    rng = random.Random(fixture)
    original = (FIXTURES / fixture).read_bytes()
    for attempt in range(25):
        path = tmp_path / f"{attempt}-{fixture}"
        path.write_bytes(mutate(original, rng))
        format = rng.choice([None, *FORMATS])
        for item in read_path(str(path), format=format):
            assert isinstance(item, Release | Rejection)
            assert item.origin is not None and item.origin.path == str(path)


def test_a_lone_carriage_return_in_the_first_line_is_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"title,date\rx,body\nA,2024-01-01,B\n")
    items = list(read_path(str(path)))
    assert items and all(isinstance(i, Rejection) for i in items)
