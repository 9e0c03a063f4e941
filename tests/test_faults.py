"""Faults while writing: a killed rebuild, a full disk, a read-only folder. The old index must serve.

The full SIGKILL loop (20+ trials on a large corpus) is scripts/fault_inject.py;
this is its fast version. As root (CI), a folder cannot be made read-only and
the disk cannot be filled safely, so those two inject the operating system's
error where the index writes; the killed rebuilds are real SIGKILLs.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import random
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from search import Engine, IndexWriteError
from search.cli import sample_corpus
from search.index import PUBLISHED_MARK, IndexStore
from search.ingest.sources import read_sources
from search.locking import LOCK_FILE

# The SIGKILL loop's own checks (scripts/fault_inject.py), run here in a short form.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from fault_inject import answers, survivors

QUERIES = ["داعش", "ISIS", "تدمر", "Raqqa", "الشيباني", "coalition", "دير الزور", "CENTCOM"]


@pytest.fixture
def served(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    """An index of the sample corpus and what it answers to the fixed queries."""
    path = tmp_path / "index"
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    return path, answers(path, QUERIES)


def wait_for_lock_holder(index: Path, pid: int, timeout: float = 60.0) -> None:
    """Until the index's writer lock names `pid` as its holder."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if json.loads((index / LOCK_FILE).read_text("utf-8") or "{}").get("pid") == pid:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    pytest.fail(f"the rebuild (pid {pid}) did not take the writer lock within {timeout:.0f} s")


def test_killed_rebuilds_leave_the_old_index_serving(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=backend)
    before = answers(path, QUERIES)
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as out:  # long enough to be killed mid-way
        for number in range(60_000):  # Xapian rebuilds 20,000 of these in 3.2 s, kills come by 2.5 s
            record = {
                "id": f"n{number}",
                "title": f"بيان رقم {number}",
                "body": f"نص عن تدمر والرقة {number}.",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    randomness = random.Random(3)
    for _trial in range(3):
        command = [sys.executable, "-m", "search", "rebuild-index", str(big), "--index", str(path)]
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as rebuild:
            # Killed while it holds the lock, however slowly a loaded machine starts Python.
            wait_for_lock_holder(path, rebuild.pid)
            time.sleep(randomness.uniform(0.0, 1.5))
            os.kill(rebuild.pid, signal.SIGKILL)
        assert rebuild.returncode == -signal.SIGKILL
        assert not survivors(str(big)), "the killed rebuild's writer processes must die with it"
        assert answers(path, QUERIES) == before
    # The next writer recovers the stale lock and removes the half-built generations.
    report = Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    assert any("stale lock" in notice.message for notice in report.notices)
    assert Engine.open(path).backend == backend  # a rebuild keeps the index's backend
    generations = list(path.glob("gen-*"))
    assert all((generation / PUBLISHED_MARK).exists() for generation in generations)
    assert answers(path, QUERIES) == before


# Whoosh's cancelled writer leaves its temporary posting files open after a
# failed write; they are collected inside this test (see below).
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_disk_full_during_a_rebuild(served: tuple[Path, dict[str, list[str]]], monkeypatch) -> None:
    from whoosh.filedb import structfile

    path, before = served
    generations = sorted(path.glob("gen-*"))
    real_write = structfile.StructFile.write
    calls = {"count": 0}

    def fill_up(self, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] > 50:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(structfile.StructFile, "write", fill_up)
    with pytest.raises(IndexWriteError, match="No space left on device while building a new index") as caught:
        Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    message = str(caught.value)
    monkeypatch.undo()
    del caught  # its traceback holds the cancelled writer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    assert "unchanged and still serving" in message
    assert sorted(path.glob("gen-*")) == generations  # the half-written one is gone
    assert answers(path, QUERIES) == before


def test_read_only_folder(served: tuple[Path, dict[str, list[str]]], monkeypatch) -> None:
    path, before = served

    def read_only(self, backend: str = "whoosh") -> Path:
        raise OSError(errno.EROFS, "Read-only file system", str(self.root))

    monkeypatch.setattr(IndexStore, "new_generation", read_only)
    with pytest.raises(IndexWriteError, match="Read-only file system while building"):
        Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    monkeypatch.undo()
    assert answers(path, QUERIES) == before


def test_add_on_a_read_only_folder(served: tuple[Path, dict[str, list[str]]], monkeypatch) -> None:
    from whoosh.filedb.filestore import FileStorage

    path, before = served

    def refuse(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(FileStorage, "create_file", refuse)
    with Engine.open(path) as engine:
        with pytest.raises(IndexWriteError, match="Read-only file system while adding documents"):
            engine.add_documents([{"id": "x", "title": "تدمر", "body": "نص جديد عن تدمر."}])
        monkeypatch.undo()
        assert answers(path, QUERIES) == before
