"""Connections to a SQLite store: tuned, one per thread, read-only when they must be, and
SQLite's errors turned into one-line ``StoreError`` messages that say what to do."""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pressdesk.errors import StoreError
from pressdesk.store.damage import is_damage, mark_damaged
from pressdesk.store.migrations import apply_migrations
from pressdesk.store.transactions import WAIT

T = TypeVar("T")


def connect(path: str) -> tuple[sqlite3.Connection, bool]:
    """A connection tuned for an embedded store with one writer at a time and many readers,
    and whether it is read-only (as it is when the file or its folder cannot be written)."""
    try:
        db = _connect(path)
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as err:
        if not _is_read_only(err) or path == ":memory:":
            raise StoreError(f"{path}: cannot open store: {err}") from err
        return connect_read_only(path), True
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: cannot open store: {err}{damage_hint(err)}") from err
    db.execute("PRAGMA synchronous = NORMAL")
    return db, False


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    db = sqlite3.connect(target, isolation_level=None, check_same_thread=False,
                         timeout=WAIT, uri=uri)
    db.execute("PRAGMA cache_size = -65536")
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def connect_read_only(path: str) -> sqlite3.Connection:
    """The store opened for reading only: shared with writers if SQLite can keep its
    journal beside it, else as an unchanging file (``immutable``: nobody can write it)."""
    address = "file:" + urllib.parse.quote(os.path.abspath(path))
    for mode in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = _connect(f"{address}?{mode}", uri=True)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.DatabaseError as err:
            failure = err
    raise StoreError(f"{path}: cannot open store read-only: {failure}") from failure


def open_backup(path: str) -> sqlite3.Connection:
    """A backup, read-only, after checking that it is a whole pressdesk store."""
    if not os.path.isfile(path):
        raise StoreError(f"{path}: no such backup file")
    try:
        source = sqlite3.connect(f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", uri=True)
        problems = [r[0] for r in source.execute("PRAGMA integrity_check") if r[0] != "ok"]
        tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: not a pressdesk backup: {err}") from err
    if problems:
        source.close()
        raise StoreError(f"{path}: the backup is damaged: {problems[0]}")
    if not {"releases", "revisions", "meta"} <= tables:
        source.close()
        raise StoreError(f"{path}: not a pressdesk backup (no releases table)")
    return source


def damage_hint(err: sqlite3.DatabaseError) -> str:
    """What to do about a store too damaged to open: it is the record, nothing rebuilds it."""
    if is_damage(err):
        return "; the store is damaged: restore a backup (`pressdesk restore FILE`)"
    return ""


def hint(err: sqlite3.DatabaseError) -> str:
    """What to do about an error SQLite raised."""
    text = str(err)
    if "readonly" in text:
        return " (the store is read-only: it can be listed, shown, searched and exported)"
    if is_damage(err):
        return "; run `pressdesk check`"
    return ""


def _is_read_only(err: sqlite3.OperationalError) -> bool:
    text = str(err)
    return "readonly" in text or "read-only" in text or "unable to open" in text



class Connections:
    """One connection per thread to one database file (one shared for ``:memory:``)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()
        self.lock = threading.Lock()
        self.all: list[sqlite3.Connection] = []
        self.read_only = False
        first = self.get()
        try:
            apply_migrations(first)
        except sqlite3.DatabaseError as err:
            self.close()
            if isinstance(err, sqlite3.OperationalError) and _is_read_only(err):
                raise StoreError(f"{path}: the store is read-only and was made by an older "
                                 "pressdesk: open it once with write access to upgrade it") from err
            raise StoreError(f"{path}: cannot open store: {err}{damage_hint(err)}") from err

    def get(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self.local, "db", None)
        if db is None:
            if self.path == ":memory:" and self.all:
                db = self.all[0]
            else:
                db, read_only = connect(self.path)
                self.read_only = self.read_only or read_only
            self.local.db = db
            with self.lock:
                if db not in self.all:
                    self.all.append(db)
        return db

    def close(self) -> None:
        with self.lock:
            for db in self.all:
                db.close()
            self.all.clear()
        self.local = threading.local()


def named_errors(cls: type[T]) -> type[T]:
    """Every public method of ``cls`` raises a one-line ``StoreError`` naming the store for
    what SQLite raises (a damaged file, a read-only one, a full disk), generators included."""
    for name, method in list(vars(cls).items()):
        if callable(method) and not name.startswith("_") and name != "connection":
            setattr(cls, name, _naming_errors(method))
    return cls


def _naming_errors(method: Callable[..., Any]) -> Callable[..., Any]:
    def explain(self: Any, err: sqlite3.DatabaseError) -> StoreError:
        if is_damage(err):
            mark_damaged(self.path, str(err))
        return StoreError(f"{self.path}: {err}{hint(err)}")

    if inspect.isgeneratorfunction(method):
        @functools.wraps(method)
        def generate(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.DatabaseError as err:
                raise explain(self, err) from err
        return generate

    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as err:
            raise explain(self, err) from err
    return call


