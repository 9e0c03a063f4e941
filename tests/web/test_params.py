"""Reading search parameters and building links back (web/params.py)."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from search import InvalidParameterError
from search.searching import SearchRequest
from web.params import SearchParams, error_for_web


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, SearchParams()),
        ({"q": "  داعش  "}, SearchParams(q="داعش")),
        ({"q": "x", "page": "3", "limit": "25"}, SearchParams(q="x", page=3, limit=25)),
        (
            {"q": "x", "from": "2026-01-01", "to": "2026-02-01"},
            SearchParams(q="x", **{"from": "2026-01-01", "to": "2026-02-01"}),
        ),
        (
            {"q": "x", "lang": "ar", "source": "Levant Wire"},
            SearchParams(q="x", lang="ar", source="Levant Wire"),
        ),
        (
            {"q": "x", "month": "2025-12", "sort": "newest"},
            SearchParams(q="x", month="2025-12", sort="newest"),
        ),
        ({"q": "x", "nocorrect": "1"}, SearchParams(q="x", nocorrect=True)),
        ({"q": "x", "match": "any", "entity": "isis"}, SearchParams(q="x", match="any", entity="isis")),
        ({"q": "x", "match": ""}, SearchParams(q="x")),
        ({"q": "x", "page": ""}, SearchParams(q="x")),
        ({"q": "x", "ui": "ar", "unknown": "ignored"}, SearchParams(q="x")),
    ],
)
def test_from_args(args: dict[str, str], expected: SearchParams) -> None:
    assert SearchParams.from_args(args) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"page": "two"}, "page: must be a whole number from 1, got 'two'"),
        ({"limit": "1.5"}, "limit: must be a whole number from 1, got '1.5'"),
        ({"page": "٣"}, "page: must be a whole number from 1, got '٣'"),  # Arabic-Indic digits: say so
        ({"page": "1" * 12}, "page: 111111111111… is far too large; use a smaller number"),
        ({"source": "s" * 501}, "source: over 500 characters; shorten it"),
    ],
)
def test_bad_args_name_the_parameter(args: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidParameterError) as error:
        SearchParams.from_args(args)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("options", "web_message", "parameter"),
    [
        ({"since": "x"}, "from: 'x' is not a date; use YYYY-MM-DD", "from"),
        ({"until": "x"}, "to: 'x' is not a date; use YYYY-MM-DD", "to"),
        ({"since": "2026-02-01", "until": "2026-01-01"}, "from: is after to; swap them", "from"),
        ({"query": "x" * 501}, "q: 501 characters is over the limit of 500; shorten it", "q"),
        ({"limit": 101}, "limit: must be a whole number from 1 to 100, got 101", "limit"),
        (  # "query" in a sentence is a word, not the parameter
            {"page": 11, "limit": 100},
            "page: results are served up to number 1000; page 11 of 100 goes past it "
            "(narrow the query or filters instead)",
            "page",
        ),
    ],
)
def test_engine_errors_in_web_names(options: dict, web_message: str, parameter: str) -> None:
    options = dict(options)
    with pytest.raises(InvalidParameterError) as error:
        SearchRequest.checked(options.pop("query", "x"), **options)
    assert error_for_web(error.value) == (web_message, parameter)


def test_the_parameter_comes_from_the_error_not_its_text() -> None:
    error = InvalidParameterError("dates after 2099 are not searched", parameter="until")
    assert error_for_web(error) == ("dates after 2099 are not searched", "to")


PARAMS = SearchParams(q="داعش", lang="ar", sort="newest", page=3)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, [("q", "داعش"), ("lang", "ar"), ("sort", "newest"), ("page", "3")]),
        ({"page": 4}, [("q", "داعش"), ("lang", "ar"), ("sort", "newest"), ("page", "4")]),
        ({"lang": ""}, [("q", "داعش"), ("sort", "newest")]),  # a filter change goes back to page 1
        (
            {"source": "Levant Wire"},
            [("q", "داعش"), ("lang", "ar"), ("source", "Levant Wire"), ("sort", "newest")],
        ),
        ({"sort": "relevance"}, [("q", "داعش"), ("lang", "ar")]),  # defaults are left out
        (
            {"match": "any"},
            [("q", "داعش"), ("lang", "ar"), ("sort", "newest"), ("match", "any")],
        ),
        (
            {"from": "2026-01-01"},
            [("q", "داعش"), ("lang", "ar"), ("from", "2026-01-01"), ("sort", "newest")],
        ),
    ],
)
def test_links_change_one_thing(changes: dict, expected: list[tuple[str, str]]) -> None:
    link = PARAMS.link("/", **changes)
    assert link.startswith("/?") and parse_qsl(link[2:]) == expected


def test_filters_and_clearing_them() -> None:
    params = SearchParams(q="x", lang="ar", month="2025-12", **{"from": "2025-01-01"})
    assert params.filters == [("lang", "ar"), ("month", "2025-12"), ("from", "2025-01-01")]
    assert params.without_filters() == SearchParams(q="x")
    assert SearchParams().link("/") == "/"
