"""Search parameters from a query string: read them, run the search, build links back.

The HTML page, its JSON twin and the RSS feed all read their parameters here,
so they cannot drift. The parameters are SearchRequest's (search/searching.py
declares each, with its web name), plus nocorrect. Bounds the engine knows
(query length, page size, result window, dates, sort, match, month, entity)
are left to the engine, whose InvalidParameterError names the parameter; this
module only turns text into numbers and maps the web names (q, from, to) onto
the engine's (query, since, until) and back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from search.characters import without_forbidden
from search.engine import Engine
from search.errors import InvalidParameterError
from search.results import Results
from search.searching import PARAMETERS

# Every SearchRequest field is a web parameter, by its web name (q, from, to;
# the others as the engine names them), plus nocorrect: Engine.search's `correct`, inverted.
_SPECS = {spec.web: spec for spec in PARAMETERS}
NOCORRECT = "nocorrect"
ENGINE_NAMES = {web: spec.name for web, spec in _SPECS.items() if web != spec.name}  # q → query, ...
WEB_NAMES = {engine: web for web, engine in ENGINE_NAMES.items()}
FILTERS = tuple(web for web, spec in _SPECS.items() if spec.narrows)  # lang, source, entity, month, from, to
_DEFAULTS: dict[str, Any] = {
    **{web: "" if spec.default is None else spec.default for web, spec in _SPECS.items()},
    NOCORRECT: False,
}
DEFAULT_LIMIT: int = _DEFAULTS["limit"]
MAX_VALUE_CHARS = 500  # any one filter value; the query's own cap is the engine's


class SearchParams:
    """What one search page asks for, by web name: the text of each parameter
    (page and limit as numbers, nocorrect as a flag), defaults where absent.

    `params.q`, `params.sort`, `params["from"]`; immutable (see `changed`).
    """

    __slots__ = ("_values",)

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(_DEFAULTS)
        if unknown:
            raise TypeError(f"SearchParams: no parameter {', '.join(sorted(unknown))}")
        object.__setattr__(self, "_values", {**_DEFAULTS, **values})

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> SearchParams:
        """Parameters from a request's query string; InvalidParameterError names a bad one."""
        values: dict[str, Any] = {}
        for web, spec in _SPECS.items():
            if spec.whole_number:
                values[web] = _whole_number(args, web, spec.default)
            elif spec.flag:
                values[web] = _flag(args, web, spec.default)
            else:
                text = _text(args, web)
                values[web] = (text.strip() if web == "q" else text) or _DEFAULTS[web]
        values[NOCORRECT] = _text(args, NOCORRECT) in ("1", "true")
        return cls(**values)

    def search_options(self) -> dict[str, Any]:
        """The Engine.search keywords these parameters stand for (empty text is no filter)."""
        options = {spec.name: None if self[web] == "" else self[web] for web, spec in _SPECS.items()}
        options[ENGINE_NAMES["q"]] = self.q  # the query is text, even when empty
        return {**options, "correct": not self.nocorrect}

    def search(self, engine: Engine) -> Results:
        """Run the search these parameters describe."""
        return engine.search(**self.search_options())

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"SearchParams has no parameter {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("SearchParams is immutable: use changed()")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SearchParams) and self._values == other._values

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SearchParams({self.as_args()!r})"

    # --- links back to the same page with something changed -------------------

    def as_args(self) -> dict[str, str]:
        """The parameters as a query string would carry them, defaults left out."""
        return {
            name: ("1" if value else "0") if isinstance(value, bool) else str(value)
            for name, value in self._values.items()
            if value != _DEFAULTS[name] and value not in ("", None)
        }

    def changed(self, **changes: Any) -> SearchParams:
        """A copy with `changes` in web names (`**{"from": ...}` too); back to
        page 1 unless the page is what changes, as any other change reorders."""
        return SearchParams(**{**self._values, "page": 1, **changes})

    def link(self, path: str = "/", **changes: Any) -> str:
        """`path` with these parameters, changed by `changes` (see `changed`)."""
        query = urlencode(self.changed(**changes).as_args() if changes else self.as_args())
        return f"{path}?{query}" if query else path

    @property
    def filters(self) -> list[tuple[str, str]]:
        """The active filters as (web name, value), in a stable order."""
        return [(name, self[name]) for name in FILTERS if self[name]]

    def without_filters(self) -> SearchParams:
        return self.changed(**{name: "" for name in FILTERS})


def error_for_web(error: InvalidParameterError) -> tuple[str, str]:
    """(message, parameter) of an error in web names: "since: ..." → "from: ...".

    The parameter is the error's own (`error.parameter`), never read from the
    text; the names in the text are swapped only where the error says they are:
    at its start, and the parameters it `mentions`."""
    engine_name = error.parameter
    parameter = WEB_NAMES.get(engine_name, engine_name)
    message = str(error)
    if engine_name and message.startswith(f"{engine_name}:"):
        message = parameter + message[len(engine_name) :]
    for name in error.mentions:
        message = re.sub(rf"\b{re.escape(name)}\b", WEB_NAMES.get(name, name), message)
    return message, parameter


def _text(args: Mapping[str, str], name: str) -> str:
    # Control characters XML forbids would be echoed into the page and the RSS.
    value = without_forbidden(args.get(name) or "")
    # The query's own limit is checked (and reported with its length) by the engine.
    if name != "q" and len(value) > MAX_VALUE_CHARS:
        raise InvalidParameterError(f"{name}: over {MAX_VALUE_CHARS} characters; shorten it", name)
    return value


_ON, _OFF = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _flag(args: Mapping[str, str], name: str, default: bool) -> bool:
    value = (args.get(name) or "").strip().lower()
    if not value:
        return default
    if value not in _ON + _OFF:
        raise InvalidParameterError(f"{name}: must be 1 or 0, got {value[:20]!r}", name)
    return value in _ON


def _whole_number(args: Mapping[str, str], name: str, default: int) -> int:
    value = (args.get(name) or "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit():
        raise InvalidParameterError(f"{name}: must be a whole number from 1, got {value[:20]!r}", name)
    if len(value) > 9:
        raise InvalidParameterError(f"{name}: {value[:12]}… is far too large; use a smaller number", name)
    return int(value)
