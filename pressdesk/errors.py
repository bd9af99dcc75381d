"""The one exception tree of pressdesk.

    PressdeskError
    ├── InputError        a record or file that cannot be read (carries PATH:LINE)
    ├── QueryError        a search query that cannot be parsed or run
    ├── NotFound          an id that names no release
    └── StoreError        the store cannot be opened or migrated

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
