"""What the timeline costs: index size with and without its day-and-language values, and query
time with and without counting them, on each backend, for the same articles and queries.

For each backend the articles are indexed twice: as now, and without the
`day_lang` values (what an index had before the timeline). The queries (the
300 of scripts/bench.py: title words and country names, both languages) run
on the first index with the day counts on and off, alternating query by
query, three rounds, each query's fastest run kept. "Off" is the search as
it was before the timeline: no day spy or table, no bars made. Both the
whole search (10 hits with snippets, facets, aliases, timeline) and the
backend's `find` alone (the match and every count) are timed.

    python scripts/bench_timeline.py            # ~20k real articles; rewrites docs/benchmarks.md's section
    python scripts/bench_timeline.py --quick    # 2,000 articles; prints, writes nothing

Numbers are measurements, never assertions.
"""

from __future__ import annotations

import contextlib
import json
import re
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DOCS, folder_bytes, on_real_articles, real_articles_parser, run_header, stream

import search.indexing
from search import Engine, searching
from search.backends import BACKENDS

PROCS = 2
ROUNDS = 3
START, END = "<!-- timeline:start -->", "<!-- timeline:end -->"


@contextlib.contextmanager
def without_day_values() -> Iterator[None]:
    """Index as before the timeline: every field but day_lang (forked writers inherit this)."""
    original = search.indexing.document_fields

    def fields(*args, **kwargs):
        values = original(*args, **kwargs)
        values.pop("day_lang", None)
        return values

    search.indexing.document_fields = fields
    try:
        yield
    finally:
        search.indexing.document_fields = original


@contextlib.contextmanager
def day_counts_off(backend: str) -> Iterator[None]:
    """Search as before the timeline: no day-and-language counts (so no bars either)."""
    if backend == "whoosh":
        from search.backends.whoosh import tables

        original = tables.facet_tables
        kept: dict[int, dict] = {}

        def without(searcher):
            full = original(searcher)
            if id(full) not in kept:
                kept.clear()
                kept[id(full)] = {name: table for name, table in full.items() if name != "day_lang"}
            return kept[id(full)]

        tables.facet_tables = without
        try:
            yield
        finally:
            tables.facet_tables = original
    else:
        from search.backends.xapian import reader

        original_slots = reader.FACET_SLOTS
        reader.FACET_SLOTS = {name: slot for name, slot in original_slots.items() if name != "day_lang"}
        try:
            yield
        finally:
            reader.FACET_SLOTS = original_slots


def rebuild(path: Path, docs: Path, backend: str) -> dict:
    started = time.perf_counter()
    report = Engine.rebuild(path, stream(docs), procs=PROCS, backend=backend)
    seconds = time.perf_counter() - started
    generation = Engine.open(path).store.current()
    return {"documents": report.added, "seconds": seconds, "bytes": folder_bytes(generation)}


def timings(engine: Engine, backend: str, queries: list[str]) -> dict:
    """Per variant ("on", "off"): p50, p95 and mean of each query's fastest search, find (the
    backend's match and counts) and bars (search/timeline.py making the bars from the counts)."""
    engine.warm()
    engine.search("warm-up-free")
    reader = engine._reader()
    original_find = reader.find
    spent: list[float] = []
    making: list[float] = []
    values: list[int] = []  # distinct day-and-language values of each search

    def timed_timeline(counted, *args, **kwargs):
        values.append(len(counted.get("day_lang") or ()))
        begun = time.perf_counter()
        try:
            return original_timeline(counted, *args, **kwargs)
        finally:
            making.append((time.perf_counter() - begun) * 1000)

    def timed_find(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return original_find(*args, **kwargs)
        finally:
            spent.append((time.perf_counter() - begun) * 1000)

    reader.find = timed_find  # this thread's reader: every find of every search below
    original_timeline = searching.timeline
    searching.timeline = timed_timeline
    best: dict[str, dict[str, list[float]]] = {
        variant: {kind: [float("inf")] * len(queries) for kind in ("search", "find", "bars")}
        for variant in ("on", "off")
    }
    bars = 0
    for round_number in range(ROUNDS):
        for number, text in enumerate(queries):
            order = ("on", "off") if (number + round_number) % 2 == 0 else ("off", "on")
            for variant in order:
                spent.clear()
                making.clear()
                with day_counts_off(backend) if variant == "off" else contextlib.nullcontext():
                    begun = time.perf_counter()
                    results = engine.search(text, limit=10)
                    sum(len(hit.snippet) for hit in results)
                    elapsed = (time.perf_counter() - begun) * 1000
                if variant == "off":
                    assert results.timeline is None
                elif round_number == 0 and results.timeline:
                    bars += 1
                best[variant]["search"][number] = min(best[variant]["search"][number], elapsed)
                best[variant]["find"][number] = min(best[variant]["find"][number], sum(spent))
                best[variant]["bars"][number] = min(best[variant]["bars"][number], sum(making))
    searching.timeline = original_timeline
    summary: dict = {"queries": len(queries), "with_timeline": bars, "most_day_values": max(values)}
    for variant, measured in best.items():
        for kind, times in measured.items():
            cuts = statistics.quantiles(times, n=100, method="inclusive")
            summary[f"{kind}_{variant}"] = {
                "p50": cuts[49],
                "p95": cuts[94],
                "mean": statistics.fmean(times),
                "max": max(times),
            }
    return summary


def run(docs: Path, queries: list[str], scratch: Path) -> dict:
    rows = {}
    for backend in BACKENDS:
        with_days = rebuild(scratch / f"{backend}-with", docs, backend)
        with without_day_values():
            without = rebuild(scratch / f"{backend}-without", docs, backend)
        with Engine.open(scratch / f"{backend}-with") as engine:
            measured = timings(engine, backend, queries)
        rows[backend] = {"with": with_days, "without": without, **measured}
        print(backend, json.dumps(rows[backend]), file=sys.stderr)
    return rows


def markdown(rows: dict, header: str) -> str:
    lines = [
        header,
        "",
        "| backend | articles | index MB without → with | size | search p50 ms off → on "
        "| search p95 ms off → on | find p50 ms off → on | find p95 ms off → on | find mean ms off → on "
        "| bars ms p50, p95, max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for backend, row in rows.items():
        before, after = row["without"]["bytes"] / 2**20, row["with"]["bytes"] / 2**20

        def pair(kind: str, cut: str, row: dict = row) -> str:
            return f"{row[f'{kind}_off'][cut]:.2f} → {row[f'{kind}_on'][cut]:.2f}"

        lines.append(
            f"| {backend} | {row['with']['documents']:,} | {before:.1f} → {after:.1f} "
            f"| {100 * (after - before) / before:+.1f}% | {pair('search', 'p50')} | {pair('search', 'p95')} "
            f"| {pair('find', 'p50')} | {pair('find', 'p95')} | {pair('find', 'mean')} "
            f"| {row['bars_on']['p50']:.2f}, {row['bars_on']['p95']:.2f}, {row['bars_on']['max']:.2f} |"
        )
    some = next(iter(rows.values()))
    lines += [
        "",
        f"{some['queries']} queries, each one's fastest of {ROUNDS} runs per variant; "
        f"{some['with_timeline']} of them drew a timeline; the broadest counted "
        f"{some['most_day_values']:,} distinct day-and-language values.",
    ]
    return "\n".join(lines)


def main() -> None:
    args = real_articles_parser(__doc__.split("\n\n")[0]).parse_args()
    rows, seconds = on_real_articles(args, "news-search-timeline-bench-", run)
    command = "python scripts/bench_timeline.py" + (" --quick" if args.quick else "")
    text = markdown(rows, run_header(command, seconds, f"{PROCS} indexing processes"))
    print(text)
    if not args.quick:
        page = DOCS / "benchmarks.md"
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
        page.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", page.read_text("utf-8")), "utf-8")
        record = {"date": date.today().isoformat(), "command": command, "rows": rows}
        (DOCS / "benchmarks-timeline.json").write_text(json.dumps(record, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
