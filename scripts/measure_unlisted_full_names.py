"""Measure how full names that no lexicon lists (Omar Sharif) find the Arabic articles naming them.

entity-dev's queries are single name tokens, so they cannot show how a run of names is
searched. Here the lexicon's own people stand in for people it does not list: every person
with an English form of two or three plain words and an Arabic form of two words or more is
searched by that English form with the lexicon switched off (the name table and the
transliteration model stay on), on entity-dev's corpus. Relevant: the Arabic articles that
write one of its Arabic forms (entity-dev's judge: whole words, a clitic or the article
allowed on the first). People with fewer than three such articles are left out.

The judge knows only the lexicon's spellings, so an article that writes the name otherwise
(جستن ترودو for the lexicon's جاستن ترودو) counts as a miss: both numbers are lower bounds.

    python scripts/measure_unlisted_full_names.py [--data ../shared/data] [--index DIR] [--without]

--index keeps the corpus index there (built if missing, about three minutes); --without
searches neither the spelt phrases of a run of names (spelling.SPELT_FORMS) nor the spellings
of compound names (aliases/compounds.py), as before they were.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from statistics import mean

from search import Engine
from search.aliases.lexicon import Lexicon, form_key
from search.aliases.resolver import AliasResolver
from search.evaluation.corpora import shared_data
from search.evaluation.entities import MIN_RELEVANT, Name, entity_collection, judge, judge_arabic_words
from search.evaluation.systems import corpus_index, corpus_index_arguments
from search.query import compiler, expansion
from search.searching import SearchRequest, run_search

DEPTH = 100
TOP = 10
_PLAIN_WORDS = re.compile(r"[A-Za-z]+( [A-Za-z]+){1,2}")


def full_names(lexicon: Lexicon) -> Iterator[Name]:
    """One query per person: the first plain English full name, judged by the Arabic forms."""
    for entity in lexicon.entities.values():
        if entity.type != "person":
            continue
        english = [form for form in entity.en if _PLAIN_WORDS.fullmatch(form)]
        arabic = [
            form for form in entity.ar if " " in form.strip() and form_key(form) not in entity.ambiguous
        ]
        if english and arabic:
            yield Name(english[0], "en", tuple(tuple(judge_arabic_words(form)) for form in arabic), entity.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_index_arguments(parser)
    parser.add_argument("--without", action="store_true", help="search no spelt phrases or compounds")
    args = parser.parse_args()
    if args.without:
        compiler.Compiler._spelt_phrases = lambda *_: None  # type: ignore[method-assign]
        expansion._compounds = lambda *_: ()  # type: ignore[attr-defined]
    collection = entity_collection(shared_data(args.data))
    with (
        corpus_index(collection.documents, args.index, "measure-full-names-") as folder,
        Engine.open(folder) as engine,
    ):
        names = list(full_names(engine.aliases.lexicon))
        judge(names, collection.documents)
        names = [name for name in names if len(name.relevant) >= MIN_RELEVANT]
        unlisted = AliasResolver(Lexicon(), names=engine.aliases.names)
        reader = engine._reader()  # searched as Engine.search does, with the lexicon off
        recall, precision = [], []
        for name in names:
            request = SearchRequest.checked(name.text, limit=DEPTH, lang="ar", match="any", collapse=False)
            found = [hit.id for hit in run_search(reader, request, unlisted).hits]
            recall.append(len(set(found) & name.relevant) / min(DEPTH, len(name.relevant)))
            top = sum(hit in name.relevant for hit in found[:TOP])
            precision.append(top / min(TOP, len(name.relevant)))
    print(
        f"English -> Arabic, {len(names)} full names unlisted: capped Recall@{DEPTH} {mean(recall):.3f}, "
        f"capped Precision@{TOP} {mean(precision):.3f}"
    )


if __name__ == "__main__":
    main()
