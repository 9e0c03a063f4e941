"""`serve`: the web interface and JSON API of one index, with waitress.

Flask and waitress are imported inside the command, so the other commands stay quick to start.
Options are checked by argparse before anything starts: a port out of range
would otherwise be taken modulo 65536 or as "any free port".
"""

from __future__ import annotations

import argparse
import errno
import socket
import sys
from urllib.parse import urlsplit

from search.cli.exits import EXIT_OK, UsageError
from search.cli.locations import sample_corpus
from search.cli.querying import STALE_ANALYSIS
from search.engine import Engine
from search.errors import IndexNotFoundError
from search.index import IndexStore
from search.ingest.sources import read_sources

MAX_THREADS = 64
EVERY_INTERFACE = {"0.0.0.0", "::", ""}


def port_number(text: str) -> int:
    """argparse type for --port: 1-65535 (0 would listen on a random port)."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give 1-65535")
    return port


def thread_count(text: str) -> int:
    """argparse type for --threads: 1-64 worker threads."""
    try:
        threads = int(text)
    except ValueError:
        threads = 0
    if not 1 <= threads <= MAX_THREADS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a thread count: give 1-{MAX_THREADS}")
    return threads


def base_url(text: str) -> str:
    """argparse type for --base-url: an http(s) URL with a host and no query or fragment,
    returned without its trailing slash (the app's paths are appended to it)."""
    problem = _base_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(
            f"{text!r} {problem}: give the public address as http or https, like https://news.example"
        )
    return text.rstrip("/")


def _base_url_problem(text: str) -> str | None:
    if any(char.isspace() or not char.isprintable() for char in text):
        return "has a space or control character"
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return "is not an http or https URL"
    if not parts.hostname:
        return "has no host"
    if parts.username is not None or parts.password is not None:
        return "has a user or password in it"
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        return "has a query or fragment"
    try:
        parts.port  # noqa: B018 (raises ValueError when out of range)
    except ValueError:
        return "has a port out of range"
    return None


def listening_url(host: str, port: int) -> str:
    """http://host:port, with an IPv6 address in brackets."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def cmd_serve(args: argparse.Namespace) -> int:
    # Flask and waitress load only for this command: the others stay quick to start.
    from web import serving

    try:
        serving.check_address(args.host, args.port)  # before building anything or announcing
    except OSError as error:
        raise UsageError(_listen_error(args.host, args.port, error)) from error
    if args.sample and not IndexStore(args.index).exists():
        print(f"no index at {args.index}: building the bundled sample articles into it", file=sys.stderr)
        report = Engine.rebuild(args.index, read_sources([sample_corpus()]), procs=1)
        print(report.summary(), file=sys.stderr)
    from web import app_engine, create_app

    public = args.base_url or listening_url(args.host, args.port)
    try:
        app = create_app(args.index, config={"PUBLIC_BASE_URL": public})
    except IndexNotFoundError as error:
        raise UsageError(
            f"{error}; or add --sample to build and serve the bundled sample articles"
        ) from error
    engine = app_engine(app)
    engine.warm()  # facet tables built before the first reader waits
    if not engine.analysis_current():
        print(f"warning: {args.index}: {STALE_ANALYSIS}", file=sys.stderr)
    print(f"serving {args.index} on {listening_url(args.host, args.port)}/ (Ctrl+C to stop)", file=sys.stderr)
    if args.base_url is None and args.host in EVERY_INTERFACE:
        print(
            f"OpenSearch and RSS link to {public}; give --base-url with the public address", file=sys.stderr
        )
    try:
        serving.serve(app, host=args.host, port=args.port, threads=args.threads)
    except OSError as error:
        raise UsageError(_listen_error(args.host, args.port, error)) from error
    return EXIT_OK


def _listen_error(host: str, port: int, error: OSError) -> str:
    """Which option to change: --host when the address is unknown or not this machine's, else --port."""
    reason = error.strerror or str(error)
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on --host {host}: {reason}; give an address of this machine, like 127.0.0.1"
    return f"cannot listen on {host}:{port}: {reason}; try --port"


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
    serve.add_argument("--port", type=port_number, default=8080, help="port, 1-65535 (default 8080)")
    serve.add_argument(
        "--threads",
        type=thread_count,
        default=4,
        metavar="N",
        help=f"worker threads, 1-{MAX_THREADS} (default 4)",
    )
    serve.add_argument(
        "--base-url",
        type=base_url,
        metavar="URL",
        help="the public address readers use, like https://news.example: OpenSearch and RSS link to it "
        "(default: the address listened on; the request's Host header is never trusted)",
    )
    serve.add_argument(
        "--sample",
        action="store_true",
        help="if there is no index at --index yet, build the bundled sample articles into it first",
    )
    serve.set_defaults(run=cmd_serve)
