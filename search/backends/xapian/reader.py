"""Searching one Xapian database: BM25 ranking, exact totals, facet counts from match spies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xapian

from search.backends import MAX_SIMILAR, Filters, Found, StoredHit
from search.backends.xapian.query import filter_query, to_xapian
from search.backends.xapian.terms import (
    COLLAPSE,
    ENTITY_IDS,
    FACET_SLOTS,
    NEWEST,
    OLDEST,
    PREFIXES,
    key_term,
    stored,
    term,
)
from search.query.plan import Plan

# Okapi BM25. k1 0.9 (Whoosh's BM25F uses 1.2) was better on every development collection,
# by 0.0015-0.0025 MRR@10; b as Whoosh's (docs/evaluation.md, scripts/tune_bm25.py).
K1, B = 0.9, 0.75
# Entities are counted over at most this many of the best matches: one document
# read per match, so not over all 100,000 matches of a common word.
ENTITY_SAMPLE = 1_000


class XapianReader:
    """One thread's Xapian database handle (Xapian objects are not shared between threads).

    A reader over shared databases (a cluster's shards, search/backends/cluster/)
    sets `scope`, a term every article of its generation has, and counts
    entities exactly with a match spy (`exact_entities`): each article read
    over the network costs a round trip.
    """

    scope = ""
    exact_entities = False

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = self.connect()

    def connect(self) -> xapian.Database:
        return xapian.Database(str(self.folder))

    def find(
        self, plan: Plan, filters: Filters, sort: str, offset: int, limit: int, collapse: bool = False
    ) -> Found:
        try:
            return self._find(plan, filters, sort, offset, limit, collapse)
        except xapian.DatabaseModifiedError:
            self.db.reopen()  # a writer committed twice while this read an old revision
            return self._find(plan, filters, sort, offset, limit, collapse)

    def _find(
        self, plan: Plan, filters: Filters, sort: str, offset: int, limit: int, collapse: bool = False
    ) -> Found:
        query = to_xapian(plan)
        restrict = filter_query(filters)
        if restrict is not None:
            query = xapian.Query(xapian.Query.OP_FILTER, query, restrict)
        query = self._scoped(query)
        enquire = self._ranked(query)
        spies = {name: xapian.ValueCountMatchSpy(slot) for name, slot in FACET_SLOTS.items()}
        if self.exact_entities:
            spies["entities"] = xapian.ValueCountMatchSpy(ENTITY_IDS)
        if collapse:
            spies["stories"] = xapian.ValueCountMatchSpy(COLLAPSE)  # its values: the distinct stories
        for spy in spies.values():
            enquire.add_matchspy(spy)
        if sort != "relevance" and self.exact_entities:
            # Over remote shards, spies count some matches twice when the order is by value
            # (measured: 45 for 43 matches): count in relevance order, then sort the page.
            enquire.get_mset(0, 0, self.db.get_doccount())
            enquire.clear_matchspies()
        if sort == "newest":
            enquire.set_sort_by_value_then_relevance(NEWEST, True)
        elif sort == "oldest":
            enquire.set_sort_by_value_then_relevance(OLDEST, False)
        # Every match is checked (exact totals and facet counts); the page is
        # kept, and without an entity spy the best ENTITY_SAMPLE, whose
        # entities are counted.
        if self.exact_entities:
            first = offset
            mset = enquire.get_mset(offset, limit, self.db.get_doccount())
            mset.fetch()  # the page's documents requested together, not one round trip each
        else:
            first = 0
            mset = enquire.get_mset(0, max(offset + limit, ENTITY_SAMPLE), self.db.get_doccount())
        total = mset.get_matches_estimated()
        hits = [
            StoredHit(stored(mset.get_document(rank)), mset.get_hit(rank).weight)
            for rank in range(offset - first, min(offset - first + limit, mset.size()))
        ]
        if self.exact_entities:
            entities, over = _split_id_lists(_counts(spies.pop("entities"))), 0
        else:
            entities, over = _entity_counts(mset), ENTITY_SAMPLE if total > ENTITY_SAMPLE else 0
        stories = sum(1 for _ in spies.pop("stories").values()) if collapse else total
        facets = {name: _counts(spy) for name, spy in spies.items()}
        if stories == total:  # nothing to fold (or not asked to): the window of articles is the one
            return Found(total, hits, facets, entities, over)
        # The counts above are per article; the window of stories is a second pass,
        # collapsed on the story key (copies of one story share it).
        enquire = self._ranked(query)
        enquire.set_collapse_key(COLLAPSE)
        _order(enquire, sort)
        page = enquire.get_mset(offset, limit, self.db.get_doccount())
        # No page.fetch() here: on a collapsed MSet from an offset past 0 it crashed (Xapian 1.4.26).
        leads = [
            (stored(item.document), item.weight, item.collapse_key, item.collapse_count) for item in page
        ]
        folded = [key for _, _, key, count in leads if count]  # stories with other matches
        copies = self._copies(query, sort, folded) if folded else {}
        hits = []
        for fields, weight, key, _ in leads:
            others = tuple(copy for copy in copies.get(key, ()) if copy["id"] != fields["id"])
            hits.append(StoredHit(fields, weight, others[:MAX_SIMILAR]))
        return Found(total, hits, facets, entities, over, stories=stories)

    def _copies(self, query: xapian.Query, sort: str, keys: list[bytes]) -> dict[bytes, list[dict[str, Any]]]:
        """The matches of these stories, in the order of the results, at most MAX_SIMILAR + 1 of
        each (its lead among them): one search for the page (a fresh Enquire: the page's MSet
        still reads through the first one)."""
        stories = xapian.Query(
            xapian.Query.OP_OR, [xapian.Query(key_term("story", key.decode())) for key in keys]
        )
        enquire = self._ranked(xapian.Query(xapian.Query.OP_FILTER, query, stories))
        enquire.set_collapse_key(COLLAPSE, MAX_SIMILAR + 1)
        _order(enquire, sort)
        found: dict[bytes, list[dict[str, Any]]] = {}
        for item in enquire.get_mset(0, (MAX_SIMILAR + 1) * len(keys)):
            found.setdefault(item.collapse_key, []).append(stored(item.document))
        return found

    def _ranked(self, query: xapian.Query) -> xapian.Enquire:
        """A fresh Enquire for `query` over this database, ranked by the tuned BM25."""
        enquire = xapian.Enquire(self.db)
        enquire.set_query(query)
        enquire.set_weighting_scheme(_bm25())
        return enquire

    def _scoped(self, query: xapian.Query) -> xapian.Query:
        if not self.scope:
            return query
        return xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(self.scope))

    def document(self, field: str, value: str) -> dict[str, Any] | None:
        return self._first(key_term(field, value))

    def articles_with_term(self, field: str, text: str, count: int) -> list[dict[str, Any]]:
        enquire = self._ranked(self._scoped(xapian.Query(term(field, text))))
        mset = enquire.get_mset(0, count)
        mset.fetch()
        return [stored(mset.get_document(rank)) for rank in range(mset.size())]

    def articles_with_any(self, field: str, terms: list[str], count: int) -> list[dict[str, Any]]:
        if not terms:
            return []
        enquire = xapian.Enquire(self.db)
        either = xapian.Query(xapian.Query.OP_OR, [xapian.Query(term(field, text)) for text in terms])
        enquire.set_query(self._scoped(either))
        enquire.set_weighting_scheme(xapian.CoordWeight())  # most keys in common first
        mset = enquire.get_mset(0, count)
        mset.fetch()
        return [stored(mset.get_document(rank)) for rank in range(mset.size())]

    def _first(self, text: str) -> dict[str, Any] | None:
        if not self.scope:
            for posting in self.db.postlist(text):
                return stored(self.db.get_document(posting.docid))
            return None
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self._scoped(xapian.Query(text)))
        enquire.set_weighting_scheme(xapian.BoolWeight())
        mset = enquire.get_mset(0, 1)
        return stored(mset.get_document(0)) if mset.size() else None

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        for posting in self.db.postlist(self.scope):
            yield stored(self.db.get_document(posting.docid))

    def doc_count(self) -> int:
        return self.db.get_termfreq(self.scope) if self.scope else self.db.get_doccount()

    def doc_frequency(self, field: str, text: str) -> int:
        return self.db.get_termfreq(term(field, text))

    def frequency_with(self, field: str, text: str, other_field: str, other_text: str) -> tuple[int, int]:
        word = xapian.Query(term(field, text))
        having = self._count(word)
        if not having:
            return 0, 0
        other = xapian.Query(term(other_field, other_text))
        return having, self._count(xapian.Query(xapian.Query.OP_AND, word, other))

    def _count(self, query: xapian.Query) -> int:
        """The exact number of articles `query` matches (every match checked, none weighed)."""
        enquire = xapian.Enquire(self.db)
        enquire.set_query(self._scoped(query))
        enquire.set_weighting_scheme(xapian.BoolWeight())
        return enquire.get_mset(0, 0, self.db.get_doccount()).get_matches_estimated()

    def words_with_prefix(self, field: str, prefix: str) -> Iterator[str]:
        start = term(field, prefix)
        cut = len(start) - len(prefix)
        for item in self.db.allterms(start):
            yield item.term.decode()[cut:]

    def words_near(self, field: str, word: str, distance: int, prefix: int) -> set[str]:
        return {
            candidate
            for candidate in self.words_with_prefix(field, word[:prefix])
            if abs(len(candidate) - len(word)) <= distance and _within(candidate, word, distance)
        }

    def up_to_date(self) -> bool:
        self.db.reopen()  # Xapian moves the handle to the newest commit in place
        return True

    def warm(self) -> None:
        self.db.get_doccount()

    def close(self) -> None:
        self.db.close()


def _bm25() -> xapian.BM25Weight:
    """The ranking of every search: Okapi BM25 with the tuned k1 and b (k2 0, k3 1, min_normlen 0.5)."""
    return xapian.BM25Weight(K1, 0, 1, B, 0.5)


def _order(enquire: xapian.Enquire, sort: str) -> None:
    """The order of a collapsed search: the one asked for; by relevance, a tie goes to the
    earliest published (the original copy leads its story)."""
    if sort == "newest":
        enquire.set_sort_by_value_then_relevance(NEWEST, True)
    elif sort == "oldest":
        enquire.set_sort_by_value_then_relevance(OLDEST, False)
    else:
        enquire.set_sort_by_relevance_then_value(OLDEST, False)


def _counts(spy: xapian.ValueCountMatchSpy) -> Counter[str]:
    """The matches per value a spy saw (articles without the value are not a facet value)."""
    return Counter({item.term.decode(): item.termfreq for item in spy.values() if item.term})


def _split_id_lists(lists: Counter[str]) -> Counter[str]:
    """Matches per entity, from matches per list of entity ids ("isis,syria"),
    splitting each distinct list once: articles share their lists."""
    entities: Counter[str] = Counter()
    for ids, count in lists.items():
        for entity in ids.split(","):
            if entity:
                entities[entity] += count
    return entities


def _entity_counts(mset: xapian.MSet) -> Counter[str]:
    """Entity ids over the matches in `mset`, read by rank (the MSet iterator
    builds a Python object per match, twice the cost)."""
    return _split_id_lists(
        Counter(mset.get_document(rank).get_value(ENTITY_IDS).decode() for rank in range(mset.size()))
    )


def _within(first: str, second: str, limit: int) -> bool:
    """Whether the Levenshtein distance of two words is at most `limit` (banded, stops early)."""
    previous = list(range(len(second) + 1))
    for row, left in enumerate(first, start=1):
        current = [row] + [0] * len(second)
        for column, right in enumerate(second, start=1):
            current[column] = min(
                previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (left != right)
            )
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


__all__ = ["PREFIXES", "XapianReader"]
