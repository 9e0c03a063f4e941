"""A user's queries and TREC qrels: read when well formed, refused by file and line when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.evaluation.judgments import JudgmentFileError, read_qrels, read_queries


def test_reads_queries_and_qrels(tmp_path: Path) -> None:
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": 1, "query": "داعش تدمر"}\n\n{"id": "q2", "text": "Raqqa"}\n', "utf-8")
    qrels = tmp_path / "qrels.tsv"
    qrels.write_text("# judged by hand\n1 0 doc-a 1\n1 0 doc-b 0\nq2 0 doc-c 2\n", "utf-8")
    assert read_queries(queries) == {"1": "داعش تدمر", "q2": "Raqqa"}
    assert read_qrels(qrels) == {"1": {"doc-a": 1, "doc-b": 0}, "q2": {"doc-c": 2}}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "query": "x"}\n{"id": "a", "query": "y"}\n', "q.jsonl:2: query id 'a' appears twice"),
        ('{"id": "a"}\n', 'q.jsonl:1: needs "id" and a non-empty "query"'),
        ("not json\n", "q.jsonl:1: not JSON"),
        ('["a", "b"]\n', "q.jsonl:1: expected an object"),
        ("\n", "q.jsonl: no queries in it"),
    ],
)
def test_bad_queries_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(content, "utf-8")
    with pytest.raises(JudgmentFileError, match=message):
        read_queries(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("q1 doc-a 1\n", r"qrels.tsv:1: expected 4 columns"),
        ("q1 0 doc-a yes\n", "qrels.tsv:1: grade 'yes' is not a whole number"),
        ("", "qrels.tsv: no judgments in it"),
    ],
)
def test_bad_qrels_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "qrels.tsv"
    path.write_text(content, "utf-8")
    with pytest.raises(JudgmentFileError, match=message):
        read_qrels(path)


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(JudgmentFileError, match="no such file"):
        read_qrels(tmp_path / "none.tsv")
    legacy = tmp_path / "cp1256.jsonl"
    legacy.write_bytes('{"id": 1, "query": "داعش"}'.encode("cp1256"))
    with pytest.raises(JudgmentFileError, match="not UTF-8"):
        read_queries(legacy)
