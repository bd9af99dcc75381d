"""The UI in a real browser: Debian's Chromium, headless, driven by Playwright, against the
app served by uvicorn on a free local port. A person's paths through it (search, a facet,
a release, an entity, a chart, a brief, a watch, extraction), the keyboard, and an accessibility
check of every page (axe-core: no serious or critical violation). No page asks anything of
another host. Screenshots of each page are kept in .pytest_cache/d/screenshots/ as test
artefacts.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, Dialog, Page, Request, sync_playwright
from webstore import build_store

from pressdesk.desk import Desk
from pressdesk.web import WebSettings, create_app

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium reaches for Google's services, which a
# closed network refuses; the server under test is the only address it needs.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-token"
PAGES = {
    "home": "/", "search": "/search?q=exports", "releases": "/releases",
    "release": "/releases/c6969988", "entities": "/entities", "entity": "/entities/1",
    "figures": "/figures", "series": "/figures/semiconductor%20exports",
    "events": "/events?all=true", "brief": "/brief?since=2025-11-01&until=2025-11-30",
    "watches": "/watches", "ingest": "/ingest", "extract": "/extract", "stats": "/stats",
    "similar": "/releases/c6969988/similar", "stories": "/stories",
    "error": "/releases/ffffff",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on uvicorn in a thread, as `pressdesk serve` runs it."""
    with Desk.open(build_store(tmp_path_factory.mktemp("browser")), embedder="fake") as desk:
        port = free_port()
        config = uvicorn.Config(create_app(desk, WebSettings(token=TOKEN)), host="127.0.0.1",
                                port=port, log_level="warning")
        running = uvicorn.Server(config)
        thread = threading.Thread(target=running.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not running.started and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        running.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, accept_downloads=True)
    opened = context.new_page()
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:  # alert() from a release's text would land here
        dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", refuse)
    elsewhere = requests_elsewhere(opened, server)
    yield opened
    context.close()
    assert not dialogs, f"a script ran: {dialogs}"
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def requests_elsewhere(p: Page, server: str) -> list[str]:
    """The URLs that ``p`` asks of any host but the server (none: no CDN), filled in as it goes."""
    elsewhere: list[str] = []

    def note(request: Request) -> None:
        if not request.url.startswith((server, "data:", "blob:")):
            elsewhere.append(request.url)

    p.on("request", note)
    return elsewhere


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest) -> Path:
    return Path(request.config.cache.mkdir("screenshots"))


def test_search_facet_release_entity(page: Page, shots: Path) -> None:
    p = page
    p.goto("/")
    p.fill("#q", "exports")
    p.press("#q", "Enter")
    p.wait_for_url("**/search?q=exports*")
    assert p.locator("ol.hits li mark").count() > 0
    p.screenshot(path=shots / "flow-1-search.png", full_page=True)
    p.locator(".facets a", has_text="South Korea").first.click()  # narrowed by its code
    p.wait_for_url("**place*KR*")
    assert 'place:"KR"' in p.input_value("#q")
    p.screenshot(path=shots / "flow-2-facet.png", full_page=True)
    p.locator("ol.hits h3 a").first.click()
    p.wait_for_url("**/releases/*")
    assert p.locator("article.release h1").is_visible()
    p.screenshot(path=shots / "flow-3-release.png", full_page=True)
    entity = p.locator(".release .body a.fact.org").first
    name = (entity.get_attribute("title") or "").split(": ", 1)[1]
    entity.click()
    p.wait_for_url("**/entities/*")
    assert p.locator("svg.timeline").is_visible()
    assert p.locator("h1").inner_text() in name or name in p.locator("main").inner_text()
    p.screenshot(path=shots / "flow-4-entity.png", full_page=True)


def test_a_story_opens_from_its_release(page: Page, shots: Path) -> None:
    p = page
    p.goto("/stories?min_size=2")
    p.locator("ul.stories li a").first.click()
    p.wait_for_url("**/stories/*")
    members = p.locator("ol.members > li > a")
    assert members.count() == 2
    members.nth(1).click()
    p.wait_for_url("**/releases/*")
    p.locator("section[aria-labelledby=story-heading] a", has_text="Middle Market Enterprises").first.click()
    p.wait_for_url("**/stories/*")
    p.screenshot(path=shots / "flow-story.png", full_page=True)


def test_a_chart_opens_and_draws(page: Page, shots: Path) -> None:
    p = page
    p.goto("/figures")
    p.locator("ul.series h2 a", has_text="semiconductor exports").first.click()
    p.wait_for_url("**/figures/*")
    chart = p.locator("figure img.chart")
    chart.wait_for()
    p.wait_for_function("document.querySelector('figure img.chart').naturalWidth > 0")
    p.screenshot(path=shots / "flow-5-chart.png", full_page=True)


def test_a_brief_downloads(page: Page, tmp_path: Path) -> None:
    p = page
    p.goto("/brief")
    p.fill("#since", "2025-11-01")
    p.fill("#until", "2025-11-30")
    p.click("text=Make the brief")
    p.wait_for_url("**/brief?since=2025-11-01*")
    for label, magic in (("PDF", b"%PDF"), ("Markdown", b"# Brief")):
        with p.expect_download() as waiting:
            p.click(f".downloads a:text-is('{label}')")
        saved = tmp_path / waiting.value.suggested_filename
        waiting.value.save_as(saved)
        assert saved.read_bytes().startswith(magic)


def test_a_watch_is_added_with_the_token(page: Page, shots: Path) -> None:
    p = page
    p.goto("/watches")
    p.fill("#watch-name", "semis")
    p.fill("#watch-query", "semiconductor*")
    p.fill("#token-add", "not the token")
    p.click("text=Add watch")
    assert "valid token" in p.locator("main").inner_text()
    p.goto("/watches")
    p.fill("#watch-name", "semis")
    p.fill("#watch-query", "semiconductor*")
    p.fill("#token-add", TOKEN)
    p.click("text=Add watch")
    p.wait_for_url("**/watches?added=semis")
    assert p.locator("td", has_text="semiconductor*").count() == 1
    p.screenshot(path=shots / "flow-6-watch.png", full_page=True)


def test_a_written_release_is_extracted(page: Page, shots: Path) -> None:
    p = page
    p.goto("/extract")
    p.fill("#x-title", "Chip exports rose")
    p.fill("#x-date", "2025-11-14")
    p.fill("#x-body", "Minister Kim Jung-kwan said exports to Vietnam rose 12.2 percent.")
    p.click("button:text-is('Extract')")
    p.wait_for_selector("article.prediction")
    assert "name: Kim Jung-kwan; role: Minister" in p.locator("article.prediction").inner_text()
    p.screenshot(path=shots / "flow-7-extract.png", full_page=True)
    assert not serious_violations(p)


def test_the_keyboard_reaches_search_and_the_skip_link(page: Page) -> None:
    p = page
    p.goto("/releases")
    p.keyboard.press("/")
    assert p.evaluate("document.activeElement.id") == "quick-q"
    p.goto("/releases")
    p.keyboard.press("Tab")
    assert p.evaluate("document.activeElement.textContent") == "Skip to content"


def test_release_text_with_a_script_is_shown_as_text(page: Page, server: str) -> None:
    import httpx

    hit = httpx.get(f"{server}/api/search", params={"q": '"tariff notices"'}).json()["hits"][0]
    p = page
    p.goto(f"/releases/{hit['id']}")
    assert '<script>alert("x")</script>' in p.locator(".release .body").inner_text()


def serious_violations(p: Page) -> list[tuple[Any, ...]]:
    """What axe-core finds serious or critical on the page: rule, impact, help, a few nodes."""
    from axe_playwright_python.sync_playwright import Axe

    return [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in Axe().run(p).response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_is_accessible(browser: Browser, server: str, shots: Path, name: str) -> None:
    failures: list[tuple[Any, ...]] = []
    for width, label in ((1280, "laptop"), (390, "phone")):
        context = browser.new_context(base_url=server, viewport={"width": width, "height": 900})
        p = context.new_page()
        elsewhere = requests_elsewhere(p, server)
        p.goto(PAGES[name])
        p.wait_for_load_state("networkidle")
        p.screenshot(path=shots / f"{name}-{label}.png", full_page=True)
        failures += [(label, *v) for v in serious_violations(p)]
        failures += [(label, "request to another host", url) for url in elsewhere]
        context.close()
    assert not failures, failures
