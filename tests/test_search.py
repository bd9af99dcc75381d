"""search(): every query form end to end over a small index of our own releases."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressdesk.errors import NotFound, QueryError
from pressdesk.models import Release
from pressdesk.search import Hit, SearchOptions, fuse, search, search_with, similar
from pressdesk.search.embed import HashEmbedder
from pressdesk.search.index import IndexDoc, SearchIndex
from pressdesk.search.vectors import VectorSet, embed_missing
from pressdesk.series import series_key
from pressdesk.store import open_store

DOCS = [
    IndexDoc(
        id="chips",
        title="Semiconductor exports hit a record",
        body="Semiconductor exports rose 25 percent as memory chip prices climbed. "
        "The Korea Institute for Advancement of Technology will fund new fabs.",
        date="2025-11-14",
        category="Trade/Investment",
        source="MOTIR",
        places=("KR", "US"),
        orgs=("Korea Institute for Advancement of Technology",),
        org_aliases=("KIAT",),
        people=("Kim Jung-kwan",),
        sectors=("semiconductors",),
        events=("statistics", "subsidy"),
        figures=(series_key("semiconductor exports"),),
        place_names=("South Korea", "United States"),
    ),
    IndexDoc(
        id="meetup",
        title="International cooperation meet-up day for middle market enterprises",
        body="Trade Minister Yeo Han-koo delivered welcome remarks. Middle market "
        "enterprises lead export diversification to ASEAN.",
        date="2025-11-17",
        category="FTA/Economic Cooperation",
        source="MOTIR",
        places=("KR", "MY"),
        people=("Yeo Han-koo",),
    ),
    IndexDoc(
        id="carbon",
        title="Response to the EU carbon border adjustment mechanism",
        body="Exporters of steel face the CBAM levy on embedded emissions from January.",
        date="2025-10-02",
        category="Trade/Investment",
        source="MOTIR",
        places=("EU", "KR"),
        sectors=("steel",),
    ),
    IndexDoc(
        id="ustr",
        title="USTR statement on the trade deficit with China",
        body="The trade deficit with China widened; the United States will respond "
        "to unfair trade practices. Semiconductor subsidies were discussed.",
        date="2019-02-27",
        category="Press Releases",
        source="USTR",
        places=("US", "CN"),
        people=("Robert Lighthizer",),
        sectors=("semiconductors",),
    ),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    ix = SearchIndex.open(None)
    ix.add(DOCS)
    ix.commit()
    return ix


def ids(index: SearchIndex, query: str, **options: object) -> list[str]:
    return [h.id for h in search(index, query, **options).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("semiconductor", ["chips", "ustr"]),  # title match ranks first
        ("semiconductors", ["chips", "ustr"]),  # stemming
        ('"trade deficit"', ["ustr"]),
        ('"deficit trade"', []),
        ("semicon*", ["chips", "ustr"]),
        ("steel AND exporters", ["carbon"]),
        ("steel AND china", []),
        ("steel OR china", ["ustr", "carbon"]),
        ("semiconductor NOT china", ["chips"]),
        ("semiconductor -china", ["chips"]),
        ("title:deficit", ["ustr"]),
        ("body:cbam", ["carbon"]),
        ("title:cbam", []),
        ("category:cooperation", ["meetup"]),
        ('category:"Trade/Investment" steel', ["carbon"]),
        ("source:USTR", ["ustr"]),
        ('person:"Yeo Han-koo"', ["meetup"]),
        ("person:lighthizer", ["ustr"]),
        ("org:KIAT", ["chips"]),
        ('org:"Korea Institute for Advancement of Technology"', ["chips"]),
        ("place:KR exports", ["chips", "carbon", "meetup"]),  # exporters -> export
        ('place:"south korea" chip', ["chips"]),
        ("sector:semiconductors", ["chips", "ustr"]),
        ("date:2025-11-01..2025-11-30", ["meetup", "chips"]),  # filters only: newest first
        ("date:2025-11..", ["meetup", "chips"]),
        ("date:..2025-10-31", ["carbon", "ustr"]),
        ("date:2019 trade", ["ustr"]),
        ("place:(MY OR CN)", ["meetup", "ustr"]),
        ("NOT place:KR", ["ustr"]),
        ("—", []),  # no searchable word: nothing matches
        ("cbam of the", ["carbon"]),  # stop words beside other words are dropped
        ('"exporters of steel"', ["carbon"]),  # but count inside a phrase
    ],
)
def test_query_forms(index: SearchIndex, query: str, expected: list[str]) -> None:
    assert ids(index, query) == expected


def test_filters_narrow_while_words_rank(index: SearchIndex) -> None:
    # a word and a filter side by side: the filter must hold, the word ranks
    assert ids(index, "semiconductor source:MOTIR") == ["chips"]
    # two words side by side: either may match
    assert set(ids(index, "cbam widened")) == {"carbon", "ustr"}


def test_sort_by_date(index: SearchIndex) -> None:
    assert ids(index, "trade OR exports", sort="date") == ["meetup", "chips", "carbon", "ustr"]
    assert ids(index, "trade OR exports", sort="date-asc") == ["ustr", "carbon", "chips", "meetup"]


def test_limit_and_total(index: SearchIndex) -> None:
    result = search(index, "trade OR exports", limit=2)
    assert len(result.hits) == 2
    assert result.total == 4


def test_hits_carry_title_date_score_and_highlighted_snippet(index: SearchIndex) -> None:
    hit = search(index, '"trade deficit"').hits[0]
    assert (hit.id, hit.title, hit.date) == ("ustr", DOCS[3].title, "2019-02-27")
    assert hit.score > 0
    assert "[trade] [deficit]" in hit.snippet


def test_marks_are_an_option(index: SearchIndex) -> None:
    options = SearchOptions(marks=("<mark>", "</mark>"))
    assert "<mark>CBAM</mark>" in search_with(index, "cbam", options).hits[0].snippet


def test_facets_count_the_whole_matching_set(index: SearchIndex) -> None:
    facets = search(index, "trade OR exports OR semiconductor", facets=True, limit=1).facets
    assert dict(facets["source"]) == {"MOTIR": 3, "USTR": 1}
    assert dict(facets["place"])["KR"] == 3
    assert dict(facets["month"]) == {"2025-11": 2, "2025-10": 1, "2019-02": 1}
    assert dict(facets["org"]) == {"Korea Institute for Advancement of Technology": 1}
    assert dict(facets["person"]) == {"Kim Jung-kwan": 1, "Yeo Han-koo": 1, "Robert Lighthizer": 1}
    assert dict(facets["sector"]) == {"semiconductors": 2, "steel": 1}
    assert dict(facets["event"]) == {"statistics": 1, "subsidy": 1}
    assert set(facets) == {"category", "source", "place", "org", "person", "sector", "event",
                           "month"}


def test_events_and_figures_filter(index: SearchIndex) -> None:
    assert ids(index, "event:subsidy") == ["chips"]
    assert ids(index, "event:tariff") == []
    assert ids(index, 'figure:"chip exports"') == ["chips"]  # any name of the series
    assert ids(index, 'figure:"exports of semiconductors" place:KR') == ["chips"]
    assert ids(index, 'figure:"ICT exports"') == []


def test_no_facets_unless_asked(index: SearchIndex) -> None:
    assert search(index, "trade").facets == {}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"mode": "fuzzy"}, "unknown search mode 'fuzzy'"),
        ({"sort": "title"}, "unknown sort 'title'"),
        ({"limit": 0}, "limit must be at least 1"),
        ({"mode": "semantic"}, "semantic search needs vectors"),
    ],
)
def test_bad_options_raise_query_errors(
    index: SearchIndex, options: dict[str, object], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        search(index, "trade", **options)  # type: ignore[arg-type]


def test_malformed_query_raises_query_error(index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="unterminated quote"):
        search(index, '"trade')


def test_fuse_is_reciprocal_rank_fusion() -> None:
    fused = fuse([["a", "b", "c"], ["b", "d"]], k=60)
    assert [i for i, _ in fused] == ["b", "a", "d", "c"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


# ---- semantic, hybrid and similar, with the deterministic fake embedder ----------------------


@pytest.fixture(scope="module")
def semantic() -> tuple[SearchIndex, VectorSet, HashEmbedder]:
    store = open_store(":memory:")
    releases = [
        Release.create(title=d.title, date=d.date, body=d.body, category=d.category,
                       source=d.source, url=d.id)
        for d in DOCS
    ]
    store.save_batch(releases, "2025-11-30T00:00:00Z")
    ix = SearchIndex.open(None)
    ix.add(replace(d, id=r.id) for d, r in zip(DOCS, releases, strict=True))
    ix.commit()
    embedder = HashEmbedder(256)
    embed_missing(store.vectors, embedder)
    return ix, VectorSet.open(store.vectors, embedder, None), embedder


def titles(hits: tuple[Hit, ...]) -> list[str]:
    return [h.title for h in hits]


def test_semantic_mode_ranks_by_vector(semantic: tuple[SearchIndex, VectorSet, HashEmbedder]) -> None:
    ix, vectors, embedder = semantic
    hits = search(ix, "carbon emissions levy", mode="semantic", vectors=vectors, embedder=embedder)
    assert hits.hits[0].title == DOCS[2].title
    assert len(hits.hits) == 4 and hits.total == 4


def test_semantic_mode_keeps_filters(semantic: tuple[SearchIndex, VectorSet, HashEmbedder]) -> None:
    ix, vectors, embedder = semantic
    result = search(ix, "carbon emissions levy source:USTR", mode="semantic", vectors=vectors,
                    embedder=embedder)
    assert titles(result.hits) == [DOCS[3].title]


def test_hybrid_mode_fuses_both_lists(semantic: tuple[SearchIndex, VectorSet, HashEmbedder]) -> None:
    ix, vectors, embedder = semantic
    result = search(ix, "semiconductor exports", mode="hybrid", vectors=vectors, embedder=embedder)
    assert result.hits[0].title == DOCS[0].title
    assert "[Semiconductor] [exports]" in result.hits[0].snippet
    assert result.hits[0].score == pytest.approx(2 / 61)  # first in both lists
    dated = search(ix, "semiconductor exports", mode="hybrid", sort="date", vectors=vectors,
                   embedder=embedder)
    assert [h.date for h in dated.hits] == sorted((h.date for h in dated.hits), reverse=True)


def test_similar_excludes_the_release_itself(semantic: tuple[SearchIndex, VectorSet, HashEmbedder]) -> None:
    ix, vectors, _ = semantic
    first = search(ix, '"carbon border"').hits[0]
    found = similar(ix, first.id, vectors=vectors, limit=2)
    assert len(found) == 2 and first.id not in [h.id for h in found]
    with pytest.raises(NotFound):
        similar(ix, "nope", vectors=vectors)


QUERY_PIECES = st.sampled_from(
    ["(", ")", '"', "-", "*", " ", "AND ", "OR ", "NOT ", "title:", "date:", "place:", "org:",
     "2025", "-11", "..", "semiconductor", "steel ", "trade", "ex*", "é", "KR", "\x00", "sector:"]
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(QUERY_PIECES, max_size=30).map("".join) | st.text(max_size=50))
def test_any_string_searches_or_fails_in_one_line(text: str) -> None:
    """Any string, in every mode, gives results or a one-line QueryError."""
    ix, vectors, embedder = SEARCHABLE
    for mode in ("lexical", "semantic", "hybrid"):
        try:
            search(ix, text, mode=mode, facets=True, vectors=vectors, embedder=embedder)
        except QueryError as err:
            assert "\n" not in str(err)


def _searchable() -> tuple[SearchIndex, VectorSet, HashEmbedder]:
    ix = SearchIndex.open(None)
    ix.add(DOCS)
    ix.commit()
    embedder = HashEmbedder(16)
    vectors = VectorSet(embedder.name, embedder.dimensions, None)
    vectors.add([(d.id, "") for d in DOCS], embedder.embed([d.body for d in DOCS]))
    return ix, vectors, embedder


SEARCHABLE = _searchable()
