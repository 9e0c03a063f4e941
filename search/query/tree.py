"""The query tree: what a parsed query is made of, independent of Whoosh and of parsing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

KNOWN_FIELDS = ("title", "source", "lang")


@dataclass(frozen=True)
class Word:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Wildcard:
    """`syr*`: every indexed word that starts with the prefix (bounded, see compiler.py)."""

    prefix: str
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

    words: tuple[Word | Name, ...]  # Name: an ambiguous form keeps its spelling keys
    entity: str
    form: str  # the lexicon form the words matched
    # A form whose common-word sense comes first (القاعدة: "the base"), typed alone: the
    # entity is searched too, ranked below the articles that have the word.
    weak: bool = False
    # The entity's forms in the other script that tag an article only beside a surer form
    # (Liverpool, also the city; أمازون, also the river): the articles that use them alone
    # are not tagged, so they are searched as words, below the entity.
    held_back: tuple[str, ...] = ()
    # The entity's Latin forms that are common words first (Arsenal, arsenal), with the
    # consonant keys the index gives them where they are capitalised: typed in Arabic, the
    # entity is also searched in the articles that have the word and a capitalised word of
    # one of those keys, below the entity.
    capitalised: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Name:
    """A name no lexicon lists: matched as written, by its spelling keys, or by its
    transliterations (spellings in the other script, best first; the compiler keeps
    those some article uses)."""

    word: Word
    keys: tuple[str, ...]
    spellings: tuple[str, ...] = ()
    known: bool = False  # the name table has the word: its keys are the surer way
    # An Arabic name's consonant keys (as written, and without its clitics), which the
    # index gives the capitalised Latin words whose spellings share them.
    consonants: tuple[str, ...] = ()
    # A Latin compound name's Arabic spellings by rule, best first (Abdelaziz: عبد العزيز,
    # عبدالعزيز; aliases/compounds.py): surer than the model's, so searched at its weight
    # whether or not the name table knows the word.
    compounds: tuple[str, ...] = ()
    # The Arabic words the name table writes a Latin name as (Adel: عادل): in a run of names
    # they are tried before the model's spellings (compiler._spelt_phrases).
    written: tuple[str, ...] = ()
    # A Latin word typed without its capital, in a query with none (federer). The compiler
    # reads it as a name only where the articles that have it mostly write it capitalised, or
    # none has it (spelling.WrittenSpellings.capitalised).
    lowercase: bool = False


Node = Word | Phrase | Wildcard | Not | And | Or | Alias | Name


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
        for word in node.words:
            yield from walk(word)
    elif isinstance(node, Name):
        yield node.word
