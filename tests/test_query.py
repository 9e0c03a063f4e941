"""The query language: what each form means, and that nothing a reader types raises."""

from __future__ import annotations

import pytest

from search.query import And, Compiler, Not, Or, Phrase, Word, parse

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


def test_words_compile_to_stemmed_fields_with_title_boost() -> None:
    compiled = Compiler().compile(parse("لداعش"))
    assert str(compiled.query) == "(title:داعش^2.0 OR body:داعش)"
    assert compiled.stem_terms == {"داعش"}


def test_quotes_compile_to_exact_phrases() -> None:
    compiled = Compiler().compile(parse('"الدولة الإسلامية"'))
    title, body = compiled.query.subqueries
    assert (title.fieldname, title.words, title.boost) == ("title_exact", ["الدوله", "الاسلاميه"], 2.0)
    assert (body.fieldname, body.words, body.boost) == ("body_exact", ["الدوله", "الاسلاميه"], 1.0)
    assert compiled.exact_terms == {"الدوله", "الاسلاميه"} and not compiled.stem_terms


def test_exclusions_alone_exclude_from_everything() -> None:
    query = Compiler().compile(parse("-isis")).query
    everything, excluded = query.subqueries
    assert type(everything).__name__ == "Every" and type(excluded).__name__ == "Not"


def test_relaxed_keeps_exclusions_required() -> None:
    relaxed = Compiler(relaxed=True).compile(parse("isis raqqa -palmyra")).query
    assert str(relaxed) == (
        "(((title:isi^2.0 OR body:isi) OR (title:raqqa^2.0 OR body:raqqa))"
        " AND NOT (title:palmyra^2.0 OR body:palmyra))"
    )


def test_negated_words_are_not_highlighted() -> None:
    compiled = Compiler().compile(parse("isis -palmyra"))
    assert compiled.stem_terms == {"isi"}
