"""The app under test, flaskr style: built by the factory from a real index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from search import Engine
from web import create_app


@pytest.fixture(scope="session")
def web_engine(web_index: Path) -> Iterator[Engine]:
    with Engine.open(web_index) as engine:
        yield engine


@pytest.fixture
def app(web_engine: Engine) -> Flask:
    return create_app(web_engine, {"TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def alias_marked_hit(engine: Engine, query: str) -> tuple[str, str]:
    """An Arabic hit of `query` whose snippet marks a tatweel-stretched alias form: (id, the form)."""
    for hit in engine.search(query, lang="ar", limit=50):
        for form in re.findall(r"<mark>([^<]*)</mark>", hit.snippet):
            if "\u0640" in form:
                return hit.id, form
    raise AssertionError(f"no Arabic hit of {query} marks a form with tatweel")
