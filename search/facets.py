"""Facet counts over the whole matching set: language, source, month.

The counts are collected by Whoosh in the same pass as the search itself
(`groupedby` with Count maps), so they cover every match, not just the page
shown. Lang, source and month are plain ID fields: Whoosh caches their
doc→value table once per searcher, and the Engine keeps searchers per thread,
so after the first query a facet costs one array lookup per matching document.
Knows nothing about the web: labels here are neutral (English names, "2025-12"
→ "December 2025"); the interface translates them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from whoosh import sorting
from whoosh.searching import Results as WhooshResults
from whoosh.searching import Searcher

from search.results import FacetValue

__all__ = ["FACETS", "FacetSpec", "FacetValue", "facet_values", "groupings"]

LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}


def language_label(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def month_label(value: str) -> str:
    """ "2025-12" → "December 2025" (the value itself if it is not a month)."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1).strftime("%B %Y")
    except ValueError:
        return value


@dataclass(frozen=True)
class FacetSpec:
    """One facet: the index field it counts, how its values are named and ordered.

    `multivalued` fields (one document, several values: entities) count a
    document once under each of its values.
    """

    name: str
    field: str
    label: Callable[[str], str] = str
    limit: int = 20  # values shown; a selected value is always kept
    chronological: bool = False  # newest first instead of most frequent first
    multivalued: bool = False


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("lang", "lang", language_label),
    FacetSpec("source", "source"),
    FacetSpec("month", "month", month_label, limit=240, chronological=True),
)


def groupings(searcher: Searcher) -> dict[str, sorting.FieldFacet]:
    """The `groupedby` argument for Searcher.search: one counting facet per
    FACETS entry whose field this index has (an index built before a field
    existed simply lacks that facet)."""
    return {
        spec.name: sorting.FieldFacet(spec.field, allow_overlap=spec.multivalued, maptype=sorting.Count)
        for spec in FACETS
        if spec.field in searcher.schema
    }


def facet_values(found: WhooshResults, selected: Mapping[str, str | None]) -> dict[str, list[FacetValue]]:
    """Counted facet values of a finished search, most useful first.

    `selected` maps a facet name to the value the request filters on; that
    value is marked and always listed, so the page can offer to remove it.
    """
    facets: dict[str, list[FacetValue]] = {}
    names = set(found.facet_names())
    for spec in FACETS:
        if spec.name not in names:
            continue
        counts = {str(value): count for value, count in found.groups(spec.name).items() if value}
        chosen = selected.get(spec.name)
        if spec.chronological:
            order = sorted(counts, reverse=True)
        else:
            order = sorted(counts, key=lambda value: (-counts[value], value))
        shown = order[: spec.limit]
        if chosen and chosen in counts and chosen not in shown:
            shown.append(chosen)
        facets[spec.name] = [
            FacetValue(value, spec.label(value), counts[value], value == chosen) for value in shown
        ]
    return facets
