"""The Engine: the one object applications use to build, update and search an index.

A thin facade over index.py (where the index lives and which backend built
it), indexing.py (writing) and searching.py (reading). It keeps one backend
reader per thread and notices when a rebuild in another process has swapped
in a new generation.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from search import indexing
from search.aliases.resolver import AliasResolver
from search.analysis.version import analysis_fingerprint
from search.backends import DEFAULT_BACKEND, Filters, Reader
from search.documents import Document
from search.index import IndexStore, stored_published
from search.locking import WriterLock
from search.query.plan import Everything
from search.reports import IndexReport
from search.results import Results
from search.searching import SearchRequest, highlight_article, run_search


class Engine:
    """A bilingual news index on disk.

    >>> with Engine.open("index") as engine:            # doctest: +SKIP
    ...     for hit in engine.search("داعش"):
    ...         print(hit.title)
    """

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Reader] = []
        self._aliases: AliasResolver | None = None
        self._aliases_version = ""
        self.store.open()  # IndexNotFoundError (saying how to build one) before anything else

    # --- lifecycle -----------------------------------------------------------

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], overwrite: bool = False, backend: str = DEFAULT_BACKEND
    ) -> Engine:
        """A new, empty index at `path`; IndexExistsError if one is there (unless overwrite).
        `backend`: "whoosh" (pure Python, the default) or "xapian" (the extra news-search[xapian])."""
        store = IndexStore(path)
        with WriterLock(store.root, purpose="create"):
            store.create(overwrite=overwrite, backend=backend)
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
        backend: str | None = None,
        **options: Any,
    ) -> IndexReport:
        """Index `documents` into a fresh copy and swap it in atomically.

        `aliases` are your own lexicon files (docs/aliases.md), used on top of
        the shipped ones and kept with the index. `backend` ("whoosh" or
        "xapian") defaults to the one the index was built with, else Whoosh.
        Searches on the old index go on meanwhile; if the rebuild fails or
        indexes nothing, the old index stays. See indexing.rebuild for the
        other options.
        """
        return indexing.rebuild(
            IndexStore(path), documents, procs=procs, aliases=tuple(aliases), backend=backend, **options
        )

    def close(self) -> None:
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.store.root

    @property
    def backend(self) -> str:
        """The backend of the live index: "whoosh" or "xapian"."""
        return self.store.backend_name()

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
            backend, generation = self.store.open()
            with indexing.committed(backend.writer(generation)) as writer:
                deleted = writer.delete(doc_id)
        return deleted

    # --- reading -------------------------------------------------------------

    def search(self, query: str, *, correct: bool = True, **options: Any) -> Results:
        """Search in both languages at once. A malformed query never raises; a
        parameter out of bounds raises InvalidParameterError naming it.

        `options` are the fields of SearchRequest, by keyword
        (search.searching.PARAMETERS lists them with their help): limit,
        page, lang, source, since and until (text or dates), sort, and:
        `month` ("2025-12") keeps articles published in that month; `entity`
        (a canonical id such as "isis") those that name that entity;
        `match="any"` ranks articles having any of the words (BM25 over their
        OR) instead of requiring all of them: for questions in plain language.
        Results carry facet counts over every match (language, source, month,
        entity) and, when nothing or only some words matched, a spelling
        suggestion from the index vocabulary; `correct=False` searches the
        words exactly as given ("search instead for")."""
        request = SearchRequest.checked(query, **options)
        return run_search(self._reader(), request, self.aliases, correct=correct)

    def highlight(self, document: Document, query: str) -> tuple[str, str]:
        """The article's title and body as HTML with `query` marked as its hit
        was: the words, and each entity the query names in the form the
        article writes it (ISIS marks داعـــش). Everything else is escaped."""
        return highlight_article(document.title, document.body, query, self.aliases)

    def warm(self) -> None:
        """Build what the first searches would otherwise build while a reader
        waits: the lexicon, its matcher and name table, the facet tables (for a
        server, before it listens)."""
        self.aliases.warm()
        self._reader().warm()

    def get(self, doc_id: str) -> Document | None:
        """The stored article with this id, or None."""
        stored = self._reader().document("id", doc_id)
        if stored is None:
            return None
        return Document(
            id=stored["id"],
            title=stored.get("title", ""),
            body=stored.get("body", ""),
            lang=stored.get("lang", ""),
            published=stored_published(stored),
            source=stored.get("source", ""),
            url=stored.get("url", ""),
            dateline=stored.get("dateline", ""),
            author=stored.get("author", ""),
        )

    def doc_count(self) -> int:
        """How many articles the index holds (cheap, unlike stats())."""
        return self._reader().doc_count()

    def stats(self) -> dict[str, Any]:
        """Size and make-up of the index, for `news-search stats` and /healthz."""
        reader = self._reader()
        # The facet counts of a search for everything: the backend's own counting, not a read
        # of every stored article (over a cluster's network, a round trip each).
        found = reader.find(Everything(), Filters(), "relevance", 0, 1)
        documents = found.total
        languages = _with_rest(found.facets.get("lang", Counter()), documents, "und")
        sources = _with_rest(found.facets.get("source", Counter()), documents, "(none)")
        dated = sum(found.facets.get("month", Counter()).values())  # only dated articles have a month
        generation = self.store.current()
        size = (
            sum(file.stat().st_size for file in generation.rglob("*") if file.is_file()) if generation else 0
        )
        return {
            "path": str(self.store.root),
            "generation": generation.name if generation else None,
            "backend": self.backend,
            "documents": documents,
            "languages": dict(languages.most_common()),
            "sources": dict(sources.most_common(20)),
            "dated": dated,
            "bytes_on_disk": size,
            "aliases": {
                "entities": len(self.aliases.lexicon),
                "user_files": [file.name for file in self.store.alias_files()],
                "current": self.aliases_current(),
            },
            "analysis": {"current": self.analysis_current()},
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

    def analysis_current(self) -> bool:
        """False when this code analyses text otherwise than the code that built the index
        (or the index predates the record): queries may miss words until it is rebuilt."""
        return self.store.analysis_fingerprint() == analysis_fingerprint()

    # --- readers ------------------------------------------------------------

    def _reader(self) -> Reader:
        """This thread's reader of the live generation, renewed after commits and swaps.

        Backend readers are not shared between threads (Whoosh searchers read
        files through shared handles; Xapian databases are not thread-safe).
        """
        version = self.store.version()
        reader: Reader | None = getattr(self._local, "reader", None)
        if reader is not None and self._local.version == version and reader.up_to_date():
            return reader
        if reader is not None:
            self._forget(reader)
            self._local.reader = None  # not kept if opening the next one fails
        backend, generation = self.store.open()
        fresh = backend.reader(generation)
        self._local.reader, self._local.version = fresh, version
        with self._lock:
            self._readers.append(fresh)
        return fresh

    def _forget(self, reader: Reader) -> None:
        with self._lock:
            if reader in self._readers:
                self._readers.remove(reader)
        reader.close()


def _with_rest(counts: Counter[str], total: int, label: str) -> Counter[str]:
    """`counts`, plus the articles without a value under `label`."""
    rest = total - sum(counts.values())
    return counts + Counter({label: rest}) if rest > 0 else Counter(counts)
