"""How a command ends: its exit code, and the error for input it cannot use (exit 2)."""

from __future__ import annotations

from search.errors import SearchError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
EXIT_UNAVAILABLE = 3  # a shard of a cluster index is down, unreachable or too slow
EXIT_INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)

INTERRUPTED = "interrupted; the live index is unchanged"  # Ctrl-C's one line
INTERRUPTED_SWAPPED = "interrupted after the rebuilt index went live"  # ... once a rebuild had swapped


class UsageError(SearchError):
    """A command given wrong or unusable input; nothing was changed."""
