"""Which entities a result set names, and how many of its articles name each: labelled and ordered.

The counts come from the backend (search/backends/); this module keeps the
most named ones and labels them in both languages from the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def facet_counts(counts: dict[str, int], aliases: AliasResolver, size: int = FACET_SIZE) -> list[EntityCount]:
    """The `size` entities named by the most matching articles, with their labels."""
    facets = []
    for entity_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]:
        entity = aliases.entity(entity_id)
        if entity is not None:
            facets.append(EntityCount(entity_id, entity.label_en, entity.label_ar, count, entity.type))
    return facets
