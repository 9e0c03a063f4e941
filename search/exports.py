"""Package exports imported at first use (PEP 562), so that importing a package stays cheap.

The command line starts by importing `search` and `search.cli`; with their
exports imported eagerly that took 0.85 s, during which a Ctrl-C could only be
Python's traceback (search/cli/__init__.py).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

Hooks = tuple[Callable[[str], Any], Callable[[], list[str]]]


def lazy_exports(package: str, homes: Mapping[str, str]) -> Hooks:
    """The package's `__getattr__` and `__dir__`: `homes` maps each export to its module."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value  # the next lookup is an ordinary one
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
