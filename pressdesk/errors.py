"""The one exception tree of pressdesk.

    PressdeskError
    ├── InputError        a record or file that cannot be read (carries PATH:LINE)
    ├── QueryError        a search query that cannot be parsed or run
    ├── NotFound          an id that names no release (or a name no source)
    ├── StoreError        the store cannot be opened or migrated
    └── CollectError      a source that cannot be added or collected (names it, the URL, why)
        └── FetchError    one URL that could not be fetched

The CLI and the web app catch ``PressdeskError`` and show its message; library
code raises, never prints.
"""

from __future__ import annotations


class PressdeskError(Exception):
    """Base of every error pressdesk raises on purpose."""


class InputError(PressdeskError):
    """Bad input, located: ``str(err)`` reads ``PATH:LINE: reason``."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class QueryError(PressdeskError):
    """A search query that cannot be parsed; the message names the problem."""


class NotFound(PressdeskError):
    """No release with that id."""


class StoreError(PressdeskError):
    """The store cannot be opened, read or migrated."""


class CollectError(PressdeskError):
    """A source that cannot be added, described or collected; the message names the
    source, the URL and the reason in one line."""


class FetchError(CollectError):
    """One URL that could not be fetched (after retries, where a retry could help)."""

    def __init__(self, url: str, reason: str, *, transient: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.transient = transient  # a timeout or a 5xx: the next run may succeed
        super().__init__(f"{url}: {reason}")
