"""Metrics on hand-computed examples: every value below was worked out on paper."""

from __future__ import annotations

import math

import pytest

from search.evaluation.metrics import CAPPED_RECALL, capped_recall, evaluate

# q1: relevant d1 (grade 1) and d3; ranked d2, d3, d1 -> first relevant at rank 2.
#     DCG = 1/log2(3) + 1/log2(4); ideal = 1 + 1/log2(3).
# q2: relevant d9, ranked nowhere in the top 10 but at rank 12.
# q3: relevant x, not retrieved at all (absent from the run): counts as 0.
QRELS = {"q1": {"d1": 1, "d3": 1, "d5": 0}, "q2": {"d9": 1}, "q3": {"x": 1}, "q4": {"d2": 0}}
RUN = {"q1": ["d2", "d3", "d1"], "q2": [f"n{i}" for i in range(11)] + ["d9"], "q4": ["d2"]}
NDCG_Q1 = (1 / math.log2(3) + 1 / math.log2(4)) / (1 + 1 / math.log2(3))


@pytest.mark.parametrize(
    ("query", "measure", "expected"),
    [
        ("q1", "MRR@10", 0.5),
        ("q1", "nDCG@10", NDCG_Q1),
        ("q1", "R@10", 1.0),
        ("q1", "R@100", 1.0),
        ("q2", "MRR@10", 0.0),  # rank 12 is past the cut-off
        ("q2", "R@10", 0.0),
        ("q2", "R@100", 1.0),
        ("q3", "MRR@10", 0.0),
        ("q3", "R@100", 0.0),
    ],
)
def test_per_query_values(query: str, measure: str, expected: float) -> None:
    scores = evaluate(QRELS, RUN)
    assert scores.per_query[query][measure] == pytest.approx(expected)


def test_means_count_unretrieved_queries_and_skip_unjudged_ones() -> None:
    scores = evaluate(QRELS, RUN)
    # q4 has no relevant document: not a judged query. q3 retrieved nothing: a zero.
    assert set(scores.per_query) == {"q1", "q2", "q3"} and scores.queries == 3
    assert scores.means["MRR@10"] == pytest.approx(0.5 / 3)
    assert scores.means["R@100"] == pytest.approx(2 / 3)
    assert scores.means["nDCG@10"] == pytest.approx(NDCG_Q1 / 3)


def test_rank_order_is_kept_whatever_the_document_ids() -> None:
    # trec_eval sorts by score, then by id: ranks must become distinct scores
    # or "z" before "a" would be reordered.
    scores = evaluate({"q": {"a": 1}}, {"q": ["z", "a"]})
    assert scores.means["MRR@10"] == pytest.approx(0.5)


def test_repeated_documents_count_once() -> None:
    scores = evaluate({"q": {"a": 1, "b": 1}}, {"q": ["a", "a", "b"]})
    assert scores.per_query["q"]["MRR@10"] == 1.0 and scores.per_query["q"]["nDCG@10"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("relevant", "ranking", "expected", "why"),
    [
        (250, 60, 60 / 100, "more relevant than the depth: divide by 100, not 250"),
        (250, 100, 1.0, "a top 100 full of relevant articles is perfect"),
        (4, 3, 3 / 4, "fewer relevant than the depth: plain recall"),
        (0, 0, 0.0, "nothing relevant"),
    ],
)
def test_capped_recall(relevant: int, ranking: int, expected: float, why: str) -> None:
    docs = {f"r{i}" for i in range(relevant)}
    ranked = [f"r{i}" for i in range(ranking)] + [f"n{i}" for i in range(120)]
    assert capped_recall(docs, ranked) == pytest.approx(expected), why


def test_capped_recall_in_evaluate() -> None:
    qrels = {"q": {f"r{i}": 1 for i in range(300)}}
    run = {"q": [f"r{i}" for i in range(0, 200, 2)]}  # 100 retrieved, all relevant
    scores = evaluate(qrels, run, capped=True)
    assert scores.means[CAPPED_RECALL] == pytest.approx(1.0)
    assert scores.means["R@100"] == pytest.approx(100 / 300)


def test_empty_run_scores_zero() -> None:
    scores = evaluate({"q": {"a": 1}}, {})
    assert scores.means == {"MRR@10": 0.0, "nDCG@10": 0.0, "R@10": 0.0, "R@100": 0.0}
