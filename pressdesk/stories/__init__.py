"""Stories: releases that report the same real-world event, grouped as they arrive.

A ministry's short notice and its long release, a wire story and its "(LEAD)"
and "(2nd LD)", four outlets on one export record: one story. Grouping is
incremental (each new release joins a story, starts one, or shows that two
are one, at ingest), deterministic (the same releases in the same order give
the same stories, however they are batched) and stable (a story keeps its id;
when two merge, the older id survives and the other resolves to it).

- ``features``: what is compared of a release (weighted terms, names, figures,
  shingles, the title without update marks), packed for the store;
- ``workers``: a large batch's texts read by worker processes while the grouper
  decides;
- ``grouping``: the grouper, the ``StoryBook`` protocol it finds candidates
  through (the store's ``story_book()``, or ``MemoryBook``), and its options;
- ``consolidation``: stories that arrival split, merged by average link once
  ``lag`` more releases have been grouped.

``group_stored`` runs the grouper over the store (ingest calls it in the
transaction that stores a batch); ``group_in_memory`` over one input
(``pressdesk extract``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from pressdesk.facts import Extraction
from pressdesk.models import Release
from pressdesk.stories.consolidation import Links, consolidate, settle
from pressdesk.stories.grouping import (
    Grouping,
    GroupingOptions,
    MemoryBook,
    group_release,
    read_terms,
    story_id,
)
from pressdesk.stories.workers import CHUNK, WORKER_MIN, read_texts

if TYPE_CHECKING:
    from pressdesk.store import Store

DEFAULTS = GroupingOptions()

__all__ = [
    "Grouping",
    "GroupingOptions",
    "MemoryBook",
    "group_in_memory",
    "group_stored",
    "story_id",
]


def group_stored(
    store: Store, items: Sequence[tuple[Release, Extraction | None]],
    options: GroupingOptions = DEFAULTS, *, worker_min: int = WORKER_MIN,
) -> list[Grouping]:
    """Group releases just stored, in order, inside the caller's transaction (a batch of
    ``worker_min`` releases or more has its texts read by worker processes meanwhile, see
    ``workers``)."""
    book, links = store.story_book(), Links(options)
    texts = read_texts([release for release, _ in items], worker_min=worker_min)
    done: list[Grouping] = []
    for at in range(0, len(items), CHUNK):
        part = items[at : at + CHUNK]
        readings = [read_terms(release, facts, text)
                    for (release, facts), text in zip(part, islice(texts, len(part)), strict=True)]
        for source in sorted({release.source for release, _ in part}):  # a query per source
            book.term_counts(sorted({t for (release, _), reading in zip(part, readings, strict=True)
                                     if release.source == source for t in reading.terms}), source)
        for (release, facts), reading in zip(part, readings, strict=True):
            done.append(group_release(book, release, facts, options, reading))
            consolidate(book, options, links)
    book.flush()
    return done


def group_in_memory(
    items: Iterable[tuple[Release, Extraction | None]], options: GroupingOptions = DEFAULTS
) -> dict[str, str]:
    """The story of every release of one input (grouped in the order given, and consolidated
    to its end), by release id. Each term's rarity is counted over the whole input before
    any release is grouped, so the first releases are weighed as the last (the store
    counts as releases arrive, and its first few dozen are weighed by a book of a few: on
    ECB+ dev grouped by halves of its topics, 0.882-0.908 that way, 0.899-0.956 this way;
    see ``docs/benchmarks.md``). The texts are read twice rather than held."""
    items = list(items)
    book = MemoryBook.counted((release.source, read_terms(release, facts).terms)
                              for release, facts in items)
    links = Links(options)
    for release, facts in items:
        group_release(book, release, facts, options)
        consolidate(book, options, links)
    settle(book, options, links)
    return dict(book.member_of)
