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


def test_parentheses_nested_past_the_limit_are_refused_naming_the_query() -> None:
    from search.errors import InvalidParameterError
    from search.query.parser import MAX_NESTING

    with pytest.raises(
        InvalidParameterError, match=rf"^query: parentheses nested 244 deep, over the limit of {MAX_NESTING}"
    ):
        parse("(" * 244 + "a")
    with pytest.raises(InvalidParameterError, match="nested 249 deep"):
        parse("-(" * 249 + "a")  # a sign before each group: once a RecursionError in the parser itself


def test_parentheses_up_to_the_limit_still_parse() -> None:
    from search.query.parser import MAX_NESTING

    assert parse("(" * MAX_NESTING + "palmyra" + ")" * MAX_NESTING) == Word("palmyra")
    assert parse(")" * 400 + "palmyra") == Word("palmyra")  # stray closes nest nothing


@pytest.mark.parametrize(("negations", "tree"), [(1, Not(Word("a"))), (2, Word("a")), (123, Not(Word("a")))])
def test_a_run_of_negations_reads_by_parity_without_recursion(negations: int, tree: object) -> None:
    assert parse("NOT " * negations + "a") == tree
    assert parse("x " + "NOT " * negations + "a") == And((Word("x"), tree))
