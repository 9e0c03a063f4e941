"""Facets over the whole matching set: language, source, month; their labels and order.

The counts cover every match, not just the page shown; each backend counts
them its own way (search/backends/), and this module names and orders them.
One more is counted in the same pass but never listed: matches per day and
language (DAY_LANGUAGE), which search/timeline.py turns into the timeline.
Knows nothing about the web: labels here are neutral (English names, "2025-12"
→ "December 2025"); the interface translates them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from search.results import FacetValue

__all__ = ["COUNTED", "DAY_LANGUAGE", "FACETS", "FacetSpec", "FacetValue", "day_language_key", "facet_values"]

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
    (Entities, several per document, are counted in entity_facets.py.)"""

    name: str
    field: str
    label: Callable[[str], str] = str
    limit: int = 20  # values shown; a selected value is always kept
    chronological: bool = False  # newest first instead of most frequent first


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("lang", "lang", language_label),
    FacetSpec("source", "source"),
    FacetSpec("month", "month", month_label, limit=240, chronological=True),
)
# Dated matches per day and language ("2025-12-13|ar"): the timeline's counts (timeline.py).
# Counted with the facets, so summed by month they are the month facet's counts.
DAY_LANGUAGE = FacetSpec("day_lang", "day_lang")
# What a backend counts over every match (search/backends/): the facets and the timeline.
COUNTED: tuple[FacetSpec, ...] = (*FACETS, DAY_LANGUAGE)


def day_language_key(moment: date, lang: str) -> str:
    """The DAY_LANGUAGE value of an article dated `moment` in `lang`: "2025-12-13|ar"."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}|{lang}"


def facet_values(
    counted: Mapping[str, Counter[str]], selected: Mapping[str, str | None]
) -> dict[str, list[FacetValue]]:
    """The facet values a backend counted over the matching documents, most useful first.

    `selected` maps a facet name to the value the request filters on; that
    value is marked and always listed, so the page can offer to remove it.
    """
    facets: dict[str, list[FacetValue]] = {}
    for spec in FACETS:
        # Every facet is listed, empty when nothing matched: the same keys on every backend.
        counts = counted.get(spec.name) or Counter()
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
