"""Search: lexical (BM25 over the tantivy index), semantic (nearest vectors), hybrid (RRF).

    search(index, 'org:KIAT date:2025-11.. semiconductor', facets=True)
    search(index, 'carbon border tax on imports', mode="hybrid", vectors=vs, embedder=e)
    similar(index, release_id, vectors=vs)

Lexical hits carry a snippet of the body with each matched word wrapped in
``[`` and ``]`` (``SearchOptions.marks`` changes them; the stored text is never
altered). Facet counts are taken over every release the query matches
lexically. Hybrid ranking fuses the lexical and semantic top lists by
reciprocal rank fusion: score = sum over lists of 1 / (RRF_K + rank).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import tantivy

from pressdesk.errors import NotFound, QueryError
from pressdesk.search.index import FACET_FIELDS, Hit, SearchIndex, Snapshot, id_key
from pressdesk.search.query import Node, compile_query, filter_part, free_text, has_text, parse_query

if TYPE_CHECKING:
    from pressdesk.search.embed import Embedder
    from pressdesk.search.vectors import VectorSet

__all__ = [
    "Hit",
    "SearchOptions",
    "SearchResult",
    "matching",
    "matching_ids",
    "search",
    "search_with",
    "similar",
]

Key = TypeVar("Key", str, int)
RRF_K = 60
DEPTH = 50  # how deep each list goes before fusion
FILTER_WIDENING = 8  # semantic candidates fetched per wanted hit when the query has filters


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[Hit, ...]
    total: int  # releases the query matches lexically (semantic mode: hits returned)
    facets: dict[str, tuple[tuple[str, int], ...]]
    unembedded: int = 0  # releases that had no vector yet, so semantic ranking could not see them


@dataclass(frozen=True, slots=True)
class SearchOptions:
    mode: str = "lexical"  # "lexical" | "semantic" | "hybrid"
    limit: int = 10
    facets: bool = False
    sort: str = "relevance"  # "relevance" | "date" (newest first) | "date-asc"
    marks: tuple[str, str] = ("[", "]")
    facet_size: int = 10


@dataclass(frozen=True, slots=True)
class Request:
    """One parsed search: what the mode functions share."""

    index: SearchIndex
    view: Snapshot  # every step of the search reads this one committed state
    text: str
    tree: Node
    query: tantivy.Query
    options: SearchOptions
    vectors: VectorSet | None
    embedder: Embedder | None


def search(
    index: SearchIndex,
    query: str,
    *,
    mode: str = "lexical",
    limit: int = 10,
    facets: bool = False,
    sort: str = "relevance",
    vectors: VectorSet | None = None,
    embedder: Embedder | None = None,
) -> SearchResult:
    """Run ``query`` (see ``pressdesk.search.query`` for the language) in one mode."""
    options = SearchOptions(mode=mode, limit=limit, facets=facets, sort=sort)
    return search_with(index, query, options, vectors=vectors, embedder=embedder)


def search_with(
    index: SearchIndex,
    query: str,
    options: SearchOptions,
    *,
    vectors: VectorSet | None = None,
    embedder: Embedder | None = None,
) -> SearchResult:
    check_options(options)
    tree = parse_query(query)
    compiled = compile_query(tree, index)
    view = index.snapshot()
    request = Request(index, view, query, tree, compiled, options, vectors, embedder)
    hits, total = MODES[options.mode](request)
    return SearchResult(
        hits=tuple(hits),
        total=total,
        facets=view.facet_counts(request.query, FACET_FIELDS, options.facet_size)
        if options.facets
        else {},
    )


def matching_ids(index: SearchIndex, query: str, limit: int) -> list[str]:
    """The ids of the releases a query matches lexically, best first, up to ``limit`` (no
    snippets: for narrowing other listings, such as stories, by a query)."""
    compiled = compile_query(parse_query(query), index)
    view = index.snapshot()
    ranked = view.top(compiled, limit)
    return [str(doc.get_first("id")) for doc in view.stored(a for _, a in ranked.hits)]


def check_options(options: SearchOptions) -> None:
    if options.mode not in MODES:
        raise QueryError(f"unknown search mode '{options.mode}' (modes: {', '.join(MODES)})")
    if options.sort not in SORTS:
        raise QueryError(f"unknown sort '{options.sort}' (sorts: {', '.join(SORTS)})")
    if options.limit < 1:
        raise QueryError(f"limit must be at least 1, not {options.limit}")


# ---- lexical ---------------------------------------------------------------------------------

# sort name -> (fast field to order by, newest first); None orders by score
SORTS: dict[str, tuple[str | None, bool]] = {
    "relevance": (None, True),
    "date": ("day", True),
    "date-asc": ("day", False),
}


Found = tuple[list[Hit], int]  # hits, and how many releases match in all


def search_lexical(request: Request) -> Found:
    order_by, newest = SORTS[request.options.sort]
    if order_by is None and not has_text(request.tree):
        order_by = "day"  # a query of filters alone ranks nothing: newest first
    ranked = request.view.top(request.query, request.options.limit, order_by, newest)
    return request.view.hits(request.query, ranked.hits, request.options.marks), ranked.total


# ---- semantic and hybrid -----------------------------------------------------------------------


def search_semantic(request: Request) -> Found:
    nearest = semantic_top(request, request.options.limit)
    hits = sort_hits(request, stored_hits(request, nearest))
    return hits, len(hits)


def semantic_top(request: Request, limit: int) -> list[tuple[str, float]]:
    """The nearest releases to the query's words that also pass its filters."""
    vectors, embedder = need_vectors(request)
    vector = embedder.embed([free_text(request.tree) or request.text])[0]
    filters = filter_part(request.tree)
    if filters is None:
        return vectors.nearest(vector, limit)
    candidates = vectors.nearest(vector, limit * FILTER_WIDENING)
    allowed = request.view.matching_ids(
        compile_query(filters, request.index), [i for i, _ in candidates]
    )
    return [(i, s) for i, s in candidates if i in allowed][:limit]


def search_hybrid(request: Request) -> Found:
    """Fuse the lexical and semantic top lists by rank; load and cut snippets for the winners."""
    lexical, total = request.view.top_keys(request.query, DEPTH)
    semantic = semantic_top(request, DEPTH)
    by_vector = {id_key(i): i for i, _ in semantic}
    fused = fuse([[k for k, _ in lexical], list(by_vector)])[: request.options.limit]
    addresses = dict(lexical)
    ranked = [(score, addresses.get(k) or request.view.address(by_vector[k])) for k, score in fused]
    found = [(score, a) for score, a in ranked if a is not None]
    hits = request.view.hits(request.query, found, request.options.marks)
    return sort_hits(request, hits), max(total, len(hits))


def fuse(lists: Sequence[Sequence[Key]], k: int = RRF_K) -> list[tuple[Key, float]]:
    """Reciprocal rank fusion: each id scores the sum of 1 / (k + rank) over the lists."""
    scores: dict[Key, float] = {}
    for ranked in lists:
        for rank, item in enumerate(ranked, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])  # stable: ties keep list order


def need_vectors(request: Request) -> tuple[VectorSet, Embedder]:
    if request.vectors is None or request.embedder is None:
        raise QueryError(f"{request.options.mode} search needs vectors and an embedder")
    return request.vectors, request.embedder


def stored_hits(request: Request, ranked: Sequence[tuple[str, float]]) -> list[Hit]:
    """Hits for ids found by vector, with snippets highlighting the query's words."""
    addresses = [(score, request.view.address(i)) for i, score in ranked]
    found = [(score, a) for score, a in addresses if a is not None]
    return request.view.hits(request.query, found, request.options.marks)


def sort_hits(request: Request, hits: list[Hit]) -> list[Hit]:
    order_by, newest = SORTS[request.options.sort]
    if order_by is None:
        return hits
    return sorted(hits, key=lambda h: h.date, reverse=newest)


MODES: dict[str, Callable[[Request], Found]] = {
    "lexical": search_lexical,
    "semantic": search_semantic,
    "hybrid": search_hybrid,
}


# ---- matching ------------------------------------------------------------------------------


def matching(index: SearchIndex, query: str, ids: Sequence[str], chunk: int = 10_000) -> set[str]:
    """Which of ``ids`` the query matches (as a lexical search would list them)."""
    compiled = compile_query(parse_query(query), index)
    view = index.snapshot()
    found: set[str] = set()
    for start in range(0, len(ids), chunk):
        found |= view.matching_ids(compiled, ids[start : start + chunk])
    return found


# ---- similar -----------------------------------------------------------------------------------


def similar(
    index: SearchIndex, release_id: str, *, vectors: VectorSet, limit: int = 10
) -> tuple[Hit, ...]:
    """The releases whose vectors lie nearest to that of ``release_id`` (itself excluded)."""
    vector = vectors.get(release_id)
    if vector is None:
        raise NotFound(f"no release {release_id} with a vector to compare")
    nearest = [(i, s) for i, s in vectors.nearest(vector, limit + 1) if i != release_id][:limit]
    view = index.snapshot()
    addresses = [(s, view.address(i)) for i, s in nearest]
    ranked = [(s, a) for s, a in addresses if a is not None]
    return tuple(view.hits(tantivy.Query.empty_query(), ranked))
