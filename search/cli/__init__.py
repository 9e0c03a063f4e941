"""The `news-search` command: rebuild-index, add, query, stats, serve, aliases, eval.

Exit codes: 0 all went well, 1 some documents were rejected (the rest are
indexed), 2 usage error or unusable input (nothing was changed), 130
interrupted (Ctrl+C), 141 the output's reader went away (`| head`).
Index location: --index, else $NEWS_SEARCH_INDEX, else ./index.

entry.py (main) -> parser.py (the grammar) -> the commands, a module per kind: indexing.py,
querying.py, aliases.py, serving.py, evaluating.py; all share exits.py and locations.py.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from search.cli.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, INTERRUPTED, UsageError
from search.cli.locations import default_index, sample_corpus
from search.exports import lazy_exports

if TYPE_CHECKING:
    from search.cli.parser import build_parser
    from search.cli.querying import terminal_text

_HOMES = {"build_parser": "search.cli.parser", "terminal_text": "search.cli.querying"}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command (entry.py). The commands' modules load here, not with the package, so
    that a Ctrl-C while they load (about 0.6 s) is the one line too, not Python's traceback."""
    try:
        from search.cli.entry import main as run
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    return run(argv)
