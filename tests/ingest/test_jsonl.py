"""JSON Lines: good lines indexed, bad lines rejected with their number, unknown fields named."""

from __future__ import annotations

import json
from pathlib import Path

from search.documents import Document
from search.ingest.jsonl import read_jsonl
from search.ingest.outcomes import Notice, Rejection

GOOD = {
    "id": "a1",
    "title": "داعش يتبنى هجوم تدمر",
    "body": "أعلن تنظيم داعش مسؤوليته عن الهجوم قرب تدمر.",
    "lang": "ar",
}


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_broken_line_in_the_middle(tmp_path: Path) -> None:
    second = dict(GOOD, id="a3", title="Second")
    path = write(
        tmp_path / "feed.jsonl", [json.dumps(GOOD), '{"id": "a2", "title": "cut', json.dumps(second)]
    )
    outcomes = list(read_jsonl(path))
    assert [o.id for o in outcomes if isinstance(o, Document)] == ["a1", "a3"]
    [rejection] = [o for o in outcomes if isinstance(o, Rejection)]
    assert rejection.origin == f"{path}:2"
    assert (
        rejection.reason == "broken JSON (Unterminated string starting at column 23): fix or remove the line"
    )


def test_unknown_fields_are_named_once(tmp_path: Path) -> None:
    records = [dict(GOOD, id=str(n), text="x", category="politics") for n in range(3)]
    outcomes = list(read_jsonl(write(tmp_path / "f.jsonl", [json.dumps(r) for r in records])))
    notices = [o for o in outcomes if isinstance(o, Notice)]
    assert len(notices) == 1 and "category, text" in notices[0].message


def test_record_errors_carry_line_and_id(tmp_path: Path) -> None:
    lines = [json.dumps(dict(GOOD, body="")), "[1, 2]", json.dumps(dict(GOOD, id="ok"))]
    outcomes = list(read_jsonl(write(tmp_path / "f.jsonl", lines)))
    rejections = [o for o in outcomes if isinstance(o, Rejection)]
    assert [(r.origin.rsplit(":", 1)[1], r.id) for r in rejections] == [("1", "a1"), ("2", "")]
    assert "empty body" in rejections[0].reason and "JSON object" in rejections[1].reason


def test_non_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + '{"title": "سوريا"}'.encode("cp1256") + b"\n")
    outcomes = list(read_jsonl(path))
    assert isinstance(outcomes[0], Document)
    assert isinstance(outcomes[1], Rejection) and "not UTF-8" in outcomes[1].reason


def test_utf16_and_bom(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-8-sig"):
        path = write(tmp_path / f"{encoding}.jsonl", [json.dumps(GOOD, ensure_ascii=False)], encoding)
        [doc] = list(read_jsonl(path))
        assert isinstance(doc, Document) and doc.title == GOOD["title"]


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    outcomes = list(read_jsonl(write(tmp_path / "f.jsonl", ["", json.dumps(GOOD), "   ", ""])))
    assert len(outcomes) == 1


def test_a_binary_file_named_jsonl_is_one_file_level_rejection(tmp_path: Path) -> None:
    import random

    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(20_000))  # hundreds of "lines"
    [outcome] = list(read_jsonl(path))
    assert isinstance(outcome, Rejection) and outcome.origin == str(path)
    assert outcome.reason.startswith("binary data, not text")


def test_arabic_utf8_lines_are_not_taken_for_binary(tmp_path: Path) -> None:
    path = tmp_path / "ar.jsonl"
    record = {
        "id": "a1",
        "title": "تدمر",
        "body": "قالت مصادر محلية إن الاشتباكات تجددت قرب بادية تدمر. " * 80,
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [doc] = list(read_jsonl(path))
    assert isinstance(doc, Document) and doc.title == "تدمر"
