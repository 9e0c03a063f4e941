"""A cluster when things go wrong: a shard down or silent, a killed rebuild, searches during a rebuild.

A shard that cannot answer fails the whole search with an error naming it
(503 on the API, exit 3 on the command line), never a partial answer.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from search import Engine
from search.backends.cluster.local import LOOPBACK, ShardPool, documents_on
from search.cli import sample_corpus
from search.cli.entry import main
from search.errors import ShardUnavailableError
from search.ingest.sources import read_sources
from tests.backends.cluster.conftest import init_cluster
from web import create_app

QUERIES = ["داعش", "ISIS", "تدمر", "Raqqa", "الشيباني", "coalition"]


def _answers(engine: Engine) -> dict[str, tuple[int, list[str]]]:
    return {
        query: (found.total, [hit.id for hit in found])
        for query in QUERIES
        if (found := engine.search(query, limit=50))  # every match: the sample has under 50 a query
    }


def _articles(answers: dict[str, tuple[int, list[str]]]) -> dict[str, tuple[int, list[str]]]:
    """The totals and the articles found, in any order."""
    return {query: (total, sorted(ids)) for query, (total, ids) in answers.items()}


def _sample_cluster(pool: ShardPool, path: Path, count: int = 2, timeout_ms: int = 10_000):
    shards = pool.start(count)
    init_cluster(path, shards, timeout_ms)
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    return shards


def test_a_shard_that_is_down_is_named_and_searches_resume_when_it_is_back(
    shard_pool: ShardPool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cluster"
    shards = _sample_cluster(shard_pool, path)
    engine = Engine.open(path)
    before = _answers(engine)
    shards[1].stop()
    with pytest.raises(ShardUnavailableError) as raised:
        engine.search("داعش")
    assert raised.value.shard == shards[1].address and shards[1].address in str(raised.value)
    # The command line: one line naming the shard, exit 3.
    capsys.readouterr()
    assert main(["query", "ISIS", "--index", str(path)]) == 3
    error = capsys.readouterr().err
    assert shards[1].address in error and "Traceback" not in error and len(error.strip().splitlines()) == 1
    # The API: a 503 with JSON naming it; the page: a 503 that names no internal address.
    client = create_app(path).test_client()
    response = client.get("/api/search", query_string={"q": "ISIS"})
    assert response.status_code == 503 and response.json["shard"] == shards[1].address
    page = client.get("/", query_string={"q": "ISIS"})
    assert page.status_code == 503 and shards[1].address not in page.get_data(as_text=True)
    shard_pool.restart(shards[1])
    assert _answers(engine) == before  # the same Engine reconnects
    engine.close()


def test_a_shard_that_never_answers_times_out_naming_it(shard_pool: ShardPool, tmp_path: Path) -> None:
    path = tmp_path / "cluster"
    shards = _sample_cluster(shard_pool, path, timeout_ms=1_000)
    shards[0].stop()
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never speaks
        silent.bind((LOOPBACK, shards[0].port))
        silent.listen(8)
        started = time.monotonic()
        with pytest.raises(ShardUnavailableError) as raised, Engine.open(path) as engine:
            engine.search("ISIS")
    assert raised.value.shard == shards[0].address and "timed out" in str(raised.value)
    assert time.monotonic() - started < 30  # the shard's timeout, not forever


def test_searches_answer_during_a_rebuild_and_a_killed_rebuild_leaves_every_shard_serving(
    shard_pool: ShardPool, tmp_path: Path
) -> None:
    path = tmp_path / "cluster"
    shards = _sample_cluster(shard_pool, path)
    engine = Engine.open(path)
    before, count = _answers(engine), engine.doc_count()
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as out:
        for number in range(40_000):
            record = {
                "id": f"n{number}",
                "title": f"بيان رقم {number}",
                "body": f"نص عن تدمر والرقة {number}.",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "search", "rebuild-index", str(big), "--index", str(path)]
    answered: list[dict[str, tuple[int, list[str]]]] = []
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as rebuild:
        written = 0
        deadline = time.monotonic() + 60
        while written < 2_000 and time.monotonic() < deadline:  # the new generation is on the shards
            answered.append(_answers(engine))
            written = documents_on(shards) - count
        os.kill(rebuild.pid, signal.SIGKILL)
    assert written >= 2_000, "the rebuild wrote nothing to the shards"
    # Searches see the live generation only: the same totals and articles. (Their order may
    # shift: the shards' statistics include the articles being written; docs/scaling.md.)
    assert answered
    for answer in answered:
        assert _articles(answer) == _articles(before)
    # Killed: still the live generation.
    assert _articles(_answers(engine)) == _articles(before) and engine.doc_count() == count
    # The next rebuild removes the killed one's articles from every shard. (Articles of equal
    # score may come in another order: their document numbers on the shards are new.)
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=2)
    assert _articles(_answers(engine)) == _articles(before)
    assert documents_on(shards) == count
    engine.close()


def test_updates_replace_the_one_copy_and_deletes_remove_it(shard_pool: ShardPool, tmp_path: Path) -> None:
    path = tmp_path / "cluster"
    shards = _sample_cluster(shard_pool, path, count=3)
    with Engine.open(path) as engine:
        count = engine.doc_count()
        first = engine.search("ISIS").hits[0]
        article = engine.get(first.id)
        report = engine.add_documents(
            [{"id": article.id, "title": "Zanzibar ceasefire holds", "body": article.body}]
        )
        assert report.updated == 1
        assert engine.doc_count() == count
        assert [hit.id for hit in engine.search("Zanzibar")] == [article.id]
        assert engine.delete(article.id) is True and engine.delete(article.id) is False
        assert engine.get(article.id) is None and engine.doc_count() == count - 1
    assert documents_on(shards) == count - 1


def test_searching_threads_share_one_engine(shard_pool: ShardPool, tmp_path: Path) -> None:
    path = tmp_path / "cluster"
    _sample_cluster(shard_pool, path)
    with Engine.open(path) as engine:
        before = _answers(engine)
        seen: list[bool] = []

        def search() -> None:
            seen.extend(_answers(engine) == before for _ in range(5))

        threads = [threading.Thread(target=search) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(seen) == 40 and all(seen)


def test_a_writer_waits_for_a_shard_lock_that_is_let_go_and_names_one_that_is_not(
    shard_pool: ShardPool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xapian

    from search.backends.cluster import writer
    from search.errors import IndexLockedError

    path = tmp_path / "cluster"
    shards = _sample_cluster(shard_pool, path)
    article = {"id": "late", "title": "Zanzibar ferry resumes", "body": "The ferry to Zanzibar runs again."}
    # Another writer (a rebuild killed a moment ago, whose connection the shard has not yet
    # seen close) holds the lock, and lets go within the wait.
    holder = xapian.remote_open_writable(LOOPBACK, shards[1].port + 1)
    threading.Timer(1.0, holder.close).start()
    with Engine.open(path) as engine:
        assert engine.add_documents([article]).added == 1
        assert [hit.id for hit in engine.search("Zanzibar")] == ["late"]
    # One that does not let go is named once the wait is over.
    monkeypatch.setattr(writer, "LOCK_WAIT_SECONDS", 0.5)
    holder = xapian.remote_open_writable(LOOPBACK, shards[1].port + 1)
    try:
        with Engine.open(path) as engine, pytest.raises(IndexLockedError) as raised:
            engine.add_documents(
                [{"id": "later", "title": "Pemba ferry", "body": "A second ferry to Pemba."}]
            )
        assert f"{LOOPBACK}:{shards[1].port + 1}" in str(raised.value)
    finally:
        holder.close()
