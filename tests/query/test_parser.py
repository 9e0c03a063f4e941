"""The query language: what each form means, and that nothing a reader types raises."""

from __future__ import annotations

import pytest

from search.query import And, Compiler, Not, Or, Phrase, Word, parse
from search.query.tree import Wildcard

PARSED = [
    ("داعش", Word("داعش")),
    ("isis palmyra", And((Word("isis"), Word("palmyra")))),
    ("isis OR داعش", Or((Word("isis"), Word("داعش")))),
    ("isis AND palmyra", And((Word("isis"), Word("palmyra")), implicit=False)),
    ("isis -palmyra", And((Word("isis"), Not(Word("palmyra"))))),
    ("isis NOT palmyra", And((Word("isis"), Not(Word("palmyra"))))),
    ('"الدولة الإسلامية"', Phrase("الدولة الإسلامية")),
    ('-"two words" isis', And((Not(Phrase("two words")), Word("isis")))),
    ("title:syria", Word("syria", "title")),
    ("title:(syria coalition)", And((Word("syria", "title"), Word("coalition", "title")))),
    ("source:sana lang:ar", And((Word("sana", "source"), Word("ar", "lang")))),
    ("(a OR b) c", And((Or((Word("a"), Word("b"))), Word("c")))),
    ("+isis", Word("isis")),
    ("U.S.-led", Word("U.S.-led")),
]


@pytest.mark.parametrize(("text", "tree"), PARSED, ids=[text for text, _ in PARSED])
def test_parse(text: str, tree: object) -> None:
    assert parse(text) == tree


DEGRADED = [
    ('"unbalanced quote', And((Word("unbalanced"), Word("quote"))), "the quote without a partner is dropped"),
    ("((isis palmyra", And((Word("isis"), Word("palmyra"))), "unclosed parentheses are closed"),
    ("isis) palmyra(", And((Word("isis"), Word("palmyra"))), "stray parentheses are ignored"),
    ("foo:bar", And((Word("foo"), Word("bar"))), "an unknown field is read as words"),
    ("NOT", None, "an operator alone is nothing"),
    ("()", None, "empty group"),
]


@pytest.mark.parametrize(("text", "tree", "why"), DEGRADED, ids=[text for text, _, _ in DEGRADED])
def test_malformed_queries_degrade(text: str, tree: object, why: str) -> None:
    assert parse(text) == tree, why


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "(((",
        ")))",
        "-",
        "--",
        "+",
        ":",
        "title:",
        "title:()",
        'title:"',
        "a OR",
        "OR OR",
        "AND NOT -",
        '"" ""',
        "x" * 500,
    ],
)
def test_nothing_raises(text: str) -> None:
    Compiler().compile(parse(text))


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("syr*", Wildcard("syr")),
        ("سور*", Wildcard("سور")),
        ("title:syr*", Wildcard("syr", "title")),
        ("*", Wildcard("")),
        ("coalition syr*", And((Word("coalition"), Wildcard("syr")))),
    ],
)
def test_wildcards(text: str, tree: object) -> None:
    assert parse(text) == tree
