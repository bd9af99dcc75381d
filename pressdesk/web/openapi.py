"""The OpenAPI 3.1 document of the API, made from the operations table (their parameters,
bodies and answers) and the shapes' schemas: nothing about the API is said twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pressdesk import __version__
from pressdesk.web.params import Param
from pressdesk.web.routes import Operation
from pressdesk.web.schemas import COMPONENTS, ref

__all__ = ["openapi_document"]

_CONVERTER = re.compile(r"\{(\w+):\w+\}")
ERRORS = {"description": "A request refused, with a message naming the problem "
                         "(400 malformed, 401/403 no token, 404 not found, 413/414 too large)",
          "content": {"application/json": {"schema": ref("Error")}}}


def openapi_document(operations: Iterable[Operation]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        if op.documented:
            paths.setdefault(_CONVERTER.sub(r"{\1}", op.path), {})[op.method.lower()] = operation(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "pressdesk", "version": __version__,
                 "description": "Government press releases as a searchable knowledge base. "
                                "Reading needs nothing; changing anything needs the server's "
                                "token as `Authorization: Bearer TOKEN`."},
        "paths": paths,
        "components": {"schemas": COMPONENTS, "securitySchemes": {
            "token": {"type": "http", "scheme": "bearer"}}},
    }


def operation(op: Operation) -> dict[str, Any]:
    described: dict[str, Any] = {
        "operationId": f"{op.method.lower()}_{op.handler.__name__}",
        "summary": op.summary,
        "parameters": [parameter(p) for p in op.params],
        "responses": dict(op.answers) | {"4XX": ERRORS},
    }
    if op.body is not None:
        described["requestBody"] = dict(op.body)
    if op.writes:
        described["security"] = [{"token": []}]
    return described


def parameter(p: Param) -> dict[str, Any]:
    return {"name": p.name, "in": p.where, "required": p.required or p.where == "path",
            "description": p.help, "schema": p.schema()}
