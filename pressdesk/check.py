"""Check: is the store whole, is its index whole and in step with it; repair what is derived.

The store is the record; the search index and the vector graph are derived
from it and can always be rebuilt. ``check`` reads everything once:

- the store's own integrity check (SQLite ``PRAGMA integrity_check``);
- every file of the search index against the CRC32 checksum tantivy writes in
  its footer, so flipped bytes are found before a search trips on them;
- that the index was built for this store and holds one document per release.

``repair`` rebuilds the index from the store. A damaged store cannot be
rebuilt from anything: restore it from a backup (``pressdesk restore``).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from dataclasses import dataclass

from pressdesk.errors import PressdeskError
from pressdesk.search.index import STAMP, SearchIndex
from pressdesk.store import Store

__all__ = ["CheckReport", "Finding", "check", "damaged_index_files", "needs_rebuild", "remove_index"]

FOOTER_MAGIC = 1337  # tantivy's footer: JSON {version, crc}, its length (u32), this (u32)
SKIPPED = (".lock", ".json", ".tmp")
REPAIR_INDEX = "pressdesk check --repair (rebuilds the index from the store)"
REPAIR_STORE = "pressdesk restore BACKUP (the store is the record: nothing can rebuild it)"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong, and the command that mends it."""

    part: str  # "store" | "index"
    problem: str
    repair: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    releases: int
    indexed: int | None  # documents in the index (None: it cannot be read)
    queued: int  # releases stored but not yet indexed
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


def file_damage(path: str) -> str | None:
    """Why an index file fails its footer checksum, or None if it is whole."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    if len(data) < 8 or struct.unpack("<I", data[-4:])[0] != FOOTER_MAGIC:
        return "no footer (truncated or not an index file)"
    length = struct.unpack("<I", data[-8:-4])[0]
    try:
        footer = json.loads(data[-8 - length : -8])
        expected = int(footer["crc"])
    except (ValueError, KeyError, TypeError):
        return "unreadable footer"
    return None if zlib.crc32(data[: -8 - length]) == expected else "checksum mismatch"


def damaged_index_files(folder: str) -> list[tuple[str, str]]:
    """Every file of the index in ``folder`` that fails its checksum, with the reason."""
    found = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or name.endswith(SKIPPED) or name == STAMP or not os.path.isfile(path):
            continue
        reason = file_damage(path)
        if reason:
            found.append((name, reason))
    return found


def remove_index(folder: str) -> None:
    """Delete a derived index folder (the next open rebuilds it from the store)."""
    shutil.rmtree(folder, ignore_errors=True)


def check(store: Store, folder: str | None) -> CheckReport:
    """What is wrong with the store and with the index in ``folder`` (None: in memory)."""
    findings = [Finding("store", problem, REPAIR_STORE) for problem in store.integrity()]
    if findings:
        return CheckReport(0, None, 0, tuple(findings))
    releases, queued = store.stats().releases, store.count_queued()
    indexed, index_findings = check_index(store, folder, releases, queued)
    return CheckReport(releases, indexed, queued, tuple(index_findings + facts_findings(store)))


def facts_findings(store: Store) -> list[Finding]:
    """Releases whose facts an older version of the extractors found."""
    from pressdesk.extract import VERSION

    stale = len(store.stale_facts(VERSION))
    if not stale:
        return []
    return [Finding("facts", f"{stale:,} releases have facts from an older pressdesk",
                    "pressdesk reextract (finds them again; the index follows)")]


def check_index(
    store: Store, folder: str | None, releases: int, queued: int
) -> tuple[int | None, list[Finding]]:
    if folder is None or not os.path.isdir(folder):
        return None, [Finding("index", "missing", "any search rebuilds it")] if releases else []
    damaged = [Finding("index", f"{name}: {why}", REPAIR_INDEX) for name, why in damaged_index_files(folder)]
    if damaged:
        return None, damaged
    try:
        index = SearchIndex.open(folder)
        try:
            stamp, indexed = index.stamp(), index.count()
        finally:
            index.discard()
    except (PressdeskError, ValueError) as err:
        return None, [Finding("index", f"cannot be read: {err}", REPAIR_INDEX)]
    return indexed, step_findings(store, stamp, indexed, releases, queued)


def step_findings(store: Store, stamp: str | None, indexed: int, releases: int,
                  queued: int) -> list[Finding]:
    """Whether the index holds exactly the store's releases (or will, once its queue is done)."""
    if stamp not in (None, store.identity()):
        return [Finding("index", "built for another store", REPAIR_INDEX)]
    if queued:
        return [Finding("index", f"{queued:,} stored releases are not indexed yet (an ingest was "
                        "interrupted, or is running)", REPAIR_INDEX)]
    if indexed != releases:
        return [Finding("index", f"holds {indexed:,} documents for {releases:,} releases",
                        REPAIR_INDEX)]
    return []


def needs_rebuild(report: CheckReport) -> bool:
    """Whether the index must be built afresh (a queue alone is indexed by opening it)."""
    return any(f.part == "index" and "not indexed yet" not in f.problem for f in report.findings)


def needs_reextract(report: CheckReport) -> bool:
    return any(f.part == "facts" for f in report.findings)
