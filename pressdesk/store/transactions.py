"""The one way pressdesk opens a SQLite transaction, and waits for another writer.

SQLite lets one process write at a time. A transaction begins with ``BEGIN
IMMEDIATE``, so a writer learns at once whether another holds the store; if
so it says so (a log warning, which the CLI shows as a note) and waits up to
``WAIT`` seconds for it to commit.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from pressdesk.store.damage import refuse_if_damaged

log = logging.getLogger(__name__)

WAIT = 600.0  # seconds a writer waits for another process's transaction
FIRST_TRY_MS = 250  # how long the first attempt waits before saying it is waiting


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction; nested inside another, a savepoint. Rolled back by any
    exception, even a KeyboardInterrupt, so nothing half-written survives. None at all on a
    store found damaged (``damage``)."""
    nested = db.in_transaction
    if nested:
        db.execute("SAVEPOINT inner")
    else:
        refuse_if_damaged(db)
        begin(db)
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK TO inner" if nested else "ROLLBACK")
        if nested:
            db.execute("RELEASE inner")
        raise
    db.execute("RELEASE inner" if nested else "COMMIT")


def begin(db: sqlite3.Connection, wait: float = WAIT) -> None:
    """``BEGIN IMMEDIATE``, saying so once if another process is writing, then waiting."""
    db.execute(f"PRAGMA busy_timeout = {FIRST_TRY_MS}")
    try:
        db.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as err:
        if "locked" not in str(err) and "busy" not in str(err):
            raise
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")  # every other statement waits
    log.warning("waiting for another process that is writing to the store")
    db.execute("BEGIN IMMEDIATE")
