"""`rebuild-index` and `add`: SOURCE files into the index, then what was rejected and why.

The two writing commands share their options, the progress bar and the report.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from search.backends import BACKENDS, DEFAULT_BACKEND, get_backend
from search.cli.exits import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, UsageError
from search.cli.locations import sample_corpus
from search.engine import Engine
from search.errors import IndexNotFoundError
from search.indexing import EmptyRebuildError
from search.ingest.sources import check_sources, read_sources
from search.reports import IndexReport

SHOWN_REJECTIONS = 10  # in the summary; all of them go to --rejects FILE

Item = TypeVar("Item")


def cmd_rebuild(args: argparse.Namespace) -> int:
    sources = _sources(args)
    check_sources([*sources, *args.aliases])
    _check_rejects(args.rejects)
    if args.backend:
        get_backend(args.backend)  # a missing extra is named before any work
    if args.aliases:
        print(
            f"using {len(args.aliases)} alias file(s) on top of the shipped lexicon; they are kept with the "
            "index (change them, then rebuild to update the entities)",
            file=sys.stderr,
        )
    try:
        report = Engine.rebuild(
            args.index,
            _progress(read_sources(sources)),
            procs=args.procs,
            allow_empty=args.allow_empty,
            aliases=args.aliases,
            wait=args.wait,
            backend=args.backend,
        )
    except EmptyRebuildError as error:
        _print_report(error.report, args)
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    _print_report(report, args)
    print(f"index ready at {args.index}")
    return EXIT_OK if report.ok else EXIT_REJECTED


def cmd_add(args: argparse.Namespace) -> int:
    sources = _sources(args)
    check_sources(sources)
    _check_rejects(args.rejects)
    if args.backend:
        get_backend(args.backend)
    try:
        engine = Engine.open(args.index)
    except IndexNotFoundError:
        engine = Engine.create(args.index, backend=args.backend or DEFAULT_BACKEND)
        print(f"created a new {engine.backend} index at {args.index}", file=sys.stderr)
    if args.backend and engine.backend != args.backend:
        engine.close()
        raise UsageError(
            f"--backend {args.backend}: {args.index} is a {engine.backend} index, and add keeps an index's "
            f"backend; to change it, rebuild-index SOURCE... --index {args.index} --backend {args.backend}"
        )
    with engine:
        report = engine.add_documents(_progress(read_sources(sources)), wait=args.wait)
    _print_report(report, args)
    return EXIT_OK if report.ok else EXIT_REJECTED


def _sources(args: argparse.Namespace) -> list[str]:
    sources = list(args.sources)
    if getattr(args, "sample", False):
        sources.append(str(sample_corpus()))
    if not sources:
        raise UsageError("give at least one SOURCE file or folder (or --sample for the bundled articles)")
    return sources


def _check_rejects(path: str | None) -> None:
    """Refuse a --rejects FILE that cannot be written, before indexing: afterwards the list would be lost."""
    if not path:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        problem = "is a folder, not a file; name a file in it, e.g. --rejects rejects.jsonl"
    elif not folder.exists():
        problem = f"folder {folder} does not exist; create it, or name a file in an existing folder"
    elif not folder.is_dir():
        problem = f"{folder} is a file, not a folder; name a file in an existing folder"
    elif not os.access(target if target.exists() else folder, os.W_OK):
        problem = f"cannot write {'this file' if target.exists() else f'in {folder}'}; name another file"
    else:
        return
    raise UsageError(f"--rejects {path}: {problem} (nothing was indexed)")


# --- output --------------------------------------------------------------------


def _print_report(report: IndexReport, args: argparse.Namespace) -> None:
    print(report.summary(), file=sys.stderr)
    for rejection in report.rejected[:SHOWN_REJECTIONS]:
        print(f"  rejected {rejection.origin}: {rejection.reason}", file=sys.stderr)
    if len(report.rejected) > SHOWN_REJECTIONS:
        print(f"  ... and {len(report.rejected) - SHOWN_REJECTIONS} more", file=sys.stderr)
    if args.verbose:
        for duplicate in report.duplicates:
            print(f"  duplicate {duplicate.origin}: {duplicate.reason}", file=sys.stderr)
        for notice in report.notices:
            print(f"  note {notice.origin}: {notice.message}", file=sys.stderr)
    if args.rejects:
        report.write_rejects(args.rejects)
        print(f"rejects, duplicates and notices written to {args.rejects}", file=sys.stderr)


def _progress(items: Iterable[Item]) -> Iterable[Item]:
    """A progress bar on a terminal; silent in pipes and CI logs."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit=" items", desc="indexing", file=sys.stderr)


# --- argument parsing ----------------------------------------------------------


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`rebuild-index` and `add`, with the options of both in one parent."""
    writing = argparse.ArgumentParser(add_help=False)
    writing.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="files or folders (.txt page dumps, .html pages, .rss/.atom feeds, .jsonl)",
    )
    writing.add_argument(
        "--rejects", metavar="FILE", help="write every rejected item with its reason (JSON Lines)"
    )
    writing.add_argument(
        "--backend",
        choices=BACKENDS,
        help="the index engine, chosen when an index is made: whoosh (pure Python, the default) or "
        "xapian (C++, fast; pip install 'news-search[xapian]'). Default: the index's own, else whoosh",
    )
    writing.add_argument("-v", "--verbose", action="store_true", help="also list duplicates and notices")
    writing.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="if another process is writing to the index, wait this long for it (default: fail at once)",
    )

    rebuild = commands.add_parser(
        "rebuild-index",
        parents=[common, writing],
        help="build a fresh index from SOURCEs and swap it in atomically",
        description="Build a new index from SOURCE files and folders in a fresh folder, then swap it in. "
        "Searches keep using the old index meanwhile; if the rebuild fails or indexes nothing, "
        "the old index stays.",
    )
    rebuild.add_argument(
        "--sample", action="store_true", help="include the articles bundled with the package"
    )
    rebuild.add_argument(
        "--procs", type=int, default=None, metavar="N", help="writer processes (default: cores, max 4)"
    )
    rebuild.add_argument(
        "--allow-empty", action="store_true", help="swap in an index even if it has no documents"
    )
    rebuild.add_argument(
        "--aliases",
        action="append",
        default=[],
        metavar="FILE",
        help="your own alias lexicon (docs/aliases.md), added to the shipped one; repeatable",
    )
    rebuild.set_defaults(run=cmd_rebuild, swaps_index=True)

    add = commands.add_parser(
        "add",
        parents=[common, writing],
        help="add or update documents (by id) in the index",
        description="Add documents from SOURCE files and folders; a document whose id is already "
        "indexed replaces it. Creates the index if there is none.",
    )
    add.add_argument("--sample", action="store_true", help="include the articles bundled with the package")
    add.set_defaults(run=cmd_add)
