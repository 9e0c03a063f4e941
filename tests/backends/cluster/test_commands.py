"""Every command that takes --index works on a cluster folder as on a local index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.backends.cluster.local import ShardPool
from search.cli import EXIT_OK
from tests.backends.cluster.conftest import init_cluster
from tests.cli.conftest import run


def test_rebuild_add_query_stats_and_eval_on_a_cluster(
    shard_pool: ShardPool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(tmp_path / "cluster")
    init_cluster(Path(index), shard_pool.start(2))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "title": "غارات على تدمر", "body": "قصفت الطائرات مواقع قرب تدمر."}\n'
        '{"id": "a2", "title": "انتخابات العراق", "body": "تجري الانتخابات في العراق."}\n'
        '{"id": "e1", "title": "Strikes near Palmyra", "body": "Jets hit positions near Palmyra."}\n',
        "utf-8",
    )
    assert run(capsys, "rebuild-index", str(feed), "--index", index)[0] == EXIT_OK
    more = tmp_path / "more.jsonl"
    more.write_text('{"id": "e2", "title": "Iraq votes", "body": "Iraqis vote in elections."}\n', "utf-8")
    assert run(capsys, "add", str(more), "--index", index)[0] == EXIT_OK

    code, out, _ = run(capsys, "query", "Palmyra", "--index", index, "--json")
    found = json.loads(out)
    assert code == EXIT_OK and found["total"] == 2 and {hit["lang"] for hit in found["hits"]} == {"ar", "en"}
    code, out, _ = run(capsys, "query", "العراق", "--lang", "en", "--index", index, "--json")
    assert [hit["id"] for hit in json.loads(out)["hits"]] == ["e2"]  # the alias, filtered to English

    code, out, _ = run(capsys, "stats", "--index", index)
    assert code == EXIT_OK and "cluster" in out and "documents:  4" in out

    queries, qrels = tmp_path / "q.jsonl", tmp_path / "qrels.tsv"
    queries.write_text('{"id": "1", "query": "بتدمر"}\n{"id": "2", "query": "Palmyra"}\n', "utf-8")
    qrels.write_text("1 0 a1 1\n2 0 a1 1\n", "utf-8")
    code, out, _ = run(
        capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index, "--json"
    )
    assert code == EXIT_OK and json.loads(out)["rows"][0]["MRR@10"] == 0.75  # as on a local index
