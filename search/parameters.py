"""How a search parameter is offered outside Python: its web name, its command-line option, its help.

Declared once, on the fields of SearchRequest (search/searching.py), as
`field(metadata=parameter(...))`; Engine.search, the web's SearchParams and
`news-search query` read the specs back with `parameters(...)` instead of
each listing the parameters by hand. A field without a spec is an error at
import, so a new parameter cannot be left out of the web or the command line.
Knows nothing about searching.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any

_SPEC = "search.parameter"  # the key of a field's metadata holding its spec


@dataclass(frozen=True)
class Parameter:
    """One search parameter: its name in Python, on the web, on the command line."""

    name: str  # the SearchRequest field and the Engine.search keyword
    default: Any  # None for the query, which has none
    help: str  # one line, for --help
    web: str  # query-string name (q, from, to; else the name itself)
    cli: str  # the query command's option, or "" for its positional words (the query)
    metavar: str = ""
    choices: tuple[str, ...] = ()
    narrows: bool = False  # a filter: narrows the matches (the web lists and clears these together)

    @property
    def whole_number(self) -> bool:
        """Read as a number on the web and the command line (page, limit)."""
        return type(self.default) is int

    @property
    def flag(self) -> bool:
        """On or off (collapse): `1`/`0` on the web, `--name`/`--no-name` on the command line."""
        return type(self.default) is bool


def parameter(
    *,
    help: str,
    web: str = "",
    cli: str | None = None,
    metavar: str = "",
    choices: tuple[str, ...] = (),
    narrows: bool = False,
) -> dict[str, Any]:
    """The metadata that makes a dataclass field a search parameter:
    `field(default=..., metadata=parameter(help=...))`. `web` defaults to the
    field's name, `cli` to `--name`."""
    spec = {"help": help, "web": web, "cli": cli, "metavar": metavar, "choices": choices, "narrows": narrows}
    return {_SPEC: spec}


def parameters(request: type) -> tuple[Parameter, ...]:
    """The spec of every field of the dataclass `request`, in field order."""
    specs = []
    for each in fields(request):
        if _SPEC not in each.metadata:
            raise TypeError(
                f"{request.__name__}.{each.name}: declare it with field(metadata=parameter(...)), "
                "so the web and the command line offer it"
            )
        spec = dict(each.metadata[_SPEC])
        spec["web"] = spec["web"] or each.name
        spec["cli"] = f"--{each.name.replace('_', '-')}" if spec["cli"] is None else spec["cli"]
        default = None if each.default is MISSING else each.default
        specs.append(Parameter(name=each.name, default=default, **spec))
    return tuple(specs)
