"""The writer contract on every backend: changes are seen at commit, and a cancel drops them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from search.backends import Reader, get_backend
from search.documents import Document
from search.index import IndexStore, document_fields


def _fields(number: int) -> dict[str, object]:
    return document_fields(
        Document(
            id=f"article-{number}",
            title=f"تظاهرات في دمشق {number}",
            body="خرج آلاف المتظاهرين إلى شوارع دمشق للمطالبة بالإفراج عن المعتقلين.",
            lang="ar",
            published=datetime(2025, 12, number + 1),
            source="bbc",
        )
    )


def _state(reader: Reader) -> tuple[int, str, dict | None]:
    """How many articles, the title of article-1, and what is stored for article-2; then close."""
    try:
        return (
            reader.doc_count(),
            reader.document("id", "article-1")["title"],
            reader.document("id", "article-2"),
        )
    finally:
        reader.close()


def test_a_cancelled_writer_leaves_the_live_index_as_it_was(tmp_path: Path, backend: str) -> None:
    store = IndexStore(tmp_path / "index")
    generation = store.create(backend=backend)
    engine = get_backend(backend)
    writer = engine.writer(generation)
    writer.add(_fields(1))
    writer.commit()
    writer = engine.writer(generation)
    for number in range(2, 7):
        writer.add(_fields(number))
    writer.update(dict(_fields(1), title="عنوان آخر"))
    writer.cancel()
    assert _state(engine.reader(generation)) == (1, "تظاهرات في دمشق 1", None)


def test_a_committed_writer_shows_adds_updates_and_deletes(tmp_path: Path, backend: str) -> None:
    store = IndexStore(tmp_path / "index")
    generation = store.create(backend=backend)
    engine = get_backend(backend)
    writer = engine.writer(generation)
    for number in range(1, 4):
        writer.add(_fields(number))
    writer.commit()
    writer = engine.writer(generation)
    writer.update(dict(_fields(1), title="عنوان آخر"))
    assert writer.delete("article-2") is True
    assert writer.delete("no-such-article") is False
    writer.commit()
    assert _state(engine.reader(generation)) == (2, "عنوان آخر", None)
