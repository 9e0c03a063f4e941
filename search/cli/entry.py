"""`main`: parse the arguments, run the command, turn errors into exit codes and one-line messages.

A reader that goes away (`news-search stats | head -1`) ends the command quietly
with exit 141, as the shell reports a Unix tool ended by SIGPIPE; Ctrl-C ends it
with one line and exit 130.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from search.cli.exits import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_UNAVAILABLE, EXIT_USAGE
from search.cli.locations import check_index_path
from search.cli.parser import build_parser
from search.errors import SearchError, ShardUnavailableError


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if "index" in args:  # all commands but `aliases check`
            check_index_path(args.index)
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe must fail here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except ShardUnavailableError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except SearchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the live index is unchanged", file=sys.stderr)
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
