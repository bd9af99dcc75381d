"""Stories in the SQLite store (a part of ``SQLiteStore``): the grouper's book and the reading.

``SQLiteStoryBook`` is the ``StoryBook`` the grouper works on during an ingest:
candidates come from ``story_keys`` (an index on key and day, so a look-up
reads only the releases of those keys within the window), never from a scan of
every story. A key names its release by grouping order (``story_members.seq``,
the members' rowid), so the candidates of a release, mostly grouped just before
it, are read from a few pages together. What it decides is kept in memory until
``flush`` (the end of the batch, or a merge) writes it in a few statements, and
look-ups see it meanwhile, so the next release of a batch sees the last one and
the stories are those that writing each decision at once would give.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import fields, replace
from itertools import groupby
from operator import itemgetter
from typing import Any

from pressdesk.errors import NotFound
from pressdesk.models import Story, StoryMember, StoryReason
from pressdesk.store import StoryFilter
from pressdesk.store.sqlite_connections import named_errors
from pressdesk.stories.features import (
    Counts,
    StoryFeatures,
    decode,
    encode,
    most_typical,
    term_arrays,
)
from pressdesk.stories.grouping import Candidate

DOCS = "story_docs"  # meta: how many releases were grouped
TERMS_KEPT = 1 << 20  # term counts kept from batch to batch, at most (about 100 MiB)
NEW_STORY = 1 << 62  # creation order of a story not written yet: after every written one
NEAREST = (
    "SELECT * FROM (SELECT key, day, member FROM story_keys WHERE key = ?"
    " AND day BETWEEN ? AND ? ORDER BY day DESC, member DESC LIMIT ?)"
)
MEMBERS = ("SELECT m.seq, m.release_id, m.source, m.features, m.story_id, s.seq, s.size"
           " FROM story_members m JOIN stories s ON s.id = m.story_id")


class StoryMemory:
    """What grouping keeps of a store from one batch to the next: the candidates last
    grouped or read (features and story, by grouping order), the creation order and size of
    stories, and the term counts read (``TERMS_KEPT`` at most). A release's candidates are
    mostly among the few thousand grouped before it, each found a dozen times: reading and
    decoding them was a sixth of grouping's time, and each merge (every third release of
    make_corpus's remixes) sent the batch's back to the store to be read again. Those the
    reach finds lie further back, hence room for 32,768 (about 60 MiB); the oldest go first
    past ``limit``.

    It is right only while the store holds what this process last grouped through it: a
    book checks that when it opens (``open``: the same connection, to which no other has
    committed since, and as many releases grouped as at the last ``close``) and everything
    is dropped otherwise (another process grouped, or a transaction was rolled back). Only
    the writer uses it, inside its write transaction."""

    def __init__(self, limit: int = 32768) -> None:
        self.limit = limit
        # an OrderedDict: taking the oldest of a dict skips every slot deleted before it
        self.members: OrderedDict[int, Candidate] = OrderedDict()
        self.sizes: dict[str, tuple[int, int]] = {}  # story -> (creation order, members)
        self.counts: dict[int, int] = {}  # term -> releases holding it, as the book counts
        # by source: its number (keys of story_source_terms: number << 32 | term), how many
        # releases it has, and how many of them hold each term
        self.sources: dict[str, tuple[int, int, dict[int, int]]] = {}
        self.token: tuple[int, int, int] | None = None

    def open(self, token: tuple[int, int, int]) -> None:
        """Begin a batch on a store in the state ``token`` names (connection, its
        ``data_version``, releases grouped); what is kept holds only if it was closed on it."""
        if token != self.token or len(self.sizes) > 4 * self.limit:
            self.members.clear()
            self.sizes.clear()
        if token != self.token or len(self.counts) > TERMS_KEPT:
            self.counts.clear()
            self.sources.clear()
        self.token = None  # until the batch is written, nothing kept is known to be right

    def close(self, token: tuple[int, int, int]) -> None:
        """The batch is written: what is kept is the store in the state ``token`` names."""
        self.token = token

    def put(self, member: int, candidate: Candidate) -> None:
        self.members[member] = candidate
        while len(self.members) > self.limit:
            self.members.popitem(last=False)

    def moved(self, members: Sequence[int], story: str) -> None:
        """Members now of ``story`` (a merge)."""
        known = self.members
        for member in members:
            if (found := known.get(member)) is not None:
                known[member] = Candidate(found.features, story)


class SQLiteStoryBook:
    """The grouper's view of the store (see ``pressdesk.stories.grouping.StoryBook``)."""

    def __init__(self, db: sqlite3.Connection, requeue: Callable[[Sequence[str]], None],
                 memory: StoryMemory | None = None) -> None:
        self.db = db
        self.requeue = requeue
        self.memory = memory = memory or StoryMemory(0)
        self.asked: Sequence[int] = ()  # the terms term_counts was last asked for
        row = db.execute("SELECT value FROM meta WHERE key = ?", (DOCS,)).fetchone()
        self.docs = self.written = int(row[0]) if row else 0
        self.memory.open(self._token())
        self.counts, self.sources, self.sizes = memory.counts, memory.sources, memory.sizes
        self.held = [(seq, tuple(json.loads(stories))) for seq, stories in db.execute(
            "SELECT seq, stories FROM story_held ORDER BY seq")]
        self.held_changed = False
        self.written_of: dict[str, list[StoryFeatures]] = {}  # story -> written members read
        self._clear()

    def _token(self) -> tuple[int, int, int]:
        """The state of the store as ``StoryMemory`` checks it."""
        return (id(self.db), self.db.execute("PRAGMA data_version").fetchone()[0], self.docs)

    def _clear(self) -> None:
        # blocking keys not written yet: (day, member), a member named by its grouping order
        self.postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self.fresh: dict[int, Candidate] = {}  # by grouping order
        self.fresh_of: dict[str, list[StoryFeatures]] = defaultdict(list)  # story -> fresh members
        self.members: list[tuple[str, str, int, str, bytes, str]] = []
        self.grown: dict[str, int] = {}  # story -> members added, in order of creation
        self.touched: dict[str, set[int]] = defaultdict(set)  # source -> terms counted

    def term_counts(self, terms: Sequence[int], source: str) -> tuple[Counts, Counts]:
        """Counts are read once (and kept from batch to batch, see ``StoryMemory``) and kept
        up to date as the book adds; the mappings returned hold every term asked for, and
        others."""
        self.asked = terms
        counts, wanted = self.counts, set(terms)
        missing = sorted(wanted.difference(counts))
        if missing:
            rows = self.db.execute(
                "SELECT term, n FROM story_terms WHERE term IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),),
            )
            read = dict.fromkeys(missing, 0)
            read.update(rows.fetchall())
            counts.update(read)
        number, docs, held = self._source(source)
        missing = sorted(wanted.difference(held))
        if missing and docs == self.docs:  # every release is the source's: the same counts
            held.update((t, counts[t]) for t in missing)  # none counted since they were read
        elif missing:
            high = number << 32
            rows = self.db.execute(
                "SELECT key & 4294967295, n FROM story_source_terms WHERE key IN"
                " (SELECT value FROM json_each(?))", (json.dumps([high | t for t in missing]),))
            read = dict.fromkeys(missing, 0)
            read.update(rows.fetchall())
            held.update(read)
        return Counts(self.docs, counts), Counts(docs, held)

    def _source(self, source: str) -> tuple[int, int, dict[int, int]]:
        """A source's number (given it when first met), releases and the counts read."""
        if source not in self.sources:
            row = self.db.execute("SELECT id, n FROM story_sources WHERE source = ?",
                                  (source,)).fetchone()
            if row is None:
                number = self.db.execute("INSERT INTO story_sources (source, n) VALUES (?, 0)",
                                         (source,)).lastrowid or 0
                row = (number, 0)
            self.sources[source] = (row[0], row[1], {})
        return self.sources[source]

    def candidates(self, spans: Sequence[tuple[Sequence[int], int, int]],
                   limit: int) -> list[Candidate]:
        """The ``limit`` latest (by day, then grouping order) releases of each key in each
        span, written or not: one statement for every key and span, one read of their
        members; each span's in order of release id."""
        if not any(keys for keys, _, _ in spans):
            return []
        nearest = self._nearest(spans, limit)
        chosen: list[set[int]] = []
        for i, (keys, low, high) in enumerate(spans):
            chosen.append(set())
            for key in keys:
                mine = [p for p in self.postings.get(key, ()) if low <= p[0] <= high]
                found = nearest[i, key]
                both = sorted(found + mine, reverse=True)[:limit] if mine else found
                chosen[i].update(member for _, member in both)
        read = self._written(set().union(*chosen))
        order: dict[str, Candidate] = {}
        for members in chosen:
            taken = {c.features.release_id: c for m in members if (c := read.get(m))}
            order.update((rid, taken[rid]) for rid in sorted(taken.keys() - order.keys()))
        return list(order.values())

    def _nearest(self, spans: Sequence[tuple[Sequence[int], int, int]],
                 limit: int) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """The ``limit`` latest written postings of each span's keys, by (span, key). A key
        of several spans (the grouper's title and terms, within the window and the reach) is
        looked up once, over the widest span: the latest of a narrower span it holds are
        those of the widest within it, unless one of the widest's lies after it (then that
        span is looked up too)."""
        widest: dict[int, int] = {}
        for i, (keys, low, high) in enumerate(spans):
            for key in keys:
                j = widest.get(key)
                if j is None or (low <= spans[j][1] and spans[j][2] <= high):
                    widest[key] = i
        found = self._look_up([(widest[key], key) for key in widest], spans, limit)
        again = []
        for i, (keys, low, high) in enumerate(spans):
            for key in keys:
                if widest[key] == i:
                    continue
                _, w_low, w_high = spans[widest[key]]
                wide = found[widest[key], key]
                if w_low <= low and high <= w_high and not any(day > high for day, _ in wide):
                    found[i, key] = [p for p in wide if p[0] >= low]
                else:
                    again.append((i, key))
        if again:
            found.update(self._look_up(again, spans, limit))
        return found

    def _look_up(self, asked: Sequence[tuple[int, int]],
                 spans: Sequence[tuple[Sequence[int], int, int]],
                 limit: int) -> dict[tuple[int, int], list[tuple[int, int]]]:
        """The ``limit`` latest written postings of each (span, key) asked: one statement."""
        found: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        if not asked:
            return found
        statement = " UNION ALL ".join(f"SELECT {i}, * FROM ({NEAREST})" for i, _ in asked)
        params = [x for i, key in asked for x in (key, spans[i][1], spans[i][2], limit)]
        for span, key, day, member in self.db.execute(statement, params):
            found[span, key].append((day, member))
        return found

    def _written(self, members: Collection[int]) -> dict[int, Candidate]:
        """The candidate of each of ``members`` (by grouping order): kept if not written yet,
        else read from the store (the sizes of their stories are remembered). (Joining the
        members to the key look-up instead reads a release once per key it shares: slower.)"""
        fresh, known = self.fresh, self.memory.members
        found = {m: c for m in members if (c := fresh.get(m) or known.get(m))}
        stored = sorted(m for m in members if m not in found)
        if stored:
            rows = self.db.execute(
                f"{MEMBERS} WHERE m.seq IN (SELECT value FROM json_each(?))", (json.dumps(stored),))
            for member, rid, source, blob, story, seq, size in rows:
                found[member] = Candidate(decode(rid, source, blob), story)
                self.memory.put(member, found[member])
                self.sizes.setdefault(story, (seq, size))
        return found

    def story_sizes(self, stories: Sequence[str]) -> dict[str, tuple[int, int]]:
        missing = [s for s in stories if s not in self.sizes]
        if missing:
            rows = self.db.execute(
                "SELECT id, seq, size FROM stories WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(missing),),
            )
            self.sizes.update((sid, (seq, size)) for sid, seq, size in rows)
        return {s: self.sizes[s] for s in stories if s in self.sizes}

    def add(self, features: StoryFeatures, keys: Sequence[int], terms: Sequence[int], story: str,
            reason: StoryReason) -> None:
        rid = features.release_id
        self.docs += 1
        counts = self.counts
        number, docs, held = self._source(features.source)
        if terms is not self.asked:  # term_counts read them just before, as a rule
            self.term_counts(terms, features.source)
        self.sources[features.source] = (number, docs + 1, held)
        for t in terms:  # written at ``flush``
            counts[t] += 1
            held[t] += 1
        self.touched[features.source].update(terms)
        for key in dict.fromkeys(keys):
            self.postings[key].append((features.day, self.docs))
        self.fresh[self.docs] = Candidate(features, story)
        self.memory.put(self.docs, self.fresh[self.docs])
        self.fresh_of[story].append(features)
        if story not in self.sizes:
            self.story_sizes([story])
        seq, size = self.sizes.get(story, (NEW_STORY + len(self.grown), 0))
        self.sizes[story] = (seq, size + 1)
        self.grown[story] = self.grown.get(story, 0) + 1
        self.members.append((rid, story, self.docs, features.source, encode(features),
                             reason_json(reason)))

    def flush(self) -> None:
        """Write what was decided since the last flush, in a few statements."""
        db = self.db
        counted = sorted(set().union(*self.touched.values()))
        db.executemany("INSERT INTO story_terms (term, n) VALUES (?, ?) ON CONFLICT (term)"
                       " DO UPDATE SET n = excluded.n", [(t, self.counts[t]) for t in counted])
        for source, terms in sorted(self.touched.items()):
            number, docs, held = self.sources[source]
            db.execute("UPDATE story_sources SET n = ? WHERE id = ?", (docs, number))
            high = number << 32
            db.executemany("INSERT INTO story_source_terms (key, n) VALUES (?, ?) ON CONFLICT"
                           " (key) DO UPDATE SET n = excluded.n",
                           [(high | t, held[t]) for t in sorted(terms)])
        db.executemany("INSERT OR IGNORE INTO story_keys (key, day, member) VALUES (?, ?, ?)",
                       [(k, day, m) for k, found in self.postings.items() for day, m in found])
        self._write_members()
        if self.held_changed:
            db.execute("DELETE FROM story_held")
            db.executemany("INSERT OR REPLACE INTO story_held (seq, stories) VALUES (?, ?)",
                           [(seq, json.dumps(stories)) for seq, stories in self.held])
            self.held_changed = False
        self.written_of = {}
        self._clear()
        self.memory.close(self._token())

    def _write_members(self) -> None:
        """Write the stories and members decided since the last write (what a merge moves);
        the term counts and blocking keys wait for the batch's end (look-ups see them)."""
        db = self.db
        db.executemany("INSERT INTO stories (id, size) VALUES (?, ?) ON CONFLICT (id)"
                       " DO UPDATE SET size = size + excluded.size", list(self.grown.items()))
        db.executemany(
            "INSERT OR REPLACE INTO story_members (release_id, story_id, seq, source, features,"
            " reason) VALUES (?, ?, ?, ?, ?, ?)", self.members)
        if self.docs != self.written:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key)"
                       " DO UPDATE SET value = excluded.value", (DOCS, str(self.docs)))
            self.written = self.docs
        new = [story for story in self.grown if self.sizes.get(story, (NEW_STORY, 0))[0] >= NEW_STORY]
        if new:  # their creation order is the store's now
            self.sizes.update((sid, (seq, size)) for sid, seq, size in db.execute(
                "SELECT id, seq, size FROM stories WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(new),)))
        for story, added in self.fresh_of.items():
            if story in self.written_of:
                self.written_of[story] += added
        self.fresh, self.members, self.grown = {}, [], {}
        self.fresh_of = defaultdict(list)

    def merge(self, survivor: str, absorbed: Sequence[str]) -> list[str]:
        """Move the members of ``absorbed`` into ``survivor`` and requeue them for the index
        (their documents carry the story); returns the moved release ids."""
        self._write_members()
        for story in (survivor, *absorbed):
            self.written_of.pop(story, None)
        moved: list[str] = []
        for story in absorbed:
            rows = self.db.execute(
                "SELECT seq, release_id FROM story_members WHERE story_id = ?", (story,)).fetchall()
            self.db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?",
                            (survivor, story))
            self.db.execute("UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?"
                            " OR merged_into = ?", (survivor, story, story))
            self.db.execute("UPDATE stories SET size = size + ? WHERE id = ?", (len(rows), survivor))
            self.memory.moved([seq for seq, _ in rows], survivor)
            self.sizes.pop(story, None)
            if survivor in self.sizes:
                order, size = self.sizes[survivor]
                self.sizes[survivor] = (order, size + len(rows))
            moved += [rid for _, rid in rows]
        survivors = [rid for (rid,) in self.db.execute(
            "SELECT release_id FROM story_members WHERE story_id = ?", (survivor,))]
        self.requeue(survivors)  # every document of the story now names the merged ids too
        return moved

    def hold(self, stories: Sequence[str]) -> None:
        """Held in memory, and written at ``flush`` (those still held: ``lag`` or so)."""
        self.held.append((self.docs, tuple(stories)))
        self.held_changed = True

    def due(self, lag: int) -> list[tuple[str, ...]]:
        ready = [stories for seq, stories in self.held if seq <= self.docs - lag]
        if ready:
            del self.held[: len(ready)]
            self.held_changed = True
        return ready

    def resolve(self, stories: Sequence[str]) -> dict[str, str]:
        """One query; a story not written yet was never merged (a merge writes first)."""
        rows = self.db.execute(
            "SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL"
            " AND id IN (SELECT value FROM json_each(?))", (json.dumps(list(stories)),))
        merged = dict(rows.fetchall())
        return {s: merged.get(s, s) for s in stories}

    def member_features(self, stories: Sequence[str]) -> dict[str, list[StoryFeatures]]:
        """The written members, read by the index on their story once per book (one query for
        those not read yet) and kept as the book adds and merges, and those not written yet;
        each story's by release id."""
        missing = [s for s in stories if s not in self.written_of]
        if missing:
            read: dict[str, list[StoryFeatures]] = {s: [] for s in missing}
            rows = self.db.execute(
                "SELECT seq, release_id, source, features, story_id FROM story_members"
                " WHERE story_id IN (SELECT value FROM json_each(?))", (json.dumps(missing),))
            known = self.memory.members
            for member, rid, source, blob, story in rows:
                if member in self.fresh:
                    continue
                if (found := known.get(member)) is None:
                    found = Candidate(decode(rid, source, blob), story)
                    self.memory.put(member, found)
                read[story].append(found.features)
            self.written_of.update(read)
        return {s: sorted((*self.written_of[s], *self.fresh_of.get(s, ())),
                          key=lambda f: f.release_id) for s in stories}


REASON_FIELDS = tuple(f.name for f in fields(StoryReason))


def reason_json(reason: StoryReason) -> str:
    found = {k: getattr(reason, k) for k in REASON_FIELDS}
    return json.dumps({k: v for k, v in found.items() if v not in (None, (), 0.0, "")},
                      ensure_ascii=False)


def reason_from_json(text: str) -> StoryReason:
    data = json.loads(text)
    data["shared"] = tuple(data.get("shared", ()))
    return StoryReason(**data)


STORY_COLUMNS = (  # the title: the earliest release's, until ``_titled`` finds the most typical
    "s.id, (SELECT r.title FROM story_members f JOIN releases r ON r.id = f.release_id"
    "  WHERE f.story_id = s.id ORDER BY r.date, r.id LIMIT 1),"
    " min(r.date), max(r.date), count(*), group_concat(DISTINCT r.source),"
    " (SELECT json_group_array(o.id) FROM stories o WHERE o.merged_into = s.id)"
)


@named_errors
class SQLiteStories:
    """Stories read from the store; ``db`` is this thread's connection."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    story_memory: StoryMemory

    def story_book(self) -> SQLiteStoryBook:
        return SQLiteStoryBook(self.db, self.requeue, self.story_memory)

    def requeue(self, ids: Sequence[str]) -> None:
        raise NotImplementedError

    def count_ungrouped(self) -> int:
        """How many releases are in no story (stored before stories existed): two counts."""
        row = self.db.execute("SELECT (SELECT count(*) FROM releases)"
                              " - (SELECT count(*) FROM story_members)").fetchone()
        return max(0, int(row[0]))

    def ungrouped(self, limit: int, after: int = 0) -> list[tuple[int, str]]:
        """(store order, id) of up to ``limit`` releases in no story, stored after ``after``,
        oldest first."""
        rows = self.db.execute(
            "SELECT r.seq, r.id FROM releases r WHERE r.seq > ? AND NOT EXISTS"
            " (SELECT 1 FROM story_members m WHERE m.release_id = r.id) ORDER BY r.seq LIMIT ?",
            (after, limit),
        )
        return [(seq, rid) for seq, rid in rows]

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
        return self._titled([_story(row) for row in rows])

    def _titled(self, stories: list[Story]) -> list[Story]:
        """The stories, each under ``story_titles``'s title (of one or two releases, the
        earliest's is already theirs)."""
        titles = self.story_titles([s.id for s in stories if s.size > 2])
        return [replace(s, title=titles.get(s.id, s.title)) for s in stories]

    def story_titles(self, story_ids: Sequence[str]) -> dict[str, str]:
        """The title of each story's most typical release (``most_typical`` of its members'
        features, in order of date: of two, the earliest), by story id; a story at a time."""
        rows = self.db.execute(
            "SELECT m.story_id, r.date, m.release_id, m.features, r.title"
            " FROM story_members m JOIN releases r ON r.id = m.release_id WHERE m.story_id IN"
            " (SELECT value FROM json_each(?)) ORDER BY m.story_id",
            (json.dumps(list(story_ids)),)) if story_ids else ()
        titles: dict[str, str] = {}
        for sid, found in groupby(rows, key=itemgetter(0)):
            members = sorted(found, key=itemgetter(1, 2))
            typical = most_typical([term_arrays(blob) for _, _, _, blob, _ in members])
            titles[sid] = members[typical][4]
        return titles

    def story(self, story_id: str) -> Story:
        sid = self.resolve_story(story_id)
        row = self.db.execute(
            f"SELECT {STORY_COLUMNS} FROM stories s JOIN story_members m ON m.story_id = s.id"
            " JOIN releases r ON r.id = m.release_id WHERE s.id = ? GROUP BY s.id",
            (sid,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no story with id {story_id!r}")
        return self._titled([_story(row)])[0]

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
