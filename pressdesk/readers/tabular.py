"""Tables: CSV (a header row naming the fields, read line by line) and Parquet as ``export`` writes it.

A CSV rejection is located at the line where its row starts; a Parquet one at
the 1-based row number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from pressdesk.models import Origin, Rejection
from pressdesk.readers.inputs import Document, Settings, read_lines, read_whole
from pressdesk.readers.records import Item, release_from_mapping
from pressdesk.readers.sniff import csv_dialect

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

_PARQUET_BATCH = 1024


# ------------------------------------------------------------------ CSV


def read_csv(document: Document, settings: Settings) -> Iterator[Item]:
    """Rows under a header naming title, date and body; blank rows skipped."""
    problems: dict[int, str] = {}
    lines = _csv_lines(document.stream, settings.max_line_bytes, problems)
    header = next(lines, "")
    if 1 in problems:
        yield Rejection(Origin(document.name, 1), f"unreadable CSV header: {problems[1]}")
        return
    delimiter = csv_dialect(header) or ","
    names = [name.strip().lower() for name in next(csv.reader([header], delimiter=delimiter), [])]
    for start, row, problem in _csv_rows(csv.reader(lines, delimiter=delimiter), problems):
        origin = Origin(document.name, start)
        if problem:
            yield Rejection(origin, problem)
        elif any(cell.strip() for cell in row):
            record = dict(zip(names, row, strict=False))
            yield release_from_mapping(record, origin, settings.source, document.stem)


def _csv_lines(stream: IO[bytes], limit: int, problems: dict[int, str]) -> Iterator[str]:
    """Text lines for the csv module; an unreadable line becomes blank, noted in ``problems``."""
    for number, text, problem in read_lines(stream, limit):
        if problem:
            problems[number] = problem
        yield text or "\n"


def _csv_rows(reader: CsvReader, problems: dict[int, str]) -> Iterator[tuple[int, list[str], str]]:
    """``(first line, cells, problem)`` per row; a row touching an unreadable line has a problem."""
    start = 2  # the header line was read before the reader saw any
    while True:
        try:
            row, problem = next(reader), ""
        except StopIteration:
            return
        except csv.Error as err:
            row, problem = [], f"invalid CSV: {err}"
        end = reader.line_num + 1
        if problems:
            problem = _pop_problem(problems, start, end) or problem
        yield start, row, problem
        start = end + 1


def _pop_problem(problems: dict[int, str], start: int, end: int) -> str:
    found = [problems.pop(number) for number in range(start, end + 1) if number in problems]
    return found[0] if found else ""


# ------------------------------------------------------------------ Parquet


def read_parquet(document: Document, settings: Settings) -> Iterator[Item]:
    """Rows of a Parquet file (as ``export`` writes it), a batch at a time, numbered from 1."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = _parquet_input(document, settings)
    if isinstance(data, Rejection):
        yield data
        return
    number = 0
    try:
        for batch in pq.ParquetFile(data).iter_batches(batch_size=_PARQUET_BATCH):
            for record in batch.to_pylist():
                number += 1
                origin = Origin(document.name, number)
                yield release_from_mapping(record, origin, settings.source, document.stem)
    except (pa.ArrowException, OSError) as err:
        yield Rejection(Origin(document.name, number + 1 if number else None), f"bad Parquet: {err}")


def _parquet_input(document: Document, settings: Settings) -> object:
    """The file path when there is one (Parquet seeks to its footer), else its bytes."""
    import pyarrow as pa

    if document.disk_path is not None:
        return document.disk_path
    data = read_whole(document, settings)
    return data if isinstance(data, Rejection) else pa.BufferReader(data)
