"""The Engine: the one object applications use to build, update and search an index.

A thin facade over index.py (where the index lives), indexing.py (writing)
and searching.py (reading). It keeps one Whoosh searcher per thread and
notices when a rebuild in another process has swapped in a new generation.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh import scoring
from whoosh.index import Index
from whoosh.searching import Searcher

from search import caches, indexing
from search.aliases.resolver import AliasResolver
from search.documents import Document
from search.entity_facets import entity_lists
from search.facets import facet_tables
from search.index import IndexStore
from search.locking import WriterLock
from search.reports import IndexReport
from search.results import Results
from search.searching import SearchRequest, run_search

# Okapi BM25 per field; titles weigh more through query boosts (query.TITLE_BOOST).
WEIGHTING = scoring.BM25F(B=0.75, K1=1.2)


class Engine:
    """A bilingual news index on disk.

    >>> with Engine.open("index") as engine:            # doctest: +SKIP
    ...     for hit in engine.search("داعش"):
    ...         print(hit.title)
    """

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._index: Index | None = None
        self._version = ""
        self._local = threading.local()
        self._searchers: list[Searcher] = []
        self._aliases: AliasResolver | None = None
        self._aliases_version = ""
        self._open_index()

    # --- lifecycle -----------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], overwrite: bool = False) -> Engine:
        """A new, empty index at `path`; IndexExistsError if one is there (unless overwrite)."""
        store = IndexStore(path)
        with WriterLock(store.root, purpose="create"):
            store.create(overwrite=overwrite)
        return cls(store)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Engine:
        """The index at `path`; IndexNotFoundError (saying how to build one) if there is none."""
        return cls(IndexStore(path))

    @classmethod
    def rebuild(
        cls,
        path: str | os.PathLike[str],
        documents: Iterable[Any],
        procs: int | None = None,
        aliases: Iterable[str | os.PathLike[str]] = (),
        **options: Any,
    ) -> IndexReport:
        """Index `documents` into a fresh copy and swap it in atomically.

        `aliases` are your own lexicon files (docs/aliases.md), used on top of
        the shipped ones and kept with the index. Searches on the old index go
        on meanwhile; if the rebuild fails or indexes nothing, the old index
        stays. See indexing.rebuild for the other options.
        """
        return indexing.rebuild(IndexStore(path), documents, procs=procs, aliases=tuple(aliases), **options)

    def close(self) -> None:
        with self._lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()
            if self._index is not None:
                self._index.close()
                self._index = None

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.store.root

    # --- writing -------------------------------------------------------------

    def add_documents(self, documents: Iterable[Document | dict[str, Any]], wait: float = 0.0) -> IndexReport:
        """Add or replace (by id) documents, committed before returning.

        Accepts Documents or dicts with id, title, body and optionally lang,
        published, source, url; bad ones are listed in `report.rejected`, the
        same text under another id in `report.duplicates`. `wait`: seconds to
        wait if another process is writing (else IndexLockedError at once).
        """
        return indexing.add_documents(self.store, documents, self.aliases, wait)

    def delete(self, doc_id: str, wait: float = 0.0) -> bool:
        """Remove a document by id; False if there was none."""
        with WriterLock(self.store.root, wait, "delete"):
            writer = self.store.open().writer(timeout=indexing.WRITE_LOCK_TIMEOUT)
            deleted = writer.delete_by_term("id", doc_id)
            writer.commit()
        return bool(deleted)

    # --- reading -------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 10,
        page: int = 1,
        lang: str | None = None,
        source: str | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        sort: str = "relevance",
        month: str | None = None,
        correct: bool = True,
        entity: str | None = None,
        match: str = "all",
    ) -> Results:
        """Search in both languages at once. A malformed query never raises; a
        parameter out of bounds raises InvalidParameterError naming it.

        `month` ("2025-12") keeps articles published in that month; `entity`
        (a canonical id such as "isis") those that name that entity. Results
        carry facet counts over every match (language, source, month, entity)
        and, when nothing or only some words matched, a spelling suggestion
        from the index vocabulary; `correct=False` searches the words exactly
        as given ("search instead for"). `match="any"` ranks articles having
        any of the words (BM25 over their OR) instead of requiring all of
        them: for questions in plain language."""
        request = SearchRequest.checked(
            query, limit, page, lang, source, since, until, sort, month, entity, match
        )
        return run_search(self._searcher(), request, self.aliases, correct=correct)

    def warm(self) -> None:
        """Build what the first searches would otherwise build while a reader
        waits: the lexicon, its matcher and name table, the facet tables (for a
        server, before it listens)."""
        self.aliases.warm()
        searcher = self._searcher()
        entity_lists(searcher)
        facet_tables(searcher)

    def get(self, doc_id: str) -> Document | None:
        """The stored article with this id, or None."""
        stored = self._searcher().document(id=doc_id)
        if stored is None:
            return None
        published = stored.get("published") or ""
        return Document(
            id=stored["id"],
            title=stored.get("title", ""),
            body=stored.get("body", ""),
            lang=stored.get("lang", ""),
            published=datetime.fromisoformat(published) if published else None,
            source=stored.get("source", ""),
            url=stored.get("url", ""),
            dateline=stored.get("dateline", ""),
            author=stored.get("author", ""),
        )

    def doc_count(self) -> int:
        """How many articles the index holds (cheap, unlike stats())."""
        return self._searcher().doc_count()

    def stats(self) -> dict[str, Any]:
        """Size and make-up of the index, for `news-search stats` and /healthz."""
        searcher = self._searcher()
        languages: Counter[str] = Counter()
        sources: Counter[str] = Counter()
        dated = 0
        for fields in searcher.all_stored_fields():
            languages[fields.get("lang") or "und"] += 1
            sources[fields.get("source") or "(none)"] += 1
            dated += bool(fields.get("published"))
        generation = self.store.current()
        size = (
            sum(file.stat().st_size for file in generation.rglob("*") if file.is_file()) if generation else 0
        )
        return {
            "path": str(self.store.root),
            "generation": generation.name if generation else None,
            "documents": searcher.doc_count(),
            "languages": dict(languages.most_common()),
            "sources": dict(sources.most_common(20)),
            "dated": dated,
            "bytes_on_disk": size,
            "aliases": {
                "entities": len(self.aliases.lexicon),
                "user_files": [file.name for file in self.store.alias_files()],
                "current": self.aliases_current(),
            },
        }

    @property
    def aliases(self) -> AliasResolver:
        """The lexicon this index was built with: shipped files plus its stored user files."""
        version = self.store.version()
        with self._lock:
            if self._aliases is None or version != self._aliases_version:
                self._aliases = AliasResolver.load(self.store.alias_files())
                self._aliases_version = version
            return self._aliases

    def aliases_current(self) -> bool:
        """False when the lexicon changed since the index was built: rebuild to update entities."""
        return self.store.aliases_fingerprint() == self.aliases.fingerprint

    # --- searchers -----------------------------------------------------------

    def _open_index(self) -> Index:
        with self._lock:
            version = self.store.version()
            if self._index is None or version != self._version:
                self._index = self.store.open()
                self._version = version
            return self._index

    def _current_index(self) -> Index:
        if self._index is None or self.store.version() != self._version:
            return self._open_index()
        return self._index

    def _searcher(self) -> Searcher:
        """This thread's searcher, renewed after commits and generation swaps.

        Whoosh searchers read files through shared handles, so threads do not
        share them.
        """
        ix = self._current_index()
        searcher: Searcher | None = getattr(self._local, "searcher", None)
        if searcher is not None and getattr(self._local, "index", None) is ix and searcher.up_to_date():
            return searcher
        if searcher is not None:
            # Not Searcher.refresh(): it shares sub-readers with the old
            # searcher, which is closed here.
            self._forget(searcher)
        fresh = caches.attach(ix.searcher(weighting=WEIGHTING))
        self._local.searcher, self._local.index = fresh, ix
        with self._lock:
            self._searchers.append(fresh)
        return fresh

    def _forget(self, searcher: Searcher) -> None:
        with self._lock:
            if searcher in self._searchers:
                self._searchers.remove(searcher)
        searcher.close()
