"""Where the commands find the index: --index, else $NEWS_SEARCH_INDEX, else ./index."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.cli import EXIT_OK, EXIT_USAGE, default_index
from tests.cli.conftest import run

# Every command that reads or writes the index, as `news-search COMMAND ... --index X`.
INDEX_COMMANDS = [
    pytest.param(["add", "--sample"], id="add"),
    pytest.param(["rebuild-index", "--sample", "--procs", "1"], id="rebuild-index"),
    pytest.param(["stats"], id="stats"),
    pytest.param(["query", "Palmyra"], id="query"),
]


def test_index_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWS_SEARCH_INDEX", str(tmp_path / "env-index"))
    code, _, _ = run(capsys, "rebuild-index", "--sample", "--procs", "1")
    assert code == EXIT_OK and (tmp_path / "env-index" / "CURRENT").exists()


def test_empty_environment_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_SEARCH_INDEX", "")
    assert default_index() == "index"


@pytest.mark.parametrize("command", INDEX_COMMANDS)
@pytest.mark.parametrize(
    ("index", "message"),
    [
        ("plain-file", "--index plain-file: is a file, not an index folder"),
        ("plain-file/index", "--index plain-file/index: plain-file is a file, not a folder"),
        ("", "--index is empty"),  # would have written an index into the current folder
    ],
)
def test_unusable_index_path_exits_2_and_writes_nothing(
    command: list[str],
    index: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain-file").write_text("not an index\n")
    code, out, err = run(capsys, *command, "--index", index)
    assert code == EXIT_USAGE and out == ""
    assert err.startswith(f"error: {message}") and len(err.splitlines()) == 1, err
    assert [path.name for path in tmp_path.iterdir()] == ["plain-file"]
    assert (tmp_path / "plain-file").read_text() == "not an index\n"
