"""Release vectors: embedded once per text into the store, searched through an HNSW graph.

The store's ``VectorStore`` is the record: one vector per content hash and
model, computed by ``embed_missing`` in batches, so an unchanged release is
never embedded twice and two releases with the same text share one vector.

``VectorSet`` is the derived nearest-neighbour index over the releases that
have a vector: a usearch HNSW graph of int8-quantised unit vectors (cosine),
saved as ``<model>.usearch`` in the search index folder beside the database
and memory-mapped on open, plus ``<model>.ids`` (release id and content hash
per key). ``VectorSet.open`` brings it in step with the store when the store's
vector version has moved since it was saved.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pressdesk.search.embed import Embedder, release_text
from pressdesk.store import VectorStore

__all__ = ["VectorSet", "embed_missing", "pack", "unpack"]

log = logging.getLogger(__name__)

Vector = NDArray[np.float32]
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 96


def pack(vector: Vector) -> bytes:
    """The stored form of a vector: little-endian float32."""
    return np.asarray(vector, dtype="<f4").tobytes()


def unpack(blob: bytes) -> Vector:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


def embed_missing(
    store: VectorStore,
    embedder: Embedder,
    *,
    batch: int = 64,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed every stored release text that has no vector for this embedder; returns how many
    (a text another process revised meanwhile is gone: its new text is embedded next time)."""
    todo, done = store.unembedded(embedder.name), 0
    for start in range(0, len(todo), batch):
        texts = store.texts(todo[start : start + batch])
        chunk = [h for h in todo[start : start + batch] if h in texts]
        if not chunk:
            continue
        matrix = embedder.embed([release_text(*texts[h]) for h in chunk])
        store.put(embedder.name, zip(chunk, map(pack, matrix), strict=True))
        done += len(chunk)
        if progress is not None:
            progress(len(chunk))
    return done


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
    def open(cls, store: VectorStore, embedder: Embedder, folder: str | None) -> VectorSet:
        """The vector set of ``embedder``, loaded from ``folder`` and brought in step with ``store``."""
        found = cls(embedder.name, embedder.dimensions, folder)
        version = store.version(found.model)
        if found.load() != version:
            found.sync(store)
            found.save(version)
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def load(self) -> str | None:
        """Read the saved graph (memory-mapped) and ids; returns the store version it matched."""
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
            return str(json.load(f))

    def sync(self, store: VectorStore) -> int:
        """Add or replace the vectors of releases that are new or changed; returns how many."""
        stale = [(i, h) for i, h in store.embedded(self.model) if self.current(i) != h]
        if stale and self.viewed:
            self.reload_writable()
        for start in range(0, len(stale), 5000):
            self.put(store, stale[start : start + 5000])
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

    def put(self, store: VectorStore, pairs: Sequence[tuple[str, str]]) -> None:
        """The stored vectors of these (release id, content hash) pairs; one another process
        has not yet made readable here is left for the next sync, which finds it stale."""
        blobs = store.get(self.model, [h for _, h in pairs])
        found = [(i, h) for i, h in pairs if h in blobs]
        if found:
            self.add(found, np.stack([unpack(blobs[h]) for _, h in found]))

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

    def save(self, state: str) -> None:
        """Write graph, ids and fingerprint, each replacing the old file atomically (a folder
        that cannot be written keeps the graph in memory only: it is derived)."""
        if self.folder is None:
            return
        try:
            self.write(state, self.folder)
        except (OSError, RuntimeError) as err:  # usearch reports I/O as RuntimeError
            log.info("vector graph kept in memory: cannot write %s: %s", self.folder, err)

    def write(self, state: str, folder: str) -> None:
        os.makedirs(folder, exist_ok=True)
        paths = Paths.of(folder, self.model)
        tmp = f".{os.getpid()}.tmp"  # two processes may sync at once: each writes its own
        self.graph.save(paths.graph + tmp)
        with open(paths.ids + tmp, "w", encoding="utf-8") as f:
            f.writelines(f"{i}\t{h}\n" for i, h in zip(self.ids, self.hashes, strict=True))
        with open(paths.state + tmp, "w", encoding="utf-8") as f:
            json.dump(state, f)
        for path in (paths.graph, paths.ids, paths.state):  # the state last: it vouches for both
            os.replace(path + tmp, path)

    def nearest(self, vector: Vector, limit: int) -> list[tuple[str, float]]:
        """The ``limit`` nearest releases as (id, cosine similarity), best first (none if no
        release has a vector yet: the caller says what is missing)."""
        if not self.ids:
            return []
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
