"""Bilingual Arabic–English news search: one index, Arabic-aware analysis, cross-lingual aliases.

    from search import Engine
    with Engine.open("index") as engine:
        for hit in engine.search("داعش"):
            print(hit.title, hit.snippet)

Everything not listed in __all__ is internal and may change.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from search.documents import Document
    from search.engine import Engine
    from search.errors import (
        IndexExistsError,
        IndexLockedError,
        IndexNotFoundError,
        IndexWriteError,
        InvalidDocumentError,
        InvalidParameterError,
        SearchError,
        UndecodableError,
    )
    from search.ingest.outcomes import Notice, Rejection
    from search.reports import IndexReport
    from search.results import Hit, Results

# Imported at first use, not with the package: the command line starts with `import search`,
# and a Ctrl-C during these imports (0.3 s) could only be Python's traceback (search/cli).
_HOMES = {
    "Document": "search.documents",
    "Engine": "search.engine",
    "Hit": "search.results",
    "IndexExistsError": "search.errors",
    "IndexLockedError": "search.errors",
    "IndexNotFoundError": "search.errors",
    "IndexReport": "search.reports",
    "IndexWriteError": "search.errors",
    "InvalidDocumentError": "search.errors",
    "InvalidParameterError": "search.errors",
    "Notice": "search.ingest.outcomes",
    "Rejection": "search.ingest.outcomes",
    "Results": "search.results",
    "SearchError": "search.errors",
    "UndecodableError": "search.errors",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'search' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "Document",
    "Engine",
    "Hit",
    "IndexExistsError",
    "IndexLockedError",
    "IndexNotFoundError",
    "IndexReport",
    "IndexWriteError",
    "InvalidDocumentError",
    "InvalidParameterError",
    "Notice",
    "Rejection",
    "Results",
    "SearchError",
    "UndecodableError",
]
