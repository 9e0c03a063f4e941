"""The JSON API: the search page's twin, the article's twin, and /healthz.

`/api/search` takes exactly the search page's parameters (web/params.py) and
returns Results.to_dict(); a bad parameter is a 400 whose JSON names it and
says what to fix (web/errors.py).
"""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, Response, abort, jsonify, request

from search.errors import InvalidParameterError
from web import current_engine
from web.params import SearchParams

blueprint = Blueprint("api", __name__)

# Document fields that are bookkeeping of a run, not part of the article.
_INTERNAL_FIELDS = ("origin", "notes", "title_from_body")


@blueprint.get("/api/search")
def search() -> Response:
    params = SearchParams.from_args(request.args)
    if not params.q:
        raise InvalidParameterError("q: give the words to search for, like q=داعش or q=Palmyra", "q")
    return jsonify(params.search(current_engine()).to_dict())


@blueprint.get("/api/doc/<path:doc_id>")
def article(doc_id: str) -> Response:
    document = current_engine().get(doc_id)  # a lookup key, never a file name
    if document is None:
        abort(404, description=f"id: no article has the id {doc_id[:200]!r}")
    query = request.args.get("q", "").strip()
    title_html, body_html = current_engine().highlight(document, query)
    fields = {name: value for name, value in asdict(document).items() if name not in _INTERNAL_FIELDS}
    fields["published"] = document.published.isoformat() if document.published else None
    return jsonify({**fields, "title_html": title_html, "body_html": body_html})


@blueprint.get("/healthz")
def health() -> Response:
    engine = current_engine()
    generation = engine.store.current()
    return jsonify(
        {
            "status": "ok",
            "documents": engine.doc_count(),
            "generation": generation.name if generation else None,
        }
    )
