"""Which entities a result set names, and how many of its articles name each.

Whoosh's overlapping facets rebuild a document-to-values table on every
search; here it is built once per index state (caches.py), from the postings
of the `entities` field, and each search only counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import sorting
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


def entity_lists(searcher: Searcher) -> dict[int, list[str]]:
    """Document number -> entity ids, shared by the searchers of one index state."""
    return caches.shared(searcher, "entity_lists", _build_entity_lists)


def _build_entity_lists(searcher: Searcher) -> dict[int, list[str]]:
    lists: dict[int, list[str]] = {}
    reader = searcher.reader()
    if "entities" in reader.indexed_field_names():
        for term in reader.lexicon("entities"):
            entity = term.decode("utf-8")
            for docnum in reader.postings("entities", term).all_ids():
                lists.setdefault(docnum, []).append(entity)
    return lists


class EntityFacet(sorting.FacetType):
    """The entity facet as a Whoosh facet type: counted while the search itself
    collects its matches (`groupedby`), from the shared document table, so the
    query is not run a second time to learn which documents matched."""

    maptype = sorting.Count

    def categorizer(self, global_searcher: Searcher) -> sorting.Categorizer:
        return _EntityCategorizer(entity_lists(global_searcher))

    def default_name(self) -> str:
        return "entity"


class _EntityCategorizer(sorting.Categorizer):
    allow_overlap = True

    def __init__(self, lists: dict[int, list[str]]) -> None:
        self.lists = lists
        self.offset = 0

    def set_searcher(self, segment_searcher: Searcher, docoffset: int) -> None:
        self.offset = docoffset

    def keys_for(self, matcher: object, segment_docnum: int) -> list[str]:
        return self.lists.get(self.offset + segment_docnum, [])


def facet_counts(counts: dict[str, int], aliases: AliasResolver, size: int = FACET_SIZE) -> list[EntityCount]:
    """The `size` entities named by the most matching articles, with their labels."""
    facets = []
    for entity_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]:
        entity = aliases.entity(entity_id)
        if entity is not None:
            facets.append(EntityCount(entity_id, entity.label_en, entity.label_ar, count, entity.type))
    return facets
