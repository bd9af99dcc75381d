"""Versioned schema migrations for the SQLite store, applied in order.

Each migration is a small function registered with ``@migration``; the
database's ``PRAGMA user_version`` records how many have run. Append new
migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from pressdesk.store.transactions import transaction

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


def apply_migrations(db: sqlite3.Connection) -> int:
    """Run every migration the database has not seen, each in its own transaction."""
    for number, fn in enumerate(MIGRATIONS, start=1):
        if db.execute("PRAGMA user_version").fetchone()[0] >= number:
            continue
        with transaction(db):  # the version is read again inside: another process may have won
            if db.execute("PRAGMA user_version").fetchone()[0] < number:
                fn(db)
                db.execute(f"PRAGMA user_version = {number}")
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


@migration
def create_index_queue(db: sqlite3.Connection) -> None:
    """The index queue replaces the watermarks on ``releases.seq`` (which assumed that
    writers commit in the order of their sequence numbers). What the old marks had
    not yet indexed is queued, so an upgraded store stays in step."""
    db.execute(
        """CREATE TABLE index_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            release_id TEXT NOT NULL,
            fresh INTEGER NOT NULL
        )"""
    )
    db.execute(
        """INSERT INTO index_queue (release_id, fresh)
           SELECT id, 0 FROM releases
           WHERE seq > coalesce((SELECT CAST(value AS INTEGER) FROM meta
                                 WHERE key = 'indexed_seq'), 0)
           ORDER BY seq"""
    )
    db.execute("DELETE FROM meta WHERE key IN ('indexed_seq', 'index_pending_seq')")


@migration
def create_store_id(db: sqlite3.Connection) -> None:
    """A store's identity, so that an index built for another store (or for a store since
    replaced at the same path) is recognised and rebuilt."""
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))))")


@migration
def create_figures_and_events(db: sqlite3.Connection) -> None:
    """Figures and events as rows beside the facts they come from, for series and filters.
    (Facts stored before this were extracted in an older shape: ``pressdesk reextract``.)"""
    db.execute(
        """CREATE TABLE figures (
            release_id TEXT NOT NULL,
            n INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            series TEXT NOT NULL,
            period TEXT,
            value REAL,
            unit TEXT,
            change REAL,
            change_unit TEXT,
            direction TEXT,
            kind TEXT NOT NULL,
            PRIMARY KEY (release_id, n)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX figures_series ON figures(series, period)")
    db.execute(
        """CREATE TABLE events (
            release_id TEXT NOT NULL,
            n INTEGER NOT NULL,
            type TEXT NOT NULL,
            implementer TEXT NOT NULL,
            partner TEXT NOT NULL,
            date TEXT,
            sentence TEXT NOT NULL,
            optional INTEGER NOT NULL,
            PRIMARY KEY (release_id, n)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX events_type ON events(type, date)")


@migration
def version_facts(db: sqlite3.Connection) -> None:
    """Which version of the extractors found each release's facts (0: before versions)."""
    db.execute("ALTER TABLE facts ADD COLUMN version INTEGER NOT NULL DEFAULT 0")


@migration
def create_watches(db: sqlite3.Connection) -> None:
    """Saved queries, and which release revisions each has delivered (or claimed, by which
    run) so that every match is delivered once though runs overlap or die."""
    db.execute(
        """CREATE TABLE watches (
            name TEXT PRIMARY KEY,
            query TEXT NOT NULL,
            created TEXT NOT NULL,
            webhook TEXT,
            checkpoint INTEGER NOT NULL
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE watch_items (
            watch TEXT NOT NULL,
            release_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            claimed_by TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            delivered_at TEXT,
            PRIMARY KEY (watch, release_id, revision)
        ) WITHOUT ROWID"""
    )
    # Every store or revision gets the number of its index-queue entry: writers commit one at
    # a time, so these numbers grow in commit order and a watch can resume after the last one.
    db.execute("ALTER TABLE releases ADD COLUMN change INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE releases SET change = seq")
    db.execute(
        "UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(seq), 0) FROM releases))"
        " WHERE name = 'index_queue'"
    )
    db.execute(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'index_queue', coalesce(max(seq), 0)"
        " FROM releases WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'index_queue')"
    )
    db.execute("CREATE INDEX releases_change ON releases(change)")


@migration
def drop_torch_vectors(db: sqlite3.Connection) -> None:
    """Vectors of the torch MiniLM embedder, which pressdesk no longer runs (its ONNX
    embedders store under their own names; `pressdesk embed` computes them)."""
    db.execute("DELETE FROM vectors WHERE model = 'all-minilm-l6-v2'")


@migration
def create_sources(db: sqlite3.Connection) -> None:
    """What the collector follows and what it knows (see ``pressdesk.collect``): sources,
    per-URL validators and markers, robots.txt files, and the pages releases came from
    (zlib-compressed, each body once by its hash)."""
    db.execute(
        """CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            kind TEXT NOT NULL,
            profile TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            complete INTEGER NOT NULL DEFAULT 0,
            collected_at TEXT,
            lease_holder TEXT NOT NULL DEFAULT '',
            lease_until REAL NOT NULL DEFAULT 0
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE url_states (
            source TEXT NOT NULL,
            url TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            marker TEXT NOT NULL DEFAULT '',
            release_id TEXT,
            checked_at TEXT NOT NULL,
            PRIMARY KEY (source, url)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE robots (
            host TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            fetched_at REAL NOT NULL
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE TABLE page_bodies (hash TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID")
    db.execute(
        """CREATE TABLE release_pages (
            release_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            body TEXT NOT NULL REFERENCES page_bodies(hash),
            PRIMARY KEY (release_id, content_hash)
        ) WITHOUT ROWID"""
    )


@migration
def entity_evidence(db: sqlite3.Connection) -> None:
    """Why each name joined its entity, which names are acronyms or oddly cased ("STock":
    a better writing of the same key replaces them), which keys each release
    wrote (for canonical names and splits), and corrections made by hand
    (``pressdesk.store.sqlite_entities``). Entities of the old rules are dropped, to be
    linked again by `pressdesk reextract`, each keeping its id."""
    db.execute("ALTER TABLE entity_names ADD COLUMN evidence TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE entity_names ADD COLUMN acronym INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE entity_names ADD COLUMN odd INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE entities ADD COLUMN named INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE release_names (
            release_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (release_id, kind, key)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX release_names_key ON release_names(kind, key)")
    db.execute(  # the id each entity had, by its first key, so that a rebuild keeps ids
        """CREATE TABLE entity_ids (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            id INTEGER NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID"""
    )
    db.execute("INSERT INTO entity_ids SELECT kind, key, entity_id FROM entity_names")
    # Entities linked by the old rules hold merges without evidence: they are built again, with
    # their ids, as `pressdesk reextract` finds the facts again (`pressdesk check` says so).
    for table in ("release_entities", "entity_names", "entities"):
        db.execute(f"DELETE FROM {table}")
    db.execute("UPDATE facts SET version = min(version, 2)")
    db.execute(
        """CREATE TABLE entity_decisions (
            seq INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            kind TEXT NOT NULL,
            anchor TEXT NOT NULL,
            value TEXT NOT NULL
        )"""
    )


@migration
def entity_mentions(db: sqlite3.Connection) -> None:
    """How many releases name each entity, kept in the entity's row by triggers on its links,
    so that a release page or the directory reads counts instead of counting links."""
    db.execute("ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0")
    db.execute(
        "UPDATE entities SET mentions ="
        " (SELECT count(*) FROM release_entities r WHERE r.entity_id = entities.id)"
    )
    db.execute(
        "CREATE TRIGGER entity_mentioned AFTER INSERT ON release_entities BEGIN"
        " UPDATE entities SET mentions = mentions + 1 WHERE id = new.entity_id; END"
    )
    db.execute(
        "CREATE TRIGGER entity_unmentioned AFTER DELETE ON release_entities BEGIN"
        " UPDATE entities SET mentions = mentions - 1 WHERE id = old.entity_id; END"
    )
    db.execute("CREATE INDEX entities_by_mentions ON entities(mentions DESC, name)")


@migration
def create_stories(db: sqlite3.Connection) -> None:
    """Stories: releases that report one event (see ``pressdesk.stories``). ``story_keys``
    are the blocking keys the grouper looks candidates up by, by day; ``story_terms``
    count the releases that hold each term (the rarity of words and names)."""
    db.execute(
        """CREATE TABLE stories (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL DEFAULT 0,
            merged_into TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE story_members (
            release_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            source TEXT NOT NULL,
            features BLOB NOT NULL,
            reason TEXT NOT NULL
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX story_members_story ON story_members(story_id)")
    db.execute(
        """CREATE TABLE story_keys (
            key INTEGER NOT NULL,
            day INTEGER NOT NULL,
            release_id TEXT NOT NULL,
            PRIMARY KEY (key, day, release_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE TABLE story_terms (term INTEGER PRIMARY KEY, n INTEGER NOT NULL)")


@migration
def index_story_merges(db: sqlite3.Connection) -> None:
    """The stories merged into each: a story's record and a release's story name them, and
    without an index each look-up read every story."""
    db.execute("CREATE INDEX stories_merged_into ON stories(merged_into)")


@migration
def hold_story_neighbourhoods(db: sqlite3.Connection) -> None:
    """The neighbourhoods of the last releases grouped, held until they are consolidated
    (``pressdesk.stories.consolidation``): by grouping order, a JSON list of story ids."""
    db.execute("CREATE TABLE story_held (seq INTEGER PRIMARY KEY, stories TEXT NOT NULL)")


@migration
def regroup_stories(db: sqlite3.Connection) -> None:
    """Stories grouped before words counted by their stem and a title's trailing label was
    taken off hold features of another kind, which new releases would be compared with: the
    stories are grouped again, as those of a store made before stories were, when the store
    is next opened for writing (``Desk.catch_up``; a story keeps the id of the release that
    starts it), and every release is queued for the index, whose documents name their story."""
    for table in ("stories", "story_members", "story_keys", "story_terms", "story_held"):
        db.execute(f"DELETE FROM {table}")
    db.execute("DELETE FROM meta WHERE key = 'story_docs'")
    db.execute("INSERT INTO index_queue (release_id, fresh) SELECT id, 0 FROM releases ORDER BY seq")


@migration
def count_terms_by_source(db: sqlite3.Connection) -> None:
    """How many releases each source has (``story_sources``, each numbered) and how many of
    them hold each term (``story_source_terms``, keyed by the source's number << 32 | the
    term): a term is no rarer than within its own source
    (``pressdesk.stories.features.rarities``). The stories are grouped again, as by
    ``regroup_stories``, counting them."""
    db.execute("CREATE TABLE story_sources (id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE,"
               " n INTEGER NOT NULL)")
    db.execute("CREATE TABLE story_source_terms (key INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    regroup_stories(db)


@migration
def cluster_story_members(db: sqlite3.Connection) -> None:
    """A story member's row is found by its grouping order (``seq``, the rowid), and a blocking
    key names the member by it: a release's candidates are mostly the releases grouped just
    before it, which now lie on a few pages, where keyed by release id (a hash) each lay on
    a page of its own, and a large store read one from disk for nearly every candidate.
    The rows are copied as they are; nothing is grouped again."""
    db.execute(
        """CREATE TABLE story_members_by_seq (
            seq INTEGER PRIMARY KEY,
            release_id TEXT NOT NULL UNIQUE,
            story_id TEXT NOT NULL,
            source TEXT NOT NULL,
            features BLOB NOT NULL,
            reason TEXT NOT NULL
        )"""
    )
    db.execute("INSERT INTO story_members_by_seq SELECT seq, release_id, story_id, source, features,"
               " reason FROM story_members ORDER BY seq")
    db.execute(
        """CREATE TABLE story_keys_by_seq (
            key INTEGER NOT NULL,
            day INTEGER NOT NULL,
            member INTEGER NOT NULL,
            PRIMARY KEY (key, day, member)
        ) WITHOUT ROWID"""
    )
    db.execute("INSERT INTO story_keys_by_seq SELECT k.key, k.day, m.seq FROM story_keys k"
               " JOIN story_members m ON m.release_id = k.release_id")
    db.execute("DROP TABLE story_members")
    db.execute("DROP TABLE story_keys")
    db.execute("ALTER TABLE story_members_by_seq RENAME TO story_members")
    db.execute("ALTER TABLE story_keys_by_seq RENAME TO story_keys")
    db.execute("CREATE INDEX story_members_story ON story_members(story_id)")


@migration
def name_places(db: sqlite3.Connection) -> None:
    """A place is named in English ("South Korea"), its code ("KR") one of its names, as
    ``entities.entity_refs`` now names it: each place entity learns its English name, as
    written by every release that wrote its code."""
    from pressdesk.entities import entity_key
    from pressdesk.extract.places import place_name

    rows = db.execute("SELECT key, name, entity_id FROM entity_names WHERE kind = 'place'").fetchall()
    for key, code, entity_id in rows:
        name = place_name(code)
        added = entity_key("place", name)
        if not added or added == key:
            continue
        db.execute("INSERT OR IGNORE INTO entity_names (kind, key, name, entity_id) VALUES"
                   " ('place', ?, ?, ?)", (added, name, entity_id))
        db.execute("INSERT OR IGNORE INTO release_names (release_id, kind, key) SELECT release_id,"
                   " 'place', ? FROM release_names WHERE kind = 'place' AND key = ?", (added, key))
        db.execute("UPDATE entities SET name = ? WHERE id = ? AND named = 0", (name, entity_id))
