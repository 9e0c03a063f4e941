"""An entity typed in one language: articles with the words typed first, then those naming it otherwise."""

from __future__ import annotations

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import Compiler, expand, parse


def test_the_words_typed_come_before_the_other_language(sample_engine: Engine) -> None:
    for query, first in (("Palmyra", "en"), ("تدمر", "ar")):
        languages = [hit.lang for hit in sample_engine.search(query, limit=50)]
        assert set(languages) == {"ar", "en"}, query  # the entity crosses the language line
        switch = languages.index("ar" if first == "en" else "en")
        assert set(languages[:switch]) == {first} and first not in languages[switch:], query


def test_an_article_with_the_words_is_not_scored_for_the_entity_twice() -> None:
    plan = Compiler().compile(expand(parse("Palmyra"), AliasResolver.load())).query
    # The better of the words and the entity where the words are; a share of the entity elsewhere.
    assert type(plan).__name__ == "BestOf" and len(plan.parts) == 2
    assert str(plan.parts[1]) == "entities:palmyra" and plan.alone == (1.0, 0.5)
