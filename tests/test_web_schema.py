"""The API against its own OpenAPI document (schemathesis): for generated requests to every
operation, no 5xx, and every answer of a documented status, type and schema.

Bounded and repeatable: a few examples per operation, derandomized (a fixed seed), the
token presented so that the operations that write run too. Each operation is its own
test; hypothesis drives schemathesis's strategies directly (its pytest plugin does not
yet run under this pytest).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from webstore import build_store

from pressdesk.desk import Desk
from pressdesk.web import WebSettings, create_app
from pressdesk.web.api import api_operations
from pressdesk.web.openapi import openapi_document

TOKEN = "schema-token"
CHECKS = [checks.not_a_server_error, checks.status_code_conformance,
          checks.content_type_conformance, checks.response_schema_conformance]
SETTINGS = WebSettings(token=TOKEN, ingest_hosts=("127.0.0.1",), max_page=50)
OPERATIONS = [(method.upper(), path) for path, methods in
              openapi_document(api_operations(SETTINGS))["paths"].items() for method in methods]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    with Desk.open(build_store(tmp_path_factory.mktemp("schema")), embedder="fake") as desk:
        yield schemathesis.openapi.from_asgi("/openapi.json", create_app(desk, SETTINGS))


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_answer_matches_the_document(api_schema: schemathesis.BaseSchema, method: str,
                                           path: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=8, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:  # a schemathesis.Case
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

    check()
