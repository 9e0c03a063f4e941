"""The `news-search` command: rebuild-index, add, query, stats, serve, aliases, eval.

Exit codes: 0 all went well, 1 some documents were rejected (the rest are
indexed), 2 usage error or unusable input (nothing was changed).
Index location: --index, else $NEWS_SEARCH_INDEX, else ./index.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from search.aliases.lexicon import SHIPPED_FILES
from search.aliases.lexicon import load as load_lexicon
from search.aliases.resolver import AliasResolver
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize
from search.engine import Engine
from search.errors import IndexNotFoundError, SearchError
from search.index import IndexStore
from search.indexing import EmptyRebuildError
from search.ingest.sources import check_sources, read_sources
from search.reports import IndexReport
from search.results import Results

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
SHOWN_REJECTIONS = 10  # in the summary; all of them go to --rejects FILE


def default_index() -> str:
    return os.environ.get("NEWS_SEARCH_INDEX") or "index"


def sample_corpus() -> Path:
    """The articles bundled with the package (search/sample), for demos and tests."""
    return Path(str(resources.files("search").joinpath("sample")))


# --- commands ------------------------------------------------------------------


def cmd_rebuild(args: argparse.Namespace) -> int:
    sources = _sources(args)
    check_sources([*sources, *args.aliases])
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
    try:
        engine = Engine.open(args.index)
    except IndexNotFoundError:
        engine = Engine.create(args.index)
        print(f"created a new index at {args.index}", file=sys.stderr)
    with engine:
        report = engine.add_documents(_progress(read_sources(sources)), wait=args.wait)
    _print_report(report, args)
    return EXIT_OK if report.ok else EXIT_REJECTED


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


def cmd_aliases_lookup(args: argparse.Namespace) -> int:
    resolver = _resolver(args)
    text = " ".join(args.text)
    mentions = resolver.mentions(text)
    sure = {mention.entity for mention in mentions if not mention.ambiguous}
    if not mentions:
        print("no entity named")
    for mention in mentions:
        entity = resolver.entity(mention.entity)
        why = [f"form {mention.form!r}"]
        if mention.clitic:
            why.append(f"written {mention.written!r} (clitics or spelling)")
        if mention.ambiguous:
            why.append(
                "ambiguous: counts "
                + (
                    "(confirmed by another form here)"
                    if mention.entity in sure
                    else "only when another form of it is in the same text"
                )
            )
        if mention.common_word:
            why.append("common word first: not expanded alone in queries")
        labels = f"{entity.label_en} / {entity.label_ar}" if entity else mention.entity
        kind = entity.type if entity else "?"
        print(f"{mention.written}\t{mention.entity} [{kind}] {labels}: {'; '.join(why)}")
    for token in tokenize(text):
        keys = resolver.names.keys_for(token.text, token.script == SCRIPT_ARABIC)
        if keys and not any(m.start <= token.start < m.end for m in mentions):
            print(f"{token.text}\tname keys {', '.join(keys)} (spelling match for names no lexicon lists)")
    return EXIT_OK


def cmd_aliases_check(args: argparse.Namespace) -> int:
    lexicon = load_lexicon(args.files)  # raises LexiconError with every problem
    own = [entity for entity in lexicon.entities.values() if not entity.origin.startswith(SHIPPED_FILES)]
    print(
        f"ok: {len(own)} entities in {', '.join(map(str, args.files))}, no conflict with the shipped lexicon"
    )
    print(
        "use it with: news-search rebuild-index SOURCE... --aliases FILE (a lexicon change needs a rebuild)"
    )
    return EXIT_OK


def _resolver(args: argparse.Namespace) -> AliasResolver:
    if args.aliases:
        return AliasResolver.load(tuple(Path(path) for path in args.aliases))
    try:
        with Engine.open(args.index) as engine:
            return engine.aliases
    except IndexNotFoundError:
        return AliasResolver.load()


def cmd_stats(args: argparse.Namespace) -> int:
    with Engine.open(args.index) as engine:
        stats = engine.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"index:      {stats['path']} ({stats['generation']})")
    print(f"documents:  {stats['documents']} ({stats['dated']} with a date)")
    print("languages:  " + ", ".join(f"{lang} {count}" for lang, count in stats["languages"].items()))
    print("sources:    " + ", ".join(f"{name} {count}" for name, count in stats["sources"].items()))
    print(f"on disk:    {stats['bytes_on_disk'] / 2**20:.1f} MB")
    aliases = stats["aliases"]
    state = "current" if aliases["current"] else "CHANGED since the index was built: rebuild-index to update"
    print(f"aliases:    {aliases['entities']} entities, {len(aliases['user_files'])} user file(s); {state}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    if args.sample and not IndexStore(args.index).exists():
        print(f"no index at {args.index}: building the bundled sample articles into it", file=sys.stderr)
        report = Engine.rebuild(args.index, read_sources([sample_corpus()]), procs=1)
        print(report.summary(), file=sys.stderr)
    # Flask and waitress load only for this command: the others stay quick to start.
    from web import app_engine, create_app
    from web.serving import serve

    try:
        app = create_app(args.index)
    except IndexNotFoundError as error:
        raise UsageError(
            f"{error}; or add --sample to build and serve the bundled sample articles"
        ) from error
    app_engine(app).warm()  # facet tables built before the first reader waits
    print(f"serving {args.index} on http://{args.host}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        serve(app, host=args.host, port=args.port, threads=args.threads)
    except OSError as error:
        raise UsageError(
            f"cannot listen on {args.host}:{args.port}: {error.strerror or error}; try --port"
        ) from error
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from search.evaluation.command import run_eval  # numpy and trec_eval only when evaluating

    return run_eval(args)


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


def _progress(items: Iterable) -> Iterable:
    """A progress bar on a terminal; silent in pipes and CI logs."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, unit=" items", desc="indexing", file=sys.stderr)


def _sources(args: argparse.Namespace) -> list[str]:
    sources = list(args.sources)
    if getattr(args, "sample", False):
        sources.append(str(sample_corpus()))
    if not sources:
        raise UsageError("give at least one SOURCE file or folder (or --sample for the bundled articles)")
    return sources


class UsageError(SearchError):
    pass


# --- argument parsing ----------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-search",
        description="Bilingual Arabic-English news search: build an index, add to it, query it.",
        epilog="Exit codes: 0 ok, 1 some documents rejected, 2 usage error or unusable input.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index",
        default=default_index(),
        metavar="DIR",
        help="index folder (default: $NEWS_SEARCH_INDEX or ./index)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

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
    rebuild.set_defaults(run=cmd_rebuild)

    add = commands.add_parser(
        "add",
        parents=[common, writing],
        help="add or update documents (by id) in the index",
        description="Add documents from SOURCE files and folders; a document whose id is already "
        "indexed replaces it. Creates the index if there is none.",
    )
    add.add_argument("--sample", action="store_true", help="include the articles bundled with the package")
    add.set_defaults(run=cmd_add)

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

    serve = commands.add_parser(
        "serve",
        parents=[common],
        help="serve the web interface and JSON API",
        description="Serve the bilingual search page, the JSON API (/api/search), RSS and OpenSearch "
        "with waitress. Listens on 127.0.0.1 unless --host says otherwise.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    serve.add_argument("--threads", type=int, default=4, metavar="N", help="worker threads (default 4)")
    serve.add_argument(
        "--sample",
        action="store_true",
        help="if there is no index at --index yet, build the bundled sample articles into it first",
    )
    serve.set_defaults(run=cmd_serve)

    stats = commands.add_parser("stats", parents=[common], help="show what the index holds")
    stats.add_argument("--json", action="store_true", help="print as JSON")
    stats.set_defaults(run=cmd_stats)

    aliases = commands.add_parser(
        "aliases",
        help="look up and check entity aliases",
        description="Entity aliases link names across languages (docs/aliases.md). "
        "Changing a lexicon needs a rebuild of the index to update its entities.",
    )
    alias_commands = aliases.add_subparsers(dest="alias_command", required=True, metavar="ACTION")
    lookup = alias_commands.add_parser(
        "lookup",
        parents=[common],
        help="show which entities a text names, and why",
        description="Show the entity mentions in TEXT: the form matched, clitics, ambiguity, and the "
        "spelling keys of names no lexicon lists. Uses the lexicon of --index if there is one.",
    )
    lookup.add_argument("text", nargs="+", metavar="TEXT")
    lookup.add_argument(
        "--aliases", action="append", default=[], metavar="FILE", help="also this lexicon file"
    )
    lookup.set_defaults(run=cmd_aliases_lookup)
    check = alias_commands.add_parser(
        "check",
        help="validate lexicon files",
        description="Check FILEs against the format (docs/aliases.md) and against the shipped lexicon: "
        "every problem is listed with its line. Exit 0 if the files can be used, 2 if not.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(run=cmd_aliases_check)

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except SearchError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the live index is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
