"""The command line's grammar: every command has its help and the shared --index."""

from __future__ import annotations

import pytest

from search.cli import main


@pytest.mark.parametrize("command", ["rebuild-index", "add", "query", "stats", "eval"])
def test_help_on_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0 and "--index" in capsys.readouterr().out
