"""`serve`: the web interface and JSON API of one index, with waitress.

Flask and waitress are imported inside the command, so the other commands stay quick to start.
"""

from __future__ import annotations

import argparse
import sys

from search.cli.exits import EXIT_OK, UsageError
from search.cli.locations import sample_corpus
from search.engine import Engine
from search.errors import IndexNotFoundError
from search.index import IndexStore
from search.ingest.sources import read_sources


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


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
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
