"""Errors as the caller can use them: JSON for the API and feeds, a page for people.

A bad parameter is a 400 naming it ({"error": "limit: ...", "parameter":
"limit"}), in the web's names (q, from, to). A shard of a cluster index
that is down is a 503 naming it ({"error": ..., "shard": "host:port"}),
never a partial answer. Anything unexpected is a plain 500 without a
traceback: details go to the log, not to the reader.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from search.errors import InvalidParameterError, ShardUnavailableError
from web.params import SearchParams, error_for_web

_MACHINE_BLUEPRINTS = ("api", "feeds")
# Machine endpoints outside /api/: a 405 or 404 there matches no view, so no blueprint says so.
_MACHINE_PATHS = ("/healthz", "/opensearch.xml", "/search.rss")


def register(app: Flask) -> None:
    app.register_error_handler(InvalidParameterError, _bad_parameter)
    app.register_error_handler(ShardUnavailableError, _shard_unavailable)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def _wants_json() -> bool:
    return (
        request.blueprint in _MACHINE_BLUEPRINTS
        or request.path.startswith("/api/")
        or request.path in _MACHINE_PATHS
    )


def _bad_parameter(error: InvalidParameterError) -> Response:
    message, parameter = error_for_web(error)
    if _wants_json():
        return make_response(jsonify({"error": message, "parameter": parameter}), 400)
    return _page(400, "bad_request_title", message)


def _shard_unavailable(error: ShardUnavailableError) -> Response:
    current_app.logger.warning("%s on %s", error, request.path)
    if _wants_json():
        response = make_response(jsonify({"error": str(error), "shard": error.shard}), 503)
    else:
        response = _page(503, "error_title", None)  # "try again in a moment": no internal addresses
    response.headers["Retry-After"] = "30"
    return response


def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    if _wants_json():
        response = make_response(jsonify({"error": error.description or error.name}), status)
    else:
        key = {404: "not_found", 413: "too_large"}.get(status)
        title = "not_found_title" if status == 404 else "error_title"
        response = _page(status, title, None, key)
    if status == 405:
        response.headers["Allow"] = ", ".join(error.valid_methods or ["GET"])  # type: ignore[attr-defined]
    return response


def _unexpected(error: Exception) -> Response:
    # HTTPExceptions never get here: Flask picks the most specific handler.
    current_app.logger.exception("unexpected error on %s", request.path)
    return _http_error(InternalServerError())


def _page(status: int, title_key: str, message: str | None, message_key: str | None = None) -> Response:
    params = _params_or_blank()
    html = render_template(
        "error.html",
        status=status,
        title_key=title_key,
        message=message,
        message_key=message_key or "error",
        params=params,
    )
    return make_response(html, status)


def _params_or_blank() -> SearchParams:
    """The search box keeps what the reader typed, even when another parameter was bad."""
    return SearchParams(q=request.args.get("q", "")[:500]) if request else SearchParams()
