"""The command line: parse options, call the Desk, print. No SQL, no rules, no JSON shapes."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from pressdesk import __version__
from pressdesk.desk import Desk, Settings
from pressdesk.errors import PressdeskError
from pressdesk.facts import EVENT_TYPES
from pressdesk.models import Entity, Rejection
from pressdesk.readers import FORMATS
from pressdesk.store import EntityFilter, EventFilter, ReleaseFilter, SeriesFilter, StoryFilter


class Edge:
    """What the group options resolve to; the Desk opens on first use (``extract`` needs none)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._desk: Desk | None = None

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            self._desk = Desk.from_settings(self.settings)
        return self._desk

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()


class _Notes(logging.Handler):
    """The library's warnings ("waiting for another process ...") as notes on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"note: {record.getMessage()}", err=True)


def _show_notes() -> None:
    logger = logging.getLogger("pressdesk")
    if not any(isinstance(h, _Notes) for h in logger.handlers):
        logger.addHandler(_Notes(logging.WARNING))
        logger.propagate = False


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
@click.option(
    "--models", envvar="PRESSDESK_MODELS", type=click.Path(file_okay=False),
    help="Where embedding models made on first use are kept (env PRESSDESK_MODELS); "
         "default: beside the store, DB.models. Share one folder between stores to make "
         "them once.",
)
@click.version_option(__version__, prog_name="pressdesk")
@click.pass_context
def cli(ctx: click.Context, db: str, models: str | None) -> None:
    """pressdesk: government press releases as a searchable knowledge base."""
    _show_notes()
    ctx.obj = Edge(Settings(db=db, models=models))
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
    edge: Edge, paths: tuple[str, ...], fmt: str | None, source: str | None,
    strict: bool, no_extract: bool, quiet: bool,
) -> None:
    """Read releases from files, folders, .gz files or - (standard input) into the store.

    Formats are detected from the content: motir (the ministry dump), jsonl,
    json, csv, rss, atom, html, parquet. Bad records are reported as
    PATH:LINE: reason on standard error; the exit status is 1 when anything
    was rejected.
    """
    from pressdesk.ingest import IngestOptions

    options = IngestOptions(format=fmt, source=source, strict=strict, extract=not no_extract)
    os.nice(10)  # a long ingest yields the CPU to searches running beside it
    with _progress(quiet) as bar:
        report = edge.desk.ingest(paths, options, progress=bar, on_reject=_reject_to_stderr)
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
    edge: Edge, since: str | None, until: str | None, category: str | None,
    source: str | None, limit: int | None, as_json: bool,
) -> None:
    """List stored releases, newest first."""
    from pressdesk.shapes import release_summary

    rows = edge.desk.releases(ReleaseFilter(since, until, category, source, limit))
    if as_json:
        _print_json([release_summary(s) for s in rows])
        return
    for s in rows:
        r = s.release
        click.echo(f"{r.id}  {r.date}  {r.category[:24]:<24}  {r.title}")


@cli.command("show")
@click.argument("release_id")
@click.option("--revisions", is_flag=True, help="Show every stored text of the release.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def show_command(edge: Edge, release_id: str, revisions: bool, as_json: bool) -> None:
    """Show one release (an unambiguous id prefix is enough) and what was extracted."""
    view = edge.desk.release(release_id, revisions=revisions)
    if as_json:
        from pressdesk.shapes import release_detail

        _print_json(release_detail(view))
        return
    from pressdesk.render import format_release

    click.echo(format_release(view))


@cli.command("search", context_settings={"ignore_unknown_options": True})
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
    edge: Edge, query: str, mode: str, facets: bool, limit: int, sort: str, as_json: bool
) -> None:
    """Search releases; see the README and docs/search.md for the query language."""
    from pressdesk.search import SearchOptions

    options = SearchOptions(mode=mode, limit=limit, facets=facets, sort=sort)
    result = edge.desk.search(query, options)
    if result.unembedded:
        click.echo(f"note: {result.unembedded:,} releases have no vector yet; run `pressdesk embed`",
                   err=True)
    if as_json:
        from pressdesk.shapes import search_record

        _print_json(search_record(result, facets))
        return
    from pressdesk.render import format_search

    click.echo(format_search(result))


@cli.command("similar")
@click.argument("release_id")
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of {id, title, date, score, snippet}.")
@click.pass_obj
def similar_command(edge: Edge, release_id: str, limit: int, as_json: bool) -> None:
    """Releases most like a given one (an unambiguous id prefix is enough), by meaning."""
    hits = edge.desk.similar(release_id, limit)
    if as_json:
        from pressdesk.shapes import hit_record

        _print_json([hit_record(h) for h in hits])
        return
    for rank, h in enumerate(hits, start=1):
        click.echo(f"{rank}. {h.title} ({h.date})  [{h.id}]  similarity {h.score:.3f}")


@cli.command("embed")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_obj
def embed_command(edge: Edge, quiet: bool) -> None:
    """Compute the vectors semantic search needs, once per release text.

    Runs the embedding model (all-MiniLM-L6-v2, int8, on ONNX Runtime) on every
    core, about 40 releases a second per core. Already embedded texts are skipped.
    """
    with _progress(quiet, "releases embedded") as bar:
        count = edge.desk.embed(progress=bar)
    click.echo(f"{count:,} releases embedded")


@cli.group("entities", invoke_without_command=True)
@click.option("--kind", type=click.Choice(["org", "person", "place"]), help="Only this kind.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def entities_command(ctx: click.Context, kind: str | None, limit: int, as_json: bool) -> None:
    """Organisations, people and places across all releases, most mentioned first.

    One entity has one id in the whole store, whichever of its names
    (acronyms, spelling variants) a release uses; `--json` gives each name with
    the evidence that joined it. `entities merge`, `split` and `rename` correct
    the directory for good: the decisions are kept and applied again after
    every re-extraction.
    """
    if ctx.invoked_subcommand is None:
        _list_entities(ctx.obj, kind, limit, as_json)


@entities_command.command("merge")
@click.argument("into")
@click.argument("other")
@click.pass_obj
def entities_merge_command(edge: Edge, into: str, other: str) -> None:
    """Make OTHER (a name or #id) part of INTO, for good."""
    _echo_entity(edge.desk.merge_entities(into, other))


@entities_command.command("split")
@click.argument("entity")
@click.argument("names", nargs=-1, required=True)
@click.pass_obj
def entities_split_command(edge: Edge, entity: str, names: tuple[str, ...]) -> None:
    """Take NAMES out of ENTITY (a name or #id) into one entity of their own, for good."""
    _echo_entity(edge.desk.split_entity(entity, names))


@entities_command.command("rename")
@click.argument("entity")
@click.argument("name")
@click.pass_obj
def entities_rename_command(edge: Edge, entity: str, name: str) -> None:
    """Call ENTITY (a name or #id) NAME, whatever releases write, for good."""
    _echo_entity(edge.desk.rename_entity(entity, name))


def _echo_entity(e: Entity) -> None:
    others = [n for n in e.names if n != e.name]
    aka = f"  ({', '.join(others)})" if others else ""
    click.echo(f"#{e.id:<6} {e.kind:<6} {e.releases:>5}  {e.name}{aka}")


def _list_entities(edge: Edge, kind: str | None, limit: int, as_json: bool) -> None:
    found = edge.desk.entities(EntityFilter(kind=kind, limit=limit))
    if as_json:
        from pressdesk.shapes import entity_record

        _print_json([entity_record(e) for e in found])
        return
    for e in found:
        _echo_entity(e)


@cli.command("entity")
@click.argument("name_or_id")
@click.option("--limit", type=int, default=20, show_default=True, help="Releases listed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def entity_command(edge: Edge, name_or_id: str, limit: int, as_json: bool) -> None:
    """One organisation, person or place over time, by any of its names or its id.

    Its names, the releases that name it by month, the roles a person held (first
    and last seen), and the entities most often named with it.
    """
    view = edge.desk.entity_view(name_or_id)
    if as_json:
        from pressdesk.shapes import entity_view_record

        _print_json(entity_view_record(view))
        return
    from pressdesk.render import format_entity

    click.echo(format_entity(view, limit))


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def stats_command(edge: Edge, as_json: bool) -> None:
    """Count what the store holds."""
    stats = edge.desk.stats()
    if as_json:
        from pressdesk.shapes import stats_record

        _print_json(stats_record(stats))
        return
    from pressdesk.render import format_stats

    click.echo(format_stats(stats))


@cli.command("check")
@click.option("--repair", is_flag=True,
              help="Rebuild the search index (and vector graph) from the store if it is damaged "
                   "or out of step. Run it when nothing else is writing.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def check_command(edge: Edge, repair: bool, as_json: bool) -> None:
    """Check that the store is whole and that its search index is whole and in step.

    Exit status 1 if anything is (still) wrong; each problem is printed with the
    command that mends it.
    """
    report = edge.desk.repair() if repair else edge.desk.check()
    if as_json:
        from pressdesk.shapes import check_record

        _print_json(check_record(report))
    else:
        from pressdesk.render import format_check

        click.echo(format_check(report))
    if not report.ok:
        sys.exit(1)


@cli.command("reextract")
@click.option("--all", "everything", is_flag=True, help="Every release, not only stale ones.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_obj
def reextract_command(edge: Edge, everything: bool, quiet: bool) -> None:
    """Find the facts of stored releases again, with this version's extractors.

    Releases whose facts an older pressdesk found, or that were stored with
    --no-extract; --all takes every release. The index follows.
    """
    os.nice(10)
    with _progress(quiet, "releases extracted") as bar:
        count = edge.desk.reextract(everything=everything, progress=bar)
    click.echo(f"{count:,} releases extracted again")


@cli.command("brief")
@click.option("--since", required=True, help="The first day of the period (YYYY-MM-DD).")
@click.option("--until", required=True, help="The last day of the period (YYYY-MM-DD).")
@click.option("--query", help="Only releases this query matches.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (a PDF needs a file); default: standard output.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="The stories told, heaviest first (the brief says how many there were).")
@click.pass_obj
def brief_command(edge: Edge, since: str, until: str, query: str | None, fmt: str,
                  output: str | None, limit: int) -> None:
    """A briefing on a period: the stories ranked, each summarised with links to its
    releases; the key figures; who met whom; the dates coming up."""
    from pressdesk.brief import render_html, render_markdown, render_pdf

    brief = edge.desk.brief(since, until, query, limit=limit)
    if fmt == "pdf":
        if output is None:
            raise click.UsageError("a PDF brief needs -o FILE")
        data = render_pdf(brief)
    else:
        data = (render_markdown(brief) if fmt == "md" else render_html(brief)).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        return
    edge.desk.write_file(output, data)
    click.echo(f"brief of {len(brief.stories)} stories (of {brief.total_stories:,}) written to"
               f" {output}", err=True)


@cli.group("watch")
def watch_group() -> None:
    """Saved queries: what is new for each, delivered once (text, JSON, Atom, webhook)."""


@watch_group.command("add")
@click.argument("name")
@click.argument("query")
@click.option("--webhook", help="POST each run's new matches to this URL as JSON.")
@click.pass_obj
def watch_add(edge: Edge, name: str, query: str, webhook: str | None) -> None:
    """Watch QUERY (the search query language) under NAME, from now on."""
    edge.desk.add_watch(name, query, webhook=webhook)
    click.echo(f"watching {query!r} as {name}")


@watch_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def watch_list(edge: Edge, as_json: bool) -> None:
    """The saved watches."""
    found = edge.desk.watches()
    if as_json:
        from pressdesk.shapes import watch_record

        _print_json([watch_record(w) for w in found])
        return
    for w in found:
        hook = f"  -> {w.webhook}" if w.webhook else ""
        click.echo(f"{w.name:<20} {w.query}  (since {w.created[:19]}){hook}")


@watch_group.command("remove")
@click.argument("name")
@click.pass_obj
def watch_remove(edge: Edge, name: str) -> None:
    """Forget a watch and what it delivered."""
    edge.desk.remove_watch(name)
    click.echo(f"removed watch {name}")


@watch_group.command("run")
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--atom", type=click.Path(dir_okay=False),
              help="Also write the watch's Atom feed (its latest deliveries) to FILE.")
@click.pass_obj
def watch_run(edge: Edge, name: str | None, as_json: bool, atom: str | None) -> None:
    """Deliver what is new for one watch, or for all: each release once, even when runs
    overlap or one is killed. Exit status 1 if a webhook did not take its items (they
    wait for the next run)."""
    from pressdesk.shapes import watch_run_record

    names = [name] if name else [w.name for w in edge.desk.watches()]
    if atom and len(names) != 1:
        raise click.UsageError("--atom needs one watch: give its NAME")
    runs = [edge.desk.run_watch(n) for n in names]
    if atom:
        edge.desk.write_file(atom, edge.desk.watch_feed(names[0]))
    if as_json:
        _print_json([watch_run_record(r) for r in runs])
    else:
        for r in runs:
            click.echo(f"{r.watch.name}: {len(r.items)} new")
            for i in r.items:
                click.echo(f"  {i.date}  {i.title}  [{i.release_id}]")
    failed = [r for r in runs if r.webhook_failed]
    for r in failed:
        click.echo(f"{r.watch.name}: webhook failed: {r.webhook_failed}", err=True)
    if failed:
        sys.exit(1)


@cli.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@click.pass_obj
def backup_command(edge: Edge, path: str) -> None:
    """Write a consistent copy of the whole store to PATH, while ingests go on.

    Revisions, facts, entities and vectors are included; the search index is not
    (it is rebuilt from the store). The copy appears whole or not at all.
    """
    edge.desk.backup(path)
    click.echo(f"backed up {edge.desk.stats().releases:,} releases to {path}", err=True)


@cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the store.")
@click.pass_obj
def restore_command(edge: Edge, path: str, yes: bool) -> None:
    """Replace the whole store with the backup at PATH (checked first).

    Everything stored since the backup is lost; the search index is rebuilt on the
    next command. Run it when nothing else is using the store.
    """
    if not yes:
        click.confirm(f"Replace everything in {edge.settings.db} with {path}?", abort=True)
    edge.desk.restore(path)
    click.echo(f"restored {edge.desk.stats().releases:,} releases from {path}", err=True)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--facts", is_flag=True,
              help="Add what extraction found: a facts object (jsonl), or people, orgs, places "
                   "and sectors columns (csv, parquet).")
@click.option("--what", type=click.Choice(["releases", "figures", "events"]), default="releases",
              show_default=True, help="Releases, or every figure or event as a tidy table.")
@click.option("--revisions", is_flag=True,
              help="Each release's earlier texts too, oldest first: ingested into an empty "
                   "store, they give back every revision.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.pass_obj
def export_command(
    edge: Edge, fmt: str, facts: bool, what: str, revisions: bool, output: str | None
) -> None:
    """Write every stored release; `ingest` reads the result back without loss.

    With --what figures or --what events: every statistic or trade-policy action
    found, one tidy row each, with the release it comes from.
    """
    if revisions and what != "releases":
        raise click.UsageError("--revisions exports releases only")
    if output is None:
        edge.desk.export(sys.stdout.buffer, fmt, facts=facts, what=what, revisions=revisions)
        return
    count = edge.desk.export_file(output, fmt, facts=facts, what=what, revisions=revisions)
    noun = "records" if revisions else what
    click.echo(f"{count:,} {noun} written to {output}", err=True)


@cli.command("figures")
@click.argument("indicator", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one series as CSV.")
@click.option("--chart", type=click.Path(dir_okay=False),
              help="Draw the series into FILE.png or FILE.svg.")
@click.option("--limit", type=int, default=50, show_default=True, help="Indicators listed.")
@click.pass_obj
def figures_command(
    edge: Edge, indicator: str | None, as_json: bool, as_csv: bool, chart: str | None, limit: int
) -> None:
    """List the indicators figures were found for, or one as a series (any of its names).

    A series shows each period's value, unit and change with the release it comes
    from; where releases give different values for one period, both are shown
    and marked revised.
    """
    from pressdesk import render, shapes

    if indicator is None:
        found = edge.desk.series(SeriesFilter(limit=limit))
        if as_json:
            _print_json([shapes.series_record(s) for s in found])
        else:
            click.echo(render.format_series_list(found))
        return
    view = edge.desk.figures(indicator)
    if chart:
        edge.desk.chart_file(view, chart)
        click.echo(f"chart of {view.series.name} written to {chart}", err=True)
    if as_json:
        _print_json(shapes.series_view_record(view))
    elif as_csv:
        from pressdesk.export import write_csv_records

        records = [shapes.figure_record(p.figure, p.revised) for p in view.points]
        write_csv_records(records, (*shapes.FIGURE_COLUMNS, "revised"), sys.stdout.buffer)
    elif not chart:
        click.echo(render.format_series(view))


@cli.command("events")
@click.option("--type", "kind", type=click.Choice(EVENT_TYPES), help="Only this type.")
@click.option("--place", help="Only those naming this jurisdiction (ISO code, EU, ASEAN).")
@click.option("--since", help="Only those on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Only those on or before this day.")
@click.option("--all", "everything", is_flag=True,
              help="Also background, scheduled and intended actions.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def events_command(
    edge: Edge, kind: str | None, place: str | None, since: str | None, until: str | None,
    everything: bool, limit: int, as_json: bool,
) -> None:
    """Trade- and industrial-policy actions the releases report, newest first."""
    from pressdesk import render, shapes

    where = EventFilter(kind, place.upper() if place else None, since, until, everything, limit)
    found = edge.desk.events(where)
    if as_json:
        _print_json([shapes.event_record(e) for e in found])
    else:
        click.echo(render.format_events(found))


@cli.command("stories")
@click.option("--since", help="Only stories with a release on or after this day (YYYY-MM-DD).")
@click.option("--until", help="Only stories with a release on or before this day.")
@click.option("--query", "-q", "query", help="Only stories holding a release that matches this query.")
@click.option("--all", "everything", is_flag=True, help="Also stories of a single release.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of stories.")
@click.pass_obj
def stories_command(
    edge: Edge, since: str | None, until: str | None, query: str | None, everything: bool,
    limit: int, as_json: bool,
) -> None:
    """Stories: releases that report one real-world event, newest first.

    Releases are grouped as they are ingested; a story of one release is listed
    only with --all (or when --query finds it).
    """
    from pressdesk import render, shapes

    where = StoryFilter(since, until, min_size=1 if everything or query else 2, limit=limit)
    found = edge.desk.stories(where, query)
    if as_json:
        _print_json([shapes.story_record(st) for st in found])
    else:
        click.echo(render.format_stories(found))


@cli.command("story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def story_command(edge: Edge, story_id: str, as_json: bool) -> None:
    """One story (an unambiguous id prefix is enough; a merged story's id names the one it
    merged into): its releases, and why each belongs."""
    from pressdesk import render, shapes

    view = edge.desk.story(story_id)
    if as_json:
        _print_json(shapes.story_detail(view))
    else:
        click.echo(render.format_story(view))


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per release.")
@click.option("--input-format", type=click.Choice(FORMATS), help="Skip detection: read as this.")
@click.option("--source", help="Name the source of every release read.")
def extract_command(
    paths: tuple[str, ...], fmt: str, input_format: str | None, source: str | None
) -> None:
    """Print who, what, how much and when for every release read (nothing is stored).

    Each release's story is grouped within the input, so every record is read
    before the first is printed.
    """
    from pressdesk.extract import predict_paths

    rejected = 0
    for item in predict_paths(paths, format=input_format, source=source):
        if isinstance(item, Rejection):
            _reject_to_stderr(item)
            rejected += 1
        else:
            click.echo(json.dumps(item, ensure_ascii=False))
    if rejected:
        sys.exit(1)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (0.0.0.0: every interface of the machine).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="PRESSDESK_TOKEN",
              help="Allow changes (ingest, watches, sources) to requests that present this token "
                   "(env PRESSDESK_TOKEN). Without it the server only reads.")
@click.option("--ingest-host", "ingest_hosts", multiple=True, envvar="PRESSDESK_INGEST_HOSTS",
              help="A host that ingest by URL and new sources may fetch from; repeat for more "
                   "(env PRESSDESK_INGEST_HOSTS, space-separated).")
@click.pass_obj
def serve_command(edge: Edge, host: str, port: int, token: str | None,
                  ingest_hosts: tuple[str, ...]) -> None:
    """Serve the web UI and the REST API (under /api/, described at /openapi.json) until
    stopped (Ctrl-C)."""
    import uvicorn

    from pressdesk.web import WebSettings, create_app

    settings = WebSettings(token=token or None, ingest_hosts=ingest_hosts)
    app = create_app(edge.desk, settings)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"pressdesk: serving {edge.settings.db} at http://{shown}:{port}/ "
               f"({'changes need the token' if settings.writable else 'read-only'}; Ctrl-C stops)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                http="httptools", loop="uvloop")


# -- sources and collection ----------------------------------------------------


@cli.group("source")
def source_group() -> None:
    """The sites and feeds `pressdesk collect` follows."""


@source_group.command("add")
@click.argument("name")
@click.argument("url")
@click.option("--kind", type=click.Choice(["rss", "atom", "sitemap", "listing"]),
              help="What URL is (default: found from it; a listing with --profile).")
@click.option("--profile", help="A listing profile: a TOML file, or a shipped one by name "
                                "(motir, ustr, uk-dbt).")
@click.option("--wait", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to one host while discovering.")
@click.pass_obj
def source_add_command(edge: Edge, name: str, url: str, kind: str | None, profile: str | None,
                       wait: float) -> None:
    """Follow a site or feed: a feed (RSS, Atom), a sitemap, a listing of press releases
    described by a profile, or a home page whose feed is found for you."""
    from pressdesk.collect import FetchSettings, SourceRequest

    source = edge.desk.add_source(SourceRequest(name, url, kind, profile), FetchSettings(delay=wait))
    click.echo(f"{source.name}: {source.kind} {source.url}")


@source_group.command("list")
@click.pass_obj
def source_list_command(edge: Edge) -> None:
    """The sources followed, with when each was last collected."""
    for s in edge.desk.sources():
        click.echo(f"{s.name:<16} {s.kind:<8} {s.collected_at or 'never collected':<26} {s.url}")


@source_group.command("show")
@click.argument("name")
@click.pass_obj
def source_show_command(edge: Edge, name: str) -> None:
    """One source: its kind, URL, history and profile."""
    from pressdesk.render import format_source

    click.echo(format_source(edge.desk.source(name)))


@source_group.command("remove")
@click.argument("name")
@click.pass_obj
def source_remove_command(edge: Edge, name: str) -> None:
    """Stop following a source (the releases collected from it stay)."""
    edge.desk.remove_source(name)
    click.echo(f"{name}: removed", err=True)


class _CollectProgress:
    """One line per source on standard error, redrawn as the collection goes."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream, self.drawn = stream, 0.0

    def __call__(self, report: Any) -> None:
        now = time.monotonic()
        if now - self.drawn >= 0.1:
            self.stream.write(f"\r{report.name}: {report.pages} pages, {report.found} found, "
                              f"{report.new} new, {report.changed} changed, {report.failed} failed\x1b[K")
            self.stream.flush()
            self.drawn = now

    def done(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = 0.0


@cli.command("collect")
@click.argument("names", nargs=-1)
@click.option("--every", help="Collect again at this interval (30m, 1h, 1d) until stopped.")
@click.option("--wait", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to one host (a longer Crawl-delay wins).")
@click.option("--timeout", type=float, default=20.0, show_default=True,
              help="Seconds to wait for a server to connect or send more.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Further tries after a timeout, a dropped connection, a 429 or a 5xx "
                   "(waiting 2, 4, 8 ... seconds, or what Retry-After asks).")
@click.option("--recheck", is_flag=True,
              help="Request every stored article seen again (conditionally), to find edits the "
                   "index pages do not show.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@click.pass_obj
def collect_command(edge: Edge, names: tuple[str, ...], every: str | None, wait: float,
                    timeout: float, retries: int, recheck: bool, quiet: bool) -> None:
    """Fetch what is new from the named sources (all when none are named) and store it.

    Honours robots.txt, waits between requests to one host, asks only for what
    changed, retries what may succeed later. Prints what each source found;
    the exit status is 1 only when a source failed entirely.
    """
    import signal
    import threading

    from pressdesk.collect import CollectOptions, FetchSettings, parse_interval
    from pressdesk.collect.schedule import run_every

    try:
        interval = parse_interval(every) if every else None
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--every") from err
    fetch = FetchSettings(delay=wait, timeout=timeout, retries=retries)
    options = CollectOptions(fetch=fetch, recheck=recheck)
    failed: list[bool] = [False]

    def once() -> None:
        failed[0] = _collect_once(edge, names, options, quiet)

    if interval is None:
        once()
    else:
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # systemd stops with SIGTERM
        try:
            run_every(once, interval, threading.Event())
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
    if failed[0]:
        sys.exit(1)


def _collect_once(edge: Edge, names: tuple[str, ...], options: Any, quiet: bool) -> bool:
    """One collection with its report; True when a source failed entirely."""
    bar = None if quiet or not sys.stderr.isatty() else _CollectProgress(sys.stderr)
    try:
        report = edge.desk.collect(names, options, progress=bar)
    finally:
        if bar is not None:
            bar.done()
    for source in report.sources:
        for line in source.errors:
            click.echo(line, err=True)
        click.echo(str(source))
    return bool(report.failed)
