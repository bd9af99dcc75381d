"""The Python API: a Desk does everything the commands do."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from conftest import SAMPLE, make_release, record, write_jsonl

import pressdesk
from pressdesk import Desk, EntityFilter, NotFound, QueryError, Release, ReleaseFilter, SearchOptions
from pressdesk.desk import Role, held_roles
from pressdesk.facts import Extraction
from pressdesk.ingest import IngestOptions


def test_public_names_are_sorted_and_importable() -> None:
    assert pressdesk.__all__ == sorted(pressdesk.__all__)
    for name in pressdesk.__all__:
        assert getattr(pressdesk, name) is not None
    assert {"Desk", "Settings", "Release", "SearchOptions", "PressdeskError"} <= set(pressdesk.__all__)


def test_open_ingest_search_close(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.db")) as desk:
        assert desk.ingest([str(SAMPLE)]).new == 10
        assert desk.search("semiconductor").hits
    assert (tmp_path / "x.db.index").is_dir()
    with Desk.open(f"sqlite:///{tmp_path / 'x.db'}") as again:  # a URL names the same store
        assert again.stats().releases == 10 and again.search("semiconductor").total


def test_add_releases_made_in_memory(desk: Desk) -> None:
    releases = [make_release(i, body=f"Steel safeguard notice {i}.") for i in range(3)]
    report = desk.add(releases)
    assert (report.new, report.unchanged) == (3, 0)
    assert desk.add(releases).unchanged == 3
    assert desk.search("safeguard").total == 3  # searchable as soon as add returns


def test_ingest_reports_rejections_and_goes_on(desk: Desk, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2, title="")])
    seen: list[str] = []
    report = desk.ingest([str(path)], IngestOptions(extract=False), on_reject=lambda r: seen.append(str(r)))
    assert report.new == 1 and len(report.rejected) == 1 and seen[0].startswith(f"{path}:2:")


def test_releases_narrowed_and_one_release_whole(desk: Desk, tmp_path: Path) -> None:
    desk.ingest([str(SAMPLE)])
    recent = list(desk.releases(ReleaseFilter(since="2025-11-17", limit=3)))
    assert len(recent) == 3 and all(s.release.date >= "2025-11-17" for s in recent)
    view = desk.release(recent[0].release.id[:8], revisions=True)
    assert view.stored == recent[0]
    assert view.facts is not None and view.facts.places
    assert view.entities and len(view.revisions) == 1
    assert desk.release(recent[0].release.id).revisions == ()
    with pytest.raises(NotFound):
        desk.release("zzzz")


def test_search_in_every_mode_with_facets(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    lexical = desk.search("semiconductor exports", SearchOptions(facets=True, limit=3))
    assert len(lexical.hits) == 3 and lexical.total >= 3 and "place" in lexical.facets
    semantic = desk.search("chips sold abroad", SearchOptions(mode="semantic"))
    assert semantic.hits and semantic.unembedded == 0  # a small store embeds itself
    hybrid = desk.search("sector:semiconductors exports", SearchOptions(mode="hybrid"))
    assert hybrid.hits
    with pytest.raises(QueryError):
        desk.search('"unclosed')


def test_similar_embed_and_what_is_missing(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    assert desk.unembedded() == 10
    assert desk.embed() == 10 and desk.unembedded() == 0 and desk.embed() == 0
    first = desk.search("ICT exports").hits[0]
    alike = desk.similar(first.id, limit=3)
    assert len(alike) == 3 and first.id not in {h.id for h in alike}


def test_a_large_unembedded_store_is_searched_and_reported(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.db"), embedder="fake", auto_embed=2) as desk:
        desk.add(make_release(i) for i in range(5))
        assert desk.search("steel", SearchOptions(mode="hybrid")).unembedded == 5


def test_entities_and_one_entity(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    orgs = desk.entities(EntityFilter(kind="org", limit=5))
    assert len(orgs) == 5 and orgs[0].releases >= orgs[-1].releases
    assert desk.entity(orgs[0].id) == orgs[0]


def test_export_round_trip(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    out = io.BytesIO()
    assert desk.export(out, "jsonl") == 10
    assert {json.loads(line)["id"] for line in out.getvalue().splitlines()} == {
        s.release.id for s in desk.releases()
    }


def test_threads_share_one_desk(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.db")) as desk:
        desk.ingest([str(SAMPLE)])
        totals: list[int] = []
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(20):
                    totals.append(desk.search("exports").total)
                    desk.stats()
            except BaseException as err:  # noqa: BLE001
                errors.append(err)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and len(set(totals)) == 1 and len(totals) == 80


def test_sync_indexes_what_another_writer_left(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    with Desk.open(db) as desk:
        desk.store.save_batch([Release.create(title="Left queued", date="2025-11-01", body="Tariff.")], "t")
        assert desk.sync() == 0 and desk.search("tariff").total == 1


def test_reextract_finds_stale_and_missing_facts_again(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.db")) as desk:
        desk.ingest([str(SAMPLE)], IngestOptions(extract=False))
        assert desk.search("place:VN").total == 0
        assert desk.reextract() == 10 and desk.reextract() == 0
        assert desk.search("place:VN").total >= 1  # the index followed the new facts
        assert desk.check().ok
        with desk.store.transaction():  # as if an older pressdesk had found them
            desk.store.save_facts([(s.release, Extraction()) for s in desk.releases()], version=1)
        assert desk.check().findings[0].part == "facts"
        assert desk.repair().ok and desk.reextract(everything=True) == 10


def test_a_role_is_one_however_releases_write_it() -> None:
    said = [("MOTIR Trade Minister", "MOTIR", "2025-11-17"), ("Trade Minister", None, "2025-11-18"),
            ("trade minister", "MOTIR", "2025-11-20"), ("Minister", "Ministry of Finance", "2024-02-01"),
            ("Chair of the Board", None, "2024-01-05"), ("Ambassador", "Embassy", "2024-03-01"),
            ("Ambassador", "Mission", "2024-03-02"), ("Ambassador", None, "2024-03-03")]
    assert held_roles(said) == (
        Role("Trade Minister", "MOTIR", "2025-11-17", "2025-11-20", 3),
        Role("Ambassador", None, "2024-03-03", "2024-03-03", 1),  # of two bodies: neither
        Role("Ambassador", "Mission", "2024-03-02", "2024-03-02", 1),
        Role("Ambassador", "Embassy", "2024-03-01", "2024-03-01", 1),
        Role("Minister", "Ministry of Finance", "2024-02-01", "2024-02-01", 1),
        Role("Chair of the Board", None, "2024-01-05", "2024-01-05", 1),
    )
    stray: list[tuple[str | None, str | None, str]] = [  # one release's odd body
        ("Treasury Secretary", "Wire", "2024-01-02"),
        *(("Treasury Secretary", None, f"2024-02-{d:02d}") for d in range(1, 11))]
    assert held_roles(stray) == (
        Role("Treasury Secretary", None, "2024-02-01", "2024-02-10", 10),
        Role("Treasury Secretary", "Wire", "2024-01-02", "2024-01-02", 1),
    )


def test_an_entity_over_time(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    view = desk.entity_view("Yeo Han-koo")
    assert view.entity.kind == "person" and len(view.releases) >= 2
    # "Trade Minister", "MOTIR Trade Minister" and "Trade Minister" of MOTIR: one role
    assert view.roles == (Role("Trade Minister", "MOTIR", "2025-11-17", "2025-11-18", 3),)
    (story,) = view.stories  # the Meet-up Day's two releases
    assert story.size == 2 and {m.release_id for m in desk.story(story.id).members} <= {
        r.id for r in view.releases}
    assert view.related and all(n >= 1 for _, n in view.related)
    assert desk.entity_view(f"#{view.entity.id}").entity == view.entity
    assert desk.find_entity("Ministry of Trade, Industry and Resources").kind == "org"
    with pytest.raises(NotFound):
        desk.entity_view("Nobody At All")


def test_release_pages_reach_every_release_once_in_date_then_id_order(desk: Desk) -> None:
    desk.add([make_release(i, date=f"2025-11-{1 + i % 3:02d}") for i in range(17)])
    seen, after = [], None
    while True:
        page = desk.release_page(ReleaseFilter(), after, limit=5)
        seen += [(s.release.date, s.release.id) for s in page.releases]
        if page.next is None:
            break
        after = page.next
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 17
    narrowed = desk.release_page(ReleaseFilter(since="2025-11-03"), None, limit=100)
    assert {s.release.date for s in narrowed.releases} == {"2025-11-03"} and narrowed.next is None


def test_a_document_in_memory_is_ingested_as_a_file_would_be(desk: Desk) -> None:
    data = "".join(json.dumps(record(i)) + "\n" for i in range(3)).encode() + b"{not json\n"
    report = desk.ingest_document("upload:notes.jsonl", data)
    assert report.new == 3 and [str(r).split(":")[:2] for r in report.rejected] == [["upload", "notes.jsonl"]]
    assert desk.search("semiconductor").total == 3


def test_a_url_is_fetched_politely_and_its_releases_stored(desk: Desk) -> None:
    import httpx

    feed = "".join(json.dumps(record(i, source="Fetched")) + "\n" for i in range(2))

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text=feed, headers={"Content-Type": "application/jsonl"})

    from pressdesk.collect import FetchSettings

    report = desk.ingest_url("https://ministry.example/releases.jsonl", fetch=FetchSettings(delay=0),
                             transport=httpx.MockTransport(answer))
    assert report.new == 2 and desk.stats().sources == (("Fetched", 2),)
