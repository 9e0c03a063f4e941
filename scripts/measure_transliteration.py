"""Measure the name transliteration fallback alone on entity-dev (issue 4/5, item 3).

For every one-word query of the unseen-name and domain slices, the search's own
expansion and compiler (search/query/expansion.py, compiler.py) choose what the
fallback searches, on a news-search index of the corpus: the spellings in the
other script that articles use (and, when none is, the vowel neighbours that
spell back), and for an Arabic word its consonant keys, which the index gives
the capitalised Latin words. Then, over the articles in the target language:

- recall: the share of the articles judged relevant that the fallback finds;
- precision: the share of the articles the fallback finds that are relevant;
- coverage: the share of queries for which the fallback searches anything.

Aliases, entity ids and spelling keys are left out, so the numbers are the
fallback's own. Results go to docs/transliteration.json; docs/evaluation.md
quotes them.

    python scripts/measure_transliteration.py [--data ../shared/data] [--index DIR]

--index keeps the index there (built if missing, about three minutes) for the next run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from search import Engine
from search.aliases.transliteration import spellings
from search.backends import Filters, backend_of, get_backend
from search.evaluation.corpora import shared_data
from search.evaluation.entities import entity_collection
from search.evaluation.systems import corpus_index, corpus_index_arguments
from search.index import IndexStore
from search.query import Compiler, Name, expand, parse
from search.query import plan as qp
from search.query.spelling import MAX_SPELLINGS
from search.searching import IndexVocabulary

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "transliteration.json"
EVERY_MATCH = 100_000  # more than the corpus has


def fallback_plan(text: str, engine: Engine, vocabulary: IndexVocabulary) -> tuple[qp.Plan | None, list[str]]:
    """What the search adds for a one-word name through transliteration, and its terms."""
    node = expand(parse(text), engine.aliases)
    if not isinstance(node, Name):
        return None, []
    parts = Compiler(vocabulary=vocabulary).transliterations(node, negated=False)
    searched = sorted({term.text for part in parts for term in _terms(part)})
    return (qp.AnyOf(tuple(parts)) if parts else None), searched


def _terms(plan: qp.Plan) -> list[qp.Term]:
    if isinstance(plan, qp.Term):
        return [plan]
    return [term for part in getattr(plan, "parts", ()) for term in _terms(part)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_index_arguments(parser)
    args = parser.parse_args()
    collection = entity_collection(shared_data(args.data))
    with corpus_index(collection.documents, args.index, "measure-transliteration-") as folder:
        generation = IndexStore(folder).current()
        assert generation is not None
        reader = get_backend(backend_of(generation)).reader(generation)
        with Engine.open(folder) as engine:
            rows, spent, words = measure(collection, engine, reader)
    record = {
        "date": date.today().isoformat(),
        "command": "python scripts/measure_transliteration.py",
        "ms_per_word": round(spent / words * 1000, 2),
        "max_spellings": MAX_SPELLINGS,
        "rows": rows,
    }
    OUTPUT.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(
        f"{record['ms_per_word']} ms per word (expansion and compiling, model uncached); written to {OUTPUT}",
        file=sys.stderr,
    )


def measure(collection, engine: Engine, reader) -> tuple[list[dict], float, int]:
    vocabulary = IndexVocabulary(reader)
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
            found: set[str] = set()
            searched: list[str] = []
            if " " not in query.text:
                spellings.cache_clear()
                started = time.perf_counter()
                plan, searched = fallback_plan(query.text, engine, vocabulary)
                spent += time.perf_counter() - started
                words += 1
                if plan is not None:
                    hits = reader.find(plan, Filters(lang=query.target), "relevance", 0, EVERY_MATCH)
                    found = {hit.fields["id"] for hit in hits.hits}
            covered += bool(searched)
            found_total += bool(found)
            right = set(relevant)
            recall += len(found & right) / len(right)
            if found:
                precision += len(found & right) / len(found)
            if len(examples) < 8:
                examples.append(f"{query.text} -> {' '.join(searched) or '(none)'}")
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
    return rows, spent, words


if __name__ == "__main__":
    main()
