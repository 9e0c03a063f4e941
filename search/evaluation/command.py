"""`news-search eval`: score the built-in collections, or a user's own index and judgments.

Kept apart from search/cli/, and importing the scoring stack (ir-measures, numpy)
only when it runs, so that `news-search query` stays quick to start.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from search.errors import SearchError
from search.evaluation.collections import NAMES, build
from search.evaluation.corpora import shared_data


class EvalUsageError(SearchError):
    pass


def collections_report(names: Sequence[str], data: str | None, say=print):
    """Every system on the named collections (all when none is named)."""
    from search.evaluation.runner import run_collections
    from search.evaluation.systems import standard_systems

    folder = shared_data(data)
    chosen = list(names) or list(NAMES)
    say(f"building {', '.join(chosen)} from {folder}")
    return run_collections([build(name, folder) for name in chosen], standard_systems, say)


def run_eval(args: argparse.Namespace) -> int:
    if bool(args.queries) != bool(args.qrels):
        raise EvalUsageError(
            "give both --queries Q.jsonl and --qrels QRELS.tsv (or neither, for the collections)"
        )
    if args.queries and args.collection:
        raise EvalUsageError("--collection is for the built-in collections; leave it out with --queries")
    from search.evaluation.judgments import read_qrels, read_queries
    from search.evaluation.report import markdown
    from search.evaluation.runner import run_user_judgments

    progress = (lambda line: print(line, file=sys.stderr)) if not args.json else (lambda line: None)
    if args.queries:
        report = run_user_judgments(
            args.index, read_queries(args.queries), read_qrels(args.qrels), match=args.match, lang=args.lang
        )
    else:
        report = collections_report(args.collection or (), args.data, progress)
    if args.json:
        print(json.dumps({"rows": [row.to_dict() for row in report.rows], "notes": report.notes}, indent=2))
    else:
        print(markdown(report))
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--collection",
        action="append",
        choices=NAMES,
        metavar="NAME",
        help=f"built-in collection to run, repeatable ({', '.join(NAMES)}; default: all)",
    )
    parser.add_argument("--data", metavar="DIR", help="shared data folder (default: ../shared/data)")
    parser.add_argument(
        "--queries", metavar="FILE", help='your queries: JSON Lines {"id": ..., "query": ...}'
    )
    parser.add_argument("--qrels", metavar="FILE", help="your judgments: TREC qrels `qid 0 docid grade`")
    parser.add_argument(
        "--match",
        choices=("all", "any"),
        default="all",
        help="with --queries: all words required (as readers search, default) or any word",
    )
    parser.add_argument("--lang", metavar="CODE", help="with --queries: score only articles in this language")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
