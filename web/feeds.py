"""Machine-readable integration: the OpenSearch description and results as RSS.

/opensearch.xml lets a browser add the engine to its search bar;
/search.rss?q=... turns any search into a feed a reader can follow. Both are
Jinja templates (autoescaped like every template here).
"""

from __future__ import annotations

from email.utils import format_datetime

from flask import Blueprint, Response, make_response, render_template, request

from search.errors import InvalidParameterError
from web import current_engine
from web.params import SearchParams

blueprint = Blueprint("feeds", __name__)

FEED_LIMIT = 20


@blueprint.get("/opensearch.xml")
def opensearch() -> Response:
    response = make_response(render_template("opensearch.xml", root=request.host_url.rstrip("/")))
    response.mimetype = "application/opensearchdescription+xml"
    return response


@blueprint.get("/search.rss")
def rss() -> Response:
    params = SearchParams.from_args(request.args)
    if not params.q:
        raise InvalidParameterError("q: give the words the feed should follow, like q=داعش")
    if "limit" not in request.args:
        params = params.changed(limit=FEED_LIMIT, page=params.page)
    results = params.search(current_engine())
    response = make_response(
        render_template(
            "search.rss", params=params, results=results, rfc822=_rfc822, root=request.host_url.rstrip("/")
        )
    )
    response.mimetype = "application/rss+xml"
    return response


def _rfc822(moment) -> str:
    return format_datetime(moment) if moment else ""
