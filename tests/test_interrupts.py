"""Recording Ctrl-C: only where Python's own handler would have raised KeyboardInterrupt."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from search import interrupts


@pytest.fixture
def sigint_handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test's changes to the SIGINT handler and the record, undone after it."""
    previous = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(interrupts, "_received", False)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("sigint_handler")
def test_a_recorded_ctrl_c_raises_and_is_remembered() -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)
    interrupts.record_interrupts()
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    assert interrupts.interrupted()
    with pytest.raises(KeyboardInterrupt):
        interrupts.raise_if_interrupted()


@pytest.mark.usefixtures("sigint_handler")
def test_an_ignored_ctrl_c_stays_ignored() -> None:
    """A job started in the background ignores Ctrl-C; recording must not make it interruptible."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    interrupts.record_interrupts()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    signal.raise_signal(signal.SIGINT)
    assert not interrupts.interrupted()
    interrupts.raise_if_interrupted()
