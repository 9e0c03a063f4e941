"""Measure queries typed without capitals: do names still cross the language line, and do
words stay words?

Names: entity-dev's English->Arabic queries, as the name lists write them (Federer) and in
lowercase (federer), capped Recall@100 per slice, on entity-dev's own corpus and judgments.
Words: the English corpus's most common words that its articles write in lowercase (fewer
than MIN_CAPITALISED of their occurrences capitalised, as entity-dev's judge tells names
from words), each typed alone in lowercase; how many of them find Arabic articles, which for
a word is a wrong guess that it is a name. Some find Arabic articles without any guess (an
Arabic article quoting "Sky News" in Latin letters, the alias lexicon), so compare the count
with --before's.

    python scripts/measure_lowercase_queries.py [--data ../shared/data] [--index DIR]
        [--before | --unguarded]

--index keeps the corpus index there (built if missing, about three minutes); --before
searches as before lowercase queries were read as names; --unguarded reads every lowercase
word of a short query as a name, whatever the articles show.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from search.analysis import english
from search.evaluation.corpora import shared_data
from search.evaluation.entities import MIN_CAPITALISED, entity_collection
from search.evaluation.metrics import CAPPED_RECALL, evaluate
from search.evaluation.runner import DEPTH, search_queries
from search.evaluation.systems import ProjectSystem, corpus_index, corpus_index_arguments
from search.query import expansion, spelling

COMMON_WORDS = 300
LATIN_WORD = re.compile(r"[A-Za-z]+")


def lowercase_words(records: list[dict], count: int) -> list[str]:
    """The `count` English words most articles have that are written in lowercase (not
    stopwords, three letters or more)."""
    articles: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for record in records:
        if record["lang"] != "en":
            continue
        words = LATIN_WORD.findall(f"{record.get('title') or ''}\n{record['body']}")
        articles.update({word.lower() for word in words})
        for word in words:
            occurrences[word.lower()] += 1
            capitalised[word.lower()] += word[0].isupper()
    return [
        word
        for word, _ in articles.most_common()
        if len(word) >= 3
        and not english.is_stopword(word, english.normalize(word))
        and capitalised[word] < MIN_CAPITALISED * occurrences[word]
    ][:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    corpus_index_arguments(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--before", action="store_true", help="lowercase words are never names")
    mode.add_argument("--unguarded", action="store_true", help="every lowercase word may be a name")
    args = parser.parse_args()
    if args.before:
        expansion.MAX_LOWERCASE_NAME_WORDS = 0
    if args.unguarded:
        spelling.MIN_CAPITALISED_SHARE = 0.0
    collection = entity_collection(shared_data(args.data))
    system = ProjectSystem()
    with corpus_index(collection.documents, args.index, "measure-lowercase-") as folder:
        system.open(folder)
        english_queries = [query for query in collection.queries if query.lang == "en"]
        for typed, label in ((str, "as listed"), (str.lower, "in lowercase")):
            run = search_queries(system, english_queries, typed)
            for part in collection.slices:
                if part.name.startswith("en→ar"):
                    score = evaluate(part.qrels, run, capped=collection.capped).means[CAPPED_RECALL]
                    print(f"{part.name} {label}: capped Recall@{DEPTH} {score:.3f}")
        words = lowercase_words(collection.documents, COMMON_WORDS)
        found = {word: len(system.search(word, DEPTH, "ar")) for word in words}
        crossing = sorted((word for word, hits in found.items() if hits), key=lambda word: -found[word])
        print(
            f"{len(words)} common lowercase English words typed alone: {len(crossing)} find Arabic "
            f"articles ({sum(found.values())} articles in all): {', '.join(crossing[:20])}"
        )
        system.close()


if __name__ == "__main__":
    main()
