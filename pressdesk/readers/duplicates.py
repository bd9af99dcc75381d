"""One record per release id within one input: the first is kept, a later different one rejected.

A release's id comes from its source and URL, else its source and the feed's
own id, else its source, title and date (``models.release_id``). Two records of
one input with the same id but different text would make the store keep
whichever came last as a new revision, and flip back on every later ingest of
that input. So within one ``read_path`` call the first record with an id is
kept; a later record with that id and the same text passes too (the store
counts it unchanged); one with different text is rejected, naming where the
first was read. Records that carry revision numbers (``export --revisions``)
are told apart by them: each revision of a release is a record of its own.

What is remembered of each id is compact: its 64 bits, 32 bits of its content
hash, and where it was read, 20 bytes in a table of machine words kept a third
to two thirds full, so 30 to 60 bytes a release (a dict of Python ints would
take 115).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from pressdesk.models import Origin, Rejection, Release
from pressdesk.readers.records import Item

_EMPTY = 0
_LAST_LINE = 2**32 - 1


class SeenIds:
    """An open-addressing table: release id (64 bits) -> content hash (32 bits), line and
    file of the first record read with it."""

    def __init__(self) -> None:
        self._keys = array("Q", bytes(8 * 1024))
        self._marks = array("Q", bytes(8 * 1024))  # content hash << 32 | line
        self._files = array("I", bytes(4 * 1024))
        self._names: list[str] = []
        self._count = 0

    def first(self, release: Release) -> tuple[int, Origin | None]:
        """The content hash (32 bits) and origin of the first record with this release's id,
        recording this one if it is the first (then its own hash, and no origin)."""
        key, mark = _key(release), _mark(release)
        slot = self._slot(key)
        if self._keys[slot] != _EMPTY:
            return self._marks[slot] >> 32, self._origin(slot)
        self._keys[slot], self._marks[slot] = key, mark
        self._files[slot] = self._file_index(release.origin)
        self._count += 1
        if 3 * self._count > 2 * len(self._keys):
            self._grow()
        return mark >> 32, None

    def _slot(self, key: int) -> int:
        mask = len(self._keys) - 1
        slot = key & mask
        while self._keys[slot] not in (_EMPTY, key):
            slot = (slot + 1) & mask
        return slot

    def _origin(self, slot: int) -> Origin:
        line = self._marks[slot] & _LAST_LINE
        return Origin(self._names[self._files[slot]], line or None)

    def _file_index(self, origin: Origin | None) -> int:
        name = origin.path if origin else ""
        if not self._names or self._names[-1] != name:  # files are read one after another
            self._names.append(name)
        return len(self._names) - 1

    def _grow(self) -> None:
        keys, marks, files = self._keys, self._marks, self._files
        size = 2 * len(keys)
        self._keys, self._marks, self._files = array("Q", bytes(8 * size)), array("Q", bytes(8 * size)), \
            array("I", bytes(4 * size))
        for key, mark, file in zip(keys, marks, files, strict=True):
            if key != _EMPTY:
                slot = self._slot(key)
                self._keys[slot], self._marks[slot], self._files[slot] = key, mark, file


def _key(release: Release) -> int:
    """The release id's 64 bits, mixed with the revision number a record claims: an export's
    revisions of one release are records of their own."""
    mixed = int(release.id, 16) ^ (release.revision or 0) * 0x9E3779B97F4A7C15
    return mixed & 0xFFFF_FFFF_FFFF_FFFF or 1


def _mark(release: Release) -> int:
    line = release.origin.line if release.origin and release.origin.line else 0
    return int(release.content_hash[:8], 16) << 32 | min(line, _LAST_LINE)


def drop_duplicates(items: Iterable[Item]) -> Iterator[Item]:
    """The items, each release whose id came earlier with different text made a rejection."""
    seen = SeenIds()
    for item in items:
        if isinstance(item, Release):
            digest, first = seen.first(item)
            if first is not None and digest != _mark(item) >> 32:
                reason = f"duplicate release id: {first} has the same id with different text (kept)"
                item = Rejection(item.origin or Origin(""), reason)
        yield item
