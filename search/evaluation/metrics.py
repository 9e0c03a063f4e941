"""Score ranked runs against relevance judgments: MRR@10, nDCG@10, Recall@10/100, capped Recall@100.

trec_eval (through ir-measures) computes the standard measures, so our
numbers mean what they mean in the literature. Two of its habits are
handled here: it orders a run by score and breaks ties by document id, so
ranks are turned into strictly falling scores; and a query that retrieved
nothing is absent from its output, so it is counted here as 0, not dropped
(dropping it would flatter a system that finds nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import ir_measures
from ir_measures import RR, R, nDCG

# query id -> {document id: grade}; grade > 0 is relevant.
Qrels = Mapping[str, Mapping[str, int]]
# query id -> document ids, best first.
Run = Mapping[str, Sequence[str]]

# Our column names, and the trec_eval measure behind each.
MEASURES = {"MRR@10": RR @ 10, "nDCG@10": nDCG @ 10, "R@10": R @ 10, "R@100": R @ 100}
# Relevant documents in the top 100 / min(relevant, 100): a name with 2,000
# relevant articles cannot have them all in a top 100, and plain recall
# would call a perfect top 100 a 0.05.
CAPPED_RECALL = "cR@100"
CAPPED_DEPTH = 100


@dataclass
class Scores:
    """Mean of each measure over the judged queries, and each query's values."""

    means: dict[str, float]
    per_query: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def queries(self) -> int:
        return len(self.per_query)


def capped_recall(relevant: set[str], ranking: Sequence[str], depth: int = CAPPED_DEPTH) -> float:
    """Relevant documents in the top `depth`, over min(relevant, depth)."""
    if not relevant:
        return 0.0
    found = sum(doc in relevant for doc in ranking[:depth])
    return found / min(len(relevant), depth)


def evaluate(qrels: Qrels, run: Run, capped: bool = False) -> Scores:
    """Scores of `run` on every query of `qrels` that has a relevant document.

    A query missing from the run, or with an empty ranking, scores 0.
    """
    judged = {qid: docs for qid, docs in qrels.items() if any(grade > 0 for grade in docs.values())}
    names = [*MEASURES, CAPPED_RECALL] if capped else list(MEASURES)
    per_query = {qid: dict.fromkeys(names, 0.0) for qid in judged}
    scored = [
        ir_measures.ScoredDoc(qid, doc, float(len(ranking) - rank))
        for qid, ranking in run.items()
        if qid in judged
        for rank, doc in enumerate(_unique(ranking))
    ]
    if scored:
        trec_qrels = [
            ir_measures.Qrel(qid, doc, grade) for qid, docs in judged.items() for doc, grade in docs.items()
        ]
        by_measure = {measure: name for name, measure in MEASURES.items()}
        for metric in ir_measures.iter_calc(list(MEASURES.values()), trec_qrels, scored):
            if metric.query_id in per_query:
                per_query[metric.query_id][by_measure[metric.measure]] = float(metric.value)
    if capped:
        for qid, docs in judged.items():
            relevant = {doc for doc, grade in docs.items() if grade > 0}
            per_query[qid][CAPPED_RECALL] = capped_recall(relevant, _unique(run.get(qid, ())))
    count = len(per_query)
    means = {
        name: (sum(values[name] for values in per_query.values()) / count if count else 0.0) for name in names
    }
    return Scores(means, per_query)


def _unique(ranking: Sequence[str]) -> list[str]:
    """The ranking without repeats (trec_eval would count a repeated document twice)."""
    return list(dict.fromkeys(ranking))
