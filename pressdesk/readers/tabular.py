"""Tables: CSV (a header row naming the fields, read line by line) and Parquet as ``export`` writes it.

A CSV rejection is located at the line where its row starts; a Parquet one at
the 1-based row number.

CSV rows are cut one at a time, so that a damaged row costs only itself. A
quoted field may span lines (a body with paragraphs), up to
``Limits.record_bytes``; but a quote left open swallows every row after it
until the next quote. Such a row is recognised when it spans lines that each
read as a whole, valid row of their own and the row itself is malformed (by
strict CSV rules, or by its number of fields), or when it spans two such lines:
it is rejected at its first line and reading goes on with the line after it.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers.inputs import Document, Settings, read_whole
from pressdesk.readers.rawlines import Line, read_lines
from pressdesk.readers.records import Item, release_from_mapping
from pressdesk.readers.sniff import csv_dialect

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

_PARQUET_BATCH = 1024
_CSV_ERRORS = {  # the csv module's messages, where they would mislead
    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?":
        "a carriage return inside an unquoted field",
}


# ------------------------------------------------------------------ CSV


@dataclass(frozen=True, slots=True)
class _Table:
    """What a CSV's header says, and how long a row may be."""

    names: list[str]
    delimiter: str
    limit: int


@dataclass(frozen=True, slots=True)
class _Row:
    """One row as cut: the lines it took, its cells, and a problem ('' if fine)."""

    lines: list[Line]
    cells: list[str]
    problem: str = ""


class _Lines:
    """Lines to cut rows from, with lines of a damaged row given back to be read again."""

    def __init__(self, lines: Iterator[Line]) -> None:
        self._lines = lines
        self._returned: deque[Line] = deque()

    def next(self) -> Line | None:
        return self._returned.popleft() if self._returned else next(self._lines, None)

    def give_back(self, lines: list[Line]) -> None:
        self._returned.extendleft(reversed(lines))


def read_csv(document: Document, settings: Settings) -> Iterator[Item]:
    """Rows under a header naming title, date and body; blank rows skipped."""
    limits = settings.limits
    allow_csv_fields(limits.record_bytes)
    lines = read_lines(document.stream, limits.line_bytes, document.first_line)
    header = next((line for line in lines if line.problem or line.text.strip()), None)
    if header is None:
        return
    table = _read_header(header, limits.record_bytes)
    if isinstance(table, str):
        yield Rejection(Origin(document.name, header.number), f"unreadable CSV header: {table}")
        return
    for row in _read_rows(_Lines(lines), table):
        origin = Origin(document.name, row.lines[0].number)
        if row.problem:
            yield Rejection(origin, row.problem)
        elif any(cell.strip() for cell in row.cells):
            record = dict(zip(table.names, row.cells, strict=False))
            yield release_from_mapping(record, origin, settings.source, document.stem)


def allow_csv_fields(size: int) -> None:
    """Let the csv module read fields as long as a record may be (its default, 131,072
    characters, would refuse a real 2 MB body). The limit is the csv module's own, for
    the whole process: it is only ever raised here, never lowered."""
    if csv.field_size_limit() < size:
        csv.field_size_limit(size)


def _read_header(header: Line, limit: int) -> _Table | str:
    """The header's field names, or why they cannot be read."""
    if header.problem:
        return header.problem
    delimiter = csv_dialect(header.text) or ","
    try:
        names = next(csv.reader([header.text], delimiter=delimiter), [])
    except csv.Error as err:
        return str(err)
    return _Table([name.strip().lower() for name in names], delimiter, limit)


def _read_rows(lines: _Lines, table: _Table) -> Iterator[_Row]:
    """Every row, a damaged one rejected at its first line and the lines after it read again."""
    while (first := lines.next()) is not None:
        if not first.problem and not first.text.strip():
            continue  # blank lines between rows
        row = _cut_row(first, lines, table)
        swallowed = _swallowed_row(row, table) if len(row.lines) > 1 else None
        if swallowed is not None:
            lines.give_back(row.lines[1:])
            row = _Row(row.lines[:1], [], _unbalanced_quote(swallowed))
        yield row


def _cut_row(first: Line, lines: _Lines, table: _Table) -> _Row:
    """The row that starts at ``first``, taking more lines while a quoted field is open
    (up to the table's limit); a problem in any of its lines is the row's."""
    taken = [first]

    def feed() -> Iterator[str]:
        yield _csv_text(first)
        size = first.size
        while size <= table.limit and (line := lines.next()) is not None:
            taken.append(line)
            size += line.size
            yield _csv_text(line)

    try:
        cells = next(csv.reader(feed(), delimiter=table.delimiter), [])
    except csv.Error as err:
        return _Row(taken, [], f"invalid CSV: {_CSV_ERRORS.get(str(err), str(err))}")
    return _Row(taken, cells, _row_problem(taken, table.limit))


def _csv_text(line: Line) -> str:
    """What the csv module reads of a line: an over-long one stands as an empty line."""
    return line.text or "\n"


def _row_problem(taken: list[Line], limit: int) -> str:
    problem = next((line.problem for line in taken if line.problem), "")
    if sum(line.size for line in taken) > limit:
        return problem or f"CSV row too long (> {limit} bytes; an unclosed quote?)"
    return problem


def _swallowed_row(row: _Row, table: _Table) -> Line | None:
    """The first line swallowed by an unbalanced quote in ``row``, or None if the row looks
    whole. Its lines after the first that read as rows of their own are taken for rows
    swallowed when the row itself is malformed, or when there are two or more: a body
    may quote a line like a row (a dateline), but seldom two."""
    rows = [line for line in row.lines[1:] if _reads_as_row(line, table)][:2]
    if not rows:
        return None
    malformed = len(row.cells) != len(table.names) or not _strictly_one_row(row, table)
    return rows[0] if malformed or len(rows) > 1 else None


def _reads_as_row(line: Line, table: _Table) -> bool:
    """Whether one line on its own is a whole row that would be accepted as a release."""
    if line.problem:
        return False
    try:
        cells = next(csv.reader([line.text], delimiter=table.delimiter), [])
    except csv.Error:
        return False
    if len(cells) != len(table.names):
        return False
    record = dict(zip(table.names, cells, strict=True))
    return isinstance(release_from_mapping(record, Origin(""), "", ""), Release)


def _strictly_one_row(row: _Row, table: _Table) -> bool:
    """Whether the row's lines are exactly one row by strict CSV rules (a quote closes a
    field only before a delimiter or a line end; no file ends inside quotes)."""
    if row.problem:
        return False
    try:
        rows = list(csv.reader([_csv_text(line) for line in row.lines], delimiter=table.delimiter,
                               strict=True))
    except csv.Error:
        return False
    return len(rows) == 1


def _unbalanced_quote(swallowed: Line) -> str:
    return (
        f"invalid CSV: a quoted field opened on this line runs on past line {swallowed.number},"
        " which reads as a row of its own (an unbalanced quote?)"
    )


# ------------------------------------------------------------------ Parquet


def read_parquet(document: Document, settings: Settings) -> Iterator[Item]:
    """Rows of a Parquet file (as ``export`` writes it), numbered from 1, a batch at a time.

    A row group that cannot be read is one rejection naming the rows it held, and
    reading goes on with the next; a value that cannot become a Python value (a
    timestamp past the year 9999 in its zone, say) rejects its row only.
    """
    source = _parquet_input(document, settings)
    if isinstance(source, Rejection):
        yield source
        return
    opened = _open_parquet(source)
    if isinstance(opened, str):
        yield Rejection(Origin(document.name), f"bad Parquet: {opened}")
        return
    parquet, sizes = opened
    number = 0
    for group, size in enumerate(sizes):
        for record in _group_records(parquet, group, size):
            number += 1
            origin = Origin(document.name, number)
            if isinstance(record, _Lost):
                last = number + record.rows - 1
                yield Rejection(origin, f"bad Parquet: {record.reason} (rows {number} to {last})")
                number += record.rows - 1
            elif isinstance(record, str):
                yield Rejection(origin, f"unreadable Parquet value: {record}")
            else:
                yield release_from_mapping(record, origin, settings.source, document.stem)


@dataclass(frozen=True, slots=True)
class _Lost:
    """Rows of a row group that could not be read, and why."""

    rows: int
    reason: str


def _parquet_input(document: Document, settings: Settings) -> object:
    """The file path when there is one (Parquet seeks to its footer), else its bytes."""
    import pyarrow as pa

    if document.disk_path is not None:
        return document.disk_path
    data = read_whole(document, settings.limits.document_bytes)
    return data if isinstance(data, Rejection) else pa.BufferReader(data)


def _open_parquet(source: object) -> tuple[pq.ParquetFile, list[int]] | str:
    """The file and how many rows each of its row groups holds; why not, if its footer
    cannot be read."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(source)
        metadata = parquet.metadata
        return parquet, [max(0, metadata.row_group(i).num_rows) for i in range(metadata.num_row_groups)]
    except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
        return str(err)


def _group_records(parquet: pq.ParquetFile, group: int, size: int) -> Iterator[dict[str, Any] | str | _Lost]:
    """The rows of one row group as mappings, a reason in place of a row that will not
    convert, and the rows lost if the row group breaks off."""
    done, batches = 0, None
    while True:
        try:
            batches = batches or iter(parquet.iter_batches(batch_size=_PARQUET_BATCH, row_groups=[group]))
            batch = next(batches, None)
        except Exception as err:  # noqa: BLE001 - a third-party parser on untrusted input
            if size > done:
                yield _Lost(size - done, str(err))
            return
        if batch is None:
            return
        records = _batch_records(batch)
        done += len(records)
        yield from records


def _batch_records(batch: pa.RecordBatch) -> list[dict[str, Any] | str]:
    """A batch's rows as mappings; if the batch will not convert, row by row."""
    try:
        return list(batch.to_pylist())
    except Exception:  # noqa: BLE001 - conversion of untrusted values
        return [_row_record(batch, index) for index in range(batch.num_rows)]


def _row_record(batch: pa.RecordBatch, index: int) -> dict[str, Any] | str:
    try:
        return dict(batch.slice(index, 1).to_pylist()[0])
    except Exception as err:  # noqa: BLE001 - conversion of untrusted values
        return str(err)
