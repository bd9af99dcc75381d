"""Damage found in a store, remembered beside it, so that nothing more is written to it.

A store is the record: nothing rebuilds it, and writing into a file with damaged
pages can spread the damage. When SQLite says a store is damaged (any command
that meets it, or ``pressdesk check``), a file ``STORE.damaged`` beside it
records the problem; every transaction refuses while it is there. ``pressdesk
restore`` removes it, and so does a ``pressdesk check`` that finds the whole
file sound again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3

from pressdesk.errors import StoreError


def is_damage(err: sqlite3.DatabaseError | str) -> bool:
    """Whether SQLite's error says the file itself is damaged."""
    text = str(err)
    return "malformed" in text or "corrupt" in text or "not a database" in text


def damage_marker(path: str) -> str | None:
    """The file beside a store that records damage found in it (none for ``:memory:``)."""
    db = path.removeprefix("sqlite:///")
    return None if db in ("", ":memory:") else f"{db}.damaged"


def mark_damaged(path: str, problem: str) -> None:
    """Record that the store is damaged, so that nothing more is written to it until it is
    restored (best effort: a read-only folder keeps no record, and then takes no writes)."""
    marker = damage_marker(path)
    if marker:
        with contextlib.suppress(OSError), open(marker, "w", encoding="utf-8") as f:
            f.write(problem.splitlines()[0][:300] + "\n")


def clear_damage(path: str) -> None:
    marker = damage_marker(path)
    if marker:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(marker)


def refuse_if_damaged(db: sqlite3.Connection) -> None:
    """A one-line StoreError if damage was found in the store ``db`` is open on: writing to
    a damaged file could spread the damage over what is still good."""
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    marker = damage_marker(path)
    try:
        with open(marker or "", encoding="utf-8") as f:
            problem = f.read().strip()
    except OSError:
        return
    raise StoreError(
        f"{path}: the store is damaged ({problem}): nothing is written to it until it is"
        " restored from a backup (`pressdesk restore FILE`); `pressdesk check` tells more"
    )
