"""Writing a Whoosh index: incremental (update by id) or bulk (several processes, segments).

Whoosh spends most of its indexing time in the pure-Python posting writer;
several processes writing separate segments roughly triple throughput on
two cores.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from whoosh.index import Index, LockError

from search.backends import WRITER_LIMIT_MB, Prepare
from search.errors import IndexLockedError
from search.locking import forking_processes
from search.stories import FIELDS as STORY_FIELDS

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
        # An index made before stories has no such fields: its articles stay one story each.
        self.missing = {name for name in STORY_FIELDS if name not in ix.schema}
        if bulk and procs > 1:
            self.writer = ix.writer(procs=procs, limitmb=limitmb, multisegment=True)
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
        fields = self._known(self.prepare(item) if self.prepare else item)
        if len(getattr(self.writer, "tasks", ())) < getattr(self.writer, "procs", 0):
            with forking_processes():  # Whoosh forks its writer processes in its first adds
                self.writer.add_document(**fields)
        else:
            self.writer.add_document(**fields)

    def update(self, fields: Mapping[str, Any]) -> None:
        self.writer.update_document(**self._known(fields))

    def _known(self, fields: Mapping[str, Any]) -> Mapping[str, Any]:
        if not self.missing:
            return fields
        return {name: value for name, value in fields.items() if name not in self.missing}

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
