"""Where the commands find things: the index folder and the bundled sample articles."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def default_index() -> str:
    """The default of --index: $NEWS_SEARCH_INDEX, else ./index."""
    return os.environ.get("NEWS_SEARCH_INDEX") or "index"


def sample_corpus() -> Path:
    """The articles bundled with the package (search/sample), for demos and tests."""
    return Path(str(resources.files("search").joinpath("sample")))
