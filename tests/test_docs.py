"""The README tells the truth: every command and Python example in it runs, in order,
against a temporary store, and every command of the CLI is in its table."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from pressdesk.cli import cli

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(sh|python)\n(.*?)```", re.DOTALL)


def blocks(kind: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == kind]


def commands() -> list[list[str]]:
    """Every `pressdesk ...` line of the README's shell blocks, as arguments, comment cut."""
    lines = [line for body in blocks("sh") for line in body.splitlines()]
    return [shlex.split(line, comments=True)[1:] for line in lines if line.startswith("pressdesk ")]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder holding the project's data/, the store's default home."""
    (tmp_path / "data").symlink_to(REPO / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRESSDESK_DB", raising=False)
    return tmp_path


def test_the_readme_shows_commands() -> None:
    assert len(commands()) >= 15 and blocks("python")


@pytest.mark.embed
def test_every_readme_command_runs(workdir: Path) -> None:
    for args in commands():
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, f"pressdesk {shlex.join(args)}: {result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (workdir / "pressdesk.db").exists() and (workdir / "releases.parquet").exists()


def test_the_readme_ingest_outputs_are_what_it_says(workdir: Path) -> None:
    shown = re.findall(r"^pressdesk (ingest \S+) +# (.+)$", README, re.MULTILINE)
    assert shown
    for command, output in shown:
        assert CliRunner().invoke(cli, command.split()).output.strip() == output


def test_every_python_example_runs(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for code in blocks("python"):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert "Korea" in capsys.readouterr().out


def test_every_command_is_in_the_table() -> None:
    table = set(re.findall(r"^\| `(\w+)[ `]", README, re.MULTILINE))
    assert set(cli.commands) <= table, set(cli.commands) - table
