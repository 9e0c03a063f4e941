"""Running the news-search command in-process, as the tests of every command module do."""

from __future__ import annotations

import pytest

from search.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
