"""The web edge: a server-rendered UI and a REST API over one ``Desk``, served by one
ASGI app (Starlette on uvicorn; ``pressdesk serve``).

    app       create_app(desk, settings): routes, error answers, middleware
    settings  WebSettings: the token, the hosts ingest may fetch from, every bound
    routes    routes as data: an Operation per method and path, the token check
    params    request parameters as data: parsed here, described in the OpenAPI document
    api       the /api/ operations, answering in the shapes of pressdesk.shapes
    schemas   the JSON Schemas of those shapes; openapi: the document at /openapi.json
    pages     the pages, rendered from templates/ (static/: the CSS and a little JS)
    markup    release text and snippets made into safe HTML
    security  the Content-Security-Policy and other headers, the bounds on requests
    streams   exports written by the library's writers, streamed as they are written

The edge parses, calls the Desk and formats; it holds no SQL and no rule of the
library's.
"""

from pressdesk.web.app import create_app
from pressdesk.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
