"""The SQLite store: one file in WAL mode, one connection per thread, every batch one transaction.

Threads (a web server's pool) each get their own connection on first use;
processes (two ingests, a collector beside a server) meet in SQLite's own
locking: a writer says it is waiting, then waits for another to commit (see
``transactions``).
``:memory:`` gives a throwaway store on one shared connection, for one thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pressdesk.errors import NotFound, StoreError
from pressdesk.models import Origin, Release, Revision, StoredRelease
from pressdesk.store import BatchOutcome, Queued, ReleaseFilter, Stats
from pressdesk.store.damage import clear_damage, is_damage, mark_damaged
from pressdesk.store.migrations import apply_migrations
from pressdesk.store.sqlite_connections import Connections, hint, named_errors, open_backup
from pressdesk.store.sqlite_entities import SQLiteEntities
from pressdesk.store.sqlite_facts import SQLiteFacts
from pressdesk.store.sqlite_sources import SQLiteSources
from pressdesk.store.sqlite_stories import SQLiteStories, StoryMemory
from pressdesk.store.sqlite_watches import SQLiteWatches
from pressdesk.store.transactions import transaction

COLUMNS = (
    "id, title, date, category, body, source, url, language, content_hash,"
    " revision, first_seen, last_seen, origin, external_id"
)
Known = dict[str, tuple[str, int]]  # id -> (content hash, revision)


def _seen(release: Release, known: tuple[str, int]) -> bool:
    """Whether a stored release already holds this text: it is the current one, or the record
    claims a revision older than the store's current one (history, as ``export --revisions``
    writes it, read back)."""
    content_hash, revision = known
    older = release.revision is not None and release.revision < revision
    return release.content_hash == content_hash or older


def _row_to_stored(row: Sequence[Any]) -> StoredRelease:
    (rid, title, date, category, body, source, url, language, chash,
     revision, first_seen, last_seen, origin, external_id) = row
    release = Release(
        id=rid, title=title, date=date, body=body, category=category, source=source,
        url=url, language=language, content_hash=chash, external_id=external_id,
    )
    return StoredRelease(release, revision, first_seen, last_seen, origin)


def _unique_runs(releases: Iterable[Release]) -> Iterator[list[Release]]:
    """Split a batch where an id repeats, so each run holds every id once."""
    run: list[Release] = []
    ids: set[str] = set()
    for release in releases:
        if release.id in ids:
            yield run
            run, ids = [], set()
        run.append(release)
        ids.add(release.id)
    if run:
        yield run


@named_errors
class SQLiteStore(SQLiteFacts, SQLiteEntities, SQLiteWatches, SQLiteSources, SQLiteStories):
    """The embedded store. ``path`` may be ``:memory:``."""

    def __init__(self, path: str) -> None:
        from pressdesk.store.sqlite_vectors import SQLiteVectors

        self.path = path
        self.connections = Connections(path)
        self.vectors = SQLiteVectors(path, self.connections.get)
        self.story_memory = StoryMemory()

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection."""
        return self.connections.get()

    @property
    def read_only(self) -> bool:
        """Whether the store could only be opened for reading."""
        return self.connections.read_only

    def close(self) -> None:
        self.connections.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction on this thread's connection; nested, a savepoint."""
        try:
            with transaction(self.db) as db:
                yield db
        except sqlite3.DatabaseError as err:
            if is_damage(err):
                mark_damaged(self.path, str(err))
            raise StoreError(f"{self.path}: {err}{hint(err)}") from err

    # -- writing ---------------------------------------------------------

    def save_batch(self, releases: Iterable[Release], seen_at: str) -> BatchOutcome:
        """Store a batch in one transaction: insert new, revise changed, touch unchanged,
        and queue the new and changed for the index."""
        new: list[Release] = []
        changed: list[Release] = []
        unchanged = 0
        with self.transaction():
            for run in _unique_runs(releases):
                n, c, u = self._save_run(run, seen_at)
                new += n
                changed += c
                unchanged += u
            self._queue([(r.id, 1) for r in new] + [(r.id, 0) for r in changed])
            self._mark_changed([r.id for r in new + changed])
        return BatchOutcome(tuple(new), tuple(changed), unchanged)

    def _save_run(
        self, run: list[Release], seen_at: str
    ) -> tuple[list[Release], list[Release], int]:
        known = self._known([r.id for r in run])
        new = [r for r in run if r.id not in known]
        changed = [r for r in run if r.id in known and not _seen(r, known[r.id])]
        same = [r for r in run if r.id in known and _seen(r, known[r.id])]
        self._insert(new, seen_at)
        self._revise(changed, seen_at)
        self.db.executemany(
            "UPDATE releases SET last_seen = ? WHERE id = ?", [(seen_at, r.id) for r in same]
        )
        return new, changed, len(same)

    def _known(self, ids: list[str]) -> Known:
        rows = self.db.execute(
            "SELECT id, content_hash, revision FROM releases"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {rid: (chash, rev) for rid, chash, rev in rows}

    def _insert(self, releases: list[Release], seen_at: str) -> None:
        self.db.executemany(
            "INSERT INTO releases (id, title, date, category, body, source, url, language,"
            " content_hash, revision, first_seen, last_seen, updated_at, origin, external_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
            [
                (r.id, r.title, r.date, r.category, r.body, r.source, r.url, r.language,
                 r.content_hash, seen_at, seen_at, seen_at, _origin(r.origin), r.external_id)
                for r in releases
            ],
        )

    def _revise(self, releases: list[Release], seen_at: str) -> None:
        """Keep the old text as a revision, then move the release to its new text."""
        if not releases:
            return
        self.db.executemany(
            "INSERT INTO revisions SELECT id, revision, title, date, category, body,"
            " content_hash, updated_at, origin FROM releases WHERE id = ?",
            [(r.id,) for r in releases],
        )
        self.db.executemany(
            "UPDATE releases SET title = ?, date = ?, category = ?, body = ?,"
            " source = ?, url = ?, language = ?, content_hash = ?, revision = revision + 1,"
            " last_seen = ?, updated_at = ?, origin = ? WHERE id = ?",
            [
                (r.title, r.date, r.category, r.body, r.source, r.url, r.language,
                 r.content_hash, seen_at, seen_at, _origin(r.origin), r.id)
                for r in releases
            ],
        )

    def _queue(self, entries: list[tuple[str, int]]) -> None:
        self.db.executemany("INSERT INTO index_queue (release_id, fresh) VALUES (?, ?)", entries)

    def _mark_changed(self, ids: list[str]) -> None:
        """Number each stored or revised release by its newest queue entry: writers commit one
        at a time, so these numbers grow in commit order (what watches resume from)."""
        self.db.execute(
            "UPDATE releases SET change = (SELECT max(id) FROM index_queue q"
            " WHERE q.release_id = releases.id) WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )

    # -- reading ---------------------------------------------------------

    def get(self, release_id: str) -> StoredRelease:
        row = self.db.execute(f"SELECT {COLUMNS} FROM releases WHERE id = ?", (release_id,))
        found = row.fetchone()
        if found is None:
            raise NotFound(f"no release with id {release_id!r}")
        return _row_to_stored(found)

    def get_many(self, ids: Sequence[str]) -> list[StoredRelease]:
        """The releases with these ids, in the order given (unknown ids left out)."""
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM releases WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        found = {row[0]: _row_to_stored(row) for row in rows}
        return [found[i] for i in ids if i in found]

    def content_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The current content hash of each of these ids that is stored."""
        return {rid: chash for rid, (chash, _) in self._known(list(ids)).items()}

    def find(self, prefix: str) -> StoredRelease:
        """The release whose id is, or starts with, ``prefix`` (which must be unambiguous)."""
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM releases WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if len(rows) != 1 or not prefix:
            reason = "more than one release" if len(rows) > 1 else "no release"
            raise NotFound(f"{reason} with an id starting {prefix!r}")
        return _row_to_stored(rows[0])

    def releases(self, where: ReleaseFilter) -> Iterator[StoredRelease]:
        sql, params = _filter_sql(where)
        for row in self.db.execute(f"SELECT {COLUMNS} FROM releases{sql}", params):
            yield _row_to_stored(row)

    def release_page(
        self, where: ReleaseFilter, after: tuple[str, str] | None, limit: int
    ) -> list[StoredRelease]:
        """Up to ``limit`` releases newest first by (date, id), those after the key ``after``:
        keyset pagination, as cheap on the thousandth page as on the first."""
        sql, params = _where_sql(where)
        if after is not None:
            sql += (" AND " if sql else " WHERE ") + "(date < ? OR (date = ? AND id < ?))"
            params += [after[0], after[0], after[1]]
        rows = self.db.execute(f"SELECT {COLUMNS} FROM releases{sql}"
                               " ORDER BY date DESC, id DESC LIMIT ?", (*params, limit))
        return [_row_to_stored(row) for row in rows]

    def revisions(self, release_id: str) -> list[Revision]:
        """Every text the release has had, oldest first, the current one last."""
        current = self.get(release_id)
        rows = self.db.execute(
            "SELECT release_id, revision, title, date, category, body, content_hash, seen_at,"
            " origin FROM revisions WHERE release_id = ? ORDER BY revision",
            (release_id,),
        ).fetchall()
        updated = self.db.execute(
            "SELECT updated_at FROM releases WHERE id = ?", (release_id,)
        ).fetchone()[0]
        r = current.release
        latest = Revision(r.id, current.revision, r.title, r.date, r.category, r.body,
                          r.content_hash, updated, current.origin)
        return [Revision(*row) for row in rows] + [latest]

    def earlier_revisions(self, ids: Sequence[str]) -> dict[str, list[Revision]]:
        """The texts each release had before its current one, oldest first (releases never
        revised are left out)."""
        found: dict[str, list[Revision]] = {}
        rows = self.db.execute(
            "SELECT release_id, revision, title, date, category, body, content_hash, seen_at,"
            " origin FROM revisions WHERE release_id IN (SELECT value FROM json_each(?))"
            " ORDER BY release_id, revision",
            (json.dumps(list(ids)),),
        )
        for row in rows:
            found.setdefault(row[0], []).append(Revision(*row))
        return found

    def stats(self) -> Stats:
        count, first, last = self.db.execute(
            "SELECT count(*), min(date), max(date) FROM releases"
        ).fetchone()
        revisions = self.db.execute("SELECT count(*) FROM revisions").fetchone()[0]
        return Stats(count, revisions, self._counts("source"), self._counts("category"),
                     first, last)

    def _counts(self, column: str) -> tuple[tuple[str, int], ...]:
        rows = self.db.execute(
            f"SELECT {column}, count(*) AS n FROM releases GROUP BY {column} ORDER BY n DESC, 1"
        )
        return tuple((name, n) for name, n in rows)

    # -- the index queue ---------------------------------------------------

    def queued(self, limit: int) -> list[Queued]:
        """The oldest ``limit`` entries of the index queue."""
        rows = self.db.execute(
            "SELECT id, release_id, fresh FROM index_queue ORDER BY id LIMIT ?", (limit,)
        )
        return [Queued(entry, rid, bool(fresh)) for entry, rid, fresh in rows]

    def count_queued(self, upto: int | None = None) -> int:
        """Entries still queued (only those up to entry ``upto``, if given)."""
        row = self.db.execute(
            "SELECT count(*) FROM index_queue WHERE id <= ?", (upto if upto is not None else 2**63 - 1,)
        ).fetchone()
        return int(row[0])

    def last_queued(self) -> int:
        """The newest entry ever queued (0 if none): what this store has written so far."""
        row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'index_queue'").fetchone()
        return int(row[0]) if row else 0

    def mark_indexed(self, entries: Sequence[int]) -> None:
        """Drop these entries from the queue: their releases are in a committed index."""
        with self.transaction():
            for start in range(0, len(entries), 10_000):
                self.db.execute(
                    "DELETE FROM index_queue WHERE id IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(entries[start : start + 10_000])),),
                )

    def requeue(self, ids: Sequence[str]) -> None:
        """Queue releases whose facts changed, so the index takes them again."""
        self._queue([(rid, 0) for rid in ids])

    def mark_indexed_through(self, entry: int) -> None:
        """Drop every entry up to ``entry``: an index rebuilt from all releases holds them."""
        with self.transaction():
            self.db.execute("DELETE FROM index_queue WHERE id <= ?", (entry,))

    def identity(self) -> str:
        return self.get_meta("store_id") or ""

    def backup(self, path: str) -> None:
        """SQLite's online backup, in one step (a consistent snapshot while writers go on),
        into a single-file database beside ``path``, then renamed over it."""
        temporary = f"{path}.{secrets.token_hex(6)}.tmp"
        try:
            copy = sqlite3.connect(temporary)
            try:
                self.db.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                copy.close()
            with open(temporary, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(temporary, path)
        except OSError as err:
            raise StoreError(f"{path}: cannot write the backup: {err.strerror or err}") from err
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)

    def restore(self, path: str) -> None:
        """Check that ``path`` is a whole pressdesk store, copy it over this one, upgrade it
        if it is older, and give it a new identity."""
        source = open_backup(path)
        try:
            source.backup(self.db)
        finally:
            source.close()
        clear_damage(self.path)
        apply_migrations(self.db)
        with self.transaction():
            self.db.execute("UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'store_id'")

    def integrity(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check``: every page, index and constraint."""
        try:
            problems = [str(r[0]) for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        except sqlite3.DatabaseError as err:
            problems = [str(err)]
        if problems:
            mark_damaged(self.path, problems[0])
        else:
            clear_damage(self.path)  # restored, or a scare: the whole file checks out
        return problems

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _origin(origin: Origin | None) -> str:
    return "" if origin is None else str(origin)


FILTERS = {
    "since": "date >= ?",
    "until": "date <= ?",
    "category": "category = ?",
    "source": "source = ?",
}


def _where_sql(where: ReleaseFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for field, clause in FILTERS.items():
        value = getattr(where, field)
        if value:
            clauses.append(clause)
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _filter_sql(where: ReleaseFilter) -> tuple[str, list[Any]]:
    sql, params = _where_sql(where)
    sql += " ORDER BY date DESC, title"
    if where.limit:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params
