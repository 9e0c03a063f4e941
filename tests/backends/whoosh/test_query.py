"""Plans become the Whoosh queries the compiler used to build itself, node for node."""

from __future__ import annotations

from search.backends.whoosh.query import to_whoosh
from search.query import Compiler, parse


def test_words_become_fields_with_title_boost() -> None:
    assert str(to_whoosh(Compiler().compile(parse("لداعش")).query)) == "(title:داعش^2.0 OR body:داعش)"


def test_relaxed_exclusions_stay_required() -> None:
    relaxed = Compiler(relaxed=True).compile(parse("isis raqqa -palmyra")).query
    assert str(to_whoosh(relaxed)) == (
        "(((title:isi^2.0 OR body:isi) OR (title:raqqa^2.0 OR body:raqqa))"
        " AND NOT (title:palmyra^2.0 OR body:palmyra))"
    )


def test_phrases_exclusions_and_spelling_keys() -> None:
    phrase = to_whoosh(Compiler().compile(parse('"الدولة الإسلامية"')).query)
    title, body = phrase.subqueries
    assert (title.fieldname, title.words, title.boost) == ("title_exact", ["الدوله", "الاسلاميه"], 2.0)
    assert (body.fieldname, body.words, body.boost) == ("body_exact", ["الدوله", "الاسلاميه"], 1.0)
    everything, excluded = to_whoosh(Compiler().compile(parse("-isis")).query).subqueries
    assert type(everything).__name__ == "Every" and type(excluded).__name__ == "Not"
