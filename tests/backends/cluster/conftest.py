"""Shard servers on loopback for the cluster tests: `news-search shard serve` in a subprocess each.

Only 127.0.0.1 is ever used. Without Debian's xapian-tcpsrv (package
xapian-tools) or the Xapian extra these tests skip, saying what to install;
under CI=true they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from search import Engine
from search.backends import BackendUnavailableError, get_backend
from search.backends.cluster.local import RunningShard, ShardPool
from search.cli import sample_corpus
from search.ingest.sources import read_sources


def need_shard_servers() -> None:
    problems = []
    if shutil.which("xapian-tcpsrv") is None:
        problems.append("xapian-tcpsrv is missing (apt-get install xapian-tools)")
    try:
        get_backend("xapian")
    except BackendUnavailableError as error:
        problems.append(str(error))
    if problems:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI runs the cluster tests: {'; '.join(problems)}")
        pytest.skip("; ".join(problems))


def init_cluster(path: Path, shards: list[RunningShard], timeout_ms: int = 10_000) -> None:
    from search.cli.entry import main

    arguments = ["cluster", "init", str(path), "--timeout-ms", str(timeout_ms)]
    for shard in shards:
        arguments += ["--shard", shard.address]
    assert main(arguments) == 0


@pytest.fixture
def shard_pool(tmp_path: Path) -> Iterator[ShardPool]:
    need_shard_servers()
    pool = ShardPool(tmp_path)
    yield pool
    pool.stop_all()


@pytest.fixture(scope="session")
def session_shards(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[RunningShard]]:
    """Two shard servers for the whole session (tests that only read share them)."""
    need_shard_servers()
    pool = ShardPool(tmp_path_factory.mktemp("shards"))
    yield pool.start(2)
    pool.stop_all()


@pytest.fixture(scope="session")
def sample_cluster(tmp_path_factory: pytest.TempPathFactory, session_shards: list[RunningShard]) -> Path:
    """The bundled sample corpus on a cluster of two shards."""
    path = tmp_path_factory.mktemp("cluster") / "index"
    init_cluster(path, session_shards)
    report = Engine.rebuild(path, read_sources([sample_corpus()]), procs=2)
    assert report.added >= 40 and not report.rejected, report.summary()
    return path


@pytest.fixture(scope="session")
def sample_single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same corpus in one local Xapian index, to compare with."""
    need_shard_servers()
    path = tmp_path_factory.mktemp("single") / "index"
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend="xapian")
    return path
