"""The ASGI app: the API, the pages, the OpenAPI document and the static files over one Desk.

    app = create_app(Desk.open("pressdesk.db"), WebSettings(token="..."))
    uvicorn.run(app)

Errors are turned into answers here, once: a ``PressdeskError`` from the library or
a refusal from the edge becomes a 4xx whose message names the problem, as JSON
under ``/api/`` and as a page elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from pressdesk.desk import Desk
from pressdesk.errors import CollectError, InputError, NotFound, PressdeskError, QueryError, StoreError
from pressdesk.web.api import api_operations
from pressdesk.web.openapi import openapi_document
from pressdesk.web.pages import ENV, page_operations
from pressdesk.web.routes import route
from pressdesk.web.security import Guard
from pressdesk.web.settings import WebSettings

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
# What each kind of library error means to a client; the first match along the MRO wins.
STATUS: dict[type[PressdeskError], int] = {
    NotFound: 404,
    QueryError: 400,
    InputError: 400,
    CollectError: 422,
    StoreError: 503,
    PressdeskError: 400,
}


def create_app(desk: Desk, settings: WebSettings | None = None) -> Starlette:
    """One app over one Desk (shared by the worker threads that run the handlers)."""
    chosen = settings or WebSettings()
    operations = api_operations(chosen)
    document = openapi_document(operations)

    def openapi(request: Request) -> Response:
        return JSONResponse(document)

    routes: list[BaseRoute] = [route(op, desk, chosen) for op in operations]
    routes += [Route("/openapi.json", openapi, methods=["GET"]),
               Mount("/static", StaticFiles(directory=STATIC), name="static")]
    routes += [route(op, desk, chosen) for op in page_operations(chosen)]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Guard, settings=chosen)],
        exception_handlers={HTTPException: refused, PressdeskError: failed},
    )


def status_of(err: PressdeskError) -> int:
    return next(STATUS[kind] for kind in type(err).__mro__ if kind in STATUS)


async def refused(request: Request, err: Exception) -> Response:
    assert isinstance(err, HTTPException)
    answer = error_response(request, err.status_code, str(err.detail))
    answer.headers.update(err.headers or {})
    return answer


async def failed(request: Request, err: Exception) -> Response:
    assert isinstance(err, PressdeskError)
    return error_response(request, status_of(err), str(err))


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON for the API, a page for a person."""
    path = request.url.path
    if path.startswith(("/api/", "/openapi")) or path == "/api":
        return JSONResponse({"error": message, "status": status}, status_code=status)
    page = ENV.get_template("error.html").render(status=status, message=message, q="",
                                                 writable=False, path=path)
    return HTMLResponse(page, status_code=status)
