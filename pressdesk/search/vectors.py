"""Release vectors: stored once per content hash in the store, searched through an HNSW index.

The store's ``vectors`` table (content_hash, model, vector; created by the
store's migrations) is the record:
packed little-endian float32 BLOBs, computed once per content hash by
``embed_missing`` in batches, so an unchanged release is never embedded
twice and two releases with the same text share one vector.

``VectorSet`` is the derived nearest-neighbour index over the releases that
have a vector: a usearch HNSW graph of int8-quantised unit vectors (cosine),
saved as ``<model>.usearch`` in the search index folder beside the database
and memory-mapped on open, plus ``<model>.ids`` (release id and content hash
per key). ``VectorSet.open`` brings it in step with the store when the store
has changed since it was saved.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pressdesk.errors import QueryError
from pressdesk.search.embed import DEFAULT_EMBEDDER, Embedder, open_embedder, release_text

__all__ = [
    "VectorSet",
    "open_vectors",
    "embed_missing",
    "get_vectors",
    "put_vectors",
]

log = logging.getLogger(__name__)

Vector = NDArray[np.float32]
VERSION_KEY = "vectors_version:{model}"
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 96


def pack(vector: Vector) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def unpack(blob: bytes) -> Vector:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


# ---- the record: vectors per content hash --------------------------------------------------


def missing_hashes(db: sqlite3.Connection, model: str) -> list[tuple[int, str]]:
    """(seq, content hash) of one release per content hash that has no vector yet."""
    rows = db.execute(
        """SELECT min(r.seq), r.content_hash FROM releases r
           WHERE NOT EXISTS (SELECT 1 FROM vectors v
                             WHERE v.content_hash = r.content_hash AND v.model = ?)
           GROUP BY r.content_hash ORDER BY 1""",
        (model,),
    )
    return [(int(seq), str(h)) for seq, h in rows]


def embed_missing(
    db: sqlite3.Connection,
    embedder: Embedder,
    *,
    batch: int = 64,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed every stored release whose text has no vector for this model; returns how many."""
    todo = missing_hashes(db, embedder.name)
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        texts = release_texts(db, [seq for seq, _ in chunk])
        put_vectors(db, embedder.name, zip([h for _, h in chunk], embedder.embed(texts), strict=True))
        if progress is not None:
            progress(len(chunk))
    return len(todo)


def release_texts(db: sqlite3.Connection, seqs: Sequence[int]) -> list[str]:
    marks = ",".join("?" * len(seqs))
    rows = db.execute(f"SELECT seq, title, body FROM releases WHERE seq IN ({marks})", seqs)
    texts = {int(seq): release_text(title, body) for seq, title, body in rows}
    return [texts[seq] for seq in seqs]


def put_vectors(db: sqlite3.Connection, model: str, pairs: Iterable[tuple[str, Vector]]) -> None:
    """Store vectors by content hash in one transaction, and mark the set as changed."""
    rows = [(h, model, pack(v)) for h, v in pairs]
    key = VERSION_KEY.format(model=model)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)
        db.execute(
            """INSERT INTO meta(key, value) VALUES (?, '1') ON CONFLICT(key)
               DO UPDATE SET value = CAST(value AS INTEGER) + 1""",
            (key,),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def get_vectors(db: sqlite3.Connection, model: str, hashes: Sequence[str]) -> dict[str, Vector]:
    found: dict[str, Vector] = {}
    for start in range(0, len(hashes), 500):
        chunk = list(hashes[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT content_hash, vector FROM vectors WHERE model = ? AND content_hash IN ({marks})",
            [model, *chunk],
        )
        found.update((str(h), unpack(blob)) for h, blob in rows)
    return found


def fingerprint(db: sqlite3.Connection, model: str) -> list[Any]:
    """Cheap to read, and different whenever releases or this model's vectors changed."""
    count, last = db.execute("SELECT count(*), max(seq) FROM releases").fetchone()
    revisions = db.execute("SELECT count(*) FROM revisions").fetchone()[0]
    version = db.execute(
        "SELECT value FROM meta WHERE key = ?", (VERSION_KEY.format(model=model),)
    ).fetchone()
    return [count, last, revisions, version[0] if version else None]


# ---- the derived nearest-neighbour index ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paths:
    graph: str
    ids: str
    state: str

    @classmethod
    def of(cls, folder: str, model: str) -> Paths:
        base = os.path.join(folder, model)
        return cls(f"{base}.usearch", f"{base}.ids", f"{base}.state.json")


def new_graph(dimensions: int) -> Any:
    from usearch.index import Index

    return Index(
        ndim=dimensions,
        metric="cos",
        dtype="i8",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


class VectorSet:
    """Nearest releases by cosine similarity of their vectors (usearch HNSW, int8)."""

    def __init__(self, model: str, dimensions: int, folder: str | None) -> None:
        self.model = model
        self.dimensions = dimensions
        self.folder = folder
        self.ids: list[str] = []
        self.hashes: list[str] = []
        self.keys: dict[str, int] = {}
        self.graph: Any = new_graph(dimensions)
        self.viewed = False  # a memory-mapped graph is read-only

    @classmethod
    def open(
        cls, db: sqlite3.Connection, embedder: Embedder, folder: str | None
    ) -> VectorSet:
        """The vector set of ``embedder``'s model, loaded from ``folder`` and synced with ``db``."""
        found = cls(embedder.name, embedder.dimensions, folder)
        state = found.load()
        if state != fingerprint(db, found.model):
            found.sync(db)
            found.save(fingerprint(db, found.model))
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def load(self) -> list[Any] | None:
        """Read the saved graph (memory-mapped) and ids; returns the saved fingerprint."""
        if self.folder is None:
            return None
        paths = Paths.of(self.folder, self.model)
        if not os.path.exists(paths.state):
            return None
        with open(paths.ids, encoding="utf-8") as lines:
            pairs = [line.rstrip("\n").split("\t") for line in lines]
        self.ids = [p[0] for p in pairs]
        self.hashes = [p[1] for p in pairs]
        self.keys = {release_id: key for key, release_id in enumerate(self.ids)}
        self.graph.view(paths.graph)
        self.viewed = True
        with open(paths.state, encoding="utf-8") as f:
            state: list[Any] = json.load(f)
        return state

    def sync(self, db: sqlite3.Connection) -> int:
        """Add or replace the vectors of releases that are new or changed; returns how many."""
        rows = db.execute(
            """SELECT r.id, r.content_hash FROM releases r JOIN vectors v
               ON v.content_hash = r.content_hash AND v.model = ? ORDER BY r.seq""",
            (self.model,),
        )
        stale = [(i, h) for i, h in rows if self.current(i) != h]
        if stale and self.viewed:
            self.reload_writable()
        for start in range(0, len(stale), 5000):
            self.put(db, stale[start : start + 5000])
        return len(stale)

    def reload_writable(self) -> None:
        """Swap the memory-mapped view for an in-memory copy that can take additions."""
        assert self.folder is not None
        self.graph = new_graph(self.dimensions)
        self.graph.load(Paths.of(self.folder, self.model).graph)
        self.viewed = False

    def current(self, release_id: str) -> str | None:
        key = self.keys.get(release_id)
        return None if key is None else self.hashes[key]

    def put(self, db: sqlite3.Connection, pairs: Sequence[tuple[str, str]]) -> None:
        vectors = get_vectors(db, self.model, [h for _, h in pairs])
        self.add(pairs, np.stack([vectors[h] for _, h in pairs]))

    def add(self, pairs: Sequence[tuple[str, str]], matrix: Vector) -> None:
        """Add or replace the vectors (rows of ``matrix``) of (release id, content hash) pairs."""
        keys: list[int] = []
        for release_id, content_hash in pairs:
            key = self.key_of(release_id, content_hash)
            if key in self.graph:
                self.graph.remove(key)
            keys.append(key)
        if keys:
            self.graph.add(np.array(keys, dtype=np.uint64), matrix)

    def key_of(self, release_id: str, content_hash: str) -> int:
        key = self.keys.get(release_id)
        if key is None:
            key = self.keys[release_id] = len(self.ids)
            self.ids.append(release_id)
            self.hashes.append(content_hash)
        else:
            self.hashes[key] = content_hash
        return key

    def save(self, state: list[Any]) -> None:
        """Write graph, ids and fingerprint, each replacing the old file atomically."""
        if self.folder is None:
            return
        os.makedirs(self.folder, exist_ok=True)
        paths = Paths.of(self.folder, self.model)
        tmp = f".{os.getpid()}.tmp"  # two processes may sync at once: each writes its own
        self.graph.save(paths.graph + tmp)
        with open(paths.ids + tmp, "w", encoding="utf-8") as f:
            f.writelines(f"{i}\t{h}\n" for i, h in zip(self.ids, self.hashes, strict=True))
        with open(paths.state + tmp, "w", encoding="utf-8") as f:
            json.dump(state, f)
        for path in (paths.graph, paths.ids, paths.state):  # the state last: it vouches for both
            os.replace(path + tmp, path)

    def nearest(self, vector: Vector, limit: int) -> list[tuple[str, float]]:
        """The ``limit`` nearest releases as (id, cosine similarity), best first."""
        if not self.ids:
            raise QueryError("no release has a vector yet: embed the store first")
        found = self.graph.search(np.asarray(vector, dtype=np.float32), min(limit, len(self.ids)))
        return [
            (self.ids[int(k)], 1.0 - float(d))
            for k, d in zip(found.keys, found.distances, strict=True)
        ]

    def get(self, release_id: str) -> Vector | None:
        key = self.keys.get(release_id)
        if key is None:
            return None
        return np.asarray(self.graph.get(key, dtype=np.float32), dtype=np.float32)


def open_vectors(
    db: sqlite3.Connection, folder: str | None, embedder: str = DEFAULT_EMBEDDER
) -> tuple[VectorSet, Embedder]:
    """What semantic and hybrid search and ``similar`` need, for the store ``db`` whose
    search index lives in ``folder`` (None: in memory): the named embedder (its model
    loads on first use) and its vector set, in step with the store."""
    chosen = open_embedder(embedder)
    return VectorSet.open(db, chosen, folder), chosen
