"""Vectors in the SQLite store: one packed float32 BLOB per content hash and model.

An unchanged release is never embedded twice, and two releases with the same
text share one vector. ``version`` is what the derived nearest-neighbour graph
compares to know whether it must catch up.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence

from pressdesk.store.sqlite_connections import named_errors
from pressdesk.store.transactions import transaction

VERSION_KEY = "vectors_version:{model}"
_UNEMBEDDED = """SELECT r.content_hash FROM releases r
    WHERE NOT EXISTS (SELECT 1 FROM vectors v WHERE v.content_hash = r.content_hash AND v.model = ?)
    GROUP BY r.content_hash ORDER BY min(r.seq)"""


@named_errors
class SQLiteVectors:
    """The ``VectorStore`` of the SQLite store at ``path``; ``connection`` gives this
    thread's connection."""

    def __init__(self, path: str, connection: Callable[[], sqlite3.Connection]) -> None:
        self.path = path
        self.connection = connection

    def unembedded(self, model: str) -> list[str]:
        return [str(h) for (h,) in self.connection().execute(_UNEMBEDDED, (model,))]

    def count_unembedded(self, model: str) -> int:
        row = self.connection().execute(f"SELECT count(*) FROM ({_UNEMBEDDED})", (model,))
        return int(row.fetchone()[0])

    def texts(self, hashes: Sequence[str]) -> dict[str, tuple[str, str]]:
        rows = self.connection().execute(
            "SELECT content_hash, title, body FROM releases"
            " WHERE content_hash IN (SELECT value FROM json_each(?))",
            (json.dumps(list(hashes)),),
        )
        return {str(h): (str(title), str(body)) for h, title, body in rows}

    def put(self, model: str, vectors: Iterable[tuple[str, bytes]]) -> None:
        """Store vectors in one transaction, and mark the model's set as changed."""
        db = self.connection()
        with transaction(db):
            db.executemany(
                "INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                [(h, model, blob) for h, blob in vectors],
            )
            db.execute(
                "INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key)"
                " DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (VERSION_KEY.format(model=model),),
            )

    def get(self, model: str, hashes: Sequence[str]) -> dict[str, bytes]:
        rows = self.connection().execute(
            "SELECT content_hash, vector FROM vectors WHERE model = ?"
            " AND content_hash IN (SELECT value FROM json_each(?))",
            (model, json.dumps(list(hashes))),
        )
        return {str(h): bytes(blob) for h, blob in rows}

    def embedded(self, model: str) -> Iterator[tuple[str, str]]:
        rows = self.connection().execute(
            "SELECT r.id, r.content_hash FROM releases r JOIN vectors v"
            " ON v.content_hash = r.content_hash AND v.model = ? ORDER BY r.seq",
            (model,),
        )
        return ((str(i), str(h)) for i, h in rows)

    def version(self, model: str) -> str:
        """The store's identity, its releases, revisions, every change ever queued and this
        model's vector writes."""
        db = self.connection()
        count, revisions = db.execute(
            "SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM revisions)"
        ).fetchone()
        changes = db.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'index_queue'"
        ).fetchone()
        written = db.execute(
            "SELECT value FROM meta WHERE key = ?", (VERSION_KEY.format(model=model),)
        ).fetchone()
        identity = db.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        return ":".join(str(part) for part in (
            identity[0] if identity else "", count, revisions,
            changes[0] if changes else 0, written[0] if written else 0,
        ))
