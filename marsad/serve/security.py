"""The serving edge's hardening: security headers on every response, and the bounds a
request's paging numbers must keep.

The web pages load their style sheet, font and icon from /static, draw their charts as
inline SVG (presentation attributes, no <style> or script), and run no script at all; so
their policy allows only the site's own files. /docs (Swagger UI, served from the package)
runs its own script and one inline start-up block, and sets inline styles: it gets a policy
of its own, still limited to the site's own origin.
"""

from __future__ import annotations

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
