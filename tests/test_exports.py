"""The packages' exports load at first use: importing `search` or `search.cli` stays cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import search
import search.cli


def test_importing_the_packages_loads_no_engine() -> None:
    """What the command line imports before main can catch a Ctrl-C (search/cli/__init__.py)."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, search.cli; print(sorted(set(sys.modules) & "
         "{'search.engine', 'search.indexing', 'search.cli.entry', 'search.cli.parser', 'numpy'}))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert loaded.stdout.strip() == "[]"


@pytest.mark.parametrize("package", [search, search.cli], ids=["search", "search.cli"])
def test_every_export_resolves_and_nothing_else(package: object) -> None:
    for name in package.__all__:
        assert getattr(package, name) is not None
        assert name in dir(package)
    with pytest.raises(AttributeError, match="has no attribute 'Engin'"):
        package.Engin  # noqa: B018
