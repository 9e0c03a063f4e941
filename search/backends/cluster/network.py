"""Connections to shard servers, and Xapian's network errors as errors that name the shard."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import xapian

from search.backends.cluster.config import ClusterConfig, Shard
from search.errors import ShardUnavailableError

Result = TypeVar("Result")
# Xapian names the remote end in an error's context: "remote:tcp(127.0.0.1:47001)".
_CONTEXT = re.compile(r"tcp\((.+):(\d+)\)")
# What a shard that is down, unreachable, too slow or missing its database raises.
NETWORK_ERRORS = (xapian.NetworkError, xapian.DatabaseOpeningError)


def open_for_search(config: ClusterConfig) -> xapian.Database:
    """One database over every shard's search port; Xapian merges their statistics."""
    combined = xapian.Database()
    for shard in config.shards:
        timeout = config.timeout_ms
        combined.add_database(
            naming_shard(shard, shard.port, xapian.remote_open, shard.host, shard.port, timeout, timeout)
        )
    return combined


def open_for_writing(config: ClusterConfig, shard: Shard) -> xapian.WritableDatabase:
    """A shard's write port (one writer at a time: the shard holds Xapian's lock)."""
    port, timeout = shard.write_port, config.timeout_ms
    return naming_shard(shard, port, xapian.remote_open_writable, shard.host, port, timeout, timeout)


def naming_shard(shard: Shard, port: int, call: Callable[..., Result], *args: object) -> Result:
    """`call(*args)` on `shard`'s `port`, a network error raised as ShardUnavailableError naming it."""
    try:
        return call(*args)
    except NETWORK_ERRORS as error:
        raise unavailable(error, f"{shard.host}:{port}") from None


def unavailable(
    error: xapian.Error, shard: Shard | None = None, port: int | None = None
) -> ShardUnavailableError:
    context = _CONTEXT.search(error.get_context() or "")
    address = (
        f"{context[1]}:{context[2]}" if context else f"{shard.host}:{port or shard.port}" if shard else ""
    )
    what = "timed out" if isinstance(error, xapian.NetworkTimeoutError) else "is unavailable"
    return ShardUnavailableError(
        f"shard {address or '(unknown)'} {what}: {error.get_msg()}; check that `news-search shard serve` "
        "runs there and is reachable",
        address,
    )
