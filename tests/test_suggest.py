"""Spelling suggestions from the sample index's vocabulary, Arabic and English."""

from __future__ import annotations

import pytest

from search import Engine
from search.query import parse
from search.suggest import suggest


@pytest.mark.parametrize(
    ("typed", "searched", "why"),
    [
        ("داعيش", "داعش", "one letter too many"),
        ("الامريكبة", "الأمريكية", "shown as the articles spell it, with its hamza"),
        ("Palmira", "Palmyra", "English, one letter wrong"),
        ("reconstrucion", "reconstruction", "English, one letter missing"),
    ],
)
def test_a_query_that_finds_nothing_searches_its_correction(
    sample_engine: Engine, typed: str, searched: str, why: str
) -> None:
    results = sample_engine.search(typed)
    assert results.corrected_from == typed, why
    assert results.query == searched and results.total == sample_engine.search(searched).total > 0
    assert results.suggestion is None


def test_a_misspelt_word_found_only_by_a_guess_is_offered_its_correction(sample_engine: Engine) -> None:
    """الامرييكية is in no article; its consonants (مرك) are America's, so an English article
    matches by that guess. The search keeps it, and offers the word the articles write."""
    results = sample_engine.search("الامرييكية")
    assert results.total > 0 and all(hit.lang == "en" for hit in results.hits)
    assert results.corrected_from is None and results.suggestion == "الأمريكية"


def test_a_relaxed_query_offers_the_correction(sample_engine: Engine) -> None:
    results = sample_engine.search("Palmira attack")
    assert results.relaxed and results.total > 0
    assert results.suggestion == "Palmyra attack" and results.corrected_from is None
    assert results.query == "Palmira attack"
    assert sample_engine.search(results.suggestion).total > 0


@pytest.mark.parametrize("query", ["داعش", "Palmyra", "تدمر Palmyra", "ISIS OR داعش"])
def test_words_the_index_knows_get_no_suggestion(sample_engine: Engine, query: str) -> None:
    results = sample_engine.search(query)
    assert results.suggestion is None and results.corrected_from is None and results.query == query


@pytest.mark.parametrize("query", ["qwxzvq", "ككككككك", "تدمر زززززز"])
def test_nothing_close_means_no_suggestion(sample_engine: Engine, query: str) -> None:
    results = sample_engine.search(query)
    assert results.suggestion is None and results.corrected_from is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Palmyra -Palmirra", None),  # an excluded word is not "corrected"
        ("title:Palmira", None),  # nor a fielded one
        ('"Palmira"', None),  # nor a quoted phrase
        ("(Palmira OR Rakka) Syria", "(Palmyra OR Raqqa) Syria"),  # operators and grouping stay
        ("داعيش Palmira", "داعش Palmyra"),  # both scripts in one query
    ],
)
def test_suggest_corrects_only_plain_positive_words(sample_engine: Engine, query: str, expected: str) -> None:
    found = suggest(sample_engine._reader(), query, parse(query))
    assert (found.text if found else None) == expected


def test_corrections_are_index_words(sample_engine: Engine) -> None:
    found = suggest(sample_engine._reader(), "داعيش Palmira", parse("داعيش Palmira"))
    assert found.corrections == (("داعيش", "داعش"), ("Palmira", "Palmyra"))
    for _, word in found.corrections:
        assert sample_engine.search(f'"{word}"').total > 0


def test_the_command_line_says_what_it_searched(sample_index, capsys: pytest.CaptureFixture[str]) -> None:
    from search.cli import main

    assert main(["query", "داعيش", "--index", str(sample_index)]) == 0
    out = capsys.readouterr().out
    total = Engine.open(sample_index).search("داعش").total
    assert "nothing matched داعيش; showing results for داعش" in out and f"{total} result(s)" in out
    assert main(["query", "Palmira", "attack", "--index", str(sample_index)]) == 0
    assert "did you mean: Palmyra attack" in capsys.readouterr().out
