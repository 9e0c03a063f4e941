"""Response headers every page and API answer carries, and the request limits.

The Content-Security-Policy allows only this server's own scripts, styles and
images: no inline script or style anywhere in the templates, so even markup
that slipped past escaping could not run. Everything the pages use is served
from web/static; nothing comes from another host.
"""

from __future__ import annotations

from typing import Any

from flask import Response, abort, current_app, request
from markupsafe import Markup

from search.characters import without_forbidden

# The app only answers GET; a body bigger than this is refused (413) unread.
MAX_CONTENT_LENGTH = 16 * 1024
# waitress: request line and headers (a 500-character Arabic query is ~6 KB encoded).
MAX_REQUEST_HEADER_SIZE = 32 * 1024

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # No referrer to news sites: a search URL says what the reader looked for.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def refuse_large_bodies() -> None:
    """413 before any view runs: GET views never read the body, so Flask's own
    MAX_CONTENT_LENGTH check (made when a body is read) would never fire."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and limit is not None and request.content_length > limit:
        abort(413, description=f"the request body is over {limit} bytes; these endpoints take none")


def safe_link(url: str) -> str:
    """`url` if it is an http(s) link, else "": a document's `url` field is
    outside input, and a javascript: or data: link must never become an href."""
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else ""


def printable(value: Any) -> Any:
    """Jinja's finalize: every value a template prints loses the characters
    XML 1.0 forbids, so an index built before ingestion dropped them (or any
    other source) cannot break the RSS or put NUL bytes into a page."""
    if not isinstance(value, str):
        return value
    cleaned = without_forbidden(value)
    return Markup(cleaned) if isinstance(value, Markup) else cleaned
