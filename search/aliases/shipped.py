"""The shipped alias data files (search/aliases/data/), read as rows."""

from __future__ import annotations

from importlib import resources


def shipped_rows(name: str) -> list[list[str]]:
    """The tab-separated fields of each line of a shipped data file, comments (#) left out."""
    text = resources.files("search.aliases").joinpath("data", name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
