"""Queries: parse what a reader types, expand entity aliases, compile for Whoosh.

tree.py (the nodes) <- parser.py (text to tree) <- expansion.py (aliases) <- compiler.py (Whoosh).
"""

from __future__ import annotations

from search.query.compiler import ENTITY_BOOST, NAME_BOOST, TITLE_BOOST, Compiled, Compiler
from search.query.expansion import expand
from search.query.parser import parse
from search.query.tree import KNOWN_FIELDS, Alias, And, Name, Node, Not, Or, Phrase, Word, walk

__all__ = [
    "ENTITY_BOOST",
    "KNOWN_FIELDS",
    "NAME_BOOST",
    "TITLE_BOOST",
    "Alias",
    "And",
    "Compiled",
    "Compiler",
    "Name",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Word",
    "expand",
    "parse",
    "walk",
]
