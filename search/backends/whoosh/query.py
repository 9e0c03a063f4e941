"""A query plan (search/query/plan.py) as Whoosh query objects, node for node."""

from __future__ import annotations

from whoosh import query as wq

from search.query import plan as qp


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
        return wq.DisjunctionMax([to_whoosh(part) for part in plan.parts])
    if isinstance(plan, qp.Exclude):
        return wq.Not(to_whoosh(plan.part))
    if isinstance(plan, qp.Everything):
        return wq.Every()
    if isinstance(plan, qp.Nothing):
        return wq.NullQuery
    raise TypeError(f"not a query plan node: {plan!r}")
