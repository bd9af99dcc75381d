"""Entities in the SQLite store: linking releases to them, their names, corrections by hand.

How a release's reference finds its entity (``link_entities``), each rule a
merge only with evidence:

1. by the key of any full name the reference carries (its own name, a spelling
   variant or a known pattern of it): the entity that already has it; a short form
   its release used for it links nothing ("Triton" for "Triton Oil Corp" in one
   release and for "Triton Group" in another), though a release that writes the
   short form alone links to the first entity that was known by it;
2. else, a reference with a full name takes over an entity known so far only by
   an acronym that the release defines for that name ("EC" seen bare, then
   "European Community (EC)");
3. else an entity whose long name differs from it by one typo ("Commmission")
   and which shares a release's company with it: another entity it names;
4. else a new entity. An acronym alone links to the entity it was defined for
   (or first seen alone); it never joins a full name by its initials.

Every name keeps the evidence that joined it (``entity_names.evidence``) and
every release the keys it wrote (``release_names``), so the canonical name is
the full name most releases write, well-formed, never a typo's.

Corrections (``merge_entities``, ``split_entity``, ``rename_entity``) are
decisions kept in ``entity_decisions`` by name keys, not ids, and applied again
after every linking, so they outlive any re-extraction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from pressdesk.errors import NotFound
from pressdesk.models import EntityRef
from pressdesk.store.sqlite_connections import named_errors
from pressdesk.store.transactions import transaction

# Evidence that holds in its release only: "Triton" there is "Triton Oil Corp", elsewhere it may
# be "Triton Group", so a long name never links to another entity by its short form.
_LOCAL = frozenset({"acronym", "short form", "same release"})

_ODD_CASE = re.compile(r"\b[A-Z]{2,}[a-z]")  # "THe", "STock": a typist's slip


@named_errors
class SQLiteEntities:
    """Entity linking and decisions; ``db`` is this thread's connection."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    def link_entities(self, release_id: str, refs: Iterable[EntityRef]) -> None:
        """Tie a release to its entities, creating or growing them as needed."""
        self.db.execute("DELETE FROM release_entities WHERE release_id = ?", (release_id,))
        self.db.execute("DELETE FROM release_names WHERE release_id = ?", (release_id,))
        refs = [ref for ref in refs if ref.keys]
        self.db.executemany("INSERT OR IGNORE INTO release_names VALUES (?, ?, ?)",
                            [(release_id, ref.kind, key) for ref in refs for key, _ in ref.keys])
        touched = set()
        for ref in refs:
            entity_id = self._entity_id(release_id, ref)
            touched.add(entity_id)
            self.db.execute("INSERT OR IGNORE INTO release_entities VALUES (?, ?)", (release_id, entity_id))
        for entity_id in touched:
            self._name_entity(entity_id)
        self._apply_decisions()

    # -- finding the entity of a reference -------------------------------------

    def _owner(self, kind: str, key: str) -> int | None:
        row = self.db.execute("SELECT entity_id FROM entity_names WHERE kind = ? AND key = ?",
                              (kind, key)).fetchone()
        return int(row[0]) if row else None

    def _entity_id(self, release_id: str, ref: EntityRef) -> int:
        evidence = ref.evidence or ("",) * len(ref.keys)
        acronyms = [k for (k, _), e in zip(ref.keys, evidence, strict=True) if e == "acronym"]
        found, how = self._find(release_id, ref, evidence, acronyms)
        if found is None:
            found = self._new_entity(ref)
        if len(acronyms) < len(ref.keys):
            self._absorb_acronyms(found, ref.kind, acronyms)
        self._learn_names(found, ref, (how or evidence[0], *evidence[1:]))
        return found

    def _find(self, release_id: str, ref: EntityRef, evidence: tuple[str, ...],
              acronyms: list[str]) -> tuple[int | None, str]:
        """The entity a reference belongs to by rules 1 to 3 (see the module), and why."""
        linking = [k for (k, _), e in zip(ref.keys, evidence, strict=True) if e not in _LOCAL]
        found = next((o for k in linking if (o := self._owner(ref.kind, k)) is not None), None)
        if found is not None:
            return found, ""
        if len(acronyms) == len(ref.keys):  # an acronym alone
            return next((o for k in acronyms if (o := self._owner(ref.kind, k)) is not None), None), ""
        found = self._acronym_only(ref.kind, acronyms)
        if found is None and ref.kind == "org":
            found = self._typo_of(release_id, ref.kind, ref.keys[0][0])
            return found, "typo" if found is not None else ""
        return found, ""

    def _learn_names(self, entity_id: int, ref: EntityRef, evidence: tuple[str, ...]) -> None:
        """Every name of the reference its entity does not have yet, with why it joined."""
        self.db.executemany(
            "INSERT OR IGNORE INTO entity_names (kind, key, name, entity_id, evidence, acronym, odd)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(ref.kind, key, name, entity_id, why, int(why == "acronym" or i == 0 and _bare(ref)),
              int(bool(_ODD_CASE.search(name))))
             for i, ((key, name), why) in enumerate(zip(ref.keys, evidence, strict=True))],
        )
        self.db.executemany(  # "Stock" written where "STock" was: the better writing of a key
            "UPDATE entity_names SET name = ?, odd = 0 WHERE kind = ? AND key = ? AND odd = 1",
            [(name, ref.kind, key) for key, name in ref.keys if not _ODD_CASE.search(name)],
        )

    def _new_entity(self, ref: EntityRef) -> int:
        """A new entity, with the id an entity of the same first key had before a rebuild."""
        key = ref.keys[0][0]
        row = self.db.execute(
            "SELECT id FROM entity_ids WHERE kind = ? AND key = ? AND id NOT IN (SELECT id FROM entities)",
            (ref.kind, key),
        ).fetchone()
        cursor = self.db.execute("INSERT INTO entities (id, kind, name) VALUES (?, ?, ?)",
                                 (row[0] if row else None, ref.kind, ref.name))
        entity_id = int(cursor.lastrowid or 0)
        self.db.execute("INSERT OR IGNORE INTO entity_ids VALUES (?, ?, ?)", (ref.kind, key, entity_id))
        return entity_id

    def reset_entities(self) -> None:
        """Forget every entity and link (ids and decisions are kept), to link all again."""
        with transaction(self.db):
            for table in ("release_entities", "release_names", "entity_names", "entities"):
                self.db.execute(f"DELETE FROM {table}")

    def _acronym_only(self, kind: str, keys: list[str]) -> int | None:
        """The entity known so far by one of these acronyms alone."""
        for key in keys:
            owner = self._owner(kind, key)
            if owner is not None and not self.db.execute(
                "SELECT 1 FROM entity_names WHERE entity_id = ? AND acronym = 0", (owner,)
            ).fetchone():
                return owner
        return None

    def _absorb_acronyms(self, entity_id: int, kind: str, keys: list[str]) -> None:
        """An entity known only by an acronym this release defines for ``entity_id``'s name
        becomes part of it ("USDA" seen bare, then "U.S. Department of Agriculture (USDA)")."""
        for key in keys:
            other = self._acronym_only(kind, [key])
            if other is not None and other != entity_id:
                self._move(other, entity_id, "acronym")

    def _move(self, other: int, entity_id: int, why: str) -> None:
        """Every name and release of ``other`` to ``entity_id``; ``other`` is no more."""
        self.db.execute("UPDATE entity_names SET entity_id = ?, evidence = ? WHERE entity_id = ?",
                        (entity_id, why, other))
        self.db.execute("INSERT OR IGNORE INTO release_entities SELECT release_id, ? FROM release_entities"
                        " WHERE entity_id = ?", (entity_id, other))
        self.db.execute("DELETE FROM release_entities WHERE entity_id = ?", (other,))
        self.db.execute("DELETE FROM entities WHERE id = ?", (other,))

    def _typo_of(self, release_id: str, kind: str, key: str) -> int | None:
        """An entity with a long name one typo from ``key`` that shares a co-mentioned entity
        with this release ("Commodity Futures Trading Commmission")."""
        if len(key) < 14:
            return None
        rows = self.db.execute(
            "SELECT key, entity_id FROM entity_names WHERE kind = ? AND key >= ? AND key < ?"
            " AND acronym = 0 AND length(key) BETWEEN ? AND ?",
            (kind, key[:4], key[:4] + "\uffff", len(key) - 1, len(key) + 1),
        ).fetchall()
        close = {int(e) for k, e in rows if _one_edit(k, key)}
        return next((e for e in sorted(close) if self._shares_company(release_id, e)), None)

    def _shares_company(self, release_id: str, entity_id: int) -> bool:
        """This release names an entity that another release of ``entity_id`` names too."""
        return self.db.execute(
            "SELECT 1 FROM release_names a JOIN entity_names n ON n.kind = a.kind AND n.key = a.key"
            " JOIN release_entities b ON b.entity_id = n.entity_id"
            " JOIN release_entities c ON c.release_id = b.release_id"
            " WHERE a.release_id = ? AND c.entity_id = ? AND n.entity_id != ? LIMIT 1",
            (release_id, entity_id, entity_id),
        ).fetchone() is not None

    # -- naming ----------------------------------------------------------------

    def _name_entity(self, entity_id: int) -> None:
        """The canonical name: the full name most releases write, well-formed, not a typo."""
        rows = self.db.execute(
            "SELECT n.name, n.evidence, n.acronym, (SELECT count(*) FROM release_names r"
            "  WHERE r.kind = n.kind AND r.key = n.key), n.key"
            " FROM entity_names n JOIN entities e ON e.id = n.entity_id"
            " WHERE n.entity_id = ? AND e.named = 0",
            (entity_id,),
        ).fetchall()
        if rows:
            best = max(rows, key=lambda row: _name_rank(row, rows))
            self.db.execute("UPDATE entities SET name = ? WHERE id = ?", (_display(best[0], rows), entity_id))

    # -- decisions ---------------------------------------------------------------

    def merge_entities(self, into: int, other: int) -> None:
        """Make ``other`` part of ``into``, now and after any re-extraction."""
        self._decide("merge", into, self._anchor(other))

    def split_entity(self, entity_id: int, keys: list[str]) -> None:
        """Take the names with these keys out of an entity into one of their own, for good."""
        self._decide("split", entity_id, "\t".join(keys))

    def rename_entity(self, entity_id: int, name: str) -> None:
        """Give an entity this name, whatever releases write."""
        self._decide("rename", entity_id, name)

    def _decide(self, action: str, entity_id: int, value: str) -> None:
        with transaction(self.db):
            row = self.db.execute("SELECT kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
            if row is None:
                raise NotFound(f"no entity with id {entity_id}")
            self.db.execute("INSERT INTO entity_decisions (action, kind, anchor, value) VALUES (?, ?, ?, ?)",
                            (action, row[0], self._anchor(entity_id), value))
            self._apply_decisions()

    def _anchor(self, entity_id: int) -> str:
        """The key that stands for an entity in a decision: its most written name's."""
        row = self.db.execute(
            "SELECT n.key FROM entity_names n WHERE n.entity_id = ? ORDER BY n.acronym,"
            " (SELECT count(*) FROM release_names r WHERE r.kind = n.kind AND r.key = n.key) DESC,"
            " n.key LIMIT 1",
            (entity_id,),
        ).fetchone()
        return str(row[0]) if row else ""

    def _apply_decisions(self) -> None:
        for action, kind, anchor, value in self.db.execute(
            "SELECT action, kind, anchor, value FROM entity_decisions ORDER BY seq"
        ).fetchall():
            entity_id = self._owner(kind, anchor)
            if entity_id is not None:
                _DECISIONS[action](self, kind, entity_id, value)

    def _apply_merge(self, kind: str, entity_id: int, other_key: str) -> None:
        other = self._owner(kind, other_key)
        if other is None or other == entity_id:
            return
        self._move(other, entity_id, "merged by hand")
        self._name_entity(entity_id)

    def _apply_split(self, kind: str, entity_id: int, value: str) -> None:
        keys = value.split("\t")
        owner = self._owner(kind, keys[0])
        if owner is None or not self._owns_more(owner, keys):
            return  # split already, or nothing left to split from
        name = self.db.execute("SELECT name FROM entity_names WHERE kind = ? AND key = ?",
                               (kind, keys[0])).fetchone()[0]
        cursor = self.db.execute("INSERT INTO entities (kind, name) VALUES (?, ?)", (kind, name))
        new = int(cursor.lastrowid or 0)
        listed = json.dumps(keys)
        self.db.execute("UPDATE entity_names SET entity_id = ?, evidence = 'split by hand' WHERE kind = ?"
                        " AND entity_id = ? AND key IN (SELECT value FROM json_each(?))",
                        (new, kind, owner, listed))
        written = ("SELECT release_id FROM release_names WHERE kind = ?"
                   " AND key IN (SELECT value FROM json_each(?))")
        self.db.execute(f"INSERT OR IGNORE INTO release_entities SELECT release_id, ? FROM ({written})",
                        (new, kind, listed))
        self.db.execute(  # releases that wrote no other name of the old entity leave it
            f"DELETE FROM release_entities WHERE entity_id = ? AND release_id IN ({written})"
            " AND release_id NOT IN (SELECT r.release_id FROM release_names r JOIN entity_names n"
            "  ON n.kind = r.kind AND n.key = r.key WHERE n.entity_id = ?)",
            (owner, kind, listed, owner),
        )
        self._name_entity(owner)
        self._name_entity(new)

    def _owns_more(self, entity_id: int, keys: list[str]) -> bool:
        """``entity_id`` has a name besides these keys."""
        return self.db.execute(
            "SELECT 1 FROM entity_names WHERE entity_id = ? AND key NOT IN (SELECT value FROM json_each(?))",
            (entity_id, json.dumps(keys)),
        ).fetchone() is not None

    def _apply_rename(self, kind: str, entity_id: int, name: str) -> None:
        self.db.execute("UPDATE entities SET name = ?, named = 1 WHERE id = ?", (name, entity_id))

    def entity_decisions(self) -> list[dict[str, str]]:
        """Every correction made by hand, oldest first."""
        rows = self.db.execute("SELECT action, kind, anchor, value FROM entity_decisions ORDER BY seq")
        return [dict(zip(("action", "kind", "anchor", "value"), r, strict=True)) for r in rows]


def _bare(ref: EntityRef) -> bool:
    """A reference by an acronym alone."""
    return bool(ref.evidence) and ref.evidence[0] == "acronym"


_DECISIONS = {
    "merge": SQLiteEntities._apply_merge,
    "split": SQLiteEntities._apply_split,
    "rename": SQLiteEntities._apply_rename,
}


Row = tuple[str, str, int, int, str]  # name, evidence, acronym, releases writing it, key


_SECONDARY = frozenset({"short form", "same release", "pattern"})  # names a release used beside a fuller one


def _name_rank(row: Row, rows: list[Row]) -> tuple[int, ...]:
    """Full names first, then well-formed ones (no typo of a commoner name, no "STock"), then
    the one most releases write, then the longest."""
    name, evidence, acronym, uses, key = row
    typo = any(_one_edit(key, k) and n > uses for _, _, _, n, k in rows)
    return (int(not acronym), int(evidence not in _SECONDARY), int(not typo),
            int(not _ODD_CASE.search(name)), uses, len(name))


def _display(name: str, rows: list[Row]) -> str:
    """A body scoped to its country keeps the country's code: "Ministry of Finance (JP)"."""
    scope = next((key.split(":")[0] for *_, key in rows if ":" in key), "")
    return f"{name} ({scope.upper()})" if scope else name


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or replaced character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]
