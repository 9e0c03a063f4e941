"""A query plan (search/query/plan.py) as Whoosh query objects, node for node."""

from __future__ import annotations

from whoosh import matching
from whoosh import query as wq

from search.query import plan as qp


class BestOfMatcher(matching.DisjunctionMaxMatcher):
    """The best sub-score of the sub-matchers on the current document; with `alone`, a
    sub-matcher on a document the other is not on scores its factor of its score.

    Whoosh's DisjunctionMaxMatcher takes the max over both sub-matchers without
    checking that both are on the current document, so an article that only one
    sub-query matches got the other's score for another article (a name's weak
    transliteration scored as high as the word itself), and its replace() drops
    both sub-matchers when one runs out.
    """

    def __init__(
        self,
        a: matching.Matcher,
        b: matching.Matcher,
        tiebreak: float = 0.0,
        alone: tuple[float, float] = (1.0, 1.0),
    ) -> None:
        super().__init__(a, b, tiebreak=tiebreak)
        self.alone = alone

    def copy(self) -> matching.Matcher:
        return self.__class__(self.a.copy(), self.b.copy(), tiebreak=self.tiebreak, alone=self.alone)

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return b.score() * self.alone[1]
        if not b.is_active():
            return a.score() * self.alone[0]
        a_id, b_id = a.id(), b.id()
        if a_id != b_id:
            return a.score() * self.alone[0] if a_id < b_id else b.score() * self.alone[1]
        return max(a.score(), b.score())

    def replace(self, minquality: float = 0) -> matching.Matcher:
        # A score is one sub-matcher's, never a sum: each may drop what cannot reach minquality.
        a = self.a.replace(minquality) if self.a.is_active() else self.a
        b = self.b.replace(minquality) if self.b.is_active() else self.b
        if not a.is_active():
            return _scaled(b, self.alone[1]) if b.is_active() else matching.NullMatcher()
        if not b.is_active():
            return _scaled(a, self.alone[0])
        if a is not self.a or b is not self.b:
            return self.__class__(a, b, tiebreak=self.tiebreak, alone=self.alone)
        return self


def _scaled(matcher: matching.Matcher, factor: float) -> matching.Matcher:
    return matcher if factor == 1.0 else matching.WrappingMatcher(matcher, boost=factor)


class AloneShared(wq.compound.BinaryQuery):
    """Two queries: where both match, the better score; where one matches alone, its
    `alone` factor of its score (search/query/plan.py BestOf)."""

    JOINT = " BESTOF "

    def __init__(self, a: wq.Query, b: wq.Query, alone: tuple[float, float]) -> None:
        super().__init__(a, b)
        self.alone = alone

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "alone", None) == self.alone

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.alone))

    def normalize(self) -> wq.Query:
        return self.__class__(self.a.normalize(), self.b.normalize(), self.alone)

    def matcher(self, searcher, context=None) -> matching.Matcher:  # Whoosh's signature
        first, second = self.a.matcher(searcher, context), self.b.matcher(searcher, context)
        return BestOfMatcher(first, second, alone=self.alone)


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
    if isinstance(plan, qp.BestOf) and plan.alone:
        first, second = plan.parts
        return AloneShared(to_whoosh(first), to_whoosh(second), plan.alone)
    if isinstance(plan, qp.BestOf):
        return BestOf([to_whoosh(part) for part in plan.parts])
    if isinstance(plan, qp.WithBonus):
        return wq.AndMaybe(to_whoosh(plan.part), to_whoosh(plan.bonus))
    if isinstance(plan, qp.Exclude):
        return wq.Not(to_whoosh(plan.part))
    if isinstance(plan, qp.Everything):
        return wq.Every()
    if isinstance(plan, qp.Nothing):
        return wq.NullQuery
    raise TypeError(f"not a query plan node: {plan!r}")
