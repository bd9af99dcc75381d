"""The SQLite store: one file in WAL mode, every batch one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pressdesk.entities import Entity, EntityRef, entity_key
from pressdesk.errors import NotFound, StoreError
from pressdesk.models import Origin, Release, Revision, StoredRelease
from pressdesk.store import BatchOutcome, EntityFilter, ReleaseFilter, Stats
from pressdesk.store.migrations import apply_migrations

COLUMNS = (
    "id, title, date, category, body, source, url, language, content_hash,"
    " revision, first_seen, last_seen, origin, external_id"
)
Known = dict[str, tuple[str, int]]  # id -> (content hash, revision)


def connect(path: str) -> sqlite3.Connection:
    """A connection tuned for a single-writer, many-reader embedded store."""
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -65536")
        db.execute("PRAGMA temp_store = MEMORY")
        apply_migrations(db)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: cannot open store: {err}") from err
    return db


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


class SQLiteStore:
    """The embedded store. ``path`` may be ``:memory:``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.db = connect(path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; nested inside another it becomes a savepoint."""
        nested = self.db.in_transaction
        self.db.execute("SAVEPOINT inner" if nested else "BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK TO inner" if nested else "ROLLBACK")
            if nested:
                self.db.execute("RELEASE inner")
            raise
        self.db.execute("RELEASE inner" if nested else "COMMIT")

    # -- writing ---------------------------------------------------------

    def save_batch(self, releases: Iterable[Release], seen_at: str) -> BatchOutcome:
        """Store a batch in one transaction: insert new, revise changed, touch unchanged."""
        new: list[Release] = []
        changed: list[Release] = []
        unchanged = 0
        with self.transaction():
            for run in _unique_runs(releases):
                n, c, u = self._save_run(run, seen_at)
                new += n
                changed += c
                unchanged += u
            last_seq = self._max_seq()
        return BatchOutcome(tuple(new), tuple(changed), unchanged, last_seq)

    def _save_run(
        self, run: list[Release], seen_at: str
    ) -> tuple[list[Release], list[Release], int]:
        known = self._known([r.id for r in run])
        new = [r for r in run if r.id not in known]
        changed = [r for r in run if r.id in known and known[r.id][0] != r.content_hash]
        same = [r for r in run if r.id in known and known[r.id][0] == r.content_hash]
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
            (_json_list(ids),),
        )
        return {rid: (chash, rev) for rid, chash, rev in rows}

    def max_seq(self) -> int:
        return self._max_seq()

    def _max_seq(self) -> int:
        value: int | None = self.db.execute("SELECT max(seq) FROM releases").fetchone()[0]
        return value or 0

    def _insert(self, releases: list[Release], seen_at: str) -> None:
        start = self._max_seq() + 1
        self.db.executemany(
            "INSERT INTO releases (seq, id, title, date, category, body, source, url, language,"
            " content_hash, revision, first_seen, last_seen, updated_at, origin, external_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
            [
                (start + i, r.id, r.title, r.date, r.category, r.body, r.source, r.url,
                 r.language, r.content_hash, seen_at, seen_at, seen_at, _origin(r.origin),
                 r.external_id)
                for i, r in enumerate(releases)
            ],
        )

    def _revise(self, releases: list[Release], seen_at: str) -> None:
        """Keep the old text as a revision, then move the release to its new text and seq."""
        if not releases:
            return
        self.db.executemany(
            "INSERT INTO revisions SELECT id, revision, title, date, category, body,"
            " content_hash, updated_at, origin FROM releases WHERE id = ?",
            [(r.id,) for r in releases],
        )
        start = self._max_seq() + 1
        self.db.executemany(
            "UPDATE releases SET seq = ?, title = ?, date = ?, category = ?, body = ?,"
            " source = ?, url = ?, language = ?, content_hash = ?, revision = revision + 1,"
            " last_seen = ?, updated_at = ?, origin = ? WHERE id = ?",
            [
                (start + i, r.title, r.date, r.category, r.body, r.source, r.url, r.language,
                 r.content_hash, seen_at, seen_at, _origin(r.origin), r.id)
                for i, r in enumerate(releases)
            ],
        )

    def save_facts(self, facts: Iterable[tuple[Release, dict[str, Any]]]) -> None:
        """Store what extraction found for each release (replacing older findings)."""
        self.db.executemany(
            "INSERT OR REPLACE INTO facts (release_id, content_hash, data) VALUES (?, ?, ?)",
            [(r.id, r.content_hash, json.dumps(data, ensure_ascii=False)) for r, data in facts],
        )

    def get_facts(self, release_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM facts WHERE release_id = ?", (release_id,))
        found = row.fetchone()
        return None if found is None else dict(json.loads(found[0]))

    def facts_for(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self.db.execute(
            "SELECT release_id, data FROM facts WHERE release_id IN (SELECT value FROM json_each(?))",
            (_json_list(ids),),
        )
        return {rid: json.loads(data) for rid, data in rows}

    def link_entities(self, release_id: str, refs: Iterable[EntityRef]) -> None:
        """Tie a release to its entities, creating or growing them as needed."""
        self.db.execute("DELETE FROM release_entities WHERE release_id = ?", (release_id,))
        self.db.executemany(
            "INSERT OR IGNORE INTO release_entities (release_id, entity_id) VALUES (?, ?)",
            [(release_id, self._entity_id(ref)) for ref in refs],
        )

    def _entity_id(self, ref: EntityRef) -> int:
        """The entity any of the names already belongs to, else a new one; learn every name."""
        keyed = {entity_key(ref.kind, n): n for n in ref.names if entity_key(ref.kind, n)}
        row = self.db.execute(
            "SELECT entity_id FROM entity_names WHERE kind = ?"
            " AND key IN (SELECT value FROM json_each(?)) LIMIT 1",
            (ref.kind, _json_list(list(keyed))),
        ).fetchone()
        entity_id = int(row[0] if row else self.db.execute(
            "INSERT INTO entities (kind, name) VALUES (?, ?)", (ref.kind, ref.name)
        ).lastrowid or 0)
        self.db.executemany(
            "INSERT OR IGNORE INTO entity_names (kind, key, name, entity_id) VALUES (?, ?, ?, ?)",
            [(ref.kind, key, name, entity_id) for key, name in keyed.items()],
        )
        self.db.execute(  # the fullest name wins
            "UPDATE entities SET name = ? WHERE id = ? AND length(name) < length(?)",
            (ref.name, entity_id, ref.name),
        )
        return entity_id

    def entities(self, where: EntityFilter) -> list[Entity]:
        """Entities by how many releases name them, most first."""
        clauses, params = ["1"], []
        if where.kind:
            clauses.append("e.kind = ?")
            params.append(where.kind)
        if where.release_id:
            clauses.append("e.id IN (SELECT entity_id FROM release_entities WHERE release_id = ?)")
            params.append(where.release_id)
        rows = self.db.execute(
            "SELECT e.id, e.kind, e.name,"
            " (SELECT json_group_array(name) FROM entity_names n WHERE n.entity_id = e.id),"
            " (SELECT count(*) FROM release_entities r WHERE r.entity_id = e.id) AS n"
            f" FROM entities e WHERE {' AND '.join(clauses)} ORDER BY n DESC, e.name LIMIT ?",
            [*params, where.limit],
        )
        return [Entity(i, k, name, tuple(json.loads(names)), n) for i, k, name, names, n in rows]

    def entity_names(self, kind: str, name: str) -> tuple[str, ...]:
        """Every name of the entity that ``name`` belongs to (just ``name`` if none)."""
        rows = self.db.execute(
            "SELECT n2.name FROM entity_names n1 JOIN entity_names n2 ON n2.entity_id = n1.entity_id"
            " WHERE n1.kind = ? AND n1.key = ?",
            (kind, entity_key(kind, name)),
        ).fetchall()
        return tuple(r[0] for r in rows) or (name,)

    # -- reading ---------------------------------------------------------

    def get(self, release_id: str) -> StoredRelease:
        row = self.db.execute(f"SELECT {COLUMNS} FROM releases WHERE id = ?", (release_id,))
        found = row.fetchone()
        if found is None:
            raise NotFound(f"no release with id {release_id!r}")
        return _row_to_stored(found)

    def find(self, prefix: str) -> StoredRelease:
        """The release whose id is, or starts with, ``prefix`` (which must be unambiguous)."""
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM releases WHERE id >= ? AND id < ? LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        if len(rows) != 1:
            reason = "no release" if not rows else "more than one release"
            raise NotFound(f"{reason} with an id starting {prefix!r}")
        return _row_to_stored(rows[0])

    def releases(self, where: ReleaseFilter) -> Iterator[StoredRelease]:
        sql, params = _filter_sql(where)
        for row in self.db.execute(f"SELECT {COLUMNS} FROM releases{sql}", params):
            yield _row_to_stored(row)

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

    def changed_since(self, seq: int, batch: int = 1000) -> Iterator[tuple[int, StoredRelease]]:
        """Releases stored or revised after ``seq``, in order, read in batches."""
        while True:
            rows = self.db.execute(
                f"SELECT seq, {COLUMNS} FROM releases WHERE seq > ? ORDER BY seq LIMIT ?",
                (seq, batch),
            ).fetchall()
            for row in rows:
                yield row[0], _row_to_stored(row[1:])
            if len(rows) < batch:
                return
            seq = rows[-1][0]

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


def _json_list(items: list[str]) -> str:
    return json.dumps(items)


FILTERS = {
    "since": "date >= ?",
    "until": "date <= ?",
    "category": "category = ?",
    "source": "source = ?",
}


def _filter_sql(where: ReleaseFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for field, clause in FILTERS.items():
        value = getattr(where, field)
        if value:
            clauses.append(clause)
            params.append(value)
    sql = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql += " ORDER BY date DESC, title"
    if where.limit:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params
