"""Shared fixtures: paths to the real data and indexes built once per session.

Tests read the seed pages and corpora from ../shared (next to the project
folder) and skip with a clear reason when that folder is absent; CI runs
where it exists. The bundled sample corpus is always there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from search import Engine
from search.backends import BACKENDS, BackendUnavailableError, get_backend
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


def small_engine(
    tmp_path_factory: pytest.TempPathFactory, name: str, articles: list[dict[str, str]], backend: str
) -> Iterator[Engine]:
    """An index of a test module's own `articles` on `backend`, open while the module runs."""
    path = tmp_path_factory.mktemp(f"{name}-{backend}") / "index"
    Engine.rebuild(path, articles, procs=1, backend=backend)
    with Engine.open(path) as opened:
        yield opened


@pytest.fixture(scope="session")
def seeds() -> Path:
    return need(SEEDS)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each backend in turn: the indexes below, and every test that searches them, run on both.
    A missing Xapian extra skips its half with the pip command, and fails under CI=true."""
    name = request.param
    try:
        get_backend(name)
    except BackendUnavailableError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs both backends: {error}")
        pytest.skip(str(error))
    return name


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory: pytest.TempPathFactory, seeds: Path, backend: str) -> Path:
    """An index of the five seed pages, built once per backend."""
    path = tmp_path_factory.mktemp(f"seeds-{backend}") / "index"
    report = Engine.rebuild(path, read_sources([seeds]), procs=1, backend=backend)
    assert report.added == 5 and not report.rejected, report.summary()
    return path


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path:
    """An index of the bundled sample corpus, built once per backend."""
    path = tmp_path_factory.mktemp(f"sample-{backend}") / "index"
    report = Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=backend)
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


# Documents the web must show safely: markup and script in every field a page
# renders, an id that is a URL, a javascript: link. Indexed with the sample.
XSS_PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)></iframe>",
    "{{7*7}}",
)
HOSTILE_DOCUMENTS = (
    {
        "id": 'xss-"><svg onload=alert(1)>',
        "title": "Palmyra checkpoint " + " ".join(XSS_PAYLOADS),
        "body": "Palmyra: a report about checkpoints. "
        + " ".join(XSS_PAYLOADS)
        + "\n\nSecond paragraph near Palmyra </p><b>bold?</b> <a href=javascript:alert(1)>click</a>",
        "lang": "en",
        "published": "2026-03-20",
        "source": "<b onmouseover=alert(1)>Evil Wire</b>",
        "url": "javascript:alert(1)",
    },
    {
        # An id with "//", "?" and "#" in it (ids from URLs are canonicalised,
        # so it is given explicitly to keep those characters).
        "id": "https://example.org/wire/2026/03/21/raqqa-market?ref=rss#top",
        "url": "https://example.org/wire/2026/03/21/raqqa-market?ref=rss#top",
        "title": "Raqqa market reopens",
        "body": "Traders in Raqqa reopened the old market on Saturday.",
        "lang": "en",
        "published": "2026-03-21",
        "source": "Example Wire",
    },
    {
        # An id that walks out of /doc/ when a browser resolves it, and the
        # control characters XML 1.0 forbids in every field a page or feed prints.
        "id": "../../hostile-traversal",
        "title": "Zaatari\x01 camp convoy\x00 stopped\x1b[2J at the border\ufffe",
        "body": "Aid trucks reached the Zaatari camp on Monday.\x0b Officials\uffff said the convoy\x08 "
        "had waited two days at the border crossing.",
        "lang": "en",
        "published": "2026-03-22",
        "source": "Border\x07 Wire",
    },
)


@pytest.fixture(scope="session")
def hostile_documents() -> tuple[dict[str, str], ...]:
    return HOSTILE_DOCUMENTS


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path:
    """The bundled sample plus HOSTILE_DOCUMENTS: what the web tests and browser tests serve."""
    path = tmp_path_factory.mktemp(f"web-{backend}") / "index"
    documents = [*read_sources([sample_corpus()]), *HOSTILE_DOCUMENTS]
    report = Engine.rebuild(path, documents, procs=1, backend=backend)
    assert report.added == 54 + len(HOSTILE_DOCUMENTS) and not report.rejected, report.summary()
    return path
