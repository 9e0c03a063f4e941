"""Walking files and folders: every file ends up indexed, rejected or noticed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli import sample_corpus
from search.documents import Document
from search.ingest.outcomes import Notice, Rejection
from search.ingest.sources import (
    MAX_FILE_BYTES,
    SourceNotFoundError,
    check_sources,
    read_sources,
    supported_suffixes,
)


def test_sample_corpus_reads_cleanly() -> None:
    outcomes = list(read_sources([sample_corpus()]))
    docs = [o for o in outcomes if isinstance(o, Document)]
    assert len(docs) == 54
    assert {doc.lang for doc in docs} == {"ar", "en"}
    assert not [o for o in outcomes if isinstance(o, Rejection)]
    assert [o.origin.endswith("README.md") for o in outcomes if isinstance(o, Notice)] == [True]


def test_mixed_folder(tmp_path: Path) -> None:
    (tmp_path / "good.jsonl").write_text(
        json.dumps({"title": "t", "body": "Syria joins the coalition."}) + "\n"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("ignored")
    outcomes = list(read_sources([tmp_path]))
    assert sum(isinstance(o, Document) for o in outcomes) == 1
    rejected = {Path(o.origin).name: o.reason for o in outcomes if isinstance(o, Rejection)}
    assert set(rejected) == {"empty.txt", "binary.txt"}
    assert "empty" in rejected["empty.txt"] and "not text" in rejected["binary.txt"]
    noticed = [Path(o.origin).name for o in outcomes if isinstance(o, Notice)]
    assert noticed == ["notes.pdf"]


def test_unsupported_file_named_explicitly_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    [outcome] = list(read_sources([path]))
    assert isinstance(outcome, Rejection) and "unsupported file type '.pdf'" in outcome.reason


def test_missing_path() -> None:
    with pytest.raises(SourceNotFoundError, match="no-such-folder"):
        check_sources(["no-such-folder"])


def test_readers_by_extension() -> None:
    assert supported_suffixes() == [
        ".atom", ".htm", ".html", ".jsonl", ".ndjson", ".rdf", ".rss", ".txt", ".xml"
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["huge.html", "huge.rss", "huge.txt"])
def test_pages_and_feeds_over_the_limit_are_refused_unread(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and never read
    [rejection] = list(read_sources([path]))
    assert isinstance(rejection, Rejection) and "too large for one page or feed" in rejection.reason


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero"])
def test_a_device_is_named_for_what_it_is_not_as_missing(path: str) -> None:
    with pytest.raises(SourceNotFoundError, match=f"^{path}: not a file or folder") as caught:
        check_sources([path])
    assert "no such file" not in str(caught.value)
    with pytest.raises(SourceNotFoundError, match="not a file or folder"):
        list(read_sources([path]))
