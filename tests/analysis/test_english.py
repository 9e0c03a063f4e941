"""English word analysis: folding, possessives, stopwords with the acronym rule, stemming."""

from __future__ import annotations

import pytest

from search.analysis import english

NORMALISED = [
    ("Syria's", "syria", "possessive 's"),
    ("Syria’s", "syria", "typographic possessive"),
    ("officials'", "officials", "plural possessive"),
    ("U.S.", "us", "dots of an acronym"),
    ("Erdoğan", "erdogan", "accents folded"),
    ("Qur'an", "quran", "inner apostrophe"),
    ("CENTCOM", "centcom", "lowercased"),
]


@pytest.mark.parametrize(("word", "expected", "why"), NORMALISED)
def test_normalize(word: str, expected: str, why: str) -> None:
    assert english.normalize(word) == expected, why


@pytest.mark.parametrize(
    ("word", "stem"),
    [("coalitions", "coalit"), ("coalition", "coalit"), ("attacks", "attack"), ("attacked", "attack"),
     ("running", "run"), ("syria", "syria"), ("isis", "isi")],
)  # fmt: skip
def test_stem(word: str, stem: str) -> None:
    assert english.stem(word) == stem


@pytest.mark.parametrize(
    ("word", "stop"),
    [("the", True), ("us", True), ("US", False), ("U.S.", False), ("WHO", False), ("who", True),
     ("IS", False), ("is", True), ("may", False), ("Syria", False)],
)  # fmt: skip
def test_stopwords_spare_acronyms(word: str, stop: bool) -> None:
    assert english.is_stopword(word, english.normalize(word)) is stop


def test_stemmer_is_usable_from_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    words = ["coalitions", "attacked", "running", "negotiations"] * 200
    with ThreadPoolExecutor(8) as pool:
        stems = list(pool.map(english.stem, words))
    assert stems == [english.stem(word) for word in words]
