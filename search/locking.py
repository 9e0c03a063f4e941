"""One writer at a time per index path, across processes, with a clear message.

The lock is an OS file lock (flock) on `<index>/WRITELOCK`: the kernel drops
it when its holder dies, so a crashed rebuild never leaves the index locked.
The file also records who holds the lock (pid, command, start time), so the
next writer can say who is writing, and notice (and report) that the previous
holder died without unlocking: a stale lock, recovered.

Rebuilds, adds and deletes all take it: an add that ran during a rebuild
would otherwise go into the old generation and be lost at the swap.

Whoosh forks its writer processes while the lock is held. A forked child
closes its copy of the lock (or a killed rebuild's orphans would keep the
index locked), is set to die with its parent (or they would wait forever
for work that never comes), and ignores Ctrl-C, which the parent handles by
ending them (search/backends/whoosh/writer.py) instead of each printing a traceback.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from search.errors import IndexLockedError

LOCK_FILE = "WRITELOCK"
POLL_SECONDS = 0.1
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_held: set[int] = set()  # descriptors of the locks this process holds


def _after_fork_in_child() -> None:
    if not _held:
        return
    for handle in _held:
        with contextlib.suppress(OSError):
            os.close(handle)  # the parent keeps the lock through its own descriptor
    _held.clear()
    # Ctrl-C at a terminal reaches the whole process group.
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held by forking_processes
    die_with_parent(signal.SIGKILL)  # not on Linux: orphans end when their queue breaks


os.register_at_fork(after_in_child=_after_fork_in_child)


def die_with_parent(signum: int) -> None:
    """Have the kernel send this process `signum` when its parent ends, even by SIGKILL
    (Linux's PR_SET_PDEATHSIG; elsewhere nothing)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signum)


@contextlib.contextmanager
def forking_processes() -> Iterator[None]:
    """Hold Ctrl-C while worker processes are forked, and take it after.

    Python ignores an exception raised in its at-fork hooks: a Ctrl-C that
    arrived while a writer forked was printed as "Exception ignored" and the
    rebuild went on to the end. Held, it arrives once the forks are done.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


class WriterLock:
    """Hold the index's writer lock for a block: `with WriterLock(root, wait=30): ...`.

    `wait` is how many seconds to wait for another writer to finish before
    giving up with IndexLockedError; `recovered` says, after entering, whether
    a crashed writer's lock was found and taken over.
    """

    def __init__(self, root: str | os.PathLike[str], wait: float = 0.0, purpose: str = "") -> None:
        self.root = Path(root)
        self.wait = wait
        self.purpose = purpose or " ".join(sys.argv[:2])
        self.recovered = ""
        self._handle: int | None = None

    @property
    def path(self) -> Path:
        return self.root / LOCK_FILE

    def __enter__(self) -> WriterLock:
        self.root.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self.holder()
                    os.close(handle)
                    raise IndexLockedError(self._busy_message(holder)) from None
                time.sleep(POLL_SECONDS)
        self._handle = handle
        _held.add(handle)
        previous = self.holder()
        if previous and not _alive(int(previous.get("pid", 0))):
            self.recovered = (
                f"recovered a stale lock left by pid {previous.get('pid')} "
                f"({previous.get('purpose', 'a writer')}, since {previous.get('since', '?')}), which is no "
                "longer running; the index it was writing is unchanged"
            )
        record = {"pid": os.getpid(), "purpose": self.purpose, "since": time.strftime("%Y-%m-%dT%H:%M:%S")}
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(record).encode(), 0)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._handle is not None:
            os.ftruncate(self._handle, 0)  # a clean exit leaves no holder behind
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            _held.discard(self._handle)
            os.close(self._handle)
            self._handle = None

    def holder(self) -> dict[str, object]:
        """Who wrote the lock file last (empty if nobody, or unreadable)."""
        try:
            return json.loads(self.path.read_text("utf-8") or "{}")
        except (OSError, ValueError):
            return {}

    def _busy_message(self, holder: dict[str, object]) -> str:
        who = (
            f"pid {holder.get('pid')} ({holder.get('purpose') or 'a writer'}, since {holder.get('since')})"
            if holder
            else "another process"
        )
        waited = f" after waiting {self.wait:g} s" if self.wait else ""
        return (
            f"{self.root}: {who} is writing to this index{waited}; searches still work. "
            "Try again when it is done, or pass --wait SECONDS (wait= in the Python API)."
        )
