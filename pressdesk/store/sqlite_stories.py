"""Stories in the SQLite store (a part of ``SQLiteStore``): the grouper's book and the reading.

``SQLiteStoryBook`` is the ``StoryBook`` the grouper works on during an ingest:
candidates come from ``story_keys`` (an index on key and day, so a look-up
reads only the releases of those keys within the window), never from a scan of
every story. It writes as it decides, inside the caller's transaction, so the
next release of the same batch already sees the last one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from pressdesk.errors import NotFound
from pressdesk.models import Story, StoryMember, StoryReason
from pressdesk.store import StoryFilter
from pressdesk.store.sqlite_connections import named_errors
from pressdesk.stories.features import StoryFeatures, decode, encode
from pressdesk.stories.grouping import Candidate

DOCS = "story_docs"  # meta: how many releases were grouped


class SQLiteStoryBook:
    """The grouper's view of the store (see ``pressdesk.stories.grouping.StoryBook``)."""

    def __init__(self, db: sqlite3.Connection, requeue: Callable[[Sequence[str]], None]) -> None:
        self.db = db
        self.requeue = requeue
        self.counts: dict[int, int] = {}
        row = db.execute("SELECT value FROM meta WHERE key = ?", (DOCS,)).fetchone()
        self.docs = int(row[0]) if row else 0

    def term_counts(self, terms: Sequence[int]) -> tuple[int, dict[int, int]]:
        """Counts are read once per book (one batch) and kept up to date as it adds."""
        missing = [t for t in terms if t not in self.counts]
        if missing:
            rows = self.db.execute(
                "SELECT term, n FROM story_terms WHERE term IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),),
            )
            self.counts.update(dict.fromkeys(missing, 0))
            self.counts.update(rows.fetchall())
        counts = self.counts
        return self.docs, {t: counts[t] for t in terms if counts[t]}

    def candidates(self, keys: Sequence[int], low: int, high: int, limit: int) -> list[Candidate]:
        nearest = " UNION ".join(
            ["SELECT * FROM (SELECT release_id FROM story_keys WHERE key = ? AND day BETWEEN ? AND ?"
             " ORDER BY day DESC LIMIT ?)"] * len(keys)
        )
        if not nearest:
            return []
        params = [x for key in keys for x in (key, low, high, limit)]
        rows = self.db.execute(
            "SELECT m.release_id, m.source, m.features, m.story_id FROM story_members m"
            f" WHERE m.release_id IN ({nearest}) ORDER BY m.release_id",
            params,
        )
        return [Candidate(decode(rid, source, blob), story) for rid, source, blob, story in rows]

    def story_sizes(self, stories: Sequence[str]) -> dict[str, tuple[int, int]]:
        rows = self.db.execute(
            "SELECT id, seq, size FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(stories)),),
        )
        return {sid: (seq, size) for sid, seq, size in rows}

    def add(self, features: StoryFeatures, keys: Sequence[int], terms: Sequence[int], story: str,
            reason: StoryReason) -> None:
        db, rid = self.db, features.release_id
        self.docs += 1
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key)"
                   " DO UPDATE SET value = excluded.value", (DOCS, str(self.docs)))
        self.term_counts(terms)
        for t in terms:
            self.counts[t] += 1
        db.executemany("INSERT INTO story_terms (term, n) VALUES (?, 1) ON CONFLICT (term)"
                       " DO UPDATE SET n = n + 1", [(t,) for t in terms])
        db.executemany("INSERT OR IGNORE INTO story_keys (key, day, release_id) VALUES (?, ?, ?)",
                       [(k, features.day, rid) for k in dict.fromkeys(keys)])
        db.execute("INSERT INTO stories (id, size) VALUES (?, 1) ON CONFLICT (id)"
                   " DO UPDATE SET size = size + 1", (story,))
        db.execute(
            "INSERT OR REPLACE INTO story_members (release_id, story_id, seq, source, features,"
            " reason) VALUES (?, ?, ?, ?, ?, ?)",
            (rid, story, self.docs, features.source, encode(features), reason_json(reason)),
        )

    def merge(self, survivor: str, absorbed: Sequence[str]) -> list[str]:
        """Move the members of ``absorbed`` into ``survivor`` and requeue them for the index
        (their documents carry the story); returns the moved release ids."""
        moved: list[str] = []
        for story in absorbed:
            ids = [rid for (rid,) in self.db.execute(
                "SELECT release_id FROM story_members WHERE story_id = ?", (story,))]
            self.db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?",
                            (survivor, story))
            self.db.execute("UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?"
                            " OR merged_into = ?", (survivor, story, story))
            self.db.execute("UPDATE stories SET size = size + ? WHERE id = ?", (len(ids), survivor))
            moved += ids
        survivors = [rid for (rid,) in self.db.execute(
            "SELECT release_id FROM story_members WHERE story_id = ?", (survivor,))]
        self.requeue(survivors)  # every document of the story now names the merged ids too
        return moved


def reason_json(reason: StoryReason) -> str:
    return json.dumps({k: v for k, v in asdict(reason).items() if v not in (None, (), 0.0, "")},
                      ensure_ascii=False)


def reason_from_json(text: str) -> StoryReason:
    data = json.loads(text)
    data["shared"] = tuple(data.get("shared", ()))
    return StoryReason(**data)


STORY_COLUMNS = (
    "s.id, (SELECT r.title FROM story_members f JOIN releases r ON r.id = f.release_id"
    "  WHERE f.story_id = s.id ORDER BY f.seq LIMIT 1),"
    " min(r.date), max(r.date), count(*), group_concat(DISTINCT r.source),"
    " (SELECT json_group_array(o.id) FROM stories o WHERE o.merged_into = s.id)"
)


@named_errors
class SQLiteStories:
    """Stories read from the store; ``db`` is this thread's connection."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    def story_book(self) -> SQLiteStoryBook:
        return SQLiteStoryBook(self.db, self.requeue)

    def requeue(self, ids: Sequence[str]) -> None:
        raise NotImplementedError

    def ungrouped(self, limit: int) -> list[str]:
        """Releases stored before stories existed (or while grouping was off), oldest first."""
        rows = self.db.execute(
            "SELECT r.id FROM releases r WHERE NOT EXISTS"
            " (SELECT 1 FROM story_members m WHERE m.release_id = r.id) ORDER BY r.seq LIMIT ?",
            (limit,),
        )
        return [rid for (rid,) in rows]

    def resolve_story(self, story_id: str) -> str:
        """The live story an id names (a merged story's id names the one it merged into);
        an unambiguous prefix is enough."""
        rows = self.db.execute(
            "SELECT id, merged_into FROM stories WHERE id >= ? AND id < ? LIMIT 2",
            (story_id, story_id + "\uffff"),
        ).fetchall()
        if len(rows) != 1 or not story_id:
            reason = "more than one story" if len(rows) > 1 else "no story"
            raise NotFound(f"{reason} with an id starting {story_id!r}")
        found, merged = rows[0]
        return str(merged or found)

    def stories(self, where: StoryFilter) -> list[Story]:
        """Stories of more than ``min_size`` releases, newest last release first."""
        clauses, params = ["s.merged_into IS NULL"], []
        if where.release_ids is not None:
            clauses.append("s.id IN (SELECT story_id FROM story_members WHERE release_id IN"
                           " (SELECT value FROM json_each(?)))")
            params.append(json.dumps(list(where.release_ids)))
        having, hparams = ["count(*) >= ?"], [where.min_size]  # type: list[str], list[Any]
        for clause, value in (("max(r.date) >= ?", where.since), ("min(r.date) <= ?", where.until)):
            if value:
                having.append(clause)
                hparams.append(value)
        limit = " LIMIT ?" if where.limit else ""
        rows = self.db.execute(
            f"SELECT {STORY_COLUMNS} FROM stories s JOIN story_members m ON m.story_id = s.id"
            f" JOIN releases r ON r.id = m.release_id WHERE {' AND '.join(clauses)}"
            f" GROUP BY s.id HAVING {' AND '.join(having)}"
            f" ORDER BY max(r.date) DESC, count(*) DESC, s.id{limit}",
            [*params, *hparams, *([where.limit] if where.limit else [])],
        )
        return [_story(row) for row in rows]

    def story(self, story_id: str) -> Story:
        sid = self.resolve_story(story_id)
        row = self.db.execute(
            f"SELECT {STORY_COLUMNS} FROM stories s JOIN story_members m ON m.story_id = s.id"
            " JOIN releases r ON r.id = m.release_id WHERE s.id = ? GROUP BY s.id",
            (sid,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id!r}")
        return _story(row)

    def story_members(self, story_id: str) -> list[StoryMember]:
        """The releases of a story in the order they joined it, each with its reason."""
        rows = self.db.execute(
            "SELECT m.release_id, r.date, r.title, r.source, m.reason FROM story_members m"
            " JOIN releases r ON r.id = m.release_id WHERE m.story_id = ? ORDER BY m.seq",
            (self.resolve_story(story_id),),
        )
        return [StoryMember(rid, day, title, source, reason_from_json(reason))
                for rid, day, title, source, reason in rows]

    def stories_of(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """For each release grouped, its story's id and then the ids merged into it."""
        rows = self.db.execute(
            "SELECT m.release_id, m.story_id,"
            " (SELECT json_group_array(o.id) FROM stories o WHERE o.merged_into = m.story_id)"
            " FROM story_members m WHERE m.release_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        return {rid: (sid, *sorted(json.loads(merged))) for rid, sid, merged in rows}


def _story(row: Sequence[Any]) -> Story:
    sid, title, first, last, size, sources, merged = row
    return Story(sid, title or "", first, last, size, tuple(sorted((sources or "").split(","))),
                 tuple(sorted(json.loads(merged))))
