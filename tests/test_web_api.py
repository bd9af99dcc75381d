"""The REST API in-process: every operation, its errors, its bounds and its token."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, SAMPLE, make_release
from starlette.testclient import TestClient
from webstore import build_store

from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.web import WebSettings, create_app

TOKEN = "correct horse battery staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def desk(db: str) -> Iterator[Desk]:
    with Desk.open(db, embedder="fake") as opened:
        yield opened


@pytest.fixture(scope="module")
def client(desk: Desk) -> Iterator[TestClient]:
    settings = WebSettings(token=TOKEN, ingest_hosts=("127.0.0.1",), max_body=100_000)
    with TestClient(create_app(desk, settings)) as c:
        yield c


def ok(client: TestClient, url: str) -> object:
    answer = client.get(url)
    assert answer.status_code == 200, answer.text
    return answer.json()


def refused(client: TestClient, url: str, status: int = 400, method: str = "GET", **kw: object) -> str:
    answer = client.request(method, url, **kw)  # type: ignore[arg-type]
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["status"] == status and body["error"]
    return str(body["error"])


def test_release_pages_follow_next_to_the_end_with_no_cap(client: TestClient, desk: Desk) -> None:
    seen: list[str] = []
    url = "/api/releases?limit=3"
    while url:
        page = ok(client, url)
        assert isinstance(page, dict)
        seen += [r["id"] for r in page["releases"]]
        url = f"/api/releases?limit=3&cursor={page['next']}" if page["next"] else ""
    assert len(seen) == len(set(seen)) == desk.stats().releases
    narrowed = ok(client, "/api/releases?since=2025-11-17&until=2025-11-18&source=MOTIR")
    assert isinstance(narrowed, dict) and narrowed["releases"]
    assert all("2025-11-17" <= r["date"] <= "2025-11-18" for r in narrowed["releases"])
    assert "cursor is malformed" in refused(client, "/api/releases?cursor=nonsense")
    assert "limit must be a whole number from 1 to 200" in refused(client, "/api/releases?limit=201")
    assert "since must be a day" in refused(client, "/api/releases?since=yesterday")


def test_one_release_with_facts_entities_revisions_and_story(client: TestClient) -> None:
    hit = ok(client, "/api/search?q=%22Second+text%22")
    assert isinstance(hit, dict)
    release = ok(client, f"/api/releases/{hit['hits'][0]['id'][:8]}")
    assert isinstance(release, dict)
    texts = [r["body"] for r in release["revisions"]]
    assert texts == ["First text about steel.", "Second text about steel."]
    assert release["story"]["size"] == 1 and "facts" in release and "entities" in release
    sample = ok(client, "/api/releases/c6969988")
    assert isinstance(sample, dict) and sample["facts"]["figures"] and sample["entities"]
    assert "no release with an id starting 'ffff'" in refused(client, "/api/releases/ffff", 404)


def test_stories_and_one_story_with_why_each_release_belongs(client: TestClient) -> None:
    found = ok(client, "/api/stories?min_size=2")
    assert isinstance(found, list) and len(found) == 1  # the two Meet-up Day releases of the sample
    story = ok(client, f"/api/stories/{found[0]['id'][:8]}")
    assert isinstance(story, dict) and story["size"] == 2 and len(story["releases"]) == 2
    assert [m["reason"]["kind"] for m in story["releases"]][0] == "first"
    assert story["releases"][1]["reason"]["like"] == story["releases"][0]["id"]
    member = ok(client, f"/api/releases/{story['releases'][1]['id']}")
    assert isinstance(member, dict) and member["story"]["id"] == story["id"]
    held = ok(client, "/api/stories?q=%22Meet-up+Day%22&min_size=2")
    assert isinstance(held, list) and [s["id"] for s in held] == [story["id"]]
    assert "no story" in refused(client, "/api/stories/ffffffff", 404)


def test_search_speaks_the_whole_query_language_with_facets_and_snippets(client: TestClient) -> None:
    found = ok(client, "/api/search?q=exports+place:KR&facets=true&limit=2&sort=date")
    assert isinstance(found, dict) and len(found["hits"]) == 2 and found["total"] > 2
    assert "[" in found["hits"][0]["snippet"] and found["facets"]["place"][0][0] == "KR"
    for mode in ("semantic", "hybrid"):
        assert ok(client, f"/api/search?q=steel+exports&mode={mode}")
    plain = ok(client, "/api/search?q=exports")
    assert isinstance(plain, dict) and plain["facets"] == {}


def test_a_malformed_query_gets_the_cli_message(client: TestClient, db: str) -> None:
    message = refused(client, "/api/search?q=%22unclosed+OR")
    cli_run = CliRunner().invoke(cli, ["--db", db, "search", '"unclosed OR'])
    assert cli_run.exit_code == 1 and cli_run.output.strip() == f"Error: {message}"
    assert "q is required" in refused(client, "/api/search")
    assert "mode must be one of" in refused(client, "/api/search?q=x&mode=psychic")
    assert "at most 1,000" in refused(client, "/api/search?q=" + "a" * 1001)


def test_similar_entities_figures_events_and_stats(client: TestClient) -> None:
    assert isinstance(ok(client, "/api/releases/c6969988/similar?limit=3"), list)
    entities = ok(client, "/api/entities?kind=person&limit=5")
    assert isinstance(entities, list) and {e["kind"] for e in entities} == {"person"}
    by_id = ok(client, f"/api/entities/{entities[0]['id']}")
    by_name = ok(client, f"/api/entities/{entities[0]['name']}")
    assert by_id == by_name and isinstance(by_id, dict) and by_id["releases"]
    assert "no entity named" in refused(client, "/api/entities/Nobody%20At%20All", 404)
    series = ok(client, "/api/figures")
    assert isinstance(series, list) and series
    view = ok(client, "/api/figures/chip%20exports")
    assert isinstance(view, dict) and view["figures"] and "revised" in view["figures"][0]
    svg = client.get("/api/charts/semiconductor%20exports?format=svg")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    assert b"<svg" in svg.content and "script-src" not in svg.headers["content-security-policy"]
    assert client.get("/api/charts/semiconductor%20exports?format=png").content[:4] == b"\x89PNG"
    events = ok(client, "/api/events?all=true&limit=5")
    assert isinstance(events, list) and all(isinstance(e["implementer"], list) for e in events)
    stats = ok(client, "/api/stats")
    assert isinstance(stats, dict) and stats["revisions"] == 1


@pytest.mark.parametrize(("fmt", "media", "magic"), [
    ("md", "text/markdown", b"# Brief"), ("html", "text/html", b"<!doctype html>"),
    ("pdf", "application/pdf", b"%PDF"),
])
def test_briefs_are_rendered_on_request(client: TestClient, fmt: str, media: str, magic: bytes) -> None:
    answer = client.get(f"/api/brief?since=2025-11-01&until=2025-11-30&format={fmt}")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)
    assert answer.content.startswith(magic) and "attachment" in answer.headers["content-disposition"]
    assert "until is required" in refused(client, "/api/brief?since=2025-11-01")


def test_exports_stream_any_result_set(client: TestClient, desk: Desk) -> None:
    lines = client.get("/api/export?what=releases&format=jsonl&facts=true").text.splitlines()
    assert len(lines) == desk.stats().releases and "facts" in json.loads(lines[0])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?what=releases&format=csv").text)))
    assert len(rows) == desk.stats().releases and rows[0]["id"]
    hits = client.get("/api/export?what=search&q=exports&format=csv&limit=3").text
    assert len(list(csv.DictReader(io.StringIO(hits)))) == 3
    for what in ("figures", "entities", "events"):
        answer = client.get(f"/api/export?what={what}&format=jsonl&all=true")
        assert answer.status_code == 200
        assert [json.loads(line) for line in answer.text.splitlines()] or what == "events"
        table = client.get(f"/api/export?what={what}&format=csv&all=true")
        assert table.status_code == 200 and table.text.splitlines()[0]
    history = client.get("/api/export?what=releases&format=jsonl&revisions=true").text.splitlines()
    texts = [json.loads(line)["body"] for line in history if "Steel safeguard" in line]
    assert texts == ["First text about steel.", "Second text about steel."]
    one = client.get("/api/export?what=figures&indicator=chip+exports&format=csv").text
    assert "revised" in one.splitlines()[0]
    assert "q is required" in refused(client, "/api/export?what=search")


def test_a_big_export_streams_in_chunks(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "big.db"), embedder="fake") as big:
        big.add([make_release(i, body="x" * 2000, url=f"https://e.gov/{i}") for i in range(200)])
        with TestClient(create_app(big)) as c, c.stream("GET", "/api/export?format=jsonl") as answer:
            chunks = list(answer.iter_raw())
    assert len(chunks) > 2 and sum(c.count(b"\n") for c in chunks) == 200


def test_writes_need_the_token(client: TestClient, desk: Desk) -> None:
    watch = {"name": "steel", "query": "steel OR tariff*"}
    assert "valid token" in refused(client, "/api/watches", 401, "POST", json=watch)
    assert client.post("/api/watches", json=watch).headers["www-authenticate"] == "Bearer"
    wrong = {"Authorization": "Bearer nope"}
    assert "valid token" in refused(client, "/api/watches", 401, "POST", json=watch, headers=wrong)
    added = client.post("/api/watches", json=watch, headers=AUTH)
    assert added.status_code == 201 and added.json()["name"] == "steel"
    assert [w["name"] for w in ok(client, "/api/watches")] == ["steel"]  # type: ignore[attr-defined]
    run = client.post("/api/watches/steel/run", headers=AUTH)
    assert run.status_code == 200 and run.json()["watch"] == "steel"
    feed = client.get("/api/watches/steel/feed")
    assert feed.status_code == 200 and feed.content.startswith(b"<?xml")
    assert client.delete("/api/watches/steel").status_code == 401
    assert client.delete("/api/watches/steel", headers=AUTH).status_code == 204
    assert "not JSON" in refused(client, "/api/watches", 400, "POST", content=b"{", headers=AUTH)
    assert "'query'" in refused(client, "/api/watches", 400, "POST", json={"name": "x"}, headers=AUTH)
    bad = {"name": "x", "query": '"open'}
    assert "unterminated quote" in refused(client, "/api/watches", 400, "POST", json=bad, headers=AUTH)


def test_a_server_without_a_token_only_reads(desk: Desk) -> None:
    with TestClient(create_app(desk)) as c:
        assert c.get("/api/stats").status_code == 200
        message = refused(c, "/api/watches", 403, "POST", json={"name": "a", "query": "b"},
                          headers={"Authorization": "Bearer "})
        assert "read-only" in message


def test_ingest_by_upload_and_only_from_allowed_hosts(client: TestClient) -> None:
    data = json.dumps({"title": "Uploaded notice", "date": "2025-12-01", "body": "An upload."})
    answer = client.post("/api/ingest?name=notes.jsonl", content=data.encode() + b"\n{bad\n",
                         headers=AUTH)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["new"] == 1 and report["rejected"][0].startswith("upload:notes.jsonl:2:")
    assert client.post("/api/ingest", content=b"x").status_code == 401
    far = {"url": "https://elsewhere.example/feed.xml"}
    assert "not a host this server fetches from" in refused(
        client, "/api/ingest/url", 403, "POST", json=far, headers=AUTH)
    assert "not a host" in refused(client, "/api/sources", 403, "POST",
                                   json={"name": "far", "url": far["url"]}, headers=AUTH)
    assert ok(client, "/api/sources") == []


def test_ingest_by_url_from_an_allowed_host(client: TestClient, tmp_path: Path) -> None:
    import http.server
    import threading

    (tmp_path / "feed.jsonl").write_text(json.dumps(
        {"title": "Fetched notice", "date": "2025-12-02", "body": "Fetched by URL."}) + "\n")
    handler = lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.jsonl"
        answer = client.post("/api/ingest/url", json={"url": url}, headers=AUTH)
    finally:
        server.shutdown()
    assert answer.status_code == 200, answer.text
    assert answer.json()["new"] == 1


def test_extract_answers_what_the_cli_prints_and_stores_nothing(client: TestClient, desk: Desk) -> None:
    before = desk.stats().releases
    printed = CliRunner().invoke(cli, ["extract", str(SAMPLE)]).stdout.splitlines()
    answer = client.post("/api/extract?name=sample.txt", content=SAMPLE.read_bytes())
    assert answer.status_code == 200
    assert answer.json() == {"releases": [json.loads(line) for line in printed], "rejected": []}
    bad = client.post("/api/extract?name=x.jsonl", content=b'{"title": "", "date": "x"}\n').json()
    assert bad == {"releases": [], "rejected": ["upload:x.jsonl:1: empty title"]}
    assert desk.stats().releases == before


def test_bounds_on_bodies_and_query_strings(client: TestClient) -> None:
    big = b"x" * 100_001
    assert "larger than 100,000 bytes" in refused(client, "/api/ingest", 413, "POST", content=big,
                                                  headers=AUTH)
    assert "query string longer" in refused(client, "/api/search?q=" + "a" * 9000, 414)
    assert "q is 1,001 characters long" in refused(client, "/api/search?q=" + "a" * 1001)
    watch = {"name": "long", "query": "a" * 1001}
    assert "query is 1,001 characters long; at most 1,000" in refused(
        client, "/api/watches", 400, "POST", json=watch, headers=AUTH)


def test_every_error_is_json_naming_the_problem(client: TestClient) -> None:
    assert refused(client, "/api/nowhere", 404) == "Not Found"
    assert refused(client, "/api/stats", 405, "POST") == "Method Not Allowed"


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/stats", "/api/nowhere", "/static/app.css"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_the_openapi_document_lists_every_operation(client: TestClient) -> None:
    document = ok(client, "/openapi.json")
    assert isinstance(document, dict) and document["openapi"].startswith("3.1")
    paths = document["paths"]
    for path in ("/api/releases", "/api/releases/{id}", "/api/search", "/api/stories",
                 "/api/stories/{story}", "/api/entities/{entity}",
                 "/api/figures/{indicator}", "/api/charts/{indicator}", "/api/events", "/api/brief",
                 "/api/watches", "/api/stats", "/api/export", "/api/ingest", "/api/sources"):
        assert path in paths, path
    assert paths["/api/watches"]["post"]["security"] == [{"token": []}]


def test_docs_api_lists_every_operation(client: TestClient) -> None:
    listed = {re.sub(r"\{[^}]*\}", "{}", m) for m in
              re.findall(r"^\| `([A-Z]+ /api/[^`]*)`", (REPO / "docs" / "api.md").read_text(), re.M)}
    document = ok(client, "/openapi.json")
    assert isinstance(document, dict)
    served = {f"{method.upper()} {re.sub(r'{[^}]*}', '{}', path)}"
              for path, item in document["paths"].items() for method in item}
    assert served == listed
