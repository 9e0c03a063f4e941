"""Where the commands find things: the index folder and the bundled sample articles.

The default index itself is search/locations.py's (the web app uses it too);
it is re-exported here for callers of `search.cli.default_index`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from search.cli.exits import UsageError
from search.locations import default_index

__all__ = ["check_index_path", "default_index", "sample_corpus"]


def check_index_path(path: str) -> None:
    """Refuse an --index that cannot be an index folder, before any command reads or writes.

    An empty path would put the index's files into the current folder, and a
    file where a folder should be fails deep inside Whoosh with a traceback.
    """
    if not path:
        raise UsageError(
            "--index is empty: name the index folder (e.g. --index ./index), "
            "or leave it out to use $NEWS_SEARCH_INDEX or ./index"
        )
    target = Path(path)
    for folder in (target, *target.parents):
        if not folder.exists():
            continue  # created when an index is written
        if folder.is_dir():
            return
        what = "is a file, not an index folder" if folder == target else f"{folder} is a file, not a folder"
        raise UsageError(
            f"--index {path}: {what}; name a folder (new or holding an index), e.g. --index ./index"
        )


def sample_corpus() -> Path:
    """The articles bundled with the package (search/sample), for demos and tests."""
    return Path(str(resources.files("search").joinpath("sample")))
