"""The app factory (web/__init__.py): where it finds the index, and what `import web` loads."""

from __future__ import annotations

import subprocess
import sys

import pytest

from search import Engine
from search.locations import default_index
from tests.conftest import PROJECT
from web import app_engine, create_app


def test_importing_web_does_not_import_the_command_line() -> None:
    """web needs the default index location, not the CLI (which imports web to serve)."""
    probe = "import sys, web; print(sorted(m for m in sys.modules if m.startswith('search.cli')))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT)
    assert loaded.returncode == 0 and loaded.stdout.strip() == "[]", loaded.stderr


def test_default_index_from_the_environment(monkeypatch: pytest.MonkeyPatch, web_engine: Engine) -> None:
    monkeypatch.setenv("NEWS_SEARCH_INDEX", str(web_engine.path))
    assert default_index() == str(web_engine.path)
    engine = app_engine(create_app())
    try:
        assert engine.path == web_engine.path
    finally:
        engine.close()
    monkeypatch.setenv("NEWS_SEARCH_INDEX", "")  # an empty variable counts as unset
    assert default_index() == "index"
