"""What the web edge is configured with: read once by ``pressdesk serve`` (options, then the
environment), passed to ``create_app`` and never looked up again.

Every bound the server keeps is here, so a reader sees in one place what a request
may ask for and what it is refused beyond.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["WebSettings"]


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The web edge's configuration. With no ``token`` the server only reads."""

    token: str | None = None  # what a request that writes must present (Bearer, or a form field)
    ingest_hosts: tuple[str, ...] = ()  # the hosts ingest by URL (and new sources) may name
    max_body: int = 20 * 1024 * 1024  # bytes of one request body (an upload)
    max_query: int = 1000  # characters of a search query
    max_url: int = 8192  # bytes of a request's query string
    max_page: int = 200  # releases, hits or rows one page may hold
    page_size: int = 20  # what a page holds when the request does not say

    @property
    def writable(self) -> bool:
        return bool(self.token)

