"""What readers yield besides Documents: a rejected item, or a notice about a file.

Nothing a reader meets is dropped silently: a bad record becomes a
Rejection with its place (file, line) and reason; a remark about a whole file
(unknown JSON fields, replaced bytes) becomes a Notice.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejection:
    """An item that was not indexed: where it is, why, and its id if known."""

    origin: str
    reason: str
    id: str = ""


@dataclass(frozen=True)
class Notice:
    """A warning about a file that did not stop it from being indexed."""

    origin: str
    message: str
