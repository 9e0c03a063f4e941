"""`shard serve` and `cluster init`: run a shard server, and make a cluster index folder over shards.

After `cluster init DIR`, every command that takes --index works on DIR as
on a local index (search/backends/cluster/). The cluster's modules load
only for these commands: they need the Xapian extra.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from search.cli.exits import EXIT_OK, UsageError
from search.cli.serving import port_number
from search.errors import SearchError


def cmd_shard_serve(args: argparse.Namespace) -> int:
    from search.backends import get_backend
    from search.backends.cluster.server import ShardServer, program

    program()  # a missing xapian-tcpsrv is named before anything is made
    get_backend("xapian")  # and a missing extra (the shard's database is made with it)
    if args.port == 65535:
        raise UsageError("--port 65535: a shard also takes writes on PORT+1; give at most 65534")
    server = ShardServer(Path(args.folder), args.host, args.port)
    server.start()
    print(
        f"serving shard {args.folder}: searches on {args.host}:{args.port}, "
        f"writes on port {args.port + 1} (Ctrl+C to stop)",
        file=sys.stderr,
        flush=True,
    )
    code = server.wait()
    print("shard server stopped", file=sys.stderr)
    return code


def cmd_cluster_init(args: argparse.Namespace) -> int:
    from search.backends.cluster.config import CLUSTER_FILE, ClusterConfig, Shard, is_cluster
    from search.index import IndexStore
    from search.locking import WriterLock

    shards = tuple(Shard.parse(text) for text in args.shard)
    if len(set(shards)) < len(shards):
        raise UsageError("--shard: the same shard is given twice")
    if args.timeout_ms < 100:
        raise UsageError(
            f"--timeout-ms {args.timeout_ms}: give at least 100 (milliseconds per shard request)"
        )
    root = Path(args.folder)
    store = IndexStore(root)
    if store.exists() and not args.force:
        raise UsageError(f"{root}: an index is already here; give --force to replace it with a cluster index")
    had_settings = is_cluster(root)
    previous = (root / CLUSTER_FILE).read_text("utf-8") if had_settings else None
    ClusterConfig(shards, args.timeout_ms).save(root)
    try:
        with WriterLock(root, purpose="cluster init"):
            store.create(overwrite=True, backend="cluster")
    except (SearchError, KeyboardInterrupt):
        if previous is None:
            (root / CLUSTER_FILE).unlink(missing_ok=True)
            if not any(path for path in root.iterdir() if path.name != "WRITELOCK"):
                shutil.rmtree(root, ignore_errors=True)
        else:
            (root / CLUSTER_FILE).write_text(previous, "utf-8")
        raise
    print(
        f"cluster index at {root} over {len(shards)} shard(s): {', '.join(map(str, shards))}; "
        f"fill it with `news-search rebuild-index SOURCE... --index {root}`",
        file=sys.stderr,
    )
    return EXIT_OK


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    shard = commands.add_parser(
        "shard",
        help="run a shard server of a cluster index",
        description="A shard server holds one part of a cluster index (Debian's xapian-tcpsrv, package "
        "xapian-tools). It answers searches on --port and takes the cluster's writes on --port + 1.",
    )
    shard_commands = shard.add_subparsers(dest="shard_command", required=True, metavar="COMMAND")
    serve = shard_commands.add_parser(
        "serve",
        help="serve one shard folder",
        description="Serve the shard database in FOLDER (made if absent) until Ctrl+C or SIGTERM. "
        "Listens on 127.0.0.1 unless --host says otherwise; xapian-tcpsrv has no authentication, so "
        "expose it on a private network only.",
    )
    serve.add_argument("folder", metavar="FOLDER", help="the shard's database folder")
    serve.add_argument("--port", type=port_number, required=True, help="search port (writes on PORT+1)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.set_defaults(run=cmd_shard_serve)

    cluster = commands.add_parser(
        "cluster",
        help="make a cluster index over shard servers",
        description="A cluster index folder lists its shard servers; --index DIR then works on it "
        "as on a local index.",
    )
    cluster_commands = cluster.add_subparsers(dest="cluster_command", required=True, metavar="COMMAND")
    init = cluster_commands.add_parser(
        "init",
        help="write a cluster index folder",
        description="Write FOLDER/CLUSTER.json with the shards and make an empty live index on them. "
        "Every shard must be running (`news-search shard serve`).",
    )
    init.add_argument("folder", metavar="FOLDER", help="the cluster index folder (this machine)")
    init.add_argument(
        "--shard",
        action="append",
        required=True,
        metavar="HOST:PORT",
        help="a shard server (repeat, in order)",
    )
    init.add_argument(
        "--timeout-ms",
        type=int,
        default=10_000,
        metavar="MS",
        help="how long a search or write may wait for a shard (default 10000)",
    )
    init.add_argument("--force", action="store_true", help="replace an index already in FOLDER")
    init.set_defaults(run=cmd_cluster_init)
