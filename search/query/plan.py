"""The compiled query, as every backend receives it: fields, terms, boosts, and how they combine.

The compiler (compiler.py) decides what to search: which views, which
boosts, how aliases and spelling keys join the words. A backend
(search/backends/) decides only how its engine runs that: Whoosh turns a
plan into `whoosh.query` objects, Xapian into `xapian.Query`. Terms are
already analysed (normalised, stemmed) text, as the index stores them.
"""

from __future__ import annotations

from dataclasses import dataclass


class _Node:
    """Printed in the notation of Whoosh's queries, so tests and logs read as they did."""

    def __str__(self) -> str:
        return describe(self)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Term(_Node):
    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase(_Node):
    """Words in this order, next to each other, in a positional (exact) view."""

    field: str
    words: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class AllOf(_Node):
    parts: tuple[Plan, ...]


@dataclass(frozen=True)
class AnyOf(_Node):
    """Any part matches; the scores of the parts that match are summed."""

    parts: tuple[Plan, ...]


@dataclass(frozen=True)
class BestOf(_Node):
    """Any part matches; the best part's score counts (a disjunction max). With `alone`
    (two parts, a factor each), a part that matches where the other does not counts
    that factor of its score: an entity's articles without the words typed."""

    parts: tuple[Plan, ...]
    alone: tuple[float, float] | None = None


@dataclass(frozen=True)
class WithBonus(_Node):
    """What `part` matches; where `bonus` matches too, its score is added. `bonus` never
    widens the matches, so finding them (totals, facets) never has to evaluate it."""

    part: Plan
    bonus: Plan


@dataclass(frozen=True)
class Exclude(_Node):
    """Not `part`. Inside AllOf it removes matches; alone it is "everything but"."""

    part: Plan


@dataclass(frozen=True)
class Everything(_Node):
    """Every document (the left side of a query made only of exclusions)."""


@dataclass(frozen=True)
class Nothing(_Node):
    """No document (a wildcard that matches no indexed word)."""


Plan = Term | Phrase | AllOf | AnyOf | BestOf | WithBonus | Exclude | Everything | Nothing


def describe(plan: Plan) -> str:
    """`(title:isi^2.0 OR body:isi)`: a plan in Whoosh's query notation."""
    if isinstance(plan, Term):
        return f"{plan.field}:{plan.text}{_boost(plan.boost)}"
    if isinstance(plan, Phrase):
        return f'{plan.field}:"{" ".join(plan.words)}"{_boost(plan.boost)}'
    if isinstance(plan, (AllOf, AnyOf)):
        joiner = " AND " if isinstance(plan, AllOf) else " OR "
        return "(" + joiner.join(map(describe, plan.parts)) + ")"
    if isinstance(plan, BestOf):
        alone = f" alone^{plan.alone[0]},{plan.alone[1]}" if plan.alone else ""
        return "DisMax(" + " ".join(map(describe, plan.parts)) + alone + ")"
    if isinstance(plan, WithBonus):
        return f"({describe(plan.part)} ANDMAYBE {describe(plan.bonus)})"
    if isinstance(plan, Exclude):
        return f"NOT {describe(plan.part)}"
    return "<_>" if isinstance(plan, Everything) else "<null>"


def _boost(boost: float) -> str:
    return "" if boost == 1.0 else f"^{boost}"
