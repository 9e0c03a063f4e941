"""The web interface: a Flask app over the same Engine the CLI and Python API use.

    from web import create_app
    app = create_app("index")          # or create_app(engine)

Three blueprints, one concern each: `ui` (HTML pages), `api` (their JSON twins
and /healthz), `feeds` (OpenSearch description, RSS). Views read parameters,
call the Engine, render; anything a view would compute about search lives in
search/. Served in production by waitress (web/serving.py), never Flask's
debug server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app

from search.engine import Engine
from search.locations import default_index
from web.security import MAX_CONTENT_LENGTH, add_security_headers, printable, refuse_large_bodies

_ENGINE = "news_search.engine"


def create_app(
    index: str | os.PathLike[str] | Engine | None = None, config: Mapping[str, Any] | None = None
) -> Flask:
    """The app serving `index` (a path, an open Engine, or by default
    $NEWS_SEARCH_INDEX or ./index). Raises IndexNotFoundError, saying how to
    build one, when there is no index at the path."""
    app = Flask(__name__)
    # Every template is escaped, not only *.html: the RSS and OpenSearch XML too.
    # `printable` drops control characters XML forbids from every printed value.
    app.jinja_options = {**app.jinja_options, "autoescape": True, "finalize": printable}
    app.config.from_mapping(MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH, DEBUG=False, PROPAGATE_EXCEPTIONS=False)
    if config:
        app.config.from_mapping(config)
    app.json.ensure_ascii = False  # Arabic as Arabic in the API, not \u escapes
    app.json.sort_keys = False
    # Article ids are often URLs ("https://example.org/a"): keep their "//".
    app.url_map.merge_slashes = False

    engine = (
        index if isinstance(index, Engine) else Engine.open(index if index is not None else default_index())
    )
    app.extensions[_ENGINE] = engine

    from web import api, errors, feeds, ui

    app.register_blueprint(ui.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(feeds.blueprint)
    errors.register(app)
    app.before_request(refuse_large_bodies)
    app.after_request(add_security_headers)
    return app


def current_engine() -> Engine:
    """The Engine of the app handling this request."""
    return current_app.extensions[_ENGINE]


def app_engine(app: Flask) -> Engine:
    """The Engine an app serves (outside a request: the serve command warms it)."""
    return app.extensions[_ENGINE]
