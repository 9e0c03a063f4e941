"""The question collections: built from the development parts only, judgments pointing at real paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.evaluation import collections
from tests.conftest import DATA, need


@pytest.fixture(scope="module")
def data():
    return need(DATA / "xquad").parent


@pytest.mark.parametrize(
    ("name", "documents", "queries", "slices"),
    [
        ("xquad-ar", 120, 632, 1),
        ("xquad-en", 120, 632, 1),
        ("xquad-mixed", 240, 1264, 4),
        ("arcd-dev", 231, 693, 1),
    ],
)
def test_sizes(data, name: str, documents: int, queries: int, slices: int) -> None:
    collection = collections.build(name, data)
    assert (len(collection.documents), len(collection.queries), len(collection.slices)) == (
        documents,
        queries,
        slices,
    )
    ids = {doc["id"] for doc in collection.documents}
    for part in collection.slices:
        assert all(set(judged) <= ids for judged in part.qrels.values())


def test_reserved_parts_are_never_read(data, tmp_path: Path) -> None:
    # A copy of the data where every reserved part is poisoned or missing:
    # XQuAD articles 24-47 replaced, arcd-test.json absent.
    for lang in ("ar", "en"):
        xquad = json.loads((data / f"xquad/xquad.{lang}.json").read_text("utf-8"))
        for article in xquad["data"][24:]:
            article["paragraphs"] = [{"context": "RESERVED", "qas": [{"id": "r", "question": "RESERVED"}]}]
        (tmp_path / "xquad").mkdir(exist_ok=True)
        (tmp_path / f"xquad/xquad.{lang}.json").write_text(json.dumps(xquad), "utf-8")
    (tmp_path / "arcd").mkdir()
    (tmp_path / "arcd/arcd-train.json").symlink_to(data / "arcd/arcd-train.json")
    for name in ("xquad-ar", "xquad-en", "xquad-mixed", "arcd-dev"):
        collection = collections.build(name, tmp_path)
        assert "RESERVED" not in {doc["body"] for doc in collection.documents}, name
        assert "RESERVED" not in {query.text for query in collection.queries}, name


def test_mixed_judges_both_languages_and_cross_slices_one(data) -> None:
    mixed = collections.build("xquad-mixed", data)
    both, cross = mixed.slices[0], mixed.slices[1]
    assert (both.name, cross.name) == ("en questions", "en questions, ar paragraph only")
    qid = next(iter(both.qrels))
    assert sorted(doc.split("-")[1] for doc in both.qrels[qid]) == ["ar", "en"]
    assert [doc.split("-")[1] for doc in cross.qrels[qid]] == ["ar"]
    # Aligned: the same article and paragraph number in both languages.
    assert len({doc.split("-", 2)[2] for doc in both.qrels[qid]}) == 1


def test_paragraphs_are_untitled_for_every_system(data) -> None:
    assert all(doc["title"] == "" for doc in collections.build("arcd-dev", data).documents)
