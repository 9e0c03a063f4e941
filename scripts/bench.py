"""Benchmarks: rebuild throughput, analyzer throughput, query latency, memory and size,
for news-search on each backend (Whoosh; Xapian when its extra is installed) and plain
Whoosh on the same documents, measured in the same run.

Sets: the real news corpora of ../shared/data (ANT Arabic, BBC and CNN
Arabic, BBC English) at 5,000 documents (a seeded sample) and all of them
(about 19,700), and a SYNTHETIC 100,000: the real set replicated with
distinct ids. Each measurement runs in a fresh subprocess whose whole
process tree is sampled for memory. Results are written to
docs/benchmarks.md (between the result markers) and docs/benchmarks.json.

    python scripts/bench.py            # full run: 5k, ~20k, 100k (about 25 minutes)
    python scripts/bench.py --quick    # 2,000 documents, 300 queries, under 2 minutes; writes nothing

Numbers are measurements, never assertions: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
QUERIES = 300
TITLE_QUERIES_PER_LANGUAGE = 120  # plus 60 country names, 30 per language
SEED = 7
SAMPLE_EVERY = 0.05  # seconds between memory samples
# news-search on each backend, then the baseline.
BACKEND_OF = {"news-search": "whoosh", "news-search-xapian": "xapian"}


def systems() -> list[str]:
    """The systems this machine can run: Xapian only with its extra installed."""
    try:
        import xapian  # noqa: F401
    except ImportError:
        print("bench: the xapian extra is not installed; measuring Whoosh only", file=sys.stderr)
        return ["news-search", "whoosh-plain"]
    return ["news-search", "news-search-xapian", "whoosh-plain"]


# --- the document sets -------------------------------------------------------------------


def write_sets(data: Path, folder: Path, sizes: list[tuple[str, int]]) -> dict[str, Path]:
    """JSON Lines files of project records, one per set, streamed by the workers."""
    from search.evaluation.corpora import news_records

    records = news_records(data)
    files = {}
    for label, size in sizes:
        if size <= len(records):
            chosen = sorted(random.Random(SEED).sample(range(len(records)), size))
            rows = [records[i] for i in chosen]
        else:  # synthetic: the real set again and again, with distinct ids and texts
            rows = [_copy(records[i % len(records)], i // len(records)) for i in range(size)]
        path = folder / f"{label}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        files[label] = path
    return files


def _copy(record: dict, number: int) -> dict:
    """The n-th synthetic copy of a real record. Its body gains a marker word, or
    the index would rightly drop it as a duplicate of the original (same text)."""
    if number == 0:
        return record
    return dict(record, id=f"{record['id']}#copy{number}", body=f"{record['body']}\n\ncopy{number}")


def sample_queries(path: Path, data: Path) -> list[str]:
    """1-3 consecutive title words (half Arabic, half English titles) plus country names, seeded."""
    rng = random.Random(SEED)
    titles: dict[str, list[str]] = {"ar": [], "en": []}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            titles[record["lang"]].append(record["title"])
    queries = []
    for lang in ("ar", "en"):
        pool = sorted(set(titles[lang]))
        while len(queries) < TITLE_QUERIES_PER_LANGUAGE * (1 if lang == "ar" else 2) and pool:
            words = [w for w in re.findall(r"\w+", rng.choice(pool)) if len(w) >= 3 and not w.isdigit()]
            if words:
                length = rng.randint(1, min(3, len(words)))
                start = rng.randrange(len(words) - length + 1)
                queries.append(" ".join(words[start : start + length]))
    countries = (data / "entities/countries-en-ar.tsv").read_text("utf-8").splitlines()[1:]
    rows = sorted(rng.sample(countries, 30))
    queries += [row.split("\t")[1] for row in rows] + [row.split("\t")[3] for row in rows]
    return queries[:QUERIES] if len(queries) >= QUERIES else queries


# --- workers (run in a fresh process each) --------------------------------------------------


def stream(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def plain_schema():
    from whoosh import fields
    from whoosh.analysis import StandardAnalyzer

    analyzer = StandardAnalyzer()
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(analyzer=analyzer, stored=True),
        body=fields.TEXT(analyzer=analyzer, stored=True),
        lang=fields.ID(stored=True),
        source=fields.ID(stored=True),
    )


def work_rebuild(system: str, docs: Path, index: Path) -> dict:
    started = time.perf_counter()
    if system in BACKEND_OF:
        from search import Engine

        report = Engine.rebuild(index, stream(docs), backend=BACKEND_OF[system])
        count = report.added
    else:
        from whoosh import index as whoosh_index

        index.mkdir(parents=True)
        ix = whoosh_index.create_in(str(index), plain_schema())
        writer = ix.writer()  # one process, Whoosh's default memory limit
        count = 0
        for record in stream(docs):
            writer.add_document(
                id=record["id"], title=record["title"], body=record["body"], lang=record["lang"],
                source=record.get("source", ""),
            )  # fmt: skip
            count += 1
        writer.commit()
    seconds = time.perf_counter() - started
    return {
        "documents": count,
        "seconds": seconds,
        "docs_per_s": count / seconds,
        "bytes": folder_bytes(index),
    }


def folder_bytes(folder: Path) -> int:
    """The size of every file under `folder`."""
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file())


ADD_BATCH = 5_000


def work_add(system: str, docs: Path, index: Path) -> dict:
    """One `add_documents` batch of (at most) ADD_BATCH articles into a new, empty index: the
    incremental path (update by id, one commit), as a newsroom's hourly import runs it."""
    batch = list(itertools.islice(stream(docs), ADD_BATCH))
    started = time.perf_counter()
    if system in BACKEND_OF:
        from search import Engine

        with Engine.create(index, backend=BACKEND_OF[system]) as engine:
            count = engine.add_documents(batch).added
    else:
        from whoosh import index as whoosh_index

        index.mkdir(parents=True)
        writer = whoosh_index.create_in(str(index), plain_schema()).writer()
        for record in batch:
            writer.update_document(
                id=record["id"], title=record["title"], body=record["body"], lang=record["lang"],
                source=record.get("source", ""),
            )  # fmt: skip
        writer.commit()
        count = len(batch)
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": seconds, "docs_per_s": count / seconds}


def work_analyze(system: str, docs: Path) -> dict:
    """Analysis alone, as indexing runs it: news-search makes two views (stemmed and exact)
    of title and body; plain Whoosh one."""
    texts = [text for record in stream(docs) for text in (record["title"], record["body"])]
    started = time.perf_counter()
    tokens = 0
    if system == "news-search":
        from search.analysis.analyzers import BilingualAnalyzer

        for analyzer in (BilingualAnalyzer("stem"), BilingualAnalyzer("exact")):
            for text in texts:
                tokens += sum(1 for _ in analyzer(text, positions=True, chars=True))
    else:
        from whoosh.analysis import StandardAnalyzer

        analyzer = StandardAnalyzer()
        for text in texts:
            tokens += sum(1 for _ in analyzer(text, positions=True))
    seconds = time.perf_counter() - started
    return {"tokens": tokens, "seconds": seconds, "tokens_per_s": tokens / seconds}


def work_query(system: str, index: Path, queries: list[str]) -> dict:
    """Cold open, then every query with 10 hits and their snippets rendered."""
    started = time.perf_counter()
    if system in BACKEND_OF:
        from search import Engine

        engine = Engine.open(index)
        # A cold start is what a server does before it listens: open, then build
        # the alias tables and facet tables (Engine.warm), so the first measured
        # query does not pay for them.
        engine.warm()
        engine.search("warm-up-free")
        opened = time.perf_counter() - started

        def run(text: str) -> int:
            results = engine.search(text, limit=10)
            return sum(len(hit.snippet) for hit in results)
    else:
        from whoosh import index as whoosh_index
        from whoosh.qparser import MultifieldParser

        ix = whoosh_index.open_dir(str(index))
        searcher = ix.searcher()
        parser = MultifieldParser(["title", "body"], ix.schema)
        searcher.search(parser.parse("warm-up-free"), limit=10)
        opened = time.perf_counter() - started

        def run(text: str) -> int:
            found = searcher.search(parser.parse(text), limit=10)
            return sum(len(hit.highlights("body")) for hit in found)

    latencies = []
    for text in queries:
        begun = time.perf_counter()
        run(text)
        latencies.append((time.perf_counter() - begun) * 1000)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"open_ms": opened * 1000, "queries": len(latencies), "p50_ms": cuts[49], "p95_ms": cuts[94],
            "p99_ms": cuts[98], "mean_ms": statistics.fmean(latencies)}  # fmt: skip


def worker(args: argparse.Namespace) -> None:
    if args.worker == "rebuild":
        result = work_rebuild(args.system, Path(args.docs), Path(args.index))
    elif args.worker == "add":
        result = work_add(args.system, Path(args.docs), Path(args.index))
    elif args.worker == "analyze":
        result = work_analyze(args.system, Path(args.docs))
    else:
        result = work_query(args.system, Path(args.index), json.loads(Path(args.queries).read_text("utf-8")))
    print(json.dumps(result))


# --- the driver ----------------------------------------------------------------------------


def measured(argv: list[str]) -> dict:
    """Run one worker; return its result, the peak RSS of its whole process tree, and the
    CPU seconds it used (its own and its writer processes'): the machine may be shared,
    and CPU time says what wall time cannot then."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = psutil.Popen([sys.executable, __file__, *argv], stdout=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(SAMPLE_EVERY)
    out = process.stdout.read()
    if process.returncode:
        raise SystemExit(f"benchmark worker {argv} failed with exit code {process.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {**json.loads(out.strip().splitlines()[-1]), "peak_rss_mb": peak / 2**20, "cpu_s": cpu}


def bench_set(label: str, docs: Path, queries_file: Path, scratch: Path) -> dict:
    results: dict = {"load_before": os.getloadavg()[0]}
    for system in systems():
        index = scratch / f"{label}-{system}"
        rebuild = measured(
            ["--worker", "rebuild", "--system", system, "--docs", str(docs), "--index", str(index)]
        )
        if system == "news-search-xapian":  # the same analysis as on Whoosh: measured once
            analyze = results["news-search"]["analyze"]
        else:
            analyze = measured(["--worker", "analyze", "--system", system, "--docs", str(docs)])
        query = measured(
            ["--worker", "query", "--system", system, "--index", str(index), "--queries", str(queries_file)]
        )
        shutil.rmtree(index, ignore_errors=True)
        add = measured(["--worker", "add", "--system", system, "--docs", str(docs), "--index", str(index)])
        results[system] = {"rebuild": rebuild, "analyze": analyze, "query": query, "add": add}
        shutil.rmtree(index, ignore_errors=True)
        print(f"{label} {system}: {json.dumps(results[system])}", file=sys.stderr)
    results["load_after"] = os.getloadavg()[0]
    return results


def markdown(sets: dict, header: str) -> str:
    lines = [header, "",
             "| set | system | docs | rebuild s (CPU s) | rebuild docs/s | add 5k batch docs/s "
             "| analyzer tokens/s | rebuild peak RSS MB | index MB | cold open ms | p50 ms | p95 ms "
             "| p99 ms | query peak RSS MB |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]  # fmt: skip
    for label, measured_systems in sets.items():
        for system in [name for name in measured_systems if name in (*BACKEND_OF, "whoosh-plain")]:
            r = measured_systems[system]
            b, a, q = r["rebuild"], r["analyze"], r["query"]
            cells = [
                label, system, f"{b['documents']:,}", f"{b['seconds']:,.0f} ({b['cpu_s']:,.0f})",
                f"{b['docs_per_s']:,.0f}", f"{r['add']['docs_per_s']:,.0f}", f"{a['tokens_per_s']:,.0f}",
                f"{b['peak_rss_mb']:,.0f}", f"{b['bytes'] / 2**20:,.1f}", f"{q['open_ms']:,.0f}",
                f"{q['p50_ms']:.1f}", f"{q['p95_ms']:.1f}", f"{q['p99_ms']:.1f}", f"{q['peak_rss_mb']:,.0f}",
            ]  # fmt: skip
            lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Ratios, news-search ÷ plain Whoosh (throughput: higher is better; time: lower):", "",
              "| set | system | rebuild throughput | add batch throughput | analyzer throughput "
              "| rebuild CPU time | p95 latency | index size | load average before, after |",
              "|---|---|---:|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    for label, measured_systems in sets.items():
        plain = measured_systems["whoosh-plain"]
        for system in [name for name in BACKEND_OF if name in measured_systems]:
            lines.append(_ratio_row(label, system, measured_systems[system], plain, measured_systems))
    return "\n".join(lines)


def _ratio_row(label: str, system: str, ours: dict, plain: dict, measured_systems: dict) -> str:
    return (
        f"| {label} | {system} | {ours['rebuild']['docs_per_s'] / plain['rebuild']['docs_per_s']:.2f}× "
        f"| {ours['add']['docs_per_s'] / plain['add']['docs_per_s']:.2f}× "
        f"| {ours['analyze']['tokens_per_s'] / plain['analyze']['tokens_per_s']:.2f}× "
        f"| {ours['rebuild']['cpu_s'] / plain['rebuild']['cpu_s']:.2f}× "
        f"| {ours['query']['p95_ms'] / plain['query']['p95_ms']:.2f}× "
        f"| {ours['rebuild']['bytes'] / plain['rebuild']['bytes']:.2f}× "
        f"| {measured_systems['load_before']:.1f}, {measured_systems['load_after']:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="2,000 documents only; print, do not write docs/"
    )
    parser.add_argument(
        "--data", help="shared data folder (default: ../shared/data or $NEWS_SEARCH_SHARED/data)"
    )
    parser.add_argument("--worker", choices=("rebuild", "add", "analyze", "query"), help=argparse.SUPPRESS)
    parser.add_argument("--system", help=argparse.SUPPRESS)
    parser.add_argument("--docs", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    from search.evaluation.corpora import shared_data

    data = shared_data(args.data)
    sizes = (
        [("2k", 2_000)]
        if args.quick
        else [("5k", 5_000), ("~20k (all real)", 19_708), ("100k synthetic", 100_000)]
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="news-search-bench-") as folder:
        scratch = Path(folder)
        sets = write_sets(data, scratch, [(label, size) for label, size in sizes])
        results = {}
        for label, docs in sets.items():
            slug = re.sub(r"\W+", "-", label)
            queries_file = scratch / f"{slug}-queries.json"
            queries_file.write_text(json.dumps(sample_queries(docs, data), ensure_ascii=False), "utf-8")
            results[label] = bench_set(slug, docs, queries_file, scratch)
    command = "python scripts/bench.py" + (" --quick" if args.quick else "")
    memory = f"{psutil.virtual_memory().total / 2**30:.0f} GB"
    text = markdown(results, run_header(command, time.perf_counter() - started, memory))
    publish(text, None if args.quick else "benchmarks", {"command": command, "sets": results})


def real_articles_parser(description: str) -> argparse.ArgumentParser:
    """The options of a benchmark over the ~20k real articles: --quick (2,000) and --data."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="2,000 articles; print, do not write docs/")
    parser.add_argument(
        "--data", help="shared data folder (default: ../shared/data or $NEWS_SEARCH_SHARED/data)"
    )
    return parser


def on_real_articles(args: argparse.Namespace, prefix: str, run) -> tuple[dict, float]:
    """`run(articles file, queries, scratch folder)` on the ~20k real articles (2,000 with
    --quick) and their sample queries, in a temporary folder: its rows, and the seconds taken."""
    from search.evaluation.corpora import shared_data

    data = shared_data(args.data)
    label, size = ("2k", 2_000) if args.quick else ("all-real", 19_708)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        scratch = Path(folder)
        docs = write_sets(data, scratch, [(label, size)])[label]
        rows = run(docs, sample_queries(docs, data), scratch)
    return rows, time.perf_counter() - started


def run_header(command: str, seconds: float, machine: str) -> str:
    return (
        f"Run on {date.today().isoformat()} with `{command}` ({seconds:.0f} s; "
        f"Python {platform.python_version()}, {psutil.cpu_count()} cores, {machine})."
    )


def publish(text: str, document: str | None, record: dict) -> None:
    """Print the results; with a `document` name, also write them between the result markers
    of docs/<document>.md, and `record` with today's date to docs/<document>.json."""
    print(text)
    if document:
        from search.evaluation.report import rewrite_between_markers

        rewrite_between_markers(DOCS / f"{document}.md", text)
        dated = {"date": date.today().isoformat(), **record}
        (DOCS / f"{document}.json").write_text(json.dumps(dated, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
