"""Routes as data: an ``Operation`` says what a URL takes and answers, once, for the router,
the parameter parser, the token check and the OpenAPI document alike.

    Operation("GET", "/api/stats", stats, "Counts of what the store holds",
              answers=json_answer("Stats"))

A handler is a plain function of one ``Call`` (the Desk, the parsed arguments, the body)
returning a response. It runs in a worker thread, so it may call the Desk, which blocks;
everything asynchronous (reading a bounded body, a form) happens here before it.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pressdesk.desk import Desk
from pressdesk.web.params import BadRequest, Param, parse_params
from pressdesk.web.schemas import ref
from pressdesk.web.settings import WebSettings

__all__ = ["Call", "Operation", "json_answer", "route"]


@dataclass(frozen=True, slots=True)
class Call:
    """What a handler gets: the Desk, the edge's settings, the parsed parameters, the body."""

    desk: Desk
    settings: WebSettings
    args: dict[str, Any]
    request: Request
    body: bytes = b""
    form: FormData | None = None


Handler = Callable[[Call], Response]


@dataclass(frozen=True, slots=True)
class Operation:
    """One method on one path: its handler, parameters, answers and whether it writes."""

    method: str
    path: str
    handler: Handler
    summary: str
    params: tuple[Param, ...] = ()
    answers: Mapping[str, Any] = field(default_factory=dict)  # status -> OpenAPI response
    body: Mapping[str, Any] | None = None  # the OpenAPI requestBody, if it takes one
    writes: bool = False  # needs the token
    form: bool = False  # a browser's form: parsed as one, the token a field of it
    documented: bool = True  # in /openapi.json (the pages are not)


def json_answer(schema: str | dict[str, Any], what: str = "OK") -> dict[str, Any]:
    body = ref(schema) if isinstance(schema, str) else schema
    return {"200": {"description": what, "content": {"application/json": {"schema": body}}}}


def route(op: Operation, desk: Desk, settings: WebSettings) -> Route:
    """The Starlette route of an operation: parse, check the token, read the body, then run
    the handler in a worker thread."""
    async def endpoint(request: Request) -> Response:
        given = {**request.query_params, **request.path_params}
        args = parse_params(given, op.params)
        form = await read_form(request, settings) if op.form and request.method == "POST" else None
        body = await read_body(request, settings.max_body) if op.body is not None else b""
        if op.writes:
            check_token(settings, presented_token(request, form))
        call = Call(desk, settings, args, request, body, form)
        return await run_in_threadpool(op.handler, call)

    return Route(op.path, endpoint, methods=[op.method], name=f"{op.method} {op.path}")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with a 413 as soon as it passes ``limit`` bytes."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(f"request body larger than {limit:,} bytes", 413)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_form(request: Request, settings: WebSettings) -> FormData:
    length = int(request.headers.get("content-length") or 0)
    if length > settings.max_body:
        raise BadRequest(f"request body larger than {settings.max_body:,} bytes", 413)
    return await request.form(max_files=1, max_fields=20, max_part_size=settings.max_body)


def presented_token(request: Request, form: FormData | None) -> str:
    """The token a request presents: ``Authorization: Bearer TOKEN``, or a form's field."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    field = form.get("token") if form is not None else None
    return field if isinstance(field, str) else ""


def check_token(settings: WebSettings, given: str) -> None:
    """Refuse a write: 403 when the server has no token (it only reads), 401 when the
    request's token is missing or wrong (compared in constant time)."""
    if not settings.token:
        raise BadRequest("this server is read-only: start `pressdesk serve` with --token "
                         "(or PRESSDESK_TOKEN) to allow changes", 403)
    if not hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8")):
        raise BadRequest("a valid token is needed to change anything"
                         " (Authorization: Bearer TOKEN)", 401, {"WWW-Authenticate": "Bearer"})
