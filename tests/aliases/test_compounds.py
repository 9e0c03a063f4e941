"""Compound Arabic names that English writes as one word are spelt as the two words Arabic writes."""

from __future__ import annotations

import pytest

from search.aliases.compounds import compound_spellings, latin_compounds
from search.aliases.transliteration import spellings


def model(word: str) -> tuple[str, ...]:
    return spellings(word, True, 8)


@pytest.mark.parametrize(
    ("word", "arabic"),
    [
        ("Abdelaziz", "عبد العزيز"),
        ("Abdulaziz", "عبد العزيز"),
        ("Abdelkarim", "عبد الكريم"),
        ("Abdessalam", "عبد السلام"),  # the article's l assimilated: abd-es-salam
        ("Noureddine", "نور الدين"),
        ("Zinedine", "زين الدين"),
        ("Nasrallah", "نصر الله"),
        ("Abdullah", "عبد الله"),
        ("Abdallah", "عبد الله"),
    ],
)
def test_a_compound_is_spelt_as_two_words_and_joined(word: str, arabic: str) -> None:
    found = compound_spellings(word, model)
    assert arabic in found and arabic.replace(" ", "") in found


def test_the_fixed_part_is_written_as_arabic_writes_it() -> None:
    # The model alone spells Abdelaziz as one word nobody writes.
    assert "عبد العزيز" not in model("Abdelaziz")
    assert all(spelling.startswith("عبد ال") for spelling in compound_spellings("Abdelaziz", model)[::2])


def test_the_particle_alone_is_abd() -> None:
    assert compound_spellings("Abdel", model) == ("عبد",)
    assert compound_spellings("Abdul", model) == ("عبد",)


@pytest.mark.parametrize("word", ["London", "Marcella", "Mukalla", "Abdi", "Aladdin", "Gabriella"])
def test_other_words_are_not_compounds(word: str) -> None:
    assert compound_spellings(word, model) == ()


def latin_model(word: str) -> tuple[str, ...]:
    return spellings(word, False, 8)


@pytest.mark.parametrize(
    ("first", "second", "latin"),
    [
        ("عبد", "العزيز", "abdelaziz"),
        ("عبد", "العزيز", "abdulaziz"),
        ("عبد", "السلام", "abdessalam"),  # a sun letter: the article's l sounds as the s
        ("عبد", "الله", "abdullah"),
        ("نصر", "الله", "nasrallah"),
        ("صلاح", "الدين", "salahuddin"),
    ],
)
def test_two_arabic_words_are_run_together_as_english_writes_them(
    first: str, second: str, latin: str
) -> None:
    assert latin in latin_compounds(first, second, latin_model)


@pytest.mark.parametrize(("first", "second"), [("محمد", "علي"), ("عبد", "ربه"), ("الدين", "الاسلامي")])
def test_other_pairs_are_not_compounds(first: str, second: str) -> None:
    assert latin_compounds(first, second, latin_model) == ()
