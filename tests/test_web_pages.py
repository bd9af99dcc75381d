"""The pages in-process: each renders, escapes what it shows, and keeps its filters in the URL."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import SAMPLE, make_release
from starlette.testclient import TestClient
from webstore import build_store

from pressdesk.desk import Desk
from pressdesk.facts import Extraction, Money, Person, Span
from pressdesk.models import Entity, Release, StoredRelease
from pressdesk.store import StoryFilter
from pressdesk.web import WebSettings, create_app
from pressdesk.web.markup import MARKS, annotate, highlight_snippet, render_annotated

TOKEN = "page-token"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    with Desk.open(build_store(tmp_path_factory.mktemp("pages")), embedder="fake") as opened:
        yield opened


@pytest.fixture(scope="module")
def client(desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(desk, WebSettings(token=TOKEN))) as c:
        yield c


def page(client: TestClient, url: str, status: int = 200) -> str:
    answer = client.get(url)
    assert answer.status_code == status, answer.text[:500]
    assert answer.headers["content-type"].startswith("text/html")
    return answer.text


@pytest.mark.parametrize("url", [
    "/", "/search", "/search?q=exports", "/releases", "/releases?source=MOTIR&limit=3",
    "/releases/c6969988", "/releases/c6969988/similar", "/stories", "/stories?min_size=2&q=ASEAN",
    "/entities", "/entities?kind=org",
    "/figures", "/figures/semiconductor%20exports", "/events?all=true", "/brief",
    "/brief?since=2025-11-01&until=2025-11-30", "/watches", "/ingest", "/extract", "/stats",
])
def test_every_page_renders(client: TestClient, url: str) -> None:
    text = page(client, url)
    assert '<main id="main"' in text and "<script>" not in text.lower().replace(" ", "")


def test_release_text_is_shown_never_run(client: TestClient, desk: Desk) -> None:
    hit = desk.search('"tariff notices"').hits[0]
    text = page(client, f"/releases/{hit.id}")
    assert "<script>alert" not in text and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert "<img src=x" not in text and "Tariff &lt;b&gt;notice&lt;/b&gt;" in text
    found = page(client, "/search?q=tariff+notices")
    assert "<script>" not in found and "&lt;script&gt;" in found and "<mark>" in found
    assert "&lt;script&gt;" in page(client, "/search?q=%3Cscript%3E")  # the query itself, escaped


def test_only_web_addresses_are_linked(tmp_path_factory: pytest.TempPathFactory) -> None:
    with Desk.open(str(tmp_path_factory.mktemp("js") / "x.db"), embedder="fake") as desk:
        desk.add([make_release(1, url="javascript:alert(1)")])
        with TestClient(create_app(desk)) as c:
            text = page(c, f"/releases/{next(desk.releases()).release.id}")
    assert "javascript:" not in text


def test_a_longer_list_is_one_link_away(client: TestClient) -> None:
    text = page(client, "/search?q=exports&limit=2")
    assert 'href="/search?q=exports&amp;mode=lexical&amp;sort=relevance&amp;limit=4"' in text
    assert "Show more results" not in page(client, "/search?q=exports&limit=200")


def test_facets_are_links_that_narrow_the_query(client: TestClient) -> None:
    text = page(client, "/search?q=exports&mode=lexical&sort=date")
    links = re.findall(r'href="(/search\?q=exports\+place[^"]+)"', text)
    assert links and all("sort=date" in link for link in links)
    assert 'place%3A%22KR%22&amp;mode=lexical&amp;sort=date&amp;limit=20">South Korea</a>' in text
    narrowed = page(client, links[0].replace("&amp;", "&"))
    assert "matching" in narrowed


def test_a_release_page_links_its_entities_and_figures(client: TestClient) -> None:
    text = page(client, "/releases/c6969988")
    assert re.search(r'<a class="fact org" href="/entities/\d+"', text)
    assert 'class="fact money"' in text and 'href="/figures/' in text


def test_a_story_page_lists_its_releases_with_why_they_belong(client: TestClient, desk: Desk) -> None:
    (story,) = desk.stories(StoryFilter(min_size=2))
    text = page(client, f"/stories/{story.id}")
    assert text.count('href="/releases/') >= 3 and "Began the story." in text
    member = desk.story(story.id).members[1]
    assert f'href="/stories/{story.id}"' in page(client, f"/releases/{member.release_id}")


def test_an_entity_page_has_a_timeline(client: TestClient, desk: Desk) -> None:
    person = desk.entities()[0]
    text = page(client, f"/entities/{person.id}")
    assert "<svg class=\"timeline\" role=\"img\"" in text
    assert "Releases naming" in text


def test_an_entity_page_links_the_stories_of_its_releases(client: TestClient, desk: Desk) -> None:
    (story,) = desk.entity_view("Yeo Han-koo").stories
    text = page(client, f"/entities/{desk.find_entity('Yeo Han-koo').id}")
    assert 'id="stories-heading"' in text and f'href="/stories/{story.id}"' in text
    assert "2 releases" in text


def test_a_bad_query_is_told_on_the_page(client: TestClient) -> None:
    text = page(client, "/search?q=%22open", 400)
    assert "unterminated quote" in text and 'role="alert"' in text


def test_missing_things_are_a_404_page(client: TestClient) -> None:
    assert "no release with an id starting" in page(client, "/releases/ffffff", 404)
    assert "Not Found" in page(client, "/nowhere", 404)


def test_watches_are_added_run_and_removed_with_the_token(client: TestClient) -> None:
    form = {"action": "add", "name": "steel-watch", "query": "steel", "token": "wrong"}
    assert client.post("/watches", data=form).status_code == 401
    added = client.post("/watches", data=form | {"token": TOKEN}, follow_redirects=False)
    assert added.status_code == 303
    assert "steel-watch" in page(client, "/watches")
    run = client.post("/watches", data={"action": "run", "name": "steel-watch", "token": TOKEN})
    assert run.status_code == 200 and "steel-watch: 0 new" in run.text
    gone = client.post("/watches", data={"action": "remove", "name": "steel-watch", "token": TOKEN})
    assert gone.status_code == 200 and "steel-watch" not in gone.text


def test_a_file_is_uploaded_with_the_token(client: TestClient) -> None:
    data = b'{"title": "Uploaded by form", "date": "2025-12-03", "body": "Form upload."}\n'
    answer = client.post("/ingest", data={"token": TOKEN}, files={"file": ("x.jsonl", data)})
    assert answer.status_code == 200 and "Stored: 1 new" in answer.text
    refused = client.post("/ingest", data={"token": TOKEN, "url": "https://far.example/x"})
    assert refused.status_code == 403 and "not a host this server fetches from" in refused.text


def test_a_text_written_in_the_form_is_extracted_and_nothing_stored(
        client: TestClient, desk: Desk) -> None:
    before = desk.stats().releases
    release = {"title": "Chip <b>exports</b> rose", "date": "2025-11-14",
               "body": "Minister Kim Jung-kwan said exports to Vietnam rose 12.2 percent."}
    text = client.post("/extract", data=release).text  # no token: it stores nothing
    assert "Found in 1 release" in text and "Chip &lt;b&gt;exports&lt;/b&gt; rose" in text
    assert "name: Kim Jung-kwan; role: Minister" in text and "code: VN; name: Vietnam" in text
    assert 'value="2025-11-14"' in text  # the form keeps what was written
    assert "form:1: missing title" in client.post("/extract", data={"body": "x"}).text
    uploaded = client.post("/extract", files={"file": ("s.txt", SAMPLE.read_bytes())}).text
    assert "Found in 10 releases" in uploaded
    assert desk.stats().releases == before


def test_snippet_marks_become_mark_elements_and_nothing_else() -> None:
    start, end = MARKS
    assert highlight_snippet(f"a {start}<b>{end} c") == "a <mark>&lt;b&gt;</mark> c"
    assert highlight_snippet(f"{end}x{start}y") == "x<mark>y</mark>"  # unbalanced: no stray tag
    assert highlight_snippet("[plain] & text") == "[plain] &amp; text"


def test_annotations_wrap_escaped_text_and_never_overlap() -> None:
    title, body = "T", 'Minister Kim <b> paid USD 5 million.'
    offset = len(title) + 2
    facts = Extraction(
        people=(Person("Kim", "Minister", None, ("Minister Kim",), (Span(offset, offset + 12),)),),
        money=(Money("USD 5 million", 5e6, "USD", None, Span(offset + 22, offset + 35)),
               Money("5 million", 5e6, "USD", None, Span(offset + 26, offset + 35))),
    )
    release = Release.create(title=title, date="2025-01-01", body=body)
    from pressdesk.desk import ReleaseView

    view = ReleaseView(StoredRelease(release, 1, "", ""), facts,
                       (Entity(7, "person", "Kim", ("Kim",), 1),), ())
    notes = annotate(view)
    assert [n.kind for n in notes] == ["person", "money"]
    html = render_annotated(body, notes, offset)
    assert html.startswith('<a class="fact person" href="/entities/7"')
    assert "&lt;b&gt;" in html
    assert '<mark class="fact money" title="money: USD 5 million">USD 5 million</mark>' in html
