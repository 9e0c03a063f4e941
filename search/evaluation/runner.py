"""Run systems over collections: build each index in a scratch folder, answer every query, score.

Every system sees the same documents and the same query text. A query over
the Engine's 500-character limit is cut at a word boundary for all systems
alike, and the cut is counted in the report rather than crashing the run.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from search.engine import Engine
from search.evaluation.collections import Collection, Query
from search.evaluation.metrics import Qrels, Scores, evaluate
from search.evaluation.systems import System
from search.searching import MAX_QUERY_CHARS

DEPTH = 100  # documents retrieved per query: Recall@100 needs them, and the Engine serves at most 100


@dataclass
class Row:
    """One line of the results table."""

    collection: str
    slice: str
    system: str
    scores: Scores

    def to_dict(self) -> dict:
        return {
            "collection": self.collection,
            "slice": self.slice,
            "system": self.system,
            "queries": self.scores.queries,
            **{name: round(value, 4) for name, value in self.scores.means.items()},
        }


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fitted(text: str, limit: int = MAX_QUERY_CHARS) -> tuple[str, bool]:
    """`text` cut to `limit` characters at a word boundary, and whether it was cut."""
    if len(text) <= limit:
        return text, False
    # One character more, so that a word ending exactly at the limit is kept.
    head = text[: limit + 1]
    return (head.rsplit(None, 1)[0] if len(head.split()) > 1 else text[:limit]), True


def search_queries(
    system: System, queries: Sequence[Query], typed: Callable[[str], str] = str
) -> dict[str, list[str]]:
    """Each query's ranking to DEPTH, in its target language, as `typed` writes its text
    (cut to the query length limit)."""
    return {query.id: system.search(fitted(typed(query.text))[0], DEPTH, query.target) for query in queries}


def run_collection(
    collection: Collection, systems: Sequence[System], workdir: Path, say: Callable[[str], None] = print
) -> Report:
    report = Report(notes=[f"{collection.name}: {note}" for note in collection.notes])
    cut = sum(fitted(query.text)[1] for query in collection.queries)
    if cut:
        report.notes.append(f"{collection.name}: {cut} queries over {MAX_QUERY_CHARS} characters were cut")
    for system in systems:
        started = time.perf_counter()
        system.build(collection.documents, workdir / f"{collection.name}-{system.name}")
        built = time.perf_counter()
        try:
            run = search_queries(system, collection.queries)
        finally:
            system.close()
        say(
            f"{collection.name} / {system.name}: {len(collection.documents)} documents indexed in "
            f"{built - started:.1f} s, {len(run)} queries in {time.perf_counter() - built:.1f} s"
        )
        for part in collection.slices:
            scores = evaluate(part.qrels, run, capped=collection.capped)
            report.rows.append(Row(collection.name, part.name, system.name, scores))
    return report


def run_collections(
    collections: Sequence[Collection],
    systems: Callable[[], Sequence[System]],
    say: Callable[[str], None] = print,
) -> Report:
    """All collections, each system built afresh per collection in a temporary folder."""
    report = Report()
    with tempfile.TemporaryDirectory(prefix="news-search-eval-") as scratch:
        for collection in collections:
            part = run_collection(collection, systems(), Path(scratch), say)
            report.rows += part.rows
            report.notes += part.notes
    return report


def run_user_judgments(
    index: str | Path, queries: dict[str, str], qrels: Qrels, match: str = "all", lang: str | None = None
) -> Report:
    """A user's own queries and judgments against their own index, as their readers search it."""
    report = Report()
    texts = {qid: fitted(text) for qid, text in queries.items()}
    with Engine.open(index) as engine:
        run = {
            qid: [hit.id for hit in engine.search(text, limit=DEPTH, lang=lang, match=match, collapse=False)]
            for qid, (text, _) in texts.items()
        }
    unjudged = sorted(set(queries) - set(qrels))
    missing = sorted(set(qrels) - set(queries))
    if unjudged:
        report.notes.append(f"{len(unjudged)} queries have no judgments and are not scored: {unjudged[:5]}")
    if missing:
        report.notes.append(
            f"{len(missing)} judged query ids have no query text (scored as 0): {missing[:5]}"
        )
    if any(cut for _, cut in texts.values()):
        report.notes.append(f"queries over {MAX_QUERY_CHARS} characters were cut at a word boundary")
    report.rows.append(
        Row("your judgments", f"match={match}", f"news-search ({index})", evaluate(qrels, run))
    )
    return report
