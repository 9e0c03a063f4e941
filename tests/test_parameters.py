"""Search parameters are declared once, on SearchRequest; the web and the CLI offer every one."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, fields
from typing import Any

import pytest

from search.cli import build_parser
from search.cli.querying import search_options
from search.parameters import Parameter, parameter, parameters
from search.searching import PARAMETERS, SearchRequest
from tests.conftest import PROJECT
from web.params import FILTERS, WEB_NAMES, SearchParams


def test_every_field_of_search_request_is_a_parameter() -> None:
    assert [spec.name for spec in PARAMETERS] == [each.name for each in fields(SearchRequest)]
    assert all(spec.help for spec in PARAMETERS)
    assert WEB_NAMES == {"query": "q", "since": "from", "until": "to"}
    assert FILTERS == ("lang", "source", "entity", "month", "from", "to")


def example(spec: Parameter) -> Any:
    """A value of `spec` other than its default, as Engine.search would take it."""
    if spec.choices:
        return next(choice for choice in spec.choices if choice != spec.default)
    if spec.whole_number:
        return spec.default + 1
    if spec.flag:
        return not spec.default
    return f"{spec.name}-value"


def as_text(spec: Parameter, value: Any) -> str:
    """`value` as a query string carries it (a flag as 1 or 0)."""
    return ("1" if value else "0") if spec.flag else str(value)


def as_options(spec: Parameter, value: Any) -> list[str]:
    """`value` as `news-search query` takes it (a flag as --name or --no-name)."""
    if spec.flag:
        return [spec.cli if value else spec.cli.replace("--", "--no-", 1)]
    return [spec.cli, str(value)]


@pytest.mark.parametrize("spec", PARAMETERS, ids=lambda spec: spec.name)
def test_the_web_and_the_command_line_offer_every_parameter(spec: Parameter) -> None:
    """A field added to SearchRequest reaches Engine.search from a query string and from `query`'s options."""
    value = example(spec)
    web = SearchParams.from_args({"q": "words", spec.web: as_text(spec, value)})
    assert web.search_options()[spec.name] == value
    assert web.as_args()[spec.web] == as_text(spec, value)  # and links back keep it
    option = as_options(spec, value) if spec.cli else []
    words = [] if spec.cli else [str(value)]
    args = build_parser().parse_args(["query", *(words or ["words"]), *option])
    assert search_options(args)[spec.name] == value


def test_defaults_reach_the_engine_unchanged() -> None:
    """Nothing given on the web or the command line is the engine's own default."""
    web = SearchParams.from_args({"q": "words"}).search_options()
    command = search_options(build_parser().parse_args(["query", "words"]))
    for spec in PARAMETERS:
        if spec.name != "query":
            assert web[spec.name] == command[spec.name] == spec.default, spec.name
    assert web["correct"] is True


def test_a_field_without_a_declaration_is_refused() -> None:
    @dataclass(frozen=True)
    class Request:
        query: str = field(metadata=parameter(help="words", web="q", cli=""))
        undeclared: int = 1

    with pytest.raises(TypeError, match=r"Request.undeclared: declare it with field\(metadata=parameter"):
        parameters(Request)


def test_unknown_options_are_a_type_error(sample_engine) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        sample_engine.search("Syria", colour="red")


def test_every_parameter_error_names_its_parameter() -> None:
    """Each InvalidParameterError raised in search/ and web/ sets `parameter`, which the web reports:
    the web never reads the parameter out of the message."""
    unnamed = [
        f"{path.relative_to(PROJECT)}:{call.lineno}"
        for path in sorted([*(PROJECT / "search").rglob("*.py"), *(PROJECT / "web").rglob("*.py")])
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", "") == "InvalidParameterError"
        and len(call.args) < 2
        and not any(keyword.arg == "parameter" for keyword in call.keywords)
    ]
    assert not unnamed
