"""The errors the public API raises; each message says what to do about it."""

from __future__ import annotations


class SearchError(Exception):
    """Base class of every error this package raises on purpose."""


class IndexNotFoundError(SearchError):
    """No index at the given path (Engine.open)."""


class IndexExistsError(SearchError):
    """An index is already there (Engine.create without overwrite=True)."""


class IndexLockedError(SearchError):
    """Another process is writing to the index."""


class IndexWriteError(SearchError):
    """The operating system refused a write (disk full, read-only); the old index is intact."""


class InvalidDocumentError(SearchError):
    """A document that cannot be indexed; the message is the reason."""


class UndecodableError(InvalidDocumentError):
    """A file whose bytes are not text we can decode (or are empty)."""


class InvalidParameterError(SearchError, ValueError):
    """A search parameter out of range (limit, page, dates, sort).

    The message starts with the parameter's name, for people ("limit: must
    be ..."); `parameter` holds it for programs, and `mentions` any other
    parameter the message names, so the web can say both in its own names
    (since → from) without reading the text.
    """

    def __init__(self, message: str, parameter: str = "", mentions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.mentions = mentions


class ShardUnavailableError(SearchError):
    """A shard server of a cluster index is down, unreachable or too slow; `shard` is its HOST:PORT.

    Searches fail whole rather than answer from the other shards: a partial
    answer would look complete (search/backends/cluster/).
    """

    def __init__(self, message: str, shard: str = "") -> None:
        super().__init__(message)
        self.shard = shard
