"""The `news-search` command: rebuild-index, add, query, stats, serve, aliases, eval.

Exit codes: 0 all went well, 1 some documents were rejected (the rest are
indexed), 2 usage error or unusable input (nothing was changed), 130
interrupted (Ctrl+C), 141 the output's reader went away (`| head`).
Index location: --index, else $NEWS_SEARCH_INDEX, else ./index.

entry.py (main) -> parser.py (the grammar) -> the commands, a module per kind: indexing.py,
querying.py, aliases.py, serving.py, evaluating.py; all share exits.py and locations.py.
"""

from __future__ import annotations

from search.cli.entry import main
from search.cli.exits import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, UsageError
from search.cli.locations import default_index, sample_corpus
from search.cli.parser import build_parser
from search.cli.querying import terminal_text

__all__ = [
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "default_index",
    "main",
    "sample_corpus",
    "terminal_text",
]
