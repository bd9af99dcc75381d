"""Worker processes: work done in chunks by forked workers gives what doing it here gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from conftest import SAMPLE

from pressdesk import workers

# A fresh interpreter: workers are forked only from a process running one thread.
CHECK = """
import json, sys
from pressdesk import workers
from pressdesk.extract import extract
from pressdesk.ingest import extract_chunk
from pressdesk.models import Release
from pressdesk.readers import read_path
from pressdesk.stories.features import read_text
from pressdesk.stories.workers import read_texts
releases = [r for r in read_path(sys.argv[1]) if isinstance(r, Release)] * 25
releases.append(Release.create(title="", date="2025-01-01", body="", source="x"))  # no terms
texts = list(read_texts(releases, worker_min=1))
facts = workers.map_shared(extract_chunk, releases[:40], chunk=4, least=1)
print(json.dumps({"workers": workers._pool is not None,
                  "texts": texts == [read_text(r) for r in releases],
                  "facts": facts == [extract(r) for r in releases[:40]]}))
"""


def test_workers_read_and_extract_as_this_process_would() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK, str(SAMPLE)], capture_output=True,
                          text=True, check=True)
    assert json.loads(done.stdout) == {"workers": True, "texts": True, "facts": True}


def doubled(items: Sequence[int]) -> list[int]:
    return [2 * x for x in items]


def test_small_work_is_done_here_in_order() -> None:
    assert list(workers.map_chunks(doubled, range(7), chunk=2, least=100)) == [0, 2, 4, 6, 8, 10, 12]
    assert workers.map_shared(doubled, range(7), chunk=2, least=100) == [0, 2, 4, 6, 8, 10, 12]


def test_the_chunks_of_a_stopped_worker_are_done_here() -> None:
    broken: Future[list[int]] = Future()
    broken.set_exception(BrokenProcessPool("killed"))
    assert workers._result(broken, doubled, [1, 2]) == [2, 4]
    assert workers._result(None, doubled, [3]) == [6]
