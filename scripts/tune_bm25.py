"""BM25's k1 and b for the Xapian backend, measured on the development collections.

Each collection is indexed once on Xapian; every (k1, b) of a small grid
then answers all its queries in the evaluation's any-word mode, and MRR@10
and Recall@100 (capped where the collection reports it) are printed per
collection, with the Whoosh backend's BM25F (k1 1.2, b 0.75) as the
reference row. Only development parts of ../shared/data are read. A setting
is worth adopting only if it is better on every collection, not on average:
the held-out sets are other articles and other questions.

    python scripts/tune_bm25.py [--collection xquad-ar ...]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from search import Engine
from search.backends.xapian import reader
from search.evaluation.collections import Collection, build
from search.evaluation.corpora import shared_data
from search.evaluation.metrics import evaluate
from search.evaluation.runner import DEPTH, fitted

GRID_K1 = (0.9, 1.2, 1.5, 2.0)
GRID_B = (0.5, 0.75, 0.9)
DEFAULT_COLLECTIONS = ("xquad-ar", "xquad-en", "arcd-dev", "entity-dev")


def scores(engine: Engine, collection: Collection) -> dict[str, float]:
    run = {
        query.id: [
            hit.id
            for hit in engine.search(fitted(query.text)[0], limit=DEPTH, lang=query.target, match="any")
        ]
        for query in collection.queries
    }
    means: dict[str, list[float]] = {}
    for part in collection.slices:
        for name, value in evaluate(part.qrels, run, capped=collection.capped).means.items():
            means.setdefault(name, []).append(value)
    return {name: statistics.fmean(values) for name, values in means.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="shared data folder (default: ../shared/data)")
    parser.add_argument("--collection", action="append", help=f"default: {', '.join(DEFAULT_COLLECTIONS)}")
    args = parser.parse_args()
    data = shared_data(args.data)
    print("| collection | k1 | b | MRR@10 | recall@100 |\n|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="news-search-bm25-") as scratch:
        for name in args.collection or DEFAULT_COLLECTIONS:
            collection = build(name, data)
            Engine.rebuild(Path(scratch) / name, collection.documents, backend="xapian")
            with Engine.open(Path(scratch) / name) as engine:
                for k1 in GRID_K1:
                    for b in GRID_B:
                        reader.K1, reader.B = k1, b
                        found = scores(engine, collection)
                        recall = found.get("cR@100", found["R@100"])
                        print(f"| {name} | {k1} | {b} | {found['MRR@10']:.4f} | {recall:.4f} |", flush=True)


if __name__ == "__main__":
    main()
