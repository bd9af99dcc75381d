"""Properties of the readers: damaged input never raises and never costs a good record.

Each property writes good records and damaged ones (bytes flipped, cut,
deleted; NUL, control bytes, quotes, brackets, huge numbers, deep nesting and
line breaks inserted) into one file of one format, reads it back, and checks
that nothing raised, that every item is a release or a rejection located in
that file (with its line, where the format has lines), and that every good
record came out whole.

The runs are deterministic and short under ``make test``; ``make fuzz`` runs the
same properties with random seeds and many more examples
(``PRESSDESK_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressdesk.models import Rejection, Release
from pressdesk.readers import FORMATS, READER_FAILED, read_path

FUZZ_EXAMPLES = int(os.environ.get("PRESSDESK_FUZZ_EXAMPLES", "0"))


def runs(examples: int) -> settings:
    """``examples`` deterministic runs, or under ``make fuzz`` many random ones."""
    return settings(
        max_examples=FUZZ_EXAMPLES or examples,
        derandomize=not FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        # each run writes its own file over the last one's: the function-scoped tmp_path is fine
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
    )


Record = tuple[str, str, str]  # title, date, body
Writer = Callable[[Sequence[Record]], list[bytes]]  # one chunk of bytes per record


# ------------------------------------------------------------------ records


def words(alphabet: st.SearchStrategy[str], size: int = 30) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=1, max_size=size).map(str.strip).filter(bool)


ANY_CHAR = st.characters(codec="utf-8", exclude_categories=["Cs"])
# No control characters or Unicode line breaks: what a title line or a MOTIR dump holds.
LINE_CHAR = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"])
# Feed text is HTML: no markup characters in a good entry, nor U+FFFE and U+FFFF, which XML
# cannot hold. Nor Latin-1 letters: feedparser "repairs" text that reads as UTF-8 encoded
# twice ("Â¡" becomes "¡"), damaged or not.
FEED_CHAR = st.characters(
    codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"], exclude_characters="<>&\ufffe\uffff"
).filter(lambda char: not "\x80" <= char <= "\xff")
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)).map(date.isoformat)


@st.composite
def bodies(draw: st.DrawFn, alphabet: st.SearchStrategy[str]) -> str:
    paragraphs = draw(st.lists(words(alphabet).filter(lambda p: p != "-"), min_size=1, max_size=3))
    return draw(st.sampled_from(["\n", "\n\n", "\n\n\n\n"])).join(paragraphs)


@st.composite
def good_records(draw: st.DrawFn, alphabet: st.SearchStrategy[str] = ANY_CHAR,
                 title_alphabet: st.SearchStrategy[str] = LINE_CHAR) -> list[Record]:
    """Records with titles no damage can turn into one another's ("R1 ..." vs "D1001 ...")."""
    count = draw(st.integers(1, 6))
    return [
        (f"R{n} {draw(words(title_alphabet))}", draw(DAYS), draw(bodies(alphabet))) for n in range(count)
    ]


@st.composite
def damaged_records(draw: st.DrawFn) -> list[Record]:
    count = draw(st.integers(1, 4))
    return [
        (f"D{1000 + n} {draw(words(LINE_CHAR))}", draw(DAYS), draw(bodies(LINE_CHAR))) for n in range(count)
    ]


INSERTS = [
    b"\x00", b"\x00" * 50, b"\x01\x02\x1b", b"\x07\x0e", b'"', b"'", b'"\n', b"[", b"]", b"{", b"}",
    b"<", b">", b"\\", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\n", b"\n\n\n", b",", b";", b"\t",
    b"9" * 5000, b"-1e99999", b"[" * 3000, b'{"a":' * 2000, b"\xef\xbb\xbf", b"&", b"]]>", b"<!--",
]


@st.composite
def damage(draw: st.DrawFn, data: bytes) -> bytes:
    """One to three mutations of ``data``: flips, deletions, cuts and insertions."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(out)))
        kind = draw(st.sampled_from(["flip", "delete", "cut", "insert", "insert"]))
        if kind == "flip" and at < len(out):
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            del out[at : at + draw(st.integers(1, 20))]
        elif kind == "cut":
            del out[at:]
        else:
            out[at:at] = draw(st.sampled_from(INSERTS))
    return bytes(out)


# ------------------------------------------------------------------ formats


def write_jsonl(records: Sequence[Record]) -> list[bytes]:
    return [json.dumps({"title": t, "date": d, "body": b}).encode() for t, d, b in records]


def write_json_elements(records: Sequence[Record]) -> list[bytes]:
    return [json.dumps({"title": t, "date": d, "body": b}, indent=1).encode() for t, d, b in records]


def write_csv_rows(records: Sequence[Record]) -> list[bytes]:
    rows = []
    for record in records:
        out = io.StringIO()
        csv.writer(out).writerow(record)  # quotes fields with "\r" or "\n", as export does
        rows.append(out.getvalue().removesuffix("\r\n").encode())
    return rows


def write_motir_records(records: Sequence[Record]) -> list[bytes]:
    return [f"Trade\n{t}\n{b} date{d}".encode() for t, d, b in records]


def write_rss_items(records: Sequence[Record]) -> list[bytes]:
    return [
        f"<item><title>{escape(t)}</title><pubDate>{d}</pubDate>"
        f"<description>{escape(b)}</description></item>".encode()
        for t, d, b in records
    ]


def write_atom_entries(records: Sequence[Record]) -> list[bytes]:
    return [
        f"<entry><title>{escape(t)}</title><updated>{d}T00:00:00Z</updated>"
        f"<content type=\"text\">{escape(b)}</content></entry>".encode()
        for t, d, b in records
    ]


# How each format frames its records: (start, separator, end).
FRAMES: dict[str, tuple[bytes, bytes, bytes]] = {
    "jsonl": (b"", b"\n", b"\n"),
    "json": (b"[\n", b",\n", b"\n]\n"),
    "csv": (b"title,date,body\r\n", b"\r\n", b"\r\n"),
    "motir": (b"-\n", b"\n-\n", b"\n"),
    "rss": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>\n', b"\n",
            b"\n</channel></rss>\n"),
    "atom": (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
             b"<title>Feed</title>\n", b"\n", b"\n</feed>\n"),
}
WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "json": write_json_elements,
    "csv": write_csv_rows,
    "motir": write_motir_records,
    "rss": write_rss_items,
    "atom": write_atom_entries,
}


def frame(format: str, chunks: Sequence[bytes]) -> bytes:
    start, separator, end = FRAMES[format]
    return start + separator.join(chunks) + end


@st.composite
def mixed_inputs(draw: st.DrawFn, format: str, alphabet: st.SearchStrategy[str] = ANY_CHAR
                 ) -> tuple[list[Record], bytes]:
    """Good records and damaged ones, shuffled, framed as one file of ``format``."""
    titles = FEED_CHAR if format in ("rss", "atom") else LINE_CHAR
    good, bad = draw(good_records(alphabet, titles)), draw(damaged_records())
    chunks = WRITERS[format](good) + [draw(damage(chunk)) for chunk in WRITERS[format](bad)]
    return good, frame(format, draw(st.permutations(chunks)))


def read_back(tmp_path: Path, name: str, data: bytes, **options: object) -> list[Release | Rejection]:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_path(str(path), **options))  # type: ignore[arg-type]
    for item in items:
        assert isinstance(item, Release | Rejection)
        assert item.origin is not None and item.origin.path == str(path)
        assert item.origin.line is not None, item
        assert READER_FAILED not in str(item)
        assert isinstance(item, Release) or str(item).isprintable()  # one line
    return items


def kept(items: Sequence[Release | Rejection]) -> set[Record]:
    return {(r.title, r.date, r.body) for r in items if isinstance(r, Release)}


def every_good_record_out(good: Sequence[Record], items: Sequence[Release | Rejection]) -> None:
    missing = set(good) - kept(items)
    assert not missing, f"lost {missing}; read {items}"


LINE_FORMATS = {"jsonl": "in.jsonl", "json": "in.json", "csv": "in.csv"}


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("format", sorted(LINE_FORMATS))
@runs(60)
@given(data=st.data())
def test_damaged_records_cost_only_themselves(tmp_path: Path, format: str, data: st.DataObject) -> None:
    good, raw = data.draw(mixed_inputs(format))
    every_good_record_out(good, read_back(tmp_path, LINE_FORMATS[format], raw, format=format))


@runs(60)
@given(data=st.data())
def test_damaged_motir_records_cost_only_themselves(tmp_path: Path, data: st.DataObject) -> None:
    good, raw = data.draw(mixed_inputs("motir", LINE_CHAR))
    every_good_record_out(good, read_back(tmp_path, "in.txt", raw, format="motir"))


@pytest.mark.parametrize("format", ["rss", "atom"])
@runs(40)
@given(data=st.data())
def test_damaged_feed_entries_cost_only_themselves(tmp_path: Path, format: str, data: st.DataObject) -> None:
    """Titles are compared: an entry's body is HTML, read as text with its spaces collapsed."""
    good, raw = data.draw(mixed_inputs(format, FEED_CHAR))
    items = read_back(tmp_path, f"in.{format}", raw, format=format)
    assert {title for title, _, _ in good} <= {r.title for r in items if isinstance(r, Release)}, items


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"


@pytest.mark.parametrize("fixture", sorted(path.name for path in FIXTURES.iterdir()))
@runs(25)
@given(data=st.data())
def test_any_damage_anywhere_is_read_without_raising(
    tmp_path: Path, fixture: str, data: st.DataObject
) -> None:
    """Damage to the structure too (headers, brackets, separators, markup), read as any format:
    records may be lost with the structure, but only as located rejections."""
    raw = data.draw(damage((FIXTURES / fixture).read_bytes()))
    format = data.draw(st.sampled_from([None, *FORMATS]))
    path = tmp_path / fixture
    path.write_bytes(raw)
    for item in read_path(str(path), format=format):
        assert isinstance(item, Release | Rejection)
        assert item.origin is not None and item.origin.path == str(path)
        assert READER_FAILED not in str(item)
        assert isinstance(item, Release) or str(item).isprintable()  # one line


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-32-le": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "utf-32-be": lambda text: codecs.BOM_UTF32_BE + text.encode("utf-32-be"),
}
LINE_ENDS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


@pytest.mark.parametrize("format", ["jsonl", "csv", "motir"])
@runs(30)
@given(data=st.data())
def test_encoding_line_ends_and_leading_blanks_change_nothing(
    tmp_path: Path, format: str, data: st.DataObject
) -> None:
    good = data.draw(good_records(LINE_CHAR))
    text = frame(format, WRITERS[format](good)).decode().replace("\r\n", "\n")
    blank = data.draw(st.sampled_from(["", "\n\n", " \t\n \n", " " * 9000 + "\n", "\n" * 10_000]))
    line_end = data.draw(st.sampled_from(sorted(LINE_ENDS)))
    encoding = data.draw(st.sampled_from(sorted(ENCODINGS)))
    raw = ENCODINGS[encoding]((blank + text).replace("\n", LINE_ENDS[line_end]))
    items = read_back(tmp_path, "in.dat", raw)  # sniffed: no extension to go by
    assert not [item for item in items if isinstance(item, Rejection)]
    if format == "csv" and line_end == "CRLF":  # a quoted field keeps its line ends as written
        good = [(title, day, body.replace("\n", "\r\n")) for title, day, body in good]
    assert kept(items) == set(good)


@st.composite
def parquet_tables(draw: st.DrawFn) -> tuple[list[Record], list[dict[str, object]]]:
    """Good rows and damaged ones (a missing title, an empty body, a bad date string)."""
    good = draw(good_records())
    rows: list[dict[str, object]] = [{"title": t, "date": d, "body": b} for t, d, b in good]
    for n in range(draw(st.integers(0, 4))):
        row: dict[str, object] = {"title": f"D{1000 + n}", "date": "2024-01-01", "body": "text"}
        row[draw(st.sampled_from(["title", "date", "body"]))] = draw(st.sampled_from([None, "", " ", "x"]))
        rows.append(row)
    return good, draw(st.permutations(rows))


@runs(30)
@given(data=st.data())
def test_damaged_parquet_rows_cost_only_themselves(tmp_path: Path, data: st.DataObject) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    good, rows = data.draw(parquet_tables())
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=data.draw(st.integers(1, 4)))
    every_good_record_out(good, read_back(tmp_path, "in.parquet", path.read_bytes()))
    damaged = data.draw(damage(path.read_bytes()))
    path.write_bytes(damaged)
    for item in read_path(str(path), format="parquet"):
        assert isinstance(item, Release) or READER_FAILED not in str(item) and str(item).isprintable()


@runs(30)
@given(data=st.data())
def test_a_cut_gzip_keeps_what_came_before_the_cut(tmp_path: Path, data: st.DataObject) -> None:
    good = data.draw(good_records())
    packed = gzip.compress(frame("jsonl", write_jsonl(good)))
    cut = data.draw(st.integers(2, len(packed)))  # from the two magic bytes on
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(packed[:cut])
    items = list(read_path(str(path)))
    assert kept(items) <= set(good)
    if cut < len(packed) - 8:  # the last 8 bytes are a checksum and a length
        assert isinstance(items[-1], Rejection) and items[-1].reason.startswith("cannot read")


@runs(20)
@given(data=st.data())
def test_a_damaged_page_is_one_release_or_one_rejection(tmp_path: Path, data: st.DataObject) -> None:
    raw = data.draw(damage((FIXTURES / "page.html").read_bytes()))
    (tmp_path / "page.html").write_bytes(raw)
    items = list(read_path(str(tmp_path / "page.html"), format="html"))
    assert len(items) == (1 if raw.strip() else 0)  # a blank input is nothing at all
    assert all(isinstance(item, Release | Rejection) for item in items)


@st.composite
def versions(draw: st.DrawFn) -> list[Record]:
    """Records of a few releases (title and date make the id), several with differing bodies."""
    ids = draw(st.lists(st.tuples(words(LINE_CHAR), DAYS), min_size=1, max_size=3, unique=True))
    picks = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=8))
    return [(title, day, draw(st.sampled_from(["one", "two", "three"]))) for title, day in picks]


@runs(40)
@given(data=st.data())
def test_one_text_per_release_id_within_an_input(tmp_path: Path, data: st.DataObject) -> None:
    records = data.draw(versions())
    items = read_back(tmp_path, "in.jsonl", frame("jsonl", write_jsonl(records)))
    first: dict[tuple[str, str], str] = {}
    for title, day, body in records:
        first.setdefault((title, day), body)
    assert kept(items) == {(title, day, body) for (title, day), body in first.items()}
    assert len(items) == len(records)  # every later different one is a rejection, not dropped
