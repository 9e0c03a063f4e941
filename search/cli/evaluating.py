"""`eval`: measure retrieval quality; the work is done in search/evaluation/command.py.

Its scoring stack (ir-measures, numpy) loads only when `eval` runs, so the other commands start quickly.
"""

from __future__ import annotations

import argparse


def cmd_eval(args: argparse.Namespace) -> int:
    from search.evaluation.command import run_eval  # numpy and trec_eval only when evaluating

    return run_eval(args)


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    evaluate = commands.add_parser(
        "eval",
        parents=[common],
        help="measure retrieval quality (built-in collections, or your own judgments)",
        description="Without --queries: build the development collections from ../shared/data and compare "
        "news-search with two baselines (docs/evaluation.md). With --queries and --qrels: score the "
        "index at --index on your own queries and TREC-format judgments.",
    )
    from search.evaluation.command import add_arguments

    add_arguments(evaluate)
    evaluate.set_defaults(run=cmd_eval)
