"""Which entities a result set names, and how many of its articles name each.

Whoosh's overlapping facets rebuild a document-to-values table on every
search; here it is built once per searcher (so once per index change) from
the postings of the `entities` field, and each search only counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.searching import Searcher

from search.aliases.resolver import AliasResolver

FACET_SIZE = 20
_CACHE_ATTRIBUTE = "_news_search_entity_lists"


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
    """Document number -> entity ids, cached on the searcher."""
    cached = getattr(searcher, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = {}
        reader = searcher.reader()
        if "entities" in reader.indexed_field_names():
            for term in reader.lexicon("entities"):
                entity = term.decode("utf-8")
                for docnum in reader.postings("entities", term).all_ids():
                    cached.setdefault(docnum, []).append(entity)
        setattr(searcher, _CACHE_ATTRIBUTE, cached)
    return cached


def count_entities(
    searcher: Searcher,
    matched: wq.Query,
    allowed: wq.Query | None,
    aliases: AliasResolver,
    size: int = FACET_SIZE,
) -> list[EntityCount]:
    """The `size` entities named by the most matching articles (after filters)."""
    docs = set(searcher.docs_for_query(matched))
    if allowed is not None:
        docs &= set(searcher.docs_for_query(allowed))
    lists = entity_lists(searcher)
    counts: Counter[str] = Counter()
    for docnum in docs:
        counts.update(lists.get(docnum, ()))
    facets = []
    for entity_id, count in counts.most_common(size):
        entity = aliases.entity(entity_id)
        if entity is not None:
            facets.append(EntityCount(entity_id, entity.label_en, entity.label_ar, count, entity.type))
    return facets
