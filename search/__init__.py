"""Bilingual Arabic–English news search: one index, Arabic-aware analysis, cross-lingual aliases.

    from search import Engine
    with Engine.open("index") as engine:
        for hit in engine.search("داعش"):
            print(hit.title, hit.snippet)

Everything not listed in __all__ is internal and may change.
"""

from __future__ import annotations

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
