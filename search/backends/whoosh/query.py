"""A query plan (search/query/plan.py) as Whoosh query objects, node for node."""

from __future__ import annotations

from whoosh import matching
from whoosh import query as wq

from search.query import plan as qp


class BestOfMatcher(matching.DisjunctionMaxMatcher):
    """The best sub-score of the sub-matchers on the current document.

    Whoosh's DisjunctionMaxMatcher takes the max over both sub-matchers without
    checking that both are on the current document, so an article that only one
    sub-query matches got the other's score for another article (a name's weak
    transliteration scored as high as the word itself), and its replace() drops
    both sub-matchers when one runs out.
    """

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        a_id, b_id = a.id(), b.id()
        if a_id != b_id:
            return a.score() if a_id < b_id else b.score()
        return max(a.score(), b.score())

    def replace(self, minquality: float = 0) -> matching.Matcher:
        # A score is one sub-matcher's, never a sum: each may drop what cannot reach minquality.
        a = self.a.replace(minquality) if self.a.is_active() else self.a
        b = self.b.replace(minquality) if self.b.is_active() else self.b
        if not a.is_active():
            return b if b.is_active() else matching.NullMatcher()
        if not b.is_active():
            return a
        if a is not self.a or b is not self.b:
            return self.__class__(a, b, tiebreak=self.tiebreak)
        return self


class BestOf(wq.DisjunctionMax):
    """DisjunctionMax with a matcher that scores each document by its own sub-scores."""

    def _matcher(self, subs, searcher, context):  # Whoosh's signature
        reader = searcher.reader()
        return self._tree_matcher(
            subs, BestOfMatcher, searcher, context, lambda q: q.estimate_size(reader), tiebreak=self.tiebreak
        )


def to_whoosh(plan: qp.Plan) -> wq.Query:
    """The Whoosh query that runs `plan`."""
    if isinstance(plan, qp.Term):
        return wq.Term(plan.field, plan.text, boost=plan.boost)
    if isinstance(plan, qp.Phrase):
        return wq.Phrase(plan.field, list(plan.words), boost=plan.boost)
    if isinstance(plan, qp.AllOf):
        return wq.And([to_whoosh(part) for part in plan.parts])
    if isinstance(plan, qp.AnyOf):
        return wq.Or([to_whoosh(part) for part in plan.parts])
    if isinstance(plan, qp.BestOf):
        return BestOf([to_whoosh(part) for part in plan.parts])
    if isinstance(plan, qp.Exclude):
        return wq.Not(to_whoosh(plan.part))
    if isinstance(plan, qp.Everything):
        return wq.Every()
    if isinstance(plan, qp.Nothing):
        return wq.NullQuery
    raise TypeError(f"not a query plan node: {plan!r}")
