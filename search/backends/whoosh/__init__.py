"""The Whoosh backend: pure Python, any OS, the default.

schema.py (fields and analyzers) -> writer.py -> query.py (plans to Whoosh
queries) -> reader.py (exact top-N scoring), with match_sets.py, tables.py
and caches.py for totals and facets over every match.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from whoosh import index
from whoosh.index import Index

from search.backends import WRITER_LIMIT_MB, LocalFiles, Prepare
from search.backends.whoosh.reader import WhooshReader
from search.backends.whoosh.schema import make_schema
from search.backends.whoosh.writer import WhooshWriter

KEEP_OPEN = 4  # generations whose Index object stays open (the live one and a few just replaced)


class WhooshBackend(LocalFiles):
    name = "whoosh"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: OrderedDict[Path, Index] = OrderedDict()

    def create(self, folder: Path) -> None:
        index.create_in(str(folder), make_schema())

    def exists(self, folder: Path) -> bool:
        return index.exists_in(str(folder))

    def open(self, folder: Path) -> Index:
        """The Whoosh index in `folder`, opened once per process: its searchers read the newest commit."""
        with self._lock:
            if folder not in self._indexes:
                self._indexes[folder] = index.open_dir(str(folder))
                while len(self._indexes) > KEEP_OPEN:
                    self._indexes.popitem(last=False)[1].close()
            self._indexes.move_to_end(folder)
            return self._indexes[folder]

    def reader(self, folder: Path) -> WhooshReader:
        return WhooshReader(self.open(folder))

    def writer(
        self,
        folder: Path,
        bulk: bool = False,
        procs: int = 1,
        limitmb: int = WRITER_LIMIT_MB,
        prepare: Prepare | None = None,
    ) -> WhooshWriter:
        return WhooshWriter(index.open_dir(str(folder)), bulk, procs, limitmb, prepare)


BACKEND = WhooshBackend()
