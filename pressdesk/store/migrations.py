"""Versioned schema migrations for the SQLite store, applied in order.

Each migration is a small function registered with ``@migration``; the
database's ``PRAGMA user_version`` records how many have run. Append new
migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def apply_migrations(db: sqlite3.Connection) -> int:
    """Run every migration the database has not seen, each in its own transaction."""
    version: int = db.execute("PRAGMA user_version").fetchone()[0]
    for number, fn in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            fn(db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


@migration
def create_releases(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE releases (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            url TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            content_hash TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            external_id TEXT
        )"""
    )
    db.execute("CREATE INDEX releases_date ON releases(date)")
    db.execute(
        """CREATE TABLE revisions (
            release_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            category TEXT NOT NULL,
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (release_id, revision)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


@migration
def create_facts(db: sqlite3.Connection) -> None:
    """What extraction found in each release, as JSON with offsets, per content hash."""
    db.execute(
        """CREATE TABLE facts (
            release_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            data TEXT NOT NULL
        ) WITHOUT ROWID"""
    )


@migration
def create_vectors(db: sqlite3.Connection) -> None:
    """Embedding vectors (packed float32) per content hash and model; see pressdesk.search.vectors."""
    db.execute(
        """CREATE TABLE vectors (
            content_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (content_hash, model)
        ) WITHOUT ROWID"""
    )


@migration
def create_entities(db: sqlite3.Connection) -> None:
    """Organisations, people and places with one id across releases, and their names."""
    db.execute(
        """CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE entity_names (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX entity_names_entity ON entity_names(entity_id)")
    db.execute(
        """CREATE TABLE release_entities (
            release_id TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (release_id, entity_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX release_entities_entity ON release_entities(entity_id)")
