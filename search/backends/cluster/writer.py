"""Writing to a cluster: each article to one shard, chosen by a stable hash of its id.

Every article carries its generation's term and a key made of its generation
and id, so a rebuild writes a new generation beside the live one, and an
update replaces the article's copy in the generation being written only.

A live index's changes are a transaction on each shard, committed shard by
shard: a shard that fails mid-commit leaves the others' part of that batch
in (docs/scaling.md). A rebuild's generation is published, for every shard
at once, only when all of them committed it (index.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import xapian

from search.backends import Prepare
from search.backends.cluster.config import ClusterConfig, Shard
from search.backends.cluster.network import NETWORK_ERRORS, open_for_writing, unavailable
from search.backends.xapian.bulk import BATCH, WorkerPool
from search.backends.xapian.terms import document, term
from search.errors import IndexLockedError, SearchError

LOCK_WAIT_SECONDS = 10.0
LOCK_POLL_SECONDS = 0.2


def member_key(generation: str, doc_id: str) -> str:
    """The unique term of article `doc_id` in `generation`."""
    return term(
        "member", hashlib.sha1(f"{generation}\0{doc_id}".encode("utf-8", "surrogatepass")).hexdigest()
    )


def cluster_document(fields: Mapping[str, Any], generation: str) -> xapian.Document:
    doc = document(fields)
    doc.add_boolean_term(term("generation", generation))
    doc.add_boolean_term(member_key(generation, str(fields["id"])))
    return doc


def id_of(item: Any) -> str:
    """The id of what a writer is given: a Document or a Signed one (a rebuild's), or index fields."""
    return str(item["id"] if isinstance(item, Mapping) else item.id)


def open_writers(config: ClusterConfig) -> list[xapian.WritableDatabase]:
    """Every shard's write port, or IndexLockedError/ShardUnavailableError naming the shard."""
    opened: list[xapian.WritableDatabase] = []
    try:
        for shard in config.shards:
            opened.append(_open_writer(config, shard))
    except SearchError:
        for db in opened:
            with contextlib.suppress(*NETWORK_ERRORS):
                db.close()
        raise
    return opened


def _open_writer(config: ClusterConfig, shard: Shard) -> xapian.WritableDatabase:
    """A shard's write port, waiting up to LOCK_WAIT_SECONDS for its lock: a writer killed a
    moment ago holds it until its shard server notices that the connection is gone."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return open_for_writing(config, shard)
        except xapian.DatabaseLockError:
            if time.monotonic() > deadline:
                raise IndexLockedError(
                    f"shard {shard.host}:{shard.write_port}: another writer is writing to it"
                ) from None
            time.sleep(LOCK_POLL_SECONDS)


class ClusterWriter:
    """One process writing one generation on every shard."""

    def __init__(
        self, generation: Path, config: ClusterConfig, bulk: bool = False, prepare: Prepare | None = None
    ) -> None:
        self.generation = generation.name
        self.config = config
        self.prepare = prepare
        self.shards = open_writers(config)
        self.transaction = not bulk
        if self.transaction:
            self._each(lambda db: db.begin_transaction(False))

    def _each(self, change: Any) -> None:
        for db in self.shards:
            try:
                change(db)
            except NETWORK_ERRORS as error:
                raise unavailable(error) from None

    def _shard(self, doc_id: str) -> xapian.WritableDatabase:
        return self.shards[self.config.shard_of(doc_id)]

    def add(self, item: Any) -> None:
        self.update(self.prepare(item) if self.prepare else item)

    def update(self, fields: Mapping[str, Any]) -> None:
        doc_id = str(fields["id"])
        try:
            self._shard(doc_id).replace_document(
                member_key(self.generation, doc_id), cluster_document(fields, self.generation)
            )
        except NETWORK_ERRORS as error:
            raise unavailable(error) from None

    def delete(self, doc_id: str) -> bool:
        db, key = self._shard(doc_id), member_key(self.generation, doc_id)
        try:
            if not db.term_exists(key):
                return False
            db.delete_document(key)
        except NETWORK_ERRORS as error:
            raise unavailable(error) from None
        return True

    def commit(self) -> None:
        def finish(db: xapian.WritableDatabase) -> None:
            if self.transaction:
                db.commit_transaction()
            db.commit()
            db.close()

        self._each(finish)

    def cancel(self) -> None:
        for db in self.shards:
            with contextlib.suppress(*NETWORK_ERRORS, xapian.InvalidOperationError):
                if self.transaction:
                    db.cancel_transaction()
                db.close()


def _write_shard(
    config: ClusterConfig, number: int, generation: str, inbox: Any, prepare: Prepare | None
) -> None:
    """A rebuild's worker: prepare each article it is sent and write it to shard `number`."""
    shard = config.shards[number]
    try:
        db = _open_writer(config, shard)
        while (batch := inbox.get()) is not None:
            for item in batch:
                db.add_document(cluster_document(prepare(item) if prepare else item, generation))
        db.commit()
        db.close()
    except (*NETWORK_ERRORS, SearchError) as error:  # said here: the parent sees only the exit code
        print(f"error: {error if isinstance(error, SearchError) else unavailable(error)}", file=sys.stderr)
        sys.exit(3)


class ClusterBulkWriter:
    """A rebuild: one process per shard prepares its articles and writes them (analysis is
    most of the work, and Xapian takes one writer per shard)."""

    def __init__(self, generation: Path, config: ClusterConfig, prepare: Prepare | None = None) -> None:
        self.config = config
        self.pool = WorkerPool(
            f"cluster {generation.parent}",
            len(config.shards),
            lambda number, inbox: _write_shard(config, number, generation.name, inbox, prepare),
        )
        self.batches: list[list[Any]] = [[] for _ in config.shards]

    def add(self, item: Any) -> None:
        number = self.config.shard_of(id_of(item))
        batch = self.batches[number]
        batch.append(item)
        if len(batch) >= BATCH:
            self.pool.put(number, batch)
            self.batches[number] = []

    def update(self, fields: Mapping[str, Any]) -> None:
        raise NotImplementedError("a rebuild adds; update the live index with a plain writer")

    def delete(self, doc_id: str) -> bool:
        raise NotImplementedError("a rebuild writes a fresh generation; delete from the live index")

    def commit(self) -> None:
        try:
            for number, batch in enumerate(self.batches):
                if batch:
                    self.pool.put(number, batch)
            self.pool.finish()
        except BaseException:
            self.cancel()
            raise

    def cancel(self) -> None:
        self.pool.stop()  # a worker's uncommitted writes die with its connection


def discard_generation(config: ClusterConfig, generation: str) -> None:
    """Delete every article of `generation` from every shard (a replaced or abandoned rebuild)."""
    writer_dbs = open_writers(config)
    try:
        for db in writer_dbs:
            try:
                db.delete_document(term("generation", generation))
                db.commit()
            except NETWORK_ERRORS as error:
                raise unavailable(error) from None
    finally:
        for db in writer_dbs:
            with contextlib.suppress(*NETWORK_ERRORS):
                db.close()
