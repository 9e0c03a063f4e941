"""Plans become the Whoosh queries the compiler used to build itself, node for node."""

from __future__ import annotations

from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from search.backends.whoosh.query import to_whoosh
from search.query import Compiler, parse
from search.query import plan as qp


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


def scores(query: wq.Query) -> dict[str, float]:
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT)
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        writer.add_document(id="word", body="sellal " * 5 + "opened the fair")
        writer.add_document(id="spelling", body="سلال افتتح المعرض")
        writer.add_document(id="both", body="sellal سلال")
    with index.searcher() as searcher:
        return {hit["id"]: hit.score for hit in searcher.search(query)}


def test_an_article_matched_by_one_alternative_gets_that_alternative_s_score() -> None:
    word, spelling = qp.Term("body", "sellal"), qp.Term("body", "سلال", boost=0.2)
    best = scores(to_whoosh(qp.BestOf((word, spelling))))
    alone = {**scores(to_whoosh(spelling)), **scores(to_whoosh(word))}
    assert best["spelling"] == alone["spelling"] < best["word"]
    assert best["word"] == alone["word"]
    assert best["both"] == max(scores(to_whoosh(word))["both"], scores(to_whoosh(spelling))["both"])


def test_a_part_matching_alone_scores_its_share() -> None:
    """An entity's articles without the words typed score half the entity: one pass over
    both parts, scored as the three-part plan the Xapian backend runs."""
    word, entity = qp.Term("body", "sellal"), qp.Term("body", "سلال")
    shared = scores(to_whoosh(qp.BestOf((word, entity), alone=(1.0, 0.5))))
    of_word, of_entity = scores(to_whoosh(word)), scores(to_whoosh(entity))
    assert shared["word"] == of_word["word"]
    assert shared["spelling"] == 0.5 * of_entity["spelling"]
    assert shared["both"] == max(of_word["both"], of_entity["both"])
    three_parts = qp.BestOf(
        (word, qp.AllOf((entity, qp.Term("body", "sellal", boost=0.0))), qp.Term("body", "سلال", boost=0.5))
    )
    assert scores(to_whoosh(three_parts)) == shared
