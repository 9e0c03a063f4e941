"""Search parameters from a query string: read them, run the search, build links back.

The HTML page, its JSON twin and the RSS feed all read their parameters here,
so they cannot drift. Bounds the engine knows (query length, page size, result
window, dates, sort, month) are left to the engine, whose InvalidParameterError
names the parameter; this module only turns text into numbers and maps the web
names (q, from, to) onto the engine's (query, since, until) and back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from search.characters import without_forbidden
from search.engine import Engine
from search.errors import InvalidParameterError
from search.results import Results

DEFAULT_LIMIT = 10
MAX_VALUE_CHARS = 500  # any one filter value; the query's own cap is the engine's
# Web name → engine name, where they differ.
ENGINE_NAMES = {"q": "query", "from": "since", "to": "until"}
WEB_NAMES = {engine: web for web, engine in ENGINE_NAMES.items()}
FILTERS = ("lang", "source", "entity", "month", "from", "to")
_FIELDS = {"from": "start", "to": "end"}  # web names that are not SearchParams field names


@dataclass(frozen=True)
class SearchParams:
    """What one search page asks for, in web terms (`start`/`end` are `from`/`to`)."""

    q: str = ""
    lang: str = ""
    source: str = ""
    entity: str = ""
    month: str = ""
    start: str = ""
    end: str = ""
    sort: str = "relevance"
    page: int = 1
    limit: int = DEFAULT_LIMIT
    nocorrect: bool = False

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> SearchParams:
        """Parameters from a request's query string; InvalidParameterError names a bad one."""
        text = {name: _text(args, name) for name in ("q", "lang", "source", "entity", "month", "from", "to")}
        return cls(
            q=text["q"].strip(),
            lang=text["lang"],
            source=text["source"],
            entity=text["entity"],
            month=text["month"],
            start=text["from"],
            end=text["to"],
            sort=_text(args, "sort") or "relevance",
            page=_whole_number(args, "page", 1),
            limit=_whole_number(args, "limit", DEFAULT_LIMIT),
            nocorrect=_text(args, "nocorrect") in ("1", "true"),
        )

    def search(self, engine: Engine) -> Results:
        """Run the search these parameters describe."""
        options: dict[str, Any] = {
            "limit": self.limit,
            "page": self.page,
            "lang": self.lang or None,
            "source": self.source or None,
            "since": self.start or None,
            "until": self.end or None,
            "sort": self.sort,
            "month": self.month or None,
            "entity": self.entity or None,
            "correct": not self.nocorrect,
        }
        return engine.search(self.q, **options)

    # --- links back to the same page with something changed -------------------

    def as_args(self) -> dict[str, str]:
        """The parameters as a query string would carry them, defaults left out."""
        args = {
            "q": self.q,
            "lang": self.lang,
            "source": self.source,
            "entity": self.entity,
            "month": self.month,
            "from": self.start,
            "to": self.end,
            "sort": "" if self.sort == "relevance" else self.sort,
            "page": "" if self.page == 1 else str(self.page),
            "limit": "" if self.limit == DEFAULT_LIMIT else str(self.limit),
            "nocorrect": "1" if self.nocorrect else "",
        }
        return {name: value for name, value in args.items() if value}

    def changed(self, **changes: Any) -> SearchParams:
        """A copy with `changes` in web names (`**{"from": ...}` too); back to
        page 1 unless the page is what changes, as any other change reorders."""
        fields = {_FIELDS.get(name, name): value for name, value in changes.items()}
        fields.setdefault("page", 1)
        return replace(self, **fields)

    def link(self, path: str = "/", **changes: Any) -> str:
        """`path` with these parameters, changed by `changes` (see `changed`)."""
        query = urlencode(self.changed(**changes).as_args() if changes else self.as_args())
        return f"{path}?{query}" if query else path

    @property
    def filters(self) -> list[tuple[str, str]]:
        """The active filters as (web name, value), in a stable order."""
        named = [(name, getattr(self, _FIELDS.get(name, name))) for name in FILTERS]
        return [(name, value) for name, value in named if value]

    def without_filters(self) -> SearchParams:
        return self.changed(**{name: "" for name in FILTERS})


def error_for_web(error: InvalidParameterError) -> tuple[str, str]:
    """(message, parameter) of an engine error in web names: "since: ..." → "from: ..."."""
    name, _, rest = str(error).partition(":")
    rest = re.sub(r"\b(since|until)\b", lambda match: WEB_NAMES[match.group()], rest)
    parameter = WEB_NAMES.get(name, name)
    return f"{parameter}:{rest}", parameter


def _text(args: Mapping[str, str], name: str) -> str:
    # Control characters XML forbids would be echoed into the page and the RSS.
    value = without_forbidden(args.get(name) or "")
    # The query's own limit is checked (and reported with its length) by the engine.
    if name != "q" and len(value) > MAX_VALUE_CHARS:
        raise InvalidParameterError(f"{name}: over {MAX_VALUE_CHARS} characters; shorten it")
    return value


def _whole_number(args: Mapping[str, str], name: str, default: int) -> int:
    value = (args.get(name) or "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit():
        raise InvalidParameterError(f"{name}: must be a whole number from 1, got {value[:20]!r}")
    if len(value) > 9:
        raise InvalidParameterError(f"{name}: {value[:12]}… is far too large; use a smaller number")
    return int(value)
