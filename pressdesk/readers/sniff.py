"""Format detection: what the first bytes of an input look like, else what its extension says;
and whether an input that looks like no format is binary."""

from __future__ import annotations

import codecs
import csv
import re
from pathlib import Path

from pressdesk.readers.lines import MOTIR_DATE
from pressdesk.readers.records import REQUIRED_FIELDS

PARQUET_MAGIC = b"PAR1"

_EXTENSIONS: dict[str, str] = {
    ".motir": "motir",
    ".txt": "motir",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".rss": "rss",
    ".rdf": "rss",
    ".xml": "rss",
    ".atom": "atom",
    ".html": "html",
    ".htm": "html",
    ".parquet": "parquet",
}
_MARKUP_ROOTS: tuple[tuple[str, str], ...] = (
    ("<!doctype html", "html"),
    ("<html", "html"),
    ("<head", "html"),
    ("<rss", "rss"),
    ("<rdf", "rss"),
    ("<feed", "atom"),
)
_MARKUP_PROLOG = re.compile(
    r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype(?!\s+html)[^>]*>)*", re.IGNORECASE | re.DOTALL
)
_CSV_DELIMITERS = (",", "\t", ";", "|")
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_DAMAGE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")


def format_of_name(name: str) -> str | None:
    """The format a file name's extension says (``.gz`` looked through), else None."""
    return _EXTENSIONS.get(_extension(name))


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes of an input look like, or None if they say nothing.

    Leading lines that hold control characters or bytes that are not UTF-8 are passed
    over: one damaged first line must not hide the format of the rest.
    """
    text = _skip_damaged_lines(head.decode("utf-8", "replace")).lstrip()
    if text.startswith("{"):
        return "json" if text.split("\n", 1)[0].strip() == "{" else "jsonl"
    if text.startswith("["):
        return "json"
    if text.startswith("<"):
        return _sniff_markup(text)
    if csv_dialect(text.split("\n", 1)[0]):
        return "csv"
    return "motir" if _looks_like_motir(text) else None


def is_binary(head: bytes) -> bool:
    """Whether most lines of the first bytes hold a NUL, a control character text never
    holds, or bytes that are not UTF-8: an image, an archive, a database. Asked only of
    an input whose format cannot be sniffed: a text file with a few such lines is text,
    and its reader rejects those lines alone."""
    lines = head.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1] if lines[-1] else lines  # the last may be cut off mid-line
    bad = sum(1 for line in lines if _is_binary_line(line))
    return bad * 2 > len(lines)


def _is_binary_line(line: bytes) -> bool:
    if len(line.translate(None, _CONTROL_BYTES)) < len(line):
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(line)  # a sequence cut off at the end is fine
    except UnicodeDecodeError:
        return True
    return False


def _skip_damaged_lines(text: str) -> str:
    start = 0
    while (match := _DAMAGE.search(text, start)) is not None and "\n" not in text[start : match.start()]:
        end = text.find("\n", match.end())
        if end < 0:
            return text[start:]
        start = end + 1
    return text[start:]


def csv_dialect(header: str) -> str | None:
    """The delimiter under which ``header`` names title, date and body, if any."""
    for delimiter in _CSV_DELIMITERS:
        try:
            names = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # a lone carriage return, say: not a header we can read
            continue
        if {name.strip().lower() for name in names} >= REQUIRED_FIELDS:
            return delimiter
    return None


def _sniff_markup(text: str) -> str | None:
    start = text[_MARKUP_PROLOG.match(text).end() :].lower()  # type: ignore[union-attr]
    return next((name for prefix, name in _MARKUP_ROOTS if start.startswith(prefix)), None)


def _looks_like_motir(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()]
    filled = [line for line in lines if line]
    if len(filled) >= 3 and filled[0] == "-":
        return lines[lines.index("-") + 1] != "" and filled[1] != "-" and filled[2] != "-"
    return "-" in lines and any(MOTIR_DATE.search(line) for line in lines)


def _extension(name: str) -> str:
    return Path(name.removesuffix(".gz")).suffix.lower()
