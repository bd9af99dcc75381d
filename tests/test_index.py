"""The tantivy index: upsert, commit visibility, snippets, facets, on disk and in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressdesk.errors import StoreError
from pressdesk.facts import Extraction, Org, Person, Place
from pressdesk.models import Release
from pressdesk.search import search
from pressdesk.search.index import IndexDoc, SearchIndex, index_doc, index_path


def doc(n: int, title: str, body: str, **fields: object) -> IndexDoc:
    base: dict[str, object] = {
        "id": f"r{n}",
        "title": title,
        "body": body,
        "date": "2025-11-18",
        "category": "Trade",
        "source": "MOTIR",
    }
    return IndexDoc(**(base | fields))  # type: ignore[arg-type]


def test_add_commit_count_in_memory() -> None:
    index = SearchIndex.open(None)
    index.add([doc(1, "Steel", "Steel exports rose."), doc(2, "Oil", "Crude oil fell.")])
    assert index.count() == 0  # nothing is visible before the commit
    index.commit()
    assert index.count() == 2


def test_add_is_an_upsert_by_id() -> None:
    index = SearchIndex.open(None)
    index.add([doc(1, "Steel", "Steel exports rose.")])
    index.commit()
    index.add([doc(1, "Steel", "Steel exports fell sharply.")])
    index.commit()
    assert index.count() == 1
    assert "fell" in search(index, "steel").hits[0].snippet


def test_delete_and_clear() -> None:
    index = SearchIndex.open(None)
    index.add([doc(1, "Steel", "a"), doc(2, "Oil", "b"), doc(3, "Gas", "c")])
    index.commit()
    index.delete(["r1"])
    index.commit()
    assert index.count() == 2
    index.clear()
    index.commit()
    assert index.count() == 0


def test_on_disk_index_is_seen_by_a_second_reader(tmp_path: Path) -> None:
    path = index_path(str(tmp_path / "x.db"))
    assert path == str(tmp_path / "x.db.index")
    writer = SearchIndex.open(path)
    writer.add([doc(1, "Semiconductor exports", "Chip exports rose 25 percent.")])
    writer.commit()
    reader = SearchIndex.open(path)
    assert [h.id for h in search(reader, "chips").hits] == ["r1"]
    writer.close()


def test_created_tells_a_new_index_from_an_existing_one(tmp_path: Path) -> None:
    first = SearchIndex.open(str(tmp_path / "i"))
    assert first.created
    first.add([doc(1, "a", "b")])
    first.close()
    assert not SearchIndex.open(str(tmp_path / "i")).created


def test_an_index_of_another_schema_is_a_store_error(tmp_path: Path) -> None:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True)
    (tmp_path / "old").mkdir()
    tantivy.Index(builder.build(), path=str(tmp_path / "old"))
    with pytest.raises(StoreError, match="check --repair"):
        SearchIndex.open(str(tmp_path / "old"))
    fresh = SearchIndex.open(str(tmp_path / "old"), replace_outdated=True)
    assert fresh.created and fresh.count() == 0


def test_second_writer_is_refused_with_a_store_error(tmp_path: Path) -> None:
    first = SearchIndex.open(str(tmp_path / "i"))
    first.add([doc(1, "a", "b")])
    second = SearchIndex.open(str(tmp_path / "i"))
    with pytest.raises(StoreError):
        second.add([doc(2, "c", "d")])
    first.close()


def test_index_path_in_memory() -> None:
    assert index_path(":memory:") is None


def test_stored_text_comes_back_exactly() -> None:
    index = SearchIndex.open(None)
    title = "Korea’s “K-Chips” – exports ①"
    index.add([doc(1, title, "Body – with “curly” quotes ② and exports.")])
    index.commit()
    hit = search(index, "exports").hits[0]
    assert hit.title == title
    assert hit.snippet == "Body – with “curly” quotes ② and [exports]."


def test_snippet_of_title_only_match_is_the_body_start() -> None:
    index = SearchIndex.open(None)
    index.add([doc(1, "Tariff notice", "The ministry said nothing else. " * 20)])
    index.commit()
    snippet = search(index, "tariff").hits[0].snippet
    assert snippet.startswith("The ministry said nothing else.")
    assert len(snippet) <= 200


def test_index_doc_takes_facts_and_aliases() -> None:
    release = Release.create(
        title="KIAT signs semiconductor deal", date="2025-11-18", body="Text.", source="MOTIR"
    )
    facts = Extraction(
        orgs=(Org("Korea Institute for Advancement of Technology", ("KIAT",), ()),),
        people=(Person("Yeo Han-koo", "Trade Minister", None, ("Minister Yeo",), ()),),
        places=(Place("KR", "South Korea", ()),),
        sectors=("semiconductors",),
    )
    d = index_doc(release, facts)
    assert d.orgs == ("Korea Institute for Advancement of Technology",)
    assert d.org_aliases == ("KIAT",)
    assert d.people == ("Yeo Han-koo",)
    assert d.places == ("KR",) and d.place_names == ("South Korea",)
    assert d.sectors == ("semiconductors",)
    assert index_doc(release, None).orgs == ()


def test_snippet_marks_survive_markup_in_the_text() -> None:
    index = SearchIndex.open(None)
    index.add([doc(1, "Tags", "A literal <b>bold</b> & “exports” here.")])
    index.commit()
    assert search(index, "exports").hits[0].snippet == "A literal <b>bold</b> & “[exports]” here."


def test_a_reader_sees_whole_batches_only(tmp_path: Path) -> None:
    """While a writer commits batches, a reader (another index handle) sees none half-done."""
    import threading

    path = str(tmp_path / "live.index")
    writer = SearchIndex.open(path)
    writer.add([doc(0, "seed 0", "seed body 0")])
    writer.commit()
    reader = SearchIndex.open(path)

    def write() -> None:
        for b in range(6):
            writer.add([doc(1 + 1000 * b + i, f"steel {b}", f"steel batch {b}") for i in range(40)])
            writer.commit()

    thread = threading.Thread(target=write)
    thread.start()
    seen: set[int] = set()
    while thread.is_alive() or len(seen) < 2:
        count = reader.count()
        assert (count - 1) % 40 == 0
        seen.add(count)
        for hit in search(reader, "steel", limit=100).hits:
            assert hit.title.split()[1] == hit.snippet.split()[-1].strip("[]")
        if not thread.is_alive():
            break
    thread.join()
    assert reader.count() == 241
    writer.close()


def test_a_snapshot_keeps_its_documents_while_the_index_changes(tmp_path: Path) -> None:
    """Addresses found in a snapshot stay loadable there after later commits and merges."""
    import tantivy

    index = SearchIndex.open(str(tmp_path / "i"))
    for batch in range(4):  # several segments
        index.add([doc(10 * batch + i, "steel", f"steel {batch} {i}") for i in range(5)])
        index.commit()
    view = index.snapshot()
    query = tantivy.Query.term_query(view.schema, "title", "steel")
    ranked = view.top(query, 20)
    index.clear()
    index.add([doc(99, "other", "nothing")])
    index.close()  # commits and waits for merges
    assert index.count() == 1
    assert len(view.hits(query, ranked.hits)) == 20
