"""Measure how much of entity-dev's English->Arabic judgments is the name: per domain slice,
how many of a name's judged Arabic articles write its form only with the article (ماضي,
Madi, judged by الماضي, "last"), and what the slice scores without the names whose judged
articles mostly do.

entity-dev's judge allows a clitic or the article on an Arabic form's first word, as names
take them (البكوش). Where the form is also a word, the article makes it the word, and the
judged articles are not about the name: no search should rank them for it. The English side
already leaves out forms that bbc-en does not capitalise; this shows what the like rule for
Arabic would leave out. It measures the judge, not the search: a decision about the
development set (docs/evaluation.md).

    python scripts/measure_judged_articles.py [--data ../shared/data] [--index DIR]

--index keeps the corpus index there (built if missing, about three minutes).
"""

from __future__ import annotations

import argparse

from search.evaluation.corpora import shared_data
from search.evaluation.entities import (
    Name,
    country_names,
    entity_collection,
    google_names,
    judge_arabic_words,
    wikidata_names,
)
from search.evaluation.metrics import CAPPED_RECALL, evaluate
from search.evaluation.runner import DEPTH, search_queries
from search.evaluation.systems import ProjectSystem, corpus_index, corpus_index_arguments

ARTICLE = "ال"
MOSTLY = 0.5  # a name whose judged articles write it only with the article more often than this
CLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")


def article_share(forms: tuple[tuple[str, ...], ...], judged: set[str], texts: dict[str, str]) -> float:
    """The share of the judged articles in which every occurrence of a form's first word has
    the article (الماضي, never ماضي)."""
    firsts = {form[0] for form in forms}
    bare = {clitic + first for clitic in CLITICS for first in firsts}
    only_article = 0
    for article in judged:
        words = set(judge_arabic_words(texts[article]))
        if not words & bare:
            only_article += 1
    return only_article / len(judged) if judged else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_index_arguments(parser)
    args = parser.parse_args()
    data = shared_data(args.data)
    collection = entity_collection(data)
    texts = {
        record["id"]: f"{record.get('title') or ''}\n{record['body']}" for record in collection.documents
    }
    listed: dict[str, Name] = {}
    for name in country_names(data) + wikidata_names(data) + google_names(data):
        if name.lang == "en":
            listed.setdefault(f"en:{name.source}:{name.text}", name)
    system = ProjectSystem()
    with corpus_index(collection.documents, args.index, "measure-judged-") as folder:
        system.open(folder)
        queries = [query for query in collection.queries if query.lang == "en"]
        run = search_queries(system, queries)
        system.close()
    for part in collection.slices:
        if not part.name.startswith("en→ar domain"):
            continue
        scores = evaluate(part.qrels, run, capped=collection.capped).per_query
        kept, left = [], []
        for query_id, judged in sorted(part.qrels.items()):
            name = listed[":".join(query_id.split(":")[:3])]
            share = article_share(name.forms, set(judged), texts)
            score = scores[query_id][CAPPED_RECALL]
            (left if share > MOSTLY else kept).append(score)
            if score < 0.85 or share > MOSTLY:
                form = " ".join(name.forms[0])
                print(
                    f"  {name.text} ({form}): capped Recall@{DEPTH} {score:.2f}, {len(judged)} judged "
                    f"articles, {share:.0%} with the article only"
                )
        everything = kept + left
        print(
            f"{part.name}: capped Recall@{DEPTH} {sum(everything) / len(everything):.3f} ({len(everything)} "
            f"names); without the {len(left)} judged mostly with the article: "
            f"{sum(kept) / len(kept):.3f}"
        )


if __name__ == "__main__":
    main()
