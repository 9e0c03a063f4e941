"""The HTML pages: the search page (home when there is no query) and the article page.

Views read parameters (web/params.py), call the Engine, render. Their JSON
twins are in web/api.py and read the same parameters the same way.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    g,
    make_response,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from web import current_engine, i18n
from web.params import SearchParams
from web.presentation import template_globals
from web.security import safe_link

blueprint = Blueprint("ui", __name__)

EXAMPLES = ("داعش", "Palmyra", "الرقة", "coalition", "الشيباني", '"Caesar Act"')
SYNTAX = ("ISIS OR داعش", "ISIS -Palmyra", '"الدولة الإسلامية"', "title:Raqqa", "source:sana", "lang:ar")


def interface_language() -> str:
    """This request's interface language (see i18n.chosen_language), worked out once."""
    if "ui" not in g:
        g.ui, g.ui_asked = i18n.DEFAULT, False  # if the next line raises, errors still render
        g.ui, g.ui_asked = i18n.chosen_language(request)
    return g.ui


@blueprint.app_context_processor
def interface() -> dict[str, Any]:
    """What every template needs to speak the reader's language."""
    ui = g.get("ui", i18n.DEFAULT)
    other = "ar" if ui == "en" else "en"
    return {
        "ui": ui,
        "ui_dir": i18n.direction(ui),
        "other_ui": other,
        "t": lambda key, **values: i18n.translate(ui, key, **values),
        "switch_link": _switch_link(other),
        "safe_link": safe_link,
        **template_globals(),
    }


@blueprint.before_app_request
def _choose_language() -> None:
    if request.blueprint == "ui" or request.blueprint is None:
        interface_language()


@blueprint.after_app_request
def _remember_language(response: Response) -> Response:
    if g.get("ui_asked"):
        response.set_cookie(
            i18n.COOKIE, g.ui, max_age=i18n.COOKIE_MAX_AGE, samesite="Lax", httponly=True, path="/"
        )
    return response


@blueprint.get("/")
def search_page() -> Response:
    params = SearchParams.from_args(request.args)
    results = params.search(current_engine()) if params.q else None
    documents = current_engine().doc_count() if results is None else None
    return make_response(
        render_template(
            "search.html",
            params=params,
            results=results,
            examples=EXAMPLES,
            syntax=SYNTAX,
            documents=documents,
        )
    )


@blueprint.get("/doc/<path:doc_id>")
def article_page(doc_id: str) -> Response:
    # The id is only ever a lookup key in the index: never a file name.
    document = current_engine().get(doc_id)
    if document is None:
        abort(404)
    query = request.args.get("q", "").strip()
    title_html, body_html = current_engine().highlight(document, query)
    back = url_for("ui.search_page", q=query) if query else None
    return make_response(
        render_template(
            "article.html",
            document=document,
            title_html=title_html,
            body_html=body_html,
            query=query,
            back=back,
            params=SearchParams(q=query),
        )
    )


@blueprint.get("/favicon.ico")
def favicon() -> Response:
    # Browsers ask for /favicon.ico on pages without a <link rel=icon> (JSON, feeds).
    return send_from_directory(blueprint.root_path + "/static", "favicon.svg", mimetype="image/svg+xml")


def _switch_link(language: str) -> str:
    """This page in the other interface language (the choice is then remembered)."""
    args = [(name, value) for name, value in request.args.items(multi=True) if name != "ui"]
    args.append(("ui", language))
    if request.blueprint == "ui" and request.endpoint:
        path = url_for(request.endpoint, **(request.view_args or {}))
    else:
        path = url_for("ui.search_page")
    return f"{path}?{urlencode(args)}"
