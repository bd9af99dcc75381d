"""Series of figures across releases, their charts and tables; events listed and exported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import make_release

from pressdesk.charts import chart_bytes, period_end
from pressdesk.cli import cli
from pressdesk.desk import Desk
from pressdesk.errors import NotFound
from pressdesk.facts import Event, Extraction, Figure, Span
from pressdesk.ingest import IngestOptions
from pressdesk.series import series_key
from pressdesk.store import EventFilter


def figure(name: str, period: str, value: float | None, unit: str | None = "USD",
           change: float | None = None) -> Figure:
    return Figure(name, series_key(name), period, value, unit if value is not None else None,
                  change, "percent" if change is not None else None,
                  "up" if change is not None else None)


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Three releases reporting ICT exports (one revising October) and two events."""
    path = str(tmp_path / "f.db")
    releases = [make_release(i, date=d) for i, d in enumerate(["2025-10-14", "2025-11-14",
                                                               "2025-12-12"])]
    span = Span(0, 4)
    facts = [
        Extraction(figures=(figure("ICT exports", "2025-09", 21.0e9, change=3.5),
                            figure("chip exports", "2025-09", None, change=12.0))),
        Extraction(figures=(figure("ICT exports", "2025-10", 23.3e9, change=12.2),),
                   events=(Event("statistics", ("KR",), (), "2025-11-14", "Figures out.", span),)),
        Extraction(figures=(figure("exports of ICT", "2025-11", 24.1e9),
                            figure("ICT exports", "2025-10", 23.6e9)),
                   events=(Event("tariff", ("US",), ("KR",), "2025-12-01", "Tariffs cut.", span),)),
    ]
    with Desk.open(path) as desk:
        desk.add(releases, IngestOptions(extract=False))
        with desk.store.transaction():
            desk.store.save_facts(list(zip(releases, facts, strict=True)))
    return path


def test_any_name_finds_the_series_with_its_revisions(db: str) -> None:
    with Desk.open(db) as desk:
        view = desk.figures("exports of ICT")
        assert view.series.name == "ICT exports" and view.series.releases == 3
        assert [(p.figure.period, p.figure.value, p.revised) for p in view.points] == [
            ("2025-09", 21.0e9, False), ("2025-10", 23.3e9, True), ("2025-10", 23.6e9, True),
            ("2025-11", 24.1e9, False)]
        assert desk.figures("semiconductor exports").series.name == "chip exports"
        with pytest.raises(NotFound, match="pressdesk figures"):
            desk.figures("rice imports")


def test_a_shorter_name_finds_the_one_narrower_series_or_names_the_candidates(tmp_path: Path) -> None:
    releases = [make_release(i) for i in range(2)]
    facts = [Extraction(figures=(figure("Korea's ICT exports", "2025-10", 23.3e9),)),
             Extraction(figures=(figure("Japan's chip exports", "2025-10", 1.0e9),
                                 figure("Korea's chip exports", "2025-10", 2.0e9)))]
    with Desk.open(str(tmp_path / "n.db")) as desk:
        desk.add(releases, IngestOptions(extract=False))
        with desk.store.transaction():
            desk.store.save_facts(list(zip(releases, facts, strict=True)))
        assert desk.figures("ICT exports").series.name == "Korea's ICT exports"
        with pytest.raises(NotFound, match="Japan's chip exports; Korea's chip exports"):
            desk.figures("semiconductor exports")


@pytest.mark.parametrize(("period", "end"), [
    ("2025-10", "2025-10-31"), ("2024-02", "2024-02-29"), ("2025-Q2", "2025-06-30"),
    ("2025-H1", "2025-06-30"), ("2025", "2025-12-31"), ("2025-01/2025-11", "2025-11-30"),
    ("2025-11-14", "2025-11-14")])
def test_a_period_is_charted_at_its_end(period: str, end: str) -> None:
    assert str(period_end(period)) == end
    assert period_end("soon") is None and period_end(None) is None


def test_charts_are_real_png_and_svg(db: str, tmp_path: Path) -> None:
    with Desk.open(db) as desk:
        png = chart_bytes(desk.figures("ICT exports"), "png")
        assert png.startswith(b"\x89PNG") and len(png) > 5_000
        svg = chart_bytes(desk.figures("chip exports"), "svg").decode()  # changes only: bars
        assert svg.lstrip().startswith("<?xml") and "chip exports" in svg
        assert "change (%)" in svg


def test_the_command_lists_shows_charts_and_tables(db: str, tmp_path: Path) -> None:
    run = CliRunner()
    listed = run.invoke(cli, ["--db", db, "figures"])
    assert listed.exit_code == 0 and listed.stdout.startswith("ICT exports")
    shown = run.invoke(cli, ["--db", db, "figures", "ICT exports"])
    october = [line for line in shown.stdout.splitlines() if line.startswith("2025-10 ")]
    assert len(october) == 2 and all("(revised: releases differ)" in line for line in october)
    data = json.loads(run.invoke(cli, ["--db", db, "figures", "ICT exports", "--json"]).stdout)
    assert [f["revised"] for f in data["figures"]] == [False, True, True, False]
    table = list(csv.DictReader(io.StringIO(
        run.invoke(cli, ["--db", db, "figures", "ICT exports", "--csv"]).stdout)))
    assert table[1]["value"] == "23300000000.0" and table[1]["revised"] == "True"
    chart = tmp_path / "ict.png"
    drawn = run.invoke(cli, ["--db", db, "figures", "ICT exports", "--chart", str(chart)])
    assert drawn.exit_code == 0 and chart.read_bytes().startswith(b"\x89PNG")


def test_events_listed_and_narrowed(db: str) -> None:
    with Desk.open(db) as desk:
        assert [e.type for e in desk.events()] == ["tariff", "statistics"]
        assert [e.type for e in desk.events(EventFilter(place="US"))] == ["tariff"]
    out = CliRunner().invoke(cli, ["--db", db, "events", "--type", "tariff", "--json"]).stdout
    assert json.loads(out)[0]["implementer"] == ["US"] and json.loads(out)[0]["partner"] == ["KR"]
    text = CliRunner().invoke(cli, ["--db", db, "events", "--place", "kr"]).stdout
    assert "tariff" in text and "statistics" in text and "Tariffs cut." in text


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_figures_and_events_export_as_tidy_tables(db: str, tmp_path: Path, fmt: str) -> None:
    for what, count in (("figures", 5), ("events", 2)):
        out = tmp_path / f"{what}.{fmt}"
        result = CliRunner().invoke(cli, ["--db", db, "export", "--what", what, "--format", fmt,
                                          "-o", str(out)])
        assert result.exit_code == 0 and f"{count} {what} written" in result.stderr
        if fmt == "parquet":
            assert pq.read_table(out).num_rows == count
        elif fmt == "csv":
            assert len(list(csv.DictReader(out.open()))) == count
        else:
            assert len(out.read_text().splitlines()) == count
