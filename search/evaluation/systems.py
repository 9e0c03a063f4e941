"""The systems under evaluation: build an index from records, answer a query with ranked ids.

`ProjectSystem` is the real Engine (the same rebuild and search a user
runs). `WhooshBaseline` is a bare Whoosh index with another analyzer, the
same title and body fields and the same BM25F, queried with the OR of the
analysed words over both fields, unboosted, as a plain setup would be.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from whoosh import fields, index, scoring
from whoosh import query as wq
from whoosh.analysis import Analyzer

from search.backends import DEFAULT_BACKEND, BackendUnavailableError, get_backend
from search.engine import Engine
from search.evaluation import baselines
from search.index import IndexStore

Record = Mapping[str, Any]


class System(Protocol):
    name: str

    def build(self, records: Iterable[Record], folder: Path) -> None: ...

    def search(self, text: str, limit: int, lang: str | None = None) -> list[str]: ...

    def close(self) -> None: ...


def corpus_index_arguments(parser: argparse.ArgumentParser) -> None:
    """--data and --index, as every script that measures on a corpus index takes them."""
    parser.add_argument("--data", type=Path, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--index", type=Path, help="keep the corpus index here (built if missing)")


@contextmanager
def corpus_index(records: Iterable[Record], folder: Path | None, prefix: str) -> Iterator[Path]:
    """An index of `records` in `folder`, built if it has none (kept for the next run of a
    measuring script), or in a temporary folder that goes when done."""
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        folder = folder or Path(scratch) / "index"
        if not IndexStore(folder).exists():
            records = list(records)
            print(f"indexing {len(records):,} articles into {folder}", file=sys.stderr)
            Engine.rebuild(folder, records)
        yield folder


class ProjectSystem:
    """news-search itself, in the any-word mode (see docs/evaluation.md), on one backend."""

    def __init__(self, match: str = "any", backend: str = DEFAULT_BACKEND) -> None:
        self.match = match
        self.backend = backend
        self.name = "news-search" if backend == DEFAULT_BACKEND else f"news-search-{backend}"
        self.engine: Engine | None = None

    def build(self, records: Iterable[Record], folder: Path) -> None:
        Engine.rebuild(folder, records, backend=self.backend)
        self.engine = Engine.open(folder)

    def open(self, folder: Path) -> None:
        self.engine = Engine.open(folder)

    def search(self, text: str, limit: int, lang: str | None = None) -> list[str]:
        assert self.engine is not None, "build() or open() first"
        # Every article, copies of one story included: judgments are per article, and the
        # baselines do not fold either.
        hits = self.engine.search(text, limit=limit, lang=lang, match=self.match, collapse=False)
        return [hit.id for hit in hits]

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None


def baseline_schema(analyzer: Analyzer) -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(analyzer=analyzer),
        body=fields.TEXT(analyzer=analyzer),
        lang=fields.ID(stored=True),
    )


class WhooshBaseline:
    """A plain Whoosh index: one default single-process writer, BM25F, OR of the query words."""

    def __init__(self, name: str, analyzer: Callable[[], Analyzer]) -> None:
        self.name = name
        self.analyzer = analyzer()
        self.ix: index.Index | None = None
        self.searcher = None

    def build(self, records: Iterable[Record], folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ix = index.create_in(str(folder), baseline_schema(self.analyzer))
        writer = self.ix.writer()
        for record in records:
            writer.add_document(
                id=record["id"], title=record.get("title") or "", body=record["body"], lang=record["lang"]
            )
        writer.commit()
        self.searcher = self.ix.searcher(weighting=scoring.BM25F())  # Whoosh's defaults

    def search(self, text: str, limit: int, lang: str | None = None) -> list[str]:
        assert self.searcher is not None, "build() first"
        words = [token.text for token in self.analyzer(text, mode="query")]
        if not words:
            return []
        query = wq.Or([wq.Term(name, word) for word in words for name in ("title", "body")])
        found = self.searcher.search(query, limit=limit, filter=wq.Term("lang", lang) if lang else None)
        return [hit["id"] for hit in found]

    def close(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
        if self.ix is not None:
            self.ix.close()
        self.searcher = self.ix = None


def standard_systems() -> list[System]:
    """What every evaluation run compares: ours (on each backend installed) and the two baselines."""
    ours: list[System] = [ProjectSystem()]
    try:
        get_backend("xapian")
        ours.append(ProjectSystem(backend="xapian"))
    except BackendUnavailableError:
        pass
    return [
        *ours,
        WhooshBaseline("lucene-ar+porter", baselines.lucene_arabic_english_analyzer),
        WhooshBaseline("whoosh-standard", baselines.plain_whoosh_analyzer),
    ]
