"""Bad queries end in results or a clear message: never an exception, an error page or unbounded work."""

from __future__ import annotations

import pytest

from search import Engine, InvalidParameterError
from search.searching import MAX_WILDCARD_WORDS, IndexVocabulary


@pytest.mark.parametrize(
    ("query", "says", "finds"),
    [
        ("", "Nothing to search for", False),
        ("   ", "Nothing to search for", False),
        ("ًٌٍَُِّْ", "Nothing to search for", False),  # only diacritics
        ("ـــ", "Nothing to search for", False),  # only tatweel
        ("the of and", "", True),  # only stopwords: matched exactly
        ("في على من", "", True),
        ('"Raqqa checkpoints', "", True),  # an unbalanced quote
        ("((Raqqa", "", True),
        ("Raqqa))", "", True),
        ("nosuchfield:Raqqa", "", True),
        ("NOT", "Nothing to search for", False),
        ("*", "needs 2 letters or more before the *", False),
        ("a*", "needs 2 letters or more before the *", False),
        ("ال*", "the 50 most common were searched", True),
        ("syr*", "", True),
        ("سور*", "", True),
        ("zzqx*", "", False),
    ],
)
def test_bad_queries(sample_engine: Engine, query: str, says: str, finds: bool) -> None:
    results = sample_engine.search(query)
    assert says in results.message
    assert bool(results.total) is finds


def test_very_long_query_is_refused_with_its_length(sample_engine: Engine) -> None:
    with pytest.raises(InvalidParameterError, match=r"^query: 10000 characters is over the limit of 500"):
        sample_engine.search("س" * 10_000)


def test_wildcard_marks_the_words_it_found(sample_engine: Engine) -> None:
    hit = sample_engine.search("syr*", lang="en")[0]
    assert "<mark>Syria" in hit.snippet or "<mark>Syrian" in hit.snippet


def test_wildcard_expansion_is_bounded(sample_engine: Engine) -> None:
    words, more = IndexVocabulary(sample_engine._reader()).prefixed("body_exact", "ال")
    assert len(words) == MAX_WILDCARD_WORDS and more
    assert all(word.startswith("ال") for word in words)


def test_deep_nesting_is_refused_by_the_engine_not_a_recursion_error(sample_engine: Engine) -> None:
    with pytest.raises(InvalidParameterError, match=r"^query: parentheses nested 300 deep"):
        sample_engine.search("(" * 300 + "Palmyra")
    assert sample_engine.search("(" * 32 + "Palmyra").total > 0


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"since": "1800-01-01"}, "since: '1800-01-01' is out of range"),
        ({"until": "2150-06-30"}, "until: '2150-06-30' is out of range"),
        ({"since": "0001-01-01"}, "since: '0001-01-01' is out of range"),
        ({"until": "9999-12-31"}, "until: '9999-12-31' is out of range"),
        ({"since": __import__("datetime").date(1850, 3, 1)}, "since: 1850-03-01 is out of range"),
        ({"month": "1899-12"}, "month: '1899-12' is out of range"),
        ({"month": "2100-01"}, "month: '2100-01' is out of range"),
    ],
)
def test_dates_outside_the_searched_years_state_the_range(sample_engine: Engine, options, says) -> None:
    with pytest.raises(
        InvalidParameterError, match="dates from 1900-01-01 to 2099-12-31 are searched"
    ) as caught:
        sample_engine.search("Palmyra", **options)
    assert str(caught.value).startswith(says)


def test_the_edges_of_the_range_are_searched(sample_engine: Engine) -> None:
    assert sample_engine.search("Palmyra", since="1900-01-01", until="2099-12-31").total > 0
    assert sample_engine.search("Palmyra", month="2099-12").total == 0


def test_deep_nesting_on_the_command_line_exits_2_with_one_line(
    sample_index, capsys: pytest.CaptureFixture[str]
) -> None:
    from search.cli import main

    assert main(["query", "(" * 244 + "a", "--index", str(sample_index)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: query: parentheses nested 244 deep") and len(err.splitlines()) == 1
