"""The serving edge's hardening: security headers on every response, the size a request
body may have, and the bounds a request's paging numbers must keep.

The web pages load their style sheet, font and icon from /static, draw their charts as
inline SVG (presentation attributes, no <style> or script), and run no script at all; so
their policy allows only the site's own files. /docs (Swagger UI, served from the package)
runs its own script and one inline start-up block, and sets inline styles: it gets a policy
of its own, still limited to the site's own origin.
"""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Paging: no store holds a billion articles, so a larger offset is a mistake or a probe,
# refused with a 4xx before it reaches the database (SQLite's integers end at 2**63 - 1).
MAX_OFFSET = 1_000_000_000

PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/static-offline-docs/")
COMMON_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers that predate CSP level 2
    (b"referrer-policy", b"same-origin"),
)


def headers_for(path: str) -> dict[str, str]:
    """The security headers of a response to `path` (for responses made outside the middleware)."""
    policy = DOCS_POLICY if path.startswith(_DOCS_PATHS) else PAGE_POLICY
    return {name.decode(): value.decode() for name, value in COMMON_HEADERS} | {"content-security-policy": policy}


class SecurityHeaders:
    """ASGI middleware: Content-Security-Policy, X-Content-Type-Options: nosniff,
    X-Frame-Options: DENY and a same-origin Referrer-Policy on every HTTP response,
    errors included. A header the app set itself is left as it is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = [(name.encode(), value.encode()) for name, value in headers_for(scope.get("path", "")).items()]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in added if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimit:
    """Refuse request bodies above `max_bytes` with 413 before the app reads them in full.

    Content-Length is checked first; a chunked body is counted as it arrives and buffered
    (at most `max_bytes`), then handed to the app.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send, int(declared))
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send, len(body))
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        limit_mb = self.max_bytes / (1024 * 1024)
        response = JSONResponse(
            {"error": f"request body too large: {size} bytes > {limit_mb:g} MB limit"},
            status_code=413,
        )
        await response(scope, receive, send)
