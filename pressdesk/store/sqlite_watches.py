"""Watches in the SQLite store: saved queries and what each has delivered (part of ``SQLiteStore``).

A watch item is a release revision a watch matched. A run claims items in one
transaction (``INSERT OR IGNORE``: two runs never claim the same one), delivers
them, then marks them delivered. Items claimed by a run that died are claimed
again by the next run (``take_over``), so nothing is lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from pressdesk.errors import NotFound, PressdeskError
from pressdesk.models import Watch, WatchItem
from pressdesk.store.sqlite_connections import named_errors
from pressdesk.store.transactions import transaction


@named_errors
class SQLiteWatches:
    """``db`` is this thread's connection (given by ``SQLiteStore``)."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    def add_watch(self, watch: Watch) -> None:
        with transaction(self.db):
            if self.db.execute("SELECT 1 FROM watches WHERE name = ?", (watch.name,)).fetchone():
                raise PressdeskError(f"a watch named {watch.name!r} exists: remove it first")
            self.db.execute(
                "INSERT INTO watches SELECT ?, ?, ?, ?, coalesce(max(change), 0) FROM releases",
                (watch.name, watch.query, watch.created, watch.webhook),
            )

    def watches(self) -> list[Watch]:
        rows = self.db.execute("SELECT name, query, created, webhook FROM watches ORDER BY name")
        return [Watch(*row) for row in rows]

    def watch(self, name: str) -> Watch:
        row = self.db.execute(
            "SELECT name, query, created, webhook FROM watches WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no watch named {name!r} (`pressdesk watch list` shows them)")
        return Watch(*row)

    def remove_watch(self, name: str) -> None:
        self.watch(name)
        with transaction(self.db):
            self.db.execute("DELETE FROM watch_items WHERE watch = ?", (name,))
            self.db.execute("DELETE FROM watches WHERE name = ?", (name,))

    def watch_candidates(self, name: str) -> tuple[list[tuple[str, int]], int]:
        """(release id, revision) of the releases stored or revised since the watch last
        looked, that are searchable already (none past the first one still queued for the
        index); and the change number to look from next time."""
        (checkpoint,) = self.db.execute(
            "SELECT checkpoint FROM watches WHERE name = ?", (name,)
        ).fetchone()
        (waiting,) = self.db.execute("SELECT min(id) FROM index_queue").fetchone()
        cap = waiting - 1 if waiting is not None else 2**62
        rows = self.db.execute(
            "SELECT id, revision, change FROM releases WHERE change > ? AND change <= ?"
            " ORDER BY change",
            (checkpoint, cap),
        ).fetchall()
        return [(str(rid), int(rev)) for rid, rev, _ in rows], max([checkpoint, *(r[2] for r in rows)])

    def claim(self, name: str, items: Sequence[tuple[str, int]], run: str, now: str,
              checkpoint: int) -> None:
        """Claim these items for run ``run`` (items another run claimed first stay its own)
        and move the watch's checkpoint on, in one transaction."""
        with transaction(self.db):
            self.db.executemany(
                "INSERT OR IGNORE INTO watch_items VALUES (?, ?, ?, ?, ?, NULL)",
                [(name, rid, rev, run, now) for rid, rev in items],
            )
            self.db.execute(
                "UPDATE watches SET checkpoint = max(checkpoint, ?) WHERE name = ?",
                (checkpoint, name),
            )

    def take_over(self, name: str, dead: Sequence[str], run: str, now: str) -> None:
        """Claim again what the runs in ``dead`` claimed and never delivered."""
        with transaction(self.db):
            self.db.executemany(
                "UPDATE watch_items SET claimed_by = ?, claimed_at = ? WHERE watch = ?"
                " AND claimed_by = ? AND delivered_at IS NULL",
                [(run, now, name, d) for d in dead],
            )

    def undelivered_runs(self, name: str) -> list[tuple[str, str]]:
        """(run, claimed at) of the runs holding claims of this watch not yet delivered."""
        rows = self.db.execute(
            "SELECT claimed_by, min(claimed_at) FROM watch_items WHERE watch = ?"
            " AND delivered_at IS NULL GROUP BY claimed_by",
            (name,),
        )
        return [(str(run), str(at)) for run, at in rows]

    def claimed(self, name: str, run: str) -> list[WatchItem]:
        """What run ``run`` holds and has not delivered, oldest release first."""
        rows = self.db.execute(
            "SELECT i.release_id, i.revision, r.date, r.title, r.source, r.url"
            " FROM watch_items i JOIN releases r ON r.id = i.release_id"
            " WHERE i.watch = ? AND i.claimed_by = ? AND i.delivered_at IS NULL"
            " ORDER BY i.claimed_at, r.date, i.release_id",
            (name, run),
        )
        return [WatchItem(*row) for row in rows]

    def mark_delivered(self, name: str, items: Sequence[WatchItem], now: str) -> None:
        with transaction(self.db):
            self.db.executemany(
                "UPDATE watch_items SET delivered_at = ? WHERE watch = ? AND release_id = ?"
                " AND revision = ?",
                [(now, name, i.release_id, i.revision) for i in items],
            )

    def delivered(self, name: str, limit: int = 100) -> list[tuple[WatchItem, str]]:
        """The latest items the watch delivered, with when, newest first (for its feed)."""
        rows = self.db.execute(
            "SELECT i.release_id, i.revision, r.date, r.title, r.source, r.url, i.delivered_at"
            " FROM watch_items i JOIN releases r ON r.id = i.release_id"
            " WHERE i.watch = ? AND i.delivered_at IS NOT NULL"
            " ORDER BY i.delivered_at DESC, r.date DESC, i.release_id LIMIT ?",
            (name, limit),
        )
        return [(WatchItem(*row[:6]), str(row[6])) for row in rows]
