"""`news-search shard serve` and `cluster init`: starting, stopping, and their errors."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

import psutil
import pytest

from search import Engine
from search.backends.cluster import local
from search.backends.cluster.config import CLUSTER_FILE
from search.backends.cluster.local import LOOPBACK, ShardPool, free_port_pair
from search.cli import sample_corpus
from search.cli.entry import main
from search.ingest.sources import read_sources
from tests.backends.cluster.conftest import init_cluster, need_shard_servers


def _listening(pid: int) -> set[tuple[str, int]]:
    """Addresses the process tree of `pid` listens on (connection processes come and go)."""
    found = set()
    for process in [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]:
        try:
            connections = process.net_connections(kind="tcp")
        except psutil.NoSuchProcess:
            continue
        found |= {(c.laddr.ip, c.laddr.port) for c in connections if c.status == psutil.CONN_LISTEN}
    return found


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_shard_listens_on_loopback_and_stops_cleanly(shard_pool: ShardPool, stop_signal: int) -> None:
    shard = shard_pool.start(1)[0]
    assert _listening(shard.process.pid) == {(LOOPBACK, shard.port), (LOOPBACK, shard.port + 1)}
    children = psutil.Process(shard.process.pid).children(recursive=True)
    shard.process.send_signal(stop_signal)
    assert shard.process.wait(timeout=15) == 0
    assert "shard server stopped" in shard.log.read_text("utf-8")
    assert not [child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]
    with socket.socket() as probe:  # the port is free again
        probe.bind((LOOPBACK, shard.port))


def test_a_missing_server_program_names_its_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no xapian-tcpsrv on it
    assert main(["shard", "serve", str(tmp_path / "shard"), "--port", "40000"]) == 2
    error = capsys.readouterr().err
    assert "xapian-tcpsrv" in error and "xapian-tools" in error
    assert not (tmp_path / "shard").exists()


def test_a_busy_port_is_a_clear_error(
    shard_pool: ShardPool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard_pool.start(0)  # checks that the programs are here
    port = free_port_pair()
    with socket.socket() as busy:
        busy.bind((LOOPBACK, port + 1))
        busy.listen(1)
        assert main(["shard", "serve", str(tmp_path / "shard"), "--port", str(port)]) == 2
    error = capsys.readouterr().err
    assert "did not start" in error and "PORT+1" in error and "Traceback" not in error


def test_cluster_init_names_a_shard_that_is_not_running(
    shard_pool: ShardPool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    running = shard_pool.start(1)[0]
    down = f"{LOOPBACK}:{free_port_pair()}"
    path = tmp_path / "cluster"
    assert main(["cluster", "init", str(path), "--shard", running.address, "--shard", down]) == 3
    assert down in capsys.readouterr().err
    assert not path.exists()  # nothing half-made is left


@pytest.mark.parametrize(
    ("shard", "message"),
    [("localhost", "HOST:PORT"), ("127.0.0.1:65535", "65534"), ("127.0.0.1:http", "HOST:PORT")],
)
def test_a_bad_shard_address_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shard: str, message: str
) -> None:
    assert main(["cluster", "init", str(tmp_path / "cluster"), "--shard", shard]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "cluster").exists()


def test_a_cluster_folder_stays_a_cluster(
    shard_pool: ShardPool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shards = shard_pool.start(2)
    path = tmp_path / "cluster"
    init_cluster(path, shards)
    assert (path / CLUSTER_FILE).is_file()
    sample = str(sample_corpus())
    assert main(["rebuild-index", sample, "--index", str(path), "--backend", "xapian"]) == 2
    assert "cluster index" in capsys.readouterr().err
    assert main(["rebuild-index", sample, "--index", str(path)]) == 0
    with Engine.open(path) as engine:
        assert engine.backend == "cluster" and engine.doc_count() >= 40
    # init again over an index needs --force; with it, the shards are the new ones.
    assert main(["cluster", "init", str(path), "--shard", shards[0].address]) == 2
    assert main(["cluster", "init", str(path), "--shard", shards[0].address, "--force"]) == 0
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    with Engine.open(path) as engine:
        assert engine.doc_count() >= 40


def test_a_restarted_shard_keeps_its_articles(shard_pool: ShardPool, tmp_path: Path) -> None:
    shards = shard_pool.start(1)
    path = tmp_path / "cluster"
    init_cluster(path, shards)
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)
    with Engine.open(path) as engine:
        before = engine.search("داعش").total
    again = shard_pool.restart(shards[0])
    assert again.port == shards[0].port
    with Engine.open(path) as engine:
        assert engine.search("داعش").total == before > 0


def test_a_shard_whose_free_pair_is_taken_meanwhile_starts_on_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between free_port_pair's check and the server's bind another process may take a port
    # (an outgoing connection is given one as its own): the pool then tries another pair.
    need_shard_servers()
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        busy = taken.getsockname()[1]
        pairs = iter([busy, free_port_pair()])
        monkeypatch.setattr(local, "free_port_pair", lambda: next(pairs))
        shard = local.start_shard(tmp_path / "shard")
        try:
            assert shard.port != busy
            assert (LOOPBACK, shard.port) in _listening(shard.process.pid)
        finally:
            shard.stop()


def test_a_shard_on_a_taken_port_says_so(tmp_path: Path) -> None:
    need_shard_servers()
    with socket.socket() as taken:
        taken.bind((LOOPBACK, 0))
        taken.listen()
        with pytest.raises(local.PortTakenError, match="already in use"):
            local.start_shard(tmp_path / "shard", taken.getsockname()[1])
