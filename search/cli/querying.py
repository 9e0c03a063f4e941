"""`query` and `stats`: read the index and print what they find, as terminal text or as JSON."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from typing import Any

from search.cli.exits import EXIT_OK
from search.engine import Engine
from search.results import Results
from search.searching import PARAMETERS
from search.timeline import Timeline

# An index built by another version's analysis (search/analysis/version.py).
STALE_ANALYSIS = "built by another version's text analysis: searches may miss words until rebuild-index"


def cmd_query(args: argparse.Namespace) -> int:
    with Engine.open(args.index) as engine:
        results = engine.search(**search_options(args))
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
    print("analysis:   " + ("current" if stats["analysis"]["current"] else STALE_ANALYSIS))
    return EXIT_OK


# --- output --------------------------------------------------------------------

_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def terminal_text(fragment: str, color: bool) -> str:
    """A highlighted HTML snippet as terminal text: marks in bold, or [brackets]."""
    marked = _MARK.sub(lambda m: f"\033[1m{m.group(1)}\033[0m" if color else f"[{m.group(1)}]", fragment)
    return html.unescape(marked)


TIMELINE_WIDTH = 30  # characters of the longest bar
TIMELINE_LINES = 24  # periods shown one per line; over that, only those with matches


def timeline_text(timeline: Timeline) -> str:
    """When the matches were published, a line per period, as the web's chart shows it:
    bars scaled to the fullest period, the Arabic and English counts beside them."""
    bars = timeline.bars
    if len(bars) > TIMELINE_LINES:
        bars = [bar for bar in bars if bar.total]
    most = max((bar.total for bar in bars), default=0) or 1
    lines = [f"published, by {timeline.unit} (dated matches: {timeline.total}):"]
    for bar in bars:
        drawn = "█" * max(round(bar.total / most * TIMELINE_WIDTH), 1) if bar.total else ""
        counts = ", ".join(f"{language} {count}" for language, count in bar.counts.items() if count)
        lines.append(f"  {bar.period:<10} {drawn} {bar.total}" + (f" ({counts})" if counts else ""))
    if len(bars) < len(timeline.bars):
        lines.append(f"  ({len(timeline.bars) - len(bars)} {timeline.unit}s without matches not shown)")
    return "\n".join(lines)


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
    folded = ""
    if results.collapse and results.stories < results.total:
        folded = f" in {results.stories} {'story' if results.stories == 1 else 'stories'}"
    print(f"{results.total} result(s){folded}, page {results.page} of {pages} ({results.took_ms:.0f} ms)")
    if results.timeline is not None:
        print(timeline_text(results.timeline))
    for number, hit in enumerate(results, start=(results.page - 1) * results.limit + 1):
        when = hit.published.date().isoformat() if hit.published else hit.dateline or "undated"
        print(f"\n{number}. {terminal_text(hit.title_html, color)}")
        print(f"   [{hit.lang}] {hit.source or 'unknown source'} · {when} · {hit.url or hit.id}")
        print("   " + terminal_text(hit.snippet, color).replace("\n", " "))
        if hit.similar:
            sources = ", ".join(dict.fromkeys(copy.source or copy.id for copy in hit.similar))
            print(f"   {len(hit.similar)} similar from {sources}")


# --- argument parsing ----------------------------------------------------------

# The query is the command's words; every other search parameter is an option (SearchRequest's).
[_QUERY] = [spec for spec in PARAMETERS if not spec.cli]
_OPTIONS = [spec for spec in PARAMETERS if spec.cli]


def search_options(args: argparse.Namespace) -> dict[str, Any]:
    """The Engine.search keywords of a parsed query command."""
    return {_QUERY.name: " ".join(args.text), **{spec.name: getattr(args, spec.name) for spec in _OPTIONS}}


def add_query_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    query = commands.add_parser(
        "query",
        parents=[common],
        help="search the index",
        description="Search in Arabic and English at once. Words are all required "
        '(--match any: any of them); use OR, NOT, -word, "exact phrase", title:, source:, lang:.',
    )
    query.add_argument("text", nargs="+", metavar="TEXT", help=_QUERY.help)
    query.add_argument("--json", action="store_true", help="print the results as JSON")
    for spec in _OPTIONS:
        if spec.flag:  # --collapse / --no-collapse
            state = "on" if spec.default else "off"
            query.add_argument(
                spec.cli,
                dest=spec.name,
                action=argparse.BooleanOptionalAction,
                default=spec.default,
                help=f"{spec.help} (default {state})".replace("%", "%%"),
            )
            continue
        default = f" (default {spec.default})" if spec.default is not None else ""
        query.add_argument(
            spec.cli,
            dest=spec.name,
            type=int if spec.whole_number else str,
            choices=spec.choices or None,
            default=spec.default,
            metavar=spec.metavar or None,
            help=(spec.help + default).replace("%", "%%"),  # argparse formats help with %
        )
    query.set_defaults(run=cmd_query)


def add_stats_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    stats = commands.add_parser("stats", parents=[common], help="show what the index holds")
    stats.add_argument("--json", action="store_true", help="print as JSON")
    stats.set_defaults(run=cmd_stats)
