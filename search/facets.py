"""Facet counts over the whole matching set: language, source, month.

The counts cover every match, not just the page shown. Each facet field has
a document→value table, built once per index state from the field's postings
(caches.py) and shared by all threads; a search counts the values of its
matching documents (match_sets.py) in one C-level pass. Whoosh's own
`groupedby` counted them through a Python call per document and facet,
which was most of the time of a search for a common word.
Knows nothing about the web: labels here are neutral (English names, "2025-12"
→ "December 2025"); the interface translates them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from whoosh.searching import Searcher

from search import caches
from search.results import FacetValue

__all__ = ["FACETS", "FacetSpec", "FacetValue", "facet_tables", "facet_values"]

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


def facet_tables(searcher: Searcher) -> dict[str, list[str | None]]:
    """Facet name -> the value of each document number (None: no value), per index state."""
    return caches.shared(searcher, "facet_tables", _build_facet_tables)


def _build_facet_tables(searcher: Searcher) -> dict[str, list[str | None]]:
    reader = searcher.reader()
    tables: dict[str, list[str | None]] = {}
    for spec in FACETS:
        if spec.field not in reader.indexed_field_names():
            continue  # an index built before the field existed lacks the facet
        values: list[str | None] = [None] * reader.doc_count_all()
        for docnum, value in caches.document_values(reader, spec.field):
            values[docnum] = value
        tables[spec.name] = values
    return tables


def facet_values(
    searcher: Searcher, docnums: Collection[int], selected: Mapping[str, str | None]
) -> dict[str, list[FacetValue]]:
    """Counted facet values of the matching documents, most useful first.

    `selected` maps a facet name to the value the request filters on; that
    value is marked and always listed, so the page can offer to remove it.
    """
    facets: dict[str, list[FacetValue]] = {}
    tables = facet_tables(searcher)
    for spec in FACETS:
        if spec.name not in tables:
            continue
        counts = Counter(map(tables[spec.name].__getitem__, docnums))
        counts.pop(None, None)
        counts.pop("", None)
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
