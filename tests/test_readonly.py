"""A store that cannot be written (a read-only file in a read-only folder) can still be
listed, shown, searched, checked and exported; a write is one clear error.

The commands run in a child process without the capability that lets root write
anything (``setpriv`` drops CAP_DAC_OVERRIDE), so file permissions hold even here.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE

from pressdesk.desk import Desk

SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(SETPRIV is None, reason="needs setpriv (util-linux)")
DROP = "-dac_override,-dac_read_search"


def pressdesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert SETPRIV is not None
    cmd = [SETPRIV, f"--bounding-set={DROP}", f"--inh-caps={DROP}",
           sys.executable, "-m", "pressdesk", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def frozen(tmp_path: Path) -> Iterator[Path]:
    """A store with its index, then every file and folder of it made read-only."""
    folder = tmp_path / "frozen"
    folder.mkdir()
    db = folder / "x.db"
    with Desk.open(str(db), embedder="fake") as desk:
        desk.ingest([str(SAMPLE)])
    paths = [folder, *folder.rglob("*")]
    for path in sorted(paths, reverse=True):
        path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)
    yield db
    for path in paths:
        path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o200)


def test_the_child_really_cannot_write(frozen: Path) -> None:
    assert SETPRIV is not None
    probe = subprocess.run([SETPRIV, f"--bounding-set={DROP}", f"--inh-caps={DROP}",
                            "sh", "-c", f"echo x >> {frozen}"], capture_output=True)
    assert probe.returncode != 0


@pytest.mark.parametrize(
    "args",
    [("stats",), ("list", "--limit", "2"), ("show", "c6969988"), ("search", "tariff"),
     ("search", "steel", "--facets"), ("entities", "--limit", "3"), ("check",), ("export",)],
)
def test_reading_commands_work(frozen: Path, args: tuple[str, ...]) -> None:
    result = pressdesk(frozen, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout and "Traceback" not in result.stderr


def test_an_export_may_go_elsewhere(frozen: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert pressdesk(frozen, "export", "-o", str(out)).returncode == 0
    assert len(out.read_text().splitlines()) == 10


def test_a_write_is_one_clear_error(frozen: Path) -> None:
    before = os.stat(frozen).st_mtime_ns
    result = pressdesk(frozen, "ingest", str(SAMPLE.parent / "ustr-2019.jsonl"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the store is read-only" in result.stderr and result.stderr.count("\n") == 1
    assert os.stat(frozen).st_mtime_ns == before
