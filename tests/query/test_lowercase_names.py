"""A short query typed without capitals (sellal, roger federer) reads its Latin words as names
where the articles that have them write them capitalised (the index records which words each
article capitalises), so a search box typed in lowercase crosses the language line as "Sellal"
does; a word articles write in lowercase stays a word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import Name, Word, expand, parse
from search.searching import IndexVocabulary
from tests.conftest import small_engine
from tests.query.names_articles import SELLAL_ARTICLES

ARTICLES = [
    *SELLAL_ARTICLES,
    {
        # No English article names him: nothing says the word is not a name.
        "id": "ar-bakkoush",
        "title": "وزير الخارجية يستقبل السفراء",
        "body": "استقبل وزير الخارجية البكوش سفراء الدول الأوروبية في مكتبه.",
        "lang": "ar",
    },
    {
        # A short name: too few consonants for a consonant key, and unknown to the name table.
        "id": "ar-jon",
        "title": "مؤتمر صحفي",
        "body": "قال المتحدث جون إن الاجتماع سيعقد الأسبوع المقبل.",
        "lang": "ar",
    },
    {
        "id": "en-jon",
        "title": "Press briefing",
        "body": "The spokesman Jon said the meeting would take place next week.",
        "lang": "en",
    },
    {
        "id": "ar-film",
        "title": "فيلم تونسي في المهرجان",
        "body": "يشارك فيلم تونسي جديد في المسابقة الرسمية للمهرجان هذا العام.",
        "lang": "ar",
    },
    {
        # "Film" capitalised once, at the head of a title ...
        "id": "en-film-title",
        "title": "Film festival opens",
        "body": "The festival opened with a film about the sea.",
        "lang": "en",
    },
    # ... and in lowercase in most articles that have it: a word, not a name.
    *(
        {
            "id": f"en-film-{n}",
            "title": f"Cinema report {n}",
            "body": f"The new film drew {100 + n} viewers on its first night in the city.",
            "lang": "en",
        }
        for n in range(6)
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Engine]:
    yield from small_engine(tmp_path_factory, "lowercase-names", ARTICLES, backend)


def arabic_hits(engine: Engine, query: str) -> list[str]:
    return [hit.id for hit in engine.search(query, lang="ar")]


def test_a_lowercase_name_finds_what_the_capitalised_one_finds(engine: Engine) -> None:
    assert arabic_hits(engine, "Sellal") == ["ar-sellal"]
    assert arabic_hits(engine, "sellal") == ["ar-sellal"]


def test_a_short_lowercase_name_is_read_as_a_name(engine: Engine) -> None:
    assert arabic_hits(engine, "Jon") == arabic_hits(engine, "jon") == ["ar-jon"]


def test_a_lowercase_name_no_article_of_its_script_has_is_read_as_a_name(engine: Engine) -> None:
    assert arabic_hits(engine, "bakkoush") == ["ar-bakkoush"]


def test_a_word_articles_write_in_lowercase_stays_a_word(engine: Engine) -> None:
    # Capitalised, "Film" is read as a name and spelt فيلم; typed in lowercase it is the word.
    assert arabic_hits(engine, "Film") == ["ar-film"]
    assert arabic_hits(engine, "film") == []


def test_the_index_counts_the_articles_that_write_a_word_capitalised(engine: Engine) -> None:
    node = expand(parse("film"), AliasResolver.load())
    assert isinstance(node, Name) and node.lowercase
    having, capitalised = IndexVocabulary(engine._reader()).frequency_with(
        "body_exact", "film", "capitalised", "film"
    )
    assert (having, capitalised) == (7, 1)


def test_only_a_short_query_without_capitals_reads_its_words_as_names() -> None:
    aliases = AliasResolver.load()
    assert isinstance(expand(parse("sellal"), aliases), Name)
    # A capital elsewhere says the writer capitalises names: the lowercase word is a word.
    mixed = expand(parse("Sellal fair"), aliases)
    assert [type(child) for child in mixed.children] == [Name, Word]
    # A longer query is mostly a question, whose words are words.
    question = expand(parse("when did sellal open the fair"), aliases)
    assert not any(isinstance(child, Name) for child in question.children)
