"""The index folder: generations, the atomic CURRENT pointer, clear errors."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from search.errors import IndexExistsError, IndexNotFoundError
from search.index import GRACE_SECONDS, POINTER, IndexStore


def test_create_open_and_refuse_to_overwrite(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    generation = store.create()
    assert store.current() == generation
    assert (tmp_path / "index" / POINTER).read_text().strip() == generation.name
    backend, live = store.open()
    assert backend.name == "whoosh" and live == generation and backend.reader(live).doc_count() == 0
    with pytest.raises(IndexExistsError, match="overwrite=True"):
        store.create()
    assert store.create(overwrite=True) != generation


def test_open_without_index_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="rebuild-index"):
        IndexStore(tmp_path / "nothing").open()


def test_a_dangling_pointer_is_no_index(tmp_path: Path) -> None:
    root = tmp_path / "index"
    root.mkdir()
    (root / POINTER).write_text("gen-gone\n")
    assert IndexStore(root).current() is None


def test_prune_keeps_the_live_generation_and_its_predecessor(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    generations = [store.create(overwrite=True) for _ in range(4)]
    assert len(list((tmp_path / "index").glob("gen-*"))) == 4  # all recent: a search may still read them
    old = time.time() - GRACE_SECONDS - 60
    for number, generation in enumerate(generations):
        os.utime(generation, (old + number, old + number))
    store.prune()
    remaining = sorted(path.name for path in (tmp_path / "index").glob("gen-*"))
    assert remaining == sorted(path.name for path in generations[-2:])
    assert store.current() == generations[-1]
