"""A store for the web tests: the sample, a release whose text is an attack, and one revised."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE, make_release

from pressdesk.desk import Desk

SCRIPT_BODY = ('The ministry warned about <script>alert("x")</script> and '
               '<img src=x onerror=alert(1)> in tariff notices & "quotes".')


def build_store(folder: Path) -> str:
    """A file store (the web app shares it between threads, which :memory: cannot do)."""
    db = str(folder / "web.db")
    with Desk.open(db, embedder="fake") as desk:
        desk.ingest([str(SAMPLE)])
        desk.add([make_release(1, title="Tariff <b>notice</b>", body=SCRIPT_BODY,
                               url="https://example.gov/script")])
        desk.add([make_release(2, title="Steel safeguard", body="First text about steel.",
                               url="https://example.gov/revised")])
        desk.add([make_release(2, title="Steel safeguard", body="Second text about steel.",
                               url="https://example.gov/revised")])
    return db
