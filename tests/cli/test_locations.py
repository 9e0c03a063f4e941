"""Where the commands find the index: --index, else $NEWS_SEARCH_INDEX, else ./index."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.cli import EXIT_OK
from tests.cli.conftest import run


def test_index_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWS_SEARCH_INDEX", str(tmp_path / "env-index"))
    code, _, _ = run(capsys, "rebuild-index", "--sample", "--procs", "1")
    assert code == EXIT_OK and (tmp_path / "env-index" / "CURRENT").exists()
