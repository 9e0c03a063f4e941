"""Ctrl-C that reached a library's own error handling still stops a write.

Python turns Ctrl-C into KeyboardInterrupt wherever the main thread is. Raised
inside an import's weakref callback (scipy, imported at a rebuild's first
signature) it was printed as "Exception ignored" and lost, and the rebuild went
on to replace the index the user had meant to keep; raised inside a library's
`except Exception` it became another error. So the handler the command line
installs also records the interrupt, and a write asks `raise_if_interrupted()`
before it publishes anything.
"""

from __future__ import annotations

import signal
from types import FrameType

_received = False


def record_interrupts() -> None:
    """Have Ctrl-C raise KeyboardInterrupt, as Python's own handler does, and be remembered.

    Only where Python's own handler is in place: a Ctrl-C that the process
    ignores (a job started in the background) or that an embedding application
    handles is left alone.
    """
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted)


def _interrupted(signum: int, frame: FrameType | None) -> None:
    global _received
    _received = True
    raise KeyboardInterrupt


def interrupted() -> bool:
    """Whether Ctrl-C reached this process since `record_interrupts()`."""
    return _received


def raise_if_interrupted() -> None:
    """Raise KeyboardInterrupt if Ctrl-C came and something swallowed it: call before publishing."""
    if _received:
        raise KeyboardInterrupt
