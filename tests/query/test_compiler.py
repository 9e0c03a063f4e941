"""Compiling query trees into plans: fields, boosts, phrases, exclusions, relaxation."""

from __future__ import annotations

from search.query import Compiler, parse
from search.query.plan import AllOf, AnyOf, Everything, Exclude, Phrase, Term, WithBonus


def test_words_compile_to_stemmed_fields_with_title_boost() -> None:
    compiled = Compiler().compile(parse("لداعش"))
    assert compiled.query == AnyOf((Term("title", "داعش", 2.0), Term("body", "داعش")))
    assert compiled.stem_terms == {"داعش"}


def test_quotes_compile_to_exact_phrases() -> None:
    compiled = Compiler().compile(parse('"الدولة الإسلامية"'))
    words = ("الدوله", "الاسلاميه")
    assert compiled.query == AnyOf((Phrase("title_exact", words, 2.0), Phrase("body_exact", words, 1.0)))
    assert compiled.exact_terms == {"الدوله", "الاسلاميه"} and not compiled.stem_terms


def test_exclusions_alone_exclude_from_everything() -> None:
    query = Compiler().compile(parse("-isis")).query
    assert isinstance(query, AllOf)
    everything, excluded = query.parts
    assert everything == Everything() and isinstance(excluded, Exclude)


def test_relaxed_keeps_exclusions_required() -> None:
    relaxed = Compiler(relaxed=True).compile(parse("isis raqqa -palmyra")).query

    def word(text: str) -> AnyOf:
        return AnyOf((Term("title", text, 2.0), Term("body", text)))

    assert relaxed == AllOf((AnyOf((word("isi"), word("raqqa"))), Exclude(word("palmyra"))))


def test_negated_words_are_not_highlighted() -> None:
    compiled = Compiler().compile(parse("isis -palmyra"))
    assert compiled.stem_terms == {"isi"}


def test_a_short_query_of_plain_words_gets_its_phrase_as_a_bonus() -> None:
    query = Compiler().compile(parse("supply chain")).query
    assert isinstance(query, WithBonus)  # adds to the score, never to the matches
    assert query.part == Compiler().compile(parse("supply AND chain")).query
    assert query.bonus == AnyOf(
        (
            Phrase("title_exact", ("supply", "chain"), boost=2.0),
            Phrase("body_exact", ("supply", "chain"), boost=1.0),
        )
    )


def test_no_phrase_bonus_for_questions_operators_or_single_words() -> None:
    for text in (
        "where is the supply chain",
        "supply OR chain",
        "supply -chain",
        "title:supply chain",
        "supply",
    ):
        assert "_exact" not in str(Compiler().compile(parse(text)).query), text


def test_stopwords_at_either_end_are_left_out_of_the_phrase() -> None:
    def bonus(text: str) -> str:
        query = Compiler().compile(parse(text)).query
        return str(query.bonus) if isinstance(query, WithBonus) else ""

    assert bonus("حساب على") == "" and bonus("for new") == ""  # one word that is not a stopword
    assert '"north korea"' in bonus("the North Korea")
    assert '"الامم المتحده"' in bonus("الأمم المتحدة حول")
    assert '"bank of england"' in bonus("Bank of England")  # a stopword inside stays
