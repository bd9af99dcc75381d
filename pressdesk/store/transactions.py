"""The one way pressdesk opens a SQLite transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction (``BEGIN IMMEDIATE``: it waits for other writers up front);
    nested inside another, a savepoint. Rolled back by any exception, even a
    KeyboardInterrupt, so nothing half-written survives."""
    nested = db.in_transaction
    db.execute("SAVEPOINT inner" if nested else "BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK TO inner" if nested else "ROLLBACK")
        if nested:
            db.execute("RELEASE inner")
        raise
    db.execute("RELEASE inner" if nested else "COMMIT")
