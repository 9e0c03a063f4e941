"""Shard servers started on this machine, on loopback: for tests, benchmarks and a one-machine trial.

Each is `news-search shard serve` in a subprocess, returned once both of its
ports answer Xapian's handshake. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK = "127.0.0.1"
READY_SECONDS = 20.0
START_ATTEMPTS = 3


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
        """The shard server's messages."""
        return self.folder.with_suffix(".log")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=15)


class PortTakenError(RuntimeError):
    """The shard server found its port taken: another process bound it after the check."""


def start_shard(folder: Path, port: int | None = None) -> RunningShard:
    """`news-search shard serve FOLDER` on loopback, once it answers on both ports. Without a
    `port`, on a free pair, and on another if a process takes the pair between the check and
    the server's bind (an outgoing connection may be given either port as its own)."""
    if port is not None:
        return _start_shard(folder, port)
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            return _start_shard(folder, free_port_pair())
        except PortTakenError:
            if attempt == START_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _start_shard(folder: Path, port: int) -> RunningShard:
    import xapian  # the extra; this module is imported where it may be missing (tests skip then)

    log = folder.with_suffix(".log")
    folder.parent.mkdir(parents=True, exist_ok=True)
    logged = log.stat().st_size if log.exists() else 0
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
                message = log.read_bytes()[logged:].decode("utf-8", "replace")
                taken = PortTakenError if "already in use" in message else RuntimeError
                raise taken(f"shard server did not start: {message}") from None
            time.sleep(0.1)


def documents_on(shards: list[RunningShard]) -> int:
    """How many articles the shards hold, of every generation (read past the cluster)."""
    import xapian

    return sum(xapian.remote_open(LOOPBACK, shard.port, 5000, 5000).get_doccount() for shard in shards)


class ShardPool:
    """Shard servers under one folder, stopped together (`with ShardPool(folder) as pool:`)."""

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

    def __enter__(self) -> ShardPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()
