"""The REST API under ``/api/``: each operation parses, calls the Desk once and answers in
the shapes of ``pressdesk.shapes`` (the JSON the CLI prints). ``API`` is the table of
them; ``pressdesk.web.openapi`` describes it at ``/openapi.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import urlsplit

from starlette.responses import JSONResponse, Response, StreamingResponse

from pressdesk.facts import EVENT_TYPES
from pressdesk.models import EventRow
from pressdesk.search import SearchOptions
from pressdesk.shapes import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    entity_record,
    entity_view_record,
    event_record,
    extraction_record,
    figure_record,
    hit_record,
    ingest_record,
    release_detail,
    release_summary,
    search_record,
    series_record,
    series_view_record,
    source_record,
    stats_record,
    story_detail,
    story_record,
    watch_record,
    watch_run_record,
)
from pressdesk.store import EntityFilter, EventFilter, ReleaseFilter, SeriesFilter, StoryFilter
from pressdesk.web.params import BadRequest, Param, decode_cursor, encode_cursor
from pressdesk.web.routes import Call, Operation, json_answer
from pressdesk.web.schemas import array, ref
from pressdesk.web.settings import WebSettings
from pressdesk.web.streams import stream_writer

__all__ = ["api_operations", "brief_bytes", "event_filter", "release_filter", "search_options"]

# -- parameters shared by several operations ------------------------------------------

SINCE = Param("since", "day", "only those dated on or after this day")
UNTIL = Param("until", "day", "only those dated on or before this day")
CATEGORY = Param("category", help="only this category", max_length=200)
SOURCE = Param("source", help="only this source", max_length=200)
CURSOR = Param("cursor", help="the `next` of the page before (opaque)", max_length=200)
MODE = Param("mode", "choice", "lexical (BM25), semantic (by meaning) or hybrid (both, fused)",
             default="lexical", choices=("lexical", "semantic", "hybrid"))
SORT = Param("sort", "choice", "by relevance, or by date (newest or oldest first)",
             default="relevance", choices=("relevance", "date", "date-asc"))
FACETS = Param("facets", "boolean", "count matches by category, source, place, org, person, "
               "sector, event and month", default=False)
EVENT_TYPE = Param("type", "choice", "only this type of action", choices=EVENT_TYPES)
PLACE = Param("place", help="only those naming this jurisdiction (ISO code, EU, ASEAN)",
              max_length=20)
ALL = Param("all", "boolean", "also background, scheduled and intended actions", default=False)
ID = Param("id", help="a release id, or an unambiguous prefix of one", required=True,
           where="path", max_length=64)
STORY_ID = Param("story", help="a story id, an unambiguous prefix, or the id of a story merged "
                 "into it", required=True, where="path", max_length=64)
KIND = Param("kind", "choice", "only this kind of entity", choices=("org", "person", "place"))
FORMAT = Param("format", "choice", "JSON Lines or CSV", default="jsonl", choices=("jsonl", "csv"))
NAME = Param("name", help="the watch's name", required=True, where="path", max_length=200)
SOURCE_NAME = Param("name", help="the source's name", required=True, where="path", max_length=200)
_NAME = re.compile(r"^[\w.@-]{1,64}$")


def limit(settings: WebSettings, default: int | None = None) -> Param:
    return Param("limit", "integer", "how many at most", default=default or settings.page_size,
                 minimum=1, maximum=settings.max_page)


def query(settings: WebSettings, required: bool = True) -> Param:
    return Param("q", help="a query of the query language (docs/search.md)", required=required,
                 max_length=settings.max_query)


# -- what the handlers share with the pages --------------------------------------------


def release_filter(args: dict[str, Any]) -> ReleaseFilter:
    return ReleaseFilter(args["since"], args["until"], args["category"], args["source"])


def search_options(args: dict[str, Any], marks: tuple[str, str] = ("[", "]")) -> SearchOptions:
    return SearchOptions(mode=args["mode"], limit=args["limit"], facets=args["facets"],
                         sort=args["sort"], marks=marks)


def event_filter(args: dict[str, Any]) -> EventFilter:
    place = args["place"].upper() if args["place"] else None
    return EventFilter(args["type"], place, args["since"], args["until"], args["all"],
                       args["limit"])


BRIEF_LIMIT = Param("limit", "integer", "the stories told, heaviest first", default=20, minimum=1,
                    maximum=200)


def brief_bytes(call: Call) -> tuple[bytes, str]:
    """The brief the arguments ask for, rendered, with its media type."""
    from pressdesk.brief import render_html, render_markdown, render_pdf

    a = call.args
    brief = call.desk.brief(a["since"], a["until"], a["query"], limit=a["limit"])
    if a["format"] == "pdf":
        return render_pdf(brief), "application/pdf"
    if a["format"] == "html":
        return render_html(brief).encode("utf-8"), "text/html; charset=utf-8"
    return render_markdown(brief).encode("utf-8"), "text/markdown; charset=utf-8"


# -- handlers ------------------------------------------------------------------------


def list_releases(call: Call) -> Response:
    a = call.args
    after = decode_cursor(a["cursor"]) if a["cursor"] else None
    page = call.desk.release_page(release_filter(a), after, a["limit"])
    return JSONResponse({"releases": [release_summary(s) for s in page.releases],
                         "next": encode_cursor(page.next) if page.next else None})


def get_release(call: Call) -> Response:
    return JSONResponse(release_detail(call.desk.release(call.args["id"], revisions=True)))


def similar_releases(call: Call) -> Response:
    hits = call.desk.similar(call.args["id"], call.args["limit"])
    return JSONResponse([hit_record(h) for h in hits])


def search(call: Call) -> Response:
    result = call.desk.search(call.args["q"], search_options(call.args))
    return JSONResponse(search_record(result, facets=True))


def story_filter(args: dict[str, Any]) -> StoryFilter:
    return StoryFilter(since=args["since"], until=args["until"], min_size=args.get("min_size") or 1,
                       limit=args["limit"])


def list_stories(call: Call) -> Response:
    found = call.desk.stories(story_filter(call.args), query=call.args["q"] or None)
    return JSONResponse([story_record(st) for st in found])


def get_story(call: Call) -> Response:
    return JSONResponse(story_detail(call.desk.story(call.args["story"])))


def list_entities(call: Call) -> Response:
    found = call.desk.entities(EntityFilter(kind=call.args["kind"], limit=call.args["limit"]))
    return JSONResponse([entity_record(e) for e in found])


def get_entity(call: Call) -> Response:
    view = call.desk.entity_view(call.args["entity"], limit=call.args["limit"])
    return JSONResponse(entity_view_record(view))


def list_series(call: Call) -> Response:
    found = call.desk.series(SeriesFilter(limit=call.args["limit"]))
    return JSONResponse([series_record(s) for s in found])


def get_series(call: Call) -> Response:
    return JSONResponse(series_view_record(call.desk.figures(call.args["indicator"])))


def get_chart(call: Call) -> Response:
    from pressdesk.charts import chart_bytes

    kind = call.args["format"]
    data = chart_bytes(call.desk.figures(call.args["indicator"]), kind)
    media = "image/svg+xml" if kind == "svg" else "image/png"
    # matplotlib's SVG carries a <style> of its own; as an image it can run no script.
    return Response(data, media_type=media, headers={
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "Cache-Control": "no-cache"})


def list_events(call: Call) -> Response:
    return JSONResponse([event_record(e) for e in call.desk.events(event_filter(call.args))])


def get_brief(call: Call) -> Response:
    data, media = brief_bytes(call)
    name = f"brief-{call.args['since']}-{call.args['until']}.{call.args['format']}"
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def get_stats(call: Call) -> Response:
    return JSONResponse(stats_record(call.desk.stats()))


def list_watches(call: Call) -> Response:
    return JSONResponse([watch_record(w) for w in call.desk.watches()])


def add_watch(call: Call) -> Response:
    body = json_body(call, {"name": str, "query": str}, {"webhook": str})
    name, webhook = valid_name(body["name"]), body.get("webhook")
    if webhook is not None and urlsplit(webhook).scheme not in ("http", "https"):
        raise BadRequest("webhook must be an http or https URL")
    watch = call.desk.add_watch(name, bounded_query(call.settings, body["query"]), webhook=webhook)
    return JSONResponse(watch_record(watch), status_code=201)


def remove_watch(call: Call) -> Response:
    call.desk.remove_watch(call.args["name"])
    return Response(status_code=204)


def run_watch(call: Call) -> Response:
    return JSONResponse(watch_run_record(call.desk.run_watch(call.args["name"])))


def watch_feed(call: Call) -> Response:
    return Response(call.desk.watch_feed(call.args["name"]), media_type="application/atom+xml")


def list_sources(call: Call) -> Response:
    return JSONResponse([source_record(s) for s in call.desk.sources()])


def add_source(call: Call) -> Response:
    from pressdesk.collect import SourceRequest

    body = json_body(call, {"name": str, "url": str}, {"kind": str, "profile": str})
    allowed_host(call.settings, body["url"])
    request = SourceRequest(valid_name(body["name"]), body["url"], body.get("kind"),
                            body.get("profile"))
    return JSONResponse(source_record(call.desk.add_source(request)), status_code=201)


def remove_source(call: Call) -> Response:
    call.desk.remove_source(call.args["name"])
    return Response(status_code=204)


def ingest_upload(call: Call) -> Response:
    from pressdesk.ingest import IngestOptions

    a = call.args
    options = IngestOptions(format=a["format"], source=a["source"])
    report = call.desk.ingest_document(f"upload:{a['name']}", call.body, options)
    return JSONResponse(ingest_record(report))


def ingest_url(call: Call) -> Response:
    from pressdesk.ingest import IngestOptions

    body = json_body(call, {"url": str}, {"format": str, "source": str})
    allowed_host(call.settings, body["url"])
    options = IngestOptions(format=body.get("format"), source=body.get("source"))
    return JSONResponse(ingest_record(call.desk.ingest_url(body["url"], options)))


def extract_upload(call: Call) -> Response:
    """What extraction finds in a document of any ingest format; nothing is stored."""
    from pressdesk.extract import predict_document

    a = call.args
    found = predict_document(f"upload:{a['name']}", call.body, format=a["format"], source=a["source"])
    return JSONResponse(extraction_record(found))


def export(call: Call) -> Response:
    """Any result set as JSON Lines or CSV, written as it is read."""
    a = call.args
    fmt, what = a["format"], a["what"]
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
    write = EXPORTS[what](call)
    return StreamingResponse(stream_writer(write), media_type=media, headers={
        "Content-Disposition": f'attachment; filename="pressdesk-{what}.{fmt}"'})


def _export_releases(call: Call) -> Callable[[IO[bytes]], object]:
    a = call.args
    return lambda out: call.desk.export(out, a["format"], release_filter(a), facts=a["facts"],
                                        revisions=a["revisions"])


def _export_search(call: Call) -> Callable[[IO[bytes]], object]:
    from pressdesk.export import write_table

    if not call.args["q"]:
        raise BadRequest("q is required to export a search")
    result = call.desk.search(call.args["q"], search_options(call.args))
    records = [hit_record(h) for h in result.hits]
    return lambda out: write_table(records, ("id", "title", "date", "score", "snippet"), out,
                                   call.args["format"])


def _export_figures(call: Call) -> Callable[[IO[bytes]], object]:
    from pressdesk.export import write_table

    indicator, fmt = call.args["indicator"], call.args["format"]
    if not indicator:
        return lambda out: call.desk.export(out, fmt, what="figures")
    view = call.desk.figures(indicator)
    records = [figure_record(p.figure, p.revised) for p in view.points]
    return lambda out: write_table(records, (*FIGURE_COLUMNS, "revised"), out, fmt)


def _export_events(call: Call) -> Callable[[IO[bytes]], object]:
    from pressdesk.export import write_table

    found: list[EventRow] = call.desk.events(event_filter(call.args | {"limit": None}))
    return lambda out: write_table((event_record(e) for e in found), EVENT_COLUMNS, out,
                                   call.args["format"])


def _export_entities(call: Call) -> Callable[[IO[bytes]], object]:
    from pressdesk.export import write_table

    found = call.desk.entities(EntityFilter(kind=call.args["kind"], limit=10**9))
    return lambda out: write_table((entity_record(e) for e in found),
                                   ("id", "kind", "name", "names", "releases"), out,
                                   call.args["format"])


EXPORTS: dict[str, Callable[[Call], Callable[[IO[bytes]], object]]] = {
    "releases": _export_releases,
    "search": _export_search,
    "figures": _export_figures,
    "events": _export_events,
    "entities": _export_entities,
}


# -- bodies and checks -------------------------------------------------------------------


def json_body(call: Call, required: dict[str, type], optional: dict[str, type]) -> dict[str, Any]:
    """The request's JSON object, with these fields of these types."""
    try:
        body = json.loads(call.body or b"null")
    except (ValueError, UnicodeDecodeError) as err:
        raise BadRequest(f"the body is not JSON: {err}") from err
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    for name, kind in (required | optional).items():
        if name in required and name not in body:
            raise BadRequest(f"the body needs a {name!r} field")
        if name in body and not (isinstance(body[name], kind) or (name in optional and body[name] is None)):
            raise BadRequest(f"{name!r} must be a {kind.__name__}")
    return {k: v for k, v in body.items() if k in required or k in optional}


def bounded_query(settings: WebSettings, text: str) -> str:
    """A query given in a body or a form, held to the bound of a search's ``q``."""
    parsed: str = Param("query", max_length=settings.max_query).parse(text)
    return parsed


def valid_name(name: str) -> str:
    if not _NAME.match(name):
        raise BadRequest(f"a name is 1 to 64 letters, digits, '.', '_', '-' or '@', not {name[:70]!r}")
    return name


def allowed_host(settings: WebSettings, url: str) -> None:
    """Only URLs of the hosts the server was started with may be fetched on request."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadRequest(f"{url[:200]!r} is not an http or https URL")
    if parts.hostname.lower() not in {h.lower() for h in settings.ingest_hosts}:
        allowed = ", ".join(settings.ingest_hosts) or "none: start the server with --ingest-host"
        raise BadRequest(f"{parts.hostname} is not a host this server fetches from "
                         f"(allowed: {allowed})", 403)


# -- the table ---------------------------------------------------------------------------

JSON_BODY = "application/json"


def body_schema(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"required": True, "content": {JSON_BODY: {"schema": schema}}}


def file_answer(*media: str, what: str = "A file") -> dict[str, Any]:
    content = {m: {"schema": {"type": "string"}} for m in media}
    return {"200": {"description": what, "content": content}}


NO_CONTENT = {"204": {"description": "Done"}}
CREATED = "201"


def api_operations(settings: WebSettings) -> list[Operation]:
    """Every API operation, in the order the OpenAPI document lists them."""
    s, page = settings, limit(settings)
    string = {"type": "string"}
    document_params = (Param("name", help="the file's name, for rejections and origins",
                             default="upload", max_length=200),
                       Param("format", "choice", "skip detection: read as this",
                             choices=_formats()), SOURCE)
    document = {"required": True, "content": {"application/octet-stream": {"schema": string}}}
    return [
        Operation("GET", "/api/releases", list_releases,
                  "Stored releases, newest first, a page at a time (follow `next`)",
                  (SINCE, UNTIL, CATEGORY, SOURCE, page, CURSOR), json_answer("ReleasePage")),
        Operation("GET", "/api/releases/{id}", get_release,
                  "One release with its facts, entities, revisions and story",
                  (ID,), json_answer("Release")),
        Operation("GET", "/api/releases/{id}/similar", similar_releases,
                  "The releases most like one, by meaning", (ID, limit(s, 10)),
                  json_answer(array(ref("Hit")))),
        Operation("GET", "/api/search", search,
                  "Search with the query language, in any mode, with snippets and facets",
                  (query(s), MODE, SORT, FACETS, page), json_answer("SearchResult")),
        Operation("GET", "/api/stories", list_stories,
                  "Stories (releases that report one event), newest first",
                  (SINCE, UNTIL, query(s, required=False),
                   Param("min_size", "integer", "only stories of at least this many releases",
                         default=1, minimum=1, maximum=10**6), limit(s, 50)),
                  json_answer(array(ref("Story")))),
        Operation("GET", "/api/stories/{story}", get_story,
                  "One story with its releases, each with why it belongs",
                  (STORY_ID,), json_answer("StoryView")),
        Operation("GET", "/api/entities", list_entities,
                  "Organisations, people and places, most mentioned first", (KIND, limit(s, 50)),
                  json_answer(array(ref("Entity")))),
        Operation("GET", "/api/entities/{entity:path}", get_entity,
                  "One entity over time, by its id or any of its names",
                  (Param("entity", help="an entity id or any of its names", required=True,
                         where="path", max_length=300), limit(s, 100)),
                  json_answer("EntityView")),
        Operation("GET", "/api/figures", list_series,
                  "The indicators figures were found for", (limit(s, 50),),
                  json_answer(array(ref("Series")))),
        Operation("GET", "/api/figures/{indicator:path}", get_series,
                  "One indicator's figures, period by period, revisions marked",
                  (Param("indicator", help="any of the indicator's names", required=True,
                         where="path", max_length=300),), json_answer("SeriesView")),
        Operation("GET", "/api/charts/{indicator:path}", get_chart, "One indicator's chart",
                  (Param("indicator", help="any of the indicator's names", required=True,
                         where="path", max_length=300),
                   Param("format", "choice", "SVG or PNG", default="svg", choices=("svg", "png"))),
                  file_answer("image/svg+xml", "image/png", what="The chart")),
        Operation("GET", "/api/events", list_events,
                  "Trade- and industrial-policy actions, newest first",
                  (EVENT_TYPE, PLACE, SINCE, UNTIL, ALL, limit(s, 50)),
                  json_answer(array(ref("Event")))),
        Operation("GET", "/api/brief", get_brief, "A briefing on a period, rendered",
                  (SINCE.needed(), UNTIL.needed(),
                   Param("query", help="only releases this query matches", max_length=s.max_query),
                   Param("format", "choice", "Markdown, HTML or PDF", default="md",
                         choices=("md", "html", "pdf")),
                   BRIEF_LIMIT),
                  file_answer("text/markdown", "text/html", "application/pdf", what="The brief")),
        Operation("GET", "/api/stats", get_stats, "Counts of what the store holds", (),
                  json_answer("Stats")),
        Operation("GET", "/api/export", export,
                  "Any result set as JSON Lines or CSV, streamed",
                  (Param("what", "choice", "which result set", default="releases",
                         choices=tuple(EXPORTS)), FORMAT,
                   SINCE, UNTIL, CATEGORY, SOURCE,
                   Param("facts", "boolean", "releases: add what extraction found", default=False),
                   Param("revisions", "boolean", "releases: each one's earlier texts first, oldest "
                         "first", default=False),
                   query(s, required=False), MODE, SORT, FACETS, limit(s),
                   Param("indicator", help="figures: one indicator's series", max_length=300),
                   EVENT_TYPE, PLACE, ALL, KIND),
                  file_answer("application/x-ndjson", "text/csv", what="The rows")),
        Operation("GET", "/api/watches", list_watches, "The saved watches", (),
                  json_answer(array(ref("Watch")))),
        Operation("POST", "/api/watches", add_watch, "Save a watch (needs the token)", (),
                  {CREATED: json_answer("Watch")["200"]},
                  body_schema({"name": string, "query": string, "webhook": string},
                              ["name", "query"]), writes=True),
        Operation("DELETE", "/api/watches/{name}", remove_watch,
                  "Forget a watch (needs the token)", (NAME,), NO_CONTENT, writes=True),
        Operation("POST", "/api/watches/{name}/run", run_watch,
                  "Deliver what is new for a watch, once (needs the token)", (NAME,),
                  json_answer("WatchRun"), writes=True),
        Operation("GET", "/api/watches/{name}/feed", watch_feed,
                  "A watch's Atom feed of what it delivered", (NAME,),
                  file_answer("application/atom+xml", what="The feed")),
        Operation("GET", "/api/sources", list_sources, "The sources collect follows", (),
                  json_answer(array(ref("Source")))),
        Operation("POST", "/api/sources", add_source,
                  "Follow a site or feed of an allowed host (needs the token)", (),
                  {CREATED: json_answer("Source")["200"]},
                  body_schema({"name": string, "url": string, "kind": string, "profile": string},
                              ["name", "url"]), writes=True),
        Operation("DELETE", "/api/sources/{name}", remove_source,
                  "Stop following a source (needs the token)", (SOURCE_NAME,), NO_CONTENT,
                  writes=True),
        Operation("POST", "/api/ingest", ingest_upload,
                  "Store the releases of an uploaded file, any ingest format (needs the token)",
                  document_params, json_answer("IngestReport"), document, writes=True),
        Operation("POST", "/api/extract", extract_upload,
                  "Who, what, how much and when in an uploaded file, any ingest format, as "
                  "`pressdesk extract` prints it (nothing is stored)", document_params,
                  json_answer("Extraction"), document),
        Operation("POST", "/api/ingest/url", ingest_url,
                  "Fetch a URL of an allowed host and store its releases (needs the token)", (),
                  json_answer("IngestReport"),
                  body_schema({"url": string, "format": string, "source": string}, ["url"]),
                  writes=True),
    ]


def _formats() -> tuple[str, ...]:
    from pressdesk.readers import FORMATS

    return FORMATS
