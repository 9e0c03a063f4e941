"""Where an index is when nobody says: $NEWS_SEARCH_INDEX, else ./index.

Shared by the command line (`--index`) and the web app (`create_app()`), so
it lives outside both: web must not import the CLI, which imports web to serve.
"""

from __future__ import annotations

import os


def default_index() -> str:
    """$NEWS_SEARCH_INDEX, else ./index (an empty variable counts as unset)."""
    return os.environ.get("NEWS_SEARCH_INDEX") or "index"
