"""The Xapian backend: a C++ engine under the shared analysis, from the optional extra
`news-search[xapian]` (PyPI's xapian-bindings-binary, Linux wheels, GPL-2.0-or-later).

terms.py (fields to terms, values and data) -> query.py (plans and filters to
xapian.Query) -> reader.py (ranking, totals, facets); writing is here, and in
bulk.py for rebuilds with several processes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import xapian

from search.backends import WRITER_LIMIT_MB, LocalFiles, Prepare
from search.backends.xapian.bulk import ShardedWriter
from search.backends.xapian.reader import XapianReader
from search.backends.xapian.terms import document, key_term
from search.errors import IndexLockedError


class XapianWriter:
    """Changes to one database, visible to readers at `commit`.

    Xapian commits pending changes when a database is closed, and on its own
    every 10,000 documents, so changes to a live index are made in a
    transaction, which `cancel` really drops. A rebuild's fresh generation
    needs none: a failed one is discarded whole.
    """

    def __init__(self, folder: Path, bulk: bool = False, prepare: Prepare | None = None) -> None:
        self.prepare = prepare
        flags = xapian.DB_CREATE_OR_OPEN | (xapian.DB_NO_SYNC if bulk else 0)
        try:
            self.db = xapian.WritableDatabase(str(folder), flags)
        except xapian.DatabaseLockError:
            raise IndexLockedError(f"{folder}: another process is writing to this index") from None
        self.transaction = not bulk
        if self.transaction:
            self.db.begin_transaction(False)

    def add(self, item: Any) -> None:
        fields = self.prepare(item) if self.prepare else item
        self.db.add_document(document(fields))  # Xapian flushes every 10,000 on its own

    def update(self, fields: Mapping[str, Any]) -> None:
        self.db.replace_document(key_term("id", str(fields["id"])), document(fields))

    def delete(self, doc_id: str) -> bool:
        key = key_term("id", doc_id)
        if not self.db.term_exists(key):
            return False
        self.db.delete_document(key)
        return True

    def commit(self) -> None:
        if self.transaction:
            self.db.commit_transaction()
        self.db.commit()
        self.db.close()

    def cancel(self) -> None:
        if self.transaction:
            self.db.cancel_transaction()
        self.db.close()


class XapianBackend(LocalFiles):
    name = "xapian"

    def create(self, folder: Path) -> None:
        xapian.WritableDatabase(str(folder), xapian.DB_CREATE_OR_OPEN).close()

    def exists(self, folder: Path) -> bool:
        return (folder / "iamglass").is_file()

    def reader(self, folder: Path) -> XapianReader:
        return XapianReader(folder)

    def writer(
        self,
        folder: Path,
        bulk: bool = False,
        procs: int = 1,
        limitmb: int = WRITER_LIMIT_MB,
        prepare: Prepare | None = None,
    ) -> XapianWriter | ShardedWriter:
        if bulk and procs > 1:
            return ShardedWriter(folder, procs, prepare)
        return XapianWriter(folder, bulk, prepare)


BACKEND = XapianBackend()
