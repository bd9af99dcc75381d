from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, record, write_jsonl

from pressdesk.cli import cli
from pressdesk.desk import Desk


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def run(db: str, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_ingest_twice_is_idempotent(db: str) -> None:
    assert run(db, "ingest", str(SAMPLE)) == (0, "10 new, 0 changed, 0 unchanged\n", "")
    assert run(db, "ingest", str(SAMPLE))[1] == "0 new, 0 changed, 10 unchanged\n"


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSDESK_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLE)])
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


def test_rejections_go_to_stderr_with_exit_1(db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2, title="")])
    code, out, err = run(db, "ingest", str(path))
    assert code == 1 and out == "1 new, 0 changed, 0 unchanged, 1 rejected\n"
    assert err.startswith(f"{path}:2: ")


def test_strict(db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1), record(2, date="soon")])
    code, out, err = run(db, "ingest", "--strict", str(path))
    assert code == 1 and "nothing stored" in err
    assert json.loads(run(db, "list", "--json")[1]) == []


def test_stdin(db: str) -> None:
    line = json.dumps(record(5)) + "\n"
    assert run(db, "ingest", "-", input=line)[1].startswith("1 new")


def test_list_json_and_filters(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    rows = json.loads(run(db, "list", "--json")[1])
    assert len(rows) == 10
    assert {"id", "title", "date", "category", "source"} <= set(rows[0])
    narrowed = json.loads(run(db, "list", "--json", "--since", "2025-11-17")[1])
    assert narrowed and all(r["date"] >= "2025-11-17" for r in narrowed)
    category = rows[0]["category"]
    only = json.loads(run(db, "list", "--json", "--category", category)[1])
    assert {r["category"] for r in only} == {category}


def test_show_text_json_and_revisions(db: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(1)])
    run(db, "ingest", str(path))
    write_jsonl(path, [record(1, body="A corrected text.")])
    run(db, "ingest", str(path))
    rid = json.loads(run(db, "list", "--json")[1])[0]["id"]
    code, out, _ = run(db, "show", rid[:8], "--revisions")
    assert code == 0 and "revision 2" in out and "covers semiconductor" in out
    data = json.loads(run(db, "show", rid, "--json", "--revisions")[1])
    assert data["body"] == "A corrected text." and len(data["revisions"]) == 2
    assert "facts" in data


def test_show_unknown_id_is_one_line(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, _, err = run(db, "show", "nope")
    assert code == 1 and err.count("\n") == 1 and "nope" in err


def test_search_json_shape(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    hits = json.loads(run(db, "search", "semiconductor", "--json")[1])
    assert hits and set(hits[0]) == {"id", "title", "date", "score", "snippet"}


def test_malformed_query_is_one_line(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, _, err = run(db, "search", '"unclosed phrase')
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_stats(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    assert json.loads(run(db, "stats", "--json")[1])["releases"] == 10


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_round_trip(db: str, tmp_path: Path, fmt: str) -> None:
    run(db, "ingest", str(SAMPLE))
    out = tmp_path / f"e.{fmt}"
    assert run(db, "export", "--format", fmt, "-o", str(out))[0] == 0
    other = str(tmp_path / "other.db")
    assert run(other, "ingest", str(out))[1] == "10 new, 0 changed, 0 unchanged\n"


def test_export_to_stdout(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    assert len(run(db, "export")[1].splitlines()) == 10


def test_extract_prints_one_object_per_release() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE), "--format", "jsonl"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 10
    assert {"doc", "people", "orgs", "places", "money", "percents", "dates"} <= set(json.loads(lines[0]))


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_entities_and_show_link_them(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    orgs = json.loads(run(db, "entities", "--kind", "org", "--json")[1])
    assert orgs and {"id", "kind", "name", "names", "releases"} <= set(orgs[0])
    assert orgs[0]["releases"] >= orgs[-1]["releases"]
    rid = json.loads(run(db, "list", "--json")[1])[0]["id"]
    shown = json.loads(run(db, "show", rid, "--json")[1])
    assert shown["entities"] and all(e["id"] for e in shown["entities"])


def test_progress_counts_and_rate() -> None:
    import io

    from pressdesk.cli import _Progress

    stream = io.StringIO()
    bar = _Progress(stream)
    bar(500)
    bar.done()
    assert stream.getvalue().startswith("\r500 releases read (") and stream.getvalue().endswith("\n")


def test_no_progress_when_not_a_terminal(db: str) -> None:
    _, out, err = run(db, "ingest", str(SAMPLE))
    assert "releases read" not in err + out


@pytest.mark.embed
def test_semantic_hybrid_and_similar(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    assert run(db, "embed")[1] == "10 releases embedded\n"
    assert run(db, "embed")[1] == "0 releases embedded\n"  # once per text
    for mode in ("semantic", "hybrid"):
        hits = json.loads(run(db, "search", "carbon border tax on imports", "--mode", mode, "--json")[1])
        assert hits and "CBAM" in run(db, "show", hits[0]["id"])[1]
    rid = json.loads(run(db, "search", "ICT exports", "--json")[1])[0]["id"]
    alike = json.loads(run(db, "similar", rid[:8], "--json")[1])
    assert alike and rid not in {h["id"] for h in alike}


@pytest.mark.embed
def test_after_embed_nothing_is_missing_or_embedded_again(db: str) -> None:
    """Regression: vectors were stored under the embedder's name and looked up under its
    registry key, so every semantic search found every release "missing"."""
    run(db, "ingest", str(SAMPLE))
    run(db, "embed")
    with Desk.open(db, auto_embed=0) as desk:  # a store too big to embed itself
        assert desk.unembedded() == 0
    written = _vector_writes(db)
    code, _, err = run(db, "search", "tariff talks", "--mode", "semantic")
    assert code == 0 and "no vector yet" not in err and _vector_writes(db) == written


def _vector_writes(db: str) -> str | None:
    con = sqlite3.connect(db)
    row = con.execute("SELECT group_concat(value) FROM meta WHERE key LIKE 'vectors_version:%'")
    found: str | None = row.fetchone()[0]
    con.close()
    return found


@pytest.mark.embed
def test_semantic_search_embeds_a_small_store_itself(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, out, err = run(db, "search", "WTO complaints about foreign certification rules",
                         "--mode", "semantic", "--json")
    assert code == 0 and json.loads(out)


def test_deleted_index_is_rebuilt_from_the_store(db: str) -> None:
    import shutil

    run(db, "ingest", str(SAMPLE))
    shutil.rmtree(f"{db}.index")
    assert json.loads(run(db, "search", "semiconductor", "--json")[1])


def test_a_query_may_begin_with_a_minus(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, out, _ = run(db, "search", "-semiconductor", "--json")
    assert code == 0 and json.loads(out)
    assert all("semiconductor" not in h["title"].lower() for h in json.loads(out))


def test_a_query_nested_too_deeply_is_one_line(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, _, err = run(db, "search", "(" * 300 + "x" + ")" * 300)
    assert code == 1 and "nests too deeply" in err and err.count("\n") == 1


def test_entities_merge_split_rename(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    orgs = json.loads(run(db, "entities", "--kind", "org", "--json")[1])
    assert {"aliases", "evidence"} <= set(orgs[0])
    assert all({"name", "why"} == set(e) for o in orgs for e in o["evidence"])
    a, b = orgs[0], orgs[1]
    code, out, _ = run(db, "entities", "merge", f"#{a['id']}", f"#{b['id']}")
    assert code == 0 and out.startswith(f"#{a['id']}")
    merged = json.loads(run(db, "entity", f"#{a['id']}", "--json")[1])
    assert set(b["names"]) <= set(merged["names"])
    code, out, _ = run(db, "entities", "split", f"#{a['id']}", b["names"][0])
    assert code == 0 and b["names"][0] in out
    code, out, _ = run(db, "entities", "rename", f"#{a['id']}", "Renamed Body")
    assert code == 0 and "Renamed Body" in out
    run(db, "reextract", "--all", "--quiet")
    assert json.loads(run(db, "entity", f"#{a['id']}", "--json")[1])["name"] == "Renamed Body"
    assert run(db, "entities", "split", f"#{a['id']}", "No Such Name")[0] == 1


def test_entity_over_time(db: str) -> None:
    run(db, "ingest", str(SAMPLE))
    code, out, _ = run(db, "entity", "Yeo Han-koo")
    assert code == 0 and "person: Yeo Han-koo" in out and "Roles:" in out
    assert "Trade Minister, MOTIR  (2025-11-17 .. 2025-11-18, 3 releases)" in out
    assert "Stories:" in out and "2 releases  Middle Market Enterprises Lead Export" in out
    data = json.loads(run(db, "entity", "Yeo Han-koo", "--json")[1])
    assert {"releases", "roles", "related", "names", "stories"} <= set(data)
    assert [s["size"] for s in data["stories"]] == [2]
    assert run(db, "entity", "nobody here")[0] == 1
