"""`main` and its ways in (`python -m search`, the console script): errors become exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import EXIT_USAGE
from tests.cli.conftest import run


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rebuild-index", str(tmp_path / "missing"), "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "no such file or folder" in err
    code, _, err = run(capsys, "query", "x", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE and "no index here" in err
    code, _, err = run(capsys, "rebuild-index", "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "SOURCE" in err
    code, _, err = run(capsys, "query", "x", "--limit", "1000", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    for argv in ([sys.executable, "-m", "search"], [str(Path(sys.executable).parent / "news-search")]):
        result = subprocess.run(
            [*argv, "stats", "--index", str(tmp_path / "none")], capture_output=True, text=True
        )
        assert result.returncode == EXIT_USAGE and "no index here" in result.stderr
