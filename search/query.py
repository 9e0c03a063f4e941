"""Parse what a reader types into a query tree, expand entity aliases, compile for Whoosh.

Syntax (docs/query-syntax.md): words are all required; `OR`, `AND`, `NOT`,
`-word`, `+word`, parentheses, "quoted phrases" (exact, unstemmed forms),
and the fields `title:`, `source:`, `lang:`. Nothing a reader types raises:
an unbalanced quote or parenthesis is dropped, an unknown `field:` is read as
plain words.

Aliases (docs/aliases.md): words that name a lexicon entity match as written
OR through the entity id, so `ISIS` finds articles that say داعش; a person
name no lexicon lists also matches through its spelling keys, weighted low.
Quoted phrases are never expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whoosh import query as wq

from search.analysis.bilingual import View, terms
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize

if TYPE_CHECKING:
    from search.aliases.resolver import AliasResolver

KNOWN_FIELDS = ("title", "source", "lang")
TITLE_BOOST = 2.0
ENTITY_BOOST = 1.0  # an article that names the entity in another language
NAME_BOOST = 0.3  # spelling-key matches rank below exact and curated ones


# --- the tree ------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    implicit: bool = True  # juxtaposed words (relaxable), not an explicit AND


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Alias:
    """Words that name a lexicon entity: matched as written, or by the entity id."""

    words: tuple[Word, ...]
    entity: str
    form: str  # the lexicon form the words matched


@dataclass(frozen=True)
class Name:
    """A person name no lexicon lists: matched as written, or by its spelling keys."""

    word: Word
    keys: tuple[str, ...]


Node = Word | Phrase | Not | And | Or | Alias | Name


# --- parsing -------------------------------------------------------------------

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
        kind, text = self.take()
        if kind == "prefix" or (kind == "word" and text == "NOT"):
            child = self.parse_unary() if self.peek() is not None else None
            if child is None:
                return None
            return child if text == "+" else Not(child)
        return self.parse_primary(kind, text)

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
        return Word(text)

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
            return Word(value, name)
        if kind == "open":
            inner = self.parse_or()
            if self.peek() is not None and self.peek()[0] == "close":
                self.take()
            return _with_field(inner, name) if inner is not None else None
        return None


def _combine_and(nodes: list[Node], implicit: bool = True) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes), implicit)


def _with_field(node: Node, name: str) -> Node:
    if isinstance(node, (Word, Phrase)):
        return type(node)(node.text, name)
    if isinstance(node, Not):
        return Not(_with_field(node.child, name))
    children = tuple(_with_field(child, name) for child in node.children)
    return And(children, node.implicit) if isinstance(node, And) else Or(children)


def parse(text: str) -> Node | None:
    """The query tree of `text`, or None when it holds nothing to search for."""
    return _Parser(_lex(text)).parse()


# --- alias expansion -----------------------------------------------------------


def expand(node: Node | None, aliases: AliasResolver | None) -> Node | None:
    """The tree with entity mentions and unlisted names marked for expansion.

    Runs of plain words (no field, not quoted) are matched against the
    lexicon together, so `Ahmed al-Sharaa` is one mention; a form whose
    common-word sense dominates (الدولة) is left as words.
    """
    if node is None or aliases is None:
        return node
    if isinstance(node, Word):
        expanded = _expand_words([node], aliases)
        return expanded[0] if len(expanded) == 1 else And(tuple(expanded))
    if isinstance(node, Not):
        return Not(expand(node.child, aliases))
    if isinstance(node, Or):
        return Or(tuple(expand(child, aliases) for child in node.children))
    if isinstance(node, And):
        children: list[Node] = []
        run: list[Word] = []
        for child in (*node.children, None):
            if isinstance(child, Word) and child.field is None:
                run.append(child)
                continue
            children += _expand_words(run, aliases)
            run = []
            if child is not None:
                children.append(expand(child, aliases))
        return And(tuple(children), node.implicit)
    return node


def _expand_words(words: list[Word], aliases: AliasResolver) -> list[Node]:
    if not words or words[0].field is not None:
        return list(words)
    text, starts = "", []
    for word in words:
        starts.append(len(text))
        text += word.text + " "
    covered: dict[int, Alias | None] = {}  # None: a common word, left as it is
    for mention in aliases.matcher.mentions(text):
        first = max(i for i, start in enumerate(starts) if start <= mention.start)
        last = max(i for i, start in enumerate(starts) if start < mention.end)
        # الدولة alone means "the state": neither the entity nor a name.
        alias = (
            None
            if mention.common_word
            else Alias(tuple(words[first : last + 1]), mention.entity, mention.form)
        )
        for index in range(first, last + 1):
            covered.setdefault(index, alias)
    nodes: list[Node] = []
    for index, word in enumerate(words):
        if index not in covered:
            nodes.append(_name_or_word(word, aliases))
        elif covered[index] is None:
            nodes.append(word)
        elif not nodes or nodes[-1] is not covered[index]:
            nodes.append(covered[index])
    return nodes


def _name_or_word(word: Word, aliases: AliasResolver) -> Node:
    tokens = list(tokenize(word.text))
    if len(tokens) != 1:
        return word
    keys = aliases.names.keys_for(tokens[0].text, tokens[0].script == SCRIPT_ARABIC)
    return Name(word, keys) if keys else word


# --- compiling for Whoosh ------------------------------------------------------


@dataclass
class Compiled:
    """A Whoosh query plus what the highlighter needs to mark."""

    query: wq.Query | None
    stem_terms: set[str] = field(default_factory=set)
    exact_terms: set[str] = field(default_factory=set)
    typed: set[str] = field(default_factory=set)  # exact forms of the words as typed
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> the form the query used


class Compiler:
    """Turns a query tree into a Whoosh query.

    `relaxed` turns juxtaposed words into alternatives (the fallback when
    requiring every word finds nothing); `exact` searches plain words in the
    unstemmed views, for queries made only of stopwords ("علي", "The Who").
    """

    def __init__(self, relaxed: bool = False, exact: bool = False) -> None:
        self.relaxed = relaxed
        self.exact = exact
        self.result = Compiled(None)

    def compile(self, node: Node | None) -> Compiled:
        compiled = self.visit(node, negated=False) if node is not None else None
        if _only_exclusions(compiled):
            compiled = wq.And([wq.Every(), compiled])  # "-isis": everything but
        self.result.query = compiled
        return self.result

    def visit(self, node: Node, negated: bool) -> wq.Query | None:
        if isinstance(node, Word):
            return self.word(node, negated)
        if isinstance(node, Alias):
            return self.alias(node, negated)
        if isinstance(node, Name):
            return self.name(node, negated)
        if isinstance(node, Phrase):
            return self.phrase(node, negated)
        if isinstance(node, Not):
            inner = self.visit(node.child, not negated)
            return wq.Not(inner) if inner is not None else None
        parts = [part for child in node.children if (part := self.visit(child, negated)) is not None]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        if isinstance(node, Or) or (self.relaxed and node.implicit):
            positive = [part for part in parts if not isinstance(part, wq.Not)]
            negative = [part for part in parts if isinstance(part, wq.Not)]
            if isinstance(node, And) and negative:
                # Relaxing "a b -c" gives "(a OR b) -c", never "a OR b OR NOT c".
                either = wq.Or(positive) if len(positive) > 1 else positive[0] if positive else wq.Every()
                return wq.And([either, *negative])
            return wq.Or(parts)
        return wq.And(parts)

    def word(self, node: Word, negated: bool) -> wq.Query | None:
        if node.field == "lang":
            return wq.Term("lang", node.text.lower())
        if node.field == "source":
            words = terms(node.text, View.EXACT)
            return _all_of([wq.Term("source_words", word) for word in words])
        view = View.EXACT if self.exact else View.STEM
        words = terms(node.text, view)
        if not negated:
            (self.result.exact_terms if self.exact else self.result.stem_terms).update(words)
            self.result.typed.update(terms(node.text, View.EXACT))
        fields = ("title_exact", "body_exact") if self.exact else ("title", "body")
        if node.field == "title":
            fields = fields[:1]
        return _all_of([_in_fields(fields, word) for word in words])

    def alias(self, node: Alias, negated: bool) -> wq.Query:
        own = _all_of([part for word in node.words if (part := self.word(word, negated)) is not None])
        if not negated:
            self.result.entities.setdefault(node.entity, node.form)
        entity = wq.Term("entities", node.entity, boost=ENTITY_BOOST)
        return wq.Or([own, entity]) if own is not None else entity

    def name(self, node: Name, negated: bool) -> wq.Query | None:
        own = self.word(node.word, negated)
        keys = [wq.Term("names", key, boost=NAME_BOOST) for key in node.keys]
        return wq.Or([own, *keys]) if own is not None else wq.Or(keys)

    def phrase(self, node: Phrase, negated: bool) -> wq.Query | None:
        if node.field == "source":
            words = terms(node.text, View.EXACT)
            return _phrase_in(("source_words",), words)
        words = terms(node.text, View.EXACT)
        if not negated:
            self.result.exact_terms.update(words)
        fields = ("title_exact",) if node.field == "title" else ("title_exact", "body_exact")
        return _phrase_in(fields, words)


def _only_exclusions(compiled: wq.Query | None) -> bool:
    if isinstance(compiled, wq.Not):
        return True
    return isinstance(compiled, wq.And) and all(isinstance(part, wq.Not) for part in compiled.subqueries)


def _in_fields(fields: tuple[str, ...], word: str) -> wq.Query:
    queries = [wq.Term(name, word, boost=TITLE_BOOST if name.startswith("title") else 1.0) for name in fields]
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _phrase_in(fields: tuple[str, ...], words: list[str]) -> wq.Query | None:
    if not words:
        return None
    if len(words) == 1:
        return _in_fields(fields, words[0])
    queries = [
        wq.Phrase(name, words, boost=TITLE_BOOST if name.startswith("title") else 1.0) for name in fields
    ]
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _all_of(queries: list[wq.Query]) -> wq.Query | None:
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else wq.And(queries)


def walk(node: Node | None) -> Iterator[Node]:
    """Every node of a tree, depth first."""
    if node is None:
        return
    yield node
    if isinstance(node, Not):
        yield from walk(node.child)
    elif isinstance(node, (And, Or)):
        for child in node.children:
            yield from walk(child)
    elif isinstance(node, Alias):
        yield from node.words
    elif isinstance(node, Name):
        yield node.word
