"""Facts, entities, figures and events in the SQLite store (a part of ``SQLiteStore``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pressdesk.errors import NotFound
from pressdesk.facts import Extraction, extraction_from_dict, extraction_to_dict
from pressdesk.models import Entity, EventRow, FigureRow, Release, ReleaseRef, Series
from pressdesk.store import EntityFilter, EventFilter, SeriesFilter
from pressdesk.store.sqlite_connections import named_errors


@named_errors
class SQLiteFacts:
    """What extraction found, stored beside the releases; ``db`` is this thread's connection."""

    @property
    def db(self) -> sqlite3.Connection:
        raise NotImplementedError

    def save_facts(self, facts: Iterable[tuple[Release, Extraction]], version: int = 0) -> None:
        """Store what version ``version`` of the extractors found in each release (replacing
        older findings), and its figures and events as rows of their own."""
        pairs = list(facts)
        self.db.executemany(
            "INSERT OR REPLACE INTO facts (release_id, content_hash, data, version)"
            " VALUES (?, ?, ?, ?)",
            [(r.id, r.content_hash, json.dumps(extraction_to_dict(found), ensure_ascii=False),
              version) for r, found in pairs],
        )
        ids = [(r.id,) for r, _ in pairs]
        self.db.executemany("DELETE FROM figures WHERE release_id = ?", ids)
        self.db.executemany("DELETE FROM events WHERE release_id = ?", ids)
        self.db.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, n, f.indicator, f.series, f.period, f.value, f.unit, f.change, f.change_unit,
              f.direction, f.kind) for r, found in pairs for n, f in enumerate(found.figures)],
        )
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, n, e.type, " ".join(e.implementer), " ".join(e.partner), e.date, e.sentence,
              int(e.optional)) for r, found in pairs for n, e in enumerate(found.events)],
        )

    def stale_facts(self, version: int, *, missing: bool = False) -> list[str]:
        """Ids of releases whose facts an older version of the extractors found (and, with
        ``missing``, of those stored without any), oldest first."""
        either = " OR f.release_id IS NULL" if missing else ""
        rows = self.db.execute(
            "SELECT r.id FROM releases r LEFT JOIN facts f ON f.release_id = r.id"
            f" WHERE f.version < ?{either} ORDER BY r.seq",
            (version,),
        )
        return [str(rid) for (rid,) in rows]

    def facts(self, release_id: str) -> Extraction | None:
        return self.facts_for([release_id]).get(release_id)

    def facts_for(self, ids: Sequence[str]) -> dict[str, Extraction]:
        rows = self.db.execute(
            "SELECT release_id, data FROM facts WHERE release_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        return {rid: extraction_from_dict(json.loads(data)) for rid, data in rows}

    def entities(self, where: EntityFilter) -> list[Entity]:
        """Entities by how many releases name them, most first."""
        clauses, params = ["1"], []
        if where.kind:
            clauses.append("e.kind = ?")
            params.append(where.kind)
        if where.release_id:
            clauses.append("e.id IN (SELECT entity_id FROM release_entities WHERE release_id = ?)")
            params.append(where.release_id)
        return self._entities(f"WHERE {' AND '.join(clauses)} ORDER BY n DESC, e.name LIMIT ?",
                              [*params, where.limit])

    def entity(self, entity_id: int) -> Entity:
        found = self._entities("WHERE e.id = ?", [entity_id])
        if not found:
            raise NotFound(f"no entity with id {entity_id}")
        return found[0]

    def find_entities(self, keys: Sequence[tuple[str, str]]) -> list[Entity]:
        """The entities that any of these (kind, key) pairs names, most mentioned first (a key
        ``*:k`` is ``k`` scoped to any country)."""
        return self._entities(
            "WHERE e.id IN (SELECT n.entity_id FROM entity_names n, json_each(?) k"
            " WHERE n.kind = json_extract(k.value, '$[0]') AND (n.key = json_extract(k.value, '$[1]')"
            "  OR json_extract(k.value, '$[1]') LIKE '*:%'"
            "   AND n.key LIKE '%:' || substr(json_extract(k.value, '$[1]'), 3)))"
            " ORDER BY n DESC, e.name",
            [json.dumps([list(k) for k in keys])],
        )

    def entity_keys(self, entity_id: int) -> list[str]:
        rows = self.db.execute("SELECT key FROM entity_names WHERE entity_id = ?", (entity_id,))
        return [str(k) for (k,) in rows]

    def entity_releases(self, entity_id: int, limit: int = 1000) -> list[ReleaseRef]:
        """The releases that name an entity, newest first."""
        rows = self.db.execute(
            "SELECT r.id, r.date, r.title, r.source FROM release_entities x"
            " JOIN releases r ON r.id = x.release_id WHERE x.entity_id = ?"
            " ORDER BY r.date DESC, r.id LIMIT ?",
            (entity_id, limit),
        )
        return [ReleaseRef(*row) for row in rows]

    def co_mentioned(self, entity_id: int, limit: int = 10) -> list[tuple[Entity, int]]:
        """The entities most often named in the same releases, with how many they share."""
        rows = self.db.execute(
            "SELECT b.entity_id, count(*) AS shared FROM release_entities a"
            " JOIN release_entities b ON b.release_id = a.release_id AND b.entity_id != a.entity_id"
            " WHERE a.entity_id = ? GROUP BY b.entity_id ORDER BY shared DESC, b.entity_id LIMIT ?",
            (entity_id, limit),
        ).fetchall()
        found = {e.id: e for e in self._entities(
            "WHERE e.id IN (SELECT value FROM json_each(?))", [json.dumps([r[0] for r in rows])])}
        return [(found[eid], int(shared)) for eid, shared in rows if eid in found]

    def _entities(self, tail: str, params: list[Any]) -> list[Entity]:
        rows = self.db.execute(
            "SELECT e.id, e.kind, e.name,"
            " (SELECT json_group_array(json_array(name, evidence)) FROM entity_names n"
            "  WHERE n.entity_id = e.id),"
            " (SELECT count(*) FROM release_entities r WHERE r.entity_id = e.id) AS n"
            f" FROM entities e {tail}",
            params,
        )
        return [_entity(*row) for row in rows]


    # -- series and events ---------------------------------------------------

    def series(self, where: SeriesFilter) -> list[Series]:
        """Indicators with their figure counts, most figures first."""
        clauses, params = ["1"], []
        if where.key:
            clauses.append("series = ?")
            params.append(where.key)
        for word in where.words:  # a key is its words, sorted, one space apart
            clauses.append("instr(' ' || series || ' ', ?) > 0")
            params.append(f" {word} ")
        rows = self.db.execute(
            "SELECT series, count(*) AS n, count(DISTINCT release_id), min(period), max(period),"
            " group_concat(DISTINCT unit),"
            " (SELECT indicator FROM figures g WHERE g.series = f.series"
            "  GROUP BY indicator ORDER BY count(*) DESC, length(indicator) LIMIT 1)"
            f" FROM figures f WHERE {' AND '.join(clauses)} AND series != ''"
            " GROUP BY series ORDER BY n DESC, series LIMIT ?",
            [*params, where.limit],
        )
        return [Series(key, name, n, releases, first, last, tuple(sorted((units or "").split(","))))
                for key, n, releases, first, last, units, name in rows]

    def series_figures(self, key: str) -> list[FigureRow]:
        """Every figure of one series, by period, then by the date of its release."""
        rows = self.db.execute(
            "SELECT f.release_id, r.date, r.title, f.indicator, f.series, f.period, f.value,"
            " f.unit, f.change, f.change_unit, f.direction, f.kind"
            " FROM figures f JOIN releases r ON r.id = f.release_id"
            " WHERE f.series = ? ORDER BY f.period, r.date, f.release_id, f.n",
            (key,),
        )
        return [FigureRow(*row) for row in rows]

    def release_figures(self, ids: Sequence[str]) -> list[FigureRow]:
        """The figures of these releases."""
        rows = self.db.execute(
            "SELECT f.release_id, r.date, r.title, f.indicator, f.series, f.period, f.value,"
            " f.unit, f.change, f.change_unit, f.direction, f.kind"
            " FROM figures f JOIN releases r ON r.id = f.release_id"
            " WHERE f.release_id IN (SELECT value FROM json_each(?)) ORDER BY r.date, f.release_id, f.n",
            (json.dumps(list(ids)),),
        )
        return [FigureRow(*row) for row in rows]

    def figure_rows(self) -> Iterator[FigureRow]:
        """Every stored figure, release by release."""
        rows = self.db.execute(
            "SELECT f.release_id, r.date, r.title, f.indicator, f.series, f.period, f.value,"
            " f.unit, f.change, f.change_unit, f.direction, f.kind"
            " FROM figures f JOIN releases r ON r.id = f.release_id ORDER BY r.date, f.release_id, f.n"
        )
        return (FigureRow(*row) for row in rows)

    def events(self, where: EventFilter) -> Iterator[EventRow]:
        """Stored events, newest first, narrowed by type, jurisdiction and date."""
        clauses, params = ["1"], []
        for clause, value in (("e.type = ?", where.type), ("coalesce(e.date, r.date) >= ?", where.since),
                              ("coalesce(e.date, r.date) <= ?", where.until)):
            if value:
                clauses.append(clause)
                params.append(value)
        if where.place:
            clauses.append("(' ' || e.implementer || ' ' || e.partner || ' ') LIKE ?")
            params.append(f"% {where.place} %")
        if not where.optional:
            clauses.append("e.optional = 0")
        limit = " LIMIT ?" if where.limit else ""
        rows = self.db.execute(
            "SELECT e.release_id, r.date, r.title, e.type, e.implementer, e.partner, e.date,"
            " e.sentence, e.optional FROM events e JOIN releases r ON r.id = e.release_id"
            f" WHERE {' AND '.join(clauses)} ORDER BY coalesce(e.date, r.date) DESC, r.date DESC,"
            f" e.release_id, e.n{limit}",
            [*params, *([where.limit] if where.limit else [])],
        )
        return (EventRow(rid, day, title, kind, tuple(impl.split()), tuple(partner.split()), date,
                         sentence, bool(optional))
                for rid, day, title, kind, impl, partner, date, sentence, optional in rows)


def _entity(entity_id: int, kind: str, name: str, names: str, releases: int) -> Entity:
    pairs = [(str(n), str(why)) for n, why in json.loads(names)]
    return Entity(entity_id, kind, name, tuple(n for n, _ in pairs), releases, tuple(pairs))
