"""Writing a Whoosh index: incremental (update by id) or bulk (several processes, segments).

Whoosh spends most of its indexing time in the pure-Python posting writer;
several processes writing separate segments roughly triple throughput on
two cores. A bulk writer's processes also make each article's fields
(`prepare`: alias annotation is the largest cost after posting), so the
main process only reads, validates and hands articles over.
"""

from __future__ import annotations

import pickle
import queue
from collections.abc import Mapping
from typing import Any

from whoosh.index import Index, LockError
from whoosh.multiproc import MpWriter, SubWriterTask

from search.backends import WRITER_LIMIT_MB, Prepare
from search.backends.whoosh.schema import make_schema
from search.errors import IndexLockedError, IndexWriteError
from search.locking import forking_processes

WRITE_LOCK_TIMEOUT = 5.0  # seconds to wait for Whoosh's own writer lock


class WhooshWriter:
    def __init__(
        self,
        ix: Index,
        bulk: bool = False,
        procs: int = 1,
        limitmb: int = WRITER_LIMIT_MB,
        prepare: Prepare | None = None,
    ) -> None:
        self.prepare = prepare
        # Fields added to the schema since this index was built (its schema is pickled in it):
        # its new articles go in without them, as its old ones are (day_lang: no timeline).
        self.newer_fields = set(make_schema().names()) - set(ix.schema.names())
        if bulk and procs > 1:
            self.writer = PreparingMpWriter(ix, self._fields, procs=procs, limitmb=limitmb, multisegment=True)
        elif bulk:
            self.writer = ix.writer(limitmb=limitmb)
        else:
            try:
                self.writer = ix.writer(timeout=WRITE_LOCK_TIMEOUT)
            except LockError:
                raise IndexLockedError(
                    f"{ix.storage.folder}: another process is writing to this index"
                ) from None

    def add(self, item: Any) -> None:
        if not isinstance(self.writer, PreparingMpWriter):
            self.writer.add_document(**self._fields(item))
        elif len(self.writer.tasks) < self.writer.procs:
            with forking_processes():  # Whoosh forks its writer processes in its first adds
                self.writer.add_item(item)
        else:
            self.writer.add_item(item)

    def _fields(self, item: Any) -> Mapping[str, Any]:
        return self._known(self.prepare(item) if self.prepare else item)

    def update(self, fields: Mapping[str, Any]) -> None:
        self.writer.update_document(**self._known(fields))

    def _known(self, fields: Mapping[str, Any]) -> Mapping[str, Any]:
        if not self.newer_fields:
            return fields
        return {name: value for name, value in fields.items() if name not in self.newer_fields}

    def delete(self, doc_id: str) -> bool:
        return bool(self.writer.delete_by_term("id", doc_id))

    def commit(self) -> None:
        try:
            self.writer.commit()
        except BaseException:
            _stop_writer_processes(self.writer)
            raise

    def cancel(self) -> None:
        _stop_writer_processes(self.writer)
        self.writer.cancel()


_ITEM = "item"  # the one key of a job-file entry of PreparingMpWriter: the article as added


class PreparingMpWriter(MpWriter):
    """Whoosh's multiprocess writer, handing its processes the articles as added, for each
    process to make their fields (`fields`). Whoosh's own hands them finished fields,
    which the main process would have to make alone, one article after another."""

    def __init__(self, ix: Index, fields: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.fields = fields
        self.jobqueue = WatchedJobs(self.jobqueue, self.tasks, ix.storage.folder)

    def add_item(self, item: Any) -> None:
        self.add_document(**{_ITEM: item})

    def _new_task(self) -> SubWriterTask:
        task = PreparingTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        task.fields = self.fields  # the process is forked: nothing is pickled
        self.tasks.append(task)
        task.start()
        return task

    def _commit_toc(self, segments: Any) -> None:
        # Whoosh commits without the segment of a process that failed (its articles lost).
        failed = [task.exitcode for task in self.tasks if task.exitcode]
        if failed:
            raise IndexWriteError(
                f"{self.storage.folder}: indexing processes ended with codes {failed}; nothing was committed"
            )
        super()._commit_toc(segments)


class WatchedJobs:
    """The writer's job queue: handing over a job fails once every writer process has died,
    where Whoosh's would wait forever for one to take it."""

    def __init__(self, jobs: Any, tasks: list[SubWriterTask], folder: str) -> None:
        self.jobs, self.tasks, self.folder = jobs, tasks, folder

    def put(self, job: Any) -> None:
        while True:
            try:
                self.jobs.put(job, timeout=1.0)
                return
            except queue.Full:
                if not any(task.is_alive() for task in self.tasks):
                    codes = [task.exitcode for task in self.tasks]
                    raise IndexWriteError(
                        f"{self.folder}: indexing processes ended with codes {codes}"
                    ) from None

    def __getattr__(self, name: str) -> Any:
        if name == "jobs":  # not set yet (a copy being made): never look it up in itself
            raise AttributeError(name)
        return getattr(self.jobs, name)  # get, close, cancel_join_thread: the queue's own


class PreparingTask(SubWriterTask):
    """A writer process that makes each article's fields before adding them."""

    fields: Any

    def _process_file(self, filename: str, doc_count: int) -> None:
        # As SubWriterTask._process_file (a job file of pickled entries), each entry prepared.
        writer = self.writer
        storage = writer.temp_storage()
        with storage.open_file(filename).raw_file() as jobs:
            for _ in range(doc_count):
                _, entry = pickle.load(jobs)
                writer.add_document(**self.fields(entry[_ITEM]))
        storage.delete_file(filename)


def _stop_writer_processes(writer: Any) -> None:
    """End a multiprocess writer's processes before its folder is thrown away.

    Whoosh's cancel() only flags its own copies of them; the processes would go on
    reading job files that are gone and print tracebacks, or wait for work forever.
    They ignore Ctrl-C (locking.py), so this is how an interrupted rebuild ends them.
    """
    tasks = getattr(writer, "tasks", [])  # whoosh.multiproc.MpWriter's SubWriterTasks
    processes = [task for task in tasks if task.pid]  # not one interrupted while starting
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()
    for name in ("jobqueue", "resultqueue"):
        if (pipe := getattr(writer, name, None)) is not None:
            # Jobs still in a pipe nobody reads: without this, exit waits for them forever.
            pipe.cancel_join_thread()
            pipe.close()
