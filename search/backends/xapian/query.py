"""A query plan (search/query/plan.py) as a xapian.Query; filters as boolean terms and value ranges."""

from __future__ import annotations

import xapian

from search.backends import Filters
from search.backends.xapian.terms import NEWEST, fits, key_term, term
from search.query import plan as qp


def to_xapian(plan: qp.Plan) -> xapian.Query:
    """The Xapian query that runs `plan`: OP_PHRASE on the positional exact views,
    OP_MAX for a best-of, OP_AND_NOT for exclusions, OP_SCALE_WEIGHT for boosts."""
    if isinstance(plan, qp.Term):
        text = term(plan.field, plan.text)
        if not fits(text):
            return xapian.Query.MatchNothing  # never indexed (terms.py), so never matched
        return _boosted(xapian.Query(text), plan.boost)
    if isinstance(plan, qp.Phrase):
        words = [xapian.Query(term(plan.field, word)) for word in plan.words]
        return _boosted(xapian.Query(xapian.Query.OP_PHRASE, words, len(words)), plan.boost)
    if isinstance(plan, qp.AllOf):
        wanted = [to_xapian(part) for part in plan.parts if not isinstance(part, qp.Exclude)]
        unwanted = [to_xapian(part.part) for part in plan.parts if isinstance(part, qp.Exclude)]
        found = xapian.Query(xapian.Query.OP_AND, wanted) if wanted else xapian.Query.MatchAll
        if unwanted:
            found = xapian.Query(xapian.Query.OP_AND_NOT, found, xapian.Query(xapian.Query.OP_OR, unwanted))
        return found
    if isinstance(plan, qp.AnyOf):
        return xapian.Query(xapian.Query.OP_OR, [to_xapian(part) for part in plan.parts])
    if isinstance(plan, qp.BestOf):
        parts = [to_xapian(part) for part in plan.parts]
        if plan.alone:  # where both match, the better; where one alone, its share
            first, second = parts
            parts = [_alone(first, second, plan.alone[0]), _alone(second, first, plan.alone[1])]
        return xapian.Query(xapian.Query.OP_MAX, parts)
    if isinstance(plan, qp.WithBonus):
        # Not OP_AND_MAYBE: over remote shards (xapian-tcpsrv 1.4.22) it left out a phrase
        # bonus that one database added (tests/backends/cluster/test_same_answers.py).
        part = to_xapian(plan.part)
        bonus = xapian.Query(xapian.Query.OP_FILTER, to_xapian(plan.bonus), part)
        return xapian.Query(xapian.Query.OP_OR, part, bonus)
    if isinstance(plan, qp.Exclude):
        return xapian.Query(xapian.Query.OP_AND_NOT, xapian.Query.MatchAll, to_xapian(plan.part))
    if isinstance(plan, qp.Everything):
        return xapian.Query.MatchAll
    if isinstance(plan, qp.Nothing):
        return xapian.Query.MatchNothing
    raise TypeError(f"not a query plan node: {plan!r}")


def _alone(part: xapian.Query, other: xapian.Query, share: float) -> xapian.Query:
    """`part`'s score where `other` matches too, else `share` of it."""
    if share == 1.0:
        return part
    with_other = xapian.Query(xapian.Query.OP_AND, part, _boosted(other, 0.0))
    return xapian.Query(xapian.Query.OP_MAX, with_other, _boosted(part, share))


def filter_query(filters: Filters) -> xapian.Query | None:
    """The filters as one unscored query (boolean terms and a date value range), or None."""
    parts = [
        xapian.Query(key_term(field, value))
        for field, value in (
            ("lang", filters.lang),
            ("source", filters.source),
            ("month", filters.month),
            ("entities", filters.entity),
        )
        if value
    ]
    low = xapian.sortable_serialise(filters.since) if filters.since is not None else None
    high = xapian.sortable_serialise(filters.until) if filters.until is not None else None
    if low is not None and high is not None:
        parts.append(xapian.Query(xapian.Query.OP_VALUE_RANGE, NEWEST, low, high))
    elif low is not None:
        parts.append(xapian.Query(xapian.Query.OP_VALUE_GE, NEWEST, low))
    elif high is not None:
        parts.append(xapian.Query(xapian.Query.OP_VALUE_LE, NEWEST, high))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else xapian.Query(xapian.Query.OP_AND, parts)


def _boosted(query: xapian.Query, boost: float) -> xapian.Query:
    return query if boost == 1.0 else xapian.Query(xapian.Query.OP_SCALE_WEIGHT, query, boost)
