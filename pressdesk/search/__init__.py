"""Search: the query language, the tantivy index, vectors, embedders and the ranking modes.

    query      the query language, parsed and compiled to tantivy queries
    index      the full-text index derived from the store, and how it is kept in step
    embed      embedders: text to unit vectors, behind one protocol
    vectors    the nearest-neighbour graph over release vectors
    engine     lexical, semantic and hybrid search, fusion and ``similar``
"""

from pressdesk.search.engine import (
    Hit,
    SearchOptions,
    SearchResult,
    fuse,
    matching,
    search,
    search_with,
    similar,
)

__all__ = [
    "Hit",
    "SearchOptions",
    "SearchResult",
    "fuse",
    "matching",
    "search",
    "search_with",
    "similar",
]
