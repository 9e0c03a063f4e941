"""What near-duplicate stories cost: the signature per article at index time, and collapsing at query time.

    python scripts/bench_stories.py [--articles 6000] [--out docs/stories-bench.json]

Reads real articles from ../shared/data (ANT Arabic corpora and bbc-en, never
copied) and adds wire copies of one article in ten (the edits of
scripts/tune_near_duplicates.py), so that searches have stories to fold.
For each backend: a rebuild (one process) of the same articles, the time of
`StoryAssigner.assign` alone (analysis, shingles, MinHash, LSH) over them,
a rebuild of the same articles without stories (every article its own
story, nothing computed), alternated twice, the fastest of each kept; then
the same queries with collapse on and off (interleaved, each run 3 times,
the fastest kept), median and 95th percentile.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "scripts"))

from tune_near_duplicates import wire_copy  # noqa: E402

from search import Engine, indexing  # noqa: E402
from search.backends import BACKENDS, BackendUnavailableError, get_backend  # noqa: E402
from search.documents import content_id  # noqa: E402
from search.evaluation.corpora import ANT_CORPORA, BBC_EN, news_records, shared_data  # noqa: E402
from search.stories import Mark, StoryAssigner  # noqa: E402

SEED = 5
QUERIES = 60
RUNS = 3
REBUILDS = 2


def articles(count: int, rng: random.Random, every: int = 0) -> list[dict]:
    """`count` real articles and wire copies of a tenth of them, or `every` copies of each."""
    data = shared_data()
    arabic = [r for r in news_records(data, ANT_CORPORA) if len(r["body"].split()) >= 40]
    english = [r for r in news_records(data, (BBC_EN,)) if len(r["body"].split()) >= 40]
    chosen = rng.sample(arabic, count * 2 // 3) + rng.sample(english, count - count * 2 // 3)
    copies = []
    originals = chosen * every if every else rng.sample(chosen, count // 10)
    for number, record in enumerate(originals):
        title, body = wire_copy(record["title"], record["body"], record["lang"], rng)
        copies.append(
            dict(record, id=f"{record['id']}#wire{number}", title=title, body=body, source="Wire copy")
        )
    return chosen + copies


def queries(records: list[dict], rng: random.Random) -> list[str]:
    words = []
    for record in rng.sample(records, QUERIES):
        title = [word for word in record["title"].split() if len(word) >= 4]
        if title:
            words.append(" ".join(title[:2]))
    return words


def timed_assign(records: list[dict]) -> float:
    assigner = StoryAssigner()
    started = time.perf_counter()
    for record in records:
        assigner.assign(
            record["id"],
            record["lang"],
            record["title"],
            record["body"],
            content_id(record["title"], record["body"]),
        )
    return (time.perf_counter() - started) * 1000 / len(records)


def timed_rebuild(path: Path, records: list[dict], backend: str, stories: bool) -> float:
    """ms per article of a one-process rebuild; without stories, every article gets an empty mark."""

    def unmarked(assigner: StoryAssigner, doc) -> Mark:
        return Mark(content_id(doc.title, doc.body), (), "")

    with contextlib.nullcontext() if stories else mock.patch.object(indexing, "_mark", unmarked):
        started = time.perf_counter()
        Engine.rebuild(path, records, procs=1, backend=backend)
        return (time.perf_counter() - started) * 1000 / len(records)


def timed_queries(engine: Engine, words: list[str]) -> dict[str, dict]:
    """Each query with collapse on and off, interleaved (the same caches for both), fastest of RUNS."""
    times: dict[bool, list[float]] = {True: [], False: []}
    folded = 0
    for query in words:
        best = {True: float("inf"), False: float("inf")}
        for run in range(RUNS):
            for collapse in (True, False) if run % 2 else (False, True):
                started = time.perf_counter()
                results = engine.search(query, collapse=collapse, correct=False)
                best[collapse] = min(best[collapse], (time.perf_counter() - started) * 1000)
                if collapse and run == 0:
                    folded += results.stories < results.total
        for collapse, value in best.items():
            times[collapse].append(value)
    summary = {}
    for collapse, values in times.items():
        values.sort()
        summary["collapse" if collapse else "no_collapse"] = {
            "median_ms": round(statistics.median(values), 2),
            "p95_ms": round(values[int(len(values) * 0.95) - 1], 2),
            "mean_ms": round(statistics.mean(values), 2),
        }
    summary["queries_with_folds"] = folded  # type: ignore[assignment]
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--articles", type=int, default=6000, help="real articles (wire copies added: a tenth)"
    )
    parser.add_argument(
        "--every", type=int, default=0, help="N wire copies of every article (the worst case: all fold)"
    )
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "stories-bench.json")
    args = parser.parse_args()
    rng = random.Random(SEED)
    records = articles(args.articles, rng, args.every)
    words = queries(records, rng)
    report: dict = {
        "command": "python scripts/bench_stories.py " + " ".join(sys.argv[1:]),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "articles": len(records),
        "queries": len(words),
        "assign_ms_per_article": round(timed_assign(records), 3),
        "backends": {},
    }
    for backend in BACKENDS:
        try:
            get_backend(backend)
        except BackendUnavailableError as error:
            print(error, file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as scratch:
            timed_rebuild(Path(scratch) / "warm", records[:50], backend, stories=True)  # lexicon loads once
            # Alternated, the fastest of each kept: other work on the machine shifts single runs.
            plain_ms = rebuild_ms = float("inf")
            for _ in range(REBUILDS):
                plain_ms = min(
                    plain_ms, timed_rebuild(Path(scratch) / "plain", records, backend, stories=False)
                )
                rebuild_ms = min(
                    rebuild_ms, timed_rebuild(Path(scratch) / "index", records, backend, stories=True)
                )
            with Engine.open(Path(scratch) / "index") as engine:
                engine.warm()
                for query in words:  # warm the caches (tables per index state) once
                    engine.search(query, correct=False)
                entry = {
                    "rebuild_ms_per_article": round(rebuild_ms, 3),
                    "rebuild_without_stories_ms_per_article": round(plain_ms, 3),
                    "stories_ms_per_article": round(rebuild_ms - plain_ms, 3),
                    **timed_queries(engine, words),
                }
        report["backends"][backend] = entry
        print(backend, json.dumps(entry))
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"assign: {report['assign_ms_per_article']} ms per article; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
