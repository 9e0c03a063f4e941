"""`query` and `stats`: read the index and print what they find, as terminal text or as JSON."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys

from search.cli.exits import EXIT_OK
from search.engine import Engine
from search.results import Results


def cmd_query(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    with Engine.open(args.index) as engine:
        results = engine.search(
            text,
            limit=args.limit,
            page=args.page,
            lang=args.lang,
            source=args.source,
            since=args.since,
            until=args.until,
            sort=args.sort,
        )
    if args.json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_results(results)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    with Engine.open(args.index) as engine:
        stats = engine.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"index:      {stats['path']} ({stats['generation']}, {stats['backend']})")
    print(f"documents:  {stats['documents']} ({stats['dated']} with a date)")
    print("languages:  " + ", ".join(f"{lang} {count}" for lang, count in stats["languages"].items()))
    print("sources:    " + ", ".join(f"{name} {count}" for name, count in stats["sources"].items()))
    print(f"on disk:    {stats['bytes_on_disk'] / 2**20:.1f} MB")
    aliases = stats["aliases"]
    state = "current" if aliases["current"] else "CHANGED since the index was built: rebuild-index to update"
    print(f"aliases:    {aliases['entities']} entities, {len(aliases['user_files'])} user file(s); {state}")
    return EXIT_OK


# --- output --------------------------------------------------------------------

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def terminal_text(fragment: str, color: bool) -> str:
    """A highlighted HTML snippet as terminal text: marks in bold, or [brackets]."""
    marked = _MARK.sub(lambda m: f"\033[1m{m.group(1)}\033[0m" if color else f"[{m.group(1)}]", fragment)
    return html.unescape(marked)


def _print_results(results: Results) -> None:
    color = sys.stdout.isatty()
    if results.message:
        print(results.message)
    if results.corrected_from:
        print(f"nothing matched {results.corrected_from}; showing results for {results.query}")
    if results.relaxed:
        print("no article has all the words; showing articles with any of them")
    if results.query_entities:
        named = ", ".join(f"{e.form} = {e.label_en} / {e.label_ar}" for e in results.query_entities)
        print(f"entities: {named} (articles in both languages)")
    if results.suggestion:
        print(f"did you mean: {results.suggestion}")
    pages = max(results.pages, 1)
    print(f"{results.total} result(s), page {results.page} of {pages} ({results.took_ms:.0f} ms)")
    for number, hit in enumerate(results, start=(results.page - 1) * results.limit + 1):
        when = hit.published.date().isoformat() if hit.published else hit.dateline or "undated"
        print(f"\n{number}. {terminal_text(hit.title_html, color)}")
        print(f"   [{hit.lang}] {hit.source or 'unknown source'} · {when} · {hit.url or hit.id}")
        print("   " + terminal_text(hit.snippet, color).replace("\n", " "))


# --- argument parsing ----------------------------------------------------------


def add_query_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    query = commands.add_parser(
        "query",
        parents=[common],
        help="search the index",
        description="Search in Arabic and English at once. Words are all required; "
        'use OR, NOT, -word, "exact phrase", title:, source:, lang:.',
    )
    query.add_argument("text", nargs="+", metavar="TEXT", help="the query")
    query.add_argument("--json", action="store_true", help="print the results as JSON")
    query.add_argument(
        "--limit", type=int, default=10, metavar="N", help="results per page (1-100, default 10)"
    )
    query.add_argument("--page", type=int, default=1, metavar="N", help="page number (default 1)")
    query.add_argument("--lang", metavar="CODE", help="only articles in this language (ar, en, ...)")
    query.add_argument("--source", metavar="NAME", help="only articles from this source (exact name)")
    query.add_argument(
        "--since", metavar="DATE", help="only articles published on or after DATE (YYYY-MM-DD)"
    )
    query.add_argument(
        "--until", metavar="DATE", help="only articles published on or before DATE (YYYY-MM-DD)"
    )
    query.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")
    query.set_defaults(run=cmd_query)


def add_stats_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    stats = commands.add_parser("stats", parents=[common], help="show what the index holds")
    stats.add_argument("--json", action="store_true", help="print as JSON")
    stats.set_defaults(run=cmd_stats)
