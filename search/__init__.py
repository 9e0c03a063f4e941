"""Bilingual Arabic–English news search: one index, Arabic-aware analysis, cross-lingual aliases.

    from search import Engine
    with Engine.open("index") as engine:
        for hit in engine.search("داعش"):
            print(hit.title, hit.snippet)

Everything not listed in __all__ is internal and may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.exports import lazy_exports

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

# Imported at first use (search/exports.py).
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
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

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
