"""The cluster on loopback: 1, 2 and 3 shard servers against one local Xapian index, same articles.

For each: rebuild articles/s, query p95 (10 hits with snippets, facets and
alias expansion, as scripts/bench.py measures), and the shards' size per
100k articles (measured size scaled linearly). The 2-shard cluster is also
compared with the local index on every query: top-10 (ties aside), totals
and facet counts. Shard servers run on 127.0.0.1 only; on one machine they
share its cores with the indexer, so this measures the protocol's cost, not
what several machines gain (docs/scaling.md).

    python scripts/bench_cluster.py            # ~20k real articles; rewrites docs/scaling.md's results
    python scripts/bench_cluster.py --quick    # 2,000 articles; prints, writes nothing
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import folder_bytes, on_real_articles, publish, real_articles_parser, run_header, stream

from search import Engine
from search.backends.cluster.config import ClusterConfig, Shard
from search.backends.cluster.local import ShardPool
from search.index import IndexStore
from search.locking import WriterLock
from search.results import Results

SHARD_COUNTS = (1, 2, 3)
PROCS = 2


def folder_mb(folders: list[Path]) -> float:
    return sum(folder_bytes(folder) for folder in folders) / 2**20


def rebuild(path: Path, docs: Path, backend: str | None) -> dict:
    started = time.perf_counter()
    report = Engine.rebuild(path, stream(docs), procs=PROCS, backend=backend)
    seconds = time.perf_counter() - started
    return {"documents": report.added, "seconds": seconds, "docs_per_s": report.added / seconds}


def latencies(engine: Engine, queries: list[str]) -> dict:
    engine.warm()
    engine.search("warm-up-free")
    measured = []
    for text in queries:
        begun = time.perf_counter()
        results = engine.search(text, limit=10)
        sum(len(hit.snippet) for hit in results)
        measured.append((time.perf_counter() - begun) * 1000)
    cuts = statistics.quantiles(measured, n=100, method="inclusive")
    return {"p50_ms": cuts[49], "p95_ms": cuts[94]}


def same_but_ties(first: list[tuple[float, str]], second: list[tuple[float, str]]) -> bool:
    """Whether two rankings of (score, id) agree, where articles of equal score may come in
    either order, and the lowest score's articles may be cut at the window's end differently."""
    if [score for score, _ in first] != [score for score, _ in second]:
        return False
    lowest = first[-1][0] if first else 0.0
    return {pair for pair in first if pair[0] != lowest} == {pair for pair in second if pair[0] != lowest}


def ranking(results: Results) -> list[tuple[float, str]]:
    return [(round(hit.score, 6), hit.id) for hit in results]


def same_counts(mine: Results, theirs: Results) -> bool:
    """Totals, facets and timelines equal; the entity facet only where both count every match
    (a local Xapian index counts entities over the best 1,000 matches: entities_over)."""
    kept = [
        name for name in theirs.facets if name != "entity" or not (mine.entities_over or theirs.entities_over)
    ]
    return (
        mine.total == theirs.total
        and all(mine.facets.get(name) == theirs.facets[name] for name in kept)
        and mine.timeline == theirs.timeline
    )


def compare(cluster: Engine, single: Engine, queries: list[str]) -> dict:
    """How many queries give the same top-10 (ties aside), totals and facets on both."""
    same_top = counted = 0
    for text in queries:
        mine, theirs = cluster.search(text, limit=10), single.search(text, limit=10)
        same_top += same_but_ties(ranking(mine), ranking(theirs))
        counted += same_counts(mine, theirs)
    return {"queries": len(queries), "same_top10": same_top, "same_totals_and_facets": counted}


def make_cluster(path: Path, shards: list) -> None:
    ClusterConfig(tuple(Shard.parse(shard.address) for shard in shards)).save(path)
    with WriterLock(path, purpose="bench"):
        IndexStore(path).create(backend="cluster")


def run(docs: Path, queries: list[str], scratch: Path) -> dict:
    rows: dict[str, dict] = {}
    single_path = scratch / "single"
    rows["one local index"] = {"rebuild": rebuild(single_path, docs, "xapian")}
    generation = IndexStore(single_path).current()
    rows["one local index"]["mb"] = folder_mb([generation])
    with Engine.open(single_path) as single:
        rows["one local index"]["query"] = latencies(single, queries)
        for count in SHARD_COUNTS:
            label = f"{count} shard{'s' if count > 1 else ''}"
            with ShardPool(scratch / f"shards-{count}") as pool:
                shards = pool.start(count)
                path = scratch / f"cluster-{count}"
                make_cluster(path, shards)
                row = {
                    "rebuild": rebuild(path, docs, None),
                    "mb": folder_mb([shard.folder for shard in shards]),
                }
                with Engine.open(path) as cluster:
                    row["query"] = latencies(cluster, queries)
                    if count == 2:
                        row["compared"] = compare(cluster, single, queries)
                rows[label] = row
            print(label, json.dumps(row), file=sys.stderr)
    return rows


def markdown(rows: dict, header: str) -> str:
    lines = [
        header,
        "",
        "| | articles | rebuild articles/s | query p50 ms | query p95 ms | index MB | MB per 100k articles |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, row in rows.items():
        documents = row["rebuild"]["documents"]
        lines.append(
            f"| {label} | {documents:,} | {row['rebuild']['docs_per_s']:.0f} | {row['query']['p50_ms']:.1f} "
            f"| {row['query']['p95_ms']:.1f} | {row['mb']:.0f} | {row['mb'] * 100_000 / documents:,.0f} |"
        )
    compared = rows["2 shards"]["compared"]
    lines += [
        "",
        f"2 shards against one local index, {compared['queries']} queries: the same top-10 (ties aside) "
        f"on {compared['same_top10']}, the same totals and facet counts on "
        f"{compared['same_totals_and_facets']}.",
    ]
    return "\n".join(lines)


def main() -> None:
    args = real_articles_parser(__doc__.split("\n\n")[0]).parse_args()
    rows, seconds = on_real_articles(args, "news-search-cluster-bench-", run)
    command = "python scripts/bench_cluster.py" + (" --quick" if args.quick else "")
    machine = f"shard servers on 127.0.0.1 of the same machine, {PROCS} indexing processes"
    text = markdown(rows, run_header(command, seconds, machine))
    publish(text, None if args.quick else "scaling", {"command": command, "rows": rows})


if __name__ == "__main__":
    main()
