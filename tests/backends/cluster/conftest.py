"""Shard servers on loopback for the cluster tests: `news-search shard serve` in a subprocess each.

Only 127.0.0.1 is ever used. Without Debian's xapian-tcpsrv (package
xapian-tools) or the Xapian extra these tests skip, saying what to install;
under CI=true they fail instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from search import Engine
from search.backends import BackendUnavailableError, get_backend
from search.cli import sample_corpus
from search.ingest.sources import read_sources

LOOPBACK = "127.0.0.1"
READY_SECONDS = 20.0


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


def free_port_pair() -> int:
    """A loopback port P such that P and P+1 are both free now (a shard listens on both)."""
    for _ in range(100):
        with socket.socket() as probe:
            probe.bind((LOOPBACK, 0))
            port = probe.getsockname()[1]
        if port >= 65534:
            continue
        try:
            with socket.socket() as first, socket.socket() as second:
                first.bind((LOOPBACK, port))
                second.bind((LOOPBACK, port + 1))
        except OSError:
            continue
        return port
    raise RuntimeError("no two free loopback ports in a row")


@dataclass
class RunningShard:
    folder: Path
    port: int
    process: subprocess.Popen[str] = field(repr=False)

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def log(self) -> Path:
        return self.folder.with_suffix(".log")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=15)


def start_shard(folder: Path, port: int | None = None) -> RunningShard:
    """`news-search shard serve FOLDER` on loopback, returned once it answers Xapian's handshake."""
    import xapian

    port = port or free_port_pair()
    log = folder.with_suffix(".log")
    with log.open("a", encoding="utf-8") as output:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [sys.executable, "-m", "search", "shard", "serve", str(folder), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=output,
            text=True,
        )
    deadline = time.monotonic() + READY_SECONDS
    while True:
        try:
            xapian.remote_open(LOOPBACK, port + 1, 1000, 1000).close()
            xapian.remote_open(LOOPBACK, port, 1000, 1000).close()
            return RunningShard(folder, port, process)
        except xapian.Error:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"shard server did not start: {log.read_text('utf-8')}") from None
            time.sleep(0.1)


class ShardPool:
    """Shard servers started by a test (or a session), all stopped at its end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: list[RunningShard] = []

    def start(self, count: int) -> list[RunningShard]:
        shards = [start_shard(self.folder / f"shard-{len(self.running) + number}") for number in range(count)]
        self.running += shards
        return shards

    def restart(self, shard: RunningShard) -> RunningShard:
        shard.stop()
        again = start_shard(shard.folder, shard.port)
        self.running.append(again)
        return again

    def stop_all(self) -> None:
        for shard in self.running:
            if shard.process.poll() is None:
                shard.stop()


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
