"""A cluster index's shard list and settings, kept in its folder (no Xapian needed to read them).

`news-search cluster init DIR --shard HOST:PORT ...` writes DIR/CLUSTER.json;
every generation copies it, so a generation names the shards its articles
went to. A shard server answers searches on PORT and takes the cluster's
writes on PORT + 1 (search/backends/cluster/server.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from search.errors import SearchError

CLUSTER_FILE = "CLUSTER.json"
FORMAT = 1
DEFAULT_TIMEOUT_MS = 10_000  # per request to a shard: a search, a batch of writes


@dataclass(frozen=True)
class Shard:
    host: str
    port: int

    @property
    def write_port(self) -> int:
        return self.port + 1

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def parse(cls, text: str) -> Shard:
        """HOST:PORT, as given to --shard; SearchError naming the bad value otherwise."""
        host, _, port = text.strip().rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65535:
            raise SearchError(
                f"--shard {text!r}: give HOST:PORT, the address and port of `news-search shard serve` "
                "(it also takes writes on PORT+1, so PORT is at most 65534)"
            )
        return cls(host.strip("[]"), int(port))


@dataclass(frozen=True)
class ClusterConfig:
    shards: tuple[Shard, ...]
    timeout_ms: int = DEFAULT_TIMEOUT_MS
    backend: str = "xapian"

    def shard_of(self, doc_id: str) -> int:
        """The shard an article lives on: a stable hash of its id (not Python's salted hash)."""
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).digest()
        return int.from_bytes(digest[:8], "big") % len(self.shards)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "backend": self.backend,
                "shards": [str(shard) for shard in self.shards],
                "timeout_ms": self.timeout_ms,
            },
            indent=2,
        )

    def save(self, folder: Path) -> None:
        """Write the settings into `folder` atomically."""
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{CLUSTER_FILE}.{secrets.token_hex(4)}"
        temporary.write_text(self.to_json() + "\n", "utf-8")
        os.replace(temporary, folder / CLUSTER_FILE)


def is_cluster(folder: Path) -> bool:
    return (folder / CLUSTER_FILE).is_file()


def load(folder: Path) -> ClusterConfig:
    """The settings in `folder` (an index root or one of its generations)."""
    path = folder / CLUSTER_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
        shards = tuple(Shard.parse(text) for text in data["shards"])
        timeout = int(data.get("timeout_ms", DEFAULT_TIMEOUT_MS))
    except FileNotFoundError:
        raise SearchError(
            f"{folder}: not a cluster index; make one with `news-search cluster init {folder} "
            "--shard HOST:PORT ...`"
        ) from None
    except (ValueError, KeyError, TypeError) as error:
        raise SearchError(
            f"{path}: unreadable cluster settings ({error}); run `news-search cluster init` again"
        ) from None
    if not shards:
        raise SearchError(f"{path}: lists no shards; run `news-search cluster init` again")
    return ClusterConfig(shards, timeout, data.get("backend", "xapian"))
