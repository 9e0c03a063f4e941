"""`main`: parse the arguments, run the command, turn errors into exit codes and one-line messages.

A reader that goes away (`news-search stats | head -1`) ends the command quietly
with exit 141, as the shell reports a Unix tool ended by SIGPIPE; Ctrl-C ends it
with one line and exit 130.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from search.cli.exits import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
    INTERRUPTED,
    INTERRUPTED_SWAPPED,
)
from search.cli.locations import check_index_path
from search.cli.parser import build_parser
from search.errors import SearchError, ShardUnavailableError
from search.index import IndexStore
from search.interrupts import interrupted, record_interrupts


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    record_interrupts()
    store, live = None, ""
    try:
        if "index" in args:  # all commands but `aliases check`
            check_index_path(args.index)
        if getattr(args, "swaps_index", False):  # rebuild-index: Ctrl-C may land after the swap
            store = IndexStore(args.index)
            live = store.version()
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe must fail here, not in the interpreter's last flush
        return code
    except KeyboardInterrupt:
        pass
    except Exception as error:
        if not interrupted():  # else Ctrl-C raised inside a library's own handling became this error
            return _failed(error)
    return _interrupted(store is not None and store.version() != live)


def _failed(error: Exception) -> int:
    """The exit code for an error the user can act on, with its one line; any other is raised."""
    if isinstance(error, BrokenPipeError):
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    if not isinstance(error, SearchError):
        raise error
    print(f"error: {error}", file=sys.stderr)
    return EXIT_UNAVAILABLE if isinstance(error, ShardUnavailableError) else EXIT_USAGE


def _interrupted(swapped: bool) -> int:
    """Ctrl-C's one line: the index is as it was, but for a rebuild already swapped in."""
    print(INTERRUPTED_SWAPPED if swapped else INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so output still buffered is not written to the closed pipe again.

    Python ignores SIGPIPE and raises BrokenPipeError instead; this is the remedy
    its documentation gives ("Note on SIGPIPE" in the signal module).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a file descriptor (captured in tests): nothing to redirect
