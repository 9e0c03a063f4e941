"""The entity-dev judge: whole names, a leading clitic or article only, both scripts."""

from __future__ import annotations

import pytest

from search.evaluation.entities import Name, first_word_variants, judge, judge_arabic_words

ARTICLES = [
    {"id": "ar1", "lang": "ar", "title": "", "body": "وصل وفد إلى الأردن أمس."},
    {"id": "ar2", "lang": "ar", "title": "زيارة", "body": "قال مسؤول للأردن إن..."},
    {"id": "ar3", "lang": "ar", "title": "", "body": "الأردني محمد قال"},  # adjective: not the name
    {"id": "ar4", "lang": "ar", "title": "", "body": "وبالولايات المتحدة وبريطانيا"},
    {"id": "ar5", "lang": "ar", "title": "", "body": "الولايات المتحدةُ"},  # a damma on the last letter
    {"id": "ar6", "lang": "ar", "title": "", "body": "الولايات العربية المتحدة"},  # not in sequence
    {"id": "en1", "lang": "en", "title": "Jordan's king", "body": "A visit."},
    {"id": "en2", "lang": "en", "title": "", "body": "Michael Jordan scored; JORDAN again."},
    {"id": "en3", "lang": "en", "title": "", "body": "The Jordanian delegation."},
]


@pytest.mark.parametrize(
    ("query", "lang", "forms", "relevant"),
    [
        ("Jordan", "en", (("الاردن",),), {"ar1", "ar2"}),
        ("United States", "en", (("الولايات", "المتحده"),), {"ar4", "ar5"}),
        ("الأردن", "ar", (("jordan",),), {"en1", "en2"}),
    ],
)
def test_judge(query: str, lang: str, forms: tuple, relevant: set[str]) -> None:
    name = Name(query, lang, forms, "test")
    judge([name], ARTICLES)
    assert name.relevant == relevant


def test_judge_counts_capitalised_latin_occurrences() -> None:
    counts = judge([Name("الأردن", "ar", (("jordan",),), "test")], ARTICLES)
    assert counts[("jordan",)] == (3, 3)


@pytest.mark.parametrize(
    ("written", "accepted"),
    [("للأردن", True), ("وللأردن", True), ("بالأردن", True), ("فالأردن", True), ("الأردني", False)],
)
def test_first_word_variants(written: str, accepted: bool) -> None:
    [word] = judge_arabic_words(written)
    assert (word in first_word_variants("الاردن")) is accepted


def test_judge_folds_only_spelling() -> None:
    assert judge_arabic_words("إِلى أحمد مُستشفى مدرسة") == ["الي", "احمد", "مستشفي", "مدرسه"]
