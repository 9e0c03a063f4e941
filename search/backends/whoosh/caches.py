"""Caches that every searcher of one index state shares, across threads.

Searchers are per thread (engine.py), but what facets need per document (the
source, the month, the entities of document n) depends only on the index
state. Built per searcher, a server with eight threads built it eight times,
all at once, on its first requests. Here it is built once per index state, by
the first thread that needs it, while the others wait for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

KEEP_STATES = 4  # the live state and a few just replaced (searches in flight)
_lock = threading.Lock()
_states: OrderedDict[tuple[str, int | None, int], dict[str, Any]] = OrderedDict()


def _key(searcher: Searcher) -> tuple[str, int | None, int]:
    index = getattr(searcher, "_ix", None)
    folder = str(getattr(getattr(index, "storage", None), "folder", id(searcher)))
    reader = searcher.reader()
    return folder, reader.generation(), reader.doc_count_all()


def state(searcher: Searcher) -> dict[str, Any]:
    """The shared cache of this searcher's index state (created on first use)."""
    key = _key(searcher)
    with _lock:
        found = _states.get(key)
        if found is None:
            found = _states[key] = {"field_caches": {}, "build": threading.Lock()}
            while len(_states) > KEEP_STATES:
                _states.popitem(last=False)
        _states.move_to_end(key)
        return found


def attach(searcher: Searcher) -> Searcher:
    """Let a new searcher use (and fill) the shared Whoosh field caches."""
    searcher._field_caches = state(searcher)["field_caches"]
    return searcher


def shared(searcher: Searcher, name: str, build: Any) -> Any:
    """The value `name` of this index state, built once by `build(searcher)`."""
    cache = state(searcher)
    if name not in cache:
        with cache["build"]:
            if name not in cache:
                cache[name] = build(searcher)
    return cache[name]


def document_values(reader: IndexReader, field: str) -> Iterator[tuple[int, str]]:
    """(document number, value) for every posting of a keyword-like field, value by value."""
    for term in reader.lexicon(field):
        value = term.decode("utf-8")
        for docnum in reader.postings(field, term).all_ids():
            yield docnum, value
