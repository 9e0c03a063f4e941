"""Shared fixtures: paths to the real data and indexes built once per session.

Tests read the seed pages and corpora from ../shared (next to the project
folder) and skip with a clear reason when that folder is absent; CI runs
where it exists. The bundled sample corpus is always there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from search import Engine
from search.cli import sample_corpus
from search.ingest.sources import read_sources

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWS_SEARCH_SHARED", PROJECT.parent / "shared"))
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    """`path`, or skip the test saying which shared data is missing."""
    if not path.exists():
        pytest.skip(f"{path} is not here (set NEWS_SEARCH_SHARED to the shared folder)")
    return path


@pytest.fixture(scope="session")
def seeds() -> Path:
    return need(SEEDS)


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    """An index of the five seed pages, built once."""
    path = tmp_path_factory.mktemp("seeds") / "index"
    report = Engine.rebuild(path, read_sources([seeds]), procs=1)
    assert report.added == 5 and not report.rejected, report.summary()
    return path


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled sample corpus, built once."""
    path = tmp_path_factory.mktemp("sample") / "index"
    report = Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    assert report.added >= 40 and not report.rejected, report.summary()
    return path


@pytest.fixture
def seeds_engine(seeds_index: Path):
    with Engine.open(seeds_index) as engine:
        yield engine


@pytest.fixture
def sample_engine(sample_index: Path):
    with Engine.open(sample_index) as engine:
        yield engine
