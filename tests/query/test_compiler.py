"""Compiling query trees for Whoosh: fields, boosts, phrases, exclusions, relaxation."""

from __future__ import annotations

from search.query import Compiler, parse


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
