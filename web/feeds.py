"""Machine-readable integration: the OpenSearch description and results as RSS.

/opensearch.xml lets a browser add the engine to its search bar;
/search.rss?q=... turns any search into a feed a reader can follow. Both are
Jinja templates (autoescaped like every template here).

Both need absolute URLs, built from the app's PUBLIC_BASE_URL (`serve --base-url`,
else the address serve listens on), never from the request's Host header: a
client names any host it likes there, and a cache would hand its feed to others.
"""

from __future__ import annotations

from email.utils import format_datetime

from flask import Blueprint, Response, current_app, make_response, render_template, request

from search.errors import InvalidParameterError
from web import current_engine
from web.params import SearchParams

blueprint = Blueprint("feeds", __name__)

FEED_LIMIT = 20
# For an app made without PUBLIC_BASE_URL (tests, embedding): serve's default address.
FALLBACK_BASE_URL = "http://127.0.0.1:8080"


@blueprint.get("/opensearch.xml")
def opensearch() -> Response:
    response = make_response(render_template("opensearch.xml", root=_public_root()))
    response.mimetype = "application/opensearchdescription+xml"
    return response


@blueprint.get("/search.rss")
def rss() -> Response:
    params = SearchParams.from_args(request.args)
    if not params.q:
        raise InvalidParameterError("q: give the words the feed should follow, like q=داعش", "q")
    if "limit" not in request.args:
        params = params.changed(limit=FEED_LIMIT, page=params.page)
    results = params.search(current_engine())
    response = make_response(
        render_template("search.rss", params=params, results=results, rfc822=_rfc822, root=_public_root())
    )
    response.mimetype = "application/rss+xml"
    return response


def _public_root() -> str:
    """The trusted address every absolute link starts with, without a trailing slash."""
    return (current_app.config.get("PUBLIC_BASE_URL") or FALLBACK_BASE_URL).rstrip("/")


def _rfc822(moment) -> str:
    return format_datetime(moment) if moment else ""
