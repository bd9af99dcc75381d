"""The search index follows the store through the index queue."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import make_release

from pressdesk.errors import StoreError
from pressdesk.search.index import IndexDoc, SearchIndex
from pressdesk.search.sync import (
    INDEX_PENDING,
    open_search_index,
    rebuild_index,
    sync_index,
    try_sync,
    wait_until_indexed,
)
from pressdesk.store import Store, open_store


class FakeIndex:
    """Records what it was given; stands in for the search index."""

    def __init__(self, locked: bool = False) -> None:
        self.docs: dict[str, IndexDoc] = {}
        self.pending: list[IndexDoc] = []
        self.commits = 0
        self.adds = 0  # documents added without a delete
        self.locked = locked

    def try_lock(self) -> bool:
        return not self.locked

    def add(self, docs: Iterable[IndexDoc], replace: bool = True) -> None:
        docs = list(docs)
        self.pending += docs
        self.adds += 0 if replace else len(docs)

    def commit(self) -> None:
        self.docs.update({d.id: d for d in self.pending})
        self.pending, self.commits = [], self.commits + 1


def test_everything_stored_is_indexed_once(store: Store) -> None:
    store.save_batch([make_release(i) for i in range(5)], "t")
    index = FakeIndex()
    assert sync_index(store, index) == 5 and len(index.docs) == 5 and index.commits == 1
    assert store.count_queued() == 0
    assert sync_index(store, index) == 0 and index.commits == 1  # nothing new: nothing to do


def test_rounds_commit_as_they_go(store: Store) -> None:
    store.save_batch([make_release(i) for i in range(5)], "t")
    index = FakeIndex()
    assert sync_index(store, index, round_size=2) == 5 and index.commits == 3


def test_only_documents_that_may_be_indexed_are_replaced(store: Store) -> None:
    index = FakeIndex()
    store.save_batch([make_release(i) for i in range(4)], "t")
    sync_index(store, index)
    assert index.adds == 4  # a fresh index: no deletes needed
    store.save_batch([make_release(0, body="Revised."), make_release(9)], "t2")
    sync_index(store, index)
    assert index.adds == 5  # the revised release replaced its document, the new one was added


def test_a_sync_killed_after_the_index_committed_replaces_rather_than_doubles(store: Store) -> None:
    store.save_batch([make_release(i) for i in range(3)], "t")
    index = FakeIndex()
    entries = store.queued(10)
    store.set_meta(INDEX_PENDING, str(entries[-1].entry))  # what the dead sync had marked
    assert sync_index(store, index) == 3 and index.adds == 0  # all three replaced, none doubled


def test_a_release_queued_twice_is_indexed_once(store: Store) -> None:
    store.save_batch([make_release(1)], "t")
    store.save_batch([make_release(1, body="Changed.")], "t2")
    index = FakeIndex()
    assert sync_index(store, index) == 2
    assert list(index.docs) == [make_release(1).id] and index.docs[make_release(1).id].body == "Changed."


def test_a_locked_index_is_left_to_its_writer(store: Store) -> None:
    store.save_batch([make_release(1)], "t")
    assert try_sync(store, FakeIndex(locked=True)) is None
    assert store.count_queued() == 1
    assert not wait_until_indexed(store, FakeIndex(locked=True), store.last_queued(), timeout=0.2,
                                  poll=0.05)


def test_waiting_ends_when_the_writer_indexes_for_us(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    folder = str(tmp_path / "x.db.index")
    holder, waiter = SearchIndex.open(folder), SearchIndex.open(folder)
    assert holder.try_lock() and not waiter.try_lock()
    store.save_batch([make_release(i) for i in range(3)], "t")
    upto = store.last_queued()
    done: list[bool] = []
    thread = threading.Thread(
        target=lambda: done.append(wait_until_indexed(store, waiter, upto, timeout=30, poll=0.02))
    )
    thread.start()
    sync_index(store, holder)
    thread.join()
    assert done == [True] and holder.count() == 3
    holder.close()
    store.close()


def test_a_new_or_deleted_index_is_filled_from_the_store(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_batch([make_release(i) for i in range(4)], "t")
    folder = tmp_path / "x.db.index"
    first = open_search_index(store, str(folder))
    assert first.count() == 4 and store.count_queued() == 0
    first.close()
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    again = open_search_index(store, str(folder))
    assert again.count() == 4
    again.close()
    store.close()


def test_an_index_built_for_another_store_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    first = open_store(str(db))
    first.save_batch([make_release(i, title=f"First store {i}") for i in range(3)], "t")
    open_search_index(first, f"{db}.index").close()
    first.close()
    for stale in tmp_path.glob("x.db*"):  # the store is replaced; its index stays
        if stale.is_file():
            stale.unlink()
    second = open_store(str(db))
    second.save_batch([make_release(9, title="Second store")], "t")
    index = open_search_index(second, f"{db}.index")
    assert index.count() == 1 and index.stamp() == second.identity()  # no ghost hits
    index.close()
    second.close()


class CountingIndex(SearchIndex):
    commits = 0

    def commit(self) -> None:
        self.commits += 1
        super().commit()


def test_a_rebuild_is_committed_once(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_batch([make_release(i, title=f"R {i}") for i in range(5000)], "t")
    index = CountingIndex(SearchIndex.open(None).index, None)
    rebuild_index(store, index, store.identity())
    assert index.commits == 1 and index.count() == 5000 and store.count_queued() == 0
    store.close()


def test_a_rebuild_waits_for_the_process_that_holds_the_writer(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    store.save_batch([make_release(1)], "t")
    folder = str(tmp_path / "x.db.index")
    holder, waiter = SearchIndex.open(folder), SearchIndex.open(folder)
    assert holder.try_lock()
    def finish_elsewhere() -> None:
        holder.set_stamp(store.identity())
        holder.close()

    timer = threading.Timer(0.3, finish_elsewhere)
    timer.start()
    rebuild_index(store, waiter, store.identity(), poll=0.05)  # returns once the other is done
    timer.join()
    assert waiter.stamp() == store.identity()
    waiter.close()
    with pytest.raises(StoreError, match="being written by another process"):
        assert holder.try_lock()
        rebuild_index(store, SearchIndex.open(folder), "another", wait=0.1, poll=0.05)
    holder.close()
    store.close()


def test_whatever_command_comes_next_indexes_what_a_killed_ingest_left(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pressdesk.cli import cli

    db = tmp_path / "x.db"
    store = open_store(str(db))
    store.save_batch([make_release(i) for i in range(4)], "t")  # stored, never indexed
    store.close()
    assert CliRunner().invoke(cli, ["--db", str(db), "stats"]).exit_code == 0
    index = SearchIndex.open(f"{db}.index")
    assert index.count() == 4
