"""Searching one Whoosh index: exact top-N scoring, match sets for totals and facets."""

from __future__ import annotations

from collections import Counter
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
# Matches read at first to find a window of stories (four times the window if more); read
# again four times as many while they hold fewer stories than the window.
STORY_DEPTH = 100


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
            hits = self._stories(query, allowed, matched, sort, offset, window)
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
        if sort in ("newest", "oldest"):
            found = self._by_date(query, allowed, sort, window)
        else:
            found = self._top(query, allowed, window)
        return [StoredHit(hit.fields(), hit.score or 0.0) for hit in found[offset:window]]

    def _top(self, query: wq.Query, allowed: Any, count: int) -> Any:
        """The `count` best matches, every match scored exactly. Whoosh's default top-N
        collector swaps in a "cheaper" matcher as its threshold rises, and on a
        multi-segment index that loses hits: a page missed its best-scoring article.
        Scoring every match, with no block skipping and no swaps, is exact."""
        collector: collectors.Collector = collectors.TopCollector(count, usequality=False, replace=0)
        if allowed is not None:
            collector = collectors.FilterCollector(collector, allow=allowed)
        self.searcher.search_with_collector(query, collector)
        return collector.results()

    def _stories(
        self, query: wq.Query, allowed: Any, matched: set[int], sort: str, offset: int, window: int
    ) -> list[StoredHit]:
        """Stories `offset` to `window`, each led by its first match in the order asked for, its
        other matching copies following it as `similar`. The stories come from the best matches
        only (more of them while too few stories are found), their copies from a second
        search restricted to those stories' articles: a common word's every match is scored
        once, as for a page of articles, but never stored, sorted or grouped."""
        keys = story_keys(self.searcher)
        depth = max(4 * window, STORY_DEPTH)
        while True:
            order, complete = self._best(query, allowed, sort, depth, len(matched))
            page = list(dict.fromkeys(keys[docnum] for _, docnum in order))
            if complete or len(page) >= window:
                break
            depth *= 4
        page = page[offset:window]
        if not page:
            return []
        members = self._members(page) & matched
        if sort in ("newest", "oldest"):
            copies = self._best(query, members, sort, len(members), len(members))[0]
        else:
            copies = self._earliest_on_ties(sorted(self._scores_of(query, members), key=_best_first))
        groups: dict[str | int, list[int]] = {key: [] for key in page}
        scores: dict[int, float] = {}
        for score, docnum in copies:
            groups[keys[docnum]].append(docnum)
            scores[docnum] = score
        stored = self.searcher.stored_fields
        return [
            StoredHit(stored(lead), scores[lead], tuple(stored(docnum) for docnum in others[:MAX_SIMILAR]))
            for lead, *others in (group for group in groups.values() if group)
        ]

    def _best(
        self, query: wq.Query, allowed: Any, sort: str, depth: int, matches: int
    ) -> tuple[list[tuple[float, int]], bool]:
        """The first `depth` matches in the order asked for, as (score, document number), and
        whether they are all of them. By relevance, a run of equal scores cut at `depth` is
        left out: its earliest copy, which must lead on a tie, may be the one not read."""
        if sort in ("newest", "oldest"):
            found = self._by_date(query, allowed, sort, depth)
            order = [(score or 0.0, docnum) for docnum, score in found.items()]
            return order, len(order) >= matches
        found = self._top(query, allowed, depth)
        scored = sorted(((score or 0.0, docnum) for docnum, score in found.items()), key=_best_first)
        complete = len(scored) >= matches
        if not complete and scored:
            last = scored[-1][0]
            scored = [pair for pair in scored if pair[0] != last]
        return self._earliest_on_ties(scored), complete

    def _scores_of(self, query: wq.Query, docnums: set[int]) -> list[tuple[float, int]]:
        """The scores of these matches of `query`, each matcher skipping straight to them
        (a search, even filtered to them, walks every match)."""
        searcher, scored = self.searcher, []
        context = searcher.context()
        wanted = sorted(docnums)
        for leaf, offset in searcher.leaf_searchers():
            limit = offset + leaf.doc_count_all()
            local = [docnum - offset for docnum in wanted if offset <= docnum < limit]
            matcher = query.matcher(leaf, context) if local else None
            for docnum in local:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if matcher.is_active() and matcher.id() == docnum:
                    scored.append((matcher.score() or 0.0, docnum + offset))
        return scored

    def _members(self, keys: list[str | int]) -> set[int]:
        """Every article of these stories (a key that is a document number: that article alone,
        from an index made before stories)."""
        reader = self.searcher.reader()
        found = {key for key in keys if isinstance(key, int)}
        for key in keys:
            if isinstance(key, str) and ("story", key) in reader:
                found.update(reader.postings("story", key).all_ids())
        return found

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
        """Those sharing most of the terms first, counted from the posting lists (a search
        for an article's band keys cost more than comparing it with what it finds)."""
        reader = self.searcher.reader()
        if field not in reader.indexed_field_names() or not terms:
            return []  # an index made before the field, or without a word in it
        shared: Counter[int] = Counter()
        for text in terms:
            if (field, text) in reader:
                shared.update(reader.postings(field, text).all_ids())
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:count]
        return [self.searcher.stored_fields(docnum) for docnum, _ in best]

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        return self.searcher.all_stored_fields()

    def doc_count(self) -> int:
        return self.searcher.doc_count()

    def doc_frequency(self, field: str, term: str) -> int:
        if field not in self.searcher.schema:
            return 0  # an index built before the field was (consonants): it has none
        return self.searcher.doc_frequency(field, term)

    def frequency_with(self, field: str, term: str, other_field: str, other_term: str) -> tuple[int, int]:
        schema = self.searcher.schema
        if field not in schema:
            return 0, 0
        having = matching(self.searcher, wq.Term(field, term))
        if not having or other_field not in schema:  # an index built before the field was
            return len(having), 0
        return len(having), len(matching(self.searcher, wq.Term(other_field, other_term), restrict=having))

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
