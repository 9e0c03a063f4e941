"""A run of English names no lexicon lists is also searched as Arabic articles write it together,
so a first name that is a common Arabic word (عمر, "age") still finds the person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import And, Name, expand, parse
from tests.conftest import small_engine

ARTICLES = [
    {
        "id": "ar-omar-sharif",
        "title": "رحيل نجم السينما",
        "body": "رحل الممثل المصري عمر الشريف بطل فيلم لورانس العرب في القاهرة.",
        "lang": "ar",
    },
    {
        # The surname alone, of someone else: it matches one word of the name, not the phrase.
        "id": "ar-sharif-other",
        "title": "افتتاح المعرض",
        "body": "افتتح الشريف حسين المعرض الزراعي في المدينة بحضور المزارعين.",
        "lang": "ar",
    },
    {
        "id": "ar-adel-imam",
        "title": "تكريم نجم الكوميديا",
        "body": "كرم المهرجان الفنان عادل إمام عن مجمل أعماله السينمائية.",
        "lang": "ar",
    },
    {
        # Both words, apart: a judge named Adel, and the imam of a mosque.
        "id": "ar-adel-and-imam",
        "title": "افتتاح مسجد",
        "body": "حضر القاضي عادل حفل افتتاح المسجد وألقى الإمام خطبة قصيرة.",
        "lang": "ar",
    },
    # Enough articles with عمر ("age") that the word alone is too common to search as a name.
    *(
        {
            "id": f"ar-age-{n}",
            "title": f"وفاة معمر {n}",
            "body": f"توفي المزارع عن عمر يناهز {80 + n % 20} عاما في قريته.",
            "lang": "ar",
        }
        for n in range(130)
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Engine]:
    yield from small_engine(tmp_path_factory, "spelt-phrases", ARTICLES, backend)


def test_the_names_are_unknown_to_the_lexicon() -> None:
    node = expand(parse("Omar Sharif"), AliasResolver.load())
    assert isinstance(node, And) and all(isinstance(child, Name) for child in node.children)


def test_a_run_of_names_finds_the_arabic_phrase_first(engine: Engine) -> None:
    found = [hit.id for hit in engine.search("Omar Sharif", lang="ar")]
    assert found[:1] == ["ar-omar-sharif"]


def test_the_name_table_spells_a_name_the_model_does_not(engine: Engine) -> None:
    # The model spells Adel اديل; the name table has عادل. The phrase comes first.
    found = [hit.id for hit in engine.search("Adel Imam", lang="ar")]
    assert found[:1] == ["ar-adel-imam"]


def test_the_phrase_is_marked_in_the_snippet(engine: Engine) -> None:
    hit = next(hit for hit in engine.search("Omar Sharif", lang="ar") if hit.id == "ar-omar-sharif")
    assert "<mark>عمر</mark> <mark>الشريف</mark>" in str(hit.snippet)


def test_a_single_name_gets_no_phrase(engine: Engine) -> None:
    # "Omar" alone: its common spelling is not searched, so the age notices stay out.
    assert not [hit.id for hit in engine.search("Omar", lang="ar") if hit.id.startswith("ar-age")]
