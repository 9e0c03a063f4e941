"""The command line's grammar: the top-level parser, the shared --index, each command's options.

Each command module adds its own subparsers; this module only decides their order in --help.
"""

from __future__ import annotations

import argparse

from search.cli import aliases, cluster, evaluating, indexing, querying, serving
from search.locations import default_index


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-search",
        description="Bilingual Arabic-English news search: build an index, add to it, query it.",
        epilog="Exit codes: 0 ok, 1 some documents rejected, 2 usage error or unusable input, "
        "3 a shard of a cluster index is unavailable, 130 interrupted, 141 output closed (| head).",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index",
        default=default_index(),
        metavar="DIR",
        help="index folder (default: $NEWS_SEARCH_INDEX or ./index)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    indexing.add_parsers(commands, common)  # rebuild-index, add
    querying.add_query_parser(commands, common)
    serving.add_parser(commands, common)
    querying.add_stats_parser(commands, common)
    aliases.add_parser(commands, common)
    evaluating.add_parser(commands, common)
    cluster.add_parsers(commands)  # shard serve, cluster init
    return parser
