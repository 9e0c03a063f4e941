"""Adding by id, rebuilding with a swap, and keeping the old index when a rebuild fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from search import Document, Engine, interrupts
from search.indexing import EmptyRebuildError
from search.ingest.outcomes import Rejection

ARTICLE = {
    "id": "a1",
    "title": "داعش يتبنى هجوم تدمر",
    "body": "أعلن تنظيم داعش مسؤوليته عن الهجوم قرب تدمر.",
    "lang": "ar",
}


def test_add_then_update_by_id(tmp_path: Path, backend: str) -> None:
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        report = engine.add_documents(
            [ARTICLE, {"id": "e1", "title": "ISIS claims Palmyra attack", "body": "ISIS said it attacked."}]
        )
        assert (report.added, report.updated, report.rejected) == (2, 0, [])
        report = engine.add_documents([dict(ARTICLE, title="تنظيم داعش يتبنى هجوم تدمر")])
        assert (report.added, report.updated) == (0, 1)
        assert engine.get("a1").title == "تنظيم داعش يتبنى هجوم تدمر"
        assert [hit.id for hit in engine.search("تدمر")] == ["a1", "e1"]  # e1 says Palmyra
        assert engine.delete("a1") and not engine.delete("a1")
        assert [hit.id for hit in engine.search("تدمر")] == ["e1"]


def test_bad_documents_are_reported_and_the_rest_indexed(tmp_path: Path, backend: str) -> None:
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        report = engine.add_documents([ARTICLE, {"id": "empty", "title": "x", "body": "  "}, "not a record"])
        assert report.added == 1
        assert (report.rejected[0].id, "empty body" in report.rejected[0].reason) == ("empty", True)
        assert len(report.rejected) == 2


def test_same_id_twice_in_one_batch_keeps_the_later(tmp_path: Path, backend: str) -> None:
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        report = engine.add_documents([ARTICLE, dict(ARTICLE, title="later")])
        assert report.added == 1 and len(report.duplicates) == 1
        assert engine.get("a1").title == "later"


def test_rebuild_swaps_and_reports(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, [ARTICLE], procs=1, backend=backend)
    with Engine.open(path) as engine:
        assert engine.search("داعش").total == 1
        report = Engine.rebuild(
            path, [Document("b1", "Raqqa checkpoints", "Checkpoints in Raqqa were tightened.", "en")], procs=1
        )
        assert report.added == 1
        # The open engine follows the swap on its next search.
        assert engine.search("داعش").total == 0 and engine.search("Raqqa").total == 1


def test_rebuild_with_duplicates_keeps_the_first(tmp_path: Path, backend: str) -> None:
    report = Engine.rebuild(
        tmp_path / "index", [ARTICLE, dict(ARTICLE, title="second")], procs=1, backend=backend
    )
    assert report.added == 1 and report.duplicates[0].id == "a1"


def test_failed_rebuild_leaves_the_old_index_serving(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, [ARTICLE], procs=1, backend=backend)

    def crashing() -> Iterator[dict]:
        yield dict(ARTICLE, id="new")
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        Engine.rebuild(path, crashing(), procs=1, backend=backend)
    with Engine.open(path) as engine:
        assert [hit.id for hit in engine.search("داعش")] == ["a1"]
    assert len(list(path.glob("gen-*"))) == 1  # the half-built generation is gone


def test_an_add_after_a_swallowed_ctrl_c_commits_nothing(
    tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C that some library caught is still on record (search/interrupts.py): no commit."""
    path = tmp_path / "index"
    Engine.rebuild(path, [ARTICLE], procs=1, backend=backend)
    monkeypatch.setattr(interrupts, "_received", True)
    with Engine.open(path) as engine:
        with pytest.raises(KeyboardInterrupt):
            engine.add_documents([dict(ARTICLE, id="new", body="داعش في تدمر مرة أخرى.")])
        assert [hit.id for hit in engine.search("داعش")] == ["a1"]


def test_empty_rebuild_keeps_the_old_index(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, [ARTICLE], procs=1, backend=backend)
    with pytest.raises(EmptyRebuildError, match="was kept") as caught:
        Engine.rebuild(path, [Rejection("x.txt", "empty file")], procs=1, backend=backend)
    assert caught.value.report.rejected[0].origin == "x.txt"
    with Engine.open(path) as engine:
        assert engine.search("داعش").total == 1


def test_parallel_writer_rebuild(tmp_path: Path, backend: str) -> None:
    """Two writer processes: the analyzer must survive pickling into them."""
    docs = [dict(ARTICLE, id=f"a{n}", body=f"{ARTICLE['body']} رقم {n}") for n in range(300)]
    report = Engine.rebuild(tmp_path / "index", docs, procs=2, backend=backend)
    assert report.added == 300
    with Engine.open(tmp_path / "index") as engine:
        assert engine.search("لداعش").total == 300


@pytest.mark.parametrize("procs", [1, 2])
def test_a_title_cut_from_the_body_is_shown_but_not_indexed_again(
    tmp_path: Path, backend: str, procs: int
) -> None:
    # Untitled items get their first words as a display title; indexing that
    # copy as a boosted title would rank them by their first line.
    untitled = {"id": "u", "body": "Palmyra was retaken.\n\nThe coalition said so.", "lang": "en"}
    titled = {"id": "t", "title": "Palmyra retaken", "body": "The coalition said so.", "lang": "en"}
    Engine.rebuild(tmp_path / "index", [untitled, titled], procs=procs, backend=backend)
    with Engine.open(tmp_path / "index") as engine:
        assert [hit.id for hit in engine.search("title:Palmyra")] == ["t"]
        assert {hit.id for hit in engine.search("Palmyra")} == {"t", "u"}
        assert engine.get("u").title == "Palmyra was retaken."
        assert {hit.id: hit.title for hit in engine.search("Palmyra")}["u"] == "Palmyra was retaken."


def test_the_same_text_under_two_urls_is_a_duplicate(tmp_path: Path, backend: str) -> None:
    story = {"title": "Raqqa checkpoints", "body": "Security forces tightened checkpoints in Raqqa."}
    first = dict(story, url="https://example.org/raqqa")
    second = dict(story, url="https://mirror.example.net/2026/raqqa-story")
    report = Engine.rebuild(tmp_path / "index", [first, second], procs=1, backend=backend)
    assert report.added == 1 and "same text as https://example.org/raqqa" in report.duplicates[0].reason
    with Engine.open(tmp_path / "index") as engine:
        report = engine.add_documents([dict(story, url="https://third.example.com/x")])
        assert report.added == 0 and len(report.duplicates) == 1
        assert engine.search("Raqqa").total == 1


def test_tracking_parameters_and_scheme_do_not_change_the_id(tmp_path: Path, backend: str) -> None:
    story = {"title": "Palmyra", "body": "Palmyra ambush."}
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents([dict(story, url="http://www.example.org/a/?utm_source=x#top")])
        report = engine.add_documents(
            [dict(story, url="https://example.org/a", body="Palmyra ambush, updated.")]
        )
        assert (report.added, report.updated) == (0, 1)
        assert [hit.id for hit in engine.search("Palmyra")] == ["https://example.org/a"]
