"""Measure how an entity typed in one language reaches the other language's articles that write
only its held-back forms (Liverpool for ليفربول: the form is also the city, so it tags an
article only beside a surer one).

The queries are the lexicon's own entities, so this measures that mechanism, not the
lexicon's breadth (entity-dev does that, from name lists the lexicon was not built from). For
every entity with a form in one script that tags articles on its own and held-back forms in
the other: the sure form is the query; the articles of entity-dev's corpus in the other
language that write a held-back form (entity-dev's judge: whole words, a clitic or the article
allowed on an Arabic form) are relevant. Entities with fewer than three such articles are left
out. Capped Recall@100 per direction, with news-search in the any-word mode, as entity-dev.

A third line measures the one-word English forms whose common-word sense comes first (Arsenal,
arsenal), typed by the entity's first sure Arabic form: relevant are the English articles that
write the form capitalised inside a sentence, where it is the name.

    python scripts/measure_held_back_forms.py [--data ../shared/data] [--index DIR] [--without]

--index keeps the corpus index there (built if missing, about three minutes); --without
measures the search with no held-back forms searched (as before they were).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from search import Engine
from search.aliases.lexicon import Lexicon, form_key
from search.evaluation.corpora import shared_data
from search.evaluation.entities import MIN_RELEVANT, Name, entity_collection, judge, judge_arabic_words
from search.evaluation.systems import corpus_index, corpus_index_arguments
from search.query import expansion

DEPTH = 100


def held_back_names(lexicon: Lexicon) -> Iterator[Name]:
    """One query per entity and direction: its first sure form, judged by its held-back ones
    in the other script."""
    for entity in lexicon.entities.values():
        for typed, other, lang in ((entity.ar, entity.en, "ar"), (entity.en, entity.ar, "en")):
            sure = [form for form in typed if form_key(form) not in entity.ambiguous]
            held = [
                form
                for form in other
                if form_key(form) in entity.ambiguous and form_key(form) not in entity.common_words
            ]
            if sure and held:
                forms = tuple(_judged(form, to_arabic=lang == "en") for form in held)
                yield Name(sure[0], lang, forms, entity.id)


def common_word_names(lexicon: Lexicon) -> Iterator[Name]:
    """One query per one-word English form that is a common word first: the entity's first
    sure Arabic form, judged by the form written capitalised inside a sentence."""
    for entity in lexicon.entities.values():
        sure = [form for form in entity.ar if form_key(form) not in entity.ambiguous]
        for form in entity.en:
            if sure and form_key(form) in entity.common_words and re.fullmatch(r"[A-Z][a-z]+", form):
                yield Name(sure[0], "ar", ((form,),), entity.id)


def judge_capitalised(names: list[Name], records: list[dict]) -> None:
    """Fill each name's relevant set: English articles with the form capitalised, not first
    in a sentence (Total at a sentence's start is often the word)."""
    for name in names:
        written = re.compile(rf"(?<=[\w,;] )\b{re.escape(name.forms[0][0])}\b")
        name.relevant = {
            record["id"]
            for record in records
            if record["lang"] == "en" and written.search(f"{record.get('title') or ''}\n{record['body']}")
        }


def _judged(form: str, to_arabic: bool) -> tuple[str, ...]:
    if to_arabic:
        return tuple(judge_arabic_words(form))
    return tuple(form_key(form).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_index_arguments(parser)
    parser.add_argument("--without", action="store_true", help="search no held-back forms")
    args = parser.parse_args()
    if args.without:
        expansion._held_back = lambda *_: ((), ())  # type: ignore[attr-defined]
    collection = entity_collection(shared_data(args.data))
    with (
        corpus_index(collection.documents, args.index, "measure-held-back-") as folder,
        Engine.open(folder) as engine,
    ):
        names = list(held_back_names(engine.aliases.lexicon))
        judge(names, collection.documents)
        common = list(common_word_names(engine.aliases.lexicon))
        judge_capitalised(common, collection.documents)
        recall: dict[str, list[float]] = {"en": [], "ar": [], "common": []}
        for part, group in (("", names), ("common", common)):
            for name in group:
                if len(name.relevant) < MIN_RELEVANT:
                    continue
                hits = engine.search(name.text, limit=DEPTH, lang=name.target, match="any", collapse=False)
                found = {hit.id for hit in hits}
                score = len(found & name.relevant) / min(DEPTH, len(name.relevant))
                recall[part or name.target].append(score)
    for part, arrow in (
        ("en", "Arabic -> English"),
        ("ar", "English -> Arabic"),
        ("common", "Arabic -> English, common-word forms"),
    ):
        scores = recall[part]
        print(f"{arrow}: {len(scores)} entities, capped Recall@{DEPTH} {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
