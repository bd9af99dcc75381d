"""The web UI: server-rendered pages, one handler each, over the same Desk calls as the API.

A page parses its parameters (every filter lives in the URL, so any view can be
bookmarked or shared), calls the Desk and renders a template from
``templates/``. Forms that change something post the token as a field; the
routes check it before the handler runs.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response

from pressdesk.brief import told, web_address
from pressdesk.errors import QueryError
from pressdesk.extract.places import place_name
from pressdesk.facts import EVENT_TYPES
from pressdesk.render import amount, counted
from pressdesk.shapes import extraction_record
from pressdesk.store import EntityFilter, SeriesFilter
from pressdesk.web import api
from pressdesk.web.markup import MARKS, annotate, figure_href, highlight_snippet, render_annotated
from pressdesk.web.params import BadRequest, Param, decode_cursor, encode_cursor
from pressdesk.web.routes import Call, Operation
from pressdesk.web.settings import WebSettings

__all__ = ["page_operations", "render", "templates"]

PREDICTED = ("people", "orgs", "places", "money", "percents", "dates", "quotes", "figures",
             "events", "sectors")  # the fields of a prediction the extract page lists
FACET_FIELDS = {"month": "date"}  # a facet's name -> the query field that narrows by it
FACET_LABELS = {"category": "Category", "source": "Source", "place": "Place",
                "org": "Organisation", "person": "Person", "sector": "Sector",
                "event": "Event", "month": "Month"}


def templates() -> Environment:
    env = Environment(loader=PackageLoader("pressdesk.web", "templates"),
                      autoescape=select_autoescape(default=True), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["snippet"] = highlight_snippet
    env.filters["figure_href"] = figure_href
    env.filters["amount"] = lambda f: amount(f.value, f.unit) if f.value is not None else ""
    env.filters["counted"] = counted
    env.filters["fact_line"] = fact_line
    env.tests["web_address"] = web_address
    env.globals.update(facet_query=facet_query, facet_value=facet_value, url=url,
                       labels=FACET_LABELS)
    return env


def render(call: Call, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered with what every page shows (the query, whether it may write)."""
    page = ENV.get_template(name).render(
        q=call.args.get("q") or "", writable=call.settings.writable, path=call.request.url.path,
        max_page=call.settings.max_page, **context)
    return HTMLResponse(page, status_code=status)


def fact_line(item: Any) -> str:
    """One predicted fact as a line: its fields that have a value, ``name: value; ...``
    (a flag only when set, a list joined by commas)."""
    if isinstance(item, dict):
        return "; ".join(f"{k}: {fact_line(v)}" for k, v in item.items()
                         if v not in (None, "", [], {}, False))
    if isinstance(item, list):
        return ", ".join(map(fact_line, item))
    return "yes" if item is True else str(item)


def url(path: str, **params: Any) -> str:
    """``path`` with the parameters that have a value, as a query string."""
    given = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(given)}" if given else path


def facet_query(q: str, facet: str, value: str) -> str:
    """The query narrowed to one facet value: ``q place:"KR"``."""
    term = f'{FACET_FIELDS.get(facet, facet)}:"{value.replace(chr(34), "")}"'
    return f"{q} {term}".strip() if term not in q else q


def facet_value(facet: str, value: str) -> str:
    """A facet value as a reader says it: a place by its English name ("KR": "South Korea")."""
    return place_name(value) if facet == "place" else value


ENV = templates()  # built once: templates are package data, compiled on first use


# -- pages ------------------------------------------------------------------------------


def home(call: Call) -> Response:
    recent = call.desk.release_page(limit=10).releases
    return render(call, "home.html", stats=call.desk.stats(), recent=recent)


def search_page(call: Call) -> Response:
    a = call.args
    if not a["q"]:
        return render(call, "search.html", args=a, result=None, error=None)
    try:
        result = call.desk.search(a["q"], api.search_options(a | {"facets": True}, MARKS))
    except QueryError as err:
        return render(call, "search.html", 400, args=a, result=None, error=str(err))
    return render(call, "search.html", args=a, result=result, error=None)


def releases_page(call: Call) -> Response:
    a = call.args
    after = decode_cursor(a["cursor"]) if a["cursor"] else None
    page = call.desk.release_page(api.release_filter(a), after, a["limit"])
    following = encode_cursor(page.next) if page.next else None
    return render(call, "releases.html", args=a, page=page, following=following)


def release_page(call: Call) -> Response:
    view = call.desk.release(call.args["id"], revisions=True)
    r = view.stored.release
    notes = annotate(view)
    body = render_annotated(r.body, notes, offset=len(r.title) + 2)
    figures = dict.fromkeys(f.indicator for f in view.facts.figures) if view.facts else {}
    return render(call, "release.html", view=view, r=r, body=body, figures=list(figures))


def similar_page(call: Call) -> Response:
    r = call.desk.release(call.args["id"]).stored.release
    return render(call, "similar.html", r=r, hits=call.desk.similar(r.id, call.args["limit"]))


def entities_page(call: Call) -> Response:
    found = call.desk.entities(EntityFilter(kind=call.args["kind"], limit=call.args["limit"]))
    return render(call, "entities.html", args=call.args, entities=found)


def entity_page(call: Call) -> Response:
    view = call.desk.entity_view(call.args["entity"], limit=call.args["limit"])
    months = sorted(Counter(ref.date[:7] for ref in view.releases).items())
    return render(call, "entity.html", view=view, e=view.entity, months=months,
                  busiest=max((n for _, n in months), default=1))


def figures_page(call: Call) -> Response:
    found = call.desk.series(SeriesFilter(limit=call.args["limit"]))
    return render(call, "figures.html", series=found)


def series_page(call: Call) -> Response:
    view = call.desk.figures(call.args["indicator"])
    return render(call, "series.html", view=view, s=view.series)


def stories_page(call: Call) -> Response:
    found = call.desk.stories(api.story_filter(call.args), query=call.args["q"] or None)
    return render(call, "stories.html", args=call.args, stories=found)


def story_page(call: Call) -> Response:
    view = call.desk.story(call.args["story"])
    return render(call, "story.html", story=view.story, members=view.members)


def events_page(call: Call) -> Response:
    found = call.desk.events(api.event_filter(call.args))
    return render(call, "events.html", args=call.args, events=found, types=EVENT_TYPES)


def brief_page(call: Call) -> Response:
    a = call.args
    if not (a["since"] and a["until"]):
        return render(call, "brief.html", args=a, brief=None)
    brief = call.desk.brief(a["since"], a["until"], a["query"], limit=a["limit"])
    return render(call, "brief.html", args=a, brief=brief, told=told(brief))


def stats_page(call: Call) -> Response:
    return render(call, "stats.html", stats=call.desk.stats())


def watches_page(call: Call, message: str = "", run: Any = None, status: int = 200) -> Response:
    return render(call, "watches.html", status, watches=call.desk.watches(), message=message,
                  run=run)


def change_watches(call: Call) -> Response:
    """Add, remove or run a watch, as the form's ``action`` says."""
    form = call.form
    assert form is not None
    action, name = field(form, "action"), field(form, "name")
    if action == "add":
        call.desk.add_watch(api.valid_name(name), api.bounded_query(call.settings, field(form, "query")))
        return RedirectResponse(url("/watches", added=name), status_code=303)
    if action == "remove":
        call.desk.remove_watch(name)
        return RedirectResponse(url("/watches", removed=name), status_code=303)
    if action == "run":
        return watches_page(call, run=call.desk.run_watch(name))
    raise BadRequest(f"unknown action {action[:40]!r} (add, remove or run)")


def ingest_page(call: Call, report: Any = None) -> Response:
    return render(call, "ingest.html", report=report, hosts=call.settings.ingest_hosts,
                  sources=call.desk.sources())


def ingest_form(call: Call) -> Response:
    """Store an uploaded file, or the releases of a URL of an allowed host."""
    from pressdesk.ingest import IngestOptions

    form = call.form
    assert form is not None
    upload, address = form.get("file"), field(form, "url")
    options = IngestOptions(source=field(form, "source") or None)
    if isinstance(upload, UploadFile) and upload.filename:
        data = upload.file.read(call.settings.max_body + 1)
        report = call.desk.ingest_document(f"upload:{upload.filename}", data, options)
    elif address:
        api.allowed_host(call.settings, address)
        report = call.desk.ingest_url(address, options)
    else:
        raise BadRequest("choose a file to upload or give a URL")
    return ingest_page(call, report)


def extract_page(call: Call, found: Any = None, given: Any = None) -> Response:
    return render(call, "extract.html", found=found, given=given or {}, fields=PREDICTED)


def extract_form(call: Call) -> Response:
    """What extraction finds in a release written in the form, or in an uploaded file."""
    from pressdesk.extract import predict_document

    form = call.form
    assert form is not None
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        name, data = f"upload:{upload.filename}", upload.file.read(call.settings.max_body + 1)
        found = predict_document(name, data)
        return extract_page(call, extraction_record(found))
    given = {k: field(form, k) for k in ("title", "date", "category", "body")}
    record = {k: v for k, v in given.items() if v}
    found = predict_document("form", json.dumps(record).encode("utf-8"), format="jsonl")
    return extract_page(call, extraction_record(found), given)


def change_sources(call: Call) -> Response:
    """Add or remove a source, as the form's ``action`` says."""
    from pressdesk.collect import SourceRequest

    form = call.form
    assert form is not None
    action, name = field(form, "action"), field(form, "name")
    if action == "add":
        address = field(form, "url")
        api.allowed_host(call.settings, address)
        call.desk.add_source(SourceRequest(api.valid_name(name), address, field(form, "kind") or None))
    elif action == "remove":
        call.desk.remove_source(name)
    else:
        raise BadRequest(f"unknown action {action[:40]!r} (add or remove)")
    return RedirectResponse("/ingest", status_code=303)


def field(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def page_operations(settings: WebSettings) -> list[Operation]:
    """Every page; none is in the OpenAPI document."""
    s = settings
    q = api.query(s, required=False)
    listing = api.limit(s, 50)
    pages = [
        ("GET", "/", home, ()),
        ("GET", "/search", search_page, (q, api.MODE, api.SORT, api.limit(s))),
        ("GET", "/releases", releases_page,
         (api.SINCE, api.UNTIL, api.CATEGORY, api.SOURCE, api.limit(s), api.CURSOR)),
        ("GET", "/releases/{id}", release_page, (api.ID,)),
        ("GET", "/releases/{id}/similar", similar_page, (api.ID, api.limit(s, 10))),
        ("GET", "/stories", stories_page,
         (api.SINCE, api.UNTIL, q, Param("min_size", "integer", default=1, minimum=1, maximum=10**6),
          listing)),
        ("GET", "/stories/{story}", story_page, (api.STORY_ID,)),
        ("GET", "/entities", entities_page, (api.KIND, listing)),
        ("GET", "/entities/{entity:path}", entity_page,
         (Param("entity", required=True, where="path", max_length=300), api.limit(s, 100))),
        ("GET", "/figures", figures_page, (listing,)),
        ("GET", "/figures/{indicator:path}", series_page,
         (Param("indicator", required=True, where="path", max_length=300),)),
        ("GET", "/events", events_page,
         (api.EVENT_TYPE, api.PLACE, api.SINCE, api.UNTIL, api.ALL, listing)),
        ("GET", "/brief", brief_page,
         (api.SINCE, api.UNTIL, Param("query", max_length=s.max_query), api.BRIEF_LIMIT)),
        ("GET", "/stats", stats_page, ()),
        ("GET", "/watches", watches_page, ()),
        ("GET", "/ingest", ingest_page, ()),
        ("GET", "/extract", extract_page, ()),
    ]
    reading = [Operation(m, p, h, h.__doc__ or p, params, documented=False)
               for m, p, h, params in pages]
    writing = [Operation("POST", p, h, p, (), writes=True, form=True, documented=False)
               for p, h in (("/watches", change_watches), ("/ingest", ingest_form),
                            ("/sources", change_sources))]
    extracting = Operation("POST", "/extract", extract_form, "/extract", form=True,
                           documented=False)  # reads a text, stores nothing: no token
    return [*reading, *writing, extracting]
