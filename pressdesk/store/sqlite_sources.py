"""Sources, what the collector knows of each URL, robots.txt files and the pages releases
came from, in the SQLite store (a part of ``SQLiteStore``)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence

from pressdesk.errors import CollectError, NotFound
from pressdesk.models import Page, Source, UrlState
from pressdesk.store.sqlite_connections import named_errors
from pressdesk.store.transactions import transaction

SOURCE_COLUMNS = "name, url, kind, profile, added_at, complete, collected_at"
STATE_COLUMNS = "url, source, etag, last_modified, marker, release_id, checked_at"


def _source(row: Sequence[object]) -> Source:
    name, url, kind, profile, added_at, complete, collected_at = row
    return Source(str(name), str(url), str(kind), str(profile), str(added_at), bool(complete),
                  None if collected_at is None else str(collected_at))


@named_errors
class SQLiteSources:
    """The collector's records; ``db`` is this thread's connection."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    def add_source(self, source: Source) -> None:
        """Keep a new source; a name already taken is an error."""
        try:
            self.db.execute(
                "INSERT INTO sources (name, url, kind, profile, added_at) VALUES (?, ?, ?, ?, ?)",
                (source.name, source.url, source.kind, source.profile, source.added_at),
            )
        except sqlite3.IntegrityError as err:
            raise CollectError(f"{source.name}: a source of that name exists "
                               "(`pressdesk source remove` it first)") from err

    def sources(self) -> list[Source]:
        rows = self.db.execute(f"SELECT {SOURCE_COLUMNS} FROM sources ORDER BY name")
        return [_source(row) for row in rows]

    def source(self, name: str) -> Source:
        row = self.db.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFound(f"no source named {name!r}: `pressdesk source list` shows them")
        return _source(row)

    def remove_source(self, name: str) -> None:
        """Forget a source and what was known of its URLs; its releases stay."""
        with transaction(self.db):
            if not self.db.execute("DELETE FROM sources WHERE name = ?", (name,)).rowcount:
                raise NotFound(f"no source named {name!r}: `pressdesk source list` shows them")
            self.db.execute("DELETE FROM url_states WHERE source = ?", (name,))

    def mark_collected(self, name: str, at: str, complete: bool) -> None:
        """Note a finished run; ``complete`` once it has read the whole source."""
        self.db.execute(
            "UPDATE sources SET collected_at = ?, complete = max(complete, ?) WHERE name = ?",
            (at, int(complete), name),
        )

    def claim_source(self, name: str, holder: str, now: float, until: float) -> bool:
        """Take (or extend) the lease on collecting a source; False while another holds it."""
        cursor = self.db.execute(
            "UPDATE sources SET lease_holder = ?, lease_until = ?"
            " WHERE name = ? AND (lease_holder = ? OR lease_until < ?)",
            (holder, until, name, holder, now),
        )
        return cursor.rowcount == 1

    def release_source(self, name: str, holder: str) -> None:
        self.db.execute(
            "UPDATE sources SET lease_holder = '', lease_until = 0 WHERE name = ? AND lease_holder = ?",
            (name, holder),
        )

    def url_states(self, source: str, urls: Sequence[str]) -> dict[str, UrlState]:
        """What is known of these URLs as pages of ``source`` (unknown ones left out)."""
        rows = self.db.execute(
            f"SELECT {STATE_COLUMNS} FROM url_states"
            " WHERE source = ? AND url IN (SELECT value FROM json_each(?))",
            (source, json.dumps(list(urls))),
        )
        return {row[0]: UrlState(*row) for row in rows}

    def save_url_states(self, states: Iterable[UrlState]) -> None:
        self.db.executemany(
            f"INSERT OR REPLACE INTO url_states ({STATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(s.url, s.source, s.etag, s.last_modified, s.marker, s.release_id, s.checked_at)
             for s in states],
        )

    def robots_file(self, host: str) -> tuple[str, float] | None:
        """The robots.txt kept for ``host`` (scheme://host:port) and when it was fetched."""
        row = self.db.execute("SELECT body, fetched_at FROM robots WHERE host = ?", (host,)).fetchone()
        return None if row is None else (str(row[0]), float(row[1]))

    def save_robots_file(self, host: str, body: str, fetched_at: float) -> None:
        self.db.execute("INSERT OR REPLACE INTO robots (host, body, fetched_at) VALUES (?, ?, ?)",
                        (host, body, fetched_at))

    def save_pages(self, pages: Iterable[Page]) -> None:
        """Keep each page as the provenance of the text it produced; the first page to
        produce a text is kept, and each body is stored once."""
        chosen = [(p, hashlib.sha256(p.data).hexdigest()) for p in pages]
        with transaction(self.db):
            self.db.executemany("INSERT OR IGNORE INTO page_bodies (hash, data) VALUES (?, ?)",
                                [(digest, p.data) for p, digest in chosen])
            self.db.executemany(
                "INSERT OR IGNORE INTO release_pages (release_id, content_hash, url, fetched_at,"
                " status, content_type, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(p.release_id, p.content_hash, p.url, p.fetched_at, p.status, p.content_type,
                  digest) for p, digest in chosen],
            )

    def pages(self, release_id: str) -> list[Page]:
        """The pages a release's texts came from, oldest first."""
        rows = self.db.execute(
            "SELECT p.release_id, p.content_hash, p.url, p.fetched_at, p.status, p.content_type,"
            " b.data FROM release_pages p JOIN page_bodies b ON b.hash = p.body"
            " WHERE p.release_id = ? ORDER BY p.fetched_at",
            (release_id,),
        )
        return [Page(*row) for row in rows]
