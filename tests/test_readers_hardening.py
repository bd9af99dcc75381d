"""Readers under hostile input (issue 8): no input costs a stored release.

One test per class of failure: tracebacks on input, good records lost without
a word or with one, unbounded time or memory, and records that made every
re-ingest add revisions. Each failed on the readers before the issue.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pressdesk.ingest import ingest_paths
from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers import READER_FAILED, Limits, read_path
from pressdesk.store import Store

Item = Release | Rejection


def read(path: Path | str, **options: object) -> list[Item]:
    return list(read_path(str(path), **options))  # type: ignore[arg-type]


def titles(items: list[Item]) -> list[str]:
    return [item.title for item in items if isinstance(item, Release)]


def rejections(items: list[Item]) -> list[tuple[int | None, str]]:
    return [(item.origin.line, item.reason) for item in items if isinstance(item, Rejection)]


def record(n: int, **fields: object) -> dict[str, object]:
    return {"title": f"Release {n}", "date": "2024-05-01", "body": f"Body of release {n}."} | fields


def line(n: int, **fields: object) -> str:
    return json.dumps(record(n, **fields)) + "\n"


# ------------------------------------------------------------ 1. tracebacks on input


@pytest.mark.parametrize("nest", ["[" * 5000 + "]" * 5000, '{"a": ' * 5000 + "1" + "}" * 5000])
def test_json_nested_thousands_deep_is_one_rejection(tmp_path: Path, nest: str) -> None:
    (tmp_path / "deep.json").write_text(f"[{json.dumps(record(1))}, {nest}, {json.dumps(record(3))}]")
    (tmp_path / "deep.jsonl").write_text(line(1) + nest + "\n" + line(3))
    for name in ("deep.json", "deep.jsonl"):
        items = read(tmp_path / name)
        assert titles(items) == ["Release 1", "Release 3"]
        assert rejections(items) == [(2, "invalid JSON: nested more than 100 levels deep")]


def test_json_nesting_is_bounded_by_its_limit(tmp_path: Path) -> None:
    nested = {"title": "x", "date": "2024-01-01", "body": "b", "extra": [[[[1]]]]}  # 5 levels
    (tmp_path / "x.jsonl").write_text(json.dumps(nested) + "\n")
    assert titles(read(tmp_path / "x.jsonl")) == ["x"]
    assert rejections(read(tmp_path / "x.jsonl", limits=Limits(json_depth=4))) == [
        (1, "invalid JSON: nested more than 4 levels deep")
    ]


def test_an_integer_of_5000_digits_costs_its_record_nothing(tmp_path: Path) -> None:
    huge = "9" * 5000  # past Python's int-string limit of 4,300 digits
    lines = line(1) + line(2)[:-2] + f', "views": {huge}}}\n' + line(3)[:-2] + f', "id": {huge}}}\n'
    (tmp_path / "big.jsonl").write_text(lines + f'{{"title": {huge}, "date": "2024-01-01", "body": "b"}}\n')
    (tmp_path / "big.json").write_text("[" + lines.strip().replace("\n", ",") + "]")
    jsonl, array = read(tmp_path / "big.jsonl"), read(tmp_path / "big.json")
    assert titles(jsonl) == titles(array) == ["Release 1", "Release 2", "Release 3"]
    assert jsonl[2].external_id == huge  # type: ignore[union-attr]
    assert rejections(jsonl) == [(4, "title is not text (int)")]


def test_an_id_that_is_a_list_or_object_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "ids.jsonl").write_text(line(1, id=[1, 2]) + line(2, id={"a": 1}) + line(3, id=7))
    items = read(tmp_path / "ids.jsonl")
    assert rejections(items) == [
        (1, "id is not text or a number (list)"), (2, "id is not text or a number (dict)")
    ]
    assert titles(items) == ["Release 3"]


def test_a_csv_whose_lines_end_in_lone_carriage_returns(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b'title,date,body\rA,2024-01-01,"Two\rlines"\r\rB,2024-01-02,Second\r')
    items = read(path)
    got = [(r.title, r.body, r.origin.line if r.origin else None) for r in items if isinstance(r, Release)]
    assert got == [("A", "Two\nlines", 2), ("B", "Second", 5)]
    mixed = tmp_path / "mixed.csv"  # line feeds, and one lone CR inside a row: that row only
    mixed.write_bytes(b"title,date,body\nA,2024-01-01,a\rB,2024-01-02,b\nC,2024-01-03,c\n")
    items = read(mixed)
    assert titles(items) == ["C"]
    assert rejections(items) == [(2, "invalid CSV: a carriage return inside an unquoted field")]


def test_a_parquet_timestamp_near_9999_with_a_zone_rejects_its_row_only(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    zone = pa.timestamp("us", tz="Pacific/Kiritimati")  # UTC+14: 9999-12-31 23:00 UTC is year 10000 there
    days = [datetime(2024, 1, 2), datetime(9999, 12, 31, 23), datetime(2024, 1, 4)]
    days = [day.replace(tzinfo=UTC) for day in days]
    table = pa.table({"title": ["One", "Two", "Three"], "date": pa.array(days, zone), "body": list("abc")})
    pq.write_table(table, tmp_path / "late.parquet")
    items = read(tmp_path / "late.parquet")
    assert titles(items) == ["One", "Three"]
    (where, reason), = rejections(items)
    assert where == 2 and reason.startswith("unreadable Parquet value:") and "\n" not in reason


def test_a_broken_parquet_row_group_costs_only_its_rows(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [record(n) for n in range(1, 7)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "groups.parquet", row_group_size=2,
                   compression="none")
    data = bytearray((tmp_path / "groups.parquet").read_bytes())
    at = data.index(b"Body of release 3")
    data[at - 12 : at + 40] = b"\xff" * 52  # the second row group's pages
    (tmp_path / "groups.parquet").write_bytes(bytes(data))
    items = read(tmp_path / "groups.parquet")
    assert {"Release 1", "Release 2", "Release 5", "Release 6"} <= set(titles(items))
    assert all(line in (3, 4) for line, _ in rejections(items)) and rejections(items)


def test_feed_html_nested_past_lxml_limits_keeps_its_text(tmp_path: Path) -> None:
    deep = "&lt;div&gt;" * 3000 + "Deep text" + "&lt;/div&gt;" * 3000
    (tmp_path / "deep.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        f"<item><title>A</title><pubDate>2024-01-01</pubDate><description>{deep}</description></item>"
        "</channel></rss>"
    )
    (release,) = read(tmp_path / "deep.rss")
    assert isinstance(release, Release) and release.body == "Deep text"


def test_an_html_page_nested_past_lxml_limits_is_rejected_not_cut(tmp_path: Path) -> None:
    page = "<html><body><article><h1>T</h1>" + "<div>" * 400 + "<p>Deep text.</p>" + "</div>" * 400
    (tmp_path / "deep.html").write_text(page + "</article></body></html>")
    assert rejections(read(tmp_path / "deep.html")) == [
        (None, "HTML nested more than 255 levels deep (lxml drops what is deeper)")
    ]


def test_a_megabyte_date_is_unparseable_at_once(tmp_path: Path) -> None:
    (tmp_path / "date.jsonl").write_text(line(1, date="5 May 2024 " * 100_000) + line(2))
    started = time.monotonic()
    items = read(tmp_path / "date.jsonl")
    assert time.monotonic() - started < 1
    assert [(where, reason[:20]) for where, reason in rejections(items)] == [(1, "unparseable date '5 ")]


# ------------------------------------------------------- 2. good records lost


def test_an_unbalanced_quote_costs_only_its_row(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        'title,date,body\nA,2024-01-01,"Unclosed\nB,2024-01-02,Second\nC,2024-01-03,"Third, quoted"\n'
        'D,2024-01-04,"Fourth\nin two lines"\n'
    )
    items = read(path)
    assert [(r.title, r.body) for r in items if isinstance(r, Release)] == [
        ("B", "Second"), ("C", "Third, quoted"), ("D", "Fourth\nin two lines"),
    ]
    (where, reason), = rejections(items)
    assert where == 2 and "an unbalanced quote?" in reason and "line 3" in reason


def test_a_stray_quote_closing_cleanly_after_two_rows_is_found(tmp_path: Path) -> None:
    path = tmp_path / "pair.csv"
    path.write_text('title,date,body\nA,2024-01-01,"One\nB,2024-01-02,Two\nC,2024-01-03,Three\n"\n')
    items = read(path)
    assert titles(items) == ["B", "C"]
    assert [where for where, _ in rejections(items)] == [2]  # the row the stray quote opened


def test_a_quoted_body_with_a_line_like_a_row_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "dateline.csv"
    path.write_text('title,date,body\nA,2024-01-01,"SEOUL, 18 November 2025, the ministry said\nmore."\n')
    assert [(r.title, r.body) for r in read(path) if isinstance(r, Release)] == [
        ("A", "SEOUL, 18 November 2025, the ministry said\nmore.")
    ]


def test_records_after_8kib_of_leading_blank_space_are_read(tmp_path: Path) -> None:
    (tmp_path / "blank").write_text(" " * 9000 + "\n" * 3 + line(1) + "\n" + line(2))
    items = read(tmp_path / "blank")
    assert [(r.title, r.origin.line if r.origin else 0) for r in items if isinstance(r, Release)] == [
        ("Release 1", 4), ("Release 2", 6),
    ]


def test_an_unreadable_subfolder_is_a_rejection_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.jsonl").write_text(line(1))
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.jsonl").write_text(line(2))
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # tests run as root, whom chmod 000 does not stop
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path)
    assert titles(items) == ["Release 1"]
    assert [str(item) for item in items if isinstance(item, Rejection)] == [
        f"{tmp_path / 'locked'}: cannot read folder: Permission denied"
    ]


def test_links_and_pipes_in_a_folder_are_named_and_loops_read_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.jsonl").write_text(line(1))
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a loop
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "missing.jsonl")
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = read(tmp_path)
    assert titles(items) == ["Release 1"]
    assert sorted(str(item) for item in items if isinstance(item, Rejection)) == [
        f"{tmp_path / 'gone.jsonl'}: broken symbolic link: skipped",
        f"{tmp_path / 'pipe.jsonl'}: not a regular file: skipped",
    ]


@pytest.mark.parametrize(
    ("name", "data", "bad_line"),
    [
        ("nul.jsonl", (line(1) + "\x00\x00\x00\n" + line(3)).encode(), 2),
        ("nul.csv", b"title,date,body\nA,2024-01-01,a\n\x00\x01\x02\x00\nC,2024-01-03,c\n", 3),
        ("nul.txt", b"-\nT\nA\nOne. date2024-01-01\n-\nT\nB\n\x00\x00\nTwo. date2024-01-02\n"
                    b"-\nT\nC\nThree. date2024-01-03\n", 5),
    ],
)
def test_a_nul_line_in_a_text_file_rejects_its_record_only(
    tmp_path: Path, name: str, data: bytes, bad_line: int
) -> None:
    (tmp_path / name).write_bytes(data)
    items = read(tmp_path / name)
    assert len(titles(items)) == 2
    assert [where for where, _ in rejections(items)] == [bad_line]


def test_a_bug_in_a_reader_costs_the_rest_of_its_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from pressdesk import readers

    def broken(document: object, settings: object) -> Iterator[Item]:
        yield Release.create(title="Before", date="2024-01-01", body="b")
        raise ValueError("oops,\nover lines\x0e" + " and on" * 100)

    monkeypatch.setitem(readers._READERS, "csv", broken)
    (tmp_path / "a.csv").write_text("title,date,body\n")
    (tmp_path / "b.jsonl").write_text(line(1))
    items = read(tmp_path)
    assert titles(items) == ["Before", "Release 1"]
    (failed,) = [item for item in items if isinstance(item, Rejection)]
    assert failed.reason.startswith(f"{READER_FAILED}: ValueError: oops, over lines\\x0e and on and on")
    assert failed.reason.isprintable() and len(failed.reason) == 300  # one line, however long the message
    assert "reading" in caplog.text and "ValueError" in caplog.text


def test_a_binary_file_is_still_rejected_whole(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "db.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00\x10\x01\x01" * 3000)
    assert [str(item) for item in read(tmp_path) if isinstance(item, Rejection)] == [
        f"{tmp_path / 'db.sqlite'}: binary file", f"{tmp_path / 'photo.jpg'}: binary file",
    ]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-32"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-be", "utf-32"],
)
def test_files_with_a_byte_order_mark_are_decoded(tmp_path: Path, encode: object) -> None:
    text = line(1, body="Tariffs on “steel” – ① 🚢") + "not json\n" + line(3)
    (tmp_path / "x.jsonl").write_bytes(encode(text))  # type: ignore[operator]
    items = read(tmp_path / "x.jsonl")
    assert titles(items) == ["Release 1", "Release 3"]
    assert items[0].body == "Tariffs on “steel” – ① 🚢"  # type: ignore[union-attr]
    assert [where for where, _ in rejections(items)] == [2]


def test_a_lone_surrogate_in_utf16_rejects_its_line_only(tmp_path: Path) -> None:
    lone_surrogate = b"\x00\xd8"  # U+D800 with no low half after it
    bad = line(2).encode("utf-16-le").replace("B".encode("utf-16-le"), lone_surrogate, 1)
    data = codecs.BOM_UTF16_LE + line(1).encode("utf-16-le") + bad + line(3).encode("utf-16-le")
    (tmp_path / "x.jsonl").write_bytes(data)
    items = read(tmp_path / "x.jsonl")
    assert titles(items) == ["Release 1", "Release 3"] and rejections(items) == [(2, "invalid UTF-8")]


def test_a_damaged_feed_entry_costs_only_itself(tmp_path: Path) -> None:
    items_xml = [
        f"<item><title>Item {n}</title><pubDate>2024-01-0{n}</pubDate>"
        f"<description>Body {n}</description></item>"
        for n in range(1, 5)
    ]
    items_xml[1] = items_xml[1].replace("<description>", "<description").replace("Item 2", "Item \xff2")
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>' + "\n".join(items_xml)
    (tmp_path / "bad.rss").write_bytes((feed + "</channel></rss>").encode("utf-8", "surrogateescape"))
    items = read(tmp_path / "bad.rss")
    assert titles(items) == ["Item 1", "Item 3", "Item 4"]
    assert [where for where, _ in rejections(items)] == [2]


@pytest.mark.parametrize(
    ("kind", "damaged", "good"),
    [
        ("rss", "<item<!--?<title>Lost</title></item>", "<item><title>{}</title><pubDate>2024-01-01</pubDate>"
         "<description>Body</description></item>"),
        ("atom", "<entry?<title>Lost", "<entry><title>{}</title><updated>2024-01-01T00:00:00Z</updated>"
         '<content type="text">Body</content></entry>'),
    ],
)
def test_a_damaged_first_entry_does_not_spoil_the_feed_head(
    tmp_path: Path, kind: str, damaged: str, good: str
) -> None:
    head = {"rss": '<rss version="2.0"><channel><title>F</title>', "atom":
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'}[kind]
    end = {"rss": "</channel></rss>", "atom": "</feed>"}[kind]
    (tmp_path / f"x.{kind}").write_text(head + damaged + "\n" + good.format("One") + good.format("Two") + end)
    items = read(tmp_path / f"x.{kind}")
    assert titles(items) == ["One", "Two"] and [where for where, _ in rejections(items)] == [1]
    assert {item.source for item in items if isinstance(item, Release)} == {"F"}


def test_one_bad_byte_does_not_garble_a_feed(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        "<item><title>Caf\xc3\xa9 opens</title><pubDate>2024-01-01</pubDate>"
        "<description>x</description></item>"
        "<item><title>Bad \xff byte</title><pubDate>2024-01-02</pubDate>"
        "<description>y</description></item>"
        "</channel></rss>"
    )
    (tmp_path / "f.rss").write_bytes(feed.encode("latin-1"))
    items = read(tmp_path / "f.rss")
    assert titles(items) == ["Café opens"] and rejections(items) == [(2, "invalid UTF-8")]


# ------------------------------------------------------------------- 3. resources


def gzip_of_blank_lines(path: Path, mebibytes: int) -> None:
    """A gzip file of one record, ``mebibytes`` MiB of line feeds, and another record: one
    small gzip member of a mebibyte, repeated (gzip allows many members in one file)."""
    blank = gzip.compress(b"\n" * (1 << 20), 9)
    path.write_bytes(gzip.compress(line(1).encode()) + blank * mebibytes + gzip.compress(line(2).encode()))


def test_a_gzip_bomb_of_blank_lines_is_stopped_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    gzip_of_blank_lines(path, 1024)  # a GiB of line feeds in a megabyte
    started = time.monotonic()
    items = read(path)
    assert time.monotonic() - started < 5
    assert titles(items) == ["Release 1"]
    (last,) = [item for item in items if isinstance(item, Rejection)]
    assert last.reason.startswith("gzip data expands more than 200-fold")


def test_a_real_gzip_is_not_taken_for_a_bomb(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt") as out:
        for n in range(5_000):
            out.write(line(n, body="The same words again and again. " * 20))
    items = read(path, limits=Limits(gzip_floor=1 << 20))
    assert len(titles(items)) == 5_000 and not rejections(items)


def test_millions_of_blank_lines_are_read_past_in_bulk(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    blank, short = 30 << 20, 100_000  # a run past the 10 MiB limit, then many short ones
    path.write_text(line(1) + "\n" * blank + line(2) + "\n \n" * short + line(3))
    started = time.monotonic()
    items = read(path)
    assert time.monotonic() - started < 5
    assert titles(items) == ["Release 1", "Release 2", "Release 3"]
    lines = [item.origin.line for item in items if isinstance(item, Release) and item.origin]
    assert lines == [1, 2 + blank, 3 + blank + 2 * short]
    assert rejections(items) == [(2, f"{blank} blank lines in a row ({blank} bytes > {10 << 20} limit)")]


def test_blank_lines_inside_a_record_are_kept_exactly(tmp_path: Path) -> None:
    body = "First paragraph.\n\n\n  \n\nLast paragraph."
    (tmp_path / "dump.txt").write_text(f"-\nTrade\nTitle\n{body} date2024-01-02\n")
    (tmp_path / "rows.csv").write_text(f'title,date,body\nTitle,2024-01-02,"{body}"\n')
    assert [r.body for r in read(tmp_path) if isinstance(r, Release)] == [body, body]


def test_a_motir_record_past_the_record_limit_is_rejected(tmp_path: Path) -> None:
    long = "A line of the body.\n" * 10_000
    (tmp_path / "dump.txt").write_text(f"-\nT\nOne\n{long}x date2024-01-01\n-\nT\nTwo\nShort. date2024-01-02")
    items = read(tmp_path / "dump.txt", limits=Limits(record_bytes=100_000))
    assert titles(items) == ["Two"] and rejections(items) == [(1, "record too long (> 100000 bytes)")]


def page_with_table(cells: int) -> str:
    rows = "".join("<tr>" + "<td>CELL</td>" * 10 + "</tr>" for _ in range(cells // 10))
    text = "<p>" + "The ministry announced a new programme for ports and shipping. " * 8 + "</p>"
    return (
        '<html><head><title>Port Plan</title><meta property="article:published_time" content="2024-03-05">'
        f"</head><body><article><h1>Port Plan</h1>{text}<table>{rows}</table>{text}</article></body></html>"
    )


def test_a_huge_table_is_left_out_of_the_body(tmp_path: Path) -> None:
    (tmp_path / "small.html").write_text(page_with_table(20))
    (tmp_path / "huge.html").write_text(page_with_table(200_000))  # 3.4 MB
    started = time.monotonic()
    small, huge = read(tmp_path / "small.html"), read(tmp_path / "huge.html")
    assert time.monotonic() - started < 10
    assert isinstance(small[0], Release) and "CELL" in small[0].body
    assert isinstance(huge[0], Release) and "CELL" not in huge[0].body and "programme" in huge[0].body


def test_a_page_past_the_page_limit_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "big.html").write_text(page_with_table(20) + " " * (9 << 20))
    assert rejections(read(tmp_path / "big.html")) == [(None, f"file too large (> {8 << 20} bytes limit)")]


# --------------------------------------------------------------------- 4. idempotency


def test_two_records_with_one_id_ingest_idempotently(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "twice.jsonl"
    path.write_text(
        line(1, url="https://x.example/1") + line(2) + line(1, url="https://x.example/1", body="Changed.")
        + line(3, id="feed-7") + line(4, id="feed-7") + line(2)
    )
    first = ingest_paths(store, [str(path)])
    assert (first.new, first.changed, first.unchanged) == (3, 0, 1)
    assert [str(item) for item in first.rejected] == [
        f"{path}:3: duplicate release id: {path}:1 has the same id with different text (kept)",
        f"{path}:5: duplicate release id: {path}:4 has the same id with different text (kept)",
    ]
    second = ingest_paths(store, [str(path)])
    assert (second.new, second.changed, second.unchanged) == (0, 0, 4)
    assert len(second.rejected) == 2


def test_duplicates_are_found_across_the_files_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(line(1, source="S"))  # a source of its own: else the file's stem
    (tmp_path / "b.jsonl").write_text(line(1, source="S", body="Other text."))
    assert [str(item) for item in read(tmp_path) if isinstance(item, Rejection)] == [
        f"{tmp_path / 'b.jsonl'}:1: duplicate release id: {tmp_path / 'a.jsonl'}:1 has the same id"
        " with different text (kept)"
    ]


def test_the_id_table_stays_compact(tmp_path: Path) -> None:
    import tracemalloc

    from pressdesk.readers.duplicates import SeenIds

    table = SeenIds()
    made = [Release.create(title=f"T{n}", date="2024-01-01", body="b") for n in range(20_000)]
    tracemalloc.start()
    for release in made:
        table.first(release)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert size < 20_000 * 64  # a dict of Python ints would take ~115 bytes a release
    later = Release.create(title="T5", date="2024-01-01", body="other", origin=made[5].origin)
    assert table.first(later) == (int(made[5].content_hash[:8], 16), Origin(""))
