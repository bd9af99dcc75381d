"""What every response carries and every request is held to, whatever route it takes.

- A Content-Security-Policy that allows scripts, styles and images only from the
  server itself: no inline script (the little JavaScript there is, is a static
  file), no frames, no form posted elsewhere, no request to another host.
- ``nosniff``, no referrer, no framing.
- A query string longer than ``max_url`` is refused (414) before any route runs; a
  body announced larger than ``max_body`` is refused (413) before it is read.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pressdesk.web.settings import WebSettings

__all__ = ["CSP", "Guard"]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """Pure ASGI middleware: bounds checked first, security headers added last."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self.refusal(scope)
        if refused is not None:
            await answer(send, *refused)
            return
        await self.app(scope, receive, with_headers(send))

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        if len(scope.get("query_string", b"")) > self.settings.max_url:
            return 414, f"query string longer than {self.settings.max_url:,} bytes"
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit():
            return 400, "Content-Length is not a number"
        if int(length) > self.settings.max_body:
            return 413, f"request body larger than {self.settings.max_body:,} bytes"
        return None


def with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {name.lower() for name, _ in headers}
            if b"content-security-policy" not in names:
                headers.append((b"content-security-policy", CSP.encode()))
            headers += [h for h in HEADERS if h[0] not in names]
            message = {**message, "headers": headers}
        await send(message)

    return sending


async def answer(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"content-security-policy", CSP.encode())] + HEADERS})
    await send({"type": "http.response.body", "body": body})
