"""Embedders and the vector set: stored once per content hash, nearest by cosine."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from pressdesk.errors import QueryError
from pressdesk.models import Release
from pressdesk.search.embed import HashEmbedder, Vectors, open_embedder
from pressdesk.search.vectors import VectorSet, embed_missing, pack, unpack
from pressdesk.store import Store, open_store


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__(32)
        self.seen: list[str] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.seen += texts
        return super().embed(texts)


def release(n: int, body: str, title: str | None = None) -> Release:
    return Release.create(
        title=title or f"Release {n}", date="2025-11-18", body=body, source="Test", url=f"u{n}"
    )


BODIES = [
    "Semiconductor exports rose as memory chip prices climbed.",
    "Crude oil prices fell on weak demand from refineries.",
    "The carbon border adjustment levies steel imports.",
]


def fill(store: Store, releases: list[Release]) -> None:
    store.save_batch(releases, "2025-11-30T00:00:00Z")


def test_hash_embedder_is_deterministic_unit_length_and_lexical() -> None:
    e = HashEmbedder(64)
    a, b, c = e.embed(["chip exports", "chips exported", "crude oil"])
    assert np.allclose(e.embed(["chip exports"])[0], a)
    assert np.isclose(np.linalg.norm(a), 1.0)
    assert a @ b > a @ c


def test_open_embedder_by_name() -> None:
    assert open_embedder("fake").name == "fake-hash"
    with pytest.raises(QueryError, match="unknown embedder 'nope'"):
        open_embedder("nope")


def test_vectors_pack_as_float32_blobs() -> None:
    v = np.array([0.5, -1.25, 3.0], dtype=np.float32)
    assert len(pack(v)) == 12
    assert np.array_equal(unpack(pack(v)), v)


def test_embed_missing_embeds_each_content_hash_once() -> None:
    store = open_store(":memory:")
    # two releases with the same text share one vector
    twins = [release(1, BODIES[0], "Same"), release(2, BODIES[0], "Same")]
    fill(store, [*twins, release(3, BODIES[1])])
    embedder = CountingEmbedder()
    assert embed_missing(store.vectors, embedder, batch=2) == 2
    assert embed_missing(store.vectors, embedder) == 0
    assert len(embedder.seen) == 2
    fill(store, [release(3, BODIES[2])])  # a new revision: new text, new vector
    assert embed_missing(store.vectors, embedder) == 1


def test_vector_set_in_memory_finds_nearest() -> None:
    store = open_store(":memory:")
    releases = [release(n, body) for n, body in enumerate(BODIES)]
    fill(store, releases)
    embedder = HashEmbedder(32)
    embed_missing(store.vectors, embedder)
    vectors = VectorSet.open(store.vectors, embedder, None)
    assert len(vectors) == 3
    nearest = vectors.nearest(embedder.embed(["crude oil prices"])[0], 2)
    assert nearest[0][0] == releases[1].id
    assert 0.3 < nearest[0][1] <= 1.0 + 1e-6 and nearest[0][1] >= nearest[1][1]
    got = vectors.get(releases[0].id)
    assert got is not None and got.shape == (32,)
    assert vectors.get("nope") is None


def test_vector_set_on_disk_is_saved_and_kept_in_step(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    fill(store, [release(0, BODIES[0]), release(1, BODIES[1])])
    embedder = HashEmbedder(32)
    embed_missing(store.vectors, embedder)
    folder = str(tmp_path / "x.db.index")
    assert len(VectorSet.open(store.vectors, embedder, folder)) == 2
    assert (tmp_path / "x.db.index" / "fake-hash.usearch").exists()
    # unchanged store: opened from the saved files
    again = VectorSet.open(store.vectors, embedder, folder)
    assert again.viewed and len(again) == 2
    # a changed release and a new one: the set follows the store
    fill(store, [release(0, BODIES[2]), release(5, BODIES[1])])
    embed_missing(store.vectors, embedder)
    updated = VectorSet.open(store.vectors, embedder, folder)
    assert len(updated) == 3
    top = updated.nearest(embedder.embed([BODIES[2]])[0], 1)
    assert top[0][0] == release(0, BODIES[2]).id
    store.close()


def test_empty_vector_set() -> None:
    store = open_store(":memory:")
    vectors = VectorSet.open(store.vectors, HashEmbedder(8), None)
    assert vectors.nearest(np.ones(8, dtype=np.float32), 5) == []
