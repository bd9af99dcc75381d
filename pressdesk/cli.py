"""The command line: parse, call one library function, format. No SQL, no rules."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

import click

from pressdesk import __version__
from pressdesk.errors import PressdeskError
from pressdesk.export import WRITERS, release_record
from pressdesk.extract import extract as extract_release
from pressdesk.extract import to_prediction
from pressdesk.ingest import IngestOptions, ingest, open_search_index
from pressdesk.models import Rejection, StoredRelease
from pressdesk.readers import FORMATS, read_path
from pressdesk.store import EntityFilter, ReleaseFilter, Store, open_store

AUTO_EMBED = 500  # semantic search embeds this many missing releases itself; more: `embed`


@dataclass
class Context:
    """What the group option resolves to; the store and index open on first use."""

    db: str
    _store: Store | None = field(default=None, repr=False)
    _index: Any = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db)
        return self._store

    @property
    def index(self) -> Any:
        if self._index is None:
            from pressdesk.search.index import index_path

            self._index = open_search_index(self.store, index_path(self.db))
        return self._index

    def vectors(self, embed_up_to: int = AUTO_EMBED) -> tuple[Any, Any]:
        """The vector set and embedder for semantic search; embeds a few missing releases."""
        from pressdesk.search.embed import DEFAULT_EMBEDDER
        from pressdesk.search.index import index_path
        from pressdesk.search.vectors import missing_hashes, open_vectors

        db = self.store.db  # type: ignore[attr-defined]
        missing = len(missing_hashes(db, DEFAULT_EMBEDDER))
        if 0 < missing <= embed_up_to:
            _embed(self.store, quiet=True)
        elif missing:
            click.echo(f"note: {missing:,} releases have no vector yet; run `pressdesk embed`",
                       err=True)
        return open_vectors(db, index_path(self.db))

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        if self._store is not None:
            self._store.close()


class _Group(click.Group):
    """Turns every deliberate pressdesk error into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PressdeskError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=_Group)
@click.option(
    "--db", envvar="PRESSDESK_DB", default="pressdesk.db", show_default=True,
    help="The store: a SQLite file (env PRESSDESK_DB). Its search index lives beside it.",
)
@click.version_option(__version__, prog_name="pressdesk")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """pressdesk: government press releases as a searchable knowledge base."""
    ctx.obj = Context(db)
    ctx.call_on_close(ctx.obj.close)


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _reject_to_stderr(item: Rejection) -> None:
    click.echo(str(item), err=True)


class _Progress:
    """A count and rate on standard error, redrawn at most ten times a second."""

    def __init__(self, stream: IO[str], label: str = "releases read") -> None:
        self.stream, self.label = stream, label
        self.count, self.start, self.drawn = 0, time.monotonic(), 0.0

    def __call__(self, n: int) -> None:
        self.count += n
        now = time.monotonic()
        if now - self.drawn >= 0.1:
            rate = self.count / max(now - self.start, 1e-9)
            self.stream.write(f"\r{self.count:,} {self.label} ({rate:,.0f}/s)")
            self.stream.flush()
            self.drawn = now

    def done(self) -> None:
        if self.drawn:
            self.stream.write("\n")


@contextmanager
def _progress(quiet: bool, label: str = "releases read") -> Iterator[_Progress | None]:
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar = _Progress(sys.stderr, label)
    yield bar
    bar.done()


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Skip detection: read as this.")
@click.option("--source", help="Name the source of every release read (default: from the input).")
@click.option("--strict", is_flag=True, help="Store nothing if any record is rejected.")
@click.option("--no-extract", is_flag=True, help="Store releases without running extraction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_obj
def ingest_command(
    obj: Context, paths: tuple[str, ...], fmt: str | None, source: str | None,
    strict: bool, no_extract: bool, quiet: bool,
) -> None:
    """Read releases from files, folders, .gz files or - (standard input) into the store.

    Formats are detected from the content: motir (the ministry dump), jsonl,
    json, csv, rss, atom, html. Bad records are reported as PATH:LINE: reason
    on standard error; the exit status is 1 when anything was rejected.
    """
    options = IngestOptions(format=fmt, source=source, strict=strict, extract=not no_extract)
    os.nice(10)  # a long ingest yields the CPU to searches running beside it
    with _progress(quiet) as bar:
        report = ingest(obj.store, paths, options, index=obj.index, progress=bar,
                        on_reject=_reject_to_stderr)
    if strict and report.rejected:
        click.echo(f"nothing stored: {len(report.rejected)} rejected (--strict)", err=True)
    click.echo(str(report))
    if report.rejected:
        sys.exit(1)


@cli.command("list")
@click.option("--since", help="Only releases dated on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Only releases dated on or before this day (YYYY-MM-DD).")
@click.option("--category", help="Only this category.")
@click.option("--source", help="Only this source.")
@click.option("--limit", type=int, help="At most this many, newest first.")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of objects.")
@click.pass_obj
def list_command(
    obj: Context, since: str | None, until: str | None, category: str | None,
    source: str | None, limit: int | None, as_json: bool,
) -> None:
    """List stored releases, newest first."""
    where = ReleaseFilter(since, until, category, source, limit)
    rows = obj.store.releases(where)
    if as_json:
        _print_json([_summary(s) for s in rows])
        return
    for s in rows:
        r = s.release
        click.echo(f"{r.id}  {r.date}  {r.category[:24]:<24}  {r.title}")


def _summary(stored: StoredRelease) -> dict[str, Any]:
    r = stored.release
    return {"id": r.id, "title": r.title, "date": r.date, "category": r.category,
            "source": r.source, "url": r.url, "revision": stored.revision}


@cli.command("show")
@click.argument("release_id")
@click.option("--revisions", is_flag=True, help="Show every stored text of the release.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show_command(obj: Context, release_id: str, revisions: bool, as_json: bool) -> None:
    """Show one release (an unambiguous id prefix is enough) and what was extracted."""
    stored = obj.store.find(release_id)
    facts = obj.store.get_facts(stored.release.id) or {}
    history = obj.store.revisions(stored.release.id) if revisions else []
    linked = obj.store.entities(EntityFilter(release_id=stored.release.id, limit=1000))
    if as_json:
        record = release_record(stored) | {"origin": stored.origin, "facts": facts,
                                           "entities": [vars_of(e) for e in linked]}
        if revisions:
            record["revisions"] = [vars_of(rev) for rev in history]
        _print_json(record)
        return
    from pressdesk.render import format_release

    click.echo(format_release(stored, facts, history, linked))


def vars_of(obj: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(obj)


@cli.command("search")
@click.argument("query")
@click.option("--mode", type=click.Choice(["lexical", "semantic", "hybrid"]), default="lexical",
              show_default=True)
@click.option("--facets", is_flag=True, help="Also count matches by category, source, place, ...")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of {id, title, date, score, snippet}.")
@click.pass_obj
def search_command(
    obj: Context, query: str, mode: str, facets: bool, limit: int, sort: str, as_json: bool
) -> None:
    """Search releases; see the README and docs/search.md for the query language."""
    from pressdesk.search import search

    vectors, embedder = obj.vectors() if mode != "lexical" else (None, None)
    result = search(obj.index, query, mode=mode, limit=limit, facets=facets, sort=sort,
                    vectors=vectors, embedder=embedder)
    if as_json:
        hits = [_hit_record(h) for h in result.hits]
        _print_json({"hits": hits, "total": result.total, "facets": result.facets}
                    if facets else hits)
        return
    click.echo(f"{result.total:,} matching")
    for rank, h in enumerate(result.hits, start=1):
        click.echo(f"\n{rank}. {h.title} ({h.date})  [{h.id}]  score {h.score:.3f}")
        click.echo(f"   {h.snippet}")
    for name, counts in (result.facets or {}).items():
        click.echo(f"\n{name}: " + ", ".join(f"{value} ({n})" for value, n in counts))


@cli.command("similar")
@click.argument("release_id")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of {id, title, date, score, snippet}.")
@click.pass_obj
def similar_command(obj: Context, release_id: str, limit: int, as_json: bool) -> None:
    """Releases most like a given one (an unambiguous id prefix is enough), by meaning."""
    from pressdesk.search import similar

    stored = obj.store.find(release_id)
    vectors, _ = obj.vectors()
    hits = similar(obj.index, stored.release.id, vectors=vectors, limit=limit)
    if as_json:
        _print_json([_hit_record(h) for h in hits])
        return
    for rank, h in enumerate(hits, start=1):
        click.echo(f"{rank}. {h.title} ({h.date})  [{h.id}]  similarity {h.score:.3f}")


@cli.command("embed")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_obj
def embed_command(obj: Context, quiet: bool) -> None:
    """Compute the vectors semantic search needs, once per release text.

    Runs the all-MiniLM-L6-v2 model on every core; about a dozen releases a
    second per core, so a large store takes a while. Already embedded texts
    are skipped.
    """
    count = _embed(obj.store, quiet)
    click.echo(f"{count:,} releases embedded")


def _embed(store: Store, quiet: bool) -> int:
    from pressdesk.search.embed import MiniLMEmbedder
    from pressdesk.search.vectors import embed_missing

    embedder = MiniLMEmbedder(threads=os.cpu_count() or 1)
    with _progress(quiet, "releases embedded") as bar:
        return embed_missing(store.db, embedder, progress=bar)  # type: ignore[attr-defined]


def _hit_record(h: Any) -> dict[str, Any]:
    return {"id": h.id, "title": h.title, "date": h.date, "score": h.score, "snippet": h.snippet}


@cli.command("entities")
@click.option("--kind", type=click.Choice(["org", "person", "place"]), help="Only this kind.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def entities_command(obj: Context, kind: str | None, limit: int, as_json: bool) -> None:
    """Organisations, people and places across all releases, most mentioned first.

    One entity has one id in the whole store, whichever of its names
    (acronyms, spelling variants) a release uses.
    """
    found = obj.store.entities(EntityFilter(kind=kind, limit=limit))
    if as_json:
        _print_json([vars_of(e) for e in found])
        return
    for e in found:
        others = [n for n in e.names if n != e.name]
        aka = f"  ({', '.join(others)})" if others else ""
        click.echo(f"#{e.id:<6} {e.kind:<6} {e.releases:>5}  {e.name}{aka}")


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def stats_command(obj: Context, as_json: bool) -> None:
    """Count what the store holds."""
    stats = obj.store.stats()
    if as_json:
        _print_json(vars_of(stats))
        return
    click.echo(f"releases:  {stats.releases:,}")
    click.echo(f"revisions: {stats.revisions:,} earlier texts kept")
    click.echo(f"dates:     {stats.first_date or '-'} .. {stats.last_date or '-'}")
    click.echo("sources:   " + ", ".join(f"{s or '(none)'} ({n:,})" for s, n in stats.sources))
    click.echo("categories: " + ", ".join(f"{c or '(none)'} ({n:,})" for c, n in stats.categories))


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.pass_obj
def export_command(obj: Context, fmt: str, output: str | None) -> None:
    """Write every stored release; `ingest` reads the result back without loss."""
    releases = obj.store.releases(ReleaseFilter())
    if output is None:
        WRITERS[fmt](releases, sys.stdout.buffer)
        return
    with open(output, "wb") as out:
        count = WRITERS[fmt](releases, out)
    click.echo(f"{count:,} releases written to {output}", err=True)


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per release.")
@click.option("--input-format", type=click.Choice(FORMATS), help="Skip detection: read as this.")
@click.option("--source", help="Name the source of every release read.")
def extract_command(
    paths: tuple[str, ...], fmt: str, input_format: str | None, source: str | None
) -> None:
    """Print who, what, how much and when for every release read (nothing is stored)."""
    rejected = 0
    for path in paths:
        for item in read_path(path, format=input_format, source=source):
            if isinstance(item, Rejection):
                _reject_to_stderr(item)
                rejected += 1
                continue
            record = to_prediction(item, extract_release(item))
            click.echo(json.dumps(record, ensure_ascii=False))
    if rejected:
        sys.exit(1)
