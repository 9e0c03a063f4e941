"""Searching a cluster: one Xapian database over every shard server, limited to the live generation.

Xapian sends the query to each shard and merges the matches with global
statistics, so scores, totals and facet counts are those of one index of
the same articles. Every article carries its generation's term, and every
search and lookup is limited to it: a rebuild writes a new generation
beside the live one without either seeing the other.

A shard server closes idle connections, so a failed exchange is retried
once on fresh connections; if that fails too, ShardUnavailableError names
the shard, and the reader reconnects on its next use.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import xapian

from search.backends import Filters, Found
from search.backends.cluster.config import ClusterConfig
from search.backends.cluster.network import NETWORK_ERRORS, open_for_search, unavailable
from search.backends.xapian.reader import XapianReader
from search.backends.xapian.terms import term
from search.query.plan import Plan

Result = TypeVar("Result")


class ClusterReader(XapianReader):
    exact_entities = True  # a match spy on the shards: reading 1,000 articles over the network is slow

    def __init__(self, generation: Path, config: ClusterConfig) -> None:
        self.config = config
        self.scope = term("generation", generation.name)
        self.broken = False
        super().__init__(generation)

    def connect(self) -> xapian.Database:
        return open_for_search(self.config)

    def _retrying(self, call: Callable[[], Result]) -> Result:
        try:
            return call()
        except NETWORK_ERRORS:
            pass
        self.broken = True  # until a fresh connection has answered
        try:
            self.db.close()
            self.db = self.connect()  # ShardUnavailableError naming a shard that refuses
            result = call()
        except NETWORK_ERRORS as error:
            raise unavailable(error) from None
        self.broken = False
        return result

    def find(
        self, plan: Plan, filters: Filters, sort: str, offset: int, limit: int, collapse: bool = False
    ) -> Found:
        return self._retrying(lambda: XapianReader.find(self, plan, filters, sort, offset, limit, collapse))

    def _first(self, text: str) -> dict[str, Any] | None:
        return self._retrying(lambda: XapianReader._first(self, text))

    def articles_with_term(self, field: str, text: str, count: int) -> list[dict[str, Any]]:
        return self._retrying(lambda: XapianReader.articles_with_term(self, field, text, count))

    def articles_with_any(self, field: str, terms: list[str], count: int) -> list[dict[str, Any]]:
        return self._retrying(lambda: XapianReader.articles_with_any(self, field, terms, count))

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        try:
            yield from XapianReader.stored_documents(self)
        except NETWORK_ERRORS as error:
            self.broken = True
            raise unavailable(error) from None

    def doc_count(self) -> int:
        return self._retrying(lambda: XapianReader.doc_count(self))

    def doc_frequency(self, field: str, text: str) -> int:
        return self._retrying(lambda: XapianReader.doc_frequency(self, field, text))

    def frequency_with(self, field: str, text: str, other_field: str, other_text: str) -> tuple[int, int]:
        return self._retrying(lambda: XapianReader.frequency_with(self, field, text, other_field, other_text))

    def words_with_prefix(self, field: str, prefix: str) -> Iterator[str]:
        return iter(self._retrying(lambda: list(XapianReader.words_with_prefix(self, field, prefix))))

    def up_to_date(self) -> bool:
        if self.broken:
            return False
        try:
            self.db.reopen()
        except xapian.Error:  # a shard gone, or this reader closed after one was
            return False  # the engine makes a new reader, which reconnects or names the shard
        return True

    def warm(self) -> None:
        self.doc_count()

    def close(self) -> None:
        with contextlib.suppress(*NETWORK_ERRORS):
            self.db.close()
