"""Which analysis built an index.

An index keeps the terms of the analysis that wrote it, and a query analysed
another way misses them: a word made a stopword, a changed stem rule, a field
an older index does not have. An upgrade does not rebuild anybody's index, so
each generation records the fingerprint of its analysis, and `stats` and
`serve` say when the running code analyses otherwise.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

# Raised by hand with each change to how text becomes terms: search/analysis, the
# fields of search/index.py and the backends' schemas. The word lists are hashed.
ANALYSIS_REVISION = 1


@functools.cache
def analysis_fingerprint() -> str:
    """A hash of ANALYSIS_REVISION and of every word list the analysis reads."""
    digest = hashlib.sha1(f"revision {ANALYSIS_REVISION}\n".encode())
    data = resources.files("search.analysis").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda item: item.name):
        if item.name.endswith(".txt"):
            digest.update(item.name.encode() + b"\n" + item.read_bytes())
    return digest.hexdigest()[:16]
