from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import make_release

from pressdesk.errors import NotFound, StoreError
from pressdesk.facts import Event, Extraction, Figure, Place, Span
from pressdesk.series import series_key
from pressdesk.store import EntityFilter, EventFilter, ReleaseFilter, SeriesFilter, Store, open_store
from pressdesk.store.migrations import MIGRATIONS


def test_new_changed_unchanged(store: Store) -> None:
    first = store.save_batch([make_release(1), make_release(2)], "t1")
    assert (len(first.new), len(first.changed), first.unchanged) == (2, 0, 0)
    again = store.save_batch([make_release(1), make_release(2, body="New text.")], "t2")
    assert (len(again.new), len(again.changed), again.unchanged) == (0, 1, 1)
    stored = store.get(make_release(2).id)
    assert stored.revision == 2 and stored.release.body == "New text."
    assert (stored.first_seen, stored.last_seen) == ("t1", "t2")


def test_revisions_keep_every_text(store: Store) -> None:
    rid = make_release(1).id
    for i, body in enumerate(["one", "two", "three"]):
        store.save_batch([make_release(1, body=body)], f"t{i}")
    history = store.revisions(rid)
    assert [(r.revision, r.body, r.seen_at) for r in history] == [
        (1, "one", "t0"), (2, "two", "t1"), (3, "three", "t2")
    ]


def test_same_id_twice_in_one_batch(store: Store) -> None:
    out = store.save_batch([make_release(1, body="a"), make_release(1, body="b")], "t")
    assert len(out.new) == 1 and len(out.changed) == 1
    assert store.get(make_release(1).id).release.body == "b"


def test_new_and_changed_releases_are_queued_for_the_index(store: Store) -> None:
    store.save_batch([make_release(i) for i in range(3)], "t")
    store.save_batch([make_release(0, body="revised"), make_release(1)], "t2")
    queued = store.queued(10)
    assert [(q.release_id, q.fresh) for q in queued] == [
        (make_release(0).id, True), (make_release(1).id, True), (make_release(2).id, True),
        (make_release(0).id, False),  # the revision; the unchanged release is not queued
    ]
    assert store.last_queued() == queued[-1].entry and store.count_queued(queued[1].entry) == 2
    store.mark_indexed([q.entry for q in queued[:3]])
    assert [q.release_id for q in store.queued(10)] == [make_release(0).id]
    store.mark_indexed_through(store.last_queued())
    assert store.count_queued() == 0


def test_every_store_has_its_own_identity(tmp_path: Path) -> None:
    first, second = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    assert len(first.identity()) == 32 and first.identity() != second.identity()
    again = open_store(str(tmp_path / "a.db"))
    assert again.identity() == first.identity()
    for s in (first, second, again):
        s.close()


def test_find_by_prefix(store: Store) -> None:
    release = make_release(7)
    store.save_batch([release], "t")
    assert store.find(release.id[:6]).release == release
    with pytest.raises(NotFound):
        store.find("zzzz")


def test_list_filters(store: Store) -> None:
    store.save_batch(
        [make_release(i, category="A" if i % 2 else "B") for i in range(10)], "t"
    )
    dates = [s.release.date for s in store.releases(ReleaseFilter(since="2025-11-03", until="2025-11-05"))]
    assert dates == ["2025-11-05", "2025-11-04", "2025-11-03"]
    assert {s.release.category for s in store.releases(ReleaseFilter(category="A"))} == {"A"}
    assert len(list(store.releases(ReleaseFilter(limit=4)))) == 4


def test_stats(store: Store) -> None:
    store.save_batch([make_release(i) for i in range(4)], "t")
    stats = store.stats()
    assert stats.releases == 4 and stats.sources == (("Test Ministry", 4),)
    assert (stats.first_date, stats.last_date) == ("2025-11-01", "2025-11-04")


def test_failed_batch_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_batch([make_release(1)], "t")
        raise RuntimeError("killed")
    assert store.stats().releases == 0


def test_file_store_is_wal_and_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(str(path)).close()
    s = open_store(f"sqlite:///{path}")
    s.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        open_store(str(bad))


def test_facts_round_trip_as_typed_records(store: Store) -> None:
    release = make_release(1)
    store.save_batch([release], "t")
    found = Extraction(places=(Place("KR", "South Korea", (Span(0, 5),)),), sectors=("steel",))
    store.save_facts([(release, found)])
    assert store.facts(release.id) == found
    assert store.facts_for([release.id, "nope"]) == {release.id: found}
    assert store.facts("nope") is None


def test_many_by_id_in_the_order_asked(store: Store) -> None:
    a, b = make_release(1), make_release(2)
    store.save_batch([a, b], "t")
    assert [s.release.id for s in store.get_many([b.id, "nope", a.id])] == [b.id, a.id]
    assert store.content_hashes([a.id, "nope"]) == {a.id: a.content_hash}


def test_each_thread_has_its_own_connection(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "t.db"))
    store.save_batch([make_release(1)], "t")
    seen: list[int] = []
    worker = threading.Thread(target=lambda: seen.append(store.stats().releases))
    worker.start()
    worker.join()
    assert seen == [1]
    store.close()


def figure(indicator: str, period: str, value: float | None, change: float | None = None) -> Figure:
    return Figure(indicator, series_key(indicator), period, value, "USD" if value else None,
                  change, "percent" if change is not None else None, "up" if change else None)


def test_figures_line_up_as_series_across_releases(store: Store) -> None:
    a, b = make_release(1, date="2025-11-14"), make_release(2, date="2025-12-12")
    store.save_batch([a, b], "t")
    store.save_facts([
        (a, Extraction(figures=(figure("ICT exports", "2025-10", 23.3e9, 12.2),
                                figure("chip exports", "2025-10", None, 25.4)))),
        (b, Extraction(figures=(figure("exports of ICT", "2025-11", 24.1e9),
                                figure("ICT exports", "2025-10", 23.4e9)))),  # a revised figure
    ])
    top = store.series(SeriesFilter())
    assert [(s.name, s.figures, s.releases, s.first, s.last) for s in top] == [
        ("ICT exports", 3, 2, "2025-10", "2025-11"),
        ("chip exports", 1, 1, "2025-10", "2025-10"),
    ]
    rows = store.series_figures(series_key("ICT exports"))
    assert [(r.period, r.value, r.release_id) for r in rows] == [
        ("2025-10", 23.3e9, a.id), ("2025-10", 23.4e9, b.id), ("2025-11", 24.1e9, b.id)]
    store.save_facts([(a, Extraction())])  # extracted again: its rows are replaced
    assert len(list(store.figure_rows())) == 2


def test_events_are_narrowed_by_type_place_and_date(store: Store) -> None:
    a = make_release(1, date="2025-11-14")
    store.save_batch([a], "t")
    span = Span(0, 5)
    store.save_facts([(a, Extraction(events=(
        Event("agreement", ("KR", "EU"), (), "2025-11-13", "They met.", span),
        Event("tariff", ("US",), ("KR",), None, "Tariffs.", span),
        Event("dialogue", ("KR",), (), "2026-01", "Next year.", span, optional=True),
    )))])
    assert [e.type for e in store.events(EventFilter())] == ["tariff", "agreement"]
    assert [e.type for e in store.events(EventFilter(place="KR"))] == ["tariff", "agreement"]
    assert [e.type for e in store.events(EventFilter(place="EU"))] == ["agreement"]
    assert [e.type for e in store.events(EventFilter(type="tariff"))] == ["tariff"]
    assert [e.type for e in store.events(EventFilter(until="2025-11-13"))] == ["agreement"]
    assert len(list(store.events(EventFilter(optional=True)))) == 3
    (agreement,) = store.events(EventFilter(type="agreement"))
    assert agreement.implementer == ("KR", "EU") and agreement.release_id == a.id


def test_an_old_stores_entities_are_linked_again_with_their_ids(tmp_path: Path) -> None:
    from pressdesk.entities import entity_ref
    from pressdesk.store.migrations import entity_evidence

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for number, fn in enumerate(MIGRATIONS[: MIGRATIONS.index(entity_evidence)], start=1):
        fn(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO entities VALUES (7, 'org', 'Lantern Guild')")
    db.execute("INSERT INTO entity_names VALUES ('org', 'lanternguild', 'Lantern Guild', 7)")
    db.commit()
    db.close()
    store = open_store(str(path))
    assert store.entities(EntityFilter()) == []  # linked by the old rules: to be linked again
    release = make_release(1)
    store.save_batch([release], "t")
    store.link_entities(release.id, [entity_ref("org", "Lantern Guild", ("Lantern Guild",))])
    assert [(e.id, e.name) for e in store.entities(EntityFilter())] == [(7, "Lantern Guild")]
    store.close()
