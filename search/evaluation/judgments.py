"""Read a user's own queries (JSON Lines) and relevance judgments (TREC qrels).

For `news-search eval --queries Q.jsonl --qrels QRELS.tsv`. A bad line is an
error that names the file, the line and what is expected: a mistyped
judgment file silently scored would be worse than none.
"""

from __future__ import annotations

import json
from pathlib import Path

from search.errors import SearchError


class JudgmentFileError(SearchError):
    """A queries or qrels file that cannot be read as documented."""


def read_queries(path: str | Path) -> dict[str, str]:
    """Query id -> text, from JSON Lines objects with "id" and "query" (or "text")."""
    path = Path(path)
    queries: dict[str, str] = {}
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise JudgmentFileError(f"{path}:{number}: not JSON ({error.msg}); one object per line") from None
        if not isinstance(record, dict):
            raise JudgmentFileError(
                f"{path}:{number}: expected an object like {{'id': 'q1', 'query': '...'}}"
            )
        qid, text = record.get("id"), record.get("query", record.get("text"))
        if qid is None or not isinstance(text, str) or not text.strip():
            raise JudgmentFileError(f'{path}:{number}: needs "id" and a non-empty "query"')
        qid = str(qid)
        if qid in queries:
            raise JudgmentFileError(f"{path}:{number}: query id {qid!r} appears twice")
        queries[qid] = text.strip()
    if not queries:
        raise JudgmentFileError(f"{path}: no queries in it")
    return queries


def read_qrels(path: str | Path) -> dict[str, dict[str, int]]:
    """Query id -> {document id: grade} from TREC qrels lines: `qid iteration docid grade`."""
    path = Path(path)
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(_lines(path), start=1):
        fields = line.split()
        if not fields or line.lstrip().startswith("#"):
            continue
        if len(fields) != 4:
            raise JudgmentFileError(
                f"{path}:{number}: expected 4 columns `query-id 0 doc-id grade` (TREC qrels), "
                f"got {len(fields)}"
            )
        qid, _, doc, grade = fields
        try:
            qrels.setdefault(qid, {})[doc] = int(grade)
        except ValueError:
            raise JudgmentFileError(f"{path}:{number}: grade {grade!r} is not a whole number") from None
    if not qrels:
        raise JudgmentFileError(f"{path}: no judgments in it")
    return qrels


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise JudgmentFileError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise JudgmentFileError(f"{path}: not UTF-8 text; save it as UTF-8") from None
