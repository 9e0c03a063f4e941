"""Parity of the two backends: the same documents and queries on Whoosh and Xapian.

For each development collection of ../shared/data (evaluation.collections,
development parts only) both backends index the same documents; every query
is then asked of both, in the evaluation's any-word mode and in the reader's
all-word mode, and a fixed set of options (filters, sorts, pages) is asked
too. Reported:

- totals, and the language, source and month facet counts: must be identical;
- the entity facet: identical while it counts every match;
- top-10 overlap (|A ∩ B| / |A ∪ B| of the first ten ids) and identical top-10 orders;
- MRR@10 and capped Recall@100 of each backend, and Xapian minus Whoosh.

Results go to docs/parity.md; the exit code is 1 when any total or facet differs.

    python scripts/parity.py                      # every collection (several minutes)
    python scripts/parity.py --collection xquad-ar --no-write
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from search import Engine
from search.evaluation.collections import NAMES, Collection, build
from search.evaluation.corpora import shared_data
from search.evaluation.metrics import evaluate
from search.evaluation.runner import DEPTH, fitted

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("whoosh", "xapian")
# Options asked of every query besides the plain search: (label, keyword arguments).
OPTIONS: list[tuple[str, dict[str, Any]]] = [
    ("all words", {"match": "all"}),
    ("any word", {"match": "any"}),
    ("newest", {"match": "any", "sort": "newest"}),
    ("page 3 of 10", {"match": "any", "page": 3}),
    ("lang=ar", {"match": "any", "lang": "ar"}),
    ("lang=en", {"match": "any", "lang": "en"}),
]
MAX_QUERIES = 300  # per collection, the first ones in the collection's own order


@dataclass
class Comparison:
    collection: str
    cases: int = 0
    total_differs: list[str] = field(default_factory=list)
    facets_differ: list[str] = field(default_factory=list)
    entities_differ: list[str] = field(default_factory=list)
    overlaps: list[float] = field(default_factory=list)
    same_order: int = 0
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # backend -> measure -> mean


def facets(results) -> dict[str, list[tuple[str, int]]]:
    return {
        name: sorted((value.value, value.count) for value in values)
        for name, values in results.facets.items()
        if name != "entity"
    }


def compare(collection: Collection, folder: Path, say) -> Comparison:
    engines = {}
    for backend in BACKENDS:
        started = time.perf_counter()
        Engine.rebuild(folder / backend, collection.documents, backend=backend)
        engines[backend] = Engine.open(folder / backend)
        seconds = time.perf_counter() - started
        say(f"{collection.name}: {backend} indexed {len(collection.documents)} in {seconds:.1f} s")
    result = Comparison(collection.name)
    runs: dict[str, dict[str, list[str]]] = {backend: {} for backend in BACKENDS}
    for query in collection.queries:  # every query, for the metrics
        text = fitted(query.text)[0]
        for backend, engine in engines.items():
            runs[backend][query.id] = [
                hit.id for hit in engine.search(text, limit=DEPTH, lang=query.target, match="any")
            ]
    for query in collection.queries[:MAX_QUERIES]:  # the first ones, with every option
        text = fitted(query.text)[0]
        for label, options in OPTIONS:
            whoosh, xapian = (engines[backend].search(text, **options) for backend in BACKENDS)
            case = f"{query.id} [{label}]"
            result.cases += 1
            if whoosh.total != xapian.total:
                result.total_differs.append(f"{case}: {whoosh.total} vs {xapian.total}")
            if facets(whoosh) != facets(xapian):
                result.facets_differ.append(case)
            if not xapian.entities_over and [(e.id, e.count) for e in whoosh.entities] != [
                (e.id, e.count) for e in xapian.entities
            ]:
                result.entities_differ.append(case)
            first, second = [hit.id for hit in whoosh], [hit.id for hit in xapian]
            if first or second:
                result.overlaps.append(len(set(first) & set(second)) / len(set(first) | set(second)))
                result.same_order += first == second
    for backend in BACKENDS:
        means: dict[str, list[float]] = {}
        for part in collection.slices:
            scores = evaluate(part.qrels, runs[backend], capped=collection.capped)
            for name, value in scores.means.items():
                means.setdefault(name, []).append(value)
        result.scores[backend] = {name: statistics.fmean(values) for name, values in means.items()}
    for engine in engines.values():
        engine.close()
    return result


def markdown(comparisons: list[Comparison], header: str) -> str:
    lines = [
        "# Backend parity: Whoosh and Xapian",
        "",
        header,
        "",
        "| collection | cases | totals differ | facets differ | entity facet differs | mean top-10 overlap "
        "| same top-10 order | MRR@10 whoosh | MRR@10 xapian | Δ | cR@100 whoosh | cR@100 xapian | Δ |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in comparisons:
        whoosh, xapian = c.scores["whoosh"], c.scores["xapian"]
        recall = "cR@100" if "cR@100" in whoosh else "R@100"
        cells = [
            c.collection, f"{c.cases:,}", str(len(c.total_differs)), str(len(c.facets_differ)),
            str(len(c.entities_differ)), f"{statistics.fmean(c.overlaps) if c.overlaps else 1:.3f}",
            f"{c.same_order / c.cases:.1%}" if c.cases else "-",
            f"{whoosh['MRR@10']:.4f}", f"{xapian['MRR@10']:.4f}",
            f"{xapian['MRR@10'] - whoosh['MRR@10']:+.4f}",
            f"{whoosh[recall]:.4f}", f"{xapian[recall]:.4f}", f"{xapian[recall] - whoosh[recall]:+.4f}",
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Cases: each query (the first 300 of a collection) asked with each of "
        + ", ".join(label for label, _ in OPTIONS)
        + ". MRR@10 and Recall@100 (capped where the collection has many relevant documents per "
        "query, shown as cR@100) are over all the collection's queries, averaged over its slices, "
        "in the evaluation's any-word mode. Overlap is |A ∩ B| / |A ∪ B| of the two first pages.",
    ]
    for c in comparisons:
        for kind, cases in (("totals", c.total_differs), ("facets", c.facets_differ)):
            if cases:
                lines.append(f"\n{c.collection}, {kind} differ in: " + "; ".join(cases[:10]))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="shared data folder (default: ../shared/data)")
    parser.add_argument("--collection", action="append", choices=NAMES, help="only these (default: all)")
    parser.add_argument("--no-write", action="store_true", help="print; leave docs/parity.md alone")
    args = parser.parse_args()
    data = shared_data(args.data)
    started = time.perf_counter()
    comparisons = []
    with tempfile.TemporaryDirectory(prefix="news-search-parity-") as scratch:
        for name in args.collection or NAMES:
            say = lambda line: print(line, file=sys.stderr)  # noqa: E731
            comparisons.append(compare(build(name, data), Path(scratch) / name, say))
    command = "python scripts/parity.py" + "".join(f" --collection {name}" for name in args.collection or ())
    header = f"Run on {date.today().isoformat()} with `{command}` ({time.perf_counter() - started:.0f} s)."
    text = markdown(comparisons, header)
    print(text)
    if not args.no_write:
        (ROOT / "docs" / "parity.md").write_text(text, "utf-8")
    differs = any(c.total_differs or c.facets_differ for c in comparisons)
    sys.exit(1 if differs else 0)


if __name__ == "__main__":
    main()
