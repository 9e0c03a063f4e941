"""Queries: parse what a reader types, expand entity aliases, compile into a plan for a backend.

tree.py (the nodes) <- parser.py (text to tree) <- expansion.py (aliases) <- compiler.py
(tree to plan.py's nodes, asking spelling.py which spellings of a name articles use); each
backend (search/backends/) runs a plan in its own engine.
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
