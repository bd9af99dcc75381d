"""Briefings: the period's stories summarised, key figures, who met whom, what is coming."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from conftest import SAMPLE, make_release

from pressdesk.brief import (
    Brief,
    meetings,
    period_start,
    render_html,
    render_markdown,
    render_pdf,
    sentences,
    summarise,
)
from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.facts import Person
from pressdesk.models import StoredRelease
from pressdesk.render import person


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("brief") / "b.db")
    with Desk.open(db) as desk:
        desk.ingest([str(SAMPLE)])
    yield db


@pytest.fixture(scope="module")
def brief(sample_db: str) -> Brief:
    with Desk.open(sample_db) as desk:
        return desk.brief("2025-11-13", "2025-11-18")


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "The U.S. Trade Representative met Dr. Lee in Seoul today. Talks went well for them."
    assert sentences(text) == ["The U.S. Trade Representative met Dr. Lee in Seoul today.",
                               "Talks went well for them."]


def test_a_summary_keeps_the_central_sentences_in_reading_order() -> None:
    bodies = [
        "The ministry cut steel tariffs by five percent on Monday. The weather was sunny all week "
        "in the capital region. Steel makers welcomed the tariff cut on imported steel.",
        "Steel tariffs were cut by five percent, the ministry said. Analysts expect steel imports "
        "to rise after the tariff cut.",
    ]
    summary = summarise(bodies, size=2)
    assert len(summary) == 2 and not any("weather" in s for s in summary)
    assert summary[0].startswith("The ministry cut steel tariffs")


def test_a_summary_passes_over_sentences_that_lean_on_the_one_before() -> None:
    bodies = ["The ministry cut steel tariffs by five percent on Monday. He added that the steel "
              "tariff cut on imported steel would help steel makers. Steel makers welcomed the "
              "cut in steel tariffs on imported steel."]
    summary = summarise(bodies, size=2)
    assert summary == ["The ministry cut steel tariffs by five percent on Monday.",
                       "Steel makers welcomed the cut in steel tariffs on imported steel."]


def stored(title: str, body: str, day: int) -> StoredRelease:
    return StoredRelease(make_release(day, body, title=title), 1, "", "")


def test_a_person_is_told_with_role_and_body_once() -> None:
    park = Person("Park Jung-sung", "Deputy Minister for Trade", "Ministry of Trade", (), ())
    yeo = Person("Yeo Han-koo", "MOTIR Trade Minister", "MOTIR", (), ())
    assert person(park) == "Park Jung-sung (Deputy Minister for Trade, Ministry of Trade)"
    assert person(yeo) == "Yeo Han-koo (MOTIR Trade Minister)"
    assert person(Person("Lee", None, None, (), ())) == "Lee"


def test_a_meeting_is_told_on_the_day_its_sentence_names_else_the_releases() -> None:
    from pressdesk.extract import extract

    dated = stored("Trade talks in Seoul", "The ministry said on Friday that trade talks went "
                   "well. Minister Ana Ruiz met with Commissioner Tom Berg on Wednesday, "
                   "November 12, in Seoul to discuss steel quotas.", 13)
    undated = stored("Ministers meet", "Minister Ana Ruiz held talks with Commissioner Tom Berg "
                     "on steel quotas and the two agreed to meet again.", 13)
    facts = {s.release.id: extract(s.release) for s in (dated, undated)}
    found = {m.release.release.id: m for m in meetings([dated, undated], facts)}
    assert dated.release.date == undated.release.date == "2025-11-14"
    assert found[dated.release.id].date == "2025-11-12"
    assert found[undated.release.id].date == "2025-11-14"
    assert "Wednesday, November 12" in found[dated.release.id].sentence


@pytest.mark.parametrize(("value", "start"), [
    ("2026-Q1", "2026-01-01"), ("2025-H2", "2025-07-01"), ("2025-12", "2025-12-01"),
    ("2025-12-03", "2025-12-03"), ("2026", "2026-01-01")])
def test_a_period_starts_on_its_first_day(value: str, start: str) -> None:
    assert period_start(value) == start


def test_the_sample_brief_holds_what_an_analyst_needs(brief: Brief) -> None:
    assert len(brief.stories) >= 9 and brief.stories[0].weight >= brief.stories[-1].weight
    assert all(1 <= len(s.summary) <= 3 for s in brief.stories)
    ict = [f for f in brief.figures if f.period == "2025-10" and f.value == pytest.approx(23.3e9)]
    assert ict and ict[0].unit == "USD" and ict[0].change == 12.2 and ict[0].direction == "up"
    coming = {(u.value, u.sentence) for u in brief.upcoming}
    assert any(v == "2025-12" and "FTA Joint Committee" in s for v, s in coming)
    assert any(v == "2026-Q1" and "Trade Committee" in s for v, s in coming)
    assert all(len(u.value) > 4 and u.value >= "2025-11-19"[: len(u.value)] for u in brief.upcoming)
    met = {p.name for m in brief.meetings for p in m.people}
    assert {"Park Jung-sung", "Tran Quoc Phuong"} <= met
    (vietnam,) = [m for m in brief.meetings if "Tran Quoc Phuong" in {p.name for p in m.people}]
    assert {p.name for p in vietnam.people} == {"Park Jung-sung", "Tran Quoc Phuong"}  # no aside
    assert (vietnam.date, vietnam.release.release.date) == ("2025-11-13", "2025-11-14")


def test_markdown_and_html(brief: Brief) -> None:
    md = render_markdown(brief)
    for heading in ("## What happened", "## Key figures", "## Who met whom", "## What is coming"):
        assert heading in md
    assert "| Korea's ICT exports | 2025-10 | USD 23.3 billion | +12.2% |" in md
    assert "| Mobile phones | 2025-10 |  | -11.8% |" in md  # rows begin with a capital
    page = render_html(brief)
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert not re.search(r"\bsrc=|<link\b|@import|url\(", page)  # nothing is loaded from elsewhere
    assert "<style>" in page and "What is coming" in page


def test_pdf_renders_with_its_text(brief: Brief, tmp_path: Path) -> None:
    data = render_pdf(brief)
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "What is coming" in text and "Who met whom" in text and "ICT" in text
    image = pdf[0].render(scale=1).to_pil()
    darkest, lightest = image.convert("L").getextrema()
    assert image.size[0] > 500 and darkest < 100 < lightest  # text on a page, not blank


def test_the_command_writes_every_format(sample_db: str, tmp_path: Path) -> None:
    for fmt in ("md", "html", "pdf"):
        out = tmp_path / f"brief.{fmt}"
        result = CliRunner().invoke(cli, ["--db", sample_db, "brief", "--since", "2025-11-13",
                                          "--until", "2025-11-18", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    refused = CliRunner().invoke(cli, ["--db", sample_db, "brief", "--since", "2025-11-13",
                                       "--until", "2025-11-18", "--format", "pdf"])
    assert refused.exit_code == 2 and "needs -o FILE" in refused.output
    narrowed = CliRunner().invoke(cli, ["--db", sample_db, "brief", "--since", "2025-11-13",
                                        "--until", "2025-11-18", "--query", "place:VN"])
    assert "Corporate Support Measures with Vietnam" in narrowed.stdout
    assert "K-Mobility" not in narrowed.stdout


def test_the_brief_ranks_stories_not_releases(brief: Brief) -> None:
    (meetup,) = [s for s in brief.stories if len(s.releases) > 1]
    assert meetup.story_id and len(brief.stories) == 9
    assert {"Meet-up Day" in s.release.title for s in meetup.releases} == {True, False}
    assert all(s.story_id for s in brief.stories)
def test_only_web_addresses_become_links_in_the_html(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.db"), embedder="fake") as desk:
        desk.add([make_release(1, url="javascript:alert(1)"), make_release(2, url="https://e.gov/2")])
        page = render_html(desk.brief("2025-11-01", "2025-11-30"))
    assert "javascript:" not in page and "href='https://e.gov/2'" in page


def test_a_brief_tells_the_heaviest_stories_and_says_how_many_there_were(sample_db: str) -> None:
    with Desk.open(sample_db) as desk:
        whole = desk.brief("2025-11-13", "2025-11-18")
        short = desk.brief("2025-11-13", "2025-11-18", limit=3)
    assert [s.title for s in short.stories] == [s.title for s in whole.stories[:3]]
    assert (short.total_stories, short.total_releases, short.more) == (9, 10, 6)
    assert "The 3 heaviest of 9 stories from 10 releases." in render_markdown(short)
    assert "9 stories from 10 releases." in render_markdown(whole) and whole.more == 0
    assert short.figures == whole.figures and short.upcoming == whole.upcoming  # the period's
    told = CliRunner().invoke(cli, ["--db", sample_db, "brief", "--since", "2025-11-13",
                                    "--until", "2025-11-18", "--limit", "2"])
    assert told.exit_code == 0 and told.stdout.count("\n### ") == 2
