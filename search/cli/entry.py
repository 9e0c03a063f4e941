"""`main`: parse the arguments, run the command, turn errors into exit codes and one-line messages."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from search.cli.exits import EXIT_USAGE
from search.cli.locations import check_index_path
from search.cli.parser import build_parser
from search.errors import SearchError


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if "index" in args:  # all commands but `aliases check`
            check_index_path(args.index)
        return args.run(args)
    except SearchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the live index is unchanged", file=sys.stderr)
        return 130
