"""What a search returns: Results (one page of Hits plus totals) and Hit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from search.entity_facets import EntityCount

if TYPE_CHECKING:  # timeline.py reads facets.py, which imports FacetValue from here
    from search.timeline import Timeline


@dataclass(frozen=True)
class QueryEntity:
    """An entity the query named, and the form it used (the query `ISIS` names isis)."""

    id: str
    label_en: str
    label_ar: str
    form: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "label_en": self.label_en, "label_ar": self.label_ar, "form": self.form}


@dataclass(frozen=True)
class Similar:
    """A copy of a hit's story (the same wire story on another site), folded under the hit."""

    id: str
    source: str
    url: str
    published: datetime | None
    title: str = ""
    lang: str = ""
    dateline: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source or None,
            "url": self.url or None,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "lang": self.lang,
        }


@dataclass(frozen=True)
class Hit:
    """One matching article. `snippet` and `title_html` are HTML-safe, matches in <mark>."""

    id: str
    score: float
    title: str
    snippet: str
    lang: str
    published: datetime | None
    source: str
    url: str
    dateline: str = ""
    title_html: str = ""
    entities: tuple[str, ...] = ()  # every entity the article names (canonical ids)
    matched_entities: tuple[str, ...] = ()  # those the query asked for
    similar: tuple[Similar, ...] = ()  # copies of its story folded under it (results collapse)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 4),
            "title": self.title,
            "title_html": self.title_html,
            "snippet": self.snippet,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline or None,
            "source": self.source or None,
            "url": self.url or None,
            "entities": list(self.entities),
            "matched_entities": list(self.matched_entities),
            "similar": [copy.to_dict() for copy in self.similar],
        }


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet (a language, a source, a month "2025-12", an entity id)
    with the number of matching articles; `selected` when the search filters on it."""

    value: str
    label: str
    count: int
    selected: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label, "count": self.count, "selected": self.selected}


@dataclass
class Results:
    """One page of hits. `total` counts every matching article, `stories` the stories
    they make (copies of one story count once); when `collapse`, the pages are of
    stories, each hit with its copies in `similar`. `relaxed` says the query
    fell back from all-words to any-word because all-words found nothing."""

    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit] = field(default_factory=list)
    relaxed: bool = False
    took_ms: float = 0.0
    sort: str = "relevance"
    message: str = ""  # why nothing was searched ("only stopwords", ...), for the UI
    query_entities: list[QueryEntity] = field(default_factory=list)  # entities the query named
    entities: list[EntityCount] = field(default_factory=list)  # entity facet of the whole result set
    # 0 when `entities` counts every match; else the entities were counted over
    # this many best matches only (the Xapian backend, search/backends/xapian).
    entities_over: int = 0
    # Counts over every match (facets.py): "lang", "source", "month" ("YYYY-MM"), "entity".
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    timeline: Timeline | None = None  # matches per period and language (timeline.py), if dated
    suggestion: str | None = None  # "did you mean": a spelling the index knows (suggest.py)
    corrected_from: str | None = None  # the query as typed, when `query` is its correction
    stories: int = -1  # matching stories (== total when nothing folds); -1 until counted: total
    collapse: bool = True  # whether copies of a story were folded under one hit

    def __post_init__(self) -> None:
        if self.stories < 0:
            self.stories = self.total

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, position: int) -> Hit:
        return self.hits[position]

    @property
    def pages(self) -> int:
        shown = self.stories if self.collapse else self.total
        return -(-shown // self.limit) if self.limit else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "limit": self.limit,
            "sort": self.sort,
            "relaxed": self.relaxed,
            "took_ms": round(self.took_ms, 2),
            "message": self.message or None,
            "stories": self.stories,
            "collapse": self.collapse,
            "query_entities": [entity.to_dict() for entity in self.query_entities],
            "entities": [entity.to_dict() for entity in self.entities],
            "entities_over": self.entities_over,
            "hits": [hit.to_dict() for hit in self.hits],
            "facets": {name: [value.to_dict() for value in values] for name, values in self.facets.items()},
            "timeline": self.timeline.to_dict() if self.timeline else None,
            "suggestion": self.suggestion,
            "corrected_from": self.corrected_from,
        }
