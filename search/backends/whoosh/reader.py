"""Searching one Whoosh index: exact top-N scoring, match sets for totals and facets."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from whoosh import collectors, scoring
from whoosh import query as wq
from whoosh.index import Index
from whoosh.searching import Searcher

from search.backends import MAX_SIMILAR, Filters, Found, StoredHit
from search.backends.whoosh import caches
from search.backends.whoosh.match_sets import matching
from search.backends.whoosh.query import to_whoosh
from search.backends.whoosh.tables import (
    entity_document_counts,
    entity_lists,
    facet_tables,
    story_keys,
    value_counts,
)
from search.query.plan import Plan

# Okapi BM25 per field; titles weigh more through query boosts (query.TITLE_BOOST).
WEIGHTING = scoring.BM25F(B=0.75, K1=1.2)


class WhooshReader:
    """One thread's searcher (Whoosh searchers read files through shared handles)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.searcher: Searcher = caches.attach(index.searcher(weighting=WEIGHTING))

    def find(
        self, plan: Plan, filters: Filters, sort: str, offset: int, limit: int, collapse: bool = False
    ) -> Found:
        """The full match set (for the total and the facets) comes from match_sets,
        posting-list set operations in C; Whoosh scores only the matches."""
        searcher = self.searcher
        query = to_whoosh(plan)
        restrict = _filter(filters)
        allowed = matching(searcher, restrict) if restrict is not None else None
        matched = matching(searcher, query, allowed)
        if not matched:
            return Found(0)
        window = offset + limit
        stories = len(set(map(story_keys(searcher).__getitem__, matched))) if collapse else len(matched)
        if stories < len(matched):  # some matches are copies of one story: a window of stories
            hits = self._stories(query, allowed, sort, offset, window)
        else:
            hits = self._articles(query, allowed, sort, offset, window)
        return Found(
            len(matched),
            hits,
            value_counts(searcher, matched),
            entity_document_counts(searcher, matched),
            stories=stories,
        )

    def _articles(
        self, query: wq.Query, allowed: Any, sort: str, offset: int, window: int
    ) -> list[StoredHit]:
        searcher = self.searcher
        if sort in ("newest", "oldest"):
            found = self._by_date(query, allowed, sort, window)
        else:
            # Whoosh's default top-N collector swaps in a "cheaper" matcher as its
            # threshold rises, and on a multi-segment index that loses hits: a page
            # missed its best-scoring article. Scoring every match, with no block
            # skipping and no swaps, is exact (and the one pass that remains).
            collector: collectors.Collector = collectors.TopCollector(window, usequality=False, replace=0)
            if allowed is not None:
                collector = collectors.FilterCollector(collector, allow=allowed)
            searcher.search_with_collector(query, collector)
            found = collector.results()
        return [StoredHit(hit.fields(), hit.score or 0.0) for hit in found[offset:window]]

    def _stories(self, query: wq.Query, allowed: Any, sort: str, offset: int, window: int) -> list[StoredHit]:
        """Stories `offset` to `window`: every match in order (each scored), grouped by story;
        the first of each story leads, its other copies follow it as `similar`."""
        searcher = self.searcher
        if sort in ("newest", "oldest"):
            found = self._by_date(query, allowed, sort, None)
            order = [(score or 0.0, docnum) for docnum, score in found.items()]
        else:
            found = searcher.search(query, limit=None, filter=allowed)
            scored = sorted(((score or 0.0, docnum) for docnum, score in found.items()), key=_best_first)
            order = self._earliest_on_ties(scored)
        keys = story_keys(searcher)
        groups: dict[str | int, list[tuple[float, int]]] = {}
        for score, docnum in order:
            groups.setdefault(keys[docnum], []).append((score, docnum))
        hits = []
        for group in list(groups.values())[offset:window]:
            (score, lead), copies = group[0], group[1 : MAX_SIMILAR + 1]
            similar = tuple(searcher.stored_fields(docnum) for _, docnum in copies)
            hits.append(StoredHit(searcher.stored_fields(lead), score or 0.0, similar))
        return hits

    def _by_date(self, query: wq.Query, allowed: Any, sort: str, limit: int | None) -> Any:
        """The first `limit` matches (None: all), newest or oldest first."""
        newest = sort == "newest"
        key = "newest_key" if newest else "oldest_key"
        return self.searcher.search(query, limit=limit, filter=allowed, sortedby=key, reverse=newest)

    def _earliest_on_ties(self, scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """Most relevant first, and among equal scores the earliest published (the original
        copy; undated last): their stored dates are read only for ties, which are rare."""
        order: list[tuple[float, int]] = []
        for _, tied in groupby(scored, key=lambda pair: pair[0]):
            run = list(tied)
            if len(run) > 1:
                stored = self.searcher.stored_fields
                published = {docnum: stored(docnum).get("published") for _, docnum in run}
                run.sort(key=lambda pair: (not published[pair[1]], published[pair[1]] or "", pair[1]))
            order.extend(run)
        return order

    def document(self, field: str, value: str) -> dict[str, Any] | None:
        return self.searcher.document(**{field: value})

    def articles_with_term(self, field: str, term: str, count: int) -> list[dict[str, Any]]:
        return [hit.fields() for hit in self.searcher.search(wq.Term(field, term), limit=count)]

    def articles_with_any(self, field: str, terms: list[str], count: int) -> list[dict[str, Any]]:
        if field not in self.searcher.schema or not terms:
            return []  # an index made before the field
        query = wq.Or([wq.Term(field, term) for term in terms])
        return [hit.fields() for hit in self.searcher.search(query, limit=count)]

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        return self.searcher.all_stored_fields()

    def doc_count(self) -> int:
        return self.searcher.doc_count()

    def doc_frequency(self, field: str, term: str) -> int:
        return self.searcher.doc_frequency(field, term)

    def words_with_prefix(self, field: str, prefix: str) -> Iterator[str]:
        reader = self.searcher.reader()
        if field not in reader.indexed_field_names():
            return
        for term in reader.expand_prefix(field, prefix):
            yield term.decode("utf-8") if isinstance(term, bytes) else term

    def words_near(self, field: str, word: str, distance: int, prefix: int) -> set[str]:
        found: set[str] = set()
        for leaf, _ in self.searcher.reader().leaf_readers():
            found.update(leaf.terms_within(field, word, distance, prefix=prefix))
        return found

    def up_to_date(self) -> bool:
        return self.searcher.up_to_date()

    def warm(self) -> None:
        entity_lists(self.searcher)
        facet_tables(self.searcher)

    def close(self) -> None:
        self.searcher.close()


def _best_first(pair: tuple[float, int]) -> tuple[float, int]:
    return -pair[0], pair[1]


def _filter(filters: Filters) -> wq.Query | None:
    parts: list[wq.Query] = []
    if filters.lang:
        parts.append(wq.Term("lang", filters.lang))
    if filters.source:
        parts.append(wq.Term("source", filters.source))
    if filters.since is not None or filters.until is not None:
        parts.append(wq.NumericRange("newest_key", filters.since, filters.until))
    if filters.month:
        parts.append(wq.Term("month", filters.month))
    if filters.entity:
        parts.append(wq.Term("entities", filters.entity))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
