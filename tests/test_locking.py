"""One writer at a time, across processes; crashed writers leave no lock behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from search import Engine, IndexLockedError
from search.locking import LOCK_FILE, WriterLock

HOLD = """
import sys, time
from search.locking import WriterLock
with WriterLock(sys.argv[1], purpose="test holder"):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@contextmanager
def hold_lock(root: Path, seconds: float) -> Iterator[subprocess.Popen]:
    """Another process holding the writer lock for `seconds` (killed on exit)."""
    command = [sys.executable, "-c", HOLD, str(root), str(seconds)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout.readline().strip() == "locked"
        try:
            yield process
        finally:
            process.kill()


def test_second_writer_is_told_who_writes(tmp_path: Path) -> None:
    with hold_lock(tmp_path, 30) as holder, pytest.raises(IndexLockedError) as caught, WriterLock(tmp_path):
        pass
    assert f"pid {holder.pid} (test holder, since " in str(caught.value) and "--wait SECONDS" in str(
        caught.value
    )


def test_wait_outlasts_a_short_writer(tmp_path: Path) -> None:
    with hold_lock(tmp_path, 0.5) as holder, WriterLock(tmp_path, wait=20) as lock:
        assert holder.wait(timeout=10) == 0  # it finished its work first
        assert not lock.recovered


def test_a_killed_writer_leaves_a_stale_lock_that_is_recovered(tmp_path: Path) -> None:
    with hold_lock(tmp_path, 30) as holder:
        holder.kill()
        holder.wait()
    assert json.loads((tmp_path / LOCK_FILE).read_text())["pid"] == holder.pid  # left behind
    with WriterLock(tmp_path) as lock:
        assert f"stale lock left by pid {holder.pid}" in lock.recovered


def test_rebuild_and_add_refuse_while_another_writer_holds_the_lock(tmp_path: Path) -> None:
    root = tmp_path / "index"
    Engine.rebuild(root, [{"id": "a", "title": "t", "body": "Raqqa checkpoints."}], procs=1)
    with hold_lock(root, 30), Engine.open(root) as engine:
        with pytest.raises(IndexLockedError):
            engine.add_documents([{"id": "b", "title": "t", "body": "Palmyra."}])
        with pytest.raises(IndexLockedError):
            Engine.rebuild(root, [{"id": "c", "title": "t", "body": "Homs."}], procs=1)
        assert engine.search("Raqqa").total == 1  # searches go on


def test_clean_exit_leaves_no_holder(tmp_path: Path) -> None:
    with WriterLock(tmp_path, purpose="x"):
        assert json.loads((tmp_path / LOCK_FILE).read_text())["pid"] == os.getpid()
    assert (tmp_path / LOCK_FILE).read_text() == ""
    started = time.monotonic()
    with WriterLock(tmp_path):
        pass
    assert time.monotonic() - started < 5  # not a timing target: it must simply not wait
