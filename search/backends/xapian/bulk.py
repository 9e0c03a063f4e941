"""A rebuild's writer for Xapian: several processes each index a share of the articles
into a shard of their own, and the shards are merged into the generation at commit.

Xapian's own writing is C++, but preparing each article (alias annotation,
then its terms) is Python, and one process leaves the other cores idle. Workers are forked while the
writer lock is held (search/locking.py makes them ignore Ctrl-C and die with
the parent). Articles go out in batches, in turn; commit merges the shards
with Xapian's compaction, which also renumbers their documents.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import xapian

from search.backends import Prepare
from search.backends.xapian.terms import document
from search.errors import IndexWriteError
from search.locking import forking_processes

BATCH = 200  # articles per message to a worker
QUEUED_BATCHES = 4  # per worker: bounds the memory of articles waiting
FLUSH_DOCUMENTS = 4_000  # per worker
SHARD_PREFIX = ".shard-"
MERGED = ".merged"


class WorkerPool:
    """Forked worker processes, each fed lists of items through its own bounded queue.

    `work(number, inbox)` runs in worker `number`: it takes lists from `inbox`
    until None. It came with the fork, so it is never pickled.
    """

    def __init__(self, label: str, count: int, work: Callable[[int, multiprocessing.Queue], None]) -> None:
        self.label = label
        context = multiprocessing.get_context("fork")
        self.inboxes = [context.Queue(QUEUED_BATCHES) for _ in range(count)]
        self.workers = [
            context.Process(target=work, args=(number, inbox), daemon=True)
            for number, inbox in enumerate(self.inboxes)
        ]
        with forking_processes():
            for worker in self.workers:
                worker.start()

    def put(self, number: int, message: list[Any] | None) -> None:
        """Hand a message to worker `number`, failing (not waiting forever) if it died."""
        while True:
            try:
                self.inboxes[number].put(message, timeout=1.0)
                return
            except queue.Full:
                if not self.workers[number].is_alive():
                    raise IndexWriteError(
                        f"{self.label}: an indexing process ended with code {self.workers[number].exitcode}"
                    ) from None

    def finish(self) -> None:
        """Tell every worker that the work is done, wait for them, fail if any failed."""
        for number in range(len(self.workers)):
            self.put(number, None)
        for worker in self.workers:
            worker.join()
        failed = [worker.exitcode for worker in self.workers if worker.exitcode]
        if failed:
            raise IndexWriteError(f"{self.label}: indexing processes ended with codes {failed}")

    def stop(self) -> None:
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self.workers:
            worker.join()
        for inbox in self.inboxes:
            # Batches still in a pipe nobody reads: without this, exit waits for them forever.
            inbox.cancel_join_thread()
            inbox.close()


def _index_shard(path: str, inbox: multiprocessing.Queue, prepare: Prepare | None) -> None:
    """A worker: prepare every article it is sent and add it to its own shard, then commit it."""
    # Xapian keeps this many documents' postings in memory before writing them
    # out (its default, 10,000, took two workers past 1 GB on 100k articles).
    os.environ["XAPIAN_FLUSH_THRESHOLD"] = str(FLUSH_DOCUMENTS)
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OPEN | xapian.DB_NO_SYNC)
    while (batch := inbox.get()) is not None:
        for item in batch:
            db.add_document(document(prepare(item) if prepare else item))
    db.commit()
    db.close()


class ShardedWriter:
    """`procs` worker processes, each writing a shard under the generation folder."""

    def __init__(self, folder: Path, procs: int, prepare: Prepare | None = None) -> None:
        self.folder = folder
        self.procs = procs
        self.pool = WorkerPool(
            str(folder), procs, lambda number, inbox: _index_shard(str(self._shard(number)), inbox, prepare)
        )
        self.batch: list[Any] = []
        self.turn = 0

    def _shard(self, number: int) -> Path:
        return self.folder / f"{SHARD_PREFIX}{number}"

    def add(self, item: Any) -> None:
        self.batch.append(item)
        if len(self.batch) >= BATCH:
            self._send()

    def update(self, fields: Mapping[str, Any]) -> None:
        raise NotImplementedError(
            "a rebuild adds; update the live index with a plain writer"
        )  # a rebuild's articles are new, and their ids unique (indexing.py)

    def delete(self, doc_id: str) -> bool:
        raise NotImplementedError("a rebuild writes a fresh generation; delete from the live index")

    def _send(self) -> None:
        self.pool.put(self.turn % self.procs, self.batch)
        self.turn += 1
        self.batch = []

    def commit(self) -> None:
        try:
            if self.batch:
                self._send()
            self.pool.finish()
            self._merge()
        except BaseException:
            self.cancel()
            raise

    def _merge(self) -> None:
        """The shards compacted into one database, which replaces the generation's empty one."""
        shards = xapian.Database()
        for number in range(self.procs):
            shards.add_database(xapian.Database(str(self._shard(number))))
        merged = self.folder / MERGED
        shards.compact(str(merged))
        shards.close()
        for old in self.folder.iterdir():
            if old.is_file() and (old.suffix == ".glass" or old.name in ("iamglass", "flintlock")):
                old.unlink()
        for new in merged.iterdir():
            new.rename(self.folder / new.name)
        merged.rmdir()
        self._remove_shards()

    def cancel(self) -> None:
        self.pool.stop()
        self._remove_shards()
        shutil.rmtree(self.folder / MERGED, ignore_errors=True)

    def _remove_shards(self) -> None:
        for number in range(self.procs):
            shutil.rmtree(self._shard(number), ignore_errors=True)
