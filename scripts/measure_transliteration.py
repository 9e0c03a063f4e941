"""Measure the name transliteration fallback alone on entity-dev (issue 4/5, item 3).

For every query of the unseen-name and domain slices, the query is spelt in the
other script as the search does it (search/query/expansion.py and compiler.py:
the model's likeliest spellings, kept when some article of the corpus uses them
and not one in twenty, at most MAX_SPELLINGS). Then, over the articles in the target language:

- recall: the share of the articles judged relevant that a kept spelling finds;
- precision: the share of the articles a kept spelling finds that are relevant;
- coverage: the share of queries with at least one kept spelling.

Aliases and name keys are left out, so the numbers are the fallback's own.
Results go to docs/transliteration.json; docs/evaluation.md quotes them.

    python scripts/measure_transliteration.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from search.analysis.bilingual import View, terms
from search.evaluation.entities import entity_collection
from search.query.compiler import MAX_SPELLING_SHARE, MAX_SPELLINGS, MIN_COMMON_ARTICLES
from search.query.expansion import transliterations

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "transliteration.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    collection = entity_collection(args.data)
    # The stemmed words of every article, as the index's "body" view has them.
    articles_with: dict[str, set[str]] = defaultdict(set)
    for record in collection.documents:
        for word in set(terms(f"{record.get('title', '')} {record.get('body', '')}", View.STEM)):
            articles_with[word].add(record["id"])
    language = {record["id"]: record["lang"] for record in collection.documents}
    queries = {query.id: query for query in collection.queries}
    rows = []
    spent = 0.0
    words = 0
    for part in collection.slices:
        if "unseen" not in part.name and "domain" not in part.name:
            continue
        recall = precision = 0.0
        covered = found_total = 0
        examples = []
        for qid, relevant in part.qrels.items():
            query = queries[qid]
            started = time.perf_counter()
            spelt = transliterations(query.text, query.lang == "ar") if " " not in query.text else ()
            spent += time.perf_counter() - started
            words += 1
            kept: list[str] = []
            for spelling in spelt:
                stems = terms(spelling, View.STEM)
                having = len(articles_with.get(stems[0], ())) if len(stems) == 1 else 0
                common = having > max(MIN_COMMON_ARTICLES, MAX_SPELLING_SHARE * len(language))
                if having and not common and stems[0] not in kept:
                    kept.append(stems[0])
                    if len(kept) == MAX_SPELLINGS:
                        break
            found = {doc for stem in kept for doc in articles_with[stem] if language[doc] == query.target}
            covered += bool(kept)
            found_total += bool(found)
            recall += len(found & set(relevant)) / len(relevant)
            if found:
                precision += len(found & set(relevant)) / len(found)
            if len(examples) < 8:
                examples.append(f"{query.text} -> {' '.join(kept) or '(none)'}")
        size = len(part.qrels)
        rows.append(
            {
                "slice": part.name,
                "queries": size,
                "coverage": round(covered / size, 3),
                "recall": round(recall / size, 3),
                "precision": round(precision / found_total, 3) if found_total else None,
                "examples": examples,
            }
        )
        print(
            f"{part.name}: {size} names, spelt {covered / size:.2f}, recall {recall / size:.3f}, "
            f"precision {precision / found_total if found_total else 0:.3f}",
            file=sys.stderr,
        )
    record = {
        "date": date.today().isoformat(),
        "command": "python scripts/measure_transliteration.py",
        "ms_per_word": round(spent / words * 1000, 2),
        "max_spellings": MAX_SPELLINGS,
        "rows": rows,
    }
    OUTPUT.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{record['ms_per_word']} ms per word (model, uncached); written to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
