"""The full-text index: a tantivy index derived from the store, rebuilt from it at will.

One tantivy document per release. ``title`` and ``body`` are analysed with
English stemming and stored exactly as written (for snippets); the facts
(``place``, ``org``, ``person``, ``sector``) and ``category``/``source`` are
analysed as lower-cased words, so ``org:KIAT`` and ``category:trade`` match;
each facet also has a raw fast field (``*_f``) whose exact values are counted
by tantivy's terms aggregation. ``day`` (YYYYMMDD) serves date ranges and
sorting by date.

The index lives in a directory beside the database (``<db>.index/``), or in
memory. Writers add in batches and ``commit()``; a reader sees only committed
batches, so it never sees half of one.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tantivy

from pressdesk.errors import StoreError
from pressdesk.models import Release

if TYPE_CHECKING:  # not at run time: searching needs no extractor loaded
    from pressdesk.facts import Extraction

__all__ = [
    "FACET_FIELDS",
    "FACT_FIELDS",
    "IndexDoc",
    "Ranked",
    "Snapshot",
    "SearchIndex",
    "Hit",
    "analyze",
    "id_key",
    "index_doc",
    "index_path",
]

log = logging.getLogger(__name__)

STEMMED = "en_stem"  # tantivy's built-in: simple tokens, lower case, English stemmer
WORDS = "pd_words"  # simple tokens, lower case, no stemming: names and codes

FACT_FIELDS = ("category", "source", "place", "org", "person", "sector", "event", "figure", "story")
FACET_FIELDS = ("category", "source", "place", "org", "person", "sector", "event", "month")
SNIPPET_CHARS = 200
FIELD_TOKENIZERS: dict[str, str] = {"title": STEMMED, "body": STEMMED} | {
    name: WORDS for name in FACT_FIELDS
}
WRITER_HEAP = 200_000_000
REBUILD = "; it is derived from the store: run `pressdesk check --repair` to rebuild it"
STAMP = "pressdesk.json"
META_LOCK = ".tantivy-meta.lock"  # beside tantivy's files: the identity of the store indexed


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """What gets indexed for one release.

    ``places``, ``orgs``, ``people`` and ``sectors`` are the facet values (ISO
    codes, canonical names); ``place_names`` and ``org_aliases`` are further
    names that match a fielded query but are not counted as facets.
    """

    id: str
    title: str
    body: str
    date: str
    category: str
    source: str
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    events: tuple[str, ...] = ()  # the types of the trade-policy actions it reports
    figures: tuple[str, ...] = ()  # the series keys of its statistics
    stories: tuple[str, ...] = ()  # its story's id, then the ids of stories merged into it
    place_names: tuple[str, ...] = ()
    org_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked release: its id, title and date, score, and a snippet of its body."""

    id: str
    title: str
    date: str
    score: float
    snippet: str


def index_doc(
    release: Release, facts: Extraction | None, stories: tuple[str, ...] = ()
) -> IndexDoc:
    """The index document of a release, (when extraction ran) its facts and its story's ids."""
    places = facts.places if facts else ()
    orgs = facts.orgs if facts else ()
    return IndexDoc(
        id=release.id,
        title=release.title,
        body=release.body,
        date=release.date,
        category=release.category,
        source=release.source,
        places=unique(p.code for p in places),
        orgs=unique(o.name for o in orgs),
        people=unique(p.name for p in facts.people) if facts else (),
        sectors=facts.sectors if facts else (),
        events=unique(e.type for e in facts.events if not e.optional) if facts else (),
        figures=unique(f.series for f in facts.figures) if facts else (),
        stories=stories,
        place_names=unique(p.name for p in places),
        org_aliases=unique(a for o in orgs for a in o.aliases),
    )


def unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def index_path(db_path: str) -> str | None:
    """Where the index of the store at ``db_path`` lives (None: in memory)."""
    return None if db_path in ("", ":memory:") else f"{db_path}.index"


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", stored=True, tokenizer_name=STEMMED)
    sb.add_text_field("body", stored=True, tokenizer_name=STEMMED)
    sb.add_text_field("date", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("day", indexed=True, fast=True)
    sb.add_integer_field("key", fast=True)  # id_key(id): ids of ranked hits without loading
    for name in FACT_FIELDS:
        sb.add_text_field(name, tokenizer_name=WORDS)
    for name in FACET_FIELDS:
        sb.add_text_field(f"{name}_f", tokenizer_name="raw", fast=True, index_option="basic")
    return sb.build()


def build_analyzers() -> dict[str, tantivy.TextAnalyzer]:
    """The analysers by tokenizer name: the same ones index and query use."""
    simple = tantivy.Tokenizer.simple
    return {
        STEMMED: tantivy.TextAnalyzerBuilder(simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build(),
        WORDS: tantivy.TextAnalyzerBuilder(simple()).filter(tantivy.Filter.lowercase()).build(),
    }


def analyze(analyzers: dict[str, tantivy.TextAnalyzer], field: str, text: str) -> list[str]:
    """The terms ``text`` becomes in ``field``."""
    return analyzers[FIELD_TOKENIZERS[field]].analyze(text)


def to_document(doc: IndexDoc) -> tantivy.Document:
    """The tantivy document of one IndexDoc (multi-valued fields as lists)."""
    facets: dict[str, list[str]] = {
        "category_f": [doc.category] if doc.category else [],
        "source_f": [doc.source] if doc.source else [],
        "place_f": list(doc.places),
        "org_f": list(doc.orgs),
        "person_f": list(doc.people),
        "sector_f": list(doc.sectors),
        "event_f": list(doc.events),
        "month_f": [doc.date[:7]] if len(doc.date) >= 7 else [],
    }
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "date": doc.date,
        "day": day_number(doc.date),
        "key": id_key(doc.id),
        "category": doc.category,
        "source": doc.source,
        "place": list(doc.places + doc.place_names),
        "org": list(doc.orgs + doc.org_aliases),
        "person": list(doc.people),
        "sector": list(doc.sectors),
        "event": list(doc.events),
        "figure": list(doc.figures),
        "story": list(doc.stories),
    }
    return tantivy.Document(**{k: v for k, v in (fields | facets).items() if v != [] and v != ""})


def can_lock(folder: str) -> bool:
    """Whether this process may take the lock tantivy's readers take (a read-only folder or
    file system forbids it)."""
    try:
        with open(os.path.join(folder, META_LOCK), "ab"):
            return True
    except OSError:
        return False


def id_key(release_id: str) -> int:
    """A release id as a 63-bit number (a fast field, read without loading the document)."""
    return int.from_bytes(hashlib.blake2b(release_id.encode(), digest_size=8).digest()) >> 1


def day_number(iso: str) -> int:
    """2025-11-18 -> 20251118 (0 when the date is missing or malformed)."""
    digits = iso[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


@dataclass(frozen=True, slots=True)
class Ranked:
    """The top of a ranking as (score, address), and how many documents matched in all."""

    hits: list[tuple[float, Any]]
    total: int


class SearchIndex:
    """A tantivy index of releases: upsert, commit, count, search with snippets."""

    def __init__(
        self, index: tantivy.Index, path: str | None, writer_threads: int = 1, created: bool = True
    ) -> None:
        self.path = path
        self.index = index
        self.writer_threads = writer_threads
        self.created = created  # new and empty: whoever feeds it must index everything again
        self.schema = index.schema
        self.analyzers = build_analyzers()
        for name, analyzer in self.analyzers.items():
            index.register_tokenizer(name, analyzer)
        self.writer_: tantivy.IndexWriter | None = None
        self.stamp_: str | None = None  # an in-memory index's stamp
        self.copy: str | None = None  # the private copy searched in place of a read-only folder

    @classmethod
    def open(
        cls, path: str | None, *, writer_threads: int = 1, replace_outdated: bool = False
    ) -> SearchIndex:
        """Open (creating if absent) the index in directory ``path``; None: in memory.

        ``writer_threads`` indexing threads serve writes (one leaves a core to
        readers and to the rest of an ingest on a small machine). An index made by
        a pressdesk with another schema is a StoreError, or with ``replace_outdated``
        is deleted and made anew (empty: whoever opens it refills it from the store).
        """
        schema = build_schema()
        if path is None:
            return cls(tantivy.Index(schema), None, writer_threads)
        created = not os.path.exists(os.path.join(path, "meta.json"))
        if not created and not can_lock(path):
            return cls.open_copy(path, schema)
        try:
            os.makedirs(path, exist_ok=True)
            index = tantivy.Index(schema, path=path, reuse=True)
        except (OSError, ValueError) as err:
            if replace_outdated and "schema does not match" in str(err):
                log.warning("search index %s was made by another version: rebuilding it", path)
                shutil.rmtree(path)
                return cls.open(path, writer_threads=writer_threads)
            raise StoreError(f"cannot open search index at {path}: {err}{REBUILD}") from err
        return cls(index, path, writer_threads, created)

    @classmethod
    def open_copy(cls, path: str, schema: tantivy.Schema) -> SearchIndex:
        """An index in a folder that cannot be written (tantivy's readers take a lock file):
        searched from a private copy, removed on ``close``, never written."""
        copy = tempfile.mkdtemp(prefix="pressdesk-index-")
        shutil.copytree(path, copy, dirs_exist_ok=True, copy_function=shutil.copyfile,
                        ignore=shutil.ignore_patterns(".tantivy-*"))
        os.chmod(copy, 0o700)  # copytree gave it the read-only folder's mode
        found = cls(tantivy.Index(schema, path=copy, reuse=True), path, 1, created=False)
        found.copy = copy
        return found

    @property
    def writer(self) -> tantivy.IndexWriter:
        """The one writer of this index, created on first write (it takes a lock)."""
        if not self.try_lock():
            raise StoreError(f"search index {self.path} is being written by another process")
        assert self.writer_ is not None
        return self.writer_

    def try_lock(self) -> bool:
        """Take the index's writer lock if no other process holds it; True if this one does."""
        if self.copy is not None:
            return False  # a read-only index is never written
        if self.writer_ is None:
            try:
                self.writer_ = self.index.writer(WRITER_HEAP, self.writer_threads)
            except ValueError as err:
                if "LockBusy" in str(err):
                    return False
                raise StoreError(f"cannot write search index at {self.path}: {err}") from err
        return True

    def stamp(self) -> str | None:
        """Which store this index was built for (see ``set_stamp``); None if never stamped."""
        if self.path is None:
            return self.stamp_
        try:
            with open(os.path.join(self.path, STAMP), encoding="utf-8") as f:
                return str(json.load(f)["store"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def set_stamp(self, store: str) -> None:
        """Record, atomically, that this index holds the releases of the store ``store``."""
        if self.path is None:
            self.stamp_ = store
            return
        path = os.path.join(self.path, STAMP)
        with open(f"{path}.tmp", "w", encoding="utf-8") as f:
            json.dump({"store": store}, f)
        os.replace(f"{path}.tmp", path)

    def add(self, docs: Iterable[IndexDoc], replace: bool = True) -> None:
        """Upsert by id: delete any document with the same id, then add.

        ``replace=False`` skips the delete, for documents known never to have been indexed.
        """
        writer = self.writer
        for doc in docs:
            if replace:
                writer.delete_documents_by_term("id", doc.id)
            writer.add_document(to_document(doc))

    def delete(self, ids: Iterable[str]) -> None:
        writer = self.writer
        for release_id in ids:
            writer.delete_documents_by_term("id", release_id)

    def clear(self) -> None:
        """Remove every document (committed by the next ``commit()``), for a rebuild."""
        self.writer.delete_all_documents()

    def commit(self) -> None:
        """Make everything added since the last commit visible to readers, atomically."""
        if self.writer_ is not None:
            self.writer_.commit()
        self.index.reload()

    def close(self) -> None:
        """Commit, finish background merges and release the writer lock (others may write)."""
        if self.writer_ is not None:
            self.commit()
            self.writer_.wait_merging_threads()
            self.writer_ = None

    def discard(self) -> None:
        """Close, and remove the private copy of a read-only index, if one was made."""
        self.close()
        if self.copy is not None:
            shutil.rmtree(self.copy, ignore_errors=True)
            self.copy = None

    def count(self) -> int:
        self.index.reload()
        return int(self.index.searcher().num_docs)

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def snapshot(self) -> Snapshot:
        """A reader's view of the index as last committed; it does not change under ingest.

        Every step of one search (ranking, loading documents, snippets, facets)
        must go through one snapshot: document addresses are only valid in the
        searcher that found them.
        """
        return Snapshot(self.schema, self.index.searcher())


class Snapshot:
    """One committed state of the index: rank, count, load and cut snippets, count facets."""

    def __init__(self, schema: tantivy.Schema, searcher: tantivy.Searcher) -> None:
        self.schema = schema
        self.searcher = searcher

    def top(
        self, query: tantivy.Query, limit: int, order_by: str | None = None, newest: bool = True
    ) -> Ranked:
        """The best ``limit`` addresses by score (or by a fast field), and how many match.

        Counting rides on the same pass over the matches, so it costs next to nothing.
        """
        order = tantivy.Order.Desc if newest else tantivy.Order.Asc
        found = self.searcher.search(query, limit, count=True, order_by_field=order_by, order=order)
        total = int(getattr(found, "count", 0) or 0)
        if order_by is not None:  # the hit's "score" is then the field value: report none
            return Ranked([(0.0, address) for _, address in found.hits], total)
        return Ranked([(float(score), address) for score, address in found.hits], total)

    def top_keys(self, query: tantivy.Query, limit: int) -> tuple[list[tuple[int, Any]], int]:
        """The best ``limit`` by score as (id_key, address), no document loaded; and the count."""
        ranked = self.top(query, limit)
        addresses = [address for _, address in ranked.hits]
        keys = self.searcher.fast_field_values("key", addresses) if addresses else []
        return [(int(k or 0), a) for k, a in zip(keys, addresses, strict=True)], ranked.total

    def hits(
        self,
        query: tantivy.Query,
        ranked: Iterable[tuple[float, tantivy.DocAddress]],
        marks: tuple[str, str] = ("[", "]"),
    ) -> list[Hit]:
        """Load the ranked documents and cut a highlighted body snippet for each."""
        searcher = self.searcher
        generator = tantivy.SnippetGenerator.create(searcher, query, self.schema, "body")
        generator.set_max_num_chars(SNIPPET_CHARS)
        return [
            to_hit(searcher.doc(address), score, generator, marks) for score, address in ranked
        ]

    def address(self, release_id: str) -> tantivy.DocAddress | None:
        """Where the document of ``release_id`` is, if indexed."""
        query = tantivy.Query.term_query(self.schema, "id", release_id)
        found = self.searcher.search(query, 1, count=False).hits
        return found[0][1] if found else None

    def matching_ids(self, query: tantivy.Query, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` also match ``query`` (read from the key fast field, no loads)."""
        among = tantivy.Query.term_set_query(self.schema, "id", list(ids))
        both = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, among)]
        )
        searcher = self.searcher
        found = [a for _, a in searcher.search(both, max(1, len(ids)), count=False).hits]
        keys = set(searcher.fast_field_values("key", found)) if found else set()
        return {i for i in ids if id_key(i) in keys}

    def stored(self, addresses: Iterable[tantivy.DocAddress]) -> Iterator[tantivy.Document]:
        searcher = self.searcher
        return (searcher.doc(address) for address in addresses)

    def facet_counts(
        self, query: tantivy.Query, names: Iterable[str], size: int = 10
    ) -> dict[str, tuple[tuple[str, int], ...]]:
        """Value counts of each facet over every document that matches ``query``."""
        spec = {name: {"terms": {"field": f"{name}_f", "size": size}} for name in names}
        found = self.searcher.aggregate(query, spec)
        return {
            name: tuple((str(b["key"]), int(b["doc_count"])) for b in found[name]["buckets"])
            for name in spec
        }




def to_hit(
    doc: tantivy.Document,
    score: float,
    generator: tantivy.SnippetGenerator,
    marks: tuple[str, str],
) -> Hit:
    body = str(doc.get_first("body") or "")
    return Hit(
        id=str(doc.get_first("id")),
        title=str(doc.get_first("title") or ""),
        date=str(doc.get_first("date") or ""),
        score=score,
        snippet=cut_snippet(generator.snippet_from_doc(doc), body, marks),
    )


def cut_snippet(snippet: tantivy.Snippet, body: str, marks: tuple[str, str]) -> str:
    """The fragment with each highlighted word wrapped in ``marks``; else the body's start.

    tantivy marks the words (``<b>``, HTML-escaped text: a literal ``<b>`` in a
    release reads ``&lt;b&gt;`` and is restored by the unescape); the cut is
    extended over what follows the last word up to a space (a full stop).
    """
    fragment = snippet.fragment()
    if not fragment:
        return lead(body)
    marked = snippet.to_html().replace("<b>", marks[0]).replace("</b>", marks[1])
    return html.unescape(marked) + trailing_word(body, fragment)


def trailing_word(body: str, fragment: str) -> str:
    """What the fragment cut off after its last token (a full stop, a closing quote)."""
    at = body.find(fragment)
    rest = body[at + len(fragment) : at + len(fragment) + 40] if at >= 0 else ""
    return rest.split(maxsplit=1)[0] if rest and not rest[0].isspace() else ""


def lead(body: str, size: int = SNIPPET_CHARS) -> str:
    """The first ``size`` characters of a body, cut at a word boundary."""
    text = " ".join(body.split())
    if len(text) <= size:
        return text
    return text[:size].rsplit(" ", 1)[0]
