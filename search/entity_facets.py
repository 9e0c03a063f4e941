"""Which entities a result set names, and how many of its articles name each.

The document-to-entities table is built once per index state (caches.py),
from the postings of the `entities` field; each search only counts its
matching documents (match_sets.py) through it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from whoosh.searching import Searcher

from search import caches
from search.aliases.resolver import AliasResolver

FACET_SIZE = 20


@dataclass(frozen=True)
class EntityCount:
    """An entity named in the result set: its labels in both languages and how many hits name it."""

    id: str
    label_en: str
    label_ar: str
    count: int
    type: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "label_en": self.label_en, "label_ar": self.label_ar, "count": self.count,
                "type": self.type}  # fmt: skip


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


def facet_counts(counts: dict[str, int], aliases: AliasResolver, size: int = FACET_SIZE) -> list[EntityCount]:
    """The `size` entities named by the most matching articles, with their labels."""
    facets = []
    for entity_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]:
        entity = aliases.entity(entity_id)
        if entity is not None:
            facets.append(EntityCount(entity_id, entity.label_en, entity.label_ar, count, entity.type))
    return facets
