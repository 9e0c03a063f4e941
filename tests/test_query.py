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


# --- alias expansion -------------------------------------------------------------

from search.aliases.resolver import AliasResolver  # noqa: E402
from search.query import Alias, Name, expand  # noqa: E402


def expanded(text: str) -> object:
    return expand(parse(text), AliasResolver.load())


@pytest.mark.parametrize(
    ("text", "entity"),
    [("ISIS", "isis"), ("داعش", "isis"), ("لداعش", "isis"), ("al-Sharaa", "ahmed-al-sharaa"),
     ("الشيباني", "asaad-al-shaibani"), ("Hegseth", "pete-hegseth"), ("IS", "isis")],
)  # fmt: skip
def test_entity_mentions_expand(text: str, entity: str) -> None:
    node = expanded(text)
    assert isinstance(node, Alias) and node.entity == entity
    compiled = Compiler().compile(node)
    assert f"entities:{entity}" in str(compiled.query) and entity in compiled.entities


@pytest.mark.parametrize("text", ['"is"', "us", "is", '"ISIS"', "title:ISIS", '"الدولة الإسلامية"', "الدولة"])
def test_no_expansion(text: str) -> None:
    compiled = Compiler().compile(expanded(text))
    assert "entities:" not in str(compiled.query) and not compiled.entities


def test_multi_word_mention_is_one_alias_and_keeps_the_rest() -> None:
    node = expanded("Ahmed al-Sharaa visit")
    assert isinstance(node, And) and isinstance(node.children[0], Alias)
    assert node.children[0].words == (Word("Ahmed"), Word("al-Sharaa")) and node.children[1] == Word("visit")


def test_negated_mentions_exclude_both_languages() -> None:
    query = str(Compiler().compile(expanded("Palmyra -ISIS")).query)
    assert "NOT ((title:isi^2.0 OR body:isi) OR entities:isis)" in query


def test_unlisted_names_expand_by_spelling_key_with_low_weight() -> None:
    node = expanded("Alshaibani")
    assert isinstance(node, Name) and node.keys == ("shibani",)
    assert "names:shibani^0.3" in str(Compiler().compile(node).query)
