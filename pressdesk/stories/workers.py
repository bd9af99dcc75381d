"""A batch's texts read by worker processes while the grouper decides.

Reading a release's text (its weighted words and shingle sketch, ``read_text``)
needs nothing but the release, and is about a third of grouping's time; the
grouper's decisions must be made one release after another. So a large batch
is cut into chunks that the workers read (``pressdesk.workers.map_chunks``:
this process reads the first), and the grouper takes the readings in order as
they come, deciding while the workers read ahead. On two cores that takes the
reading off the grouper's path; the stories are the same (the readings are).

The workers are sent titles and bodies and send back arrays and one string
per release: unpickling dictionaries of terms cost the grouper's process a
tenth of its time.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from pressdesk.models import Release
from pressdesk.stories.features import BODY_CHARS, TextReading, read_words
from pressdesk.workers import map_chunks

__all__ = ["CHUNK", "WORKER_MIN", "Packed", "read_chunk", "read_texts"]

CHUNK = 100  # releases a worker reads at a time
WORKER_MIN = 400  # batches smaller than this are read in this process
SEP = "\x1f"  # between the names of a packed reading (no term holds it)

Packed = tuple["array[int]", "array[float]", str, tuple[int, ...]]  # a TextReading in transit


def read_texts(releases: Sequence[Release], *, worker_min: int = WORKER_MIN) -> Iterator[TextReading]:
    """Each release's ``read_text``, in order (see the module docstring)."""
    texts = [(r.title, r.body[:BODY_CHARS]) for r in releases]
    return map(unpack, map_chunks(read_chunk, texts, chunk=CHUNK, least=worker_min))


def read_chunk(texts: Sequence[tuple[str, str]]) -> list[Packed]:
    """What a worker runs on (title, body) pairs: their readings, packed."""
    return [pack(read_words(title, body)) for title, body in texts]


def pack(text: TextReading) -> Packed:
    terms = list(text.hashed)
    return (array("I", terms), array("d", text.hashed.values()),
            SEP.join(text.names[t] for t in terms), text.shingles)


def unpack(packed: Packed) -> TextReading:
    terms, weights, names, shingles = packed
    return TextReading(dict(zip(terms, weights, strict=True)),
                       dict(zip(terms, names.split(SEP) if terms else [], strict=True)), shingles)
