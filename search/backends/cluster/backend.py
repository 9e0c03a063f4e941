"""The cluster backend behind the seam (search/backends/__init__.py): shard servers as one index."""

from __future__ import annotations

import shutil
from pathlib import Path

from search.backends import WRITER_LIMIT_MB, Prepare
from search.backends.cluster.config import is_cluster, load
from search.backends.cluster.network import open_for_search
from search.backends.cluster.reader import ClusterReader
from search.backends.cluster.writer import ClusterBulkWriter, ClusterWriter, discard_generation


class ClusterBackend:
    name = "cluster"
    remote = True  # readers hold no files: a replaced generation can go at once

    def create(self, folder: Path) -> None:
        """A generation of the cluster whose settings are in the index folder; every
        shard must answer (ShardUnavailableError names the first that does not)."""
        config = load(folder.parent)
        open_for_search(config).close()
        config.save(folder)

    def exists(self, folder: Path) -> bool:
        return is_cluster(folder)

    def reader(self, folder: Path) -> ClusterReader:
        return ClusterReader(folder, load(folder))

    def writer(
        self,
        folder: Path,
        bulk: bool = False,
        procs: int = 1,
        limitmb: int = WRITER_LIMIT_MB,
        prepare: Prepare | None = None,
    ) -> ClusterWriter | ClusterBulkWriter:
        config = load(folder)
        if bulk and procs > 1:
            return ClusterBulkWriter(folder, config, prepare)
        return ClusterWriter(folder, config, bulk, prepare)

    def discard(self, folder: Path) -> None:
        """Delete the generation's articles from every shard, then its folder; a shard that
        cannot be reached raises, and the folder stays, to be tried again."""
        if is_cluster(folder):
            discard_generation(load(folder), folder.name)
        shutil.rmtree(folder, ignore_errors=True)


BACKEND = ClusterBackend()
__all__ = ["BACKEND", "ClusterBackend"]
