"""A shard server: Debian's xapian-tcpsrv serving one shard folder, for searches and for writes.

Two xapian-tcpsrv processes share the shard's database: one answers
searches on PORT (any number of connections, each read-only), the other
takes the cluster's writes on PORT + 1 (Xapian allows one writer: a second
gets a lock error, which the cluster reports). The search port never opens
the database for writing, so searches go on while a rebuild writes.

xapian-tcpsrv has no authentication: it binds loopback unless told
otherwise, and a shard's ports belong on a private network only.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

from search.errors import SearchError
from search.locking import die_with_parent

PROGRAM = "xapian-tcpsrv"
PACKAGE = "xapian-tools"
READY_SECONDS = 10.0
STOP_SECONDS = 5.0


class ServerMissingError(SearchError):
    """xapian-tcpsrv is not installed."""


def program() -> str:
    """The path of xapian-tcpsrv; ServerMissingError naming the package otherwise."""
    path = shutil.which(PROGRAM)
    if path is None:
        raise ServerMissingError(
            f"{PROGRAM} is not installed: it comes with Debian's {PACKAGE} package "
            f"(apt-get install {PACKAGE}), which a shard server runs"
        )
    return path


def prepare_folder(folder: Path) -> None:
    """An empty shard database in `folder` if there is none; refuse a folder holding other things."""
    import xapian  # the Xapian extra; imported here so `program()` can be checked without it

    if folder.exists() and not folder.is_dir():
        raise SearchError(f"{folder}: is a file; give a folder for the shard's database")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "iamglass").is_file():
        raise SearchError(f"{folder}: holds files but no Xapian database; give an empty or a shard folder")
    folder.mkdir(parents=True, exist_ok=True)
    xapian.WritableDatabase(str(folder), xapian.DB_CREATE_OR_OPEN).close()


def _die_with_parent() -> None:
    """In each xapian-tcpsrv: end when the shard server ends, even if it is killed."""
    die_with_parent(signal.SIGTERM)


class ShardServer:
    """The two xapian-tcpsrv processes of one shard, started together and stopped together."""

    def __init__(self, folder: Path, host: str, port: int) -> None:
        self.folder, self.host, self.port = folder, host, port
        self.processes: list[subprocess.Popen[bytes]] = []
        self.stopping = False

    def _stop_requested(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def start(self) -> None:
        # From the first moment: a Ctrl+C or SIGTERM while starting stops cleanly too.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._stop_requested)
        path = program()
        prepare_folder(self.folder)
        for port, writable in ((self.port, False), (self.port + 1, True)):
            command = [path, "--port", str(port), "--interface", self.host, "--quiet"]
            command += ["--writable"] if writable else []
            self.processes.append(
                subprocess.Popen(
                    [*command, str(self.folder)],
                    stdout=subprocess.DEVNULL,  # its errors go to our stderr, for the operator
                    # Its own process group: xapian-tcpsrv signals its whole group when it
                    # stops (to end its connection processes), which would reach us too.
                    start_new_session=True,
                    preexec_fn=_die_with_parent,
                )
            )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + READY_SECONDS
        for port, process in zip((self.port, self.port + 1), self.processes, strict=True):
            while not _accepts(self.host, port) and not self.stopping:
                if process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise SearchError(
                        f"shard server on {self.host}:{port} did not start (see {PROGRAM}'s message above); "
                        "is the port free? A shard uses PORT and PORT+1"
                    )
                time.sleep(0.05)

    def wait(self) -> int:
        """Until a process ends (then stop the other and return 1) or a stop signal (return 0)."""
        while not self.stopping and all(process.poll() is None for process in self.processes):
            time.sleep(0.2)
        ended = [process for process in self.processes if process.poll() is not None]
        self.stop()
        if self.stopping:
            return 0
        for process in ended:
            print(
                f"error: {PROGRAM} ended with code {process.returncode}; the shard is stopped",
                file=sys.stderr,
            )
        return 1

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in self.processes:
            try:
                process.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _accepts(host: str, port: int) -> bool:
    """Whether xapian-tcpsrv answers on `port`: a real handshake (a bare TCP probe makes it log errors)."""
    import xapian

    try:
        xapian.remote_open(host, port, 500, 500).close()
    except xapian.Error:
        return False
    return True
