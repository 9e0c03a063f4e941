"""The analysis fingerprint: what changes it, and how an index records and compares it."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import Engine
from search.analysis import version
from search.index import ANALYSIS_FINGERPRINT

ARTICLE = {"id": "a1", "title": "داعش في تدمر", "body": "أعلن تنظيم داعش مسؤوليته.", "lang": "ar"}


def test_the_fingerprint_follows_the_revision_and_the_word_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    built = version.analysis_fingerprint()
    version.analysis_fingerprint.cache_clear()
    monkeypatch.setattr(version, "ANALYSIS_REVISION", version.ANALYSIS_REVISION + 1)
    revised = version.analysis_fingerprint()
    version.analysis_fingerprint.cache_clear()
    monkeypatch.undo()
    assert version.analysis_fingerprint() == built != revised
    assert len(built) == 16


def test_a_fresh_index_is_current_and_an_older_one_is_not(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, [ARTICLE], procs=1, backend=backend)
    generation = path / (path / "CURRENT").read_text().strip()
    with Engine.open(path) as engine:
        assert engine.analysis_current() and engine.stats()["analysis"] == {"current": True}
    (generation / ANALYSIS_FINGERPRINT).write_text("0123456789abcdef\n")  # another version's
    with Engine.open(path) as engine:
        assert not engine.analysis_current()
        assert engine.search("داعش").total == 1  # still searched: the record only warns
    (generation / ANALYSIS_FINGERPRINT).unlink()  # built before generations recorded it
    with Engine.open(path) as engine:
        assert not engine.analysis_current()
    Engine.rebuild(path, [ARTICLE], procs=1)
    with Engine.open(path) as engine:
        assert engine.analysis_current()
