"""Every document a query matches, as a set of document numbers.

A result page needs only the best ten matches, but the total and the facet
counts need all of them. Whoosh finds all of them by walking its matchers
one document at a time in Python: a third of a second for a common word in
100,000 articles, most of a search. The queries the compiler builds are
mostly Terms combined by And, Or, DisjunctionMax and Not; their document
sets are unions and intersections of posting lists, which Python's set
operations do in C. Anything else (phrases, ranges) goes to Whoosh's own
matcher, so the set is always the one Whoosh itself would find.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.backends.whoosh.query import AloneShared


def matching(searcher: Searcher, query: wq.Query, restrict: set[int] | None = None) -> set[int]:
    """The documents `query` matches (deleted ones excluded), within `restrict` if given."""
    found = _MatchSets(searcher).of(query)
    return found if restrict is None else found & restrict


class _MatchSets:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader: IndexReader = searcher.reader()
        self._everything: set[int] | None = None

    def everything(self) -> set[int]:
        if self._everything is None:
            self._everything = set(self.reader.all_doc_ids())
        return self._everything

    def of(self, query: wq.Query) -> set[int]:
        if isinstance(query, wq.Term):
            return self._term(query)
        if isinstance(query, (wq.Or, wq.DisjunctionMax)) and not getattr(query, "minmatch", 0):
            return set().union(*(self.of(part) for part in query.subqueries))
        if isinstance(query, AloneShared):
            return self.of(query.a) | self.of(query.b)
        if isinstance(query, wq.And):
            return self._all_of(query.subqueries)
        if isinstance(query, wq.AndMaybe):
            return self.of(query.a)  # what it adds to the score never adds a match
        if isinstance(query, wq.Not):
            return self.everything() - self.of(query.query)
        if isinstance(query, wq.Every) and not query.fieldname:
            return set(self.everything())
        if query is wq.NullQuery:
            return set()
        return set(self.searcher.docs_for_query(query))  # phrases, ranges: Whoosh decides

    def _term(self, query: wq.Term) -> set[int]:
        reader = self.reader
        if query.fieldname not in reader.schema or (query.fieldname, query.text) not in reader:
            return set()
        return set(reader.postings(query.fieldname, query.text).all_ids())

    def _all_of(self, parts: list[wq.Query]) -> set[int]:
        wanted = [self.of(part) for part in parts if not isinstance(part, wq.Not)]
        unwanted = [self.of(part.query) for part in parts if isinstance(part, wq.Not)]
        if wanted:
            wanted.sort(key=len)
            found = wanted[0].intersection(*wanted[1:])
        else:
            found = set(self.everything())
        return found.difference(*unwanted)
