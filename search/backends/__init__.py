"""The seam between the shared search stack and the engine that stores and matches terms.

Everything above this line is the same for every backend: ingestion,
analysis (both views), aliases and name keys, query parsing and expansion
into a plan (search/query/plan.py), highlighting, results, web, CLI. Below
it, a backend stores each article's fields and answers what searching.py,
suggest.py, indexing.py and engine.py ask, through the three small
protocols here:

- `Backend`: makes, recognises and opens the index in one generation folder;
- `Reader`: one thread's view of one index state (find, get, vocabulary);
- `Writer`: adds, replaces and deletes articles, then commits or cancels.

Two backends: `whoosh` (pure Python, any OS, the default) and `xapian`
(C++, the optional extra `news-search[xapian]`), and `cluster`, Xapian
over shard servers (search/backends/cluster/, made by `news-search cluster
init`, never chosen with --backend). A generation records the backend that
built it (BACKEND_FILE), so opening an index needs no flag.
"""

from __future__ import annotations

import importlib
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from search.errors import SearchError
from search.facets import COUNTED
from search.query.plan import Plan

BACKENDS = ("whoosh", "xapian")
DEFAULT_BACKEND = "whoosh"
BACKEND_FILE = "BACKEND"  # in each generation folder: the backend that wrote it
# Buffer of each writer process in a rebuild, where a backend can use one. Measured on 100k
# articles, 2 Whoosh writers (docs/benchmarks.md): 256 MB took 664 s and 1,080 MB peak; 160 MB
# 590 s and 844 MB.
WRITER_LIMIT_MB = 160
# Copies listed under a story's lead when results collapse (the rest are only counted).
MAX_SIMILAR = 20
# What is counted over every match (facets.py: the facets and the timeline's day and language),
# with the field each counts.
FACET_FIELDS = {spec.name: spec.field for spec in COUNTED}
_MODULES = {
    "whoosh": "search.backends.whoosh",
    "xapian": "search.backends.xapian",
    "cluster": "search.backends.cluster.backend",
}
_EXTRAS = {"xapian": "xapian", "cluster": "xapian"}  # pyproject.toml's optional dependencies


# Turns what a rebuild adds (a Document) into its index fields; called where the backend likes.
Prepare = Callable[[Any], Mapping[str, Any]]


class BackendUnavailableError(SearchError):
    """A backend was asked for whose library is not installed."""


@dataclass(frozen=True)
class Filters:
    """What every match must also be: the request's filters, in index terms."""

    lang: str | None = None
    source: str | None = None
    since: int | None = None  # date keys (index.date_key): seconds since 1970
    until: int | None = None
    month: str | None = None  # "YYYY-MM"
    entity: str | None = None  # a canonical entity id


@dataclass(frozen=True)
class StoredHit:
    """One ranked match: its stored fields (Document's names, plus entity_ids) and its score;
    when results collapse, the stored fields of the copies of its story that also matched
    (up to MAX_SIMILAR, in the order of the results)."""

    fields: Mapping[str, Any]
    score: float
    similar: tuple[Mapping[str, Any], ...] = ()


@dataclass
class Found:
    """What one search found: the ranked window, and counts over every match.

    `entities_over` is 0 when the entity counts cover every match; a backend
    that counts entities over only the first N matches sets it to N. `stories`
    counts the distinct stories among the matches when the search collapsed
    (the window is then of stories), else it is `total`.
    """

    total: int
    hits: list[StoredHit] = field(default_factory=list)
    facets: dict[str, Counter[str]] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    entities_over: int = 0
    stories: int = -1  # -1: not counted (the same as total)

    def __post_init__(self) -> None:
        if self.stories < 0:
            self.stories = self.total


class Reader(Protocol):
    """One thread's view of one index state. Not shared between threads."""

    def find(
        self, plan: Plan, filters: Filters, sort: str, offset: int, limit: int, collapse: bool = False
    ) -> Found:
        """Matches `offset` to `offset + limit` of `plan` within `filters` ("relevance",
        "newest" or "oldest" first), the total, and the facet and entity counts (always per
        article). With `collapse`, the window is of stories: each story's first match in
        that order leads (relevance: on a tie the earliest published), its other matching
        copies in `similar`."""
        ...

    def document(self, field: str, value: str) -> dict[str, Any] | None:
        """The stored fields of the article whose `field` ("id" or "content_hash") is `value`."""
        ...

    def articles_with_term(self, field: str, term: str, count: int) -> list[dict[str, Any]]:
        """The stored fields of up to `count` articles with `term` in the view `field`, the best
        ranked first (spelling: how the articles write a word)."""
        ...

    def articles_with_any(self, field: str, terms: list[str], count: int) -> list[dict[str, Any]]:
        """The stored fields of up to `count` articles with any of `terms` in the keyword
        field `field`, those with most of them first (a new article's story: its band keys)."""
        ...

    def stored_documents(self) -> Iterator[dict[str, Any]]:
        """Every article's stored fields (stats)."""
        ...

    def doc_count(self) -> int: ...

    def doc_frequency(self, field: str, term: str) -> int:
        """How many articles have `term` in `field`."""
        ...

    def frequency_with(self, field: str, term: str, other_field: str, other_term: str) -> tuple[int, int]:
        """How many articles have `term` in `field`, and how many of those also have
        `other_term` in `other_field`: how many of the articles with a word capitalise it
        (the capitalised field), which tells a name typed in lowercase from a word."""
        ...

    def words_with_prefix(self, field: str, prefix: str) -> Iterator[str]:
        """The indexed words of `field` starting with `prefix`, in term order (wildcards)."""
        ...

    def words_near(self, field: str, word: str, distance: int, prefix: int) -> set[str]:
        """Indexed words of `field` within `distance` edits of `word`, sharing its first `prefix` letters."""
        ...

    def up_to_date(self) -> bool:
        """False once another writer committed or a rebuild swapped generations."""
        ...

    def warm(self) -> None:
        """Build per-index-state tables now, not on a reader's first search."""
        ...

    def close(self) -> None: ...


class Writer(Protocol):
    """Changes to one generation, made visible together by `commit`."""

    def add(self, item: Any) -> None:
        """A new article (its id is not in the index): its index fields, or, for a writer made
        with `prepare`, what `prepare` turns into them (where the backend chooses: Xapian
        does it in its worker processes)."""
        ...

    def update(self, fields: Mapping[str, Any]) -> None:
        """Add the article, replacing any with the same id."""
        ...

    def delete(self, doc_id: str) -> bool:
        """Remove the article with this id; False if there was none."""
        ...

    def commit(self) -> None: ...

    def cancel(self) -> None: ...


class Backend(Protocol):
    name: str
    remote: bool  # whether the data lives elsewhere (readers hold no files of a generation)

    def create(self, folder: Path) -> None:
        """An empty index in a new generation folder."""
        ...

    def exists(self, folder: Path) -> bool: ...

    def reader(self, folder: Path) -> Reader: ...

    def writer(
        self,
        folder: Path,
        bulk: bool = False,
        procs: int = 1,
        limitmb: int = WRITER_LIMIT_MB,
        prepare: Prepare | None = None,
    ) -> Writer:
        """A writer; `bulk` for a rebuild (many documents, fresh index), with `procs` processes
        and `limitmb` of buffer where the backend can use them. `prepare` makes an added
        item's index fields (a rebuild's alias annotation is most of its Python work)."""
        ...

    def discard(self, folder: Path) -> None:
        """Delete a generation that is no longer live, or never was."""
        ...


class LocalFiles:
    """What the backends whose whole index is the generation folder share."""

    remote = False

    def discard(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)


def get_backend(name: str) -> Backend:
    """The backend called `name`; BackendUnavailableError says how to install a missing one."""
    if name not in _MODULES:
        raise SearchError(f"backend: {name!r} is not one of {', '.join(BACKENDS)}")
    try:
        module = importlib.import_module(_MODULES[name])
    except ImportError as error:
        extra = _EXTRAS.get(name)
        command = f"pip install 'news-search[{extra}]'" if extra else "pip install news-search"
        raise BackendUnavailableError(
            f"backend: {name} needs its library ({error.name}); install it with {command}"
        ) from error
    return module.BACKEND


def backend_of(folder: Path) -> str:
    """The backend that wrote a generation (folders from before the seam are Whoosh)."""
    try:
        return (folder / BACKEND_FILE).read_text("utf-8").strip() or DEFAULT_BACKEND
    except FileNotFoundError:
        return DEFAULT_BACKEND
