"""Parse what a reader types into a query tree; forgiving by design.

Syntax (docs/query-syntax.md): words are all required; `OR`, `AND`, `NOT`,
`-word`, `+word`, parentheses, "quoted phrases", `word*` prefixes, and the
fields `title:`, `source:`, `lang:`. Nothing a reader types raises: an
unbalanced quote or parenthesis is dropped, an unknown `field:` is read as
plain words. The one exception is nesting: parentheses deeper than
MAX_NESTING are refused with InvalidParameterError (a 400 naming q on the
web), because every layer below the parser walks the tree recursively.
"""

from __future__ import annotations

import re

from search.errors import InvalidParameterError
from search.query.tree import KNOWN_FIELDS, And, Node, Not, Or, Phrase, Wildcard, Word

# Deeper than any query a person writes, and far below Python's recursion
# limit once the expansion, compiler and Whoosh have each walked the tree.
MAX_NESTING = 32

_TOKEN = re.compile(
    r'(?P<phrase>"[^"]*")'
    r"|(?P<open>\()|(?P<close>\))"
    r"|(?P<field>[A-Za-z]+):(?=\S)"
    r"|(?P<prefix>[-+])(?=[^\s\-+])"  # -word, +word, -"phrase", -(group), -title:x
    r'|(?P<word>[^\s()"]+)'
)


def _lex(text: str) -> list[tuple[str, str]]:
    # An odd number of quotes: the last one has no partner, so drop it.
    if text.count('"') % 2:
        cut = text.rfind('"')
        text = text[:cut] + " " + text[cut + 1 :]
    return [(match.lastgroup or "", match.group()) for match in _TOKEN.finditer(text)]


class _Parser:
    """Recursive descent over the lexed query; forgiving by design."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def parse(self) -> Node | None:
        nodes = []
        while self.peek() is not None:
            node = self.parse_or()
            if node is not None:
                nodes.append(node)
            elif self.peek() is not None:
                self.take()  # a stray ")" at the top level: ignore it
        return _combine_and(nodes)

    def parse_or(self) -> Node | None:
        options = [self.parse_and()]
        while self.peek() == ("word", "OR"):
            self.take()
            options.append(self.parse_and())
        options = [option for option in options if option is not None]
        if len(options) > 1:
            return Or(tuple(options))
        return options[0] if options else None

    def parse_and(self) -> Node | None:
        nodes: list[Node] = []
        explicit = False
        while (token := self.peek()) is not None and token != ("word", "OR") and token[0] != "close":
            if token == ("word", "AND"):
                self.take()
                explicit = True
                continue
            node = self.parse_unary()
            if node is not None:
                nodes.append(node)
        return _combine_and(nodes, implicit=not explicit)

    def parse_unary(self) -> Node | None:
        # A run of signs and NOTs is read in a loop, not by recursion, so
        # `NOT NOT NOT ... a` of any length costs no stack: NOT NOT a is a.
        negated = False
        kind, text = self.take()
        while kind == "prefix" or (kind == "word" and text == "NOT"):
            negated ^= text != "+"
            if self.peek() is None:
                return None
            kind, text = self.take()
        node = self.parse_primary(kind, text)
        return Not(node) if negated and node is not None else node

    def parse_primary(self, kind: str, text: str) -> Node | None:
        if kind == "phrase":
            return Phrase(text[1:-1]) if text[1:-1].strip() else None
        if kind == "open":
            inner = self.parse_or()
            if self.peek() is not None and self.peek()[0] == "close":
                self.take()
            return inner
        if kind == "close":
            return None  # unbalanced: ignore
        if kind == "field":
            return self.parse_field(text[:-1].lower(), text)
        return _word(text)

    def parse_field(self, name: str, written: str) -> Node | None:
        if self.peek() is None:
            return Word(written[:-1])
        kind, value = self.take()
        if name not in KNOWN_FIELDS:
            # Unknown field: read "foo:bar" as the words foo and bar.
            rest = self.parse_primary(kind, value)
            return _combine_and([Word(written[:-1]), rest] if rest is not None else [Word(written[:-1])])
        if kind == "phrase":
            return Phrase(value[1:-1], name) if value[1:-1].strip() else None
        if kind == "word":
            word = _word(value)
            return type(word)(word.prefix if isinstance(word, Wildcard) else word.text, name)
        if kind == "open":
            inner = self.parse_or()
            if self.peek() is not None and self.peek()[0] == "close":
                self.take()
            return _with_field(inner, name) if inner is not None else None
        return None


def _word(text: str) -> Word | Wildcard:
    """A word, or a prefix when it ends in * (`syr*`, `سور*`)."""
    return Wildcard(text.rstrip("*")) if text.endswith("*") else Word(text)


def _combine_and(nodes: list[Node], implicit: bool = True) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes), implicit)


def _with_field(node: Node, name: str) -> Node:
    if isinstance(node, (Word, Phrase)):
        return type(node)(node.text, name)
    if isinstance(node, Wildcard):
        return Wildcard(node.prefix, name)
    if isinstance(node, Not):
        return Not(_with_field(node.child, name))
    children = tuple(_with_field(child, name) for child in node.children)
    return And(children, node.implicit) if isinstance(node, And) else Or(children)


def nesting(tokens: list[tuple[str, str]]) -> int:
    """How deep the parentheses go (an unclosed one counts, a stray close does not)."""
    depth = deepest = 0
    for kind, _ in tokens:
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
    return deepest


def parse(text: str) -> Node | None:
    """The query tree of `text`, or None when it holds nothing to search for.
    Raises InvalidParameterError when parentheses nest over MAX_NESTING deep."""
    tokens = _lex(text)
    depth = nesting(tokens)
    if depth > MAX_NESTING:
        raise InvalidParameterError(
            f"query: parentheses nested {depth} deep, over the limit of {MAX_NESTING}; remove some", "query"
        )
    return _Parser(tokens).parse()
