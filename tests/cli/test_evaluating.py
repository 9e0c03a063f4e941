"""`eval` on a user's own index, queries and judgments: the scores, JSON, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli import EXIT_OK, EXIT_USAGE
from tests.cli.conftest import run


def test_eval_scores_your_own_index_and_judgments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "title": "غارات على تدمر", "body": "قصفت الطائرات مواقع قرب تدمر."}\n'
        '{"id": "a2", "title": "انتخابات العراق", "body": "تجري الانتخابات في العراق."}\n'
        '{"id": "e1", "title": "Strikes near Palmyra", "body": "Jets hit positions near Palmyra."}\n',
        "utf-8",
    )
    index = str(tmp_path / "index")
    run(capsys, "rebuild-index", str(feed), "--index", index, "--procs", "1")
    queries, qrels = tmp_path / "q.jsonl", tmp_path / "qrels.tsv"
    queries.write_text('{"id": "1", "query": "بتدمر"}\n{"id": "2", "query": "Palmyra"}\n', "utf-8")
    # Query 2's judged document is the Arabic one: the alias تدمر = Palmyra reaches it, second
    # after the English article. MRR (1 + 1/2) / 2; nDCG (1 + 1/log2(3)) / 2.
    qrels.write_text("1 0 a1 1\n2 0 a1 1\n", "utf-8")
    code, out, _ = run(capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index)
    assert code == EXIT_OK
    assert (
        "| your judgments: match=all | 2 | news-search" in out and "| 0.750 | 0.815 | 1.000 | 1.000 |" in out
    )

    code, out, _ = run(
        capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index, "--json"
    )
    assert json.loads(out)["rows"][0]["MRR@10"] == 0.75

    qrels.write_text("1 a1 1\n", "utf-8")
    code, _, err = run(capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index)
    assert code == EXIT_USAGE and "qrels.tsv:1: expected 4 columns" in err
    code, _, err = run(capsys, "eval", "--queries", str(queries), "--index", index)
    assert code == EXIT_USAGE and "give both --queries" in err
