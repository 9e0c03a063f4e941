"""An English compound name (Abdelkarim, Noureddine) finds the Arabic articles that write it as
the two words Arabic does (عبد الكريم, نور الدين), spaced or joined; and the other way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search import Engine
from tests.conftest import small_engine

ARTICLES = [
    {
        "id": "ar-abdelkarim",
        "title": "ندوة أدبية في الرباط",
        "body": "تحدث الكاتب عبد الكريم غلاب عن تجربته في الرواية أمام جمهور كبير.",
        "lang": "ar",
    },
    {
        "id": "ar-abdelkarim-joined",
        "title": "تكريم الروائي",
        "body": "كرم اتحاد الكتاب الروائي عبدالكريم غلاب في حفل بالعاصمة.",
        "lang": "ar",
    },
    {
        # The second word alone, in another sense ("the Holy Quran"): not the name.
        "id": "ar-quran",
        "title": "مسابقة حفظ القرآن",
        "body": "انطلقت مسابقة حفظ القرآن الكريم بمشاركة مئة طالب.",
        "lang": "ar",
    },
    {
        "id": "ar-noureddine",
        "title": "مدرب جديد للفريق",
        "body": "عين النادي المدرب نور الدين الزياني خلفا للمدرب السابق.",
        "lang": "ar",
    },
    {
        # صلاح is a word too frequent to key articles by ("righteousness"); the name table
        # keeps it for phrases only.
        "id": "ar-salaheddine",
        "title": "تعيين وزير جديد",
        "body": "عين الرئيس صلاح الدين الجورشي وزيرا للثقافة في الحكومة الجديدة.",
        "lang": "ar",
    },
    {
        "id": "en-abdelkarim",
        "title": "Novelist honoured",
        "body": "The Moroccan novelist Abdelkarim Ghallab was honoured in Rabat on Friday.",
        "lang": "en",
    },
    {
        "id": "en-karim",
        "title": "Cup final",
        "body": "Karim scored twice in the cup final on Saturday.",
        "lang": "en",
    },
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Engine]:
    yield from small_engine(tmp_path_factory, "compound-names", ARTICLES, backend)


def test_a_compound_finds_the_two_words_spaced_and_joined(engine: Engine) -> None:
    found = {hit.id for hit in engine.search("Abdelkarim", lang="ar")}
    assert found == {"ar-abdelkarim", "ar-abdelkarim-joined"}


def test_a_compound_with_the_faith_finds_its_arabic(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Noureddine", lang="ar")] == ["ar-noureddine"]


def test_a_compound_s_part_may_be_a_frequent_word(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Salaheddine", lang="ar")] == ["ar-salaheddine"]


def test_the_two_arabic_words_find_the_english_compound(engine: Engine) -> None:
    # عبد الكريم: English writes it Abdelkarim, one word; neither Arabic word alone is it.
    assert [hit.id for hit in engine.search("عبد الكريم", lang="en")] == ["en-abdelkarim"]


def test_the_compound_is_marked_in_the_snippet(engine: Engine) -> None:
    hit = next(hit for hit in engine.search("Abdelkarim", lang="ar") if hit.id == "ar-abdelkarim")
    assert "<mark>عبد</mark> <mark>الكريم</mark>" in str(hit.snippet)
