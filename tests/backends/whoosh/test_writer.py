"""The Whoosh bulk writer: its processes make the articles' fields, and a process that
fails fails the rebuild instead of committing an index without its articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import search.indexing
from search import Engine
from search.errors import IndexWriteError
from search.indexing import prepare_fields

ARTICLES = [
    {
        "id": f"palmyra-{number}",
        "title": f"تدمر {number}",
        "body": f"استعادت القوات السورية مدينة تدمر الأثرية، وقال المرصد إن الاشتباكات استمرت {number} يوما.",
        "lang": "ar",
    }
    for number in range(250)
]


def test_the_writer_processes_make_the_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = os.getpid()
    preparers: set[int] = set()

    def noted(resolver, item):
        preparers.add(os.getpid())
        if os.getpid() != main:
            (tmp_path / f"prepared-by-{os.getpid()}").touch()
        return prepare_fields(resolver, item)

    monkeypatch.setattr(search.indexing, "prepare_fields", noted)
    report = Engine.rebuild(tmp_path / "index", ARTICLES, procs=2, backend="whoosh")
    assert report.added == 250
    assert main not in preparers  # nothing was prepared in the main process
    assert len(list(tmp_path.glob("prepared-by-*"))) == 2
    with Engine.open(tmp_path / "index") as engine:
        assert engine.search("تدمر", collapse=False).total == 250
        assert engine.search("Palmyra", collapse=False).total == 250  # annotated: the alias crossed


def test_a_failing_writer_process_fails_the_rebuild_and_the_old_index_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, ARTICLES[:3], procs=1, backend="whoosh")

    def failing(resolver, item):
        if item.doc.id == "palmyra-120":
            raise RuntimeError("a defect in preparing one article")
        return prepare_fields(resolver, item)

    monkeypatch.setattr(search.indexing, "prepare_fields", failing)
    with pytest.raises(IndexWriteError, match="indexing processes ended with codes"):
        Engine.rebuild(path, ARTICLES, procs=2, backend="whoosh")
    with Engine.open(path) as engine:
        assert engine.search("تدمر", collapse=False).total == 3


def test_the_watched_job_queue_can_be_copied() -> None:
    """Copying or unpickling makes the object before its attributes: a lookup of a missing
    attribute must not go looking for it in the queue it does not have yet."""
    import copy
    import queue

    from search.backends.whoosh.writer import WatchedJobs

    jobs = queue.Queue()
    copied = copy.copy(WatchedJobs(jobs, [], "index"))
    assert copied.jobs is jobs and copied.qsize() == 0
