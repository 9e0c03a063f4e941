"""Per-document facet values and entity lists of a Whoosh index, and their counts over a match set.

Each table maps a document number to its value(s). It is built once per
index state from the field's postings (caches.py) and shared by all threads;
a search counts the values of its matching documents (match_sets.py) in one
C-level pass. Whoosh's own `groupedby` counted them through a Python call
per document and facet, which was most of the time of a search for a common word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from itertools import chain

from whoosh.searching import Searcher

from search.backends import FACET_FIELDS
from search.backends.whoosh import caches


def facet_tables(searcher: Searcher) -> dict[str, list[str | None]]:
    """Facet name -> the value of each document number (None: no value), per index state."""
    return caches.shared(searcher, "facet_tables", _build_facet_tables)


def _build_facet_tables(searcher: Searcher) -> dict[str, list[str | None]]:
    reader = searcher.reader()
    tables: dict[str, list[str | None]] = {}
    for name, field in FACET_FIELDS.items():
        values: list[str | None] = [None] * reader.doc_count_all()
        if field in reader.indexed_field_names():  # no article has a value: no field at all
            for docnum, value in caches.document_values(reader, field):
                values[docnum] = value
        tables[name] = values
    return tables


def value_counts(searcher: Searcher, docnums: Collection[int]) -> dict[str, Counter[str]]:
    """Facet name -> how many of these documents have each value."""
    counts: dict[str, Counter[str]] = {}
    for name, table in facet_tables(searcher).items():
        counted = Counter(map(table.__getitem__, docnums))
        counted.pop(None, None)
        counted.pop("", None)
        counts[name] = counted  # type: ignore[assignment]
    return counts


def entity_lists(searcher: Searcher) -> list[tuple[str, ...]]:
    """Document number -> its entity ids, shared by the searchers of one index state."""
    return caches.shared(searcher, "entity_lists", _build_entity_lists)


def _build_entity_lists(searcher: Searcher) -> list[tuple[str, ...]]:
    lists: dict[int, list[str]] = {}
    reader = searcher.reader()
    if "entities" in reader.indexed_field_names():
        for docnum, entity in caches.document_values(reader, "entities"):
            lists.setdefault(docnum, []).append(entity)
    table: list[tuple[str, ...]] = [()] * reader.doc_count_all()
    for docnum, entities in lists.items():
        table[docnum] = tuple(entities)
    return table


def entity_document_counts(searcher: Searcher, docnums: Iterable[int]) -> Counter[str]:
    """How many of these documents name each entity, in one C-level pass."""
    return Counter(chain.from_iterable(map(entity_lists(searcher).__getitem__, docnums)))


def story_keys(searcher: Searcher) -> list[str | int]:
    """Document number -> its story key (search/stories.py); an article without one (an index
    made before stories) is a story of its own, keyed by its document number."""
    return caches.shared(searcher, "story_keys", _build_story_keys)


def _build_story_keys(searcher: Searcher) -> list[str | int]:
    reader = searcher.reader()
    table: list[str | int] = list(range(reader.doc_count_all()))
    if "story" in reader.indexed_field_names():
        for docnum, value in caches.document_values(reader, "story"):
            table[docnum] = value
    return table
